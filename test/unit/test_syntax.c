/*
 * test_syntax.c
 *	  Unit tests of the syntax stage: the model file, the tagger, the
 *	  lemmatiser and the parser on the constructions later stages rely on,
 *	  and the accuracy floors on the EWT dev set.
 *
 * $NKWATCH_MODEL names the model, $NKWATCH_TREEBANK the folder of the
 * unpacked treebank (make unit sets both).  Every test sentence is our own.
 */
#define _POSIX_C_SOURCE 200809L

#include "nk_syntax.h"
#include "nkwatch_conllu.h"
#include "unit.h"

/* Accuracy floors on EWT dev, gold words: a couple of points under what the model reaches. */
#define FLOOR_UPOS 93.0
#define FLOOR_UAS 81.5
#define FLOOR_LAS 77.5

static nk_syntax_model model;
static nk_arena *arena;

typedef struct parsed
{
	nk_syntax  *syntax;
	const char *text;
} parsed;

static parsed
parse(const char *text)
{
	parsed		p;

	p.text = text;
	p.syntax = nk_syntax_parse(arena, nk_doc_build(arena, text, strlen(text)), &model);
	return p;
}

/* Index of the first word whose text is w (from the given index on), or -1. */
static int
word_from(const parsed *p, const char *w, int from)
{
	for (size_t i = (size_t) from; i < p->syntax->count; i++)
	{
		const nk_parsed_word *x = &p->syntax->words[i];

		if (strlen(w) == x->len && memcmp(p->text + x->start, w, x->len) == 0)
			return (int) i;
	}
	return -1;
}

static int
word(const parsed *p, const char *w)
{
	return word_from(p, w, 0);
}

/* "relation head-word" of word w, e.g. "nsubj gave", "root -" */
static const char *
arc(const parsed *p, const char *w)
{
	int			i = word(p, w);
	static char buf[128];
	const nk_parsed_word *x;
	size_t		first;
	int32_t		sentence = 0;

	if (i < 0)
		return "(no such word)";
	x = &p->syntax->words[i];
	while ((size_t) i >= p->syntax->sentence_first[sentence + 1])
		sentence++;
	first = p->syntax->sentence_first[sentence];
	if (x->head < 0)
		snprintf(buf, sizeof(buf), "%s -", nk_syntax_relation(&model, x->relation));
	else
	{
		const nk_parsed_word *h = &p->syntax->words[first + x->head];

		snprintf(buf, sizeof(buf), "%s %.*s", nk_syntax_relation(&model, x->relation),
				 (int) h->len, p->text + h->start);
	}
	return buf;
}

static const char *
upos(const parsed *p, const char *w)
{
	int			i = word(p, w);

	return i < 0 ? "(no such word)" : nk_syntax_upos(&model, p->syntax->words[i].tag);
}

static const char *
lemma(const parsed *p, const char *w)
{
	int			i = word(p, w);

	return i < 0 ? "(no such word)" : p->syntax->words[i].lemma;
}

