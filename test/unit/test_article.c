/*
 * test_article.c
 *	  Unit tests of the first stages: text folding, tokens, sentences and
 *	  the article parser, on the project's fixture pages.
 *
 * The fixtures (test/fixtures/articles) come with the expected headline,
 * byline and publication time of each page (index.tsv) and the story's
 * sentences (sentences/NN-slug.txt): every expected sentence must be in the
 * body nk_parse_article() returns, and be one sentence of it.
 */
#define _POSIX_C_SOURCE 200809L	/* strtok_r */

#include <stdlib.h>

#include "nk_article.h"
#include "nk_calendar.h"
#include "nk_sentence.h"
#include "unit.h"

#define FIXTURES "test/fixtures/articles"

static void
test_fold(void)
{
	nk_arena   *a = nk_arena_create();
	size_t		n;

	CHECK_STR_EQ(nk_fold(a, "KIM Jong\xe2\x80\x91un\xe2\x80\x99s", 18, &n), "kim jong-un's");
	CHECK_STR_EQ(nk_fold(a, "  Caf\xc3\xa9 \xe2\x80\x9cquote\xe2\x80\x9d ", 20, &n), "cafe \"quote\"");
	CHECK_STR_EQ(nk_fold(a, "\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd", 10, &n), "\xd0\xbf\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd");
	CHECK_STR_EQ(nk_fold(a, "a\x01" "b\xff", 4, &n), "ab\xef\xbf\xbd");
	CHECK_INT_EQ(nk_utf8_count("\xe2\x80\x9cKim\xe2\x80\x9d", 9), 5);
	nk_arena_destroy(a);
}

static void
test_tokens(void)
{
	nk_arena   *a = nk_arena_create();
	nk_token_list t = {0};
	const char *s = "Russia's U.S.-led 11,000 troops, Sept. 13 - KN-23";

	nk_tokenize(a, s, strlen(s), &t);
	CHECK_INT_EQ(t.count, 14);
	CHECK_STR_EQ(t.items[0].fold, "russia");
	CHECK(t.items[1].flags & NK_TOKEN_POSSESSIVE);
	CHECK_STR_EQ(t.items[2].fold, "u.s");
	CHECK(t.items[2].flags & NK_TOKEN_ABBREV);
	CHECK_INT_EQ(t.items[5].kind, NK_TOKEN_NUMBER);
	CHECK_STR_EQ(t.items[5].fold, "11,000");
	CHECK_STR_EQ(t.items[8].fold, "sept");
	CHECK(t.items[8].flags & NK_TOKEN_ABBREV);
	CHECK_STR_EQ(t.items[13].fold, "23");
	nk_arena_destroy(a);
}

static void
check_sentences(const char *text, const char *const *expected, int n)
{
	nk_arena   *a = nk_arena_create();
	nk_doc	   *d = nk_doc_build(a, text, strlen(text));

	CHECK_INT_EQ(d->sentences.count, n);
	for (int i = 0; i < n && i < (int) d->sentences.count; i++)
	{
		const nk_span *sp = &d->sentences.items[i];

		CHECK_STR_EQ(nk_arena_strndup(a, text + sp->start, sp->len), expected[i]);
	}
	nk_arena_destroy(a);
}

static void
test_sentences(void)
{
	static const char *const abbrev[] = {
		"Mr. Kim met Dr. Lee at 3 p.m. on Sept. 13.", "Jakob A. Overgaard wrote it.",
		"He said \"No.\"", "Then the U.S. Treasury acted."
	};
	static const char *const layout[] = {"Putin visits Pyongyang", "First item", "Second item",
	"The visit was long and\nit ended on Wednesday."};
	static const char *const glued[] = {"according to the agency (NIS).", "The agency said so."};
	static const char *const dateline[] = {"MOSCOW, June 18. /TASS/. The president left."};

	check_sentences("Mr. Kim met Dr. Lee at 3 p.m. on Sept. 13. Jakob A. Overgaard wrote it. "
					"He said \"No.\" Then the U.S. Treasury acted.", abbrev, 4);
	check_sentences("Putin visits Pyongyang\n\n\xe2\x80\xa2 First item\n\xe2\x80\xa2 Second item\n\n"
					"The visit was long and\nit ended on Wednesday.", layout, 4);
	check_sentences("according to the agency (NIS).The agency said so.", glued, 2);
	check_sentences("MOSCOW, June 18. /TASS/. The president left.", dateline, 1);
	check_sentences("", NULL, 0);
	check_sentences(" \n\n\t ", NULL, 0);
}

