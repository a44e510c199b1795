/*
 * nk_tagger.c
 *	  Part-of-speech tagger (see nk_tagger.h).
 */
#include "nk_tagger.h"

#include <stdio.h>
#include <string.h>

/* What the features of one word are made of, computed once per word. */
typedef struct tag_word
{
	uint64_t	form;			/* exact form */
	uint64_t	lower;
	uint64_t	shape;
	uint64_t	suffix[4];		/* last 1..4 bytes of lower */
	uint64_t	prefix[3];		/* first 1..3 bytes of lower */
	uint64_t	flags;
	uint32_t	lexicon;		/* commonest class in training, TAG_NONE if unseen */
	bool		sure;			/* ... and the only one it takes */
} tag_word;

#define TW_TITLE	1
#define TW_UPPER	2
#define TW_DIGIT	4
#define TW_HYPHEN	8
#define TW_FIRST	16
#define TW_PERIOD	32

/* Sentinel word hashes before the first and after the last word. */
#define TW_START UINT64_C(0x5354415254535441)
#define TW_END UINT64_C(0x454e44454e44454e)
#define TAG_START 0xfffe
#define TAG_NONE 0xffff

#define TAG_FEATURES 31

static void
describe_word(const nk_perceptron *lexicon, const char *form, uint32_t len, bool first, tag_word *w)
{
	char		lower[64];
	char		shape[64];
	uint32_t	n = len < sizeof(lower) ? len : sizeof(lower);
	uint32_t	shape_len = 0;
	bool		letters = false;
	bool		all_upper = true;
	uint32_t	flags = first ? TW_FIRST : 0;

	for (uint32_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) form[i];
		char		s;

		lower[i] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : (char) c;
		if (c >= 'A' && c <= 'Z')
		{
			s = 'X';
			letters = true;
		}
		else if (c >= 'a' && c <= 'z')
		{
			s = 'x';
			letters = true;
			all_upper = false;
		}
		else if (c >= '0' && c <= '9')
		{
			s = 'd';
			flags |= TW_DIGIT;
		}
		else if (c >= 0x80)
		{
			s = 'u';
			letters = true;
		}
		else
		{
			s = (char) c;
			if (c == '-')
				flags |= TW_HYPHEN;
			if (c == '.')
				flags |= TW_PERIOD;
		}
		/* runs of one shape character beyond two are written once more */
		if (shape_len >= 2 && shape[shape_len - 1] == s && shape[shape_len - 2] == s)
			continue;
		shape[shape_len++] = s;
	}
	if (len > 0 && form[0] >= 'A' && form[0] <= 'Z')
		flags |= TW_TITLE;
	if (letters && all_upper)
		flags |= TW_UPPER;
	w->form = nk_feat_string(form, len);
	w->lower = nk_feat_string(lower, n);
	w->shape = nk_feat_string(shape, shape_len);
	for (uint32_t k = 0; k < 4; k++)
		w->suffix[k] = k < n ? nk_feat_string(lower + n - k - 1, k + 1) : w->lower;
	for (uint32_t k = 0; k < 3; k++)
		w->prefix[k] = k < n ? nk_feat_string(lower, k + 1) : w->lower;
	w->flags = flags;
	{
		uint32_t	count;
		const uint32_t *known = nk_perceptron_lookup(lexicon, w->form, &count);

		w->lexicon = known ? known[0] >> 16 : TAG_NONE;
		w->sure = known && (int16_t) (known[0] & 0xffff) == 1;
	}
}

