/*
 * nk_token.h
 *	  Tokens of a document: the first stage of the pipeline.
 *
 * A document is split once into tokens (words, numbers, punctuation) with
 * their byte spans, a folded form for matching and layout flags; the
 * sentence splitter and every later stage read the same token array.
 */
#ifndef NK_TOKEN_H
#define NK_TOKEN_H

#include <string.h>

#include "nk_text.h"

typedef enum nk_token_kind
{
	NK_TOKEN_WORD,				/* letters, with inner apostrophes or periods (O'Brien, U.S.) */
	NK_TOKEN_NUMBER,			/* digits, with inner , or . between digits (11,000  3.5) */
	NK_TOKEN_PUNCT				/* one punctuation or symbol character; "...", ". . ." and "…" as one */
} nk_token_kind;

/* layout and shape flags */
#define NK_TOKEN_SPACE_BEFORE	0x0001	/* white space between this and the previous token */
#define NK_TOKEN_LINE_BEFORE	0x0002	/* a line break before it */
#define NK_TOKEN_PARA_BEFORE	0x0004	/* a blank line (or start of text) before it */
#define NK_TOKEN_CAPITALIZED	0x0008	/* first letter upper case */
#define NK_TOKEN_ALL_CAPS		0x0010	/* every letter upper case, at least one letter */
#define NK_TOKEN_HAS_DIGIT		0x0020	/* a word with a digit in it (Su35) */
#define NK_TOKEN_SENT_START		0x0040	/* first token of its sentence */
#define NK_TOKEN_ABBREV			0x0080	/* word ending in a period that belongs to it (Sept. U.S. Dr.) */
#define NK_TOKEN_POSSESSIVE		0x0100	/* punct token 's or ' of a possessive, split off its word */

typedef struct nk_token
{
	uint32_t	start;			/* byte offset in the document (texts are < 4 GB) */
	uint32_t	len;			/* bytes */
	const char *fold;			/* nk_fold() form, NUL-terminated (trailing abbreviation period dropped) */
	uint32_t	fold_len;
	uint16_t	kind;			/* nk_token_kind */
	uint16_t	flags;
	int32_t		sentence;		/* 0-based sentence index, set by nk_split_sentences() */
} nk_token;

typedef NK_VEC(nk_token) nk_token_list;

/* Split text into tokens. */
extern void nk_tokenize(nk_arena *arena, const char *text, size_t len, nk_token_list *out);

/*
 * Whether the token's folded form equals the NUL-terminated word w.  A byte
 * loop without strlen(): rules ask this of every token for many words, and
 * most differ in the first byte.
 */
static inline bool
nk_token_is(const nk_token *t, const char *w)
{
	const char *f = t->fold;
	uint32_t	n = t->fold_len;

	for (uint32_t k = 0; k < n; k++)
		if (w[k] == '\0' || f[k] != w[k])
			return false;
	return w[n] == '\0';
}

#endif							/* NK_TOKEN_H */
