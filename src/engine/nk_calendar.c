/*
 * nk_calendar.c
 *	  Calendar arithmetic, date and zone names, and the grammar of printed
 *	  absolute dates and times.
 *
 * The day arithmetic is Howard Hinnant's days_from_civil/civil_from_days on
 * the proleptic Gregorian calendar.  The grammar reads tokens; the numeric
 * forms (2023-09-13T07:30:00Z, 16-05-2024) are read from the bytes under the
 * tokens, because the tokenizer rightly does not know that "13T07" is a day
 * and an hour.
 */
#include "nk_calendar.h"

#include <string.h>

/* ---------------------------------------------------------------- arithmetic */

bool
nk_is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
nk_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && nk_is_leap_year(year))
		return 29;
	return days[month - 1];
}

bool
nk_valid_civil(int year, int month, int day)
{
	return year >= NK_YEAR_MIN && year <= NK_YEAR_MAX &&
		month >= 1 && month <= 12 &&
		day >= 1 && day <= nk_days_in_month(year, month);
}

int32_t
nk_days_from_civil(int year, int month, int day)
{
	int			y = month <= 2 ? year - 1 : year;
	int			era = (y >= 0 ? y : y - 399) / 400;
	int			yoe = y - era * 400;
	int			doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	int			doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (int32_t) era * 146097 + doe - 719468;
}

void
nk_civil_from_days(int32_t days, int *year, int *month, int *day)
{
	int32_t		z = days + 719468;
	int32_t		era = (z >= 0 ? z : z - 146096) / 146097;
	int32_t		doe = z - era * 146097;
	int32_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int32_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int32_t		mp = (5 * doy + 2) / 153;
	int32_t		d = doy - (153 * mp + 2) / 5 + 1;
	int32_t		m = mp < 10 ? mp + 3 : mp - 9;

	*year = (int) (yoe + era * 400 + (m <= 2));
	*month = (int) m;
	*day = (int) d;
}

int
nk_weekday(int32_t days)
{
	/* 1970-01-01 was a Thursday */
	int32_t		w = (days + 3) % 7;

	return (int) (w < 0 ? w + 7 : w);
}

int32_t
nk_week_start(int32_t days)
{
	return days - nk_weekday(days);
}

void
nk_iso_week(int32_t days, int *iso_year, int *week)
{
	/* the ISO year is the year of the Thursday of the week */
	int32_t		thursday = nk_week_start(days) + 3;
	int			y,
				m,
				d;

	nk_civil_from_days(thursday, &y, &m, &d);
	*iso_year = y;
	*week = (int) ((thursday - nk_days_from_civil(y, 1, 1)) / 7 + 1);
}

/* ---------------------------------------------------------------- names */

typedef struct name_entry
{
	const char *name;
	size_t		len;
	int			value;
} name_entry;

#define NAME(name, value) {name, sizeof(name) - 1, value}

static const name_entry month_names[] = {
	NAME("january", 1), NAME("jan", 1), NAME("february", 2), NAME("feb", 2), NAME("march", 3),
	NAME("mar", 3), NAME("april", 4), NAME("apr", 4), NAME("may", 5), NAME("june", 6),
	NAME("jun", 6), NAME("july", 7), NAME("jul", 7), NAME("august", 8), NAME("aug", 8),
	NAME("september", 9), NAME("sept", 9), NAME("sep", 9), NAME("october", 10), NAME("oct", 10),
	NAME("november", 11), NAME("nov", 11), NAME("december", 12), NAME("dec", 12), {NULL, 0, 0}
};

static const name_entry weekday_names[] = {
	NAME("monday", 0), NAME("mon", 0), NAME("tuesday", 1), NAME("tue", 1), NAME("tues", 1),
	NAME("wednesday", 2), NAME("wed", 2), NAME("thursday", 3), NAME("thu", 3), NAME("thur", 3),
	NAME("thurs", 3), NAME("friday", 4), NAME("fri", 4), NAME("saturday", 5), NAME("sat", 5),
	NAME("sunday", 6), NAME("sun", 6), {NULL, 0, 0}
};

int
nk_month_of_token(const nk_token *t)
{
	if (t->kind != NK_TOKEN_WORD || !(t->flags & NK_TOKEN_CAPITALIZED))
		return 0;
	return nk_month_from_word(t->fold, t->fold_len);
}

int
nk_weekday_of_token(const nk_token *t)
{
	if (t->kind != NK_TOKEN_WORD || !(t->flags & NK_TOKEN_CAPITALIZED))
		return -1;
	return nk_weekday_from_word(t->fold, t->fold_len);
}

/* the time-zone table, compiled from data/dates/zones.tsv */
#include "nk_dates_zones.h"

/* Whether name (of name_len bytes) is the folded word fold[0..len). */
static bool
name_is(const char *name, size_t name_len, const char *fold, size_t len)
{
	return name_len == len && len > 0 && name[0] == fold[0] && memcmp(name, fold, len) == 0;
}

