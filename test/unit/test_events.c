/*
 * test_events.c
 *	  Unit tests of the events stage, on sentences written for them.
 *
 * A small gazetteer of its own (as test_entities.c has) keeps the tests
 * independent of the shipped data; the lexicons are the shipped ones,
 * compiled in.  One check per rule: every type, every status, active and
 * passive voice, coordination, appositions and relative clauses, item lists
 * and quantities, attribution, conditionals and the scope of negation.
 */
#include "nk_events.h"
#include "unit.h"

#include <stdlib.h>

static const char *const test_gazetteer =
"# canonical\tlabel\tparent\taliases\troles\n"
"Russia\tGPE\t\tRussian Federation\t\n"
"North Korea\tGPE\t\tDPRK\t\n"
"South Korea\tGPE\t\tROK\t\n"
"United States\tGPE\t\tUS|U.S.|Washington\t\n"
"Ukraine\tGPE\t\t\t\n"
"Iran\tGPE\t\t\t\n"
"Japan\tGPE\t\t\t\n"
"Moscow\tGPE\tRussia\t\t\n"
"Pyongyang\tGPE\tNorth Korea\t\t\n"
"Vladivostok\tGPE\tRussia\t\t\n"
"Kursk Oblast\tGPE\tRussia\tKursk region\t\n"
"Russian\tNORP\tRussia\tRussians\t\n"
"North Korean\tNORP\tNorth Korea\tNorth Koreans\t\n"
"Ukrainian\tNORP\tUkraine\tUkrainians\t\n"
"Europe\tLOC\t\t\t\n"
"European\tNORP\tEurope\tEuropeans\t\n"
"Kim Jong Un\tPERSON\tNorth Korea\tKim Jong-un\tnorth korean leader\n"
"Vladimir Putin\tPERSON\tRussia\t\t\n"
"Sergei Lavrov\tPERSON\tRussia\t\t\n"
"Dmitry Peskov\tPERSON\tRussia\t\t\n"
"Choe Son Hui\tPERSON\tNorth Korea\tChoe Son-hui\t\n"
"Kremlin\tORG\tRussia\tthe Kremlin\t\n"
"Korean Central News Agency\tORG\tNorth Korea\tKCNA\t\n"
"United Nations Security Council\tORG\t\tSecurity Council|UN Security Council\t\n"
"European Union\tORG\t\tEU\t\n"
"Vostochny Cosmodrome\tFAC\tRussia\tVostochny\t\n";

static const char *const test_lexicons[NK_LEXICON_COUNT] = {
	"Sergei\nVladimir\nDmitry\n",
	"Kim\nChoe\n",
	"president\nminister\nforeign\nleader\nspokesman\n",
	"Cosmodrome\tFAC\nCouncil\tORG\n",
	"in\nto\nat\nfrom\n",
	"the\non\nin\nhe\n",
	"Moscow\tRussia\nPyongyang\tNorth Korea\n",
};

static nk_gazetteer *gaz;

/* 2024-06-12 12:00 UTC, a Wednesday */
static const int64_t published = 1718193600;

static nk_event_list
run(nk_arena *arena, const char *text)
{
	nk_event_list out = {0};
	nk_doc	   *doc = nk_doc_build(arena, text, strlen(text));

	nk_events_of_doc(arena, doc, gaz, &published, &out);
	return out;
}

static bool
eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* The row of that type, actor and target (NULL: any), or NULL. */
static const nk_event *
find(const nk_event_list *l, const char *type, const char *actor, const char *target)
{
	int			t = nk_event_type_parse(type);

	for (size_t i = 0; i < l->count; i++)
	{
		const nk_event *e = &l->items[i];

		if (e->type == t && (actor == NULL || eq(e->actor, actor)) && (target == NULL || eq(e->target, target)))
			return e;
	}
	return NULL;
}

static int
count_type(const nk_event_list *l, const char *type)
{
	int			t = nk_event_type_parse(type),
				n = 0;

	for (size_t i = 0; i < l->count; i++)
		n += l->items[i].type == t;
	return n;
}

static void
expect_at(int line, const char *text, const char *type, const char *actor, const char *target, const char *st)
{
	nk_arena   *a = nk_arena_create();
	nk_event_list l = run(a, text);
	const nk_event *e = find(&l, type, actor, target);

	CHECK(e != NULL);
	if (e == NULL)
	{
		fprintf(stderr, "  line %d: no %s %s -> %s in: %s\n", line, type, actor ? actor : "*",
				target ? target : "*", text);
		for (size_t i = 0; i < l.count; i++)
			fprintf(stderr, "    got %s %s -> %s [%s]\n", nk_event_type(l.items[i].type)->name,
					l.items[i].actor ? l.items[i].actor : "-", l.items[i].target ? l.items[i].target : "-",
					nk_event_status_name(l.items[i].status));
	}
	else if (strcmp(nk_event_status_name(e->status), st) != 0)
	{
		CHECK_STR_EQ(nk_event_status_name(e->status), st);
		fprintf(stderr, "  line %d: %s\n", line, text);
	}
	nk_arena_destroy(a);
}

#define EXPECT(text, type, actor, target, st) expect_at(__LINE__, text, type, actor, target, st)

#define EXPECT_NONE(text, type) \
	do { \
		nk_arena   *a_ = nk_arena_create(); \
		nk_event_list l_ = run(a_, (text)); \
		CHECK_INT_EQ(count_type(&l_, (type)), 0); \
		nk_arena_destroy(a_); \
	} while (0)

