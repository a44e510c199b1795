/*
 * test_lemma.c
 *	  Unit tests of the lemmatiser: the rules, a table built from training
 *	  words of our own, and the checks of a corrupt table.
 */
#include <stdlib.h>

#include "nk_lemma.h"
#include "unit.h"

static const char *
rule(nk_arena *a, const char *form, const char *upos, const char *xpos)
{
	return nk_lemmatize(a, NULL, 0, form, strlen(form), upos, xpos);
}

static void
test_rules(void)
{
	nk_arena   *a = nk_arena_create();

	/* -s, -es, -ies */
	CHECK_STR_EQ(rule(a, "talks", "NOUN", "NNS"), "talk");
	CHECK_STR_EQ(rule(a, "Talks", "VERB", "VBZ"), "talk");
	CHECK_STR_EQ(rule(a, "sanctions", "NOUN", "NNS"), "sanction");
	CHECK_STR_EQ(rule(a, "missiles", "NOUN", "NNS"), "missile");
	CHECK_STR_EQ(rule(a, "countries", "NOUN", "NNS"), "country");
	CHECK_STR_EQ(rule(a, "watches", "VERB", "VBZ"), "watch");
	CHECK_STR_EQ(rule(a, "passes", "VERB", "VBZ"), "pass");
	CHECK_STR_EQ(rule(a, "goes", "VERB", "VBZ"), "go");
	CHECK_STR_EQ(rule(a, "shoes", "NOUN", "NNS"), "shoe");
	CHECK_STR_EQ(rule(a, "status", "NOUN", "NN"), "status");
	CHECK_STR_EQ(rule(a, "servicemen", "NOUN", "NNS"), "serviceman");
	CHECK_STR_EQ(rule(a, "wolves", "NOUN", "NNS"), "wolf");
	CHECK_STR_EQ(rule(a, "1990s", "NOUN", "NNS"), "1990s");
	/* -ed and -ing: doubling undone, e put back */
	CHECK_STR_EQ(rule(a, "talked", "VERB", "VBD"), "talk");
	CHECK_STR_EQ(rule(a, "stopped", "VERB", "VBD"), "stop");
	CHECK_STR_EQ(rule(a, "used", "VERB", "VBN"), "use");
	CHECK_STR_EQ(rule(a, "located", "VERB", "VBN"), "locate");
	CHECK_STR_EQ(rule(a, "tried", "VERB", "VBD"), "try");
	CHECK_STR_EQ(rule(a, "agreed", "VERB", "VBD"), "agree");
	CHECK_STR_EQ(rule(a, "visited", "VERB", "VBD"), "visit");
	CHECK_STR_EQ(rule(a, "giving", "VERB", "VBG"), "give");
	CHECK_STR_EQ(rule(a, "making", "VERB", "VBG"), "make");
	CHECK_STR_EQ(rule(a, "running", "VERB", "VBG"), "run");
	CHECK_STR_EQ(rule(a, "seeing", "VERB", "VBG"), "see");
	CHECK_STR_EQ(rule(a, "lying", "VERB", "VBG"), "lie");
	CHECK_STR_EQ(rule(a, "launching", "VERB", "VBG"), "launch");
	CHECK_STR_EQ(rule(a, "changed", "VERB", "VBN"), "change");
	CHECK_STR_EQ(rule(a, "cancelled", "VERB", "VBN"), "cancel");
	/* -er, -est */
	CHECK_STR_EQ(rule(a, "bigger", "ADJ", "JJR"), "big");
	CHECK_STR_EQ(rule(a, "larger", "ADJ", "JJR"), "large");
	CHECK_STR_EQ(rule(a, "happiest", "ADJ", "JJS"), "happy");
	CHECK_STR_EQ(rule(a, "highest", "ADJ", "JJS"), "high");
	CHECK_STR_EQ(rule(a, "simpler", "ADJ", "JJR"), "simple");
	/* case: names keep theirs, other words are lower-cased */
	CHECK_STR_EQ(rule(a, "Pyongyang", "PROPN", "NNP"), "Pyongyang");
	CHECK_STR_EQ(rule(a, "Koreans", "PROPN", "NNPS"), "Korean");
	CHECK_STR_EQ(rule(a, "PYONGYANG", "PROPN", "NNP"), "Pyongyang");
	CHECK_STR_EQ(rule(a, "UN", "PROPN", "NNP"), "UN");
	CHECK_STR_EQ(rule(a, "The", "DET", "DT"), "the");
	CHECK_STR_EQ(rule(a, "\xc3\x89LAN", "NOUN", "NN"), "\xc3\xa9lan");
	CHECK_STR_EQ(rule(a, "B", "NOUN", "NN"), "B");
	/* numbers lose their thousands separators, keep their decimals */
	CHECK_STR_EQ(rule(a, "11,000", "NUM", "CD"), "11000");
	CHECK_STR_EQ(rule(a, "3.5", "NUM", "CD"), "3.5");
	CHECK_STR_EQ(rule(a, "1,2345", "NUM", "CD"), "1,2345");
	/* no tags, odd bytes */
	CHECK_STR_EQ(rule(a, "Walked", NULL, NULL), "walked");
	CHECK_STR_EQ(rule(a, "ed", "VERB", "VBD"), "ed");
	CHECK_STR_EQ(nk_lemmatize(a, NULL, 0, "ab\xff", 3, "X", "_"), "ab\xef\xbf\xbd");
	nk_arena_destroy(a);
}

