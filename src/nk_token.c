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

static bool
in_list(const char *const *list, const char *w, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, w, n) == 0)
			return true;
	return false;
}

static int32_t
peek(const char *s, size_t len, size_t pos)
{
	if (pos >= len)
		return -1;
	return nk_utf8_next(s, len, &pos);
}

static bool
is_word_char(int32_t cp)
{
	return nk_cp_is_letter(cp) || nk_cp_is_digit(cp) || nk_cp_is_mark(cp);
}

/* ASCII lower-case the span, or fold it through utf8proc when it has other characters. */
static void
fold_token(nk_arena *arena, const char *text, nk_token *t, size_t fold_bytes)
{
	const char *s = text + t->start;
	bool		ascii = true;
	char	   *f;

	for (size_t i = 0; i < fold_bytes; i++)
		if ((unsigned char) s[i] >= 0x80)
		{
			ascii = false;
			break;
		}
	if (ascii)
	{
		f = nk_arena_alloc_bytes(arena, fold_bytes + 1);
		for (size_t i = 0; i < fold_bytes; i++)
			f[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char) (s[i] + 32) : s[i];
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

/* Set the case flags of a word token from its letters. */
static void
case_flags(const char *text, nk_token *t)
{
	size_t		pos = t->start;
	size_t		end = t->start + t->len;
	bool		first = true;
	int			letters = 0;
	int			upper = 0;

	while (pos < end)
	{
		int32_t		cp = nk_utf8_next(text, end, &pos);

		if (nk_cp_is_letter(cp))
		{
			letters++;
			if (nk_cp_is_upper(cp))
			{
				upper++;
				if (first)
					t->flags |= NK_TOKEN_CAPITALIZED;
			}
			first = false;
		}
		else if (nk_cp_is_digit(cp))
		{
			t->flags |= NK_TOKEN_HAS_DIGIT;
			first = false;
		}
	}
	if (letters > 0 && upper == letters)
		t->flags |= NK_TOKEN_ALL_CAPS;
}

/*
 * Scan a word or number starting at pos; return its end.  Inner apostrophes
 * join letters (O'Brien) except a possessive 's; single letters joined by
 * periods form one token (U.S., a.m.); digits keep inner , and . (11,000).
 */
static size_t
scan_word(const char *s, size_t len, size_t pos, bool *numeric, bool *dotted)
{
	size_t		p = pos;
	bool		digits_only = true;
	size_t		segment_letters = 0;

	*dotted = false;
	while (p < len)
	{
		size_t		q = p;
		int32_t		cp;

		/* ASCII letters and digits, the common case, in a tight loop */
		while (p < len)
		{
			unsigned char c = (unsigned char) s[p];

			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			{
				digits_only = false;
				segment_letters++;
			}
			else if (!(c >= '0' && c <= '9'))
				break;
			p++;
		}
		if (p >= len)
			break;
		q = p;
		cp = nk_utf8_next(s, len, &q);
		if (is_word_char(cp))
		{
			if (!nk_cp_is_digit(cp))
				digits_only = false;
			if (nk_cp_is_letter(cp))
				segment_letters++;
			p = q;
			continue;
		}
		if (nk_cp_is_invisible(cp) && is_word_char(peek(s, len, q)))
		{
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
					*dotted = true;
					segment_letters = 0;
					p = q;
					continue;
				}
			}
			else if (*dotted)
			{
				/* the final period of U.S. */
				p = q;
				break;
			}
		}
		break;
	}
	*numeric = digits_only;
	return p;
}

void
nk_tokenize(nk_arena *arena, const char *text, size_t len, nk_token_list *out)
{
	size_t		pos = 0;
	uint16_t	pending = NK_TOKEN_PARA_BEFORE | NK_TOKEN_LINE_BEFORE;
	int			newlines = 0;
	size_t		since_check = 0;

	while (pos < len)
	{
		size_t		start = pos;
		int32_t		cp = nk_utf8_next(text, len, &pos);
		nk_token   *t;

		if (++since_check >= 4096)
		{
			nk_check_interrupts();
			since_check = 0;
		}
		if (nk_cp_is_space(cp))
		{
			pending |= NK_TOKEN_SPACE_BEFORE;
			if (nk_cp_is_newline(cp))
			{
				/* \r\n counts once */
				if (!(cp == '\r' && peek(text, len, pos) == '\n'))
					newlines++;
				pending |= NK_TOKEN_LINE_BEFORE;
				if (newlines >= 2 || cp == 0x2029)
					pending |= NK_TOKEN_PARA_BEFORE;
			}
			continue;
		}
		if (nk_cp_is_invisible(cp))
			continue;
		t = nk_vec_push(arena, out);
		t->start = start;
		t->flags = pending;
		t->sentence = -1;
		pending = 0;
		newlines = 0;

		if (is_word_char(cp))
		{
			bool		numeric;
			bool		dotted;
			size_t		end = scan_word(text, len, start, &numeric, &dotted);
			size_t		fold_bytes;

			t->kind = numeric ? NK_TOKEN_NUMBER : NK_TOKEN_WORD;
			t->len = end - start;
			fold_bytes = t->len;
			if (dotted)
			{
				t->flags |= NK_TOKEN_ABBREV;
				if (text[end - 1] == '.')
					fold_bytes--;
			}
			else if (!numeric && end < len && text[end] == '.')
			{
				size_t		wl = end - start;
				char		w[8];
				bool		take = false;

				if (wl < sizeof(w))
				{
					for (size_t i = 0; i < wl; i++)
						w[i] = (text[start + i] >= 'A' && text[start + i] <= 'Z') ? (char) (text[start + i] + 32) : text[start + i];
					take = in_list(abbreviations, w, wl);
					if (!take && in_list(number_abbreviations, w, wl))
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
					int32_t		c = nk_utf8_next(text, len, &q);

					take = q == end && nk_cp_is_upper(c);
				}
				if (take)
				{
					t->flags |= NK_TOKEN_ABBREV;
					t->len = end + 1 - start;
				}
			}
			fold_token(arena, text, t, fold_bytes);
			case_flags(text, t);
			pos = start + t->len;
			/* a possessive 's or a plural possessive ' after s */
			if (pos < len)
			{
				size_t		q = pos;
				int32_t		c = nk_utf8_next(text, len, &q);

				if (nk_cp_is_apostrophe(c))
				{
					size_t		r = q;
					int32_t		next = peek(text, len, r);

					if ((next == 's' || next == 'S'))
					{
						nk_utf8_next(text, len, &r);
						if (!is_word_char(peek(text, len, r)))
						{
							nk_token   *p = nk_vec_push(arena, out);

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

		/* punctuation: "..." and "--" are one token each */
		t->kind = NK_TOKEN_PUNCT;
		if ((cp == '.' || cp == '-') && pos < len && text[pos] == (char) cp)
		{
			while (pos < len && text[pos] == (char) cp)
				pos++;
		}
		t->len = pos - start;
		if (cp == '.' && t->len > 1)
			t->fold = "...";
		else if (cp == 0x2026)
			t->fold = "...";
		else if (cp == '-' && t->len > 1)
			t->fold = "--";
		else
		{
			fold_token(arena, text, t, t->len);
			continue;
		}
		t->fold_len = (uint32_t) strlen(t->fold);
	}
}
