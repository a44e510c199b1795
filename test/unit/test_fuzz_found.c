/*
 * test_fuzz_found.c
 *	  Engine bugs the libFuzzer harnesses found, each kept as a unit test.
 */
#include <string.h>

#include "nk_calendar.h"
#include "unit.h"

static bool
find(const char *text, nk_datetime *dt, nk_span *where)
{
	nk_arena   *arena = nk_arena_create();
	bool		found = nk_find_datetime(arena, text, strlen(text), dt, where);

	nk_arena_destroy(arena);
	return found;
}

/*
 * A time token of many digits glued to am/pm ("11111111111am") overflowed
 * an int while its digits were read; it is not a time, and the date before
 * it stands alone.
 */
static void
test_long_meridiem_number(void)
{
	nk_datetime dt;
	nk_span		where;
	const char *text = "Sept. 13, 2023 11111111111am";

	CHECK(find(text, &dt, &where));
	CHECK_INT_EQ(dt.year, 2023);
	CHECK_INT_EQ(dt.month, 9);
	CHECK_INT_EQ(dt.day, 13);
	CHECK_INT_EQ(dt.hour, -1);
	CHECK_INT_EQ(where.start, 0);
	CHECK_INT_EQ(where.len, strlen("Sept. 13, 2023"));

	/* the same after a colon: "10:1111111111pm" */
	text = "Sept. 13, 2023 10:1111111111pm";
	CHECK(find(text, &dt, &where));
	CHECK_INT_EQ(dt.hour, -1);
	CHECK_INT_EQ(where.len, strlen("Sept. 13, 2023"));

	/* and a real one still reads */
	text = "Sept. 13, 2023 11am";
	CHECK(find(text, &dt, &where));
	CHECK_INT_EQ(dt.hour, 11);
	CHECK_INT_EQ(where.len, strlen(text));
}

int
main(void)
{
	test_long_meridiem_number();
	return unit_report();
}
