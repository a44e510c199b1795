/*
 * pg_claims.c
 *	  SQL glue of nk_claims() and nk_compare().
 *
 * The gazetteer comes from the entities glue (pg_entities.c), cached per
 * backend: nk_pg_gazetteer(fcinfo).  A claim crosses into SQL as the
 * composite type nk_claim and back (for nk_compare(nk_claim, nk_claim)) by
 * its column names.
 */
#include "pg_nkwatch.h"
#include "pg_rows.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/typcache.h"

#include "nk_claims.h"

PG_FUNCTION_INFO_V1(pg_nk_claims);
PG_FUNCTION_INFO_V1(pg_nk_compare);
PG_FUNCTION_INFO_V1(pg_nk_compare_claims);

/* Days between the Unix epoch and PostgreSQL's (2000-01-01). */
#define NK_PG_EPOCH_DAYS 10957

static Datum
text_or_null(const char *s, bool *isnull)
{
	if (s == NULL)
	{
		*isnull = true;
		return (Datum) 0;
	}
	return CStringGetTextDatum(s);
}

static Datum
numeric_of(double v)
{
	return DirectFunctionCall1(float8_numeric, Float8GetDatum(v));
}

void
nk_pg_claim_values(const nk_claim *c, const char *s, nk_pg_charpos *map,
				   Datum *values, bool *nulls)
{
	Datum	   *items = palloc((c->n_items + 1) * sizeof(Datum));

	memset(nulls, 0, NK_CLAIM_COLUMNS * sizeof(bool));
	values[0] = text_or_null(c->subject, &nulls[0]);
	values[1] = CStringGetTextDatum(c->predicate);
	values[2] = text_or_null(c->object, &nulls[2]);
	values[3] = text_or_null(c->place, &nulls[3]);
	values[4] = text_or_null(c->value, &nulls[4]);
	for (size_t k = 0; k < c->n_items; k++)
		items[k] = CStringGetTextDatum(c->items[k]);
	values[5] = PointerGetDatum(construct_array(items, (int) c->n_items, TEXTOID, -1, false, TYPALIGN_INT));
	if (c->has_number)
	{
		values[6] = numeric_of(c->number);
		values[7] = numeric_of(c->number_max);
		values[8] = CStringGetTextDatum(nk_approx_name(c->approx));
	}
	else
		nulls[6] = nulls[7] = nulls[8] = true;
	values[9] = text_or_null(c->unit, &nulls[9]);
	if (c->has_date)
	{
		values[10] = DateADTGetDatum((DateADT) (c->date_from - NK_PG_EPOCH_DAYS));
		values[11] = DateADTGetDatum((DateADT) (c->date_to - NK_PG_EPOCH_DAYS));
		values[12] = CStringGetTextDatum(nk_precision_name(c->precision));
	}
	else
		nulls[10] = nulls[11] = nulls[12] = true;
	values[13] = Int32GetDatum(c->ordinal);
	nulls[13] = c->ordinal == 0;
	values[14] = CStringGetTextDatum(nk_polarity_name(c->polarity));
	values[15] = CStringGetTextDatum(nk_event_status_name(c->status));
	values[16] = text_or_null(c->source, &nulls[16]);
	if (c->has_reported)
		values[17] = TimestampTzGetDatum(nk_pg_unix_to_timestamptz(c->reported));
	else
		nulls[17] = true;
	values[18] = Int32GetDatum(c->sentence + 1);
	values[19] = Int32GetDatum(nk_pg_charpos_of(map, c->evidence.start));
	values[20] = Int32GetDatum(nk_pg_charlen(s, c->evidence.start, c->evidence.len));
}

/*
 * nk_claims(doc text, published timestamptz DEFAULT NULL) returns setof nk_claim
 *
 * Not STRICT: a NULL published leaves relative dates unresolved and the
 * report time NULL; a NULL doc gives no rows.
 */
