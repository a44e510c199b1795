/*
 * fuzz_syntax.c
 *	  libFuzzer harness of the syntax stage: nk_syntax_parse() with the
 *	  trained model, and nk_syntax_model_open() on damaged model files.
 *
 * The model comes from $NKWATCH_MODEL (make fuzz sets it).  An input whose
 * first byte is 0xff is a model file instead: the real one with the input
 * written over it at an offset the input chooses, truncated to a length it
 * chooses, and half the time its size and checksum made to match; opening
 * it must give a message or a usable model, never a read out of bounds.  Every other input is a document: its parse must give
 * every sentence one tree (one root, every head in the sentence, no cycle),
 * words inside the text and in order, known tags and relations, a lemma.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nk_syntax.h"
#include "nkwatch_files.h"
#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *model_file;
static size_t model_size;
static nk_syntax_model model;
static nk_arena *model_arena;	/* the model's name tables, for the whole run */

static void
load_model(void)
{
	const char *path = getenv("NKWATCH_MODEL");

	if (model_file != NULL)
		return;
	model_arena = nk_arena_create();
	model_file = path ? nkwatch_read_file(path, &model_size) : NULL;
	if (model_file == NULL || nk_syntax_model_open(model_arena, model_file, model_size, &model) != NULL)
	{
		fprintf(stderr, "fuzz_syntax: set NKWATCH_MODEL to a usable model file\n");
		abort();
	}
}

static void
damaged_model(const uint8_t *data, size_t size)
{
	size_t		offset = 0;
	size_t		keep;
	char	   *copy;
	nk_arena   *arena = nk_arena_create();
	nk_syntax_model m;

	for (size_t i = 1; i < 5 && i < size; i++)
		offset = offset << 8 | data[i];
	offset %= model_size;
	keep = size > 5 ? model_size - (data[5] * model_size) / 1024 : model_size;
	copy = malloc(model_size);
	memcpy(copy, model_file, model_size);
	if (size > 6)
		memcpy(copy + offset, data + 6, size - 6 < model_size - offset ? size - 6 : model_size - offset);
	/* half the time a checksum that matches, so the sections' own checks are reached */
	if (size > 5 && (data[5] & 1) && keep >= NK_MODEL_HEADER)
	{
		uint64_t	sum = nk_model_checksum(copy + NK_MODEL_HEADER, keep - NK_MODEL_HEADER);

		for (int i = 0; i < 8; i++)
			copy[24 + i] = (char) (sum >> (8 * i));
		for (int i = 0; i < 8; i++)
			copy[16 + i] = (char) ((uint64_t) keep >> (8 * i));
	}
	(void) nk_syntax_model_open(arena, copy, keep, &m);
	free(copy);
	nk_arena_destroy(arena);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nk_arena   *arena;
	nk_doc	   *doc;
	nk_syntax  *syntax;
	size_t		prev_end = 0;

	load_model();
	if (size > 0 && data[0] == 0xff)
	{
		damaged_model(data, size);
		return 0;
	}
	arena = nk_arena_create();
	doc = nk_doc_build(arena, (const char *) data, size);
	syntax = nk_syntax_parse(arena, doc, &model);
	REQUIRE(syntax->sentence_first[0] == 0 && syntax->sentence_first[syntax->sentence_count] == syntax->count);
	for (size_t s = 0; s < syntax->sentence_count; s++)
	{
		size_t		first = syntax->sentence_first[s];
		size_t		n = syntax->sentence_first[s + 1] - first;
		size_t		roots = 0;

		REQUIRE(syntax->sentence_first[s + 1] >= first);
		for (size_t i = 0; i < n; i++)
		{
			const nk_parsed_word *w = &syntax->words[first + i];
			int32_t		h = w->head;
			size_t		steps = 0;

			REQUIRE(w->len > 0 && w->start >= prev_end && w->start + (size_t) w->len <= size);
			REQUIRE(w->tag < model.tagger.classes && w->relation < model.parser.relations);
			REQUIRE(w->lemma != NULL && w->form != NULL);
			REQUIRE(h >= -1 && h < (int32_t) n && h != (int32_t) i);
			REQUIRE((h == -1) == (w->relation == model.parser.root_label));
			roots += h == -1;
			/* the way up from every word reaches the root */
			while (h != -1)
			{
				REQUIRE(++steps <= n);
				h = syntax->words[first + h].head;
			}
			prev_end = w->start + w->len;
		}
		REQUIRE(n == 0 || roots == 1);
	}
	nk_arena_destroy(arena);
	return 0;
}
