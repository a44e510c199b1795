/*
 * fuzz_dates.c
 *	  libFuzzer harness of nk_extract_dates().
 *
 * Each input is a document, read twice: without a publication time, and
 * with one derived from its first eight bytes, within the range a
 * timestamptz can hold.  The mentions must be what the SQL glue relies on:
 * non-empty byte spans inside the text, in text order without overlap, in
 * the sentence of their first byte; a resolved mention has a TIMEX3 value
 * and an ordered range of days a date column can hold (years 1 to 9999, give
 * or take the week or quarter around them); an unresolved one has no TIMEX3
 * value unless it is vague.  (The two readings may find different
 * expressions: "Feb. 29" is a date only in a leap year.)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nk_dates.h"
#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static void
check(const nk_doc *doc, const nk_date_list *list)
{
	int32_t		lo = nk_days_from_civil(NK_YEAR_MIN, 1, 1) - 400;
	int32_t		hi = nk_days_from_civil(NK_YEAR_MAX, 12, 31) + 400;
	size_t		prev_end = 0;

	for (size_t i = 0; i < list->count; i++)
	{
		const nk_date_mention *m = &list->items[i];

		REQUIRE(m->span.len > 0);
		REQUIRE(m->span.start <= doc->len && m->span.len <= doc->len - m->span.start);
		REQUIRE(m->span.start >= prev_end);
		REQUIRE(m->sentence >= 0 && (size_t) m->sentence < doc->sentences.count);
		REQUIRE(m->sentence == nk_doc_sentence_at(doc, m->span.start));
		REQUIRE(m->precision <= NK_PREC_VAGUE);
		REQUIRE(nk_precision_name(m->precision) != NULL);
		if (m->resolved)
		{
			REQUIRE(m->precision != NK_PREC_VAGUE);
			REQUIRE(m->timex != NULL && m->timex[0] != '\0');
			REQUIRE(m->date_from <= m->date_to);
			REQUIRE(m->date_from >= lo && m->date_to <= hi);
		}
		else
			REQUIRE(m->timex == NULL || m->precision == NK_PREC_VAGUE);
		if (m->timex)
			REQUIRE(strlen(m->timex) < 64);
		prev_end = m->span.start + m->span.len;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nk_arena   *arena = nk_arena_create();
	nk_doc	   *doc = nk_doc_build(arena, (const char *) data, size);
	nk_date_list without = {0};
	int64_t		published;

	nk_extract_dates(arena, doc, NULL, &without);
	check(doc, &without);
	if (fuzz_published(data, size, &published))
	{
		nk_date_list with = {0};

		nk_extract_dates(arena, doc, &published, &with);
		check(doc, &with);
	}
	nk_arena_destroy(arena);
	return 0;
}