static void
test_constructions(void)
{
	parsed		p;

	/* active transitive, double object, tags and lemmas */
	p = parse("The ministry sent the embassy a letter.");
	CHECK_STR_EQ(arc(&p, "sent"), "root -");
	CHECK_STR_EQ(arc(&p, "ministry"), "nsubj sent");
	CHECK_STR_EQ(arc(&p, "embassy"), "iobj sent");
	CHECK_STR_EQ(arc(&p, "letter"), "obj sent");
	CHECK_STR_EQ(upos(&p, "sent"), "VERB");
	CHECK_STR_EQ(lemma(&p, "sent"), "send");
	p = parse("She gave him the keys.");
	CHECK_STR_EQ(arc(&p, "him"), "iobj gave");
	CHECK_STR_EQ(arc(&p, "keys"), "obj gave");
	CHECK_STR_EQ(lemma(&p, "gave"), "give");
	CHECK_STR_EQ(lemma(&p, "keys"), "key");
	CHECK_STR_EQ(lemma(&p, "him"), "he");

	/* passive with and without an agent */
	p = parse("The bridge was opened by the mayor on Friday.");
	CHECK_STR_EQ(arc(&p, "bridge"), "nsubj:pass opened");
	CHECK_STR_EQ(arc(&p, "was"), "aux:pass opened");
	CHECK_STR_EQ(arc(&p, "mayor"), "obl:agent opened");
	CHECK_STR_EQ(arc(&p, "by"), "case mayor");
	p = parse("Three ships were seized last week.");
	CHECK_STR_EQ(arc(&p, "ships"), "nsubj:pass seized");
	CHECK_STR_EQ(arc(&p, "week"), "obl:unmarked seized");

	/* relative clauses: a subject gap and an object gap */
	p = parse("The soldiers who crossed the river were captured.");
	CHECK_STR_EQ(arc(&p, "crossed"), "acl:relcl soldiers");
	CHECK_STR_EQ(arc(&p, "who"), "nsubj crossed");
	CHECK_STR_EQ(arc(&p, "soldiers"), "nsubj:pass captured");
	CHECK_STR_EQ(arc(&p, "captured"), "root -");
	p = parse("The book that she wrote became famous.");
	CHECK_STR_EQ(arc(&p, "wrote"), "acl:relcl book");
	CHECK_STR_EQ(arc(&p, "she"), "nsubj wrote");

	/* apposition */
	p = parse("Lee, the foreign minister, arrived on Monday.");
	CHECK_STR_EQ(arc(&p, "minister"), "appos Lee");
	CHECK_STR_EQ(arc(&p, "Lee"), "nsubj arrived");
	CHECK_STR_EQ(arc(&p, "Monday"), "obl arrived");
	/* a name's head is its first word, as UD English has it; a possessive */
	p = parse("Anna Berg, the company's founder, resigned on Monday.");
	CHECK_STR_EQ(arc(&p, "Berg"), "flat Anna");
	CHECK_STR_EQ(arc(&p, "founder"), "appos Anna");
	CHECK_STR_EQ(arc(&p, "'s"), "case company");

	/* "to" and "from" obliques */
	p = parse("The delegation flew from Oslo to Madrid.");
	CHECK_STR_EQ(arc(&p, "Oslo"), "obl flew");
	CHECK_STR_EQ(arc(&p, "Madrid"), "obl flew");
	CHECK_STR_EQ(arc(&p, "to"), "case Madrid");

	/* coordination of subjects, objects and verbs */
	p = parse("Tom and Maria bought apples and pears.");
	CHECK_STR_EQ(arc(&p, "Maria"), "conj Tom");
	CHECK_STR_EQ(arc(&p, "Tom"), "nsubj bought");
	CHECK_STR_EQ(arc(&p, "pears"), "conj apples");
	CHECK_STR_EQ(arc(&p, "apples"), "obj bought");
	p = parse("The guests ate and danced.");
	CHECK_STR_EQ(arc(&p, "danced"), "conj ate");

	/* speech verbs with a clausal complement */
	p = parse("The spokesman said the talks had failed.");
	CHECK_STR_EQ(arc(&p, "said"), "root -");
	CHECK_STR_EQ(arc(&p, "failed"), "ccomp said");
	CHECK_STR_EQ(arc(&p, "talks"), "nsubj failed");

	/* control */
	p = parse("The two sides agreed to send more food.");
	CHECK_STR_EQ(arc(&p, "send"), "xcomp agreed");
	CHECK_STR_EQ(arc(&p, "food"), "obj send");

	/* a conditional */
	p = parse("If the rain stops, we will leave.");
	CHECK_STR_EQ(arc(&p, "stops"), "advcl leave");
	CHECK_STR_EQ(arc(&p, "If"), "mark stops");

	/* negation and modals */
	p = parse("She did not sign the paper.");
	CHECK_STR_EQ(arc(&p, "not"), "advmod sign");
	CHECK_STR_EQ(arc(&p, "did"), "aux sign");
	p = parse("They could visit the museum.");
	CHECK_STR_EQ(arc(&p, "could"), "aux visit");
	p = parse("We don't know.");
	CHECK_STR_EQ(arc(&p, "n't"), "advmod know");
	CHECK_STR_EQ(lemma(&p, "n't"), "not");

	/* a question */
	p = parse("Where did the ship go?");
	CHECK_STR_EQ(arc(&p, "go"), "root -");
	CHECK_STR_EQ(arc(&p, "ship"), "nsubj go");
	CHECK_STR_EQ(arc(&p, "Where"), "advmod go");
}

/* Every sentence has one tree: one root, heads inside the sentence, no cycle. */
static bool
well_formed(const nk_syntax *syntax)
{
	for (size_t s = 0; s < syntax->sentence_count; s++)
	{
		size_t		first = syntax->sentence_first[s];
		size_t		n = syntax->sentence_first[s + 1] - first;
		size_t		roots = 0;

		for (size_t i = 0; i < n; i++)
		{
			int32_t		h = syntax->words[first + i].head;
			size_t		steps = 0;

			if (h < -1 || h >= (int32_t) n)
				return false;
			roots += h == -1;
			while (h != -1)
			{
				if (++steps > n)
					return false;
				h = syntax->words[first + h].head;
			}
		}
		if (n > 0 && roots != 1)
			return false;
	}
	return true;
}

