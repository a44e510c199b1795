/*
 * pg_article.c
 *	  SQL glue of nk_article().
 */
#include "pg_nkwatch.h"

#include "access/htup_details.h"
#include "utils/date.h"

#include "nk_article.h"

PG_FUNCTION_INFO_V1(pg_nk_article);
PG_FUNCTION_INFO_V1(pg_nk_url_published);

/*
 * nk_article(raw text [, fetched timestamptz [, url text]]) returns
 *	  (title text, author text, published timestamptz, dateline text, body text)
 *
 * NULL raw gives NULL; NULL fetched or url is the same as none.
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
	text	   *url = PG_NARGS() > 2 && !PG_ARGISNULL(2) ? PG_GETARG_TEXT_PP(2) : NULL;
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
	nk_parse_article_at(arena, VARDATA_ANY(raw), VARSIZE_ANY_EXHDR(raw),
						has_fetched ? &fetched : NULL,
						url ? VARDATA_ANY(url) : NULL, url ? VARSIZE_ANY_EXHDR(url) : 0, &a);

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

/*
 * nk_url_published(url text) returns date: the day a page's address
 * carries (nk_url_date), or NULL when it carries none or only a month.
 */
Datum
pg_nk_url_published(PG_FUNCTION_ARGS)
{
	text	   *url = PG_GETARG_TEXT_PP(0);
	nk_datetime dt;

	nk_pg_require_utf8();
	if (!nk_url_date(VARDATA_ANY(url), VARSIZE_ANY_EXHDR(url), &dt) || dt.day == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT((DateADT) (nk_days_from_civil(dt.year, dt.month, dt.day) -
								 (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE)));
}
