/*
 * nk_claims.h
 *	  Claims of a document and how two claims relate: agree, contradict,
 *	  update or unrelated, with the reason.
 *
 * A claim is one comparable statement: a predicate (an event type of
 * nk_events, "VISIT", or a fact slot, "troop_count") about a subject and an
 * object, with the values the text gives it: a place, items, a number with
 * the tolerance its wording implies, a date range with its precision, a
 * polarity and a status.  Claims come from
 *
 *	events		 every row of nk_events, its status checked against the cues
 *				 around its trigger word and its date taken from the time
 *				 expression nearest that word ("since 2019" is never the
 *				 date of an event: it is the reference point of a
 *				 "first since" fact);
 *	words		 trigger words of the travel, meeting, signing, invitation
 *				 and launch vocabulary that the events stage left without
 *				 a row (an infinitive, a noun with no named actor);
 *	numbers		 counts with a unit ("some 1,500 special forces", "52 other
 *				 individuals", "10,000 to 12,000 troops") and durations
 *				 ("a two-day visit", "about five hours", "about a week");
 *	series		 "first visit since 2019", "the first time in 24 years",
 *				 "his second visit in nearly 24 years", "once before, in
 *				 April 2019", "the previous trip was in 2005", "the
 *				 third time since 2019", "their first summit in April 2019",
 *				 and ordinal events ("the second launch in May");
 *	meetings	 two or more named people in one comma-free stretch of a
 *				 sentence ("Putin and Kim will meet in Vladivostok", "Kim
 *				 guided Shoigu around ..."): who was together, where, when;
 *	statements	 a named speaker of a verb of saying, when (the time
 *				 expression next to the verb, else the report's day), and
 *				 whether what was said affirms, denies or leaves unverified;
 *	mentions	 the specific entities and dates of the sentence, the claim
 *				 of last resort.
 *
 * Comparison first decides whether two claims speak of the same event or
 * fact: compatible predicates, subjects and objects compatible through
 * canonical names, surnames and the gazetteer's containment and
 * affiliation (Vostochny Cosmodrome is in Amur Oblast is in Russia; the
 * National Intelligence Service is South Korea's), times that can be the
 * same occasion.  Then the values are compared: numbers with their
 * tolerance, dates at the coarser precision, places through containment,
 * items by their words, polarity.  See nk_compare_claims() for the score.
 */
#ifndef NK_CLAIMS_H
#define NK_CLAIMS_H

#include "nk_events.h"

/* How a number was worded: the tolerance it implies. */
typedef enum nk_approx
{
	NK_APPROX_EXACT,			/* "54 individuals": exactly */
	NK_APPROX_ABOUT,			/* "about", "around", "some", "an estimated": within 5% */
	NK_APPROX_AT_LEAST,			/* "more than", "over", "at least", "N other": number or more */
	NK_APPROX_AT_MOST,			/* "up to", "as many as", "fewer than": number_max or less */
	NK_APPROX_RANGE,			/* "10,000 to 12,000": number..number_max */
	NK_APPROX_VAGUE				/* "multiple", "several", "dozens": a lower bound only */
} nk_approx;

typedef enum nk_polarity
{
	NK_POLARITY_AFFIRMATIVE,
	NK_POLARITY_NEGATIVE,		/* denied, negated: "no proof", "fake news" */
	NK_POLARITY_UNVERIFIED		/* "unable to verify", "no confirmation" */
} nk_polarity;

