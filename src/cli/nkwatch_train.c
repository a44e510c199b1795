/*
 * nkwatch_train.c
 *	  Train the syntax model from a Universal Dependencies treebank, and
 *	  score a model on one.
 *
 *	nkwatch-train [-e EPOCHS] [-p EPOCHS] -o MODEL TRAIN.conllu
 *	nkwatch-train --score MODEL GOLD.conllu
 *
 * Training is deterministic: the same treebank and options give the same
 * model file byte for byte (a fixed shuffle, integer perceptron updates).
 * Scoring tags and parses the gold words of each sentence and prints UPOS,
 * XPOS, UAS and LAS over all words, punctuation included (as the CoNLL 2018
 * shared task counts).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nk_lemma.h"
#include "nk_model.h"
#include "nk_parser.h"
#include "nk_tagger.h"
#include "nkwatch_conllu.h"

typedef nkwatch_conllu_word word;
typedef nkwatch_conllu_sentence sentence;
typedef nkwatch_conllu_list sentence_list;
typedef NK_VEC(const char *) name_list;

static nk_arena *arena;

static int
name_index(name_list *names, const char *name, bool add)
{
	for (size_t i = 0; i < names->count; i++)
		if (strcmp(names->items[i], name) == 0)
			return (int) i;
	if (!add)
		return -1;
	*nk_vec_push(arena, names) = nk_arena_strndup(arena, name, strlen(name));
	return (int) names->count - 1;
}

static void
read_conllu(const char *path, sentence_list *out)
{
	if (!nkwatch_read_conllu(arena, path, out))
	{
		fprintf(stderr, "nkwatch-train: cannot read %s\n", path);
		exit(1);
	}
}

static uint64_t shuffle_state = 88172645463325252ULL;

static uint64_t
next_random(void)
{
	shuffle_state ^= shuffle_state << 13;
	shuffle_state ^= shuffle_state >> 7;
	shuffle_state ^= shuffle_state << 17;
	return shuffle_state;
}

static void
shuffle(size_t *order, size_t n)
{
	for (size_t i = n; i > 1; i--)
	{
		size_t		j = (size_t) (next_random() % i);
		size_t		tmp = order[i - 1];

		order[i - 1] = order[j];
		order[j] = tmp;
	}
}

typedef struct sentence_arrays
{
	const char **forms;
	uint32_t   *lens;
	uint16_t   *gold;
	uint16_t   *guess;
	int32_t    *heads;
	uint16_t   *labels;
} sentence_arrays;

static void
arrays_of(const sentence *s, sentence_arrays *a)
{
	static size_t cap;
	static sentence_arrays buf;

	if (s->n > cap)
	{
		cap = s->n * 2;
		buf.forms = realloc(buf.forms, cap * sizeof(char *));
		buf.lens = realloc(buf.lens, cap * sizeof(uint32_t));
		buf.gold = realloc(buf.gold, cap * sizeof(uint16_t));
		buf.guess = realloc(buf.guess, cap * sizeof(uint16_t));
		buf.heads = realloc(buf.heads, cap * sizeof(int32_t));
		buf.labels = realloc(buf.labels, cap * sizeof(uint16_t));
	}
	for (size_t i = 0; i < s->n; i++)
	{
		buf.forms[i] = s->words[i].form;
		buf.lens[i] = s->words[i].len;
		buf.gold[i] = s->words[i].tag;
		buf.heads[i] = s->words[i].head;
		buf.labels[i] = s->words[i].label;
	}
	*a = buf;
}

/* Train tagger t for epochs on the sentences not in [skip_from, skip_to). */
static void
train_tagger(nk_tagger_trainer *t, sentence_list *train, int epochs, size_t skip_from, size_t skip_to)
{
	size_t	   *order = malloc(train->count * sizeof(size_t));
	size_t		m = 0;

	for (size_t i = 0; i < train->count; i++)
		if (i < skip_from || i >= skip_to)
			order[m++] = i;
	for (int e = 0; e < epochs; e++)
	{
		size_t		right = 0,
					total = 0;

		shuffle(order, m);
		for (size_t k = 0; k < m; k++)
		{
			sentence_arrays sa;
			sentence   *s = &train->items[order[k]];

			arrays_of(s, &sa);
			nk_tagger_train(t, sa.forms, sa.lens, s->n, sa.gold, sa.guess);
			for (size_t i = 0; i < s->n; i++)
				right += sa.guess[i] == sa.gold[i];
			total += s->n;
		}
		fprintf(stderr, "  tagger epoch %d: %.2f%% on its training words\n", e + 1, 100.0 * right / total);
	}
	free(order);
}

