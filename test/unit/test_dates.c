/*
 * test_dates.c
 *	  Unit tests of the calendar arithmetic, the absolute date grammar and the
 *	  dates stage.
 */
#define _POSIX_C_SOURCE 200809L	/* setenv, tzset, localtime_r */

#include "nk_dates.h"
#include "unit.h"

#include <ctype.h>
#include <stdlib.h>
#include <time.h>

static nk_arena *arena;

/* ---------------------------------------------------------------- calendar */

static void
test_calendar(void)
{
	int			y,
				m,
				d,
				iy,
				w;

	CHECK_INT_EQ(nk_days_from_civil(1970, 1, 1), 0);
	CHECK_INT_EQ(nk_days_from_civil(2000, 3, 1), 11017);
	CHECK_INT_EQ(nk_days_from_civil(1969, 12, 31), -1);
	CHECK_INT_EQ(nk_days_from_civil(2024, 2, 29) + 1, nk_days_from_civil(2024, 3, 1));
	CHECK_INT_EQ(nk_days_from_civil(2023, 2, 28) + 1, nk_days_from_civil(2023, 3, 1));
	for (int32_t day = nk_days_from_civil(1, 1, 1); day <= nk_days_from_civil(9999, 12, 31); day += 997)
	{
		nk_civil_from_days(day, &y, &m, &d);
		if (nk_days_from_civil(y, m, d) != day || !nk_valid_civil(y, m, d))
		{
			CHECK(false);
			break;
		}
	}
	nk_civil_from_days(nk_days_from_civil(1600, 2, 29), &y, &m, &d);
	CHECK(y == 1600 && m == 2 && d == 29);
	CHECK(nk_is_leap_year(2000));
	CHECK(!nk_is_leap_year(1900));
	CHECK(!nk_is_leap_year(2100));
	CHECK(nk_is_leap_year(2024));
	CHECK(!nk_valid_civil(2023, 2, 29));
	CHECK(nk_valid_civil(2024, 2, 29));
	CHECK(!nk_valid_civil(2023, 4, 31));
	CHECK(!nk_valid_civil(0, 1, 1));
	CHECK(!nk_valid_civil(10000, 1, 1));
	CHECK(!nk_valid_civil(2023, 13, 1));
	CHECK(!nk_valid_civil(2023, 1, 0));
	CHECK_INT_EQ(nk_weekday(0), 3);	/* a Thursday */
	CHECK_INT_EQ(nk_weekday(nk_days_from_civil(2023, 9, 13)), 2);
	CHECK_INT_EQ(nk_weekday(nk_days_from_civil(2024, 1, 1)), 0);
	CHECK_INT_EQ(nk_weekday(-1), 2);
	nk_iso_week(nk_days_from_civil(2023, 9, 13), &iy, &w);
	CHECK(iy == 2023 && w == 37);
	nk_iso_week(nk_days_from_civil(2021, 1, 1), &iy, &w);
	CHECK(iy == 2020 && w == 53);
	nk_iso_week(nk_days_from_civil(2024, 12, 30), &iy, &w);
	CHECK(iy == 2025 && w == 1);
	CHECK_INT_EQ(nk_month_from_word("sept", 4), 9);
	CHECK_INT_EQ(nk_month_from_word("jan", 3), 1);
	CHECK_INT_EQ(nk_month_from_word("june", 4), 6);
	CHECK_INT_EQ(nk_month_from_word("junes", 5), 0);
	CHECK_INT_EQ(nk_weekday_from_word("tues", 4), 1);
	CHECK_INT_EQ(nk_weekday_from_word("sunday", 6), 6);
	CHECK_INT_EQ(nk_weekday_from_word("funday", 6), -1);
	{
		int			off = 0;

		CHECK(nk_zone_from_word("kst", 3, &off) && off == 540);
		CHECK(nk_zone_from_word("ist", 3, &off) && off == 330);
		CHECK(nk_zone_from_word("cst", 3, &off) && off == -360);
		CHECK(!nk_zone_from_word("xyz", 3, &off));
	}
}

