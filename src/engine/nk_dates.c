/*
 * nk_dates.c
 *	  Find time expressions in a document and place them on the calendar.
 *
 * One left-to-right pass over the tokens tries, at each token, the readers of
 * one expression each: ranges ("between 2019 and 2023", "June 18-19"),
 * absolute dates through the shared grammar of nk_calendar.c, years and
 * decades, quarters, weekdays (and "the second Friday of November"),
 * relative expressions ("last month", "four years ago", "the past three
 * weeks"), offsets from another day ("the day after tomorrow", "two weeks
 * later" of the day told before) and vague ones ("recently").  The first
 * reader that matches consumes its tokens.
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
	bool		year_inferred;	/* its year was not printed but taken from the reference day */
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
	const nk_date_list *out;	/* the mentions found so far: the anchors of "the next day" */
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

/* A full weekday name in any case ("Monday", "friday"); -1 otherwise. */
static int
weekday_at(const ctx *c, size_t i)
{
	return i < c->n && c->tok[i].fold_len >= 6 ? nk_weekday_of_token_any_case(&c->tok[i]) : -1;
}

/*
 * Words after a month named alone in lower case that leave it a month: a
 * lower-case "may" or "march" before anything else may be the verb ("in
 * may be", "to march on").
 */
static const char *const after_lower_month[] = {
	"and", "or", "to", "through", "until", "when", "as", "but", "last", "this", "next", "of",
	"while", NULL
};

/*
 * A month name, capitalised (full, or abbreviated with its period) or written
 * out in lower case; a lower-case "may" or "march" only after a preposition
 * or a part of a month ("in may", "since march", "early may") and before the
 * end of the phrase: not the verb ("troops march", "talks may resume").
 */
static int
month_at(const ctx *c, size_t i)
{
	const nk_token *t;
	int			m;

	if (i >= c->n)
		return 0;
	t = &c->tok[i];
	if (t->fold_len <= 4 && !(t->flags & NK_TOKEN_ABBREV) && !nk_token_is(t, "may") &&
		!nk_token_is(t, "june") && !nk_token_is(t, "july"))
		return 0;
	m = nk_month_of_token_any_case(t);
	if (!m || (t->flags & NK_TOKEN_CAPITALIZED) || (m != 3 && m != 5))
		return m;
	if (i == 0 || !(is_word(c, i - 1, "in") || is_word(c, i - 1, "since") || is_word(c, i - 1, "until") ||
					is_word(c, i - 1, "till") || is_word(c, i - 1, "of") || is_word(c, i - 1, "early") ||
					is_word(c, i - 1, "late") || is_word(c, i - 1, "mid") || is_word(c, i - 1, "from") ||
					is_word(c, i - 1, "through") || is_word(c, i - 1, "during") || is_word(c, i - 1, "by") ||
					is_word(c, i - 1, "last") || is_word(c, i - 1, "next") || is_range_dash(c, i - 1)))
		return 0;
	if (i + 1 >= c->n || !same_sentence(c, i, i + 1) || c->tok[i + 1].kind == NK_TOKEN_NUMBER ||
		(c->tok[i + 1].kind == NK_TOKEN_PUNCT && !is_range_dash(c, i + 1)))
		return m;
	for (const char *const *w = after_lower_month; *w; w++)
		if (nk_token_is(&c->tok[i + 1], *w))
			return m;
	return 0;
}

/*
 * nk_ordinal_at() of token i, asked only of a token that can be one: a word
 * with a digit ("21st") or a starter (the ordinal words are starters).
 */
