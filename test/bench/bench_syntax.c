/*
 * bench_syntax.c
 *	  Engine benchmark of the syntax stage, outside the server: words per
 *	  second of tokenizing and sentence splitting, UD word splitting,
 *	  tagging, lemmatising and parsing, on one core.
 *
 *	  build/bench-syntax MODEL FILE [ROUNDS]
 *
 * FILE is plain text (test/bench/bench.sh's generated pages or any text);
 * it is parsed ROUNDS times (default 5) and the best round counts; the
 * memory the call took (its arena) is printed too.  Made by
 * `make bench-syntax`; nothing in the test suite runs it.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "nk_syntax.h"
#include "nkwatch_read.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	size_t		model_size,
				text_size;
	char	   *model_file;
	char	   *text;
	nk_syntax_model model;
	nk_arena   *keep = nk_arena_create();
	const char *error;
	int			rounds = argc > 3 ? atoi(argv[3]) : 5;
	double		best_doc = 1e30,
				best_all = 1e30;
	size_t		words = 0;
	size_t		memory = 0;

	if (argc < 3)
	{
		fprintf(stderr, "usage: bench-syntax MODEL FILE [ROUNDS]\n");
		return 2;
	}
	model_file = nkwatch_read_file(argv[1], &model_size);
	text = nkwatch_read_file(argv[2], &text_size);
	if (model_file == NULL || text == NULL)
	{
		fprintf(stderr, "bench-syntax: cannot read %s\n", model_file == NULL ? argv[1] : argv[2]);
		return 1;
	}
	if ((error = nk_syntax_model_open(keep, model_file, model_size, &model)) != NULL)
	{
		fprintf(stderr, "bench-syntax: %s: %s\n", argv[1], error);
		return 1;
	}
	for (int r = 0; r < (rounds > 0 ? rounds : 1); r++)
	{
		nk_arena   *arena = nk_arena_create();
		double		t0 = now();
		nk_doc	   *doc = nk_doc_build(arena, text, text_size);
		double		t1 = now();
		nk_syntax  *syntax = nk_syntax_parse(arena, doc, &model);
		double		t2 = now();

		words = syntax->count;
		memory = nk_arena_size(arena);
		if (t1 - t0 < best_doc)
			best_doc = t1 - t0;
		if (t2 - t0 < best_all)
			best_all = t2 - t0;
		nk_arena_destroy(arena);
	}
	printf("%s: %zu bytes, %zu words; best of %d rounds\n", argv[2], text_size, words, rounds);
	printf("tokens and sentences:                %8.3f s %10.0f words/s\n", best_doc, words / best_doc);
	printf("all (+ words, tags, lemmas, trees):  %8.3f s %10.0f words/s\n", best_all, words / best_all);
	printf("memory of the call (its arena): %zu bytes, %.1fx the input\n", memory, (double) memory / text_size);
	return 0;
}