/* The features of word i given the classes before it. */
static size_t
tag_features(const tag_word *w, size_t n, size_t i, uint32_t prev1, uint32_t prev2, nk_feat *f)
{
	const tag_word *c = &w[i];
	uint64_t	p1 = i >= 1 ? w[i - 1].lower : TW_START;
	uint64_t	p2 = i >= 2 ? w[i - 2].lower : TW_START;
	uint64_t	n1 = i + 1 < n ? w[i + 1].lower : TW_END;
	uint64_t	n2 = i + 2 < n ? w[i + 2].lower : TW_END;
	uint64_t	p1s = i >= 1 ? w[i - 1].suffix[2] : TW_START;
	uint64_t	n1s = i + 1 < n ? w[i + 1].suffix[2] : TW_END;
	uint64_t	n1shape = i + 1 < n ? w[i + 1].shape : TW_END;
	uint64_t	n1s1 = i + 1 < n ? w[i + 1].suffix[1] : TW_END;
	uint32_t	lp1 = i >= 1 ? w[i - 1].lexicon : TAG_START;
	uint32_t	ln1 = i + 1 < n ? w[i + 1].lexicon : TAG_START;
	uint32_t	ln2 = i + 2 < n ? w[i + 2].lexicon : TAG_START;
	size_t		k = 0;

	f[k++] = nk_feat3(0, 0, 0, 0);
	f[k++] = nk_feat3(1, c->lower, 0, 0);
	f[k++] = nk_feat3(2, c->suffix[0], 0, 0);
	f[k++] = nk_feat3(3, c->suffix[1], 0, 0);
	f[k++] = nk_feat3(4, c->suffix[2], 0, 0);
	f[k++] = nk_feat3(5, c->suffix[3], 0, 0);
	f[k++] = nk_feat3(6, c->prefix[0], 0, 0);
	f[k++] = nk_feat3(7, c->prefix[1], 0, 0);
	f[k++] = nk_feat3(8, c->prefix[2], 0, 0);
	f[k++] = nk_feat3(9, c->shape, 0, 0);
	f[k++] = nk_feat3(10, c->flags, 0, 0);
	f[k++] = nk_feat3(11, prev1, 0, 0);
	f[k++] = nk_feat3(12, prev1, prev2, 0);
	f[k++] = nk_feat3(13, prev1, c->lower, 0);
	f[k++] = nk_feat3(14, p1, 0, 0);
	f[k++] = nk_feat3(15, p1s, 0, 0);
	f[k++] = nk_feat3(16, p2, 0, 0);
	f[k++] = nk_feat3(17, n1, 0, 0);
	f[k++] = nk_feat3(18, n1s, 0, 0);
	f[k++] = nk_feat3(19, n2, 0, 0);
	f[k++] = nk_feat3(20, p1, c->lower, 0);
	f[k++] = nk_feat3(21, c->lower, n1, 0);
	f[k++] = nk_feat3(22, c->form, 0, 0);
	f[k++] = nk_feat3(23, n1shape, 0, 0);
	f[k++] = nk_feat3(24, c->flags, prev1, 0);
	f[k++] = nk_feat3(25, n1s1, c->suffix[2], 0);
	f[k++] = nk_feat3(26, c->lexicon, 0, 0);
	f[k++] = nk_feat3(27, ln1, 0, 0);
	f[k++] = nk_feat3(28, ln1, ln2, 0);
	f[k++] = nk_feat3(29, prev1, c->lexicon, ln1);
	f[k++] = nk_feat3(30, lp1, c->lexicon, 0);
	return k;
}

static uint32_t
best_class(const int32_t *scores, uint32_t classes)
{
	uint32_t	best = 0;

	for (uint32_t c = 1; c < classes; c++)
		if (scores[c] > scores[best])
			best = c;
	return best;
}

/* ---- reading ---- */

/* Split a section of lines "a\tb\n" into two name arrays of count entries. */
static const char *
read_names(nk_arena *arena, const char *text, size_t size, uint32_t *count,
		   const char ***first, const char ***second)
{
	uint32_t	lines = 0;
	uint32_t	at = 0;
	size_t		start = 0;

	for (size_t i = 0; i < size; i++)
		if (text[i] == '\n')
			lines++;
	if (lines == 0 || lines > 4096)
		return "a name list has no or too many entries";
	*first = nk_arena_alloc(arena, lines * sizeof(char *));
	*second = nk_arena_alloc(arena, lines * sizeof(char *));
	for (size_t i = 0; i < size; i++)
	{
		if (text[i] != '\n')
			continue;
		{
			const char *line = text + start;
			size_t		len = i - start;
			const char *tab = memchr(line, '\t', len);

			if (tab == NULL)
			{
				(*first)[at] = nk_arena_strndup(arena, line, len);
				(*second)[at] = (*first)[at];
			}
			else
			{
				(*first)[at] = nk_arena_strndup(arena, line, (size_t) (tab - line));
				(*second)[at] = nk_arena_strndup(arena, tab + 1, len - (size_t) (tab - line) - 1);
			}
			at++;
			start = i + 1;
		}
	}
	*count = lines;
	return NULL;
}

const char *
nk_tagger_open(nk_arena *arena, const nk_model *model, nk_tagger *out)
{
	size_t		size;
	const void *names = nk_model_section(model, "TAGN", &size);
	const void *weights;
	const void *dictionary;
	size_t		wsize;
	size_t		dsize;
	const char *error;

	weights = nk_model_section(model, "TAGW", &wsize);
	dictionary = nk_model_section(model, "TAGD", &dsize);
	if (names == NULL || weights == NULL || dictionary == NULL)
		return "the model has no tagger";
	if ((error = read_names(arena, names, size, &out->classes, &out->upos, &out->xpos)) != NULL)
		return error;
	if ((error = nk_perceptron_open(weights, wsize, &out->weights)) != NULL ||
		(error = nk_perceptron_open(dictionary, dsize, &out->dictionary)) != NULL)
		return error;
	if (out->weights.classes != out->classes || out->dictionary.classes != out->classes)
		return "the tagger's weights do not match its classes";
	return NULL;
}

