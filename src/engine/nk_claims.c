/*
 * nk_claims.c
 *	  Claims of a document, and the comparison of two claims.
 *
 * See nk_claims.h for what a claim is and where claims come from.  This
 * file has two halves: extraction (one sentence at a time, over the tokens,
 * entity mentions, time expressions and events of the earlier stages) and
 * comparison (identity first, then values).
 */
#include "nk_claims.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define SECONDS_PER_DAY 86400

/* ---------------------------------------------------------------- names */

static const char *const approx_names[] = {"exact", "about", "at least", "at most", "range", "vague"};
static const char *const polarity_names[] = {"affirmative", "negative", "unverified"};
static const char *const relation_names[] = {"agree", "contradict", "update", "unrelated"};

const char *
nk_approx_name(nk_approx approx)
{
	return (unsigned) approx <= NK_APPROX_VAGUE ? approx_names[approx] : "exact";
}

int
nk_approx_parse(const char *name)
{
	for (int i = 0; i <= NK_APPROX_VAGUE; i++)
		if (strcmp(name, approx_names[i]) == 0)
			return i;
	return -1;
}

const char *
nk_polarity_name(nk_polarity polarity)
{
	return (unsigned) polarity <= NK_POLARITY_UNVERIFIED ? polarity_names[polarity] : "affirmative";
}

int
nk_polarity_parse(const char *name)
{
	for (int i = 0; i <= NK_POLARITY_UNVERIFIED; i++)
		if (strcmp(name, polarity_names[i]) == 0)
			return i;
	return -1;
}

const char *
nk_relation_name(nk_relation relation)
{
	return (unsigned) relation <= NK_REL_UNRELATED ? relation_names[relation] : "unrelated";
}

int
nk_event_status_parse(const char *name)
{
	for (int i = 0; i < NK_EVENT_STATUS_COUNT; i++)
		if (strcmp(name, nk_event_status_name((nk_event_status) i)) == 0)
			return i;
	return -1;
}

int
nk_precision_parse(const char *name)
{
	for (int i = 0; i <= NK_PREC_VAGUE; i++)
		if (strcmp(name, nk_precision_name((nk_precision) i)) == 0)
			return i;
	return -1;
}

/* ---------------------------------------------------------------- sentence context */

typedef struct sctx
{
	nk_arena   *arena;
	const nk_doc *doc;
	const nk_gazetteer *g;
	const nk_token *tok;
	size_t		f;				/* first and last token of the sentence */
	size_t		l;
	int32_t		sent;
	nk_span		span;
	const nk_entity_mention **m;	/* mentions of the sentence (bare surnames added) */
	size_t		nm;
	int32_t    *owner;			/* per token of the sentence: mention index or -1 */
	const nk_date_mention **d;
	size_t		nd;
	int32_t    *downer;			/* per token: date index or -1 */
	bool		has_pub;
	int64_t		pub;
	const int32_t *forms;		/* gazetteer token form ids of the document */
	const uint8_t *lists;		/* per token of the document: WL_* word lists it is in */
	const int8_t *units;		/* per token of the document: its unit_words[] index, or -1 */
	struct sentence_memo *memo;	/* what rules ask of the whole sentence, once */
	nk_claim_list *out;
} sctx;

/* Answers about the whole sentence, worked out at the first question; -1 before. */
typedef struct sentence_memo
{
	int8_t		cancelled;		/* cancelled_sentence() */
	int8_t		polarity;		/* polarity_of(c, c->f, c->l) */
} sentence_memo;

static bool
is(const sctx *c, size_t i, const char *w)
{
	return i >= c->f && i <= c->l && nk_token_is(&c->tok[i], w);
}

/* The word lists rules test token by token, a bit each (see word_lists_of_doc()). */
enum
{
	WL_BE = 1 << 0,				/* be_forms */
	WL_SPEECH = 1 << 1,			/* speech_verbs */
	WL_DENIAL = 1 << 2,			/* denial_words */
	WL_PLANNED = 1 << 3,		/* planned_words */
	WL_SPECULATED = 1 << 4		/* speculated_words */
};

/* Whether token i of the sentence is a word of the list (a WL_* bit). */
static bool
in_word_list(const sctx *c, size_t i, uint8_t list)
{
	return i >= c->f && i <= c->l && (c->lists[i] & list);
}

/* Whether the folded token starts with prefix (a stem). */
static bool
has_prefix(const sctx *c, size_t i, const char *prefix)
{
	const nk_token *t;

	if (i < c->f || i > c->l)
		return false;
	t = &c->tok[i];
	for (uint32_t k = 0; prefix[k] != '\0'; k++)
		if (k >= t->fold_len || t->fold[k] != prefix[k])
			return false;
	return true;
}

static bool
is_punct(const sctx *c, size_t i, const char *p)
{
	return i >= c->f && i <= c->l && c->tok[i].kind == NK_TOKEN_PUNCT && nk_token_is(&c->tok[i], p);
}

static bool
is_dash(const sctx *c, size_t i)
{
	if (i < c->f || i > c->l || c->tok[i].kind != NK_TOKEN_PUNCT)
		return false;
	{
		size_t		pos = 0;
		int32_t		cp = nk_utf8_next(c->doc->text + c->tok[i].start, c->tok[i].len, &pos);

		return nk_cp_is_dash(cp);
	}
}

/* A break between stretches: comma, semicolon, colon, parenthesis, a long dash. */
static bool
is_break(const sctx *c, size_t i)
{
	if (c->tok[i].kind != NK_TOKEN_PUNCT)
		return false;
	if (is_punct(c, i, ",") || is_punct(c, i, ";") || is_punct(c, i, ":") || is_punct(c, i, "(") ||
		is_punct(c, i, ")"))
		return true;
	/* an em or en dash with space around it */
	return is_dash(c, i) && (c->tok[i].flags & NK_TOKEN_SPACE_BEFORE) != 0;
}

static void
stretch(const sctx *c, size_t i, size_t *a, size_t *b)
{
	size_t		s = i,
				e = i;

	while (s > c->f && !is_break(c, s - 1))
		s--;
	while (e < c->l && !is_break(c, e + 1))
		e++;
	*a = s;
	*b = e;
}

static const nk_entity_mention *
mention(const sctx *c, int32_t k)
{
	return k >= 0 ? c->m[k] : NULL;
}

static int32_t
owner_at(const sctx *c, size_t i)
{
	return i >= c->f && i <= c->l ? c->owner[i - c->f] : -1;
}

static bool
is_place_label(nk_label l)
{
	return l == NK_LABEL_GPE || l == NK_LABEL_LOC || l == NK_LABEL_FAC;
}

/* A country (a GPE with no parent) or a region (LOC): not a specific place. */
static bool
is_country(const sctx *c, const nk_entity_mention *m)
{
	const nk_gaz_entity *e = nk_gazetteer_entity(c->g, m->gazetteer_id);

	return m->label == NK_LABEL_GPE && e != NULL && e->parent < 0;
}

/* How specific a place is: facility 3, city or province 2, region 1, country 0. */
static int
place_rank(const sctx *c, const nk_entity_mention *m)
{
	if (m->label == NK_LABEL_FAC)
		return 3;
	if (m->label == NK_LABEL_LOC)
		return 1;
	if (m->label == NK_LABEL_GPE)
		return is_country(c, m) ? 0 : 2;
	return -1;
}

/* ---------------------------------------------------------------- word lists */

static const char *const be_forms[] = {"is", "are", "was", "were", "be", "been", "being", NULL};

static const char *const speech_verbs[] = {
	"said", "says", "say", "told", "tells", "stressed", "noted", "remarked", "added", "warned",
	"claimed", "claims", "declined", "stated", "announced", "revealed", "confirmed", "reported",
	"reports", "saying", "speaking", "insisted", "argued", "explained", "believes", "assessed",
	"rejected", "denied", "concluded", "informed", NULL
};

/* Words of denial and negation: what is said is said not to be so. */
static const char *const denial_words[] = {
	"fake", "denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed", "baseless",
	"groundless", "untrue", "unfounded", "false", "fabricated", "refuted", NULL
};

static bool
denial_at(const sctx *c, size_t i)
{
	if (in_word_list(c, i, WL_DENIAL))
		return true;
	/* "no proof", "no evidence", "without providing any proof" */
	if ((is(c, i, "proof") || is(c, i, "evidence")) &&
		(is(c, i - 1, "no") || is(c, i - 1, "any") || is(c, i - 1, "without")))
		return true;
	/* "not true", "cannot be regarded", "is not the case" */
	if (is(c, i, "not") && (is(c, i + 1, "true") || is(c, i + 1, "the")))
		return true;
	if (is(c, i, "cannot") && is(c, i + 1, "be") &&
		(is(c, i + 2, "regarded") || is(c, i + 2, "considered") || is(c, i + 2, "trusted")))
		return true;
	return false;
}

static bool
unverified_at(const sctx *c, size_t i)
{
	/* "unable to verify", "could not confirm", "no confirmation", "unconfirmed" */
	if (is(c, i, "unable") && is(c, i + 1, "to") && (is(c, i + 2, "verify") || is(c, i + 2, "confirm")))
		return true;
	if (is(c, i, "confirmation") && is(c, i - 1, "no"))
		return true;
	if ((is(c, i, "verify") || is(c, i, "confirm")) && (is(c, i - 1, "not") || is(c, i - 1, "cannot")))
		return true;
	return is(c, i, "unconfirmed") || is(c, i, "unverified");
}

/* The polarity of tokens a..b. */
static nk_polarity
polarity_of_span(const sctx *c, size_t a, size_t b)
{
	for (size_t i = a; i <= b && i <= c->l; i++)
		if (denial_at(c, i))
			return NK_POLARITY_NEGATIVE;
	for (size_t i = a; i <= b && i <= c->l; i++)
		if (unverified_at(c, i))
			return NK_POLARITY_UNVERIFIED;
	return NK_POLARITY_AFFIRMATIVE;
}

/* The polarity of tokens a..b; of the whole sentence worked out once. */
static nk_polarity
polarity_of(const sctx *c, size_t a, size_t b)
{
	if (a != c->f || b != c->l)
		return polarity_of_span(c, a, b);
	if (c->memo->polarity < 0)
		c->memo->polarity = (int8_t) polarity_of_span(c, a, b);
	return (nk_polarity) c->memo->polarity;
}

static const char *const planned_words[] = {
	"will", "would", "'ll", "shall", "expected", "expects", "scheduled", "due", "plans", "planned",
	"planning", "intends", "upcoming", "forthcoming", NULL
};

static const char *const speculated_words[] = {
	"may", "might", "could", "speculated", "speculation", "believed", "likely", "probably",
	"possibly", "perhaps", "rumoured", "rumored", NULL
};

static bool
cancelled_sentence(const sctx *c)
{
	if (c->memo->cancelled < 0)
	{
		c->memo->cancelled = 0;
		for (size_t i = c->f; i <= c->l; i++)
			if (is(c, i, "scrapped") || is(c, i, "cancelled") || is(c, i, "canceled") ||
				is(c, i, "postponed") || (is(c, i, "called") && is(c, i + 1, "off")))
				c->memo->cancelled = 1;
	}
	return c->memo->cancelled == 1;
}

/*
 * The status that the cues before token t (up to 6 words, within its
 * stretch, or "speculated"/"expected" anywhere before it) give; reported
 * when none.
 */
static nk_event_status
status_before(const sctx *c, size_t t)
{
	size_t		a,
				b;

	if (cancelled_sentence(c))
		return NK_STATUS_CANCELLED;
	stretch(c, t, &a, &b);
	/* "his arrival ... had been expected", "the visit is scheduled" */
	for (size_t i = t + 1; i <= b && i <= t + 8; i++)
		if ((is(c, i, "expected") || is(c, i, "scheduled") || is(c, i, "planned")) && in_word_list(c, i - 1, WL_BE))
			return NK_STATUS_PLANNED;
	for (size_t i = t; i > c->f && i + 12 >= t; i--)
	{
		size_t		j = i - 1;

		if (j < a)
			break;
		if (in_word_list(c, j, WL_SPECULATED))
			return NK_STATUS_SPECULATED;
		if (in_word_list(c, j, WL_PLANNED))
			return NK_STATUS_PLANNED;
		/* "was to arrive", "is to visit" */
		if (is(c, j, "to") && in_word_list(c, j - 1, WL_BE))
			return NK_STATUS_PLANNED;
	}
	for (size_t i = c->f; i < t; i++)
		if (is(c, i, "speculated") || is(c, i, "speculation") || (is(c, i, "believed") && is(c, i + 1, "to")))
			return NK_STATUS_SPECULATED;
	return NK_STATUS_REPORTED;
}