static void
test_table(void)
{
	static const char *const names[] = {
		"VISIT", "ARRIVE", "DEPART", "MEET", "NEGOTIATE", "INVITE", "GIFT", "AGREE", "COOPERATE",
		"ARMS_TRANSFER", "DEPLOY", "LAUNCH", "ATTACK", "CASUALTIES", "SANCTION", "ACCUSE", "DENY",
		"WARN", "CRITICIZE", "PRAISE", "VETO", "ANNOUNCE"
	};

	CHECK_INT_EQ(nk_event_type_count(), 22);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
	{
		int			t = nk_event_type_parse(names[i]);
		const nk_event_type_info *ti = nk_event_type(t);

		CHECK(t >= 0);
		if (ti == NULL)
			continue;
		CHECK(strlen(ti->cameo) >= 3);
		CHECK(ti->quad_class >= 1 && ti->quad_class <= 4);
		CHECK(ti->goldstein >= -10 && ti->goldstein <= 10);
	}
	CHECK_STR_EQ(nk_event_type(nk_event_type_parse("VISIT"))->cameo, "042");
	CHECK_STR_EQ(nk_event_type(nk_event_type_parse("AGREE"))->cameo, "057");
	CHECK_STR_EQ(nk_event_type(nk_event_type_parse("SANCTION"))->cameo, "163");
	CHECK(nk_event_type_parse("PICNIC") < 0);
	CHECK(nk_event_type(99) == NULL);
	CHECK_STR_EQ(nk_event_status_name(NK_STATUS_CANCELLED), "cancelled");
}

static void
test_types(void)
{
	EXPECT("Sergei Lavrov visited North Korea on Tuesday.", "VISIT", "Sergei Lavrov", "North Korea", "reported");
	EXPECT("Vladimir Putin paid a state visit to Pyongyang.", "VISIT", "Vladimir Putin", "North Korea", "reported");
	EXPECT("Kim Jong Un arrived in Vladivostok by train.", "ARRIVE", "Kim Jong Un", "Vladivostok", "reported");
	EXPECT("Sergei Lavrov left Vladivostok after two days.", "DEPART", "Sergei Lavrov", "Vladivostok", "reported");
	EXPECT("Vladimir Putin met Kim Jong Un at the Vostochny Cosmodrome.", "MEET", "Vladimir Putin", "Kim Jong Un", "reported");
	EXPECT("Sergei Lavrov held talks with Choe Son Hui in the capital.", "MEET", "Sergei Lavrov", "Choe Son Hui", "reported");
	EXPECT("Kim Jong Un exchanged frank views with Sergei Lavrov.", "MEET", "Kim Jong Un", "Sergei Lavrov", "reported");
	EXPECT("Sergei Lavrov negotiated with Choe Son Hui for hours.", "NEGOTIATE", "Sergei Lavrov", "Choe Son Hui", "reported");
	EXPECT("Kim Jong Un invited Vladimir Putin to the capital.", "INVITE", "Kim Jong Un", "Vladimir Putin", "reported");
	EXPECT("Vladimir Putin gifted Kim Jong Un a luxury limousine.", "GIFT", "Vladimir Putin", "Kim Jong Un", "reported");
	EXPECT("Russia signed a treaty with North Korea in June.", "AGREE", "Russia", "North Korea", "reported");
	EXPECT("North Korea will cooperate with Russia on space technology.", "COOPERATE", "North Korea", "Russia", "planned");
	EXPECT("North Korea supplied artillery shells to Russia last year.", "ARMS_TRANSFER", "North Korea", "Russia", "reported");
	EXPECT("Russia bought attack drones from Iran.", "ARMS_TRANSFER", "Iran", "Russia", "reported");
	EXPECT("North Korea dispatched troops to the Kursk region.", "DEPLOY", "North Korea", "Kursk Oblast", "reported");
	EXPECT("North Korea launched a ballistic missile into the sea.", "LAUNCH", "North Korea", NULL, "reported");
	EXPECT("North Korea carried out a test of a cruise missile on Sunday.", "LAUNCH", "North Korea", NULL, "reported");
	EXPECT("Officials said Iran could send up two more satellites.", "LAUNCH", "Iran", NULL, "speculated");
	EXPECT("Russia attacked Ukraine with North Korean missiles.", "ATTACK", "Russia", "Ukraine", "reported");
	EXPECT("Dozens of North Korean soldiers were killed in the fighting.", "CASUALTIES", "North Korea", NULL, "reported");
	EXPECT("The European Union imposed sanctions on North Korea.", "SANCTION", "European Union", "North Korea", "reported");
	EXPECT("South Korea accused Russia of hypocrisy.", "ACCUSE", "South Korea", "Russia", "reported");
	EXPECT("Dmitry Peskov denied the report.", "DENY", "Dmitry Peskov", NULL, "reported");
	EXPECT("Kim Jong Un warned the United States against provocations.", "WARN", "Kim Jong Un", "United States", "reported");
	EXPECT("Japan condemned North Korea for the test.", "CRITICIZE", "Japan", "North Korea", "reported");
	EXPECT("Kim Jong Un praised Russia for its support.", "PRAISE", "Kim Jong Un", "Russia", "reported");
	EXPECT("Russia vetoed the Security Council draft.", "VETO", "Russia", "United Nations Security Council", "reported");
	EXPECT("The Kremlin made a surprise announcement on Monday.", "ANNOUNCE", "Kremlin", NULL, "reported");
}

static void
test_statuses(void)
{
	EXPECT("Sergei Lavrov will visit North Korea next week.", "VISIT", "Sergei Lavrov", "North Korea", "planned");
	EXPECT("Vladimir Putin is expected to meet Kim Jong Un soon.", "MEET", "Vladimir Putin", "Kim Jong Un", "planned");
	EXPECT("Analysts suggest that North Korea may supply rockets to Russia.", "ARMS_TRANSFER", "North Korea", "Russia", "speculated");
	EXPECT("South Korea alleged that North Korea sent shells to Russia.", "ARMS_TRANSFER", "North Korea", "Russia", "alleged");
	EXPECT("Dmitry Peskov denied that Russia bought weapons from North Korea.", "ARMS_TRANSFER", "North Korea", "Russia", "denied");
	EXPECT("Kim Jong Un did not meet Vladimir Putin on that trip.", "MEET", "Kim Jong Un", "Vladimir Putin", "negated");
	EXPECT("A planned visit to Moscow by Kim Jong Un was called off.", "VISIT", "Kim Jong Un", "Russia", "cancelled");
}