typedef struct nk_claim
{
	const char *subject;		/* canonical name (or a bare surname), or NULL */
	const char *predicate;		/* event type ("VISIT") or fact slot ("troop_count") */
	const char *object;
	const char *place;
	const char *value;			/* the value as text, for people to read */
	const char **items;			/* what was given, sold, launched; who was together */
	size_t		n_items;
	bool		has_number;
	double		number;			/* lower bound (NK_APPROX_AT_MOST: 0) */
	double		number_max;		/* upper bound (NK_APPROX_AT_LEAST, VAGUE: the number itself) */
	nk_approx	approx;
	const char *unit;			/* "troops", "day", "individuals"... */
	bool		has_date;
	int32_t		date_from;		/* days since 1970-01-01, inclusive */
	int32_t		date_to;
	nk_precision precision;
	int			ordinal;		/* "second launch": 2; 0 when none */
	nk_polarity polarity;
	nk_event_status status;
	const char *source;			/* who the text attributes it to, or NULL */
	bool		has_reported;
	int64_t		reported;		/* publication time, seconds since 1970-01-01 UTC */
	int32_t		sentence;		/* 0-based */
	nk_span		evidence;		/* bytes of the sentence */
	/* gazetteer entities of subject, object and place: -1 none, NK_CLAIM_LOOKUP to look up */
	int32_t		subject_id;
	int32_t		object_id;
	int32_t		place_id;
} nk_claim;

#define NK_CLAIM_LOOKUP (-2)

typedef NK_VEC(nk_claim) nk_claim_list;

extern const char *nk_approx_name(nk_approx approx);
extern int	nk_approx_parse(const char *name);
extern const char *nk_polarity_name(nk_polarity polarity);
extern int	nk_polarity_parse(const char *name);
extern int	nk_event_status_parse(const char *name);
extern int	nk_precision_parse(const char *name);

/*
 * The claims of doc, in sentence order; published (seconds since 1970, or
 * NULL) resolves relative dates and is each claim's time of report.
 */
extern void nk_claims_of_doc(nk_arena *arena, const nk_doc *doc, const nk_gazetteer *g,
							 const int64_t *published, nk_claim_list *out);

/*
 * The same from the entities, dates and events of doc already extracted
 * (nk_extract_entities, nk_extract_dates, nk_extract_events with the same
 * published), so that a caller wanting all four extracts them once.
 */
extern void nk_claims_of_parts(nk_arena *arena, const nk_doc *doc, const nk_gazetteer *g,
							   const int64_t *published, const nk_entity_list *entities,
							   const nk_date_list *dates, const nk_event_list *events,
							   nk_claim_list *out);

typedef enum nk_relation
{
	NK_REL_AGREE,
	NK_REL_CONTRADICT,
	NK_REL_UPDATE,
	NK_REL_UNRELATED
} nk_relation;

extern const char *nk_relation_name(nk_relation relation);

typedef struct nk_comparison
{
	nk_relation relation;
	float		score;
	const char *reason;			/* names the slot and both values */
} nk_comparison;

/*
 * How claim b relates to claim a.  score is the engine's confidence in the
 * relation, from how firmly the two were found to speak of the same thing:
 * 0.9 and above, same predicate with named subjects and objects that
 * match and overlapping times; about 0.7, one of subject or object missing
 * on one side; about 0.5, a fact slot or the entities of two sentences
 * alone tie them together.  For unrelated, 0.6 to 0.8 says the two were
 * found to be different occasions or different facts (the reason says
 * which slot told them apart); 0.2 says that nothing was found to compare.
 */
extern void nk_compare_claims(nk_arena *arena, const nk_gazetteer *g, const nk_claim *a,
							  const nk_claim *b, nk_comparison *out);

/* How the claims of b relate to those of a: the pair that decides. */
extern void nk_compare_claim_lists(nk_arena *arena, const nk_gazetteer *g, const nk_claim_list *a,
								   const nk_claim_list *b, nk_comparison *out);

/* Both texts through nk_claims_of_doc(), then nk_compare_claim_lists(). */
extern void nk_compare_texts(nk_arena *arena, const nk_gazetteer *g,
							 const char *a, size_t a_len, const int64_t *a_published,
							 const char *b, size_t b_len, const int64_t *b_published,
							 nk_comparison *out);

#endif							/* NK_CLAIMS_H */
