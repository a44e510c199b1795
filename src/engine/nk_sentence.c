/*
 * nk_sentence.c
 *	  Split a tokenized document into sentences.
 *
 * A sentence ends at . ! ? or an ellipsis (with the closing quotes and
 * brackets after it) when the next token starts a new sentence; after an
 * abbreviation that is not a title, when the next word is one that opens
 * sentences ("... in the U.S. How ..."); before the label of a numbered or
 * lettered list item ("1. Go home 2. Sleep"); at a blank line; and at a line
 * break that does not continue a hard-wrapped sentence, so headlines and list
 * lines without final punctuation stand alone.  Abbreviations, initials and
 * decimals keep their periods inside their tokens.
 */
#include "nk_sentence.h"

#include <string.h>

/*
 * Words that start a sentence after an abbreviation or an initial that can
 * end one ("... in the U.S. The talks ...", "... you and I. Did ..."); any
 * other capitalised word after "U.S." continues it ("the U.S. Treasury").
 * They are function words, written with a capital only at the start of a
 * sentence.
 */
static const char *const sentence_openers[] = {
	"a", "after", "also", "an", "and", "are", "as", "at", "but", "did", "do", "does", "during",
	"he", "her", "his", "how", "however", "i", "if", "in", "is", "it", "its", "meanwhile", "on",
	"one", "other", "she", "since", "so", "some", "that", "the", "their", "then", "there",
	"these", "they", "this", "those", "though", "to", "was", "we", "were", "what", "when",
	"where", "while", "who", "why", "with", "yet", NULL
};

/*
 * The openers that are never a surname either: after a capitalised word and
 * an initial ("Albert I. Jones" against "... for Albert I. The ..."), only
 * these end the sentence.
 */
static const char *const strong_openers[] = {
	"but", "did", "he", "how", "however", "it", "she", "the", "their", "there", "these", "they",
	"this", "those", "was", "we", "were", "what", "when", "where", "why", NULL
};

/* Titles, which open a sentence after an abbreviation that ends one ("... at 9 a.m. Dr. Lee ..."). */
static const char *const titles[] = {"dr", "mr", "mrs", "ms", "prof", NULL};

/*
 * Abbreviations (of those the tokenizer keeps a period with) that stand
 * before what they belong to, a name or a number, and so never end a
 * sentence: "Gen. Kim", "Mt. Paektu", "No. 5".
 */
static const char *const prepositive[] = {
	"adm", "approx", "art", "brig", "capt", "cdr", "cmdr", "col", "cpl", "dr", "est", "fig",
	"gen", "gov", "hon", "lt", "maj", "mr", "mrs", "ms", "mt", "no", "nos", "p", "para", "pp",
	"pres", "prof", "pvt", "rep", "rev", "sen", "sgt", "st", "vol", "vs", NULL
};