static const name_entry *
find_name(const name_entry *table, const char *fold, size_t len)
{
	for (; table->name; table++)
		if (name_is(table->name, table->len, fold, len))
			return table;
	return NULL;
}

#define LETTER(c) (1u << ((c) - 'a'))
#define MONTH_LETTERS (LETTER('j') | LETTER('f') | LETTER('m') | LETTER('a') | LETTER('s') | \
					   LETTER('o') | LETTER('n') | LETTER('d'))
#define WEEKDAY_LETTERS (LETTER('m') | LETTER('t') | LETTER('w') | LETTER('f') | LETTER('s'))

/* Whether a word of len bytes from fold can be in a table of names with those first letters. */
static bool
may_be_name(const char *fold, size_t len, uint32_t first_letters)
{
	unsigned	first;

	if (len < 3 || len > 9)
		return false;
	first = (unsigned char) fold[0] - 'a';
	return first < 26 && (first_letters & (1u << first));
}

int
nk_month_from_word(const char *fold, size_t len)
{
	const name_entry *e = may_be_name(fold, len, MONTH_LETTERS) ? find_name(month_names, fold, len) : NULL;

	return e ? e->value : 0;
}

int
nk_weekday_from_word(const char *fold, size_t len)
{
	const name_entry *e = may_be_name(fold, len, WEEKDAY_LETTERS) ? find_name(weekday_names, fold, len) : NULL;

	return e ? e->value : -1;
}

/* A month or weekday name written out in full: the only names taken in lower case. */
static bool
full_name(const char *fold, size_t len, size_t shortest)
{
	return len >= shortest || (len == 3 && memcmp(fold, "may", 3) == 0) ||
		(len == 4 && (memcmp(fold, "june", 4) == 0 || memcmp(fold, "july", 4) == 0));
}

/* The longest name of value in table: the full one. */
static const char *
longest_name(const name_entry *table, int value)
{
	const name_entry *best = NULL;

	for (; table->name; table++)
		if (table->value == value && (!best || table->len > best->len))
			best = table;
	return best ? best->name : NULL;
}

const char *
nk_month_name(int month)
{
	return longest_name(month_names, month);
}

const char *
nk_weekday_name(int weekday)
{
	return longest_name(weekday_names, weekday);
}

int
nk_month_of_token_any_case(const nk_token *t)
{
	if (t->kind != NK_TOKEN_WORD)
		return 0;
	if (t->flags & NK_TOKEN_CAPITALIZED)
		return nk_month_from_word(t->fold, t->fold_len);
	/* "march" is the shortest full name of five letters or more */
	return full_name(t->fold, t->fold_len, 5) ? nk_month_from_word(t->fold, t->fold_len) : 0;
}

int
nk_weekday_of_token_any_case(const nk_token *t)
{
	if (t->kind != NK_TOKEN_WORD)
		return -1;
	if (t->flags & NK_TOKEN_CAPITALIZED)
		return nk_weekday_from_word(t->fold, t->fold_len);
	/* "friday", "monday", "sunday" are the shortest full names */
	return t->fold_len >= 6 ? nk_weekday_from_word(t->fold, t->fold_len) : -1;
}

/*
 * Ordinal words and their values.  The tens ("twenty", "thirty") also begin
 * a compound with a unit ordinal: "twenty-first", "thirty first".
 */
static const name_entry ordinal_words[] = {
	NAME("first", 1), NAME("second", 2), NAME("third", 3), NAME("fourth", 4), NAME("fifth", 5),
	NAME("sixth", 6), NAME("seventh", 7), NAME("eighth", 8), NAME("ninth", 9), NAME("tenth", 10),
	NAME("eleventh", 11), NAME("twelfth", 12), NAME("thirteenth", 13), NAME("fourteenth", 14),
	NAME("fifteenth", 15), NAME("sixteenth", 16), NAME("seventeenth", 17),
	NAME("eighteenth", 18), NAME("nineteenth", 19), NAME("twentieth", 20),
	NAME("thirtieth", 30), {NULL, 0, 0}
};

static const name_entry tens_words[] = {
	NAME("twenty", 20), NAME("thirty", 30), {NULL, 0, 0}
};

/* The value of a day written as a number with its suffix: "21st", "3rd"; 0 otherwise. */
static int
digit_ordinal(const nk_token *t)
{
	int			v = 0;
	size_t		k = 0;

	if (t->kind != NK_TOKEN_WORD || !(t->flags & NK_TOKEN_HAS_DIGIT))
		return 0;
	while (k < t->fold_len && k < 2 && t->fold[k] >= '0' && t->fold[k] <= '9')
		v = v * 10 + (t->fold[k++] - '0');
	if (k == 0 || t->fold_len != k + 2)
		return 0;
	if (strcmp(t->fold + k, "st") != 0 && strcmp(t->fold + k, "nd") != 0 &&
		strcmp(t->fold + k, "rd") != 0 && strcmp(t->fold + k, "th") != 0)
		return 0;
	return v >= 1 && v <= 31 ? v : 0;
}

