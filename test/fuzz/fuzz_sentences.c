/*
 * fuzz_sentences.c
 *	  libFuzzer harness of nk_doc_build(): tokens and sentences.
 *
 * Checks what every later stage relies on, and abort()s when it does not
 * hold: tokens are non-empty, in order, without overlap and inside the
 * text; each token's sentence index is in range and does not go down;
 * sentence spans are inside the text, in order and without overlap; each
 * sentence's first token opens it and belongs to it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nk_sentence.h"
#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nk_arena   *arena = nk_arena_create();
	nk_doc	   *doc = nk_doc_build(arena, (const char *) data, size);
	size_t		ntok = doc->tokens.count;
	size_t		nsent = doc->sentences.count;
	size_t		prev_end = 0;

	REQUIRE(doc->text == (const char *) data && doc->len == size);
	REQUIRE((ntok == 0) == (nsent == 0));
	REQUIRE(nsent <= ntok);
	for (size_t i = 0; i < ntok; i++)
	{
		const nk_token *t = &doc->tokens.items[i];

		REQUIRE(t->len > 0);
		REQUIRE(t->start >= prev_end);
		REQUIRE(t->start <= size && t->len <= size - t->start);
		REQUIRE(t->fold != NULL && t->fold[t->fold_len] == '\0');
		REQUIRE(t->kind <= NK_TOKEN_PUNCT);
		REQUIRE(t->sentence >= 0 && (size_t) t->sentence < nsent);
		if (i > 0)
			REQUIRE(t->sentence >= doc->tokens.items[i - 1].sentence &&
					t->sentence <= doc->tokens.items[i - 1].sentence + 1);
		else
			REQUIRE(t->sentence == 0);
		prev_end = t->start + t->len;
	}
	prev_end = 0;
	for (size_t i = 0; i < nsent; i++)
	{
		const nk_span *s = &doc->sentences.items[i];
		size_t		first = doc->sentence_first_token[i];

		REQUIRE(s->len > 0);
		REQUIRE(i == 0 || s->start >= prev_end);
		REQUIRE(s->start <= size && s->len <= size - s->start);
		REQUIRE(first < ntok);
		REQUIRE(doc->tokens.items[first].sentence == (int32_t) i);
		REQUIRE(doc->tokens.items[first].flags & NK_TOKEN_SENT_START);
		REQUIRE(first == 0 || doc->tokens.items[first - 1].sentence == (int32_t) i - 1);
		/* the span starts at the first token, or at the one after a list bullet */
		REQUIRE(s->start >= doc->tokens.items[first].start);
		REQUIRE(nk_doc_sentence_at(doc, s->start) == (int32_t) i);
		prev_end = s->start + s->len;
	}
	nk_arena_destroy(arena);
	return 0;
}