/* ---------------------------------------------------------------- dates */

/* Whether date k is a reference point ("since 2019", "since mid-2022"), not an occasion. */
static bool
date_is_since(const sctx *c, size_t k)
{
	size_t		s = c->d[k]->span.start;

	for (size_t i = c->f; i <= c->l; i++)
		if (c->tok[i].start >= s)
			return i > c->f && (is(c, i - 1, "since") || is(c, i, "since"));
	return false;
}

static size_t
date_first_token(const sctx *c, size_t k)
{
	for (size_t i = c->f; i <= c->l; i++)
		if (c->tok[i].start >= c->d[k]->span.start)
			return i;
	return c->l;
}

/* The resolved occasion date nearest token t (after it counts a little nearer); -1 if none. */
static long
date_near(const sctx *c, size_t t)
{
	long		best = -1;
	long		best_dist = 0;
	size_t		a,
				b;

	stretch(c, t, &a, &b);
	for (size_t k = 0; k < c->nd; k++)
	{
		size_t		p;
		long		dist;

		if (!c->d[k]->resolved || c->d[k]->precision == NK_PREC_VAGUE || date_is_since(c, k))
			continue;
		p = date_first_token(c, k);
		dist = p >= t ? (long) (p - t) : (long) (t - p) + 1;
		/* one in the word's own stretch first */
		if (p < a || p > b)
			dist += 1000;
		if (best < 0 || dist < best_dist)
		{
			best = (long) k;
			best_dist = dist;
		}
	}
	return best;
}

static void
set_date(nk_claim *cl, const nk_date_mention *d)
{
	cl->has_date = true;
	cl->date_from = d->date_from;
	cl->date_to = d->date_to;
	cl->precision = d->precision;
}

/* ---------------------------------------------------------------- building claims */

static nk_claim *
new_claim(sctx *c, const char *predicate)
{
	nk_claim   *cl = nk_vec_push(c->arena, c->out);

	cl->predicate = predicate;
	cl->status = NK_STATUS_REPORTED;
	cl->polarity = NK_POLARITY_AFFIRMATIVE;
	cl->has_reported = c->has_pub;
	cl->reported = c->pub;
	cl->sentence = c->sent;
	cl->evidence = c->span;
	cl->subject_id = cl->object_id = cl->place_id = -1;
	return cl;
}

static void
set_subject(nk_claim *cl, const nk_entity_mention *m)
{
	if (m == NULL)
		return;
	cl->subject = m->entity;
	cl->subject_id = m->gazetteer_id;
}

static void
set_object(nk_claim *cl, const nk_entity_mention *m)
{
	if (m == NULL)
		return;
	cl->object = m->entity;
	cl->object_id = m->gazetteer_id;
}

static void
set_place(nk_claim *cl, const nk_entity_mention *m)
{
	if (m == NULL)
		return;
	cl->place = m->entity;
	cl->place_id = m->gazetteer_id;
}

/* The most specific place mentioned in tokens a..b, or NULL. */
static const nk_entity_mention *
best_place(const sctx *c, size_t a, size_t b)
{
	const nk_entity_mention *best = NULL;
	int			rank = -1;

	for (size_t k = 0; k < c->nm; k++)
	{
		const nk_entity_mention *m = c->m[k];
		int			r;

		if (m->first_token < a || m->last_token > b || !is_place_label(m->label))
			continue;
		r = place_rank(c, m);
		if (r > rank)
		{
			best = m;
			rank = r;
		}
	}
	return best;
}

/* An agent: a person, organisation or country (not a city, not a demonym). */
static bool
is_agent(const sctx *c, const nk_entity_mention *m)
{
	return m->label == NK_LABEL_PERSON || m->label == NK_LABEL_ORG ||
		(m->label == NK_LABEL_GPE && is_country(c, m));
}

/* The nearest agent before token t within its stretch, or NULL. */
static const nk_entity_mention *
agent_before(const sctx *c, size_t t)
{
	size_t		a,
				b;

	stretch(c, t, &a, &b);
	for (size_t i = t; i > a; i--)
	{
		const nk_entity_mention *m = mention(c, owner_at(c, i - 1));

		if (m != NULL && is_agent(c, m) && !(m->last_token + 1 <= c->l && c->tok[m->last_token + 1].flags & NK_TOKEN_POSSESSIVE))
			return m;
	}
	return NULL;
}

/* The first mention after token t (within n tokens) that passes ok, or NULL. */
static const nk_entity_mention *
mention_after(const sctx *c, size_t t, size_t n, bool (*ok) (const sctx *, const nk_entity_mention *))
{
	for (size_t i = t + 1; i <= c->l && i <= t + n; i++)
	{
		const nk_entity_mention *m = mention(c, owner_at(c, i));

		if (m != NULL && ok(c, m))
			return m;
	}
	return NULL;
}

static bool
ok_place(const sctx *c, const nk_entity_mention *m)
{
	return is_place_label(m->label);
}

static bool
ok_person(const sctx *c, const nk_entity_mention *m)
{
	return m->label == NK_LABEL_PERSON;
}

static bool
ok_agent(const sctx *c, const nk_entity_mention *m)
{
	return is_agent(c, m);
}

/* ---------------------------------------------------------------- event words */

typedef struct stem_type
{
	const char *type;
	const char *const *stems;	/* prefixes of the folded word */
} stem_type;

static const char *const visit_stems[] = {"visit", "trip", "tour", "travel", NULL};
static const char *const arrive_stems[] = {"arriv", "reached", NULL};
static const char *const depart_stems[] = {"depart", "left", NULL};
static const char *const meet_stems[] = {"meet", "met", "summit", "talks", NULL};
static const char *const agree_stems[] = {"sign", NULL};
static const char *const invite_stems[] = {"invit", NULL};
static const char *const launch_stems[] = {"launch", "fired", NULL};
static const char *const sanction_stems[] = {"sanction", NULL};
static const char *const deploy_stems[] = {"deploy", "dispatch", "sent", "send", NULL};
static const char *const gift_stems[] = {"gift", "gave", "present", NULL};

static const stem_type stem_types[] = {
	{"VISIT", visit_stems}, {"ARRIVE", arrive_stems}, {"DEPART", depart_stems}, {"MEET", meet_stems},
	{"AGREE", agree_stems}, {"INVITE", invite_stems}, {"LAUNCH", launch_stems},
	{"SANCTION", sanction_stems}, {"DEPLOY", deploy_stems}, {"GIFT", gift_stems}
};

#define N_STEM_TYPES (sizeof(stem_types) / sizeof(stem_types[0]))

/* Per stem type: a bit (1 << (c - 'a')) for each first letter of its stems (word_table_init()). */
static uint32_t stem_letters[N_STEM_TYPES];

static long
stem_type_index(const char *type)
{
	for (size_t k = 0; k < N_STEM_TYPES; k++)
		if (strcmp(stem_types[k].type, type) == 0)
			return (long) k;
	return -1;
}

/* Whether token i starts with a first letter of a stem of stem type k (stem_at() can be true). */
static bool
may_have_stem(const sctx *c, size_t i, size_t k)
{
	unsigned	first = (unsigned char) c->tok[i].fold[0] - 'a';

	return first < 26 && (stem_letters[k] & (1u << first));
}

static bool
stem_at(const sctx *c, size_t i, const char *const *stems)
{
	if (c->tok[i].kind != NK_TOKEN_WORD || owner_at(c, i) >= 0)
		return false;
	for (; *stems; stems++)
		if (has_prefix(c, i, *stems))
		{
			/* "metres", "signal", "significant", "presented", "sentence": not these */
			if (strcmp(*stems, "met") == 0 && c->tok[i].fold_len != 3)
				return false;
			if (strcmp(*stems, "sign") == 0 && !(c->tok[i].fold_len == 4 || has_prefix(c, i, "signed") ||
												 has_prefix(c, i, "signing") || has_prefix(c, i, "signs")))
				return false;
			if (strcmp(*stems, "sent") == 0 && c->tok[i].fold_len != 4)
				return false;
			if (strcmp(*stems, "send") == 0 && !(c->tok[i].fold_len == 4 || has_prefix(c, i, "sending")))
				return false;
			if (strcmp(*stems, "left") == 0 && c->tok[i].fold_len != 4)
				return false;
			if (strcmp(*stems, "present") == 0 || has_prefix(c, i, "visitor"))
				return false;
			return true;
		}
	return false;
}

/* The first token of the sentence with a word of the type, or -1. */
static long
anchor_of(const sctx *c, const char *type)
{
	long		k = stem_type_index(type);
	const char *const *stems;

	if (k < 0)
		return -1;
	stems = stem_types[k].stems;
	for (size_t i = c->f; i <= c->l; i++)
	{
		if (may_have_stem(c, i, (size_t) k) && stem_at(c, i, stems))
			return (long) i;
		/* "asked the prime minister to come to Moscow" */
		if (stems == invite_stems && (is(c, i, "asked") || is(c, i, "asks") || is(c, i, "urged")))
			for (size_t j = i + 1; j <= c->l && j <= i + 8; j++)
				if (is(c, j, "to") && (is(c, j + 1, "come") || is(c, j + 1, "visit")))
					return (long) i;
	}
	return -1;
}

/* Whether the verb at t is passive ("were fired", "was signed by") */
static bool
passive(const sctx *c, size_t t)
{
	return in_word_list(c, t - 1, WL_BE) || (t >= 2 && in_word_list(c, t - 2, WL_BE) && c->tok[t - 1].kind == NK_TOKEN_WORD
										  && has_prefix(c, t - 1, "") && c->tok[t - 1].fold_len > 2 &&
										  c->tok[t - 1].fold[c->tok[t - 1].fold_len - 2] == 'l' &&
										  c->tok[t - 1].fold[c->tok[t - 1].fold_len - 1] == 'y');
}

static const char *
span_text(const sctx *c, size_t a, size_t b)
{
	return nk_arena_strndup(c->arena, c->doc->text + c->tok[a].start,
							c->tok[b].start + c->tok[b].len - c->tok[a].start);
}

/* Claims from the events of the sentence. */
static void
claims_from_events(sctx *c, const nk_event *ev, size_t nev)
{
	for (size_t k = 0; k < nev; k++)
	{
		const nk_event *e = &ev[k];
		const char *type = nk_event_type(e->type)->name;
		nk_claim   *cl = new_claim(c, type);
		long		t = anchor_of(c, type);

		cl->subject = e->actor;
		cl->object = e->target;
		cl->place = e->location;
		cl->subject_id = cl->object_id = cl->place_id = NK_CLAIM_LOOKUP;
		cl->items = e->items;
		cl->n_items = e->n_items;
		cl->status = e->status;
		cl->source = e->source;
		if (e->has_quantity || e->has_quantity_max)
		{
			cl->has_number = true;
			cl->number = e->has_quantity ? (double) e->quantity : 0;
			cl->number_max = e->has_quantity_max ? (double) e->quantity_max : cl->number;
			cl->approx = e->has_quantity && e->has_quantity_max ? NK_APPROX_RANGE :
				e->has_quantity_max ? NK_APPROX_AT_MOST : NK_APPROX_EXACT;
			if (strcmp(type, "DEPLOY") == 0)
				cl->unit = "troops";
		}
		if (e->status == NK_STATUS_DENIED || e->status == NK_STATUS_NEGATED)
			cl->polarity = NK_POLARITY_NEGATIVE;
		if (t >= 0)
		{
			long		dk = date_near(c, (size_t) t);
			nk_event_status s = status_before(c, (size_t) t);

			if (dk >= 0)
				set_date(cl, c->d[dk]);
			else
				cl->has_date = false;
			if (e->status == NK_STATUS_REPORTED && s != NK_STATUS_REPORTED)
				cl->status = s;
		}
		else if (e->has_date)
		{
			cl->has_date = true;
			cl->date_from = e->date_from;
			cl->date_to = e->date_to;
			cl->precision = e->precision;
		}
		if (cl->polarity == NK_POLARITY_AFFIRMATIVE)
			cl->polarity = polarity_of(c, c->f, c->l);
		if (cl->polarity == NK_POLARITY_NEGATIVE && cl->status == NK_STATUS_REPORTED)
			cl->status = NK_STATUS_DENIED;
	}
}

