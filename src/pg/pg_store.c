/*
 * pg_store.c
 *	  SQL glue of nk_extract(): the entities, events and claims of one
 *	  document from one pass of the engine, for the store's ingest path.
 *
 * nk_entities(), nk_events() and nk_claims() each tokenize the document and
 * extract its entities (events and claims need them, and claims need the
 * events); ingesting an article through all three did that work three
 * times.  nk_extract() does it once and returns the three results as arrays
 * of the composite types nk_entity, nk_event and nk_claim, whose elements
 * are the rows the three functions give, in their order.
 */
#include "pg_nkwatch.h"
#include "pg_rows.h"

#include "access/htup_details.h"
#include "utils/array.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

PG_FUNCTION_INFO_V1(pg_nk_extract);

/* Elements of one array column of the result: their type and row shape. */
typedef struct extract_column
{
	Oid			elemtype;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	TupleDesc	desc;
} extract_column;

static void
column_init(TupleDesc result, int attno, int ncolumns, extract_column *col)
{
	Oid			arraytype = TupleDescAttr(result, attno)->atttypid;

	col->elemtype = get_element_type(arraytype);
	if (!OidIsValid(col->elemtype))
		elog(ERROR, "nk_extract: result column %d is not an array", attno + 1);
	col->desc = lookup_rowtype_tupdesc_copy(col->elemtype, -1);
	if (col->desc->natts != ncolumns)
		elog(ERROR, "nk_extract: type %s has %d columns, expected %d",
			 format_type_be(col->elemtype), col->desc->natts, ncolumns);
	get_typlenbyvalalign(col->elemtype, &col->typlen, &col->typbyval, &col->typalign);
}

static Datum
column_array(const extract_column *col, Datum *elems, size_t n)
{
	return PointerGetDatum(construct_array(elems, (int) n, col->elemtype,
										   col->typlen, col->typbyval, col->typalign));
}

/*
 * nk_extract(doc text, published timestamptz DEFAULT NULL,
 *			  OUT entities nk_entity[], OUT events nk_event[], OUT claims nk_claim[])
 *
 * As nk_entities(doc), nk_events(doc, published) and nk_claims(doc,
 * published), with the engine run once.  NULL for a NULL doc.
 */
Datum
pg_nk_extract(PG_FUNCTION_ARGS)
{
	TupleDesc	result;
	extract_column cols[3];
	const nk_gazetteer *g;
	text	   *doc;
	const char *s;
	int64_t		published;
	bool		has_published = PG_NARGS() > 1 && !PG_ARGISNULL(1);
	nk_arena   *arena;
	nk_doc	   *d;
	nk_entity_list ents = {0};
	nk_date_list dates = {0};
	nk_event_list events = {0};
	nk_claim_list claims = {0};
	nk_pg_charpos map;
	Datum	   *elems;
	Datum		out[3];
	bool		out_nulls[3] = {false, false, false};
	MemoryContext rows,
				old;

	nk_pg_require_utf8();
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	if (get_call_result_type(fcinfo, NULL, &result) != TYPEFUNC_COMPOSITE || result->natts != 3)
		ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("function returning record called in context that cannot accept type record")));
	result = BlessTupleDesc(result);
	column_init(result, 0, NK_PG_ENTITY_COLUMNS, &cols[0]);
	column_init(result, 1, NK_EVENT_COLUMNS, &cols[1]);
	column_init(result, 2, NK_CLAIM_COLUMNS, &cols[2]);

	g = nk_pg_gazetteer(fcinfo);
	doc = PG_GETARG_TEXT_PP(0);
	s = VARDATA_ANY(doc);
	if (has_published)
		published = nk_pg_timestamptz_to_unix(PG_GETARG_TIMESTAMPTZ(1));

	arena = nk_arena_create();
	/* the rows and their values until their array holds a copy */
	rows = AllocSetContextCreate(CurrentMemoryContext, "nk_extract rows", ALLOCSET_DEFAULT_SIZES);
	d = nk_doc_build(arena, s, VARSIZE_ANY_EXHDR(doc));
	nk_extract_entities(arena, d, g, &ents);
	nk_extract_dates(arena, d, has_published ? &published : NULL, &dates);
	nk_extract_events(arena, d, g, &ents, &dates, &events);

	/* the entities and events become rows before the claims are made */
	elems = palloc((ents.count + 1) * sizeof(Datum));
	nk_pg_charpos_init(&map, s);
	for (size_t i = 0; i < ents.count; i++)
	{
		Datum		values[NK_PG_ENTITY_COLUMNS];
		bool		nulls[NK_PG_ENTITY_COLUMNS];

		CHECK_FOR_INTERRUPTS();
		old = MemoryContextSwitchTo(rows);
		nk_pg_entity_values(&ents.items[i], s, &map, values, nulls);
		elems[i] = HeapTupleGetDatum(heap_form_tuple(cols[0].desc, values, nulls));
		MemoryContextSwitchTo(old);
	}
	out[0] = column_array(&cols[0], elems, ents.count);
	MemoryContextReset(rows);

	elems = palloc((events.count + 1) * sizeof(Datum));
	nk_pg_charpos_init(&map, s);
	for (size_t i = 0; i < events.count; i++)
	{
		Datum		values[NK_EVENT_COLUMNS];
		bool		nulls[NK_EVENT_COLUMNS];

		CHECK_FOR_INTERRUPTS();
		old = MemoryContextSwitchTo(rows);
		nk_pg_event_values(&events.items[i], s, &map, values, nulls);
		elems[i] = HeapTupleGetDatum(heap_form_tuple(cols[1].desc, values, nulls));
		MemoryContextSwitchTo(old);
	}
	out[1] = column_array(&cols[1], elems, events.count);
	MemoryContextReset(rows);

	CHECK_FOR_INTERRUPTS();
	nk_claims_of_parts(arena, d, g, has_published ? &published : NULL, &ents, &dates, &events, &claims);
	elems = palloc((claims.count + 1) * sizeof(Datum));
	nk_pg_charpos_init(&map, s);
	for (size_t i = 0; i < claims.count; i++)
	{
		Datum		values[NK_CLAIM_COLUMNS];
		bool		nulls[NK_CLAIM_COLUMNS];

		CHECK_FOR_INTERRUPTS();
		old = MemoryContextSwitchTo(rows);
		nk_pg_claim_values(&claims.items[i], s, &map, values, nulls);
		elems[i] = HeapTupleGetDatum(heap_form_tuple(cols[2].desc, values, nulls));
		MemoryContextSwitchTo(old);
	}
	out[2] = column_array(&cols[2], elems, claims.count);
	MemoryContextReset(rows);
	nk_arena_destroy(arena);
	MemoryContextDelete(rows);

	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(result, out, out_nulls)));
}