typedef struct tagger_setup
{
	name_list  *upos;
	name_list  *xpos;
	const char **forms;			/* the lexicon */
	uint32_t   *classes;
	bool	   *sure;
	size_t		n;
} tagger_setup;

static nk_tagger_trainer *
new_tagger(nk_arena *a, const tagger_setup *ts)
{
	return nk_tagger_trainer_create(a, (uint32_t) ts->upos->count, ts->upos->items, ts->xpos->items,
									ts->forms, ts->classes, ts->sure, ts->n);
}

/*
 * The tags of every training sentence from a tagger that did not see it
 * (trained on the other folds of the training set), as good as the tags of
 * new text will be: what the parser learns from.
 */
static uint16_t **
jackknife(sentence_list *train, const tagger_setup *ts, int epochs, int folds)
{
	uint16_t  **out = malloc(train->count * sizeof(uint16_t *));

	if (folds < 2)				/* no folds: the gold tags */
	{
		for (size_t i = 0; i < train->count; i++)
		{
			out[i] = malloc((train->items[i].n + 1) * sizeof(uint16_t));
			for (size_t k = 0; k < train->items[i].n; k++)
				out[i][k] = train->items[i].words[k].tag;
		}
		return out;
	}
	for (int fold = 0; fold < folds; fold++)
	{
		size_t		from = train->count * fold / folds;
		size_t		to = train->count * (fold + 1) / folds;
		nk_arena   *a = nk_arena_create();
		nk_tagger_trainer *t = new_tagger(a, ts);
		nk_model_writer *w = nk_model_writer_create(a);
		nk_model	m;
		nk_tagger	tg;
		const void *blob;
		size_t		bsize;
		const char *error;

		fprintf(stderr, "nkwatch-train: tagger for fold %d of %d\n", fold + 1, folds);
		train_tagger(t, train, epochs, from, to);
		nk_tagger_trainer_finish(t, w);
		blob = nk_model_writer_finish(w, &bsize);
		if ((error = nk_model_open(blob, bsize, &m)) != NULL || (error = nk_tagger_open(a, &m, &tg)) != NULL)
		{
			fprintf(stderr, "nkwatch-train: %s\n", error);
			exit(1);
		}
		for (size_t i = from; i < to; i++)
		{
			sentence_arrays sa;

			arrays_of(&train->items[i], &sa);
			out[i] = malloc((train->items[i].n + 1) * sizeof(uint16_t));
			nk_tagger_tag(&tg, a, sa.forms, sa.lens, train->items[i].n, out[i]);
		}
		nk_arena_destroy(a);
	}
	return out;
}

typedef struct form_tag
{
	const char *form;
	uint32_t	tag;
} form_tag;

static int
cmp_form_tag(const void *a, const void *b)
{
	const form_tag *x = a;
	const form_tag *y = b;
	int			c = strcmp(x->form, y->form);

	return c != 0 ? c : (x->tag > y->tag) - (x->tag < y->tag);
}