int
nk_ordinal_at(const nk_token *tokens, size_t ntokens, size_t i, size_t *next)
{
	const nk_token *t;
	const name_entry *e;
	int			v;

	if (i >= ntokens)
		return 0;
	t = &tokens[i];
	if ((v = digit_ordinal(t)) > 0)
	{
		*next = i + 1;
		return v;
	}
	/* the ordinal words and tens begin with e, f, n, s or t */
	if (t->kind != NK_TOKEN_WORD || t->fold_len < 5 || t->fold_len > 11 ||
		!(t->fold[0] == 'e' || t->fold[0] == 'f' || t->fold[0] == 'n' || t->fold[0] == 's' ||
		  t->fold[0] == 't'))
		return 0;
	if ((e = find_name(ordinal_words, t->fold, t->fold_len)) != NULL)
	{
		*next = i + 1;
		return e->value;
	}
	if ((e = find_name(tens_words, t->fold, t->fold_len)) != NULL)
	{
		size_t		j = i + 1;
		const name_entry *u;

		/* twenty-first: the hyphen joins the words without spaces */
		if (j < ntokens && tokens[j].kind == NK_TOKEN_PUNCT && nk_token_is(&tokens[j], "-") &&
			!(tokens[j].flags & NK_TOKEN_SPACE_BEFORE))
			j++;
		if (j < ntokens && tokens[j].kind == NK_TOKEN_WORD &&
			(u = find_name(ordinal_words, tokens[j].fold, tokens[j].fold_len)) != NULL &&
			u->value <= 9 && e->value + u->value <= 31)
		{
			*next = j + 1;
			return e->value + u->value;
		}
	}
	return 0;
}

static bool
find_zone(const nk_zone_name *table, const char *fold, size_t len, int *utc_offset)
{
	for (; table->name; table++)
		if (name_is(table->name, table->len, fold, len))
		{
			*utc_offset = table->utc_offset;
			return true;
		}
	return false;
}

bool
nk_zone_from_word(const char *fold, size_t len, int *utc_offset)
{
	return find_zone(nk_zone_abbreviations, fold, len, utc_offset);
}

bool
nk_zone_of_place(const char *fold, size_t len, int *utc_offset)
{
	return find_zone(nk_dateline_places, fold, len, utc_offset);
}

/* ---------------------------------------------------------------- grammar */

/* The tokens of one parse and where it has got to. */
typedef struct cursor
{
	const char *text;
	size_t		text_len;
	const nk_token *tok;
	size_t		n;
} cursor;

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Read at most maxd ASCII digits at s[*p]; return how many were read. */
static int
read_digits(const char *s, size_t len, size_t *p, int maxd, int *value)
{
	int			n = 0;

	*value = 0;
	while (*p < len && n < maxd && is_digit(s[*p]))
	{
		*value = *value * 10 + (s[*p] - '0');
		(*p)++;
		n++;
	}
	return n;
}

/* The value of a NUMBER token of only ASCII digits, at most maxd of them; -1 otherwise. */
static int
plain_number(const cursor *c, size_t i, int maxd, int *ndigits)
{
	const nk_token *t;
	int			v = 0;

	if (i >= c->n)
		return -1;
	t = &c->tok[i];
	if (t->kind != NK_TOKEN_NUMBER || t->len == 0 || t->len > (size_t) maxd)
		return -1;
	for (size_t k = 0; k < t->len; k++)
	{
		char		ch = c->text[t->start + k];

		nk_interrupt_tick();
		if (!is_digit(ch))
			return -1;
		v = v * 10 + (ch - '0');
	}
	if (ndigits)
		*ndigits = (int) t->len;
	return v;
}

/* A day of the month: "13" or "13th"; 0 when the token is none. */
static int
day_token(const cursor *c, size_t i)
{
	int			v;

	if (i >= c->n)
		return 0;
	if (c->tok[i].kind == NK_TOKEN_NUMBER)
	{
		v = plain_number(c, i, 2, NULL);
		return v >= 1 && v <= 31 ? v : 0;
	}
	return digit_ordinal(&c->tok[i]);
}

/*
 * A day written in ordinal words after its month ("June fourth"), not the
 * start of a compound or a noun phrase ("June second-round talks", "in May
 * first time buyers").
 */
static const char *const not_after_ordinal[] = {
	"time", "times", "round", "quarter", "half", "anniversary", "place", "day", "week", "month",
	"year", "phase", "stage", "term", "lady", "ever", "largest", "biggest", "such", NULL
};