/* Claims from event words the events stage left without a row. */
static void
claims_from_words(sctx *c, const nk_event *ev, size_t nev)
{
	for (size_t s = 0; s < N_STEM_TYPES; s++)
	{
		const char *type = stem_types[s].type;
		bool		have = false;
		long		t;
		nk_claim   *cl;
		size_t		a,
					b;

		for (size_t k = 0; k < nev; k++)
			if (strcmp(nk_event_type(ev[k].type)->name, type) == 0)
				have = true;
		if (have || (t = anchor_of(c, type)) < 0)
			continue;
		/* deployments, sanctions and gifts without a word of their object are too vague */
		if (strcmp(type, "DEPLOY") == 0 || strcmp(type, "SANCTION") == 0 || strcmp(type, "GIFT") == 0)
			continue;
		cl = new_claim(c, type);
		stretch(c, (size_t) t, &a, &b);
		if (!passive(c, (size_t) t))
			set_subject(cl, agent_before(c, (size_t) t));
		else if (is(c, t + 1, "by"))
			set_subject(cl, mention_after(c, (size_t) t + 1, 2, ok_agent));
		if (strcmp(type, "VISIT") == 0 || strcmp(type, "ARRIVE") == 0 || strcmp(type, "DEPART") == 0)
		{
			const nk_entity_mention *p = mention_after(c, (size_t) t, 4, ok_place);

			/* "a two-day Vietnam visit" */
			if (p == NULL && t > (long) c->f && owner_at(c, t - 1) >= 0 && ok_place(c, mention(c, owner_at(c, t - 1))))
				p = mention(c, owner_at(c, t - 1));
			set_object(cl, p);
		}
		else if (strcmp(type, "INVITE") == 0 || strcmp(type, "MEET") == 0)
			set_object(cl, mention_after(c, (size_t) t, 6, ok_person));
		set_place(cl, best_place(c, a, b));
		{
			long		dk = date_near(c, (size_t) t);

			if (dk >= 0)
				set_date(cl, c->d[dk]);
		}
		cl->status = status_before(c, (size_t) t);
		cl->polarity = polarity_of(c, c->f, c->l);
		if (cl->polarity == NK_POLARITY_NEGATIVE && cl->status == NK_STATUS_REPORTED)
			cl->status = NK_STATUS_DENIED;
		/* "the second launch", "their first summit" */
		{
			static const char *const ordinals[] = {"first", "second", "third", "fourth", "fifth", NULL};

			for (int o = 0; ordinals[o]; o++)
				if (is(c, t - 1, ordinals[o]) || (is(c, t - 2, ordinals[o]) && c->tok[t - 1].kind == NK_TOKEN_WORD))
					cl->ordinal = o + 1;
		}
	}
}

/* ---------------------------------------------------------------- numbers */

