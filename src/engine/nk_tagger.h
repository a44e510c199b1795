/*
 * nk_tagger.h
 *	  Part-of-speech tagger: the first step of the syntax stage.
 *
 * A greedy left-to-right averaged perceptron (Collins 2002; the feature set
 * of Honnibal's "A good part-of-speech tagger in about 200 lines of Python",
 * with shape, prefix and case features for web text) that gives every word
 * one class: a pair of a Universal POS tag and a Penn Treebank tag, as UD
 * English EWT pairs them.  A lexicon gives each word seen in training its
 * commonest class, a feature of the word and of its neighbours (what the
 * words to the right probably are); frequent words that the training data
 * always tags alike take that class without scoring.
 *
 * Model sections: TAGN (class names, "UPOS\tXPOS\n" a class), TAGW (weights),
 * TAGD (the lexicon: exact form -> commonest class, value 1 when it is sure).
 */
#ifndef NK_TAGGER_H
#define NK_TAGGER_H

#include "nk_model.h"
#include "nk_perceptron.h"

typedef struct nk_tagger
{
	uint32_t	classes;
	const char **upos;			/* class -> UD tag */
	const char **xpos;			/* class -> Penn tag */
	nk_perceptron weights;
	nk_perceptron dictionary;
} nk_tagger;

/* Read the tagger's sections of model; NULL or what is wrong.  Names go in arena. */
extern const char *nk_tagger_open(nk_arena *arena, const nk_model *model, nk_tagger *out);

/* The class of each of the n words (forms[i], lens[i] bytes) into classes[]; scratch in arena. */
extern void nk_tagger_tag(const nk_tagger *tagger, nk_arena *arena, const char *const *forms,
						  const uint32_t *lens, size_t n, uint16_t *classes);

/* ---- training ---- */

typedef struct nk_tagger_trainer nk_tagger_trainer;

/*
 * A trainer for the classes named upos[i]/xpos[i], with a lexicon of
 * lex_n exact forms, each with its commonest class and whether that class
 * is sure (then the word is tagged by look-up).
 */
extern nk_tagger_trainer *nk_tagger_trainer_create(nk_arena *arena, uint32_t classes,
												   const char *const *upos, const char *const *xpos,
												   const char *const *lex_forms, const uint32_t *lex_class,
												   const bool *lex_sure, size_t lex_n);
/* Learn from one sentence with its gold classes; its predicted classes (before the update) into guess[]. */
extern void nk_tagger_train(nk_tagger_trainer *t, const char *const *forms, const uint32_t *lens,
							size_t n, const uint16_t *gold, uint16_t *guess);
/* Add the tagger's sections to a model being written. */
extern void nk_tagger_trainer_finish(nk_tagger_trainer *t, nk_model_writer *writer);

#endif							/* NK_TAGGER_H */