/* ---------------------------------------------------------------- zones */

/*
 * Minutes east of UTC of zone at instant t by the system's tzdata (TZ is left
 * set to zone); false when tzdata does not have the zone.
 */
static bool
tzdata_offset(const char *zone, time_t t, int *offset)
{
	const char *dir = getenv("TZDIR") ? getenv("TZDIR") : "/usr/share/zoneinfo";
	char		path[512];
	FILE	   *f;
	struct tm	tm;

	snprintf(path, sizeof(path), "%s/%s", dir, zone);
	if ((f = fopen(path, "rb")) == NULL)
		return false;
	fclose(f);
	setenv("TZ", zone, 1);
	tzset();
	if (localtime_r(&t, &tm) == NULL)
		return false;
	*offset = (int) (((int64_t) nk_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * 86400 +
					  tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec - (int64_t) t) / 60);
	return true;
}

/*
 * Every line of data/dates/zones.tsv: each abbreviation is read after a
 * printed time and each dateline place sets the zone of its document, with
 * the line's offset; and where the system has tzdata, the line's zone keeps
 * that offset (a dateline place in January and July alike, an abbreviation in
 * one of them).
 */
static void
test_zones(void)
{
	/* 2024-01-15 and 2024-07-15, 12:00 UTC */
	const time_t probes[2] = {1705320000, 1721044800};
	char	   *tz = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	int			abbreviations = 0,
				places = 0,
				against_tzdata = 0;

	for (const nk_zone_name *z = nk_zone_abbreviations; z->name; z++, abbreviations++)
	{
		char		text[64];
		size_t		n = (size_t) snprintf(text, sizeof(text), "Dec 25, 2023 12:00 ");
		nk_datetime dt;
		nk_span		where;
		int			off = 9999;
		bool		have = false,
					keeps = false;

		for (const char *p = z->name; *p && n + 1 < sizeof(text); p++)
			text[n++] = (char) toupper((unsigned char) *p);
		text[n] = '\0';
		CHECK(nk_zone_from_word(z->name, strlen(z->name), &off) && off == z->utc_offset);
		CHECK(nk_find_datetime(arena, text, n, &dt, &where) && dt.has_zone &&
			  dt.utc_offset == z->utc_offset && where.len == n);
		for (int k = 0; k < 2; k++)
			if (tzdata_offset(z->zone, probes[k], &off))
			{
				have = true;
				keeps |= off == z->utc_offset;
			}
		if (have)
		{
			CHECK(keeps);
			if (!keeps)
				fprintf(stderr, "  %s: tzdata's %s keeps no offset of %d\n", z->name, z->zone, z->utc_offset);
			against_tzdata++;
		}
	}
	for (const nk_zone_name *z = nk_dateline_places; z->name; z++, places++)
	{
		char		text[96];
		int			n = snprintf(text, sizeof(text), "%c%s, June 18 -- Kim spoke today.",
								 toupper((unsigned char) z->name[0]), z->name + 1);
		const nk_doc *doc = nk_doc_build(arena, text, (size_t) n);
		int			off = 9999;
		bool		have = false,
					keeps = true;

		CHECK(nk_zone_of_place(z->name, strlen(z->name), &off) && off == z->utc_offset);
		off = 9999;
		CHECK(nk_doc_dateline_offset(doc, &off) && off == z->utc_offset);
		for (int k = 0; k < 2; k++)
			if (tzdata_offset(z->zone, probes[k], &off))
			{
				have = true;
				keeps &= off == z->utc_offset;
			}
		if (have)
		{
			CHECK(keeps);
			if (!keeps)
				fprintf(stderr, "  %s: tzdata's %s does not keep %d all year\n", z->name, z->zone, z->utc_offset);
			against_tzdata++;
		}
	}
	if (tz)
		setenv("TZ", tz, 1);
	else
		unsetenv("TZ");
	tzset();
	free(tz);
	CHECK(abbreviations > 0 && places > 0);
	printf("zones: %d abbreviations, %d dateline places, %d checked against tzdata\n",
		   abbreviations, places, against_tzdata);
}

