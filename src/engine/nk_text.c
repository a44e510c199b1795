/*
 * nk_text.c
 *	  UTF-8 decoding, character classes and folding, on top of utf8proc.
 */
#include "nk_text.h"

#include <string.h>
#include <utf8proc.h>

int32_t
nk_utf8_next_multibyte(const char *s, size_t len, size_t *pos)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	n = utf8proc_iterate((const utf8proc_uint8_t *) s + *pos, (utf8proc_ssize_t) (len - *pos), &cp);
	if (n <= 0)
	{
		*pos += 1;
		return NK_REPLACEMENT_CHAR;
	}
	*pos += (size_t) n;
	return cp;
}

int32_t
nk_utf8_prev(const char *s, size_t pos, size_t *start)
{
	size_t		b = pos;
	size_t		p;
	int			back = 0;

	while (b > 0 && back < 4)
	{
		b--;
		back++;
		if (((unsigned char) s[b] & 0xC0) != 0x80)
			break;
	}
	p = b;
	if (nk_utf8_next(s, pos, &p) == NK_REPLACEMENT_CHAR || p != pos)
	{
		*start = pos - 1;
		return NK_REPLACEMENT_CHAR;
	}
	*start = b;
	p = b;
	return nk_utf8_next(s, pos, &p);
}

size_t
nk_utf8_count(const char *s, size_t len)
{
	size_t		n = len;
	size_t		i = 0;

	/* every byte but a continuation byte (10xxxxxx) starts a character; eight at a time */
	for (; i + 8 <= len; i += 8)
	{
		uint64_t	w;
		uint64_t	cont;

		memcpy(&w, s + i, 8);
		cont = w & ~(w << 1) & UINT64_C(0x8080808080808080);
		n -= (size_t) (((cont >> 7) * UINT64_C(0x0101010101010101)) >> 56);
	}
	for (; i < len; i++)
		n -= ((unsigned char) s[i] & 0xC0) == 0x80;
	return n;
}

bool
nk_utf8_valid(const char *s, size_t len)
{
	size_t		pos = 0;

	while (pos < len)
	{
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;

		nk_interrupt_tick();
		n = utf8proc_iterate((const utf8proc_uint8_t *) s + pos, (utf8proc_ssize_t) (len - pos), &cp);
		if (n <= 0 || cp == 0)
			return false;
		pos += (size_t) n;
	}
	return true;
}

static utf8proc_category_t
category(int32_t cp)
{
	return utf8proc_category(cp);
}