static void
test_scope(void)
{
	nk_arena   *a = nk_arena_create();
	nk_event_list l;
	const nk_event *e;

	/* negation of one verb does not reach the next clause */
	l = run(a, "Kim Jong Un did not travel to Moscow, but Sergei Lavrov visited Pyongyang.");
	e = find(&l, "VISIT", "Kim Jong Un", NULL);
	CHECK(e != NULL && e->status == NK_STATUS_NEGATED);
	e = find(&l, "VISIT", "Sergei Lavrov", "North Korea");
	CHECK(e != NULL && e->status == NK_STATUS_REPORTED);
	/* a denial after a contrast does not deny what came before it */
	l = run(a, "Russia signed a treaty with North Korea, though Dmitry Peskov denied any arms deals.");
	e = find(&l, "AGREE", "Russia", "North Korea");
	CHECK(e != NULL && e->status == NK_STATUS_REPORTED);
	/* alleged by one side, denied by another: two rows */
	l = run(a, "South Korea claims North Korea shipped missiles to Russia. Dmitry Peskov denied that North Korea shipped missiles to Russia.");
	CHECK_INT_EQ(count_type(&l, "ARMS_TRANSFER"), 2);
	CHECK_INT_EQ(count_type(&l, "DENY"), 0);
	nk_arena_destroy(a);
	/* a relative clause between commas keeps its own status; the main clause's cue governs the main verb */
	EXPECT("Experts suggest that Kim Jong Un, who arrived in Vladivostok by train, may meet Vladimir Putin.", "ARRIVE",
		   "Kim Jong Un", "Vladivostok", "reported");
	EXPECT("Experts suggest that Kim Jong Un, who arrived in Vladivostok by train, may meet Vladimir Putin.", "MEET",
		   "Kim Jong Un", "Vladimir Putin", "speculated");
	/* a cue before another verb is that verb's, not a noun's after it; but one act told twice keeps it */
	EXPECT("Japan will condemn the North Korean deployment in Russia at the summit.", "DEPLOY", "North Korea", NULL,
		   "reported");
	{
		nk_arena   *a2 = nk_arena_create();
		nk_event_list l2 = run(a2, "Sergei Lavrov will sit down for formal talks with Choe Son Hui.");

		CHECK(l2.count == 1 && l2.items[0].type == nk_event_type_parse("MEET")
			  && l2.items[0].status == NK_STATUS_PLANNED);
		nk_arena_destroy(a2);
	}
	/* a future visit is planned */
	EXPECT("Kim Jong Un discussed a future visit to Russia with Sergei Lavrov.", "VISIT", "Kim Jong Un", "Russia",
		   "planned");
	/* conditionals give no row */
	EXPECT_NONE("If North Korea sold rockets to Russia, it would break the embargo.", "ARMS_TRANSFER");
	EXPECT_NONE("Sanctions would follow if Pyongyang shipped shells to Russia.", "ARMS_TRANSFER");
}

static void
test_arguments(void)
{
	nk_arena   *a = nk_arena_create();
	nk_event_list l;
	const nk_event *e;

	/* passive with "by" */
	EXPECT("Vladimir Putin was welcomed by Kim Jong Un at the airport.", "MEET", "Kim Jong Un", "Vladimir Putin", "reported");
	EXPECT("Invited by Kim Jong Un, Vladimir Putin arrived in Pyongyang.", "INVITE", "Kim Jong Un", "Vladimir Putin", "reported");
	/* apposition and relative clause */
	EXPECT("Sergei Lavrov, the Russian foreign minister, arrived in Pyongyang.", "ARRIVE", "Sergei Lavrov", "Pyongyang", "reported");
	EXPECT("Kim Jong Un, who arrived in Russia on an armored train, met Vladimir Putin.", "MEET", "Kim Jong Un", "Vladimir Putin", "reported");
	EXPECT("Kim Jong Un, who arrived in Russia on an armored train, met Vladimir Putin.", "ARRIVE", "Kim Jong Un", "Russia", "reported");
	/* coordination: a symmetric type takes both sides */
	EXPECT("Vladimir Putin and Kim Jong Un met for three hours.", "MEET", "Vladimir Putin", "Kim Jong Un", "reported");
	/* a demonym stands for its country; a city is never an actor */
	EXPECT("North Korean troops were deployed to Russia.", "DEPLOY", "North Korea", "Russia", "reported");
	l = run(a, "Vladivostok hosted the summit.");
	CHECK(find(&l, "MEET", "Vladivostok", NULL) == NULL);
	/* a pronoun takes the last person */
	EXPECT("Kim Jong Un left Pyongyang on Sunday. He arrived in Vladivostok on Tuesday.", "ARRIVE", "Kim Jong Un", "Vladivostok", "reported");
	/* repeated mentions merge */
	l = run(a, "Sergei Lavrov visited North Korea. Sergei Lavrov visited North Korea again, KCNA said.");
	CHECK_INT_EQ(count_type(&l, "VISIT"), 1);
	/* source */
	l = run(a, "Vladimir Putin will visit North Korea, the Kremlin said.");
	e = find(&l, "VISIT", "Vladimir Putin", "North Korea");
	CHECK(e != NULL && eq(e->source, "Kremlin"));
	l = run(a, "According to KCNA, Kim Jong Un met Sergei Lavrov.");
	e = find(&l, "MEET", "Kim Jong Un", "Sergei Lavrov");
	CHECK(e != NULL && eq(e->source, "Korean Central News Agency"));
	/* date from the clause */
	l = run(a, "Sergei Lavrov arrived in Pyongyang on 12 June 2024.");
	e = find(&l, "ARRIVE", "Sergei Lavrov", "Pyongyang");
	CHECK(e != NULL && e->has_date);
	l = run(a, "Sergei Lavrov arrived in Pyongyang.");
	e = find(&l, "ARRIVE", "Sergei Lavrov", "Pyongyang");
	CHECK(e != NULL && !e->has_date);
	/* a row needs an actor or a target */
	EXPECT_NONE("The delegation visited the exhibition.", "VISIT");
	nk_arena_destroy(a);
}