/* ---------------------------------------------------------------- header dates */

typedef struct header_case
{
	const char *text;
	const char *span;			/* NULL: no date */
	int			y,
				m,
				d,
				h,
				mi,
				s;
	int			zone;			/* minutes east, or 9999 for none */
} header_case;

#define NOZ 9999

static const header_case header_cases[] = {
	{"Sep.12 - 2023 3:46 PM CET", "Sep.12 - 2023 3:46 PM CET", 2023, 9, 12, 15, 46, 0, 60},
	{"September 13, 2023 4:34 am(Updated 7:46 am)", "September 13, 2023 4:34 am", 2023, 9, 13, 4, 34, 0, NOZ},
	{"13 September 2023", "13 September 2023", 2023, 9, 13, -1, 0, 0, NOZ},
	{"2023-09-13T07:30:00Z", "2023-09-13T07:30:00Z", 2023, 9, 13, 7, 30, 0, 0},
	{"2023-07-28T05:13+0000", "2023-07-28T05:13+0000", 2023, 7, 28, 5, 13, 0, 0},
	{"Updated 10:21 AM EDT, Wed September 13, 2023", "10:21 AM EDT, Wed September 13, 2023", 2023, 9, 13, 10, 21, 0, -240},
	{"Oct. 18, 2023 - 19:45", "Oct. 18, 2023 - 19:45", 2023, 10, 18, 19, 45, 0, NOZ},
	{"| 1 October 2023, Sunday |", "1 October 2023, Sunday", 2023, 10, 1, -1, 0, 0, NOZ},
	{"11:14, October 20, 2023", "11:14, October 20, 2023", 2023, 10, 20, 11, 14, 0, NOZ},
	{"18:09 October 19, 2023", "18:09 October 19, 2023", 2023, 10, 19, 18, 9, 0, NOZ},
	{"2023-10-19 16:10", "2023-10-19 16:10", 2023, 10, 19, 16, 10, 0, NOZ},
	{"June. 20, 2024 07:45", "June. 20, 2024 07:45", 2024, 6, 20, 7, 45, 0, NOZ},
	{"Tuesday, March 5, 2024 at 09:14:05 AM", "Tuesday, March 5, 2024 at 09:14:05 AM", 2024, 3, 5, 9, 14, 5, NOZ},
	{"16-05-2024 20:07 IST", "16-05-2024 20:07 IST", 2024, 5, 16, 20, 7, 0, 330},
	{"2024-05-17 | 00:37", "2024-05-17 | 00:37", 2024, 5, 17, 0, 37, 0, NOZ},
	{"August 27, 2024 5:54 PM", "August 27, 2024 5:54 PM", 2024, 8, 27, 17, 54, 0, NOZ},
	{"Sept. 13", "Sept. 13", 0, 9, 13, -1, 0, 0, NOZ},
	{"June 18", "June 18", 0, 6, 18, -1, 0, 0, NOZ},
	{"9/13/2023", "9/13/2023", 2023, 9, 13, -1, 0, 0, NOZ},
	{"Posted 12:00 UTC+9, 3 May 2024", "12:00 UTC+9, 3 May 2024", 2024, 5, 3, 12, 0, 0, 540},
	{"2023-09-13T07:30:00.250-05:00", "2023-09-13T07:30:00.250-05:00", 2023, 9, 13, 7, 30, 0, -300},
	{"Dec 25, 2023 12:00 a.m. KST", "Dec 25, 2023 12:00 a.m. KST", 2023, 12, 25, 0, 0, 0, 540},
	{"Feb 29, 2024 10:00 XYZ", "Feb 29, 2024 10:00", 2024, 2, 29, 10, 0, 0, NOZ},
	{"Feb 29", "Feb 29", 0, 2, 29, -1, 0, 0, NOZ},
	{"Feb 30, 2023", NULL},
	{"Feb 29, 2023", NULL},
	{"05/06/2023", NULL},
	{"2023-13-01", NULL},
	{"0000-01-01", NULL},
	{"3:46 PM CET", NULL},
	{"July 2000", NULL},
	{"", NULL},
};

