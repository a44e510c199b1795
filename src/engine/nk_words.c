/*
 * nk_words.c
 *	  Map the engine's tokens onto the words of Universal Dependencies
 *	  English (the EWT treebank's tokenization).
 *
 * Two things differ.  UD splits a token into the words of a multiword token
 * where the engine keeps one: a contraction (do + n't, I + 'm, can + not,
 * gon + na, do + nt) and a possessive (Bush + 's, parents + '), which the
 * tokenizer splits off as a punctuation token of its own but UD writes as
 * part of the word's token.  And UD keeps as one word what the tokenizer
 * splits at punctuation: e-mail addresses and URLs, file and domain names
 * (report.doc), numbers joined by : / or - (5:30 11/28/2000 713-555-0100
 * 01-Feb-02),
 * a prefix joined by a hyphen (e-mail, non-profit; other hyphenated words
 * are split, "long-term" is long - term, as the tokenizer does), short
 * names joined by & (AT&T), runs of ! and ? and emoticons.
 *
 * The tokens are walked once; each run of tokens without white space
 * between them is looked at once for an address, so the cost is linear.
 */
#include "nk_words.h"

#include <string.h>

/* Prefixes that UD keeps joined to the word after their hyphen (e-mail, non-profit). */
static const char *const hyphen_prefixes[] = {
	"anti", "arch", "co", "counter", "cross", "e", "ex", "extra", "inter", "intra", "macro",
	"micro", "mid", "mis", "multi", "neo", "non", "over", "post", "pre", "pro", "pseudo", "psycho", "re",
	"semi", "socio", "sub", "super", "trans", "ultra", "un", "under", NULL
};

/*
 * Words written without their apostrophe that UD still splits, with the
 * length of the first part: "cannot" is can + not, "dont" do + nt.
 */
typedef struct fused_word
{
	const char *word;
	uint8_t		first;
} fused_word;

static const fused_word fused_words[] = {
	{"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}, {"dont", 2}, {"doesnt", 4},
	{"didnt", 3}, {"cant", 2}, {"wont", 2}, {"isnt", 2}, {"wasnt", 3}, {"arent", 3},
	{"werent", 4}, {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6}, {"havent", 4},
	{"hasnt", 3}, {"hadnt", 3}, {"aint", 2}, {"im", 1}, {"ive", 1}, {"thats", 4}, {"whats", 4},
	{"theres", 5}, {"youre", 3}, {"theyre", 4}, {"itll", 2}, {"hes", 2}, {NULL, 0}
};

/*
 * Words that follow "its" only when it is "it is" written without its
 * apostrophe ("its a shame", "its not over"): never after the possessive
 * (its own, its nuclear programme).  UD splits that "its" into it + s.
 */
static const char *const after_its_is[] = {
	"a", "an", "the", "not", "been", "very", "really", "too", "just", "all", "my", "your", "his",
	"her", "our", "their", "ok", "okay", "what", "about", "because", "like", "going", "gonna",
	"always", "never", "still", "also", "pretty", "there", "here", "that", "this", "in", "on", "at",
	"for", "to", "from", "with", "by", "as", "if", "when", "how", "no", "now", "simply",
	"definitely", "nothing", "already", "actually", "probably", "obviously", "almost", NULL
};

/* Months' short names, in dates UD keeps as one word (01-Feb-02). */
static const char *const months[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", NULL
};

/* Emoticons UD keeps as one word. */
static const char *const emoticons[] = {
	":-)", ":-(", ":-D", ":-P", ":'(", ":)", ":(", ":D", ":P", ":p", ";-)", ";)", "=)", ":/",
	"<3", "^_^", NULL
};

/* Units UD writes as a word of their own after a number (5pm is 5 pm, 35mm 35 mm). */
static const char *const units[] = {
	"am", "pm", "mm", "cm", "km", "kg", "lb", "lbs", "mb", "gb", "kb", "mph", "hr", "hrs", "min",
	"mins", "sec", "ft", "k", "m", NULL
};

#define MAX_PARTS 8

/* Bytes of the longest address taken as one word: longer runs are not addresses. */
#define MAX_ADDRESS 2048

typedef struct part
{
	uint32_t	start;
	uint32_t	len;
} part;

static inline uint32_t
tok_end(const nk_token *t)
{
	return t->start + t->len;
}

/* Whether text[start..start+len) equals the lower-case ASCII word w, ignoring ASCII case. */
static bool
text_is(const char *text, size_t start, size_t len, const char *w)
{
	size_t		i;

	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) text[start + i];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (w[i] == '\0' || (char) c != w[i])
			return false;
	}
	return w[i] == '\0';
}

