/*
 * pg_rows.h
 *	  The SQL row of an entity mention, an event and a claim, shared by the
 *	  glue of nk_entities(), nk_events() and nk_claims() and by nk_extract().
 */
#ifndef PG_ROWS_H
#define PG_ROWS_H

#include "pg_nkwatch.h"

#include "nk_claims.h"

/* Columns of a row of nk_entities() (the type nk_entity). */
#define NK_PG_ENTITY_COLUMNS 8
/* Columns of the type nk_event. */
#define NK_EVENT_COLUMNS 22
/* Columns of the type nk_claim. */
#define NK_CLAIM_COLUMNS 21

/*
 * Fill values and nulls with the row of one result of the document s (the
 * text the engine ran on); map turns its byte offsets into character
 * positions and is cheapest when the rows come in document order.
 */
extern void nk_pg_entity_values(const nk_entity_mention *m, const char *s, nk_pg_charpos *map,
								Datum *values, bool *nulls);
extern void nk_pg_event_values(const nk_event *e, const char *s, nk_pg_charpos *map,
							   Datum *values, bool *nulls);
extern void nk_pg_claim_values(const nk_claim *c, const char *s, nk_pg_charpos *map,
							   Datum *values, bool *nulls);

#endif							/* PG_ROWS_H */