static int
train_main(const char *out_path, const char *train_path, int tag_epochs, int parse_epochs, int folds)
{
	sentence_list train = {0};
	name_list	classes = {0},
				upos = {0},
				xpos = {0},
				relations = {0};
	size_t		words = 0;
	nk_model_writer *writer = nk_model_writer_create(arena);
	const void *file;
	size_t		size;
	FILE	   *f;
	const char **dict_forms;
	uint32_t   *dict_class;
	bool	   *dict_sure;
	size_t		dict_n = 0;
	uint16_t  **jack;
	nk_parser_trainer *parser;
	nk_tagger_trainer *tagger;

	read_conllu(train_path, &train);

	/* classes: the UPOS/XPOS pairs and relations, in order of first appearance */
	for (size_t i = 0; i < train.count; i++)
		for (size_t k = 0; k < train.items[i].n; k++)
		{
			word	   *w = &train.items[i].words[k];
			char		pair[128];
			int			c;

			snprintf(pair, sizeof(pair), "%s\t%s", w->upos, w->xpos);
			c = name_index(&classes, pair, false);
			if (c < 0)
			{
				c = name_index(&classes, pair, true);
				*nk_vec_push(arena, &upos) = w->upos;
				*nk_vec_push(arena, &xpos) = w->xpos;
			}
			w->tag = (uint16_t) c;
			w->label = (uint16_t) name_index(&relations, w->deprel, true);
			words++;
		}
	fprintf(stderr, "nkwatch-train: %zu sentences, %zu words, %zu tag classes, %zu relations\n",
			train.count, words, classes.count, relations.count);

	/*
	 * the tagger's lexicon: the commonest class of every form seen twice or
	 * more, sure when seen 20+ times with that class 97%+ of the time
	 */
	{
		form_tag   *ft = malloc(words * sizeof(form_tag));
		size_t		m = 0;

		for (size_t i = 0; i < train.count; i++)
			for (size_t k = 0; k < train.items[i].n; k++)
			{
				ft[m].form = train.items[i].words[k].form;
				ft[m++].tag = train.items[i].words[k].tag;
			}
		qsort(ft, m, sizeof(form_tag), cmp_form_tag);
		dict_forms = malloc(m * sizeof(char *));
		dict_class = malloc(m * sizeof(uint32_t));
		dict_sure = malloc(m * sizeof(bool));
		for (size_t a = 0, b; a < m; a = b)
		{
			size_t		count = 0,
						best_count = 0;
			uint32_t	best = 0;

			for (b = a; b < m && strcmp(ft[a].form, ft[b].form) == 0; b++)
				count++;
			for (size_t r = a, e; r < b; r = e)
			{
				for (e = r; e < b && ft[e].tag == ft[r].tag; e++)
					;
				if (e - r > best_count)
				{
					best_count = e - r;
					best = ft[r].tag;
				}
			}
			if (count < 2)
				continue;
			dict_forms[dict_n] = ft[a].form;
			dict_sure[dict_n] = count >= 20 && best_count * 100 >= count * 97;
			dict_class[dict_n++] = best;
		}
		free(ft);
		fprintf(stderr, "nkwatch-train: %zu words in the tagger's lexicon\n", dict_n);
	}

	{
		tagger_setup ts = {&upos, &xpos, dict_forms, dict_class, dict_sure, dict_n};

		jack = jackknife(&train, &ts, tag_epochs, folds);
		fprintf(stderr, "nkwatch-train: tagger on all sentences\n");
		tagger = new_tagger(arena, &ts);
		train_tagger(tagger, &train, tag_epochs, 0, 0);
		nk_tagger_trainer_finish(tagger, writer);
	}

	parser = nk_parser_trainer_create(arena, (uint32_t) relations.count, relations.items, upos.items,
									  (uint32_t) upos.count);
	{
		size_t	   *order = malloc(train.count * sizeof(size_t));

		for (size_t i = 0; i < train.count; i++)
			order[i] = i;
		for (int e = 0; e < parse_epochs; e++)
		{
			size_t		right = 0;

			shuffle(order, train.count);
			for (size_t k = 0; k < train.count; k++)
			{
				sentence_arrays sa;
				sentence   *s = &train.items[order[k]];

				arrays_of(s, &sa);
				right += nk_parser_train(parser, sa.forms, sa.lens, jack[order[k]], s->n, sa.heads,
										 sa.labels, e > 0);
			}
			fprintf(stderr, "  parser epoch %d: UAS %.2f%% on its training words\n", e + 1, 100.0 * right / words);
		}
		free(order);
	}
	nk_parser_trainer_finish(parser, writer);

	/* the lemmatiser's exceptions */
	{
		const char **lf = malloc(words * sizeof(char *)),
				  **lu = malloc(words * sizeof(char *)),
				  **lx = malloc(words * sizeof(char *)),
				  **ll = malloc(words * sizeof(char *));
		size_t		m = 0;
		const void *blob;
		size_t		bsize;

		for (size_t i = 0; i < train.count; i++)
			for (size_t k = 0; k < train.items[i].n; k++)
			{
				word	   *w = &train.items[i].words[k];

				lf[m] = w->form;
				lu[m] = w->upos;
				lx[m] = w->xpos;
				ll[m++] = w->lemma;
			}
		blob = nk_lemma_table_build(arena, lf, lu, lx, ll, m, &bsize);
		nk_model_writer_add(writer, "LEMM", blob, bsize);
	}
	{
		char		meta[1024];
		int			n = snprintf(meta, sizeof(meta),
								 "nkwatch syntax model\n"
								 "trained by nkwatch-train from %s (%zu sentences, %zu words)\n"
								 "tagger epochs %d, parser epochs %d, jackknife folds %d\n"
								 "Universal Dependencies English EWT, CC BY-SA 4.0, "
								 "(c) 2013-2021 The Board of Trustees of The Leland Stanford Junior University; "
								 "texts from the LDC English Web Treebank (LDC2012T13)\n",
								 strrchr(train_path, '/') ? strrchr(train_path, '/') + 1 : train_path,
								 train.count, words, tag_epochs, parse_epochs, folds);

		nk_model_writer_add(writer, "META", nk_arena_strndup(arena, meta, (size_t) n), (size_t) n);
	}
	file = nk_model_writer_finish(writer, &size);
	f = fopen(out_path, "wb");
	if (f == NULL || fwrite(file, 1, size, f) != size || fclose(f) != 0)
	{
		fprintf(stderr, "nkwatch-train: cannot write %s\n", out_path);
		return 1;
	}
	fprintf(stderr, "nkwatch-train: wrote %s (%zu bytes)\n", out_path, size);
	return 0;
}

