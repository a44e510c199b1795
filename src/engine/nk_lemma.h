/*
 * nk_lemma.h
 *	  The lemmatiser of the syntax stage: the lemma of a word from its form
 *	  and its part of speech, as UD English (EWT) writes lemmas.
 *
 * Suffix rules per Penn tag find most lemmas (-s, -es, -ies, -ed, -ing, -er,
 * -est, with doubled consonants undone and a final e put back); a table of
 * exceptions learned from a treebank's training words holds the forms they
 * get wrong (went, people, n't, 's, I).  The table is a self-contained
 * little-endian blob, without pointers, stored in the model file and read
 * back through mmap.
 */
#ifndef NK_LEMMA_H
#define NK_LEMMA_H

#include "nk_alloc.h"

/*
 * Build the exception table from n training words (form, UD tag, Penn tag,
 * lemma): the (lower-cased form, tag) pairs seen at least min_count times
 * whose commonest lemma the rules do not give.  Returns the blob, allocated
 * in arena (4-byte aligned), and its size in *size.
 */
extern const void *nk_lemma_table_build_min(nk_arena *arena, const char *const *form,
											const char *const *upos, const char *const *xpos,
											const char *const *lemma, size_t n, size_t min_count,
											size_t *size);

/*
 * The count nk_lemma_table_build() uses.  On EWT (table from train, gold
 * tags) dev accuracy is 98.89% with 1 (48.6 kB), 98.78% with 2 (20.8 kB),
 * 98.68% with 3 (14.8 kB): the table is small beside a parser either way.
 */
#define NK_LEMMA_MIN_COUNT 1

/* nk_lemma_table_build_min() with NK_LEMMA_MIN_COUNT. */
extern const void *nk_lemma_table_build(nk_arena *arena, const char *const *form,
										const char *const *upos, const char *const *xpos,
										const char *const *lemma, size_t n, size_t *size);

/*
 * NULL when blob (size bytes, from a file that may be truncated or corrupt)
 * is a usable table, else a message saying what is wrong.  Never reads
 * outside blob[0..size).
 */
extern const char *nk_lemma_table_check(const void *blob, size_t size);

/* The number of exceptions of a checked table. */
extern size_t nk_lemma_table_count(const void *blob, size_t size);

/*
 * The lemma of form (form_len bytes of UTF-8) tagged upos/xpos (UD and Penn
 * tag strings; either may be NULL or "_"): the table's entry if it has one,
 * else the rules'.  NUL-terminated, in the arena or pointing into the blob.
 * blob may be NULL (rules only).
 */
extern const char *nk_lemmatize(nk_arena *arena, const void *blob, size_t size, const char *form,
								size_t form_len, const char *upos, const char *xpos);

/* The rules' lemma alone (what the table is measured against). */
extern const char *nk_lemma_rules(nk_arena *arena, const char *form, size_t form_len,
								  const char *upos, const char *xpos);

#endif							/* NK_LEMMA_H */
