/*
 * nk_article.c
 *	  Find the headline, byline and publication time of a raw news page, and
 *	  keep its story without the page furniture.
 *
 * The page is read line by line.  Each line is furniture (navigation, photo
 * credits, share widgets, comment forms, prompts), a byline, a date line, or
 * story.  The headline is the first line before the story proper that has
 * the shape of one.  Publication dates are read with the engine's one date
 * grammar (nk_calendar); every date of the head, bylines, datelines and date
 * lines is a candidate, and the publication time is the candidate with the
 * best score (date_score: where it was printed, then completeness and
 * agreement with the others).  A date without a year takes it from the
 * page, the address or the fetch time (choose_published).  Only lines
 * recognised with certainty are dropped: anything else stays in the body, so
 * that no sentence of the story is lost.
 */
#include "nk_article.h"

#include <string.h>

#include "nk_calendar.h"
#include "nk_text.h"
#include "nk_token.h"

typedef enum line_kind
{
	LINE_BODY,
	LINE_FURNITURE,
	LINE_TITLE,
	LINE_BYLINE,
	LINE_DATE
} line_kind;

typedef struct line
{
	size_t		start;			/* trimmed span in the raw text */
	size_t		len;
	line_kind	kind;
	bool		blank_before;	/* a blank line separates it from the previous line */
	int			words;			/* word tokens */
	bool		terminal;		/* ends with . ! ? or a closing quote after one */
	bool		story;			/* long enough and punctuated like running text */
	bool		dateline;		/* starts with a news dateline: "SEOUL, Oct. 19 (Yonhap) --" */
	bool		digit;			/* has a digit: can hold a date */
	bool		not_date_line;	/* date_line() found it is none */
	char	   *fold;			/* nk_fold() of the line, made when first needed */
} line;

typedef NK_VEC(line) line_list;

/* How much a printed date is trusted as the publication time: lower wins. */
typedef enum date_rank
{
	RANK_BYLINE = 0,			/* in a byline, under a "Published"/"Posted" label, by the headline */
	RANK_DATELINE = 1,			/* the story's dateline */
	RANK_PLAIN = 2,				/* alone on a line after the headline, without a label */
	RANK_UPDATED = 3,			/* under an "Updated"/"Modified" label */
	RANK_DATE_BAR = 4			/* a site's date bar: before the headline or between bars */
} date_rank;

typedef struct date_candidate
{
	nk_datetime dt;
	nk_span		where;
	date_rank	rank;
	size_t		line;
} date_candidate;

typedef NK_VEC(date_candidate) date_list;

typedef struct page
{
	nk_arena   *arena;
	const char *raw;
	size_t		len;
	line_list	lines;
	date_list	dates;
	const char *title;
	const char *author;
} page;

static bool date_line(page *p, size_t index, bool before_title, bool record);

/* Lines that are page furniture when they are all there is on the line. */
static const char *const furniture_lines[] = {
	"ad", "advertisement", "breaking", "breaking news", "breakingnews", "comments", "email",
	"about us", "accept all", "cancel reply", "contribute", "post comment", "submit", "home", "latest", "latest news", "latest videos",
	"leave a comment", "leave a reply", "manage preferences", "reject all", "we value your privacy",
	"listen", "live", "loading", "menu", "min", "more", "more from", "most popular", "most read",
	"most viewed", "news", "newsletter", "premium", "premium content", "print",
	"print friendly, pdf & email", "read more", "recommended", "related", "related articles",
	"related news", "related stories", "search", "see also", "share", "share this",
	"share this article", "sign in", "skip to content", "skip to contents", "skip to main content",
	"sponsored", "subscribe", "tags", "top stories", "topics", "trending", "trending now", "tweet", "video",
	"editors' picks", "editor's picks", "happening now",
	"watch", "world", "world news", NULL
};

/* Line openings that mark furniture however long the line. */
static const char *const furniture_labels[] = {
	"additional reporting", "compiled by", "credit:", "editing by", "image:", "image :", "live:",
	"our standards:", "reporting by", "writing by", "photo:", "photo :", "photos:", "picture:", "read more:",
	"related:", "video:", "watch:", NULL
};

/* Line openings that mark furniture on a short line (at most SHORT_LINE words). */
static const char *const furniture_openings[] = {
	"advertisement", "all rights reserved", "also read", "click here", "copyright", "donate",
	"download our", "filed under", "follow us", "get the latest", "join our",
	"listen to this article", "more:", "read also", "read more", "reading time", "see also",
	"share on", "share with", "sign up", "skip to ", "subscribe", "support ", "tags:", "topics:", "(c) ",
	"\xc2\xa9",
	NULL
};

/* Phrases that mark a line as furniture wherever they stand and however long the line. */
static const char *const furniture_phrases[] = {
	"(ap photo", "(getty images)", "(photo", "/ reuters)", "/via reuters", "/afp", "afp via getty",
	"all rights reserved", "ap photo/", "email address will not be published", "getty images",
	"(l)", "(r)", ", left, ", ", right, ", "already a subscriber", "available to subscribers", "cancel anytime", "cookie settings",
	"contributed to this report", "enter your email", "in the video below", "in this image",
	"in this picture", "subscribe to continue", "this handout", "this photo", "your inbox", "pdf & email", "photo by ",
	"photo credit", "photo courtesy", "privacy policy", "privacy settings",
	"required fields are marked", "shutterstock", "sign in to keep reading",
	"support independent journalism", "use cookies", "via getty", "(yonhap photo", "yonhap photo)",
	NULL
};

/* Furniture headings with a list of links under them. */
static const char *const list_headings[] = {
	"editors' picks", "editor's picks", "latest", "latest news", "more from", "most popular", "most read",
	"most viewed", "read more",
	"recommended", "related", "related articles", "related news", "related stories", "see also",
	"tags", "top stories", "topics", "trending", "trending now", NULL
};

/* Labels before a publication date, with the rank of a date under them. */
static const struct
{
	const char *label;
	date_rank	rank;
}			date_labels[] = {
	{"published", RANK_BYLINE}, {"posted", RANK_BYLINE}, {"created", RANK_BYLINE},
	{"date", RANK_BYLINE}, {"first published", RANK_BYLINE}, {"issued", RANK_BYLINE},
	{"updated", RANK_UPDATED}, {"last updated", RANK_UPDATED}, {"modified", RANK_UPDATED},
	{"last modified", RANK_UPDATED}, {"edited", RANK_UPDATED}, {NULL, RANK_BYLINE}
};

/* News agencies that sign stories; "X | Reuters" names the writer X. */
static const char *const agencies[] = {
	"abc news", "afp", "agence france-presse", "ap", "associated press", "bbc", "bbc news",
	"bloomberg", "cbs news", "cnn", "dpa", "efe", "fox news", "interfax", "kcna", "kuna", "kyodo",
	"kyodo news", "nbc news", "nhk", "nk news", "npr", "reuters", "ria novosti", "sputnik", "tass",
	"the associated press", "xinhua", "yonhap", NULL
};

#define SHORT_LINE 12
#define MAX_TITLE_WORDS 40
#define MAX_AUTHOR_WORDS 12
#define MAX_HEADER_LINES 60		/* the story has begun by this line, whatever it looks like */

static bool
is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
has_digit(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (is_ascii_digit(s[i]))
			return true;
	return false;
}

static bool
in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

static bool
starts_with_any(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strncmp(s, *list, strlen(*list)) == 0)
			return true;
	return false;
}

static bool
contains_any(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strstr(s, *list) != NULL)
			return true;
	return false;
}

/* What a word tells the furniture test: nothing, a phrase may follow, or a label may open the line. */
typedef enum cue_kind
{
	CUE_NONE,
	CUE_ANCHOR,					/* a word every furniture phrase has one of */
	CUE_OPENING					/* the first word of one of furniture_labels */
} cue_kind;

/*
 * The cue words by length.  Every phrase of furniture_phrases has a word of
 * kind CUE_ANCHOR, and every label of furniture_labels opens with a word of
 * kind CUE_OPENING or CUE_ANCHOR: a line with neither is not furniture by
 * phrase or label.
 */
#define CUE_MAX_LEN 12

typedef struct cue_word
{
	const char *word;
	cue_kind	kind;
} cue_word;

static const cue_word cue_words[CUE_MAX_LEN + 1][12] = {
	{{NULL, CUE_NONE}},	/* 0 */
	{{"l", CUE_ANCHOR}, {"r", CUE_ANCHOR}, {NULL, CUE_NONE}},	/* 1 */
	{{NULL, CUE_NONE}},	/* 2 */
	{{"afp", CUE_ANCHOR}, {"our", CUE_OPENING}, {"pdf", CUE_ANCHOR}, {NULL, CUE_NONE}},	/* 3 */
	{{"left", CUE_ANCHOR}, {"live", CUE_OPENING}, {"read", CUE_OPENING}, {NULL, CUE_NONE}},	/* 4 */
	{{"email", CUE_ANCHOR}, {"getty", CUE_ANCHOR}, {"image", CUE_ANCHOR}, {"inbox", CUE_ANCHOR}, {"photo", CUE_ANCHOR}, {"right", CUE_ANCHOR}, {"video", CUE_ANCHOR}, {"watch", CUE_OPENING}, {NULL, CUE_NONE}},	/* 5 */
	{{"cookie", CUE_ANCHOR}, {"credit", CUE_OPENING}, {"photos", CUE_OPENING}, {"rights", CUE_ANCHOR}, {NULL, CUE_NONE}},	/* 6 */
	{{"anytime", CUE_ANCHOR}, {"cookies", CUE_ANCHOR}, {"editing", CUE_OPENING}, {"handout", CUE_ANCHOR}, {"picture", CUE_ANCHOR}, {"privacy", CUE_ANCHOR}, {"reading", CUE_ANCHOR}, {"related", CUE_OPENING}, {"reuters", CUE_ANCHOR}, {"writing", CUE_OPENING}, {NULL, CUE_NONE}},	/* 7 */
	{{"compiled", CUE_OPENING}, {"required", CUE_ANCHOR}, {NULL, CUE_NONE}},	/* 8 */
	{{"reporting", CUE_OPENING}, {"subscribe", CUE_ANCHOR}, {NULL, CUE_NONE}},	/* 9 */
	{{"additional", CUE_OPENING}, {"journalism", CUE_ANCHOR}, {"subscriber", CUE_ANCHOR}, {NULL, CUE_NONE}},	/* 10 */
	{{"contributed", CUE_ANCHOR}, {"subscribers", CUE_ANCHOR}, {NULL, CUE_NONE}},	/* 11 */
	{{"shutterstock", CUE_ANCHOR}, {NULL, CUE_NONE}},	/* 12 */
};

