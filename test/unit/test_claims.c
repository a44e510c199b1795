/*
 * test_claims.c
 *	  Unit tests of the claims stage and of nk_compare, on sentence pairs
 *	  written for them.
 *
 * A small gazetteer of its own (with the containment Vostochny Cosmodrome
 * -> Amur Oblast -> Russia) keeps the tests independent of the shipped
 * data.  One pair per relation and reason kind: number tolerance, ranges
 * and bounds, dates at the coarser precision, places through containment,
 * denial against affirmation, plans against what happened, a raised
 * estimate, spelling variants, "first since" facts, statements, and hard
 * negatives (the same people at another event, other gifts).
 */
#include "nk_claims.h"
#include "unit.h"

static const char *const test_gazetteer =
"# canonical\tlabel\tparent\taliases\troles\n"
"Russia\tGPE\t\tRussian Federation\t\n"
"North Korea\tGPE\t\tDPRK\t\n"
"South Korea\tGPE\t\tROK\t\n"
"United States\tGPE\t\tUS|U.S.|Washington\t\n"
"Ukraine\tGPE\t\t\t\n"
"Amur Oblast\tGPE\tRussia\tAmur region\t\n"
"Primorsky Krai\tGPE\tRussia\t\t\n"
"Khabarovsk Krai\tGPE\tRussia\t\t\n"
"Vladivostok\tGPE\tPrimorsky Krai\t\t\n"
"Khabarovsk\tGPE\tKhabarovsk Krai\t\t\n"
"Pyongyang\tGPE\tNorth Korea\t\t\n"
"Vostochny Cosmodrome\tFAC\tAmur Oblast\tVostochny spaceport\t\n"
"Russian\tNORP\tRussia\tRussians\t\n"
"North Korean\tNORP\tNorth Korea\tNorth Koreans\t\n"
"Kim Jong Un\tPERSON\tNorth Korea\tKim Jong-un\tnorth korean leader\n"
"Vladimir Putin\tPERSON\tRussia\tPutin\trussian president\n"
"Sergei Lavrov\tPERSON\tRussia\tLavrov\t\n"
"Dmitry Peskov\tPERSON\tRussia\tPeskov\t\n"
"Kremlin\tORG\tRussia\tthe Kremlin\t\n"
"National Intelligence Service\tORG\tSouth Korea\tNIS\t\n";

static const char *const test_lexicons[NK_LEXICON_COUNT] = {
	"Sergei\nVladimir\nDmitry\n",
	"Kim\nChoe\n",
	"president\nminister\nforeign\nleader\nspokesman\n",
	"Cosmodrome\tFAC\n",
	"in\nto\nat\nfrom\n",
	"the\non\nin\nhe\n",
	"Moscow\tRussia\nPyongyang\tNorth Korea\n",
};

static nk_gazetteer *gaz;

/* 2024-06-12 12:00 UTC, a Wednesday; LATER is ten days on */
static const int64_t day0 = 1718193600;
#define LATER (day0 + 10 * 86400)

static void
expect_at(int line, const char *a, int64_t pa, const char *b, int64_t pb, nk_relation rel, const char *reason_part)
{
	nk_arena   *arena = nk_arena_create();
	nk_comparison cmp;

	nk_compare_texts(arena, gaz, a, strlen(a), &pa, b, strlen(b), &pb, &cmp);
	CHECK_STR_EQ(nk_relation_name(cmp.relation), nk_relation_name(rel));
	CHECK(cmp.score > 0 && cmp.score <= 1);
	CHECK(cmp.reason != NULL);
	if (cmp.relation != rel || (reason_part && cmp.reason && !strstr(cmp.reason, reason_part)))
		fprintf(stderr, "  line %d: got %s %.2f \"%s\"\n    a: %s\n    b: %s\n", line,
				nk_relation_name(cmp.relation), cmp.score, cmp.reason ? cmp.reason : "", a, b);
	if (reason_part)
		CHECK(cmp.reason != NULL && strstr(cmp.reason, reason_part) != NULL);
	nk_arena_destroy(arena);
}

#define EXPECT(a, pa, b, pb, rel, part) expect_at(__LINE__, a, pa, b, pb, rel, part)

