/*
 * pg_events.c
 *	  SQL glue of nk_events().
 *
 * The gazetteer comes from the entities glue (pg_entities.c), which builds
 * it once per backend from the nk_gazetteer and nk_lexicon tables and
 * caches it: nk_pg_gazetteer(fcinfo).
 */
#include "pg_nkwatch.h"
#include "pg_rows.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/date.h"

#include "nk_events.h"

PG_FUNCTION_INFO_V1(pg_nk_events);

/* Days between the Unix epoch and PostgreSQL's (2000-01-01). */
#define NK_PG_EPOCH_DAYS 10957

static Datum
cstring_or_null(const char *s, bool *isnull)
{
	if (s == NULL)
	{
		*isnull = true;
		return (Datum) 0;
	}
	return CStringGetTextDatum(s);
}

void
nk_pg_event_values(const nk_event *e, const char *s, nk_pg_charpos *map,
				   Datum *values, bool *nulls)
{
	const nk_event_type_info *ti = nk_event_type(e->type);

	memset(nulls, 0, NK_EVENT_COLUMNS * sizeof(bool));
	values[0] = CStringGetTextDatum(ti->name);
	values[1] = CStringGetTextDatum(ti->cameo);
	values[2] = Int32GetDatum(ti->quad_class);
	values[3] = Float4GetDatum(ti->goldstein);
	values[4] = cstring_or_null(ti->plover, &nulls[4]);
	values[5] = cstring_or_null(e->actor, &nulls[5]);
	values[6] = cstring_or_null(e->actor_label, &nulls[6]);
	values[7] = cstring_or_null(e->target, &nulls[7]);
	values[8] = cstring_or_null(e->target_label, &nulls[8]);
	values[9] = cstring_or_null(e->location, &nulls[9]);
	{
		Datum	   *items = palloc((e->n_items + 1) * sizeof(Datum));

		for (size_t k = 0; k < e->n_items; k++)
			items[k] = CStringGetTextDatum(e->items[k]);
		values[10] = PointerGetDatum(construct_array(items, (int) e->n_items, TEXTOID, -1, false, TYPALIGN_INT));
	}
	if (e->has_quantity)
		values[11] = Int64GetDatum(e->quantity);
	else
		nulls[11] = true;
	if (e->has_quantity_max)
		values[12] = Int64GetDatum(e->quantity_max);
	else
		nulls[12] = true;
	if (e->has_date)
	{
		values[13] = DateADTGetDatum((DateADT) (e->date_from - NK_PG_EPOCH_DAYS));
		values[14] = DateADTGetDatum((DateADT) (e->date_to - NK_PG_EPOCH_DAYS));
		values[15] = CStringGetTextDatum(nk_precision_name(e->precision));
	}
	else
		nulls[13] = nulls[14] = nulls[15] = true;
	values[16] = CStringGetTextDatum(nk_event_status_name(e->status));
	values[17] = cstring_or_null(e->source, &nulls[17]);
	values[18] = Int32GetDatum(e->sentence + 1);
	values[19] = Int32GetDatum(nk_pg_charpos_of(map, e->evidence.start));
	values[20] = Int32GetDatum(nk_pg_charlen(s, e->evidence.start, e->evidence.len));
	values[21] = Float4GetDatum(e->confidence);
}

/*
 * nk_events(doc text, published timestamptz DEFAULT NULL) returns setof nk_event
 *
 * Not STRICT: a NULL published leaves relative dates unresolved; a NULL doc
 * gives no rows.  sentence counts from 1 as nk_sentences() does; pos and len
 * are 1-based character positions of the evidence sentence.
 */
Datum
pg_nk_events(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Tuplestorestate *store;
	const nk_gazetteer *g;
	const char *s;
	size_t		n;
	nk_arena   *arena;
	nk_doc	   *d;
	nk_event_list list = {0};
	nk_pg_charpos map;
	int64		buf;
	const int64_t *published;

	nk_pg_require_utf8();
	store = nk_pg_materialize(fcinfo, &tupdesc);
	if (!nk_pg_doc_arguments(fcinfo, &s, &n, &buf, &published))
		return (Datum) 0;
	g = nk_pg_gazetteer(fcinfo);

	arena = nk_arena_create();
	d = nk_doc_build(arena, s, n);
	nk_events_of_doc(arena, d, g, published, &list);
	nk_pg_charpos_init(&map, s);
	for (size_t i = 0; i < list.count; i++)
	{
		Datum		values[NK_EVENT_COLUMNS];
		bool		nulls[NK_EVENT_COLUMNS];

		nk_pg_event_values(&list.items[i], s, &map, values, nulls);
		tuplestore_putvalues(store, tupdesc, values, nulls);
		CHECK_FOR_INTERRUPTS();
	}
	nk_arena_destroy(arena);
	return (Datum) 0;
}