/* The cue kind of the ASCII word w[0..n), in any case. */
static cue_kind
cue_of_word(const char *w, size_t n)
{
	char		lower[CUE_MAX_LEN + 1];

	if (n == 0 || n > CUE_MAX_LEN)
		return CUE_NONE;
	for (size_t i = 0; i < n; i++)
		lower[i] = (char) ((w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i]);
	lower[n] = '\0';
	for (const cue_word *c = cue_words[n]; c->word; c++)
		if (c->word[0] == lower[0] && strcmp(c->word, lower) == 0)
			return c->kind;
	return CUE_NONE;
}

/*
 * The lengths of the cue words that start with each letter, a bit per
 * length: a word whose first letter and length match none is no cue, and
 * most words of running text are ruled out by this one test.  Made from
 * cue_words on first use (every caller computes the same table).
 */
static const uint16_t *
cue_lengths(void)
{
	static uint16_t lengths[26];
	static bool ready;

	if (!ready)
	{
		for (int n = 1; n <= CUE_MAX_LEN; n++)
			for (const cue_word *c = cue_words[n]; c->word; c++)
				lengths[c->word[0] - 'a'] |= (uint16_t) (1u << n);
		ready = true;
	}
	return lengths;
}

/*
 * Whether the cue word at s[start, end) stands as the caption marks need:
 * "l" and "r" in brackets ("(L)"), "left" and "right" between commas (", left,").
 */
static bool
cue_in_place(const char *s, size_t len, size_t start, size_t end)
{
	size_t		n = end - start;

	if (n == 1)
		return start > 0 && s[start - 1] == '(' && end < len && s[end] == ')';
	if ((n == 4 && (s[start] | 0x20) == 'l') || (n == 5 && (s[start] | 0x20) == 'r' && (s[start + 1] | 0x20) == 'i'))
		return start >= 2 && s[start - 2] == ',' && s[start - 1] == ' ' && end < len && s[end] == ',';
	return true;
}

/*
 * Whether the text s[0..len) has an anchor cue word (compared
 * case-insensitively over ASCII letters), or opens with a word that opens
 * one of furniture_labels.  A long line that has neither is story.
 */
static bool
might_be_furniture(const char *s, size_t len)
{
	const uint16_t *lengths = cue_lengths();
	size_t		i = 0;
	bool		first = true;

	while (i < len)
	{
		size_t		start;
		unsigned	letter;

		nk_interrupt_tick();
		while (i < len && !is_ascii_letter(s[i]))
		{
			if ((unsigned char) s[i] >= 0x80)
				first = false;
			i++;
		}
		start = i;
		while (i < len && is_ascii_letter(s[i]))
			i++;
		if (i == start)
			break;
		letter = (unsigned) ((s[start] | 0x20) - 'a');
		if (i - start <= CUE_MAX_LEN && (lengths[letter] & (1u << (i - start))))
		{
			cue_kind	k = cue_of_word(s + start, i - start);

			if ((k == CUE_ANCHOR && cue_in_place(s, len, start, i)) || (k == CUE_OPENING && first))
				return true;
		}
		first = false;
	}
	return false;
}

/* Whether the ASCII bytes s[0..n) equal lower-case w[0..n) in any case. */
static bool
strncasecmp_ascii(const char *s, const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]) != w[i])
			return false;
	return true;
}

