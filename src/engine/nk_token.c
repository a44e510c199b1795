/*
 * nk_token.c
 *	  Split a document into word, number and punctuation tokens.
 */
#include "nk_token.h"

#include <string.h>

/*
 * Words that keep a following period as part of themselves: titles, months,
 * weekdays and other abbreviations news copy uses before a name or a number.
 */
static const char *const abbreviations[] = {
	"adm", "apr", "approx", "aug", "brig", "capt", "cdr", "cmdr", "co", "col", "corp", "cpl",
	"dec", "dept", "dr", "est", "etc", "feb", "fig", "fri", "gen", "gov", "hon", "inc", "jan",
	"jr", "jul", "jun", "lt", "ltd", "maj", "mar", "mon", "mr", "mrs", "ms", "mt", "nov", "oct",
	"pres", "prof", "pvt", "rep", "rev", "sat", "sen", "sep", "sept", "sgt", "sr", "st", "sun",
	"thu", "thur", "thurs", "tue", "tues", "vol", "vs", "wed", NULL
};

/* Abbreviations that take their period only before a number ("No. 1", "Art. 5"). */
static const char *const number_abbreviations[] = {"no", "nos", "art", "para", "p", "pp", NULL};

/*
 * A word list and, for each length under 8, a bit per first letter (a-z) of
 * its words of that length, found on first use: most words are in no list,
 * and that test says so without a scan.
 */
typedef struct word_list
{
	const char *const *words;	/* NULL-terminated */
	bool		ready;
	uint32_t	letters[8];
} word_list;

static word_list abbreviation_list = {abbreviations, false, {0}};
static word_list number_abbreviation_list = {number_abbreviations, false, {0}};

/* Whether w[0..n) (n > 0) is in the list. */
static bool
in_list(word_list *list, const char *w, size_t n)
{
	unsigned	first = (unsigned char) w[0] - 'a';

	if (!list->ready)
	{
		for (const char *const *p = list->words; *p; p++)
			if (strlen(*p) < 8 && (*p)[0] >= 'a' && (*p)[0] <= 'z')
				list->letters[strlen(*p)] |= 1u << ((*p)[0] - 'a');
		list->ready = true;
	}
	if (n < 8 && first < 26 && !(list->letters[n] & (1u << first)))
		return false;
	for (const char *const *p = list->words; *p; p++)
		if ((*p)[0] == w[0] && strlen(*p) == n && memcmp(*p, w, n) == 0)
			return true;
	return false;
}

/* The tokenizer's classes of ASCII characters. */
enum
{
	S = 1,						/* space or tab */
	N,							/* line break: \n \v \f \r */
	I,							/* other control characters: invisible */
	U,							/* upper-case letter */
	L,							/* lower-case letter */
	D,							/* digit */
	P							/* punctuation or symbol */
};

/* (the upper half, bytes of multi-byte characters, is 0: none of these) */
static const unsigned char ascii_class[256] = {
	I, I, I, I, I, I, I, I, I, S, N, N, N, N, I, I,
	I, I, I, I, I, I, I, I, I, I, I, I, I, I, I, I,
	S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
	D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
	P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
	U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,
	P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, I,
};

/* NUL-terminated one-character strings of the printable ASCII characters: the folds of punctuation. */
static const char ascii_strings[] = {
	'!', 0, '"', 0, '#', 0, '$', 0, '%', 0, '&', 0, '\'', 0, '(', 0,
	')', 0, '*', 0, '+', 0, ',', 0, '-', 0, '.', 0, '/', 0, '0', 0,
	'1', 0, '2', 0, '3', 0, '4', 0, '5', 0, '6', 0, '7', 0, '8', 0,
	'9', 0, ':', 0, ';', 0, '<', 0, '=', 0, '>', 0, '?', 0, '@', 0,
	'A', 0, 'B', 0, 'C', 0, 'D', 0, 'E', 0, 'F', 0, 'G', 0, 'H', 0,
	'I', 0, 'J', 0, 'K', 0, 'L', 0, 'M', 0, 'N', 0, 'O', 0, 'P', 0,
	'Q', 0, 'R', 0, 'S', 0, 'T', 0, 'U', 0, 'V', 0, 'W', 0, 'X', 0,
	'Y', 0, 'Z', 0, '[', 0, '\\', 0, ']', 0, '^', 0, '_', 0, '`', 0,
	'a', 0, 'b', 0, 'c', 0, 'd', 0, 'e', 0, 'f', 0, 'g', 0, 'h', 0,
	'i', 0, 'j', 0, 'k', 0, 'l', 0, 'm', 0, 'n', 0, 'o', 0, 'p', 0,
	'q', 0, 'r', 0, 's', 0, 't', 0, 'u', 0, 'v', 0, 'w', 0, 'x', 0,
	'y', 0, 'z', 0, '{', 0, '|', 0, '}', 0, '~', 0,
};

