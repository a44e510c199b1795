/*
 * pg_syntax.c
 *	  SQL glue of nk_parse(), and the syntax model every backend maps.
 *
 * The model file (share/extension/nkwatch.model, built by `make` from the
 * treebank) is mapped read-only on a backend's first call and stays mapped:
 * its pages are the kernel's page cache, shared by every backend, so a
 * backend's private memory for it is the few kilobytes of its name tables.
 */
#include "pg_nkwatch.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "storage/fd.h"
#include "utils/memutils.h"

#include "nk_syntax.h"

PG_FUNCTION_INFO_V1(pg_nk_parse);

static nk_syntax_model *syntax_model;

const nk_syntax_model *
nk_pg_syntax_model(void)
{
	char		share[MAXPGPATH];
	char		path[MAXPGPATH];
	int			fd;
	struct stat st;
	void	   *data;
	const char *problem;
	nk_syntax_model *model;
	MemoryContext old;
	nk_arena   *arena;

	if (syntax_model != NULL)
		return syntax_model;
	get_share_path(my_exec_path, share);
	snprintf(path, sizeof(path), "%s/extension/nkwatch.model", share);
	fd = OpenTransientFile(path, O_RDONLY | PG_BINARY);
	if (fd < 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open the nkwatch syntax model \"%s\": %m", path),
				 errhint("The model is built from the treebank by \"make\" and installed by \"make install\".")));
	if (fstat(fd, &st) != 0)
	{
		int			save = errno;

		CloseTransientFile(fd);
		errno = save;
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not stat the nkwatch syntax model \"%s\": %m", path)));
	}
	data = st.st_size > 0 ? mmap(NULL, (size_t) st.st_size, PROT_READ, MAP_SHARED, fd, 0) : MAP_FAILED;
	CloseTransientFile(fd);
	if (data == MAP_FAILED)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("could not map the nkwatch syntax model \"%s\"", path),
				 errdetail("The file is empty or cannot be mapped (%zu bytes).", (size_t) st.st_size),
				 errhint("Rebuild and reinstall it: \"make\" and \"make install\".")));

	/* the name tables live as long as the backend */
	old = MemoryContextSwitchTo(TopMemoryContext);
	arena = nk_arena_create();
	model = nk_arena_zalloc(arena, sizeof(*model));
	problem = nk_syntax_model_open(arena, data, (size_t) st.st_size, model);
	MemoryContextSwitchTo(old);
	if (problem != NULL)
	{
		munmap(data, (size_t) st.st_size);
		nk_arena_destroy(arena);
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("the nkwatch syntax model \"%s\" cannot be used: %s", path, problem),
				 errhint("Rebuild and reinstall it with the extension's library of the same version: \"make\" and \"make install\".")));
	}
	syntax_model = model;
	return syntax_model;
}

/*
 * nk_parse(doc text) returns setof (sentence int, token int, text text,
 *   lemma text, upos text, xpos text, head int, deprel text, pos int, len int)
 */
Datum
pg_nk_parse(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(doc);
	size_t		n = VARSIZE_ANY_EXHDR(doc);
	const nk_syntax_model *model;
	TupleDesc	tupdesc;
	Tuplestorestate *store;
	nk_arena   *arena;
	nk_doc	   *d;
	nk_syntax  *syntax;
	nk_pg_charpos map;

	nk_pg_require_utf8();
	model = nk_pg_syntax_model();
	store = nk_pg_materialize(fcinfo, &tupdesc);
	arena = nk_arena_create();
	d = nk_doc_build(arena, s, n);
	syntax = nk_syntax_parse(arena, d, model);
	nk_pg_charpos_init(&map, s);
	for (size_t sn = 0; sn < syntax->sentence_count; sn++)
	{
		size_t		first = syntax->sentence_first[sn];

		for (size_t i = first; i < syntax->sentence_first[sn + 1]; i++)
		{
			const nk_parsed_word *w = &syntax->words[i];
			Datum		values[10];
			bool		nulls[10] = {false};
			int32		pos,
						chars;

			values[0] = Int32GetDatum((int32) sn + 1);
			values[1] = Int32GetDatum((int32) (i - first) + 1);
			values[2] = nk_pg_text_datum(s + w->start, w->len);
			values[3] = CStringGetTextDatum(w->lemma);
			values[4] = CStringGetTextDatum(nk_syntax_upos(model, w->tag));
			values[5] = CStringGetTextDatum(nk_syntax_xpos(model, w->tag));
			values[6] = Int32GetDatum(w->head + 1);
			values[7] = CStringGetTextDatum(nk_syntax_relation(model, w->relation));
			nk_pg_charpos_span(&map, w->start, w->len, &pos, &chars);
			values[8] = Int32GetDatum(pos);
			values[9] = Int32GetDatum(chars);
			tuplestore_putvalues(store, tupdesc, values, nulls);
			CHECK_FOR_INTERRUPTS();
		}
	}
	nk_arena_destroy(arena);
	return (Datum) 0;
}
