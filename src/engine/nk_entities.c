/*
 * nk_entities.c
 *	  Find named entities: gazetteer matches, name patterns, coreference.
 *
 * The stage works on the token array in a few passes, each claiming the
 * tokens it names so that later passes only look at what is left:
 *
 *	1. gazetteer aliases (one pass of the automaton);
 *	2. organisation, facility and event names around a head word;
 *	3. people from title cues, name shapes and appositions;
 *	4. short forms of the people met in the article, and role phrases;
 *	5. capitals read as places or as their governments.
 *
 * Pattern passes 2 and 3 skip headline-case lines and bylines, where
 * capitals say nothing about names.
 */
#include "nk_entities.h"

#include <stdlib.h>
#include <string.h>

#define CONF_ALIAS_LONG		0.95f
#define CONF_ALIAS_SHORT	0.9f
#define CONF_METONYMY		0.75f
#define CONF_TITLED			0.8f
#define CONF_SHAPE			0.7f
#define CONF_HEAD			0.7f
#define CONF_SURNAME		0.85f
#define CONF_SURNAME_WEAK	0.6f
#define CONF_ROLE			0.7f

#define MAX_NAME_WORDS 4
/* hyphenated parts of one name word ("Soo-suk" has 2, "Jean-Marie-Luc" 3) */
#define MAX_NAME_PARTS 4

typedef struct cand
{
	size_t		first;
	size_t		last;
	const char *entity;
	nk_label	label;
	int32_t		gaz;
	nk_entity_source source;
	float		confidence;
	bool		dead;
} cand;

typedef struct ctx
{
	nk_arena   *arena;			/* the results and the names they point at */
	nk_arena   *scratch;		/* what lives only as long as the call */
	const nk_doc *doc;
	const nk_gazetteer *g;
	const nk_token *tok;
	size_t		ntok;
	int32_t    *ids;
	uint32_t   *lists;			/* per token: nk_gazetteer_word_lists() of its form */
	int32_t    *owner;			/* per token: the candidate naming it, or -1 */
	bool	   *titled;			/* per token: right after a title cue */
	bool	   *quiet;			/* per sentence: headline case or byline */
	NK_VEC(cand) cands;
} ctx;

const char *
nk_entity_source_name(nk_entity_source source)
{
	switch (source)
	{
		case NK_SOURCE_GAZETTEER:
			return "gazetteer";
		case NK_SOURCE_PATTERN:
			return "pattern";
		case NK_SOURCE_COREFERENCE:
			return "coreference";
	}
	return "?";
}

/* ---------------------------------------------------------------- token tests */

static bool
lex(const ctx *c, size_t i, nk_lexicon l)
{
	return (c->lists[i] >> l) & 1;
}

static bool
is_skip(const ctx *c, size_t i)
{
	return c->ids[i] == NK_GAZ_SKIP;
}

static bool
is_hyphen(const ctx *c, size_t i)
{
	return c->tok[i].kind == NK_TOKEN_PUNCT && nk_token_is(&c->tok[i], "-");
}

/* A capitalised word, not an all-capitals one (but an initial is fine). */
static bool
is_name_word(const ctx *c, size_t i)
{
	const nk_token *t = &c->tok[i];

	if (t->kind != NK_TOKEN_WORD || !(t->flags & NK_TOKEN_CAPITALIZED))
		return false;
	return !(t->flags & NK_TOKEN_ALL_CAPS) || t->fold_len == 1;
}

static bool
same_sentence(const ctx *c, size_t i, size_t j)
{
	return c->tok[i].sentence == c->tok[j].sentence;
}

/* Whether the word before i would make i the middle of a longer capitalised name. */
static bool
continues_name(const ctx *c, size_t i)
{
	return i > 0 && same_sentence(c, i - 1, i) && is_name_word(c, i - 1) &&
		!lex(c, i - 1, NK_LEX_NON_NAME) && !(c->tok[i - 1].flags & NK_TOKEN_SENT_START);
}

/* A word that can be part of a person's name: capitalised, not a known non-name, title or head. */
static bool
is_person_word(const ctx *c, size_t i)
{
	return is_name_word(c, i) && c->owner[i] < 0 &&
		!(c->lists[i] & (1u << NK_LEX_NON_NAME | 1u << NK_LEX_HEAD | 1u << NK_LEX_TITLE));
}

static bool
letters_only(const nk_token *t, size_t min, size_t max)
{
	if (t->fold_len < min || t->fold_len > max)
		return false;
	for (uint32_t k = 0; k < t->fold_len; k++)
		if (!(t->fold[k] >= 'a' && t->fold[k] <= 'z'))
			return false;
	return true;
}