/* The ASCII word at the start of s[0..len) (letters only): its length, 0 when s opens otherwise. */
static size_t
first_word(const char *s, size_t len)
{
	size_t		n = 0;

	while (n < len && ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z')))
		n++;
	return n;
}

/*
 * Whether the word w[0..n) (any case) opens one of furniture_lines,
 * furniture_openings or furniture_labels.  The table of those first words
 * is made from the lists on first use (every caller computes the same one).
 */
#define FIRST_WORD_MAX 16		/* longer than the longest first word of the lists */

static bool
opens_furniture(const char *w, size_t n)
{
	static char words[192][FIRST_WORD_MAX + 1];
	static size_t count;
	static bool ready;
	char		lower[FIRST_WORD_MAX + 1];

	if (!ready)
	{
		const char *const *lists[] = {furniture_lines, furniture_openings, furniture_labels};

		for (size_t k = 0; k < 3; k++)
			for (const char *const *e = lists[k]; *e; e++)
			{
				size_t		m = first_word(*e, strlen(*e));
				bool		seen = false;

				if (m == 0 || m > FIRST_WORD_MAX || count == sizeof(words) / sizeof(words[0]))
					continue;
				for (size_t i = 0; i < count && !seen; i++)
					seen = strlen(words[i]) == m && memcmp(words[i], *e, m) == 0;
				if (!seen)
				{
					memcpy(words[count], *e, m);
					words[count++][m] = '\0';
				}
			}
		ready = true;
	}
	if (n == 0 || n > FIRST_WORD_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		lower[i] = (char) ((w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i]);
	lower[n] = '\0';
	for (size_t i = 0; i < count; i++)
		if (words[i][0] == lower[0] && strcmp(words[i], lower) == 0)
			return true;
	return false;
}

/* The folded (lower-case, NFKC) form of raw[start, start + len). */
static char *
fold_span(page *p, size_t start, size_t len)
{
	size_t		n;

	return nk_fold(p->arena, p->raw + start, len, &n);
}

/* The folded form of a whole line, made once. */
static char *
line_fold(page *p, line *l)
{
	if (l->fold == NULL)
		l->fold = fold_span(p, l->start, l->len);
	return l->fold;
}

/* Trim white space and invisible characters from both ends of a span. */
static void
trim(const char *s, size_t *start, size_t *len)
{
	size_t		b = *start;
	size_t		e = *start + *len;

	while (b < e)
	{
		size_t		q = b;
		int32_t		cp = nk_utf8_next(s, e, &q);

		if (!nk_cp_is_space(cp) && !nk_cp_is_invisible(cp))
			break;
		b = q;
	}
	while (e > b)
	{
		size_t		q;
		int32_t		cp = nk_utf8_prev(s, e, &q);

		if (!nk_cp_is_space(cp) && !nk_cp_is_invisible(cp))
			break;
		e = q;
	}
	*start = b;
	*len = e - b;
}

static char *
copy_trimmed(page *p, size_t start, size_t len)
{
	trim(p->raw, &start, &len);
	return nk_arena_strndup(p->arena, p->raw + start, len);
}

/* Split the page into trimmed lines, remembering blank lines between them. */
static void
split_lines(page *p)
{
	size_t		pos = 0;
	bool		blank = true;

	while (pos < p->len)
	{
		size_t		end = pos;
		size_t		start;
		size_t		len;

		{
			const char *nl = memchr(p->raw + pos, '\n', p->len - pos);

			end = nl ? (size_t) (nl - p->raw) : p->len;
			/* a lone \r ends a line too (old Mac text) */
			for (size_t i = pos; i < end; i++)
				if (p->raw[i] == '\r' && (i + 1 >= p->len || p->raw[i + 1] != '\n'))
				{
					end = i;
					break;
				}
		}
		start = pos;
		len = end - pos;
		trim(p->raw, &start, &len);
		if (len == 0)
			blank = true;
		else
		{
			line	   *l = nk_vec_push(p->arena, &p->lines);

			l->start = start;
			l->len = len;
			l->blank_before = blank;
			blank = false;
		}
		if (end < p->len && p->raw[end] == '\r' && end + 1 < p->len && p->raw[end + 1] == '\n')
			end++;
		pos = end + 1;
		if ((p->lines.count & 255) == 255)
			nk_check_interrupts();
	}
}

/* Whether the ASCII word s[0..n) names a month or a weekday ("Sept", "tuesday"). */
static bool
is_month_or_weekday(const char *s, size_t n)
{
	char		lower[16];

	if (n < 3 || n >= sizeof(lower))
		return false;
	for (size_t i = 0; i < n; i++)
		lower[i] = (char) ((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
	lower[n] = '\0';
	return nk_month_from_word(lower, n) > 0 || nk_weekday_from_word(lower, n) >= 0;
}

/*
 * Whether line l opens with a whole date (year and day) and then a dash, as a
 * dateline does: "Friday, May 3, 2024 \xe2\x80\x93 The minister ...".
 */
static bool
opens_with_date_and_dash(page *p, const line *l)
{
	const char *s = p->raw + l->start;
	size_t		len = l->len;
	nk_datetime dt;
	nk_span		where;
	size_t		e;

	if (len < 8 || !(is_ascii_digit(s[0]) || is_month_or_weekday(s, first_word(s, len))))
		return false;
	if (!nk_find_datetime(p->arena, s, len < 80 ? len : 80, &dt, &where) ||
		where.start != 0 || dt.year == 0)
		return false;
	e = where.len;
	while (e < len && s[e] == ' ')
		e++;
	return (e < len && s[e] == '-') ||
		(e + 3 <= len && (memcmp(s + e, "\xe2\x80\x93", 3) == 0 || memcmp(s + e, "\xe2\x80\x94", 3) == 0));
}

/*
 * Whether a line opens with a dateline: a place in capitals, then a comma or
 * "(agency)", then a dash, "/AGENCY/." or a colon after the agency
 * ("SEOUL, Oct. 19 (Yonhap) --", "PYONGYANG, June 18. /TASS/.",
 * "UNITED NATIONS (AP) \xe2\x80\x94", "BERLIN, May 2 (Reuters):"), perhaps after a
 * syndicator's credit in brackets ("(FEEDCO- Some Agency) CAIRO, ...").
 */
static bool
opens_with_dateline(page *p, const line *l)
{
	const char *s = p->raw + l->start;
	size_t		len = l->len;
	nk_token_list toks = {0};
	size_t		limit;

	/* a syndicator's credit in brackets before the dateline */
	if (len > 4 && s[0] == '(')
	{
		size_t		close = 0;
		int			depth = 0;

		/* the closing bracket of the first, with brackets inside ("(X- Agency (XA))") */
		for (size_t i = 0; i < len && i < 80 && close == 0; i++)
			if (s[i] == '(')
				depth++;
			else if (s[i] == ')' && --depth == 0)
				close = i;
		if (close != 0)
		{
			size_t		skip = close + 1;

			while (skip < len && s[skip] == ' ')
				skip++;
			s += skip;
			len -= skip;
		}
	}
	/* cheap test first: two capital letters */
	if (len < 4 || !(s[0] >= 'A' && s[0] <= 'Z') || !(s[1] >= 'A' && s[1] <= 'Z'))
		return false;
	nk_tokenize(p->arena, s, len < 200 ? len : 200, &toks);
	if (toks.count < 3 || !(toks.items[0].flags & NK_TOKEN_ALL_CAPS))
		return false;
	limit = toks.count < 16 ? toks.count : 16;
	for (size_t i = 1; i < limit; i++)
	{
		const nk_token *t = &toks.items[i];

		if (nk_token_is(t, "--") || nk_token_is(t, "\xe2\x80\x94") || nk_token_is(t, "\xe2\x80\x93") ||
			(nk_token_is(t, "/") && i + 1 < toks.count && (toks.items[i + 1].flags & NK_TOKEN_ALL_CAPS)) ||
			(nk_token_is(t, ")") && i + 1 < toks.count && nk_token_is(&toks.items[i + 1], ":")))
			return true;
	}
	return false;
}

/* Whether the bytes before end end with one of the closing marks ” ’ » ) ] " '; return its length. */
static size_t
closing_mark_before(const char *s, size_t end)
{
	static const char *const marks[] = {"\xe2\x80\x9d", "\xe2\x80\x99", "\xc2\xbb", ")", "]", "\"", "'", NULL};

	for (const char *const *m = marks; *m; m++)
	{
		size_t		n = strlen(*m);

		if (end >= n && memcmp(s + end - n, *m, n) == 0)
			return n;
	}
	return 0;
}

/*
 * What a byte of UTF-8 text is, for counting words without decoding: ASCII
 * letters and digits, and the lead bytes of letters of Latin, Cyrillic,
 * Greek (0xC3..0xE1) and Hangul and CJK (0xEA..) are word bytes; 0xE2 leads
 * punctuation (dashes, quotes); 0x80..0xBF continue a character.
 */
#define BYTE_WORD 1
#define BYTE_DIGIT 2
#define BYTE_CONTINUATION 4

#define W BYTE_WORD
#define D (BYTE_WORD | BYTE_DIGIT)
#define C BYTE_CONTINUATION
static const uint8_t byte_class[256] = {
	/* 0x00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x10 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x20 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 0x30 */ D, D, D, D, D, D, D, D, D, D, 0, 0, 0, 0, 0, 0,
	/* 0x40 */ 0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
	/* 0x50 */ W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0,
	/* 0x60 */ 0, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
	/* 0x70 */ W, W, W, W, W, W, W, W, W, W, W, 0, 0, 0, 0, 0,
	/* 0x80 */ C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,
	/* 0x90 */ C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,
	/* 0xA0 */ C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,
	/* 0xB0 */ C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,
	/* 0xC0 */ 0, 0, 0, W, W, W, W, W, W, W, W, W, W, W, W, W,
	/* 0xD0 */ W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
	/* 0xE0 */ W, W, 0, 0, 0, 0, 0, 0, 0, 0, W, W, W, W, W, W,
	/* 0xF0 */ W, W, W, W, W, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
};
#undef W
#undef D
#undef C

/*
 * Measure a line in one pass over its bytes: words, digits, final
 * punctuation, and whether it reads as story text.
 */
static void
measure_line(page *p, line *l)
{
	const char *s = p->raw + l->start;
	bool		in_word = false;
	size_t		end = l->len;
	size_t		mark;

	for (size_t i = 0; i < l->len; i++)
	{
		uint8_t		class = byte_class[(unsigned char) s[i]];

		if ((class & BYTE_WORD) && !in_word)
			l->words++;
		in_word = (class & BYTE_WORD) || (in_word && (class & BYTE_CONTINUATION));
		l->digit |= (class & BYTE_DIGIT) != 0;
	}
	while (end > 0 && (mark = closing_mark_before(s, end)) > 0)
		end -= mark;
	l->terminal = end > 0 && (s[end - 1] == '.' || s[end - 1] == '!' || s[end - 1] == '?' ||
							  (end >= 3 && memcmp(s + end - 3, "\xe2\x80\xa6", 3) == 0));
	l->dateline = opens_with_dateline(p, l);
	l->story = (l->words >= 8 && l->terminal) || l->words > MAX_TITLE_WORDS || l->dateline;
}

static bool
only_short_lowercase_words(page *p, const line *l)
{
	nk_token_list toks = {0};

	nk_tokenize(p->arena, p->raw + l->start, l->len, &toks);
	for (size_t i = 0; i < toks.count; i++)
	{
		const nk_token *t = &toks.items[i];

		nk_interrupt_tick();
		if (t->kind != NK_TOKEN_WORD || t->len > 2 || (t->flags & NK_TOKEN_CAPITALIZED))
			return false;
	}
	return toks.count > 1;
}

/*
 * Whether the line is a navigation bar or a site name: segments of a few
 * words between bars or wide gaps ("Home | World | Asia", "News  World
 * Korea", "The Korea Ledger | North Korea").
 */
static bool
is_navigation(page *p, const line *l)
{
	const char *s = p->raw + l->start;
	int			segments = 1;
	int			words = 0;
	int			widest = 0;
	bool		bars = false;

	for (size_t i = 0; i < l->len; i++)
	{
		bool		gap = false;

		nk_interrupt_tick();
		if (s[i] == '|')
		{
			gap = true;
			bars = true;
		}
		else if (s[i] == ' ' && i + 1 < l->len && s[i + 1] == ' ')
			gap = true;
		if (gap)
		{
			while (i + 1 < l->len && (s[i + 1] == ' ' || s[i + 1] == '|'))
			{
				bars |= s[i + 1] == '|';
				i++;
			}
			if (words > widest)
				widest = words;
			segments++;
			words = 0;
		}
		else if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			words++;
	}
	if (words > widest)
		widest = words;
	if (l->terminal)
		return false;
	return (segments >= 3 && widest <= 3) || (bars && segments == 2 && widest <= 4);
}

/*
 * Whether a short story line may be furniture, judged from its raw bytes:
 * false means none of the tests of is_furniture() can hold.
 */
static bool
could_be_short_furniture(page *p, const line *l)
{
	const char *s = p->raw + l->start;
	size_t		w = first_word(s, l->len);

	if (w == 0 || opens_furniture(s, w) || might_be_furniture(s, l->len) || (l->words == 1 && l->digit))
		return true;
	if (s[l->len - 1] == '*' || memchr(s, '@', l->len) != NULL ||
		(w >= 3 && ((s[0] | 0x20) == 'h' || (s[0] | 0x20) == 'w') && (memchr(s, '.', l->len) || memchr(s, ':', l->len))))
		return true;
	return is_navigation(p, l);
}

/* Whether s[0..n) has a letter followed by a run of at least 8 digits, as ids have. */
static bool
has_id_digits(const char *s, size_t n)
{
	for (size_t i = 1; i + 8 <= n; i++)
		if (is_ascii_letter(s[i - 1]) && is_ascii_digit(s[i]))
		{
			size_t		run = 0;

			while (i + run < n && is_ascii_digit(s[i + run]))
				run++;
			if (run >= 8)
				return true;
			i += run;
		}
	return false;
}

/* Whether the folded text f[0..n) is a date label alone: "updated", "published at". */
static bool
date_label_only(const char *f, size_t n)
{
	if (n > 3 && (memcmp(f + n - 3, " at", 3) == 0 || memcmp(f + n - 3, " on", 3) == 0))
		n -= 3;
	for (size_t i = 0; date_labels[i].label; i++)
		if (strlen(date_labels[i].label) == n && memcmp(date_labels[i].label, f, n) == 0)
			return true;
	return false;
}

/* Whether the line is page furniture. */
static bool
is_furniture(page *p, line *l, bool in_header)
{
	char	   *f;
	size_t		n;
	bool		has_letter = false;

	/* a long line is furniture only by a phrase or a label: test cheaply first */
	if (l->words > SHORT_LINE && !might_be_furniture(p->raw + l->start, l->len))
		return false;
	/*
	 * So is a short line of the story that opens with a letter: only by a
	 * phrase, an opening word, or one of the shapes tested further down
	 * (navigation bars, form fields, addresses), all seen in its raw bytes.
	 */
	if (!in_header && !could_be_short_furniture(p, l))
		return false;
	f = line_fold(p, l);
	n = strlen(f);
	for (size_t i = 0; i < n; i++)
		if ((f[i] >= 'a' && f[i] <= 'z') || (unsigned char) f[i] >= 0x80)
		{
			has_letter = true;
			break;
		}
	if (!has_letter)
	{
		nk_datetime dt;
		nk_span		where;

		/* "2024-05-17 | 00:37" is a date line, not furniture */
		return !l->digit || !nk_find_datetime(p->arena, p->raw + l->start, l->len, &dt, &where);
	}
	/* "Trending Now", "Share:", "Most Read »": compare without the final marks */
	{
		size_t		full = n;

		while (n > 0 && strchr(":.!>|", f[n - 1]) != NULL)
			n--;
		if (n >= 2 && memcmp(f + n - 2, "\xc2\xbb", 2) == 0)
			n -= 2;
		while (n > 0 && f[n - 1] == ' ')
			n--;
		if (n < full)
			f = nk_arena_strndup(p->arena, f, n);
	}
	if (l->words <= 6 && in_list(furniture_lines, f))
		return true;
	/* a date label with no date after it: "Updated at:" */
	if (l->words <= 3 && !l->digit && date_label_only(f, n))
		return true;
	if (might_be_furniture(f, n) && contains_any(furniture_phrases, f))
		return true;
	if (starts_with_any(furniture_labels, f))
		return true;
	if (l->words <= SHORT_LINE && starts_with_any(furniture_openings, f))
		return true;
	/* "37 minutes ago", "2 hours ago" */
	if (l->words <= 4 && n > 4 && strcmp(f + n - 4, " ago") == 0 && f[0] >= '0' && f[0] <= '9')
		return true;
	/* a bar of labelled dates ("Updated 8 May 2024 | Posted 7 May 2024") is no navigation */
	if (is_navigation(p, l) && !(l->digit && date_line(p, (size_t) (l - p->lines.items), false, false)))
		return true;
	/* a credit or end mark in brackets: "(Yonhap)", "[REUTERS/YONHAP]", "(END)" */
	if (l->words <= 8 && (f[0] == '(' || f[0] == '[') && (f[n - 1] == ')' || f[n - 1] == ']'))
		return true;
	/* template markup a scraper kept: "{{^userSignedIn}} {{/userSignedIn}}" */
	if (n >= 4 && f[0] == '{' && f[1] == '{' && f[n - 1] == '}' && f[n - 2] == '}')
		return true;
	/* an id alone on a line: letters and a long run of digits, "FEED20240117000123ID998" */
	if (l->words == 1 && l->digit && n >= 12 && has_id_digits(f, n))
		return true;
	/* a comment form's fields: "Name *", "Email *" */
	if (l->words <= 3 && n > 2 && f[n - 1] == '*' && f[n - 2] == ' ')
		return true;
	/* a language switcher: "ua en ru" */
	if (in_header && l->len <= 40 && only_short_lowercase_words(p, l))
		return true;
	/* a lone e-mail address or web address */
	if (l->words <= 4 && !l->terminal && (strchr(f, '@') || strncmp(f, "http", 4) == 0 || strncmp(f, "www.", 4) == 0))
		return true;
	return false;
}

/* Whether a word (folded) is a connector inside a list of names. */
static bool
name_connector(const nk_token *t)
{
	return nk_token_is(t, "and") || nk_token_is(t, "&") || nk_token_is(t, ",") ||
		nk_token_is(t, "de") || nk_token_is(t, "van") || nk_token_is(t, "von") ||
		nk_token_is(t, "der") || nk_token_is(t, "bin") || nk_token_is(t, "al") ||
		nk_token_is(t, "-") || nk_token_is(t, "'") || nk_token_is(t, ".") ||
		nk_token_is(t, "the") || nk_token_is(t, "news") || nk_token_is(t, "desk") ||
		nk_token_is(t, "staff") || nk_token_is(t, "team") || nk_token_is(t, "of");
}

/*
 * Read a byline's names starting at raw offset from, up to a separator, an
 * e-mail address, a date or the end of the line.  Return NULL when what is
 * there does not look like names.
 */
static const char *
read_names(page *p, size_t from, size_t end)
{
	nk_token_list toks = {0};
	size_t		stop = end;
	int			names = 0;
	int			words = 0;
	nk_datetime dt;
	nk_span		where;

	nk_tokenize(p->arena, p->raw + from, end - from, &toks);
	for (size_t i = 0; i < toks.count; i++)
	{
		const nk_token *t = &toks.items[i];
		size_t		at = from + t->start;

		nk_interrupt_tick();
		if (t->kind == NK_TOKEN_PUNCT &&
			(nk_token_is(t, "|") || nk_token_is(t, "\xc2\xb7") || nk_token_is(t, "\xe2\x80\xa2") ||
			 nk_token_is(t, "--") || nk_token_is(t, "\xe2\x80\x94") || nk_token_is(t, ";") ||
			 nk_token_is(t, "(") || nk_token_is(t, ":")))
		{
			stop = at;
			break;
		}
		/* ", Associated Press": an agency after a comma ends the names */
		if (nk_token_is(t, ",") && i + 1 < toks.count)
		{
			char	   *rest = fold_span(p, from + toks.items[i + 1].start,
										 end - from - toks.items[i + 1].start);

			if (in_list(agencies, rest))
			{
				stop = at;
				break;
			}
		}
		/* "By Jane Doe for The Daily", "By Jane Doe on May 3" */
		if (nk_token_is(t, "published") || nk_token_is(t, "updated") || nk_token_is(t, "posted") ||
			nk_token_is(t, "on") || nk_token_is(t, "for"))
		{
			stop = at;
			break;
		}
		/* an e-mail address ("jdoe@...") or a handle ("@jdoe") ends the names */
		if (nk_token_is(t, "@") ||
			(i + 1 < toks.count && nk_token_is(&toks.items[i + 1], "@") &&
			 !(toks.items[i + 1].flags & NK_TOKEN_SPACE_BEFORE)))
		{
			stop = at;
			break;
		}
		if (t->kind == NK_TOKEN_WORD)
		{
			bool		after_hyphen = i > 0 && nk_token_is(&toks.items[i - 1], "-") &&
				!(t->flags & NK_TOKEN_SPACE_BEFORE);

			words++;
			if (t->flags & (NK_TOKEN_CAPITALIZED | NK_TOKEN_ALL_CAPS))
				names++;
			else if (!after_hyphen && !name_connector(t))
				return NULL;
		}
		else if (t->kind == NK_TOKEN_NUMBER)
		{
			stop = at;
			break;
		}
		else if (!name_connector(t))
		{
			stop = at;
			break;
		}
	}
	if (names == 0 || words > MAX_AUTHOR_WORDS)
		return NULL;
	if (nk_find_datetime(p->arena, p->raw + from, stop - from, &dt, &where))
		stop = from + where.start;
	{
		size_t		s = from;
		size_t		n = stop - from;

		trim(p->raw, &s, &n);
		while (n > 0 && strchr(",.-", p->raw[s + n - 1]) != NULL)
		{
			n--;
			trim(p->raw, &s, &n);
		}
		if (n == 0)
			return NULL;
		return nk_arena_strndup(p->arena, p->raw + s, n);
	}
}

/* Whether a line after the header opens as a byline can: "By", "Written by", "Author:", ... */
static bool
opens_byline(page *p, const line *l)
{
	static const char *const words[] = {
		"author", "authors", "by", "reported", "reporter", "story", "text", "words", "written", NULL
	};
	const char *s = p->raw + l->start;
	size_t		n = first_word(s, l->len);

	for (const char *const *w = words; *w; w++)
		if (strlen(*w) == n && strncasecmp_ascii(s, *w, n))
			return true;
	return memchr(s, '|', l->len) != NULL;
}

/*
 * Find a byline in line l; set p->author.  When the byline is glued to the
 * headline ("... talks: reportsBy Yonhap", "... for Putin. by Hyo-Ju Son")
 * *title_len gets the headline's length in bytes, else 0.
 */
static bool
find_byline(page *p, line *l, size_t *title_len)
{
	static const char *const openings[] = {
		"written by", "by", "author:", "authors:", "reporter:", "reported by", "words by",
		"text by", "story by", NULL
	};
	const char *s = p->raw + l->start;
	size_t		end = l->start + l->len;
	const char *f;
	const char *names;

	*title_len = 0;
	/* "Written by Jane Doe", "By JANE DOE, Associated Press", "Author: Jane Doe" */
	for (const char *const *o = openings; *o; o++)
	{
		size_t		n = strlen(*o);

		if (l->len > n + 1 && s[n] == ' ' && strncasecmp_ascii(s, *o, n))
		{
			names = read_names(p, l->start + n + 1, end);
			if (names)
			{
				p->author = names;
				return true;
			}
		}
	}
	/* "...: reportsBy Yonhap": a capital By glued to the end of a lower-case word */
	for (size_t i = 1; i + 3 < l->len; i++)
		if (s[i] == 'B' && s[i + 1] == 'y' && s[i + 2] == ' ' && s[i - 1] >= 'a' && s[i - 1] <= 'z')
		{
			names = read_names(p, l->start + i + 3, end);
			if (names)
			{
				p->author = names;
				*title_len = i;
				return true;
			}
		}
	/* "...for Putin. by Hyo-Ju Son hjson@example.com. June. 20, 2024 07:45." */
	for (size_t i = 1; i + 4 < l->len; i++)
		if (s[i - 1] == '.' && s[i] == ' ' && (s[i + 1] == 'b' || s[i + 1] == 'B') && s[i + 2] == 'y' &&
			s[i + 3] == ' ')
		{
			names = read_names(p, l->start + i + 4, end);
			if (names)
			{
				p->author = names;
				*title_len = i - 1;
				return true;
			}
		}
	/* "May 3, 2024 | By Jane Doe", "Posted on May 3, 2024 by Jane Doe": a byline after a date */
	if (l->digit)
		for (size_t i = 2; i + 3 < l->len; i++)
			if (s[i - 1] == ' ' && (s[i] == 'b' || s[i] == 'B') && s[i + 1] == 'y' && s[i + 2] == ' ' &&
				(s[i - 2] == '|' || s[i - 2] == '/' || is_ascii_digit(s[i - 2])))
			{
				names = read_names(p, l->start + i + 3, end);
				if (names)
				{
					p->author = names;
					return true;
				}
			}
	/* "Jane Doe | Reuters", "AFP | Created: 03-02-2024 08:15 IST" */
	if (memchr(s, '|', l->len) != NULL)
	{
		const char *bar;

		f = line_fold(p, l);
		bar = strstr(f, " | ");

		/* a first segment with a date is a date, not a name ("Updated: May 4, 2024 | ...") */
		if (bar && bar != f &&
			strpbrk(nk_arena_strndup(p->arena, f, (size_t) (bar - f)), "0123456789") == NULL)
		{
			size_t		first_len = (size_t) (bar - f);
			char	   *first = nk_arena_strndup(p->arena, f, first_len);
			const char *rest = bar + 3;
			bool		signed_by_agency = in_list(agencies, first);

			for (const char *const *a = agencies; *a && !signed_by_agency; a++)
				if (strncmp(rest, *a, strlen(*a)) == 0 &&
					(rest[strlen(*a)] == '\0' || rest[strlen(*a)] == ' '))
					signed_by_agency = true;
			if (signed_by_agency || strstr(rest, "created") || strstr(rest, "published") ||
				strstr(rest, "updated"))
			{
				/* the raw bytes of the first segment: the fold keeps ASCII offsets only */
				size_t		rbar = 0;

				while (rbar + 3 <= l->len && memcmp(s + rbar, " | ", 3) != 0)
					rbar++;
				if (rbar + 3 <= l->len)
				{
					names = read_names(p, l->start, l->start + rbar);
					if (names)
					{
						p->author = names;
						return true;
					}
				}
			}
		}
	}
	return false;
}

/*
 * The rank of a date printed at where in line l, from the label before it;
 * alone when the line holds nothing else (no byline, no headline).
 */
static date_rank
rank_of(page *p, const line *l, const nk_span *where, bool before_title, bool alone)
{
	size_t		lead = where->start;
	char	   *f = fold_span(p, l->start, lead);
	size_t		n = strlen(f);

	while (n > 0 && strchr(" :|-\xc2\xb7", f[n - 1]) != NULL)
		f[--n] = '\0';
	for (size_t i = 0; date_labels[i].label; i++)
	{
		size_t		k = strlen(date_labels[i].label);

		if (n >= k && strcmp(f + n - k, date_labels[i].label) == 0 &&
			(n == k || f[n - k - 1] == ' ' || f[n - k - 1] == '|' || f[n - k - 1] == '('))
			return date_labels[i].rank;
	}
	if (l->dateline)
		return RANK_DATELINE;
	if (before_title || p->raw[l->start] == '|')
		return RANK_DATE_BAR;
	return alone ? RANK_PLAIN : RANK_BYLINE;
}

/* Skip spaces in raw[*i..end). */
static void
skip_spaces(const char *raw, size_t *i, size_t end)
{
	while (*i < end && raw[*i] == ' ')
		(*i)++;
}

/* Read up to max digits at raw[*i..end) into *v; return how many. */
static int
read_number(const char *raw, size_t *i, size_t end, int max, int *v)
{
	int			n = 0;

	*v = 0;
	while (*i < end && n < max && is_ascii_digit(raw[*i]))
	{
		*v = *v * 10 + (raw[*i] - '0');
		(*i)++;
		n++;
	}
	return n;
}

/*
 * A numeric UTC offset at raw[*i..end): "+9", "+09", "+0900", "+09:00",
 * "-5:30", "+5.30"; minutes east of UTC.
 */
static bool
read_utc_offset(const char *raw, size_t *i, size_t end, int *offset)
{
	size_t		q = *i;
	int			sign,
				h,
				m = 0,
				nd;

	if (q >= end || (raw[q] != '+' && raw[q] != '-'))
		return false;
	sign = raw[q] == '-' ? -1 : 1;
	q++;
	nd = read_number(raw, &q, end, 4, &h);
	if (nd == 0 || nd == 3)
		return false;
	if (nd == 4)
	{
		m = h % 100;
		h /= 100;
	}
	else if (q + 1 < end && (raw[q] == ':' || raw[q] == '.') && is_ascii_digit(raw[q + 1]))
	{
		size_t		r = q + 1;

		if (read_number(raw, &r, end, 2, &m) != 2)
			return false;
		q = r;
	}
	if ((q < end && is_ascii_digit(raw[q])) || h > 14 || m > 59)
		return false;
	*offset = sign * (h * 60 + m);
	*i = q;
	return true;
}

/*
 * A zone written after a date-time at raw[i..end), in the forms the date
 * grammar leaves: a bracketed offset "(UTC+0900)", "(GMT+09:00)", "(+09:00)",
 * an offset after a space "UTC +9", a bracketed zone "(KST)" or place
 * "(Seoul time)".  *offset gets minutes east of UTC.
 */
static bool
zone_after(const char *raw, size_t i, size_t end, int *offset)
{
	bool		paren = false;
	size_t		w;
	int			off = 0;
	bool		have = false;

	skip_spaces(raw, &i, end);
	if (i < end && raw[i] == '(')
	{
		paren = true;
		i++;
		skip_spaces(raw, &i, end);
	}
	w = first_word(raw + i, end - i);
	if (w >= 2 && w < 16)
	{
		char		lower[16];

		for (size_t k = 0; k < w; k++)
			lower[k] = (char) ((raw[i + k] >= 'A' && raw[i + k] <= 'Z') ? raw[i + k] + 32 : raw[i + k]);
		lower[w] = '\0';
		if (nk_zone_from_word(lower, w, &off))
			have = true;
		else if (paren && nk_zone_of_place(lower, w, &off) && i + w + 5 <= end &&
				 strncasecmp_ascii(raw + i + w, " time", 5))
		{
			have = true;
			w += 5;
		}
		else
			return false;
		i += w;
		skip_spaces(raw, &i, end);
	}
	if (read_utc_offset(raw, &i, end, offset))
	{
		skip_spaces(raw, &i, end);
		return !paren || (i < end && raw[i] == ')');
	}
	if (!have || !paren)
		return false;
	*offset = off;
	return i < end && raw[i] == ')';
}

/*
 * A clock time printed after a date at raw[i..end), behind a separator the
 * date grammar does not cross ("March 4, 2025 \xe2\x80\xa2 6:15 PM", "4 March 2025 at
 * 6.15pm"): sets hour and minute; returns the end of the time, or 0.
 */
static size_t
time_after(const char *raw, size_t i, size_t end, int *hour, int *minute)
{
	int			h,
				m;

	skip_spaces(raw, &i, end);
	if (i + 3 <= end && memcmp(raw + i, "\xe2\x80\xa2", 3) == 0)
		i += 3;
	else if (i + 2 <= end && memcmp(raw + i, "\xc2\xb7", 2) == 0)
		i += 2;
	else if (i + 3 <= end && (raw[i] == 'a' || raw[i] == 'A') && (raw[i + 1] == 't' || raw[i + 1] == 'T') && raw[i + 2] == ' ')
		i += 2;
	else
		return 0;
	skip_spaces(raw, &i, end);
	if (read_number(raw, &i, end, 2, &h) == 0 || i >= end || (raw[i] != ':' && raw[i] != '.'))
		return 0;
	i++;
	if (read_number(raw, &i, end, 2, &m) != 2 || (i < end && is_ascii_digit(raw[i])) || h > 23 || m > 59)
		return 0;
	{
		size_t		q = i;
		bool		pm;

		skip_spaces(raw, &q, end);
		if (q + 1 < end && (raw[q] == 'a' || raw[q] == 'A' || raw[q] == 'p' || raw[q] == 'P') &&
			(raw[q + 1] == 'm' || raw[q + 1] == 'M' || (raw[q + 1] == '.' && q + 2 < end && (raw[q + 2] == 'm' || raw[q + 2] == 'M'))))
		{
			if (h < 1 || h > 12)
				return 0;
			pm = raw[q] == 'p' || raw[q] == 'P';
			h = h % 12 + (pm ? 12 : 0);
			q += raw[q + 1] == '.' ? 3 : 2;
			if (q < end && raw[q] == '.')
				q++;
			i = q;
		}
	}
	if (i < end && is_ascii_letter(raw[i]))
		return 0;
	*hour = h;
	*minute = m;
	return i;
}

static void
add_date(page *p, size_t line_index, const nk_datetime *dt, const nk_span *where, date_rank rank)
{
	date_candidate *c = nk_vec_push(p->arena, &p->dates);
	const line *l = &p->lines.items[line_index];
	size_t		end = l->start + l->len;
	size_t		after = where->start + where->len;
	int			off;

	c->dt = *dt;
	c->where = *where;
	c->rank = rank;
	c->line = line_index;
	/* a time and a zone the date grammar left beside the date */
	if (c->dt.hour < 0 && c->dt.day != 0)
	{
		size_t		t = time_after(p->raw, after, end, &c->dt.hour, &c->dt.minute);

		if (t > 0)
		{
			c->dt.second = 0;
			after = t;
			c->where.len = t - c->where.start;
		}
	}
	if (c->dt.hour >= 0 && (!c->dt.has_zone || c->dt.utc_offset == 0) &&
		zone_after(p->raw, after, end, &off))
	{
		c->dt.has_zone = true;
		c->dt.utc_offset = off;
	}
}

/* Whether the folded token t is a word that may stand around a printed date: a label, "at", "on". */
static bool
date_label_word(const nk_token *t)
{
	static const char *const words[] = {
		"published", "posted", "created", "date", "first", "issued", "updated", "last", "modified",
		"edited", "at", "on", "time", NULL
	};

	for (const char *const *w = words; *w; w++)
		if (nk_token_is(t, *w))
			return true;
	return nk_weekday_of_token(t) >= 0;
}

/*
 * Whether line l is a date line: one or more dates, each with at most a
 * label, a time, an agency or a weekday around it ("Published: 05 Sep. 2025,
 * 11:07 Updated: 05 Sep. 2025, 11:08").  Record its dates when record is set.
 */
static bool
date_line(page *p, size_t index, bool before_title, bool record)
{
	line	   *l = &p->lines.items[index];
	nk_datetime dts[4];
	nk_span		spans[4];
	size_t		found = 0;
	size_t		from = 0;
	nk_token_list toks = {0};
	int			outside = 0;

	if (l->words > SHORT_LINE + 4 || !l->digit || l->not_date_line)
		return false;
	while (found < 4 && from < l->len &&
		   nk_find_datetime(p->arena, p->raw + l->start + from, l->len - from, &dts[found], &spans[found]))
	{
		spans[found].start += from;
		from = spans[found].start + spans[found].len;
		found++;
		/* another date needs a digit in the rest of the line */
		if (!has_digit(p->raw + l->start + from, l->len - from))
			break;
	}
	if (found == 0)
	{
		l->not_date_line = true;
		return false;
	}
	nk_tokenize(p->arena, p->raw + l->start, l->len, &toks);
	for (size_t i = 0; i < toks.count; i++)
	{
		const nk_token *t = &toks.items[i];
		bool		inside = false;

		nk_interrupt_tick();
		for (size_t k = 0; k < found && !inside; k++)
			inside = t->start >= spans[k].start && t->start < spans[k].start + spans[k].len;
		if (!inside && t->kind != NK_TOKEN_PUNCT && !date_label_word(t))
			outside++;
	}
	if (outside > 4)
	{
		l->not_date_line = true;
		return false;
	}
	if (record)
		for (size_t k = 0; k < found; k++)
		{
			date_rank	rank = rank_of(p, l, &spans[k], before_title, true);

			/* a date stamped with its time is the page's record of publication, not a date bar */
			if (rank == RANK_PLAIN && dts[k].hour >= 0)
				rank = RANK_BYLINE;
			add_date(p, index, &dts[k], &(nk_span) {l->start + spans[k].start, spans[k].len}, rank);
		}
	return true;
}

/* Record the dates of a line that holds a byline, a headline or a dateline too. */
static void
take_date_in(page *p, size_t index, size_t from, bool before_title)
{
	line	   *l = &p->lines.items[index];
	nk_datetime dt;
	nk_span		where;

	if (!l->digit)
		return;
	while (from < l->len && nk_find_datetime(p->arena, p->raw + l->start + from, l->len - from, &dt, &where))
	{
		where.start += from;
		add_date(p, index, &dt, &(nk_span) {l->start + where.start, where.len},
				 rank_of(p, l, &where, before_title, false));
		from = where.start + where.len;
		/* a dateline holds one date: the rest of its line is story */
		if (l->dateline)
			break;
		if (!has_digit(p->raw + l->start + from, l->len - from))
			break;
	}
}

/*
 * Whether line l can be a headline: a handful of words, not running text,
 * and not a dateline.
 */
static bool
title_shaped(const line *l)
{
	return l->words >= 2 && l->words <= MAX_TITLE_WORDS && !l->story && !l->dateline;
}

/*
 * A headline followed by its date on the same line ("Kremlin calls ...
 * 'unfounded' Tuesday, March 5, 2024 at 09:14:05 AM"): return the
 * headline's length, 0 when the line is no such thing.
 */
static size_t
title_before_date(page *p, size_t index)
{
	line	   *l = &p->lines.items[index];
	nk_datetime dt;
	nk_span		where;

	if (!l->digit || !nk_find_datetime(p->arena, p->raw + l->start, l->len, &dt, &where) ||
		where.start == 0)
		return 0;
	/* the date runs to the end of the line, give or take a final stop */
	if (where.start + where.len + 2 < l->len)
		return 0;
	add_date(p, index, &dt, &(nk_span) {l->start + where.start, where.len}, RANK_BYLINE);
	return where.start;
}

static void
set_title(page *p, line *l, size_t len)
{
	char	   *t;
	size_t		n;

	if (len == 0)
		len = l->len;
	t = copy_trimmed(p, l->start, len);
	n = strlen(t);
	/* "Putin. by ...", "counterpart:" lose their final stop or colon */
	while (n > 0 && (t[n - 1] == '.' || t[n - 1] == ':' || t[n - 1] == ',') &&
		   !(n > 1 && t[n - 2] == '.'))
		t[--n] = '\0';
	while (n > 0 && t[n - 1] == ' ')
		t[--n] = '\0';
	if (n > 0)
		p->title = t;
	l->kind = LINE_TITLE;
}

/*
 * Whether header line i is a section name above the headline ("Russian
 * Politics & Diplomacy", "Nation & World News"): a few words, and the next
 * line that is not furniture is a longer headline.
 */
static bool
section_label(page *p, size_t i)
{
	line	   *l = &p->lines.items[i];

	if (l->words > 4)
		return false;
	for (size_t j = i + 1; j < p->lines.count; j++)
	{
		line	   *next = &p->lines.items[j];
		char	   *f;

		nk_interrupt_tick();
		if (is_furniture(p, next, true) || date_line(p, j, true, false))
			continue;
		f = line_fold(p, next);
		return title_shaped(next) && next->words >= 5 && next->words <= 25 &&
			strncmp(f, "by ", 3) != 0 && strncmp(f, "written by ", 11) != 0;
	}
	return false;
}

/*
 * Whether header line i is a headline that ends with a full stop ("Seoul
 * and Tokyo agree to resume talks."): one sentence of a headline's length,
 * with a byline or a date line next (furniture between them aside).  A
 * first sentence of the story has story after it, not a byline.
 */
static bool
headline_with_stop(page *p, size_t i)
{
	line	   *l = &p->lines.items[i];
	const char *s = p->raw + l->start;

	if (!l->terminal || l->words < 4 || l->words > 25 || l->dateline || s[l->len - 1] != '.')
		return false;
	for (size_t k = 0; k + 2 < l->len - 1; k++)
		if ((s[k] == '.' || s[k] == '!' || s[k] == '?') && s[k + 1] == ' ' && s[k + 2] >= 'A' && s[k + 2] <= 'Z')
			return false;
	for (size_t j = i + 1; j < p->lines.count && j < i + 4; j++)
	{
		line	   *next = &p->lines.items[j];

		nk_interrupt_tick();
		if (next->words <= SHORT_LINE && opens_byline(p, next) && !next->terminal)
			return true;
		if (date_line(p, j, false, false))
			return true;
		if (!is_furniture(p, next, true))
			return false;
	}
	return false;
}

/* Classify every line; find headline, byline and date candidates. */
static void
classify(page *p)
{
	bool		in_header = true;
	bool		avatar = false;
	int			title_line = -1;

	for (size_t i = 0; i < p->lines.count; i++)
	{
		measure_line(p, &p->lines.items[i]);
		if ((i & 63) == 63)
			nk_check_interrupts();
	}
	for (size_t i = 0; i < p->lines.count; i++)
	{
		line	   *l = &p->lines.items[i];
		size_t		title_len;

		if ((i & 63) == 63)
			nk_check_interrupts();
		if (avatar && l->words <= 6 && !l->terminal)
		{
			/* the name under an "author avatar image" line, with or without "By" */
			if (!find_byline(p, l, &title_len))
				p->author = copy_trimmed(p, l->start, l->len);
			l->kind = LINE_BYLINE;
			avatar = false;
			continue;
		}
		avatar = false;
		if ((in_header || (l->words <= SHORT_LINE && opens_byline(p, l))) && p->author == NULL &&
			find_byline(p, l, &title_len))
		{
			l->kind = LINE_BYLINE;
			take_date_in(p, i, title_len, title_line < 0);
			if (title_len > 0 && p->title == NULL)
			{
				set_title(p, l, title_len);
				title_line = (int) i;
			}
			continue;
		}
		if (is_furniture(p, l, in_header))
		{
			char	   *f = line_fold(p, l);

			avatar = strstr(f, "avatar") != NULL;
			l->kind = LINE_FURNITURE;
			/* the list of headlines under "Trending Now" or "Most Read", up to a date line */
			if (in_list(list_headings, f))
				while (i + 1 < p->lines.count && !p->lines.items[i + 1].blank_before &&
					   !p->lines.items[i + 1].terminal && p->lines.items[i + 1].words <= MAX_TITLE_WORDS / 2 &&
					   !(p->lines.items[i + 1].words <= 8 && date_line(p, i + 1, false, false)))
					p->lines.items[++i].kind = LINE_FURNITURE;
			continue;
		}
		if (l->len == strlen("author avatar image") && strcmp(line_fold(p, l), "author avatar image") == 0)
		{
			avatar = true;
			l->kind = LINE_FURNITURE;
			continue;
		}
		if (!l->dateline && date_line(p, i, title_line < 0 && in_header, true))
		{
			l->kind = LINE_DATE;
			continue;
		}
		if (in_header && p->title == NULL && (title_shaped(l) || headline_with_stop(p, i)))
		{
			size_t		before_date;

			if (section_label(p, i))
			{
				l->kind = LINE_FURNITURE;
				continue;
			}
			before_date = title_before_date(p, i);

			set_title(p, l, before_date);
			title_line = (int) i;
			continue;
		}
		if (p->title && !l->terminal && l->len == strlen(p->title) &&
			memcmp(p->raw + l->start, p->title, l->len) == 0)
		{
			/* the headline again, as sites repeat it above the story */
			l->kind = LINE_FURNITURE;
			continue;
		}
		l->kind = LINE_BODY;
		if (in_header && !l->dateline && opens_with_date_and_dash(p, l))
			l->dateline = true;
		if (l->dateline && in_header)
			take_date_in(p, i, 0, false);
		if (l->story || l->dateline || i >= MAX_HEADER_LINES)
			in_header = false;
	}
}

/*
 * Drop teasers: a short line that does not end as a sentence, between two
 * lines of furniture (or after furniture at the end of the page), is a link
 * to another story in a block of them ("Credit: ... / Other story's headline
 * / 2h ago") or a widget's label ("Continue reading below"), not a
 * subheading of this one (a subheading has story text after it).
 */
static void
drop_teasers(page *p)
{
	size_t	   *drop = nk_arena_alloc(p->arena, (p->lines.count + 1) * sizeof(size_t));
	size_t		n = 0;

	for (size_t i = 1; i < p->lines.count; i++)
	{
		const line *l = &p->lines.items[i];

		nk_interrupt_tick();
		if (l->kind == LINE_BODY && !l->terminal && !l->dateline && l->words <= MAX_TITLE_WORDS / 2 &&
			p->lines.items[i - 1].kind == LINE_FURNITURE &&
			(i + 1 == p->lines.count || p->lines.items[i + 1].kind == LINE_FURNITURE))
			drop[n++] = i;
	}
	for (size_t k = 0; k < n; k++)
		p->lines.items[drop[k]].kind = LINE_FURNITURE;
}

/*
 * The score of a date candidate as the publication time.  Where it was
 * printed counts most (a byline or "Published" label, then the story's
 * dateline, then an "Updated" label, then a site's date bar), each step
 * outweighing everything else together; within a step a date that is
 * complete (year, time, zone) and that other candidates agree with wins, and
 * on a tie the earlier one.
 */
#define SCORE_STEP 20

static int
date_score(const page *p, const date_candidate *c)
{
	int			score = (RANK_DATE_BAR - (int) c->rank) * SCORE_STEP;
	int			agree = 0;

	if (c->dt.year != 0)
		score += 8;
	if (c->dt.hour >= 0)
		score += 4;
	if (c->dt.has_zone)
		score += 2;
	for (size_t i = 0; i < p->dates.count; i++)
	{
		const date_candidate *o = &p->dates.items[i];

		if (o != c && o->dt.month == c->dt.month && o->dt.day == c->dt.day &&
			(o->dt.year == 0 || c->dt.year == 0 || o->dt.year == c->dt.year))
			agree++;
	}
	return score + (agree < 2 ? agree : 2) * 2;
}

/*
 * The latest year that puts month/day on or before the reference day
 * ry-rm-rd; 0 when there is none.
 */
static int
year_on_or_before(int month, int day, int ry, int rm, int rd)
{
	int			year = ry;

	if (month > rm || (month == rm && day > rd))
		year--;
	while (year >= NK_YEAR_MIN && !nk_valid_civil(year, month, day))
		year--;
	return year >= NK_YEAR_MIN ? year : 0;
}

/* The date of 8 digits d[0..8) as YYYYMMDD (ymd) or DDMMYYYY (!ymd), a year of 1990 to 2099. */
static bool
digits_date(const char *d, bool ymd, int *year, int *month, int *day)
{
	int			v[8];

	for (int i = 0; i < 8; i++)
		v[i] = d[i] - '0';
	if (ymd)
	{
		*year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
		*month = v[4] * 10 + v[5];
		*day = v[6] * 10 + v[7];
	}
	else
	{
		*day = v[0] * 10 + v[1];
		*month = v[2] * 10 + v[3];
		*year = v[4] * 1000 + v[5] * 100 + v[6] * 10 + v[7];
	}
	return *year >= 1990 && *year <= 2099 && nk_valid_civil(*year, *month, *day);
}

/*
 * A year from an id printed on the page that carries the date: letters,
 * then a run of at least 8 digits that opens with the date of month/day as
 * DDMMYYYY or YYYYMMDD ("REF03052024000123", "XN20240503000812").
 */
static int
year_from_ids(page *p, int month, int day)
{
	for (size_t i = 0; i < p->lines.count; i++)
	{
		const line *l = &p->lines.items[i];
		const char *s = p->raw + l->start;

		nk_interrupt_tick();
		if (!l->digit || l->words > 4)
			continue;
		for (size_t k = 1; k + 8 <= l->len; k++)
		{
			size_t		run = 0;
			int			y,
						m,
						d;

			if (!is_ascii_digit(s[k]) || !is_ascii_letter(s[k - 1]))
				continue;
			while (k + run < l->len && is_ascii_digit(s[k + run]))
				run++;
			if (run >= 8 && ((digits_date(s + k, false, &y, &m, &d) && m == month && d == day) ||
							 (digits_date(s + k, true, &y, &m, &d) && m == month && d == day)))
				return y;
			k += run;
		}
	}
	return 0;
}

/* Whether s[0..len) has a run of exactly four digits that opens with 1 or 2: a year can be printed there. */
static bool
has_year_digits(const char *s, size_t len)
{
	for (size_t i = 0; i + 4 <= len; i++)
		if ((s[i] == '1' || s[i] == '2') && (i == 0 || !is_ascii_digit(s[i - 1])) &&
			is_ascii_digit(s[i + 1]) && is_ascii_digit(s[i + 2]) && is_ascii_digit(s[i + 3]) &&
			(i + 4 == len || !is_ascii_digit(s[i + 4])))
			return true;
	return false;
}

/*
 * A year for month/day from what the page says about time, when no full
 * date of the head gives one: the page was published on or after the latest
 * point it names in the past (a full date, a month and year, a year: "on
 * October 26, 2023", "in September 2023", "in 2019"; not one after "by" or
 * "until"), so take the first year that puts month/day there; and when the
 * dateline's sentence names a weekday ("said Thursday"), the first such year
 * in which the date or the day before it is that weekday.  A full date of
 * the same month and day settles the year at once.
 */
static int
year_from_text(page *p, const date_candidate *best, int month, int day)
{
	int32_t		latest = INT32_MIN;
	bool		weekdays[7] = {false};
	bool		any_weekday = false;
	int			year;

	for (size_t i = 0; i < p->lines.count; i++)
	{
		const line *l = &p->lines.items[i];
		nk_token_list toks = {0};
		const char *s = p->raw + l->start;

		if (!l->digit || !has_year_digits(s, l->len))
			continue;
		nk_tokenize(p->arena, s, l->len, &toks);
		for (size_t k = 0; k < toks.count; k++)
		{
			const nk_token *t = &toks.items[k];
			nk_datetime dt;
			nk_span		where;
			size_t		next = k + 1;
			int32_t		point;

			nk_interrupt_tick();
			if (t->kind != NK_TOKEN_NUMBER && nk_month_of_token(t) == 0 && nk_weekday_of_token(t) < 0)
				continue;
			if (k > 0 && (nk_token_is(&toks.items[k - 1], "by") || nk_token_is(&toks.items[k - 1], "until") ||
						  nk_token_is(&toks.items[k - 1], "till") || nk_token_is(&toks.items[k - 1], "before")))
				continue;
			if (nk_parse_datetime(s, toks.items, toks.count, k, true, &dt, &next, &where) && dt.year != 0)
			{
				if (dt.day != 0 && dt.month == month && dt.day == day)
					return dt.year;
				point = nk_days_from_civil(dt.year, dt.month, dt.day ? dt.day : 1);
			}
			else if (t->kind == NK_TOKEN_NUMBER && t->len == 4 && is_ascii_digit(s[t->start]))
			{
				int			y = (s[t->start] - '0') * 1000 + (s[t->start + 1] - '0') * 100 +
					(s[t->start + 2] - '0') * 10 + (s[t->start + 3] - '0');

				if (y < 1900 || y > 2099)
					continue;
				point = nk_days_from_civil(y, 1, 1);
				next = k + 1;
			}
			else
				continue;
			if (point > latest)
				latest = point;
			k = next - 1;
		}
	}
	if (latest == INT32_MIN)
		return 0;
	/* the weekdays named in the dateline's first sentence */
	if (best->rank == RANK_DATELINE)
	{
		const line *l = &p->lines.items[best->line];
		nk_token_list toks = {0};

		nk_tokenize(p->arena, p->raw + l->start, l->len, &toks);
		for (size_t k = 0; k < toks.count; k++)
		{
			int			w = nk_weekday_of_token(&toks.items[k]);

			if (toks.items[k].start >= best->where.start - l->start &&
				toks.items[k].start < best->where.start - l->start + best->where.len)
				continue;
			if (nk_token_is(&toks.items[k], ".") && k + 1 < toks.count &&
				(toks.items[k + 1].flags & NK_TOKEN_CAPITALIZED) && toks.items[k].start > best->where.start - l->start + best->where.len)
				break;
			if (w >= 0)
			{
				weekdays[w] = true;
				any_weekday = true;
			}
		}
	}
	{
		int			ly,
					lm,
					ld;

		nk_civil_from_days(latest, &ly, &lm, &ld);
		year = ly;
		if (month < lm || (month == lm && day < ld))
			year++;
	}
	while (year <= NK_YEAR_MAX && !nk_valid_civil(year, month, day))
		year++;
	if (year > NK_YEAR_MAX)
		return 0;
	/* the date that weekday first, else the day before it, within the seven years that hold every weekday */
	for (int before = 0; before < 2 && any_weekday; before++)
		for (int y = year; y <= year + 6 && y <= NK_YEAR_MAX; y++)
			if (nk_valid_civil(y, month, day) &&
				weekdays[(nk_weekday(nk_days_from_civil(y, month, day)) + 7 - before) % 7])
				return y;
	return year;
}

/* Choose the publication time from the candidates, by score. */
static void
choose_published(page *p, const int64_t *fetched, const nk_datetime *url_date, nk_article *out)
{
	const date_candidate *best = NULL;
	const date_candidate *full = NULL;
	int			best_score = 0;
	int			full_score = 0;
	int			year;
	int			month;
	int			day;
	int32_t		days;
	int64_t		seconds;

	for (size_t i = 0; i < p->dates.count; i++)
	{
		const date_candidate *c = &p->dates.items[i];
		int			score;

		if (c->dt.day == 0)
			continue;
		score = date_score(p, c);
		if (best == NULL || score > best_score)
		{
			best = c;
			best_score = score;
		}
		if (c->dt.year != 0 && (full == NULL || score > full_score))
		{
			full = c;
			full_score = score;
		}
	}
	if (best == NULL)
	{
		/* no printed date: the date the page's address carries */
		if (url_date != NULL && url_date->day != 0)
		{
			out->has_published = true;
			out->published = (int64_t) nk_days_from_civil(url_date->year, url_date->month, url_date->day) * 86400;
		}
		return;
	}
	month = best->dt.month;
	day = best->dt.day;
	year = best->dt.year;
	/*
	 * A date without a year takes it from, in this order: another full date
	 * of the head (the latest year that puts it on or before that one), the
	 * address's date (likewise, a day's grace for time zones), an id on the
	 * page with the same day, the fetch time, what the text says of time.
	 */
	if (year == 0 && full != NULL)
		year = year_on_or_before(month, day, full->dt.year, full->dt.month, full->dt.day);
	if (year == 0 && url_date != NULL)
	{
		int32_t		ref = url_date->day != 0
			? nk_days_from_civil(url_date->year, url_date->month, url_date->day) + 1
			: nk_days_from_civil(url_date->year, url_date->month, nk_days_in_month(url_date->year, url_date->month));
		int			ry,
					rm,
					rd;

		nk_civil_from_days(ref, &ry, &rm, &rd);
		year = year_on_or_before(month, day, ry, rm, rd);
	}
	if (year == 0)
		year = year_from_ids(p, month, day);
	if (year == 0 && fetched != NULL)
	{
		int			ry,
					rm,
					rd;

		nk_civil_from_days((int32_t) (*fetched / 86400 - (*fetched % 86400 < 0)), &ry, &rm, &rd);
		year = year_on_or_before(month, day, ry, rm, rd);
	}
	if (year == 0)
		year = year_from_text(p, best, month, day);
	out->dateline = nk_arena_strndup(p->arena, p->raw + best->where.start, best->where.len);
	if (year == 0)
		return;
	days = nk_days_from_civil(year, month, day);
	seconds = (int64_t) days * 86400;
	if (best->dt.hour >= 0)
		seconds += best->dt.hour * 3600 + best->dt.minute * 60 + best->dt.second;
	if (best->dt.has_zone)
		seconds -= (int64_t) best->dt.utc_offset * 60;
	out->has_published = true;
	out->published = seconds;
}

/* Join the story lines: one newline within a paragraph, a blank line between. */
static void
build_body(page *p, nk_article *out)
{
	size_t		total = 0;
	char	   *body;
	size_t		o = 0;
	bool		prev_kept = false;

	for (size_t i = 0; i < p->lines.count; i++)
		total += p->lines.items[i].len + 2;
	body = nk_arena_alloc(p->arena, total + 1);
	for (size_t i = 0; i < p->lines.count; i++)
	{
		const line *l = &p->lines.items[i];

		nk_interrupt_tick();
		if (l->kind != LINE_BODY)
		{
			prev_kept = false;
			continue;
		}
		if (o > 0)
		{
			body[o++] = '\n';
			if (!prev_kept || l->blank_before)
				body[o++] = '\n';
		}
		memcpy(body + o, p->raw + l->start, l->len);
		o += l->len;
		prev_kept = true;
	}
	body[o] = '\0';
	out->body = body;
	out->body_len = o;
}

/* The number of digits of s[i..len), at most max + 1. */
static size_t
digit_run(const char *s, size_t len, size_t i, size_t max)
{
	size_t		n = 0;

	while (i + n < len && n <= max && is_ascii_digit(s[i + n]))
		n++;
	return n;
}

static int
digits_value(const char *s, size_t n)
{
	int			v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/*
 * A month at s[i..len) of a URL: one or two digits, or a month's name or
 * abbreviation ("11", "nov", "November"); set *n to its length.
 */
static int
url_month(const char *s, size_t len, size_t i, size_t *n)
{
	size_t		k = digit_run(s, len, i, 2);
	char		lower[16];

	if (k == 1 || k == 2)
	{
		int			m = digits_value(s + i, k);

		*n = k;
		return m >= 1 && m <= 12 ? m : 0;
	}
	k = first_word(s + i, len - i);
	if (k < 3 || k >= sizeof(lower))
		return 0;
	for (size_t j = 0; j < k; j++)
		lower[j] = (char) ((s[i + j] >= 'A' && s[i + j] <= 'Z') ? s[i + j] + 32 : s[i + j]);
	lower[k] = '\0';
	*n = k;
	return nk_month_from_word(lower, k);
}

bool
nk_url_date(const char *url, size_t len, nk_datetime *out)
{
	size_t		i = 0;
	const char *scheme = NULL;
	nk_datetime month_only;
	bool		has_month_only = false;

	memset(out, 0, sizeof(*out));
	out->hour = -1;
	month_only = *out;
	/* leave out the scheme and the host: a date is in the path or the query */
	for (size_t k = 0; k + 3 <= len && k < 16; k++)
		if (memcmp(url + k, "://", 3) == 0)
		{
			scheme = url + k;
			break;
		}
	if (scheme != NULL)
	{
		i = (size_t) (scheme - url) + 3;
		while (i < len && url[i] != '/' && url[i] != '?' && url[i] != '#')
			i++;
	}
	for (; i < len; i++)
	{
		size_t		run;

		nk_interrupt_tick();
		if (!is_ascii_digit(url[i]) || (i > 0 && is_ascii_digit(url[i - 1])))
			continue;
		run = digit_run(url, len, i, 40);
		/* /2024/11/29/, /2024/Nov/29/, /2025-04-30/, -2024_11_29, /2024/11/ */
		if (run == 4 && i + 5 < len && strchr("/-_.", url[i + 4]) != NULL)
		{
			int			y = digits_value(url + i, 4);
			size_t		mn = 0;
			int			m = url_month(url, len, i + 5, &mn);
			char		sep = url[i + 4];

			if (y >= 1990 && y <= 2099 && m > 0 && (i == 0 || !is_ascii_letter(url[i - 1])))
			{
				size_t		j = i + 5 + mn;

				if (j + 1 < len && url[j] == sep && digit_run(url, len, j + 1, 2) >= 1 &&
					digit_run(url, len, j + 1, 2) <= 2)
				{
					size_t		dn = digit_run(url, len, j + 1, 2);
					int			d = digits_value(url + j + 1, dn);

					if (nk_valid_civil(y, m, d) && (j + 1 + dn == len || !is_ascii_letter(url[j + 1 + dn]) ||
													 sep == '/'))
					{
						out->year = y;
						out->month = m;
						out->day = d;
						return true;
					}
				}
				if (!has_month_only && (j == len || url[j] == '/'))
				{
					month_only.year = y;
					month_only.month = m;
					has_month_only = true;
				}
			}
		}
		/* /20241129/, -20241129-, and ids that open with one: AEN20241129000100315 */
		else if (run == 8 || (run > 8 && i > 0 && is_ascii_letter(url[i - 1])))
		{
			int			y,
						m,
						d;

			if (digits_date(url + i, true, &y, &m, &d))
			{
				out->year = y;
				out->month = m;
				out->day = d;
				return true;
			}
		}
		i += run - 1;
	}
	if (has_month_only)
	{
		*out = month_only;
		return true;
	}
	return false;
}

void
nk_parse_article_at(nk_arena *arena, const char *raw, size_t len, const int64_t *fetched,
					const char *url, size_t url_len, nk_article *out)
{
	page		p;
	nk_datetime url_date;
	bool		has_url_date = url != NULL && nk_url_date(url, url_len, &url_date);

	memset(&p, 0, sizeof(p));
	memset(out, 0, sizeof(*out));
	p.arena = arena;
	p.raw = raw;
	p.len = len;
	split_lines(&p);
	classify(&p);
	drop_teasers(&p);
	choose_published(&p, fetched, has_url_date ? &url_date : NULL, out);
	build_body(&p, out);
	out->title = p.title;
	out->author = p.author;
}

void
nk_parse_article(nk_arena *arena, const char *raw, size_t len, const int64_t *fetched, nk_article *out)
{
	nk_parse_article_at(arena, raw, len, fetched, NULL, 0, out);
}
