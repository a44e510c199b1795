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

	unit_check_sentences("Mr. Kim met Dr. Lee at 3 p.m. on Sept. 13. Jakob A. Overgaard wrote it. "
					"He said \"No.\" Then the U.S. Treasury acted.", abbrev, 4);
	unit_check_sentences("Putin visits Pyongyang\n\n\xe2\x80\xa2 First item\n\xe2\x80\xa2 Second item\n\n"
					"The visit was long and\nit ended on Wednesday.", layout, 4);
	unit_check_sentences("according to the agency (NIS).The agency said so.", glued, 2);
	unit_check_sentences("MOSCOW, June 18. /TASS/. The president left.", dateline, 1);
	unit_check_sentences("", NULL, 0);
	unit_check_sentences(" \n\n\t ", NULL, 0);
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

/* The day of a page's publication, y-m-d at midnight UTC plus h:mi. */
static int64_t
at(int y, int m, int d, int h, int mi)
{
	return (int64_t) nk_days_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60;
}

/* Parse page (with url, or NULL) and check its publication time (-1: none), title and author. */
static void
check_page(const char *page, const char *url, int64_t published, const char *title, const char *author)
{
	nk_arena   *a = nk_arena_create();
	nk_article	art;

	nk_parse_article_at(a, page, strlen(page), NULL, url, url ? strlen(url) : 0, &art);
	if ((art.has_published ? art.published : -1) != published)
		fprintf(stderr, "page: %.60s\n", page);
	CHECK_INT_EQ(art.has_published ? art.published : -1, published);
	CHECK_STR_EQ(art.title, title);
	CHECK_STR_EQ(art.author, author);
	nk_arena_destroy(a);
}