/* Index of the token before i that is not skipped, or -1 (stay in i's sentence). */
static long
prev_token(const ctx *c, size_t i)
{
	long		j = (long) i - 1;

	while (j >= 0 && is_skip(c, (size_t) j))
		j--;
	if (j < 0 || !same_sentence(c, (size_t) j, i))
		return -1;
	return j;
}

static cand *
owner_of(const ctx *c, size_t i)
{
	return c->owner[i] >= 0 ? &c->cands.items[c->owner[i]] : NULL;
}

/* Document text of tokens first..last with white space runs as one space. */
static char *
span_text(const ctx *c, size_t first, size_t last)
{
	size_t		s = c->tok[first].start;
	size_t		e = c->tok[last].start + c->tok[last].len;
	char	   *out = nk_arena_alloc(c->arena, e - s + 1);
	size_t		n = 0;
	bool		space = false;

	for (size_t k = s; k < e; k++)
	{
		char		ch = c->doc->text[k];

		if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t')
		{
			space = true;
			continue;
		}
		if (space && n > 0)
			out[n++] = ' ';
		space = false;
		out[n++] = ch;
	}
	out[n] = '\0';
	return out;
}

static int32_t
add_cand(ctx *c, size_t first, size_t last, const char *entity, nk_label label, int32_t gaz,
		 nk_entity_source source, float confidence, bool claim)
{
	cand	   *k = nk_vec_push(c->scratch, &c->cands);
	int32_t		id = (int32_t) (c->cands.count - 1);

	k->first = first;
	k->last = last;
	k->entity = entity;
	k->label = label;
	k->gaz = gaz;
	k->source = source;
	k->confidence = confidence;
	if (claim)
		for (size_t i = first; i <= last; i++)
			if (c->owner[i] < 0)
				c->owner[i] = id;
	return id;
}

/* ---------------------------------------------------------------- sentences */

static bool
is_function_word(const nk_token *t)
{
	const char *f = t->fold;

	/* "a an the of in on for to and at by with from as is vs or into over after", by length */
	switch (t->fold_len)
	{
		case 1:
			return f[0] == 'a';
		case 2:
			switch (f[0])
			{
				case 'a':
					return f[1] == 'n' || f[1] == 't' || f[1] == 's';
				case 'o':
					return f[1] == 'f' || f[1] == 'n' || f[1] == 'r';
				case 'i':
					return f[1] == 'n' || f[1] == 's';
				case 't':
					return f[1] == 'o';
				case 'b':
					return f[1] == 'y';
				case 'v':
					return f[1] == 's';
			}
			return false;
		case 3:
			return memcmp(f, "the", 3) == 0 || memcmp(f, "for", 3) == 0 || memcmp(f, "and", 3) == 0;
		case 4:
			return memcmp(f, "with", 4) == 0 || memcmp(f, "from", 4) == 0 ||
				memcmp(f, "into", 4) == 0 || memcmp(f, "over", 4) == 0;
		case 5:
			return memcmp(f, "after", 5) == 0;
	}
	return false;
}

/*
 * Mark headline-case lines (a line of its own without a final stop, most
 * content words capitalised) and bylines ("By ...") as quiet.
 */
static void
mark_quiet(ctx *c)
{
	const nk_doc *d = c->doc;

	c->quiet = nk_arena_zalloc(c->arena, (d->sentences.count ? d->sentences.count : 1) * sizeof(bool));
	for (size_t s = 0; s < d->sentences.count; s++)
	{
		size_t		first = d->sentence_first_token[s];
		size_t		end = s + 1 < d->sentences.count ? d->sentence_first_token[s + 1] : c->ntok;
		size_t		words = 0;
		size_t		caps = 0;
		const nk_token *last = &c->tok[end - 1];
		bool		stop;

		nk_interrupt_tick();
		if (first >= end)
			continue;
		if (nk_token_is(&c->tok[first], "by") && (c->tok[first].flags & NK_TOKEN_CAPITALIZED) &&
			end - first <= 16)
		{
			c->quiet[s] = true;
			continue;
		}
		stop = last->kind == NK_TOKEN_PUNCT &&
			(nk_token_is(last, ".") || nk_token_is(last, "!") || nk_token_is(last, "?") ||
			 nk_token_is(last, "\"") || nk_token_is(last, ")"));
		/* a headline stands on a line of its own, without a final stop */
		if (stop || !(c->tok[first].flags & (NK_TOKEN_LINE_BEFORE | NK_TOKEN_PARA_BEFORE)) ||
			(end < c->ntok && !(c->tok[end].flags & NK_TOKEN_LINE_BEFORE)))
			continue;
		for (size_t i = first; i < end; i++)
		{
			if (c->tok[i].kind != NK_TOKEN_WORD || is_function_word(&c->tok[i]))
				continue;
			words++;
			if (c->tok[i].flags & (NK_TOKEN_CAPITALIZED | NK_TOKEN_ALL_CAPS))
				caps++;
		}
		if (words >= 3 && words <= 25 && caps * 10 >= words * 6)
			c->quiet[s] = true;
	}
}

