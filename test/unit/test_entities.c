/*
 * test_entities.c
 *	  Unit tests of the gazetteer automaton and the entities stage.
 *
 * The rule tests use a small gazetteer and word lists of their own.  The
 * data test loads every line of the gazetteer files in $NK_GAZETTEER_DIR
 * (default data/gazetteer) and checks that each alias, in a sentence, is
 * found as its entity; it is skipped with a message when there are none.
 */
#include "nk_entities.h"
#include "unit.h"

#include <dirent.h>
#include <stdlib.h>

static const char *const test_gazetteer =
"# canonical\tlabel\tparent\taliases\troles\n"
"Russia\tGPE\t\tRussian Federation\t\n"
"North Korea\tGPE\t\tDPRK|N. Korea\t\n"
"South Korea\tGPE\t\tROK\t\n"
"United States\tGPE\t\tUS|U.S.|United States of America\t\n"
"Amur Oblast\tGPE\tRussia\tAmur region\t\n"
"Vostochny Cosmodrome\tFAC\tAmur Oblast\tVostochny\t\n"
"Moscow\tGPE\tRussia\t\t\n"
"Pyongyang\tGPE\tNorth Korea\t\t\n"
"Vladivostok\tGPE\tRussia\t\t\n"
"Vladimir\tGPE\tRussia\t\t\n"
"Russian\tNORP\tRussia\tRussians\t\n"
"North Korean\tNORP\tNorth Korea\tNorth Koreans\t\n"
"Kim Jong Un\tPERSON\tNorth Korea\tKim Jong-un\tnorth korean leader|chairman of the state affairs commission\n"
"Kim Yo Jong\tPERSON\tNorth Korea\tKim Yo-jong\t\n"
"Vladimir Putin\tPERSON\tRussia\tPutin Vladimir\trussian president|russian leader\n"
"Sergei Shoigu\tPERSON\tRussia\tSergey Shoigu\t\n"
"Dmitry Peskov\tPERSON\tRussia\t\tkremlin spokesperson|kremlin spokesman\n"
"Kremlin\tORG\tRussia\tthe Kremlin\t\n"
"Korean Central News Agency\tORG\tNorth Korea\tKCNA\t\n"
"Korean People's Army\tORG\tNorth Korea\tKPA\t\n"
"KN-23\tPRODUCT\tNorth Korea\tHwasong-11\t\n"
"United Nations\tORG\t\tUN|U.N.\t\n"
"Korean Peninsula\tLOC\t\t\t\n"
"Western\tNORP\t\twestern\t\n";

static const char *const test_lexicons[NK_LEXICON_COUNT] = {
	/* given-names */
	"Denis\nSergei\nVladimir\nJohn\nRobert\n",
	/* korean-surnames */
	"Kim\nLim\nPak\nShin\nNo\n",
	/* titles */
	"deputy\nprime\nminister\nspokesperson\nspokesman\nlt\ngen\npresident\nleader\nchairman\ndefense\nforeign\nchief\n",
	/* name-heads */
	"Ministry\tORG\nCosmodrome\tFAC\nFleet\tORG\nForum\tEVENT\nPlant\tFAC\nAgency\tORG\nArmy\tORG\n",
	/* place-cues */
	"in\nto\nat\nfrom\nnear\narrived\nvisited\ncapital\n",
	/* non-names */
	"the\non\nmonday\nin\nhe\n",
	/* capitals */
	"Moscow\tRussia\nPyongyang\tNorth Korea\n",
};

/* The mention of text starting at the first occurrence of surface, or NULL. */
static const nk_entity_mention *
find_mention(const nk_entity_list *list, const char *text, const char *surface, int nth)
{
	const char *p = text;

	for (int k = 0; k <= nth; k++)
	{
		p = strstr(k == 0 ? p : p + 1, surface);
		if (p == NULL)
			return NULL;
	}
	for (size_t i = 0; i < list->count; i++)
		if (list->items[i].start == (size_t) (p - text) && list->items[i].len == strlen(surface))
			return &list->items[i];
	return NULL;
}