static void
test_numbers(void)
{
	/* "about" tolerates 5% */
	EXPECT("About 8,000 North Korean soldiers are now in Russia, the NIS said.", day0,
		   "Some 8,300 North Korean soldiers are now in Russia.", day0, NK_REL_AGREE, "troops");
	EXPECT("About 8,000 North Korean soldiers have arrived in Russia, the NIS said.", day0,
		   "Around 9,000 North Korean soldiers have arrived in Russia.", day0, NK_REL_CONTRADICT, "troop count");
	/* ranges and bounds */
	EXPECT("Between 10,000 and 12,000 North Korean troops are training in Russia.", day0,
		   "Roughly 11,000 North Korean troops are training in Russia.", day0, NK_REL_AGREE, NULL);
	EXPECT("As many as 5,000 North Korean troops are training in Russia.", day0,
		   "An estimated 7,000 North Korean troops are training in Russia.", day0, NK_REL_CONTRADICT, "troop count");
	/* a running total raised ten days later */
	EXPECT("Around 2,000 North Korean troops have been moved to Russia so far.", day0,
		   "More than 9,000 North Korean troops have been moved to Russia so far.", LATER, NK_REL_UPDATE, "troop count");
	/* "N other" is a lower bound */
	EXPECT("The sanctions named Ivan Petrov and 40 other individuals.", day0,
		   "The sanctions named 41 individuals in all.", day0, NK_REL_AGREE, "individuals");
	/* durations */
	EXPECT("The two leaders talked for about four hours.", day0,
		   "Their talks lasted roughly four hours.", day0, NK_REL_AGREE, "duration");
}

static void
test_dates_places(void)
{
	/* coarser precision */
	EXPECT("Putin met Kim Jong Un at the Vostochny Cosmodrome in September 2023.", day0,
		   "Putin met Kim Jong Un at the Vostochny Cosmodrome on Sept. 13, 2023.", day0, NK_REL_AGREE, "meeting");
	EXPECT("Kim Jong Un left Russia on Sept. 16, 2023.", day0,
		   "Kim Jong Un left Russia on Sept. 18, 2023.", day0, NK_REL_CONTRADICT, "departure date: 2023-09-16");
	/* containment: the cosmodrome is in Amur Oblast */
	EXPECT("Putin met Kim Jong Un at the Vostochny Cosmodrome on Sept. 13, 2023.", day0,
		   "Putin and Kim Jong Un met in Amur Oblast on Sept. 13, 2023.", day0, NK_REL_AGREE, NULL);
	/* a place expected, another one reported later */
	EXPECT("Putin is expected to meet Kim Jong Un in Khabarovsk next week.", day0,
		   "Putin met Kim Jong Un at the Vostochny Cosmodrome.", LATER, NK_REL_UPDATE,
		   "place: Khabarovsk (planned) vs Vostochny Cosmodrome (reported)");
	/* the same two places reported at the same time */
	EXPECT("Putin met Kim Jong Un in Khabarovsk on Sept. 13, 2023.", day0,
		   "Putin met Kim Jong Un at the Vostochny Cosmodrome on Sept. 13, 2023.", day0, NK_REL_CONTRADICT, "place");
}

static void
test_status(void)
{
	/* denial against affirmation */
	EXPECT("The Kremlin said there was no proof that North Korea sent weapons to Russia.", day0,
		   "North Korea sent weapons to Russia, officials in Washington said.", day0, NK_REL_CONTRADICT, "denied");
	/* a plan that was called off, then what happened */
	EXPECT("Plans for Kim Jong Un to visit Khabarovsk were scrapped.", day0,
		   "Kim Jong Un visited Vladivostok.", LATER, NK_REL_UPDATE, NULL);
	/* a plan that came true agrees */
	EXPECT("Sergei Lavrov will visit Pyongyang next month.", day0,
		   "Sergei Lavrov arrived in Pyongyang on July 3, 2024.", LATER, NK_REL_AGREE, NULL);
	/* unverified, then confirmed by the same agency */
	EXPECT("The NIS said it could not confirm the report.", day0,
		   "The NIS said North Korean troops had arrived in Russia.", LATER, NK_REL_UPDATE, "unverified");
}