Datum
pg_nk_claims(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Tuplestorestate *store;
	const nk_gazetteer *g;
	const char *s;
	size_t		n;
	nk_arena   *arena;
	nk_claim_list list = {0};
	nk_pg_charpos map;
	int64		buf;
	const int64_t *published;

	nk_pg_require_utf8();
	store = nk_pg_materialize(fcinfo, &tupdesc);
	if (!nk_pg_doc_arguments(fcinfo, &s, &n, &buf, &published))
		return (Datum) 0;
	g = nk_pg_gazetteer(fcinfo);

	arena = nk_arena_create();
	nk_claims_of_doc(arena, nk_doc_build(arena, s, n), g, published, &list);
	nk_pg_charpos_init(&map, s);
	for (size_t i = 0; i < list.count; i++)
	{
		Datum		values[NK_CLAIM_COLUMNS];
		bool		nulls[NK_CLAIM_COLUMNS];

		nk_pg_claim_values(&list.items[i], s, &map, values, nulls);
		tuplestore_putvalues(store, tupdesc, values, nulls);
		CHECK_FOR_INTERRUPTS();
	}
	nk_arena_destroy(arena);
	return (Datum) 0;
}

/*
 * The row of a comparison.  Both nk_compare functions return (relation text,
 * score real, reason text): its descriptor is built on the first call and
 * kept for the backend, since store ingest compares claims by the thousand.
 */
static Datum
comparison_datum(FunctionCallInfo fcinfo, const nk_comparison *cmp)
{
	static TupleDesc tupdesc = NULL;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	if (tupdesc == NULL)
	{
		TupleDesc	desc;
		MemoryContext old;

		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
							errmsg("function returning record called in context that cannot accept type record")));
		old = MemoryContextSwitchTo(TopMemoryContext);
		desc = CreateTupleDescCopy(desc);
		MemoryContextSwitchTo(old);
		tupdesc = BlessTupleDesc(desc);
	}
	values[0] = CStringGetTextDatum(nk_relation_name(cmp->relation));
	/* two decimals: the score is a graded judgement, not a measurement */
	values[1] = Float4GetDatum(rintf(cmp->score * 100.0f) / 100.0f);
	values[2] = CStringGetTextDatum(cmp->reason);
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

/*
 * nk_compare(a text, b text, a_published timestamptz DEFAULT NULL,
 *			  b_published timestamptz DEFAULT NULL)
 *	  returns (relation text, score real, reason text)
 *
 * NULL when a or b is NULL; a NULL publication time is unknown (no update
 * can then be told from a contradiction by time).
 */
Datum
pg_nk_compare(PG_FUNCTION_ARGS)
{
	const nk_gazetteer *g;
	text	   *a,
			   *b;
	int64_t		pa,
				pb;
	bool		has_pa = !PG_ARGISNULL(2),
				has_pb = !PG_ARGISNULL(3);
	nk_arena   *arena;
	nk_comparison cmp;
	Datum		result;

	nk_pg_require_utf8();
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	g = nk_pg_gazetteer(fcinfo);
	a = PG_GETARG_TEXT_PP(0);
	b = PG_GETARG_TEXT_PP(1);
	if (has_pa)
		pa = nk_pg_timestamptz_to_unix(PG_GETARG_TIMESTAMPTZ(2));
	if (has_pb)
		pb = nk_pg_timestamptz_to_unix(PG_GETARG_TIMESTAMPTZ(3));
	arena = nk_arena_create();
	nk_compare_texts(arena, g, VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a), has_pa ? &pa : NULL,
					 VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b), has_pb ? &pb : NULL, &cmp);
	result = comparison_datum(fcinfo, &cmp);
	nk_arena_destroy(arena);
	return result;
}

/* The columns of a claim that claim_from_datum reads, by name. */
enum
{
	CC_SUBJECT, CC_PREDICATE, CC_OBJECT, CC_PLACE, CC_VALUE, CC_ITEMS, CC_NUMBER,
	CC_NUMBER_MAX, CC_APPROX, CC_UNIT, CC_DATE_FROM, CC_DATE_TO, CC_PRECISION,
	CC_ORDINAL, CC_POLARITY, CC_STATUS, CC_SOURCE, CC_REPORTED, CC_COUNT
};

static const char *const claim_columns[CC_COUNT] = {
	"subject", "predicate", "object", "place", "value", "items", "number",
	"number_max", "approx", "unit", "date_from", "date_to", "precision",
	"ordinal", "polarity", "status", "source", "reported"
};

/* A stored claim (nk_article_claims) without a report time of its own has its article's. */
#define CC_REPORTED_FALLBACK "reported_at"

