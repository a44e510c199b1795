/*
 * nk_calendar.h
 *	  Calendar arithmetic, month, weekday and time-zone names, and the one
 *	  grammar of printed absolute dates and times the engine has.
 *
 * Days are counted from 1970-01-01 in the proleptic Gregorian calendar, as an
 * int32_t.  Years are valid from 1 to 9999: a year of 0 in an nk_datetime
 * means that no year was printed.
 *
 * Both nk_article (the publication date of a page header) and nk_dates (dates
 * in the body) read dates with nk_parse_datetime(), so that one grammar
 * decides what a printed date is.
 */
#ifndef NK_CALENDAR_H
#define NK_CALENDAR_H

#include "nk_token.h"

#define NK_YEAR_MIN 1
#define NK_YEAR_MAX 9999

typedef struct nk_datetime
{
	int			year;			/* 0 when no year was printed */
	int			month,
				day;			/* 1-based; day 0 when only a month and year were printed */
	int			hour,
				minute,
				second;			/* hour = -1 when no time was printed */
	int			utc_offset;		/* minutes east of UTC; valid when has_zone */
	bool		has_zone;
	int			weekday;		/* 0 = Monday .. 6 printed with the date; -1 when none */
	bool		short_year;		/* the year was printed in two digits ("'98") */
} nk_datetime;

/* calendar arithmetic */
extern bool nk_is_leap_year(int year);
extern int	nk_days_in_month(int year, int month);
extern bool nk_valid_civil(int year, int month, int day);
extern int32_t nk_days_from_civil(int year, int month, int day);	/* days since 1970-01-01 */
extern void nk_civil_from_days(int32_t days, int *year, int *month, int *day);
extern int	nk_weekday(int32_t days);	/* 0 = Monday .. 6 = Sunday */
extern void nk_iso_week(int32_t days, int *iso_year, int *week);
/* Day number of the Monday of the ISO week holding days. */
extern int32_t nk_week_start(int32_t days);

/*
 * Names, matched against a token's folded form: full names, three- and
 * four-letter abbreviations ("Sept", "Tues"); 0 or -1 when it is none.
 */
extern int	nk_month_from_word(const char *fold, size_t len);	/* 1..12, or 0 */
extern int	nk_weekday_from_word(const char *fold, size_t len);	/* 0 = Monday .. 6, or -1 */
/* The same of a token, when it is a capitalised word ("June", "Tues"). */
extern int	nk_month_of_token(const nk_token *t);
extern int	nk_weekday_of_token(const nk_token *t);

/*
 * The same of a token in any case, when it is written out in full ("june",
 * "friday"; "may" and "march" included: the caller decides from the context
 * whether the word is the verb) or, capitalised, abbreviated ("Sept", "Tues").
 */
extern int	nk_month_of_token_any_case(const nk_token *t);
extern int	nk_weekday_of_token_any_case(const nk_token *t);

/* The full name in lower case of a month (1..12) or weekday (0 = Monday .. 6). */
extern const char *nk_month_name(int month);
extern const char *nk_weekday_name(int weekday);

/*
 * An ordinal at tokens[i]: in digits ("21st") or words ("fourth", "twenty-first",
 * "twenty first", "thirtieth"), 1 to 31; 0 when there is none.  *next gets the
 * token after it.
 */
extern int	nk_ordinal_at(const nk_token *tokens, size_t ntokens, size_t i, size_t *next);

/* A zone name of data/dates/zones.tsv, with its IANA zone and offset. */
typedef struct nk_zone_name
{
	const char *name;			/* folded: "kst", "seoul" */
	size_t		len;			/* of name */
	const char *zone;			/* "Asia/Seoul" */
	int			utc_offset;		/* minutes east of UTC */
} nk_zone_name;

/* The table's abbreviations and dateline places, each ending in a NULL name. */
extern const nk_zone_name nk_zone_abbreviations[];
extern const nk_zone_name nk_dateline_places[];

/*
 * Time-zone abbreviations ("KST", "CEST", "Z") to minutes east of UTC.  Some
 * are ambiguous in the world at large; the table reads them the way English
 * news copy mostly does: CST is US Central (not China), IST is India (+5:30,
 * not Ireland or Israel), BST is British Summer Time.  An abbreviation not in
 * the table is not a zone.
 */
extern bool nk_zone_from_word(const char *fold, size_t len, int *utc_offset);

/* A dateline place ("seoul", "moscow") to its zone's minutes east of UTC. */
extern bool nk_zone_of_place(const char *fold, size_t len, int *utc_offset);

/*
 * Parse a printed date (and the time and zone printed next to it, either
 * side) starting at tokens[first]:
 *
 *	Sep.12 - 2023 3:46 PM CET		September 13, 2023 4:34 am
 *	13 September 2023				1 October 2023, Sunday
 *	2023-09-13T07:30:00Z			2023-07-28T05:13+0000		2023-10-19 16:10
 *	Updated 10:21 AM EDT, Wed September 13, 2023 (from "10")
 *	11:14, October 20, 2023			Tuesday, March 5, 2024 at 09:14:05 AM
 *	16-05-2024 20:07 IST			9/13/2023 (numeric day-month orders only
 *									when a part above 12 settles which is which)
 *	Sept. 13						July 2000 (day 0, when allow_month_year)
 *	june 3, the fourth of July		4 Jun '98, 11/30/79 (two-digit years: 00-49 are
 *									20xx, 50-99 are 19xx)
 *
 * A date with a year must be a real calendar day; one without must exist in
 * some year (Feb 29 does, Feb 30 does not).  On success fill *out, set *next
 * to the index of the first token after the expression and *where to its
 * byte span.
 */
extern bool nk_parse_datetime(const char *text, const nk_token *tokens, size_t ntokens,
							  size_t first, bool allow_month_year,
							  nk_datetime *out, size_t *next, nk_span *where);

/*
 * Find the first printed calendar date (month and day at least; with the
 * time and zone printed next to it, either side) in text[0..len) that is a
 * real calendar day (when it has a year); return false when there is none.
 * *where gets the byte span of the whole date-time expression.
 */
extern bool nk_find_datetime(nk_arena *arena, const char *text, size_t len,
							 nk_datetime *out, nk_span *where);

#endif							/* NK_CALENDAR_H */
