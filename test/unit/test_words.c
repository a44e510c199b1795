/*
 * test_words.c
 *	  Unit tests of nk_words_build(): the engine's tokens as UD English
 *	  (EWT) words, on sentences of our own.
 */
#include <stdlib.h>

#include "nk_words.h"
#include "unit.h"

/*
 * The words of text, as one string: the words' forms separated by spaces,
 * a multiword token's parts in brackets ("[do n't]"), a "|" between
 * sentences.
 */
static char *
words_of(nk_arena *a, const char *text, nk_words **out)
{
	nk_doc	   *d = nk_doc_build(a, text, strlen(text));
	nk_words   *w = nk_words_build(a, d);
	size_t		cap = 4 * strlen(text) + 16;
	char	   *buf = nk_arena_alloc_bytes(a, cap);
	size_t		n = 0;

	buf[0] = '\0';
	for (size_t s = 0; s < w->sentence_count; s++)
	{
		if (s > 0)
			n += snprintf(buf + n, cap - n, " |");
		for (size_t i = w->sentence_first[s]; i < w->sentence_first[s + 1]; i++)
		{
			const nk_word *word = &w->words.items[i];
			size_t		parts = nk_words_split_count(w, i);
			bool		last_part = (word->flags & NK_WORD_SPLIT) &&
				(i + 1 == w->words.count || !(w->words.items[i + 1].flags & NK_WORD_SPLIT) ||
				 (w->words.items[i + 1].flags & NK_WORD_SPLIT_FIRST));

			n += snprintf(buf + n, cap - n, "%s%s%s%s", n > 0 ? " " : "",
						  parts > 1 ? "[" : "", word->form, last_part ? "]" : "");
		}
	}
	if (out)
		*out = w;
	return buf;
}

static void
check_words(const char *text, const char *expected)
{
	nk_arena   *a = nk_arena_create();
	char	   *got = words_of(a, text, NULL);

	if (strcmp(got, expected) != 0)
		fprintf(stderr, "words of \"%s\":\n  got      %s\n  expected %s\n", text, got, expected);
	CHECK_STR_EQ(got, expected);
	nk_arena_destroy(a);
}

static void
test_contractions(void)
{
	check_words("They don't know, and we can't say.",
				"They [do n't] know , and we [ca n't] say .");
	check_words("I'm sure she'll come; you're late and they've gone.",
				"[I 'm] sure [she 'll] come ; [you 're] late and [they 've] gone .");
	check_words("We won't wait: it's over and he'd've known.",
				"We [wo n't] wait : [it 's] over and [he 'd 've] known .");
	check_words("You cannot stay, I dont care, we're gonna leave.",
				"You [can not] stay , I [do nt] care , [we 're] [gon na] leave .");
	/* curly apostrophes */
	check_words("They didn\xe2\x80\x99t go.", "They [did n\xe2\x80\x99t] go .");
	/* its as it is, and the possessive its */
	check_words("Its not over, its a start for its people.",
				"[It s] not over , [it s] a start for its people .");
	/* names with an apostrophe stay whole; an all-capital IM is not I + M */
	check_words("O'Neill sent an IM.", "O'Neill sent an IM .");
}

static void
test_possessives(void)
{
	check_words("The minister's plan met the farmers' needs.",
				"The [minister 's] plan met the [farmers '] needs .");
	check_words("Pyongyang's envoy spoke in the 1990's.",
				"[Pyongyang 's] envoy spoke in the 1990's .");
	/* a closing quote after a word in s is not a possessive */
	check_words("He called them 'the bosses'.", "He called them ' the bosses ' .");
}