/*
 * Where those columns stand in the row type last seen: found by name once
 * and checked by name on each use, so a type made again under the same oid
 * is looked up afresh.
 */
static struct
{
	Oid			typid;
	int32		typmod;
	int			attno[CC_COUNT];
	int			fallback;		/* attno of CC_REPORTED_FALLBACK, or -1 */
}			claim_layout = {InvalidOid, -1};

static bool
claim_layout_holds(TupleDesc desc)
{
	if (desc->tdtypeid != claim_layout.typid || desc->tdtypmod != claim_layout.typmod)
		return false;
	if (claim_layout.fallback >= 0 &&
		(claim_layout.fallback >= desc->natts ||
		 TupleDescAttr(desc, claim_layout.fallback)->attisdropped ||
		 TupleDescAttr(desc, claim_layout.fallback)->atttypid != TIMESTAMPTZOID ||
		 strcmp(NameStr(TupleDescAttr(desc, claim_layout.fallback)->attname), CC_REPORTED_FALLBACK) != 0))
		return false;
	for (int k = 0; k < CC_COUNT; k++)
	{
		Form_pg_attribute att;

		if (claim_layout.attno[k] >= desc->natts)
			return false;
		att = TupleDescAttr(desc, claim_layout.attno[k]);
		if (att->attisdropped || strcmp(NameStr(att->attname), claim_columns[k]) != 0)
			return false;
	}
	return true;
}

static void
claim_layout_find(TupleDesc desc)
{
	claim_layout.typid = InvalidOid;
	claim_layout.fallback = -1;
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (!att->attisdropped && att->atttypid == TIMESTAMPTZOID &&
			strcmp(NameStr(att->attname), CC_REPORTED_FALLBACK) == 0)
			claim_layout.fallback = i;
	}
	for (int k = 0; k < CC_COUNT; k++)
	{
		int			i;

		for (i = 0; i < desc->natts; i++)
		{
			Form_pg_attribute att = TupleDescAttr(desc, i);

			if (!att->attisdropped && strcmp(NameStr(att->attname), claim_columns[k]) == 0)
				break;
		}
		if (i == desc->natts)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("attribute \"%s\" does not exist", claim_columns[k])));
		claim_layout.attno[k] = i;
	}
	claim_layout.typid = desc->tdtypeid;
	claim_layout.typmod = desc->tdtypmod;
}