static void
test_headers(void)
{
	for (size_t k = 0; k < sizeof(header_cases) / sizeof(header_cases[0]); k++)
	{
		const header_case *hc = &header_cases[k];
		nk_datetime dt;
		nk_span		where;
		bool		found = nk_find_datetime(arena, hc->text, strlen(hc->text), &dt, &where);

		if (!hc->span)
		{
			if (found)
				fprintf(stderr, "header \"%s\": found a date\n", hc->text);
			CHECK(!found);
			continue;
		}
		CHECK(found);
		if (!found)
		{
			fprintf(stderr, "header \"%s\": no date\n", hc->text);
			continue;
		}
		CHECK_STR_EQ(nk_arena_strndup(arena, hc->text + where.start, where.len), hc->span);
		CHECK_INT_EQ(dt.year, hc->y);
		CHECK_INT_EQ(dt.month, hc->m);
		CHECK_INT_EQ(dt.day, hc->d);
		CHECK_INT_EQ(dt.hour, hc->h);
		if (hc->h >= 0)
		{
			CHECK_INT_EQ(dt.minute, hc->mi);
			CHECK_INT_EQ(dt.second, hc->s);
		}
		CHECK_INT_EQ(dt.has_zone, hc->zone != NOZ);
		if (hc->zone != NOZ)
			CHECK_INT_EQ(dt.utc_offset, hc->zone);
	}
}

/* ---------------------------------------------------------------- expressions */

#define EXPRESSIONS "test/fixtures/dates/expressions.tsv"

/*
 * One line of EXPRESSIONS (the same table sql/dates_table.sql runs): text,
 * reference instant ("YYYY-MM-DD" at 12:00 UTC, "YYYY-MM-DD HH:MM" UTC, or
 * NULL for none), the mention to check (NULL: no mention at all), its range
 * (NULL when unresolved), precision and TIMEX.
 */
typedef struct expr_case
{
	const char *text;
	const char *ref;
	const char *mention;
	const char *from;
	const char *to;
	const char *precision;
	const char *timex;
} expr_case;

typedef NK_VEC(expr_case) expr_case_list;

/*
 * The cases of EXPRESSIONS into *out, pointing into the file's text, which is
 * returned for free(); NULL when the file cannot be read.
 */
static char *
read_expressions(expr_case_list *out)
{
	size_t		len;
	char	   *text = unit_read_file(EXPRESSIONS, &len);
	char	   *line = text;

	if (text == NULL)
	{
		printf("test_dates: %s not found; run from the repository root\n", EXPRESSIONS);
		return NULL;
	}
	while (line < text + len)
	{
		char	   *nl = strchr(line, '\n');
		const char *f[7];
		int			n = 0;

		if (nl)
			*nl = '\0';
		if (*line != '#' && *line != '\0')
		{
			for (char *c = line; n < 7; n++)
			{
				char	   *tab = strchr(c, '\t');

				if (tab)
					*tab = '\0';
				f[n] = strcmp(c, "\\N") == 0 ? NULL : c;
				if (!tab)
				{
					n++;
					break;
				}
				c = tab + 1;
			}
			CHECK_INT_EQ(n, 7);
			if (n == 7)
			{
				expr_case  *ec = nk_vec_push(arena, out);

				ec->text = f[0];
				ec->ref = f[1];
				ec->mention = f[2];
				ec->from = f[3];
				ec->to = f[4];
				ec->precision = f[5];
				ec->timex = f[6];
			}
		}
		if (!nl)
			break;
		line = nl + 1;
	}
	return text;
}

static bool
parse_ref(const char *ref, int64_t *out)
{
	int			y,
				m,
				d,
				h = 12,
				mi = 0;

	if (!ref || sscanf(ref, "%d-%d-%d", &y, &m, &d) != 3)
		return false;
	if (strlen(ref) > 10)
		sscanf(ref + 11, "%d:%d", &h, &mi);
	*out = (int64_t) nk_days_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60;
	return true;
}