static bool
in_word_list(const char *text, const nk_token *t, const char *const *list)
{
	if (t->len > 12)
		return false;
	for (const char *const *w = list; *w; w++)
		if (text_is(text, t->start, t->len, *w))
			return true;
	return false;
}

/* Whether token i follows token i - 1 without white space, in the same sentence. */
static inline bool
joined(const nk_doc *doc, size_t i)
{
	const nk_token *t;

	if (i == 0 || i >= doc->tokens.count)
		return false;
	t = &doc->tokens.items[i];
	return !(t->flags & NK_TOKEN_SPACE_BEFORE) && t->sentence == t[-1].sentence;
}

/* Whether token i is the one-character punctuation token c (ASCII). */
static inline bool
punct_is(const nk_doc *doc, size_t i, char c)
{
	const nk_token *t;

	if (i >= doc->tokens.count)
		return false;
	t = &doc->tokens.items[i];
	return t->kind == NK_TOKEN_PUNCT && t->len == 1 && doc->text[t->start] == c;
}

/* Whether token i is a one-character ASCII punctuation token among chars. */
static inline bool
punct_in(const nk_doc *doc, size_t i, const char *chars)
{
	const nk_token *t;

	if (i >= doc->tokens.count)
		return false;
	t = &doc->tokens.items[i];
	return t->kind == NK_TOKEN_PUNCT && t->len == 1 && doc->text[t->start] != '\0' &&
		strchr(chars, doc->text[t->start]) != NULL;
}

static inline bool
has_digit(const nk_token *t)
{
	return t->kind == NK_TOKEN_NUMBER || (t->kind == NK_TOKEN_WORD && (t->flags & NK_TOKEN_HAS_DIGIT));
}

static inline bool
is_alnum_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/*
 * Whether text[s..e) is an address: a URL (scheme:// or www.), an e-mail
 * address (x@y.z, x@HOST) or a dotted name (report.doc, comp.sources.unix).
 */
static bool
is_address(const char *text, size_t s, size_t e)
{
	bool		at = false;
	bool		dotted = false;
	bool		other = false;

	if (e - s >= 4 && text_is(text, s, 4, "www."))
		return true;
	for (size_t p = s; p < e; p++)
	{
		unsigned char c = (unsigned char) text[p];

		nk_interrupt_tick();
		if (c == ':' && p + 2 < e && text[p + 1] == '/' && text[p + 2] == '/' && p > s)
			return true;
		if (c == '@' && p > s && p + 1 < e && is_alnum_byte((unsigned char) text[p - 1]) &&
			is_alnum_byte((unsigned char) text[p + 1]))
			at = true;
		else if (c == '.' && p > s && p + 1 < e && is_alnum_byte((unsigned char) text[p - 1]) &&
				 is_alnum_byte((unsigned char) text[p + 1]))
			dotted = true;
		else if (!is_alnum_byte(c) && c != '_' && c != '-' && c != '.')
			other = true;
	}
	return at || (dotted && !other);
}

/*
 * For the run of joined tokens that starts at token i: the range of tokens
 * [*from, *to) that form an address inside it (without the brackets, quotes
 * and final punctuation around it); false when there is none.  *next gets
 * the end of the run.
 */