static const struct
{
	const char *w;
	double		v;
} number_words[] = {
	{"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
	{"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"fifteen", 15},
	{"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"hundred", 100}, {"dozen", 12}
};

static double
multiplier(const sctx *c, size_t i)
{
	if (is(c, i, "hundred"))
		return 100;
	if (is(c, i, "thousand"))
		return 1000;
	if (is(c, i, "million"))
		return 1e6;
	if (is(c, i, "billion"))
		return 1e9;
	return 0;
}

/* Read a number at token i; *last gets its last token. */
static bool
read_number(const sctx *c, size_t i, double *value, size_t *last)
{
	double		v = -1;
	size_t		j = i;

	if (i > c->l)
		return false;
	if (c->tok[i].kind == NK_TOKEN_NUMBER)
	{
		v = strtod(c->tok[i].fold, NULL);
		/* thousands separators: strtod stops at the comma */
		{
			double		d = 0,
						scale = 0;

			for (const char *p = c->tok[i].fold; *p; p++)
				if (*p >= '0' && *p <= '9')
				{
					if (scale > 0)
					{
						d += (*p - '0') * scale;
						scale /= 10;
					}
					else
						d = d * 10 + (*p - '0');
				}
				else if (*p == '.')
					scale = 0.1;
			v = d;
		}
		if (multiplier(c, j + 1) > 0)
			v *= multiplier(c, ++j);
		else if (is_dash(c, j + 1) && multiplier(c, j + 2) > 0)
		{
			v *= multiplier(c, j + 2);
			j += 2;
		}
	}
	else if (c->tok[i].kind == NK_TOKEN_WORD)
	{
		for (size_t k = 0; k < sizeof(number_words) / sizeof(number_words[0]); k++)
			if (nk_token_is(&c->tok[i], number_words[k].w))
				v = number_words[k].v;
		if (v < 0)
			return false;
		if (multiplier(c, j + 1) > 0)
			v *= multiplier(c, ++j);
	}
	else
		return false;
	*value = v;
	*last = j;
	return true;
}

typedef struct unit_word
{
	const char *word;
	const char *unit;
} unit_word;

static const unit_word unit_words[] = {
	{"troops", "troops"}, {"troop", "troops"}, {"soldiers", "troops"}, {"servicemen", "troops"},
	{"forces", "troops"}, {"personnel", "troops"}, {"infantry", "troops"}, {"fighters", "troops"},
	{"workers", "workers"}, {"containers", "containers"}, {"individuals", "individuals"},
	{"people", "individuals"}, {"persons", "individuals"}, {"entities", "entities"},
	{"companies", "entities"}, {"firms", "entities"}, {"missiles", "missiles"},
	{"shells", "shells"}, {"rounds", "shells"}, {"drones", "drones"}, {"vessels", "vessels"},
	{"ships", "vessels"}, {"tanks", "tanks"}, {"launchers", "launchers"},
	{"km", "km"}, {"kilometres", "km"}, {"kilometers", "km"}, {"miles", "miles"},
	{"day", "day"}, {"days", "day"}, {"hour", "hour"}, {"hours", "hour"}, {"week", "week"},
	{"weeks", "week"}, {"month", "month"}, {"months", "month"}, {NULL, NULL}
};

static const char *
unit_at(const sctx *c, size_t i)
{
	if (i < c->f || i > c->l || c->units[i] < 0)
		return NULL;
	return unit_words[c->units[i]].unit;
}

/*
 * The words of the lists above, each with the lists it is in and its unit:
 * rules ask these of token after token, so each token is looked up once,
 * in a table built at the first call.
 */
typedef struct word_entry
{
	const char *w;				/* NULL: a free slot */
	uint32_t	len;
	uint8_t		lists;			/* WL_* */
	int8_t		unit;			/* unit_words[] index, or -1 */
} word_entry;

#define WORD_TABLE_SIZE 512		/* a power of two, over twice the words */

static word_entry word_table[WORD_TABLE_SIZE];
static bool word_table_ready;

static word_entry *
word_slot(const char *w, size_t len, bool insert)
{
	for (uint32_t i = nk_hash_bytes(w, len) & (WORD_TABLE_SIZE - 1);; i = (i + 1) & (WORD_TABLE_SIZE - 1))
	{
		word_entry *e = &word_table[i];

		if (e->w == NULL)
		{
			if (!insert)
				return NULL;
			e->w = w;
			e->len = (uint32_t) len;
			e->unit = -1;
			return e;
		}
		if (e->len == len && memcmp(e->w, w, len) == 0)
			return e;
	}
}

static void
word_table_init(void)
{
	static const struct
	{
		const char *const *words;
		uint8_t		list;
	}			lists[] = {
		{be_forms, WL_BE}, {speech_verbs, WL_SPEECH}, {denial_words, WL_DENIAL},
		{planned_words, WL_PLANNED}, {speculated_words, WL_SPECULATED}
	};

	if (word_table_ready)
		return;
	for (size_t k = 0; k < sizeof(lists) / sizeof(lists[0]); k++)
		for (const char *const *w = lists[k].words; *w; w++)
			word_slot(*w, strlen(*w), true)->lists |= lists[k].list;
	for (size_t k = 0; unit_words[k].word; k++)
	{
		word_entry *e = word_slot(unit_words[k].word, strlen(unit_words[k].word), true);

		if (e->unit < 0)
			e->unit = (int8_t) k;
	}
	for (size_t t = 0; t < N_STEM_TYPES; t++)
		for (const char *const *st = stem_types[t].stems; *st; st++)
			stem_letters[t] |= 1u << ((unsigned char) (*st)[0] - 'a');
	word_table_ready = true;
}

/* Set lists and units of every token of doc. */
static void
word_lists_of_doc(nk_arena *arena, const nk_doc *doc, uint8_t **lists, int8_t **units)
{
	size_t		n = doc->tokens.count;

	word_table_init();
	*lists = nk_arena_zalloc(arena, n + 1);
	*units = nk_arena_alloc(arena, n + 1);
	for (size_t i = 0; i < n; i++)
	{
		const nk_token *t = &doc->tokens.items[i];
		const word_entry *e = word_slot(t->fold, t->fold_len, false);

		(*lists)[i] = e ? e->lists : 0;
		(*units)[i] = e ? e->unit : -1;
		if ((i & 4095) == 4095)
			nk_check_interrupts();
	}
}

static bool
is_duration_unit(const char *unit)
{
	return strcmp(unit, "day") == 0 || strcmp(unit, "hour") == 0 || strcmp(unit, "week") == 0 ||
		strcmp(unit, "month") == 0;
}

/* Counts of one occasion (a sanctions round) rather than running totals. */
static bool
is_tied_unit(const char *unit)
{
	return strcmp(unit, "individuals") == 0 || strcmp(unit, "entities") == 0 || strcmp(unit, "vessels") == 0;
}

static double
hours_of(const char *unit)
{
	if (strcmp(unit, "hour") == 0)
		return 1;
	if (strcmp(unit, "day") == 0)
		return 24;
	if (strcmp(unit, "week") == 0)
		return 168;
	return 730;
}

/* Whether token i belongs to a time expression or a name. */
static bool
taken(const sctx *c, size_t i)
{
	return c->downer[i - c->f] >= 0 || owner_at(c, i) >= 0;
}

static bool is_speaker(const sctx *c, const nk_entity_mention *m);

/*
 * Whose count tokens i..u are: a demonym, country or body among its
 * modifiers ("North Korean soldiers"), after "from" ("soldiers from North
 * Korea"), or the agent before it that is not the speaker.
 */
static const nk_entity_mention *
owner_of_count(const sctx *c, size_t i, size_t u)
{
	const nk_entity_mention *m;

	for (size_t j = i; j <= u; j++)
		if ((m = mention(c, owner_at(c, j))) != NULL && m->label != NK_LABEL_PERSON)
			return m;
	if ((is(c, u + 1, "from") || is(c, u + 1, "of")) && (m = mention(c, owner_at(c, u + 2))) != NULL &&
		m->label != NK_LABEL_PERSON)
		return m;
	m = agent_before(c, i);
	return m != NULL && !is_speaker(c, m) ? m : NULL;
}

/* Troops "taking part", "sent", "fighting" with no number: a deployment the events stage may have missed. */
static void
claims_from_troops(sctx *c, const nk_event *ev, size_t nev)
{
	for (size_t k = 0; k < nev; k++)
		if (strcmp(nk_event_type(ev[k].type)->name, "DEPLOY") == 0)
			return;
	for (size_t i = c->f; i <= c->l; i++)
	{
		const char *unit = unit_at(c, i);
		bool		acting = false;
		nk_claim   *cl;

		if (unit == NULL || strcmp(unit, "troops") != 0)
			continue;
		for (size_t j = c->f; j <= c->l; j++)
			if (stem_at(c, j, deploy_stems) || ((is(c, j, "taking") || is(c, j, "take") || is(c, j, "took")) &&
												is(c, j + 1, "part")) || is(c, j, "fighting"))
				acting = true;
		if (!acting)
			return;
		cl = new_claim(c, "DEPLOY");
		set_subject(cl, owner_of_count(c, i > c->f + 3 ? i - 3 : c->f, i));
		cl->status = status_before(c, i);
		cl->polarity = polarity_of(c, c->f, c->l);
		if (cl->polarity == NK_POLARITY_NEGATIVE && cl->status == NK_STATUS_REPORTED)
			cl->status = NK_STATUS_DENIED;
		return;
	}
}

static void
claims_from_numbers(sctx *c)
{
	for (size_t i = c->f; i <= c->l; i++)
	{
		double		v,
					w;
		size_t		last,
					last2,
					u;
		nk_approx	approx = NK_APPROX_EXACT;
		const char *unit = NULL;
		bool		other = false;
		nk_claim   *cl;
		bool		vague = false;

		if (taken(c, i))
			continue;
		/* "about a week" */
		if ((is(c, i, "a") || is(c, i, "an")) && (is(c, i - 1, "about") || is(c, i - 1, "around") ||
												   is(c, i - 1, "roughly") || is(c, i - 1, "nearly")))
		{
			v = 1;
			last = i;
		}
		else if (is(c, i, "multiple") || is(c, i, "several") || is(c, i, "dozens") || is(c, i, "hundreds") ||
				 is(c, i, "thousands") || is(c, i, "millions"))
		{
			v = is(c, i, "multiple") || is(c, i, "several") ? 2 : is(c, i, "dozens") ? 24 :
				is(c, i, "hundreds") ? 200 : is(c, i, "thousands") ? 2000 : 2e6;
			last = i;
			vague = true;
			if (is(c, i + 1, "of"))
				last = i + 1;
		}
		else if (!read_number(c, i, &v, &last))
			continue;
		/* "10,000 to 12,000 troops", "between 10,000 and 12,000" ("June 19-20" is a date, not this) */
		w = 0;
		if (!vague && (is(c, last + 1, "to") || is_dash(c, last + 1) || (is(c, last + 1, "and") && is(c, i - 1, "between")))
			&& read_number(c, last + 2, &w, &last2) && w > v)
			last = last2;
		else
			w = 0;
		/* the unit: right after, or after up to three modifiers ("North Korean special forces") */
		u = last + 1;
		if (is_dash(c, u) && unit_at(c, u + 1))
			u++;
		for (size_t n = 0; n < 4 && u <= c->l && !unit_at(c, u); n++, u++)
		{
			if (c->tok[u].kind != NK_TOKEN_WORD && !is_dash(c, u) && !(c->tok[u].kind == NK_TOKEN_PUNCT &&
																	   (c->tok[u].flags & NK_TOKEN_POSSESSIVE)))
				break;
			{
				double		w2;
				size_t		l2;

				if (read_number(c, u, &w2, &l2))
					break;
			}
			if (is(c, u, "other"))
				other = true;
			if (is(c, u, "of") || is(c, u, "and") || is(c, u, "to") || is(c, u, "or") || in_word_list(c, u, WL_BE))
				break;
		}
		if (u > c->l || (unit = unit_at(c, u)) == NULL)
		{
			/* "put the number of troops ... at as many as 10,000" */
			unit = NULL;
			for (size_t j = i; j > c->f + 1 && j + 16 > i && unit == NULL; j--)
				if (is(c, j - 2, "number") && is(c, j - 1, "of"))
					unit = unit_at(c, j);
			if (unit == NULL)
				continue;
			u = last;
		}
		/* "152 mm", "a 32-page report", ages: not counts */
		if (c->tok[i].kind == NK_TOKEN_NUMBER && v >= 1900 && v <= 2100 && last == i && !strchr(c->tok[i].fold, ','))
			continue;
		if (is(c, i - 1, "about") || is(c, i - 1, "around") || is(c, i - 1, "approximately") ||
			is(c, i - 1, "roughly") || is(c, i - 1, "some") || is(c, i - 1, "nearly") ||
			is(c, i - 1, "almost") || is(c, i - 1, "estimated") || is(c, i - 1, "approx") ||
			(is(c, i - 1, "a") && is(c, i - 2, "about")))
			approx = NK_APPROX_ABOUT;
		else if ((is(c, i - 1, "than") && (is(c, i - 2, "more") || is(c, i - 2, "over"))) ||
				 is(c, i - 1, "over") || (is(c, i - 1, "least") && is(c, i - 2, "at")))
			approx = NK_APPROX_AT_LEAST;
		else if ((is(c, i - 1, "to") && is(c, i - 2, "up")) ||
				 (is(c, i - 1, "as") && is(c, i - 2, "many")) ||
				 (is(c, i - 1, "than") && (is(c, i - 2, "fewer") || is(c, i - 2, "less"))))
			approx = NK_APPROX_AT_MOST;
		if (other)
			approx = NK_APPROX_AT_LEAST;
		if (vague)
			approx = NK_APPROX_VAGUE;
		cl = new_claim(c, "count");
		cl->has_number = true;
		cl->number = v;
		cl->number_max = v;
		if (w > v)
		{
			cl->number_max = w;
			approx = NK_APPROX_RANGE;
		}
		if (approx == NK_APPROX_AT_MOST)
			cl->number = 0;
		cl->approx = approx;
		cl->unit = unit;
		{
			/* the wording with its modifier: "more than 9,000 troops", "about 8,000 soldiers" */
			size_t		from = i;

			if (approx != NK_APPROX_EXACT && !other && !vague && approx != NK_APPROX_RANGE)
				from = is(c, i - 1, "than") || is(c, i - 1, "least") || (is(c, i - 1, "to") && is(c, i - 2, "up")) ||
					(is(c, i - 1, "as") && is(c, i - 2, "many")) ? i - 2 : i - 1;
			if (is(c, from - 1, "as") && is(c, from, "many"))
				from--;
			cl->value = span_text(c, from, u);
		}
		if (is_duration_unit(unit))
		{
			cl->predicate = "duration";
			/* what lasted: "a two-day visit" */
			if (is(c, u + 1, "visit") || is(c, u + 1, "trip") || is(c, u + 1, "tour") || is(c, u + 1, "stay") ||
				(u + 2 <= c->l && c->tok[u + 2].kind == NK_TOKEN_WORD && has_prefix(c, u + 2, "visit")))
				cl->object = "visit";
		}
		else if (strcmp(unit, "troops") == 0)
			cl->predicate = "troop_count";
		else if (strcmp(unit, "km") == 0 || strcmp(unit, "miles") == 0)
			cl->predicate = "range_km";
		if (strcmp(unit, "miles") == 0)
		{
			cl->number *= 1.609;
			cl->number_max *= 1.609;
			cl->unit = "km";
		}
		set_subject(cl, owner_of_count(c, i, u));
		if (is_tied_unit(unit))
		{
			long		dk = date_near(c, i);

			if (dk >= 0)
				set_date(cl, c->d[dk]);
		}
		cl->status = status_before(c, i);
		if (cl->status == NK_STATUS_CANCELLED)
			cl->status = NK_STATUS_REPORTED;
		i = u;
	}
}

/* ---------------------------------------------------------------- series: first, last, since */

/* Days of the year y (Jan 1 .. Dec 31). */
static void
year_range(int y, int32_t *from, int32_t *to)
{
	*from = nk_days_from_civil(y, 1, 1);
	*to = nk_days_from_civil(y, 12, 31);
}

static int
year_of_day(int32_t day)
{
	int			y,
				m,
				d;

	nk_civil_from_days(day, &y, &m, &d);
	return y;
}

/* The word of the series at token t: a visit, a meeting, or something else. */
static const char *
series_slot(const sctx *c, size_t a, size_t b)
{
	for (size_t i = a; i <= b && i <= c->l; i++)
	{
		if (has_prefix(c, i, "visit") && !has_prefix(c, i, "visitor"))
			return "last_visit";
		if (has_prefix(c, i, "trip") || has_prefix(c, i, "travel"))
			return "last_visit";
		if (is(c, i, "met") || has_prefix(c, i, "meet") || has_prefix(c, i, "summit"))
			return "series_start";
	}
	return "first_since";
}

static nk_claim *
series_claim(sctx *c, const char *slot, size_t at)
{
	nk_claim   *cl = new_claim(c, slot);
	const nk_entity_mention *p = NULL;

	/* the person of the series: the first one named in the sentence */
	for (size_t k = 0; k < c->nm && p == NULL; k++)
		if (c->m[k]->label == NK_LABEL_PERSON)
			p = c->m[k];
	set_subject(cl, p);
	/* visited where: the first country or place after the word */
	if (strcmp(slot, "last_visit") == 0)
	{
		const nk_entity_mention *o = NULL;

		for (size_t k = 0; k < c->nm; k++)
			if (is_place_label(c->m[k]->label) && (o == NULL || c->m[k]->first_token < at))
				o = c->m[k];
		set_object(cl, o);
	}
	cl->status = NK_STATUS_REPORTED;
	return cl;
}

static void
claims_from_series(sctx *c)
{
	static const char *const ordinals[] = {"first", "second", "third", "fourth", "fifth", "sixth", NULL};

	for (size_t i = c->f; i <= c->l; i++)
	{
		int			ord = 0;

		for (int o = 0; ordinals[o]; o++)
			if (is(c, i, ordinals[o]))
				ord = o + 1;
		if (ord > 0)
		{
			/* "first ... since <date>" (within 12 words) */
			for (size_t j = i + 1; j <= c->l && j <= i + 16; j++)
			{
				if (is(c, j, "since"))
				{
					for (size_t k = 0; k < c->nd; k++)
						if (c->d[k]->resolved && date_first_token(c, k) > j && date_first_token(c, k) <= j + 10)
						{
							const char *slot = series_slot(c, i, j);
							nk_claim   *cl;

							if (ord > 1)
								slot = "series_start";
							cl = series_claim(c, slot, i);
							set_date(cl, c->d[k]);
							cl->ordinal = ord;
							cl->value = span_text(c, i, date_first_token(c, k));
							break;
						}
					break;
				}
				/* "the first time in 24 years", "his second visit in nearly 24 years" */
				if (is(c, j, "in") && (is(c, j + 2, "years") || is(c, j + 3, "years")) && c->has_pub)
				{
					double		n;
					size_t		last;
					size_t		at = is(c, j + 2, "years") ? j + 1 : j + 2;
					bool		near = is(c, j + 1, "nearly") || is(c, j + 1, "almost") || is(c, j + 1, "about");

					if (read_number(c, at, &n, &last) && n >= 1 && n < 100)
					{
						int			y = year_of_day((int32_t) (c->pub / SECONDS_PER_DAY)) - (int) n;
						nk_claim   *cl = series_claim(c, ord == 1 && strcmp(series_slot(c, i, c->l), "first_since") == 0
													  ? "last_visit" : series_slot(c, i, c->l), i);

						if (strcmp(cl->predicate, "series_start") == 0)
							cl->predicate = "last_visit";
						cl->has_date = true;
						year_range(near ? y : y, &cl->date_from, &cl->date_to);
						if (near)
							cl->date_to = nk_days_from_civil(y + 1, 12, 31);
						cl->precision = NK_PREC_YEAR;
						cl->ordinal = ord;
						cl->value = span_text(c, i, at + 1);
					}
					break;
				}
				if (is_punct(c, j, ";") || is_punct(c, j, "."))
					break;
			}
			/* "their first summit in April 2019": the start of a series of meetings */
			if (ord == 1 && (has_prefix(c, i + 1, "summit") || has_prefix(c, i + 1, "meeting")))
			{
				long		dk = date_near(c, i + 1);

				if (dk >= 0 && date_first_token(c, (size_t) dk) > i && date_first_token(c, (size_t) dk) <= i + 5)
				{
					nk_claim   *cl = series_claim(c, "series_start", i);

					set_date(cl, c->d[dk]);
					cl->ordinal = 1;
					cl->value = span_text(c, i, i + 1);
				}
			}
		}
		/* "once before, ... in May 2018", "a previous visit in 2005", "last visited ... in" */
		if ((is(c, i, "once") && is(c, i + 1, "before")) || is(c, i, "previous") ||
			(is(c, i, "last") && has_prefix(c, i + 1, "visit")))
		{
			for (size_t k = 0; k < c->nd; k++)
			{
				size_t		p = date_first_token(c, k);

				if (c->d[k]->resolved && p > i && p <= i + 10 && c->d[k]->precision != NK_PREC_VAGUE &&
					c->d[k]->precision != NK_PREC_YEAR + 100)
				{
					nk_claim   *cl = series_claim(c, "last_visit", i);

					/* the most precise date of the stretch: "four years ago, in April 2019" */
					for (size_t k2 = k + 1; k2 < c->nd; k2++)
						if (c->d[k2]->resolved && date_first_token(c, k2) <= i + 12 &&
							c->d[k2]->date_to - c->d[k2]->date_from < c->d[k]->date_to - c->d[k]->date_from)
							k = k2;
					set_date(cl, c->d[k]);
					cl->value = span_text(c, i, date_first_token(c, k));
					break;
				}
			}
		}
	}
}

/* ---------------------------------------------------------------- meetings and statements */

/* Whether person mention m is the speaker of a verb of saying. */
static bool
is_speaker(const sctx *c, const nk_entity_mention *m)
{
	for (size_t i = m->last_token + 1; i <= c->l && i <= m->last_token + 3; i++)
	{
		if (in_word_list(c, i, WL_SPEECH))
			return true;
		if (c->tok[i].kind == NK_TOKEN_PUNCT)
			break;
	}
	if (is(c, m->first_token - 1, "to") && is(c, m->first_token - 2, "according"))
		return true;
	return false;
}

static void
claims_from_meetings(sctx *c)
{
	size_t		a = c->f;

	while (a <= c->l)
	{
		size_t		s,
					b;
		const char *people[8];
		size_t		np = 0;

		stretch(c, a, &s, &b);
		for (size_t k = 0; k < c->nm; k++)
		{
			const nk_entity_mention *m = c->m[k];
			bool		dup = false;

			if (m->label != NK_LABEL_PERSON || m->first_token < s || m->last_token > b || is_speaker(c, m))
				continue;
			for (size_t q = 0; q < np; q++)
				if (strcmp(people[q], m->entity) == 0)
					dup = true;
			if (!dup && np < 8)
				people[np++] = m->entity;
		}
		if (np >= 2)
		{
			nk_claim   *cl = new_claim(c, "meeting");
			long		dk = date_near(c, s);
			const nk_entity_mention *p = best_place(c, s, b);

			cl->items = nk_arena_alloc(c->arena, np * sizeof(char *));
			memcpy(cl->items, people, np * sizeof(char *));
			cl->n_items = np;
			cl->subject = people[0];
			cl->object = people[1];
			cl->subject_id = cl->object_id = NK_CLAIM_LOOKUP;
			set_place(cl, p);
			if (dk >= 0)
				set_date(cl, c->d[dk]);
			cl->status = status_before(c, b);
			for (size_t i = s; i <= b; i++)
			{
				nk_event_status st = status_before(c, i);

				if (st != NK_STATUS_REPORTED)
				{
					cl->status = st;
					break;
				}
			}
			cl->polarity = polarity_of(c, s, b);
			cl->value = p ? p->entity : NULL;
		}
		a = b + 2;
	}
}

static void
claims_from_statements(sctx *c)
{
	for (size_t i = c->f; i <= c->l; i++)
	{
		const nk_entity_mention *sp = NULL;
		nk_claim   *cl;
		long		dk = -1;
		size_t		end;

		if (!in_word_list(c, i, WL_SPEECH))
			continue;
		/* the speaker: the agent right before ("Peskov said", "the Pentagon says"), or after ("said Peskov") */
		for (size_t j = i; j > c->f && j + 8 > i; j--)
		{
			const nk_entity_mention *m = mention(c, owner_at(c, j - 1));

			if (m != NULL && is_agent(c, m))
			{
				sp = m;
				break;
			}
			if (is_punct(c, j - 1, ",") && j + 1 < i)
				break;
		}
		if (sp == NULL)
			sp = mention_after(c, i, 2, ok_agent);
		if (sp == NULL || sp->label == NK_LABEL_GPE)
			continue;
		cl = new_claim(c, "statement");
		set_subject(cl, sp);
		cl->value = nk_arena_strndup(c->arena, c->tok[i].fold, c->tok[i].fold_len);
		/* when: a time expression next to the verb ("said Thursday", "declined on October 26") */
		for (size_t k = 0; k < c->nd; k++)
		{
			size_t		p = date_first_token(c, k);

			if (c->d[k]->resolved && !date_is_since(c, k) &&
				((p > i && p <= i + 3) || (p < i && p + 4 >= i) || (p < sp->first_token && p + 4 >= sp->first_token)))
				dk = (long) k;
		}
		if (dk >= 0)
			set_date(cl, c->d[dk]);
		else if (c->has_pub)
		{
			cl->has_date = true;
			cl->date_from = cl->date_to = (int32_t) (c->pub / SECONDS_PER_DAY);
			cl->precision = NK_PREC_DAY;
		}
		/* what was said: to the next verb of saying or the end */
		end = c->l;
		for (size_t j = i + 2; j <= c->l; j++)
			if (in_word_list(c, j, WL_SPEECH) && !is(c, j, "reports") && !is(c, j, "claims"))
			{
				end = j;
				break;
			}
		cl->polarity = is(c, i, "denied") || is(c, i, "rejected") ? NK_POLARITY_NEGATIVE : polarity_of(c, i, end);
		if (is(c, i, "declined"))
			cl->polarity = NK_POLARITY_UNVERIFIED;
	}
}

/* The specific entities and the dates of the sentence. */
static void
claims_from_mentions(sctx *c)
{
	const char **names = nk_arena_alloc(c->arena, (c->nm + 1) * sizeof(char *));
	size_t		n = 0;
	nk_claim   *cl;
	long		dk;

	for (size_t k = 0; k < c->nm; k++)
	{
		const nk_entity_mention *m = c->m[k];
		bool		dup = false;

		if (m->label == NK_LABEL_NORP || (m->label == NK_LABEL_GPE && is_country(c, m)) || m->gazetteer_id == -3)
			continue;
		for (size_t q = 0; q < n; q++)
			if (strcmp(names[q], m->entity) == 0)
				dup = true;
		if (!dup)
			names[n++] = m->entity;
	}
	if (n < 2)
		return;
	cl = new_claim(c, "mentions");
	cl->items = names;
	cl->n_items = n;
	dk = date_near(c, c->f);
	if (dk >= 0)
		set_date(cl, c->d[dk]);
	cl->polarity = polarity_of(c, c->f, c->l);
}

/* ---------------------------------------------------------------- the document */

static const char *
bare_surname(sctx *c, size_t i)
{
	const nk_token *t = &c->tok[i];

	if (t->kind != NK_TOKEN_WORD || !(t->flags & NK_TOKEN_CAPITALIZED) || owner_at(c, i) >= 0 ||
		c->forms == NULL || c->forms[i] < 0 || !nk_gazetteer_has_word(c->g, c->forms[i], NK_LEX_KOREAN_SURNAME, NULL))
		return NULL;
	if (i + 1 <= c->l && c->tok[i + 1].kind == NK_TOKEN_WORD && (c->tok[i + 1].flags & NK_TOKEN_CAPITALIZED))
		return NULL;
	return nk_arena_strndup(c->arena, c->doc->text + t->start, t->len);
}

void
nk_claims_of_doc(nk_arena *arena, const nk_doc *doc, const nk_gazetteer *g,
				 const int64_t *published, nk_claim_list *out)
{
	nk_entity_list ents = {0};
	nk_date_list dates = {0};
	nk_event_list events = {0};

	nk_extract_entities(arena, doc, g, &ents);
	nk_extract_dates(arena, doc, published, &dates);
	nk_extract_events(arena, doc, g, &ents, &dates, &events);
	nk_claims_of_parts(arena, doc, g, published, &ents, &dates, &events, out);
}

void
nk_claims_of_parts(nk_arena *arena, const nk_doc *doc, const nk_gazetteer *g,
				   const int64_t *published, const nk_entity_list *entities,
				   const nk_date_list *date_list, const nk_event_list *event_list,
				   nk_claim_list *out)
{
	const nk_entity_list ents = *entities;
	const nk_date_list dates = *date_list;
	const nk_event_list events = *event_list;
	size_t		ek = 0,
				dkk = 0,
				vk = 0;
	int32_t    *forms = nk_gazetteer_token_ids(arena, g, doc);
	uint8_t    *lists;
	int8_t	   *units;
	/* a sentence's token maps and lists of its mentions and dates */
	nk_arena   *scratch = nk_arena_create();

	word_lists_of_doc(arena, doc, &lists, &units);

	for (size_t s = 0; s < doc->sentences.count; s++)
	{
		sctx		c;
		sentence_memo memo;
		size_t		f = doc->sentence_first_token[s];
		size_t		l = s + 1 < doc->sentences.count ? doc->sentence_first_token[s + 1] - 1 : doc->tokens.count - 1;
		size_t		n;
		size_t		ev0;
		size_t		sent_first;		/* the sentence's first claim in out */
		NK_VEC(const nk_entity_mention *) ms = {0};

		nk_check_interrupts();
		if (doc->tokens.count == 0 || f > l)
			continue;
		memset(&c, 0, sizeof(c));
		c.arena = arena;
		c.doc = doc;
		c.g = g;
		c.tok = doc->tokens.items;
		c.f = f;
		c.l = l;
		c.sent = (int32_t) s;
		c.span = doc->sentences.items[s];
		c.has_pub = published != NULL;
		c.pub = published ? *published : 0;
		c.forms = forms;
		c.lists = lists;
		c.units = units;
		memo.cancelled = memo.polarity = -1;
		c.memo = &memo;
		c.out = out;
		n = l - f + 1;
		nk_arena_reset(scratch);
		c.owner = nk_arena_alloc(scratch, n * sizeof(int32_t));
		c.downer = nk_arena_alloc(scratch, n * sizeof(int32_t));
		for (size_t i = 0; i < n; i++)
			c.owner[i] = c.downer[i] = -1;
		while (ek < ents.count && ents.items[ek].sentence < (int32_t) s)
			ek++;
		for (size_t k = ek; k < ents.count && ents.items[k].sentence == (int32_t) s; k++)
		{
			const nk_entity_mention *m = &ents.items[k];

			if (m->first_token < f || m->last_token > l)
				continue;
			*nk_vec_push(scratch, &ms) = m;
			for (size_t i = m->first_token; i <= m->last_token; i++)
				c.owner[i - f] = (int32_t) (ms.count - 1);
		}
		/* bare Korean surnames ("Kim had visited"): a person, matched by surname */
		for (size_t i = f; i <= l; i++)
		{
			const char *sn;

			c.m = ms.items;
			c.nm = ms.count;
			if ((sn = bare_surname(&c, i)) != NULL)
			{
				nk_entity_mention *m = nk_arena_zalloc(arena, sizeof(nk_entity_mention));

				m->entity = sn;
				m->label = NK_LABEL_PERSON;
				m->gazetteer_id = -3;
				m->first_token = m->last_token = i;
				m->start = c.tok[i].start;
				m->len = c.tok[i].len;
				m->sentence = (int32_t) s;
				*nk_vec_push(scratch, &ms) = m;
				c.owner[i - f] = (int32_t) (ms.count - 1);
			}
		}
		/* keep mentions in text order */
		for (size_t a = 1; a < ms.count; a++)
			for (size_t b = a; b > 0 && ms.items[b - 1]->first_token > ms.items[b]->first_token; b--)
			{
				const nk_entity_mention *t = ms.items[b - 1];

				ms.items[b - 1] = ms.items[b];
				ms.items[b] = t;
			}
		for (size_t i = 0; i < n; i++)
			c.owner[i] = -1;
		for (size_t k = 0; k < ms.count; k++)
			for (size_t i = ms.items[k]->first_token; i <= ms.items[k]->last_token; i++)
				c.owner[i - f] = (int32_t) k;
		c.m = ms.items;
		c.nm = ms.count;
		{
			NK_VEC(const nk_date_mention *) ds = {0};

			while (dkk < dates.count && dates.items[dkk].sentence < (int32_t) s)
				dkk++;
			for (size_t k = dkk; k < dates.count && dates.items[k].sentence == (int32_t) s; k++)
			{
				*nk_vec_push(scratch, &ds) = &dates.items[k];
				for (size_t i = f; i <= l; i++)
					if (c.tok[i].start >= dates.items[k].span.start &&
						c.tok[i].start < dates.items[k].span.start + dates.items[k].span.len)
						c.downer[i - f] = (int32_t) (ds.count - 1);
			}
			c.d = ds.items;
			c.nd = ds.count;
		}
		sent_first = out->count;
		while (vk < events.count && events.items[vk].sentence < (int32_t) s)
			vk++;
		ev0 = vk;
		while (vk < events.count && events.items[vk].sentence == (int32_t) s)
			vk++;
		{
			/* the sentence's events (none, and no array, in a text without any) */
			const nk_event *sev = vk > ev0 ? events.items + ev0 : NULL;

			claims_from_events(&c, sev, vk - ev0);
			claims_from_words(&c, sev, vk - ev0);
			claims_from_troops(&c, sev, vk - ev0);
		}
		{
			size_t		first = out->count;

			claims_from_numbers(&c);
			/* an event's quantity takes the wording of the same number in its sentence */
			for (size_t k = first; k < out->count; k++)
				for (size_t q = sent_first; q < first; q++)
				{
					nk_claim   *e = &out->items[q];
					const nk_claim *n = &out->items[k];

					if (e->sentence == (int32_t) s && e->has_number && e->value == NULL &&
						(e->number == n->number || e->number_max == n->number_max))
					{
						e->number = n->number;
						e->number_max = n->number_max;
						e->approx = n->approx;
						e->value = n->value;
						e->unit = n->unit;
					}
				}
		}
		claims_from_series(&c);
		claims_from_meetings(&c);
		{
			size_t		first = out->count;

			claims_from_statements(&c);
			/* what a sentence's speaker said comes from the speaker */
			for (size_t k = first; k < out->count; k++)
				for (size_t q = sent_first; q < first; q++)
					if (out->items[q].sentence == (int32_t) s && out->items[q].source == NULL)
						out->items[q].source = out->items[k].subject;
		}
		claims_from_mentions(&c);
	}
	nk_arena_destroy(scratch);
}

/* ---------------------------------------------------------------- comparison */

/* How two names relate. */
typedef enum name_rel
{
	NAMES_MISSING,				/* one or both not given */
	NAMES_DIFFERENT,
	NAMES_RELATED,				/* one contains or is affiliated with the other */
	NAMES_SAME
} name_rel;

static int32_t
id_of(const nk_gazetteer *g, const char *name, int32_t id)
{
	if (id == NK_CLAIM_LOOKUP)
		return name ? nk_gazetteer_find(g, name, -1) : -1;
	return id;
}

/* Whether the one-word name w is the first or last word of the name n ("Kim", "Kim Jong Un"). */
static bool
surname_of(const char *w, const char *n)
{
	size_t		wl = strlen(w),
				nl = strlen(n);

	if (strchr(w, ' ') != NULL || wl >= nl)
		return false;
	return (strncmp(n, w, wl) == 0 && n[wl] == ' ') ||
		(strcmp(n + nl - wl, w) == 0 && n[nl - wl - 1] == ' ');
}

static name_rel
names(const nk_gazetteer *g, const char *a, int32_t ia, const char *b, int32_t ib)
{
	if (a == NULL || b == NULL)
		return NAMES_MISSING;
	if (strcmp(a, b) == 0 || surname_of(a, b) || surname_of(b, a))
		return NAMES_SAME;
	ia = id_of(g, a, ia);
	ib = id_of(g, b, ib);
	if (ia >= 0 && ib >= 0 && (nk_gazetteer_within(g, ia, ib) || nk_gazetteer_within(g, ib, ia)))
		return NAMES_RELATED;
	return NAMES_DIFFERENT;
}

/* A place below country level that is not a region: one that can differ from another. */
static bool
specific_place(const nk_gazetteer *g, int32_t id)
{
	const nk_gaz_entity *e = nk_gazetteer_entity(g, id);

	return e != NULL && (e->label == NK_LABEL_FAC || (e->label == NK_LABEL_GPE && e->parent >= 0));
}

static const char *const repeatable_types[] = {
	"ATTACK", "LAUNCH", "CASUALTIES", "SANCTION", "WARN", "CRITICIZE", "PRAISE", "ACCUSE", "DENY",
	"VETO", "ANNOUNCE", "mentions", NULL
};
static const char *const ongoing_types[] = {
	"ARMS_TRANSFER", "DEPLOY", "COOPERATE", "troop_count", "count", NULL
};
static const char *const series_types[] = {"last_visit", "first_since", "series_start", NULL};

static bool
in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return true;
	return false;
}

static const char *
family(const nk_claim *c)
{
	const char *p = c->predicate;

	if (strcmp(p, "VISIT") == 0 || strcmp(p, "ARRIVE") == 0)
		return "trip";
	if (strcmp(p, "MEET") == 0 || strcmp(p, "meeting") == 0)
		return "meet";
	if (strcmp(p, "DEPLOY") == 0 || strcmp(p, "troop_count") == 0)
		return "troops";
	return p;
}

static bool
symmetric_family(const char *f)
{
	return strcmp(f, "meet") == 0 || strcmp(f, "AGREE") == 0 || strcmp(f, "COOPERATE") == 0 ||
		strcmp(f, "NEGOTIATE") == 0;
}

/* The slot's name in a reason. */
static const char *
slot_label(const nk_claim *a, const nk_claim *b)
{
	const char *p = a->predicate;

	if (strcmp(p, "ARRIVE") == 0 || strcmp(b->predicate, "ARRIVE") == 0)
		return "arrival";
	if (strcmp(p, "DEPART") == 0)
		return "departure";
	if (strcmp(p, "VISIT") == 0)
		return "visit";
	if (strcmp(p, "MEET") == 0 || strcmp(p, "meeting") == 0)
		return "meeting";
	if (strcmp(p, "DEPLOY") == 0 || strcmp(p, "troop_count") == 0)
		return "troops";
	if (strcmp(p, "count") == 0)
		return a->unit ? a->unit : "count";
	if (strcmp(p, "last_visit") == 0)
		return "previous visit";
	if (strcmp(p, "first_since") == 0)
		return "first since";
	if (strcmp(p, "series_start") == 0)
		return "first of the series";
	return p;
}

/*
 * The text of a reason in arena, or NULL when arena is NULL: a pair that is
 * only being weighed (nk_compare_claim_lists) needs no words.
 */
static char *rtext(nk_arena *arena, const char *fmt,...) NK_PRINTF(2, 3);

static char *
rtext(nk_arena *arena, const char *fmt,...)
{
	va_list		ap;
	char	   *p;

	if (arena == NULL)
		return NULL;
	va_start(ap, fmt);
	p = nk_arena_vsprintf(arena, fmt, ap);
	va_end(ap);
	return p;
}

static char *
date_text(nk_arena *arena, const nk_claim *c)
{
	int			y,
				m,
				d,
				y2,
				m2,
				d2;

	if (!c->has_date)
		return "no date";
	nk_civil_from_days(c->date_from, &y, &m, &d);
	nk_civil_from_days(c->date_to, &y2, &m2, &d2);
	if (c->date_from == c->date_to)
		return rtext(arena, "%04d-%02d-%02d", y, m, d);
	if (c->precision == NK_PREC_MONTH)
		return rtext(arena, "%04d-%02d", y, m);
	if (c->precision == NK_PREC_YEAR)
		return rtext(arena, "%04d", y);
	return rtext(arena, "%04d-%02d-%02d..%04d-%02d-%02d", y, m, d, y2, m2, d2);
}

static const char *
status_text(const nk_claim *c)
{
	return c->polarity == NK_POLARITY_NEGATIVE && c->status == NK_STATUS_REPORTED ? "denied" :
		c->polarity == NK_POLARITY_UNVERIFIED ? "unverified" : nk_event_status_name(c->status);
}

static const char *
number_text(nk_arena *arena, const nk_claim *c)
{
	if (c->value)
		return c->value;
	if (c->approx == NK_APPROX_RANGE)
		return rtext(arena, "%.0f-%.0f", c->number, c->number_max);
	return rtext(arena, "%s %.0f", nk_approx_name(c->approx),
							c->approx == NK_APPROX_AT_MOST ? c->number_max : c->number);
}

/* Days between two date ranges: 0 when they overlap. */
static int32_t
date_gap(int32_t f1, int32_t t1, int32_t f2, int32_t t2)
{
	if (t1 < f2)
		return f2 - t1;
	if (t2 < f1)
		return f1 - t2;
	return 0;
}

/* The date range of a claim, or its report's week when it gives none; false when neither. */
static bool
occasion(const nk_claim *c, int32_t *from, int32_t *to)
{
	if (c->has_date)
	{
		*from = c->date_from;
		*to = c->date_to;
		return true;
	}
	if (c->has_reported)
	{
		*to = (int32_t) (c->reported / SECONDS_PER_DAY);
		*from = *to - 7;
		return true;
	}
	return false;
}

/* Whether the two numbers are compatible given their wording. */
static bool
numbers_agree(const nk_claim *a, const nk_claim *b, bool duration)
{
	double		scale_a = duration ? hours_of(a->unit) : 1,
				scale_b = duration ? hours_of(b->unit) : 1;
	double		lo_a = a->number * scale_a,
				hi_a = a->number_max * scale_a,
				lo_b = b->number * scale_b,
				hi_b = b->number_max * scale_b;
	double		rel = duration ? 0.2 : 0.05;
	double		tol_a = a->approx == NK_APPROX_ABOUT ? rel * hi_a : 0,
				tol_b = b->approx == NK_APPROX_ABOUT ? rel * hi_b : 0;
	double		gap;

	if (a->approx == NK_APPROX_AT_LEAST || a->approx == NK_APPROX_VAGUE)
		hi_a = INFINITY;
	if (b->approx == NK_APPROX_AT_LEAST || b->approx == NK_APPROX_VAGUE)
		hi_b = INFINITY;
	gap = hi_a < lo_b ? lo_b - hi_a : hi_b < lo_a ? lo_a - hi_b : 0;
	return gap <= (tol_a > tol_b ? tol_a : tol_b) + 1e-9;
}

/* Whether the first n bytes of r and p agree, ASCII letters compared without case. */
static bool
same_letters(const char *r, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		char		x = r[i],
					y = p[i];

		if (x == '\0')
			return false;
		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y)
			return false;
	}
	return true;
}