/* The entity the nth occurrence of surface in text is found as, or "-". */
static const char *
entity_of(const nk_gazetteer *g, const char *text, const char *surface, int nth)
{
	static char result[256];
	nk_arena   *arena = nk_arena_create();
	nk_doc	   *doc = nk_doc_build(arena, text, strlen(text));
	nk_entity_list out = {0};
	const nk_entity_mention *m;

	nk_extract_entities(arena, doc, g, &out);
	m = find_mention(&out, text, surface, nth);
	snprintf(result, sizeof(result), "%s", m ? m->entity : "-");
	nk_arena_destroy(arena);
	return result;
}

static void
check_mention(const nk_gazetteer *g, const char *text, const char *surface, int nth,
			  const char *entity, nk_label label, nk_entity_source source)
{
	nk_arena   *arena = nk_arena_create();
	nk_doc	   *doc = nk_doc_build(arena, text, strlen(text));
	nk_entity_list out = {0};
	const nk_entity_mention *m;

	nk_extract_entities(arena, doc, g, &out);
	m = find_mention(&out, text, surface, nth);
	CHECK(m != NULL);
	if (m)
	{
		CHECK_STR_EQ(m->entity, entity);
		CHECK_STR_EQ(nk_label_name(m->label), nk_label_name(label));
		CHECK_STR_EQ(nk_entity_source_name(m->source), nk_entity_source_name(source));
		CHECK(m->confidence > 0 && m->confidence <= 1);
		CHECK(m->sentence == doc->tokens.items[m->first_token].sentence);
	}
	else
		fprintf(stderr, "  no mention \"%s\" in: %s\n", surface, text);
	nk_arena_destroy(arena);
}

static size_t
count_mentions(const nk_gazetteer *g, const char *text)
{
	nk_arena   *arena = nk_arena_create();
	nk_doc	   *doc = nk_doc_build(arena, text, strlen(text));
	nk_entity_list out = {0};
	size_t		n;

	nk_extract_entities(arena, doc, g, &out);
	n = out.count;
	nk_arena_destroy(arena);
	return n;
}

static void
test_matching(const nk_gazetteer *g)
{
	/* spelling variants of one alias */
	CHECK_STR_EQ(entity_of(g, "Talks with Kim Jong-un ended.", "Kim Jong-un", 0), "Kim Jong Un");
	CHECK_STR_EQ(entity_of(g, "Talks with Kim Jong Un ended.", "Kim Jong Un", 0), "Kim Jong Un");
	CHECK_STR_EQ(entity_of(g, "TALKS WITH KIM JONG UN ENDED", "KIM JONG UN", 0), "Kim Jong Un");
	CHECK_STR_EQ(entity_of(g, "Talks with Kim Jong\u2011un ended.", "Kim Jong\u2011un", 0), "Kim Jong Un");
	CHECK_STR_EQ(entity_of(g, "Talks with Kim Jong\u2013Un ended.", "Kim Jong\u2013Un", 0), "Kim Jong Un");
	/* possessives and dotted forms */
	CHECK_STR_EQ(entity_of(g, "Russia's army moved.", "Russia", 0), "Russia");
	CHECK_STR_EQ(entity_of(g, "Russia\u2019s army moved.", "Russia", 0), "Russia");
	CHECK_STR_EQ(entity_of(g, "The U.S. said no.", "U.S.", 0), "United States");
	CHECK_STR_EQ(entity_of(g, "They met N. Korea officials.", "N. Korea", 0), "North Korea");
	CHECK_STR_EQ(entity_of(g, "The Korean People's Army marched.", "Korean People's Army", 0),
				 "Korean People's Army");
	CHECK_STR_EQ(entity_of(g, "A KN-23 and a KN 23 flew.", "KN 23", 0), "KN-23");
	/* leftmost-longest: the United States of America, not the United States */
	CHECK_STR_EQ(entity_of(g, "The United States of America said so.", "United States of America", 0),
				 "United States");
	/* "the" is not part of the mention; case matters unless the alias is lower case */
	check_mention(g, "He spoke for the Kremlin on Monday.", "Kremlin", 0, "Kremlin", NK_LABEL_ORG,
				  NK_SOURCE_GAZETTEER);
	CHECK_STR_EQ(entity_of(g, "the russian federation said.", "russian federation", 0), "-");
	CHECK_STR_EQ(entity_of(g, "Some western officials came.", "western", 0), "Western");
	/* an acronym alias needs capitals: "us" and "Us" are not the United States */
	CHECK_STR_EQ(entity_of(g, "They told us that.", "us", 0), "-");
	CHECK_STR_EQ(entity_of(g, "They told the US that.", "US", 0), "United States");
	/* token boundaries: no match inside a word */
	CHECK_STR_EQ(entity_of(g, "Russiagate was a scandal.", "Russia", 0), "-");
}

