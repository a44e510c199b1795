/*
 * lemma_eval.c
 *	  Lemma accuracy of nk_lemmatize() on CoNLL-U files with their gold
 *	  forms and tags, the exception table built from a training file.
 *
 *	  make cli && cc -O2 -Isrc/engine -o build/lemma_eval test/eval/lemma_eval.c build/opt/nk_*.o -lutf8proc
 *	  build/lemma_eval [--errors N] [--min COUNT] TRAIN.conllu TEST.conllu...
 *
 * Prints, for each test file, the accuracy of the rules alone and of the
 * rules with the table, and the table's entries and bytes; with --errors,
 * the N commonest errors.  Multiword tokens' range lines and empty nodes
 * are skipped: the words are scored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nk_lemma.h"

typedef struct words
{
	char	  **form,
			  **upos,
			  **xpos,
			  **lemma;
	size_t		n,
				cap;
} words;

static void
read_conllu(const char *path, words *w)
{
	FILE	   *f = fopen(path, "r");
	char		line[65536];

	if (f == NULL)
	{
		perror(path);
		exit(1);
	}
	memset(w, 0, sizeof(*w));
	while (fgets(line, sizeof(line), f))
	{
		char	   *col[10];
		char	   *p = line;
		int			k;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		for (k = 0; k < 10 && p; k++)
		{
			col[k] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (k < 10 || strchr(col[0], '-') || strchr(col[0], '.'))
			continue;
		if (w->n == w->cap)
		{
			w->cap = w->cap ? 2 * w->cap : 1024;
			w->form = realloc(w->form, w->cap * sizeof(char *));
			w->upos = realloc(w->upos, w->cap * sizeof(char *));
			w->xpos = realloc(w->xpos, w->cap * sizeof(char *));
			w->lemma = realloc(w->lemma, w->cap * sizeof(char *));
		}
		w->form[w->n] = strdup(col[1]);
		w->lemma[w->n] = strdup(col[2]);
		w->upos[w->n] = strdup(col[3]);
		w->xpos[w->n] = strdup(col[4]);
		w->n++;
	}
	fclose(f);
}

typedef struct error
{
	char	   *text;
	int			count;
} error;

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static int
cmp_error(const void *a, const void *b)
{
	return ((const error *) b)->count - ((const error *) a)->count;
}

int
main(int argc, char **argv)
{
	int			show = 0;
	size_t		min_count = NK_LEMMA_MIN_COUNT;
	int			i = 1;
	words		train;
	nk_arena   *arena = nk_arena_create();
	const void *blob;
	size_t		size;

	for (; i < argc && argv[i][0] == '-'; i += 2)
	{
		if (i + 1 >= argc)
			return 2;
		if (strcmp(argv[i], "--errors") == 0)
			show = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--min") == 0)
			min_count = (size_t) atoi(argv[i + 1]);
	}
	if (argc - i < 2)
	{
		fputs("usage: lemma_eval [--errors N] [--min COUNT] TRAIN.conllu TEST.conllu...\n", stderr);
		return 2;
	}
	read_conllu(argv[i], &train);
	blob = nk_lemma_table_build_min(arena, (const char *const *) train.form,
									(const char *const *) train.upos, (const char *const *) train.xpos,
									(const char *const *) train.lemma, train.n, min_count, &size);
	if (nk_lemma_table_check(blob, size) != NULL)
	{
		fprintf(stderr, "bad table: %s\n", nk_lemma_table_check(blob, size));
		return 1;
	}
	printf("table (min count %zu): %zu entries, %zu bytes\n", min_count, nk_lemma_table_count(blob, size), size);
	for (i++; i < argc; i++)
	{
		words		t;
		size_t		rules = 0,
					both = 0;
		char	  **errs;
		size_t		ne = 0;

		read_conllu(argv[i], &t);
		errs = malloc((t.n + 1) * sizeof(char *));
		for (size_t k = 0; k < t.n; k++)
		{
			const char *r = nk_lemma_rules(arena, t.form[k], strlen(t.form[k]), t.upos[k], t.xpos[k]);
			const char *l = nk_lemmatize(arena, blob, size, t.form[k], strlen(t.form[k]), t.upos[k], t.xpos[k]);

			rules += strcmp(r, t.lemma[k]) == 0;
			both += strcmp(l, t.lemma[k]) == 0;
			if (strcmp(l, t.lemma[k]) != 0)
			{
				size_t		m = strlen(t.form[k]) + strlen(t.xpos[k]) + strlen(l) + strlen(t.lemma[k]) + 16;

				errs[ne] = malloc(m);
				snprintf(errs[ne++], m, "%s\t%s\t%s (gold %s)", t.form[k], t.xpos[k], l, t.lemma[k]);
			}
		}
		printf("%s: %zu words, rules %.2f%%, rules and table %.2f%%\n", argv[i], t.n,
			   100.0 * rules / t.n, 100.0 * both / t.n);
		if (show > 0 && ne > 0)
		{
			error	   *e = malloc(ne * sizeof(error));
			size_t		nd = 0;

			qsort(errs, ne, sizeof(char *), cmp_str);
			for (size_t k = 0; k < ne; k++)
			{
				if (nd > 0 && strcmp(e[nd - 1].text, errs[k]) == 0)
					e[nd - 1].count++;
				else
					e[nd++] = (error) {errs[k], 1};
			}
			qsort(e, nd, sizeof(error), cmp_error);
			for (size_t k = 0; k < nd && k < (size_t) show; k++)
				printf("%5d  %s\n", e[k].count, e[k].text);
		}
	}
	nk_arena_destroy(arena);
	return 0;
}
