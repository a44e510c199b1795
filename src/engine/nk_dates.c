/*
 * nk_dates.c
 *	  Find time expressions in a document and place them on the calendar.
 *
 * One left-to-right pass over the tokens tries, at each token, the readers of
 * one expression each: ranges ("between 2019 and 2023", "June 18-19"),
 * absolute dates through the shared grammar of nk_calendar.c, years and
 * decades, weekdays, relative expressions ("last month", "four years ago")
 * and vague ones ("recently").  The first reader that matches consumes its
 * tokens.
 *
 * Weekdays and dates without a year are resolved by the tense of their
 * clause: past tense takes the latest such day on or before the reference
 * day, future tense (will, is to, is scheduled, plans to, going to, present
 * progressive) the next one on or after it; no tense reads as past, as news
 * copy mostly reports.
 */
#include "nk_dates.h"

#include <string.h>

typedef enum tense
{
	TENSE_PAST = -1,
	TENSE_NONE = 0,
	TENSE_FUTURE = 1
} tense;

typedef enum season
{
	SEASON_NONE,
	SEASON_SPRING,
	SEASON_SUMMER,
	SEASON_AUTUMN,
	SEASON_WINTER
} season;

/* One expression a reader found. */
typedef struct found
{
	size_t		first;			/* first token */
	size_t		next;			/* token after the last */
	size_t		end;			/* byte after the last */
	bool		resolved;
	int32_t		from,
				to;
	nk_precision precision;
	season		season;			/* of a season */
	const char *vague;			/* TIMEX of a vague expression */
} found;

typedef struct ctx
{
	nk_arena   *arena;
	const nk_doc *doc;
	const char *text;
	const nk_token *tok;
	size_t		n;
	bool		has_ref;
	int32_t		ref;			/* the reference day */
	int			ref_y,
				ref_m,
				ref_d;
	const uint32_t *word;		/* each token's word_class() */
	int8_t	   *tense;			/* each token's token_tense(), TENSE_UNKNOWN until asked */
} ctx;

/* ---------------------------------------------------------------- words */

/*
 * The word lists the readers test tokens against, as one hash table from
 * a folded word to the lists it is in (and its value as a count or a
 * unit), built on first use.  Each token is looked up once per document.
 */
#define W_STARTER		0x0001	/* could_start() */
#define W_PAST			0x0002	/* past_words */
#define W_NOT_PAST_ED	0x0004	/* not_past_ed */
#define W_FUTURE		0x0008	/* future_words */
#define W_BREAK			0x0010	/* clause_break() */
#define W_TRIGGER		0x0020	/* date_trigger() */
#define W_EVENT_NOUN	0x0040	/* event_nouns */
#define W_QUANTITY		0x0080	/* year_at() */
#define W_FOLLOWER		0x0100	/* read_ordinal_day() */
#define W_COUNT			0x0200	/* count_value(): the value in bits 16..23 */
#define W_UNIT			0x0400	/* unit_word(): the unit in bits 24..27 */
#define W_COUNT_VALUE(w)	((int) (((w) >> 16) & 0xFF))
#define W_UNIT_VALUE(w)		((int) (((w) >> 24) & 0x0F))

#define WORD_TABLE_SIZE 1024	/* a power of two, over twice the words */

typedef struct word_entry
{
	const char *word;			/* NULL for an empty slot */
	size_t		len;
	uint32_t	classes;
} word_entry;

static word_entry word_table[WORD_TABLE_SIZE];
static size_t word_max_len;
static bool word_table_built;

static void
word_add(const char *w, uint32_t classes)
{
	size_t		len = strlen(w);
	uint32_t	h = nk_hash_bytes(w, len) & (WORD_TABLE_SIZE - 1);

	while (word_table[h].word && !(word_table[h].len == len && memcmp(word_table[h].word, w, len) == 0))
		h = (h + 1) & (WORD_TABLE_SIZE - 1);
	word_table[h].word = w;
	word_table[h].len = len;
	word_table[h].classes |= classes;
	if (len > word_max_len)
		word_max_len = len;
}

static void
word_add_list(const char *const *list, uint32_t classes)
{
	for (; *list; list++)
		word_add(*list, classes);
}

/* The W_* classes of a folded word; 0 for one in no list. */
static uint32_t
word_class(const char *w, size_t len)
{
	uint32_t	h;

	if (len > word_max_len || len == 0)
		return 0;
	h = nk_hash_bytes(w, len) & (WORD_TABLE_SIZE - 1);
	while (word_table[h].word)
	{
		if (word_table[h].len == len && memcmp(word_table[h].word, w, len) == 0)
			return word_table[h].classes;
		h = (h + 1) & (WORD_TABLE_SIZE - 1);
	}
	return 0;
}

static void build_word_table(void);

/* Whether token i is the word (or the punctuation) w, a string literal. */
#define is_word(c, i, w) is_kind_n((c), (i), NK_TOKEN_WORD, (w), sizeof(w) - 1)
#define is_punct(c, i, w) is_kind_n((c), (i), NK_TOKEN_PUNCT, (w), sizeof(w) - 1)

static inline bool
is_kind_n(const ctx *c, size_t i, nk_token_kind kind, const char *w, size_t n)
{
	return i < c->n && c->tok[i].fold_len == n && c->tok[i].kind == kind &&
		memcmp(c->tok[i].fold, w, n) == 0;
}

/* Whether token i is in the word lists of class. */
static inline bool
in_class(const ctx *c, size_t i, uint32_t class)
{
	return (c->word[i] & class) != 0;
}

/* - – — between two tokens, with or without spaces */
static bool
is_range_dash(const ctx *c, size_t i)
{
	return is_punct(c, i, "-") || is_punct(c, i, "--") ||
		is_punct(c, i, "\xe2\x80\x93") || is_punct(c, i, "\xe2\x80\x94");
}

static bool
same_sentence(const ctx *c, size_t a, size_t b)
{
	return a < c->n && b < c->n && c->tok[a].sentence == c->tok[b].sentence;
}

static size_t
tok_end(const ctx *c, size_t i)
{
	return c->tok[i].start + c->tok[i].len;
}

/* Number words and their values, "a" and "an" counting one. */
static const char *const count_words[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
	"eighteen", "nineteen", "twenty", NULL
};

/* The value of a number written in digits (up to 9) or as a word ("four", "a"); -1 otherwise. */
static long
count_value(const ctx *c, size_t i)
{
	const nk_token *t;
	long		v = 0;

	if (i >= c->n)
		return -1;
	t = &c->tok[i];
	if (t->kind == NK_TOKEN_NUMBER)
	{
		if (t->len > 9)
			return -1;
		for (size_t k = 0; k < t->len; k++)
		{
			char		ch = c->text[t->start + k];

			if (ch < '0' || ch > '9')
				return -1;
			v = v * 10 + (ch - '0');
		}
		return v;
	}
	if (t->kind != NK_TOKEN_WORD || !in_class(c, i, W_COUNT))
		return -1;
	return W_COUNT_VALUE(c->word[i]);
}

typedef enum unit
{
	UNIT_NONE,
	UNIT_MINUTE,
	UNIT_HOUR,
	UNIT_DAY,
	UNIT_WEEK,
	UNIT_MONTH,
	UNIT_YEAR,
	UNIT_DECADE
} unit;

