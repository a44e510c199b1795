/*
 * nk_article.h
 *	  Raw page text to article metadata and a clean story body.
 */
#ifndef NK_ARTICLE_H
#define NK_ARTICLE_H

#include "nk_alloc.h"
#include "nk_calendar.h"

typedef struct nk_article
{
	const char *title;			/* NUL-terminated, or NULL when none was found */
	const char *author;			/* byline name(s) as printed, or NULL */
	const char *dateline;		/* the publication date as printed, or NULL */
	bool		has_published;
	int64_t		published;		/* seconds since 1970-01-01 UTC */
	const char *body;			/* the story without page furniture; NUL-terminated */
	size_t		body_len;
} nk_article;

/*
 * Parse raw page text.  fetched (seconds since the Unix epoch, or NULL) is
 * when the page was fetched: a printed date without a year takes the latest
 * year that puts it on or before that time, when the page itself gives no
 * full date to take the year from.
 */
extern void nk_parse_article(nk_arena *arena, const char *raw, size_t len,
							 const int64_t *fetched, nk_article *out);

/*
 * As nk_parse_article, with the address the page came from (url[0..url_len),
 * or NULL): the date it carries (nk_url_date) gives a printed date without a
 * year its year, and the publication day when the page prints no date.  A
 * full printed date is always preferred to it.
 */
extern void nk_parse_article_at(nk_arena *arena, const char *raw, size_t len,
								const int64_t *fetched, const char *url, size_t url_len,
								nk_article *out);

/*
 * The date a page's address carries in its path or query: /2024/11/29/,
 * /2024/Nov/29/, /2024-11-29/, /20241129/, an id that opens with one
 * (AEN20241129000100315), or a year and month alone (/2024/11/, day 0).
 * The host name is not read.  False when there is none.
 */
extern bool nk_url_date(const char *url, size_t len, nk_datetime *out);

#endif							/* NK_ARTICLE_H */