static int
ordinal_at(const ctx *c, size_t i, size_t *next)
{
	if (i >= c->n || c->tok[i].kind != NK_TOKEN_WORD ||
		!((c->tok[i].flags & NK_TOKEN_HAS_DIGIT) || in_class(c, i, W_STARTER)))
		return 0;
	return nk_ordinal_at(c->tok, c->n, i, next);
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

/*
 * Future markers; the verbs of a schedule in the present ("the forum runs
 * through Wednesday", "talks open on Monday") among them: news copy puts
 * what has happened in the past tense.
 */
static const char *const future_words[] = {
	"will", "shall", "would", "won't", "scheduled", "expected", "planned", "plans", "plan",
	"slated", "due", "upcoming", "intends", "aims", "hopes", "tomorrow", "begins", "starts",
	"opens", "ends", "closes", "runs", "lasts", "continues", "resumes", NULL
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

/* "this", "last" or "next" at i: the offset it gives (0, -1, 1) in *delta. */
static bool
this_last_next(const ctx *c, size_t i, int *delta)
{
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

/* "this year", "last year", "next year" at i; the year offset in *delta. */
static bool
relative_year(const ctx *c, size_t i, int *delta)
{
	return is_word(c, i + 1, "year") && this_last_next(c, i, delta);
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
 * The day of a printed month and day without a year: by tense, or by the
 * weekday printed with it when one is ("Friday, March 8": the year near the
 * reference day in which March 8 is a Friday).  0 when none fits.
 */
static int
year_of_month_day(const ctx *c, int month, int day, int weekday, tense t)
{
	int			y = infer_year(c, month, day, t);

	if (weekday < 0 || !y || nk_weekday(nk_days_from_civil(y, month, day)) == weekday)
		return y;
	for (int y2 = c->ref_y - 1; y2 <= c->ref_y + 1; y2++)
		if (nk_valid_civil(y2, month, day) && nk_weekday(nk_days_from_civil(y2, month, day)) == weekday)
			return y2;
	return 0;
}

/* Whether token i begins a numeric date ("11/30", "2023-09-13"): no bare day number. */
static bool
numeric_date_start(const ctx *c, size_t i)
{
	return i + 2 < c->n && !(c->tok[i + 1].flags & NK_TOKEN_SPACE_BEFORE) &&
		(is_punct(c, i + 1, "/") || is_punct(c, i + 1, ":") || is_punct(c, i + 1, "-") ||
		 is_punct(c, i + 1, ".")) &&
		c->tok[i + 2].kind == NK_TOKEN_NUMBER && !(c->tok[i + 2].flags & NK_TOKEN_SPACE_BEFORE);
}

/*
 * A printed date through the shared grammar, with what only the body has: a
 * range after it ("June 18-19", "June 18 to 20", "June 30-July 2", "3 March -
 * 9 April 2021", "Dec 30, 2023 - Jan 2, 2024"), whose year printed once at
 * the end is the year of its end, and a weekday printed with it that settles
 * the year (or, when it disagrees with a printed year, leaves only the month).
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
	/* a two-digit year more than ten years ahead of the reference day is of the century before */
	if (dt.short_year && c->has_ref && dt.year > c->ref_y + 10)
		dt.year -= 100;

	if (dt.day == 0)
		return set_month(f, dt.year, dt.month);

	/* a second day or a second month and day: a range ("and" only after "between") */
	if (dt.hour < 0 &&
		(is_range_dash(c, next) || is_word(c, next, "to") || is_word(c, next, "through") ||
		 is_word(c, next, "until") || is_word(c, next, "till") || is_word(c, next, "and")))
	{
		size_t		k = next + 1;
		int			m2 = dt.month,
					d2 = 0,
					y2 = 0;
		nk_datetime dt2;
		size_t		next2;
		nk_span		where2;

		/* a second whole date after "and" only after "between": "on June 3 and July 5" are two */
		if (k < c->n && (!is_word(c, next, "and") || (i > 0 && is_word(c, i - 1, "between"))) &&
			nk_parse_datetime(c->text, c->tok, c->n, k, false, &dt2, &next2, &where2) &&
			dt2.day > 0 && dt2.hour < 0 && (dt2.year || !dt.year))
		{
			m2 = dt2.month;
			d2 = dt2.day;
			y2 = dt2.year;
			k = next2;
			f->end = where2.start + where2.len;
		}
		else if (!dt.year && k < c->n && c->tok[k].kind == NK_TOKEN_NUMBER && count_value(c, k) > dt.day &&
				 count_value(c, k) <= 31 && !numeric_date_start(c, k) &&
				 !nk_parse_datetime(c->text, c->tok, c->n, k, false, &dt2, &next2, &where2))
		{
			d2 = (int) count_value(c, k);
			f->end = tok_end(c, k);
			k++;
			if (is_punct(c, k, ",") && year_at(c, k + 1))
				k++;
			if (year_at(c, k))
			{
				y2 = year_at(c, k);
				f->end = tok_end(c, k);
				k++;
			}
		}
		if (d2)
		{
			int			y1;
			bool		wraps = m2 < dt.month || (m2 == dt.month && d2 < dt.day);

			if (!dt.year && !y2 && !c->has_ref)
			{
				f->next = k;
				f->precision = NK_PREC_RANGE;
				f->resolved = false;
				return true;
			}
			/* the year printed once, at the end, is the end's: the start is in it or the year before */
			if (dt.year)
				y1 = dt.year;
			else if (y2)
				y1 = y2 - (wraps ? 1 : 0);
			else
			{
				y1 = infer_year(c, dt.month, dt.day, t);
				f->year_inferred = true;
			}
			if (!y2)
				y2 = y1 + (wraps ? 1 : 0);
			if (!y1 || !nk_valid_civil(y1, dt.month, dt.day) || !nk_valid_civil(y2, m2, d2))
				return false;
			f->from = nk_days_from_civil(y1, dt.month, dt.day);
			f->to = nk_days_from_civil(y2, m2, d2);
			f->precision = NK_PREC_RANGE;
			f->resolved = f->to > f->from;
			f->next = k;
			return f->resolved;
		}
	}
	if (dt.year)
	{
		/* a weekday that is not the date's: one of them is wrong, the month stands */
		if (dt.weekday >= 0 && nk_weekday(nk_days_from_civil(dt.year, dt.month, dt.day)) != dt.weekday)
			return set_month(f, dt.year, dt.month);
		set_day(f, nk_days_from_civil(dt.year, dt.month, dt.day));
		return true;
	}
	f->precision = NK_PREC_DAY;
	/* "March 3 and April 9, 2021": the year printed on the next date is this one's too */
	if ((is_word(c, next, "and") || is_word(c, next, "or") || is_punct(c, next, ",")) && next + 1 < c->n)
	{
		nk_datetime dt2;
		size_t		next2;
		nk_span		where2;

		if (nk_parse_datetime(c->text, c->tok, c->n, next + 1, false, &dt2, &next2, &where2) &&
			dt2.year && dt2.day > 0)
		{
			int			y = dt2.year - (dt.month > dt2.month ? 1 : 0);

			if (!nk_valid_civil(y, dt.month, dt.day))
				return false;
			set_day(f, nk_days_from_civil(y, dt.month, dt.day));
			return true;
		}
	}
	f->year_inferred = true;
	if (c->has_ref)
	{
		int			y = year_of_month_day(c, dt.month, dt.day, dt.weekday, t);

		if (!y)
		{
			/* no year near the reference day has that weekday on that day: the month of the nearest */
			y = infer_year(c, dt.month, dt.day, t);
			return y && set_month(f, y, dt.month);
		}
		set_day(f, nk_days_from_civil(y, dt.month, dt.day));
	}
	return true;
}

/*
 * A range of days with its month printed once, after the second day:
 * "18-19 June", "10 to 22 August 2012", "between 18 and 20 June".
 */
static bool
read_day_first_range(const ctx *c, size_t i, found *f)
{
	nk_datetime dt2;
	size_t		next2;
	nk_span		where2;
	size_t		k = i + 1;
	long		d1;
	int			y;

	if (i >= c->n || c->tok[i].kind != NK_TOKEN_NUMBER || c->tok[i].len > 2 ||
		(numeric_date_start(c, i) && !is_range_dash(c, i + 1)))
		return false;
	d1 = count_value(c, i);
	if (d1 < 1 || d1 > 31)
		return false;
	if (!(is_range_dash(c, k) || is_word(c, k, "to") || is_word(c, k, "through") || is_word(c, k, "until") ||
		  (is_word(c, k, "and") && i > 0 && is_word(c, i - 1, "between"))))
		return false;
	k++;
	if (k >= c->n || c->tok[k].kind != NK_TOKEN_NUMBER ||
		!nk_parse_datetime(c->text, c->tok, c->n, k, false, &dt2, &next2, &where2) ||
		dt2.day <= d1 || dt2.hour >= 0 || dt2.weekday >= 0)
		return false;
	f->first = i;
	f->next = next2;
	f->end = where2.start + where2.len;
	f->precision = NK_PREC_RANGE;
	if (dt2.year)
		y = dt2.year;
	else if (!c->has_ref)
		return true;
	else
	{
		y = infer_year(c, dt2.month, (int) d1, tense_of(c, i, next2));
		f->year_inferred = true;
	}
	if (!y || !nk_valid_civil(y, dt2.month, dt2.day))
		return false;
	f->from = nk_days_from_civil(y, dt2.month, (int) d1);
	f->to = nk_days_from_civil(y, dt2.month, dt2.day);
	f->resolved = true;
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
	/* "January and February", "June to September 2021": one range; "and" of consecutive months */
	if (!rel && !last && !next && f->next == j + 1)
	{
		size_t		k = j + 1;
		int			m2 = 0,
					y2 = 0;

		if ((is_word(c, k, "and") || is_word(c, k, "or")) && month_at(c, k + 1) == m % 12 + 1)
			m2 = m % 12 + 1;
		else if ((is_word(c, k, "to") || is_word(c, k, "through") || is_word(c, k, "until") ||
				  is_range_dash(c, k)) && month_at(c, k + 1))
			m2 = month_at(c, k + 1);
		if (m2 && m2 != m && !(k + 2 < c->n && c->tok[k + 2].kind == NK_TOKEN_NUMBER && !year_at(c, k + 2)))
		{
			int			y1;

			f->next = k + 2;
			f->end = tok_end(c, k + 1);
			if ((y2 = year_at(c, k + 2)) != 0)
			{
				f->next = k + 3;
				f->end = tok_end(c, k + 2);
			}
			f->precision = NK_PREC_RANGE;
			if (!y2 && !c->has_ref)
				return true;
			if (y2)
				y1 = y2 - (m2 < m ? 1 : 0);
			else
			{
				y1 = infer_month_year(c, m, tense_of(c, i, f->next));
				f->year_inferred = true;
			}
			if (!y2)
				y2 = y1 + (m2 < m ? 1 : 0);
			if (y1 < NK_YEAR_MIN || y2 > NK_YEAR_MAX)
				return false;
			f->from = month_first(y1, m);
			f->to = month_last(y2, m2);
			f->resolved = true;
			return true;
		}
	}
	/* "in March and May 2021": the year printed on the next month is this one's too */
	if (!rel && !last && !next && f->next == j + 1 &&
		(is_word(c, j + 1, "and") || is_word(c, j + 1, "or") || is_punct(c, j + 1, ",")) &&
		month_at(c, j + 2) && year_at(c, j + 3))
		return set_month(f, year_at(c, j + 3) - (m > month_at(c, j + 2) ? 1 : 0), m);
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
	f->year_inferred = true;
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
	/* "the 2019 visit": a year before the noun of an event */
	trig = j > i || date_trigger(c, j) ||
		(j > 0 && (is_word(c, j - 1, "the") || is_word(c, j - 1, "his") || is_word(c, j - 1, "its") ||
				   is_word(c, j - 1, "their")) &&
		 j + 1 < c->n && in_class(c, j + 1, W_EVENT_NOUN));
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
	/* "the 90s", "the '90s": 1950s to 1990s, 2000s and 2010s; "the 20s" could be either century */
	if (t->kind == NK_TOKEN_WORD && t->fold_len == 3 && t->fold[2] == 's' && t->fold[1] == '0' &&
		t->fold[0] >= '0' && t->fold[0] <= '9' && t->fold[0] != '2' && t->fold[0] != '3' &&
		t->fold[0] != '4' && j > 0 &&
		(is_word(c, j - 1, "the") || is_word(c, j - 1, "early") || is_word(c, j - 1, "late") ||
		 is_word(c, j - 1, "mid") ||
		 (is_punct(c, j - 1, "'") && j > 1 && (is_word(c, j - 2, "the") || is_word(c, j - 2, "early") ||
												is_word(c, j - 2, "late") || is_word(c, j - 2, "mid")))))
	{
		y = (t->fold[0] - '0') * 10;
		y += y >= 50 ? 1900 : 2000;
		f->first = i;
		f->end = tok_end(c, j);
		f->next = j + 1;
		f->from = nk_days_from_civil(y, 1, 1);
		f->to = nk_days_from_civil(y + 9, 12, 31);
		f->precision = NK_PREC_DECADE;
		f->resolved = true;
		return true;
	}
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

	if (!is_word(c, j + 1, "week") || !this_last_next(c, j, delta))
		return i;
	return j + 2;
}

/*
 * The day nearest the reference day, within a year, that is weekday w and
 * day d of month m (any month when m is 0); unresolved when there is none.
 */
static bool
weekday_and_day(const ctx *c, int w, int m, int d, found *f)
{
	int32_t		best = 0;
	bool		have = false;

	for (int dm = -12; dm <= 12; dm++)
	{
		int			y = c->ref_y,
					mo = c->ref_m;
		int32_t		day;

		add_months(&y, &mo, dm);
		if ((m && mo != m) || !nk_valid_civil(y, mo, d))
			continue;
		day = nk_days_from_civil(y, mo, d);
		if (nk_weekday(day) != w)
			continue;
		if (!have || (day > c->ref ? day - c->ref : c->ref - day) < (best > c->ref ? best - c->ref : c->ref - best))
			best = day;
		have = true;
	}
	if (have)
		set_day(f, best);
	return true;
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
	/* "this past Friday", "this coming Friday" */
	if (which == 2 && (is_word(c, j, "past") || is_word(c, j, "coming")))
		which = is_word(c, j++, "past") ? -1 : 1;
	w1 = weekday_at(c, j);
	/* after next, last or this an abbreviation will do: "next Fri", "last Tues", "next wed" */
	if (w1 < 0 && which && j < c->n && c->tok[j].fold_len <= 5 &&
		((c->tok[j].flags & NK_TOKEN_CAPITALIZED) || is_word(c, j - 1, "next")))
		w1 = nk_weekday_from_word(c->tok[j].fold, c->tok[j].fold_len);
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
	/* "Monday the 5th", "Friday the 13th of June": the day near the reference day that is that weekday */
	if (w2 < 0 && !has_week && !which && is_word(c, k, "the"))
	{
		size_t		k2;
		int			d = ordinal_at(c, k + 1, &k2),
					m = 0;

		if (d && (c->tok[k + 1].flags & NK_TOKEN_HAS_DIGIT))
		{
			if (is_word(c, k2, "of") && (m = month_at(c, k2 + 1)) != 0)
				k2 += 2;
			f->next = k2;
			f->end = tok_end(c, k2 - 1);
			f->precision = NK_PREC_DAY;
			if (!c->has_ref)
				return true;
			return weekday_and_day(c, w1, m, d, f);
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

	if (!this_last_next(c, j, &delta))
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

/* The precision of an offset of n units: a day for hours and days, else the unit's. */
static nk_precision
unit_precision(unit u)
{
	return u == UNIT_WEEK ? NK_PREC_WEEK : u == UNIT_MONTH ? NK_PREC_MONTH :
		u == UNIT_YEAR ? NK_PREC_YEAR : u == UNIT_DECADE ? NK_PREC_DECADE : NK_PREC_DAY;
}

/*
 * Place f n units (negative: before) from the day base, at the unit's
 * precision: "two weeks" from a day is the week that holds the day two weeks
 * on, "a year earlier" the whole year.  f stays unresolved off the calendar.
 */
static void
place_offset(found *f, int32_t base, long n, unit u)
{
	int			y,
				m,
				d;

	f->precision = unit_precision(u);
	if (n > 100000 || n < -100000)
		return;
	nk_civil_from_days(base, &y, &m, &d);
	switch (u)
	{
		case UNIT_MINUTE:
		case UNIT_HOUR:
			/* a few hours off is still the day, unless it crosses midnight: say the day */
			set_day(f, base);
			return;
		case UNIT_DAY:
			set_day(f, base + (int32_t) n);
			break;
		case UNIT_WEEK:
			set_week(f, base + 7 * (int32_t) n);
			break;
		case UNIT_MONTH:
			add_months(&y, &m, n);
			if (!set_month(f, y, m))
				f->resolved = false;
			break;
		case UNIT_YEAR:
			if (!set_year(f, y + (int) n, NK_PREC_YEAR))
				f->resolved = false;
			break;
		case UNIT_DECADE:
			y += (int) n * 10;
			if (y < NK_YEAR_MIN || y > NK_YEAR_MAX - 9)
				break;
			y -= y % 10;
			f->from = nk_days_from_civil(y, 1, 1);
			f->to = nk_days_from_civil(y + 9, 12, 31);
			f->resolved = true;
			break;
		case UNIT_NONE:
			break;
	}
	if (f->resolved)
	{
		nk_civil_from_days(f->from, &y, &m, &d);
		if (y < NK_YEAR_MIN || y > NK_YEAR_MAX)
			f->resolved = false;
	}
}

/* The day n units from base, at day precision (the span readers' ends); false off the calendar. */
static bool
day_offset(int32_t base, long n, unit u, int32_t *out)
{
	int			y,
				m,
				d;

	if (n > 100000 || n < -100000)
		return false;
	nk_civil_from_days(base, &y, &m, &d);
	switch (u)
	{
		case UNIT_DAY:
			*out = base + (int32_t) n;
			break;
		case UNIT_WEEK:
			*out = base + 7 * (int32_t) n;
			break;
		case UNIT_MONTH:
		case UNIT_YEAR:
		case UNIT_DECADE:
			if (u == UNIT_MONTH)
				add_months(&y, &m, n);
			else
				y += (int) n * (u == UNIT_DECADE ? 10 : 1);
			if (y < NK_YEAR_MIN || y > NK_YEAR_MAX)
				return false;
			if (d > nk_days_in_month(y, m))
				d = nk_days_in_month(y, m);
			*out = nk_days_from_civil(y, m, d);
			break;
		default:
			return false;
	}
	nk_civil_from_days(*out, &y, &m, &d);
	return y >= NK_YEAR_MIN && y <= NK_YEAR_MAX;
}

/*
 * "four years ago", "two weeks ago", "a month ago", "four days from now";
 * "in three days" and "after two years" in a future clause ("after two years
 * of war" is a duration).
 */
static bool
read_ago(const ctx *c, size_t i, found *f)
{
	long		n;
	unit		u;
	bool		ahead = false;
	size_t		j = i;

	if (is_word(c, i, "in") || is_word(c, i, "within") || is_word(c, i, "after"))
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
		if (is_word(c, i, "within") || tense_of(c, i, j + 2) != TENSE_FUTURE ||
			(is_word(c, i, "after") && is_word(c, j + 2, "of")))
			return false;
		f->next = j + 2;
	}
	else if (is_word(c, j + 2, "ago"))
		f->next = j + 3;
	else if (is_word(c, j + 2, "from") && is_word(c, j + 3, "now"))
	{
		ahead = true;
		f->next = j + 4;
	}
	else
		return false;
	f->first = is_word(c, i, "in") ? j : i;
	f->end = tok_end(c, f->next - 1);
	f->precision = unit_precision(u);
	if (!c->has_ref)
		return true;
	place_offset(f, c->ref, ahead ? n : -n, u);
	return true;
}

/*
 * Place f n units from a given day (NULL: unknown): days and weeks from a
 * day land on a day ("a week after June 3"), months and years on their unit.
 */
static void
place_from_day(found *f, const int32_t *base, long n, unit u)
{
	int32_t		day;

	f->precision = u <= UNIT_WEEK ? NK_PREC_DAY : unit_precision(u);
	if (!base)
		return;
	if (u > UNIT_WEEK)
		place_offset(f, *base, n, u);
	else if (day_offset(*base, n, u, &day))
		set_day(f, day);
}

/*
 * The mention an expression such as "the next day" or "a year earlier"
 * counts from: the last one resolved in the sentence or the two before, at
 * a precision no coarser than prec; NULL when there is none.
 */
static const nk_date_mention *
anchor_mention(const ctx *c, size_t i, nk_precision prec)
{
	const nk_date_mention *m;

	if (!c->out || c->out->count == 0)
		return NULL;
	m = &c->out->items[c->out->count - 1];
	if (!m->resolved || m->sentence + 2 < c->tok[i].sentence || m->precision == NK_PREC_RANGE ||
		m->precision > prec || m->precision == NK_PREC_VAGUE)
		return NULL;
	return m;
}

/*
 * Offsets from another day: "the day after tomorrow", "two days before
 * yesterday", "a week after June 3"; from the day told just before: "the
 * next day", "the following week", "the previous day", "the day before"
 * (at the end of its phrase), "two weeks later", "a year earlier".  Without
 * such a day there is nothing to count from, and no date.
 */
static bool
read_anchored(const ctx *c, size_t i, found *f)
{
	long		n = 1;
	unit		u;
	size_t		k;
	int			sign;
	const nk_date_mention *m;

	if (is_word(c, i, "the") &&
		(is_word(c, i + 1, "following") || is_word(c, i + 1, "next") || is_word(c, i + 1, "previous")) &&
		(u = unit_word(c, i + 2)) >= UNIT_DAY && u <= UNIT_YEAR &&
		c->tok[i + 2].fold[c->tok[i + 2].fold_len - 1] != 's' &&
		(u == UNIT_DAY || !is_word(c, i + 1, "next")))
	{
		sign = is_word(c, i + 1, "previous") ? -1 : 1;
		k = i + 3;
	}
	else
	{
		if (is_word(c, i, "the") && is_word(c, i + 1, "day"))
		{
			u = UNIT_DAY;
			k = i + 2;
		}
		else
		{
			n = count_value(c, i);
			u = unit_word(c, i + 1);
			if (n < 0 || u < UNIT_DAY || u > UNIT_YEAR)
				return false;
			k = i + 2;
		}
		if (is_word(c, k, "before") || is_word(c, k, "earlier"))
			sign = -1;
		else if (is_word(c, k, "after") || is_word(c, k, "later") || is_word(c, k, "from"))
			sign = 1;
		else
			return false;
		k++;
		if (is_word(c, k - 1, "before") || is_word(c, k - 1, "after") || is_word(c, k - 1, "from"))
		{
			found		a;

			/* a day named after it: "the day after tomorrow", "a week before June 3" */
			memset(&a, 0, sizeof(a));
			if (k < c->n && same_sentence(c, k - 1, k) && c->tok[k].kind != NK_TOKEN_PUNCT &&
				!(is_word(c, k, "that") || is_word(c, k, "then")))
			{
				/* a day of its own, not another offset: a chain of them has no end to count from */
				if (!(read_day_word(c, k, &a) || read_absolute(c, k, &a) || read_weekday(c, k, &a)) ||
					a.first != k || a.precision != NK_PREC_DAY)
					return false;
				f->first = i;
				f->next = a.next;
				f->end = a.end;
				place_from_day(f, a.resolved ? &a.from : NULL, sign * n, u);
				return true;
			}
			/* "two days from" counts from a day named after it, never from one told before */
			if (is_word(c, k - 1, "from"))
				return false;
		}
	}
	m = anchor_mention(c, i, u <= UNIT_WEEK ? NK_PREC_DAY : unit_precision(u));
	if (!m)
		return false;
	f->first = i;
	f->next = k;
	f->end = tok_end(c, k - 1);
	place_from_day(f, &m->date_from, sign * n, u);
	return true;
}

/* "the week after next", "the year before last": two units on or back. */
static bool
read_after_next(const ctx *c, size_t i, found *f)
{
	unit		u;
	int			sign;

	if (!is_word(c, i, "the") || (u = unit_word(c, i + 1)) < UNIT_WEEK || u > UNIT_YEAR ||
		c->tok[i + 1].fold[c->tok[i + 1].fold_len - 1] == 's')
		return false;
	if (is_word(c, i + 2, "after") && is_word(c, i + 3, "next"))
		sign = 1;
	else if (is_word(c, i + 2, "before") && is_word(c, i + 3, "last"))
		sign = -1;
	else
		return false;
	/* not "the month after next year's vote", "the week before last Friday" */
	if (unit_word(c, i + 4) != UNIT_NONE || weekday_at(c, i + 4) >= 0 || month_at(c, i + 4) ||
		is_word(c, i + 4, "weekend") || season_word(c, i + 4) != SEASON_NONE)
		return false;
	f->first = i;
	f->next = i + 4;
	f->end = tok_end(c, i + 3);
	f->precision = unit_precision(u);
	if (c->has_ref)
		place_offset(f, c->ref, 2 * sign, u);
	return true;
}

/*
 * A span reaching from the reference day: "the past three days", "the last
 * two years", "over the next ten days", "within the next six months", "the
 * coming two weeks".  A count is needed: "the last year" is a duration.
 */
static bool
read_span(const ctx *c, size_t i, found *f)
{
	size_t		j = is_word(c, i, "within") ? i + 1 : i;
	int			sign;
	long		n;
	unit		u;
	int32_t		other;

	if (!is_word(c, j, "the"))
		return false;
	if (is_word(c, j + 1, "past") || is_word(c, j + 1, "last"))
		sign = -1;
	else if (is_word(c, j + 1, "next") || is_word(c, j + 1, "coming"))
		sign = 1;
	else
		return false;
	n = count_value(c, j + 2);
	u = unit_word(c, j + 3);
	if (n < 1 || u < UNIT_DAY || u > UNIT_YEAR || is_word(c, j + 2, "a") || is_word(c, j + 2, "an"))
		return false;
	f->first = i;
	f->next = j + 4;
	f->end = tok_end(c, j + 3);
	f->precision = NK_PREC_RANGE;
	if (!c->has_ref || !day_offset(c->ref, sign * n, u, &other))
		return true;
	f->from = sign < 0 ? other : c->ref;
	f->to = sign < 0 ? c->ref : other;
	f->resolved = true;
	return true;
}

/*
 * Quarters: "Q2", "Q2 2021", "2021Q2", "the second quarter", "the fourth
 * quarter of 2023", "the first quarter of next year".  Without a year the
 * quarter is the latest one begun by the reference day, or in a future
 * clause the next one not yet over.
 */
static bool
read_quarter(const ctx *c, size_t i, found *f)
{
	const nk_token *t = &c->tok[i];
	int			q = 0,
				y = 0,
				delta = 0;
	bool		rel = false,
				need_year = false;
	size_t		k;

	if (t->kind == NK_TOKEN_WORD && t->fold_len == 2 && t->fold[0] == 'q' && t->fold[1] >= '1' && t->fold[1] <= '4')
	{
		q = t->fold[1] - '0';
		k = i + 1;
	}
	else if (t->kind == NK_TOKEN_WORD && t->fold_len == 6 && t->fold[4] == 'q' && t->fold[5] >= '1' &&
			 t->fold[5] <= '4' && t->fold[0] >= '1' && t->fold[0] <= '2')
	{
		for (int d = 0; d < 4; d++)
		{
			if (t->fold[d] < '0' || t->fold[d] > '9')
				return false;
			y = y * 10 + (t->fold[d] - '0');
		}
		q = t->fold[5] - '0';
		k = i + 1;
	}
	else
	{
		size_t		j = is_word(c, i, "the") ? i + 1 : i;

		if (j > i && (is_word(c, j, "final") || is_word(c, j, "last")))
		{
			/* "the last quarter" alone may be the one before this: only with its year */
			q = 4;
			k = j + 1;
			need_year = true;
		}
		else
			q = ordinal_at(c, j, &k);
		/* "second-quarter growth" */
		if (is_punct(c, k, "-") && !(c->tok[k].flags & NK_TOKEN_SPACE_BEFORE) && is_word(c, k + 1, "quarter"))
			k++;
		if (q < 1 || q > 4 || !is_word(c, k, "quarter") || (j == i && (c->tok[j].flags & NK_TOKEN_HAS_DIGIT)))
			return false;
		k++;
	}
	if (!y)
	{
		size_t		k2 = is_word(c, k, "of") ? k + 1 : k;

		if ((y = year_at(c, k2)) != 0)
			k = k2 + 1;
		else if (is_word(c, k, "of") && relative_year(c, k2, &delta))
		{
			rel = true;
			k = k2 + 2;
		}
		else if (relative_year(c, k, &delta))
		{
			rel = true;
			k += 2;
		}
		else if (is_word(c, k, "of"))
			return false;		/* "the first quarter of the match" */
		if (need_year && !y && !rel)
			return false;
	}
	f->first = i;
	f->next = k;
	f->end = tok_end(c, k - 1);
	f->precision = NK_PREC_QUARTER;
	if (!y)
	{
		if (!c->has_ref)
			return true;
		if (rel)
			y = c->ref_y + delta;
		else
		{
			int			refq = (c->ref_m - 1) / 3 + 1;

			f->year_inferred = true;
			if (tense_of(c, i, k) == TENSE_FUTURE)
				y = q >= refq ? c->ref_y : c->ref_y + 1;
			else
				y = q <= refq ? c->ref_y : c->ref_y - 1;
		}
	}
	if (y < NK_YEAR_MIN || y > NK_YEAR_MAX)
		return false;
	f->from = month_first(y, q * 3 - 2);
	f->to = month_last(y, q * 3);
	f->resolved = true;
	return true;
}

/*
 * Halves of a year: "the first half of 2022", "the second half of last year",
 * "the first half of the year" (the year of the reference day), "H2 2021".
 */
static bool
read_half(const ctx *c, size_t i, found *f)
{
	const nk_token *t = &c->tok[i];
	int			h,
				y = 0,
				delta = 0;
	size_t		k;

	if (t->kind == NK_TOKEN_WORD && t->fold_len == 2 && t->fold[0] == 'h' &&
		(t->fold[1] == '1' || t->fold[1] == '2') && (y = year_at(c, i + 1)) != 0)
	{
		h = t->fold[1] - '0';
		k = i + 2;
	}
	else if (is_word(c, i, "the") && (is_word(c, i + 1, "first") || is_word(c, i + 1, "second")) &&
			 is_word(c, i + 2, "half") && is_word(c, i + 3, "of"))
	{
		h = is_word(c, i + 1, "first") ? 1 : 2;
		k = i + 4;
		if ((y = year_at(c, k)) != 0)
			k++;
		else if (relative_year(c, k, &delta))
			k += 2;
		else if (is_word(c, k, "the") && is_word(c, k + 1, "year"))
			k += 2;
		else
			return false;
	}
	else
		return false;
	f->first = i;
	f->next = k;
	f->end = tok_end(c, k - 1);
	f->precision = NK_PREC_RANGE;
	if (!y)
	{
		if (!c->has_ref)
			return true;
		y = c->ref_y + delta;
	}
	if (y < NK_YEAR_MIN || y > NK_YEAR_MAX)
		return false;
	f->from = month_first(y, h == 1 ? 1 : 7);
	f->to = month_last(y, h == 1 ? 6 : 12);
	f->resolved = true;
	return true;
}

/*
 * "the second Friday of November", "the last Sunday in May 2024", "the first
 * Monday of next month".
 */
static bool
read_nth_weekday(const ctx *c, size_t i, found *f)
{
	size_t		k;
	int			nth,
				w,
				m,
				y = 0,
				delta = 0;
	bool		rel_month = false;
	int32_t		day;

	if (!is_word(c, i, "the"))
		return false;
	if (is_word(c, i + 1, "last"))
	{
		nth = -1;
		k = i + 2;
	}
	else if ((nth = ordinal_at(c, i + 1, &k)) < 1 || nth > 5)
		return false;
	if ((w = weekday_at(c, k)) < 0 || !(is_word(c, k + 1, "of") || is_word(c, k + 1, "in")))
		return false;
	k += 2;
	if ((m = month_at(c, k)) != 0)
	{
		k++;
		if (is_punct(c, k, ",") && year_at(c, k + 1))
			k++;
		if ((y = year_at(c, k)) != 0)
			k++;
		else if (relative_year(c, k, &delta))
		{
			rel_month = true;
			k += 2;
		}
	}
	else if ((is_word(c, k, "this") || is_word(c, k, "last") || is_word(c, k, "next")) &&
			 is_word(c, k + 1, "month"))
	{
		delta = is_word(c, k, "last") ? -1 : is_word(c, k, "next") ? 1 : 0;
		k += 2;
	}
	else
		return false;
	f->first = i;
	f->next = k;
	f->end = tok_end(c, k - 1);
	f->precision = NK_PREC_DAY;
	if (!c->has_ref && !y)
		return true;
	if (!m)
	{
		y = c->ref_y;
		m = c->ref_m;
		add_months(&y, &m, delta);
	}
	else if (rel_month)
		y = c->ref_y + delta;
	else if (!y)
	{
		y = infer_month_year(c, m, tense_of(c, i, k));
		f->year_inferred = true;
	}
	if (y < NK_YEAR_MIN || y > NK_YEAR_MAX)
		return false;
	if (nth > 0)
	{
		day = month_first(y, m);
		day += (w - nk_weekday(day) + 7) % 7 + 7 * (nth - 1);
	}
	else
	{
		day = month_last(y, m);
		day -= (nk_weekday(day) - w + 7) % 7;
	}
	if (day > month_last(y, m))
		return false;
	set_day(f, day);
	return true;
}

/*
 * A month and day in numbers without a year after a preposition: "on 3/14",
 * "by 14/3"; only when a part above 12 tells the day from the month.
 */
static bool
read_numeric_month_day(const ctx *c, size_t i, found *f)
{
	long		a,
				b;
	int			mo,
				d,
				y;

	if (i == 0 || !(is_word(c, i - 1, "on") || is_word(c, i - 1, "by") || is_word(c, i - 1, "until") ||
					is_word(c, i - 1, "since") || is_word(c, i - 1, "from") || is_word(c, i - 1, "before") ||
					is_word(c, i - 1, "after") || is_word(c, i - 1, "through") || is_word(c, i - 1, "to")))
		return false;
	if (!is_punct(c, i + 1, "/") || (c->tok[i + 1].flags & NK_TOKEN_SPACE_BEFORE) || i + 2 >= c->n ||
		(c->tok[i + 2].flags & NK_TOKEN_SPACE_BEFORE) || c->tok[i + 1].len != 1 ||
		c->tok[i].len > 2 || c->tok[i + 2].len > 2 ||
		(i + 3 < c->n && !(c->tok[i + 3].flags & NK_TOKEN_SPACE_BEFORE) &&
		 (is_punct(c, i + 3, "/") || c->tok[i + 3].kind != NK_TOKEN_PUNCT)))
		return false;
	a = count_value(c, i);
	b = count_value(c, i + 2);
	if (a >= 1 && a <= 12 && b > 12 && b <= 31)
	{
		mo = (int) a;
		d = (int) b;
	}
	else if (b >= 1 && b <= 12 && a > 12 && a <= 31)
	{
		mo = (int) b;
		d = (int) a;
	}
	else
		return false;
	if (d > nk_days_in_month(2000, mo))
		return false;
	f->first = i;
	f->next = i + 3;
	f->end = tok_end(c, i + 2);
	f->precision = NK_PREC_DAY;
	f->year_inferred = true;
	if (!c->has_ref)
		return true;
	if (!(y = infer_year(c, mo, d, tense_of(c, i, i + 3))))
		return false;
	set_day(f, nk_days_from_civil(y, mo, d));
	return true;
}

/* "the 25th", "on the 13th": a day of the reference month, by tense. */
static const char *const ordinal_followers[] = {
	"and", "when", "at", "in", "on", "as", "after", "before", "to", "with", "but", "while",
	"or", "this", "last", "night", "morning", "evening", "afternoon", "they", "he", "she", "we",
	NULL
};

/*
 * "the 25th", "on the twenty-first": a day of the reference month, by tense;
 * "the 15th of last month", "the third of next month": of that month.  A
 * day in words needs "on" before it and nothing after it in its phrase ("on
 * the second" but not "on the second day").
 */
static bool
read_ordinal_day(const ctx *c, size_t i, found *f)
{
	int			d;
	size_t		k;
	tense		tn;
	int			delta = 0;
	bool		of_month = false;
	bool		words;

	if (!is_word(c, i, "the") || i + 1 >= c->n)
		return false;
	words = !(c->tok[i + 1].flags & NK_TOKEN_HAS_DIGIT);
	if (words && !(i > 0 && is_word(c, i - 1, "on")))
		return false;
	d = ordinal_at(c, i + 1, &k);
	if (d < 1)
		return false;
	if (is_word(c, k, "of") && (is_word(c, k + 1, "last") || is_word(c, k + 1, "this") ||
								is_word(c, k + 1, "next")) && is_word(c, k + 2, "month"))
	{
		of_month = true;
		delta = is_word(c, k + 1, "last") ? -1 : is_word(c, k + 1, "next") ? 1 : 0;
		k += 3;
	}
	/* "the 13th of September" is the grammar's; "the 25th anniversary" is no date */
	else if (k < c->n && same_sentence(c, k - 1, k) &&
			 !(c->tok[k].kind == NK_TOKEN_PUNCT && !nk_token_is(&c->tok[k], "-")) &&
			 !(c->tok[k].kind == NK_TOKEN_WORD && in_class(c, k, W_FOLLOWER) &&
			   !(words && (is_word(c, k, "to") || is_word(c, k, "in") || is_word(c, k, "and") ||
						   is_word(c, k, "or") || is_word(c, k, "at") || is_word(c, k, "with") ||
						   is_word(c, k, "as") || is_word(c, k, "on")))))
		return false;
	f->first = i;
	f->next = k;
	f->end = tok_end(c, k - 1);
	f->precision = NK_PREC_DAY;
	if (!c->has_ref)
		return true;
	if (of_month)
	{
		int			y = c->ref_y,
					m = c->ref_m;

		add_months(&y, &m, delta);
		if (!nk_valid_civil(y, m, d))
			return false;
		set_day(f, nk_days_from_civil(y, m, d));
		return true;
	}
	tn = tense_of(c, i, k);
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

/* Move a day or month found with an inferred year by years. */
static void
shift_year(found *f, int years)
{
	int			y,
				m,
				d;

	if (!years || (f->precision != NK_PREC_DAY && f->precision != NK_PREC_MONTH))
		return;
	nk_civil_from_days(f->from, &y, &m, &d);
	y += years;
	if (f->precision == NK_PREC_MONTH)
	{
		if (!set_month(f, y, m))
			f->resolved = false;
	}
	else if (nk_valid_civil(y, m, d))
		set_day(f, nk_days_from_civil(y, m, d));
	else
		f->resolved = false;
}

/* The point expressions: what can stand on either side of "between ... and". */
static bool
read_point(const ctx *c, size_t i, found *f)
{
	memset(f, 0, sizeof(*f));
	if (i >= c->n)				/* past the last token ("from" at the end of a text) */
		return false;
	return read_anchored(c, i, f) || read_day_first_range(c, i, f) || read_absolute(c, i, f) ||
		read_decade(c, i, f) || read_half(c, i, f) ||
		read_quarter(c, i, f) || read_year(c, i, f) || read_numeric_month_day(c, i, f) ||
		read_season_year(c, i, f) || read_month(c, i, f) || read_weekday(c, i, f) ||
		read_day_word(c, i, f) || read_relative_unit(c, i, f) || read_the_weekend(c, i, f) ||
		read_ago(c, i, f) || read_span(c, i, f) || read_after_next(c, i, f) || read_nth_weekday(c, i, f) ||
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
	/* one expression: a year taken from the reference day yields to the other end's */
	if (a.resolved && b.resolved && a.year_inferred && !b.year_inferred)
	{
		/* "from June to September 2021": the start is in the end's year or the one before */
		int			ya,
					ma,
					da,
					yb,
					mb,
					db;

		nk_civil_from_days(a.from, &ya, &ma, &da);
		nk_civil_from_days(b.to, &yb, &mb, &db);
		shift_year(&a, yb - ya - (ma > mb ? 1 : 0));
	}
	else if (a.resolved && b.resolved && b.to < a.from && b.year_inferred)
		shift_year(&b, 1);
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
	"autumn", "fall", "winter", "after", "first", "second", "third", "fourth", "fifth", "sixth",
	"seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
	"fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
	"thirtieth", NULL
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
	/* the full names in lower case are starters */
	if ((t->flags & NK_TOKEN_CAPITALIZED) &&
		(nk_month_from_word(t->fold, t->fold_len) || nk_weekday_from_word(t->fold, t->fold_len) >= 0))
		return true;
	/* "jan 5": an abbreviation in lower case, with its day */
	if (t->fold_len <= 4 && i + 1 < c->n && c->tok[i + 1].kind == NK_TOKEN_NUMBER &&
		nk_month_from_word(t->fold, t->fold_len))
		return true;
	return in_class(c, i, W_STARTER);
}

static void
build_word_table(void)
{
	word_add_list(starters, W_STARTER);
	for (int m = 1; m <= 12; m++)
		word_add(nk_month_name(m), W_STARTER);
	for (int w = 0; w < 7; w++)
		word_add(nk_weekday_name(w), W_STARTER);
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
	c.out = out;
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