static int
day_words_after_month(const cursor *c, size_t i, size_t *next)
{
	size_t		j;
	int			d;

	if (i >= c->n || c->tok[i].kind != NK_TOKEN_WORD || (c->tok[i].flags & NK_TOKEN_HAS_DIGIT))
		return 0;
	d = nk_ordinal_at(c->tok, c->n, i, &j);
	if (!d)
		return 0;
	if (j < c->n && c->tok[j].kind == NK_TOKEN_PUNCT && nk_token_is(&c->tok[j], "-") &&
		!(c->tok[j].flags & NK_TOKEN_SPACE_BEFORE))
		return 0;
	if (j < c->n && c->tok[j].kind == NK_TOKEN_WORD)
		for (const char *const *w = not_after_ordinal; *w; w++)
			if (nk_token_is(&c->tok[j], *w))
				return 0;
	*next = j;
	return d;
}

/* A four-digit year. */
static int
year_token(const cursor *c, size_t i)
{
	int			nd = 0;
	int			v = plain_number(c, i, 4, &nd);

	return nd == 4 && v >= 1000 ? v : 0;
}

/*
 * Words after which a lower-case "march" or "may" is the month, not the verb:
 * prepositions and the words of a part of a month ("since may", "early march").
 */
static const char *const before_lower_month[] = {
	"on", "in", "since", "by", "until", "till", "from", "of", "before", "after", "during",
	"through", "between", "and", "or", "early", "mid", "late", "last", "next", "this",
	"around", "circa", NULL
};

/*
 * A month name at token i: capitalised, or written out in lower case; a
 * lower-case "march" or "may" only after a number or one of the words above
 * ("3 march", "on may 3"), not after a subject ("troops march", "they may").
 */
static int
month_token(const cursor *c, size_t i)
{
	const nk_token *t;
	int			m;

	if (i >= c->n)
		return 0;
	t = &c->tok[i];
	m = nk_month_of_token_any_case(t);
	if (!m || (t->flags & NK_TOKEN_CAPITALIZED) || (m != 3 && m != 5))
		return m;
	/* the modal never takes a number: "may 3" is the month after any word */
	if (m == 5 && i + 1 < c->n && c->tok[i + 1].kind == NK_TOKEN_NUMBER)
		return m;
	if (i == 0 || c->tok[i - 1].kind == NK_TOKEN_NUMBER || digit_ordinal(&c->tok[i - 1]) ||
		(c->tok[i - 1].kind == NK_TOKEN_PUNCT && !nk_token_is(&c->tok[i - 1], ",")))
		return m;
	if (c->tok[i - 1].kind == NK_TOKEN_WORD)
		for (const char *const *w = before_lower_month; *w; w++)
			if (nk_token_is(&c->tok[i - 1], *w))
				return m;
	return 0;
}

/*
 * A month abbreviated in lower case ("jan", "sept."), taken only next to a
 * day: "jan 5", "12 sept 2021"; not "mar".
 */
static int
lower_abbrev_month(const cursor *c, size_t i)
{
	const nk_token *t;

	if (i >= c->n)
		return 0;
	t = &c->tok[i];
	/* "mar" is the verb ("critics mar 3 games") as often as the month */
	if (t->kind != NK_TOKEN_WORD || (t->flags & NK_TOKEN_CAPITALIZED) || t->fold_len > 4 ||
		full_name(t->fold, t->fold_len, 5) || nk_token_is(t, "mar"))
		return 0;
	return nk_month_from_word(t->fold, t->fold_len);
}

static int
weekday_token(const cursor *c, size_t i)
{
	return i < c->n ? nk_weekday_of_token_any_case(&c->tok[i]) : -1;
}

static bool
punct_is(const cursor *c, size_t i, const char *p)
{
	return i < c->n && c->tok[i].kind == NK_TOKEN_PUNCT && nk_token_is(&c->tok[i], p);
}

static bool
word_is(const cursor *c, size_t i, const char *w)
{
	return i < c->n && c->tok[i].kind == NK_TOKEN_WORD && nk_token_is(&c->tok[i], w);
}

static bool
is_dash(const cursor *c, size_t i)
{
	return punct_is(c, i, "-") || punct_is(c, i, "--");
}

/* Index of the first token starting at or after byte pos. */
static size_t
token_at(const cursor *c, size_t from, size_t pos)
{
	while (from < c->n && c->tok[from].start < pos)
		from++;
	return from;
}

static size_t
token_end(const cursor *c, size_t i)
{
	return c->tok[i].start + c->tok[i].len;
}

/*
 * Read a numeric UTC offset at text[*p]: +09:00, +0900, +09, -5, +5:30.
 * Hours up to 14.
 */
static bool
read_offset(const cursor *c, size_t *p, int *offset)
{
	size_t		q = *p;
	int			sign,
				h,
				m = 0,
				nd;

	if (q >= c->text_len || (c->text[q] != '+' && c->text[q] != '-'))
		return false;
	sign = c->text[q] == '-' ? -1 : 1;
	q++;
	nd = read_digits(c->text, c->text_len, &q, 4, &h);
	if (nd == 0 || nd == 3)
		return false;
	if (nd == 4)
	{
		m = h % 100;
		h /= 100;
	}
	else if (q < c->text_len && c->text[q] == ':')
	{
		size_t		r = q + 1;

		if (read_digits(c->text, c->text_len, &r, 2, &m) != 2)
			return false;
		q = r;
	}
	if (q < c->text_len && is_digit(c->text[q]))
		return false;
	if (h > 14 || m > 59)
		return false;
	*offset = sign * (h * 60 + m);
	*p = q;
	return true;
}

