/*
 * nk_events.c
 *	  Events: trigger frames, argument slots, status, source, date, merging.
 *
 * The stage works sentence by sentence on the token array.  Per sentence:
 *
 *	1. cue matches (status cues, attribution verbs, conditionals, the word
 *	   classes arms and troops), from cues.tsv;
 *	2. trigger matches from triggers.tsv, longest first; a word that is both
 *	   a verb and a noun trigger ("visit", "supplies") is read as a noun after
 *	   a determiner or possessive, as a verb otherwise;
 *	3. for each trigger, its slots: the subject (scanning left), the object
 *	   and the prepositional slots (scanning right, within the clause), the
 *	   possessor; the passive swaps subject and object;
 *	4. rows from the slots the frame names for actor and target, with
 *	   status, source, date, place, items and quantity;
 *	5. DENY and ACCUSE rows that only carry the status of an event of
 *	   another type in their sentence are dropped.
 *
 * Finally rows are merged across the article (see nk_events.h).
 */
#include "nk_events.h"

#include <stdlib.h>
#include <string.h>

/* slots of a frame (triggers.tsv) */
typedef enum nk_slot
{
	NK_SLOT_END = 0,
	NK_SLOT_SUBJ,
	NK_SLOT_OBJ,
	NK_SLOT_POSS,
	NK_SLOT_TO,
	NK_SLOT_IN,
	NK_SLOT_AT,
	NK_SLOT_FROM,
	NK_SLOT_WITH,
	NK_SLOT_ON,
	NK_SLOT_AGAINST,
	NK_SLOT_INTO,
	NK_SLOT_OF,
	NK_SLOT_FOR,
	NK_SLOT_BETWEEN,
	NK_SLOT_BY,
	NK_SLOT_OVER,
	NK_SLOT_ABOUT,
	NK_SLOT_COUNT
} nk_slot;

/* preposition words of the prepositional slots, in nk_slot order from NK_SLOT_TO */
static const char *const slot_preps[] = {
	"to", "in", "at", "from", "with", "on", "against", "into", "of", "for", "between", "by", "over", "about"
};

typedef enum
{
	NK_POS_VERB, NK_POS_NOUN, NK_POS_FIXED
} nk_ev_pos;

typedef enum
{
	NK_NEED_NONE, NK_NEED_ARMS, NK_NEED_TROOPS, NK_NEED_GIFT, NK_NEED_CLAIM
} nk_ev_need;

typedef struct nk_ev_trigger
{
	const char *words[8];
	int			nwords;
	int			type;
	int			pos;
	int			needs;
	int			participle;
	uint8_t		actor[4];
	uint8_t		target[4];
	float		confidence;
} nk_ev_trigger;

typedef enum
{
	NK_CUE_STATUS, NK_CUE_ATTRIBUTION, NK_CUE_CONDITIONAL, NK_CUE_ARMS, NK_CUE_TROOPS, NK_CUE_GIFT
} nk_cue_kind;

typedef enum
{
	NK_SCOPE_NONE, NK_SCOPE_NEAR, NK_SCOPE_CLAUSE, NK_SCOPE_AFTER
} nk_cue_scope;

/* statuses in cues.tsv spelling */
#define NK_ST_REPORTED NK_STATUS_REPORTED
#define NK_ST_PLANNED NK_STATUS_PLANNED
#define NK_ST_SPECULATED NK_STATUS_SPECULATED
#define NK_ST_ALLEGED NK_STATUS_ALLEGED
#define NK_ST_DENIED NK_STATUS_DENIED
#define NK_ST_NEGATED NK_STATUS_NEGATED
#define NK_ST_CANCELLED NK_STATUS_CANCELLED

typedef struct nk_ev_cue
{
	const char *words[4];
	int			nwords;
	int			kind;
	int			status;
	int			scope;
} nk_ev_cue;

#include "nk_events_lexicon.h"

#define NTRIGGERS (sizeof(nk_ev_triggers) / sizeof(nk_ev_triggers[0]))
#define NCUES (sizeof(nk_ev_cues) / sizeof(nk_ev_cues[0]))

#define MAX_GAP 3
#define MAX_CONJ 6
#define NEAR_WINDOW 6
#define NEAR_WINDOW_NOUN 8
#define RIGHT_WINDOW 18
#define LEFT_WINDOW 35
/*
 * A "sentence" of more tokens than this is no prose (a table, a list run
 * together, junk) and gives no events; it bounds the work of one sentence,
 * whose triggers, cues and arguments are matched pairwise.  News sentences
 * stay far below it (the longest of the dev-set articles has 76 words).
 */
#define MAX_SENTENCE_TOKENS 400
#define MAX_ITEMS 8

#define CONF_BOTH 0.9f
#define CONF_ONE 0.75f
#define CONF_PRONOUN 0.85f
#define CONF_STATUS 0.9f

static const char *const status_names[NK_EVENT_STATUS_COUNT] = {
	"reported", "planned", "speculated", "alleged", "denied", "negated", "cancelled"
};

/* precedence when cues of several statuses hold: first wins */
static const nk_event_status status_order[] = {
	NK_STATUS_CANCELLED, NK_STATUS_DENIED, NK_STATUS_NEGATED, NK_STATUS_ALLEGED,
	NK_STATUS_SPECULATED, NK_STATUS_PLANNED
};

size_t
nk_event_type_count(void)
{
	return NK_EV_TYPE_COUNT;
}

const nk_event_type_info *
nk_event_type(int type)
{
	if (type < 0 || type >= NK_EV_TYPE_COUNT)
		return NULL;
	return &nk_ev_types[type];
}

int
nk_event_type_parse(const char *name)
{
	for (int i = 0; i < NK_EV_TYPE_COUNT; i++)
		if (strcmp(nk_ev_types[i].name, name) == 0)
			return i;
	return -1;
}

const char *
nk_event_status_name(nk_event_status status)
{
	if ((int) status < 0 || (int) status >= NK_EVENT_STATUS_COUNT)
		return "?";
	return status_names[status];
}

static bool
symmetric(int type)
{
	return type == NK_EV_MEET || type == NK_EV_NEGOTIATE || type == NK_EV_AGREE || type == NK_EV_COOPERATE;
}

/* ---------------------------------------------------------------- context */

/* what the stage knows of an entity mention */
typedef struct ment
{
	const char *name;			/* as an argument: a demonym's country */
	const char *label;
	bool		agent;			/* may act */
	bool		place;
	bool		person;
	bool		product;
	bool		norp;			/* a demonym: an adjective before a noun */
	const char *country;		/* a place's country (itself for a country), or NULL */
	const char *country_label;
} ment;

typedef struct cue_hit
{
	size_t		first;
	size_t		last;
	const nk_ev_cue *cue;
} cue_hit;

typedef struct ctx
{
	nk_arena   *arena;
	const nk_doc *doc;
	const nk_gazetteer *g;
	const nk_entity_list *ents;
	const nk_date_list *dates;
	const nk_token *tok;
	size_t		ntok;
	int32_t    *owner;			/* per token: entity mention, or -1 */
	ment	   *ments;
	uint8_t    *verb;			/* per token: part of a verb trigger: its type + 1, else 0 */
	uint8_t    *in_date;		/* per token: inside a time expression */
	const struct wc_entry **tw;	/* per token: its word-class entry, or NULL */
	size_t	   *date_tok;		/* per date mention: first token */
	int32_t		pair_country[2];	/* the article's two main countries: mentions, or -1 */
	int32_t		pair_person[2];	/* its two main people, of different countries */
	int32_t		the_north;		/* "the North": a mention of its own standing for North Korea, or -1 */
	size_t		s_first;		/* current sentence, tokens inclusive */
	size_t		s_last;
	NK_VEC(cue_hit) cues;
} ctx;

/* an argument: entity mentions (conjuncts) */
typedef struct arg
{
	int32_t		m[MAX_CONJ];
	int			n;
	bool		pronoun;
} arg;

static const char *
fold(const ctx *c, size_t i)
{
	return c->tok[i].fold;
}

static bool
is(const ctx *c, size_t i, const char *w)
{
	return c->tok[i].fold[0] == w[0] && strcmp(c->tok[i].fold, w) == 0;
}

static bool
is_word(const ctx *c, size_t i)
{
	return c->tok[i].kind == NK_TOKEN_WORD;
}

/* Whether token j is one of the words of list. */
static bool
in_list(const ctx *c, size_t j, const char *const *list)
{
	for (; *list; list++)
		if (is(c, j, *list))
			return true;
	return false;
}

static const char *const determiners[] = {
	"the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those",
	"such", "any", "another", "some", "first", "second", "third", "last", "latest", "recent",
	"new", "further", "more", "planned", "upcoming", "official", "state", "historic", "rare",
	"two-day", "formal", "working", "possible", "potential", "previous", "earlier", "subsequent",
	"high-profile", "secret", "surprise",
	/* modifiers of a measure ("fresh sanctions", "sweeping export controls") */
	"fresh", "newest", "additional", "sweeping", "tough", "tougher", "tighter", "broader", "punitive",
	"unilateral", "targeted", "harsh", "harsher", "stiff", "crippling", "severe", "wide-ranging",
	"renewed", "expanded", "economic", "financial", "secondary", "coordinated", "separate", "similar", NULL
};

static const char *const prepositions[] = {
	"in", "to", "from", "at", "of", "with", "for", "on", "by", "between", "into", "near", "across",
	"during", "after", "before", "since", "over", "about", "against", "under", "toward", "towards",
	"through", "among", "including", "via", "like", "amid", "than", "without", "within", "outside",
	"beyond", "around", "behind", "alongside", "upon", "despite", "except", "onto", "throughout",
	"unlike", "per", "aboard", NULL
};

static const char *const be_forms[] = {
	"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting", "'s", NULL
};

static const char *const adverbs[] = {
	"also", "already", "reportedly", "allegedly", "recently", "just", "yet", "still", "even",
	"officially", "formally", "first", "then", "later", "previously", "once", "again", "now",
	"being", "been", "not", "never", "apparently", "secretly", "quietly", "personally", "warmly",
	"finally", "successfully", "jointly", "eventually", "soon", "earlier", "subsequently", "both", NULL
};

static const char *const auxiliaries[] = {
	"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "will", "would",
	"could", "may", "might", "shall", "should", "can", "must", "did", "does", "do", "to", "not", "n't",
	"'s", "expected", "set", "due", "going", "plans", "planned", "plan", "wants", "hopes", "intends",
	"agreed", "promised", "pledged", "vowed", "decided", "began", "started", "continued", "allegedly",
	"reportedly", "also", "has", "then", NULL
};

/* words that open a contrasting clause */
static const char *const contrast_words[] = {
	"but", "though", "although", "while", "whereas", "yet", "however", NULL
};

/* prepositions that also open a clause ("since Kim visited Russia") */
static const char *const conj_preps[] = {
	"since", "after", "before", "until", "as", "like", NULL
};

/* words that end a clause for the argument scans */
static const char *const clause_words[] = {
	"which", "who", "whom", "whose", "while", "whereas", "but", "because", "although", "though",
	"when", "where", "after", "before", "since", "until", "unless", "if", "as", "amid", "once",
	"so", "yet", NULL
};

static const char *const pair_country_nouns[] = {
	"countries", "nations", "sides", "states", "governments", "regimes", "neighbors", "neighbours",
	"allies", "capitals", "parties", NULL
};

static const char *const pair_person_nouns[] = {
	"leaders", "men", "heads", "presidents", "pair", "duo", NULL
};

/* common verb forms without a regular ending, which follow a noun as its verb ("the trip took place") */
static const char *const plain_verbs[] = {
	"take", "takes", "took", "come", "comes", "came", "go", "goes", "went", "make", "makes", "made", "begin",
	"begins", "began", "give", "gives", "gave", "see", "sees", "saw", "show", "shows", "remain", "remains",
	"continue", "continues", "seem", "seems", "appear", "appears", "mark", "marks", "follow", "follows",
	"include", "includes", "hit", "hits", "target", "targets", "cover", "covers", "aim", "aims", "mean",
	"means", "put", "puts", "set", "sets", "run", "runs", "lead", "leads", "led", "left", "bring", "brings",
	"brought", "draw", "draws", "drew", "signal", "signals", "underscore", "underscores", "highlight",
	"highlights", "raise", "raises", "need", "needs", "got", "kept", "keep", "keeps", NULL
};

/* adjectives of a region before a place name ("eastern Russia", "the far east") */
static const char *const place_adjectives[] = {
	"eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
	"southeastern", "southwestern", "far", "neighbouring", "neighboring", NULL
};

static const char *const item_stop[] = {
	"the", "a", "an", "some", "about", "around", "nearly", "approximately", "roughly", "over", "more",
	"than", "up", "its", "their", "his", "her", "also", "reportedly", "allegedly", "including", "as", NULL
};

/* ---------------------------------------------------------------- word classes */

/*
 * The word lists above, the trigger and cue entries by first word: one hash
 * of folded words, built once per process, looked up once per token of a
 * document (ctx.tw) instead of a search of every list at every test.
 */
enum
{
	WC_DETERMINERS = 1 << 0,
	WC_PREPOSITIONS = 1 << 1,
	WC_BE_FORMS = 1 << 2,
	WC_ADVERBS = 1 << 3,
	WC_AUXILIARIES = 1 << 4,
	WC_CONJ_PREPS = 1 << 5,
	WC_CLAUSE_WORDS = 1 << 6,
	WC_PAIR_COUNTRY_NOUNS = 1 << 7,
	WC_PAIR_PERSON_NOUNS = 1 << 8,
	WC_CONTRAST_WORDS = 1 << 9,
	WC_ITEM_STOP = 1 << 10,
	WC_PLACE_ADJECTIVES = 1 << 11,
	WC_PLAIN_VERBS = 1 << 12,
};

typedef struct wc_entry
{
	const char *w;				/* NULL: a free slot */
	uint16_t	len;			/* strlen(w) */
	uint16_t	mask;			/* WC_* classes of the word */
	uint16_t	trig_lo;		/* nk_ev_triggers entries with this first word */
	uint16_t	trig_n;
	uint16_t	cue_lo;			/* nk_ev_cues entries with this first word */
	uint16_t	cue_n;
} wc_entry;

#define WC_SIZE 4096			/* a power of two, over twice the distinct words */

static wc_entry wc_table[WC_SIZE];
static bool wc_ready;

/* The entry of the len bytes at w; a new one if insert (w must then stay). */
static wc_entry *
wc_find_bytes(const char *w, size_t len, bool insert)
{
	for (uint32_t i = nk_hash_bytes(w, len) & (WC_SIZE - 1);; i = (i + 1) & (WC_SIZE - 1))
	{
		wc_entry   *e = &wc_table[i];

		if (e->w == NULL)
		{
			if (!insert || len > UINT16_MAX)
				return NULL;
			e->w = w;
			e->len = (uint16_t) len;
			return e;
		}
		if (e->len == len && memcmp(e->w, w, len) == 0)
			return e;
	}
}

static wc_entry *
wc_find(const char *w, bool insert)
{
	return wc_find_bytes(w, strlen(w), insert);
}

static void
wc_add_list(const char *const *list, uint16_t mask)
{
	for (; *list; list++)
		wc_find(*list, true)->mask |= mask;
}

static void
wc_init(void)
{
	static const char *const *const lists[] = {
		determiners,
		prepositions,
		be_forms,
		adverbs,
		auxiliaries,
		conj_preps,
		clause_words,
		pair_country_nouns,
		pair_person_nouns,
		contrast_words,
		item_stop,
		place_adjectives,
		plain_verbs,
	};

	if (wc_ready)
		return;
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		wc_add_list(lists[i], (uint16_t) (1 << i));
	for (size_t k = 0; k < NTRIGGERS; k++)
	{
		wc_entry   *e = wc_find(nk_ev_triggers[k].words[0], true);

		if (e->trig_n == 0)
			e->trig_lo = (uint16_t) k;
		e->trig_n++;
	}
	for (size_t k = 0; k < NCUES; k++)
	{
		wc_entry   *e = wc_find(nk_ev_cues[k].words[0], true);

		if (e->cue_n == 0)
			e->cue_lo = (uint16_t) k;
		e->cue_n++;
	}
	wc_ready = true;
}

/* Whether token i is a word of the classes mask. */
static bool
in_class(const ctx *c, size_t i, uint16_t mask)
{
	return c->tw[i] != NULL && (c->tw[i]->mask & mask) != 0;
}

static bool
is_punct(const ctx *c, size_t i, char ch)
{
	return c->tok[i].kind == NK_TOKEN_PUNCT && c->tok[i].fold_len == 1 && c->tok[i].fold[0] == ch;
}

static bool
hard_boundary(const ctx *c, size_t i)
{
	return is_punct(c, i, ';') || is_punct(c, i, ':') || is_punct(c, i, '(') || is_punct(c, i, ')')
		|| is_punct(c, i, '.') || is_punct(c, i, '?') || is_punct(c, i, '!');
}

static bool
is_dash_token(const ctx *c, size_t i)
{
	return c->tok[i].kind == NK_TOKEN_PUNCT && c->tok[i].fold[0] == '-' && c->tok[i].fold_len == 1;
}

static bool
is_quote_token(const ctx *c, size_t i)
{
	return c->tok[i].kind == NK_TOKEN_PUNCT && (c->tok[i].fold[0] == '"' || c->tok[i].fold[0] == '\'')
		&& !(c->tok[i].flags & NK_TOKEN_POSSESSIVE);
}

/* ---------------------------------------------------------------- lexicon lookup */

static size_t m_last(const ctx *c, int32_t k);
static size_t title_end(const ctx *c, size_t i);
static bool followed_by_possessive(const ctx *c, int32_t k);

/*
 * The token after the word of a gap at token j: a name, with a possessor
 * and a title before it ("Russia's Defense Minister Sergei Shoigu"), counts
 * as one word.
 */
static size_t
gap_unit_end(const ctx *c, size_t j)
{
	size_t		t;

	if (c->owner[j] >= 0 && followed_by_possessive(c, c->owner[j]))
	{
		size_t		e = m_last(c, c->owner[j]) + 2;	/* past the "'s" */

		t = title_end(c, e);
		if (t <= c->s_last && c->owner[t] >= 0 && c->ments[c->owner[t]].person)
			return m_last(c, c->owner[t]) + 1;
		return m_last(c, c->owner[j]) + 1;
	}
	if (c->owner[j] >= 0)
		return m_last(c, c->owner[j]) + 1;
	t = title_end(c, j);
	if (t > j && t <= c->s_last && c->owner[t] >= 0 && c->ments[c->owner[t]].person)
		return m_last(c, c->owner[t]) + 1;
	return j + 1;
}

/*
 * Match words[k..] at token i (within the sentence); return the last token
 * matched, or -1.  "*" skips up to MAX_GAP words but "to", a name counting
 * as one ("showed Defense Minister Sergei Shoigu around").
 */
static long
match_words(const ctx *c, const char *const *words, int nwords, int k, size_t i)
{
	if (k == nwords)
		return (long) i - 1;
	if (strcmp(words[k], "*") == 0)
	{
		size_t		j = i;

		for (int gap = 0; gap <= MAX_GAP; gap++)
		{
			long		r;

			if (gap > 0)
			{
				/* "gave Kim technology to help it": an infinitive is no part of the gap */
				if (j > c->s_last || (!is_word(c, j) && c->owner[j] < 0) || (c->owner[j] < 0 && is(c, j, "to")))
					break;
				j = gap_unit_end(c, j);
			}
			r = match_words(c, words, nwords, k + 1, j);
			if (r >= 0)
				return r;
		}
		return -1;
	}
	if (i > c->s_last || strcmp(fold(c, i), words[k]) != 0)
		return -1;
	return match_words(c, words, nwords, k + 1, i + 1);
}

