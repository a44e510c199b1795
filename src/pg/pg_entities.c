/*
 * pg_entities.c
 *	  SQL glue of nk_entities(), nk_entity_keys(), nk_gazetteer_parents(),
 *	  nk_gazetteer_info() and the gazetteer tables' invalidation trigger.
 *
 * The gazetteer cache.  Each backend builds the engine's gazetteer (the
 * Aho-Corasick automaton and word lists) from the tables nk_gazetteer and
 * nk_lexicon on first use, by SPI, in a memory context of its own under
 * CacheMemoryContext, and keeps it.  A statement trigger on both tables
 * (pg_nk_gazetteer_invalidate) sends a relcache invalidation for the table;
 * our relcache callback marks the cache out of date when it names either
 * table (or all relations), and the next call rebuilds it.  The messages
 * reach other backends when the editing transaction commits, and this one
 * at its next command; no polling.
 *
 * Consistency.  A call site keeps the gazetteer it first got for the rest of
 * the query (remembered in fn_extra with the cache's generation), so one
 * statement sees one gazetteer.  A new query first processes pending
 * invalidations, and a rebuild reads the tables with the latest snapshot,
 * not the transaction's: the sender of an invalidation has committed before
 * sending it, so a rebuild after the message sees the change, in any
 * isolation level (as catalog lookups do).  In parallel mode no new
 * snapshot may be taken: a rebuild there uses the active snapshot and is
 * marked provisional, good for the current statement only.
 *
 * Failure.  The old gazetteer is freed and the pointer cleared before a
 * rebuild starts; the new one is published only once complete.  An error or
 * cancel midway deletes the half-built context and leaves no cache, so the
 * next call starts again.
 */
#include "pg_nkwatch.h"
#include "pg_rows.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "storage/proc.h"
#include "utils/array.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "nk_entities.h"

PG_FUNCTION_INFO_V1(pg_nk_entities);
PG_FUNCTION_INFO_V1(pg_nk_entity_keys);
PG_FUNCTION_INFO_V1(pg_nk_gazetteer_parents);
PG_FUNCTION_INFO_V1(pg_nk_gazetteer_info);
PG_FUNCTION_INFO_V1(pg_nk_gazetteer_invalidate);

/* The backend's cached gazetteer. */
static MemoryContext gaz_context = NULL;
static nk_gazetteer *gaz = NULL;
static uint64 gaz_generation = 0;	/* bumped at each successful build */
static bool gaz_valid = false;	/* cleared by the relcache callback */
static Oid	gaz_relids[2] = {InvalidOid, InvalidOid};	/* nk_gazetteer, nk_lexicon */
static TimestampTz gaz_built = 0;
/* a provisional build (parallel mode) serves only this statement */
static bool gaz_provisional = false;
static LocalTransactionId gaz_provisional_lxid = InvalidLocalTransactionId;
static TimestampTz gaz_provisional_stmt = 0;
static bool callback_registered = false;

/* What a call site remembers for the rest of its query. */
typedef struct gaz_use
{
	uint64		generation;
} gaz_use;

static void
gazetteer_relcache_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == gaz_relids[0] || relid == gaz_relids[1])
		gaz_valid = false;
}

static void
forget_gazetteer(void)
{
	gaz = NULL;
	if (gaz_context)
	{
		MemoryContext old = gaz_context;

		gaz_context = NULL;
		MemoryContextDelete(old);
	}
}

static char *
spi_text(HeapTuple tuple, TupleDesc desc, int column)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tuple, desc, column, &isnull);

	return isnull ? NULL : TextDatumGetCString(d);
}

/*
 * Run the query sql, which reads schema.table, on snapshot: its rows are in
 * SPI_tuptable.  Returns the plan, for SPI_freeplan().
 */