#define ASCII_STRING(c) (&ascii_strings[((c) - '!') * 2])

static int32_t
peek(const char *s, size_t len, size_t pos)
{
	if (pos >= len)
		return -1;
	return nk_utf8_next(s, len, &pos);
}

static inline bool
is_word_char(int32_t cp)
{
	return nk_cp_is_letter(cp) || nk_cp_is_digit(cp) || nk_cp_is_mark(cp);
}

/*
 * Space for the folds of one document, taken from the arena in chunks so
 * that a token costs no allocation of its own.
 */
#define FOLD_CHUNK 8192

typedef struct fold_space
{
	char	   *next;
	size_t		left;
	size_t		chunk;			/* bytes to take at a time */
} fold_space;

static char *
fold_take(nk_arena *arena, fold_space *fs, size_t n)
{
	char	   *p;

	if (fs->left < n)
	{
		size_t		size = n > fs->chunk ? n : fs->chunk;

		fs->next = nk_arena_alloc_bytes(arena, size);
		fs->left = size;
	}
	p = fs->next;
	fs->next += n;
	fs->left -= n;
	return p;
}

/* The shape of a word or number scan_word() found. */
typedef struct word_shape
{
	bool		numeric;		/* digits only (with inner , and .) */
	bool		dotted;			/* single letters joined by periods (U.S.) */
	bool		ascii;			/* ASCII bytes only */
	bool		lower;			/* no upper-case letter */
	uint16_t	flags;			/* NK_TOKEN_CAPITALIZED, _ALL_CAPS, _HAS_DIGIT */
} word_shape;

/*
 * Scan a word or number starting at pos; return its end.  Inner apostrophes
 * join letters (O'Brien) except a possessive 's; single letters joined by
 * periods form one token (U.S., a.m.); digits keep inner , and . (11,000).
 * The case flags come from its letters: capitalised when the first letter
 * or digit is an upper-case letter, all capitals when every letter is.
 */
static size_t
scan_word(const char *s, size_t len, size_t pos, word_shape *shape)
{
	size_t		p = pos;
	bool		digits_only = true;
	bool		ascii = true;
	bool		first = true;
	size_t		segment_letters = 0;
	size_t		letters = 0;
	size_t		upper = 0;
	uint16_t	flags = 0;

	shape->dotted = false;
	while (p < len)
	{
		size_t		q;
		int32_t		cp;

		/* ASCII letters and digits, the common case, in a tight loop */
		while (p < len)
		{
			unsigned char c = (unsigned char) s[p];
			int			k = ascii_class[c];

			if (k == L)
			{
				/* a run of lower-case letters, counted once */
				size_t		run = p;

				while (++p < len && ascii_class[(unsigned char) s[p]] == L)
					;
				digits_only = false;
				segment_letters += p - run;
				letters += p - run;
				first = false;
				continue;
			}
			else if (k == U)
			{
				digits_only = false;
				segment_letters++;
				letters++;
				upper++;
				if (first)
					flags |= NK_TOKEN_CAPITALIZED;
				first = false;
			}
			else if (k == D)
			{
				flags |= NK_TOKEN_HAS_DIGIT;
				first = false;
			}
			else
				break;
			p++;
		}
		if (p >= len)
			break;
		q = p;
		cp = nk_utf8_next(s, len, &q);
		if (is_word_char(cp))
		{
			if (nk_cp_is_letter(cp))
			{
				digits_only = false;
				segment_letters++;
				letters++;
				if (nk_cp_is_upper(cp))
				{
					upper++;
					if (first)
						flags |= NK_TOKEN_CAPITALIZED;
				}
				first = false;
			}
			else if (nk_cp_is_digit(cp))
			{
				flags |= NK_TOKEN_HAS_DIGIT;
				first = false;
			}
			else
				digits_only = false;	/* a combining mark */
			if (cp >= 0x80)
				ascii = false;
			p = q;
			continue;
		}
		if (nk_cp_is_invisible(cp) && is_word_char(peek(s, len, q)))
		{
			if (cp >= 0x80)
				ascii = false;
			p = q;
			continue;
		}
		if ((cp == ',' || cp == '.') && digits_only && p > pos &&
			nk_cp_is_digit(peek(s, len, q)))
		{
			p = q;
			continue;
		}
		if (nk_cp_is_apostrophe(cp) && nk_cp_is_letter(peek(s, len, q)))
		{
			size_t		r = q;
			int32_t		next = nk_utf8_next(s, len, &r);

			/* possessive 's ends the word */
			if ((next == 's' || next == 'S') && !is_word_char(peek(s, len, r)))
				break;
			if (cp >= 0x80)
				ascii = false;
			p = q;
			continue;
		}
		if (cp == '.' && !digits_only && segment_letters == 1)
		{
			/* U.S. a.m. N.K.: single letters, each followed by a period */
			size_t		r = q;
			int32_t		next = peek(s, len, r);

			if (nk_cp_is_letter(next))
			{
				nk_utf8_next(s, len, &r);
				if (!is_word_char(peek(s, len, r)))
				{
					shape->dotted = true;
					segment_letters = 0;
					p = q;
					continue;
				}
			}
			else if (shape->dotted)
			{
				/* the final period of U.S. */
				p = q;
				break;
			}
		}
		break;
	}
	if (letters > 0 && upper == letters)
		flags |= NK_TOKEN_ALL_CAPS;
	shape->numeric = digits_only;
	shape->ascii = ascii;
	shape->lower = upper == 0;
	shape->flags = flags;
	return p;
}