static int
score_main(const char *model_path, const char *gold_path, const char *out_path)
{
	size_t		len;
	char	   *data = nkwatch_read_file(model_path, &len);
	nk_model	m;
	nk_tagger	tagger;
	nk_parser	parser;
	const char *error;
	sentence_list gold = {0};
	size_t		words = 0,
				upos_ok = 0,
				xpos_ok = 0,
				uas = 0,
				las = 0,
				lemma_ok = 0;
	size_t		lsize;
	const void *lemmas;
	nk_arena   *scratch = nk_arena_create();
	clock_t		start;
	double		seconds;
	FILE	   *out = NULL;

	if (data == NULL)
	{
		fprintf(stderr, "nkwatch-train: cannot read %s\n", model_path);
		return 1;
	}
	if ((error = nk_model_open(data, len, &m)) != NULL ||
		(error = nk_tagger_open(arena, &m, &tagger)) != NULL ||
		(error = nk_parser_open(arena, &m, tagger.upos, tagger.classes, &parser)) != NULL)
	{
		fprintf(stderr, "nkwatch-train: %s: %s\n", model_path, error);
		return 1;
	}
	lemmas = nk_model_section(&m, "LEMM", &lsize);
	read_conllu(gold_path, &gold);
	if (out_path != NULL && (out = fopen(out_path, "w")) == NULL)
	{
		fprintf(stderr, "nkwatch-train: cannot write %s\n", out_path);
		return 1;
	}
	start = clock();
	for (size_t i = 0; i < gold.count; i++)
	{
		sentence   *s = &gold.items[i];
		sentence_arrays sa;
		uint16_t   *tags;
		int32_t    *heads;
		uint16_t   *labels;

		nk_arena_reset(scratch);
		tags = nk_arena_alloc(scratch, (s->n + 1) * sizeof(uint16_t));
		heads = nk_arena_alloc(scratch, (s->n + 1) * sizeof(int32_t));
		labels = nk_arena_alloc(scratch, (s->n + 1) * sizeof(uint16_t));
		arrays_of(s, &sa);
		nk_tagger_tag(&tagger, scratch, sa.forms, sa.lens, s->n, tags);
		nk_parser_parse(&parser, scratch, sa.forms, sa.lens, tags, s->n, heads, labels);
		for (size_t k = 0; k < s->n; k++)
		{
			word	   *w = &s->words[k];
			const char *lemma = nk_lemmatize(scratch, lemmas, lsize, w->form, w->len,
											 tagger.upos[tags[k]], tagger.xpos[tags[k]]);

			words++;
			upos_ok += strcmp(tagger.upos[tags[k]], w->upos) == 0;
			xpos_ok += strcmp(tagger.xpos[tags[k]], w->xpos) == 0;
			lemma_ok += strcmp(lemma, w->lemma) == 0;
			if (heads[k] == w->head)
			{
				uas++;
				las += strcmp(parser.relation[labels[k]], w->deprel) == 0;
			}
			if (out != NULL)
				fprintf(out, "%zu\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t_\n", k + 1, w->form, lemma,
						tagger.upos[tags[k]], tagger.xpos[tags[k]], heads[k] + 1, parser.relation[labels[k]]);
		}
		if (out != NULL)
			fputc('\n', out);
	}
	if (out != NULL)
		fclose(out);
	seconds = (double) (clock() - start) / CLOCKS_PER_SEC;
	printf("%s: %zu sentences, %zu words (gold tokens)\n", gold_path, gold.count, words);
	printf("UPOS %.2f  XPOS %.2f  Lemmas %.2f  UAS %.2f  LAS %.2f\n", 100.0 * upos_ok / words,
		   100.0 * xpos_ok / words, 100.0 * lemma_ok / words, 100.0 * uas / words, 100.0 * las / words);
	printf("tag+lemma+parse: %.0f words/s\n", seconds > 0 ? words / seconds : 0.0);
	return 0;
}

