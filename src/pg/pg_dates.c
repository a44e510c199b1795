/*
 * pg_dates.c
 *	  SQL glue of nk_dates().
 */
#include "pg_nkwatch.h"

#include "utils/date.h"

#include "nk_dates.h"

PG_FUNCTION_INFO_V1(pg_nk_dates);

/* Days between the Unix epoch and PostgreSQL's (2000-01-01). */
#define NK_PG_EPOCH_DAYS 10957

/*
 * nk_dates(doc text, published timestamptz DEFAULT NULL) returns setof
 *	  (mention text, pos int, len int, sentence int, date_from date,
 *	   date_to date, precision text, timex text)
 *
 * Not STRICT, so that a NULL published reads as unknown: absolute dates
 * still resolve, relative ones come back with NULL dates.  A NULL doc gives
 * no rows.  sentence counts from 1, as nk_sentences() does.
 */
Datum
pg_nk_dates(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Tuplestorestate *store;
	const char *s;
	size_t		n;
	nk_arena   *arena;
	nk_doc	   *d;
	nk_date_list list = {0};
	nk_pg_charpos map;
	int64		buf;
	const int64_t *published;

	nk_pg_require_utf8();
	store = nk_pg_materialize(fcinfo, &tupdesc);
	if (!nk_pg_doc_arguments(fcinfo, &s, &n, &buf, &published))
		return (Datum) 0;

	arena = nk_arena_create();
	d = nk_doc_build(arena, s, n);
	nk_extract_dates(arena, d, published, &list);
	nk_pg_charpos_init(&map, s);
	for (size_t i = 0; i < list.count; i++)
	{
		const nk_date_mention *m = &list.items[i];
		Datum		values[8];
		int32		pos,
					chars;
		bool		nulls[8] = {false, false, false, false, false, false, false, false};

		values[0] = nk_pg_text_datum(s + m->span.start, m->span.len);
		nk_pg_charpos_span(&map, m->span.start, m->span.len, &pos, &chars);
		values[1] = Int32GetDatum(pos);
		values[2] = Int32GetDatum(chars);
		values[3] = Int32GetDatum(m->sentence + 1);
		if (m->resolved)
		{
			values[4] = DateADTGetDatum((DateADT) (m->date_from - NK_PG_EPOCH_DAYS));
			values[5] = DateADTGetDatum((DateADT) (m->date_to - NK_PG_EPOCH_DAYS));
		}
		else
			nulls[4] = nulls[5] = true;
		values[6] = CStringGetTextDatum(nk_precision_name(m->precision));
		if (m->timex)
			values[7] = CStringGetTextDatum(m->timex);
		else
			nulls[7] = true;
		tuplestore_putvalues(store, tupdesc, values, nulls);
		CHECK_FOR_INTERRUPTS();
	}
	nk_arena_destroy(arena);
	return (Datum) 0;
}