static bool
find_address(const nk_doc *doc, size_t i, size_t *from, size_t *to, size_t *next)
{
	const nk_token *tok = doc->tokens.items;
	size_t		n = doc->tokens.count;
	size_t		k = i + 1;
	size_t		a = i;
	size_t		b;

	while (k < n && joined(doc, k))
	{
		nk_interrupt_tick();
		k++;
	}
	*next = k;
	if (k - i < 3)
		return false;
	while (a < k && punct_in(doc, a, "(<[{\"'"))
		a++;
	b = k;
	while (b > a && punct_in(doc, b - 1, ".,;:!?)>]}\"'"))
		b--;
	if (b - a < 3 || tok[a].kind == NK_TOKEN_PUNCT || tok_end(&tok[b - 1]) - tok[a].start > MAX_ADDRESS)
		return false;
	if (!is_address(doc->text, tok[a].start, tok_end(&tok[b - 1])))
		return false;
	*from = a;
	*to = b;
	return true;
}

/* Whether token i is a one-character apostrophe or single quote (not a backtick). */
static bool
is_apostrophe_token(const nk_doc *doc, size_t i)
{
	const nk_token *t;
	size_t		q;
	int32_t		cp;

	if (i >= doc->tokens.count)
		return false;
	t = &doc->tokens.items[i];
	if (t->kind != NK_TOKEN_PUNCT)
		return false;
	q = t->start;
	cp = nk_utf8_next(doc->text, tok_end(t), &q);
	return q == tok_end(t) && nk_cp_is_apostrophe(cp) && cp != '`';
}

/*
 * Whether token i is punctuation that UD keeps in one word with a run of
 * symbols starting with c: more of the same symbol (** >> $$$), or - and =
 * mixed (----==).  "-$" and "<>" are two words.
 */
static bool
is_symbol_run_token(const nk_doc *doc, size_t i, char c)
{
	const nk_token *t = &doc->tokens.items[i];

	if (t->kind != NK_TOKEN_PUNCT || strchr("-=*+~_#^<>$", c) == NULL)
		return false;
	for (uint32_t k = 0; k < t->len; k++)
	{
		char		b = doc->text[t->start + k];

		if (b != c && !((c == '-' || c == '=') && (b == '-' || b == '=')))
			return false;
	}
	return true;
}

/*
 * The end of the run of numbers joined by : / or - that starts at token i
 * (5:30 11/28/2000).  UD splits a range at its hyphen (1969 - 1970, 3 - 4)
 * but keeps a telephone number whole: hyphens join numbers only in a chain
 * of three or more (713-555-0100, 2000-11-28) or before four digits
 * (555-0100, extension 3-5213).
 */
static size_t
number_end(const nk_doc *doc, size_t i)
{
	const nk_token *tok = doc->tokens.items;
	size_t		j = i + 1;
	size_t		groups = 1;
	size_t		first_hyphen = 0;

	while (joined(doc, j + 1) && joined(doc, j) && punct_in(doc, j, ":/-") && has_digit(&tok[j + 1]))
	{
		nk_interrupt_tick();
		if (doc->text[tok[j].start] == '-' && first_hyphen == 0)
			first_hyphen = j;
		groups++;
		j += 2;
	}
	if (first_hyphen != 0 && groups < 3 &&
		!(groups == 2 && tok[i].len <= 3 && tok[j - 1].len == 4 && tok[i].kind == NK_TOKEN_NUMBER &&
		  tok[j - 1].kind == NK_TOKEN_NUMBER))
		return first_hyphen;
	return j;
}