/*
 * A zone after a time, starting at token i: "CET", "(KST)", "+0900",
 * "+09:00", "UTC+9".  Sets *next and *end on success.
 */
static bool
parse_zone(const cursor *c, size_t i, nk_datetime *dt, size_t *next, size_t *end)
{
	size_t		j = i;
	bool		paren = false;
	int			off;

	if (i >= c->n)
		return false;
	if (c->tok[i].kind == NK_TOKEN_PUNCT && (nk_token_is(&c->tok[i], "+") ||
											 nk_token_is(&c->tok[i], "-")))
	{
		size_t		p = c->tok[i].start;

		if (!read_offset(c, &p, &off))
			return false;
		dt->utc_offset = off;
		dt->has_zone = true;
		*end = p;
		*next = token_at(c, i, p);
		return true;
	}
	if (punct_is(c, j, "(") && j + 2 < c->n && punct_is(c, j + 2, ")"))
	{
		paren = true;
		j++;
	}
	if (c->tok[j].kind != NK_TOKEN_WORD || !(c->tok[j].flags & NK_TOKEN_ALL_CAPS) ||
		!nk_zone_from_word(c->tok[j].fold, c->tok[j].fold_len, &off))
		return false;
	*end = token_end(c, j);
	/* UTC+9, GMT+5:30 */
	if (!paren && off == 0 && j + 1 < c->n && !(c->tok[j + 1].flags & NK_TOKEN_SPACE_BEFORE))
	{
		size_t		p = c->tok[j + 1].start;
		int			extra;

		if (read_offset(c, &p, &extra))
		{
			off = extra;
			*end = p;
		}
	}
	dt->utc_offset = off;
	dt->has_zone = true;
	if (paren)
		*end = token_end(c, j + 1);
	*next = token_at(c, j, *end);
	return true;
}

/* "am", "pm", "a.m.", "p.m." as a whole fold or as the tail of one ("46am"). */
static int
meridiem(const char *fold, size_t len)
{
	if ((len == 2 && strcmp(fold, "am") == 0) || (len == 3 && strcmp(fold, "a.m") == 0))
		return 1;
	if ((len == 2 && strcmp(fold, "pm") == 0) || (len == 3 && strcmp(fold, "p.m") == 0))
		return 2;
	return 0;
}

static bool
apply_meridiem(int *hour, int m)
{
	if (*hour < 1 || *hour > 12)
		return false;
	if (m == 1 && *hour == 12)
		*hour = 0;
	else if (m == 2 && *hour != 12)
		*hour += 12;
	return true;
}

/* A number token, or a word of digits and am/pm ("46am"); its meridiem goes to *mer. */
static int
number_meridiem(const cursor *c, size_t i, int maxd, int *nd, int *mer)
{
	const nk_token *t;
	size_t		k = 0;
	int			v = 0;

	*mer = 0;
	if (i >= c->n)
		return -1;
	t = &c->tok[i];
	if (t->kind == NK_TOKEN_NUMBER)
		return plain_number(c, i, maxd, nd);
	if (t->kind != NK_TOKEN_WORD || !(t->flags & NK_TOKEN_HAS_DIGIT))
		return -1;
	while (k < t->fold_len && is_digit(t->fold[k]))
	{
		/* count every digit, but only the first maxd can make a value */
		if (k < (size_t) maxd)
			v = v * 10 + (t->fold[k] - '0');
		k++;
	}
	if (k == 0 || k > (size_t) maxd)
		return -1;
	*mer = meridiem(t->fold + k, t->fold_len - k);
	if (*mer == 0)
		return -1;
	*nd = (int) k;
	return v;
}

/*
 * A time of day at token i: 15:46, 3:46 PM, 11:00:23 AM, 5 p.m., then a
 * zone.
 */
