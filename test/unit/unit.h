/*
 * unit.h
 *	  A minimal harness for the engine's unit tests.
 *
 * Each test program is a main() that runs CHECK* macros and returns
 * unit_report(): the counts printed as "N passed, N failed", nonzero on a
 * failure.
 */
#ifndef NK_UNIT_H
#define NK_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nk_gazetteer.h"
#include "nk_sentence.h"

static int	unit_passed;
static int	unit_failed;

#define CHECK(cond) \
	do { \
		if (cond) \
			unit_passed++; \
		else \
		{ \
			unit_failed++; \
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
		} \
	} while (0)

#define CHECK_INT_EQ(a, b) \
	do { \
		long long	unit_a = (long long) (a); \
		long long	unit_b = (long long) (b); \
		if (unit_a == unit_b) \
			unit_passed++; \
		else \
		{ \
			unit_failed++; \
			fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, unit_a, unit_b); \
		} \
	} while (0)

#define CHECK_STR_EQ(a, b) \
	do { \
		const char *unit_a = (a); \
		const char *unit_b = (b); \
		if ((unit_a == NULL && unit_b == NULL) || \
			(unit_a != NULL && unit_b != NULL && strcmp(unit_a, unit_b) == 0)) \
			unit_passed++; \
		else \
		{ \
			unit_failed++; \
			fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, \
					unit_a ? unit_a : "(null)", unit_b ? unit_b : "(null)"); \
		} \
	} while (0)

/* The whole file at path, NUL-terminated, in malloc'd memory; NULL when it cannot be read. */
static inline char *
unit_read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = n >= 0 ? malloc((size_t) n + 1) : NULL;
	if (buf == NULL || fread(buf, 1, (size_t) n, f) != (size_t) n)
	{
		fclose(f);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	fclose(f);
	*len = (size_t) n;
	return buf;
}

/* A gazetteer built from the TSV text tsv and the text of each word list. */
static inline nk_gazetteer *
unit_gazetteer(const char *tsv, const char *const lexicons[NK_LEXICON_COUNT])
{
	nk_gazetteer_builder *b = nk_gazetteer_builder_create();

	nk_gazetteer_load_tsv(b, tsv, strlen(tsv), "test", false);
	for (int l = 0; l < NK_LEXICON_COUNT; l++)
		nk_gazetteer_load_lexicon(b, (nk_lexicon) l, lexicons[l], strlen(lexicons[l]));
	return nk_gazetteer_build(b);
}

/* Whether text splits into exactly the n sentences expected (each its text's span). */
static inline void
unit_check_sentences(const char *text, const char *const *expected, int n)
{
	nk_arena   *a = nk_arena_create();
	nk_doc	   *d = nk_doc_build(a, text, strlen(text));

	CHECK_INT_EQ(d->sentences.count, n);
	for (int i = 0; i < n && i < (int) d->sentences.count; i++)
	{
		const nk_span *sp = &d->sentences.items[i];

		CHECK_STR_EQ(nk_arena_strndup(a, text + sp->start, sp->len), expected[i]);
	}
	if ((int) d->sentences.count != n)
		fprintf(stderr, "  in: %s\n", text);
	nk_arena_destroy(a);
}

static int
unit_report(void)
{
	printf("%d passed, %d failed\n", unit_passed, unit_failed);
	return unit_failed != 0;
}

#endif							/* NK_UNIT_H */
