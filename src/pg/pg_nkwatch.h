/*
 * pg_nkwatch.h
 *	  Helpers shared by nkwatch's SQL glue (the only code that sees PostgreSQL).
 */
#ifndef PG_NKWATCH_H
#define PG_NKWATCH_H

#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

#include "nk_alloc.h"
#include "nk_text.h"

/* Seconds between the Unix epoch and PostgreSQL's (2000-01-01). */
#define NK_PG_EPOCH_OFFSET ((int64) 946684800)

/* Refuse to work in a database whose encoding is not UTF-8. */
extern void nk_pg_require_utf8(void);

/* Convert between timestamptz and seconds since 1970-01-01 UTC. */
extern int64 nk_pg_timestamptz_to_unix(TimestampTz ts);
extern TimestampTz nk_pg_unix_to_timestamptz(int64 seconds);

/*
 * Byte offsets of a document to the 1-based character positions that
 * substr() and position() count.  Offsets asked for in increasing order cost
 * one pass over the text in all; a step back counts only the bytes stepped
 * over.
 */
typedef struct nk_pg_charpos
{
	const char *text;
	size_t		byte;			/* last offset converted */
	int64		chars;			/* characters before it */
} nk_pg_charpos;

extern void nk_pg_charpos_init(nk_pg_charpos *map, const char *text);
extern int32 nk_pg_charpos_of(nk_pg_charpos *map, size_t byte);
/* Position of byte start and characters in text[start, start + len), counting each byte once. */
extern void nk_pg_charpos_span(nk_pg_charpos *map, size_t start, size_t len, int32 *pos, int32 *chars);
/* Characters in text[start, start + len). */
extern int32 nk_pg_charlen(const char *text, size_t start, size_t len);

/* Start a set-returning function in materialize mode; returns the tuple store. */
extern Tuplestorestate *nk_pg_materialize(FunctionCallInfo fcinfo, TupleDesc *tupdesc);

/*
 * The gazetteer for this call (pg_entities.c): built once per backend from
 * the nk_gazetteer and nk_lexicon tables, rebuilt after they change.
 */
struct nk_syntax_model;
/*
 * The syntax model (pg_syntax.c): mapped from its installed file on the
 * backend's first call, shared with every other backend through the page
 * cache; an ERROR with a hint when it is missing or unusable.
 */
extern const struct nk_syntax_model *nk_pg_syntax_model(void);

struct nk_gazetteer;
extern const struct nk_gazetteer *nk_pg_gazetteer(FunctionCallInfo fcinfo);

/*
 * The document and publication time of a call (doc text, published
 * timestamptz): false when doc is NULL.  *published points at buf, or is
 * NULL when the call gives no time.
 */
extern bool nk_pg_doc_arguments(FunctionCallInfo fcinfo, const char **doc, size_t *len,
								int64 *buf, const int64_t **published);

/* A text datum from bytes. */
extern Datum nk_pg_text_datum(const char *s, size_t len);

#endif							/* PG_NKWATCH_H */