static SPIPlanPtr
select_on_snapshot(const char *sql, Snapshot snapshot, const char *schema, const char *table)
{
	SPIPlanPtr	plan = SPI_prepare(sql, 0, NULL);
	int			rc;

	if (plan == NULL)
		elog(ERROR, "nkwatch: SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	rc = SPI_execute_snapshot(plan, NULL, NULL, snapshot, InvalidSnapshot, true, false, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "nkwatch: reading %s.%s failed: %s", schema, table, SPI_result_code_string(rc));
	return plan;
}

/* Read both tables into a builder (allocating in build) and build. */
static nk_gazetteer *
build_from_tables(const char *schema, MemoryContext build)
{
	StringInfoData query;
	Snapshot	snapshot;
	SPIPlanPtr	plan;
	nk_gazetteer_builder *b;
	MemoryContext spi;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "nkwatch: SPI_connect failed");
	spi = CurrentMemoryContext;
	snapshot = IsInParallelMode() ? GetActiveSnapshot() : GetLatestSnapshot();

	MemoryContextSwitchTo(build);
	b = nk_gazetteer_builder_create();
	MemoryContextSwitchTo(spi);

	/*
	 * Every function, operator and collation is named with its schema: the
	 * query runs with the caller's search_path.
	 *
	 * One entity a row, its aliases besides the canonical name (which the
	 * engine adds anyway) and its roles |-joined (the table refuses '|' in
	 * both).  Shipped entities first: the first entity to claim an alias
	 * keeps it, unless a later one is a user's; an entity is a user's when
	 * it has no shipped row.
	 */
	initStringInfo(&query);
	appendStringInfo(&query,
					 "SELECT canonical, label, pg_catalog.min(parent), "
					 "pg_catalog.string_agg(alias, '|' ORDER BY alias COLLATE pg_catalog.\"C\") "
					 "FILTER (WHERE alias OPERATOR(pg_catalog.<>) canonical), "
					 "pg_catalog.string_agg(pg_catalog.array_to_string(roles, '|'), '|' "
					 "ORDER BY alias COLLATE pg_catalog.\"C\"), "
					 "pg_catalog.bool_or(shipped) "
					 "FROM %s.nk_gazetteer GROUP BY canonical, label "
					 "ORDER BY pg_catalog.bool_or(shipped) DESC, canonical COLLATE pg_catalog.\"C\", "
					 "label COLLATE pg_catalog.\"C\"",
					 schema);
	plan = select_on_snapshot(query.data, snapshot, schema, "nk_gazetteer");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *canonical = spi_text(t, desc, 1);
		char	   *label = spi_text(t, desc, 2);
		char	   *parent = spi_text(t, desc, 3);
		char	   *aliases = spi_text(t, desc, 4);
		char	   *roles = spi_text(t, desc, 5);
		bool		isnull;
		bool		shipped = DatumGetBool(SPI_getbinval(t, desc, 6, &isnull));
		int			l = label ? nk_label_parse(label) : -1;

		/* the table's constraints keep these out; a row that slips through is skipped */
		if (canonical && l >= 0)
		{
			MemoryContextSwitchTo(build);
			nk_gazetteer_add(b, canonical, (nk_label) l, parent, aliases, roles, !shipped);
			MemoryContextSwitchTo(spi);
		}
		if (canonical)
			pfree(canonical);
		if (aliases)
			pfree(aliases);
		if ((i & 255) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	SPI_freetuptable(SPI_tuptable);
	SPI_freeplan(plan);

	resetStringInfo(&query);
	appendStringInfo(&query,
					 "SELECT list, word, value FROM %s.nk_lexicon "
					 "ORDER BY shipped DESC, list COLLATE pg_catalog.\"C\", word COLLATE pg_catalog.\"C\"",
					 schema);
	plan = select_on_snapshot(query.data, snapshot, schema, "nk_lexicon");
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	t = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *list = spi_text(t, desc, 1);
		char	   *word = spi_text(t, desc, 2);
		char	   *value = spi_text(t, desc, 3);
		int			lex = list ? nk_lexicon_parse(list) : -1;

		if (word && lex >= 0)
		{
			MemoryContextSwitchTo(build);
			nk_gazetteer_add_word(b, (nk_lexicon) lex, word, value);
			MemoryContextSwitchTo(spi);
		}
		if ((i & 255) == 0)
			CHECK_FOR_INTERRUPTS();
	}

	MemoryContextSwitchTo(build);
	{
		nk_gazetteer *g = nk_gazetteer_build(b);

		MemoryContextSwitchTo(spi);
		SPI_finish();
		return g;
	}
}

