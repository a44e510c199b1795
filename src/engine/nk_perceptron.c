/*
 * nk_perceptron.c
 *	  Averaged perceptron over hashed features (see nk_perceptron.h).
 */
#include "nk_perceptron.h"

#include <math.h>
#include <string.h>

#define NKPC_MAGIC 0x43504b4eu	/* "NKPC" little-endian */
#define NKPC_HEADER_WORDS 6
#define NKPC_MAX_CLASSES 4096
/* classifiers of at most this many classes keep their weights in the slot */
#define NKPC_INLINE_CLASSES 3

/* ---- inference ---- */

const char *
nk_perceptron_open(const void *blob, size_t size, nk_perceptron *out)
{
	const uint32_t *w = blob;
	uint32_t	log2slots;
	size_t		slots;
	size_t		words;
	size_t		empty = 0;

	if (blob == NULL || size < NKPC_HEADER_WORDS * 4 || ((uintptr_t) blob & 3) != 0)
		return "classifier section too short or misaligned";
	if (w[0] != NKPC_MAGIC)
		return "classifier section has a bad magic number";
	out->classes = w[1];
	log2slots = w[2];
	out->pair_words = w[3];
	memcpy(&out->scale, &w[4], sizeof(float));
	out->slot_words = w[5];
	if (out->classes == 0 || out->classes > NKPC_MAX_CLASSES || log2slots < 1 || log2slots > 28 ||
		!isfinite(out->scale) ||
		!(out->slot_words == 2 || (out->slot_words == 1 + NKPC_INLINE_CLASSES && out->pair_words == 0)))
		return "classifier section has a bad header";
	slots = (size_t) 1 << log2slots;
	words = NKPC_HEADER_WORDS + out->slot_words * slots + (size_t) out->pair_words;
	if (size != words * 4)
		return "classifier section has the wrong size";
	out->mask = (uint32_t) (slots - 1);
	out->slots = w + NKPC_HEADER_WORDS;
	out->pairs = out->slots + out->slot_words * slots;
	for (size_t s = 0; s < slots; s++)
	{
		const uint32_t *slot = out->slots + out->slot_words * s;
		const uint32_t *q;
		uint32_t	count;

		if (slot[0] == 0)
		{
			empty++;
			continue;
		}
		if (out->slot_words == 2)
		{
			if (slot[1] >= out->pair_words)
				return "classifier section has a feature out of bounds";
			q = out->pairs + slot[1] + 1;
			count = q[-1];
			if (count > out->pair_words - slot[1] - 1)
				return "classifier section has a feature out of bounds";
		}
		else
		{
			q = slot + 1;
			count = NKPC_INLINE_CLASSES;
		}
		for (uint32_t k = 0; k < count; k++)
			if ((q[k] >> 16) >= out->classes)
				return "classifier section has a class out of range";
	}
	if (empty == 0)
		return "classifier section has no empty slot";
	return NULL;
}

static inline const uint32_t *
lookup(const nk_perceptron *p, nk_feat key, uint32_t *count)
{
	uint32_t	fp = (uint32_t) (key >> 32) | 1;
	uint32_t	s = (uint32_t) key & p->mask;

	for (;;)
	{
		const uint32_t *slot = p->slots + (size_t) p->slot_words * s;

		if (slot[0] == fp)
		{
			if (p->slot_words == 2)
			{
				const uint32_t *q = p->pairs + slot[1];

				*count = q[0];
				return q + 1;
			}
			/* inline: an unused pair is 0, which adds 0 to class 0 */
			*count = NKPC_INLINE_CLASSES;
			return slot + 1;
		}
		if (slot[0] == 0)
		{
			*count = 0;
			return NULL;
		}
		s = (s + 1) & p->mask;
	}
}

const uint32_t *
nk_perceptron_lookup(const nk_perceptron *p, nk_feat key, uint32_t *count)
{
	return lookup(p, key, count);
}

/*
 * In three sweeps, so that the memory reads of different features overlap
 * (the model is larger than the caches): fetch the slots, find each
 * feature's pairs and fetch them (unless they are in the slot), then add
 * them up.
 */
void
nk_perceptron_score(const nk_perceptron *p, const nk_feat *feats, size_t n, int32_t *scores)
{
	const uint32_t *found[64];
	uint32_t	counts[64];

	while (n > 0)
	{
		size_t		m = n < 64 ? n : 64;

		for (size_t i = 0; i < m; i++)
			__builtin_prefetch(&p->slots[(size_t) p->slot_words * (feats[i] & p->mask)]);
		for (size_t i = 0; i < m; i++)
		{
			found[i] = lookup(p, feats[i], &counts[i]);
			if (found[i] != NULL && p->slot_words == 2)
				__builtin_prefetch(found[i]);
		}
		for (size_t i = 0; i < m; i++)
		{
			const uint32_t *q = found[i];

			for (uint32_t k = 0; k < counts[i]; k++)
				scores[q[k] >> 16] += (int16_t) (q[k] & 0xffff);
		}
		feats += m;
		n -= m;
	}
}