int
main(int argc, char **argv)
{
	int			tag_epochs = 8,
				parse_epochs = 12,
				folds = 4;
	const char *out = NULL;
	int			i = 1;

	arena = nk_arena_create();
	if ((argc == 4 || argc == 5) && strcmp(argv[1], "--score") == 0)
		return score_main(argv[2], argv[3], argc == 5 ? argv[4] : NULL);
	for (; i < argc - 1; i++)
	{
		if (strcmp(argv[i], "-e") == 0 && i + 1 < argc)
			tag_epochs = atoi(argv[++i]);
		else if (strcmp(argv[i], "-p") == 0 && i + 1 < argc)
			parse_epochs = atoi(argv[++i]);
		else if (strcmp(argv[i], "-k") == 0 && i + 1 < argc)
			folds = atoi(argv[++i]);
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else
			break;
	}
	if (out == NULL || i != argc - 1)
	{
		fprintf(stderr, "usage: nkwatch-train [-e TAGGER_EPOCHS] [-p PARSER_EPOCHS] [-k FOLDS] -o MODEL TRAIN.conllu\n"
				"       nkwatch-train --score MODEL GOLD.conllu [OUT.conllu]\n");
		return 2;
	}
	return train_main(out, argv[i], tag_epochs, parse_epochs, folds);
}