bool
nk_cp_is_letter_unicode(int32_t cp)
{
	utf8proc_category_t c = category(cp);

	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool
nk_cp_is_upper_unicode(int32_t cp)
{
	utf8proc_category_t c = category(cp);

	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool
nk_cp_is_lower_unicode(int32_t cp)
{
	return category(cp) == UTF8PROC_CATEGORY_LL;
}

bool
nk_cp_is_digit_unicode(int32_t cp)
{
	return category(cp) == UTF8PROC_CATEGORY_ND;
}

bool
nk_cp_is_mark_unicode(int32_t cp)
{
	utf8proc_category_t c = category(cp);

	return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

bool
nk_cp_is_space_unicode(int32_t cp)
{
	utf8proc_category_t c;

	if (nk_cp_is_newline(cp))
		return true;
	c = category(cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

bool
nk_cp_is_invisible_unicode(int32_t cp)
{
	utf8proc_category_t c;

	if (nk_cp_is_newline(cp))
		return false;
	c = category(cp);
	return c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF ||
		c == UTF8PROC_CATEGORY_CN || c == UTF8PROC_CATEGORY_CO;
}

bool
nk_cp_is_dash(int32_t cp)
{
	if (cp < 0x80)
		return cp == '-';
	return cp == '-' || cp == 0x2212 || cp == 0x00AD || category(cp) == UTF8PROC_CATEGORY_PD;
}

bool
nk_cp_is_quote(int32_t cp)
{
	utf8proc_category_t c;

	if (cp == '"' || nk_cp_is_apostrophe(cp))
		return true;
	if (cp < 0x80)
		return false;
	c = category(cp);
	return c == UTF8PROC_CATEGORY_PI || c == UTF8PROC_CATEGORY_PF ||
		cp == 0x201E || cp == 0x201A || cp == 0x00AB || cp == 0x00BB ||
		cp == 0x2039 || cp == 0x203A || cp == 0x300C || cp == 0x300D;
}

bool
nk_cp_is_closing_unicode(int32_t cp)
{
	utf8proc_category_t c = category(cp);

	return c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PF ||
		cp == 0x00BB || cp == 0x203A;
}

bool
nk_cp_is_punct(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp > 0x20 && cp < 0x7F && !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
										   (cp >= '0' && cp <= '9'));
	c = category(cp);
	return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_SO;
}

size_t
nk_utf8_encode(int32_t cp, char *buf)
{
	utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *) buf);

	return n > 0 ? (size_t) n : 0;
}

/*
 * Fold one code point into out (room for NK_FOLD_MAX code points' UTF-8,
 * NK_FOLD_CP_BYTES); return the bytes written.  Compatibility decomposition, case folding and
 * mark stripping come from utf8proc; marks are stripped, so no composition
 * step is needed and each character folds on its own.
 */
#define NK_FOLD_MAX (NK_FOLD_CP_BYTES / 4)

size_t
nk_fold_cp(int32_t cp, char *out)
{
	utf8proc_int32_t dec[NK_FOLD_MAX];
	int			last_boundclass = 0;
	utf8proc_ssize_t n;
	size_t		o = 0;

	if (nk_cp_is_apostrophe(cp))
		cp = '\'';
	else if (nk_cp_is_dash(cp))
		cp = '-';
	else if (nk_cp_is_quote(cp))
		cp = '"';
	if (cp < 0x80)
	{
		out[0] = (char) ((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
		return 1;
	}
	n = utf8proc_decompose_char(cp, dec, NK_FOLD_MAX,
								UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
								UTF8PROC_STRIPMARK | UTF8PROC_IGNORE, &last_boundclass);
	if (n < 0 || n > NK_FOLD_MAX)
		return nk_utf8_encode(cp, out);
	for (utf8proc_ssize_t i = 0; i < n; i++)
	{
		int32_t		c = dec[i];

		/* a compatibility form may decompose to an apostrophe, a dash or a space */
		if (nk_cp_is_apostrophe(c))
			c = '\'';
		else if (nk_cp_is_dash(c))
			c = '-';
		o += nk_utf8_encode(c, out + o);
	}
	return o;
}

char *
nk_fold(nk_arena *arena, const char *s, size_t len, size_t *out_len)
{
	char	   *out;
	size_t		cap = len + 1;
	size_t		o = 0;
	size_t		pos = 0;
	bool		space = false;

	/* one code point folds to at most NK_FOLD_MAX code points of at most 4 bytes */
	for (size_t i = 0; i < len; i++)
		if ((unsigned char) s[i] >= 0x80)
		{
			cap = len * NK_FOLD_MAX + 1;
			break;
		}
	out = nk_arena_alloc(arena, cap);
	while (pos < len)
	{
		unsigned char ch = (unsigned char) s[pos];
		int32_t		cp;

		nk_interrupt_tick();
		if (ch < 0x80)
		{
			/* ASCII, as nk_fold_cp() and the tests below would have it */
			pos++;
			if (ch == ' ' || (ch >= '\t' && ch <= '\r'))
				space = o > 0;
			else if (ch >= 0x20 && ch != 0x7F)
			{
				if (space)
				{
					out[o++] = ' ';
					space = false;
				}
				out[o++] = (char) (ch == '`' ? '\'' : (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
			}
			continue;
		}
		cp = nk_utf8_next_multibyte(s, len, &pos);

		if (nk_cp_is_space(cp))
		{
			space = o > 0;
			continue;
		}
		if (nk_cp_is_invisible(cp))
			continue;
		if (space)
		{
			out[o++] = ' ';
			space = false;
		}
		o += nk_fold_cp(cp, out + o);
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}