static const struct
{
	const char *w;
	unit		u;
}			unit_words[] = {
	{"minute", UNIT_MINUTE}, {"minutes", UNIT_MINUTE}, {"hour", UNIT_HOUR}, {"hours", UNIT_HOUR},
	{"day", UNIT_DAY}, {"days", UNIT_DAY}, {"week", UNIT_WEEK}, {"weeks", UNIT_WEEK},
	{"month", UNIT_MONTH}, {"months", UNIT_MONTH}, {"year", UNIT_YEAR}, {"years", UNIT_YEAR},
	{"decade", UNIT_DECADE}, {"decades", UNIT_DECADE}, {NULL, UNIT_NONE}
};

static unit
unit_word(const ctx *c, size_t i)
{
	if (i >= c->n || c->tok[i].kind != NK_TOKEN_WORD || !in_class(c, i, W_UNIT))
		return UNIT_NONE;
	return (unit) W_UNIT_VALUE(c->word[i]);
}

static season
season_word(const ctx *c, size_t i)
{
	if (is_word(c, i, "spring"))
		return SEASON_SPRING;
	if (is_word(c, i, "summer"))
		return SEASON_SUMMER;
	if (is_word(c, i, "autumn") || is_word(c, i, "fall"))
		return SEASON_AUTUMN;
	if (is_word(c, i, "winter"))
		return SEASON_WINTER;
	return SEASON_NONE;
}

/* A capitalised full weekday name ("Monday"); -1 otherwise. */
static int
weekday_at(const ctx *c, size_t i)
{
	return i < c->n && c->tok[i].fold_len >= 6 ? nk_weekday_of_token(&c->tok[i]) : -1;
}

/* A capitalised month name, full or abbreviated with its period; 0 otherwise. */
static int
month_at(const ctx *c, size_t i)
{
	const nk_token *t;

	if (i >= c->n)
		return 0;
	t = &c->tok[i];
	if (t->fold_len <= 4 && !(t->flags & NK_TOKEN_ABBREV) && !nk_token_is(t, "may") &&
		!nk_token_is(t, "june") && !nk_token_is(t, "july"))
		return 0;
	return nk_month_of_token(t);
}

/* ---------------------------------------------------------------- tense */

static const char *const past_words[] = {
	"was", "were", "had", "did", "said", "told", "met", "went", "came", "made", "took", "gave",
	"held", "left", "began", "saw", "sent", "flew", "spoke", "wrote", "brought", "fought",
	"thought", "knew", "led", "ran", "became", "got", "won", "lost", "hit", "broke", "chose",
	"drove", "fell", "felt", "found", "heard", "kept", "meant", "paid", "sat", "sold", "stood",
	"struck", "taught", "threw", "understood", "wore", "shot", "built", "bought", "caught",
	"spent", "swore", "forgot", "grew", "drew", "rose", "ago", "has", "have", "wasn't",
	"weren't", "didn't", "hadn't", NULL
};

/* past participles and adjectives that end in -ed without being a past */
static const char *const not_past_ed[] = {
	"scheduled", "expected", "planned", "slated", "need", "speed", "red", "bed", "seed", "feed",
	"hundred", "united", "indeed", "proceed", "exceed", "succeed", "embed", "shed", "based",
	"related", "armed", "advanced", "alleged", "so-called", "detailed", "limited", "concerned",
	"supposed", "sophisticated", "unprecedented", "isolated", NULL
};

static const char *const future_words[] = {
	"will", "shall", "would", "won't", "scheduled", "expected", "planned", "plans", "plan",
	"slated", "due", "upcoming", "intends", "aims", "hopes", "tomorrow", NULL
};

/* +1 for a future marker, -1 for a past one, 0 for neither. */
static int
token_tense_of(const ctx *c, size_t i)
{
	const nk_token *t = &c->tok[i];

	if (t->kind != NK_TOKEN_WORD || (t->flags & NK_TOKEN_CAPITALIZED && !(t->flags & NK_TOKEN_SENT_START)))
		return 0;
	if (in_class(c, i, W_FUTURE))
	{
		/* "had been expected", "was scheduled": a plan of the past */
		for (size_t k = i; k > 0 && k + 2 >= i; k--)
			if (is_word(c, k - 1, "was") || is_word(c, k - 1, "were") || is_word(c, k - 1, "had") ||
				is_word(c, k - 1, "been"))
				return -1;
		return 1;
	}
	if (t->fold_len > 3 && strcmp(t->fold + t->fold_len - 3, "'ll") == 0)
		return 1;
	/* going to, is to, are to, set to: a future */
	if ((nk_token_is(t, "going") || nk_token_is(t, "set") || nk_token_is(t, "is") ||
		 nk_token_is(t, "are")) && is_word(c, i + 1, "to"))
		return 1;
	/* is visiting, are meeting: the progressive of an arrangement */
	if ((nk_token_is(t, "is") || nk_token_is(t, "are") || nk_token_is(t, "am")) && i + 1 < c->n &&
		c->tok[i + 1].kind == NK_TOKEN_WORD && c->tok[i + 1].fold_len > 5 &&
		strcmp(c->tok[i + 1].fold + c->tok[i + 1].fold_len - 3, "ing") == 0)
		return 1;
	/* may, might: a possibility ahead, unless "may have" */
	if ((nk_token_is(t, "may") || nk_token_is(t, "might")) && !is_word(c, i + 1, "have"))
		return 1;
	/* a participle after "be" is no past: "will be held", "is to be signed" */
	if (i > 0 && is_word(c, i - 1, "be"))
		return 0;
	if (in_class(c, i, W_PAST))
		return -1;
	if (t->fold_len >= 4 && strcmp(t->fold + t->fold_len - 2, "ed") == 0 && !in_class(c, i, W_NOT_PAST_ED))
		return -1;
	return 0;
}

#define TENSE_UNKNOWN 2

/* token_tense_of(), once per token. */
static int
token_tense(const ctx *c, size_t i)
{
	if (c->tense[i] == TENSE_UNKNOWN)
		c->tense[i] = (int8_t) token_tense_of(c, i);
	return c->tense[i];
}

/* Words that open a clause of their own: a tense beyond them counts less. */
static const char *const clause_breaks[] = {"that", "which", "who", "when", "after", "before",
"while", "but", "and", "because", "since", "as", "where", NULL};

static bool
clause_break(const ctx *c, size_t i)
{
	return (c->tok[i].kind == NK_TOKEN_WORD && in_class(c, i, W_BREAK)) ||
		is_punct(c, i, ";") || is_punct(c, i, ":");
}

/*
 * The tense of the clause around tokens [first, next): the nearest tense
 * marker in the sentence, a clause break counting as four tokens of
 * distance.
 */
static tense
tense_of(const ctx *c, size_t first, size_t next)
{
	int32_t		s = c->tok[first].sentence;
	size_t		sfirst = c->doc->sentence_first_token[s];
	int			best = 1 << 20;
	int			result = 0;
	int			cost;

	/* look right */
	cost = 0;
	for (size_t i = next; i < c->n && c->tok[i].sentence == s && cost < best; i++)
	{
		int			t;

		cost++;
		if (clause_break(c, i))
			cost += 4;
		t = token_tense(c, i);
		if (t != 0 && cost < best)
		{
			best = cost;
			result = t;
		}
	}
	/* look left: a marker at equal distance on the left wins */
	cost = 0;
	for (size_t i = first; i > sfirst; i--)
	{
		int			t = token_tense(c, i - 1);

		cost++;
		if (t != 0 && cost <= best)
		{
			best = cost;
			result = t;
			break;
		}
		if (clause_break(c, i - 1))
			cost += 4;
		if (cost > best)
			break;
	}
	return result > 0 ? TENSE_FUTURE : result < 0 ? TENSE_PAST : TENSE_NONE;
}