static void
test_gazetteer_api(const nk_gazetteer *g)
{
	int32_t		vostochny = nk_gazetteer_find(g, "Vostochny Cosmodrome", -1);
	int32_t		amur = nk_gazetteer_find(g, "Amur Oblast", NK_LABEL_GPE);
	int32_t		russia = nk_gazetteer_find(g, "Russia", NK_LABEL_GPE);
	int32_t		korea = nk_gazetteer_find(g, "North Korea", NK_LABEL_GPE);

	CHECK(vostochny >= 0 && amur >= 0 && russia >= 0 && korea >= 0);
	CHECK_INT_EQ(nk_gazetteer_entity(g, vostochny)->parent, amur);
	CHECK_INT_EQ(nk_gazetteer_entity(g, amur)->parent, russia);
	CHECK(nk_gazetteer_within(g, vostochny, russia));
	CHECK(!nk_gazetteer_within(g, vostochny, korea));
	CHECK_INT_EQ(nk_gazetteer_find(g, "Atlantis", -1), -1);
	CHECK_INT_EQ(nk_gazetteer_entity(g, nk_gazetteer_find(g, "Moscow", -1))->capital_of, russia);
	CHECK(nk_gazetteer_memory(g) > 0);
	CHECK(nk_gazetteer_alias_count(g) >= nk_gazetteer_entity_count(g));
	CHECK_INT_EQ(nk_label_parse("PRODUCT"), NK_LABEL_PRODUCT);
	CHECK_INT_EQ(nk_label_parse("THING"), -1);
	CHECK_INT_EQ(nk_lexicon_parse("given-names"), NK_LEX_GIVEN_NAME);
}