/* The end of the tokens joined to token i into one word by the rules other than addresses. */
static size_t
merge_end(const nk_doc *doc, size_t i)
{
	const nk_token *tok = doc->tokens.items;
	const char *text = doc->text;
	const nk_token *t = &tok[i];
	size_t		j = i + 1;

	if (t->kind != NK_TOKEN_PUNCT)
	{
		/* 01-Feb-02: a date with the month's name */
		if (t->kind == NK_TOKEN_NUMBER && t->len <= 2 && joined(doc, i + 4) && joined(doc, i + 3) &&
			joined(doc, i + 2) && joined(doc, i + 1) && punct_is(doc, i + 1, '-') &&
			punct_is(doc, i + 3, '-') && tok[i + 4].kind == NK_TOKEN_NUMBER &&
			in_word_list(text, &tok[i + 2], months))
			j = i + 5;
		else if (has_digit(t))
			j = number_end(doc, i);
		/* e-mail, non-profit */
		else if (joined(doc, i + 2) && joined(doc, i + 1) && punct_is(doc, i + 1, '-') &&
				 tok[i + 2].kind == NK_TOKEN_WORD && in_word_list(text, t, hyphen_prefixes))
			j = i + 3;
		/* AT&T, R&D */
		else if (t->len <= 3 && joined(doc, i + 2) && joined(doc, i + 1) && punct_is(doc, i + 1, '&') &&
				 tok[i + 2].kind == NK_TOKEN_WORD && tok[i + 2].len <= 3)
			j = i + 3;
		/* names joined by underscores: Analysis_0712 */
		while (joined(doc, j + 1) && joined(doc, j) && punct_is(doc, j, '_') &&
			   tok[j + 1].kind != NK_TOKEN_PUNCT)
		{
			nk_interrupt_tick();
			j += 2;
		}
		return j;
	}
	/* emoticons, checked on the text after the token */
	for (const char *const *e = emoticons; *e; e++)
	{
		size_t		el = strlen(*e);
		size_t		k = i;

		if (t->start + el > doc->len || memcmp(text + t->start, *e, el) != 0)
			continue;
		while (k + 1 < doc->tokens.count && tok_end(&tok[k]) < t->start + el && joined(doc, k + 1))
			k++;
		if (tok_end(&tok[k]) == t->start + el && k > i &&
			(k + 1 == doc->tokens.count || !joined(doc, k + 1)))
			return k + 1;
	}
	/* !!! ?! .? */
	if (punct_in(doc, i, "!?") || (punct_is(doc, i, '.') && punct_in(doc, i + 1, "!?") && joined(doc, i + 1)))
	{
		while (joined(doc, j) && punct_in(doc, j, "!?"))
			j++;
		return j;
	}
	/* +44: a sign before a number */
	if (punct_is(doc, i, '+') && !joined(doc, i) && joined(doc, i + 1) &&
		tok[i + 1].kind == NK_TOKEN_NUMBER)
		return i + 2;
	/* '' as a double quote */
	if (is_apostrophe_token(doc, i) && joined(doc, i + 1) && is_apostrophe_token(doc, i + 1))
		return i + 2;
	/* '68: a year's first digits left out */
	if (is_apostrophe_token(doc, i) && !joined(doc, i) && joined(doc, i + 1) &&
		tok[i + 1].kind == NK_TOKEN_NUMBER && tok[i + 1].len == 2 &&
		(i + 2 == doc->tokens.count || !joined(doc, i + 2) || tok[i + 2].kind == NK_TOKEN_PUNCT))
		return i + 2;
	/* --== ** >> $$$ */
	if (t->len > 0 && is_symbol_run_token(doc, i, text[t->start]))
		while (joined(doc, j) && is_symbol_run_token(doc, j, text[t->start]))
		{
			nk_interrupt_tick();
			j++;
		}
	return j;
}

/*
 * Split the word token t into the parts UD writes for it: a contraction
 * (don't, I'm, we'd've) or a fused word (cannot, gonna, dont).  Returns the
 * number of parts (1 when it stays whole).
 */
