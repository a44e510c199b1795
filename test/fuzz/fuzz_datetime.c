/*
 * fuzz_datetime.c
 *	  libFuzzer harness of nk_find_datetime().
 *
 * A date found must lie inside the input and have its fields in range: a
 * month 1..12, a day 1..31 that exists in that month (in that year, when a
 * year was printed), a year 0 (none printed) or 1..9999, an hour -1 (no
 * time) or 0..23 with minutes 0..59 and seconds 0..60, and a zone offset
 * within 16 hours of UTC.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nk_calendar.h"
#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nk_arena   *arena = nk_arena_create();
	nk_datetime dt;
	nk_span		where;

	if (nk_find_datetime(arena, (const char *) data, size, &dt, &where))
	{
		REQUIRE(where.start <= size && where.len <= size - where.start);
		REQUIRE(where.len > 0);
		REQUIRE(dt.month >= 1 && dt.month <= 12);
		REQUIRE(dt.day >= 0 && dt.day <= 31);
		REQUIRE(dt.day > 0);	/* nk_find_datetime wants a month and a day */
		REQUIRE(dt.year == 0 || (dt.year >= NK_YEAR_MIN && dt.year <= NK_YEAR_MAX));
		if (dt.year)
			REQUIRE(nk_valid_civil(dt.year, dt.month, dt.day));
		else
			REQUIRE(dt.day <= nk_days_in_month(2000, dt.month));
		REQUIRE(dt.hour >= -1 && dt.hour <= 23);
		if (dt.hour >= 0)
		{
			REQUIRE(dt.minute >= 0 && dt.minute <= 59);
			REQUIRE(dt.second >= 0 && dt.second <= 60);
		}
		if (dt.has_zone)
			REQUIRE(dt.utc_offset >= -16 * 60 && dt.utc_offset <= 16 * 60);
	}
	nk_arena_destroy(arena);
	return 0;
}