static void
test_patterns(const nk_gazetteer *g)
{
	const char *t;

	/* titles */
	check_mention(g, "It was signed by Deputy Prime Minister Denis Manturov on Monday.", "Denis Manturov", 0,
				  "Denis Manturov", NK_LABEL_PERSON, NK_SOURCE_PATTERN);
	check_mention(g, "The ministry's spokesperson Lim Soo-suk told reporters.", "Lim Soo-suk", 0,
				  "Lim Soo-suk", NK_LABEL_PERSON, NK_SOURCE_PATTERN);
	check_mention(g, "The unit is led by Lt. Gen. Oleg Arkhipov now.", "Oleg Arkhipov", 0,
				  "Oleg Arkhipov", NK_LABEL_PERSON, NK_SOURCE_PATTERN);
	/* appositions and name shapes */
	check_mention(g, "Yesterday Ahn Mi-rae, a spokesperson for the agency, spoke.", "Ahn Mi-rae", 0,
				  "Ahn Mi-rae", NK_LABEL_PERSON, NK_SOURCE_PATTERN);
	check_mention(g, "The delegation included Pak Jong Chon and others.", "Pak Jong Chon", 0,
				  "Pak Jong Chon", NK_LABEL_PERSON, NK_SOURCE_PATTERN);
	check_mention(g, "Officials said Shin Won-sik would travel.", "Shin Won-sik", 0,
				  "Shin Won-sik", NK_LABEL_PERSON, NK_SOURCE_PATTERN);
	check_mention(g, "Reporters asked John Kirby again.", "John Kirby", 0, "John Kirby",
				  NK_LABEL_PERSON, NK_SOURCE_PATTERN);
	check_mention(g, "Reporters asked Robert A. Wood again.", "Robert A. Wood", 0, "Robert A. Wood",
				  NK_LABEL_PERSON, NK_SOURCE_PATTERN);
	/* a given name that is also a city, before a surname */
	check_mention(g, "Officials said Vladimir Zelenin would go.", "Vladimir Zelenin", 0,
				  "Vladimir Zelenin", NK_LABEL_PERSON, NK_SOURCE_PATTERN);
	/* head words */
	check_mention(g, "They toured the Vostochny Cosmodrome in Amur region.", "Vostochny Cosmodrome", 0,
				  "Vostochny Cosmodrome", NK_LABEL_FAC, NK_SOURCE_GAZETTEER);
	check_mention(g, "They toured the Tsiolkovsky Rocket Plant last week.", "Tsiolkovsky Rocket Plant", 0,
				  "Tsiolkovsky Rocket Plant", NK_LABEL_FAC, NK_SOURCE_PATTERN);
	check_mention(g, "Ships of the Russian Pacific Fleet sailed.", "Russian Pacific Fleet", 0,
				  "Russian Pacific Fleet", NK_LABEL_ORG, NK_SOURCE_PATTERN);
	check_mention(g, "A statement by the Ministry of Foreign Affairs followed.", "Ministry of Foreign Affairs", 0,
				  "Ministry of Foreign Affairs", NK_LABEL_ORG, NK_SOURCE_PATTERN);
	check_mention(g, "Delegates came to the Eastern Economic Forum in the city.", "Eastern Economic Forum", 0,
				  "Eastern Economic Forum", NK_LABEL_EVENT, NK_SOURCE_PATTERN);
	t = "A note from Russia's Ministry of Defence arrived.";
	check_mention(g, t, "Russia's Ministry of Defence", 0, "Russia Ministry of Defence", NK_LABEL_ORG,
				  NK_SOURCE_PATTERN);
	check_mention(g, t, "Russia", 0, "Russia", NK_LABEL_GPE, NK_SOURCE_GAZETTEER);
	check_mention(g, "A note from South Korea's defense ministry arrived.", "South Korea's defense ministry", 0,
				  "South Korea defense ministry", NK_LABEL_ORG, NK_SOURCE_PATTERN);
	/* what is not a name: sentence-initial capitals, headline case, bylines, a bare head word */
	CHECK_INT_EQ(count_mentions(g, "Deputy Minister Of Everything Speaks Again\n\nNothing happened."), 0);
	CHECK_INT_EQ(count_mentions(g, "By John Smith and Mary Jones\n\nNothing happened here."), 0);
	CHECK_INT_EQ(count_mentions(g, "Officials met. Tomorrow Brings Rain, they said."), 0);
	CHECK_INT_EQ(count_mentions(g, "The Ministry said nothing."), 0);
	/* a run-on sentence full of names is no headline */
	check_mention(g, "Talks ended.Pak Su Il, Deputy Chief Of Staff, Came Along With Others", "Pak Su Il", 0,
				  "Pak Su Il", NK_LABEL_PERSON, NK_SOURCE_PATTERN);
	CHECK_INT_EQ(count_mentions(g, "Ukraine's Defense Intelligence chief spoke."), 0);
}

static void
test_coreference(const nk_gazetteer *g)
{
	const char *t;

	t = "Kim Jong Un met Sergei Shoigu. Later Kim said Shoigu was welcome.";
	check_mention(g, t, "Kim", 1, "Kim Jong Un", NK_LABEL_PERSON, NK_SOURCE_COREFERENCE);
	check_mention(g, t, "Shoigu", 1, "Sergei Shoigu", NK_LABEL_PERSON, NK_SOURCE_COREFERENCE);
	/* Kim Yo Jong stays herself; a bare Kim goes to the most mentioned Kim */
	t = "Kim Jong Un spoke. Kim was firm. His sister Kim Yo Jong wrote a statement. Kim added more.";
	check_mention(g, t, "Kim Yo Jong", 0, "Kim Yo Jong", NK_LABEL_PERSON, NK_SOURCE_GAZETTEER);
	check_mention(g, t, "Kim", 3, "Kim Jong Un", NK_LABEL_PERSON, NK_SOURCE_COREFERENCE);
	/* a pattern name and its short form */
	t = "Spokesperson Lim Soo-suk told reporters. Lim declined to comment.";
	check_mention(g, t, "Lim", 1, "Lim Soo-suk", NK_LABEL_PERSON, NK_SOURCE_COREFERENCE);
	t = "He met Denis Manturov. Manturov said yes.";
	check_mention(g, t, "Manturov", 1, "Denis Manturov", NK_LABEL_PERSON, NK_SOURCE_COREFERENCE);
	/* role phrases: one holder named in the article, or in the gazetteer */
	t = "Vladimir Putin arrived. The Russian president said talks went well.";
	check_mention(g, t, "Russian president", 0, "Vladimir Putin", NK_LABEL_PERSON, NK_SOURCE_COREFERENCE);
	t = "The Kremlin spokesperson said nothing.";
	check_mention(g, t, "Kremlin spokesperson", 0, "Dmitry Peskov", NK_LABEL_PERSON, NK_SOURCE_COREFERENCE);
	check_mention(g, t, "Kremlin", 0, "Kremlin", NK_LABEL_ORG, NK_SOURCE_GAZETTEER);
	/* a role before the name is a title, not a second mention */
	t = "North Korean leader Kim Jong Un spoke.";
	CHECK(find_mention(&(nk_entity_list) {0}, t, "North Korean leader", 0) == NULL);
	CHECK_STR_EQ(entity_of(g, t, "North Korean leader", 0), "-");
}

