/*
 * fuzz_article.c
 *	  libFuzzer harness of nk_parse_article(), nk_parse_article_at() and
 *	  nk_url_date().
 *
 * Each input is parsed twice, each time in an arena of its own that is
 * destroyed afterwards (so LeakSanitizer sees anything left behind): once
 * without a fetched time, once with one derived from the input's first
 * eight bytes, within the range a timestamptz can hold.  The results must
 * be NUL-terminated strings the sanitizers can read whole.  Then the
 * input's second half is read as the page's address, alone (nk_url_date,
 * which must give a real day or a year and month) and with the page.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nk_article.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Seconds since 1970 of 4714-11-24 BC and 294277-01-01 AD: timestamptz's range. */
#define FETCHED_MIN INT64_C(-210866803200)
#define FETCHED_MAX INT64_C(9224318016000)

static void
check_string(const char *s)
{
	if (s != NULL && strlen(s) > SIZE_MAX / 2)
		abort();
}

static void
parse_once(const uint8_t *data, size_t size, const int64_t *fetched, const char *url, size_t url_len)
{
	nk_arena   *arena = nk_arena_create();
	nk_article	a;

	memset(&a, 0x7f, sizeof(a));
	if (url == NULL)
		nk_parse_article(arena, (const char *) data, size, fetched, &a);
	else
		nk_parse_article_at(arena, (const char *) data, size, fetched, url, url_len, &a);
	check_string(a.title);
	check_string(a.author);
	check_string(a.dateline);
	if (a.body == NULL || a.body[a.body_len] != '\0' || strlen(a.body) > a.body_len)
		abort();
	nk_arena_destroy(arena);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *url = (const char *) data + size / 2;
	size_t		url_len = size - size / 2;
	nk_datetime dt;

	parse_once(data, size, NULL, NULL, 0);
	if (nk_url_date(url, url_len, &dt) &&
		(dt.month < 1 || dt.month > 12 || (dt.day != 0 && !nk_valid_civil(dt.year, dt.month, dt.day))))
		abort();
	parse_once(data, size / 2, NULL, url, url_len);
	if (size >= 8)
	{
		uint64_t	u = 0;
		int64_t		fetched;

		for (int i = 0; i < 8; i++)
			u = (u << 8) | data[i];
		fetched = FETCHED_MIN + (int64_t) (u % (uint64_t) (FETCHED_MAX - FETCHED_MIN));
		parse_once(data, size, &fetched, NULL, 0);
	}
	return 0;
}
