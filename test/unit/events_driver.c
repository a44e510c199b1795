/*
 * events_driver.c
 *	  Run the whole events pipeline on text files, outside the database.
 *
 *	events_driver [-g DIR]... [-l DIR] [-b N] FILE[@PUBLISHED]...
 *
 * Each file is read as a raw page: nk_parse_article() finds its body, as
 * the SQL functions do on nk_article(raw).body.  PUBLISHED is the
 * publication time in seconds since 1970 (the page's own time otherwise).
 * -g loads every *.tsv gazetteer file of DIR (repeatable), -l the word
 * lists of DIR.  Prints one JSON object per event:
 * file, type, actor, target, status, from, to, location, source, items,
 * quantity, quantity_max, sentence, confidence, evidence.  With -b N, prints
 * instead the time per MB of N passes over the files.
 */
#include "nk_article.h"
#include "nk_events.h"
#include "nk_calendar.h"

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
put_json(const char *s, size_t n)
{
	if (s == NULL)
	{
		fputs("null", stdout);
		return;
	}
	putchar('"');
	for (size_t i = 0; i < n; i++)
	{
		unsigned char ch = (unsigned char) s[i];

		if (ch == '"' || ch == '\\')
			printf("\\%c", ch);
		else if (ch < 0x20)
			printf("\\u%04x", ch);
		else
			putchar(ch);
	}
	putchar('"');
}

static void
put_str(const char *s)
{
	put_json(s, s ? strlen(s) : 0);
}

static void
put_date(bool has, int32_t d)
{
	int			y,
				m,
				dd;

	if (!has)
	{
		fputs("null", stdout);
		return;
	}
	nk_civil_from_days(d, &y, &m, &dd);
	printf("\"%04d-%02d-%02d\"", y, m, dd);
}

int
main(int argc, char **argv)
{
	nk_gazetteer_builder *b = nk_gazetteer_builder_create();
	nk_gazetteer *g;
	int			passes = 0;
	int			i;
	clock_t		t0;
	size_t		bytes = 0,
				events = 0;

	for (i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "-g") == 0 && i + 1 < argc)
			load_gazetteer_dir(b, argv[++i]);
		else if (strcmp(argv[i], "-l") == 0 && i + 1 < argc)
			load_lexicon_dir(b, argv[++i]);
		else if (strcmp(argv[i], "-b") == 0 && i + 1 < argc)
			passes = atoi(argv[++i]);
		else
			break;
	}
	g = nk_gazetteer_build(b);
	t0 = clock();
	for (int p = 0; p < (passes > 0 ? passes : 1); p++)
		for (int f = i; f < argc; f++)
		{
			char		path[4096];
			char	   *at;
			size_t		len;
			char	   *text;
			nk_arena   *arena;
			nk_doc	   *doc;
			nk_article	a;
			nk_event_list out = {0};
			int64_t		published = 0;
			bool		has_published = false;

			snprintf(path, sizeof(path), "%s", argv[f]);
			at = strrchr(path, '@');
			if (at)
			{
				*at = '\0';
				published = strtoll(at + 1, NULL, 10);
				has_published = true;
			}
			text = read_file(path, &len);
			if (text == NULL)
			{
				fprintf(stderr, "cannot read %s\n", path);
				return 1;
			}
			arena = nk_arena_create();
			nk_parse_article(arena, text, len, NULL, &a);
			if (!has_published && a.has_published)
			{
				published = a.published;
				has_published = true;
			}
			doc = nk_doc_build(arena, a.body, a.body_len);
			nk_events_of_doc(arena, doc, g, has_published ? &published : NULL, &out);
			bytes += len;
			events += out.count;
			for (size_t k = 0; passes == 0 && k < out.count; k++)
			{
				const nk_event *e = &out.items[k];

				printf("{\"file\": ");
				put_str(path);
				printf(", \"type\": \"%s\", \"actor\": ", nk_event_type(e->type)->name);
				put_str(e->actor);
				printf(", \"target\": ");
				put_str(e->target);
				printf(", \"status\": \"%s\", \"from\": ", nk_event_status_name(e->status));
				put_date(e->has_date, e->date_from);
				printf(", \"to\": ");
				put_date(e->has_date, e->date_to);
				printf(", \"location\": ");
				put_str(e->location);
				printf(", \"source\": ");
				put_str(e->source);
				printf(", \"items\": [");
				for (size_t j = 0; j < e->n_items; j++)
				{
					if (j)
						printf(", ");
					put_str(e->items[j]);
				}
				printf("], \"quantity\": ");
				if (e->has_quantity)
					printf("%lld", (long long) e->quantity);
				else
					printf("null");
				printf(", \"quantity_max\": ");
				if (e->has_quantity_max)
					printf("%lld", (long long) e->quantity_max);
				else
					printf("null");
				printf(", \"sentence\": %d, \"confidence\": %.3f, \"evidence\": ", e->sentence + 1, e->confidence);
				put_json(a.body + e->evidence.start, e->evidence.len);
				printf("}\n");
			}
			nk_arena_destroy(arena);
			free(text);
		}
	if (passes > 0)
	{
		double		secs = (double) (clock() - t0) / CLOCKS_PER_SEC;

		printf("%zu bytes, %zu events, %.3f s, %.1f MB/s\n", bytes, events, secs,
			   secs > 0 ? (double) bytes / 1048576.0 / secs : 0.0);
	}
	nk_gazetteer_destroy(g);
	return 0;
}