static int
split_word(const char *text, const nk_token *t, part *parts)
{
	uint32_t	s = t->start;
	uint32_t	e = tok_end(t);
	part		tail[3];
	int			ntail = 0;
	int			n = 0;

	if (t->len <= 8 && !((t->flags & NK_TOKEN_ALL_CAPS) && t->len <= 3))
	{
		for (const fused_word *f = fused_words; f->word; f++)
			if (text_is(text, s, t->len, f->word))
			{
				parts[0].start = s;
				parts[0].len = f->first;
				parts[1].start = s + f->first;
				parts[1].len = t->len - f->first;
				return 2;
			}
	}
	/* peel contractions off the end: the last apostrophe and what follows it */
	while (ntail < 3)
	{
		uint32_t	apos = 0;
		uint32_t	after = 0;
		uint32_t	from;
		bool		found = false;
		size_t		p = s;

		while (p < e)
		{
			size_t		q = p;
			int32_t		cp = nk_utf8_next(text, e, &q);

			if (nk_cp_is_apostrophe(cp))
			{
				apos = (uint32_t) p;
				after = (uint32_t) q;
				found = true;
			}
			p = q;
		}
		if (!found || apos == s)
			break;
		from = apos;
		if (text_is(text, after, e - after, "t"))
		{
			/* n't: the n goes with it; can't is ca + n't */
			if (apos - s < 2 || (text[apos - 1] != 'n' && text[apos - 1] != 'N'))
				break;
			from = apos - 1;
		}
		else if (!text_is(text, after, e - after, "s") && !text_is(text, after, e - after, "m") &&
				 !text_is(text, after, e - after, "d") && !text_is(text, after, e - after, "re") &&
				 !text_is(text, after, e - after, "ve") && !text_is(text, after, e - after, "ll"))
			break;
		tail[ntail].start = from;
		tail[ntail].len = e - from;
		ntail++;
		e = from;
	}
	parts[n].start = s;
	parts[n].len = e - s;
	n++;
	while (ntail > 0)
		parts[n++] = tail[--ntail];
	return n;
}

static void
emit(nk_arena *arena, const nk_doc *doc, nk_words *w, const part *p, int32_t token, uint16_t flags)
{
	nk_word    *word;

	if (w->words.count == w->words.capacity)
		nk_vec_reserve(arena, &w->words, w->words.count / 2 + 16);
	word = &w->words.items[w->words.count++];
	word->start = p->start;
	word->len = p->len;
	word->form = nk_arena_strndup(arena, doc->text + p->start, p->len);
	word->form_len = p->len;
	word->token = token;
	word->sentence = doc->tokens.items[token].sentence;
	word->flags = flags;
}