static void
test_capitals(const nk_gazetteer *g)
{
	check_mention(g, "Moscow denied the report.", "Moscow", 0, "Russia", NK_LABEL_GPE, NK_SOURCE_GAZETTEER);
	check_mention(g, "Officials said Pyongyang has supplied shells.", "Pyongyang", 0, "North Korea",
				  NK_LABEL_GPE, NK_SOURCE_GAZETTEER);
	check_mention(g, "Ties between Moscow and Pyongyang grew.", "Moscow", 0, "Russia", NK_LABEL_GPE,
				  NK_SOURCE_GAZETTEER);
	check_mention(g, "Ties between Moscow and Pyongyang grew.", "Pyongyang", 0, "North Korea", NK_LABEL_GPE,
				  NK_SOURCE_GAZETTEER);
	check_mention(g, "Moscow's foreign ministry said no.", "Moscow's foreign ministry", 0,
				  "Russia foreign ministry", NK_LABEL_ORG, NK_SOURCE_PATTERN);
	check_mention(g, "Putin arrived in Pyongyang on Monday.", "Pyongyang", 0, "Pyongyang", NK_LABEL_GPE,
				  NK_SOURCE_GAZETTEER);
	check_mention(g, "They stayed at a hotel in Moscow.", "Moscow", 0, "Moscow", NK_LABEL_GPE,
				  NK_SOURCE_GAZETTEER);
	check_mention(g, "He landed in the North Korean capital, Pyongyang.", "Pyongyang", 0, "Pyongyang",
				  NK_LABEL_GPE, NK_SOURCE_GAZETTEER);
	check_mention(g, "Flights run between Pyongyang and Vladivostok.", "Pyongyang", 0, "Pyongyang",
				  NK_LABEL_GPE, NK_SOURCE_GAZETTEER);
}

static void
test_robustness(const nk_gazetteer *g)
{
	static const char *const inputs[] = {
		"", " ", "-", "'s", "Kim", "Kim Jong-", "-un", "The", "\xff\xfe\xfd", "Ministry of", "of the Ministry",
		"Deputy Prime Minister", "Lim Soo-", "Moscow's", "\xe2\x80\x91\xe2\x80\x91", "A, a, a, a, spokesperson",
	};

	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++)
		CHECK(count_mentions(g, inputs[i]) < 10);
	{
		/* an empty gazetteer works too */
		nk_gazetteer *empty = nk_gazetteer_build(nk_gazetteer_builder_create());

		CHECK_INT_EQ(count_mentions(empty, "Kim Jong Un met Vladimir Putin in Moscow."), 0);
		CHECK_INT_EQ(nk_gazetteer_find(empty, "Russia", -1), -1);
		nk_gazetteer_destroy(empty);
	}
}

/* ---------------------------------------------------------------- the shipped data */

/*
 * Check that each alias of one TSV line, in a sentence, is matched whole;
 * count a match as another entity of the same form as shared, not failed.
 */