/* ---- training ---- */

/*
 * The trainer keeps a dense row of weights per feature, created on its
 * first update, and beside it the sum of every update times the instance
 * it came at; the averaged weight is then weight - sum / instances (the
 * averaging of Daume's thesis, section 2.1.1), without a pass per instance.
 */
struct nk_perceptron_trainer
{
	nk_arena   *arena;
	uint32_t	classes;
	uint32_t	instances;
	NK_VEC(nk_feat) keys;		/* feature i's key; its row is i */
	NK_VEC(int32_t) weights;	/* classes per row */
	NK_VEC(int64_t) sums;		/* classes per row */
	uint32_t   *table;			/* row + 1, 0 empty */
	size_t		table_mask;
};

nk_perceptron_trainer *
nk_perceptron_trainer_create(nk_arena *arena, uint32_t classes)
{
	nk_perceptron_trainer *t = nk_arena_zalloc(arena, sizeof(*t));

	if (classes == 0 || classes > NKPC_MAX_CLASSES)
		nk_error("a classifier has %u classes, at most %d are supported", classes, NKPC_MAX_CLASSES);
	t->arena = arena;
	t->classes = classes;
	t->table_mask = (1u << 16) - 1;
	t->table = nk_arena_zalloc(arena, (t->table_mask + 1) * sizeof(uint32_t));
	return t;
}

size_t
nk_perceptron_trainer_features(const nk_perceptron_trainer *t)
{
	return t->keys.count;
}

/* Row + 1 of the feature with this key, 0 when absent (and !create). */
static uint32_t
trainer_find(nk_perceptron_trainer *t, nk_feat key, bool create)
{
	size_t		s = key & t->table_mask;

	for (;;)
	{
		uint32_t	f = t->table[s];

		if (f == 0)
			break;
		if (t->keys.items[f - 1] == key)
			return f;
		s = (s + 1) & t->table_mask;
	}
	if (!create)
		return 0;
	if ((t->keys.count + 1) * 2 > t->table_mask + 1)
	{
		size_t		mask = t->table_mask * 2 + 1;
		uint32_t   *table = nk_arena_zalloc(t->arena, (mask + 1) * sizeof(uint32_t));

		for (size_t f = 0; f < t->keys.count; f++)
		{
			size_t		r = t->keys.items[f] & mask;

			while (table[r] != 0)
				r = (r + 1) & mask;
			table[r] = (uint32_t) f + 1;
		}
		t->table = table;
		t->table_mask = mask;
		s = key & mask;
		while (t->table[s] != 0)
			s = (s + 1) & mask;
	}
	*nk_vec_push(t->arena, &t->keys) = key;
	nk_vec_reserve(t->arena, &t->weights, t->classes);
	memset(t->weights.items + t->weights.count, 0, t->classes * sizeof(int32_t));
	t->weights.count += t->classes;
	nk_vec_reserve(t->arena, &t->sums, t->classes);
	memset(t->sums.items + t->sums.count, 0, t->classes * sizeof(int64_t));
	t->sums.count += t->classes;
	t->table[s] = (uint32_t) t->keys.count;
	return (uint32_t) t->keys.count;
}

void
nk_perceptron_trainer_score(nk_perceptron_trainer *t, const nk_feat *feats, size_t n, double *scores)
{
	memset(scores, 0, t->classes * sizeof(double));
	for (size_t i = 0; i < n; i++)
	{
		uint32_t	f = trainer_find(t, feats[i], false);
		const int32_t *row;

		if (f == 0)
			continue;
		row = t->weights.items + (size_t) (f - 1) * t->classes;
		for (uint32_t c = 0; c < t->classes; c++)
			scores[c] += row[c];
	}
}

void
nk_perceptron_trainer_update(nk_perceptron_trainer *t, const nk_feat *feats, size_t n,
							 uint32_t truth, uint32_t guess)
{
	t->instances++;
	if (truth == guess)
		return;
	for (size_t i = 0; i < n; i++)
	{
		size_t		row = (size_t) (trainer_find(t, feats[i], true) - 1) * t->classes;

		t->weights.items[row + truth]++;
		t->sums.items[row + truth] += t->instances;
		t->weights.items[row + guess]--;
		t->sums.items[row + guess] -= t->instances;
	}
}