static bool
parse_time(const cursor *c, size_t i, nk_datetime *dt, size_t *next, size_t *end)
{
	int			nd = 0,
				mer = 0,
				h,
				m = 0,
				s = 0;
	size_t		j;

	h = number_meridiem(c, i, 2, &nd, &mer);
	if (h < 0)
		return false;
	j = i + 1;
	if (mer == 0 && punct_is(c, j, ":") && j + 1 < c->n &&
		!(c->tok[j].flags & NK_TOKEN_SPACE_BEFORE) &&
		!(c->tok[j + 1].flags & NK_TOKEN_SPACE_BEFORE))
	{
		m = number_meridiem(c, j + 1, 2, &nd, &mer);
		if (m < 0 || nd != 2 || m > 59)
			return false;
		j += 2;
		if (mer == 0 && punct_is(c, j, ":") && j + 1 < c->n &&
			!(c->tok[j + 1].flags & NK_TOKEN_SPACE_BEFORE))
		{
			s = number_meridiem(c, j + 1, 2, &nd, &mer);
			if (s < 0 || nd != 2 || s > 60)
				return false;
			j += 2;
		}
	}
	else if (mer == 0)
	{
		/* an hour alone needs its am/pm: "5 p.m." */
		if (j >= c->n || c->tok[j].kind != NK_TOKEN_WORD ||
			!meridiem(c->tok[j].fold, c->tok[j].fold_len))
			return false;
	}
	if (mer == 0 && j < c->n && c->tok[j].kind == NK_TOKEN_WORD)
	{
		mer = meridiem(c->tok[j].fold, c->tok[j].fold_len);
		if (mer)
			j++;
	}
	if (mer && !apply_meridiem(&h, mer))
		return false;
	if (h > 23)
		return false;
	dt->hour = h;
	dt->minute = m;
	dt->second = s;
	*end = token_end(c, j - 1);
	*next = j;
	parse_zone(c, j, dt, next, end);
	return true;
}

/*
 * A time from the bytes after an ISO date's "T": 07:30, 07:30:00, 07:30:00.123,
 * then Z or an offset.
 */
static bool
parse_raw_time(const cursor *c, size_t *p, nk_datetime *dt)
{
	size_t		q = *p;
	int			h,
				m,
				s = 0,
				off;

	if (read_digits(c->text, c->text_len, &q, 2, &h) != 2 || q >= c->text_len || c->text[q] != ':')
		return false;
	q++;
	if (read_digits(c->text, c->text_len, &q, 2, &m) != 2)
		return false;
	if (q + 1 < c->text_len && c->text[q] == ':' && is_digit(c->text[q + 1]))
	{
		q++;
		if (read_digits(c->text, c->text_len, &q, 2, &s) != 2)
			return false;
		if (q + 1 < c->text_len && c->text[q] == '.' && is_digit(c->text[q + 1]))
		{
			q++;
			while (q < c->text_len && is_digit(c->text[q]))
				q++;
		}
	}
	if (h > 23 || m > 59 || s > 60)
		return false;
	dt->hour = h;
	dt->minute = m;
	dt->second = s;
	if (q < c->text_len && c->text[q] == 'Z')
	{
		dt->has_zone = true;
		dt->utc_offset = 0;
		q++;
	}
	else if (read_offset(c, &q, &off))
	{
		dt->has_zone = true;
		dt->utc_offset = off;
	}
	*p = q;
	return true;
}

/* A two-digit year: 00-49 are 2000-2049, 50-99 are 1950-1999. */
static int
two_digit_year(int yy)
{
	return yy < 50 ? 2000 + yy : 1900 + yy;
}

/*
 * A numeric date from the bytes of token i: 2023-09-13 (then T and a time),
 * 16-05-2024, 9/13/2023, 16.05.2024.  Day-first and month-first orders are
 * told apart by a part above 12, or by dots, which only day-first writers use.
 */
static bool
parse_numeric_date(const cursor *c, size_t i, nk_datetime *dt, size_t *next, size_t *end)
{
	const char *s = c->text;
	size_t		len = c->text_len;
	size_t		q = c->tok[i].start;
	int			a,
				b,
				v,
				na,
				nb,
				nv;
	char		sep;

	na = read_digits(s, len, &q, 4, &a);
	if (q >= len || (s[q] != '-' && s[q] != '/' && s[q] != '.'))
		return false;
	sep = s[q++];
	nb = read_digits(s, len, &q, 2, &b);
	if (nb == 0 || q >= len || s[q] != sep)
		return false;
	q++;
	nv = read_digits(s, len, &q, 4, &v);
	if (nv == 0 || (q < len && is_digit(s[q])))
		return false;
	/* 1-2-3-4 or 2023-09-13-07 is no date */
	if (q + 1 < len && s[q] == sep && is_digit(s[q + 1]))
		return false;
	if (na == 4 && nv <= 2 && sep != '.')
	{
		dt->year = a;
		dt->month = b;
		dt->day = v;
	}
	else if (na <= 2 && nv == 4)
	{
		dt->year = v;
		/* 05.06.2021: dots are the day-first countries' separator */
		if ((a > 12 && b <= 12) || (sep == '.' && b <= 12))
		{
			dt->day = a;
			dt->month = b;
		}
		else if (b > 12 && a <= 12)
		{
			dt->month = a;
			dt->day = b;
		}
		else if (a == b)
			dt->day = dt->month = a;
		else
			return false;
	}
	else if (na <= 2 && nv == 2 && sep != '.')
	{
		/* 11/30/79: the two-digit year, month and day told apart as above */
		dt->year = two_digit_year(v);
		dt->short_year = true;
		if (a > 12 && b <= 12)
		{
			dt->day = a;
			dt->month = b;
		}
		else if (b > 12 && a <= 12)
		{
			dt->month = a;
			dt->day = b;
		}
		else if (a == b)
			dt->day = dt->month = a;
		else
			return false;
	}
	else
		return false;
	if (!nk_valid_civil(dt->year, dt->month, dt->day))
		return false;
	if (na == 4 && q + 1 < len && s[q] == 'T' && is_digit(s[q + 1]))
	{
		size_t		r = q + 1;

		if (parse_raw_time(c, &r, dt))
			q = r;
	}
	*end = q;
	*next = token_at(c, i, q);
	return true;
}

