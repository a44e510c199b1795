/*
 * nk_sentence.c
 *	  Split a tokenized document into sentences.
 *
 * A sentence ends at . ! ? or an ellipsis (with the closing quotes and
 * brackets after it) when the next token starts a new sentence; at a blank
 * line; and at a line break that does not continue a hard-wrapped sentence,
 * so headlines and list lines without final punctuation stand alone.
 * Abbreviations, initials and decimals never end one: the tokenizer keeps
 * their periods inside their tokens.
 */
#include "nk_sentence.h"

#include <string.h>

/*
 * Words that start a sentence after a dotted abbreviation ("... in the U.S.
 * The talks ..."); any other capitalised word after "U.S." continues it
 * ("the U.S. Treasury").
 */
static const char *const sentence_openers[] = {
	"a", "after", "also", "an", "and", "as", "at", "but", "during", "he", "her", "his", "however",
	"i", "if", "in", "it", "its", "meanwhile", "on", "one", "other", "she", "since", "so", "some",
	"that", "the", "their", "there", "these", "they", "this", "those", "though", "to", "we",
	"what", "when", "while", "with", "yet", NULL
};

static bool
is_opener(const nk_token *t)
{
	for (const char *const *w = sentence_openers; *w; w++)
		if (nk_token_is(t, *w))
			return true;
	return false;
}

static int32_t
first_char(const char *text, const nk_token *t)
{
	size_t		pos = t->start;

	return nk_utf8_next(text, t->start + t->len, &pos);
}

static bool
is_terminal(const char *text, const nk_token *t)
{
	int32_t		cp;

	if (t->kind != NK_TOKEN_PUNCT)
		return false;
	if (nk_token_is(t, "..."))
		return true;
	cp = first_char(text, t);
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x203C || cp == 0x3002 ||
		cp == 0xFF01 || cp == 0xFF1F;
}

/*
 * A closing quote or bracket that stays with the sentence before it; a
 * sentence end is looked for behind at most MAX_CLOSERS of them (a quoted
 * sentence in brackets has two), so that a long run of them costs no more
 * than its length.
 */
#define MAX_CLOSERS 8

static bool
is_closer(const char *text, const nk_token *t)
{
	return t->kind == NK_TOKEN_PUNCT && !(t->flags & NK_TOKEN_SPACE_BEFORE) &&
		nk_cp_is_closing(first_char(text, t));
}

/* Whether t can open a sentence: not a lower-case word or a continuing mark. */
static bool
can_open(const char *text, const nk_token *t)
{
	int32_t		cp = first_char(text, t);

	if (t->kind == NK_TOKEN_WORD)
		return !nk_cp_is_lower(cp);
	if (t->kind == NK_TOKEN_NUMBER)
		return true;
	return !(cp == ',' || cp == ';' || cp == ':' || cp == ')' || cp == ']' || cp == '%');
}

static bool
ends_line_open(const char *text, const nk_token *t)
{
	int32_t		cp = first_char(text, t);

	/* a line ending in one of these goes on on the next line */
	return t->kind == NK_TOKEN_PUNCT && (cp == ',' || cp == '-' || cp == '(' || cp == 0x2014);
}

/* A list bullet at the start of a line: • · ▪ * - – */
static bool
is_bullet(const char *text, const nk_token *t)
{
	int32_t		cp;

	if (t->kind != NK_TOKEN_PUNCT || !(t->flags & NK_TOKEN_LINE_BEFORE))
		return false;
	cp = first_char(text, t);
	return cp == 0x2022 || cp == 0x00B7 || cp == 0x25AA || cp == 0x25CF || cp == '*' ||
		cp == '-' || cp == 0x2013 || cp == 0x2014;
}

/* Whether a full stop right after t, with no space, can end a sentence. */
static bool
glued_sentence_end(const char *text, const nk_token *t)
{
	if (t->kind == NK_TOKEN_PUNCT)
		return nk_cp_is_closing(first_char(text, t));
	/* not an initial or an all-capitals code such as a domain or file name part */
	return t->kind == NK_TOKEN_WORD && t->len > 3 && !(t->flags & NK_TOKEN_ALL_CAPS);
}