/* ---------------------------------------------------------------- resolving */

static int32_t
month_first(int year, int month)
{
	return nk_days_from_civil(year, month, 1);
}

static int32_t
month_last(int year, int month)
{
	return nk_days_from_civil(year, month, nk_days_in_month(year, month));
}

static bool
set_month(found *f, int year, int month)
{
	if (year < NK_YEAR_MIN || year > NK_YEAR_MAX)
		return false;
	f->from = month_first(year, month);
	f->to = month_last(year, month);
	f->precision = NK_PREC_MONTH;
	f->resolved = true;
	return true;
}

static bool
set_year(found *f, int year, nk_precision precision)
{
	if (year < NK_YEAR_MIN || year > NK_YEAR_MAX)
		return false;
	f->from = nk_days_from_civil(year, 1, 1);
	f->to = nk_days_from_civil(year, 12, 31);
	f->precision = precision;
	f->resolved = true;
	return true;
}

static void
set_day(found *f, int32_t day)
{
	f->from = f->to = day;
	f->precision = NK_PREC_DAY;
	f->resolved = true;
}

static void
set_week(found *f, int32_t day)
{
	f->from = nk_week_start(day);
	f->to = f->from + 6;
	f->precision = NK_PREC_WEEK;
	f->resolved = true;
}

/* Add months to a year and month. */
static void
add_months(int *year, int *month, long months)
{
	long		m = (long) *year * 12 + (*month - 1) + months;

	*year = (int) (m >= 0 ? m / 12 : (m - 11) / 12);
	*month = (int) (m - (long) *year * 12) + 1;
}

/* The day of a weekday by tense: the latest on or before day, or the first on or after it. */
static int32_t
weekday_near(int32_t day, int weekday, tense t)
{
	int			delta = weekday - nk_weekday(day);

	if (t == TENSE_FUTURE)
		return day + (delta + 7) % 7;
	return day - (7 - delta) % 7;
}

/*
 * The year of a month and day printed without one: the one nearest the
 * reference day, or the one on the side of it the tense says (on or before
 * it for a past, on or after it for a future) when that is within ten
 * months.
 */
static int
infer_year(const ctx *c, int month, int day, tense t)
{
	int			nearest = 0,
				preferred = 0;
	int32_t		nearest_dist = 0,
				preferred_dist = 0;

	for (int y = c->ref_y - 1; y <= c->ref_y + 1; y++)
	{
		int32_t		d,
					dist;

		if (!nk_valid_civil(y, month, day))
			continue;
		d = nk_days_from_civil(y, month, day);
		dist = d > c->ref ? d - c->ref : c->ref - d;
		if (!nearest || dist < nearest_dist)
		{
			nearest = y;
			nearest_dist = dist;
		}
		if (((t == TENSE_PAST && d <= c->ref) || (t == TENSE_FUTURE && d >= c->ref)) &&
			(!preferred || dist < preferred_dist))
		{
			preferred = y;
			preferred_dist = dist;
		}
	}
	/* the tense decides within ten months; beyond that the clause is not the date's */
	if (preferred && preferred_dist <= 300)
		return preferred;
	return nearest;
}

/* The year of a month named alone: the latest such month up to now, or the next one in the future. */
static int
infer_month_year(const ctx *c, int month, tense t)
{
	if (t == TENSE_FUTURE)
		return month >= c->ref_m ? c->ref_y : c->ref_y + 1;
	return month <= c->ref_m ? c->ref_y : c->ref_y - 1;
}

/* Months of a season; winter of year y runs from December y to February y+1. */
static void
set_season(found *f, int year, season s)
{
	int			start = s == SEASON_SPRING ? 3 : s == SEASON_SUMMER ? 6 : s == SEASON_AUTUMN ? 9 : 12;
	int			ey = year,
				em = start;

	add_months(&ey, &em, 2);
	f->from = month_first(year, start);
	f->to = month_last(ey, em);
	f->precision = NK_PREC_SEASON;
	f->season = s;
	f->resolved = true;
}

/* ---------------------------------------------------------------- readers */

/* Words before a bare year or month that make it a date: "in 2019", "since May". */
static const char *const date_triggers[] = {
	"in", "since", "by", "until", "till", "from", "of", "during", "through", "throughout",
	"before", "after", "between", "and", "to", "early", "late", "mid", "last", "next", "or",
	"year", "around", "on", "for", "into", "circa", "than", "as", "spring", "summer",
	"autumn", "winter", "fall", NULL
};

static bool
date_trigger(const ctx *c, size_t i)
{
	if (i == 0 || !same_sentence(c, i - 1, i))
		return false;
	if (is_range_dash(c, i - 1) && is_word(c, i - 2, "mid"))
		return true;
	return c->tok[i - 1].kind == NK_TOKEN_WORD && in_class(c, i - 1, W_TRIGGER);
}

/* Nouns a month names the time of when it stands before them: "the September summit". */
static const char *const event_nouns[] = {
	"summit", "meeting", "meetings", "visit", "talks", "election", "elections", "launch",
	"attack", "attacks", "agreement", "deal", "test", "tests", "parade", "trip", "offensive",
	"invasion", "session", "plenum", "congress", "drills", "exercises", "report", "decision",
	"speech", "announcement", "vote", "treaty", NULL
};

/* A year in digits, 1000..2999, not a quantity. */
static const char *const quantities[] = {
	"km", "kilometers", "kilometres", "miles", "troops", "soldiers", "people", "tons",
	"tonnes", "meters", "metres", "feet", "dollars", "won", "rubles", "roubles", "euros",
	"yuan", "workers", "missiles", "shells", "rounds", "units", "men", "cases", "times",
	"percent", "km/h", NULL
};

static int
year_at(const ctx *c, size_t i)
{
	long		v;

	if (i >= c->n || c->tok[i].kind != NK_TOKEN_NUMBER || c->tok[i].len != 4)
		return 0;
	v = count_value(c, i);
	if (v < 1000 || v > 2999)
		return 0;
	if (i + 1 < c->n && c->tok[i + 1].kind == NK_TOKEN_WORD && in_class(c, i + 1, W_QUANTITY))
		return 0;
	if (is_punct(c, i + 1, "%"))
		return 0;
	return (int) v;
}

/* "this year", "last year", "next year" at i; the year offset in *delta. */
static bool
relative_year(const ctx *c, size_t i, int *delta)
{
	if (!is_word(c, i + 1, "year"))
		return false;
	if (is_word(c, i, "this"))
		*delta = 0;
	else if (is_word(c, i, "last"))
		*delta = -1;
	else if (is_word(c, i, "next"))
		*delta = 1;
	else
		return false;
	return true;
}

