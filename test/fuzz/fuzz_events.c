/*
 * fuzz_events.c
 *	  libFuzzer harness of nk_events_of_doc(), the whole pipeline, with the
 *	  shipped gazetteer.
 *
 * Each input is a document, read without a publication time and, when it
 * has eight bytes or more, with one derived from them.  Every event must
 * be what the SQL glue relies on: a known type and status, an actor or
 * target with a label exactly when it has a name, non-NULL item strings,
 * an evidence span inside the text in a valid sentence, an ordered date
 * range with a precision, a quantity range in order and a confidence in
 * [0, 1].
 */
/* opendir() and strdup() for fuzz_data.h */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nk_events.h"
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
check_name(const char *name, const char *label)
{
	REQUIRE((name == NULL) == (label == NULL));
	if (name)
	{
		REQUIRE(name[0] != '\0');
		REQUIRE(nk_label_parse(label) >= 0);
	}
}

static void
run(const uint8_t *data, size_t size, const int64_t *published)
{
	nk_arena   *arena = nk_arena_create();
	nk_doc	   *doc = nk_doc_build(arena, (const char *) data, size);
	nk_event_list list = {0};

	nk_events_of_doc(arena, doc, gazetteer, published, &list);
	for (size_t i = 0; i < list.count; i++)
	{
		const nk_event *e = &list.items[i];

		REQUIRE(e->type >= 0 && (size_t) e->type < nk_event_type_count());
		REQUIRE(nk_event_type(e->type) != NULL);
		REQUIRE((int) e->status >= 0 && e->status < NK_EVENT_STATUS_COUNT);
		REQUIRE(nk_event_status_name(e->status) != NULL);
		check_name(e->actor, e->actor_label);
		check_name(e->target, e->target_label);
		if (e->location)
			REQUIRE(e->location[0] != '\0');
		if (e->source)
			REQUIRE(strlen(e->source) <= size);
		REQUIRE(e->n_items == 0 || e->items != NULL);
		for (size_t k = 0; k < e->n_items; k++)
			REQUIRE(e->items[k] != NULL && strlen(e->items[k]) <= size);
		REQUIRE(e->sentence >= 0 && (size_t) e->sentence < doc->sentences.count);
		REQUIRE(e->evidence.len > 0);
		REQUIRE(e->evidence.start <= size && e->evidence.len <= size - e->evidence.start);
		if (e->has_date)
		{
			REQUIRE(e->date_from <= e->date_to);
			REQUIRE(e->precision <= NK_PREC_VAGUE);
		}
		if (e->has_quantity && e->has_quantity_max)
			REQUIRE(e->quantity <= e->quantity_max);
		REQUIRE(!isnan(e->confidence) && e->confidence >= 0.0f && e->confidence <= 1.0f);
	}
	nk_arena_destroy(arena);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int64_t		published;

	run(data, size, NULL);
	if (fuzz_published(data, size, &published))
		run(data, size, &published);
	return 0;
}