static void
test_items(void)
{
	nk_arena   *a = nk_arena_create();
	nk_event_list l;
	const nk_event *e;

	l = run(a, "North Korea sent five rocket launchers, a radar and two tanks to Russia.");
	e = find(&l, "ARMS_TRANSFER", "North Korea", "Russia");
	CHECK(e != NULL);
	if (e)
	{
		CHECK_INT_EQ(e->n_items, 3);
		CHECK(e->has_quantity && e->quantity == 5);
	}
	l = run(a, "North Korea sent 11,000 troops to Russia.");
	e = find(&l, "DEPLOY", "North Korea", "Russia");
	CHECK(e != NULL && e->has_quantity && e->quantity == 11000);
	l = run(a, "North Korea sent about 10,000 to 12,000 troops to Russia.");
	e = find(&l, "DEPLOY", "North Korea", "Russia");
	CHECK(e != NULL && e->has_quantity && e->quantity == 10000 && e->has_quantity_max && e->quantity_max == 12000);
	l = run(a, "North Korea shipped up to 3 million shells to Russia.");
	e = find(&l, "ARMS_TRANSFER", "North Korea", "Russia");
	CHECK(e != NULL && !e->has_quantity && e->has_quantity_max && e->quantity_max == 3000000);
	l = run(a, "North Korea sent 15-hundred soldiers to Russia.");
	e = find(&l, "DEPLOY", "North Korea", "Russia");
	CHECK(e != NULL && e->has_quantity && e->quantity == 1500);
	nk_arena_destroy(a);
}

/* the row of that symmetric type between a and b, either way round */
static void
expect_pair_at(int line, const char *text, const char *type, const char *a, const char *b)
{
	nk_arena   *ar = nk_arena_create();
	nk_event_list l = run(ar, text);

	CHECK(find(&l, type, a, b) != NULL || find(&l, type, b, a) != NULL);
	if (find(&l, type, a, b) == NULL && find(&l, type, b, a) == NULL)
		fprintf(stderr, "  line %d: no %s %s <-> %s in: %s\n", line, type, a, b, text);
	nk_arena_destroy(ar);
}

#define EXPECT_PAIR(text, type, a, b) expect_pair_at(__LINE__, text, type, a, b)

