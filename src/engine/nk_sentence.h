/*
 * nk_sentence.h
 *	  Sentences of a document: the second stage of the pipeline.
 */
#ifndef NK_SENTENCE_H
#define NK_SENTENCE_H

#include "nk_token.h"

/* A document: the text and what the first stages found in it. */
typedef struct nk_doc
{
	const char *text;
	size_t		len;
	nk_token_list tokens;
	nk_span_list sentences;		/* byte spans from a sentence's first token to its last */
	size_t	   *sentence_first_token;	/* index of each sentence's first token */
} nk_doc;

/* Tokenize text and split it into sentences: what every later stage starts from. */
extern nk_doc *nk_doc_build(nk_arena *arena, const char *text, size_t len);

/* Index of the sentence holding byte offset pos (the nearest one before it, in a gap). */
extern int32_t nk_doc_sentence_at(const nk_doc *doc, size_t pos);

#endif							/* NK_SENTENCE_H */