static void
test_identity(void)
{
	/* spelling variants and titles of one person */
	EXPECT("Kim Jong-un met Vladimir Putin in Vladivostok on Sept. 13, 2023.", day0,
		   "The North Korean leader and the Russian president met in Vladivostok on Sept. 13, 2023.", day0,
		   NK_REL_AGREE, NULL);
	/* hard negative: the same people, another summit */
	EXPECT("Putin met Kim Jong Un in Vladivostok in April 2019.", day0,
		   "Putin met Kim Jong Un at the Vostochny Cosmodrome in September 2023.", day0, NK_REL_UNRELATED,
		   "different occasions");
	/* hard negative: other gifts */
	EXPECT("Putin gave Kim Jong Un a limousine.", day0,
		   "Putin gave Kim Jong Un a tea set.", day0, NK_REL_UNRELATED, "items");
	/* hard negative: another counterpart */
	EXPECT("Lavrov met Kim Jong Un on Thursday.", day0,
		   "Lavrov met Peskov on Thursday.", day0, NK_REL_UNRELATED, NULL);
	/* "first since" against "once before, in" */
	EXPECT("It was Kim's first visit to Russia since 2019.", day0,
		   "Kim had been to Russia once before, in April 2019.", day0, NK_REL_AGREE, "previous visit");
	EXPECT("It was Putin's first visit to Pyongyang since 2000.", day0,
		   "Putin last visited Pyongyang in 2005.", day0, NK_REL_CONTRADICT, "previous visit");
	/* one speaker's denials on two occasions */
	EXPECT("Peskov said reports of North Korean troops fighting in Ukraine were fake.", day0,
		   "Peskov said reports of North Korean troops fighting in Ukraine were baseless.", LATER,
		   NK_REL_UNRELATED, "different occasions");
	/* nothing to compare */
	EXPECT("The weather in Pyongyang was cold.", day0, "Sergei Lavrov praised the talks.", day0,
		   NK_REL_UNRELATED, NULL);
}

static void
test_claims(void)
{
	nk_arena   *arena = nk_arena_create();
	const char *text = "Some 1,500 North Korean special forces were moved to Vladivostok, the NIS said. "
		"Putin will host a two-day visit by Kim Jong Un.";
	nk_claim_list l = {0};
	bool		count = false,
				duration = false;

	nk_claims_of_doc(arena, nk_doc_build(arena, text, strlen(text)), gaz, &day0, &l);
	for (size_t i = 0; i < l.count; i++)
	{
		const nk_claim *c = &l.items[i];

		CHECK(c->has_reported && c->reported == day0);
		if (strcmp(c->predicate, "troop_count") == 0)
		{
			count = true;
			CHECK_INT_EQ(c->number, 1500);
			CHECK_INT_EQ(c->approx, NK_APPROX_ABOUT);
			CHECK_STR_EQ(c->subject, "North Korean");
			CHECK_INT_EQ(c->sentence, 0);
		}
		if (strcmp(c->predicate, "duration") == 0)
		{
			duration = true;
			CHECK_INT_EQ(c->number, 2);
			CHECK_STR_EQ(c->unit, "day");
			CHECK_STR_EQ(c->object, "visit");
			CHECK_INT_EQ(c->sentence, 1);
		}
	}
	CHECK(count);
	CHECK(duration);
	/* empty and odd input */
	l.count = 0;
	nk_claims_of_doc(arena, nk_doc_build(arena, "", 0), gaz, NULL, &l);
	CHECK_INT_EQ(l.count, 0);
	nk_claims_of_doc(arena, nk_doc_build(arena, "15-hundred , , ; ( ) 3 to", 25), gaz, NULL, &l);
	CHECK(l.count < 10);
	/* names */
	CHECK_INT_EQ(nk_approx_parse(nk_approx_name(NK_APPROX_AT_MOST)), NK_APPROX_AT_MOST);
	CHECK_INT_EQ(nk_polarity_parse("negative"), NK_POLARITY_NEGATIVE);
	CHECK_INT_EQ(nk_event_status_parse("cancelled"), NK_STATUS_CANCELLED);
	CHECK_INT_EQ(nk_precision_parse("month"), NK_PREC_MONTH);
	CHECK_STR_EQ(nk_relation_name(NK_REL_UPDATE), "update");
	nk_arena_destroy(arena);
}

int
main(void)
{
	gaz = unit_gazetteer(test_gazetteer, test_lexicons);
	test_claims();
	test_numbers();
	test_dates_places();
	test_status();
	test_identity();
	nk_gazetteer_destroy(gaz);
	return unit_report();
}