/* ---------------------------------------------------------------- entities */

static void
prepare_mentions(ctx *c)
{
	c->owner = nk_arena_alloc(c->arena, (c->ntok + 1) * sizeof(int32_t));
	for (size_t i = 0; i < c->ntok; i++)
		c->owner[i] = -1;
	/* three more: the article's two main countries (find_pairs) and "the North" */
	c->ments = nk_arena_zalloc(c->arena, (c->ents->count + 3) * sizeof(ment));
	for (size_t k = 0; k < c->ents->count; k++)
	{
		const nk_entity_mention *m = &c->ents->items[k];
		ment	   *e = &c->ments[k];
		const nk_gaz_entity *ge = m->gazetteer_id >= 0 ? nk_gazetteer_entity(c->g, m->gazetteer_id) : NULL;

		nk_interrupt_tick();
		for (size_t t = m->first_token; t <= m->last_token && t < c->ntok; t++)
		{
			const nk_entity_mention *o = c->owner[t] >= 0 ? &c->ents->items[c->owner[t]] : NULL;

			/* a name inside a longer one ("North Korean" of "the North Korean leader") is part of it */
			if (o && o->first_token <= m->first_token && o->last_token >= m->last_token
				&& o->last_token - o->first_token > m->last_token - m->first_token)
				continue;
			c->owner[t] = (int32_t) k;
		}
		e->name = m->entity;
		e->label = nk_label_name(m->label);
		e->norp = m->label == NK_LABEL_NORP;
		if (ge && (m->label == NK_LABEL_GPE || m->label == NK_LABEL_LOC || m->label == NK_LABEL_FAC))
		{
			int32_t		id = m->gazetteer_id;

			for (int depth = 0; depth < 8 && id >= 0; depth++)
			{
				const nk_gaz_entity *x = nk_gazetteer_entity(c->g, id);

				if (x == NULL)
					break;
				if (x->label == NK_LABEL_GPE && x->parent < 0)
				{
					e->country = x->canonical;
					e->country_label = nk_label_name(x->label);
					break;
				}
				id = x->parent;
			}
		}
		switch (m->label)
		{
			case NK_LABEL_PERSON:
				e->agent = e->person = true;
				break;
			case NK_LABEL_ORG:
				e->agent = true;
				break;
			case NK_LABEL_NORP:
				if (ge && ge->parent >= 0)
				{
					const nk_gaz_entity *p = nk_gazetteer_entity(c->g, ge->parent);

					if (p)
					{
						e->name = p->canonical;
						e->label = nk_label_name(p->label);
						e->agent = true;
					}
				}
				break;
			case NK_LABEL_GPE:
				e->place = true;
				/* a country (no containing place) acts; a city only as read by the entity layer */
				e->agent = ge == NULL || ge->parent < 0;
				break;
			case NK_LABEL_LOC:
			case NK_LABEL_FAC:
				e->place = true;
				break;
			case NK_LABEL_PRODUCT:
				e->product = true;
				break;
			default:
				break;
		}
	}
}

/*
 * "The North" of Korean news is North Korea: a mention of its own past the
 * entity layer's and the pair's, when the gazetteer knows the country.
 */
static void
prepare_the_north(ctx *c)
{
	ment	   *e = &c->ments[c->ents->count + 2];
	int32_t		id = nk_gazetteer_find(c->g, "North Korea", NK_LABEL_GPE);
	const nk_gaz_entity *x = id >= 0 ? nk_gazetteer_entity(c->g, id) : NULL;

	c->the_north = -1;
	if (x == NULL)
		return;
	e->name = e->country = x->canonical;
	e->label = e->country_label = "GPE";
	e->agent = e->place = true;
	c->the_north = (int32_t) (c->ents->count + 2);
}

/* Whether token j is "North" of "the North" (no name after it): the_north's. */
static bool
is_the_north(const ctx *c, size_t j)
{
	return c->the_north >= 0 && c->owner[j] < 0 && is(c, j, "north") && (c->tok[j].flags & NK_TOKEN_CAPITALIZED)
		&& j > c->s_first && is(c, j - 1, "the")
		&& !(j + 1 <= c->s_last && (c->tok[j + 1].flags & (NK_TOKEN_CAPITALIZED | NK_TOKEN_POSSESSIVE)));
}

/*
 * The two countries and the two people an article is mostly about, for "the
 * two countries", "the two leaders", "between them".  A country counts its
 * own mentions, its places', its demonyms' and its people's.
 */
static void
find_pairs(ctx *c)
{
	size_t		n = c->ents->count;
	int32_t    *first = nk_arena_alloc(c->arena, (n + 1) * sizeof(int32_t));	/* per mention: first of its country */
	int		   *votes = nk_arena_zalloc(c->arena, (n + 1) * sizeof(int));
	const char **country = nk_arena_zalloc(c->arena, (n + 1) * sizeof(char *));

	c->pair_country[0] = c->pair_country[1] = c->pair_person[0] = c->pair_person[1] = -1;
	for (size_t k = 0; k < n; k++)
	{
		const nk_entity_mention *m = &c->ents->items[k];
		const ment *e = &c->ments[k];

		first[k] = -1;
		if (e->country && strcmp(e->country, e->name) == 0)
			country[k] = e->country;
		else if (e->place && e->country)
			country[k] = e->country;
		else if (m->gazetteer_id >= 0 && (e->norp || e->person || e->agent))
		{
			const nk_gaz_entity *ge = nk_gazetteer_entity(c->g, m->gazetteer_id);
			const nk_gaz_entity *p = ge && ge->parent >= 0 ? nk_gazetteer_entity(c->g, ge->parent) : NULL;

			if (e->norp && e->label && strcmp(e->label, "GPE") == 0)
				country[k] = e->name;
			else if (p && p->label == NK_LABEL_GPE && p->parent < 0)
				country[k] = p->canonical;
		}
		if (country[k] == NULL)
			continue;
		for (size_t j = 0; j < k; j++)
			if (country[j] && strcmp(country[j], country[k]) == 0)
			{
				first[k] = first[j];
				break;
			}
		if (first[k] < 0)
			first[k] = (int32_t) k;
		votes[first[k]]++;
	}
	/* the two countries named most, as mentions of their own past the entity layer's */
	for (int r = 0; r < 2; r++)
	{
		int32_t		best = -1;
		ment	   *e = &c->ments[n + r];

		for (size_t k = 0; k < n; k++)
			if (votes[k] > 0 && first[k] == (int32_t) k && !(r == 1 && strcmp(country[k], c->ments[n].name) == 0)
				&& (best < 0 || votes[k] > votes[best]))
				best = (int32_t) k;
		if (best < 0)
		{
			c->pair_country[0] = c->pair_country[1] = -1;
			break;
		}
		e->name = e->country = country[best];
		e->label = e->country_label = "GPE";
		e->agent = e->place = true;
		c->pair_country[r] = (int32_t) (n + r);
	}
	/* the two people named most, of different countries */
	memset(votes, 0, (n + 1) * sizeof(int));
	for (size_t k = 0; k < n; k++)
	{
		if (!c->ments[k].person)
			continue;
		for (size_t j = 0; j <= k; j++)
			if (c->ments[j].person && strcmp(c->ments[j].name, c->ments[k].name) == 0)
			{
				votes[j]++;
				break;
			}
	}
	for (int r = 0; r < 2; r++)
	{
		int32_t		best = -1;

		for (size_t k = 0; k < n; k++)
			if (votes[k] > 0 && !(r == 1 && (c->pair_person[0] == (int32_t) k
											 || (country[k] && country[c->pair_person[0]]
												 && strcmp(country[k], country[c->pair_person[0]]) == 0)))
				&& (best < 0 || votes[k] > votes[best]))
				best = (int32_t) k;
		c->pair_person[r] = best;
	}
	if (c->pair_person[0] < 0 || c->pair_person[1] < 0)
		c->pair_person[0] = c->pair_person[1] = -1;
}

/*
 * Whether the words ending at token j name the article's pair ("the two
 * countries", "both leaders", "the pair"); sets *a and *start.
 */
static bool
pair_phrase_ending(const ctx *c, size_t j, arg *a, size_t *start)
{
	const int32_t *pair;
	size_t		s;

	if (!is_word(c, j))
		return false;
	if (in_class(c, j, WC_PAIR_COUNTRY_NOUNS))
		pair = c->pair_country;
	else if (in_class(c, j, WC_PAIR_PERSON_NOUNS))
		pair = c->pair_person;
	else
		return false;
	if (j > c->s_first && (is(c, j - 1, "two") || is(c, j - 1, "both")))
		s = j - 1;
	else if ((is(c, j, "pair") || is(c, j, "duo")) && j > c->s_first && is(c, j - 1, "the"))
		s = j - 1;
	else
		return false;
	if (s > c->s_first && is(c, s - 1, "the"))
		s--;
	if (pair[0] < 0)
		return false;
	a->m[0] = pair[0];
	a->m[1] = pair[1];
	a->n = 2;
	a->pronoun = true;
	*start = s;
	return true;
}

static bool number_word(const char *w);

/*
 * Step left from token i-1 over the words that may open a noun phrase
 * before a name (determiners, names, capitalised words, numbers,
 * possessives, hyphens); return the first token that is none of those, or
 * -1 at the sentence start.
 */
static long
np_left(const ctx *c, size_t i)
{
	long		j = (long) i - 1;
	int			steps = 0;

	while (j >= (long) c->s_first && steps < 6)
	{
		const nk_token *t = &c->tok[j];

		/* "In 2019 Putin ...": a time expression is no part of the name's phrase */
		if (c->in_date[j] && c->owner[j] < 0)
			return j;
		/* "in Hanoi Putin will meet": a place right before a person's name is no part of it */
		if (c->owner[j] >= 0 && j + 1 == i && c->owner[i] >= 0 && c->owner[i] != c->owner[j]
			&& c->ments[c->owner[i]].person && c->ments[c->owner[j]].place && !c->ments[c->owner[j]].norp)
			return j;
		if (c->owner[j] >= 0 || (t->flags & NK_TOKEN_POSSESSIVE) || is_dash_token(c, j) || is_quote_token(c, j)
			|| t->kind == NK_TOKEN_NUMBER || (t->kind == NK_TOKEN_WORD && number_word(t->fold))
			|| (t->kind == NK_TOKEN_WORD && in_class(c, j, WC_DETERMINERS | WC_PLACE_ADJECTIVES))
			|| (t->kind == NK_TOKEN_WORD && (t->flags & NK_TOKEN_CAPITALIZED) && !(t->flags & NK_TOKEN_SENT_START)
				&& !in_class(c, j, WC_PREPOSITIONS)))
		{
			j--;
			steps++;
			continue;
		}
		return j;
	}
	return j >= (long) c->s_first ? j : -1;
}

/* the mention ending at token i-... : mention k's token range */
/* (the pair's own mentions have no tokens: they read as the sentence's start) */
static size_t
m_first(const ctx *c, int32_t k)
{
	return (size_t) k < c->ents->count ? c->ents->items[k].first_token : c->s_first;
}

static size_t
m_last(const ctx *c, int32_t k)
{
	return (size_t) k < c->ents->count ? c->ents->items[k].last_token : c->s_first;
}

static bool
followed_by_possessive(const ctx *c, int32_t k)
{
	size_t		e = m_last(c, k) + 1;

	return e <= c->s_last && (c->tok[e].flags & NK_TOKEN_POSSESSIVE);
}

/* Whether token j looks like a verb (for "object of another verb"). */
static bool
verbish(const ctx *c, long j)
{
	const nk_token *t;

	if (j < 0)
		return false;
	t = &c->tok[j];
	if (c->verb[j])
		return true;
	if (t->kind != NK_TOKEN_WORD || (t->flags & NK_TOKEN_CAPITALIZED))
		return false;
	return t->fold_len > 4 && strcmp(t->fold + t->fold_len - 2, "ed") == 0 && strcmp(t->fold, "need") != 0;
}

/* Whether token j goes on with a list: a comma, "and", "or" or "&". */
static bool
list_goes_on(const ctx *c, size_t j)
{
	return j <= c->s_last && (is_punct(c, j, ',') || is(c, j, "and") || is(c, j, "or") || is(c, j, "&"));
}

/* Collect conjuncts to the right of mention k: "X and Y", "X, Y and Z", "X-Y". */
static void
conj_right(const ctx *c, int32_t k, arg *a)
{
	a->m[0] = k;
	a->n = 1;
	for (;;)
	{
		size_t		j = m_last(c, a->m[a->n - 1]) + 1;
		size_t		skip = 0;

		if (a->n >= MAX_CONJ || j > c->s_last)
			return;
		if (is(c, j, "and") || is_punct(c, j, ',') || is_dash_token(c, j) || is(c, j, "&"))
		{
			skip = 1;
			if (is_punct(c, j, ',') && j + 1 <= c->s_last && is(c, j + 1, "and"))
				skip = 2;
		}
		else
			return;
		/* "the" before the next name */
		if (j + skip <= c->s_last && is(c, j + skip, "the"))
			skip++;
		/* a list of people: "Trong, President To Lam, Pham, Prime Minister of the Government, and Tran" */
		if (c->ments[a->m[a->n - 1]].person)
		{
			size_t		q = title_end(c, j + skip);

			if (q > j + skip && q <= c->s_last && is_punct(c, q, ','))
			{
				/* an apposition of the last name: the list goes on after it */
				skip = q - j + 1;
				if (j + skip <= c->s_last && is(c, j + skip, "and"))
					skip++;
				q = title_end(c, j + skip);
			}
			if (q <= c->s_last && c->owner[q] >= 0 && m_first(c, c->owner[q]) == q && c->ments[c->owner[q]].person)
				skip = q - j;
		}
		if (j + skip > c->s_last || c->owner[j + skip] < 0 || m_first(c, c->owner[j + skip]) != j + skip)
			return;
		/* "Kim, North Korea's leader": a possessor after a comma opens an apposition */
		if (is_punct(c, j, ',') && followed_by_possessive(c, c->owner[j + skip]))
			return;
		/* "Kim and Russian President Putin": a demonym before a name is its adjective */
		if (c->ments[c->owner[j + skip]].norp)
		{
			size_t		q = m_last(c, c->owner[j + skip]) + 1;
			size_t		t = title_end(c, q);

			while (t <= c->s_last && t < q + 3 && c->owner[t] < 0 && is_word(c, t)
				   && !(c->tok[t].flags & NK_TOKEN_CAPITALIZED) && !in_class(c, t, WC_PREPOSITIONS)
				   && !is(c, t, "and") && !is(c, t, "or"))
				t++;
			if (t > q && t <= c->s_last && c->owner[t] >= 0 && m_first(c, c->owner[t]) == t)
			{
				a->m[a->n++] = c->owner[t];
				continue;
			}
			if (t > q && is_punct(c, j, ','))
				return;
		}
		/* "Ukraine, Peskov said": a name after a bare comma is in a list only when the list goes on */
		if (is_punct(c, j, ',') && skip == 1 && !list_goes_on(c, m_last(c, c->owner[j + skip]) + 1))
			return;
		a->m[a->n++] = c->owner[j + skip];
	}
}

/*
 * The token after a title phrase starting at token i ("President", "Prime
 * Minister of the Government"): capitalised words that are no names, with
 * "of" and "the" inside; i itself when there is none.
 */
static size_t
title_end(const ctx *c, size_t i)
{
	size_t		j = i;

	while (j <= c->s_last && j < i + 6 && c->owner[j] < 0 && is_word(c, j)
		   && (((c->tok[j].flags & NK_TOKEN_CAPITALIZED) && !in_class(c, j, WC_PREPOSITIONS)
				&& !is(c, j, "the") && !is(c, j, "a") && !is(c, j, "an"))
			   || (j > i && (is(c, j, "of") || is(c, j, "the")))))
		j++;
	while (j > i && (is(c, j - 1, "of") || is(c, j - 1, "the")))
		j--;
	return j;
}

static bool same_entity(const ctx *c, int32_t a, int32_t b);
static int32_t last_person(const ctx *c, size_t i);

/* Collect conjuncts to the left of mention k ("X and Y" with k = Y); the result reads left to right. */
static void
conj_left(const ctx *c, int32_t k, arg *a)
{
	int32_t		tmp[MAX_CONJ];
	int			n = 1;

	tmp[0] = k;
	for (;;)
	{
		long		j = (long) m_first(c, tmp[n - 1]) - 1;
		int32_t		prev;

		if (n >= MAX_CONJ || j <= (long) c->s_first)
			break;
		/* "Kim and Russian President Putin": over a title and a demonym */
		{
			long		q = j;
			int			w = 0;

			while (q > (long) c->s_first && w < 3 && c->owner[q] < 0 && is_word(c, q)
				   && (c->tok[q].flags & NK_TOKEN_CAPITALIZED) && !(c->tok[q].flags & NK_TOKEN_SENT_START)
				   && !in_class(c, q, WC_PREPOSITIONS | WC_DETERMINERS))
			{
				q--;
				w++;
			}
			if (q > (long) c->s_first && c->owner[q] >= 0 && c->ments[c->owner[q]].norp)
				q = (long) m_first(c, c->owner[q]) - 1;
			if (q > (long) c->s_first && q < j && (is(c, q, "and") || is_punct(c, q, ',')))
				j = q;
		}
		if (is(c, j, "the") && j - 1 > (long) c->s_first)
			j--;
		if (!(is(c, j, "and") || is_dash_token(c, j) || is_punct(c, j, ',')))
			break;
		if (is_punct(c, j, ',') && n == 1)
			break;				/* "X, Y" alone is an apposition, not a list */
		/* "he and Putin": the last person named before the pronoun */
		if (is(c, j, "and") && j - 1 >= (long) c->s_first && (is(c, j - 1, "he") || is(c, j - 1, "she")))
		{
			int32_t		p = last_person(c, (size_t) (j - 1));

			if (p >= 0 && !same_entity(c, p, tmp[0]))
				tmp[n++] = p;
			break;
		}
		j--;
		if (j >= (long) c->s_first && is_punct(c, j, ','))
			j--;
		if (j < (long) c->s_first || c->owner[j] < 0)
			break;
		prev = c->owner[j];
		if (followed_by_possessive(c, prev))
			break;
		tmp[n++] = prev;
	}
	a->n = 0;
	for (int i = n - 1; i >= 0; i--)
		a->m[a->n++] = tmp[i];
}

