/*
 * nk_text.h
 *	  UTF-8 decoding, character classes and folding for the language engine.
 *
 * The engine works on UTF-8 bytes; positions inside it are byte offsets.  The
 * SQL layer turns them into 1-based character positions.  Character classes,
 * case folding and NFKC come from utf8proc: this file only adds the
 * news-text equivalences utf8proc does not know (apostrophes, dashes, quotes).
 */
#ifndef NK_TEXT_H
#define NK_TEXT_H

#include "nk_alloc.h"

/* A byte range of a document. */
typedef struct nk_span
{
	size_t		start;
	size_t		len;
} nk_span;

typedef NK_VEC(nk_span) nk_span_list;

#define NK_REPLACEMENT_CHAR 0xFFFD

/*
 * Decode the code point at s[*pos] (pos < len) and advance *pos past it.  An
 * invalid or truncated sequence decodes as U+FFFD and advances one byte.
 */
extern int32_t nk_utf8_next_multibyte(const char *s, size_t len, size_t *pos);

static inline int32_t
nk_utf8_next(const char *s, size_t len, size_t *pos)
{
	unsigned char c = (unsigned char) s[*pos];

	if (c < 0x80)
	{
		(*pos)++;
		return c;
	}
	return nk_utf8_next_multibyte(s, len, pos);
}
/* Decode the code point that ends just before s[pos] (pos > 0); *start gets its first byte. */
extern int32_t nk_utf8_prev(const char *s, size_t pos, size_t *start);
/* Number of code points in s[0..len), counting as PostgreSQL's length() does. */
extern size_t nk_utf8_count(const char *s, size_t len);
/* Whether s[0..len) is valid UTF-8. */
extern bool nk_utf8_valid(const char *s, size_t len);

/*
 * Character classes.  The most used have an inline ASCII path; the rest of
 * Unicode goes to utf8proc's tables (the *_unicode functions).
 */
extern bool nk_cp_is_letter_unicode(int32_t cp);
extern bool nk_cp_is_upper_unicode(int32_t cp);
extern bool nk_cp_is_lower_unicode(int32_t cp);
extern bool nk_cp_is_digit_unicode(int32_t cp);
extern bool nk_cp_is_mark_unicode(int32_t cp);
extern bool nk_cp_is_space_unicode(int32_t cp);

static inline bool
nk_cp_is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	return nk_cp_is_letter_unicode(cp);
}

/* upper or title case letter */
static inline bool
nk_cp_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return nk_cp_is_upper_unicode(cp);
}

static inline bool
nk_cp_is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return nk_cp_is_lower_unicode(cp);
}

/* decimal digit of any script */
static inline bool
nk_cp_is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return nk_cp_is_digit_unicode(cp);
}

/* combining mark */
static inline bool
nk_cp_is_mark(int32_t cp)
{
	return cp >= 0x80 && nk_cp_is_mark_unicode(cp);
}

/* white space, including no-break and line separators */
static inline bool
nk_cp_is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return nk_cp_is_space_unicode(cp);
}

/* \n, \r, U+2028, U+2029, \v, \f, U+0085 */
static inline bool
nk_cp_is_newline(int32_t cp)
{
	return (cp >= '\n' && cp <= '\r') || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

extern bool nk_cp_is_invisible_unicode(int32_t cp);

/* zero-width, format and control characters */
static inline bool
nk_cp_is_invisible(int32_t cp)
{
	if (cp < 0x80)
		return cp < 0x20 ? cp != '\t' && !nk_cp_is_newline(cp) : cp == 0x7F;
	return nk_cp_is_invisible_unicode(cp);
}

extern bool nk_cp_is_dash(int32_t cp);		/* hyphens, dashes, minus */

/* ' ’ ‘ ʼ ` ´ ′ and the fullwidth apostrophe */
static inline bool
nk_cp_is_apostrophe(int32_t cp)
{
	if (cp < 0x80)
		return cp == '\'' || cp == '`';
	return cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x00B4 || cp == 0x2032 ||
		cp == 0xFF07;
}

extern bool nk_cp_is_quote(int32_t cp);		/* " “ ” „ « » ‹ › and the apostrophes */

extern bool nk_cp_is_closing_unicode(int32_t cp);

/* ) ] } and closing quotes */
static inline bool
nk_cp_is_closing(int32_t cp)
{
	if (cp < 0x80)
		return cp == ')' || cp == ']' || cp == '}' || cp == '"' || cp == '\'';
	return nk_cp_is_closing_unicode(cp);
}

extern bool nk_cp_is_punct(int32_t cp);		/* any punctuation or symbol */

/*
 * Fold s[0..len) for matching: NFKC, case folded, marks stripped, every
 * apostrophe to ', every dash to -, every quote to ", white space runs to
 * one space.  The result is NUL-terminated; *out_len gets its length.
 */
extern char *nk_fold(nk_arena *arena, const char *s, size_t len, size_t *out_len);

/* Most bytes nk_fold_cp() writes. */
#define NK_FOLD_CP_BYTES 72

/*
 * nk_fold() of one code point that is neither white space nor invisible,
 * into out (NK_FOLD_CP_BYTES, not NUL-terminated); return the byte count.
 */
extern size_t nk_fold_cp(int32_t cp, char *out);

/* Append the UTF-8 form of cp to buf (at least 4 bytes); return the byte count. */
extern size_t nk_utf8_encode(int32_t cp, char *buf);

/* The FNV-1a hash of s[0..len), for the engine's hash tables. */
#define NK_FNV_BASIS 2166136261u
#define NK_FNV_PRIME 16777619u

static inline uint32_t
nk_hash_bytes(const char *s, size_t len)
{
	uint32_t	h = NK_FNV_BASIS;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char) s[i]) * NK_FNV_PRIME;
	return h;
}

#endif							/* NK_TEXT_H */
