/*
 * nk_entities.h
 *	  Named entities of a document: the third stage of the pipeline.
 *
 * Every mention of a named person, organisation, place, facility, event,
 * product or law gets one row with the entity's canonical name.  Mentions
 * come from three sources:
 *
 *	gazetteer	 an alias of a known entity ("Kim Jong-un", "KCNA"), including
 *				 a capital standing for its government ("Moscow denied" ->
 *				 Russia, decided from the words around it);
 *	pattern		 a name the gazetteer lacks, found from a title or role cue
 *				 ("spokesperson Lim Soo-suk"), a name shape (Korean
 *				 three-part and hyphenated names, a known given name and a
 *				 surname) or an organisation, facility or event head word
 *				 ("... Cosmodrome", "Ministry of ...");
 *	coreference	 a later short form of a person met earlier ("Kim" -> "Kim
 *				 Jong Un") or a role phrase with a single holder in the
 *				 article ("the Russian president" -> "Vladimir Putin").
 *
 * Confidence is the engine's estimate of the probability that the mention
 * is that entity with that label: 0.95 for a multi-word alias, 0.9 for a
 * one-word alias, 0.75 for a capital read as its government, 0.8 for a
 * person after a title, 0.7 for a name shape or a head word, 0.85 for a
 * surname with one antecedent (0.6 with several), 0.7 for a role phrase.
 */
#ifndef NK_ENTITIES_H
#define NK_ENTITIES_H

#include "nk_gazetteer.h"

typedef enum nk_entity_source
{
	NK_SOURCE_GAZETTEER,
	NK_SOURCE_PATTERN,
	NK_SOURCE_COREFERENCE
} nk_entity_source;

extern const char *nk_entity_source_name(nk_entity_source source);

/* One mention of an entity. */
typedef struct nk_entity_mention
{
	const char *entity;			/* canonical name */
	nk_label	label;
	int32_t		gazetteer_id;	/* the gazetteer entity, or -1 for a pattern name */
	size_t		start;			/* mention bytes in the document */
	size_t		len;
	size_t		first_token;	/* mention tokens, inclusive */
	size_t		last_token;
	int32_t		sentence;
	nk_entity_source source;
	float		confidence;
} nk_entity_mention;

typedef NK_VEC(nk_entity_mention) nk_entity_list;

/* Find the entity mentions of doc with gazetteer g; append them to out in document order. */
extern void nk_extract_entities(nk_arena *arena, const nk_doc *doc, const nk_gazetteer *g,
								nk_entity_list *out);

#endif							/* NK_ENTITIES_H */
