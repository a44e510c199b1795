/*
 * nkwatch_conllu.h
 *	  Read the words of a CoNLL-U file (Universal Dependencies treebanks),
 *	  for the programs that train and check the syntax model.  A program
 *	  that includes this header defines _POSIX_C_SOURCE as 200809L first.
 */
#ifndef NKWATCH_CONLLU_H
#define NKWATCH_CONLLU_H

#include <string.h>

#include "nk_alloc.h"
#include "nkwatch_read.h"

typedef struct nkwatch_conllu_word
{
	const char *form;
	uint32_t	len;
	const char *lemma;
	const char *upos;
	const char *xpos;
	int32_t		head;			/* 0-based; -1 for the root */
	const char *deprel;
	uint16_t	tag;			/* for the trainer: the tagger class */
	uint16_t	label;			/* for the trainer: the relation */
} nkwatch_conllu_word;

typedef struct nkwatch_conllu_sentence
{
	nkwatch_conllu_word *words;
	size_t		n;
} nkwatch_conllu_sentence;

typedef NK_VEC(nkwatch_conllu_sentence) nkwatch_conllu_list;

/*
 * Append the sentences of the file at path to out, their strings in arena;
 * empty nodes ("8.1") and multiword token lines ("1-2") are skipped, as the
 * syntactic words are what the tagger and parser see.  False when the file
 * cannot be read.
 */
static inline bool
nkwatch_read_conllu(nk_arena *arena, const char *path, nkwatch_conllu_list *out)
{
	size_t		len;
	char	   *text = nkwatch_read_file(path, &len);
	char	   *line = text;
	NK_VEC(nkwatch_conllu_word) cur = {0};

	if (text == NULL)
		return false;
	while (line != NULL && *line != '\0')
	{
		char	   *end = strchr(line, '\n');
		char	   *col[10];
		int			c = 0;
		char	   *p = line;

		if (end != NULL)
			*end = '\0';
		if ((line[0] == '\0' || line[0] == '\r') && cur.count > 0)
		{
			nkwatch_conllu_sentence *s = nk_vec_push(arena, out);

			s->words = cur.items;
			s->n = cur.count;
			memset(&cur, 0, sizeof(cur));
		}
		else if (line[0] != '#' && line[0] != '\0')
		{
			for (; c < 10; c++)
			{
				col[c] = p;
				p = strchr(p, '\t');
				if (p == NULL)
					break;
				*p++ = '\0';
			}
			if (c >= 9 && strchr(col[0], '-') == NULL && strchr(col[0], '.') == NULL)
			{
				nkwatch_conllu_word *w = nk_vec_push(arena, &cur);

				w->form = nk_arena_strndup(arena, col[1], strlen(col[1]));
				w->len = (uint32_t) strlen(col[1]);
				w->lemma = nk_arena_strndup(arena, col[2], strlen(col[2]));
				w->upos = nk_arena_strndup(arena, col[3], strlen(col[3]));
				w->xpos = nk_arena_strndup(arena, col[4], strlen(col[4]));
				w->head = atoi(col[6]) - 1;
				w->deprel = nk_arena_strndup(arena, col[7], strlen(col[7]));
			}
		}
		line = end != NULL ? end + 1 : NULL;
	}
	if (cur.count > 0)
	{
		nkwatch_conllu_sentence *s = nk_vec_push(arena, out);

		s->words = cur.items;
		s->n = cur.count;
	}
	free(text);
	return true;
}

#endif							/* NKWATCH_CONLLU_H */