/* early / late / mid / mid- before a month or year: kept in the mention, not narrowing it. */
static size_t
skip_part_modifier(const ctx *c, size_t i)
{
	if (is_word(c, i, "mid") && is_range_dash(c, i + 1) &&
		!(c->tok[i + 1].flags & NK_TOKEN_SPACE_BEFORE))
		return i + 2;
	if (is_word(c, i, "early") || is_word(c, i, "late") || is_word(c, i, "mid") ||
		is_word(c, i, "earlier") || is_word(c, i, "later"))
		return i + 1;
	return i;
}

/*
 * A printed date through the shared grammar, with what only the body has: a
 * day range after it ("June 18-19", "June 18 to 20", "June 30-July 2"), "of
 * this year" or "last year" after a month.
 */
static bool
read_absolute(const ctx *c, size_t i, found *f)
{
	nk_datetime dt;
	nk_span		where;
	size_t		next;
	size_t		j = skip_part_modifier(c, i);
	tense		t;

	if (!nk_parse_datetime(c->text, c->tok, c->n, j, true, &dt, &next, &where))
		return false;
	f->first = i;
	f->next = next;
	f->end = where.start + where.len;
	t = tense_of(c, i, next);

	if (dt.day == 0)
		return set_month(f, dt.year, dt.month);

	/* a second day or a second month and day: a range */
	if (dt.year == 0 && dt.hour < 0 &&
		(is_range_dash(c, next) || is_word(c, next, "to") || is_word(c, next, "through") ||
		 is_word(c, next, "until") || is_word(c, next, "and")))
	{
		size_t		k = next + 1;
		int			m2 = dt.month,
					d2 = 0;
		nk_datetime dt2;
		size_t		next2;
		nk_span		where2;

		if (month_at(c, k) && nk_parse_datetime(c->text, c->tok, c->n, k, false, &dt2, &next2, &where2) &&
			dt2.day > 0)
		{
			m2 = dt2.month;
			d2 = dt2.day;
			k = next2;
			if (dt2.year)
				dt.year = dt2.year;
			f->end = where2.start + where2.len;
		}
		else if (k < c->n && c->tok[k].kind == NK_TOKEN_NUMBER && count_value(c, k) > dt.day &&
				 count_value(c, k) <= 31 && !is_punct(c, k + 1, ":"))
		{
			d2 = (int) count_value(c, k);
			f->end = tok_end(c, k);
			k++;
			if (is_punct(c, k, ",") && year_at(c, k + 1))
				k++;
			if (year_at(c, k))
			{
				dt.year = year_at(c, k);
				f->end = tok_end(c, k);
				k++;
			}
		}
		if (d2)
		{
			int			y1,
						y2;

			if (!dt.year && !c->has_ref)
			{
				f->next = k;
				f->precision = NK_PREC_RANGE;
				f->resolved = false;
				return true;
			}
			y1 = dt.year ? dt.year : infer_year(c, dt.month, dt.day, t);
			y2 = y1 + ((m2 < dt.month) ? 1 : 0);
			if (!y1 || !nk_valid_civil(y1, dt.month, dt.day) || !nk_valid_civil(y2, m2, d2))
				return false;
			f->from = nk_days_from_civil(y1, dt.month, dt.day);
			f->to = nk_days_from_civil(y2, m2, d2);
			f->precision = NK_PREC_RANGE;
			f->resolved = f->to >= f->from;
			f->next = k;
			return f->resolved;
		}
	}
	if (dt.year)
	{
		set_day(f, nk_days_from_civil(dt.year, dt.month, dt.day));
		return true;
	}
	f->precision = NK_PREC_DAY;
	if (c->has_ref)
	{
		int			y = infer_year(c, dt.month, dt.day, t);

		if (!y)
			return false;
		set_day(f, nk_days_from_civil(y, dt.month, dt.day));
	}
	return true;
}

/* A month named alone ("in September", "early November", "September last year", "last September"). */
static bool
read_month(const ctx *c, size_t i, found *f)
{
	size_t		j = i;
	int			m,
				delta = 0;
	bool		rel = false,
				last = false,
				next = false;

	if (is_word(c, j, "last") || is_word(c, j, "next") || is_word(c, j, "this"))
	{
		last = is_word(c, j, "last");
		next = is_word(c, j, "next");
		j++;
	}
	else
		j = skip_part_modifier(c, j);
	m = month_at(c, j);
	/* a month with a number after it that the grammar did not take is no date: "February 30, 2023" */
	if (!m || (j + 1 < c->n && c->tok[j + 1].kind == NK_TOKEN_NUMBER))
		return false;
	/* a bare month needs a preposition before it, or a year phrase after it */
	f->first = i;
	f->end = tok_end(c, j);
	f->next = j + 1;
	if (is_word(c, j + 1, "of") && relative_year(c, j + 2, &delta))
	{
		rel = true;
		f->end = tok_end(c, j + 3);
		f->next = j + 4;
	}
	else if (relative_year(c, j + 1, &delta))
	{
		rel = true;
		f->end = tok_end(c, j + 2);
		f->next = j + 3;
	}
	if (!rel && j == i && !date_trigger(c, i) && !(i + 1 < c->n && in_class(c, i + 1, W_EVENT_NOUN)))
		return false;
	/* "may" is a verb too often */
	if (nk_token_is(&c->tok[j], "may") && !rel && j == i &&
		!(i > 0 && (is_word(c, i - 1, "in") || is_word(c, i - 1, "since") || is_word(c, i - 1, "of") ||
					is_word(c, i - 1, "until") || is_word(c, i - 1, "early") || is_word(c, i - 1, "late"))))
		return false;
	f->precision = NK_PREC_MONTH;
	if (!c->has_ref)
		return true;
	if (rel)
		return set_month(f, c->ref_y + delta, m);
	if (last)
		return set_month(f, m < c->ref_m ? c->ref_y : c->ref_y - 1, m);
	if (next)
		return set_month(f, m > c->ref_m ? c->ref_y : c->ref_y + 1, m);
	if (j > i && is_word(c, i, "this"))
		return set_month(f, c->ref_y, m);
	return set_month(f, infer_month_year(c, m, tense_of(c, i, f->next)), m);
}

/* A year ("in 2019", "mid-2022", "early 2023") or a year range ("1950-1953", "1950-53"). */
static bool
read_year(const ctx *c, size_t i, found *f)
{
	size_t		j = skip_part_modifier(c, i);
	int			y = year_at(c, j);
	bool		trig;

	if (!y)
		return false;
	trig = j > i || date_trigger(c, j);
	f->first = i;
	f->end = tok_end(c, j);
	f->next = j + 1;
	/* 1950-1953, 1950-53 */
	if (is_range_dash(c, j + 1) && !(c->tok[j + 1].flags & NK_TOKEN_SPACE_BEFORE) &&
		j + 2 < c->n && !(c->tok[j + 2].flags & NK_TOKEN_SPACE_BEFORE) &&
		c->tok[j + 2].kind == NK_TOKEN_NUMBER)
	{
		long		y2 = count_value(c, j + 2);

		if (c->tok[j + 2].len == 2 && y2 >= 0)
			y2 += y / 100 * 100;
		if (c->tok[j + 2].len == 2 || c->tok[j + 2].len == 4)
		{
			if (y2 > y && y2 <= 2999)
			{
				f->from = nk_days_from_civil(y, 1, 1);
				f->to = nk_days_from_civil((int) y2, 12, 31);
				f->precision = NK_PREC_RANGE;
				f->resolved = true;
				f->end = tok_end(c, j + 2);
				f->next = j + 3;
				return true;
			}
		}
		return false;
	}
	if (!trig)
		return false;
	return set_year(f, y, NK_PREC_YEAR);
}