static bool
quiet_at(const ctx *c, size_t i)
{
	return c->tok[i].sentence >= 0 && (size_t) c->tok[i].sentence < c->doc->sentences.count &&
		c->quiet[c->tok[i].sentence];
}

/* ---------------------------------------------------------------- 1. gazetteer */

static void
gazetteer_pass(ctx *c, nk_gaz_match_list *matches)
{
	for (size_t k = 0; k < matches->count; k++)
	{
		const nk_gaz_match *m = &matches->items[k];
		const nk_gaz_entity *e = nk_gazetteer_entity(c->g, m->id);

		nk_interrupt_tick();
		/* "Vladimir Putin" is not the city: a given name before a surname is a person's */
		if (m->first == m->last && e->label != NK_LABEL_PERSON && lex(c, m->first, NK_LEX_GIVEN_NAME) &&
			m->last + 1 < c->ntok && same_sentence(c, m->first, m->last + 1) &&
			is_name_word(c, m->last + 1) && !lex(c, m->last + 1, NK_LEX_HEAD))
			continue;
		add_cand(c, m->first, m->last, e->canonical, e->label, m->id, NK_SOURCE_GAZETTEER,
				 m->first == m->last ? CONF_ALIAS_SHORT : CONF_ALIAS_LONG, true);
	}
}

/* ---------------------------------------------------------------- 2. head words */

/* Whether a gazetteer candidate can sit inside a longer organisation or facility name. */
static bool
absorbable(const cand *k)
{
	return k->source == NK_SOURCE_GAZETTEER;
}

/* Whether the inner candidate stays a mention of its own inside a longer name. */
static bool
keeps_inside(const cand *k)
{
	return k->label == NK_LABEL_GPE || k->label == NK_LABEL_ORG || k->label == NK_LABEL_PERSON;
}

/* Extend a name leftwards from head h; *qualifier gets a "Country's" before it, or -1. */
static size_t
extend_left(const ctx *c, size_t h, int32_t *qualifier)
{
	size_t		l = h;

	*qualifier = -1;
	while (l > 0 && same_sentence(c, l - 1, h))
	{
		size_t		j = l - 1;
		const cand *k;

		if (is_skip(c, j))
		{
			/* People's Army, but Russia's Ministry: a place before 's qualifies the name */
			if (j == 0 || !same_sentence(c, j - 1, h))
				break;
			k = owner_of(c, j - 1);
			if ((c->tok[j].flags & NK_TOKEN_POSSESSIVE) && k && k->label == NK_LABEL_GPE)
			{
				*qualifier = c->owner[j - 1];
				break;
			}
			if (!is_name_word(c, j - 1) || (k && !absorbable(k)))
				break;
			l = j;
			continue;
		}
		k = owner_of(c, j);
		if (k)
		{
			if (!absorbable(k))
				break;
			l = k->first;
			continue;
		}
		if (!is_name_word(c, j) || lex(c, j, NK_LEX_NON_NAME))
			break;
		l = j;
	}
	return l;
}

/* Extend a name rightwards from head h over capitalised words and "of"/"for"/"on" (the) phrases. */
static size_t
extend_right(const ctx *c, size_t h)
{
	size_t		r = h;
	size_t		j = h + 1;

	while (j < c->ntok && same_sentence(c, j, h))
	{
		size_t		k = j;
		const cand *o;

		if (c->tok[k].kind == NK_TOKEN_WORD &&
			(nk_token_is(&c->tok[k], "of") || nk_token_is(&c->tok[k], "for") || nk_token_is(&c->tok[k], "on")))
		{
			k++;
			if (k < c->ntok && nk_token_is(&c->tok[k], "the"))
				k++;
		}
		while (k < c->ntok && is_skip(c, k) && !is_hyphen(c, k) && k > j)
			k++;
		if (k >= c->ntok || !same_sentence(c, k, h) || !is_name_word(c, k) || lex(c, k, NK_LEX_NON_NAME))
			break;
		o = owner_of(c, k);
		if (o && !absorbable(o))
			break;
		r = o ? o->last : k;
		j = r + 1;
		/* People's: go on past a possessive inside a name, not past a place's */
		while (j < c->ntok && (c->tok[j].flags & NK_TOKEN_POSSESSIVE) && j + 1 < c->ntok &&
			   is_name_word(c, j + 1) && !(o && o->label == NK_LABEL_GPE))
			j++;
	}
	return r;
}