/* Training words of our own: irregular forms the rules get wrong, and forms they get right. */
static const char *const train[][4] = {
	{"went", "VERB", "VBD", "go"},
	{"went", "VERB", "VBD", "go"},
	{"Went", "VERB", "VBD", "go"},
	{"n't", "PART", "RB", "not"},
	{"n't", "PART", "RB", "not"},
	{"'s", "AUX", "VBZ", "be"},
	{"'s", "AUX", "VBZ", "be"},
	{"'s", "AUX", "VBZ", "have"},
	{"'s", "PART", "POS", "'s"},
	{"wo", "AUX", "MD", "will"},
	{"I", "PRON", "PRP", "I"},
	{"me", "PRON", "PRP", "I"},
	{"people", "NOUN", "NNS", "person"},
	{"talks", "NOUN", "NNS", "talk"},
	{"met", "VERB", "VBD", "meet"},
	{"Sept.", "PROPN", "NNP", "September"},
	{"better", "ADJ", "JJR", "good"},
	{"given", "VERB", "VBN", "give"},
	{"gave", "VERB", "VBD", "give"},
};

#define NTRAIN (sizeof(train) / sizeof(train[0]))

static const void *
build(nk_arena *a, size_t min_count, size_t *size)
{
	const char *form[NTRAIN],
			   *upos[NTRAIN],
			   *xpos[NTRAIN],
			   *lemma[NTRAIN];

	for (size_t i = 0; i < NTRAIN; i++)
	{
		form[i] = train[i][0];
		upos[i] = train[i][1];
		xpos[i] = train[i][2];
		lemma[i] = train[i][3];
	}
	return nk_lemma_table_build_min(a, form, upos, xpos, lemma, NTRAIN, min_count, size);
}

static const char *
lemma_of(nk_arena *a, const void *blob, size_t size, const char *form, const char *upos,
		 const char *xpos)
{
	return nk_lemmatize(a, blob, size, form, strlen(form), upos, xpos);
}