/* subjects, possessors and addressees the trigger's own slots do not give */
static void
test_argument_rules(void)
{
	/* a name right before the verb is its subject, even after another verb */
	EXPECT("Officials said Britain had found North Korea secretly supplied shells to Russia.",
		   "ARMS_TRANSFER", "North Korea", "Russia", "reported");
	/* a time expression before a name is no preposition of the name */
	EXPECT("In 2019 Vladimir Putin held a meeting with Kim Jong Un.", "MEET", "Vladimir Putin", "Kim Jong Un", "reported");
	/* a noun in a prepositional phrase: not the clause subject's act, and no row without an actor */
	EXPECT_NONE("Japan condemned the plant over what it does for the fighting in Ukraine.", "ATTACK");
	EXPECT("Sergei Lavrov arrived in Pyongyang on a two-day visit.", "VISIT", "Sergei Lavrov", "North Korea", "reported");
	/* "its": the nearest country or body before it */
	EXPECT("Russia pressed on with its offensive in Ukraine.", "ATTACK", "Russia", "Ukraine", "reported");
	/* a name between a preposition and a trigger word makes it a noun: the name is the possessor */
	EXPECT("Russia opposed the monitoring of EU sanctions on North Korea.", "SANCTION", "European Union",
		   "North Korea", "reported");
	/* help in doing something: the one helped does it */
	EXPECT("Officials said Russia gave Iran technical assistance in successfully launching a satellite.", "LAUNCH",
		   "Iran", NULL, "reported");
	/* a name after a bare comma that no list goes on from is no conjunct */
	{
		nk_arena   *a = nk_arena_create();
		nk_event_list l = run(a, "Asked whether Russia would attack Ukraine, Dmitry Peskov referred reporters elsewhere.");

		CHECK(find(&l, "ATTACK", "Russia", "Dmitry Peskov") == NULL);
		l = run(a, "Kim Jong Un met Vladimir Putin, Sergei Lavrov and Dmitry Peskov.");
		CHECK(find(&l, "MEET", "Kim Jong Un", "Sergei Lavrov") != NULL);
		CHECK(find(&l, "MEET", "Kim Jong Un", "Dmitry Peskov") != NULL);
		nk_arena_destroy(a);
	}
	/* a transfer "between" two sides tells no direction, and is no act of the clause's subject */
	EXPECT_NONE("The United States punished firms for their part in helping arrange arms transfers between Russia and "
				"Iran, including drones.", "ARMS_TRANSFER");
	/* a noun after a conjunction has none of the names before it as its actor */
	EXPECT_NONE("Japan and South Korea fought for years, yet the armistice agreement still holds.", "AGREE");
	/* a word after a determiner and modifiers is a noun ("a bulky and potentially explosive gift") */
	EXPECT("Kim Jong Un came bearing a bulky and potentially explosive gift for Vladimir Putin.", "GIFT", "Kim Jong Un",
		   "Vladimir Putin", "reported");
	/* a verb of giving is a gift only where the sentence speaks of gifts */
	EXPECT_NONE("Vladimir Putin gave Kim Jong Un a tour of the Vostochny Cosmodrome.", "GIFT");
	EXPECT("Vladimir Putin gave Kim Jong Un a rifle as a parting gift.", "GIFT", "Vladimir Putin", "Kim Jong Un", "reported");
	/* the name after a phrase's closing preposition fills that slot; the invitation a trip follows was made */
	EXPECT("Vladimir Putin will fly to Hanoi next week at the invitation of Kim Jong Un, the Kremlin said.", "INVITE",
		   "Kim Jong Un", "Vladimir Putin", "reported");
	/* an invitation opening the sentence: the invitee is the main clause's subject, past its title */
	EXPECT("At the invitation of Vladimir Putin, the leader of North Korea, Kim Jong Un, will travel to Vladivostok.",
		   "INVITE", "Vladimir Putin", "Kim Jong Un", "reported");
	/* "of" past another noun belongs to that noun: no visit of the inviter's */
	{
		nk_arena   *a = nk_arena_create();
		nk_event_list l = run(a, "Sergei Lavrov arrived in Pyongyang for a working visit at the invitation of Choe Son "
							  "Hui.");

		CHECK(find(&l, "VISIT", "Sergei Lavrov", "North Korea") != NULL);
		CHECK(find(&l, "VISIT", "Choe Son Hui", NULL) == NULL);
		CHECK(find(&l, "INVITE", "Choe Son Hui", "Sergei Lavrov") != NULL);
		nk_arena_destroy(a);
	}
	/* a demonym inside a longer name ("the North Korean leader") is no name of its own */
	{
		nk_arena   *a = nk_arena_create();
		nk_event_list l = run(a, "Trade grew after the June summit between Vladimir Putin and Kim Jong Un, "
							  "the reclusive North Korean leader.");

		CHECK(find(&l, "MEET", "Vladimir Putin", "Kim Jong Un") != NULL);
		CHECK(find(&l, "MEET", "Vladimir Putin", "North Korea") == NULL);
		nk_arena_destroy(a);
	}
	/* the name inside the phrase is its object, not the one after it */
	EXPECT("Kim Jong Un showed Russia's Foreign Minister Sergei Lavrov around North Korea's newest drones.", "MEET",
		   "Kim Jong Un", "Sergei Lavrov", "reported");
	/* military aid given is an arms transfer: the frame with more words of its own wins */
	EXPECT("Officials say North Korea has been giving Russia military aid.", "ARMS_TRANSFER", "North Korea", "Russia",
		   "reported");
	EXPECT_NONE("Officials say North Korea has been giving Russia military aid.", "COOPERATE");
	/* aid given is cooperation; the name inside the phrase is its object */
	EXPECT("Russia gave North Korea technical assistance for the launch.", "COOPERATE", "Russia", "North Korea", "reported");
	/* the addressee of a sanction outside its slots */
	EXPECT("The European Union placed Choe Son Hui on its sanctions list.", "SANCTION", "European Union", "Choe Son Hui", "reported");
	EXPECT("Washington's latest sanctions are directed at North Korean banks.", "SANCTION", "United States", "North Korea", "reported");
	EXPECT("New sanctions on North Korea were announced by the European Union.", "SANCTION", "European Union", "North Korea", "reported");
	/* the object of a relative clause is its antecedent */
	EXPECT("Japan sent aid to Ukraine, which Russia invaded in 2022.", "ATTACK", "Russia", "Ukraine", "reported");
	/* a judgement of an act told as its subject criticises who did it */
	EXPECT("North Korea launched a missile on Monday. Japan said the launch was a clear violation of the resolutions.",
		   "CRITICIZE", "Japan", "North Korea", "reported");
	/* who says a party breaks a rule accuses it; without a speaker, nobody does */
	EXPECT("Dmitry Peskov said that Ukraine violates the ceasefire rules.", "ACCUSE", "Dmitry Peskov", "Ukraine", "reported");
	EXPECT_NONE("Ukraine violated the ceasefire rules in May.", "ACCUSE");
	/* the speaker of a judgement is its critic */
	EXPECT("Dmitry Peskov said the launch was a provocation by Ukraine.", "CRITICIZE", "Dmitry Peskov", NULL, "reported");
	/* missiles fired at a country are an attack on it */
	EXPECT("Russian forces fired North Korean missiles at Ukrainian territory.", "ATTACK", "Russia", "Ukraine", "reported");
	EXPECT_NONE("Russian forces fired North Korean missiles at Ukrainian territory.", "LAUNCH");
	EXPECT("Russian troops fired several North Korean missiles over Ukraine.", "ATTACK", "Russia", "Ukraine", "reported");
	/* "the two countries", "between the two countries", "their": the article's two main countries */
	EXPECT_PAIR("Vladimir Putin visited Pyongyang. The two countries signed a treaty.", "AGREE", "Russia", "North Korea");
	EXPECT_PAIR("Kim Jong Un travelled to Russia. Cooperation between the two countries grew.", "COOPERATE",
				"North Korea", "Russia");
	EXPECT_PAIR("Kim Jong Un travelled to Russia. Their close ties have deepened since.", "COOPERATE",
				"North Korea", "Russia");
	/* "the two leaders": its two main people, of different countries */
	EXPECT_PAIR("Kim Jong Un travelled to Russia to see Vladimir Putin. The two leaders met on Wednesday.", "MEET",
				"Kim Jong Un", "Vladimir Putin");
	/* a place right before a name is no preposition's object of the name */
	EXPECT("Officials said that in Pyongyang Vladimir Putin will meet Kim Jong Un.", "MEET", "Vladimir Putin",
		   "Kim Jong Un", "planned");
	/* "eastern Russia" is Russia */
	EXPECT("North Korea sent about 10,000 troops to eastern Russia.", "DEPLOY", "North Korea", "Russia", "reported");
	/* a visit to a person is to the place or the person's country */
	EXPECT("Kim Jong Un will visit Vladimir Putin in Vladivostok.", "VISIT", "Kim Jong Un", "Russia", "planned");
	EXPECT("Kim Jong Un extended the invitation to Vladimir Putin.", "INVITE", "Kim Jong Un", "Vladimir Putin",
		   "reported");
	/* speculation confirmed is over */
	EXPECT("After weeks of speculation, the Kremlin confirmed that Kim Jong Un will visit Russia.", "VISIT",
		   "Kim Jong Un", "Russia", "planned");
	/* the subject of a gerund is the name right before it, or before "of" */
	EXPECT("The deal could result in Russia selling missiles to North Korea.", "ARMS_TRANSFER", "Russia", "North Korea",
		   "speculated");
	EXPECT("Japan accused Pyongyang of arming Moscow.", "ARMS_TRANSFER", "North Korea", "Russia", "alleged");
	EXPECT("The Kremlin said there was no proof of North Korea sending shells to Russia.", "ARMS_TRANSFER",
		   "North Korea", "Russia", "denied");
	EXPECT("Vladimir Putin's arrival in Pyongyang had been expected on Monday.", "ARRIVE", "Vladimir Putin",
		   "Pyongyang", "planned");
	/* "the North" is North Korea */
	EXPECT("Officials said the North had delivered shells to Russia.", "ARMS_TRANSFER", "North Korea", "Russia",
		   "reported");
	/* troops sent nowhere named by one of the article's two countries go to the other */
	EXPECT("Kim Jong Un travelled to Russia in September. Russia praised North Korea's troop deployment.", "DEPLOY",
		   "North Korea", "Russia", "reported");
	/* cooperation in a prepositional phrase is named, not begun, unless it grows */
	EXPECT_NONE("Officials noted the impact of the talks on bilateral cooperation between Russia and North Korea.",
				"COOPERATE");
	EXPECT("Japan criticised Moscow over its growing military cooperation with North Korea.", "COOPERATE", "Russia",
		   "North Korea", "reported");
	EXPECT("Russia and North Korea are moving to tighten their military ties.", "COOPERATE", "Russia", "North Korea",
		   "reported");
	/* a noun before a noun modifies it: no sanctions in "sanctions monitors" */
	EXPECT_NONE("The European Union sanctions committee of the Security Council met in Moscow.", "SANCTION");
	EXPECT_NONE("Security Council sanctions monitors reportedly said the debris came from North Korea.", "SANCTION");
	EXPECT("The European Union sanctions North Korean banks.", "SANCTION", "European Union", "North Korea", "reported");
	/* no row without its actor, but for attacks, casualties and gifts */
	EXPECT_NONE("Several delegations arrived in Pyongyang on Monday.", "ARRIVE");
	EXPECT_NONE("Crates of shells were later shipped on to Russia.", "ARMS_TRANSFER");
	EXPECT("A ballistic missile struck Ukraine overnight.", "ATTACK", NULL, "Ukraine", "reported");
	/* a modifier before a measure keeps it a noun: "fresh sanctions" */
	EXPECT("Japan announced fresh sanctions on North Korea.", "SANCTION", "Japan", "North Korea", "reported");
	EXPECT("Japan unveiled sweeping sanctions on North Korea.", "SANCTION", "Japan", "North Korea", "reported");
	/* a list of imposers: none is the addressee of another; "both countries" is the pair */
	{
		nk_arena   *a = nk_arena_create();
		nk_event_list l = run(a, "Japan, South Korea and the European Union announced coordinated sanctions.");

		CHECK(find(&l, "SANCTION", "Japan", "South Korea") == NULL);
		CHECK(find(&l, "SANCTION", "Japan", "European Union") == NULL);
		CHECK(find(&l, "SANCTION", "South Korea", "European Union") == NULL);
		nk_arena_destroy(a);
	}
	EXPECT("North Korea sent troops to Russia. Russia and North Korea signed a treaty. Japan, South Korea and the "
		   "European Union announced sanctions against both countries.", "SANCTION", "South Korea", "Russia",
		   "reported");
	/* "its" past a demonym used as an adjective */
	EXPECT("Japan added three North Korean firms to its sanctions list.", "SANCTION", "Japan", "North Korea",
		   "reported");
	/* a list of titled people, appositions inside it */
	EXPECT("Vladimir Putin will meet Kim Jong Un, Chairman Choe Son Hui and Sergei Lavrov.", "MEET", "Vladimir Putin",
		   "Choe Son Hui", "planned");
	EXPECT("Vladimir Putin will meet Kim Jong Un, First Vice Chairman of the Party, and Choe Son Hui.", "MEET",
		   "Vladimir Putin", "Choe Son Hui", "planned");
	/* "X, Russia's minister": a possessor after a comma is no conjunct */
	{
		nk_arena   *a = nk_arena_create();
		nk_event_list l = run(a, "Kim Jong Un met Sergei Lavrov, Russia's foreign minister.");

		CHECK(find(&l, "MEET", "Kim Jong Un", "Sergei Lavrov") != NULL);
		CHECK(find(&l, "MEET", "Kim Jong Un", "Russia") == NULL);
		nk_arena_destroy(a);
	}
	/* a name is one word of a phrase's gap */
	EXPECT("Kim Jong Un took Foreign Minister Sergei Lavrov around the fair.", "MEET", "Kim Jong Un",
		   "Sergei Lavrov", "reported");
	EXPECT_NONE("Russia gave North Korea technology to help it launch satellites.", "COOPERATE");
	/* a launch without its launcher in an article of no attacks: its main country's */
	EXPECT("North Korea is preparing a new satellite, Kim Jong Un told Russia. North Korea said the rocket was "
		   "launched at dawn.", "LAUNCH", "North Korea", NULL, "reported");
	EXPECT_NONE("Russia fired missiles at Ukraine. North Korea said the rocket was launched at dawn.", "LAUNCH");
	/* "his" is the clause subject's before the last person's */
	EXPECT("Kim Jong Un extended the invitation to Vladimir Putin during his trip to Russia.", "VISIT", "Kim Jong Un",
		   "Russia", "reported");
	/* a demonym and a title before a name in a list: "Kim and Russian President Putin" */
	EXPECT("Kim Jong Un and Russian President Vladimir Putin met in Vladivostok.", "MEET", "Kim Jong Un",
		   "Vladimir Putin", "reported");
	{
		nk_arena   *a = nk_arena_create();
		nk_event_list l = run(a, "Invited by the North Korean leader Kim Jong Un, the Russian President "
							  "Vladimir Putin landed in Pyongyang on Wednesday.");

		CHECK(find(&l, "INVITE", "Kim Jong Un", "Vladimir Putin") != NULL);
		CHECK(find(&l, "INVITE", "Russia", NULL) == NULL);
		nk_arena_destroy(a);
	}
	/* a warning or a concern "that" a party acts is addressed to that party */
	EXPECT("Japan warned in a statement that Russia could buy more shells abroad.", "WARN", "Japan", "Russia",
		   "reported");
	EXPECT("South Korea is concerned that the Russian navy may ship missiles.", "CRITICIZE", "South Korea", "Russia",
		   "reported");
	/* "its" is not a name's in a prepositional phrase before it */
	EXPECT("Russia could buy shells from North Korea to continue its offensive in Ukraine.", "ATTACK", "Russia",
		   "Ukraine", "reported");
	/* the subject of a verb after an apposition is the name before it */
	EXPECT("Sergei Lavrov, the Russian foreign minister, warned that Japan would pay a price.", "WARN",
		   "Sergei Lavrov", "Japan", "reported");
	/* a possessor, a title and a name are one word of a gap */
	EXPECT("Kim Jong Un showed Russia's Foreign Minister Sergei Lavrov around the fair.", "MEET", "Kim Jong Un",
		   "Sergei Lavrov", "reported");
	/* named parties of talks before "between the two countries" */
	EXPECT_PAIR("Kim Jong Un travelled to Russia. Sergei Lavrov and Choe Son Hui held talks on ties between the two "
				"countries.", "MEET", "Sergei Lavrov", "Choe Son Hui");
	EXPECT("Kim Jong Un made his way to Russia by train.", "VISIT", "Kim Jong Un", "Russia", "reported");
	/* "him" after a verb: the last person named before it but its subject */
	EXPECT("Vladimir Putin will go to Pyongyang. Kim Jong Un invited him in September.", "INVITE", "Kim Jong Un",
		   "Vladimir Putin", "reported");
	/* "his" within its clause: not a possessor's before a colon */
	EXPECT("Vladimir Putin's trip was overdue: Kim Jong Un had invited him during his own trip to Russia.", "VISIT",
		   "Kim Jong Un", "Russia", "reported");
	/* a participle after a comma: the subject of its clause, not of a prepositional phrase or a list in one */
	EXPECT("South Korea voiced concern over the talks between Kim Jong Un and Vladimir Putin, warning that Russia "
		   "would pay a price.", "WARN", "South Korea", "Russia", "reported");
	EXPECT_NONE("The move followed a statement by Japan together with Iran and Ukraine, condemning the deal.",
				"CRITICIZE");
	/* who faces, watches or breaks a measure is no imposer */
	EXPECT_NONE("A panel of experts that monitored sanctions against North Korea was disbanded.", "SANCTION");
	EXPECT_NONE("Russia and North Korea both face sweeping sanctions.", "SANCTION");
	/* the possessor of what was launched is the launcher */
	EXPECT("Kim Jong Un travelled to Russia. Officials said Iran's new satellite, launched on Tuesday, reached orbit.",
		   "LAUNCH", "Iran", NULL, "reported");
	/* labelling an act a wrong criticises its actor */
	EXPECT("Japan labelled the Russian veto a cynical move.", "CRITICIZE", "Japan", "Russia", "reported");
	/* agreements made or not made, their parties unnamed: the article's two countries */
	EXPECT_PAIR("Kim Jong Un travelled to Russia. During the trip, agreements were made on closer ties.", "AGREE",
				"North Korea", "Russia");
	EXPECT("Kim Jong Un travelled to Russia. Officials in Moscow insisted that no agreements had been signed.", "AGREE", "Russia",
		   "North Korea", "negated");
	/* "he and Putin": the pronoun is the last person named */
	EXPECT_PAIR("Kim Jong Un travelled to Russia. There he and Vladimir Putin held talks.", "MEET", "Kim Jong Un",
				"Vladimir Putin");
	/* a weapon that lands strikes the place; a delegation that lands arrives */
	EXPECT("Debris from a rocket that landed in Ukraine was North Korean.", "ATTACK", NULL, "Ukraine", "reported");
	EXPECT("The Russian delegation landed in Pyongyang on Monday.", "ARRIVE", "Russia", "Pyongyang", "reported");
	/* "used them in an air attack on Ukraine": the subject's own attack */
	EXPECT("Russian troops used the missiles in an air attack against Ukraine.", "ATTACK", "Russia", "Ukraine",
		   "reported");
	/* a number word opens a noun phrase: "at six Ukrainian regions" */
	EXPECT("Russia fired 50 missiles at six Ukrainian regions.", "ATTACK", "Russia", "Ukraine", "reported");
	/* a gerund phrase opening its clause: the subject after its comma */
	EXPECT("Officials said that by buying shells from North Korea, Russia broke the embargo.", "ARMS_TRANSFER",
		   "North Korea", "Russia", "reported");
	EXPECT("After travelling to Japan, Sergei Lavrov arrived in Pyongyang.", "VISIT", "Sergei Lavrov", "Japan",
		   "reported");
	/* no meeting, deal or visit between a party and its own country */
	{
		nk_arena   *a = nk_arena_create();
		nk_event_list l = run(a, "Kim Jong Un travelled to Russia. Vladimir Putin praised the partnership between "
							  "Moscow and the reclusive state.");

		CHECK(find(&l, "COOPERATE", "Vladimir Putin", "Russia") == NULL);
		nk_arena_destroy(a);
	}
	/* a verb with an infinitive after it has no object: no troops moved */
	EXPECT_NONE("Russia and North Korea are moving to reinforce military ties.", "DEPLOY");
}