static void
claim_name(ctx *c, size_t first, size_t last, const char *entity, nk_label label, float confidence)
{
	int32_t		id;

	for (size_t i = first; i <= last; i++)
	{
		cand	   *k = owner_of(c, i);

		if (k && !keeps_inside(k))
			k->dead = true;
		c->owner[i] = -1;
	}
	id = add_cand(c, first, last, entity, label, -1, NK_SOURCE_PATTERN, confidence, true);
	(void) id;
}

/* "South Korea's defense ministry": a lower-case head after a place's possessive and title words. */
static bool
possessed_head(ctx *c, size_t h)
{
	size_t		j = h;
	int			mods = 0;
	const cand *place;
	const nk_gaz_entity *e;
	const char *country;

	while (j > 0 && mods < 2 && c->tok[j - 1].kind == NK_TOKEN_WORD &&
		   !(c->tok[j - 1].flags & NK_TOKEN_CAPITALIZED) && lex(c, j - 1, NK_LEX_TITLE))
		j--, mods++;
	if (mods == 0 || j < 2 || !(c->tok[j - 1].flags & NK_TOKEN_POSSESSIVE))
		return false;
	place = owner_of(c, j - 2);
	if (place == NULL || place->label != NK_LABEL_GPE || place->gaz < 0)
		return false;
	e = nk_gazetteer_entity(c->g, place->gaz);
	if (e->capital_of >= 0)
		e = nk_gazetteer_entity(c->g, e->capital_of);
	country = e->canonical;
	add_cand(c, place->first, h, nk_arena_sprintf(c->arena, "%s %s", country, span_text(c, j, h)),
			 NK_LABEL_ORG, -1, NK_SOURCE_PATTERN, CONF_HEAD, false);
	for (size_t i = j; i <= h; i++)
		c->owner[i] = (int32_t) (c->cands.count - 1);
	return true;
}

static void
head_pass(ctx *c)
{
	for (size_t h = 0; h < c->ntok; h++)
	{
		const char *label_name;
		int32_t		qualifier;
		size_t		l;
		size_t		r;
		size_t		words = 0;
		const char *name;

		nk_interrupt_tick();
		if (c->owner[h] >= 0 || !lex(c, h, NK_LEX_HEAD) || quiet_at(c, h) ||
			!nk_gazetteer_has_word(c->g, c->ids[h], NK_LEX_HEAD, &label_name))
			continue;
		if (c->tok[h].kind == NK_TOKEN_WORD && !(c->tok[h].flags & NK_TOKEN_CAPITALIZED))
		{
			if (nk_label_parse(label_name) == NK_LABEL_ORG)
				possessed_head(c, h);
			continue;
		}
		if (!is_name_word(c, h))
			continue;
		l = extend_left(c, h, &qualifier);
		r = extend_right(c, h);
		for (size_t i = l; i <= r; i++)
			if (c->tok[i].kind == NK_TOKEN_WORD && (c->tok[i].flags & NK_TOKEN_CAPITALIZED))
				words++;
		if (words < 2)
			continue;
		name = span_text(c, l, r);
		if (qualifier >= 0)
		{
			const cand *q = &c->cands.items[qualifier];
			const nk_gaz_entity *e = nk_gazetteer_entity(c->g, q->gaz);

			if (e && e->capital_of >= 0)
				e = nk_gazetteer_entity(c->g, e->capital_of);
			if (e)
			{
				name = nk_arena_sprintf(c->arena, "%s %s", e->canonical, name);
				l = q->first;
			}
		}
		claim_name(c, l, r, name, (nk_label) nk_label_parse(label_name), CONF_HEAD);
		h = r;
	}
}

/* ---------------------------------------------------------------- 3. people */

/*
 * Read a person's name from i: capitalised words, with hyphenated parts
 * ("Soo-suk") and initials; return the number of words (0 if none) and
 * set *last.
 */
static int
read_name(const ctx *c, size_t i, size_t *last)
{
	int			words = 0;
	size_t		j = i;

	while (j < c->ntok && words < MAX_NAME_WORDS && same_sentence(c, i, j) && is_person_word(c, j))
	{
		int			parts = 1;

		*last = j;
		words++;
		/* a hyphenated part: no space on either side of the hyphen */
		while (parts++ < MAX_NAME_PARTS && j + 2 < c->ntok && is_hyphen(c, j + 1) && !(c->tok[j + 1].flags & NK_TOKEN_SPACE_BEFORE) &&
			   c->tok[j + 2].kind == NK_TOKEN_WORD && !(c->tok[j + 2].flags & NK_TOKEN_SPACE_BEFORE) &&
			   c->owner[j + 2] < 0)
		{
			j += 2;
			*last = j;
		}
		j++;
	}
	/* a name followed by a head word belongs to an organisation */
	if (words > 0 && *last + 1 < c->ntok && is_name_word(c, *last + 1) && lex(c, *last + 1, NK_LEX_HEAD))
		return 0;
	return words;
}