static void
test_table(void)
{
	nk_arena   *a = nk_arena_create();
	size_t		size;
	const void *blob = build(a, 1, &size);
	const void *blob2;
	size_t		size2;

	CHECK(blob != NULL);
	CHECK_INT_EQ(size % 4, 0);
	CHECK(nk_lemma_table_check(blob, size) == NULL);
	/* went n't 's(VBZ) wo I me people met Sept. better given gave: not talks or 's POS */
	CHECK_INT_EQ(nk_lemma_table_count(blob, size), 12);
	CHECK_STR_EQ(lemma_of(a, blob, size, "went", "VERB", "VBD"), "go");
	CHECK_STR_EQ(lemma_of(a, blob, size, "WENT", "VERB", "VBD"), "go");
	CHECK_STR_EQ(lemma_of(a, blob, size, "n't", "PART", "RB"), "not");
	CHECK_STR_EQ(lemma_of(a, blob, size, "n\xe2\x80\x99t", "PART", "RB"), "not");
	CHECK_STR_EQ(lemma_of(a, blob, size, "'s", "AUX", "VBZ"), "be");
	CHECK_STR_EQ(lemma_of(a, blob, size, "'s", "PART", "POS"), "'s");
	CHECK_STR_EQ(lemma_of(a, blob, size, "wo", "AUX", "MD"), "will");
	CHECK_STR_EQ(lemma_of(a, blob, size, "Me", "PRON", "PRP"), "I");
	CHECK_STR_EQ(lemma_of(a, blob, size, "I", "PRON", "PRP"), "I");
	CHECK_STR_EQ(lemma_of(a, blob, size, "people", "NOUN", "NNS"), "person");
	CHECK_STR_EQ(lemma_of(a, blob, size, "Sept.", "PROPN", "NNP"), "September");
	CHECK_STR_EQ(lemma_of(a, blob, size, "gave", "VERB", "VBD"), "give");
	/* the tag is part of the key: met as an adjective is not in the table */
	CHECK_STR_EQ(lemma_of(a, blob, size, "met", "ADJ", "JJ"), "met");
	/* without a Penn tag, the UD tag keys the table */
	CHECK_STR_EQ(lemma_of(a, blob, size, "met", "VERB", "_"), "met");
	/* unseen forms: the rules */
	CHECK_STR_EQ(lemma_of(a, blob, size, "talked", "VERB", "VBD"), "talk");
	CHECK_STR_EQ(lemma_of(a, blob, size, "", "X", "FW"), "");
	/* a higher count leaves out the words seen once */
	blob2 = build(a, 2, &size2);
	CHECK(nk_lemma_table_check(blob2, size2) == NULL);
	CHECK_INT_EQ(nk_lemma_table_count(blob2, size2), 3);
	CHECK_STR_EQ(lemma_of(a, blob2, size2, "went", "VERB", "VBD"), "go");
	CHECK_STR_EQ(lemma_of(a, blob2, size2, "gave", "VERB", "VBD"), "gave");
	/* an empty table */
	blob2 = nk_lemma_table_build(a, NULL, NULL, NULL, NULL, 0, &size2);
	CHECK(nk_lemma_table_check(blob2, size2) == NULL);
	CHECK_STR_EQ(lemma_of(a, blob2, size2, "talks", "NOUN", "NNS"), "talk");
	nk_arena_destroy(a);
}

static void
test_corrupt(void)
{
	nk_arena   *a = nk_arena_create();
	size_t		size;
	const unsigned char *blob = build(a, 1, &size);
	unsigned char *copy = malloc(size);
	bool		all_rejected = true;
	bool		no_crash = true;

	CHECK(nk_lemma_table_check(NULL, 0) != NULL);
	CHECK(nk_lemma_table_check("NKLM", 4) != NULL);
	/* every truncation is refused */
	for (size_t n = 0; n < size; n++)
	{
		memcpy(copy, blob, n);
		if (nk_lemma_table_check(copy, n) == NULL)
			all_rejected = false;
		/* and lookups in it stay inside it (ASan) and fall back to the rules */
		if (strcmp(nk_lemmatize(a, copy, n, "talks", 5, "NOUN", "NNS"), "talk") != 0)
			no_crash = false;
	}
	CHECK(all_rejected);
	CHECK(no_crash);
	/* a wrong magic, version, count or offset */
	memcpy(copy, blob, size);
	copy[0] = 'X';
	CHECK(nk_lemma_table_check(copy, size) != NULL);
	memcpy(copy, blob, size);
	copy[4] = 9;
	CHECK(nk_lemma_table_check(copy, size) != NULL);
	memcpy(copy, blob, size);
	copy[8]++;
	CHECK(nk_lemma_table_check(copy, size) != NULL);
	memcpy(copy, blob, size);
	copy[16 + 3] = 0x7f;		/* the first key's offset */
	CHECK(nk_lemma_table_check(copy, size) != NULL);
	CHECK_STR_EQ(nk_lemmatize(a, copy, size, "went", 4, "VERB", "VBD"), "go");
	/* two entries swapped: out of order */
	memcpy(copy, blob, size);
	memcpy(copy + 16, blob + 32, 16);
	memcpy(copy + 32, blob + 16, 16);
	CHECK(nk_lemma_table_check(copy, size) != NULL);
	free(copy);
	nk_arena_destroy(a);
}

int
main(void)
{
	test_rules();
	test_table();
	test_corrupt();
	return unit_report();
}
