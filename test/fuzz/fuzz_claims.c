/*
 * fuzz_claims.c
 *	  libFuzzer harness of nk_claims_of_doc() and nk_compare_texts(), with
 *	  the shipped gazetteer.
 *
 * Each input is a document, read without a publication time and, when it
 * has eight bytes or more, with one derived from them; then its first and
 * second halves are compared as two texts.  Every claim must be what the
 * SQL glue relies on: a predicate, a known status, polarity and wording of
 * its number, names that are not empty, non-NULL item strings, an ordered
 * date range with a precision, numbers that are numbers and an evidence
 * span inside the text in a valid sentence; every comparison a known
 * relation with a score in [0, 1] and a reason.
 */
/* opendir() and strdup() for fuzz_data.h */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nk_claims.h"
#include "fuzz_data.h"
#include "fuzz.h"

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static nk_gazetteer *gazetteer;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	gazetteer = fuzz_shipped_gazetteer((*argv)[0]);
	return 0;
}

static void
check_text(const char *s, size_t size)
{
	if (s)
		REQUIRE(s[0] != '\0' && strlen(s) <= size + 64);
}

static void
claims(const uint8_t *data, size_t size, const int64_t *published)
{
	nk_arena   *arena = nk_arena_create();
	nk_doc	   *doc = nk_doc_build(arena, (const char *) data, size);
	nk_claim_list list = {0};

	nk_claims_of_doc(arena, doc, gazetteer, published, &list);
	for (size_t i = 0; i < list.count; i++)
	{
		const nk_claim *c = &list.items[i];

		REQUIRE(c->predicate != NULL && c->predicate[0] != '\0');
		check_text(c->subject, size);
		check_text(c->object, size);
		check_text(c->place, size);
		check_text(c->unit, size);
		check_text(c->source, size);
		REQUIRE((int) c->status >= 0 && c->status < NK_EVENT_STATUS_COUNT);
		REQUIRE((unsigned) c->polarity <= NK_POLARITY_UNVERIFIED);
		REQUIRE((unsigned) c->approx <= NK_APPROX_VAGUE);
		REQUIRE(c->n_items == 0 || c->items != NULL);
		for (size_t k = 0; k < c->n_items; k++)
			REQUIRE(c->items[k] != NULL);
		if (c->has_number)
			REQUIRE(!isnan(c->number) && !isnan(c->number_max));
		if (c->has_date)
		{
			REQUIRE(c->date_from <= c->date_to);
			REQUIRE(c->precision <= NK_PREC_VAGUE);
		}
		REQUIRE(c->has_reported == (published != NULL));
		REQUIRE(c->sentence >= 0 && (size_t) c->sentence < doc->sentences.count);
		REQUIRE(c->evidence.start <= size && c->evidence.len <= size - c->evidence.start);
	}
	nk_arena_destroy(arena);
}

static void
compare(const uint8_t *data, size_t size, const int64_t *published)
{
	nk_arena   *arena = nk_arena_create();
	size_t		half = size / 2;
	nk_comparison cmp;

	nk_compare_texts(arena, gazetteer, (const char *) data, half, published,
					 (const char *) data + half, size - half, NULL, &cmp);
	REQUIRE((unsigned) cmp.relation <= NK_REL_UNRELATED);
	REQUIRE(!isnan(cmp.score) && cmp.score >= 0.0f && cmp.score <= 1.0f);
	REQUIRE(cmp.reason != NULL);
	nk_arena_destroy(arena);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int64_t		published;
	bool		dated = fuzz_published(data, size, &published);

	claims(data, size, NULL);
	if (dated)
		claims(data, size, &published);
	compare(data, size, dated ? &published : NULL);
	return 0;
}
