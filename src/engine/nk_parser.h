/*
 * nk_parser.h
 *	  Dependency parser: the second step of the syntax stage.
 *
 * A greedy arc-hybrid transition parser (Kuhlmann, Gómez-Rodríguez and
 * Satta 2011) with the root after the last word, so that every sentence gets
 * one tree with one root; trained with a dynamic oracle (Goldberg and Nivre
 * 2012) and an averaged perceptron over the feature set of Zhang and Nivre
 * (2011) as Honnibal's parser.py uses it.  A second perceptron labels each
 * arc with a Universal Dependencies relation as it is made (in arc-hybrid a
 * word's own dependents are all attached by then), and the relations found
 * so far are features of the later moves, as in Zhang and Nivre's set.
 * Parsing is linear in the sentence's length: 2n transitions, each of a
 * fixed number of features, and one labelling decision a word.
 *
 * Model sections: PARW (move weights), PARN (relation names, one a line),
 * PARL (label weights).
 */
#ifndef NK_PARSER_H
#define NK_PARSER_H

#include "nk_model.h"
#include "nk_perceptron.h"

#define NK_PARSER_MAX_RELATIONS 256

typedef struct nk_parser
{
	nk_perceptron moves;
	nk_perceptron labels;
	uint32_t	relations;
	const char **relation;		/* label -> UD relation ("nsubj", "obl:tmod", ...) */
	uint32_t	root_label;		/* the label of "root" */
	uint32_t	tags;			/* the tagger's classes ... */
	const uint8_t *coarse;		/* ... and the Universal POS tag of each, as a small number */
} nk_parser;

/* Read the parser's sections; tag_upos names the UD tag of each of the tagger's tags classes. */
extern const char *nk_parser_open(nk_arena *arena, const nk_model *model, const char *const *tag_upos,
								  uint32_t tags, nk_parser *out);

/*
 * Parse n words (forms, lens, tagger classes): heads[i] is the index of word
 * i's head, or -1 for the one root; labels[i] its relation.  Scratch in arena.
 */
extern void nk_parser_parse(const nk_parser *parser, nk_arena *arena, const char *const *forms,
							const uint32_t *lens, const uint16_t *tags, size_t n,
							int32_t *heads, uint16_t *labels);

/* ---- training ---- */

typedef struct nk_parser_trainer nk_parser_trainer;

extern nk_parser_trainer *nk_parser_trainer_create(nk_arena *arena, uint32_t relations,
												   const char *const *relation,
												   const char *const *tag_upos, uint32_t tags);
/*
 * Learn from one sentence (gold heads as above, gold labels); explore:
 * follow the model's own moves where they are wrong (after the first epoch).
 * Returns the number of words whose predicted head was right.
 */
extern size_t nk_parser_train(nk_parser_trainer *t, const char *const *forms, const uint32_t *lens,
							  const uint16_t *tags, size_t n, const int32_t *gold_heads,
							  const uint16_t *gold_labels, bool explore);
extern void nk_parser_trainer_finish(nk_parser_trainer *t, nk_model_writer *writer);

#endif							/* NK_PARSER_H */