/* Set the fold of word token t from its first fold_bytes bytes. */
static void
fold_word(nk_arena *arena, fold_space *fs, const char *text, nk_token *t, size_t fold_bytes,
		  const word_shape *shape)
{
	const char *s = text + t->start;

	if (shape->ascii)
	{
		char	   *f = fold_take(arena, fs, fold_bytes + 1);

		/* most words are in lower case already */
		if (shape->lower)
			memcpy(f, s, fold_bytes);
		else
			for (size_t i = 0; i < fold_bytes; i++)
			{
				unsigned char c = (unsigned char) s[i];

				f[i] = (char) (c + ((unsigned) (c - 'A') < 26 ? 32 : 0));
			}
		f[fold_bytes] = '\0';
		t->fold = f;
		t->fold_len = (uint32_t) fold_bytes;
	}
	else
	{
		size_t		n;

		t->fold = nk_fold(arena, s, fold_bytes, &n);
		t->fold_len = (uint32_t) n;
	}
}

/* Set the fold of a punctuation token of the one code point cp. */
static void
fold_punct(nk_arena *arena, fold_space *fs, nk_token *t, int32_t cp)
{
	char		buf[NK_FOLD_CP_BYTES];
	size_t		n;
	char	   *f;

	if (cp < 0x80)
	{
		t->fold = ASCII_STRING(cp);
		t->fold_len = 1;
		return;
	}
	n = nk_fold_cp(cp, buf);
	if (n == 1 && (unsigned char) buf[0] > ' ' && (unsigned char) buf[0] < 0x7F)
	{
		t->fold = ASCII_STRING(buf[0]);
		t->fold_len = 1;
		return;
	}
	f = fold_take(arena, fs, n + 1);
	memcpy(f, buf, n);
	f[n] = '\0';
	t->fold = f;
	t->fold_len = (uint32_t) n;
}

/*
 * The end of a spaced ellipsis ". . ." starting at the period at start: at
 * least three periods, one space apart.  A period glued to the word before
 * it and followed by three more spaced ones is a full stop of its own, and
 * the ellipsis after it a token of its own ("ended. . . . Then"): the end
 * returned is then just after that period, as for a shorter run.
 */
static size_t
spaced_ellipsis_end(const char *text, size_t len, size_t start, bool spaced)
{
	size_t		end = start + 1;
	int			dots = 1;

	while (end + 1 < len && text[end] == ' ' && text[end + 1] == '.' &&
		   (end + 2 >= len || text[end + 2] != '.'))
	{
		end += 2;
		dots++;
	}
	if (dots < 3 || (!spaced && start > 0 && dots > 3))
		return start + 1;
	return end;
}