/* A text column of a claim as a string in arena, or NULL. */
static const char *
claim_text(nk_arena *arena, const Datum *values, const bool *nulls, int k)
{
	text	   *t;

	if (nulls[k])
		return NULL;
	t = DatumGetTextPP(values[k]);
	return nk_arena_strndup(arena, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

/*
 * The claim a row of nk_claim holds, or a row of any type with its column
 * names: a stored claim of nk_article_claims, whose report time is its
 * article's (reported_at) when it has none of its own.
 */
static void
claim_from_datum(nk_arena *arena, HeapTupleHeader t, nk_claim *c)
{
	TupleDesc	desc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(t), HeapTupleHeaderGetTypMod(t));
	HeapTupleData tuple;
	Datum	   *all = palloc(desc->natts * sizeof(Datum));
	bool	   *allnulls = palloc(desc->natts * sizeof(bool));
	Datum		values[CC_COUNT];
	bool		nulls[CC_COUNT];
	const char *s;

	/* deform the row once, then pick the columns */
	tuple.t_len = HeapTupleHeaderGetDatumLength(t);
	ItemPointerSetInvalid(&tuple.t_self);
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = t;
	heap_deform_tuple(&tuple, desc, all, allnulls);
	if (!claim_layout_holds(desc))
		claim_layout_find(desc);
	for (int k = 0; k < CC_COUNT; k++)
	{
		values[k] = all[claim_layout.attno[k]];
		nulls[k] = allnulls[claim_layout.attno[k]];
	}
	if (nulls[CC_REPORTED] && claim_layout.fallback >= 0)
	{
		values[CC_REPORTED] = all[claim_layout.fallback];
		nulls[CC_REPORTED] = allnulls[claim_layout.fallback];
	}
	ReleaseTupleDesc(desc);

	memset(c, 0, sizeof(*c));
	c->subject = claim_text(arena, values, nulls, CC_SUBJECT);
	c->predicate = claim_text(arena, values, nulls, CC_PREDICATE);
	if (c->predicate == NULL)
		c->predicate = "";
	c->object = claim_text(arena, values, nulls, CC_OBJECT);
	c->place = claim_text(arena, values, nulls, CC_PLACE);
	c->value = claim_text(arena, values, nulls, CC_VALUE);
	c->subject_id = c->object_id = c->place_id = NK_CLAIM_LOOKUP;
	if (!nulls[CC_ITEMS])
	{
		Datum	   *elems;
		bool	   *enulls;
		int			ne;

		deconstruct_array(DatumGetArrayTypeP(values[CC_ITEMS]), TEXTOID, -1, false, TYPALIGN_INT,
						  &elems, &enulls, &ne);
		c->items = nk_arena_alloc(arena, (ne + 1) * sizeof(char *));
		for (int i = 0; i < ne; i++)
			if (!enulls[i])
				c->items[c->n_items++] = claim_text(arena, elems, enulls, i);
	}
	if (!nulls[CC_NUMBER])
	{
		c->has_number = true;
		c->number = DatumGetFloat8(DirectFunctionCall1(numeric_float8, values[CC_NUMBER]));
		c->number_max = nulls[CC_NUMBER_MAX] ? c->number :
			DatumGetFloat8(DirectFunctionCall1(numeric_float8, values[CC_NUMBER_MAX]));
		s = claim_text(arena, values, nulls, CC_APPROX);
		c->approx = s && nk_approx_parse(s) >= 0 ? (nk_approx) nk_approx_parse(s) : NK_APPROX_EXACT;
	}
	c->unit = claim_text(arena, values, nulls, CC_UNIT);
	if (!nulls[CC_DATE_FROM])
	{
		c->has_date = true;
		c->date_from = (int32_t) DatumGetDateADT(values[CC_DATE_FROM]) + NK_PG_EPOCH_DAYS;
		c->date_to = nulls[CC_DATE_TO] ? c->date_from :
			(int32_t) DatumGetDateADT(values[CC_DATE_TO]) + NK_PG_EPOCH_DAYS;
		s = claim_text(arena, values, nulls, CC_PRECISION);
		c->precision = s && nk_precision_parse(s) >= 0 ? (nk_precision) nk_precision_parse(s) : NK_PREC_DAY;
	}
	c->ordinal = nulls[CC_ORDINAL] ? 0 : DatumGetInt32(values[CC_ORDINAL]);
	s = claim_text(arena, values, nulls, CC_POLARITY);
	c->polarity = s && nk_polarity_parse(s) >= 0 ? (nk_polarity) nk_polarity_parse(s) : NK_POLARITY_AFFIRMATIVE;
	s = claim_text(arena, values, nulls, CC_STATUS);
	c->status = s && nk_event_status_parse(s) >= 0 ? (nk_event_status) nk_event_status_parse(s) : NK_STATUS_REPORTED;
	c->source = claim_text(arena, values, nulls, CC_SOURCE);
	if (!nulls[CC_REPORTED])
	{
		c->has_reported = true;
		c->reported = nk_pg_timestamptz_to_unix(DatumGetTimestampTz(values[CC_REPORTED]));
	}
	pfree(all);
	pfree(allnulls);
}

/*
 * nk_compare(a nk_claim, b nk_claim) returns (relation text, score real, reason text); STRICT
 * nk_compare(a nk_article_claims, b nk_article_claims), the same for stored claims
 */
Datum
pg_nk_compare_claims(PG_FUNCTION_ARGS)
{
	const nk_gazetteer *g = nk_pg_gazetteer(fcinfo);
	nk_arena   *arena = nk_arena_create();
	nk_claim	a,
				b;
	nk_comparison cmp;
	Datum		result;

	claim_from_datum(arena, PG_GETARG_HEAPTUPLEHEADER(0), &a);
	claim_from_datum(arena, PG_GETARG_HEAPTUPLEHEADER(1), &b);
	nk_compare_claims(arena, g, &a, &b, &cmp);
	result = comparison_datum(fcinfo, &cmp);
	nk_arena_destroy(arena);
	return result;
}