static void
check_data_line(const nk_gazetteer *g, char *line, int *failures, int *shared)
{
	char	   *f[5] = {NULL, NULL, NULL, NULL, NULL};
	int			n = 0;
	char	   *p = line;
	char	   *list;

	while (n < 5)
	{
		char	   *tab = strchr(p, '\t');

		f[n++] = p;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	if (n < 2)
		return;
	list = f[3] ? f[3] : "";
	for (char *a = f[0], *next = list; a; a = next)
	{
		static const char prefix[] = "They said that ";
		char		text[1024];
		nk_arena   *arena;
		nk_doc	   *doc;
		nk_gaz_match_list m = {0};
		nk_gaz_match_list r = {0};
		size_t		end;
		int			found = 0;

		if (a != f[0])
		{
			next = strchr(a, '|');
			if (next)
				*next++ = '\0';
		}
		else if (next[0] == '\0')
			next = NULL;
		if (a[0] == '\0' || strlen(a) > 900)
			continue;
		snprintf(text, sizeof(text), "%s%s was there.", prefix, a);
		end = strlen(prefix) + strlen(a);
		arena = nk_arena_create();
		doc = nk_doc_build(arena, text, strlen(text));
		nk_gazetteer_match(arena, g, doc, nk_gazetteer_token_ids(arena, g, doc), &m, &r);
		for (size_t i = 0; i < m.count; i++)
		{
			const nk_token *first = &doc->tokens.items[m.items[i].first];
			const nk_token *last = &doc->tokens.items[m.items[i].last];
			size_t		e = last->start + last->len;

			/* the alias may end in a possessive or a period the matcher steps over */
			if (first->start < strlen(prefix) || e > end || e + 2 < end)
				continue;
			found = strcmp(nk_gazetteer_entity(g, m.items[i].id)->canonical, f[0]) == 0 ? 2 : 1;
			break;
		}
		if (found == 1)
			(*shared)++;
		else if (found == 0 && (*failures)++ < 20)
			fprintf(stderr, "  alias \"%s\" of \"%s\" not found\n", a, f[0]);
		nk_arena_destroy(arena);
	}
}

static void
test_data(void)
{
	const char *dir = getenv("NK_GAZETTEER_DIR") ? getenv("NK_GAZETTEER_DIR") : "data/gazetteer";
	DIR		   *d = opendir(dir);
	struct dirent *e;
	nk_gazetteer_builder *b;
	nk_gazetteer *g;
	char	   *texts[256];
	size_t		lens[256];
	size_t		nfiles = 0;
	int			failures = 0;
	int			shared = 0;
	size_t		lines = 0;

	if (d == NULL)
	{
		printf("skipping the gazetteer data test: no %s (set NK_GAZETTEER_DIR)\n", dir);
		return;
	}
	b = nk_gazetteer_builder_create();
	while ((e = readdir(d)) != NULL && nfiles < 256)
	{
		size_t		l = strlen(e->d_name);
		char		path[4096];

		if (l < 5 || strcmp(e->d_name + l - 4, ".tsv") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		texts[nfiles] = unit_read_file(path, &lens[nfiles]);
		if (texts[nfiles] == NULL)
			continue;
		nk_gazetteer_load_tsv(b, texts[nfiles], lens[nfiles], path, false);
		nfiles++;
	}
	closedir(d);
	if (nfiles == 0)
	{
		printf("skipping the gazetteer data test: no .tsv files in %s\n", dir);
		nk_gazetteer_builder_destroy(b);
		return;
	}
	g = nk_gazetteer_build(b);
	for (size_t k = 0; k < nfiles; k++)
	{
		char	   *s = texts[k];

		while (s && *s)
		{
			char	   *nl = strchr(s, '\n');

			if (nl)
				*nl = '\0';
			if (s[0] != '#' && s[0] != '\0' && s[0] != '\r')
			{
				check_data_line(g, s, &failures, &shared);
				lines++;
			}
			s = nl ? nl + 1 : NULL;
		}
		free(texts[k]);
	}
	printf("gazetteer data: %zu files, %zu entries, %zu aliases (%d shared with another entity), "
		   "%zu bytes of automaton\n",
		   nfiles, lines, nk_gazetteer_alias_count(g), shared, nk_gazetteer_memory(g));
	CHECK_INT_EQ(failures, 0);
	nk_gazetteer_destroy(g);
}

int
main(void)
{
	nk_gazetteer *g = unit_gazetteer(test_gazetteer, test_lexicons);

	test_matching(g);
	test_gazetteer_api(g);
	test_patterns(g);
	test_coreference(g);
	test_capitals(g);
	test_robustness(g);
	nk_gazetteer_destroy(g);
	test_data();
	return unit_report();
}