/* The number of rows of that type, actor, target and status whose source is source. */
static int
count_denied_by(const char *text, const char *type, const char *actor, const char *target, const char *source)
{
	nk_arena   *a = nk_arena_create();
	nk_event_list l = run(a, text);
	int			t = nk_event_type_parse(type),
				n = 0;

	for (size_t i = 0; i < l.count; i++)
	{
		const nk_event *e = &l.items[i];

		n += e->type == t && eq(e->actor, actor) && eq(e->target, target) && e->status == NK_STATUS_DENIED
			&& (source == NULL || eq(e->source, source));
	}
	nk_arena_destroy(a);
	return n;
}

/* a denial of what the text told before denies that act */
static void
test_denials(void)
{
	/* a pronoun after the verb */
	CHECK_INT_EQ(count_denied_by("Ukraine says Iran shipped attack drones to Russia. Iran has denied this.",
								 "ARMS_TRANSFER", "Iran", "Russia", "Iran"), 1);
	EXPECT_NONE("Ukraine says Iran shipped attack drones to Russia. Iran has denied this.", "DENY");
	/* an allegation rejected, with nothing after it; the allegation stays */
	EXPECT("Japan accused North Korea of selling missiles to Russia. Pyongyang rejected the accusations.",
		   "ARMS_TRANSFER", "North Korea", "Russia", "alleged");
	CHECK_INT_EQ(count_denied_by("Japan accused North Korea of selling missiles to Russia. Pyongyang rejected the "
								 "accusations.", "ARMS_TRANSFER", "North Korea", "Russia", "North Korea"), 1);
	/* a demonstrative before the passive verb; the main clause's act, not the relative clause's */
	CHECK_INT_EQ(count_denied_by("Claims that North Korea sent shells to Russia, which invaded Ukraine, spread in May. "
								 "Such shipments were denied by the Kremlin.", "ARMS_TRANSFER", "North Korea",
								 "Russia", "Kremlin"), 1);
	/* two parties denying it in two sentences: two denials; one denial of two parties: one row */
	CHECK_INT_EQ(count_denied_by("Japan claims Iran sold drones to Russia. Iran has denied it. Russia also denied it.",
								 "ARMS_TRANSFER", "Iran", "Russia", NULL), 2);
	CHECK_INT_EQ(count_denied_by("Japan claims Iran sold drones to Russia. Iran and Russia have both denied it.",
								 "ARMS_TRANSFER", "Iran", "Russia", NULL), 1);
	/* rejecting what is no allegation is no denial */
	EXPECT_NONE("North Korea rejected the proposal for talks.", "DENY");
	/* "denied that ..." states what is denied: no act of an earlier sentence */
	CHECK_INT_EQ(count_denied_by("Japan claims Iran sold drones to Russia. Moscow denied that Ukraine had been "
								 "attacked with them.", "ARMS_TRANSFER", "Iran", "Russia", NULL), 0);
}

