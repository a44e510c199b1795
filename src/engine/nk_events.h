/*
 * nk_events.h
 *	  Events of a document: typed, CAMEO-coded rows with actor, target,
 *	  place, items, quantity, date, status, source and evidence.
 *
 * The stage reads the tokens, sentences, entity mentions and time
 * expressions of the earlier stages.  Its vocabulary is the reviewed data of
 * data/events/, compiled into the engine at build time (see
 * src/engine/gen_events_lexicon.pl):
 *
 *	cameo.tsv	 the 22 event types and their CAMEO code, GDELT QuadClass,
 *				 Goldstein score and PLOVER category;
 *	triggers.tsv trigger words and phrases of each type, with the slots
 *				 (subject, object, a preposition's object, possessor) their
 *				 actor and target come from;
 *	cues.tsv	 modality cues (status), attribution verbs (source),
 *				 conditionals, and the word classes "arms" and "troops".
 *
 * How a row is made (nk_events.c has the details):
 *
 *	1. Triggers are matched on the folded tokens, longest phrase first; a
 *	   frame that needs a weapon or troop word must find one in its object.
 *	2. Slots are filled from entity mentions around the trigger within its
 *	   clause: the subject is the nearest agent before the trigger that is not
 *	   inside a prepositional phrase, a possessive or another verb's object
 *	   (appositions and relative clauses between commas are stepped over);
 *	   a preposition's object is the first entity after that preposition; in
 *	   the passive ("was given ... by") subject and object swap.  "He" and
 *	   "she" take the last person named, "his" and "her" the subject of
 *	   their clause, "him" and "her" after a verb the last person named
 *	   but the verb's subject.  Coordinated names ("Putin and Kim", lists
 *	   of titled people) give one row each, or, for the symmetric types,
 *	   actor and target.
 *	3. An actor must be able to act: a person, an organisation, a country
 *	   (a capital only when the entity layer read it as its government), or
 *	   a demonym, which stands for its country.  A city is never an actor.
 *	   A row needs its actor, but for attacks, casualties and gifts (often
 *	   told without their agent); a meeting, deal, visit or transfer never
 *	   joins a party with its own country, nor sends a nation's troops to
 *	   its own places.
 *	4. Status comes from the cues in scope; an event inside a conditional
 *	   gives no row.  A denial or allegation of an event of another type
 *	   sets that event's status (and source) instead of making a DENY or
 *	   ACCUSE row; a denial of what an earlier sentence told ("Moscow denied
 *	   this") is a denied row of that act, with the denier as its source.
 *	5. Rows of the same type, actor, target and status whose dates do not
 *	   disagree are merged (repeated mentions of one event); denials by
 *	   different parties, and a past event (dated months before the article's
 *	   latest day) and an undated mention, stay apart.
 *
 * Confidence is the trigger frame's confidence (triggers.tsv) times 0.9 when
 * both actor and target were found (0.75 with one), times 0.85 for an
 * argument resolved from a pronoun and 0.9 for a status other than
 * reported; merged mentions take the highest.
 */
#ifndef NK_EVENTS_H
#define NK_EVENTS_H

#include "nk_dates.h"
#include "nk_entities.h"

/* A row of the type table (data/events/cameo.tsv). */
typedef struct nk_event_type_info
{
	const char *name;			/* "VISIT" */
	const char *cameo;			/* "042": CAMEO code, leading zeros kept */
	int			quad_class;		/* GDELT QuadClass 1-4 */
	float		goldstein;
	const char *plover;			/* PLOVER category, or NULL */
} nk_event_type_info;

typedef enum nk_event_status
{
	NK_STATUS_REPORTED,
	NK_STATUS_PLANNED,
	NK_STATUS_SPECULATED,
	NK_STATUS_ALLEGED,
	NK_STATUS_DENIED,
	NK_STATUS_NEGATED,
	NK_STATUS_CANCELLED
} nk_event_status;

#define NK_EVENT_STATUS_COUNT 7

typedef struct nk_event
{
	int			type;			/* index into nk_event_type(); see nk_event_type_count() */
	const char *actor;			/* canonical entity name, or NULL */
	const char *actor_label;	/* its label ("PERSON", "GPE"...), or NULL */
	const char *target;
	const char *target_label;
	const char *location;		/* place the event happened in, or NULL */
	const char **items;			/* what was given, sold, launched... */
	size_t		n_items;
	bool		has_quantity;
	int64_t		quantity;		/* the number tied to the event (lower bound of a range) */
	bool		has_quantity_max;
	int64_t		quantity_max;	/* upper bound of a range ("10,000 to 12,000", "up to 3 million") */
	bool		has_date;
	int32_t		date_from;		/* days since 1970-01-01, inclusive */
	int32_t		date_to;
	nk_precision precision;
	nk_event_status status;
	const char *source;			/* who the text attributes it to, or NULL */
	int32_t		sentence;		/* 0-based */
	nk_span		evidence;		/* bytes of the sentence */
	float		confidence;
} nk_event;

typedef NK_VEC(nk_event) nk_event_list;

extern size_t nk_event_type_count(void);
extern const nk_event_type_info *nk_event_type(int type);
/* The type called name ("VISIT"), or -1. */
extern int	nk_event_type_parse(const char *name);
/* "reported", "planned", ...: the SQL spelling of a status. */
extern const char *nk_event_status_name(nk_event_status status);

/*
 * Find the events of doc, given its entity mentions and time expressions
 * (from nk_extract_entities and nk_extract_dates with gazetteer g), and
 * append them to out in order of their first mention.
 */
extern void nk_extract_events(nk_arena *arena, const nk_doc *doc, const nk_gazetteer *g,
							  const nk_entity_list *entities, const nk_date_list *dates,
							  nk_event_list *out);

/* The whole pipeline: entities, dates and events of doc. */
extern void nk_events_of_doc(nk_arena *arena, const nk_doc *doc, const nk_gazetteer *g,
							 const int64_t *published, nk_event_list *out);

#endif							/* NK_EVENTS_H */