/* The last person named before token i (this or the three previous sentences). */
static int32_t
last_person(const ctx *c, size_t i)
{
	int32_t		s = c->tok[i].sentence;
	size_t		lo = 0,
				hi = c->ents->count;

	/* from the last mention that starts before i (the mentions are in text order) */
	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (c->ents->items[mid].first_token < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (long k = (long) lo - 1; k >= 0; k--)
	{
		const nk_entity_mention *m = &c->ents->items[k];

		if (m->last_token >= i)
			continue;
		if (m->sentence < s - 3)
			break;
		if (c->ments[k].person)
			return (int32_t) k;
	}
	return -1;
}

/*
 * The person "his" or "her" at token i stands for: the subject of its
 * clause, the first person named in the sentence before it outside a
 * prepositional phrase ("Kim handed the letter to Putin at the end of his
 * stay"), else the last person named before it.
 */
/*
 * The subject of the clause token i stands in: the first name of the clause
 * (after a colon, a semicolon or a dash before i, and past a dateline) that
 * is no possessor and stands in no prepositional phrase; a person when
 * person, else an agent.  -1 when there is none.
 */
static int32_t
clause_subject(const ctx *c, size_t i, bool person)
{
	size_t		from = c->s_first;

	for (size_t j = c->s_first; j < i; j++)
		if (is_punct(c, j, ':') || is_punct(c, j, ';') || is_dash_token(c, j))
			from = j + 1;
	for (size_t j = from; j < i; j++)
	{
		int32_t		k = c->owner[j];
		long		before;

		if (k < 0 || m_first(c, k) != j)
			continue;
		j = m_last(c, k);
		before = np_left(c, m_first(c, k));
		if (before >= 0 && is_word(c, before) && in_class(c, before, WC_PREPOSITIONS))
		{
			arg			list;

			/* the whole list is in the phrase: "together with Japan, Australia and New Zealand" */
			conj_right(c, k, &list);
			j = m_last(c, list.m[list.n - 1]);
			continue;
		}
		if (followed_by_possessive(c, k))
			continue;
		if (person ? c->ments[k].person : c->ments[k].agent && !c->ments[k].norp)
			return k;
	}
	return -1;
}

static int32_t
subject_person(const ctx *c, size_t i)
{
	int32_t		k = clause_subject(c, i, true);

	return k >= 0 ? k : last_person(c, i);
}

/*
 * The subject of a gerund at token t named right before it, even inside a
 * prepositional phrase: "result in Russia selling weapons", "no proof of
 * North Korea sending shells", "accused Pyongyang of arming Moscow".
 */
static bool
gerund_subject(const ctx *c, size_t t, arg *a)
{
	const nk_token *w = &c->tok[t];
	long		j = (long) t - 1;
	int32_t		k;

	if (w->fold_len < 5 || strcmp(w->fold + w->fold_len - 3, "ing") != 0 || j < (long) c->s_first)
		return false;
	/* "accused X of supplying": X, unless X is the accuser after "by" */
	if (is(c, j, "of") && j - 1 >= (long) c->s_first)
		j--;
	k = c->owner[j];
	if (k < 0 || m_last(c, k) != (size_t) j || !c->ments[k].agent || followed_by_possessive(c, k))
		return false;
	conj_left(c, k, a);
	if (j < (long) t - 1)
	{
		long		b = np_left(c, m_first(c, a->m[0]));

		if (b >= 0 && is(c, b, "by"))
		{
			a->n = 0;
			return false;
		}
	}
	return a->n > 0;
}

/*
 * The subject of a trigger starting at token t: scan left for the nearest
 * agent not inside a prepositional phrase, a possessive or another verb's
 * object.  any: accept any entity (the grammatical subject of a passive).
 */
/*
 * The subject of a verb at t after an apposition or a relative clause
 * between commas: "Ana Ortiz, a senior envoy of Chile, cautioned",
 * "Lavrov, Russia's foreign minister, dismissed": the name before the first
 * comma, when the part between the commas opens with a determiner, a
 * possessor, a title or "who".
 */
static void after_comma(const ctx *c, size_t e, arg *a);

static bool
apposition_subject(const ctx *c, size_t t, arg *a)
{
	long		j = (long) t - 1;
	long		open;
	int32_t		k;

	while (j > (long) c->s_first && is_word(c, j) && c->owner[j] < 0
		   && (in_class(c, j, WC_ADVERBS) || in_class(c, j, WC_AUXILIARIES)))
		j--;
	if (j <= (long) c->s_first || !is_punct(c, j, ','))
		return false;
	for (open = j - 1; open > (long) c->s_first && open > j - 12; open--)
		if (hard_boundary(c, open) || is_punct(c, open, ',') || (is_word(c, open) && is(c, open, "and")))
			break;
	if (open <= (long) c->s_first || !is_punct(c, open, ',') || open + 1 >= j)
		return false;
	k = c->owner[open - 1];
	if (k < 0 || !c->ments[k].person)
		return false;
	if (!(is(c, open + 1, "the") || is(c, open + 1, "a") || is(c, open + 1, "who")
		  || (c->owner[open + 1] >= 0 && followed_by_possessive(c, c->owner[open + 1]))
		  || (c->tok[open + 1].flags & NK_TOKEN_CAPITALIZED)))
		return false;
	a->m[0] = k;
	a->n = 1;
	return true;
}

static const char *const help_nouns[] = {"help", "assistance", "aid", "support", NULL};

/*
 * The subject of a gerund at t after help given to somebody: "gave North
 * Korea assistance in launching a satellite" -- the one helped, named right
 * before the word of help.
 */
static bool
helped_subject(const ctx *c, size_t t, arg *a)
{
	long		j = (long) t - 1;
	long		help;

	if (c->tok[t].fold_len < 5 || strcmp(c->tok[t].fold + c->tok[t].fold_len - 3, "ing") != 0)
		return false;
	while (j > (long) c->s_first && is_word(c, j) && in_class(c, j, WC_ADVERBS))
		j--;
	if (j - 2 < (long) c->s_first || !is(c, j, "in") || !in_list(c, j - 1, help_nouns))
		return false;
	help = j - 1;
	/* over up to three modifiers ("technical and financial") */
	for (j = help - 1; j >= (long) c->s_first && j + 4 > help && is_word(c, j) && c->owner[j] < 0
		 && !(c->tok[j].flags & NK_TOKEN_CAPITALIZED) && !in_class(c, j, WC_PREPOSITIONS | WC_AUXILIARIES | WC_PLAIN_VERBS);
		 j--)
		;
	if (j < (long) c->s_first || c->owner[j] < 0 || !c->ments[c->owner[j]].agent || followed_by_possessive(c, c->owner[j]))
		return false;
	conj_left(c, c->owner[j], a);
	return a->n > 0;
}

static void
find_subject(const ctx *c, size_t t, bool any, arg *a)
{
	long		j = (long) t - 1;
	int32_t		fallback = -1;
	int			steps = 0;
	bool		verb_trigger = c->verb[t] != 0;
	bool		only_aux = true;

	a->n = 0;
	a->pronoun = false;
	if (verb_trigger && !any && helped_subject(c, t, a))
		return;
	if (verb_trigger && !any && gerund_subject(c, t, a))
		return;
	if (verb_trigger && apposition_subject(c, t, a))
		return;
	/* "by acquiring missiles from X, Russia violates", "after travelling to Y, Lavrov arrived" */
	if (verb_trigger && !any && c->tok[t].fold_len > 4 && strcmp(c->tok[t].fold + c->tok[t].fold_len - 3, "ing") == 0
		&& t > c->s_first && is_word(c, t - 1) && (in_class(c, t - 1, WC_PREPOSITIONS) || is(c, t - 1, "while"))
		&& !is(c, t - 1, "of"))
	{
		long		b = (long) t - 2;

		/* the phrase opens its sentence, or a clause after "that" */
		if (b < (long) c->s_first || is(c, b, "that"))
		{
			after_comma(c, t, a);
			if (a->n > 0)
				return;
		}
	}
	/* "South Korea voiced concern over the summit, warning that ...": the clause's subject */
	if (verb_trigger && !any && t > c->s_first && is_punct(c, t - 1, ',') && c->tok[t].fold_len > 4
		&& strcmp(c->tok[t].fold + c->tok[t].fold_len - 3, "ing") == 0)
	{
		int32_t		k = clause_subject(c, t, false);

		if (k >= 0)
		{
			conj_right(c, k, a);
			return;
		}
	}
	while (j >= (long) c->s_first && steps++ < LEFT_WINDOW)
	{
		int32_t		k = c->owner[j];

		if (hard_boundary(c, j))
			break;
		if (k < 0 && !is_word(c, j))
			only_aux = false;
		if (k < 0)
		{
			const char *w = fold(c, j);
			size_t		ps;

			/* "the two countries", "both leaders" */
			if (!any && pair_phrase_ending(c, j, a, &ps))
			{
				long		b = (long) ps - 1;

				if (!(b >= (long) c->s_first && is_word(c, b) && in_class(c, b, WC_PREPOSITIONS)))
					return;
				a->n = 0;
				only_aux = false;
				j = b;
				continue;
			}
			/* "the North had delivered weapons" */
			if (!any && is_the_north(c, j) && !(j - 2 >= (long) c->s_first && is_word(c, j - 2)
												  && in_class(c, j - 2, WC_PREPOSITIONS)))
			{
				a->m[0] = c->the_north;
				a->n = 1;
				a->pronoun = true;
				return;
			}
			if (is_word(c, j) && (strcmp(w, "he") == 0 || strcmp(w, "she") == 0))
			{
				int32_t		p = last_person(c, j);

				if (p >= 0)
				{
					a->m[0] = p;
					a->n = 1;
					a->pronoun = true;
				}
				return;
			}
			if (is_word(c, j) && (strcmp(w, "they") == 0 || strcmp(w, "it") == 0 || strcmp(w, "we") == 0
								  || strcmp(w, "i") == 0))
				return;
			/* "the two leaders met": an unnamed subject right before the verb */
			if (verb_trigger && !any && is_word(c, j) && !(c->tok[j].flags & NK_TOKEN_CAPITALIZED) && only_aux
				&& !c->verb[j] && !verbish(c, j)
				&& !in_class(c, j, WC_ADVERBS) && !in_class(c, j, WC_AUXILIARIES) && !in_class(c, j, WC_PREPOSITIONS)
				&& !in_class(c, j, WC_DETERMINERS) && strcmp(w, "and") != 0 && strcmp(w, "who") != 0
				&& strcmp(w, "which") != 0 && strcmp(w, "that") != 0 && strcmp(w, "to") != 0
				&& (c->tok[j].fold_len < 3 || strcmp(w + c->tok[j].fold_len - 2, "ly") != 0))
			{
				/* "Russian forces fired": the demonym's country */
				if (j > (long) c->s_first && c->owner[j - 1] >= 0 && c->ments[c->owner[j - 1]].norp
					&& c->ments[c->owner[j - 1]].agent)
				{
					a->m[0] = c->owner[j - 1];
					a->n = 1;
				}
				return;
			}
			if (is_word(c, j) && !in_class(c, j, WC_ADVERBS) && !in_class(c, j, WC_AUXILIARIES))
				only_aux = false;
			if (is_word(c, j) && (strcmp(w, "said") == 0 || strcmp(w, "says") == 0 || strcmp(w, "told") == 0
								  || strcmp(w, "that") == 0 || strcmp(w, "according") == 0))
				break;
			/* "..., yet the agreement included": a noun's clause starts after a conjunction */
			if (!verb_trigger && is_word(c, j) && in_class(c, j, WC_CLAUSE_WORDS | WC_CONTRAST_WORDS))
				break;
			if (is_word(c, j) && (strcmp(w, "who") == 0 || strcmp(w, "which") == 0))
			{
				/* a relative clause: its antecedent is the name before ", who" */
				long		p = j - 1;

				if (p >= (long) c->s_first && is_punct(c, p, ','))
					p--;
				if (p >= (long) c->s_first && c->owner[p] >= 0 && (any || c->ments[c->owner[p]].agent))
				{
					a->m[0] = c->owner[p];
					a->n = 1;
					return;
				}
				break;
			}
			j--;
			continue;
		}
		/* a mention: test it as a whole */
		{
			long		before;
			bool		in_pp,
						object,
						poss = followed_by_possessive(c, k);
			bool		direct = true;

			conj_left(c, k, a);
			before = np_left(c, m_first(c, a->m[0]));
			for (size_t q = m_last(c, k) + 1; q < t; q++)
				if (!(is_word(c, q) && (in_class(c, q, WC_ADVERBS) || in_class(c, q, WC_AUXILIARIES))))
					direct = false;
			in_pp = before >= 0 && is_word(c, before) && in_class(c, before, WC_PREPOSITIONS)
				&& !(direct && in_class(c, before, WC_CONJ_PREPS));
			/* "had determined North Korea gave": a name right before the trigger is its subject */
			object = before >= 0 && verbish(c, before) && !direct;
			a->n = 0;
			/* "the Russian foreign minister": a demonym before a noun is an adjective */
			if (c->ments[k].norp && m_last(c, k) + 1 < t && is_word(c, m_last(c, k) + 1)
				&& !(c->tok[m_last(c, k) + 1].flags & NK_TOKEN_CAPITALIZED)
				&& !in_class(c, m_last(c, k) + 1, WC_AUXILIARIES) && !in_class(c, m_last(c, k) + 1, WC_ADVERBS))
			{
				if (fallback < 0 && !in_pp)
					fallback = k;
				only_aux = false;
				j = (long) m_first(c, k) - 1;
				continue;
			}
			if ((any || c->ments[k].agent) && !in_pp && !object && !poss)
			{
				conj_left(c, k, a);
				return;
			}
			if (fallback < 0 && poss && (any || c->ments[k].agent) && !in_pp)
				fallback = k;
			only_aux = false;
			j = (long) m_first(c, k) - 1;
		}
	}
	if (fallback >= 0)
	{
		a->m[0] = fallback;
		a->n = 1;
	}
}

/* right-hand slots of a trigger ending at token e */
typedef struct slots
{
	arg			s[NK_SLOT_COUNT];
	size_t		end;			/* last token the right scan reached */
} slots;

static int
prep_slot(const char *w)
{
	for (int i = 0; i < (int) (sizeof(slot_preps) / sizeof(slot_preps[0])); i++)
		if (strcmp(w, slot_preps[i]) == 0)
			return NK_SLOT_TO + i;
	return -1;
}

static void
scan_right(const ctx *c, size_t e, bool list, slots *sl)
{
	size_t		j = e + 1;
	int			steps = 0;
	bool		named = false;

	sl->end = e;
	while (j <= c->s_last && steps++ < RIGHT_WINDOW)
	{
		int32_t		k = c->owner[j];

		if (hard_boundary(c, j))
			break;
		if (k < 0)
		{
			if (is_word(c, j) && in_class(c, j, WC_CLAUSE_WORDS))
				break;
			/* "between them", "between the two countries" */
			if (is(c, j, "between") && sl->s[NK_SLOT_BETWEEN].n == 0 && j + 1 <= c->s_last)
			{
				arg			p;
				size_t		ps;

				if (is(c, j + 1, "them") && c->pair_country[0] >= 0)
				{
					sl->s[NK_SLOT_BETWEEN].m[0] = c->pair_country[0];
					sl->s[NK_SLOT_BETWEEN].m[1] = c->pair_country[1];
					sl->s[NK_SLOT_BETWEEN].n = 2;
				}
				for (size_t q = j + 1; q <= c->s_last && q <= j + 3; q++)
					if (pair_phrase_ending(c, q, &p, &ps) && ps == j + 1)
						sl->s[NK_SLOT_BETWEEN] = p;
			}
			/* "sanctions against both countries": the pair in a prepositional slot */
			{
				arg			p;
				size_t		ps;
				int			slot;

				if (pair_phrase_ending(c, j, &p, &ps) && ps > e + 1 && is_word(c, ps - 1)
					&& (slot = prep_slot(fold(c, ps - 1))) >= 0 && slot != NK_SLOT_BETWEEN && sl->s[slot].n == 0)
				{
					sl->s[slot] = p;
					named = true;
					sl->end = j;
				}
			}
			if (is_punct(c, j, ','))
			{
				/* a comma ends the clause unless a list goes on: of names, or of the items given */
				if (!(j + 1 <= c->s_last && c->owner[j + 1] >= 0 && j > e + 1 && c->owner[j - 1] >= 0)
					&& !(list && !named && j + 1 <= c->s_last && (c->tok[j + 1].kind == NK_TOKEN_NUMBER
																   || (is_word(c, j + 1) && !in_class(c, j + 1, WC_CLAUSE_WORDS)
																	   && !(c->tok[j + 1].flags & NK_TOKEN_CAPITALIZED)))))
					break;
			}
			j++;
			continue;
		}
		{
			long		before = np_left(c, m_first(c, k));
			int			slot;
			arg			a;

			/* a trigger ending in a preposition ("at the invitation of") gives the name after it that slot */
			if (before == (long) e && is_word(c, e) && prep_slot(fold(c, e)) >= 0)
				slot = prep_slot(fold(c, e));
			else if (before < (long) e + 1 && before <= (long) e)
				slot = NK_SLOT_OBJ;
			else if (before >= 0 && is_word(c, before) && (slot = prep_slot(fold(c, before))) >= 0)
				;
			else if (before >= 0 && verbish(c, before))
				slot = -1;		/* another verb's object */
			else
				slot = -1;
			if (before >= 0 && before > (long) e && is_word(c, before) && in_class(c, before, WC_PREPOSITIONS)
				&& prep_slot(fold(c, before)) < 0)
				slot = -1;
			/* "of" past another noun is that noun's ("a visit at the invitation of X") */
			if (slot == NK_SLOT_OF && before > (long) e + 1)
				slot = -1;
			/* "his Russian counterpart Vladimir Putin": the demonym is an adjective of the name after it */
			if (c->ments[k].norp && slot != 0)
			{
				size_t		q = m_last(c, k) + 1;

				for (; q <= c->s_last && q <= m_last(c, k) + 4; q++)
				{
					if (hard_boundary(c, q) || is_punct(c, q, ',') || (is_word(c, q) && (in_class(c, q, WC_PREPOSITIONS) || is(c, q, "and"))))
						break;
					if (c->owner[q] >= 0)
					{
						k = c->owner[q];
						break;
					}
				}
			}
			memset(&a, 0, sizeof(a));
			named = true;
			if (slot == NK_SLOT_BETWEEN)
			{
				conj_right(c, k, &a);
				if (sl->s[slot].n == 0)
					sl->s[slot] = a;
			}
			else if (slot > 0 && sl->s[slot].n == 0)
			{
				conj_right(c, k, &a);
				sl->s[slot] = a;
			}
			/* a possessive name belongs to the noun after it: go on */
			j = m_last(c, k) + 1;
			if (slot > 0 && sl->s[slot].n > 0)
				j = m_last(c, sl->s[slot].m[sl->s[slot].n - 1]) + 1;
			sl->end = j - 1;
		}
	}
	if (sl->end < j - 1)
		sl->end = j - 1;
}

/* ---------------------------------------------------------------- cues */

static void
find_cues(ctx *c)
{
	c->cues.count = 0;
	for (size_t i = c->s_first; i <= c->s_last; i++)
	{
		size_t		lo;

		if (!is_word(c, i))
			continue;
		if (c->tw[i] == NULL)
			continue;
		lo = c->tw[i]->cue_lo;
		for (size_t k = lo; k < lo + c->tw[i]->cue_n; k++)
		{
			long		last = match_words(c, nk_ev_cues[k].words, nk_ev_cues[k].nwords, 0, i);

			if (last >= 0)
			{
				cue_hit    *h = nk_vec_push(c->arena, &c->cues);

				h->first = i;
				h->last = (size_t) last;
				h->cue = &nk_ev_cues[k];
			}
		}
	}
}

static bool
has_class(const ctx *c, size_t from, size_t to, int kind)
{
	for (size_t k = 0; k < c->cues.count; k++)
	{
		const cue_hit *h = &c->cues.items[k];

		if ((int) h->cue->kind == kind && h->first >= from && h->first <= to)
			return true;
	}
	if (kind == NK_CUE_ARMS)
		for (size_t j = from; j <= to && j <= c->s_last; j++)
			if (c->owner[j] >= 0 && c->ments[c->owner[j]].product)
				return true;
	return false;
}

/* Whether a cue of an allegation ("claims", "accusation") starts in tokens from..to. */
static bool
allegation_between(const ctx *c, size_t from, size_t to)
{
	for (size_t k = 0; k < c->cues.count; k++)
	{
		const cue_hit *h = &c->cues.items[k];

		if (h->cue->kind == NK_CUE_STATUS && h->cue->status == NK_STATUS_ALLEGED && h->first >= from && h->first <= to)
			return true;
	}
	return false;
}

/* Whether a clause boundary lies between tokens a and b (exclusive). */
static bool
boundary_between(const ctx *c, size_t a, size_t b)
{
	for (size_t j = a + 1; j < b; j++)
		if (hard_boundary(c, j) || is_punct(c, j, ',') || (is_word(c, j) && in_class(c, j, WC_CLAUSE_WORDS))
			|| is(c, j, "and") || is(c, j, "but") || is(c, j, "that"))
			return true;
	return false;
}

static bool
semicolon_between(const ctx *c, size_t a, size_t b)
{
	for (size_t j = a + 1; j < b; j++)
		if (is_punct(c, j, ';'))
			return true;
	return false;
}

/* Whether token j is a contrast ("but", "though", "while") that opens a new clause. */
static bool
is_contrast(const ctx *c, size_t j)
{
	return is_word(c, j) && in_class(c, j, WC_CONTRAST_WORDS);
}

/* Whether "confirmed" (a verb of confirming) lies between tokens a and b. */
static bool
confirmed_between(const ctx *c, size_t a, size_t b)
{
	for (size_t j = a + 1; j < b; j++)
		if (is(c, j, "confirmed") || is(c, j, "confirms") || is(c, j, "confirm"))
			return true;
	return false;
}

/* the agent before token i in its clause (the speaker of a cue verb), or -1 */
static int32_t
speaker_before(const ctx *c, size_t i)
{
	arg			a;

	find_subject(c, i, false, &a);
	return a.n > 0 ? a.m[0] : -1;
}

typedef struct status_info
{
	nk_event_status status;
	int32_t		source;			/* mention of the denier or accuser, or -1 */
	bool		conditional;
	bool		claims;			/* the denial is of claims: an allegation exists */
	bool		modal;			/* would / could / might */
	bool		earlier;		/* a denial of what the text told before it ("denied this") */
	int			judged;			/* a judgement of the act named as its subject ("the launch was a
								 * violation"): that act's type + 1, else 0 */
} status_info;

/* The status of a trigger of the type at tokens t..e (noun: a noun's) from the cues in scope. */
static void
find_status(const ctx *c, size_t t, size_t e, bool noun, int type, status_info *si)
{
	bool		hold[NK_EVENT_STATUS_COUNT] = {false};
	int32_t		src[NK_EVENT_STATUS_COUNT];
	int			near = noun ? NEAR_WINDOW_NOUN : NEAR_WINDOW;

	/* the last semicolon and contrast before the trigger in its sentence, or -1 */
	long		semicolon = -1;
	long		contrast = -1;

	/* "X, who arrived in Russia, ...": the relative clause the trigger stands in, or -1 */
	long		relative = -1;

	for (long j = (long) t - 1; j >= (long) c->s_first && (semicolon < 0 || contrast < 0); j--)
	{
		if (semicolon < 0 && is_punct(c, j, ';'))
			semicolon = j;
		if (contrast < 0 && is_contrast(c, j))
			contrast = j;
	}
	for (long j = (long) t - 1; j > (long) c->s_first; j--)
	{
		if (is_punct(c, j, ',') || hard_boundary(c, j))
			break;
		if ((is(c, j, "who") || is(c, j, "which")) && is_punct(c, j - 1, ','))
		{
			relative = j;
			break;
		}
	}
	for (int i = 0; i < NK_EVENT_STATUS_COUNT; i++)
		src[i] = -1;
	si->conditional = si->claims = si->modal = si->earlier = false;
	si->judged = 0;
	for (size_t k = 0; k < c->cues.count; k++)
	{
		const cue_hit *h = &c->cues.items[k];
		const nk_ev_cue *q = h->cue;
		bool		ok = false;

		if (q->kind == NK_CUE_CONDITIONAL)
		{
			if (h->last < t && semicolon <= (long) h->last)
				si->conditional = true;
			continue;
		}
		if (q->kind != NK_CUE_STATUS)
			continue;
		if (h->first >= t && h->last <= e)
			continue;			/* inside the trigger */
		if ((long) h->last < relative)
			continue;			/* the main clause's cue says nothing of the relative clause's act */
		switch (q->scope)
		{
			case NK_SCOPE_NEAR:
				ok = h->last < t && (long) t - (long) h->last <= near && !boundary_between(c, h->last, t);
				/*
				 * "will probably condemn the launch": the cue is the verb's, not
				 * the noun's, unless they tell one act ("to sit down for
				 * talks")
				 */
				for (size_t j = h->last + 1; ok && noun && j < t; j++)
					if (c->verb[j] && c->verb[j] != type + 1)
						ok = false;
				break;
			case NK_SCOPE_CLAUSE:
				ok = h->last < t && semicolon <= (long) h->last && contrast <= (long) h->last;
				/* "after days of speculation, the Kremlin confirmed ...": the speculation is over */
				if (ok && q->status == NK_STATUS_SPECULATED && confirmed_between(c, h->last, t))
					ok = false;
				break;
			case NK_SCOPE_AFTER:
				ok = h->first > e && (long) h->first - (long) e <= NEAR_WINDOW_NOUN && !boundary_between(c, e, h->first);
				break;
			default:
				break;
		}
		if (!ok)
			continue;
		hold[q->status] = true;
		if ((q->status == NK_STATUS_DENIED || q->status == NK_STATUS_ALLEGED) && src[q->status] < 0)
			src[q->status] = speaker_before(c, h->first);
		if (q->status == NK_STATUS_ALLEGED && (strcmp(q->words[0], "claims") == 0 || strcmp(q->words[0], "allegations") == 0
											   || strcmp(q->words[0], "claim") == 0 || strcmp(q->words[0], "accusations") == 0))
			si->claims = true;
		if (q->scope == NK_SCOPE_NEAR && (strcmp(q->words[0], "would") == 0 || strcmp(q->words[0], "could") == 0
										  || strcmp(q->words[0], "might") == 0))
			si->modal = true;
	}
	si->status = NK_STATUS_REPORTED;
	si->source = -1;
	for (size_t i = 0; i < sizeof(status_order) / sizeof(status_order[0]); i++)
		if (hold[status_order[i]])
		{
			si->status = status_order[i];
			si->source = src[status_order[i]];
			break;
		}
	/* a denied claim stays a claim when nobody denies it here */
	if (si->status == NK_STATUS_DENIED && !hold[NK_STATUS_ALLEGED])
		si->claims = false;
}

/* The source of the sentence: "according to X", "X said", "said X". */
static int32_t
sentence_source(const ctx *c)
{
	for (size_t k = 0; k < c->cues.count; k++)
	{
		const cue_hit *h = &c->cues.items[k];

		if (h->cue->kind != NK_CUE_ATTRIBUTION)
			continue;
		if (strcmp(h->cue->words[0], "according") == 0)
		{
			for (size_t j = h->last + 1; j <= c->s_last && j <= h->last + 4; j++)
				if (c->owner[j] >= 0)
					return c->owner[j];
			continue;
		}
		/* "X, the deputy envoy, said" */
		{
			arg			ap;

			if (apposition_subject(c, h->first, &ap))
				return ap.m[0];
		}
		/* "X said": the nearest name before it, within a few words */
		for (long j = (long) h->first - 1; j >= (long) c->s_first && j >= (long) h->first - 5; j--)
		{
			if (hard_boundary(c, j) || is_punct(c, j, ','))
				break;
			if (c->owner[j] >= 0 && c->ments[c->owner[j]].agent)
				return c->owner[j];
		}
		/* ", said X" */
		for (size_t j = h->last + 1; j <= c->s_last && j <= h->last + 3; j++)
		{
			if (hard_boundary(c, j))
				break;
			if (c->owner[j] >= 0 && c->ments[c->owner[j]].agent)
				return c->owner[j];
		}
	}
	return -1;
}

/* ---------------------------------------------------------------- items and quantities */

static const struct
{
	const char *w;
	int64_t		v;
} number_words[] = {
	{"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
	{"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13},
	{"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
	{"nineteen", 19}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60},
	{"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"dozen", 12}, {"a dozen", 12}
};

/* Whether w is a number word ("six", "dozen"). */
static bool
number_word(const char *w)
{
	for (size_t i = 0; i < sizeof(number_words) / sizeof(number_words[0]); i++)
		if (strcmp(w, number_words[i].w) == 0)
			return true;
	return false;
}

static int64_t
multiplier(const char *w)
{
	if (strcmp(w, "hundred") == 0)
		return 100;
	if (strcmp(w, "thousand") == 0)
		return 1000;
	if (strcmp(w, "million") == 0 || strcmp(w, "millions") == 0 || strcmp(w, "mln") == 0)
		return 1000000;
	if (strcmp(w, "billion") == 0 || strcmp(w, "bn") == 0)
		return 1000000000;
	return 0;
}

/* Read a number at token i; *last gets its last token.  False if none. */
static bool
read_number(const ctx *c, size_t i, size_t limit, int64_t *value, size_t *last)
{
	int64_t		v = -1;
	size_t		j = i;

	if (c->tok[i].kind == NK_TOKEN_NUMBER)
	{
		const char *f = fold(c, i);
		double		d = 0,
					scale = 0;

		for (; *f; f++)
		{
			if (*f >= '0' && *f <= '9')
			{
				if (scale > 0)
				{
					d += (*f - '0') * scale;
					scale /= 10;
				}
				else
				{
					d = d * 10 + (*f - '0');
					if (d > 1e15)
						return false;
				}
			}
			else if (*f == '.')
				scale = 0.1;
		}
		v = (int64_t) d;
		/* "3.5 million", "15-hundred" */
		if (j + 1 <= limit && multiplier(fold(c, j + 1)))
		{
			v = (int64_t) (d * (double) multiplier(fold(c, j + 1)));
			j++;
		}
		else if (j + 2 <= limit && is_dash_token(c, j + 1) && multiplier(fold(c, j + 2)))
		{
			v = (int64_t) (d * (double) multiplier(fold(c, j + 2)));
			j += 2;
		}
	}
	else if (is_word(c, i))
	{
		for (size_t k = 0; k < sizeof(number_words) / sizeof(number_words[0]); k++)
			if (strcmp(fold(c, i), number_words[k].w) == 0)
				v = number_words[k].v;
		if (v < 0)
			return false;
		/* "twenty-five" */
		if (j + 2 <= limit && is_dash_token(c, j + 1))
			for (size_t k = 0; k < 9; k++)
				if (strcmp(fold(c, j + 2), number_words[k].w) == 0)
				{
					v += number_words[k].v;
					j += 2;
					break;
				}
		if (j + 1 <= limit && multiplier(fold(c, j + 1)))
		{
			v *= multiplier(fold(c, j + 1));
			j++;
		}
	}
	else
		return false;
	/* "a year" or "2023": a year is not a quantity */
	if (c->tok[i].kind == NK_TOKEN_NUMBER && j == i && v >= 1900 && v <= 2100 && !strchr(fold(c, i), ','))
		return false;
	*value = v;
	*last = j;
	return true;
}

static void
find_quantity(const ctx *c, size_t from, size_t to, nk_event *ev)
{
	for (size_t i = from; i <= to && i <= c->s_last; i++)
	{
		int64_t		v,
					w;
		size_t		last,
					last2;
		bool		upto = i >= 2 && i - 2 >= c->s_first && is(c, i - 2, "up") && is(c, i - 1, "to");

		if (c->owner[i] >= 0 || !read_number(c, i, to, &v, &last))
			continue;
		/* "10,000 to 12,000", "10,000-12,000", "between 10,000 and 12,000" */
		if (last + 2 <= to && (is(c, last + 1, "to") || is_dash_token(c, last + 1) || is(c, last + 1, "and")
							   || is(c, last + 1, "or"))
			&& read_number(c, last + 2, to, &w, &last2) && w >= v)
		{
			ev->has_quantity = true;
			ev->quantity = v;
			ev->has_quantity_max = true;
			ev->quantity_max = w;
			return;
		}
		if (upto)
		{
			ev->has_quantity_max = true;
			ev->quantity_max = v;
			return;
		}
		ev->has_quantity = true;
		ev->quantity = v;
		return;
	}
}

/* Items: the phrases of tokens from..to split at commas and "and". */
static void
find_items(const ctx *c, size_t from, size_t to, nk_event *ev)
{
	const char *items[MAX_ITEMS];
	size_t		n = 0;
	size_t		i = from;

	while (i <= to && i <= c->s_last && n < MAX_ITEMS)
	{
		size_t		a,
					b;

		while (i <= to && (is_punct(c, i, ',') || is(c, i, "and") || is_quote_token(c, i)
						   || (is_word(c, i) && in_class(c, i, WC_ITEM_STOP))))
			i++;
		if (i > to)
			break;
		a = i;
		while (i <= to && !is_punct(c, i, ',') && !is(c, i, "and") && !hard_boundary(c, i)
			   && !(is_word(c, i) && in_class(c, i, WC_PREPOSITIONS) && !is(c, i, "of")))
			i++;
		b = i;					/* exclusive */
		while (b > a && (is_quote_token(c, b - 1) || c->tok[b - 1].kind == NK_TOKEN_PUNCT))
			b--;
		if (b > a && i - a <= 12)
		{
			size_t		s = c->tok[a].start;
			size_t		len = c->tok[b - 1].start + c->tok[b - 1].len - s;

			items[n++] = nk_arena_strndup(c->arena, c->doc->text + s, len);
		}
		if (i <= to && (hard_boundary(c, i) || (is_word(c, i) && in_class(c, i, WC_PREPOSITIONS) && !is(c, i, "of"))))
			break;
	}
	if (n > 0)
	{
		ev->items = nk_arena_alloc(c->arena, n * sizeof(char *));
		memcpy(ev->items, items, n * sizeof(char *));
		ev->n_items = n;
	}
}

/* ---------------------------------------------------------------- dates */

static void
find_date(const ctx *c, size_t t, int32_t sentence, nk_event *ev)
{
	long		best = -1;
	long		best_d = 0;
	size_t		lo = 0,
				hi = c->dates->count;

	/* the dates of the sentence (they are in text order) */
	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (c->dates->items[mid].sentence < sentence)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k < c->dates->count && c->dates->items[k].sentence == sentence; k++)
	{
		const nk_date_mention *d = &c->dates->items[k];
		long		dist;

		if (!d->resolved || d->precision == NK_PREC_VAGUE)
			continue;
		dist = labs((long) c->date_tok[k] - (long) t);
		if (semicolon_between(c, c->date_tok[k] < t ? c->date_tok[k] : t, c->date_tok[k] < t ? t : c->date_tok[k]))
			dist += 100;
		if (best < 0 || dist < best_d)
		{
			best = (long) k;
			best_d = dist;
		}
	}
	if (best >= 0)
	{
		const nk_date_mention *d = &c->dates->items[best];

		ev->has_date = true;
		ev->date_from = d->date_from;
		ev->date_to = d->date_to;
		ev->precision = d->precision;
	}
}

/* ---------------------------------------------------------------- rows */

typedef struct found
{
	const nk_ev_trigger *tr;
	size_t		first;
	size_t		last;
} found;

static bool
noun_context(const ctx *c, size_t i)
{
	long		p = (long) i - 1;

	if (p < (long) c->s_first)
		return false;
	/* "a two-day visit": a hyphenated modifier */
	if (p - 2 >= (long) c->s_first && is_dash_token(c, p - 1) && is_word(c, p) && c->owner[p] < 0)
		p -= 2;
	if (c->tok[p].flags & NK_TOKEN_POSSESSIVE)
		return true;
	/* "announced sanctions", "welcomed visits": the object of a verb in the past */
	if (verbish(c, p) && !c->verb[p] && !in_class(c, p, WC_AUXILIARIES))
		return true;
	/* "a rare visit", "a large and potentially deadly gift": a determiner and modifiers */
	for (long q = p; q > (long) c->s_first && q + 4 > p; q--)
	{
		if (!is_word(c, q) || (c->tok[q].flags & NK_TOKEN_CAPITALIZED) || c->owner[q] >= 0
			|| in_class(c, q, WC_AUXILIARIES | WC_PREPOSITIONS) || (q == p && in_class(c, q, WC_ADVERBS)))
			break;
		if (is_word(c, q - 1) && (is(c, q - 1, "a") || is(c, q - 1, "an") || is(c, q - 1, "the") || is(c, q - 1, "his")
								  || is(c, q - 1, "her") || is(c, q - 1, "its") || is(c, q - 1, "their")))
			return true;
	}
	if (is_word(c, p) && (in_class(c, p, WC_DETERMINERS) || is(c, p, "of") || is(c, p, "arms")
						  || is(c, p, "weapons") || is(c, p, "military") || is(c, p, "ammunition")
						  || is(c, p, "for") || is(c, p, "during") || is(c, p, "after") || is(c, p, "before")
						  || is(c, p, "on") || is(c, p, "in") || is(c, p, "no") || is(c, p, "summit")
						  || is(c, p, "bilateral") || is(c, p, "and")))
		return true;
	/* "the Russia visit", "the Putin-Kim summit" */
	if (c->owner[p] >= 0)
	{
		long		q = np_left(c, m_first(c, c->owner[p]));

		/* "the Russia visit", "monitoring of U.N. sanctions" */
		if (q >= (long) c->s_first && is_word(c, q) && in_class(c, q, WC_DETERMINERS | WC_PREPOSITIONS))
			return true;
		if (m_first(c, c->owner[p]) > c->s_first && is(c, m_first(c, c->owner[p]) - 1, "the"))
			return true;
	}
	return false;
}

static bool
passive_at(const ctx *c, size_t t, size_t e, const nk_ev_trigger *tr)
{
	long		j = (long) t - 1;

	if (tr->pos != NK_POS_VERB || !tr->participle)
		return false;
	while (j >= (long) c->s_first && is_word(c, j) && in_class(c, j, WC_ADVERBS) && !in_class(c, j, WC_BE_FORMS))
		j--;
	if (j >= (long) c->s_first && in_class(c, j, WC_BE_FORMS))
		return true;
	/* "Invited by X, ..." and "weapons supplied by X" */
	if (e + 1 <= c->s_last && is(c, e + 1, "by"))
		return true;
	return false;
}

/* the first entity after the comma that follows token e (subject of a main clause after a participle) */
static void
after_comma(const ctx *c, size_t e, arg *a)
{
	a->n = 0;
	for (size_t j = e + 1; j <= c->s_last; j++)
	{
		if (hard_boundary(c, j))
			return;
		if (is_punct(c, j, ','))
		{
			for (size_t k = j + 1; k <= c->s_last && k <= j + 8; k++)
			{
				if (hard_boundary(c, k) || is_punct(c, k, ','))
					return;
				if (c->owner[k] >= 0 && !followed_by_possessive(c, c->owner[k])
					&& !(c->ments[c->owner[k]].norp && k < c->s_last && c->owner[k + 1] < 0 && is_word(c, k + 1)))
				{
					conj_right(c, c->owner[k], a);
					return;
				}
			}
			return;
		}
	}
}

/*
 * The subject of the main clause after a phrase opening the sentence and
 * ending past token e at a comma: the first person before the clause's verb
 * (past a title and an apposition: "the Chairman of the DPRK, Kim Jong
 * Un, will"), else its first agent.
 */
static void
fronted_subject(const ctx *c, size_t e, arg *a)
{
	int32_t		agent = -1;
	size_t		j = e + 1;

	a->n = 0;
	a->pronoun = false;
	while (j <= c->s_last && !hard_boundary(c, j) && !is_punct(c, j, ','))
		j++;
	for (size_t k = j + 1; k <= c->s_last && k <= j + 20; k++)
	{
		int32_t		m = c->owner[k];

		if (hard_boundary(c, k) || c->verb[k] || (is_word(c, k) && m < 0 && in_class(c, k, WC_AUXILIARIES)))
			break;
		if (m < 0 || m_first(c, m) != k || !c->ments[m].agent)
			continue;
		if (c->ments[m].person)
		{
			a->m[0] = m;
			a->n = 1;
			return;
		}
		if (agent < 0 && !c->ments[m].norp)
			agent = m;
	}
	if (agent >= 0)
	{
		a->m[0] = agent;
		a->n = 1;
	}
}

/* the possessor of a noun trigger at t: "Putin's visit", "his trip", "the Russia visit", "Putin-Kim summit" */
static void
find_possessor(const ctx *c, size_t t, arg *a)
{
	long		j = (long) t - 1;
	int			steps = 0;

	a->n = 0;
	a->pronoun = false;
	/* over a few lowercase modifiers ("state", "two-day", "first") */
	while (j >= (long) c->s_first && steps < 4 && c->owner[j] < 0 && !(c->tok[j].flags & NK_TOKEN_POSSESSIVE)
		   && ((is_word(c, j) && !(c->tok[j].flags & NK_TOKEN_CAPITALIZED) && !in_class(c, j, WC_PREPOSITIONS)
				&& !is(c, j, "his") && !is(c, j, "her") && !is(c, j, "its") && !is(c, j, "their")
				&& !is(c, j, "bilateral") && !is(c, j, "the") && !is(c, j, "a") && !is(c, j, "and"))
			   || is_dash_token(c, j) || c->tok[j].kind == NK_TOKEN_NUMBER))
	{
		j--;
		steps++;
	}
	if (j < (long) c->s_first)
		return;
	if (is(c, j, "his") || is(c, j, "her"))
	{
		int32_t		p = subject_person(c, (size_t) j);

		if (p >= 0)
		{
			a->m[0] = p;
			a->n = 1;
			a->pronoun = true;
		}
		return;
	}
	if (is(c, j, "their") || is(c, j, "bilateral"))
	{
		/* "their military ties", "bilateral cooperation": the article's two countries */
		if (c->pair_country[0] >= 0)
		{
			a->m[0] = c->pair_country[0];
			a->m[1] = c->pair_country[1];
			a->n = 2;
			a->pronoun = true;
		}
		return;
	}
	if (is(c, j, "its"))
	{
		/*
		 * "Moscow over its offensive": the nearest country or body before it,
		 * past a demonym that is an adjective ("the North Korean minister")
		 */
		int32_t		in_pp = -1;

		for (long q = j - 1; q >= (long) c->s_first; q--)
			if (c->owner[q] >= 0 && c->ments[c->owner[q]].agent && !c->ments[c->owner[q]].person
				&& !(c->ments[c->owner[q]].norp && (long) m_last(c, c->owner[q]) + 1 < j
					 && c->owner[m_last(c, c->owner[q]) + 1] < 0 && is_word(c, m_last(c, c->owner[q]) + 1)
					 && !(c->tok[m_last(c, c->owner[q]) + 1].flags & NK_TOKEN_CAPITALIZED)))
			{
				long		before = np_left(c, m_first(c, c->owner[q]));

				/* "Russia could buy shells from North Korea for its war": not a name in a prepositional phrase */
				if (before >= 0 && is_word(c, before) && in_class(c, before, WC_PREPOSITIONS))
				{
					if (in_pp < 0)
						in_pp = c->owner[q];
					q = (long) m_first(c, c->owner[q]);
					continue;
				}
				a->m[0] = c->owner[q];
				a->n = 1;
				a->pronoun = true;
				return;
			}
		if (in_pp >= 0)
		{
			a->m[0] = in_pp;
			a->n = 1;
			a->pronoun = true;
		}
		return;
	}
	if (c->tok[j].flags & NK_TOKEN_POSSESSIVE)
		j--;
	if (j >= (long) c->s_first && c->owner[j] >= 0)
		conj_left(c, c->owner[j], a);
}

/*
 * Whether a noun trigger at t stands in a prepositional phrase that keeps
 * the clause's subject from being its actor: "its role in the war on
 * Ukraine", "sanctioned over the deal".  A trip or a meeting may be the
 * subject's own after "on", "for" or "during" ("arrived on a two-day
 * visit").
 */
static bool
noun_in_pp(const ctx *c, size_t t, int type)
{
	long		j = (long) t - 1;
	int			steps = 0;

	while (j >= (long) c->s_first && steps++ < 5)
	{
		const nk_token *k = &c->tok[j];

		if (c->owner[j] >= 0 || (k->flags & NK_TOKEN_POSSESSIVE) || is_dash_token(c, j) || is_quote_token(c, j)
			|| k->kind == NK_TOKEN_NUMBER
			|| (is_word(c, j) && !(k->flags & NK_TOKEN_CAPITALIZED) && !in_class(c, j, WC_PREPOSITIONS)
				&& !in_class(c, j, WC_CLAUSE_WORDS) && !is(c, j, "and") && !is(c, j, "or") && !in_class(c, j, WC_AUXILIARIES) && !c->verb[j]
				&& !verbish(c, j)))
		{
			j--;
			continue;
		}
		break;
	}
	if (j < (long) c->s_first || !is_word(c, j) || !in_class(c, j, WC_PREPOSITIONS))
		return false;
	if (is(c, j, "on") || is(c, j, "for") || is(c, j, "during"))
		return !(type == NK_EV_VISIT || type == NK_EV_ARRIVE || type == NK_EV_DEPART || type == NK_EV_MEET
				 || type == NK_EV_NEGOTIATE);
	/* "used them in an air attack on Ukraine": a new attack, the subject's own */
	if (type == NK_EV_ATTACK && is(c, j, "in") && j + 1 < (long) t && (is(c, j + 1, "a") || is(c, j + 1, "an")))
		return false;
	return true;
}

/*
 * Stems of the words that tell a cooperation grows or is made ("their
 * growing military cooperation", "moving to tighten their ties").
 */
static const char *const growth_stems[] = {
	"grow", "deepen", "burgeon", "expand", "increas", "closer", "deeper", "strengthen", "develop",
	"flourish", "blossom", "tighten", "boost", "bolster", "reinforc", "enhanc", "forge", "forging", "build",
	"upgrad", "elevat", "pledg", "promis", "vow", NULL
};

/* Whether a word of growth stands in the few words before the noun at t. */
static bool
growth_before(const ctx *c, size_t t)
{
	for (long j = (long) t - 1; j >= (long) c->s_first && j >= (long) t - 4; j--)
	{
		if (!is_word(c, j) || in_class(c, j, WC_PREPOSITIONS))
			break;
		for (const char *const *w = growth_stems; *w; w++)
			if (strncmp(fold(c, j), *w, strlen(*w)) == 0)
				return true;
	}
	return false;
}

static bool
same_entity(const ctx *c, int32_t a, int32_t b)
{
	return a >= 0 && b >= 0 && strcmp(c->ments[a].name, c->ments[b].name) == 0;
}

typedef struct sent_rows
{
	NK_VEC(nk_event) rows;
	NK_VEC(size_t) trig;		/* trigger token of each row */
	NK_VEC(bool) earlier;		/* per row: its status_info's earlier */
	NK_VEC(int) judged;			/* per row: its status_info's judged */
} sent_rows;

static const char *actor_country(const ctx *c, const char *name, const char *label);

static void
add_row(ctx *c, sent_rows *out, const found *f, int32_t actor, int32_t target, const status_info *si,
		int32_t source, bool pronoun, int32_t location, size_t item_from, size_t item_to, bool items)
{
	nk_event   *ev = nk_vec_push(c->arena, &out->rows);
	size_t	   *tp = nk_vec_push(c->arena, &out->trig);
	int32_t		s = c->tok[f->first].sentence;
	float		conf = f->tr->confidence;

	*tp = f->first;
	*nk_vec_push(c->arena, &out->earlier) = si->earlier;
	*nk_vec_push(c->arena, &out->judged) = si->judged;
	ev->type = f->tr->type;
	if (actor >= 0)
	{
		ev->actor = c->ments[actor].name;
		ev->actor_label = c->ments[actor].label;
	}
	if (target >= 0)
	{
		ev->target = c->ments[target].name;
		ev->target_label = c->ments[target].label;
	}
	if (location >= 0)
		ev->location = c->ments[location].name;
	/* a visit is to a country (a deployment keeps its place); the place it went to is the location */
	if (target >= 0 && ev->type == NK_EV_VISIT && c->ments[target].place
		&& c->ments[target].country && strcmp(c->ments[target].country, c->ments[target].name) != 0)
	{
		if (ev->location == NULL)
			ev->location = c->ments[target].name;
		ev->target = c->ments[target].country;
		ev->target_label = c->ments[target].country_label;
	}
	/* "will visit President Putin in Vladivostok": a visit to a person is to the place, else the person's country */
	if (target >= 0 && ev->type == NK_EV_VISIT && c->ments[target].person)
	{
		const char *country = location >= 0 && c->ments[location].country ? c->ments[location].country
			: actor_country(c, c->ments[target].name, "PERSON");

		if (country)
		{
			ev->target = country;
			ev->target_label = "GPE";
		}
	}
	ev->status = si->status;
	if (si->source >= 0 && (si->status == NK_STATUS_DENIED || si->status == NK_STATUS_ALLEGED))
		source = si->source;
	if (source >= 0 && source != actor)
		ev->source = c->ments[source].name;
	else if (source >= 0 && (si->status == NK_STATUS_DENIED || si->status == NK_STATUS_ALLEGED))
		ev->source = c->ments[source].name;
	ev->sentence = s;
	ev->evidence = c->doc->sentences.items[s];
	find_date(c, f->first, s, ev);
	if (items && item_to >= item_from)
	{
		find_items(c, item_from, item_to, ev);
		find_quantity(c, item_from, item_to, ev);
	}
	conf *= (actor >= 0 && target >= 0) || f->tr->target[0] == NK_SLOT_END ? CONF_BOTH : CONF_ONE;
	if (pronoun)
		conf *= CONF_PRONOUN;
	if (si->status != NK_STATUS_REPORTED)
		conf *= CONF_STATUS;
	ev->confidence = conf;
}

static void
first_slot(const ctx *c, const uint8_t *list, arg *sl, const arg *subj, const arg *obj, const arg *poss,
		   arg *out, int32_t exclude)
{
	out->n = 0;
	out->pronoun = false;
	for (int i = 0; i < 4 && list[i] != NK_SLOT_END; i++)
	{
		const arg  *a;

		switch (list[i])
		{
			case NK_SLOT_SUBJ:
				a = subj;
				break;
			case NK_SLOT_OBJ:
				a = obj;
				break;
			case NK_SLOT_POSS:
				a = poss;
				break;
			default:
				a = &sl[list[i]];
				break;
		}
		if (a->n == 0)
			continue;
		*out = *a;
		/* drop the entity the other role already took */
		if (exclude >= 0)
		{
			int			n = 0;

			for (int k = 0; k < out->n; k++)
				if (!same_entity(c, out->m[k], exclude))
					out->m[n++] = out->m[k];
			out->n = n;
		}
		if (out->n > 0)
			return;
	}
}

static bool
is_target_ok(const ctx *c, int type, int32_t m)
{
	const ment *e = &c->ments[m];

	switch (type)
	{
		case NK_EV_VISIT:
		case NK_EV_ARRIVE:
		case NK_EV_DEPART:
			/* "the Russian capital" is Russia; "the European nation" no place in Europe */
			if (e->norp)
				return e->label && strcmp(e->label, "GPE") == 0;
			return e->agent || e->place;
		case NK_EV_DEPLOY:
			/* troops go to a place ("to Ukrainian territory"), not to a body */
			return e->place || e->norp;
		case NK_EV_ATTACK:
			return e->agent || e->place;
		default:
			return e->agent;
	}
}

static bool needs_ok(const ctx *c, const nk_ev_trigger *tr, size_t first, size_t last, bool passive);

/* types of saying: the speaker of the sentence may be the actor */
static bool
speech_type(int type)
{
	return type == NK_EV_CRITICIZE || type == NK_EV_PRAISE || type == NK_EV_WARN || type == NK_EV_ACCUSE
		|| type == NK_EV_DENY;
}

/* types with an addressee the text often leaves outside the trigger's slots */
static bool
addressee_type(int type)
{
	return type == NK_EV_SANCTION || type == NK_EV_CRITICIZE || type == NK_EV_WARN || type == NK_EV_ACCUSE
		|| type == NK_EV_PRAISE;
}

static bool
target_candidate(const ctx *c, int type, size_t j, int32_t actor)
{
	int32_t		k = c->owner[j];
	long		before;

	if (k < 0 || m_first(c, k) != j || !is_target_ok(c, type, k) || (actor >= 0 && same_entity(c, k, actor)))
		return false;
	before = np_left(c, j);
	/* an agent ("passed by the Security Council") or a possessor is no addressee */
	return !(before >= 0 && is(c, before, "by")) && !followed_by_possessive(c, k);
}

/*
 * The addressee of a sanction, a criticism or a warning the slots left
 * empty: the first name after the trigger in its clause ("sanctions aimed at
 * North Korean banks"), else the first between the actor and the trigger
 * ("placed X on its sanctions list").
 */
static void
fallback_target(const ctx *c, int type, size_t first, size_t end, const arg *actors, arg *out)
{
	int32_t		actor = actors->m[0];
	size_t		from = 0;

	out->n = 0;
	for (size_t j = first + 1; j <= end && j <= c->s_last; j++)
		if (target_candidate(c, type, j, actor))
		{
			conj_right(c, c->owner[j], out);
			return;
		}
	/* after the last of a list of actors: "X, Y and Z imposed sanctions" names no addressee */
	for (int k = 0; k < actors->n; k++)
		if (m_last(c, actors->m[k]) + 1 > from)
			from = m_last(c, actors->m[k]) + 1;
	for (size_t j = from; j < first; j++)
	{
		if (hard_boundary(c, j) || is_punct(c, j, ','))
			return;
		if (target_candidate(c, type, j, actor))
		{
			conj_right(c, c->owner[j], out);
			return;
		}
	}
}

/*
 * The subject of a "that" clause a few words after token e ("warned in
 * recent months that Russia could..."): the first country, body or person
 * after "that", a demonym standing for its country ("that the Russian veto
 * would"); *out is left alone when there is none.
 */
static void
that_subject(const ctx *c, size_t e, const arg *actors, arg *out)
{
	size_t		j = e + 1;

	while (j <= c->s_last && j <= e + 6 && c->owner[j] < 0 && is_word(c, j) && !is(c, j, "that"))
		j++;
	if (j > c->s_last || !is(c, j, "that"))
		return;
	for (size_t q = j + 1; q <= c->s_last && q <= j + 5; q++)
	{
		int32_t		k = c->owner[q];

		if (hard_boundary(c, q) || is_punct(c, q, ','))
			return;
		if (k < 0)
			continue;
		if (!c->ments[k].agent || same_entity(c, k, actors->m[0]))
			return;
		out->m[0] = k;
		out->n = 1;
		return;
	}
}

/*
 * The person "him" or "her" after a verb at t stands for: the last person
 * named before the verb (this or the three previous sentences) who is not
 * its subject.
 */
static void
object_pronoun(const ctx *c, size_t t, arg *out)
{
	arg			subj;
	int32_t		s = c->tok[t].sentence;

	find_subject(c, t, false, &subj);
	for (long k = (long) c->ents->count - 1; k >= 0; k--)
	{
		const nk_entity_mention *m = &c->ents->items[k];

		if (m->last_token >= t)
			continue;
		if (m->sentence < s - 3)
			return;
		if (!c->ments[k].person || (subj.n > 0 && same_entity(c, (int32_t) k, subj.m[0])))
			continue;
		out->m[0] = (int32_t) k;
		out->n = 1;
		out->pronoun = true;
		return;
	}
}

/*
 * Whether the verb before the noun at t (over determiners and modifiers)
 * undergoes, watches or breaks the measure rather than imposes it.
 */
static bool
undergoes_before(const ctx *c, size_t t)
{
	static const char *const verbs[] = {
		"face", "faces", "faced", "facing", "violate", "violates", "violated", "violating", "evade", "evades",
		"evaded", "evading", "breach", "breaches", "breached", "breaching", "monitor", "monitors", "monitored",
		"monitoring", "skirt", "skirted", "skirting", "circumvent", "circumvented", "circumventing", "dodge",
		"dodged", "under", "despite", NULL
	};
	long		j = (long) t - 1;

	while (j >= (long) c->s_first && is_word(c, j) && c->owner[j] < 0 && in_class(c, j, WC_DETERMINERS))
		j--;
	while (j >= (long) c->s_first && c->owner[j] >= 0)
		j = (long) m_first(c, c->owner[j]) - 1;
	if (j < (long) c->s_first || !is_word(c, j))
		return false;
	for (int k = 0; verbs[k]; k++)
		if (is(c, j, verbs[k]))
			return true;
	return false;
}

/* Whether mention k is, or belongs to, one of the article's two countries. */
static bool
in_pair(const ctx *c, int32_t k)
{
	const char *country = actor_country(c, c->ments[k].name, c->ments[k].label);

	return country && c->pair_country[0] >= 0 && (strcmp(country, c->ments[c->pair_country[0]].name) == 0
												  || strcmp(country, c->ments[c->pair_country[1]].name) == 0);
}

/* Whether a passive verb follows the noun ending at e: "agreements were signed", "had been reached". */
static bool
passive_follows(const ctx *c, size_t e)
{
	bool		be = false;

	for (size_t j = e + 1; j <= c->s_last && j <= e + 5; j++)
	{
		const nk_token *t = &c->tok[j];

		if (!is_word(c, j) || c->owner[j] >= 0)
			return false;
		if (in_class(c, j, WC_BE_FORMS))
		{
			be = true;
			continue;
		}
		if (in_class(c, j, WC_AUXILIARIES | WC_ADVERBS))
			continue;
		return be && (is(c, j, "made") || is(c, j, "struck") || is(c, j, "signed")
					  || (t->fold_len > 4 && strcmp(t->fold + t->fold_len - 2, "ed") == 0));
	}
	return false;
}

/*
 * The act a judgement noun at t is said of, told as the subject of "be":
 * "the launch was a flagrant violation", "this test is a provocation" -- its
 * type + 1 (the type of the noun frame of the word), else 0.
 */
static int
judged_act(const ctx *c, size_t t)
{
	long		j = (long) t - 1;

	/* back over the judgement's modifiers and quotes to "was" */
	while (j > (long) c->s_first && j + 5 > (long) t && !(is_word(c, j) && in_class(c, j, WC_BE_FORMS)))
	{
		if (hard_boundary(c, j) || c->owner[j] >= 0 || (is_word(c, j) && in_class(c, j, WC_PREPOSITIONS)))
			return 0;
		j--;
	}
	if (j - 2 < (long) c->s_first || !is_word(c, j) || !in_class(c, j, WC_BE_FORMS))
		return 0;
	j--;
	if (!is_word(c, j) || c->tw[j] == NULL || !(is(c, j - 1, "the") || is(c, j - 1, "this") || is(c, j - 1, "that")))
		return 0;
	for (size_t k = c->tw[j]->trig_lo; k < (size_t) c->tw[j]->trig_lo + c->tw[j]->trig_n; k++)
		if (nk_ev_triggers[k].pos == NK_POS_NOUN && nk_ev_triggers[k].nwords == 1
			&& nk_ev_triggers[k].type != NK_EV_CRITICIZE)
			return nk_ev_triggers[k].type + 1;
	return 0;
}

/* Whether token j ends the phrase before it: past the sentence, punctuation, a conjunction or a clause word. */
static bool
phrase_ends_at(const ctx *c, size_t j)
{
	return j > c->s_last || !is_word(c, j) || in_class(c, j, WC_CLAUSE_WORDS | WC_CONTRAST_WORDS)
		|| is(c, j, "and") || is(c, j, "or");
}

/* Whether token j opens a clause: the sentence's first, after punctuation or a conjunction. */
static bool
opens_clause(const ctx *c, size_t j)
{
	return j == c->s_first || !is_word(c, j - 1) || is(c, j - 1, "and") || is(c, j - 1, "but")
		|| is(c, j - 1, "however");
}

static const char *const back_pronouns[] = {"this", "it", "them", "these", "those", NULL};
static const char *const demonstratives[] = {"this", "that", "these", "those", "such", NULL};

/*
 * Whether a denial at tokens t..e denies what the text told before it: what
 * it denies (the object; in the passive, the subject) is a pronoun ("denied
 * this", "rejected them"), a noun phrase after a demonstrative ("these
 * claims", "such deals", "that accusation was rejected") or an allegation
 * with nothing after it ("dismissed the accusations as lies").
 */
static bool
denies_earlier(const ctx *c, size_t t, size_t e, bool passive)
{
	size_t		j;

	if (!passive)
	{
		for (j = e + 1; j <= c->s_last && is_word(c, j) && in_class(c, j, WC_ADVERBS); j++)
			;
		if (j > c->s_last || !is_word(c, j) || c->in_date[j] || (j + 1 <= c->s_last && c->in_date[j + 1]))
			return false;
		if (in_list(c, j, back_pronouns) && (phrase_ends_at(c, j + 1) || is(c, j + 1, "as")))
			return true;
		if (in_list(c, j, demonstratives) && !is(c, j, "that"))
			return j + 1 <= c->s_last && is_word(c, j + 1);
		if (is(c, j, "that") || is(c, j, "the"))
			for (size_t k = j + 1; k <= j + 3 && k <= c->s_last && is_word(c, k); k++)
				if (allegation_between(c, k, k))
					return (phrase_ends_at(c, k + 1) || is(c, k + 1, "as")) && !allegation_between(c, k + 1, k + 1);
		return false;
	}
	/* the passive's subject: before its auxiliaries ("such deals have been denied") */
	if (t == c->s_first)
		return false;
	for (j = t - 1; j > c->s_first && is_word(c, j) && in_class(c, j, WC_BE_FORMS | WC_AUXILIARIES | WC_ADVERBS); j--)
		;
	if (j == t - 1 || !is_word(c, j))
		return false;
	if ((is(c, j, "this") || is(c, j, "it")) && opens_clause(c, j))
		return true;
	for (size_t k = 0; k < 4 && j >= c->s_first + k && is_word(c, j - k); k++)
	{
		size_t		d = j - k;

		if (k > 0 && in_list(c, d, demonstratives) && opens_clause(c, d))
			return true;
		if (k > 0 && is(c, d, "the") && opens_clause(c, d) && allegation_between(c, d + 1, j))
			return true;
	}
	return false;
}

/*
 * The antecedent of a relative clause whose subject starts at token s and
 * whose verb is at t ("Ukraine, which Russia invaded"): the name right
 * before "which", "that" or "whom" (over a comma), when only the subject
 * and auxiliaries stand between the pronoun and the verb.
 */
static void
relative_object(const ctx *c, size_t s, size_t t, arg *a)
{
	long		j = (long) s - 1;

	for (size_t q = m_last(c, c->owner[s]) + 1; q < t; q++)
		if (!(is_word(c, q) && in_class(c, q, WC_AUXILIARIES | WC_ADVERBS)))
			return;
	if (j - 1 < (long) c->s_first || !(is(c, j, "which") || is(c, j, "that") || is(c, j, "whom")))
		return;
	j--;
	if (is_punct(c, j, ',') && j - 1 >= (long) c->s_first)
		j--;
	if (c->owner[j] >= 0 && m_last(c, c->owner[j]) == (size_t) j && !followed_by_possessive(c, c->owner[j]))
	{
		a->m[0] = c->owner[j];
		a->n = 1;
		a->pronoun = true;
	}
}

static void
make_rows(ctx *c, const found *f, int32_t src, sent_rows *out)
{
	const nk_ev_trigger *tr = f->tr;
	bool		noun = tr->pos != NK_POS_VERB;
	bool		passive = passive_at(c, f->first, f->last, tr);
	slots		sl;
	arg			left,
				subj,
				obj,
				poss,
				actor,
				target;
	status_info si;
	int32_t		location = -1;
	bool		in_pp;
	nk_ev_trigger attack;
	found		as_attack;
	size_t		item_from,
				item_to;
	bool		items = tr->type == NK_EV_GIFT || tr->type == NK_EV_ARMS_TRANSFER || tr->type == NK_EV_LAUNCH
		|| tr->type == NK_EV_DEPLOY || tr->type == NK_EV_CASUALTIES;

	memset(&sl, 0, sizeof(sl));
	scan_right(c, f->last, items, &sl);
	/*
	 * "gave North Korea technical aid", "showed Lavrov around the plant": a
	 * name in a phrase's gap is its object, not one after the phrase
	 */
	for (size_t j = f->first + 1; j < f->last; j++)
		if (c->owner[j] >= 0 && !followed_by_possessive(c, c->owner[j]))
		{
			conj_right(c, c->owner[j], &sl.s[NK_SLOT_OBJ]);
			break;
		}
	/* "invited him", "greeted her": the last person named before the verb but its subject */
	if (!noun && sl.s[NK_SLOT_OBJ].n == 0 && f->last + 1 <= c->s_last
		&& (is(c, f->last + 1, "him") || is(c, f->last + 1, "her")))
		object_pronoun(c, f->first, &sl.s[NK_SLOT_OBJ]);
	find_status(c, f->first, f->last, noun, tr->type, &si);
	if (si.conditional)
		return;					/* a hypothetical: no row */
	si.earlier = tr->type == NK_EV_DENY && !noun && denies_earlier(c, f->first, f->last, passive);
	if (tr->type == NK_EV_CRITICIZE && noun)
		si.judged = judged_act(c, f->first);
	/* "will visit at the invitation of X": the invitation was made before the trip it brings about */
	if (tr->type == NK_EV_INVITE && tr->pos == NK_POS_FIXED
		&& (si.status == NK_STATUS_PLANNED || si.status == NK_STATUS_SPECULATED))
		si.status = NK_STATUS_REPORTED;
	memset(&poss, 0, sizeof(poss));
	if (noun)
		find_possessor(c, f->first, &poss);
	/* "their" and "bilateral" stand for both sides only of a symmetric event */
	if (poss.n == 2 && poss.pronoun && !symmetric(tr->type))
		poss.n = 0;
	find_subject(c, f->first, passive, &left);
	/* "At the invitation of X, the chairman ..., Y, will visit": the invitee is the main clause's subject */
	if (tr->type == NK_EV_INVITE && tr->pos == NK_POS_FIXED && opens_clause(c, f->first))
	{
		arg			fr;

		fronted_subject(c, f->last, &fr);
		if (fr.n > 0)
			left = fr;
	}
	if (passive)
	{
		subj = sl.s[NK_SLOT_BY];
		obj = left;
		if (obj.n == 0)
			after_comma(c, sl.end > f->last ? f->last : f->last, &obj);
		if (obj.n == 0)
			after_comma(c, f->last, &obj);
		memset(&sl.s[NK_SLOT_BY], 0, sizeof(arg));
		/* a passive's object slot of the right scan is a second object ("was given drones") */
		item_to = f->first > c->s_first ? f->first - 1 : f->first;
		item_from = c->s_first;
		{
			long		b = (long) f->first - 1;

			while (b > (long) c->s_first && !hard_boundary(c, b) && !is_punct(c, b, ','))
				b--;
			item_from = (size_t) (b < (long) c->s_first ? (long) c->s_first : b);
		}
		/* an object after the passive verb is the thing given */
		if (sl.s[NK_SLOT_OBJ].n > 0 && obj.n > 0)
			memset(&sl.s[NK_SLOT_OBJ], 0, sizeof(arg));
		item_from = item_to >= 8 && item_to - 8 > item_from ? item_to - 8 : item_from;
		/* "... items were given to Kim by ...": also look after */
		if (tr->type == NK_EV_GIFT || tr->type == NK_EV_ARMS_TRANSFER)
		{
			/* "was given five drones by X": the items follow the verb */
			size_t		j = f->last + 1;

			if (j <= c->s_last && c->owner[j] < 0 && !is(c, j, "by") && !is(c, j, "to"))
			{
				item_from = j;
				item_to = sl.end;
			}
		}
	}
	else
	{
		subj = left;
		obj = sl.s[NK_SLOT_OBJ];
		/* "Ukraine, which Russia invaded in 2022": the object of a relative clause is its antecedent */
		if (!noun && obj.n == 0 && subj.n > 0)
			relative_object(c, m_first(c, subj.m[0]), f->first, &obj);
		item_from = f->last + 1;
		item_to = sl.end;
		/* skip a recipient name right after the verb ("gave Kim five drones") */
		if (obj.n > 0 && m_first(c, obj.m[0]) == item_from)
			item_from = m_last(c, obj.m[obj.n - 1]) + 1;
	}
	if (!needs_ok(c, tr, f->first, f->last, passive))
		return;
	/* "fired missiles at Ukrainian territory": a launch at somebody is an attack */
	if (tr->type == NK_EV_LAUNCH && tr->pos == NK_POS_VERB)
	{
		static const uint8_t at_slots[] = {NK_SLOT_AT, NK_SLOT_AGAINST, NK_SLOT_INTO, NK_SLOT_ON, NK_SLOT_OVER};

		for (size_t k = 0; k < sizeof(at_slots); k++)
			if (sl.s[at_slots[k]].n > 0 && is_target_ok(c, NK_EV_ATTACK, sl.s[at_slots[k]].m[0]))
			{
				attack = *tr;
				attack.type = NK_EV_ATTACK;
				memset(attack.target, NK_SLOT_END, sizeof(attack.target));
				attack.target[0] = at_slots[k];
				as_attack = *f;
				as_attack.tr = &attack;
				f = &as_attack;
				tr = &attack;
				items = false;
				break;
			}
	}
	/* "a missile which landed in Kharkiv": a weapon that lands strikes the place */
	if (tr->type == NK_EV_ARRIVE && tr->pos == NK_POS_VERB && strncmp(fold(c, f->first), "land", 4) == 0
		&& has_class(c, f->first > c->s_first + 3 ? f->first - 3 : c->s_first, f->first - 1, NK_CUE_ARMS))
	{
		static const uint8_t place_slots[] = {NK_SLOT_IN, NK_SLOT_AT, NK_SLOT_ON};

		for (size_t k = 0; k < sizeof(place_slots); k++)
			if (sl.s[place_slots[k]].n > 0 && is_target_ok(c, NK_EV_ATTACK, sl.s[place_slots[k]].m[0]))
			{
				attack = *tr;
				attack.type = NK_EV_ATTACK;
				memset(attack.target, NK_SLOT_END, sizeof(attack.target));
				attack.target[0] = place_slots[k];
				memset(attack.actor, NK_SLOT_END, sizeof(attack.actor));
				as_attack = *f;
				as_attack.tr = &attack;
				f = &as_attack;
				tr = &attack;
				subj.n = 0;
				break;
			}
	}
	/* place */
	for (int s = NK_SLOT_IN; s <= NK_SLOT_AT; s++)
		if (location < 0 && sl.s[s].n > 0 && c->ments[sl.s[s].m[0]].place)
			location = sl.s[s].m[0];

	{
		arg			subj_actor = subj;

		in_pp = !passive && tr->pos == NK_POS_NOUN && noun_in_pp(c, f->first, tr->type);

		/* the clause's subject does not act a noun in a prepositional phrase */
		if (in_pp)
			subj_actor.n = 0;
		/* "monitored sanctions", "face sanctions": the subject of the verb before a measure is no imposer */
		if (!passive && tr->pos == NK_POS_NOUN && tr->type == NK_EV_SANCTION && undergoes_before(c, f->first))
			subj_actor.n = poss.n = 0;
		first_slot(c, tr->actor, sl.s, &subj_actor, &obj, &poss, &actor, -1);
	}
	/* an actor acts: no cities, weapons or laws */
	{
		int			n = 0;

		for (int k = 0; k < actor.n; k++)
			if (c->ments[actor.m[k]].agent)
				actor.m[n++] = actor.m[k];
		actor.n = n;
	}
	first_slot(c, tr->target, sl.s, &subj, &obj, &poss, &target, actor.n > 0 ? actor.m[0] : -1);
	{
		int			n = 0;

		for (int k = 0; k < target.n; k++)
			if (is_target_ok(c, tr->type, target.m[k]) && !(actor.n > 0 && same_entity(c, target.m[k], actor.m[0])))
				target.m[n++] = target.m[k];
		target.n = n;
	}
	/* a statement's actor is its speaker: "X said the launch was a flagrant violation" */
	if (actor.n == 0 && src >= 0 && speech_type(tr->type) && c->ments[src].agent
		&& !(target.n > 0 && same_entity(c, src, target.m[0])))
	{
		actor.m[0] = src;
		actor.n = 1;
	}
	/* "warned that Russia could buy arms", "concerned that Moscow may": the subject of the clause after it */
	if (actor.n > 0 && (tr->type == NK_EV_WARN || tr->type == NK_EV_CRITICIZE) && !passive)
		that_subject(c, f->last, &actor, &target);
	if (target.n == 0 && actor.n > 0 && addressee_type(tr->type) && !passive)
		fallback_target(c, tr->type, f->last, sl.end, &actor, &target);
	/* "the North's satellite, launched on ...", "Iran's missile was fired": the possessor of what was launched */
	if (actor.n == 0 && tr->type == NK_EV_LAUNCH && (passive || (f->first > c->s_first && is_punct(c, f->first - 1, ','))))
	{
		size_t		from = f->first > c->s_first + 8 ? f->first - 8 : c->s_first;

		for (long j = (long) f->first - 1; j >= (long) from; j--)
		{
			if (hard_boundary(c, j))
				break;
			if (c->owner[j] >= 0 && c->ments[c->owner[j]].agent && followed_by_possessive(c, c->owner[j]))
			{
				actor.m[0] = c->owner[j];
				actor.n = 1;
				break;
			}
			if (c->the_north >= 0 && c->owner[j] < 0 && is(c, j, "north") && (c->tok[j].flags & NK_TOKEN_CAPITALIZED)
				&& j + 1 <= (long) c->s_last && (c->tok[j + 1].flags & NK_TOKEN_POSSESSIVE))
			{
				actor.m[0] = c->the_north;
				actor.n = 1;
				break;
			}
		}
	}
	/* troops or weapons of a nation: "North Korean troops were sent" */
	if (actor.n == 0 && (tr->type == NK_EV_DEPLOY || tr->type == NK_EV_ARMS_TRANSFER || tr->type == NK_EV_CASUALTIES))
	{
		size_t		from = f->first > c->s_first + 6 ? f->first - 6 : c->s_first;
		size_t		to = f->last + 6 < c->s_last ? f->last + 6 : c->s_last;

		for (size_t j = from; j <= to && j <= c->s_last; j++)
			if (c->owner[j] >= 0 && c->ments[c->owner[j]].agent
				&& (c->ments[c->owner[j]].norp || (j > c->s_first && (is(c, j - 1, "from") || (is(c, j - 1, "the") && j - 1 > c->s_first && is(c, j - 2, "from")))))
				&& !(target.n > 0 && same_entity(c, c->owner[j], target.m[0])))
			{
				actor.m[0] = c->owner[j];
				actor.n = 1;
				break;
			}
	}
	/* "arms transfers between Russia and North Korea": two sides, no direction, and no third party's act */
	if ((tr->type == NK_EV_ARMS_TRANSFER || tr->type == NK_EV_GIFT) && sl.s[NK_SLOT_BETWEEN].n >= 2)
		return;
	/* "cooperation between Russia and North Korea": both sides from the one slot */
	/* "Shoigu and Kim held talks on ties between the two countries": the named pair, not the countries */
	if (symmetric(tr->type) && actor.n >= 2 && target.n > 0 && target.pronoun)
		target.n = 0;
	else if (symmetric(tr->type) && sl.s[NK_SLOT_BETWEEN].n >= 2)
	{
		actor.m[0] = sl.s[NK_SLOT_BETWEEN].m[0];
		actor.n = 1;
		target.n = 0;
		for (int k = 1; k < sl.s[NK_SLOT_BETWEEN].n; k++)
			target.m[target.n++] = sl.s[NK_SLOT_BETWEEN].m[k];
	}
	if (symmetric(tr->type) && target.n == 0 && actor.n >= 2)
	{
		target.m[0] = actor.m[1];
		target.n = 1;
		for (int k = 2; k < actor.n; k++)
			target.m[target.n++] = actor.m[k];
		actor.n = 1;
	}
	if (symmetric(tr->type) && actor.n == 0 && target.n >= 2)
	{
		actor.m[0] = target.m[0];
		actor.n = 1;
		for (int k = 1; k < target.n; k++)
			target.m[k - 1] = target.m[k];
		target.n--;
	}
	/* "no agreements were signed", "agreements were made": the article's two countries */
	if (tr->type == NK_EV_AGREE && noun && target.n == 0 && !in_pp && c->pair_country[0] >= 0
		&& (actor.n == 0 || in_pair(c, actor.m[0])) && passive_follows(c, f->last))
	{
		actor.m[0] = c->pair_country[0];
		actor.n = 1;
		actor.pronoun = true;
		target.m[0] = c->pair_country[1];
		target.n = 1;
	}
	/* a noun in a prepositional phrase without an actor of its own is background ("the war in Ukraine") */
	if (in_pp && actor.n == 0 && tr->type != NK_EV_LAUNCH)
		return;
	/* "talks on bilateral cooperation", "the state of their ties": cooperation named, not begun or grown */
	if (in_pp && tr->type == NK_EV_COOPERATE && !growth_before(c, f->first))
		return;
	if (actor.n == 0 && target.n == 0 && tr->type != NK_EV_LAUNCH)
		return;					/* a row names its actor or target (a launch may take its launcher from the article) */
	if (tr->target[0] == NK_SLOT_END)
		target.n = 0;
	for (int a = 0; a < (actor.n ? actor.n : 1); a++)
		for (int t = 0; t < (target.n ? target.n : 1); t++)
		{
			int32_t		am = actor.n ? actor.m[a] : -1;
			int32_t		tm = target.n ? target.m[t] : -1;

			if (am >= 0 && tm >= 0 && same_entity(c, am, tm))
				continue;
			if (am < 0 && tm < 0 && tr->type != NK_EV_LAUNCH)
				continue;
			add_row(c, out, f, am, tm, &si, src, actor.pronoun || target.pronoun,
					location >= 0 ? location : (tm >= 0 && c->ments[tm].place
												 && (tr->type <= NK_EV_DEPART || tr->type == NK_EV_DEPLOY) ? tm : -1),
					item_from, item_to, items);
			/* a denial of claims: the claim is a row of its own */
			if (si.status == NK_STATUS_DENIED && si.claims)
			{
				status_info al = si;

				al.status = NK_STATUS_ALLEGED;
				al.source = -1;
				add_row(c, out, f, am, tm, &al, -1, actor.pronoun || target.pronoun, location,
						item_from, item_to, items);
			}
		}
}

/*
 * The last token of the object phrase of a verb ending at token e, at most
 * to: the phrase ends before a clause word; a verb with an
 * infinitive right after it has none ("moving to reinforce military ties").
 */
static size_t
object_end(const ctx *c, size_t e, size_t to)
{
	for (size_t j = e + 1; j <= to; j++)
	{
		if (hard_boundary(c, j))
			return j - 1;
		if (!is_word(c, j) || c->owner[j] >= 0)
			continue;
		if (in_class(c, j, WC_CLAUSE_WORDS))
			return j - 1;
		/* "to" and a verb right after the verb: a word that is no determiner, number or name, and no name after it */
		if (j == e + 1 && is(c, j, "to") && j + 1 <= to && is_word(c, j + 1) && c->owner[j + 1] < 0
			&& !(c->tok[j + 1].flags & NK_TOKEN_CAPITALIZED)
			&& !in_class(c, j + 1, WC_DETERMINERS | WC_PLACE_ADJECTIVES)
			&& !(j + 2 <= c->s_last && c->owner[j + 2] >= 0))
			return j - 1;
	}
	return to;
}

/* Whether the words around a trigger hold the word class its frame needs. */
static bool
needs_ok(const ctx *c, const nk_ev_trigger *tr, size_t first, size_t last, bool passive)
{
	int			kind;
	size_t		from,
				to;

	if (tr->needs == NK_NEED_NONE)
		return true;
	/* a word of giving is a gift only in a sentence that speaks of gifts */
	if (tr->needs == NK_NEED_GIFT)
		return has_class(c, c->s_first, c->s_last, NK_CUE_GIFT);
	kind = tr->needs == NK_NEED_ARMS ? NK_CUE_ARMS : NK_CUE_TROOPS;
	from = first > c->s_first + 3 ? first - 3 : c->s_first;
	to = last + 10 < c->s_last ? last + 10 : c->s_last;
	if (passive)
		from = first > c->s_first + 10 ? first - 10 : c->s_first;
	else
		to = object_end(c, last, to);
	/* what is rejected or dismissed is an allegation: before a passive verb, else after the verb */
	if (tr->needs == NK_NEED_CLAIM)
	{
		if (passive && first == c->s_first)
			return false;
		if (passive)
			to = first - 1;
		else
			from = last + 1;
		return allegation_between(c, from, to);
	}
	return has_class(c, from, to, kind);
}

static bool
passive_at(const ctx *c, size_t t, size_t e, const nk_ev_trigger *tr);

/* Whether the sentence speaks of a gift ("gift", "gifted", "presents"). */
static bool
gift_sentence(const ctx *c)
{
	return has_class(c, c->s_first, c->s_last, NK_CUE_GIFT);
}

/*
 * Whether the noun ending at token e modifies a noun after it: the next
 * word is lowercase and no function word, verb form (regular or of
 * plain_verbs), adverb or word of another class the stage knows (a
 * trigger, a cue).
 */
static bool
modifies_noun(const ctx *c, size_t e)
{
	size_t		j = e + 1;
	const nk_token *t;

	if (j > c->s_last || !is_word(c, j) || c->owner[j] >= 0)
		return false;
	t = &c->tok[j];
	if ((t->flags & NK_TOKEN_CAPITALIZED) || t->fold_len < 3)
		return false;
	if (in_class(c, j, WC_DETERMINERS | WC_PREPOSITIONS | WC_BE_FORMS | WC_ADVERBS | WC_AUXILIARIES
				 | WC_CONJ_PREPS | WC_CLAUSE_WORDS | WC_CONTRAST_WORDS | WC_ITEM_STOP | WC_PLAIN_VERBS))
		return false;
	if (c->tw[j] != NULL && (c->tw[j]->trig_n > 0 || c->tw[j]->cue_n > 0))
		return false;
	if (is(c, j, "and") || is(c, j, "or") || is(c, j, "that") || is(c, j, "nor"))
		return false;
	if (t->fold_len > 4 && (strcmp(t->fold + t->fold_len - 2, "ed") == 0 || strcmp(t->fold + t->fold_len - 3, "ing") == 0
							|| strcmp(t->fold + t->fold_len - 2, "ly") == 0))
		return false;
	return true;
}

/* Whether token j is an auxiliary, an adverb or a verb form (regular or plain). */
static bool
verb_follows(const ctx *c, size_t j)
{
	const nk_token *t;

	if (j > c->s_last || !is_word(c, j) || c->owner[j] >= 0)
		return false;
	t = &c->tok[j];
	if (in_class(c, j, WC_AUXILIARIES | WC_BE_FORMS | WC_ADVERBS | WC_PLAIN_VERBS))
		return true;
	return t->fold_len > 4 && !(t->flags & NK_TOKEN_CAPITALIZED)
		&& (strcmp(t->fold + t->fold_len - 2, "ed") == 0 || strcmp(t->fold + t->fold_len - 2, "ly") == 0);
}

static bool same_str(const char *a, const char *b);

/* words between troops and the place they are in ("are stationed in", "being trained in") */
static const char *const presence_words[] = {
	"present", "stationed", "based", "trained", "training", "already", "now", "still", "reportedly",
	"allegedly", "currently", NULL
};

/* how sure a deployment read off troops in a place is */
#define CONF_PRESENCE 0.6f

/*
 * Troops of a nation in a place of another country, in a sentence without a
 * verb of sending ("North Korean soldiers were already in Kursk", "troops
 * from North Korea are being trained in eastern Russia", "reports of North
 * Korean troops in Russia"): a deployment of the nation to the place.  The
 * nation is a demonym right before the troops word (over a number and an
 * adjective) or "from" a country right after it.
 */
static void
presence_rows(ctx *c, int32_t src, sent_rows *out)
{
	static const nk_ev_trigger frame = {
		{"troops"}, 1, NK_EV_DEPLOY, NK_POS_NOUN, NK_NEED_TROOPS, 0,
		{NK_SLOT_END, NK_SLOT_END, NK_SLOT_END, NK_SLOT_END}, {NK_SLOT_IN, NK_SLOT_END, NK_SLOT_END, NK_SLOT_END},
		CONF_PRESENCE
	};

	for (size_t k = 0; k < c->cues.count; k++)
	{
		const cue_hit *h = &c->cues.items[k];
		int32_t		nation = -1,
					place = -1;
		size_t		j;
		found		f;
		status_info si;

		if (h->cue->kind != NK_CUE_TROOPS || c->verb[h->first])
			continue;
		for (long b = (long) h->first - 1; b >= (long) c->s_first && b + 3 >= (long) h->first; b--)
		{
			if (c->owner[b] >= 0)
			{
				if (c->ments[c->owner[b]].norp && c->ments[c->owner[b]].agent)
					nation = c->owner[b];
				break;
			}
			if (!is_word(c, b) || (c->tok[b].flags & NK_TOKEN_CAPITALIZED) || in_class(c, b, WC_PREPOSITIONS))
				break;
		}
		j = h->last + 1;
		if (nation < 0 && j + 1 <= c->s_last && is(c, j, "from") && c->owner[j + 1] >= 0
			&& c->ments[c->owner[j + 1]].agent)
		{
			nation = c->owner[j + 1];
			j = m_last(c, nation) + 1;
		}
		if (nation < 0)
			continue;
		/* "are in training in", "were already present in" */
		while (j <= c->s_last && is_word(c, j) && (in_class(c, j, WC_BE_FORMS | WC_AUXILIARIES | WC_ADVERBS)
												   || in_list(c, j, presence_words)
												   || (is(c, j, "in") && j + 1 <= c->s_last && is(c, j + 1, "training"))))
			j++;
		if (j > c->s_last || !(is(c, j, "in") || is(c, j, "inside")))
			continue;
		/* the cues before "in" give the status ("may already be in") */
		find_status(c, j, j, false, NK_EV_DEPLOY, &si);
		if (si.conditional)
			continue;
		for (j++; j <= c->s_last && is_word(c, j) && c->owner[j] < 0
			 && (is(c, j, "the") || in_class(c, j, WC_PLACE_ADJECTIVES)); j++)
			;
		if (j <= c->s_last && c->owner[j] >= 0 && c->ments[c->owner[j]].place)
			place = c->owner[j];
		if (place < 0 || c->ments[place].country == NULL
			|| same_str(c->ments[place].country, actor_country(c, c->ments[nation].name, c->ments[nation].label)))
			continue;
		f.tr = &frame;
		f.first = h->first;
		f.last = h->last;
		add_row(c, out, &f, nation, place, &si, src, false, place, h->last + 1, h->last, false);
	}
}

/* The words of a frame's phrase but its gaps. */
static int
literal_words(const nk_ev_trigger *tr)
{
	int			n = 0;

	for (int k = 0; k < tr->nwords; k++)
		n += strcmp(tr->words[k], "*") != 0;
	return n;
}

/* Triggers of the current sentence, longest first at each token. */
static void
sentence_events(ctx *c, sent_rows *out)
{
	NK_VEC(found) fs = {0};
	int32_t		src;
	bool		deploys = false;

	for (size_t i = c->s_first; i <= c->s_last; i++)
	{
		size_t		lo;
		const nk_ev_trigger *best = NULL;
		long		best_last = -1;
		bool		as_noun;
		bool		noun_alt = false;	/* a noun frame matched as far as best */

		if (!is_word(c, i) || c->owner[i] >= 0)
			continue;
		if (c->tw[i] == NULL || c->tw[i]->trig_n == 0)
			continue;
		as_noun = noun_context(c, i);
		lo = c->tw[i]->trig_lo;
		for (size_t k = lo; k < lo + c->tw[i]->trig_n; k++)
		{
			const nk_ev_trigger *tr = &nk_ev_triggers[k];
			long		last = match_words(c, tr->words, tr->nwords, 0, i);
			bool		better;

			if (last < 0 || !needs_ok(c, tr, i, (size_t) last, passive_at(c, i, (size_t) last, tr)))
				continue;
			if (best == NULL || last > best_last)
				better = true;
			else if (last < best_last)
				better = false;
			else
			{
				/* same length: the reading the context asks for, then the more specific frame */
				bool		bn = best->pos == NK_POS_NOUN,
							tn = tr->pos == NK_POS_NOUN;

				if (bn != tn)
					better = tn == as_noun;
				else if (literal_words(tr) != literal_words(best))
					better = literal_words(tr) > literal_words(best);	/* "give * military aid" over "give * aid" */
				else
					better = best->needs == NK_NEED_NONE && tr->needs != NK_NEED_NONE
						&& !(best->type == NK_EV_GIFT && gift_sentence(c));
			}
			if (better)
			{
				noun_alt = noun_alt && last == best_last;
				best = tr;
				best_last = last;
			}
			if (tr->pos == NK_POS_NOUN && last == best_last)
				noun_alt = true;
		}
		/*
		 * "sanctions monitors", "the war crimes": a noun before a noun is its
		 * modifier, no event; a word that may be a verb too ("UN sanctions
		 * monitors said") only when a verb follows the noun after it
		 */
		if (best && (best->pos == NK_POS_NOUN || (noun_alt && verb_follows(c, (size_t) best_last + 2)))
			&& modifies_noun(c, (size_t) best_last))
		{
			i = (size_t) best_last;
			continue;
		}
		if (best)
		{
			found	   *f;

			f = nk_vec_push(c->arena, &fs);
			f->tr = best;
			f->first = i;
			f->last = (size_t) best_last;
			if (best->pos == NK_POS_VERB)
				for (size_t j = i; j <= (size_t) best_last; j++)
					c->verb[j] = (uint8_t) (best->type + 1);
			i = (size_t) best_last;
		}
	}
	src = sentence_source(c);
	for (size_t k = 0; k < fs.count; k++)
	{
		nk_check_interrupts();
		make_rows(c, &fs.items[k], src, out);
		if (fs.items[k].tr->type == NK_EV_DEPLOY)
			deploys = true;
	}
	if (!deploys)
		presence_rows(c, src, out);
}

/* ---------------------------------------------------------------- merging */

static bool
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Whether a and b are of one type and status with the same roles (either way round when symmetric). */
static bool
same_roles(const nk_event *a, const nk_event *b)
{
	bool		roles;

	if (a->type != b->type || a->status != b->status)
		return false;
	/* denials by different parties are different events */
	if (a->status == NK_STATUS_DENIED && !same_str(a->source, b->source))
		return false;
	roles = same_str(a->actor, b->actor) && same_str(a->target, b->target);
	if (!roles && symmetric(a->type))
		roles = same_str(a->actor, b->target) && same_str(a->target, b->actor);
	return roles;
}

/*
 * Two rows are one event when they have the same roles and no two different
 * days: the rows kept are looked up in a hash table of keys, each pointing
 * at the first kept row of its kind.  A key "dated" false is the first row
 * with those roles, a key "dated" true the first with those roles and that
 * day.  Only the first row of given roles can be without a date (every later
 * row would have been one with it), so a row without a date is one with the
 * first row, and a dated row with the first row when that has no date and
 * else with the first row of its day: what a scan of the kept rows in order
 * would find.  A row of a past event (dated more than HISTORY_DAYS, about a
 * season, before the article's latest day: "their first summit in 2019") is
 * never one with a row without a date, which tells of the article's own
 * time: such rows have keys of their own.
 */
#define HISTORY_DAYS 90

typedef struct merge_key
{
	uint64_t	hash;
	size_t		row;			/* index in the output, plus 1; 0: a free slot */
	bool		dated;
} merge_key;

typedef struct merge_table
{
	merge_key  *keys;
	size_t		mask;
	int32_t		history;		/* rows dated to before this day are of past events */
} merge_table;

static bool
past_event(const merge_table *t, const nk_event *ev)
{
	return ev->has_date && ev->date_to < t->history;
}

static uint64_t
hash_str(uint64_t h, const char *s)
{
	if (s == NULL)
		return (h ^ 0xff) * 0x100000001b3ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char) *s) * 0x100000001b3ULL;
	return (h ^ 0xfe) * 0x100000001b3ULL;
}

static uint64_t
merge_hash(const nk_event *ev, bool dated, bool past)
{
	const char *x = ev->actor,
			   *y = ev->target;
	uint64_t	h = 0xcbf29ce484222325ULL;

	/* symmetric types: the roles in a fixed order */
	if (symmetric(ev->type) && y != NULL && (x == NULL || strcmp(x, y) > 0))
	{
		x = ev->target;
		y = ev->actor;
	}
	h = (h ^ (uint64_t) ev->type) * 0x100000001b3ULL;
	h = (h ^ (uint64_t) ev->status) * 0x100000001b3ULL;
	h = (h ^ (uint64_t) past) * 0x100000001b3ULL;
	h = hash_str(hash_str(h, x), y);
	if (ev->status == NK_STATUS_DENIED)
		h = hash_str(h, ev->source);
	if (dated)
		h = (h ^ (uint32_t) ev->date_from ^ 0x5a5a0000ULL) * 0x100000001b3ULL;
	return h;
}

/* The slot of ev's key (dated: with its day): the one holding it, or the free one it goes in. */
static merge_key *
merge_slot(const merge_table *t, const nk_event_list *out, const nk_event *ev, bool dated)
{
	bool		past = past_event(t, ev);
	uint64_t	h = merge_hash(ev, dated, past);

	for (size_t i = (size_t) h & t->mask;; i = (i + 1) & t->mask)
	{
		merge_key  *k = &t->keys[i];

		if (k->row == 0)
		{
			k->hash = h;
			k->dated = dated;
			return k;
		}
		if (k->hash == h && k->dated == dated && same_roles(&out->items[k->row - 1], ev)
			&& past_event(t, &out->items[k->row - 1]) == past &&
			(!dated || out->items[k->row - 1].date_from == ev->date_from))
			return k;
	}
}

static void
merge_into(nk_event *a, const nk_event *b)
{
	if (!a->has_date && b->has_date)
	{
		a->has_date = true;
		a->date_from = b->date_from;
		a->date_to = b->date_to;
		a->precision = b->precision;
	}
	if (a->location == NULL)
		a->location = b->location;
	if (a->source == NULL)
		a->source = b->source;
	if (a->n_items == 0 && b->n_items > 0)
	{
		a->items = b->items;
		a->n_items = b->n_items;
	}
	if (!a->has_quantity && !a->has_quantity_max)
	{
		a->has_quantity = b->has_quantity;
		a->quantity = b->quantity;
		a->has_quantity_max = b->has_quantity_max;
		a->quantity_max = b->quantity_max;
	}
	if (b->confidence > a->confidence)
		a->confidence = b->confidence;
}

/* ---------------------------------------------------------------- article-level rules */

/*
 * Types whose rows need a target: a visit, a meeting or a transfer with
 * nobody or nowhere on the other side is not a usable row.  The rest (a
 * launch, losses, a denial, a statement, and sanctions, criticism, warnings,
 * praise and deployments, which the text often leaves without an addressee)
 * may go without one.
 */
static bool
needs_target(int type)
{
	switch (type)
	{
		case NK_EV_LAUNCH:
		case NK_EV_CASUALTIES:
		case NK_EV_DENY:
		case NK_EV_ANNOUNCE:
		case NK_EV_SANCTION:
		case NK_EV_CRITICIZE:
		case NK_EV_WARN:
		case NK_EV_PRAISE:
		case NK_EV_DEPLOY:
			return false;
		default:
			return true;
	}
}

/*
 * Whether a row of the type needs its actor named.  Attacks, casualties and
 * gifts are reported with an unnamed agent ("a missile struck the city", "a
 * governor gave him drones"); a row of another type without its actor is a
 * trigger whose actor the slots missed, far more often wrong than right.
 */
static bool
needs_actor(int type)
{
	switch (type)
	{
		case NK_EV_ATTACK:
		case NK_EV_CASUALTIES:
		case NK_EV_GIFT:
			return false;
		default:
			return true;
	}
}

static const char *actor_country(const ctx *c, const char *name, const char *label);

/*
 * Whether a row between two sides joins a party with its own country
 * ("Putin" and "Russia" in "the partnership between Moscow and ..."): a
 * meeting, a deal, a visit or a transfer has another country on its other
 * side.
 */
static bool
own_side(const ctx *c, const nk_event *ev)
{
	const char *a,
			   *t;

	if (ev->actor == NULL || ev->target == NULL)
		return false;
	switch (ev->type)
	{
		case NK_EV_MEET:
		case NK_EV_NEGOTIATE:
		case NK_EV_AGREE:
		case NK_EV_COOPERATE:
		case NK_EV_INVITE:
		case NK_EV_GIFT:
		case NK_EV_ARMS_TRANSFER:
		case NK_EV_VISIT:
		case NK_EV_DEPLOY:
			break;
		default:
			return false;
	}
	a = actor_country(c, ev->actor, ev->actor_label);
	t = actor_country(c, ev->target, ev->target_label);
	return a && t && strcmp(a, t) == 0 && !(strcmp(ev->actor_label ? ev->actor_label : "", "PERSON") == 0
											  && strcmp(ev->target_label ? ev->target_label : "", "PERSON") == 0);
}

/* The country of the place called name, or NULL. */
static const char *
country_of_name(const ctx *c, const char *name)
{
	for (int l = 0; l < NK_LABEL_COUNT; l++)
	{
		int32_t		id;

		if (l != NK_LABEL_GPE && l != NK_LABEL_LOC && l != NK_LABEL_FAC)
			continue;
		id = nk_gazetteer_find(c->g, name, l);
		for (int depth = 0; depth < 8 && id >= 0; depth++)
		{
			const nk_gaz_entity *x = nk_gazetteer_entity(c->g, id);

			if (x == NULL)
				break;
			if (x->label == NK_LABEL_GPE && x->parent < 0)
				return x->canonical;
			id = x->parent;
		}
	}
	return NULL;
}

/*
 * A trip without a stated destination ("Shoigu is visiting for the
 * anniversary", "his arrival was delayed") is the trip the article names
 * elsewhere: take the target of the nearest row of the same kind (a visit
 * also from an arrival) with the same actor, before it if there is one.
 */
/* The country an actor called name belongs to (a country: itself; a person or a body: its gazetteer parent's), or NULL. */
static const char *
actor_country(const ctx *c, const char *name, const char *label)
{
	int32_t		id;

	if (label == NULL)
		return NULL;
	if (strcmp(label, "GPE") == 0)
		return country_of_name(c, name);
	if (strcmp(label, "PERSON") == 0)
		id = nk_gazetteer_find(c->g, name, NK_LABEL_PERSON);
	else if (strcmp(label, "ORG") == 0)
		id = nk_gazetteer_find(c->g, name, NK_LABEL_ORG);
	else
		return NULL;
	for (int depth = 0; depth < 8 && id >= 0; depth++)
	{
		const nk_gaz_entity *x = nk_gazetteer_entity(c->g, id);

		if (x == NULL)
			break;
		if (x->label == NK_LABEL_GPE && x->parent < 0)
			return x->canonical;
		id = x->parent;
	}
	return NULL;
}

/*
 * Strings (actors, "actor\x1fplace" keys) numbered in the order they are
 * first seen, for the passes below that look up rows by them.
 */
typedef struct name_ids
{
	const char **names;
	size_t		count;
	int32_t    *slots;			/* id + 1, 0 free */
	size_t		nslots;			/* a power of two over twice the most names */
} name_ids;

static void
name_ids_init(nk_arena *arena, name_ids *t, size_t most)
{
	t->nslots = 16;
	while (t->nslots < 2 * most + 2)
		t->nslots *= 2;
	t->slots = nk_arena_zalloc(arena, t->nslots * sizeof(int32_t));
	t->names = nk_arena_alloc(arena, (most + 1) * sizeof(const char *));
	t->count = 0;
}

/* The id of name; a new one if add (room for it was made by name_ids_init), else -1 if unknown. */
static int32_t
name_id(name_ids *t, const char *name, bool add)
{
	size_t		len = strlen(name);

	for (size_t i = nk_hash_bytes(name, len) & (t->nslots - 1);; i = (i + 1) & (t->nslots - 1))
	{
		int32_t		v = t->slots[i];

		if (v == 0)
		{
			if (!add)
				return -1;
			t->names[t->count] = name;
			t->slots[i] = (int32_t) ++t->count;
			return (int32_t) t->count - 1;
		}
		if (strcmp(t->names[v - 1], name) == 0)
			return v - 1;
	}
}

/* The trip types a row of type looks to for its destination: index 0..2, or -1. */
static int
trip_index(int type)
{
	return type == NK_EV_VISIT ? 0 : type == NK_EV_ARRIVE ? 1 : type == NK_EV_DEPART ? 2 : -1;
}

static void
inherit_targets(const ctx *c, nk_event_list *all)
{
	bool		attacks = false;

	/*
	 * Troops sent without a stated destination by one of the article's two
	 * main countries ("North Korea's troop deployment") go to the other.
	 */
	if (c->pair_country[0] >= 0)
		for (size_t k = 0; k < all->count; k++)
		{
			nk_event   *ev = &all->items[k];
			const char *from,
					   *a = c->ments[c->pair_country[0]].name,
					   *b = c->ments[c->pair_country[1]].name;

			nk_interrupt_tick();
			if (ev->type != NK_EV_DEPLOY || ev->actor == NULL || ev->target != NULL)
				continue;
			from = actor_country(c, ev->actor, ev->actor_label);
			if (from == NULL || (strcmp(from, a) != 0 && strcmp(from, b) != 0))
				continue;
			ev->target = strcmp(from, a) == 0 ? b : a;
			ev->target_label = "GPE";
			ev->confidence *= 0.7f;
		}

	/*
	 * a launch the sentence leaves without a launcher ("the satellite was
	 * launched") is the nearest launcher's of the article; in an article of
	 * no attacks (where missiles fired are another side's), else its main
	 * country's
	 */
	for (size_t k = 0; k < all->count; k++)
		if (all->items[k].type == NK_EV_ATTACK)
			attacks = true;
	/*
	 * The nearest launch with a launcher, ties to the earlier: the last one
	 * before (rows filled in this pass included), or the first one after
	 * (rows after are as they were).
	 */
	{
		long	   *next = nk_arena_alloc(c->arena, (all->count + 1) * sizeof(long));
		long		prev = -1;

		next[all->count] = -1;
		for (size_t k = all->count; k > 0; k--)
		{
			const nk_event *o = &all->items[k - 1];

			next[k - 1] = o->type == NK_EV_LAUNCH && o->actor != NULL ? (long) (k - 1) : next[k];
		}
		for (size_t k = 0; k < all->count; k++)
		{
			nk_event   *ev = &all->items[k];
			long		best = -1;

			nk_interrupt_tick();
			if (ev->type == NK_EV_LAUNCH && ev->actor == NULL)
			{
				long		after = next[k + 1];

				best = prev >= 0 && (after < 0 || (long) k - prev <= after - (long) k) ? prev : after;
				if (best >= 0)
				{
					ev->actor = all->items[best].actor;
					ev->actor_label = all->items[best].actor_label;
					ev->confidence *= 0.8f;
				}
				else if (!attacks && c->pair_country[0] >= 0)
				{
					ev->actor = c->ments[c->pair_country[0]].name;
					ev->actor_label = c->ments[c->pair_country[0]].label;
					ev->confidence *= 0.6f;
				}
			}
			if (ev->type == NK_EV_LAUNCH && ev->actor != NULL)
				prev = (long) k;
		}
	}
	/*
	 * A trip without its destination takes that of the same actor's trip
	 * of the type (a visit: or arrival; a departure: or visit, the place
	 * visited being the place left) with one: the last before (rows filled
	 * in this pass included), else the first after.
	 */
	{
		name_ids	actors;
		long	   *last;			/* per actor and trip type: the last row before, or -1 */
		long	   *next;			/* per row: the first candidate after it, or -1 */
		int32_t    *actor;			/* per row: its actor's id, or -1 */

		name_ids_init(c->arena, &actors, all->count);
		actor = nk_arena_alloc(c->arena, (all->count + 1) * sizeof(int32_t));
		for (size_t k = 0; k < all->count; k++)
			actor[k] = all->items[k].actor && trip_index(all->items[k].type) >= 0
				? name_id(&actors, all->items[k].actor, true) : -1;
		last = nk_arena_alloc(c->arena, (3 * actors.count + 1) * sizeof(long));
		for (size_t i = 0; i < 3 * actors.count; i++)
			last[i] = -1;
		/* backwards: last[] holds, per actor and type, the first row after with a target */
		next = nk_arena_alloc(c->arena, (all->count + 1) * sizeof(long));
		for (size_t k = all->count; k > 0; k--)
		{
			const nk_event *o = &all->items[k - 1];
			int			t = trip_index(o->type);
			long	   *at;

			next[k - 1] = -1;
			if (actor[k - 1] < 0)
				continue;
			at = &last[3 * actor[k - 1]];
			next[k - 1] = at[t];
			if (t == 0 && at[1] >= 0 && (next[k - 1] < 0 || at[1] < next[k - 1]))
				next[k - 1] = at[1];
			if (t == 2 && at[0] >= 0 && (next[k - 1] < 0 || at[0] < next[k - 1]))
				next[k - 1] = at[0];
			if (o->target != NULL)
				at[t] = (long) (k - 1);
		}
		for (size_t i = 0; i < 3 * actors.count; i++)
			last[i] = -1;
		for (size_t k = 0; k < all->count; k++)
		{
			nk_event   *ev = &all->items[k];
			int			t = trip_index(ev->type);
			long		best = -1;
			long	   *at;

			nk_interrupt_tick();
			if (actor[k] < 0)
				continue;
			at = &last[3 * actor[k]];
			if (ev->target == NULL)
			{
				best = at[t];
				if (t == 0 && at[1] > best)
					best = at[1];
				if (t == 2 && at[0] > best)
					best = at[0];
				if (best < 0)
					best = next[k];
			}
			if (best >= 0)
			{
				const nk_event *o = &all->items[best];
				const char *country = ev->type == NK_EV_VISIT ? country_of_name(c, o->target) : NULL;

				ev->target = country ? country : o->target;
				ev->target_label = country ? "GPE" : o->target_label;
				if (ev->location == NULL)
					ev->location = o->location;
				ev->confidence *= 0.8f;
			}
			if (ev->target != NULL)
				at[t] = (long) k;
		}
	}
}

/*
 * A visit the text gives no date begins the day the visitor arrived there:
 * the date of an arrival of the same actor in the visit's country.
 */
static void
date_visits(const ctx *c, nk_event_list *all)
{
	name_ids	places;			/* "actor\x1fplace" of the dated arrivals, first seen first */
	long	   *first;			/* per key: the first arrival */
	size_t		arrivals = 0;

	for (size_t k = 0; k < all->count; k++)
		if (all->items[k].type == NK_EV_ARRIVE)
			arrivals++;
	if (arrivals == 0)
		return;
	/* each arrival under its place and under that place's country */
	name_ids_init(c->arena, &places, 2 * arrivals);
	first = nk_arena_alloc(c->arena, (2 * arrivals + 1) * sizeof(long));
	for (size_t j = 0; j < all->count; j++)
	{
		const nk_event *o = &all->items[j];
		const char *oc;

		nk_interrupt_tick();
		if (o->type != NK_EV_ARRIVE || !o->has_date || o->actor == NULL || o->target == NULL ||
			o->status != NK_STATUS_REPORTED)
			continue;
		oc = country_of_name(c, o->target);
		for (int n = 0; n < 2; n++)
		{
			const char *place = n == 0 ? o->target : oc;
			size_t		before = places.count;
			int32_t		id;

			if (place == NULL)
				continue;
			id = name_id(&places, nk_arena_sprintf(c->arena, "%s\x1f%s", o->actor, place), true);
			if (places.count > before)
				first[id] = (long) j;
		}
	}
	for (size_t k = 0; k < all->count; k++)
	{
		nk_event   *ev = &all->items[k];
		int32_t		id;
		const nk_event *o;

		nk_interrupt_tick();
		if (ev->type != NK_EV_VISIT || ev->has_date || ev->actor == NULL || ev->target == NULL)
			continue;
		id = name_id(&places, nk_arena_sprintf(c->arena, "%s\x1f%s", ev->actor, ev->target), false);
		if (id < 0)
			continue;
		o = &all->items[first[id]];
		ev->has_date = true;
		ev->date_from = ev->date_to = o->date_from;
		ev->precision = o->precision;
	}
}

/* ---------------------------------------------------------------- entry points */

/*
 * "X said the launch was a violation": a judgement of an act without its
 * target (judged[k]: the act's type + 1) criticises who did the last such
 * act before it, when another than the judge.
 */
static void
criticise_actors(nk_event_list *all, const int *judged)
{
	const nk_event *last[NK_EV_TYPE_COUNT];

	memset(last, 0, sizeof(last));
	for (size_t k = 0; k < all->count; k++)
	{
		nk_event   *ev = &all->items[k];
		const nk_event *o = judged[k] ? last[judged[k] - 1] : NULL;

		nk_interrupt_tick();
		if (o && ev->target == NULL && !same_str(o->actor, ev->actor))
		{
			ev->target = o->actor;
			ev->target_label = o->actor_label;
		}
		if (ev->actor != NULL)
			last[ev->type] = ev;
	}
}

/* how many sentences back a denial looks for what it denies */
#define DENIED_SENTENCES 2

/*
 * The row a denial in sentence s denies ("North Korea has denied this"):
 * the first allegation of the last sentence with one, among this and the
 * DENIED_SENTENCES sentences before (the main clause's act comes first);
 * else the first act told (no statement) of the last sentence with one; or
 * -1.
 */
static long
told_before(const nk_event_list *all, int32_t s)
{
	long		alleged = -1,
				act = -1;

	for (size_t k = all->count; k > 0 && all->items[k - 1].sentence + DENIED_SENTENCES >= s; k--)
	{
		const nk_event *o = &all->items[k - 1];

		if (speech_type(o->type) || o->type == NK_EV_ANNOUNCE || o->actor == NULL || o->target == NULL)
			continue;
		if (o->status == NK_STATUS_ALLEGED && (alleged < 0 || all->items[alleged].sentence == o->sentence))
			alleged = (long) (k - 1);
		else if (o->status != NK_STATUS_DENIED && o->status != NK_STATUS_NEGATED
				 && (act < 0 || all->items[act].sentence == o->sentence))
			act = (long) (k - 1);
	}
	return alleged >= 0 ? alleged : act;
}

static size_t
token_at(const ctx *c, size_t byte)
{
	size_t		lo = 0,
				hi = c->ntok;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (c->tok[mid].start < byte)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->ntok ? lo : (c->ntok ? c->ntok - 1 : 0);
}

void
nk_extract_events(nk_arena *arena, const nk_doc *doc, const nk_gazetteer *g,
				  const nk_entity_list *entities, const nk_date_list *dates, nk_event_list *out)
{
	ctx			c;
	nk_event_list all = {0};
	NK_VEC(int) judged = {0};	/* per row of all: its sent_rows judged */
	sent_rows	rows = {{0}};
	merge_table mt;

	memset(&c, 0, sizeof(c));
	c.arena = arena;
	c.doc = doc;
	c.g = g;
	c.ents = entities;
	c.dates = dates;
	c.tok = doc->tokens.items;
	c.ntok = doc->tokens.count;
	if (c.ntok == 0)
		return;
	prepare_mentions(&c);
	find_pairs(&c);
	prepare_the_north(&c);
	c.verb = nk_arena_zalloc(arena, c.ntok + 1);
	c.date_tok = nk_arena_alloc(arena, (dates->count + 1) * sizeof(size_t));
	wc_init();
	c.tw = nk_arena_alloc(arena, (c.ntok + 1) * sizeof(wc_entry *));
	for (size_t i = 0; i < c.ntok; i++)
		c.tw[i] = wc_find_bytes(c.tok[i].fold, c.tok[i].fold_len, false);
	c.in_date = nk_arena_zalloc(arena, c.ntok + 1);
	for (size_t k = 0; k < dates->count; k++)
	{
		const nk_span *sp = &dates->items[k].span;

		nk_interrupt_tick();
		c.date_tok[k] = token_at(&c, sp->start);
		for (size_t j = c.date_tok[k]; j < c.ntok && c.tok[j].start < sp->start + sp->len; j++)
			c.in_date[j] = 1;
	}

	/* one list of a sentence's rows for all sentences: they are copied out */
	for (size_t s = 0; s < doc->sentences.count; s++)
	{
		nk_check_interrupts();
		rows.rows.count = rows.trig.count = rows.earlier.count = rows.judged.count = 0;
		c.s_first = doc->sentence_first_token[s];
		c.s_last = s + 1 < doc->sentences.count ? doc->sentence_first_token[s + 1] - 1 : c.ntok - 1;
		if (c.s_last >= c.ntok || c.s_first > c.s_last || c.s_last - c.s_first >= MAX_SENTENCE_TOKENS)
			continue;
		find_cues(&c);
		sentence_events(&c, &rows);
		for (size_t k = 0; k < rows.rows.count; k++)
		{
			nk_event   *ev = &rows.rows.items[k];
			long		told;

			/* "Moscow denied this": the act told before, denied by the (first) denier */
			if (rows.earlier.items[k] && (told = told_before(&all, ev->sentence)) >= 0)
			{
				nk_event	d = all.items[told];

				if (k > 0 && rows.earlier.items[k - 1] && rows.trig.items[k - 1] == rows.trig.items[k])
					continue;
				d.status = NK_STATUS_DENIED;
				d.source = ev->actor;
				d.sentence = ev->sentence;
				d.evidence = ev->evidence;
				d.confidence = ev->confidence * CONF_STATUS;
				*nk_vec_push(arena, &all) = d;
				*nk_vec_push(arena, &judged) = 0;
				continue;
			}
			/* a DENY or ACCUSE that only carries the status of another event */
			if (ev->type == NK_EV_DENY || ev->type == NK_EV_ACCUSE)
			{
				bool		governs = false;

				for (size_t j = 0; j < rows.rows.count; j++)
					if (rows.trig.items[j] > rows.trig.items[k] && rows.rows.items[j].type != NK_EV_DENY
						&& rows.rows.items[j].type != NK_EV_ACCUSE)
						governs = true;
				if (governs)
					continue;
			}
			*nk_vec_push(arena, &all) = *ev;
			*nk_vec_push(arena, &judged) = rows.judged.items[k];
		}
	}
	inherit_targets(&c, &all);
	criticise_actors(&all, judged.items);
	date_visits(&c, &all);
	/* at most two keys a row, in a table at most half full */
	for (mt.mask = 15; mt.mask < 4 * all.count; mt.mask = mt.mask * 2 + 1)
		;
	mt.keys = nk_arena_zalloc(arena, (mt.mask + 1) * sizeof(merge_key));
	/* the article's latest day: the last day of its day-precise time expressions */
	mt.history = INT32_MIN;
	for (size_t k = 0; k < dates->count; k++)
		if (dates->items[k].resolved && dates->items[k].precision == NK_PREC_DAY
			&& dates->items[k].date_to - HISTORY_DAYS > mt.history)
			mt.history = dates->items[k].date_to - HISTORY_DAYS;
	for (size_t k = 0; k < all.count; k++)
	{
		nk_event   *ev = &all.items[k];
		merge_key  *first,
				   *day;
		size_t		j;

		if ((k & 1023) == 1023)
			nk_check_interrupts();
		if (ev->target == NULL && needs_target(ev->type))
			continue;
		if (ev->actor == NULL && (ev->target == NULL || needs_actor(ev->type)))
			continue;
		if (own_side(&c, ev))
			continue;
		first = merge_slot(&mt, out, ev, false);
		if (first->row == 0)
		{
			/* the first row with these roles */
			*nk_vec_push(arena, out) = *ev;
			first->row = out->count;
			if (ev->has_date)
				merge_slot(&mt, out, ev, true)->row = out->count;
			continue;
		}
		j = first->row - 1;
		if (ev->has_date && out->items[j].has_date)
		{
			day = merge_slot(&mt, out, ev, true);
			if (day->row == 0)
			{
				/* the first row of its day */
				*nk_vec_push(arena, out) = *ev;
				day->row = out->count;
				continue;
			}
			j = day->row - 1;
		}
		if (ev->has_date && !out->items[j].has_date)
		{
			/* the first row takes ev's day: it is the first of that day now */
			merge_into(&out->items[j], ev);
			merge_slot(&mt, out, ev, true)->row = j + 1;
		}
		else
			merge_into(&out->items[j], ev);
	}
}

void
nk_events_of_doc(nk_arena *arena, const nk_doc *doc, const nk_gazetteer *g,
				 const int64_t *published, nk_event_list *out)
{
	nk_entity_list ents = {0};
	nk_date_list dates = {0};

	nk_extract_entities(arena, doc, g, &ents);
	nk_extract_dates(arena, doc, published, &dates);
	nk_extract_events(arena, doc, g, &ents, &dates, out);
}