static void
test_year_from_fetched(void)
{
	nk_arena   *a = nk_arena_create();
	nk_article	art;
	const char *page = "Talks in Seoul\n\nSEOUL, Sept. 20 (Yonhap) -- The ministers met on Wednesday.";
	int64_t		fetched = (int64_t) nk_days_from_civil(2024, 3, 1) * 86400;

	nk_parse_article(a, page, strlen(page), NULL, &art);
	CHECK(!art.has_published);
	CHECK_STR_EQ(art.dateline, "Sept. 20");
	nk_parse_article(a, page, strlen(page), &fetched, &art);
	CHECK(art.has_published);
	CHECK_INT_EQ(art.published, (int64_t) nk_days_from_civil(2023, 9, 20) * 86400);
	nk_arena_destroy(a);
}

/* Seconds since the epoch of "2023-09-12T11:52:00+01:00" or "2023-09-13"; -1 for NULL. */
static int64_t
iso_seconds(const char *s)
{
	int			y,
				mo,
				d,
				h = 0,
				mi = 0,
				se = 0,
				oh = 0,
				om = 0;
	char		sign = '+';

	if (strcmp(s, "NULL") == 0)
		return -1;
	if (sscanf(s, "%d-%d-%d", &y, &mo, &d) != 3)
		return -2;
	if (strlen(s) > 10)
		sscanf(s + 11, "%d:%d:%d%c%d:%d", &h, &mi, &se, &sign, &oh, &om);
	return (int64_t) nk_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se -
		(sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
}

/* Every fixture page: metadata as index.tsv says, no story sentence lost. */
static void
test_fixtures(void)
{
	size_t		len;
	char	   *index = unit_read_file(FIXTURES "/index.tsv", &len);
	char	   *line;
	char	   *save;
	int			pages = 0;

	if (index == NULL)
	{
		printf("test_article: %s not found; run from the repository root\n", FIXTURES);
		unit_failed++;
		return;
	}
	line = strtok_r(index, "\n", &save);	/* header */
	while ((line = strtok_r(NULL, "\n", &save)) != NULL)
	{
		char	   *f[5];
		char	   *fs;
		char		path[512];
		char	   *raw;
		char	   *sentences;
		size_t		rlen;
		size_t		slen;
		nk_arena   *a = nk_arena_create();
		nk_article	art;
		nk_doc	   *body;
		int64_t		want;

		f[0] = strtok_r(line, "\t", &fs);
		for (int i = 1; i < 5; i++)
			f[i] = strtok_r(NULL, "\t", &fs);
		snprintf(path, sizeof(path), FIXTURES "/%s", f[0]);
		raw = unit_read_file(path, &rlen);
		CHECK(raw != NULL);
		if (raw == NULL)
			continue;
		nk_parse_article(a, raw, rlen, NULL, &art);
		CHECK_STR_EQ(art.title, strcmp(f[1], "NULL") == 0 ? NULL : f[1]);
		CHECK_STR_EQ(art.author, strcmp(f[2], "NULL") == 0 ? NULL : f[2]);
		want = iso_seconds(f[3]);
		CHECK_INT_EQ(art.has_published ? art.published : -1, want);

		/* every story sentence is one sentence of the body */
		snprintf(path, sizeof(path), FIXTURES "/sentences/%s", f[0]);
		sentences = unit_read_file(path, &slen);
		CHECK(sentences != NULL);
		body = nk_doc_build(a, art.body, art.body_len);
		if (sentences)
		{
			char	   *ss;

			for (char *s = strtok_r(sentences, "\n", &ss); s; s = strtok_r(NULL, "\n", &ss))
			{
				bool		found = false;

				for (size_t i = 0; i < body->sentences.count && !found; i++)
					found = body->sentences.items[i].len == strlen(s) &&
						memcmp(art.body + body->sentences.items[i].start, s, strlen(s)) == 0;
				if (!found)
					fprintf(stderr, "%s: sentence not in the body as one: %s\n", f[0], s);
				CHECK(found);
			}
			free(sentences);
		}
		free(raw);
		nk_arena_destroy(a);
		pages++;
	}
	CHECK_INT_EQ(pages, 14);
	free(index);
}

int
main(void)
{
	test_fold();
	test_tokens();
	test_sentences();
	test_year_from_fetched();
	test_fixtures();
	return unit_report();
}