/* A blob's header and empty slot table for n features and pair_words words of pairs. */
static uint32_t *
blob_create(nk_arena *arena, size_t n, size_t pair_words, uint32_t classes, float scale, size_t *size)
{
	uint32_t	log2slots = 4;
	uint32_t	slot_words = classes <= NKPC_INLINE_CLASSES ? 1 + NKPC_INLINE_CLASSES : 2;
	uint32_t   *blob;

	if (slot_words != 2)
		pair_words = 0;
	while (((size_t) 1 << log2slots) < n + n / 2 + 1)
		log2slots++;
	*size = (NKPC_HEADER_WORDS + slot_words * ((size_t) 1 << log2slots) + pair_words) * 4;
	blob = nk_arena_zalloc(arena, *size);
	blob[0] = NKPC_MAGIC;
	blob[1] = classes;
	blob[2] = log2slots;
	blob[3] = (uint32_t) pair_words;
	memcpy(&blob[4], &scale, sizeof(float));
	blob[5] = slot_words;
	return blob;
}

static uint32_t *
blob_pairs(uint32_t *blob)
{
	return blob + NKPC_HEADER_WORDS + blob[5] * ((size_t) 1 << blob[2]);
}

/*
 * Enter key with its count pairs into the blob: into its slot, or into the
 * pairs area at word *at (advanced past them).
 */
static void
blob_insert(uint32_t *blob, nk_feat key, const uint32_t *pairs, uint32_t count, size_t *at)
{
	uint32_t	mask = (1u << blob[2]) - 1;
	uint32_t	slot_words = blob[5];
	uint32_t   *slots = blob + NKPC_HEADER_WORDS;
	uint32_t	s = (uint32_t) key & mask;
	uint32_t	fp = (uint32_t) (key >> 32) | 1;
	uint32_t   *slot;

	while (slots[(size_t) slot_words * s] != 0)
	{
		if (slots[(size_t) slot_words * s] == fp)
			return;				/* a duplicate key: the first one stays */
		s = (s + 1) & mask;
	}
	slot = slots + (size_t) slot_words * s;
	slot[0] = fp;
	if (slot_words == 2)
	{
		uint32_t   *area = blob_pairs(blob);

		slot[1] = (uint32_t) *at;
		area[(*at)++] = count;
		memcpy(area + *at, pairs, count * sizeof(uint32_t));
		*at += count;
	}
	else
		memcpy(slot + 1, pairs, count * sizeof(uint32_t));
}

const void *
nk_perceptron_export_map(nk_arena *arena, const nk_feat *keys, const uint32_t *classes,
						 const int16_t *values, size_t n, uint32_t n_classes, size_t *size)
{
	uint32_t   *blob = blob_create(arena, n, 2 * n, n_classes, 1.0f, size);
	size_t		at = 0;

	for (size_t i = 0; i < n; i++)
	{
		uint32_t	pair = classes[i] << 16 | (uint16_t) values[i];

		blob_insert(blob, keys[i], &pair, 1, &at);
	}
	return blob;
}

/* The averaged weight of row r's class c after the trainer's last instance. */
static double
average(const nk_perceptron_trainer *t, size_t r, uint32_t c)
{
	size_t		at = r * t->classes + c;
	double		instances = t->instances ? t->instances : 1;

	return t->weights.items[at] - (double) t->sums.items[at] / instances;
}

const void *
nk_perceptron_export(nk_arena *arena, nk_perceptron_trainer *t, size_t *size)
{
	double		maxabs = 0;
	double		scale;
	size_t		kept = 0;
	size_t		pair_words = 0;
	uint32_t   *blob;
	uint32_t	pairs[NKPC_MAX_CLASSES];
	size_t		at = 0;
	size_t		rows = t->keys.count;

	/* one scale for the classifier: the largest averaged weight is 32767 */
	for (size_t r = 0; r < rows; r++)
		for (uint32_t c = 0; c < t->classes; c++)
		{
			double		avg = fabs(average(t, r, c));

			if (avg > maxabs)
				maxabs = avg;
		}
	scale = maxabs > 0 ? maxabs / 32767.0 : 1.0;

	/* count what survives quantization */
	for (size_t r = 0; r < rows; r++)
	{
		size_t		nonzero = 0;

		for (uint32_t c = 0; c < t->classes; c++)
			if (lrint(average(t, r, c) / scale) != 0)
				nonzero++;
		if (nonzero > 0)
		{
			kept++;
			pair_words += 1 + nonzero;
		}
	}
	blob = blob_create(arena, kept, pair_words, t->classes, (float) scale, size);
	for (size_t r = 0; r < rows; r++)
	{
		uint32_t	count = 0;

		for (uint32_t c = 0; c < t->classes; c++)
		{
			long		q = lrint(average(t, r, c) / scale);

			if (q != 0)
				pairs[count++] = c << 16 | (uint16_t) (int16_t) q;
		}
		if (count > 0)
			blob_insert(blob, t->keys.items[r], pairs, count, &at);
	}
	return blob;
}
