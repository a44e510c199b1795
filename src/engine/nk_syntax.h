/*
 * nk_syntax.h
 *	  Grammar of a document: words, part-of-speech tags, lemmas and a
 *	  dependency tree for every sentence.  The stage after tokens and
 *	  sentences, before entities, dates and events.
 *
 * Words are split as Universal Dependencies English splits them (nk_words),
 * tagged (nk_tagger), lemmatised (nk_lemma) and parsed (nk_parser) with a
 * model trained on UD English EWT (nkwatch-train), which the host maps from
 * its file and opens once with nk_syntax_model_open().
 */
#ifndef NK_SYNTAX_H
#define NK_SYNTAX_H

#include "nk_model.h"
#include "nk_parser.h"
#include "nk_sentence.h"
#include "nk_tagger.h"

typedef struct nk_syntax_model
{
	nk_model	file;
	nk_tagger	tagger;
	nk_parser	parser;
	const void *lemmas;
	size_t		lemmas_size;
} nk_syntax_model;

/*
 * Open a model from its file's bytes (which must stay mapped while it is
 * used); NULL when it is usable, else what is wrong with the file.  The
 * model's name tables go in arena.
 */
extern const char *nk_syntax_model_open(nk_arena *arena, const void *data, size_t size,
										nk_syntax_model *out);

typedef struct nk_parsed_word
{
	uint32_t	start;			/* byte span in the document text */
	uint32_t	len;
	const char *form;
	const char *lemma;
	int32_t		head;			/* index of the head in the sentence, -1 for the root */
	int32_t		token;			/* the engine token it comes from */
	uint16_t	tag;			/* tagger class: nk_syntax_upos(), nk_syntax_xpos() */
	uint16_t	relation;		/* nk_syntax_relation() */
	uint16_t	flags;			/* the nk_word flags (NK_WORD_SPACE_AFTER, NK_WORD_SPLIT) */
} nk_parsed_word;

typedef struct nk_syntax
{
	const nk_syntax_model *model;
	nk_parsed_word *words;
	size_t		count;
	size_t	   *sentence_first;	/* sentence_count + 1 entries: the words of sentence s are [first[s], first[s+1]) */
	size_t		sentence_count;
} nk_syntax;

/* Words, tags, lemmas and trees of every sentence of doc. */
extern nk_syntax *nk_syntax_parse(nk_arena *arena, const nk_doc *doc, const nk_syntax_model *model);

static inline const char *
nk_syntax_upos(const nk_syntax_model *m, uint16_t tag)
{
	return m->tagger.upos[tag];
}

static inline const char *
nk_syntax_xpos(const nk_syntax_model *m, uint16_t tag)
{
	return m->tagger.xpos[tag];
}

static inline const char *
nk_syntax_relation(const nk_syntax_model *m, uint16_t relation)
{
	return m->parser.relation[relation];
}

#endif							/* NK_SYNTAX_H */