/* "the 1990s", "the early 2000s" */
static bool
read_decade(const ctx *c, size_t i, found *f)
{
	size_t		j = skip_part_modifier(c, i);
	const nk_token *t;
	int			y = 0;

	if (j >= c->n)
		return false;
	t = &c->tok[j];
	if (t->kind != NK_TOKEN_WORD || t->fold_len != 5 || t->fold[4] != 's' || t->fold[3] != '0')
		return false;
	for (int k = 0; k < 4; k++)
	{
		if (t->fold[k] < '0' || t->fold[k] > '9')
			return false;
		y = y * 10 + (t->fold[k] - '0');
	}
	if (y < 1000)
		return false;
	f->first = i;
	f->end = tok_end(c, j);
	f->next = j + 1;
	f->from = nk_days_from_civil(y, 1, 1);
	f->to = nk_days_from_civil(y + 9, 12, 31);
	f->precision = NK_PREC_DECADE;
	f->resolved = true;
	return true;
}

/* morning, afternoon, evening, night after a weekday */
static bool
part_of_day(const ctx *c, size_t i)
{
	return is_word(c, i, "morning") || is_word(c, i, "afternoon") || is_word(c, i, "evening") ||
		is_word(c, i, "night");
}

/* "of last week", "last week", "this week", "next week" after weekdays: the week offset. */
static size_t
week_suffix(const ctx *c, size_t i, int *delta)
{
	size_t		j = is_word(c, i, "of") ? i + 1 : i;

	if (!is_word(c, j + 1, "week"))
		return i;
	if (is_word(c, j, "last"))
		*delta = -1;
	else if (is_word(c, j, "this"))
		*delta = 0;
	else if (is_word(c, j, "next"))
		*delta = 1;
	else
		return i;
	return j + 2;
}

/*
 * A weekday, or two: "on Monday", "last Friday", "next Tuesday", "Wednesday
 * evening", "Tuesday and Wednesday", "between Tuesday and Sunday of last
 * week".
 */
static bool
read_weekday(const ctx *c, size_t i, found *f)
{
	size_t		j = i;
	int			w1,
				w2 = -1,
				which = 0,
				week = 0;
	bool		has_week = false;
	size_t		k;
	tense		t;

	if (is_word(c, j, "last"))
		which = -1;
	else if (is_word(c, j, "next"))
		which = 1;
	else if (is_word(c, j, "this"))
		which = 2;
	if (which)
		j++;
	w1 = weekday_at(c, j);
	if (w1 < 0)
		return false;
	f->first = i;
	f->end = tok_end(c, j);
	k = j + 1;
	if (part_of_day(c, k))
		f->end = tok_end(c, k++);
	if ((is_word(c, k, "and") || is_word(c, k, "to") || is_word(c, k, "through") ||
		 is_word(c, k, "until") || is_range_dash(c, k)) && weekday_at(c, k + 1) >= 0)
	{
		w2 = weekday_at(c, k + 1);
		f->end = tok_end(c, k + 1);
		k += 2;
		if (part_of_day(c, k))
			f->end = tok_end(c, k++);
	}
	{
		size_t		after = week_suffix(c, k, &week);

		if (after > k)
		{
			has_week = true;
			f->end = tok_end(c, after - 1);
			k = after;
		}
	}
	f->next = k;
	f->precision = w2 >= 0 ? NK_PREC_RANGE : NK_PREC_DAY;
	if (!c->has_ref)
		return true;
	t = tense_of(c, i, k);
	if (has_week || which == 2)
	{
		int32_t		monday = nk_week_start(c->ref) + 7 * week;

		f->from = monday + w1;
		f->to = w2 >= 0 ? monday + w2 : f->from;
	}
	else if (which == -1)
	{
		f->from = weekday_near(c->ref - 1, w1, TENSE_PAST);
		f->to = w2 >= 0 ? weekday_near(f->from, w2, TENSE_FUTURE) : f->from;
	}
	else if (which == 1)
	{
		f->from = weekday_near(c->ref + 1, w1, TENSE_FUTURE);
		f->to = w2 >= 0 ? weekday_near(f->from, w2, TENSE_FUTURE) : f->from;
	}
	else if (w2 >= 0 && t != TENSE_FUTURE)
	{
		/* a past span ends on or before the reference day */
		f->to = weekday_near(c->ref, w2, TENSE_PAST);
		f->from = weekday_near(f->to, w1, TENSE_PAST);
	}
	else
	{
		f->from = weekday_near(c->ref, w1, t);
		f->to = w2 >= 0 ? weekday_near(f->from, w2, TENSE_FUTURE) : f->from;
	}
	f->resolved = f->to >= f->from;
	return f->resolved;
}

/* yesterday, today, tomorrow, tonight, last night, this morning, the previous night */
static bool
read_day_word(const ctx *c, size_t i, found *f)
{
	int			delta;
	size_t		next = i + 1;

	if (is_word(c, i, "yesterday"))
		delta = -1;
	else if (is_word(c, i, "today") || is_word(c, i, "tonight"))
		delta = 0;
	else if (is_word(c, i, "tomorrow"))
		delta = 1;
	else if (is_word(c, i, "last") && is_word(c, i + 1, "night"))
	{
		delta = -1;
		next = i + 2;
	}
	else if (is_word(c, i, "this") && part_of_day(c, i + 1) && !is_word(c, i + 1, "night"))
	{
		delta = 0;
		next = i + 2;
	}
	else if (is_word(c, i, "the") && is_word(c, i + 1, "previous") && is_word(c, i + 2, "night"))
	{
		delta = -1;
		next = i + 3;
	}
	else
		return false;
	/* "today's" is still the day; "tomorrow" as a noun ("a better tomorrow") is rare */
	f->first = i;
	f->next = next;
	f->end = tok_end(c, next - 1);
	f->precision = NK_PREC_DAY;
	if (c->has_ref)
		set_day(f, c->ref + delta);
	return true;
}

/*
 * last/this/next week, month, year, weekend, quarter, season; with earlier
 * or later before this ("earlier this month") and early/late before all
 * ("early next year").
 */