static void
add_person(ctx *c, size_t first, size_t last, float confidence)
{
	add_cand(c, first, last, span_text(c, first, last), NK_LABEL_PERSON, -1, NK_SOURCE_PATTERN,
			 confidence, true);
}

/* "Deputy Prime Minister Denis Manturov", "spokesperson Lim Soo-suk", "Lt. Gen. ..." */
static bool
titled_person(ctx *c, size_t i, size_t *next)
{
	size_t		j = i;
	size_t		last = 0;
	int			words;

	if (!lex(c, i, NK_LEX_TITLE) || c->owner[i] >= 0)
		return false;
	while (j < c->ntok && same_sentence(c, i, j) && lex(c, j, NK_LEX_TITLE) && c->owner[j] < 0)
		j++;
	*next = j;
	if (j >= c->ntok || !same_sentence(c, i, j))
		return false;
	words = read_name(c, j, &last);
	/* "Defense Intelligence chief": a title word after one word ends an organisation's name */
	if (words == 1 && !(last + 1 < c->ntok && lex(c, last + 1, NK_LEX_TITLE)))
		c->titled[j] = true;
	if (words < 2)
		return false;
	add_person(c, j, last, CONF_TITLED);
	*next = last + 1;
	return true;
}

/* "Pak Jong Chon", "Lim Soo-suk": a Korean family name and a given name. */
static bool
korean_person(ctx *c, size_t i, size_t *next)
{
	size_t		last;

	if (!is_person_word(c, i) || !lex(c, i, NK_LEX_KOREAN_SURNAME) || i + 1 >= c->ntok ||
		!same_sentence(c, i, i + 1) || continues_name(c, i))
		return false;
	if (!is_person_word(c, i + 1) || !letters_only(&c->tok[i + 1], 2, 6))
		return false;
	if (i + 3 < c->ntok && is_hyphen(c, i + 2) && !(c->tok[i + 2].flags & NK_TOKEN_SPACE_BEFORE) &&
		!(c->tok[i + 3].flags & NK_TOKEN_SPACE_BEFORE) && letters_only(&c->tok[i + 3], 2, 6) &&
		c->owner[i + 3] < 0)
		last = i + 3;
	else if (i + 2 < c->ntok && same_sentence(c, i, i + 2) && is_person_word(c, i + 2) &&
			 letters_only(&c->tok[i + 2], 2, 6) &&
			 !(i + 3 < c->ntok && same_sentence(c, i, i + 3) && is_name_word(c, i + 3)))
		last = i + 2;
	else
		return false;
	add_person(c, i, last, CONF_SHAPE);
	*next = last + 1;
	return true;
}

/* "Denis Manturov", "Robert A. Wood": a known given name and a surname. */
static bool
given_name_person(ctx *c, size_t i, size_t *next)
{
	size_t		j = i + 1;
	size_t		last = 0;

	if (!is_person_word(c, i) || !lex(c, i, NK_LEX_GIVEN_NAME) ||
		(i > 0 && same_sentence(c, i - 1, i) && is_name_word(c, i - 1) && c->owner[i - 1] < 0 &&
		 !(c->tok[i].flags & NK_TOKEN_SENT_START)))
		return false;
	/* a middle initial */
	if (j < c->ntok && (c->tok[j].flags & NK_TOKEN_ABBREV) && c->tok[j].fold_len == 1 && is_name_word(c, j))
		j++;
	if (j >= c->ntok || !same_sentence(c, i, j) || read_name(c, j, &last) == 0)
		return false;
	if (last - i > 6)
		return false;
	add_person(c, i, last, CONF_SHAPE);
	*next = last + 1;
	return true;
}