/*
 * Whether a sentence boundary falls between tokens i-1 and i.
 */
static bool
boundary_before(const nk_doc *doc, size_t i)
{
	const nk_token *t = &doc->tokens.items[i];
	const nk_token *prev = &doc->tokens.items[i - 1];
	size_t		k;

	if (t->flags & NK_TOKEN_PARA_BEFORE)
		return true;
	if (t->flags & NK_TOKEN_LINE_BEFORE)
	{
		/* a hard-wrapped sentence goes on in lower case or after a comma */
		if (ends_line_open(doc->text, prev))
			return false;
		if (t->kind == NK_TOKEN_WORD && nk_cp_is_lower(first_char(doc->text, t)) &&
			!is_terminal(doc->text, prev))
			return false;
		return true;
	}
	/* find the terminal mark before a few closing quotes and brackets */
	k = i - 1;
	while (k > 0 && i - k <= MAX_CLOSERS && is_closer(doc->text, &doc->tokens.items[k]))
		k--;
	prev = &doc->tokens.items[k];
	if (is_terminal(doc->text, prev))
	{
		if (!can_open(doc->text, t))
			return false;
		/* "MOSCOW, June 18. /TASS/. President ...": an agency's slashes hold the dateline together */
		if (nk_token_is(t, "/") || (k > 0 && nk_token_is(&doc->tokens.items[k - 1], "/")))
			return false;
		if (t->flags & NK_TOKEN_SPACE_BEFORE)
			return true;
		/* "...Service (NIS).The agency": a capitalised word glued to a full stop */
		return k + 1 == i && k > 0 && t->kind == NK_TOKEN_WORD &&
			(t->flags & NK_TOKEN_CAPITALIZED) && t->len > 1 &&
			glued_sentence_end(doc->text, &doc->tokens.items[k - 1]);
	}
	/* a dotted abbreviation at the end of a sentence: "in the U.S. The ..." */
	if ((prev->flags & NK_TOKEN_ABBREV) && prev->kind == NK_TOKEN_WORD &&
		doc->text[prev->start + prev->len - 1] == '.' && memchr(prev->fold, '.', prev->fold_len) &&
		(t->flags & NK_TOKEN_SPACE_BEFORE) && (t->flags & NK_TOKEN_CAPITALIZED) && is_opener(t))
		return true;
	return false;
}

nk_doc *
nk_doc_build(nk_arena *arena, const char *text, size_t len)
{
	nk_doc	   *doc = nk_arena_zalloc(arena, sizeof(nk_doc));
	size_t		n;
	size_t		first = 0;
	int32_t		sentence = 0;
	NK_VEC(size_t) firsts = {0};

	doc->text = text;
	doc->len = len;
	nk_tokenize(arena, text, len, &doc->tokens);
	n = doc->tokens.count;
	for (size_t i = 0; i <= n; i++)
	{
		if (i > 0 && (i == n || boundary_before(doc, i)))
		{
			nk_span    *s = nk_vec_push(arena, &doc->sentences);
			/* a list line's bullet is not part of its sentence's text */
			bool		bullet = first + 1 < i && is_bullet(doc->text, &doc->tokens.items[first]);
			const nk_token *a = &doc->tokens.items[first + bullet];
			const nk_token *b = &doc->tokens.items[i - 1];

			s->start = a->start;
			s->len = b->start + b->len - a->start;
			*nk_vec_push(arena, &firsts) = first;
			doc->tokens.items[first].flags |= NK_TOKEN_SENT_START;
			for (size_t j = first; j < i; j++)
				doc->tokens.items[j].sentence = sentence;
			sentence++;
			first = i;
		}
		if ((i & 1023) == 1023)
			nk_check_interrupts();
	}
	doc->sentence_first_token = firsts.items;
	return doc;
}

int32_t
nk_doc_sentence_at(const nk_doc *doc, size_t pos)
{
	size_t		lo = 0;
	size_t		hi = doc->sentences.count;

	if (hi == 0)
		return 0;
	while (hi - lo > 1)
	{
		size_t		mid = (lo + hi) / 2;

		if (doc->sentences.items[mid].start <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return (int32_t) lo;
}