/* The publication time chosen among the dates of a page; the pages are our own. */
static void
test_page_dates(void)
{
	/* a weekday and date before the first sentence */
	check_page("Friday, May 3, 2024 \xe2\x80\x93 The envoy of the ministry landed in Hanoi for three days of talks.\n\n"
			   "He met the premier on the first evening.", NULL, at(2024, 5, 3, 0, 0), NULL, NULL);
	check_page("3 May 2024 - The envoy of the ministry landed in Hanoi for three days of talks.", NULL,
			   at(2024, 5, 3, 0, 0), NULL, NULL);
	/* a date that merely opens a sentence is no lead-in */
	check_page("Ferry line reopens\n\nMay 3, 2024 was the day the ferry line reopened after the storm season.",
			   NULL, -1, "Ferry line reopens", NULL);
	/* a date and time with a slash under a list heading, above the headline */
	check_page("Trending\nBusiness\nMarch 4, 2025 / 6:15 PM\n\nPort of Rason sees new cargo route\n\nBy Lena Ortiz\n\n"
			   "A new cargo route opened on Tuesday between the two ports, officials said.", NULL,
			   at(2025, 3, 4, 18, 15), "Port of Rason sees new cargo route", "Lena Ortiz");
	/* two labelled dates on one line: Published wins over Updated */
	check_page("Grain deal extended by a year\nPublished: 07 Feb. 2025, 09:40 Updated: 08 Feb. 2025, 10:02\n"
			   "The two governments agreed on Friday to extend the grain deal for another year.", NULL,
			   at(2025, 2, 7, 9, 40), "Grain deal extended by a year", NULL);
	check_page("Grain deal extended by a year\nUpdated 08 Feb. 2025 | Posted 07 Feb. 2025\n"
			   "The two governments agreed on Friday to extend the grain deal for another year.", NULL,
			   at(2025, 2, 7, 0, 0), "Grain deal extended by a year", NULL);
	/* a dateline's day beats a bare site date bar's, and takes its year from it */
	check_page("Treaty takes force\nMonday, 4 March 2024\nBERLIN, March 3 (Wirepress): The treaty took force on Sunday, "
			   "the ministry said in a statement.", NULL, at(2024, 3, 3, 0, 0), "Treaty takes force", NULL);
	/* but not a date stamped with a time and a credit */
	check_page("Treaty takes force\n\n09:20, March 4, 2024 (Wirepress)\n\nBERLIN, March 3 (Wirepress) -- The treaty "
			   "took force on Sunday, the ministry said in a statement.", NULL, at(2024, 3, 4, 9, 20),
			   "Treaty takes force", NULL);
	/* a dateline without a year: from a caption's full date of the same day */
	check_page("HANOI, Aug. 14 (Wirepress) -- The two ministers signed a trade accord on Wednesday, "
			   "the foreign ministry said.\n\nThe accord covers rice and fertiliser.\n\n"
			   "This photo taken on Aug. 14, 2024, shows the two ministers at the signing.", NULL,
			   at(2024, 8, 14, 0, 0), NULL, NULL);
	/* from an id at the foot of the page that carries the day */
	check_page("(FEEDCO- Gulf Wire (GW)) CAIRO, Feb 11 (GW) -- The envoy arrived in Cairo for talks on the "
			   "border crossing, the agency said.\n\nThe talks are to last two days.\n\n(end)\n\nFEEDCO11022025000123ID99881",
			   NULL, at(2025, 2, 11, 0, 0), NULL, NULL);
	/* from the latest point the text names, and the weekday its lead names */
	check_page("LIMA, March 6 (Wirepress) -- The minister said Thursday that the talks would resume. The last "
			   "round was held in November 2023.", NULL, at(2025, 3, 6, 0, 0), NULL, NULL);
	check_page("LIMA, March 6 (Wirepress) -- The minister said that the talks would resume. The last round "
			   "was held in November 2023.", NULL, at(2024, 3, 6, 0, 0), NULL, NULL);
	/* a year after "by" is a plan, not a past point; no year at all stays NULL */
	check_page("LIMA, March 6 (Wirepress) -- The minister said the plant would be built by 2030.", NULL, -1, NULL, NULL);
	/* the address's date gives the year, never beats a full printed date, and stands in for none */
	check_page("LIMA, March 6 (Wirepress) -- The minister said the talks would resume.",
			   "https://news.example.com/world/2023/03/06/talks-resume/", at(2023, 3, 6, 0, 0), NULL, NULL);
	check_page("Talks resume\n\nMarch 7, 2023\n\nThe minister said the talks would resume next month.",
			   "https://news.example.com/2023/03/06/talks-resume/", at(2023, 3, 7, 0, 0), "Talks resume", NULL);
	check_page("Talks resume\n\nThe minister said the talks would resume next month in the capital.",
			   "https://news.example.com/view/WN20230306000123/", at(2023, 3, 6, 0, 0), "Talks resume", NULL);
	/* headline below a site name and a date bar; "Updated at:" with nothing after it is furniture */
	check_page("THE HARBOUR GAZETTE\n\n| 2 June 2024, Sunday |\n\nFishing fleet returns after the storm\n\n"
			   "The fleet returned to port on Saturday, the harbour master said.", NULL, at(2024, 6, 2, 0, 0),
			   "Fishing fleet returns after the storm", NULL);
	check_page("All stories\nUpdated at:\n\nFishing fleet returns after the storm\n\n"
			   "The fleet returned to port on Saturday, the harbour master said.", NULL, -1,
			   "Fishing fleet returns after the storm", NULL);
	/* bylines: "By" under an avatar line, "for Outlet" after the name */
	check_page("Fishing fleet returns after the storm\nauthor avatar image\nBy Nadia Perel\nJune 2, 2024 4:05 am\n\n"
			   "The fleet returned to port on Saturday, the harbour master said.", NULL, at(2024, 6, 2, 4, 5),
			   "Fishing fleet returns after the storm", "Nadia Perel");
	check_page("Fishing fleet returns after the storm\n\nBy Nadia Perel @nperel June 2, 2024\n\n"
			   "The fleet returned to port on Saturday, the harbour master said.", NULL, at(2024, 6, 2, 0, 0),
			   "Fishing fleet returns after the storm", "Nadia Perel");
	check_page("Fishing fleet returns after the storm\n\nPosted on June 2, 2024 by Nadia Perel\n\n"
			   "The fleet returned to port on Saturday, the harbour master said.", NULL, at(2024, 6, 2, 0, 0),
			   "Fishing fleet returns after the storm", "Nadia Perel");
	check_page("Fishing fleet returns after the storm\n\nLast Updated: June 3, 2024 | Published: June 2, 2024\n\n"
			   "The fleet returned to port on Saturday, the harbour master said.", NULL, at(2024, 6, 2, 0, 0),
			   "Fishing fleet returns after the storm", NULL);
	/* a headline ending with a full stop, known by the byline or date under it */
	check_page("Seoul and Tokyo agree to resume their talks on fishing rights.\n\nBy Nadia Perel\n\n"
			   "The two governments agreed on Monday to resume their talks, officials said.", NULL, -1,
			   "Seoul and Tokyo agree to resume their talks on fishing rights", "Nadia Perel");
	check_page("Seoul and Tokyo agree to resume their talks on fishing rights.\nShare\nJune 3, 2024\n"
			   "The two governments agreed on Monday to resume their talks, officials said.", NULL,
			   at(2024, 6, 3, 0, 0), "Seoul and Tokyo agree to resume their talks on fishing rights", NULL);
	/* the story's first sentence, with story after it, is no headline */
	check_page("The two governments agreed on Monday to resume their talks on fishing rights.\n\n"
			   "Officials said the first round would be held in Busan next month.", NULL, -1, NULL, NULL);
	check_page("Fishing fleet returns after the storm\n\nBy Nadia Perel for Coast Radio\n\n"
			   "The fleet returned to port on Saturday, the harbour master said.", NULL, -1,
			   "Fishing fleet returns after the storm", "Nadia Perel");
}

