/*
 * fuzz_words.c
 *	  libFuzzer harness of nk_words_build(), nk_lemma_table_check() and
 *	  nk_lemmatize() on arbitrary bytes.
 *
 * The input is a document: its words must be non-empty, in order, without
 * overlap, inside the text, with forms equal to their spans' text, in
 * sentences that do not go down, each sentence's words where
 * sentence_first says; the parts of a split token must follow each other
 * without space.  The same bytes are then a lemma table: checked, and,
 * checked or not, looked up with each word (a lookup in a corrupt table
 * must stay inside it); every lemma must be a NUL-terminated string.
 * A table built from the words, with their forms as lemmas, must pass the
 * check; with bytes changed by the input and cut short, its check and
 * lookups must stay inside it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nk_lemma.h"
#include "nk_words.h"
#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const tags[][2] = {
	{"NOUN", "NNS"}, {"VERB", "VBD"}, {"VERB", "VBG"}, {"ADJ", "JJR"}, {"PROPN", "NNPS"},
	{"NUM", "CD"}, {"AUX", "VBZ"}, {"X", "_"}, {NULL, NULL}
};

#define NTAGS (sizeof(tags) / sizeof(tags[0]))

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nk_arena   *arena = nk_arena_create();
	const char *text = (const char *) data;
	nk_doc	   *doc = nk_doc_build(arena, text, size);
	nk_words   *w = nk_words_build(arena, doc);
	size_t		n = w->words.count;
	size_t		prev_end = 0;
	int32_t		prev_sentence = 0;
	bool		checked;
	const char **forms;
	const char **upos;
	const char **xpos;
	const void *blob;
	size_t		blob_size;

	REQUIRE(w->sentence_count == doc->sentences.count);
	REQUIRE(w->sentence_first[0] == 0 && w->sentence_first[w->sentence_count] == n);
	for (size_t i = 0; i < n; i++)
	{
		const nk_word *word = &w->words.items[i];

		REQUIRE(word->len > 0 && word->start >= prev_end);
		REQUIRE(word->start <= size && word->len <= size - word->start);
		REQUIRE(word->form_len == word->len && word->form[word->form_len] == '\0');
		REQUIRE(memcmp(word->form, text + word->start, word->len) == 0);
		REQUIRE(word->token >= 0 && (size_t) word->token < doc->tokens.count);
		REQUIRE(doc->tokens.items[word->token].start <= word->start);
		REQUIRE(word->sentence == doc->tokens.items[word->token].sentence);
		REQUIRE(word->sentence >= prev_sentence && (size_t) word->sentence < w->sentence_count);
		REQUIRE(i >= w->sentence_first[word->sentence] && i < w->sentence_first[word->sentence + 1]);
		if ((word->flags & NK_WORD_SPLIT) && !(word->flags & NK_WORD_SPLIT_FIRST))
			REQUIRE(i > 0 && (w->words.items[i - 1].flags & NK_WORD_SPLIT) &&
					!(w->words.items[i - 1].flags & NK_WORD_SPACE_AFTER));
		if (word->flags & NK_WORD_SPLIT_FIRST)
			REQUIRE(nk_words_split_count(w, i) >= 2);
		prev_end = word->start + word->len;
		prev_sentence = word->sentence;
	}
	/* the input as a lemma table */
	checked = nk_lemma_table_check(data, size) == NULL;
	for (size_t i = 0; i < n && i < 64; i++)
	{
		const nk_word *word = &w->words.items[i];
		const char *l = nk_lemmatize(arena, checked ? data : NULL, size, word->form, word->form_len,
									 tags[i % NTAGS][0], tags[i % NTAGS][1]);
		const char *l2 = nk_lemmatize(arena, data, size, word->form, word->form_len,
									  tags[i % NTAGS][0], tags[i % NTAGS][1]);

		REQUIRE(l != NULL && l2 != NULL);
		REQUIRE(strlen(l) <= 3 * word->form_len + 3);
	}
	/* a table built from the words must be good */
	forms = nk_arena_alloc(arena, (n + 1) * sizeof(char *));
	upos = nk_arena_alloc(arena, (n + 1) * sizeof(char *));
	xpos = nk_arena_alloc(arena, (n + 1) * sizeof(char *));
	for (size_t i = 0; i < n; i++)
	{
		forms[i] = w->words.items[i].form;
		upos[i] = tags[i % NTAGS][0];
		xpos[i] = tags[i % NTAGS][1];
	}
	blob = nk_lemma_table_build(arena, forms, upos, xpos, forms, n, &blob_size);
	REQUIRE(nk_lemma_table_check(blob, blob_size) == NULL);
	for (size_t i = 0; i < n && i < 64; i++)
		REQUIRE(nk_lemmatize(arena, blob, blob_size, forms[i], strlen(forms[i]), upos[i], xpos[i]) != NULL);
	/* that table with a few of its bytes changed by the input, and cut short */
	if (size >= 2 && blob_size > 0)
	{
		unsigned char *bad = nk_arena_alloc(arena, blob_size);
		size_t		cut = blob_size - data[0] % (blob_size < 8 ? blob_size : 8);

		memcpy(bad, blob, blob_size);
		for (size_t k = 1; k + 1 < size && k < 32; k += 2)
			bad[data[k] % blob_size] ^= data[k + 1];
		(void) nk_lemma_table_check(bad, cut);
		for (size_t i = 0; i < n && i < 16; i++)
			REQUIRE(nk_lemmatize(arena, bad, cut, forms[i], strlen(forms[i]), upos[i], xpos[i]) != NULL);
	}
	nk_arena_destroy(arena);
	return 0;
}