static bool
read_relative_unit(const ctx *c, size_t i, found *f)
{
	size_t		j = skip_part_modifier(c, i);
	int			delta;
	unit		u;
	season		s;

	if (is_word(c, j, "last"))
		delta = -1;
	else if (is_word(c, j, "this"))
		delta = 0;
	else if (is_word(c, j, "next"))
		delta = 1;
	else
		return false;
	/* "the last year", "the next month": durations */
	if (j > 0 && (is_word(c, j - 1, "the") || is_word(c, j - 1, "a")))
		return false;
	u = unit_word(c, j + 1);
	s = season_word(c, j + 1);
	f->first = i;
	f->end = tok_end(c, j + 1);
	f->next = j + 2;
	if (is_word(c, j + 1, "weekend"))
	{
		int32_t		saturday;

		f->precision = NK_PREC_RANGE;
		if (!c->has_ref)
			return true;
		saturday = nk_week_start(c->ref) + 5;
		if (delta < 0)
			saturday -= 7;
		else if (delta > 0)
			saturday += 7;
		f->from = saturday;
		f->to = saturday + 1;
		f->resolved = true;
		return true;
	}
	if (is_word(c, j + 1, "quarter"))
	{
		int			q,
					y;

		f->precision = NK_PREC_QUARTER;
		if (!c->has_ref)
			return true;
		q = (c->ref_m - 1) / 3 + delta;
		y = c->ref_y + (q < 0 ? -1 : q > 3 ? 1 : 0);
		q = (q + 4) % 4;
		f->from = month_first(y, q * 3 + 1);
		f->to = month_last(y, q * 3 + 3);
		f->resolved = true;
		return true;
	}
	if (s != SEASON_NONE)
	{
		int			y = c->ref_y;

		f->precision = NK_PREC_SEASON;
		f->season = s;
		if (!c->has_ref)
			return true;
		/* the season of this year; winter of a January belongs to the year before */
		if (s == SEASON_WINTER && c->ref_m <= 2)
			y--;
		set_season(f, y, s);
		if (delta < 0 && f->to >= c->ref)
			set_season(f, y - 1, s);
		else if (delta > 0 && f->from <= c->ref)
			set_season(f, y + 1, s);
		return true;
	}
	switch (u)
	{
		case UNIT_WEEK:
			f->precision = NK_PREC_WEEK;
			if (c->has_ref)
				set_week(f, c->ref + 7 * delta);
			return true;
		case UNIT_MONTH:
			f->precision = NK_PREC_MONTH;
			if (c->has_ref)
			{
				int			y = c->ref_y,
							m = c->ref_m;

				add_months(&y, &m, delta);
				return set_month(f, y, m);
			}
			return true;
		case UNIT_YEAR:
			f->precision = NK_PREC_YEAR;
			if (c->has_ref)
				return set_year(f, c->ref_y + delta, NK_PREC_YEAR);
			return true;
		default:
			return false;
	}
}

/* "over the weekend", "at the weekend": the latest one in a past clause, the next one in a future one */
static bool
read_the_weekend(const ctx *c, size_t i, found *f)
{
	int32_t		saturday;

	if (!is_word(c, i, "the") || !is_word(c, i + 1, "weekend") || i == 0 ||
		!(is_word(c, i - 1, "over") || is_word(c, i - 1, "at") || is_word(c, i - 1, "during") ||
		  is_word(c, i - 1, "on")))
		return false;
	f->first = i;
	f->next = i + 2;
	f->end = tok_end(c, i + 1);
	f->precision = NK_PREC_RANGE;
	if (!c->has_ref)
		return true;
	saturday = weekday_near(c->ref, 5, tense_of(c, i, i + 2));
	f->from = saturday;
	f->to = saturday + 1;
	f->resolved = true;
	return true;
}

/* "four years ago", "two weeks ago", "a month ago"; "in three days" in a future clause. */
static bool
read_ago(const ctx *c, size_t i, found *f)
{
	long		n;
	unit		u;
	bool		ahead = false;
	size_t		j = i;
	int32_t		day;

	if (is_word(c, i, "in") || is_word(c, i, "within"))
	{
		ahead = true;
		j = i + 1;
	}
	n = count_value(c, j);
	u = unit_word(c, j + 1);
	if (n < 0 || u == UNIT_NONE)
		return false;
	if (ahead)
	{
		if (is_word(c, i, "within") || tense_of(c, i, j + 2) != TENSE_FUTURE)
			return false;
		f->next = j + 2;
	}
	else
	{
		if (!is_word(c, j + 2, "ago"))
			return false;
		f->next = j + 3;
	}
	f->first = ahead ? j : i;
	f->end = tok_end(c, f->next - 1);
	f->precision = u == UNIT_WEEK ? NK_PREC_WEEK : u == UNIT_MONTH ? NK_PREC_MONTH :
		u == UNIT_YEAR ? NK_PREC_YEAR : u == UNIT_DECADE ? NK_PREC_DECADE : NK_PREC_DAY;
	if (!c->has_ref || n > 100000)
		return true;
	if (!ahead)
		n = -n;
	switch (u)
	{
		case UNIT_MINUTE:
		case UNIT_HOUR:
			{
				/* a few hours ago is still today, unless it crosses midnight: say today */
				set_day(f, c->ref);
				return true;
			}
		case UNIT_DAY:
			day = c->ref + (int32_t) n;
			set_day(f, day);
			break;
		case UNIT_WEEK:
			set_week(f, c->ref + 7 * (int32_t) n);
			break;
		case UNIT_MONTH:
			{
				int			y = c->ref_y,
							m = c->ref_m;

				add_months(&y, &m, n);
				if (!set_month(f, y, m))
					f->resolved = false;
			}
			break;
		case UNIT_YEAR:
			if (!set_year(f, c->ref_y + (int) n, NK_PREC_YEAR))
				f->resolved = false;
			break;
		case UNIT_DECADE:
			{
				int			y = c->ref_y + (int) n * 10;

				if (y < NK_YEAR_MIN || y > NK_YEAR_MAX - 9)
					break;
				y -= y % 10;
				f->from = nk_days_from_civil(y, 1, 1);
				f->to = nk_days_from_civil(y + 9, 12, 31);
				f->resolved = true;
			}
			break;
		case UNIT_NONE:
			break;
	}
	if (f->resolved)
	{
		int			y,
					m,
					d;

		nk_civil_from_days(f->from, &y, &m, &d);
		if (y < NK_YEAR_MIN || y > NK_YEAR_MAX)
			f->resolved = false;
	}
	return true;
}

/* "the 25th", "on the 13th": a day of the reference month, by tense. */
static const char *const ordinal_followers[] = {
	"and", "when", "at", "in", "on", "as", "after", "before", "to", "with", "but", "while",
	"or", "this", "last", "night", "morning", "evening", "afternoon", NULL
};

static bool
read_ordinal_day(const ctx *c, size_t i, found *f)
{
	const nk_token *t;
	int			d = 0;
	size_t		k = 0;
	tense		tn;

	if (!is_word(c, i, "the") || i + 1 >= c->n)
		return false;
	t = &c->tok[i + 1];
	if (t->kind != NK_TOKEN_WORD || !(t->flags & NK_TOKEN_HAS_DIGIT))
		return false;
	while (k < t->fold_len && k < 2 && t->fold[k] >= '0' && t->fold[k] <= '9')
		d = d * 10 + (t->fold[k++] - '0');
	if (k == 0 || t->fold_len != k + 2 || d < 1 || d > 31)
		return false;
	if (strcmp(t->fold + k, "st") && strcmp(t->fold + k, "nd") && strcmp(t->fold + k, "rd") &&
		strcmp(t->fold + k, "th"))
		return false;
	/* "the 13th of September" is the grammar's; "the 25th anniversary" is no date */
	if (i + 2 < c->n && same_sentence(c, i + 1, i + 2) &&
		!(c->tok[i + 2].kind == NK_TOKEN_PUNCT && !nk_token_is(&c->tok[i + 2], "-")) &&
		!(c->tok[i + 2].kind == NK_TOKEN_WORD && in_class(c, i + 2, W_FOLLOWER)))
		return false;
	f->first = i;
	f->next = i + 2;
	f->end = tok_end(c, i + 1);
	f->precision = NK_PREC_DAY;
	if (!c->has_ref)
		return true;
	tn = tense_of(c, i, i + 2);
	{
		int			y = c->ref_y,
					m = c->ref_m;

		/* the nearest month that has the day, backwards or (future) forwards */
		for (int tries = 0; tries < 3; tries++)
		{
			if (nk_valid_civil(y, m, d))
			{
				int32_t		day = nk_days_from_civil(y, m, d);

				if ((tn == TENSE_FUTURE && day >= c->ref) || (tn != TENSE_FUTURE && day <= c->ref))
				{
					set_day(f, day);
					return true;
				}
			}
			add_months(&y, &m, tn == TENSE_FUTURE ? 1 : -1);
		}
	}
	return false;
}

