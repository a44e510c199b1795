/*
 * fuzz_entities.c
 *	  libFuzzer harness of nk_extract_entities() with the shipped gazetteer.
 *
 * The gazetteer and word lists of data/ are built once (fuzz_data.h).  The
 * mentions must be what the SQL glue and the events stage rely on: in
 * document order, each a run of whole tokens inside the text (first..last,
 * from the first one's start to the last one's end), in its first token's
 * sentence, with a non-empty canonical name, a known label and source, a
 * confidence in [0, 1], and, when it comes from the gazetteer, that
 * entity's canonical name.
 */
/* opendir() and strdup() for fuzz_data.h */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nk_entities.h"
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nk_arena   *arena = nk_arena_create();
	nk_doc	   *doc = nk_doc_build(arena, (const char *) data, size);
	nk_entity_list list = {0};
	size_t		prev_start = 0;

	nk_extract_entities(arena, doc, gazetteer, &list);
	for (size_t i = 0; i < list.count; i++)
	{
		const nk_entity_mention *m = &list.items[i];
		const nk_token *first;
		const nk_token *last;

		REQUIRE(m->first_token <= m->last_token && m->last_token < doc->tokens.count);
		first = &doc->tokens.items[m->first_token];
		last = &doc->tokens.items[m->last_token];
		REQUIRE(m->len > 0);
		REQUIRE(m->start <= size && m->len <= size - m->start);
		REQUIRE(m->start == first->start);
		REQUIRE(m->start + m->len <= last->start + last->len);
		REQUIRE(m->start + m->len > last->start);
		REQUIRE(m->start >= prev_start);
		REQUIRE(m->sentence == first->sentence);
		REQUIRE(m->entity != NULL && m->entity[0] != '\0');
		REQUIRE((int) m->label >= 0 && m->label < NK_LABEL_COUNT);
		REQUIRE((int) m->source >= NK_SOURCE_GAZETTEER && m->source <= NK_SOURCE_COREFERENCE);
		REQUIRE(!isnan(m->confidence) && m->confidence >= 0.0f && m->confidence <= 1.0f);
		if (m->gazetteer_id >= 0)
		{
			const nk_gaz_entity *e = nk_gazetteer_entity(gazetteer, m->gazetteer_id);

			REQUIRE(e != NULL && strcmp(e->canonical, m->entity) == 0);
		}
		prev_start = m->start;
	}
	nk_arena_destroy(arena);
	return 0;
}
