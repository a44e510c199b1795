/*
 * nk_words.h
 *	  Words of each sentence as Universal Dependencies English (EWT) splits
 *	  them: the input of the syntax stage.
 *
 * The engine's tokens are close to UD's words but not the same: UD splits
 * contractions and possessives into the words of a multiword token ("don't"
 * is do + n't, "Bush's" is Bush + 's, "cannot" is can + not) and keeps
 * together what the tokenizer splits at punctuation (e-mail addresses, URLs,
 * "e-mail", "5:30", "11/28/2000", "AT&T", "!!!", ":-)").  nk_words_build()
 * maps one onto the other without changing the tokens.
 */
#ifndef NK_WORDS_H
#define NK_WORDS_H

#include "nk_sentence.h"

#define NK_WORD_SPACE_AFTER	0x0001	/* white space (or the end of the text) after the word */
#define NK_WORD_SPLIT		0x0002	/* one of the parts of one split token (a multiword token) */
#define NK_WORD_SPLIT_FIRST	0x0004	/* the first part of a split token: a new multiword token */
#define NK_WORD_MERGED		0x0008	/* made of several engine tokens */

typedef struct nk_word
{
	uint32_t	start;			/* byte span in the document text: for the parts of a */
	uint32_t	len;			/* split token, the span of that part */
	const char *form;			/* NUL-terminated form: the span's text */
	uint32_t	form_len;
	int32_t		token;			/* index of the engine token it comes from (the first one when merged) */
	int32_t		sentence;		/* 0-based sentence index, as the doc's */
	uint16_t	flags;			/* NK_WORD_* */
} nk_word;

typedef NK_VEC(nk_word) nk_word_list;

typedef struct nk_words
{
	nk_word_list words;
	size_t	   *sentence_first; /* index of each sentence's first word; sentence_count + 1 entries */
	size_t		sentence_count;
} nk_words;

/* The words of the document's sentences, in order; all memory from arena. */
extern nk_words *nk_words_build(nk_arena *arena, const nk_doc *doc);

/*
 * The multiword token that word i starts, for CoNLL-U's range lines: the
 * number of words of it (2 or more) when word i is the first part of a split
 * token, else 0.
 */
extern size_t nk_words_split_count(const nk_words *w, size_t i);

#endif							/* NK_WORDS_H */