/*
 * The year that may follow a day and month, at token j: "2023", ", 2023" or,
 * when dash, "- 2023"; a two-digit year after an apostrophe ("'98") or, when
 * bare2, a bare one ("4 Jun 98") that ends the phrase (not "4 June 98 people").
 * Sets dt->year and *end when there is one; returns the token after what was read.
 */
static size_t
optional_year(const cursor *c, size_t j, bool dash, bool bare2, nk_datetime *dt, size_t *end)
{
	int			y,
				nd = 0;
	size_t		k = j;

	if ((punct_is(c, j, ",") || (dash && is_dash(c, j))) && year_token(c, j + 1))
		j++;
	y = year_token(c, j);
	if (y)
	{
		dt->year = y;
		*end = token_end(c, j);
		return j + 1;
	}
	j = k;
	if (punct_is(c, j, ",") && (punct_is(c, j + 1, "'") || punct_is(c, j + 1, "\xe2\x80\x99")))
		j++;
	if ((punct_is(c, j, "'") || punct_is(c, j, "\xe2\x80\x99")) && j + 1 < c->n &&
		!(c->tok[j + 1].flags & NK_TOKEN_SPACE_BEFORE) &&
		(y = plain_number(c, j + 1, 2, &nd)) >= 0 && nd == 2)
	{
		dt->year = two_digit_year(y);
		dt->short_year = true;
		*end = token_end(c, j + 1);
		return j + 2;
	}
	j = k;
	if (bare2 && (y = plain_number(c, j, 2, &nd)) >= 0 && nd == 2 &&
		(j + 1 >= c->n || (c->tok[j + 1].flags & NK_TOKEN_LINE_BEFORE) ||
		 punct_is(c, j + 1, ",") || punct_is(c, j + 1, ".") || punct_is(c, j + 1, ";") ||
		 punct_is(c, j + 1, ")")))
	{
		dt->year = two_digit_year(y);
		dt->short_year = true;
		*end = token_end(c, j);
		return j + 1;
	}
	return k;
}

/*
 * The date itself at token i, without the time: the numeric forms, day-month
 * and month-day orders, with or without a year, and month-year when
 * allow_month_year.
 */
static bool
parse_date_core(const cursor *c, size_t i, bool allow_month_year,
				nk_datetime *dt, size_t *next, size_t *end)
{
	size_t		j;
	int			d,
				m,
				y;

	if (i >= c->n)
		return false;
	if (c->tok[i].kind == NK_TOKEN_NUMBER && parse_numeric_date(c, i, dt, next, end))
		return true;

	/* 13 September 2023, 13th of September, the fourth of July */
	d = day_token(c, i);
	j = i + 1;
	if (!d && c->tok[i].kind == NK_TOKEN_WORD && (d = nk_ordinal_at(c->tok, c->n, i, &j)) > 0 &&
		!word_is(c, j, "of"))
		return false;
	if (d)
	{
		if (word_is(c, j, "of"))
			j++;
		m = month_token(c, j);
		if (!m && !word_is(c, j - 1, "of"))
			m = lower_abbrev_month(c, j);
		if (!m)
			return false;
		dt->day = d;
		dt->month = m;
		*end = token_end(c, j);
		*next = optional_year(c, j + 1, false, true, dt, end);
		return true;
	}

	/* September 13, 2023; Sep.12 - 2023; June. 20, 2024; Sept. 13; July 2000 */
	m = month_token(c, i);
	j = i + 1;
	if (!m && (m = lower_abbrev_month(c, i)) != 0)
	{
		/* only with its day right after it */
		allow_month_year = false;
		if (!day_token(c, j))
			return false;
	}
	if (!m)
		return false;
	if (punct_is(c, j, ".") && !(c->tok[j].flags & NK_TOKEN_SPACE_BEFORE))
		j++;
	d = day_token(c, j);
	/* a day must not run on into a time or a decimal: "May 3:30" */
	if (d && (punct_is(c, j + 1, ":") && !(c->tok[j + 1].flags & NK_TOKEN_SPACE_BEFORE)))
		d = 0;
	if (d)
	{
		dt->month = m;
		dt->day = d;
		*end = token_end(c, j);
		*next = optional_year(c, j + 1, true, false, dt, end);
		return true;
	}
	/* June fourth, July twenty-first */
	if ((d = day_words_after_month(c, j, &j)) > 0)
	{
		dt->month = m;
		dt->day = d;
		*end = token_end(c, j - 1);
		*next = optional_year(c, j, false, false, dt, end);
		return true;
	}
	if (!allow_month_year)
		return false;
	j = i + 1;
	if (punct_is(c, j, ",") || word_is(c, j, "of"))
		j++;
	y = year_token(c, j);
	if (!y)
		return false;
	dt->month = m;
	dt->day = 0;
	dt->year = y;
	*end = token_end(c, j);
	*next = j + 1;
	return true;
}

