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

static Datum
comparison_datum(FunctionCallInfo fcinfo, const nk_comparison *cmp)
{
	TupleDesc	tupdesc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("function returning record called in context that cannot accept type record")));
	tupdesc = BlessTupleDesc(tupdesc);
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

/* A text column of a claim as a string in arena, or NULL. */
static const char *
claim_text(nk_arena *arena, HeapTupleHeader t, const char *column)
{
	bool		isnull;
	Datum		d = GetAttributeByName(t, column, &isnull);
	char	   *s;
	const char *r;

	if (isnull)
		return NULL;
	s = TextDatumGetCString(d);
	r = nk_arena_strndup(arena, s, strlen(s));
	pfree(s);
	return r;
}

static void
claim_from_datum(nk_arena *arena, HeapTupleHeader t, nk_claim *c)
{
	bool		isnull;
	Datum		d;
	const char *s;

	memset(c, 0, sizeof(*c));
	c->subject = claim_text(arena, t, "subject");
	c->predicate = claim_text(arena, t, "predicate");
	if (c->predicate == NULL)
		c->predicate = "";
	c->object = claim_text(arena, t, "object");
	c->place = claim_text(arena, t, "place");
	c->value = claim_text(arena, t, "value");
	c->subject_id = c->object_id = c->place_id = NK_CLAIM_LOOKUP;
	d = GetAttributeByName(t, "items", &isnull);
	if (!isnull)
	{
		Datum	   *elems;
		bool	   *enulls;
		int			ne;

		deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, TYPALIGN_INT, &elems, &enulls, &ne);
		c->items = nk_arena_alloc(arena, (ne + 1) * sizeof(char *));
		for (int i = 0; i < ne; i++)
			if (!enulls[i])
			{
				char	   *e = TextDatumGetCString(elems[i]);

				c->items[c->n_items++] = nk_arena_strndup(arena, e, strlen(e));
			}
	}
	d = GetAttributeByName(t, "number", &isnull);
	if (!isnull)
	{
		c->has_number = true;
		c->number = DatumGetFloat8(DirectFunctionCall1(numeric_float8, d));
		d = GetAttributeByName(t, "number_max", &isnull);
		c->number_max = isnull ? c->number : DatumGetFloat8(DirectFunctionCall1(numeric_float8, d));
		s = claim_text(arena, t, "approx");
		c->approx = s && nk_approx_parse(s) >= 0 ? (nk_approx) nk_approx_parse(s) : NK_APPROX_EXACT;
	}
	c->unit = claim_text(arena, t, "unit");
	d = GetAttributeByName(t, "date_from", &isnull);
	if (!isnull)
	{
		c->has_date = true;
		c->date_from = (int32_t) DatumGetDateADT(d) + NK_PG_EPOCH_DAYS;
		d = GetAttributeByName(t, "date_to", &isnull);
		c->date_to = isnull ? c->date_from : (int32_t) DatumGetDateADT(d) + NK_PG_EPOCH_DAYS;
		s = claim_text(arena, t, "precision");
		c->precision = s && nk_precision_parse(s) >= 0 ? (nk_precision) nk_precision_parse(s) : NK_PREC_DAY;
	}
	d = GetAttributeByName(t, "ordinal", &isnull);
	c->ordinal = isnull ? 0 : DatumGetInt32(d);
	s = claim_text(arena, t, "polarity");
	c->polarity = s && nk_polarity_parse(s) >= 0 ? (nk_polarity) nk_polarity_parse(s) : NK_POLARITY_AFFIRMATIVE;
	s = claim_text(arena, t, "status");
	c->status = s && nk_event_status_parse(s) >= 0 ? (nk_event_status) nk_event_status_parse(s) : NK_STATUS_REPORTED;
	c->source = claim_text(arena, t, "source");
	d = GetAttributeByName(t, "reported", &isnull);
	if (!isnull)
	{
		c->has_reported = true;
		c->reported = nk_pg_timestamptz_to_unix(DatumGetTimestampTz(d));
	}
}

/* nk_compare(a nk_claim, b nk_claim) returns (relation text, score real, reason text); STRICT */
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