/* troops of a nation in another country's place were sent there */
static void
test_presence(void)
{
	EXPECT("Officials in Seoul say North Korean soldiers are now in the Kursk region.", "DEPLOY", "North Korea",
		   "Kursk Oblast", "reported");
	EXPECT("About 3,000 troops from North Korea are being trained in Vladivostok.", "DEPLOY", "North Korea",
		   "Vladivostok", "reported");
	EXPECT("Japan believes some troops from North Korea may already be in Russia.", "DEPLOY", "North Korea",
		   "Russia", "speculated");
	/* a nation's own troops at home, a conditional, troops of no nation */
	EXPECT_NONE("Russian soldiers were already in the Kursk region.", "DEPLOY");
	EXPECT_NONE("If North Korean troops were in Ukraine, the war would change.", "DEPLOY");
	EXPECT_NONE("The troops are in Vladivostok.", "DEPLOY");
	/* troops go to places, not to bodies */
	{
		nk_arena   *a = nk_arena_create();
		nk_event_list l = run(a, "North Korea sent troops to Russia, Dmitry Peskov told the Kremlin.");

		CHECK(find(&l, "DEPLOY", "North Korea", "Russia") != NULL);
		CHECK(find(&l, "DEPLOY", "North Korea", "Kremlin") == NULL);
		l = run(a, "Vladimir Putin said North Korea sent troops to the Kremlin guard.");
		CHECK(find(&l, "DEPLOY", "North Korea", "Kremlin") == NULL);
		nk_arena_destroy(a);
	}
	/* nor is a deployment to a nation's own region one */
	EXPECT_NONE("Russia moved more troops to the Kursk region.", "DEPLOY");
}