/* Words of an item list shared by two ("a cosmonaut's glove" ~ "glove"). */
static bool
items_share(const nk_claim *a, const nk_claim *b)
{
	for (size_t i = 0; i < a->n_items; i++)
		for (size_t j = 0; j < b->n_items; j++)
		{
			const char *p = a->items[i];

			while (*p)
			{
				size_t		n = 0;

				while (p[n] && p[n] != ' ' && p[n] != ',' && p[n] != '\'')
					n++;
				if (n >= 4)
				{
					size_t		k = n - (p[n - 1] == 's' ? 1 : 0);

					for (const char *r = b->items[j]; *r; r++)
						if (same_letters(r, p, k))
							return true;
				}
				p += n;
				while (*p == ' ' || *p == ',' || *p == '\'')
					p++;
			}
		}
	return false;
}

typedef enum match_kind
{
	MATCH_NONE,					/* nothing to compare */
	MATCH_DIFFERENT,			/* comparable, but found to be different events or facts */
	MATCH_SAME					/* the same event or fact */
} match_kind;

typedef struct match
{
	match_kind	kind;
	int			tier;			/* 1 events and facts, 2 statements, 3 mentions */
	float		identity;
	bool		conflict;
	bool		decisive;		/* different items, numbers in a series, occasions */
	nk_comparison cmp;
} match;