static void
rebuild_gazetteer(Oid fn_oid)
{
	Oid			nsp = get_func_namespace(fn_oid);
	char	   *nspname = get_namespace_name(nsp);
	Oid			gaz_rel = OidIsValid(nsp) ? get_relname_relid("nk_gazetteer", nsp) : InvalidOid;
	Oid			lex_rel = OidIsValid(nsp) ? get_relname_relid("nk_lexicon", nsp) : InvalidOid;
	MemoryContext caller = CurrentMemoryContext;
	MemoryContext build;

	if (nspname == NULL || !OidIsValid(gaz_rel) || !OidIsValid(lex_rel))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("nkwatch: the gazetteer tables nk_gazetteer and nk_lexicon are missing"),
				 errhint("They belong to the extension: DROP EXTENSION nkwatch and CREATE EXTENSION nkwatch again.")));

	forget_gazetteer();
	/* from here, an invalidation of either table during the build makes it stale at once */
	gaz_relids[0] = gaz_rel;
	gaz_relids[1] = lex_rel;
	gaz_valid = true;
	build = AllocSetContextCreate(CacheMemoryContext, "nkwatch gazetteer", ALLOCSET_DEFAULT_SIZES);
	PG_TRY();
	{
		nk_gazetteer *g = build_from_tables(quote_identifier(nspname), build);

		MemoryContextSwitchTo(caller);
		gaz_context = build;
		gaz = g;
		gaz_generation++;
		gaz_built = GetCurrentTimestamp();
		gaz_provisional = IsInParallelMode();
		if (gaz_provisional)
		{
			gaz_provisional_lxid = MyProc->lxid;
			gaz_provisional_stmt = GetCurrentStatementStartTimestamp();
		}
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(caller);
		gaz_valid = false;
		MemoryContextDelete(build);
		PG_RE_THROW();
	}
	PG_END_TRY();
}

/*
 * The gazetteer for a call of the function fcinfo calls: the one this call
 * site used earlier in the query, or the backend's cache, rebuilt if out of
 * date.
 */
const nk_gazetteer *
nk_pg_gazetteer(FunctionCallInfo fcinfo)
{
	gaz_use    *use = (gaz_use *) fcinfo->flinfo->fn_extra;

	if (use && gaz && use->generation == gaz_generation)
		return gaz;
	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(gazetteer_relcache_callback, (Datum) 0);
		callback_registered = true;
	}
	AcceptInvalidationMessages();
	if (gaz && gaz_valid && gaz_provisional &&
		(gaz_provisional_lxid != MyProc->lxid ||
		 gaz_provisional_stmt != GetCurrentStatementStartTimestamp()))
		gaz_valid = false;
	if (gaz == NULL || !gaz_valid)
		rebuild_gazetteer(fcinfo->flinfo->fn_oid);
	if (use == NULL)
	{
		use = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(gaz_use));
		fcinfo->flinfo->fn_extra = use;
	}
	use->generation = gaz_generation;
	return gaz;
}

/* Extract the entities of a text argument; the arena is the caller's to destroy. */
static void
extract(FunctionCallInfo fcinfo, text *doc, nk_arena **arena, nk_entity_list *list)
{
	const nk_gazetteer *g = nk_pg_gazetteer(fcinfo);
	nk_doc	   *d;

	*arena = nk_arena_create();
	d = nk_doc_build(*arena, VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc));
	nk_extract_entities(*arena, d, g, list);
}

void
nk_pg_entity_values(const nk_entity_mention *m, const char *s, nk_pg_charpos *map,
					Datum *values, bool *nulls)
{
	int32		pos,
				chars;

	memset(nulls, 0, NK_PG_ENTITY_COLUMNS * sizeof(bool));
	values[0] = CStringGetTextDatum(m->entity);
	values[1] = CStringGetTextDatum(nk_label_name(m->label));
	values[2] = nk_pg_text_datum(s + m->start, m->len);
	nk_pg_charpos_span(map, m->start, m->len, &pos, &chars);
	values[3] = Int32GetDatum(pos);
	values[4] = Int32GetDatum(chars);
	values[5] = Int32GetDatum(m->sentence + 1);
	values[6] = CStringGetTextDatum(nk_entity_source_name(m->source));
	values[7] = Float4GetDatum(m->confidence);
}

/*
 * nk_entities(doc text) returns setof (entity text, label text, mention text,
 *	  pos int, len int, sentence int, source text, confidence real)
 */