/* "Lim Soo-suk, a spokesperson for ...": a name before a comma and a title. */
static bool
apposed_person(ctx *c, size_t i, size_t *next)
{
	size_t		last = 0;
	int			words;
	size_t		j;

	if (continues_name(c, i))
		return false;
	words = read_name(c, i, &last);
	if (words < 2 || last + 2 >= c->ntok || !nk_token_is(&c->tok[last + 1], ","))
		return false;
	/* "Yesterday Ahn Mi-rae, ...": a sentence's first word opens a longer name only if it is a known one */
	if ((c->tok[i].flags & NK_TOKEN_SENT_START) && words > 2 &&
		!lex(c, i, NK_LEX_GIVEN_NAME) && !lex(c, i, NK_LEX_KOREAN_SURNAME))
		return false;
	for (j = last + 2; j < c->ntok && j <= last + 6 && same_sentence(c, i, j); j++)
	{
		if (c->tok[j].kind == NK_TOKEN_PUNCT && !is_skip(c, j))
			return false;
		if (lex(c, j, NK_LEX_TITLE))
		{
			add_person(c, i, last, CONF_TITLED);
			*next = last + 1;
			return true;
		}
	}
	return false;
}

static void
person_pass(ctx *c)
{
	size_t		i = 0;

	while (i < c->ntok)
	{
		size_t		next = i + 1;

		nk_interrupt_tick();
		if (c->owner[i] < 0 && !quiet_at(c, i) &&
			(titled_person(c, i, &next) || korean_person(c, i, &next) ||
			 given_name_person(c, i, &next) || apposed_person(c, i, &next)))
		{
			i = next;
			continue;
		}
		i = next > i ? next : i + 1;
	}
}

/* ---------------------------------------------------------------- 4. coreference */

typedef struct person
{
	const char *key;			/* folded surname */
	uint32_t	key_len;
	int32_t		cand;			/* latest full mention */
	size_t		first;			/* token of its first mention */
	int			mentions;
} person;

/* Surname token of a full name: a Korean name's first word, any other name's last. */
static size_t
surname_token(const ctx *c, const cand *k)
{
	size_t		last = k->last;

	if (lex(c, k->first, NK_LEX_KOREAN_SURNAME))
		return k->first;
	/* the last word, before any hyphenated part of it */
	while (last > k->first + 1 && is_hyphen(c, last - 1))
		last -= 2;
	return last;
}

/* Whether token t's fold is p's surname. */
static bool
is_key(const person *p, const nk_token *t)
{
	return p->key_len == t->fold_len && p->key[0] == t->fold[0] && memcmp(p->key, t->fold, t->fold_len) == 0;
}

static bool
same_entity(const cand *a, const cand *b)
{
	if (a->gaz >= 0 || b->gaz >= 0)
		return a->gaz == b->gaz;
	return strcmp(a->entity, b->entity) == 0;
}

static void
coreference_pass(ctx *c)
{
	NK_VEC(person) people = {0};
	size_t		ncands = c->cands.count;

	/* the people named in full */
	for (size_t k = 0; k < ncands; k++)
	{
		cand	   *p = &c->cands.items[k];
		size_t		s;
		person	   *found = NULL;

		nk_check_interrupts();
		if (p->dead || p->label != NK_LABEL_PERSON || p->first == p->last)
			continue;
		s = surname_token(c, p);
		for (size_t q = 0; q < people.count; q++)
			if (same_entity(&c->cands.items[people.items[q].cand], p) &&
				is_key(&people.items[q], &c->tok[s]))
				found = &people.items[q];
		if (found)
			continue;
		found = nk_vec_push(c->arena, &people);
		found->key = c->tok[s].fold;
		found->key_len = c->tok[s].fold_len;
		found->cand = (int32_t) k;
		found->first = p->first;
	}

	for (size_t i = 0; i < c->ntok; i++)
	{
		person	   *best = NULL;
		int			matches = 0;

		nk_check_interrupts();
		if (c->owner[i] >= 0 || !is_name_word(c, i) || lex(c, i, NK_LEX_NON_NAME))
			continue;
		/* a word of a longer unknown name is not a short form */
		if (i + 1 < c->ntok && same_sentence(c, i, i + 1) && is_name_word(c, i + 1) && c->owner[i + 1] < 0 &&
			!lex(c, i + 1, NK_LEX_NON_NAME))
			continue;
		for (size_t q = 0; q < people.count; q++)
		{
			person	   *p = &people.items[q];

			if (!is_key(p, &c->tok[i]))
				continue;
			matches++;
			if (best == NULL)
				best = p;
			else if ((p->first < i) != (best->first < i))
				best = p->first < i ? p : best;
			else if (p->first < i && (p->mentions > best->mentions ||
									  (p->mentions == best->mentions && p->first > best->first)))
				best = p;
		}
		if (best)
		{
			const cand *a = &c->cands.items[best->cand];

			add_cand(c, i, i, a->entity, NK_LABEL_PERSON, a->gaz, NK_SOURCE_COREFERENCE,
					 matches == 1 ? CONF_SURNAME : CONF_SURNAME_WEAK, true);
			best->mentions++;
			continue;
		}
		/* no antecedent: a surname only one known person has */
		if (!(c->tok[i].flags & NK_TOKEN_SENT_START) || c->titled[i])
		{
			int32_t		holder = nk_gazetteer_surname_holder(c->g, c->ids[i]);

			if (holder >= 0)
			{
				add_cand(c, i, i, nk_gazetteer_entity(c->g, holder)->canonical, NK_LABEL_PERSON, holder,
						 NK_SOURCE_COREFERENCE, CONF_SURNAME_WEAK, true);
				continue;
			}
		}
		if (c->titled[i])
			add_person(c, i, i, CONF_SURNAME_WEAK);
	}
}

