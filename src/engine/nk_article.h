/*
 * nk_article.h
 *	  Raw page text to article metadata and a clean story body.
 */
#ifndef NK_ARTICLE_H
#define NK_ARTICLE_H

#include "nk_alloc.h"

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

#endif							/* NK_ARTICLE_H */
