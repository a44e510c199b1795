/*
 * nk_dates.h
 *	  Time expressions of a document, placed on the calendar against its
 *	  publication time: the dates stage of the pipeline.
 *
 * Every expression comes back with its byte span, its sentence, the
 * inclusive range of days it denotes (days since 1970-01-01), a precision and
 * a TIMEX3 value.  Absolute dates ("13 September 2023", "July 2000") resolve
 * on their own; relative ones ("on Monday", "last month", "four years ago")
 * need the publication time and come back unresolved, with their precision,
 * without it.  Vague ones ("recently", "in the coming days") never resolve.
 *
 * The publication time is an instant.  The day it falls on is taken in UTC,
 * unless one of the first paragraphs opens with a dateline naming a place of
 * a known fixed zone (the dateline places of data/dates/zones.tsv): Seoul and
 * Pyongyang (KST, +9), Tokyo (+9), Beijing (+8), Moscow (+3), Vladivostok (+10).  So an article published at 23:30 UTC
 * with a Pyongyang dateline says "today" of the next UTC day.
 */
#ifndef NK_DATES_H
#define NK_DATES_H

#include "nk_calendar.h"
#include "nk_sentence.h"

typedef enum nk_precision
{
	NK_PREC_DAY,
	NK_PREC_WEEK,
	NK_PREC_MONTH,
	NK_PREC_QUARTER,
	NK_PREC_SEASON,
	NK_PREC_YEAR,
	NK_PREC_DECADE,
	NK_PREC_RANGE,
	NK_PREC_VAGUE
} nk_precision;

typedef struct nk_date_mention
{
	nk_span		span;			/* bytes of the expression in the document */
	int32_t		sentence;		/* 0-based sentence index */
	bool		resolved;		/* date_from and date_to are set */
	int32_t		date_from;		/* inclusive, days since 1970-01-01 */
	int32_t		date_to;
	nk_precision precision;
	const char *timex;			/* TIMEX3 value ("2023-09", "2023-W37", "PAST_REF"); NULL when unresolved */
} nk_date_mention;

typedef NK_VEC(nk_date_mention) nk_date_list;

/* "day", "week", ... "vague": the SQL spelling of a precision. */
extern const char *nk_precision_name(nk_precision precision);

/*
 * Append the time expressions of doc to *out, in text order.  published is
 * the publication instant in seconds since 1970-01-01 00:00 UTC, or NULL
 * when it is unknown.
 */
extern void nk_extract_dates(nk_arena *arena, const nk_doc *doc, const int64_t *published,
							 nk_date_list *out);

/* Minutes east of UTC of the document's dateline place; false when it names none. */
extern bool nk_doc_dateline_offset(const nk_doc *doc, int *utc_offset);

#endif							/* NK_DATES_H */
