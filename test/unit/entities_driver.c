/*
 * entities_driver.c
 *	  Run the entities stage on text files, outside the database.
 *
 *	entities_driver [-g DIR]... [-l DIR] [-a] [-b N] FILE...
 *
 * -a runs on the article body nk_parse_article() finds (offsets are then
 * into the body), as the SQL functions do on nk_article(raw).body.  -g loads every *.tsv gazetteer file of DIR (repeatable), -l the word lists
 * of DIR (<list>.txt or <list>.tsv).  Prints one TAB-separated row per
 * mention: file, entity, label, mention, byte offset, byte length,
 * sentence, source, confidence.  With -b N, prints instead the gazetteer's
 * size and memory and the time per MB of N passes over the files.
 */
#include "nk_article.h"
#include "nk_entities.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t) n + 1);
	if (buf == NULL || fread(buf, 1, (size_t) n, f) != (size_t) n)
	{
		fclose(f);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	fclose(f);
	*len = (size_t) n;
	return buf;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static void
load_gazetteer_dir(nk_gazetteer_builder *b, const char *dir)
{
	DIR		   *d = opendir(dir);
	struct dirent *e;
	char	   *names[1024];
	size_t		n = 0;

	if (d == NULL)
	{
		fprintf(stderr, "cannot open %s\n", dir);
		exit(1);
	}
	while ((e = readdir(d)) != NULL && n < 1024)
	{
		size_t		l = strlen(e->d_name);

		if (l > 4 && strcmp(e->d_name + l - 4, ".tsv") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(char *), compare_names);
	for (size_t i = 0; i < n; i++)
	{
		char		path[4096];
		size_t		len;
		char	   *text;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		text = read_file(path, &len);
		if (text)
			nk_gazetteer_load_tsv(b, text, len, path, false);
		free(text);
		free(names[i]);
	}
}

static void
load_lexicon_dir(nk_gazetteer_builder *b, const char *dir)
{
	for (int l = 0; l < NK_LEXICON_COUNT; l++)
	{
		static const char *const ext[] = {".txt", ".tsv"};

		for (int k = 0; k < 2; k++)
		{
			char		path[4096];
			size_t		len;
			char	   *text;

			snprintf(path, sizeof(path), "%s/%s%s", dir, nk_lexicon_name((nk_lexicon) l), ext[k]);
			text = read_file(path, &len);
			if (text)
				nk_gazetteer_load_lexicon(b, (nk_lexicon) l, text, len);
			free(text);
		}
	}
}

static void
print_field(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		putchar(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
}

int
main(int argc, char **argv)
{
	nk_gazetteer_builder *b = nk_gazetteer_builder_create();
	nk_gazetteer *g;
	int			passes = 0;
	bool		article = false;
	int			i;
	clock_t		t0;

	for (i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "-g") == 0 && i + 1 < argc)
			load_gazetteer_dir(b, argv[++i]);
		else if (strcmp(argv[i], "-l") == 0 && i + 1 < argc)
			load_lexicon_dir(b, argv[++i]);
		else if (strcmp(argv[i], "-a") == 0)
			article = true;
		else if (strcmp(argv[i], "-b") == 0 && i + 1 < argc)
			passes = atoi(argv[++i]);
		else
			break;
	}
	t0 = clock();
	g = nk_gazetteer_build(b);
	if (passes > 0)
		printf("gazetteer: %zu entities, %zu aliases, %zu bytes, built in %.3f s\n",
			   nk_gazetteer_entity_count(g), nk_gazetteer_alias_count(g), nk_gazetteer_memory(g),
			   (double) (clock() - t0) / CLOCKS_PER_SEC);
	{
		size_t		bytes = 0;
		size_t		mentions = 0;

		t0 = clock();
		for (int p = 0; p < (passes > 0 ? passes : 1); p++)
			for (int f = i; f < argc; f++)
			{
				size_t		len;
				char	   *text = read_file(argv[f], &len);
				nk_arena   *arena;
				nk_doc	   *doc;
				nk_entity_list out = {0};

				if (text == NULL)
				{
					fprintf(stderr, "cannot read %s\n", argv[f]);
					return 1;
				}
				arena = nk_arena_create();
				if (article)
				{
					nk_article a;

					nk_parse_article(arena, text, len, NULL, &a);
					free(text);
					text = malloc(a.body_len + 1);
					memcpy(text, a.body, a.body_len + 1);
					len = a.body_len;
				}
				doc = nk_doc_build(arena, text, len);
				nk_extract_entities(arena, doc, g, &out);
				bytes += len;
				mentions += out.count;
				for (size_t k = 0; passes == 0 && k < out.count; k++)
				{
					const nk_entity_mention *m = &out.items[k];

					printf("%s\t%s\t%s\t", argv[f], m->entity, nk_label_name(m->label));
					print_field(text + m->start, m->len);
					printf("\t%zu\t%zu\t%d\t%s\t%.2f\n", m->start, m->len, m->sentence,
						   nk_entity_source_name(m->source), m->confidence);
				}
				nk_arena_destroy(arena);
				free(text);
			}
		if (passes > 0)
		{
			double		secs = (double) (clock() - t0) / CLOCKS_PER_SEC;

			printf("%zu bytes, %zu mentions, %.3f s, %.2f ms/MB, %.1f MB/s\n", bytes, mentions, secs,
				   bytes ? secs * 1000.0 / ((double) bytes / 1048576.0) : 0.0,
				   secs > 0 ? (double) bytes / 1048576.0 / secs : 0.0);
		}
	}
	nk_gazetteer_destroy(g);
	return 0;
}