static void
test_hostile(void)
{
	size_t		n = 100000;
	char	   *text = malloc(2 * n + 1);
	parsed		p;

	/* 100,000 one-letter words: one sentence, parsed in linear time */
	for (size_t i = 0; i < n; i++)
	{
		text[2 * i] = (char) ('a' + i % 26);
		text[2 * i + 1] = ' ';
	}
	text[2 * n] = '\0';
	p = parse(text);
	CHECK(p.syntax->count == n);
	CHECK(well_formed(p.syntax));
	free(text);

	/* control characters, invalid UTF-8, nothing at all */
	p = parse("\x01\x02 abc \xff\xfe \x7f. \t\n\r\v");
	CHECK(well_formed(p.syntax));
	p = parse("");
	CHECK_INT_EQ(p.syntax->count, 0);
	CHECK_INT_EQ(p.syntax->sentence_count, 0);
}

static void
test_model_file(const char *data, size_t size)
{
	char	   *copy = malloc(size);
	nk_syntax_model m;
	nk_arena   *a = nk_arena_create();
	const char *error;

	memcpy(copy, data, size);
	CHECK(nk_syntax_model_open(a, copy, size, &m) == NULL);
	CHECK(strstr(nk_syntax_model_open(a, copy, size - 1, &m), "truncated") != NULL);
	CHECK(strstr(nk_syntax_model_open(a, copy, 10, &m), "too short") != NULL);
	copy[size / 2] ^= 1;
	CHECK(strstr(nk_syntax_model_open(a, copy, size, &m), "checksum") != NULL);
	copy[size / 2] ^= 1;
	copy[8] = 99;				/* the format version */
	CHECK(strstr(nk_syntax_model_open(a, copy, size, &m), "format version") != NULL);
	copy[8] = 1;
	copy[0] = 'X';
	error = nk_syntax_model_open(a, copy, size, &m);
	CHECK(error != NULL && strstr(error, "magic") != NULL);
	free(copy);
	nk_arena_destroy(a);
}

static void
test_dev_floors(const char *treebank)
{
	char		path[4096];
	nkwatch_conllu_list dev = {0};
	size_t		words = 0,
				upos_ok = 0,
				uas = 0,
				las = 0;
	nk_arena   *scratch = nk_arena_create();

	snprintf(path, sizeof(path), "%s/en_ewt-ud-dev.conllu", treebank);
	CHECK(nkwatch_read_conllu(arena, path, &dev));
	CHECK_INT_EQ(dev.count, 2001);
	for (size_t i = 0; i < dev.count; i++)
	{
		nkwatch_conllu_sentence *s = &dev.items[i];
		const char **forms = nk_arena_alloc(scratch, s->n * sizeof(char *));
		uint32_t   *lens = nk_arena_alloc(scratch, s->n * sizeof(uint32_t));
		uint16_t   *tags = nk_arena_alloc(scratch, s->n * sizeof(uint16_t));
		int32_t    *heads = nk_arena_alloc(scratch, s->n * sizeof(int32_t));
		uint16_t   *labels = nk_arena_alloc(scratch, s->n * sizeof(uint16_t));

		for (size_t k = 0; k < s->n; k++)
		{
			forms[k] = s->words[k].form;
			lens[k] = s->words[k].len;
		}
		nk_tagger_tag(&model.tagger, scratch, forms, lens, s->n, tags);
		nk_parser_parse(&model.parser, scratch, forms, lens, tags, s->n, heads, labels);
		for (size_t k = 0; k < s->n; k++)
		{
			words++;
			upos_ok += strcmp(nk_syntax_upos(&model, tags[k]), s->words[k].upos) == 0;
			if (heads[k] == s->words[k].head)
			{
				uas++;
				las += strcmp(nk_syntax_relation(&model, labels[k]), s->words[k].deprel) == 0;
			}
		}
		nk_arena_reset(scratch);
	}
	printf("EWT dev, gold words: UPOS %.2f UAS %.2f LAS %.2f (floors %.1f %.1f %.1f)\n",
		   100.0 * upos_ok / words, 100.0 * uas / words, 100.0 * las / words,
		   FLOOR_UPOS, FLOOR_UAS, FLOOR_LAS);
	CHECK(100.0 * upos_ok / words >= FLOOR_UPOS);
	CHECK(100.0 * uas / words >= FLOOR_UAS);
	CHECK(100.0 * las / words >= FLOOR_LAS);
	nk_arena_destroy(scratch);
}

int
main(void)
{
	const char *path = getenv("NKWATCH_MODEL");
	const char *treebank = getenv("NKWATCH_TREEBANK");
	size_t		size;
	char	   *data = path ? unit_read_file(path, &size) : NULL;
	const char *error;

	if (data == NULL || treebank == NULL)
	{
		fprintf(stderr, "test_syntax: set NKWATCH_MODEL and NKWATCH_TREEBANK (make unit does)\n");
		return 1;
	}
	arena = nk_arena_create();
	error = nk_syntax_model_open(arena, data, size, &model);
	CHECK(error == NULL);
	if (error != NULL)
		return unit_report();
	test_constructions();
	test_hostile();
	test_model_file(data, size);
	test_dev_floors(treebank);
	nk_arena_destroy(arena);
	free(data);
	return unit_report();
}
