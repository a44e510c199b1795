/*
 * fuzz_data.h
 *	  The shipped gazetteer and word lists for the libFuzzer harnesses.
 *
 * Built once, in LLVMFuzzerInitialize(), from the data directory: $NKWATCH_DATA
 * (the Makefile's fuzz target sets it), or else ../../data from the
 * harness binary (build/fuzz/fuzz_x in a checkout).  A harness that cannot
 * find the data stops at once rather than fuzz an empty gazetteer.
 */
#ifndef FUZZ_DATA_H
#define FUZZ_DATA_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nk_gazetteer.h"

static char *
fuzz_read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf = NULL;
	long		n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0)
	{
		buf = malloc((size_t) n + 1);
		if (buf && fread(buf, 1, (size_t) n, f) == (size_t) n)
		{
			buf[n] = '\0';
			*len = (size_t) n;
		}
		else
		{
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	return buf;
}

static int
fuzz_compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Load every *.tsv of dir/gazetteer, in name order; return the number of files. */
static size_t
fuzz_load_gazetteer_files(nk_gazetteer_builder *b, const char *dir)
{
	char		path[4096];
	char	   *names[256];
	size_t		n = 0;
	DIR		   *d;
	struct dirent *e;

	snprintf(path, sizeof(path), "%s/gazetteer", dir);
	if ((d = opendir(path)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL && n < 256)
	{
		size_t		l = strlen(e->d_name);

		if (l > 4 && strcmp(e->d_name + l - 4, ".tsv") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(char *), fuzz_compare_names);
	for (size_t i = 0; i < n; i++)
	{
		size_t		len;
		char	   *text;

		snprintf(path, sizeof(path), "%s/gazetteer/%s", dir, names[i]);
		if ((text = fuzz_read_file(path, &len)) != NULL)
			nk_gazetteer_load_tsv(b, text, len, path, false);
		free(text);
		free(names[i]);
	}
	return n;
}

/* Load the word lists of dir/lexicon (<list>.txt or <list>.tsv). */
static void
fuzz_load_lexicons(nk_gazetteer_builder *b, const char *dir)
{
	static const char *const ext[] = {".txt", ".tsv"};

	for (int l = 0; l < NK_LEXICON_COUNT; l++)
		for (int k = 0; k < 2; k++)
		{
			char		path[4096];
			size_t		len;
			char	   *text;

			snprintf(path, sizeof(path), "%s/lexicon/%s%s", dir, nk_lexicon_name((nk_lexicon) l), ext[k]);
			if ((text = fuzz_read_file(path, &len)) != NULL)
				nk_gazetteer_load_lexicon(b, (nk_lexicon) l, text, len);
			free(text);
		}
}

/* The shipped gazetteer, found from $NKWATCH_DATA or the binary's path argv0. */
static nk_gazetteer *
fuzz_shipped_gazetteer(const char *argv0)
{
	const char *env = getenv("NKWATCH_DATA");
	char		dir[4096];
	nk_gazetteer_builder *b = nk_gazetteer_builder_create();
	nk_gazetteer *g;

	if (env && *env)
		snprintf(dir, sizeof(dir), "%s", env);
	else
	{
		const char *slash = strrchr(argv0, '/');
		int			n = slash ? (int) (slash - argv0) : 1;

		snprintf(dir, sizeof(dir), "%.*s/../../data", n, slash ? argv0 : ".");
	}
	if (fuzz_load_gazetteer_files(b, dir) == 0)
	{
		fprintf(stderr, "no gazetteer files in %s/gazetteer: set NKWATCH_DATA to the data directory\n", dir);
		exit(1);
	}
	fuzz_load_lexicons(b, dir);
	g = nk_gazetteer_build(b);
	fprintf(stderr, "gazetteer from %s: %zu entities, %zu aliases\n",
			dir, nk_gazetteer_entity_count(g), nk_gazetteer_alias_count(g));
	return g;
}

#endif							/* FUZZ_DATA_H */
