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

/*
 * text, reference instant ("YYYY-MM-DD" at 12:00 UTC, "YYYY-MM-DD HH:MM" UTC,
 * or NULL for none), the mention to check (NULL: no mention at all), its
 * range ("" when unresolved), precision and TIMEX.
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

#define R1 "2023-09-13"			/* a Wednesday */
#define R2 "2024-01-01"			/* a Monday */
#define R3 "2024-02-29"			/* a Thursday, leap day */
#define R4 "2025-03-01"			/* a Saturday */

static const expr_case expr_cases[] = {
	/* absolute dates in every order */
	{"The talks were held on September 13, 2023.", R1, "September 13, 2023", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"It opened on 13 September 2023 in the capital.", R1, "13 September 2023", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"The accord was signed on Sept. 12, 2023.", R1, "Sept. 12, 2023", "2023-09-12", "2023-09-12", "day", "2023-09-12"},
	{"Officials met on Sep.12 - 2023 in the port.", R1, "Sep.12 - 2023", "2023-09-12", "2023-09-12", "day", "2023-09-12"},
	{"The memo is dated 2023-09-13.", R1, "2023-09-13", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"The filing was due 9/13/2023 at the court.", R1, "9/13/2023", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"The filing was due 13/9/2023 at the court.", R1, "13/9/2023", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"The filing was due 05/06/2023 at the court.", R1, NULL},
	{"Nothing was agreed on Feb 30, 2023 by anyone.", R1, NULL},
	{"The plan was for February 29, 2023 originally.", R1, NULL},
	{"The leap day fell on February 29, 2024.", R3, "February 29, 2024", "2024-02-29", "2024-02-29", "day", "2024-02-29"},
	{"The summit on 1 October 2023, Sunday, ended early.", R1, "1 October 2023, Sunday", "2023-10-01", "2023-10-01", "day", "2023-10-01"},
	{"The ceasefire began on July 27, 1953.", R1, "July 27, 1953", "1953-07-27", "1953-07-27", "day", "1953-07-27"},
	{"He landed on the 5th of March 2024 at noon.", R3, "5th of March 2024", "2024-03-05", "2024-03-05", "day", "2024-03-05"},
	{"The parade took place on Sept. 13.", R1, "Sept. 13", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"The delegation arrived on June 18.", "2024-06-20", "June 18", "2024-06-18", "2024-06-18", "day", "2024-06-18"},
	{"The launch was on December 30.", "2024-01-03", "December 30", "2023-12-30", "2023-12-30", "day", "2023-12-30"},
	{"The vote will be held on January 5.", "2023-12-28", "January 5", "2024-01-05", "2024-01-05", "day", "2024-01-05"},
	{"A ship sailed on March 2.", "2024-10-01", "March 2", "2024-03-02", "2024-03-02", "day", "2024-03-02"},
	{"A convoy left on June 19, the office added.", "2024-06-17", "June 19", "2024-06-19", "2024-06-19", "day", "2024-06-19"},
	{"SEOUL, Sept. 13 (Yonhap) -- The North fired a missile.", R1, "Sept. 13", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"PYONGYANG, June 18. /TASS/. The two leaders met.", "2024-06-18", "June 18", "2024-06-18", "2024-06-18", "day", "2024-06-18"},
	{"The meeting was on June 18.", NULL, "June 18", "", "", "day", NULL},
	{"The exercise ran from June 18 to 20.", "2024-06-25", "from June 18 to 20", "2024-06-18", "2024-06-20", "range", "2024-06-18/2024-06-20"},
	{"Drills were held June 18-19 near the border.", "2024-06-25", "June 18-19", "2024-06-18", "2024-06-19", "range", "2024-06-18/2024-06-19"},
	{"Talks ran Sept. 12-19 in the city.", "2023-09-25", "Sept. 12-19", "2023-09-12", "2023-09-19", "range", "2023-09-12/2023-09-19"},
	{"The forum runs Dec. 30-Jan. 2 in the port.", "2023-12-20", "Dec. 30-Jan. 2", "2023-12-30", "2024-01-02", "range", "2023-12-30/2024-01-02"},
	{"A fair ran from June 18 to June 20.", "2024-06-25", "from June 18 to June 20", "2024-06-18", "2024-06-20", "range", "2024-06-18/2024-06-20"},
	{"Games ran June 18-19, 2024 in the city.", NULL, "June 18-19, 2024", "2024-06-18", "2024-06-19", "range", "2024-06-18/2024-06-19"},
	{"Games ran June 18-19 in the city.", NULL, "June 18-19", "", "", "range", NULL},
	{"On Tuesday, January 2 the rockets struck.", "2024-01-04", "Tuesday, January 2", "2024-01-02", "2024-01-02", "day", "2024-01-02"},
	{"The January 2 launch failed.", "2024-01-10", "January 2", "2024-01-02", "2024-01-02", "day", "2024-01-02"},
	{"He spoke on Aug. 27 at length.", "2024-08-27", "Aug. 27", "2024-08-27", "2024-08-27", "day", "2024-08-27"},
	{"WASHINGTON, Jan 4 (Wire) -- Officials spoke.", "2024-01-04", "Jan 4", "2024-01-04", "2024-01-04", "day", "2024-01-04"},
	{"It was posted June. 20, 2024 at dawn.", R1, "June. 20, 2024", "2024-06-20", "2024-06-20", "day", "2024-06-20"},
	{"Filed 16-05-2024 by the clerk.", R1, "16-05-2024", "2024-05-16", "2024-05-16", "day", "2024-05-16"},
	{"They met on the 13th of September in the hall.", R1, "13th of September", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"They met on 13 Sept in the hall.", R1, "13 Sept", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"Printed Wed September 13, 2023 in the paper.", R1, "Wed September 13, 2023", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"Stamped Oct. 18, 2023 - 19:45 on the page.", R1, "Oct. 18, 2023 - 19:45", "2023-10-18", "2023-10-18", "day", "2023-10-18"},
	{"Logged 2023-09-13T07:30:00Z by the system.", R1, "2023-09-13T07:30:00Z", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"Seen Tuesday, March 5, 2024 at 09:14:05 AM here.", R1, "Tuesday, March 5, 2024 at 09:14:05 AM", "2024-03-05", "2024-03-05", "day", "2024-03-05"},
	{"The file expires on 9999-12-31.", R1, "9999-12-31", "9999-12-31", "9999-12-31", "day", "9999-12-31"},
	{"The file expired on 0000-01-01.", R1, NULL},
	/* month and year */
	{"In July 2000 he made the trip.", R1, "July 2000", "2000-07-01", "2000-07-31", "month", "2000-07"},
	{"The plant closed in March 2019.", R1, "March 2019", "2019-03-01", "2019-03-31", "month", "2019-03"},
	{"It shut in Sept. 2023 for repairs.", R1, "Sept. 2023", "2023-09-01", "2023-09-30", "month", "2023-09"},
	{"It shut in June, 2024 for repairs.", R1, "June, 2024", "2024-06-01", "2024-06-30", "month", "2024-06"},
	{"Output fell in February 2024.", R1, "February 2024", "2024-02-01", "2024-02-29", "month", "2024-02"},
	{"Output fell in February 2023.", R1, "February 2023", "2023-02-01", "2023-02-28", "month", "2023-02"},
	{"Output will fall in February 2100.", R1, "February 2100", "2100-02-01", "2100-02-28", "month", "2100-02"},
	{"Output fell in February 2000.", R1, "February 2000", "2000-02-01", "2000-02-29", "month", "2000-02"},
	{"Prices rose in May 2019.", R1, "May 2019", "2019-05-01", "2019-05-31", "month", "2019-05"},
	{"Prices rose in late October 2024.", "2024-12-18", "late October 2024", "2024-10-01", "2024-10-31", "month", "2024-10"},
	{"Prices rose in mid-December 2024.", "2024-12-18", "mid-December 2024", "2024-12-01", "2024-12-31", "month", "2024-12"},
	{"The pair met in September 2023.", NULL, "September 2023", "2023-09-01", "2023-09-30", "month", "2023-09"},
	/* months alone */
	{"Images came out in early July of this year.", R1, "early July of this year", "2023-07-01", "2023-07-31", "month", "2023-07"},
	{"He went there in September last year.", "2024-06-17", "September last year", "2023-09-01", "2023-09-30", "month", "2023-09"},
	{"The rally was held last September.", "2024-02-27", "last September", "2023-09-01", "2023-09-30", "month", "2023-09"},
	{"A new plant opens next March.", R1, "next March", "2024-03-01", "2024-03-31", "month", "2024-03"},
	{"The two met in September.", "2023-10-20", "September", "2023-09-01", "2023-09-30", "month", "2023-09"},
	{"The rockets came in February.", "2024-11-26", "February", "2024-02-01", "2024-02-29", "month", "2024-02"},
	{"The trade rose in October.", "2024-01-04", "October", "2023-10-01", "2023-10-31", "month", "2023-10"},
	{"The summit will take place in October.", R1, "October", "2023-10-01", "2023-10-31", "month", "2023-10"},
	{"Elections will be held in March.", R1, "March", "2024-03-01", "2024-03-31", "month", "2024-03"},
	{"It came after the rare September summit.", "2023-11-23", "September", "2023-09-01", "2023-09-30", "month", "2023-09"},
	{"Sales have risen since May.", R1, "May", "2023-05-01", "2023-05-31", "month", "2023-05"},
	{"Pyongyang may test again in March.", R1, "March", "2024-03-01", "2024-03-31", "month", "2024-03"},
	{"Kim may visit the site.", R1, NULL},
	{"Troops march to the border.", R1, NULL},
	{"Strikes were reported in late June.", "2024-08-27", "late June", "2024-06-01", "2024-06-30", "month", "2024-06"},
	{"Stocks were sold in early November.", "2024-12-18", "early November", "2024-11-01", "2024-11-30", "month", "2024-11"},
	{"The rally was held in September.", NULL, "September", "", "", "month", NULL},
	/* years, year ranges, decades */
	{"The war began in 2022.", R1, "2022", "2022-01-01", "2022-12-31", "year", "2022"},
	{"Sanctions have applied since 2017.", R1, "2017", "2017-01-01", "2017-12-31", "year", "2017"},
	{"Between 2019 and 2023 the trade grew.", R1, "Between 2019 and 2023", "2019-01-01", "2023-12-31", "range", "2019-01-01/2023-12-31"},
	{"Prices fell from 2014 to 2016 there.", R1, "from 2014 to 2016", "2014-01-01", "2016-12-31", "range", "2014-01-01/2016-12-31"},
	{"They remember the 1990s famine.", R1, "1990s", "1990-01-01", "1999-12-31", "decade", "199"},
	{"It was built during the early 2000s.", R1, "early 2000s", "2000-01-01", "2009-12-31", "decade", "200"},
	{"Veterans of the 1950-1953 war met.", R1, "1950-1953", "1950-01-01", "1953-12-31", "range", "1950-01-01/1953-12-31"},
	{"He fought in 1950-53 in the south.", R1, "1950-53", "1950-01-01", "1953-12-31", "range", "1950-01-01/1953-12-31"},
	{"The fighting eased by mid-2022.", R1, "mid-2022", "2022-01-01", "2022-12-31", "year", "2022"},
	{"The yard will reopen in early 2023.", R1, "early 2023", "2023-01-01", "2023-12-31", "year", "2023"},
	{"In 2020 the borders were shut.", R1, "2020", "2020-01-01", "2020-12-31", "year", "2020"},
	{"It was the year 2019 that changed it.", R1, "2019", "2019-01-01", "2019-12-31", "year", "2019"},
	{"Work must end by the end of 2024.", R1, "2024", "2024-01-01", "2024-12-31", "year", "2024"},
	{"The pact dates from 1961.", NULL, "1961", "1961-01-01", "1961-12-31", "year", "1961"},
	{"The war began in 2022.", NULL, "2022", "2022-01-01", "2022-12-31", "year", "2022"},
	{"They recall the 1990s famine.", NULL, "1990s", "1990-01-01", "1999-12-31", "decade", "199"},
	{"Between 2019 and 2023 the trade grew.", NULL, "Between 2019 and 2023", "2019-01-01", "2023-12-31", "range", "2019-01-01/2023-12-31"},
	/* weekdays by tense, around the publication day (R1, a Wednesday) */
	{"Kim arrived on Monday.", R1, "Monday", "2023-09-11", "2023-09-11", "day", "2023-09-11"},
	{"Kim arrived on Wednesday.", R1, "Wednesday", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"Kim arrived on Thursday.", R1, "Thursday", "2023-09-07", "2023-09-07", "day", "2023-09-07"},
	{"Kim will arrive on Thursday.", R1, "Thursday", "2023-09-14", "2023-09-14", "day", "2023-09-14"},
	{"Kim will arrive on Wednesday.", R1, "Wednesday", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"Kim is to tour the plant on Friday.", R1, "Friday", "2023-09-15", "2023-09-15", "day", "2023-09-15"},
	{"The meeting is scheduled for Friday.", R1, "Friday", "2023-09-15", "2023-09-15", "day", "2023-09-15"},
	{"The envoy is expected to speak on Saturday.", R1, "Saturday", "2023-09-16", "2023-09-16", "day", "2023-09-16"},
	{"The envoy plans to travel on Sunday.", R1, "Sunday", "2023-09-17", "2023-09-17", "day", "2023-09-17"},
	{"The envoy is going to return on Monday.", R1, "Monday", "2023-09-18", "2023-09-18", "day", "2023-09-18"},
	{"Kim is visiting the factory on Thursday.", R1, "Thursday", "2023-09-14", "2023-09-14", "day", "2023-09-14"},
	{"An aide said on Monday that Kim will visit on Friday.", R1, "Monday", "2023-09-11", "2023-09-11", "day", "2023-09-11"},
	{"An aide said on Monday that Kim will visit on Friday.", R1, "Friday", "2023-09-15", "2023-09-15", "day", "2023-09-15"},
	{"His arrival had been expected on Monday night.", R1, "Monday night", "2023-09-11", "2023-09-11", "day", "2023-09-11"},
	{"Officials met last Friday.", R1, "last Friday", "2023-09-08", "2023-09-08", "day", "2023-09-08"},
	{"They will meet next Tuesday.", R1, "next Tuesday", "2023-09-19", "2023-09-19", "day", "2023-09-19"},
	{"Fireworks lit the sky on Wednesday evening.", R1, "Wednesday evening", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"The train left on Monday night.", R1, "Monday night", "2023-09-11", "2023-09-11", "day", "2023-09-11"},
	{"The envoy will visit on Tuesday and Wednesday.", "2024-06-17", "Tuesday and Wednesday", "2024-06-18", "2024-06-19", "range", "2024-06-18/2024-06-19"},
	{"The envoy visited on Tuesday and Wednesday.", "2024-06-20", "Tuesday and Wednesday", "2024-06-18", "2024-06-19", "range", "2024-06-18/2024-06-19"},
	{"Shells fell between Tuesday and Sunday of last week.", "2024-10-18", "between Tuesday and Sunday of last week", "2024-10-08", "2024-10-13", "range", "2024-10-08/2024-10-13"},
	{"Drills will run Monday through Wednesday.", R1, "Monday through Wednesday", "2023-09-18", "2023-09-20", "range", "2023-09-18/2023-09-20"},
	{"The ship docked on Tuesday last week.", R1, "Tuesday last week", "2023-09-05", "2023-09-05", "day", "2023-09-05"},
	{"The vote is this Friday.", R1, "this Friday", "2023-09-15", "2023-09-15", "day", "2023-09-15"},
	{"Talks in the capital on Tuesday.", R1, "Tuesday", "2023-09-12", "2023-09-12", "day", "2023-09-12"},
	{"Kim arrived on Monday.", NULL, "Monday", "", "", "day", NULL},
	{"The envoy will visit on Tuesday and Wednesday.", NULL, "Tuesday and Wednesday", "", "", "range", NULL},
	{"The test came on Friday.", R2, "Friday", "2023-12-29", "2023-12-29", "day", "2023-12-29"},
	{"He will return on Friday.", R2, "Friday", "2024-01-05", "2024-01-05", "day", "2024-01-05"},
	{"The test took place on Thursday.", R3, "Thursday", "2024-02-29", "2024-02-29", "day", "2024-02-29"},
	{"The test took place on Friday.", R3, "Friday", "2024-02-23", "2024-02-23", "day", "2024-02-23"},
	{"The next test will come on Friday.", R3, "Friday", "2024-03-01", "2024-03-01", "day", "2024-03-01"},
	{"The last test came last Friday.", "2024-03-01", "last Friday", "2024-02-23", "2024-02-23", "day", "2024-02-23"},
	{"The next test comes next Friday.", "2024-03-01", "next Friday", "2024-03-08", "2024-03-08", "day", "2024-03-08"},
	{"A storm struck last Tuesday.", "2023-09-12", "last Tuesday", "2023-09-05", "2023-09-05", "day", "2023-09-05"},
	{"The vote took place on Sunday.", R4, "Sunday", "2025-02-23", "2025-02-23", "day", "2025-02-23"},
	{"The vote will take place on Sunday.", R4, "Sunday", "2025-03-02", "2025-03-02", "day", "2025-03-02"},
	{"The aide reported Friday that talks failed.", "2023-07-28", "Friday", "2023-07-28", "2023-07-28", "day", "2023-07-28"},
	{"Kim left late Tuesday for home.", "2024-06-19", "Tuesday", "2024-06-18", "2024-06-18", "day", "2024-06-18"},
	/* relative days */
	{"The strike came yesterday.", R1, "yesterday", "2023-09-12", "2023-09-12", "day", "2023-09-12"},
	{"The strike came today.", R1, "today", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"The talks resume tomorrow.", R1, "tomorrow", "2023-09-14", "2023-09-14", "day", "2023-09-14"},
	{"He will speak tonight.", R1, "tonight", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"Sirens sounded last night.", R1, "last night", "2023-09-12", "2023-09-12", "day", "2023-09-12"},
	{"Shots rang out the previous night.", R1, "the previous night", "2023-09-12", "2023-09-12", "day", "2023-09-12"},
	{"He left this morning.", R1, "this morning", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"The leak was found yesterday.", R3, "yesterday", "2024-02-28", "2024-02-28", "day", "2024-02-28"},
	{"The leak was found yesterday.", "2024-03-01", "yesterday", "2024-02-29", "2024-02-29", "day", "2024-02-29"},
	{"The fix comes tomorrow.", "2024-02-28", "tomorrow", "2024-02-29", "2024-02-29", "day", "2024-02-29"},
	{"The fix comes tomorrow.", "2023-02-28", "tomorrow", "2023-03-01", "2023-03-01", "day", "2023-03-01"},
	{"The fire started yesterday.", R2, "yesterday", "2023-12-31", "2023-12-31", "day", "2023-12-31"},
	{"The strike came yesterday.", NULL, "yesterday", "", "", "day", NULL},
	/* relative weeks, months, years */
	{"They met last week.", R1, "last week", "2023-09-04", "2023-09-10", "week", "2023-W36"},
	{"They met last week.", R2, "last week", "2023-12-25", "2023-12-31", "week", "2023-W52"},
	{"They meet this week.", R2, "this week", "2024-01-01", "2024-01-07", "week", "2024-W01"},
	{"They meet next week.", "2023-12-31", "next week", "2024-01-01", "2024-01-07", "week", "2024-W01"},
	{"They met this week.", "2023-12-31", "this week", "2023-12-25", "2023-12-31", "week", "2023-W52"},
	{"They met this week.", "2021-01-01", "this week", "2020-12-28", "2021-01-03", "week", "2020-W53"},
	{"They meet next week.", R3, "next week", "2024-03-04", "2024-03-10", "week", "2024-W10"},
	{"They met last week.", R4, "last week", "2025-02-17", "2025-02-23", "week", "2025-W08"},
	{"Shells fell earlier this week.", R1, "earlier this week", "2023-09-11", "2023-09-17", "week", "2023-W37"},
	{"Prices rose last month.", "2024-01-15", "last month", "2023-12-01", "2023-12-31", "month", "2023-12"},
	{"Prices rose last month.", "2024-03-31", "last month", "2024-02-01", "2024-02-29", "month", "2024-02"},
	{"Prices will rise next month.", "2023-12-10", "next month", "2024-01-01", "2024-01-31", "month", "2024-01"},
	{"Prices rose this month.", R1, "this month", "2023-09-01", "2023-09-30", "month", "2023-09"},
	{"Prices rose this month.", R4, "this month", "2025-03-01", "2025-03-31", "month", "2025-03"},
	{"Prices rose earlier this month.", R1, "earlier this month", "2023-09-01", "2023-09-30", "month", "2023-09"},
	{"Prices will rise later this year.", R1, "later this year", "2023-01-01", "2023-12-31", "year", "2023"},
	{"Earlier this year the port closed.", R1, "Earlier this year", "2023-01-01", "2023-12-31", "year", "2023"},
	{"The port will open early next year.", R1, "early next year", "2024-01-01", "2024-12-31", "year", "2024"},
	{"Trade grew last year.", R3, "last year", "2023-01-01", "2023-12-31", "year", "2023"},
	{"Trade grew last year.", R2, "last year", "2023-01-01", "2023-12-31", "year", "2023"},
	{"Trade will grow next year.", R1, "next year", "2024-01-01", "2024-12-31", "year", "2024"},
	{"Trade grew this year.", R1, "this year", "2023-01-01", "2023-12-31", "year", "2023"},
	{"Prices rose last month.", NULL, "last month", "", "", "month", NULL},
	{"Trade grew over the last year.", R1, NULL},
	/* N units ago, in N units */
	{"They met four years ago.", R1, "four years ago", "2019-01-01", "2019-12-31", "year", "2019"},
	{"They met three years ago.", R3, "three years ago", "2021-01-01", "2021-12-31", "year", "2021"},
	{"They met two weeks ago.", R1, "two weeks ago", "2023-08-28", "2023-09-03", "week", "2023-W35"},
	{"They met three months ago.", R1, "three months ago", "2023-06-01", "2023-06-30", "month", "2023-06"},
	{"They met 12 months ago.", R1, "12 months ago", "2022-09-01", "2022-09-30", "month", "2022-09"},
	{"They met a month ago.", "2024-03-31", "a month ago", "2024-02-01", "2024-02-29", "month", "2024-02"},
	{"They met one month ago.", "2024-01-15", "one month ago", "2023-12-01", "2023-12-31", "month", "2023-12"},
	{"They met 10 days ago.", R1, "10 days ago", "2023-09-03", "2023-09-03", "day", "2023-09-03"},
	{"They met five days ago.", "2024-01-02", "five days ago", "2023-12-28", "2023-12-28", "day", "2023-12-28"},
	{"They met a year ago.", R1, "a year ago", "2022-01-01", "2022-12-31", "year", "2022"},
	{"They met a decade ago.", R1, "a decade ago", "2010-01-01", "2019-12-31", "decade", "201"},
	{"The blast came two hours ago.", R1, "two hours ago", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"The envoy will arrive in three days.", R1, "three days", "2023-09-16", "2023-09-16", "day", "2023-09-16"},
	{"Talks will resume in two weeks.", R1, "two weeks", "2023-09-25", "2023-10-01", "week", "2023-W39"},
	{"The law will apply in 10 days.", "2023-12-28", "10 days", "2024-01-07", "2024-01-07", "day", "2024-01-07"},
	{"In 24 years he has not returned.", R1, NULL},
	{"They met four years ago.", NULL, "four years ago", "", "", "year", NULL},
	{"It began 99999999999 days ago.", R1, NULL},
	{"It began 100001 days ago.", R1, "100001 days ago", "", "", "day", NULL},
	{"It began 5000 years ago.", R1, "5000 years ago", "", "", "year", NULL},
	/* seasons, quarters, weekends */
	{"Crops failed last summer.", R1, "last summer", "2023-06-01", "2023-08-31", "season", "2023-SU"},
	{"Crops failed last summer.", "2024-07-10", "last summer", "2023-06-01", "2023-08-31", "season", "2023-SU"},
	{"Crops will grow this spring.", R3, "this spring", "2024-03-01", "2024-05-31", "season", "2024-SP"},
	{"Fuel will run short next winter.", R1, "next winter", "2023-12-01", "2024-02-29", "season", "2023-WI"},
	{"Fuel ran short last winter.", R3, "last winter", "2022-12-01", "2023-02-28", "season", "2022-WI"},
	{"The dam broke in the summer of 2019.", R1, "the summer of 2019", "2019-06-01", "2019-08-31", "season", "2019-SU"},
	{"Sales fell last quarter.", R1, "last quarter", "2023-04-01", "2023-06-30", "quarter", "2023-Q2"},
	{"Sales will rise next quarter.", "2023-11-01", "next quarter", "2024-01-01", "2024-03-31", "quarter", "2024-Q1"},
	{"Reports over the weekend said so.", "2024-10-28", "the weekend", "2024-10-26", "2024-10-27", "range", "2024-10-26/2024-10-27"},
	{"The pair will talk this weekend.", R1, "this weekend", "2023-09-16", "2023-09-17", "range", "2023-09-16/2023-09-17"},
	{"The pair talked last weekend.", R1, "last weekend", "2023-09-09", "2023-09-10", "range", "2023-09-09/2023-09-10"},
	/* a day of the month alone */
	{"The vote took place on the 13th.", "2023-09-20", "the 13th", "2023-09-13", "2023-09-13", "day", "2023-09-13"},
	{"Troops crossed on the 25th.", "2024-11-26", "the 25th", "2024-11-25", "2024-11-25", "day", "2024-11-25"},
	{"The vote took place on the 31st.", "2023-09-20", "the 31st", "2023-08-31", "2023-08-31", "day", "2023-08-31"},
	{"He will arrive on the 15th.", R1, "the 15th", "2023-09-15", "2023-09-15", "day", "2023-09-15"},
	{"They marked the 70th anniversary.", R1, NULL},
	{"It dates from the 20th century.", R1, NULL},
	/* vague */
	{"The two sides met recently.", R1, "recently", "", "", "vague", "PAST_REF"},
	{"The two sides will meet soon.", R1, "soon", "", "", "vague", "FUTURE_REF"},
	{"Reply as soon as possible.", R1, NULL},
	{"Ties grew in recent months.", R1, "recent months", "", "", "vague", "PAST_REF"},
	{"He will visit in the coming days.", R1, "the coming days", "", "", "vague", "FUTURE_REF"},
	{"It happened in the past.", R1, "in the past", "", "", "vague", "PAST_REF"},
	{"It may happen in the future.", R1, "in the future", "", "", "vague", "FUTURE_REF"},
	{"It will last the next several weeks.", R1, "the next several weeks", "", "", "vague", "FUTURE_REF"},
	{"The two sides met recently.", NULL, "recently", "", "", "vague", "PAST_REF"},
	/* not dates */
	{"The trip lasted about a week.", R1, NULL},
	{"They held five-hour talks.", R1, NULL},
	{"The 18-month-old war goes on.", R1, NULL},
	{"He stayed for two days.", R1, NULL},
	{"Russia sent 2,000 troops.", R1, NULL},
	{"The missile flew 1500 km.", R1, NULL},
	{"The army may buy Su-35 jets.", R1, NULL},
	{"The briefing began at 3:30 p.m.", R1, NULL},
	{"He is 39 years old.", R1, NULL},
	{"He won 2020 votes.", R1, NULL},
	{"The rocket flew 2000 km.", R1, NULL},
	{"It never happened in 0000.", R1, NULL},
	{"It never happened in 99999.", R1, NULL},
	{"", R1, NULL},
	/* time zones: the reference day is local to the dateline */
	{"PYONGYANG, June 18 -- Kim spoke today.", "2024-06-18 23:30", "today", "2024-06-19", "2024-06-19", "day", "2024-06-19"},
	{"Kim spoke today.", "2024-06-18 23:30", "today", "2024-06-18", "2024-06-18", "day", "2024-06-18"},
	{"SEOUL -- The launch happened yesterday.", "2024-06-18 16:00", "yesterday", "2024-06-18", "2024-06-18", "day", "2024-06-18"},
	{"MOSCOW, Jan. 1 -- The talks begin today.", "2023-12-31 22:00", "today", "2024-01-01", "2024-01-01", "day", "2024-01-01"},
	{"The talks begin today.", "2024-01-01 00:30", "today", "2024-01-01", "2024-01-01", "day", "2024-01-01"},
	{"PYONGYANG, Dec. 31 -- Fireworks will light the sky tonight.", "2023-12-31 10:00", "tonight", "2023-12-31", "2023-12-31", "day", "2023-12-31"},
};

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
	size_t		count = sizeof(expr_cases) / sizeof(expr_cases[0]);

	CHECK(count >= 200);
	for (size_t k = 0; k < count; k++)
	{
		const expr_case *ec = &expr_cases[k];
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
		if (*ec->from)
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
