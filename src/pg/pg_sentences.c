/*
 * pg_sentences.c
 *	  SQL glue of nk_sentences().
 */
#include "pg_nkwatch.h"

#include "nk_sentence.h"

PG_FUNCTION_INFO_V1(pg_nk_sentences);

/*
 * nk_sentences(doc text) returns setof (sentence int, pos int, len int, text text)
 */
Datum
pg_nk_sentences(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(doc);
	size_t		n = VARSIZE_ANY_EXHDR(doc);
	TupleDesc	tupdesc;
	Tuplestorestate *store;
	nk_arena   *arena;
	nk_doc	   *d;
	nk_pg_charpos map;

	nk_pg_require_utf8();
	store = nk_pg_materialize(fcinfo, &tupdesc);
	arena = nk_arena_create();
	d = nk_doc_build(arena, s, n);
	nk_pg_charpos_init(&map, s);
	for (size_t i = 0; i < d->sentences.count; i++)
	{
		const nk_span *sp = &d->sentences.items[i];
		Datum		values[4];
		int32		pos,
					chars;
		bool		nulls[4] = {false, false, false, false};

		values[0] = Int32GetDatum((int32) i + 1);
		nk_pg_charpos_span(&map, sp->start, sp->len, &pos, &chars);
		values[1] = Int32GetDatum(pos);
		values[2] = Int32GetDatum(chars);
		values[3] = nk_pg_text_datum(s + sp->start, sp->len);
		tuplestore_putvalues(store, tupdesc, values, nulls);
		CHECK_FOR_INTERRUPTS();
	}
	nk_arena_destroy(arena);
	return (Datum) 0;
}