/* A separator between a date and its time: , - | at @ (or none). */
static size_t
skip_time_separator(const cursor *c, size_t j)
{
	if (punct_is(c, j, ",") || is_dash(c, j) || punct_is(c, j, "|") ||
		punct_is(c, j, "\xe2\x80\x93") || punct_is(c, j, "\xe2\x80\x94") ||
		punct_is(c, j, "@") || word_is(c, j, "at") || punct_is(c, j, "/"))
		return j + 1;
	return j;
}

static bool
date_is_real(const nk_datetime *dt)
{
	if (dt->year)
	{
		if (dt->day == 0)
			return dt->year >= NK_YEAR_MIN && dt->year <= NK_YEAR_MAX;
		return nk_valid_civil(dt->year, dt->month, dt->day);
	}
	/* without a year, a day that some year has (Feb 29 in a leap year) */
	return dt->day >= 1 && dt->day <= nk_days_in_month(2000, dt->month);
}

/* An optional weekday and comma, then the date. */
static bool
parse_weekday_date(const cursor *c, size_t i, bool allow_month_year,
				   nk_datetime *dt, size_t *next, size_t *end)
{
	if ((dt->weekday = weekday_token(c, i)) >= 0)
	{
		size_t		j = i + 1;

		if (punct_is(c, j, ".") && !(c->tok[j].flags & NK_TOKEN_SPACE_BEFORE))
			j++;
		if (punct_is(c, j, ","))
			j++;
		return parse_date_core(c, j, false, dt, next, end);
	}
	return parse_date_core(c, i, allow_month_year, dt, next, end);
}

bool
nk_parse_datetime(const char *text, const nk_token *tokens, size_t ntokens,
				  size_t first, bool allow_month_year,
				  nk_datetime *out, size_t *next, nk_span *where)
{
	cursor		c;
	nk_datetime dt;
	size_t		j,
				end,
				tj,
				tend;
	size_t		start;

	if (first >= ntokens)
		return false;
	c.text = text;
	c.tok = tokens;
	c.n = ntokens;
	c.text_len = tokens[ntokens - 1].start + tokens[ntokens - 1].len;
	start = tokens[first].start;
	memset(&dt, 0, sizeof(dt));
	dt.hour = -1;
	dt.weekday = -1;

	if (parse_weekday_date(&c, first, allow_month_year, &dt, &j, &end))
	{
		if (!date_is_real(&dt))
			return false;
		/* 1 October 2023, Sunday */
		if (dt.year && dt.day && punct_is(&c, j, ",") && weekday_token(&c, j + 1) >= 0 &&
			(j + 2 >= c.n || c.tok[j + 2].kind == NK_TOKEN_PUNCT ||
			 (c.tok[j + 2].flags & NK_TOKEN_LINE_BEFORE)))
		{
			dt.weekday = weekday_token(&c, j + 1);
			end = token_end(&c, j + 1);
			j += 2;
		}
		/* the time after it, when the date is a whole one */
		if (dt.day && dt.hour < 0)
		{
			nk_datetime tdt = dt;
			size_t		k = skip_time_separator(&c, j);

			if (parse_time(&c, k, &tdt, &tj, &tend))
			{
				dt = tdt;
				j = tj;
				end = tend;
			}
		}
	}
	else
	{
		/* a time first: "11:14, October 20, 2023", "10:21 AM EDT, Wed September 13, 2023" */
		nk_datetime tdt = dt;
		size_t		k;

		if (!parse_time(&c, first, &tdt, &tj, &tend))
			return false;
		k = skip_time_separator(&c, tj);
		if (!parse_weekday_date(&c, k, false, &tdt, &j, &end) || !date_is_real(&tdt))
			return false;
		dt = tdt;
	}
	*out = dt;
	*next = j;
	where->start = start;
	where->len = end - start;
	return true;
}

bool
nk_find_datetime(nk_arena *arena, const char *text, size_t len,
				 nk_datetime *out, nk_span *where)
{
	nk_token_list tokens = {0};

	nk_tokenize(arena, text, len, &tokens);
	for (size_t i = 0; i < tokens.count; i++)
	{
		size_t		next;

		if ((i & 1023) == 1023)
			nk_check_interrupts();
		if (nk_parse_datetime(text, tokens.items, tokens.count, i, false, out, &next, where) &&
			out->day > 0)
			return true;
	}
	return false;
}