void
nk_tokenize(nk_arena *arena, const char *text, size_t len, nk_token_list *out)
{
	size_t		pos = 0;
	uint16_t	pending = NK_TOKEN_PARA_BEFORE | NK_TOKEN_LINE_BEFORE;
	int			newlines = 0;
	size_t		since_check = 0;
	fold_space	fs = {NULL, 0, FOLD_CHUNK};

	if (len > UINT32_MAX)
		nk_error("text of %zu bytes is too long (at most 4 GB)", len);
	/* news text has a token every five or six bytes */
	nk_vec_reserve(arena, out, len / 4 + 16);
	/* the ASCII folds of a short text (a line) fit in twice its length */
	if (len < FOLD_CHUNK / 2)
		fs.chunk = 2 * len + 16;
	while (pos < len)
	{
		size_t		start = pos;
		unsigned char c = (unsigned char) text[pos];
		int32_t		cp;
		int			k;
		nk_token   *t;

		if (++since_check >= 4096)
		{
			nk_check_interrupts();
			since_check = 0;
		}
		if (c < 0x80)
		{
			pos++;
			cp = c;
			k = ascii_class[c];
			if (k == S)
			{
				pending |= NK_TOKEN_SPACE_BEFORE;
				continue;
			}
			if (k == I)
				continue;
		}
		else
		{
			cp = nk_utf8_next_multibyte(text, len, &pos);
			k = nk_cp_is_newline(cp) ? N : nk_cp_is_space(cp) ? S : 0;
			if (k == S)
			{
				pending |= NK_TOKEN_SPACE_BEFORE;
				continue;
			}
			if (k != N && nk_cp_is_invisible(cp))
				continue;
		}
		if (k == N)
		{
			/* \r\n counts once */
			if (!(cp == '\r' && pos < len && text[pos] == '\n'))
				newlines++;
			pending |= NK_TOKEN_SPACE_BEFORE | NK_TOKEN_LINE_BEFORE;
			if (newlines >= 2 || cp == 0x2029)
				pending |= NK_TOKEN_PARA_BEFORE;
			continue;
		}
		if (out->count == out->capacity)
			nk_vec_reserve(arena, out, 1);
		t = &out->items[out->count++];
		t->start = start;
		t->flags = pending;
		t->sentence = -1;
		pending = 0;
		newlines = 0;

		if (k == U || k == L || k == D || (k == 0 && is_word_char(cp)))
		{
			word_shape shape;
			size_t		end = scan_word(text, len, start, &shape);
			size_t		fold_bytes;

			t->kind = shape.numeric ? NK_TOKEN_NUMBER : NK_TOKEN_WORD;
			t->len = end - start;
			t->flags |= shape.flags;
			fold_bytes = t->len;
			if (shape.dotted)
			{
				t->flags |= NK_TOKEN_ABBREV;
				if (text[end - 1] == '.')
					fold_bytes--;
			}
			else if (!shape.numeric && end < len && text[end] == '.')
			{
				size_t		wl = end - start;
				char		w[8];
				bool		take = false;

				if (wl < sizeof(w))
				{
					for (size_t i = 0; i < wl; i++)
						w[i] = (text[start + i] >= 'A' && text[start + i] <= 'Z') ? (char) (text[start + i] + 32) : text[start + i];
					take = in_list(&abbreviation_list, w, wl);
					if (!take && in_list(&number_abbreviation_list, w, wl))
					{
						size_t		q = end + 1;

						while (q < len && text[q] == ' ')
							q++;
						take = q > end + 1 && q < len && text[q] >= '0' && text[q] <= '9';
					}
				}
				/* an initial: one capital letter */
				if (!take)
				{
					size_t		q = start;
					int32_t		first = nk_utf8_next(text, len, &q);

					take = q == end && nk_cp_is_upper(first);
				}
				if (take)
				{
					t->flags |= NK_TOKEN_ABBREV;
					t->len = end + 1 - start;
				}
			}
			fold_word(arena, &fs, text, t, fold_bytes, &shape);
			pos = start + t->len;
			/* a possessive 's or a plural possessive ' after s */
			if (pos < len)
			{
				size_t		q = pos;
				int32_t		a = nk_utf8_next(text, len, &q);

				if (nk_cp_is_apostrophe(a))
				{
					size_t		r = q;
					int32_t		next = peek(text, len, r);

					if ((next == 's' || next == 'S'))
					{
						nk_utf8_next(text, len, &r);
						if (!is_word_char(peek(text, len, r)))
						{
							nk_token   *p;

							if (out->count == out->capacity)
								nk_vec_reserve(arena, out, 1);
							p = &out->items[out->count++];
							p->start = pos;
							p->len = r - pos;
							p->kind = NK_TOKEN_PUNCT;
							p->flags = NK_TOKEN_POSSESSIVE;
							p->sentence = -1;
							p->fold = "'s";
							p->fold_len = 2;
							pos = r;
						}
					}
				}
			}
			continue;
		}

		/* punctuation: "...", ". . ." and "--" are one token each */
		t->kind = NK_TOKEN_PUNCT;
		if ((cp == '.' || cp == '-') && pos < len && text[pos] == (char) cp)
		{
			while (pos < len && text[pos] == (char) cp)
				pos++;
		}
		else if (cp == '.' && pos + 1 < len && text[pos] == ' ' && text[pos + 1] == '.')
			pos = spaced_ellipsis_end(text, len, start, t->flags & NK_TOKEN_SPACE_BEFORE);
		t->len = pos - start;
		if (cp == '.' && t->len > 1)
		{
			t->fold = "...";
			t->fold_len = 3;
		}
		else if (cp == 0x2026)
		{
			t->fold = "...";
			t->fold_len = 3;
		}
		else if (cp == '-' && t->len > 1)
		{
			t->fold = "--";
			t->fold_len = 2;
		}
		else
			fold_punct(arena, &fs, t, cp);
	}
}
