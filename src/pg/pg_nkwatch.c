/*
 * pg_nkwatch.c
 *	  Module set-up and the helpers every glue file uses.
 *
 * The engine reaches memory, errors and interrupts only through the handlers
 * installed here: memory comes from the current memory context (so an error
 * anywhere frees it with the context), errors become ereport(ERROR), and
 * long loops call CHECK_FOR_INTERRUPTS, so statement_timeout and
 * pg_cancel_backend stop any call promptly.
 */
#include "pg_nkwatch.h"

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

static void *
pg_alloc(size_t size)
{
	return MemoryContextAllocHuge(CurrentMemoryContext, size);
}

static void
pg_release(void *ptr)
{
	pfree(ptr);
}

NK_NORETURN static void
pg_error(const char *message)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("nkwatch: %s", message)));
	pg_unreachable();
}

static void
pg_check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

void
_PG_init(void)
{
	static const nk_handlers handlers = {pg_alloc, pg_release, pg_error, pg_check_interrupts};

	nk_set_handlers(&handlers);
}

void
nk_pg_require_utf8(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("nkwatch requires a database with UTF8 encoding, not %s",
						GetDatabaseEncodingName()),
				 errhint("Create the database with ENCODING 'UTF8', for example "
						 "CREATE DATABASE news ENCODING 'UTF8' LOCALE 'C.UTF-8' TEMPLATE template0.")));
}

int64
nk_pg_timestamptz_to_unix(TimestampTz ts)
{
	/* floor division: times before 2000 are negative */
	int64		seconds = ts / USECS_PER_SEC;

	if (ts % USECS_PER_SEC < 0)
		seconds--;
	return seconds + NK_PG_EPOCH_OFFSET;
}

TimestampTz
nk_pg_unix_to_timestamptz(int64 seconds)
{
	return (TimestampTz) (seconds - NK_PG_EPOCH_OFFSET) * USECS_PER_SEC;
}

void
nk_pg_charpos_init(nk_pg_charpos *map, const char *text)
{
	map->text = text;
	map->byte = 0;
	map->chars = 0;
}

int32
nk_pg_charpos_of(nk_pg_charpos *map, size_t byte)
{
	if (byte < map->byte)
		map->chars -= nk_utf8_count(map->text + byte, map->byte - byte);
	else
		map->chars += nk_utf8_count(map->text + map->byte, byte - map->byte);
	map->byte = byte;
	return (int32) (map->chars + 1);
}

void
nk_pg_charpos_span(nk_pg_charpos *map, size_t start, size_t len, int32 *pos, int32 *chars)
{
	int64		n;

	*pos = nk_pg_charpos_of(map, start);
	n = nk_utf8_count(map->text + start, len);
	map->byte = start + len;
	map->chars += n;
	*chars = (int32) n;
}

int32
nk_pg_charlen(const char *text, size_t start, size_t len)
{
	return (int32) nk_utf8_count(text + start, len);
}

Tuplestorestate *
nk_pg_materialize(FunctionCallInfo fcinfo, TupleDesc *tupdesc)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext oldcontext;
	Tuplestorestate *store;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	if (!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("materialize mode required, but it is not allowed in this context")));
	if (get_call_result_type(fcinfo, NULL, tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");

	oldcontext = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	*tupdesc = CreateTupleDescCopy(*tupdesc);
	store = tuplestore_begin_heap(true, false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = *tupdesc;
	MemoryContextSwitchTo(oldcontext);
	return store;
}

bool
nk_pg_doc_arguments(FunctionCallInfo fcinfo, const char **doc, size_t *len,
					int64 *buf, const int64_t **published)
{
	text	   *t;

	if (PG_ARGISNULL(0))
		return false;
	t = PG_GETARG_TEXT_PP(0);
	*doc = VARDATA_ANY(t);
	*len = VARSIZE_ANY_EXHDR(t);
	*published = NULL;
	if (PG_NARGS() > 1 && !PG_ARGISNULL(1))
	{
		*buf = nk_pg_timestamptz_to_unix(PG_GETARG_TIMESTAMPTZ(1));
		*published = (const int64_t *) buf;
	}
	return true;
}

Datum
nk_pg_text_datum(const char *s, size_t len)
{
	return PointerGetDatum(cstring_to_text_with_len(s, (int) len));
}