/* "last summer" is read_relative_unit's; this is "summer 2023", "the summer of 2023". */
static bool
read_season_year(const ctx *c, size_t i, found *f)
{
	size_t		j = is_word(c, i, "the") ? i + 1 : i;
	season		s = season_word(c, j);
	size_t		k;
	int			y;

	if (s == SEASON_NONE)
		return false;
	k = is_word(c, j + 1, "of") ? j + 2 : j + 1;
	y = year_at(c, k);
	if (!y)
		return false;
	f->first = i;
	f->next = k + 1;
	f->end = tok_end(c, k);
	set_season(f, y, s);
	return true;
}

/* recently, soon, in recent weeks, in the coming days, in the past, in the future */
static bool
read_vague(const ctx *c, size_t i, found *f)
{
	size_t		next = 0;
	const char *timex = "PAST_REF";
	unit		u;

	if (is_word(c, i, "recently"))
		next = i + 1;
	else if (is_word(c, i, "soon") && !(i > 0 && is_word(c, i - 1, "as")) && !is_word(c, i + 1, "as") &&
			 !is_word(c, i + 1, "after"))
	{
		next = i + 1;
		timex = "FUTURE_REF";
	}
	else if (is_word(c, i, "recent") && (u = unit_word(c, i + 1)) >= UNIT_DAY)
		next = i + 2;
	else if (is_word(c, i, "the") && (is_word(c, i + 1, "coming") || is_word(c, i + 1, "next")) &&
			 (is_word(c, i + 2, "few") || is_word(c, i + 2, "several")) && unit_word(c, i + 3) >= UNIT_DAY)
	{
		next = i + 4;
		timex = "FUTURE_REF";
	}
	else if (is_word(c, i, "the") && is_word(c, i + 1, "coming") && unit_word(c, i + 2) >= UNIT_DAY &&
			 c->tok[i + 2].fold[c->tok[i + 2].fold_len - 1] == 's')
	{
		next = i + 3;
		timex = "FUTURE_REF";
	}
	else if (is_word(c, i, "in") && is_word(c, i + 1, "the") &&
			 (is_word(c, i + 2, "past") || is_word(c, i + 2, "future")) &&
			 !(i + 3 < c->n && same_sentence(c, i, i + 3) && c->tok[i + 3].kind == NK_TOKEN_WORD &&
			   !is_word(c, i + 3, "and") && !is_word(c, i + 3, "but")))
	{
		next = i + 3;
		if (is_word(c, i + 2, "future"))
			timex = "FUTURE_REF";
	}
	else
		return false;
	f->first = i;
	f->next = next;
	f->end = tok_end(c, next - 1);
	f->precision = NK_PREC_VAGUE;
	f->vague = timex;
	return true;
}

/* The point expressions: what can stand on either side of "between ... and". */
static bool
read_point(const ctx *c, size_t i, found *f)
{
	memset(f, 0, sizeof(*f));
	return read_absolute(c, i, f) || read_decade(c, i, f) || read_year(c, i, f) ||
		read_season_year(c, i, f) || read_month(c, i, f) || read_weekday(c, i, f) ||
		read_day_word(c, i, f) || read_relative_unit(c, i, f) || read_the_weekend(c, i, f) ||
		read_ago(c, i, f) ||
		read_ordinal_day(c, i, f);
}

/* "between 2019 and 2023", "from June 18 to June 20", "from 2019 to 2023" */
static bool
read_between(const ctx *c, size_t i, found *f)
{
	found		a,
				b;
	bool		between = is_word(c, i, "between");
	size_t		k;

	if (!between && !is_word(c, i, "from"))
		return false;
	if (!read_point(c, i + 1, &a))
		return false;
	/* a range of its own ("from June 18 to 20"): the preposition is part of it */
	if (a.precision == NK_PREC_RANGE)
	{
		*f = a;
		f->first = i;
		return true;
	}
	k = a.next;
	if (between ? !is_word(c, k, "and") :
		!(is_word(c, k, "to") || is_word(c, k, "until") || is_word(c, k, "through")))
		return false;
	if (!read_point(c, k + 1, &b) || b.precision == NK_PREC_RANGE)
		return false;
	*f = a;
	f->first = i;
	f->next = b.next;
	f->end = b.end;
	f->precision = NK_PREC_RANGE;
	f->resolved = a.resolved && b.resolved && b.to >= a.from;
	f->to = b.to;
	return a.resolved == b.resolved;
}

/*
 * Whether a token can open an expression: a number, a word with a digit, a
 * month or weekday name, or one of the words a reader starts from.  Most tokens
 * are none, and this spares them every reader.
 */
static const char *const starters[] = {
	"a", "an", "between", "from", "the", "early", "late", "mid", "earlier", "later", "last",
	"this", "next", "yesterday", "today", "tomorrow", "tonight", "recently", "soon", "recent",
	"in", "within", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
	"eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "spring", "summer",
	"autumn", "fall", "winter", NULL
};

static bool
could_start(const ctx *c, size_t i)
{
	const nk_token *t = &c->tok[i];

	if (t->kind == NK_TOKEN_NUMBER)
		return true;
	if (t->kind != NK_TOKEN_WORD)
		return false;
	if (t->flags & NK_TOKEN_HAS_DIGIT)
		return true;
	if (t->fold_len > 9)
		return false;
	if ((t->flags & NK_TOKEN_CAPITALIZED) &&
		(nk_month_from_word(t->fold, t->fold_len) || nk_weekday_from_word(t->fold, t->fold_len) >= 0))
		return true;
	return in_class(c, i, W_STARTER);
}

static void
build_word_table(void)
{
	word_add_list(starters, W_STARTER);
	word_add_list(past_words, W_PAST);
	word_add_list(not_past_ed, W_NOT_PAST_ED);
	word_add_list(future_words, W_FUTURE);
	word_add_list(clause_breaks, W_BREAK);
	word_add_list(date_triggers, W_TRIGGER);
	word_add_list(event_nouns, W_EVENT_NOUN);
	word_add_list(quantities, W_QUANTITY);
	word_add_list(ordinal_followers, W_FOLLOWER);
	for (int k = 0; count_words[k]; k++)
		word_add(count_words[k], W_COUNT | (uint32_t) k << 16);
	word_add("a", W_COUNT | 1u << 16);
	word_add("an", W_COUNT | 1u << 16);
	word_add("thirty", W_COUNT | 30u << 16);
	word_add("forty", W_COUNT | 40u << 16);
	word_add("fifty", W_COUNT | 50u << 16);
	for (int k = 0; unit_words[k].w; k++)
		word_add(unit_words[k].w, W_UNIT | (uint32_t) unit_words[k].u << 24);
	word_table_built = true;
}

/* ---------------------------------------------------------------- output */

