/*
 * nkwatch_files.h
 *	  The shipped data directory read from files, for the programs that run
 *	  the engine outside the server: nkwatch-cli and the fuzz harnesses.
 *
 * The engine itself reads no files; in the server the same data comes from
 * the extension's tables.  A program that includes this header defines
 * _POSIX_C_SOURCE as 200809L first (opendir, strdup).
 */
#ifndef NKWATCH_FILES_H
#define NKWATCH_FILES_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nk_gazetteer.h"
#include "nkwatch_read.h"

static inline int
nkwatch_compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/*
 * Load into b every *.tsv file of dir/gazetteer, in name order, and the word
 * lists of dir/lexicon (<list>.txt or <list>.tsv); return the number of
 * gazetteer files (0 when dir/gazetteer cannot be opened).
 */
static inline size_t
nkwatch_load_data(nk_gazetteer_builder *b, const char *dir)
{
	static const char *const ext[] = {".txt", ".tsv"};
	char		path[4096];
	char	   *names[256];
	size_t		n = 0;
	DIR		   *d;
	struct dirent *e;

	snprintf(path, sizeof(path), "%s/gazetteer", dir);
	if ((d = opendir(path)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL && n < sizeof(names) / sizeof(names[0]))
	{
		size_t		l = strlen(e->d_name);

		if (l > 4 && strcmp(e->d_name + l - 4, ".tsv") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(char *), nkwatch_compare_names);
	for (size_t i = 0; i < n; i++)
	{
		size_t		len;
		char	   *text;

		snprintf(path, sizeof(path), "%s/gazetteer/%s", dir, names[i]);
		if ((text = nkwatch_read_file(path, &len)) != NULL)
			nk_gazetteer_load_tsv(b, text, len, path, false);
		free(text);
		free(names[i]);
	}
	for (int l = 0; l < NK_LEXICON_COUNT; l++)
		for (int k = 0; k < 2; k++)
		{
			size_t		len;
			char	   *text;

			snprintf(path, sizeof(path), "%s/lexicon/%s%s", dir, nk_lexicon_name((nk_lexicon) l), ext[k]);
			if ((text = nkwatch_read_file(path, &len)) != NULL)
				nk_gazetteer_load_lexicon(b, (nk_lexicon) l, text, len);
			free(text);
		}
	return n;
}

#endif							/* NKWATCH_FILES_H */