/* Clock times and zones the date grammar leaves beside a date. */
static void
test_page_times(void)
{
	const char *const forms[] = {
		"June 2, 2024 \xe2\x80\xa2 6:40 PM", "2 June 2024 at 6.40pm", "June 2, 2024 18:40 UTC",
		"Jun 2, 2024, 19:40 (GMT+01:00)", "June 2, 2024 13:40 UTC -5", "June 2, 2024 21:40 (UTC+0300)",
		"2 June 2024 21:40 (Moscow time)", "June 2, 2024 at 3.40 a.m. (KST)",
	};

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
	{
		char		page[256];

		snprintf(page, sizeof(page), "Fishing fleet returns after the storm\n\n%s\n\n"
				 "The fleet returned to port on Saturday, the harbour master said.", forms[i]);
		check_page(page, NULL, i == 7 ? at(2024, 6, 1, 18, 40) : at(2024, 6, 2, 18, 40),
				   "Fishing fleet returns after the storm", NULL);
	}
	/* no time: a bracketed credit is no zone, a number after a word is no time */
	check_page("Fishing fleet returns after the storm\n\nJune 2, 2024 (Coast Radio)\n\n"
			   "The fleet returned to port on Saturday, the harbour master said.", NULL, at(2024, 6, 2, 0, 0),
			   "Fishing fleet returns after the storm", NULL);
}

/* Parse page and check that its body is want. */
static void
check_body(const char *page, const char *want)
{
	nk_arena   *a = nk_arena_create();
	nk_article	art;

	nk_parse_article(a, page, strlen(page), NULL, &art);
	CHECK_STR_EQ(art.body, want);
	nk_arena_destroy(a);
}

/* Furniture in the body: teaser blocks, credits, template markup, ids; subheadings stay. */
static void
test_page_body(void)
{
	check_body("Ferry line reopens after storm\n\nThe ferry line between the two islands reopened on Monday, the operator said.\n\n"
			   "Editor's Picks\n\nCredit: Jo Marsh/Daily\n\nCity council delays vote on the new stadium\n\nCredit: Wirepress\n\n"
			   "School board names a new head of the district\n3h ago\n\nShare with X\n{{^isMember}} {{/isMember}}\n"
			   "FEED06032024000123ID4455",
			   "The ferry line between the two islands reopened on Monday, the operator said.");
	/* a subheading between paragraphs, and one after a caption, stay */
	check_body("Ferry line reopens after storm\n\nThe ferry line between the two islands reopened on Monday, the operator said.\n\n"
			   "What comes next\n\nThe operator plans a second route in the spring, its manager said.\n\n"
			   "Credit: Jo Marsh/Daily\n\nA new timetable\n\nThe boats will run every two hours from April, he added.",
			   "The ferry line between the two islands reopened on Monday, the operator said.\n\nWhat comes next\n\n"
			   "The operator plans a second route in the spring, its manager said.\n\nA new timetable\n\n"
			   "The boats will run every two hours from April, he added.");
	/* a widget's label after the comment form at the end of the page goes, with or without more furniture after it */
	check_body("Ferry line reopens after storm\n\nThe ferry line between the two islands reopened on Monday, the operator said.\n\n"
			   "Tags: ferries, islands\n\nLeave a comment\n\nSee the next story",
			   "The ferry line between the two islands reopened on Monday, the operator said.");
	check_body("Ferry line reopens after storm\n\nThe ferry line between the two islands reopened on Monday, the operator said.\n\n"
			   "Tags: ferries, islands\n\nLeave a comment\n\nSee the next story\n\nRelated: the bridge toll",
			   "The ferry line between the two islands reopened on Monday, the operator said.");
	/* a closing line of the story itself stays */
	check_body("Ferry line reopens after storm\n\nThe ferry line between the two islands reopened on Monday, the operator said.\n\n"
			   "Tickets cost the same as before",
			   "The ferry line between the two islands reopened on Monday, the operator said.\n\nTickets cost the same as before");
}

/* The dates page addresses carry. */
static void
test_url_date(void)
{
	const char *const yes[][2] = {
		{"https://www.example.com/news/2024/Nov/29/some-story", "2024-11-29"},
		{"https://example.org/a/2025-04-30/b", "2025-04-30"},
		{"https://en.example.co.kr/view/AEN20230817000651325", "2023-08-17"},
		{"http://example.net/2025/07/29/Story/5401753768471/", "2025-07-29"},
		{"example.net/story-20240115-b.html", "2024-01-15"},
		{"https://example.com/p?date=2024-02-28", "2024-02-28"},
	};
	const char *const no[] = {
		"https://example.com/item/1731261532", "https://example2024.com/a", "https://example.com/p?date=2024-02-30",
		"https://example.com/world/12345678901/", "",
	};
	nk_datetime dt;

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
	{
		char		got[16] = "";

		if (nk_url_date(yes[i][0], strlen(yes[i][0]), &dt))
			snprintf(got, sizeof(got), "%04d-%02d-%02d", dt.year, dt.month, dt.day);
		CHECK_STR_EQ(got, yes[i][1]);
	}
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		CHECK(!nk_url_date(no[i], strlen(no[i]), &dt));
	/* a year and month alone: day 0 */
	CHECK(nk_url_date("https://example.com/2024/11/", 27, &dt));
	CHECK_INT_EQ(dt.year * 100 + dt.month, 202411);
	CHECK_INT_EQ(dt.day, 0);
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
	test_page_dates();
	test_page_times();
	test_page_body();
	test_url_date();
	test_fixtures();
	return unit_report();
}
