/*
 * test_fuzz_found.c
 *	  Engine bugs the libFuzzer harnesses found, each kept as a unit test.
 */
#include <stdlib.h>
#include <string.h>

#include "nk_article.h"
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

/*
 * Parse a page held, as the glue hands it over, in a buffer of exactly its
 * length with no NUL after it (so AddressSanitizer sees any read past it);
 * return the author found, copied, or NULL.
 */
static char *
article_author(const char *page)
{
	size_t		len = strlen(page);
	char	   *raw = malloc(len);
	nk_arena   *arena = nk_arena_create();
	nk_article	a;
	char	   *author;

	memcpy(raw, page, len);
	nk_parse_article(arena, raw, len, NULL, &a);
	author = NULL;
	if (a.author)
	{
		author = malloc(strlen(a.author) + 1);
		strcpy(author, a.author);
	}
	nk_arena_destroy(arena);
	free(raw);
	return author;
}

/*
 * A byline line whose folded form has " | " between a name and an agency
 * but whose raw bytes do not (no-break spaces around the bar) had its raw
 * bytes searched with strstr(), past the end of the line and of the page.
 */
static void
test_byline_bar_within_line(void)
{
	char	   *author;

	author = article_author("Harbour strike ends\n\nJane Doe\xc2\xa0|\xc2\xa0Reuters");
	CHECK_STR_EQ(author, NULL);
	free(author);
	/* with plain spaces the bar still splits off the name */
	author = article_author("Harbour strike ends\n\nJane Doe | Reuters");
	CHECK_STR_EQ(author, "Jane Doe");
	free(author);
}

int
main(void)
{
	test_long_meridiem_number();
	test_byline_bar_within_line();
	return unit_report();
}