static void
different(match *m, float identity, const char *reason)
{
	m->kind = MATCH_DIFFERENT;
	m->identity = identity;
	m->cmp.relation = NK_REL_UNRELATED;
	m->cmp.score = 0.6f + identity * 0.2f;
	m->cmp.reason = reason;
}

/* Whether later is the later report (by a day or more); false when unknown or the same day. */
static bool
reported_later(const nk_claim *later, const nk_claim *earlier)
{
	return later->has_reported && earlier->has_reported &&
		later->reported / SECONDS_PER_DAY > earlier->reported / SECONDS_PER_DAY;
}

/* Decide between contradict and update for a conflict on slot. */
static void
conflict(nk_arena *arena, match *m, const nk_claim *a, const nk_claim *b, const char *slot,
		 const char *va, const char *vb, bool estimate_raised)
{
	const nk_claim *early = reported_later(b, a) ? a : reported_later(a, b) ? b : NULL;
	const nk_claim *late = early == a ? b : a;
	bool		update = false;

	if (early != NULL)
	{
		bool		tentative = early->status == NK_STATUS_PLANNED || early->status == NK_STATUS_SPECULATED ||
			early->status == NK_STATUS_CANCELLED || early->polarity == NK_POLARITY_UNVERIFIED;
		bool		actual = late->status == NK_STATUS_REPORTED || late->status == NK_STATUS_ALLEGED;

		update = (tentative && actual && late->polarity != NK_POLARITY_UNVERIFIED) || estimate_raised;
	}
	m->conflict = true;
	m->cmp.relation = update ? NK_REL_UPDATE : NK_REL_CONTRADICT;
	m->cmp.score = m->identity;
	m->cmp.reason = rtext(arena, "%s: %s (%s) vs %s (%s)", slot, va, status_text(a), vb, status_text(b));
}

