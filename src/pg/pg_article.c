/*
 * pg_article.c
 *	  SQL glue of nk_article().
 */
#include "pg_nkwatch.h"

#include "access/htup_details.h"

#include "nk_article.h"

PG_FUNCTION_INFO_V1(pg_nk_article);

/*
 * nk_article(raw text [, fetched timestamptz]) returns
 *	  (title text, author text, published timestamptz, dateline text, body text)
 *
 * NULL raw gives NULL; NULL fetched is the same as no fetched.
 */
Datum
pg_nk_article(PG_FUNCTION_ARGS)
{
	text	   *raw;
	TupleDesc	tupdesc;
	nk_arena   *arena;
	nk_article	a;
	int64_t		fetched;
	bool		has_fetched = PG_NARGS() > 1 && !PG_ARGISNULL(1);
	Datum		values[5];
	bool		nulls[5];
	HeapTuple	tuple;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	nk_pg_require_utf8();
	/* the row type depends only on the call site: build it once, in fn_mcxt */
	tupdesc = (TupleDesc) fcinfo->flinfo->fn_extra;
	if (tupdesc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = tupdesc;
	}
	raw = PG_GETARG_TEXT_PP(0);
	if (has_fetched)
		fetched = nk_pg_timestamptz_to_unix(PG_GETARG_TIMESTAMPTZ(1));

	arena = nk_arena_create();
	nk_parse_article(arena, VARDATA_ANY(raw), VARSIZE_ANY_EXHDR(raw),
					 has_fetched ? &fetched : NULL, &a);

	memset(nulls, 0, sizeof(nulls));
	if (a.title)
		values[0] = CStringGetTextDatum(a.title);
	else
		nulls[0] = true;
	if (a.author)
		values[1] = CStringGetTextDatum(a.author);
	else
		nulls[1] = true;
	if (a.has_published)
		values[2] = TimestampTzGetDatum(nk_pg_unix_to_timestamptz(a.published));
	else
		nulls[2] = true;
	if (a.dateline)
		values[3] = CStringGetTextDatum(a.dateline);
	else
		nulls[3] = true;
	values[4] = nk_pg_text_datum(a.body, a.body_len);
	tuple = heap_form_tuple(tupdesc, values, nulls);
	nk_arena_destroy(arena);
	PG_RETURN_DATUM(HeapTupleGetDatum(tuple));
}
