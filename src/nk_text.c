/*
 * nk_text.c
 *	  UTF-8 decoding, character classes and folding, on top of utf8proc.
 */
#include "nk_text.h"

#include <string.h>
#include <utf8proc.h>

int32_t
nk_utf8_next(const char *s, size_t len, size_t *pos)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	if ((unsigned char) s[*pos] < 0x80)
		return (int32_t) (unsigned char) s[(*pos)++];
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
	size_t		n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char) s[i] & 0xC0) != 0x80;
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
nk_cp_is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	utf8proc_category_t c = category(cp);

	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool
nk_cp_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	utf8proc_category_t c = category(cp);

	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool
nk_cp_is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return category(cp) == UTF8PROC_CATEGORY_LL;
}

bool
nk_cp_is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return category(cp) == UTF8PROC_CATEGORY_ND;
}

bool
nk_cp_is_mark(int32_t cp)
{
	if (cp < 0x80)
		return false;
	utf8proc_category_t c = category(cp);

	return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

bool
nk_cp_is_newline(int32_t cp)
{
	return cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x85 ||
		cp == 0x2028 || cp == 0x2029;
}

bool
nk_cp_is_space(int32_t cp)
{
	utf8proc_category_t c;

	if (cp == ' ' || cp == '\t' || nk_cp_is_newline(cp))
		return true;
	if (cp < 0x80)
		return false;
	c = category(cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

bool
nk_cp_is_invisible(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp < 0x20 ? cp != '\t' && !nk_cp_is_newline(cp) : cp == 0x7F;
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
nk_cp_is_apostrophe(int32_t cp)
{
	switch (cp)
	{
		case '\'':
		case 0x2019:			/* right single quotation mark */
		case 0x2018:			/* left single quotation mark */
		case 0x02BC:			/* modifier letter apostrophe */
		case 0x0060:			/* grave accent */
		case 0x00B4:			/* acute accent */
		case 0x2032:			/* prime */
		case 0xFF07:			/* fullwidth apostrophe */
			return true;
		default:
			return false;
	}
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
nk_cp_is_closing(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp == ')' || cp == ']' || cp == '}' || cp == '"' || cp == '\'';
	c = category(cp);

	return c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PF ||
		cp == '"' || cp == '\'' || cp == 0x00BB || cp == 0x203A;
}

bool
nk_cp_is_punct(int32_t cp)
{
	if (cp < 0x80)
		return cp > 0x20 && cp < 0x7F && !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
										   (cp >= '0' && cp <= '9'));
	utf8proc_category_t c = category(cp);

	return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_SO;
}

size_t
nk_utf8_encode(int32_t cp, char *buf)
{
	utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *) buf);

	return n > 0 ? (size_t) n : 0;
}

/* nk_fold() of ASCII text, without utf8proc; false when s is not all ASCII. */
static bool
ascii_fold(nk_arena *arena, const char *s, size_t len, char **out, size_t *out_len)
{
	char	   *f;
	size_t		o = 0;
	bool		space = false;

	for (size_t i = 0; i < len; i++)
		if ((unsigned char) s[i] >= 0x80)
			return false;
	f = nk_arena_alloc(arena, len + 1);
	for (size_t i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
		{
			space = o > 0;
			continue;
		}
		if ((unsigned char) c < 0x20 || c == 0x7F)
			continue;
		if (space)
		{
			f[o++] = ' ';
			space = false;
		}
		if (c >= 'A' && c <= 'Z')
			c = (char) (c + 32);
		else if (c == '`')
			c = '\'';
		f[o++] = c;
	}
	f[o] = '\0';
	*out = f;
	*out_len = o;
	return true;
}

char *
nk_fold(nk_arena *arena, const char *s, size_t len, size_t *out_len)
{
	const int	options = UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
		UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
	char	   *clean = nk_arena_alloc(arena, len * 3 + 1);
	size_t		clean_len = 0;
	size_t		pos = 0;
	utf8proc_int32_t *dec;
	utf8proc_ssize_t cap = (utf8proc_ssize_t) len + 16;
	utf8proc_ssize_t n;
	char	   *out;
	size_t		o = 0;
	bool		space = false;

	if (ascii_fold(arena, s, len, &out, out_len))
		return out;
	/* re-encode leniently first, so invalid bytes become U+FFFD instead of an error */
	while (pos < len)
		clean_len += nk_utf8_encode(nk_utf8_next(s, len, &pos), clean + clean_len);
	for (;;)
	{
		dec = nk_arena_alloc(arena, (size_t) cap * sizeof(utf8proc_int32_t));
		n = utf8proc_decompose((const utf8proc_uint8_t *) clean, (utf8proc_ssize_t) clean_len,
							   dec, cap, options);
		if (n < 0)
			nk_error("could not normalize text: %s", utf8proc_errmsg(n));
		if (n <= cap)
			break;
		cap = n;
	}
	n = utf8proc_normalize_utf32(dec, n, options);
	if (n < 0)
		nk_error("could not normalize text: %s", utf8proc_errmsg(n));
	out = nk_arena_alloc(arena, (size_t) n * 4 + 1);
	for (utf8proc_ssize_t i = 0; i < n; i++)
	{
		int32_t		cp = dec[i];

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
		if (nk_cp_is_apostrophe(cp))
			cp = '\'';
		else if (nk_cp_is_dash(cp))
			cp = '-';
		else if (nk_cp_is_quote(cp))
			cp = '"';
		o += nk_utf8_encode(cp, out + o);
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}