static void
compare_statements(nk_arena *arena, const nk_gazetteer *g, const nk_claim *a, const nk_claim *b, match *m)
{
	int32_t		f1,
				t1,
				f2,
				t2;
	bool		same_time;
	const nk_claim *early = reported_later(b, a) ? a : b;
	const nk_claim *late = early == a ? b : a;

	if (names(g, a->subject, a->subject_id, b->subject, b->subject_id) < NAMES_RELATED)
		return;
	m->tier = 2;
	m->identity = 0.5f;
	same_time = !(occasion(a, &f1, &t1) && occasion(b, &f2, &t2)) || date_gap(f1, t1, f2, t2) <= 1;
	if (early->polarity == NK_POLARITY_UNVERIFIED && late->polarity == NK_POLARITY_AFFIRMATIVE &&
		reported_later(late, early))
	{
		m->kind = MATCH_SAME;
		m->conflict = true;
		m->cmp.relation = NK_REL_UPDATE;
		m->cmp.score = 0.5f;
		m->cmp.reason = rtext(arena, "%s: unverified on %s, affirmed on %s", a->subject,
										 date_text(arena, early), date_text(arena, late));
		return;
	}
	if (!same_time)
	{
		different(m, 0.5f, rtext(arena, "statements of %s on different occasions: %s vs %s", a->subject,
											date_text(arena, a), date_text(arena, b)));
		return;
	}
	m->kind = MATCH_SAME;
	m->cmp.score = 0.5f;
	if (a->polarity != b->polarity)
	{
		m->conflict = true;
		m->cmp.relation = NK_REL_CONTRADICT;
		m->cmp.reason = rtext(arena, "statement of %s: %s vs %s", a->subject,
										 nk_polarity_name(a->polarity), nk_polarity_name(b->polarity));
	}
	else
	{
		m->cmp.relation = NK_REL_AGREE;
		m->cmp.reason = rtext(arena, "statement of %s on %s: %s in both", a->subject,
										 date_text(arena, a), nk_polarity_name(a->polarity));
	}
}

static void
compare_mentions(nk_arena *arena, const nk_claim *a, const nk_claim *b, match *m)
{
	size_t		shared = 0;
	const char *first = NULL;
	int32_t		f1,
				t1,
				f2,
				t2;

	/* the times first: they are cheaper to look at than the entities */
	if ((!a->has_date && !b->has_date) || !occasion(a, &f1, &t1) || !occasion(b, &f2, &t2))
		return;
	for (size_t i = 0; i < a->n_items; i++)
		for (size_t j = 0; j < b->n_items; j++)
			if (strcmp(a->items[i], b->items[j]) == 0 || surname_of(a->items[i], b->items[j]) ||
				surname_of(b->items[j], a->items[i]))
			{
				shared++;
				if (first == NULL)
					first = a->items[i];
			}
	if (shared < 2)
		return;
	m->tier = 3;
	m->identity = shared >= 4 ? 0.6f : 0.2f + 0.1f * (float) shared;
	if (date_gap(f1, t1, f2, t2) > 0)
	{
		different(m, m->identity, rtext(arena, "%s and others on different dates: %s vs %s", first,
												   date_text(arena, a), date_text(arena, b)));
		return;
	}
	m->kind = MATCH_SAME;
	m->cmp.score = m->identity;
	if ((a->polarity == NK_POLARITY_NEGATIVE) != (b->polarity == NK_POLARITY_NEGATIVE))
		conflict(arena, m, a, b, "polarity", nk_polarity_name(a->polarity), nk_polarity_name(b->polarity), false);
	else
	{
		m->cmp.relation = NK_REL_AGREE;
		m->cmp.reason = rtext(arena, "%zu entities (%s...) and the date %s in both", shared, first,
										 date_text(arena, a->has_date ? a : b));
	}
}

/* Whether a trip and a meeting can be one occasion: the traveller among those met, a shared place. */
static bool
trip_meets(const nk_gazetteer *g, const nk_claim *trip, const nk_claim *meet)
{
	bool		in = false;

	for (size_t i = 0; i < meet->n_items; i++)
		if (names(g, trip->subject, trip->subject_id, meet->items[i], NK_CLAIM_LOOKUP) == NAMES_SAME)
			in = true;
	return in && trip->place && meet->place &&
		names(g, trip->place, trip->place_id, meet->place, meet->place_id) >= NAMES_RELATED;
}

static void
compare_pair(nk_arena *arena, const nk_gazetteer *g, const nk_claim *a, const nk_claim *b, match *m)
{
	const char *fa = family(a),
			   *fb = family(b);
	const char *slot;
	float		id = 0.3f;
	name_rel	rs,
				ro;
	bool		repeatable,
				ongoing,
				series;
	int32_t		f1,
				t1,
				f2,
				t2;
	bool		have_times;
	int32_t		gap = 0;

	memset(m, 0, sizeof(*m));
	m->cmp.relation = NK_REL_UNRELATED;
	if (strcmp(a->predicate, "statement") == 0 || strcmp(b->predicate, "statement") == 0)
	{
		if (strcmp(a->predicate, b->predicate) == 0)
			compare_statements(arena, g, a, b, m);
		return;
	}
	if (strcmp(a->predicate, "mentions") == 0 || strcmp(b->predicate, "mentions") == 0)
	{
		if (strcmp(a->predicate, b->predicate) == 0)
			compare_mentions(arena, a, b, m);
		return;
	}
	m->tier = 1;
	if (strcmp(fa, fb) != 0)
	{
		/* a visit of one of the people met, to the place they met */
		if (strcmp(fa, "trip") == 0 && strcmp(b->predicate, "meeting") == 0 && trip_meets(g, a, b))
			id = 0.25f;
		else if (strcmp(fb, "trip") == 0 && strcmp(a->predicate, "meeting") == 0 && trip_meets(g, b, a))
			id = 0.25f;
		else
			return;
		rs = ro = NAMES_SAME;
		id += 0.3f;
	}
	else if (strcmp(fa, "count") == 0 && (a->unit == NULL || b->unit == NULL || strcmp(a->unit, b->unit) != 0))
		return;
	else if (symmetric_family(fa))
	{
		/* every named participant of one side among those of the other */
		const char *pa[10],
				   *pb[10];
		size_t		na = 0,
					nb = 0;
		bool		all = true;

		if (a->subject) pa[na++] = a->subject;
		if (a->object) pa[na++] = a->object;
		for (size_t i = 0; i < a->n_items && na < 10 && strcmp(a->predicate, "meeting") == 0; i++)
			pa[na++] = a->items[i];
		if (b->subject) pb[nb++] = b->subject;
		if (b->object) pb[nb++] = b->object;
		for (size_t i = 0; i < b->n_items && nb < 10 && strcmp(b->predicate, "meeting") == 0; i++)
			pb[nb++] = b->items[i];
		if (na == 0 || nb == 0)
			rs = ro = NAMES_MISSING;
		else
		{
			const char **small = na <= nb ? pa : pb,
					  **big = na <= nb ? pb : pa;
			size_t		ns = na <= nb ? na : nb,
						nbg = na <= nb ? nb : na;

			for (size_t i = 0; i < ns; i++)
			{
				bool		found = false;

				for (size_t j = 0; j < nbg; j++)
					if (names(g, small[i], NK_CLAIM_LOOKUP, big[j], NK_CLAIM_LOOKUP) >= NAMES_RELATED)
						found = true;
				if (!found)
				{
					different(m, 0.3f, rtext(arena, "%s: with %s vs without", slot_label(a, b), small[i]));
					return;
				}
			}
			(void) all;
			rs = NAMES_SAME;
			ro = ns >= 2 ? NAMES_SAME : NAMES_MISSING;
		}
	}
	else
	{
		rs = names(g, a->subject, a->subject_id, b->subject, b->subject_id);
		ro = names(g, a->object, a->object_id, b->object, b->object_id);
		if (rs == NAMES_DIFFERENT)
		{
			different(m, 0.3f, rtext(arena, "%s: by %s vs by %s", slot_label(a, b), a->subject, b->subject));
			return;
		}
		if (ro == NAMES_DIFFERENT)
		{
			different(m, 0.3f, rtext(arena, "%s: %s vs %s", slot_label(a, b), a->object, b->object));
			return;
		}
	}
	id += rs >= NAMES_RELATED ? 0.25f : 0.05f;
	id += ro >= NAMES_RELATED ? 0.15f : 0.05f;
	slot = slot_label(a, b);
	repeatable = in_list(a->predicate, repeatable_types);
	ongoing = in_list(a->predicate, ongoing_types) && in_list(b->predicate, ongoing_types);
	series = in_list(a->predicate, series_types);
	if (strcmp(a->predicate, "count") == 0 && a->unit && is_tied_unit(a->unit))
	{
		repeatable = true;
		ongoing = false;
	}
	/* what was given, sold or launched tells two occasions apart */
	if (a->n_items > 0 && b->n_items > 0 && strcmp(a->predicate, "meeting") != 0 && strcmp(b->predicate, "meeting") != 0)
	{
		if (!items_share(a, b))
		{
			different(m, id, rtext(arena, "%s items: %s vs %s", slot, a->items[0], b->items[0]));
			m->decisive = true;
			return;
		}
		id += 0.1f;
	}
	if (a->ordinal > 0 && b->ordinal > 0 && !series)
	{
		if (a->ordinal != b->ordinal)
		{
			different(m, id, rtext(arena, "%s: number %d vs number %d", slot, a->ordinal, b->ordinal));
			m->decisive = true;
			return;
		}
		repeatable = false;
		series = true;
		id += 0.2f;
	}
	/* the same speaker's denials or allegations, reported days apart: two statements */
	if (a->source && b->source && a->polarity == b->polarity &&
		(a->polarity != NK_POLARITY_AFFIRMATIVE || a->status == NK_STATUS_ALLEGED) &&
		names(g, a->source, NK_CLAIM_LOOKUP, b->source, NK_CLAIM_LOOKUP) >= NAMES_RELATED &&
		a->has_reported && b->has_reported && llabs(a->reported - b->reported) > 3 * SECONDS_PER_DAY)
	{
		different(m, id, rtext(arena, "statements of %s on different occasions", a->source));
		return;
	}
	/* time: the same occasion? */
	if (a->has_date && b->has_date)
	{
		have_times = true;
		f1 = a->date_from;
		t1 = a->date_to;
		f2 = b->date_from;
		t2 = b->date_to;
	}
	else
		have_times = repeatable && occasion(a, &f1, &t1) && occasion(b, &f2, &t2);
	if (have_times && !ongoing)
	{
		gap = date_gap(f1, t1, f2, t2);
		if (gap > 0 && (repeatable || (!series && gap > 45)))
		{
			different(m, id, rtext(arena, "%s date: %s vs %s (different occasions)", slot,
											   date_text(arena, a), date_text(arena, b)));
			return;
		}
		if (gap == 0)
			id += 0.15f;
	}
	if (a->place && b->place)
		id += 0.05f;
	if (a->has_number && b->has_number)
		id += 0.1f;
	if (id > 0.95f)
		id = 0.95f;
	if (id < 0.45f)
	{
		different(m, id, rtext(arena, "%s: too little in common to be the same", slot));
		m->kind = MATCH_NONE;
		return;
	}
	m->kind = MATCH_SAME;
	m->identity = id;
	m->cmp.score = id;
	m->cmp.relation = NK_REL_AGREE;

	/* values */
	if (a->has_number && b->has_number && !(a->unit && b->unit && strcmp(a->unit, b->unit) != 0 &&
											!(is_duration_unit(a->unit) && is_duration_unit(b->unit))))
	{
		bool		duration = a->unit && is_duration_unit(a->unit);

		if (!numbers_agree(a, b, duration))
		{
			const nk_claim *early = reported_later(b, a) ? a : reported_later(a, b) ? b : NULL;
			const nk_claim *late = early == a ? b : a;
			bool		raised = early != NULL && ongoing && !duration &&
				late->reported - early->reported >= 7 * SECONDS_PER_DAY && late->number > early->number_max;

			conflict(arena, m, a, b, strcmp(slot, "troops") == 0 ? "troop count" : duration ? "duration" : slot,
					 number_text(arena, a), number_text(arena, b), raised);
			return;
		}
	}
	if (have_times && !ongoing && gap > 0)
	{
		conflict(arena, m, a, b, rtext(arena, "%s date", slot), date_text(arena, a), date_text(arena, b), false);
		return;
	}
	if (a->place && b->place)
	{
		name_rel	rp = names(g, a->place, a->place_id, b->place, b->place_id);

		if (rp == NAMES_DIFFERENT && specific_place(g, id_of(g, a->place, a->place_id)) &&
			specific_place(g, id_of(g, b->place, b->place_id)))
		{
			conflict(arena, m, a, b, "place", a->place, b->place, false);
			return;
		}
	}
	if ((a->polarity == NK_POLARITY_NEGATIVE) != (b->polarity == NK_POLARITY_NEGATIVE))
	{
		conflict(arena, m, a, b, slot, a->polarity == NK_POLARITY_NEGATIVE ? "denied" : "affirmed",
				 b->polarity == NK_POLARITY_NEGATIVE ? "denied" : "affirmed", false);
		return;
	}
	if ((a->polarity == NK_POLARITY_UNVERIFIED) != (b->polarity == NK_POLARITY_UNVERIFIED))
	{
		conflict(arena, m, a, b, slot, nk_polarity_name(a->polarity), nk_polarity_name(b->polarity), false);
		return;
	}
	if ((a->status == NK_STATUS_CANCELLED) != (b->status == NK_STATUS_CANCELLED))
	{
		conflict(arena, m, a, b, slot, a->status == NK_STATUS_CANCELLED ? "called off" : "went ahead",
				 b->status == NK_STATUS_CANCELLED ? "called off" : "went ahead", false);
		return;
	}
	{
		const char *va = a->has_number ? number_text(arena, a) : a->has_date ? date_text(arena, a) :
			a->place ? a->place : a->object ? a->object : a->subject ? a->subject : "given";
		const char *vb = b->has_number ? number_text(arena, b) : b->has_date ? date_text(arena, b) :
			b->place ? b->place : b->object ? b->object : b->subject ? b->subject : "given";

		m->cmp.reason = rtext(arena, "%s: %s (%s) ~ %s (%s)", slot, va, status_text(a), vb, status_text(b));
	}
}