void
nk_tagger_tag(const nk_tagger *tagger, nk_arena *arena, const char *const *forms,
			  const uint32_t *lens, size_t n, uint16_t *classes)
{
	tag_word   *w = nk_arena_alloc(arena, (n ? n : 1) * sizeof(tag_word));
	int32_t		scores[4096];
	nk_feat		f[TAG_FEATURES];

	for (size_t i = 0; i < n; i++)
		describe_word(&tagger->dictionary, forms[i], lens[i], i == 0, &w[i]);
	for (size_t i = 0; i < n; i++)
	{
		size_t		k;

		if (w[i].sure)
		{
			classes[i] = (uint16_t) w[i].lexicon;
			continue;
		}
		k = tag_features(w, n, i, i >= 1 ? classes[i - 1] : TAG_START, i >= 2 ? classes[i - 2] : TAG_START, f);
		memset(scores, 0, tagger->classes * sizeof(int32_t));
		nk_perceptron_score(&tagger->weights, f, k, scores);
		classes[i] = (uint16_t) best_class(scores, tagger->classes);
	}
}

/* ---- training ---- */

struct nk_tagger_trainer
{
	nk_arena   *arena;
	nk_arena   *scratch;		/* a sentence's, reset for the next */
	uint32_t	classes;
	const char *const *upos;
	const char *const *xpos;
	nk_perceptron_trainer *weights;
	const void *dictionary_blob;
	size_t		dictionary_size;
	nk_perceptron dictionary;
};

nk_tagger_trainer *
nk_tagger_trainer_create(nk_arena *arena, uint32_t classes, const char *const *upos,
						 const char *const *xpos, const char *const *lex_forms,
						 const uint32_t *lex_class, const bool *lex_sure, size_t lex_n)
{
	nk_tagger_trainer *t = nk_arena_zalloc(arena, sizeof(*t));
	nk_feat    *keys = nk_arena_alloc(arena, (lex_n ? lex_n : 1) * sizeof(nk_feat));
	int16_t    *values = nk_arena_alloc(arena, (lex_n ? lex_n : 1) * sizeof(int16_t));
	const char *error;

	t->arena = arena;
	t->scratch = nk_arena_create();
	t->classes = classes;
	t->upos = upos;
	t->xpos = xpos;
	t->weights = nk_perceptron_trainer_create(arena, classes);
	for (size_t i = 0; i < lex_n; i++)
	{
		keys[i] = nk_feat_string(lex_forms[i], strlen(lex_forms[i]));
		values[i] = lex_sure[i] ? 1 : 2;
	}
	t->dictionary_blob = nk_perceptron_export_map(arena, keys, lex_class, values, lex_n, classes,
												  &t->dictionary_size);
	if ((error = nk_perceptron_open(t->dictionary_blob, t->dictionary_size, &t->dictionary)) != NULL)
		nk_error("tag dictionary: %s", error);
	return t;
}

void
nk_tagger_train(nk_tagger_trainer *t, const char *const *forms, const uint32_t *lens,
				size_t n, const uint16_t *gold, uint16_t *guess)
{
	tag_word   *w;
	double		scores[4096];
	nk_feat		f[TAG_FEATURES];

	nk_arena_reset(t->scratch);
	w = nk_arena_alloc(t->scratch, (n ? n : 1) * sizeof(tag_word));
	for (size_t i = 0; i < n; i++)
		describe_word(&t->dictionary, forms[i], lens[i], i == 0, &w[i]);
	for (size_t i = 0; i < n; i++)
	{
		size_t		k;
		uint32_t	best = 0;

		if (w[i].sure)
		{
			guess[i] = (uint16_t) w[i].lexicon;
			continue;
		}
		k = tag_features(w, n, i, i >= 1 ? guess[i - 1] : TAG_START, i >= 2 ? guess[i - 2] : TAG_START, f);
		nk_perceptron_trainer_score(t->weights, f, k, scores);
		for (uint32_t c = 1; c < t->classes; c++)
			if (scores[c] > scores[best])
				best = c;
		guess[i] = (uint16_t) best;
		nk_perceptron_trainer_update(t->weights, f, k, gold[i], best);
	}
}

void
nk_tagger_trainer_finish(nk_tagger_trainer *t, nk_model_writer *writer)
{
	size_t		size = 0;
	char	   *names;
	size_t		at = 0;
	const void *blob;

	for (uint32_t c = 0; c < t->classes; c++)
		size += strlen(t->upos[c]) + strlen(t->xpos[c]) + 2;
	names = nk_arena_alloc(t->arena, size + 1);
	for (uint32_t c = 0; c < t->classes; c++)
		at += (size_t) sprintf(names + at, "%s\t%s\n", t->upos[c], t->xpos[c]);
	nk_model_writer_add(writer, "TAGN", names, size);
	blob = nk_perceptron_export(t->arena, t->weights, &size);
	nk_model_writer_add(writer, "TAGW", blob, size);
	nk_model_writer_add(writer, "TAGD", t->dictionary_blob, t->dictionary_size);
	nk_arena_destroy(t->scratch);
	t->scratch = NULL;
}
