/*
 * stage_driver.c
 *	  One pipeline stage on one file, outside the database: for instruction
 *	  counts (callgrind) and for checking that an optimisation changes no
 *	  output.
 *
 *	stage_driver [-g DIR]... [-l DIR] [-n N] [-q] STAGE FILE...
 *
 * STAGE is one of
 *	article		nk_parse_article() on the raw file (as nk_article(raw))
 *	doc			nk_doc_build(): tokens and sentences (as nk_sentences(doc))
 *	entities	nk_doc_build() + nk_extract_entities() (as nk_entities(doc))
 *	dates		nk_doc_build() + nk_extract_dates() (as nk_dates(doc, published))
 *	events		nk_doc_build() + nk_events_of_doc() (as nk_events(doc, published))
 * on the file's text as it is (pass a story body for the later stages; the
 * publication time is 2024-06-19 12:00 UTC).  The gazetteer (-g, -l, as in
 * entities_driver) is built before the timed part.  Prints every result row
 * (TSV), or with -q only their count; -n N runs the stage N times over
 * the files, each file a call of its own.
 */
#include "nk_article.h"
#include "nk_dates.h"
#include "nk_entities.h"
#include "nk_events.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static int
usage(void)
{
	fputs("usage: stage_driver [-g DIR]... [-l DIR] [-n N] [-q] article|doc|entities|dates|events FILE...\n",
		  stderr);
	return 2;
}

int
main(int argc, char **argv)
{
	nk_gazetteer_builder *b = nk_gazetteer_builder_create();
	nk_gazetteer *g;
	int			passes = 1;
	bool		quiet = false;
	const char *stage;
	size_t		rows = 0;
	int64_t		published = 1718798400;	/* 2024-06-19 12:00 UTC */
	int			i;

	for (i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "-g") == 0 && i + 1 < argc)
			load_gazetteer_dir(b, argv[++i]);
		else if (strcmp(argv[i], "-l") == 0 && i + 1 < argc)
			load_lexicon_dir(b, argv[++i]);
		else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			passes = atoi(argv[++i]);
		else if (strcmp(argv[i], "-q") == 0)
			quiet = true;
		else
			break;
	}
	if (argc - i < 2)
		return usage();
	stage = argv[i];
	g = nk_gazetteer_build(b);
	for (int p = 0; p < passes; p++)
		for (int f = i + 1; f < argc; f++)
		{
			char	   *text;
			size_t		len;
			nk_arena   *arena;
			bool		print = !quiet && p == 0;

			text = read_file(argv[f], &len);
			if (text == NULL)
			{
				fprintf(stderr, "cannot read %s\n", argv[f]);
				return 1;
			}
			arena = nk_arena_create();
			if (strcmp(stage, "article") == 0)
			{
				nk_article	a;

				nk_parse_article(arena, text, len, NULL, &a);
				rows++;
				if (print)
					printf("%s\t%s\t%s\t%lld\n%s\n", a.title ? a.title : "-", a.author ? a.author : "-",
						   a.dateline ? a.dateline : "-", a.has_published ? (long long) a.published : -1LL,
						   a.body);
			}
			else
			{
				nk_doc	   *d = nk_doc_build(arena, text, len);

				if (strcmp(stage, "doc") == 0)
				{
					rows += d->sentences.count;
					for (size_t k = 0; print && k < d->tokens.count; k++)
					{
						const nk_token *t = &d->tokens.items[k];

						printf("%zu\t%zu\t%d\t%x\t%d\t%.*s\n", t->start, t->len, t->kind, t->flags,
							   t->sentence, (int) t->fold_len, t->fold);
					}
				}
				else if (strcmp(stage, "entities") == 0)
				{
					nk_entity_list out = {0};

					nk_extract_entities(arena, d, g, &out);
					rows += out.count;
					for (size_t k = 0; print && k < out.count; k++)
					{
						const nk_entity_mention *m = &out.items[k];

						printf("%s\t%s\t%zu\t%zu\t%zu\t%zu\t%d\t%s\t%.3f\n", m->entity,
							   nk_label_name(m->label), m->start, m->len, m->first_token,
							   m->last_token, m->sentence, nk_entity_source_name(m->source),
							   m->confidence);
					}
				}
				else if (strcmp(stage, "dates") == 0)
				{
					nk_date_list out = {0};

					nk_extract_dates(arena, d, &published, &out);
					rows += out.count;
					for (size_t k = 0; print && k < out.count; k++)
					{
						const nk_date_mention *m = &out.items[k];

						printf("%zu\t%zu\t%d\t%d\t%d\t%d\t%s\t%s\n", m->span.start, m->span.len,
							   m->sentence, m->resolved, m->date_from, m->date_to,
							   nk_precision_name(m->precision), m->timex ? m->timex : "-");
					}
				}
				else if (strcmp(stage, "events") == 0)
				{
					nk_event_list out = {0};

					nk_events_of_doc(arena, d, g, &published, &out);
					rows += out.count;
					for (size_t k = 0; print && k < out.count; k++)
					{
						const nk_event *e = &out.items[k];

						printf("%s\t%s\t%s\t%d\t%s\t%d\t%.3f\t%zu\t%zu\n", nk_event_type(e->type)->name,
							   e->actor ? e->actor : "-", e->target ? e->target : "-", e->status,
							   e->location ? e->location : "-", e->sentence, e->confidence,
							   e->evidence.start, e->evidence.len);
					}
				}
				else
					return usage();
			}
			nk_arena_destroy(arena);
			free(text);
		}
	if (quiet)
		printf("%zu rows\n", rows);
	nk_gazetteer_destroy(g);
	return 0;
}