void
nk_compare_claims(nk_arena *arena, const nk_gazetteer *g, const nk_claim *a, const nk_claim *b,
				  nk_comparison *out)
{
	match		m;

	compare_pair(arena, g, a, b, &m);
	if (m.kind == MATCH_NONE)
	{
		out->relation = NK_REL_UNRELATED;
		out->score = 0.2f;
		out->reason = nk_arena_sprintf(arena, "nothing to compare: %s vs %s", a->predicate, b->predicate);
		return;
	}
	*out = m.cmp;
}

/* Whether match x decides over match y. */
static bool
better(const match *x, const match *y)
{
	if (y->kind == MATCH_NONE)
		return x->kind != MATCH_NONE;
	if (x->kind == MATCH_NONE)
		return false;
	/* the same event or fact over a difference, events and facts over statements over mentions */
	if ((x->kind == MATCH_SAME) != (y->kind == MATCH_SAME))
	{
		/* a decisive difference over a weaker sameness at the same tier */
		const match *d = x->kind == MATCH_SAME ? y : x;
		const match *sm = x->kind == MATCH_SAME ? x : y;
		bool		dw = d->decisive && d->tier == sm->tier && d->identity >= sm->identity;

		return x->kind == MATCH_SAME ? !dw : dw;
	}
	if (x->tier != y->tier)
		return x->tier < y->tier;
	/* a firmly identified conflict over an agreement */
	if (x->kind == MATCH_SAME && x->conflict != y->conflict)
	{
		const match *c = x->conflict ? x : y;
		const match *o = x->conflict ? y : x;
		bool		cw = c->identity >= 0.5f && c->identity + 0.1f >= o->identity;

		return x->conflict ? cw : !cw;
	}
	return x->identity > y->identity;
}

/* A claim of b under its family, for finding those compare_pair() can relate to a claim of a. */
typedef struct claim_ref
{
	const char *family;
	size_t		j;
} claim_ref;

static int
claim_ref_order(const void *x, const void *y)
{
	const claim_ref *a = x;
	const claim_ref *b = y;
	int			c = strcmp(a->family, b->family);

	if (c != 0)
		return c;
	return a->j < b->j ? -1 : a->j > b->j ? 1 : 0;
}

/* The refs of family f, [*from, *to) of refs sorted by claim_ref_order. */
static void
family_range(const claim_ref *refs, size_t n, const char *f, size_t *from, size_t *to)
{
	size_t		lo = 0,
				hi = n;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (strcmp(refs[mid].family, f) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*from = lo;
	hi = n;
	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (strcmp(refs[mid].family, f) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*to = lo;
}

/* Claims of b by index, ascending: the pairs one claim of a is weighed against. */
typedef struct claim_run
{
	const size_t *j;
	size_t		n;
} claim_run;

/* The part of run after claim last (all of it when last is SIZE_MAX). */
static claim_run
run_after(claim_run r, size_t last)
{
	size_t		lo = 0,
				hi = r.n;

	if (last == SIZE_MAX)
		return r;
	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (r.j[mid] <= last)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0)					/* (an empty run may have no array) */
	{
		r.j += lo;
		r.n -= lo;
	}
	return r;
}

/*
 * Whether best is a conflict of two events or facts at the highest identity:
 * then only a decisive difference at that identity can take its place (see
 * better()), and only a trip and a meeting with an ordinal each reach it
 * (the decisive differences of one family stop below 0.8).
 */
static bool
settled(const match *best)
{
	return best->kind == MATCH_SAME && best->tier == 1 && best->conflict && best->identity >= 0.95f;
}

/*
 * The best match over every pair of a claim of a and a claim of b, as a scan
 * of all pairs in order (i, then j) would find it, ties included.  Only the
 * pairs that can take the place of the best so far are weighed:
 * compare_pair() relates only claims of one family, and a trip to a meeting,
 * so each claim of a meets the claims of b of its family (and the meetings or
 * trips), merged in order; once the best is settled(), only the trips and
 * meetings with an ordinal.  A pair is weighed without the words of its
 * reason; the best pair is compared once more at the end for them.
 */
void
nk_compare_claim_lists(nk_arena *arena, const nk_gazetteer *g, const nk_claim_list *a,
					   const nk_claim_list *b, nk_comparison *out)
{
	match		best;
	size_t		best_i = 0,
				best_j = 0;
	claim_ref  *refs = nk_arena_alloc(arena, (b->count + 1) * sizeof(claim_ref));
	size_t	   *by_family = nk_arena_alloc(arena, (b->count + 1) * sizeof(size_t));
	size_t	   *lists = nk_arena_alloc(arena, 3 * (b->count + 1) * sizeof(size_t));
	claim_run	meetings = {lists, 0},
				meetings_ord = {lists + b->count + 1, 0},
				trips_ord = {lists + 2 * (b->count + 1), 0},
				trips;
	size_t		from,
				to;
	unsigned	tick = 0;

	memset(&best, 0, sizeof(best));
	for (size_t j = 0; j < b->count; j++)
	{
		const nk_claim *cb = &b->items[j];

		nk_interrupt_tick();
		refs[j].family = family(cb);
		refs[j].j = j;
		if (strcmp(cb->predicate, "meeting") == 0)
		{
			lists[meetings.n++] = j;
			if (cb->ordinal > 0)
				lists[b->count + 1 + meetings_ord.n++] = j;
		}
		else if (strcmp(refs[j].family, "trip") == 0 && cb->ordinal > 0)
			lists[2 * (b->count + 1) + trips_ord.n++] = j;
	}
	if (b->count > 1)
		qsort(refs, b->count, sizeof(claim_ref), claim_ref_order);
	for (size_t k = 0; k < b->count; k++)
		by_family[k] = refs[k].j;
	family_range(refs, b->count, "trip", &from, &to);
	trips.j = by_family + from;
	trips.n = to - from;

	for (size_t i = 0; i < a->count; i++)
	{
		const nk_claim *ca = &a->items[i];
		const char *fa = family(ca);
		bool		is_trip = strcmp(fa, "trip") == 0,
					is_meeting = strcmp(ca->predicate, "meeting") == 0;
		claim_run	same,
					cross = {NULL, 0};
		size_t		last = SIZE_MAX;
		bool		reduced;

		nk_interrupt_tick();
		family_range(refs, b->count, fa, &from, &to);
		same.j = by_family + from;
		same.n = to - from;
		if (is_trip)
			cross = meetings;
		else if (is_meeting)
			cross = trips;
restart:
		reduced = settled(&best);
		{
			claim_run	x = same,
						y = cross;

			if (reduced)
			{
				x.n = 0;
				y.n = 0;
				if (ca->ordinal > 0 && is_trip)
					y = meetings_ord;
				else if (ca->ordinal > 0 && is_meeting)
					y = trips_ord;
			}
			x = run_after(x, last);
			y = run_after(y, last);
			while (x.n > 0 || y.n > 0)
			{
				size_t		j;
				match		m;

				if (y.n == 0 || (x.n > 0 && x.j[0] < y.j[0]))
				{
					j = x.j[0];
					x.j++;
					x.n--;
				}
				else
				{
					j = y.j[0];
					y.j++;
					y.n--;
				}
				if ((++tick & 1023) == 0)
					nk_check_interrupts();
				compare_pair(NULL, g, ca, &b->items[j], &m);
				if (!better(&m, &best))
					continue;
				best = m;
				best_i = i;
				best_j = j;
				if (settled(&best) != reduced)
				{
					/* the rest of the row, with the pairs that can change it now */
					last = j;
					goto restart;
				}
			}
		}
	}
	if (best.kind != MATCH_NONE)
		compare_pair(arena, g, &a->items[best_i], &b->items[best_j], &best);
	if (best.kind == MATCH_NONE)
	{
		out->relation = NK_REL_UNRELATED;
		out->score = 0.2f;
		out->reason = a->count == 0 || b->count == 0 ? "no claim found in one of the texts" :
			"no shared event or fact slot found";
		return;
	}
	*out = best.cmp;
}

void
nk_compare_texts(nk_arena *arena, const nk_gazetteer *g,
				 const char *a, size_t a_len, const int64_t *a_published,
				 const char *b, size_t b_len, const int64_t *b_published,
				 nk_comparison *out)
{
	nk_claim_list ca = {0},
				cb = {0};

	nk_claims_of_doc(arena, nk_doc_build(arena, a, a_len), g, a_published, &ca);
	nk_claims_of_doc(arena, nk_doc_build(arena, b, b_len), g, b_published, &cb);
	nk_compare_claim_lists(arena, g, &ca, &cb, out);
}