nk_words *
nk_words_build(nk_arena *arena, const nk_doc *doc)
{
	nk_words   *w = nk_arena_zalloc(arena, sizeof(nk_words));
	const nk_token *tok = doc->tokens.items;
	size_t		n = doc->tokens.count;
	size_t		run_end = 0;	/* end of the run of joined tokens looked at for an address */
	size_t		addr_from = SIZE_MAX;
	size_t		addr_to = 0;
	size_t		i = 0;

	w->sentence_count = doc->sentences.count;
	w->sentence_first = nk_arena_zalloc(arena, (w->sentence_count + 1) * sizeof(size_t));
	nk_vec_reserve(arena, &w->words, n + 16);
	while (i < n)
	{
		const nk_token *t = &tok[i];
		part		parts[MAX_PARTS];
		int			np;
		bool		separate = false;	/* the parts are tokens of their own, not a multiword token */
		size_t		j;

		nk_interrupt_tick();
		if (i >= run_end)
		{
			size_t		from,
						to;

			if (find_address(doc, i, &from, &to, &run_end))
			{
				addr_from = from;
				addr_to = to;
			}
		}
		if (i == addr_from)
			j = addr_to;
		else
			j = merge_end(doc, i);
		if ((tok[j - 1].flags & NK_TOKEN_ABBREV) && tok[j - 1].len > 1 &&
			doc->text[tok_end(&tok[j - 1]) - 1] == '.' && (j == n || tok[j].sentence != t->sentence))
		{
			/* an abbreviation ending a sentence gives its period to the sentence: etc . */
			parts[0].start = t->start;
			parts[0].len = tok_end(&tok[j - 1]) - 1 - t->start;
			parts[1].start = tok_end(&tok[j - 1]) - 1;
			parts[1].len = 1;
			np = 2;
			separate = true;
		}
		else if (j == i + 1 && t->kind == NK_TOKEN_WORD && text_is(doc->text, t->start, t->len, "its") &&
				 j < n && tok[j].sentence == t->sentence && in_word_list(doc->text, &tok[j], after_its_is))
		{
			parts[0].start = t->start;
			parts[0].len = 2;
			parts[1].start = t->start + 2;
			parts[1].len = 1;
			np = 2;
		}
		else if (j == i + 1 && t->kind == NK_TOKEN_WORD)
			np = split_word(doc->text, t, parts);
		else
		{
			parts[0].start = t->start;
			parts[0].len = tok_end(&tok[j - 1]) - t->start;
			np = 1;
		}
		if (np == 1 && (tok[j - 1].flags & NK_TOKEN_HAS_DIGIT) && tok[j - 1].kind == NK_TOKEN_WORD)
		{
			/* a number and its unit: 5 pm, 7:30 PM, 35 mm */
			const nk_token *u = &tok[j - 1];
			uint32_t	p = u->start;

			while (p < tok_end(u) && doc->text[p] >= '0' && doc->text[p] <= '9')
				p++;
			if (p > u->start && in_word_list(doc->text, &(nk_token) {.start = p, .len = tok_end(u) - p}, units))
			{
				parts[0].len = p - t->start;
				parts[1].start = p;
				parts[1].len = tok_end(u) - p;
				np = 2;
				separate = true;
			}
		}
		if (separate)
			;
		/* a possessive: Bush + 's, parents + ' (a decade, 1960's, is one word) */
		else if (j < n && joined(doc, j) && (tok[j].flags & NK_TOKEN_POSSESSIVE))
		{
			if (j == i + 1 && t->kind == NK_TOKEN_NUMBER)
				parts[0].len = tok_end(&tok[j]) - t->start;
			else
			{
				parts[np].start = tok[j].start;
				parts[np].len = tok[j].len;
				np++;
			}
			j++;
		}
		else if (j == i + 1 && t->kind == NK_TOKEN_WORD && np == 1 &&
				 (doc->text[tok_end(t) - 1] == 's' || doc->text[tok_end(t) - 1] == 'S') &&
				 j + 1 < n && joined(doc, j) && is_apostrophe_token(doc, j) &&
				 !joined(doc, j + 1) && tok[j + 1].sentence == t->sentence &&
				 tok[j + 1].kind != NK_TOKEN_PUNCT)
		{
			parts[np].start = tok[j].start;
			parts[np].len = tok[j].len;
			np++;
			j++;
		}
		for (int k = 0; k < np; k++)
		{
			uint16_t	flags = 0;

			if (np > 1 && !separate)
				flags |= NK_WORD_SPLIT | (k == 0 ? NK_WORD_SPLIT_FIRST : 0);
			if (np == 1 && j > i + 1)
				flags |= NK_WORD_MERGED;
			if (k == np - 1 && (j == n || (tok[j].flags & NK_TOKEN_SPACE_BEFORE)))
				flags |= NK_WORD_SPACE_AFTER;
			emit(arena, doc, w, &parts[k], (int32_t) i, flags);
		}
		i = j;
	}
	/* each sentence's first word: tokens are in sentence order, and every sentence has one */
	{
		size_t		k = 0;

		for (size_t s = 0; s <= w->sentence_count; s++)
		{
			while (k < w->words.count && w->words.items[k].sentence < (int32_t) s)
			{
				nk_interrupt_tick();
				k++;
			}
			w->sentence_first[s] = k;
		}
	}
	return w;
}

size_t
nk_words_split_count(const nk_words *w, size_t i)
{
	size_t		k = i + 1;

	if (i >= w->words.count || !(w->words.items[i].flags & NK_WORD_SPLIT_FIRST))
		return 0;
	while (k < w->words.count && (w->words.items[k].flags & NK_WORD_SPLIT) &&
		   !(w->words.items[k].flags & NK_WORD_SPLIT_FIRST))
		k++;
	return k - i;
}
