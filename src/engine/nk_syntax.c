/*
 * nk_syntax.c
 *	  Grammar of a document (see nk_syntax.h).
 */
#include "nk_syntax.h"

#include "nk_lemma.h"
#include "nk_words.h"

const char *
nk_syntax_model_open(nk_arena *arena, const void *data, size_t size, nk_syntax_model *out)
{
	const char *error;

	if ((error = nk_model_open(data, size, &out->file)) != NULL ||
		(error = nk_tagger_open(arena, &out->file, &out->tagger)) != NULL ||
		(error = nk_parser_open(arena, &out->file, out->tagger.upos, out->tagger.classes, &out->parser)) != NULL)
		return error;
	out->lemmas = nk_model_section(&out->file, "LEMM", &out->lemmas_size);
	if (out->lemmas == NULL)
		return "the model has no lemma table";
	return nk_lemma_table_check(out->lemmas, out->lemmas_size);
}

nk_syntax *
nk_syntax_parse(nk_arena *arena, const nk_doc *doc, const nk_syntax_model *model)
{
	nk_syntax  *syntax = nk_arena_zalloc(arena, sizeof(*syntax));
	nk_words   *words = nk_words_build(arena, doc);
	nk_arena   *scratch = nk_arena_create();	/* a sentence's tagger and parser state */
	size_t		longest = 0;
	const char **forms;
	uint32_t   *lens;
	uint16_t   *tags;
	int32_t    *heads;
	uint16_t   *relations;

	syntax->model = model;
	syntax->count = words->words.count;
	syntax->sentence_count = words->sentence_count;
	syntax->sentence_first = words->sentence_first;
	syntax->words = nk_arena_alloc(arena, (syntax->count ? syntax->count : 1) * sizeof(nk_parsed_word));
	for (size_t s = 0; s < words->sentence_count; s++)
	{
		size_t		n = words->sentence_first[s + 1] - words->sentence_first[s];

		if (n > longest)
			longest = n;
	}
	forms = nk_arena_alloc(arena, (longest + 1) * sizeof(char *));
	lens = nk_arena_alloc(arena, (longest + 1) * sizeof(uint32_t));
	tags = nk_arena_alloc(arena, (longest + 1) * sizeof(uint16_t));
	heads = nk_arena_alloc(arena, (longest + 1) * sizeof(int32_t));
	relations = nk_arena_alloc(arena, (longest + 1) * sizeof(uint16_t));

	for (size_t s = 0; s < words->sentence_count; s++)
	{
		size_t		first = words->sentence_first[s];
		size_t		n = words->sentence_first[s + 1] - first;

		for (size_t i = 0; i < n; i++)
		{
			forms[i] = words->words.items[first + i].form;
			lens[i] = words->words.items[first + i].form_len;
		}
		nk_arena_reset(scratch);
		nk_tagger_tag(&model->tagger, scratch, forms, lens, n, tags);
		nk_parser_parse(&model->parser, scratch, forms, lens, tags, n, heads, relations);
		for (size_t i = 0; i < n; i++)
		{
			const nk_word *w = &words->words.items[first + i];
			nk_parsed_word *p = &syntax->words[first + i];

			p->start = w->start;
			p->len = w->len;
			p->form = w->form;
			p->token = w->token;
			p->flags = w->flags;
			p->tag = tags[i];
			p->head = heads[i];
			p->relation = relations[i];
			p->lemma = nk_lemmatize(arena, model->lemmas, model->lemmas_size, w->form, w->form_len,
									nk_syntax_upos(model, tags[i]), nk_syntax_xpos(model, tags[i]));
		}
		nk_check_interrupts();
	}
	nk_arena_destroy(scratch);
	return syntax;
}