static void
role_pass(ctx *c, const nk_gaz_match_list *roles)
{
	size_t		nentities = nk_gazetteer_entity_count(c->g);
	uint8_t    *named_set;

	if (roles->count == 0)
		return;
	/* the gazetteer entities the article names, a bit each */
	named_set = nk_arena_zalloc(c->arena, nentities / 8 + 1);
	for (size_t k = 0; k < c->cands.count; k++)
	{
		int32_t		gaz = c->cands.items[k].gaz;

		if (!c->cands.items[k].dead && gaz >= 0 && (size_t) gaz < nentities)
			named_set[gaz >> 3] |= (uint8_t) (1u << (gaz & 7));
	}

	for (size_t r = 0; r < roles->count; r++)
	{
		const nk_gaz_match *m = &roles->items[r];
		const int32_t *holders;
		size_t		nholders = nk_gazetteer_role_holders(c->g, m->id, &holders);
		int32_t		chosen = -1;
		int			named = 0;
		size_t		after = m->last + 1;

		nk_interrupt_tick();
		while (after < c->ntok && is_skip(c, after) && !(c->tok[after].flags & NK_TOKEN_POSSESSIVE))
			after++;
		/* "North Korean leader Kim Jong Un": a title, the name follows */
		if (after < c->ntok && same_sentence(c, after, m->last) && is_name_word(c, after) &&
			(c->titled[after] || (owner_of(c, after) && owner_of(c, after)->label == NK_LABEL_PERSON)))
			continue;
		for (size_t h = 0; h < nholders; h++)
			if (holders[h] >= 0 && (size_t) holders[h] < nentities &&
				(named_set[holders[h] >> 3] & (1u << (holders[h] & 7))))
			{
				named++;
				chosen = holders[h];
			}
		if (named > 1)
			continue;
		if (named == 0)
		{
			if (nholders != 1)
				continue;
			chosen = holders[0];
		}
		add_cand(c, m->first, m->last, nk_gazetteer_entity(c->g, chosen)->canonical,
				 nk_gazetteer_entity(c->g, chosen)->label, chosen, NK_SOURCE_COREFERENCE,
				 named == 1 ? CONF_ROLE : CONF_SURNAME_WEAK, false);
	}
}

/* ---------------------------------------------------------------- 5. capitals */

/*
 * A capital after a place cue ("in", "visited", "the capital") or in a
 * dateline is the city; otherwise it acts for its government.
 */
/* Whether token i is named by a city (a place with a container that is no capital standing for it). */
static bool
is_city(const ctx *c, long i)
{
	const cand *k;
	const nk_gaz_entity *e;

	if (i < 0 || (size_t) i >= c->ntok || (k = owner_of(c, (size_t) i)) == NULL || k->gaz < 0)
		return false;
	e = nk_gazetteer_entity(c->g, k->gaz);
	return e->label == NK_LABEL_GPE && e->parent >= 0 && e->capital_of < 0;
}

static bool
capital_is_place(const ctx *c, const cand *k)
{
	long		p = prev_token(c, k->first);

	/* "between Pyongyang and Vladivostok": paired with a city, a place */
	if (k->last + 2 < c->ntok && nk_token_is(&c->tok[k->last + 1], "and") && is_city(c, (long) k->last + 2))
		return true;
	if (p >= 1 && nk_token_is(&c->tok[p], "and") && is_city(c, p - 1))
		return true;

	if ((c->tok[k->first].flags & NK_TOKEN_ALL_CAPS) && k->last + 1 < c->ntok &&
		nk_token_is(&c->tok[k->last + 1], ",") && (c->tok[k->first].flags & NK_TOKEN_LINE_BEFORE))
		return true;
	if (p < 0)
		return false;
	if (lex(c, (size_t) p, NK_LEX_PLACE_CUE))
		return true;
	if (nk_token_is(&c->tok[p], "the") || nk_token_is(&c->tok[p], ",") ||
		(c->tok[p].kind == NK_TOKEN_WORD && !(c->tok[p].flags & NK_TOKEN_CAPITALIZED)))
	{
		long		q = prev_token(c, (size_t) p);

		return q >= 0 && lex(c, (size_t) q, NK_LEX_PLACE_CUE);
	}
	return false;
}