static bool
in_words(const nk_token *t, const char *const *words)
{
	for (const char *const *w = words; *w; w++)
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
is_punct(const nk_token *t, const char *p)
{
	return t->kind == NK_TOKEN_PUNCT && nk_token_is(t, p);
}

/* ". . .": an ellipsis of periods with spaces between them */
static bool
is_spaced_ellipsis(const char *text, const nk_token *t)
{
	return t->kind == NK_TOKEN_PUNCT && t->len >= 5 && text[t->start] == '.' &&
		text[t->start + 1] == ' ';
}

/*
 * Whether token k is a mark that can end a sentence.  An ellipsis in square
 * brackets marks words left out of a quotation ("[...]"), and one of three
 * spaced periods words left out inside a sentence ("is . . . not"): neither
 * ends one; four spaced periods are an ellipsis and a full stop.
 */
static bool
is_terminal(const nk_doc *doc, size_t k)
{
	const nk_token *t = &doc->tokens.items[k];
	int32_t		cp;

	if (t->kind != NK_TOKEN_PUNCT)
		return false;
	if (nk_token_is(t, "..."))
	{
		if (is_spaced_ellipsis(doc->text, t))
			return t->len >= 7;
		return !(k > 0 && k + 1 < doc->tokens.count &&
				 is_punct(&doc->tokens.items[k - 1], "[") && is_punct(&doc->tokens.items[k + 1], "]"));
	}
	cp = first_char(doc->text, t);
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

/*
 * Whether the line that ends with token i-1 holds at most three tokens and
 * starts in lower case: a hard-wrapped sentence fills its lines and starts
 * with a capital, so such a line followed by a line in lower case is an item
 * of a list of its own ("apples\npears\n").
 */
static bool
short_line_before(const nk_doc *doc, size_t i)
{
	for (size_t j = i; j > 0 && i - j < 3; j--)
	{
		const nk_token *w = &doc->tokens.items[j - 1];

		if (w->flags & NK_TOKEN_LINE_BEFORE)
			return w->kind == NK_TOKEN_WORD && nk_cp_is_lower(first_char(doc->text, w));
	}
	return false;
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

/* A bullet that marks a list item anywhere in a line: • ‣ ⁃ ◦ ▪ ● */
static bool
is_bullet_glyph(const char *text, const nk_token *t)
{
	int32_t		cp;

	if (t->kind != NK_TOKEN_PUNCT)
		return false;
	cp = first_char(text, t);
	return cp == 0x2022 || cp == 0x2023 || cp == 0x2043 || cp == 0x25E6 || cp == 0x25AA ||
		cp == 0x25CF;
}

/* Whether a full stop right after t, with no space, can end a sentence. */
static bool
glued_sentence_end(const char *text, const nk_token *t)
{
	if (t->kind == NK_TOKEN_PUNCT)
		return nk_cp_is_closing(first_char(text, t));
	/* "rose to 2,500.Officials" */
	if (t->kind == NK_TOKEN_NUMBER)
		return true;
	/* not an initial or an all-capitals code such as a domain or file name part */
	return t->kind == NK_TOKEN_WORD && t->len > 3 && !(t->flags & NK_TOKEN_ALL_CAPS);
}

/*
 * Whether the tokens written together around token k (no space between
 * them) are an e-mail address or a web address: with an @, a slash, or www
 * or http in them ("kim.Lee@example.org", "www.Example.org").
 */
#define MAX_ADDRESS_TOKENS 64

static bool
in_address(const nk_doc *doc, size_t k)
{
	const nk_token *items = doc->tokens.items;
	size_t		a = k;
	size_t		b = k;

	while (a > 0 && k - a < MAX_ADDRESS_TOKENS && !(items[a].flags & NK_TOKEN_SPACE_BEFORE))
		a--;
	while (b + 1 < doc->tokens.count && b - k < MAX_ADDRESS_TOKENS &&
		   !(items[b + 1].flags & NK_TOKEN_SPACE_BEFORE))
		b++;
	for (size_t j = a; j <= b; j++)
		if (is_punct(&items[j], "@") || is_punct(&items[j], "/") || nk_token_is(&items[j], "www") ||
			nk_token_is(&items[j], "http") || nk_token_is(&items[j], "https"))
			return true;
	return false;
}

/* Whether the period at token k is that of a number sign, "N°." or "Nº.", as in "N°. 5". */
static bool
number_sign_period(const nk_doc *doc, size_t k)
{
	const nk_token *items = doc->tokens.items;
	int32_t		cp;

	if (k == 0 || (items[k].flags & NK_TOKEN_SPACE_BEFORE))
		return false;
	/* º is a letter: "Nº" is one word, folded to "no" */
	if (items[k - 1].kind == NK_TOKEN_WORD)
		return nk_token_is(&items[k - 1], "no");
	cp = first_char(doc->text, &items[k - 1]);
	return k >= 2 && (cp == 0x00B0 || cp == 0x00BA) &&
		!(items[k - 1].flags & NK_TOKEN_SPACE_BEFORE) && nk_token_is(&items[k - 2], "n");
}

/*
 * Whether the bracket at token i is a reference after a quotation, the
 * sentence's full stop after it: "\"...\" (Lee 12)."  It belongs to the
 * quoted sentence.
 */
#define MAX_CITATION_TOKENS 8

static bool
citation_at(const nk_doc *doc, size_t i)
{
	const nk_token *items = doc->tokens.items;

	if (!is_punct(&items[i], "("))
		return false;
	for (size_t j = i + 1; j < doc->tokens.count && j - i <= MAX_CITATION_TOKENS; j++)
	{
		if (items[j].flags & NK_TOKEN_LINE_BEFORE)
			return false;
		if (is_punct(&items[j], ")"))
			return j + 1 < doc->tokens.count && !(items[j + 1].flags & NK_TOKEN_SPACE_BEFORE) &&
				is_terminal(doc, j + 1);
		if (is_punct(&items[j], "(") || is_terminal(doc, j))
			return false;
	}
	return false;
}

/* Whether a quotation mark (of either side) is among tokens a..b. */
static bool
has_quote(const nk_doc *doc, size_t a, size_t b)
{
	for (size_t j = a; j <= b; j++)
	{
		int32_t		cp = first_char(doc->text, &doc->tokens.items[j]);

		if (cp == '"' || cp == '\'' || (cp >= 0x2018 && cp <= 0x201F) || cp == 0x00AB || cp == 0x00BB)
			return true;
	}
	return false;
}

/* Words a title in title case leaves in lower case. */
static const char *const minor_words[] = {
	"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "nor", "of", "on", "or",
	"the", "to", "with", NULL
};

#define MAX_TITLE_TOKENS 40

/*
 * Whether tokens first..k-1 are a title in title case ("How the U.S. Is
 * Responding"), where capitalised function words go on: no lower-case word
 * but minor ones (in the last MAX_TITLE_TOKENS of them).
 */
static bool
title_case(const nk_doc *doc, size_t first, size_t k)
{
	if (k - first > MAX_TITLE_TOKENS)
		first = k - MAX_TITLE_TOKENS;
	for (size_t j = first; j < k; j++)
	{
		const nk_token *w = &doc->tokens.items[j];

		if (w->kind == NK_TOKEN_WORD && nk_cp_is_lower(first_char(doc->text, w)) &&
			!in_words(w, minor_words))
			return false;
	}
	return true;
}

/*
 * Whether the abbreviation or initial at token k, whose sentence starts at
 * token first, ends it before the capitalised word t.  A title or another
 * abbreviation that stands before a name or number never does; nor does one
 * in the first three tokens of a sentence, a phrase put in front ("At 5 a.m.
 * Mr. Lee left"), or one in a title in title case.  An initial after a
 * capitalised word is a middle initial unless a strong opener follows.
 */
static bool
abbreviation_ends(const nk_doc *doc, size_t first, size_t k, const nk_token *t)
{
	const nk_token *a = &doc->tokens.items[k];

	if (k - first < 3 || in_words(a, prepositive) || title_case(doc, first, k))
		return false;
	if (a->fold_len == 1)
	{
		const nk_token *b = &doc->tokens.items[k - 1];

		if (b->kind == NK_TOKEN_WORD && (b->flags & NK_TOKEN_CAPITALIZED))
			return in_words(t, strong_openers);
		return in_words(t, sentence_openers);
	}
	return in_words(t, sentence_openers) || in_words(t, titles);
}

/* What a token is in the label of a list item, "1." "b)" "2.)" */
#define LABEL_START 1
#define LABEL_REST 2

/*
 * The value of a list item's label at token i: a number 1..999, or a
 * lower-case letter (1001..1026), then with no space "." ")" or ".)", then
 * after a space (not a blank line) a capitalised word; 0 when there is none.  *end is the
 * index after the label.
 */
static int
label_at(const nk_doc *doc, size_t i, size_t *end)
{
	const nk_token *items = doc->tokens.items;
	const nk_token *t = &items[i];
	const char *s = doc->text + t->start;
	size_t		n = doc->tokens.count;
	size_t		j = i + 1;
	int			value = 0;

	if (t->kind == NK_TOKEN_NUMBER && t->len <= 3)
	{
		for (uint32_t c = 0; c < t->len; c++)
		{
			if (s[c] < '0' || s[c] > '9')
				return 0;
			value = value * 10 + s[c] - '0';
		}
	}
	else if (t->kind == NK_TOKEN_WORD && t->len == 1 && s[0] >= 'a' && s[0] <= 'z')
		value = 1000 + s[0] - 'a' + 1;
	if (value == 0 || j >= n || (items[j].flags & NK_TOKEN_SPACE_BEFORE))
		return 0;
	if (is_punct(&items[j], "."))
	{
		j++;
		if (j < n && !(items[j].flags & NK_TOKEN_SPACE_BEFORE) && is_punct(&items[j], ")"))
			j++;
	}
	else if (is_punct(&items[j], ")"))
		j++;
	else
		return 0;
	if (j >= n || !(items[j].flags & NK_TOKEN_SPACE_BEFORE) || (items[j].flags & NK_TOKEN_PARA_BEFORE) ||
		items[j].kind != NK_TOKEN_WORD || !(items[j].flags & NK_TOKEN_CAPITALIZED))
		return 0;
	*end = j;
	return value;
}

/*
 * Mark the labels of list items: a label at the start of a line or after a
 * bullet, and, after a space, one after a sentence's end or a colon and one
 * that follows the last in its paragraph ("1. Go home 2. Sleep", "a. ...
 * b. ..."); NULL when the document has none.
 */
static uint8_t *
find_labels(nk_arena *arena, const nk_doc *doc)
{
	const nk_token *items = doc->tokens.items;
	size_t		n = doc->tokens.count;
	uint8_t    *mark = NULL;
	int			last = 0;

	for (size_t i = 0; i < n; i++)
	{
		size_t		end;
		int			value;

		if (items[i].flags & NK_TOKEN_PARA_BEFORE)
			last = 0;
		/* (most tokens are punctuation or have a space after them: no label) */
		if (items[i].kind == NK_TOKEN_PUNCT || i + 1 == n ||
			(items[i + 1].flags & NK_TOKEN_SPACE_BEFORE) || (value = label_at(doc, i, &end)) == 0)
			continue;
		if (!(items[i].flags & NK_TOKEN_LINE_BEFORE) &&
			!(i > 0 && is_bullet_glyph(doc->text, &items[i - 1])) &&
			!((items[i].flags & NK_TOKEN_SPACE_BEFORE) &&
			  ((last != 0 && value == last + 1) || is_terminal(doc, i - 1) ||
			   is_punct(&items[i - 1], ":"))))
			continue;
		if (mark == NULL)
			mark = nk_arena_zalloc(arena, n);
		mark[i] = LABEL_START;
		for (size_t j = i + 1; j < end; j++)
			mark[j] = LABEL_REST;
		last = value;
		i = end - 1;
	}
	return mark;
}

/*
 * Whether a sentence boundary falls between tokens i-1 and i, in a sentence
 * that starts at token first; labels are the list labels, or NULL.
 */
static bool
boundary_before(const nk_doc *doc, const uint8_t *labels, size_t first, size_t i)
{
	const nk_token *t = &doc->tokens.items[i];
	const nk_token *prev = &doc->tokens.items[i - 1];
	size_t		k;

	if (t->flags & NK_TOKEN_PARA_BEFORE)
		return true;
	if (labels != NULL)
	{
		/* an item starts before its bullet or its label, and goes on after the label */
		if (labels[i] == LABEL_REST || (labels[i] == 0 && labels[i - 1] != 0))
			return false;
		if (labels[i] == LABEL_START)
			return !is_bullet_glyph(doc->text, prev);
		if (i + 1 < doc->tokens.count && labels[i + 1] == LABEL_START &&
			is_bullet_glyph(doc->text, t))
			return true;
	}
	if (t->flags & NK_TOKEN_LINE_BEFORE)
	{
		/* a hard-wrapped sentence goes on in lower case or after a comma */
		if (ends_line_open(doc->text, prev))
			return false;
		if (t->kind == NK_TOKEN_WORD && nk_cp_is_lower(first_char(doc->text, t)) &&
			!is_terminal(doc, i - 1) && !short_line_before(doc, i))
			return false;
		return true;
	}
	/* find the terminal mark before a few closing quotes and brackets */
	k = i - 1;
	while (k > 0 && i - k <= MAX_CLOSERS && is_closer(doc->text, &doc->tokens.items[k]))
		k--;
	prev = &doc->tokens.items[k];
	if (is_terminal(doc, k))
	{
		if (!can_open(doc->text, t))
			return false;
		/* "MOSCOW, June 18. /TASS/. President ...": an agency's slashes hold the dateline together */
		if (nk_token_is(t, "/") || (k > 0 && nk_token_is(&doc->tokens.items[k - 1], "/")))
			return false;
		if (t->kind == NK_TOKEN_NUMBER && number_sign_period(doc, k))
			return false;
		/* "ended. . . . Then": the ellipsis after a full stop opens the next sentence */
		if (is_spaced_ellipsis(doc->text, t))
			return i + 1 < doc->tokens.count && doc->tokens.items[i + 1].kind == NK_TOKEN_WORD &&
				(doc->tokens.items[i + 1].flags & NK_TOKEN_CAPITALIZED);
		if (k + 1 < i && citation_at(doc, i) && has_quote(doc, k + 1, i - 1))
			return false;
		if (t->flags & NK_TOKEN_SPACE_BEFORE)
			return true;
		/* "...Service (NIS).The agency", "to 2,500.Officials", 'talks."Later': a capitalised word glued to a full stop */
		return k > 0 && t->kind == NK_TOKEN_WORD && (t->flags & NK_TOKEN_CAPITALIZED) &&
			t->len > 1 && glued_sentence_end(doc->text, &doc->tokens.items[k - 1]) &&
			!in_address(doc, k);
	}
	/* an abbreviation at the end of a sentence: "in the U.S. How ...", "Briggs & Co. \"It ..." */
	if ((prev->flags & NK_TOKEN_ABBREV) && prev->kind == NK_TOKEN_WORD &&
		doc->text[prev->start + prev->len - 1] == '.' && (t->flags & NK_TOKEN_SPACE_BEFORE) &&
		k >= first)
	{
		const nk_token *w = t;

		/* the word after an opening quote */
		if (i + 1 < doc->tokens.count && has_quote(doc, i, i) &&
			!(doc->tokens.items[i + 1].flags & NK_TOKEN_SPACE_BEFORE))
			w = &doc->tokens.items[i + 1];
		return w->kind == NK_TOKEN_WORD && (w->flags & NK_TOKEN_CAPITALIZED) &&
			abbreviation_ends(doc, first, k, w);
	}
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
	uint8_t    *labels;

	doc->text = text;
	doc->len = len;
	nk_tokenize(arena, text, len, &doc->tokens);
	n = doc->tokens.count;
	labels = find_labels(arena, doc);
	for (size_t i = 0; i <= n; i++)
	{
		if (i > 0 && (i == n || boundary_before(doc, labels, first, i)))
		{
			nk_span    *s = nk_vec_push(arena, &doc->sentences);
			/*
			 * a list line's bullet is not part of its sentence's text, unless
			 * a list number follows it: "• 3." is the item's label, whole
			 */
			bool		bullet = first + 1 < i && is_bullet(doc->text, &doc->tokens.items[first]) &&
				!(labels != NULL && labels[first + 1] == LABEL_START);
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