static const char *
day_string(int32_t day)
{
	int			y,
				m,
				d;

	nk_civil_from_days(day, &y, &m, &d);
	return nk_arena_sprintf(arena, "%04d-%02d-%02d", y, m, d);
}

static void
test_expressions(void)
{
	expr_case_list cases = {0};
	char	   *text = read_expressions(&cases);

	CHECK(text != NULL);
	CHECK(cases.count >= 200);
	for (size_t k = 0; k < cases.count; k++)
	{
		const expr_case *ec = &cases.items[k];
		nk_doc	   *doc = nk_doc_build(arena, ec->text, strlen(ec->text));
		nk_date_list list = {0};
		int64_t		pub;
		bool		has_pub = parse_ref(ec->ref, &pub);
		const nk_date_mention *hit = NULL;

		nk_extract_dates(arena, doc, has_pub ? &pub : NULL, &list);
		if (!ec->mention)
		{
			if (list.count)
				fprintf(stderr, "case %zu \"%s\": unexpected \"%.*s\"\n", k, ec->text,
						(int) list.items[0].span.len, ec->text + list.items[0].span.start);
			CHECK_INT_EQ(list.count, 0);
			continue;
		}
		for (size_t j = 0; j < list.count; j++)
		{
			const nk_date_mention *m = &list.items[j];

			if (m->span.len == strlen(ec->mention) &&
				memcmp(ec->text + m->span.start, ec->mention, m->span.len) == 0)
				hit = m;
		}
		if (!hit)
		{
			fprintf(stderr, "case %zu \"%s\": no mention \"%s\" among %zu\n", k, ec->text, ec->mention,
					list.count);
			for (size_t j = 0; j < list.count; j++)
				fprintf(stderr, "    got \"%.*s\"\n", (int) list.items[j].span.len,
						ec->text + list.items[j].span.start);
			CHECK(false);
			continue;
		}
		if (ec->from)
		{
			CHECK(hit->resolved);
			if (hit->resolved)
			{
				CHECK_STR_EQ(day_string(hit->date_from), ec->from);
				CHECK_STR_EQ(day_string(hit->date_to), ec->to);
			}
		}
		else
			CHECK(!hit->resolved);
		CHECK_STR_EQ(nk_precision_name(hit->precision), ec->precision);
		CHECK_STR_EQ(hit->timex, ec->timex);
		CHECK_INT_EQ(hit->sentence, nk_doc_sentence_at(doc, hit->span.start));
	}
	free(text);
}

/* Inputs that must not crash or run away. */
static void
test_robustness(void)
{
	static const char *const inputs[] = {
		"", " ", "-", "the", "the 1st", "in", "between", "between 2019 and", "from June 18 to",
		"June 18-", "Sep.", "2023-", "2023-09-", "2023-09-13T", "2023-09-13T07:", "12:", "+",
		"UTC+", "99999999999 days ago", "in 99999999999 days", "year 0", "in 0", "9999-12-31T23:59:60+14:00",
		"Dec. 31, 9999 - Jan. 1", "December 31-32, 2023", "last", "next", "this", "the coming",
	};
	int64_t		pubs[] = {0, -62135596800LL, 253402300799LL, INT64_C(9000000000000)};

	for (size_t k = 0; k < sizeof(inputs) / sizeof(inputs[0]); k++)
		for (size_t p = 0; p < sizeof(pubs) / sizeof(pubs[0]); p++)
		{
			nk_doc	   *doc = nk_doc_build(arena, inputs[k], strlen(inputs[k]));
			nk_date_list list = {0};

			nk_extract_dates(arena, doc, &pubs[p], &list);
			for (size_t j = 0; j < list.count; j++)
				CHECK(list.items[j].span.start + list.items[j].span.len <= strlen(inputs[k]));
		}
}

int
main(void)
{
	arena = nk_arena_create();
	test_calendar();
	test_zones();
	test_headers();
	test_expressions();
	test_robustness();
	nk_arena_destroy(arena);
	return unit_report();
}