static void
capital_pass(ctx *c)
{
	for (size_t k = 0; k < c->cands.count; k++)
	{
		cand	   *m = &c->cands.items[k];
		const nk_gaz_entity *e;
		const nk_gaz_entity *country;

		nk_interrupt_tick();
		if (m->dead || m->source != NK_SOURCE_GAZETTEER || m->gaz < 0)
			continue;
		e = nk_gazetteer_entity(c->g, m->gaz);
		if (e->capital_of < 0 || capital_is_place(c, m))
			continue;
		country = nk_gazetteer_entity(c->g, e->capital_of);
		m->entity = country->canonical;
		m->label = country->label;
		m->gaz = e->capital_of;
		m->confidence = CONF_METONYMY;
	}
}

/* ---------------------------------------------------------------- driver */

/*
 * Order the candidates by first token, a longer one first, keeping the
 * order they were found in otherwise: a counting sort on the first token
 * (the token count bounds it), then an insertion sort of each run of equal
 * first tokens, which has a candidate or two.
 */
static void
sort_cands(ctx *c)
{
	size_t		n = c->cands.count;
	size_t	   *start = nk_arena_zalloc(c->scratch, (c->ntok + 1) * sizeof(size_t));
	cand	   *sorted = nk_arena_alloc(c->scratch, n * sizeof(cand));

	for (size_t k = 0; k < n; k++)
		start[c->cands.items[k].first + 1]++;
	for (size_t i = 0; i < c->ntok; i++)
		start[i + 1] += start[i];
	for (size_t k = 0; k < n; k++)
		sorted[start[c->cands.items[k].first]++] = c->cands.items[k];
	for (size_t k = 1; k < n; k++)
	{
		cand		m = sorted[k];
		size_t		j = k;

		while (j > 0 && sorted[j - 1].first == m.first && sorted[j - 1].last < m.last)
		{
			sorted[j] = sorted[j - 1];
			j--;
		}
		sorted[j] = m;
	}
	c->cands.items = sorted;
	c->cands.capacity = n;
}

void
nk_extract_entities(nk_arena *arena, const nk_doc *doc, const nk_gazetteer *g, nk_entity_list *out)
{
	ctx			c;
	nk_gaz_match_list matches = {0};
	nk_gaz_match_list roles = {0};
	size_t		n = doc->tokens.count;

	memset(&c, 0, sizeof(c));
	c.arena = arena;
	c.doc = doc;
	c.g = g;
	c.tok = doc->tokens.items;
	c.ntok = n;
	if (n == 0)
		return;
	/* what lives only as long as this call: per-token arrays, the gazetteer's matches */
	c.scratch = nk_arena_create();
	c.ids = nk_gazetteer_token_ids(c.scratch, g, doc);
	c.lists = nk_arena_alloc(c.scratch, n * sizeof(uint32_t));
	for (size_t i = 0; i < n; i++)
		c.lists[i] = nk_gazetteer_word_lists(g, c.ids[i]);
	c.owner = nk_arena_alloc(c.scratch, n * sizeof(int32_t));
	memset(c.owner, 0xff, n * sizeof(int32_t));
	c.titled = nk_arena_zalloc(c.scratch, n * sizeof(bool));
	mark_quiet(&c);

	nk_gazetteer_match(c.scratch, g, doc, c.ids, &matches, &roles);
	gazetteer_pass(&c, &matches);
	nk_check_interrupts();
	head_pass(&c);
	person_pass(&c);
	nk_check_interrupts();
	coreference_pass(&c);
	role_pass(&c, &roles);
	capital_pass(&c);

	if (c.cands.count > 1)
		sort_cands(&c);
	for (size_t k = 0; k < c.cands.count; k++)
	{
		const cand *m = &c.cands.items[k];
		nk_entity_mention *e;

		nk_interrupt_tick();
		if (m->dead)
			continue;
		e = nk_vec_push(arena, out);
		e->entity = m->entity;
		e->label = m->label;
		e->gazetteer_id = m->gaz;
		e->start = doc->tokens.items[m->first].start;
		e->len = doc->tokens.items[m->last].start + doc->tokens.items[m->last].len - e->start;
		e->first_token = m->first;
		e->last_token = m->last;
		e->sentence = doc->tokens.items[m->first].sentence;
		e->source = m->source;
		e->confidence = m->confidence;
	}
	nk_arena_destroy(c.scratch);
}
