/*
 * nk_perceptron.h
 *	  Averaged perceptron over hashed features: the classifier of the
 *	  tagger, the parser and the arc labeller.
 *
 * A feature is a 64-bit hash of a template and its values (nk_feat_*).
 * Training keeps exact integer weights per (feature, class) and their running
 * totals for averaging (Collins 2002; the lazy update of Daumé's thesis).
 * Export turns the averaged weights into a compact, pointer-free blob that is
 * read in place from the memory-mapped model file:
 *
 *	header	magic 'NKPC', classes, log2(slots), pair words, scale (float bits),
 *			words a slot
 *	slots	2^k slots of 2 uint32: fingerprint (high half of the key, never 0),
 *			start of its pairs; of a classifier of at most 3 classes (the
 *			parser's moves), 4: the fingerprint and the pairs themselves, so
 *			that a feature costs one memory read
 *	pairs	per feature: a count, then count words (class << 16 | uint16 weight)
 *
 * Weights are quantized to int16 with one scale per classifier; a feature
 * whose every weight rounds to 0 is dropped.  A key is found by linear
 * probing from (key & mask) up to the first empty slot.
 */
#ifndef NK_PERCEPTRON_H
#define NK_PERCEPTRON_H

#include "nk_alloc.h"

typedef uint64_t nk_feat;

/* splitmix64's finalizer: a cheap, well-mixed 64-bit hash step. */
static inline uint64_t
nk_feat_mix(uint64_t x)
{
	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return x;
}

/*
 * Hash of a template id and up to three values: multiply-xorshift steps
 * (the template's seed folds to a constant where the id is one), cheap
 * enough for the ~100 features of every parser move.
 */
static inline nk_feat
nk_feat3(uint32_t template_id, uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t	h = nk_feat_mix(template_id + UINT64_C(0x9e3779b97f4a7c15));

	h = (h ^ a) * UINT64_C(0xbf58476d1ce4e5b9);
	h = (h ^ (h >> 31) ^ b) * UINT64_C(0x94d049bb133111eb);
	h = (h ^ (h >> 29) ^ c) * UINT64_C(0xff51afd7ed558ccd);
	return h ^ (h >> 32);
}

/* FNV-1a 64 of n bytes: the identity of a string value. */
static inline uint64_t
nk_feat_string(const char *s, size_t n)
{
	uint64_t	h = UINT64_C(0xcbf29ce484222325);

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char) s[i]) * UINT64_C(0x100000001b3);
	return h;
}

/* ---- inference: a view over an exported blob ---- */

typedef struct nk_perceptron
{
	uint32_t	classes;
	uint32_t	mask;			/* slots - 1 */
	const uint32_t *slots;		/* slot_words a slot: fingerprint, then start or pairs */
	uint32_t	slot_words;
	const uint32_t *pairs;
	uint32_t	pair_words;
	float		scale;			/* weight = quantized * scale */
} nk_perceptron;

/*
 * Read a blob of size bytes (from a file: it may be anything) into *out.
 * NULL when it is usable, else what is wrong with it.  Every start, count
 * and class is checked here, so scoring needs no bounds checks.
 */
extern const char *nk_perceptron_open(const void *blob, size_t size, nk_perceptron *out);

/* Add the weights of the n features to scores[0 .. classes-1] (not cleared first). */
extern void nk_perceptron_score(const nk_perceptron *p, const nk_feat *feats, size_t n, int32_t *scores);

/*
 * The pairs of one feature (each class << 16 | uint16 weight) and their
 * count; NULL when the classifier has no weights for it.
 */
extern const uint32_t *nk_perceptron_lookup(const nk_perceptron *p, nk_feat key, uint32_t *count);

/*
 * A table of n keys, each with one class and a small value (as its weight),
 * in the classifier format: what nk_perceptron_lookup() reads back.  For
 * dictionaries.
 */
extern const void *nk_perceptron_export_map(nk_arena *arena, const nk_feat *keys, const uint32_t *classes,
											 const int16_t *values, size_t n, uint32_t n_classes, size_t *size);

/* ---- training ---- */

typedef struct nk_perceptron_trainer nk_perceptron_trainer;

/* A trainer whose memory (which may reach hundreds of MB) comes from arena. */
extern nk_perceptron_trainer *nk_perceptron_trainer_create(nk_arena *arena, uint32_t classes);
/* Scores of the current (not averaged) weights, into scores[0 .. classes-1] (cleared first). */
extern void nk_perceptron_trainer_score(nk_perceptron_trainer *t, const nk_feat *feats, size_t n, double *scores);
/* One training instance seen; when guess != truth, move the features' weights towards truth. */
extern void nk_perceptron_trainer_update(nk_perceptron_trainer *t, const nk_feat *feats, size_t n,
										 uint32_t truth, uint32_t guess);
/* The averaged, quantized, compact blob (in arena) and its size; deterministic. */
extern const void *nk_perceptron_export(nk_arena *arena, nk_perceptron_trainer *t, size_t *size);
/* Features the trainer has weights for. */
extern size_t nk_perceptron_trainer_features(const nk_perceptron_trainer *t);

#endif							/* NK_PERCEPTRON_H */