Datum
pg_nk_entities(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(doc);
	TupleDesc	tupdesc;
	Tuplestorestate *store;
	nk_arena   *arena;
	nk_entity_list list = {0};
	nk_pg_charpos map;

	nk_pg_require_utf8();
	store = nk_pg_materialize(fcinfo, &tupdesc);
	extract(fcinfo, doc, &arena, &list);
	nk_pg_charpos_init(&map, s);
	for (size_t i = 0; i < list.count; i++)
	{
		Datum		values[NK_PG_ENTITY_COLUMNS];
		bool		nulls[NK_PG_ENTITY_COLUMNS];

		nk_pg_entity_values(&list.items[i], s, &map, values, nulls);
		tuplestore_putvalues(store, tupdesc, values, nulls);
		CHECK_FOR_INTERRUPTS();
	}
	nk_arena_destroy(arena);
	return (Datum) 0;
}

static int
compare_cstrings(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* nk_entity_keys(doc text) returns text[]: distinct canonical names, sorted */
Datum
pg_nk_entity_keys(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	nk_arena   *arena;
	nk_entity_list list = {0};
	const char **names;
	Datum	   *elems;
	size_t		n = 0;
	ArrayType  *result;

	nk_pg_require_utf8();
	extract(fcinfo, doc, &arena, &list);
	names = palloc((list.count ? list.count : 1) * sizeof(const char *));
	for (size_t i = 0; i < list.count; i++)
		names[i] = list.items[i].entity;
	if (list.count > 1)
		qsort(names, list.count, sizeof(const char *), compare_cstrings);
	elems = palloc((list.count ? list.count : 1) * sizeof(Datum));
	for (size_t i = 0; i < list.count; i++)
		if (i == 0 || strcmp(names[i], names[i - 1]) != 0)
			elems[n++] = CStringGetTextDatum(names[i]);
	nk_arena_destroy(arena);
	result = construct_array(elems, (int) n, TEXTOID, -1, false, TYPALIGN_INT);
	PG_RETURN_ARRAYTYPE_P(result);
}

/* nk_gazetteer_parents(name text) returns setof (level int, parent text, label text) */
Datum
pg_nk_gazetteer_parents(PG_FUNCTION_ARGS)
{
	static const int order[] = {NK_LABEL_GPE, NK_LABEL_LOC, NK_LABEL_FAC, NK_LABEL_ORG, -1};
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	TupleDesc	tupdesc;
	Tuplestorestate *store;
	const nk_gazetteer *g;
	int32_t		id = -1;
	const nk_gaz_entity *e;
	size_t		limit;

	store = nk_pg_materialize(fcinfo, &tupdesc);
	g = nk_pg_gazetteer(fcinfo);
	/* a name resolves as the engine resolves parents: a place first */
	for (size_t i = 0; i < lengthof(order) && id < 0; i++)
		id = nk_gazetteer_find(g, name, order[i]);
	limit = nk_gazetteer_entity_count(g);
	e = nk_gazetteer_entity(g, id);
	for (int32 level = 1; e && e->parent >= 0 && (size_t) level <= limit; level++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		e = nk_gazetteer_entity(g, e->parent);
		if (e == NULL)
			break;
		values[0] = Int32GetDatum(level);
		values[1] = CStringGetTextDatum(e->canonical);
		values[2] = CStringGetTextDatum(nk_label_name(e->label));
		tuplestore_putvalues(store, tupdesc, values, nulls);
	}
	return (Datum) 0;
}

/* nk_gazetteer_info() returns (entities bigint, aliases bigint, memory_bytes bigint, built timestamptz) */
Datum
pg_nk_gazetteer_info(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};
	const nk_gazetteer *g;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	g = nk_pg_gazetteer(fcinfo);
	values[0] = Int64GetDatum((int64) nk_gazetteer_entity_count(g));
	values[1] = Int64GetDatum((int64) nk_gazetteer_alias_count(g));
	values[2] = Int64GetDatum((int64) MemoryContextMemAllocated(gaz_context, true));
	values[3] = TimestampTzGetDatum(gaz_built);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/*
 * Statement trigger of nk_gazetteer and nk_lexicon: every backend's cache is
 * out of date once this transaction commits (and this backend's at its next
 * command).
 */
Datum
pg_nk_gazetteer_invalidate(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("nk_gazetteer_invalidate() must be called as a trigger")));
	if (!TRIGGER_FIRED_FOR_STATEMENT(trigdata->tg_event) || !TRIGGER_FIRED_AFTER(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("nk_gazetteer_invalidate() must be an AFTER ... FOR EACH STATEMENT trigger")));
	CacheInvalidateRelcacheByRelid(RelationGetRelid(trigdata->tg_relation));
	return PointerGetDatum(NULL);
}