/* Write v, 0 <= v, in at least width digits; return the end. */
static char *
put_digits(char *p, int v, int width)
{
	char		digits[12];
	int			n = 0;

	do
	{
		digits[n++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (n < width)
		digits[n++] = '0';
	while (n > 0)
		*p++ = digits[--n];
	return p;
}

/* Write "YYYY-MM-DD", "YYYY-MM" (d < 0) or "YYYY" (m < 0); return the end. */
static char *
put_ymd(char *p, int y, int m, int d)
{
	p = put_digits(p, y, 4);
	if (m >= 0)
	{
		*p++ = '-';
		p = put_digits(p, m, 2);
	}
	if (m >= 0 && d >= 0)
	{
		*p++ = '-';
		p = put_digits(p, d, 2);
	}
	return p;
}

/*
 * The TIMEX value of the common precisions, without printf (which costs
 * more than the rest of the date); NULL for other values and years, which
 * timex_of() prints.
 */
static const char *
timex_fast(nk_arena *arena, nk_precision precision, int y, int m, int d, int y2, int m2, int d2)
{
	char	   *out;
	char	   *p;

	if (y < 0 || y > 9999 || y2 < 0 || y2 > 9999)
		return NULL;
	if (precision != NK_PREC_DAY && precision != NK_PREC_MONTH && precision != NK_PREC_YEAR &&
		precision != NK_PREC_RANGE)
		return NULL;
	p = out = nk_arena_alloc(arena, 24);
	if (precision == NK_PREC_YEAR)
		m = -1;
	if (precision == NK_PREC_MONTH || precision == NK_PREC_YEAR)
		d = -1;
	p = put_ymd(p, y, m, d);
	if (precision == NK_PREC_RANGE)
	{
		*p++ = '/';
		p = put_ymd(p, y2, m2, d2);
	}
	*p = '\0';
	return out;
}

static const char *
timex_of(nk_arena *arena, const found *f)
{
	int			y,
				m,
				d,
				y2,
				m2,
				d2;

	if (f->precision == NK_PREC_VAGUE)
		return f->vague;
	if (!f->resolved)
		return NULL;
	nk_civil_from_days(f->from, &y, &m, &d);
	nk_civil_from_days(f->to, &y2, &m2, &d2);
	{
		const char *fast = timex_fast(arena, f->precision, y, m, d, y2, m2, d2);

		if (fast)
			return fast;
	}
	switch (f->precision)
	{
		case NK_PREC_DAY:
			return nk_arena_sprintf(arena, "%04d-%02d-%02d", y, m, d);
		case NK_PREC_WEEK:
			{
				int			iy,
							w;

				nk_iso_week(f->from, &iy, &w);
				return nk_arena_sprintf(arena, "%04d-W%02d", iy, w);
			}
		case NK_PREC_MONTH:
			return nk_arena_sprintf(arena, "%04d-%02d", y, m);
		case NK_PREC_QUARTER:
			return nk_arena_sprintf(arena, "%04d-Q%d", y, (m - 1) / 3 + 1);
		case NK_PREC_SEASON:
			return nk_arena_sprintf(arena, "%04d-%s", y,
									f->season == SEASON_SPRING ? "SP" : f->season == SEASON_SUMMER ? "SU" :
									f->season == SEASON_AUTUMN ? "FA" : "WI");
		case NK_PREC_YEAR:
			return nk_arena_sprintf(arena, "%04d", y);
		case NK_PREC_DECADE:
			return nk_arena_sprintf(arena, "%03d", y / 10);
		case NK_PREC_RANGE:
			return nk_arena_sprintf(arena, "%04d-%02d-%02d/%04d-%02d-%02d", y, m, d, y2, m2, d2);
		case NK_PREC_VAGUE:
			break;
	}
	return NULL;
}

const char *
nk_precision_name(nk_precision precision)
{
	static const char *const names[] = {"day", "week", "month", "quarter", "season", "year",
	"decade", "range", "vague"};

	return (unsigned) precision <= NK_PREC_VAGUE ? names[precision] : "vague";
}

bool
nk_doc_dateline_offset(const nk_doc *doc, int *utc_offset)
{
	int			paragraphs = 0;

	for (size_t i = 0; i < doc->tokens.count && paragraphs <= 3; i++)
	{
		const nk_token *t = &doc->tokens.items[i];

		nk_interrupt_tick();
		if (!(t->flags & NK_TOKEN_PARA_BEFORE))
			continue;
		paragraphs++;
		if (t->kind != NK_TOKEN_WORD || !(t->flags & NK_TOKEN_CAPITALIZED) || i + 1 >= doc->tokens.count)
			continue;
		/* PLACE, / PLACE: / PLACE ( / PLACE -- */
		if (doc->tokens.items[i + 1].kind != NK_TOKEN_PUNCT)
			continue;
		if (nk_zone_of_place(t->fold, t->fold_len, utc_offset))
			return true;
	}
	return false;
}

void
nk_extract_dates(nk_arena *arena, const nk_doc *doc, const int64_t *published, nk_date_list *out)
{
	ctx			c;
	size_t		i = 0;

	memset(&c, 0, sizeof(c));
	c.arena = arena;
	c.doc = doc;
	c.text = doc->text;
	c.tok = doc->tokens.items;
	c.n = doc->tokens.count;
	if (published)
	{
		int			offset = 0;
		int64_t		local;
		int64_t		day;

		nk_doc_dateline_offset(doc, &offset);
		local = *published + (int64_t) offset * 60;
		day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
		if (day >= nk_days_from_civil(NK_YEAR_MIN, 1, 1) && day <= nk_days_from_civil(NK_YEAR_MAX, 12, 31))
		{
			c.has_ref = true;
			c.ref = (int32_t) day;
			nk_civil_from_days(c.ref, &c.ref_y, &c.ref_m, &c.ref_d);
		}
	}

	if (!word_table_built)
		build_word_table();
	{
		uint32_t   *word = nk_arena_alloc(arena, (c.n + 1) * sizeof(uint32_t));

		for (size_t k = 0; k < c.n; k++)
			word[k] = word_class(c.tok[k].fold, c.tok[k].fold_len);
		c.word = word;
	}
	c.tense = nk_arena_alloc(arena, c.n + 1);
	memset(c.tense, TENSE_UNKNOWN, c.n + 1);

	while (i < c.n)
	{
		found		f;
		nk_date_mention *m;

		if ((i & 1023) == 1023)
			nk_check_interrupts();
		if (!could_start(&c, i))
		{
			i++;
			continue;
		}
		memset(&f, 0, sizeof(f));
		if (!read_between(&c, i, &f) && !read_point(&c, i, &f))
		{
			memset(&f, 0, sizeof(f));
			if (!read_vague(&c, i, &f))
			{
				i++;
				continue;
			}
		}
		m = nk_vec_push(arena, out);
		m->span.start = c.tok[f.first].start;
		m->span.len = f.end - m->span.start;
		m->sentence = c.tok[f.first].sentence;
		m->resolved = f.resolved && f.precision != NK_PREC_VAGUE;
		m->date_from = m->resolved ? f.from : 0;
		m->date_to = m->resolved ? f.to : 0;
		m->precision = f.precision;
		m->timex = m->resolved || f.precision == NK_PREC_VAGUE ? timex_of(arena, &f) : NULL;
		i = f.next > i ? f.next : i + 1;
	}
}