/* a visit the text gives no date begins the day its visitor arrived */
static void
test_dates(void)
{
	nk_arena   *a = nk_arena_create();
	nk_event_list l;
	const nk_event *arr,
			   *vis;

	l = run(a, "Sergei Lavrov arrived in Pyongyang on Wednesday. His trip to North Korea drew wide attention.");
	arr = find(&l, "ARRIVE", "Sergei Lavrov", "Pyongyang");
	vis = find(&l, "VISIT", "Sergei Lavrov", "North Korea");
	CHECK(arr != NULL && arr->has_date);
	CHECK(vis != NULL && vis->has_date);
	if (arr && vis && arr->has_date && vis->has_date)
		CHECK_INT_EQ(vis->date_from, arr->date_from);
	nk_arena_destroy(a);
}

/* a departure without the place left leaves the place visited */
static void
test_trips(void)
{
	EXPECT("Sergei Lavrov toured Japan for a week. He left on Friday with a new deal.", "DEPART", "Sergei Lavrov",
		   "Japan", "reported");
	/* a demonym of no country names no place gone to */
	EXPECT_NONE("Kim Jong Un visited the vast European nation and left with gifts.", "VISIT");
	/* accepting an invitation to a country: its invitation */
	EXPECT("Vladimir Putin has accepted an invitation to North Korea.", "INVITE", "North Korea", "Vladimir Putin",
		   "reported");
}

/* a past event is not the undated mention of the article's own time */
static void
test_past_events(void)
{
	nk_arena   *a = nk_arena_create();
	nk_event_list l;

	l = run(a, "Kim Jong Un greeted Vladimir Putin at the station. Kim Jong Un had first met Vladimir Putin in "
			"Vladivostok in April 2019. Vladimir Putin arrived in Pyongyang on Wednesday.");
	CHECK_INT_EQ(count_type(&l, "MEET"), 2);
	l = run(a, "Kim Jong Un greeted Vladimir Putin at the station. Kim Jong Un met Vladimir Putin again on Tuesday. "
			"Vladimir Putin arrived in Pyongyang on Wednesday.");
	CHECK_INT_EQ(count_type(&l, "MEET"), 1);
	nk_arena_destroy(a);
}

static void
test_robustness(void)
{
	static const char *const odd[] = {
		"", " ", ".", "visit", "Visited by by by", "Kim Jong Un and and and met",
		"If if if unless would could.", "North Korea sent 99999999999999999999999 shells to Russia.",
		"\xff\xfe invalid \xc3", "sent to to to to to to to to to to to to to to to to Russia",
	};

	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++)
	{
		nk_arena   *a = nk_arena_create();
		nk_event_list l = run(a, odd[i]);

		CHECK(l.count < 100);
		nk_arena_destroy(a);
	}
}

int
main(void)
{
	gaz = unit_gazetteer(test_gazetteer, test_lexicons);
	test_table();
	test_types();
	test_statuses();
	test_scope();
	test_arguments();
	test_items();
	test_argument_rules();
	test_denials();
	test_presence();
	test_dates();
	test_trips();
	test_past_events();
	test_robustness();
	nk_gazetteer_destroy(gaz);
	return unit_report();
}