static void
test_merges(void)
{
	check_words("Write to press.office@example.org or see www.example.org/news now.",
				"Write to press.office@example.org or see www.example.org/news now .");
	check_words("The long-term co-operation plan was e-mailed.",
				"The long - term co-operation plan was e-mailed .");
	check_words("Call 555-0134 at 7:45 on 03/14/2021 for AT&T.",
				"Call 555-0134 at 7:45 on 03/14/2021 for AT&T .");
	check_words("Filed 07-Mar-19 by 5-7 staff.", "Filed 07-Mar-19 by 5 - 7 staff .");
	check_words("It ran from 1998-2003 and cost 5pm fees!!!",
				"It ran from 1998 - 2003 and cost 5 pm fees !!!");
	check_words("Great :) see report_2020.doc soon.",
				"Great :) see report_2020.doc soon .");
	/* a sentence-final abbreviation gives its period to the sentence */
	check_words("They brought pens, paper etc.", "They brought pens , paper etc .");
	check_words("Talks began in the U.S. They ended.", "Talks began in the U.S . | They ended .");
}

static void
test_spans(void)
{
	nk_arena   *a = nk_arena_create();
	const char *text = "Kim's aides don't  rest. Talks resumed.";
	nk_words   *w;

	words_of(a, text, &w);
	CHECK_INT_EQ(w->sentence_count, 2);
	CHECK_INT_EQ(w->sentence_first[0], 0);
	CHECK_INT_EQ(w->sentence_first[1], 7);
	CHECK_INT_EQ(w->sentence_first[2], 10);
	CHECK_INT_EQ(w->words.count, 10);
	/* Kim + 's: one token split in two, no space inside */
	CHECK_INT_EQ(w->words.items[0].start, 0);
	CHECK_INT_EQ(w->words.items[0].len, 3);
	CHECK_INT_EQ(w->words.items[1].start, 3);
	CHECK_INT_EQ(w->words.items[1].len, 2);
	CHECK(w->words.items[0].flags & NK_WORD_SPLIT_FIRST);
	CHECK(w->words.items[1].flags & NK_WORD_SPLIT);
	CHECK(!(w->words.items[0].flags & NK_WORD_SPACE_AFTER));
	CHECK(w->words.items[1].flags & NK_WORD_SPACE_AFTER);
	CHECK_INT_EQ(w->words.items[0].token, 0);
	CHECK_INT_EQ(w->words.items[1].token, 0);
	CHECK_INT_EQ(nk_words_split_count(w, 0), 2);
	CHECK_INT_EQ(nk_words_split_count(w, 1), 0);
	/* do + n't */
	CHECK_STR_EQ(w->words.items[3].form, "do");
	CHECK_STR_EQ(w->words.items[4].form, "n't");
	CHECK_INT_EQ(w->words.items[4].form_len, 3);
	CHECK_INT_EQ(w->words.items[4].start, 14);
	CHECK(!(w->words.items[5].flags & NK_WORD_SPACE_AFTER));	/* rest. */
	CHECK_INT_EQ(w->words.items[7].sentence, 1);
	CHECK(w->words.items[9].flags & NK_WORD_SPACE_AFTER);	/* the end of the text */
	/* the empty text */
	words_of(a, "", &w);
	CHECK_INT_EQ(w->words.count, 0);
	CHECK_INT_EQ(w->sentence_count, 0);
	CHECK_INT_EQ(w->sentence_first[0], 0);
	nk_arena_destroy(a);
}

/* Long inputs without spaces stay linear and every word stays inside the text. */
static void
test_long(void)
{
	nk_arena   *a = nk_arena_create();
	size_t		len = 1 << 20;
	char	   *text = malloc(len + 1);
	const char *unit = "a.b@c-d'e:)!?";
	nk_doc	   *d;
	nk_words   *w;
	size_t		prev_end = 0;
	bool		ok = true;

	for (size_t i = 0; i < len; i++)
		text[i] = unit[i % strlen(unit)];
	text[len] = '\0';
	d = nk_doc_build(a, text, len);
	w = nk_words_build(a, d);
	for (size_t i = 0; i < w->words.count; i++)
	{
		const nk_word *word = &w->words.items[i];

		if (word->start < prev_end || word->start + word->len > len || word->len == 0)
			ok = false;
		prev_end = word->start + word->len;
	}
	CHECK(ok);
	CHECK(w->words.count > 0);
	free(text);
	nk_arena_destroy(a);
}

int
main(void)
{
	test_contractions();
	test_possessives();
	test_merges();
	test_spans();
	test_long();
	return unit_report();
}
