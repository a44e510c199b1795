/*
 * nk_gazetteer.h
 *	  Known names, role phrases and word lists of the entities stage.
 *
 * A gazetteer is built once from entries (canonical name, label, containing
 * place or affiliated country, aliases, role phrases) and word lists, and
 * then used by any number of calls: it lives in an arena of its own, not in
 * the caller's.  Aliases and role phrases are tokenized like documents and
 * compiled into an Aho-Corasick automaton over interned token forms, so a
 * document is matched in one pass whatever the number of aliases.
 *
 * Token forms are the tokenizer's folds with periods and apostrophes
 * removed ("U.S." = "US"); hyphens, apostrophes and possessive 's are
 * skipped on both sides, so "Kim Jong-un", "Kim Jong Un", "KIM JONG UN" and
 * "Kim Jong‑un" (U+2011) are one alias and "Russia's" contains "Russia".
 */
#ifndef NK_GAZETTEER_H
#define NK_GAZETTEER_H

#include "nk_sentence.h"

/* OntoNotes 5 labels the engine produces */
typedef enum nk_label
{
	NK_LABEL_PERSON,
	NK_LABEL_NORP,
	NK_LABEL_ORG,
	NK_LABEL_GPE,
	NK_LABEL_LOC,
	NK_LABEL_FAC,
	NK_LABEL_EVENT,
	NK_LABEL_PRODUCT,
	NK_LABEL_LAW
} nk_label;

#define NK_LABEL_COUNT 9

extern const char *nk_label_name(nk_label label);
/* The label called name (upper case), or -1. */
extern int	nk_label_parse(const char *name);

/*
 * Word lists (data/lexicon/<name>.txt), one word a line; a TAB and a value
 * may follow the word.
 */
typedef enum nk_lexicon
{
	NK_LEX_GIVEN_NAME,			/* "given-names": Russian/Ukrainian/Western given names */
	NK_LEX_KOREAN_SURNAME,		/* "korean-surnames": family names written first */
	NK_LEX_TITLE,				/* "titles": words of a title or role before a name */
	NK_LEX_HEAD,				/* "name-heads": last word of an organisation, facility or event name; value: label */
	NK_LEX_PLACE_CUE,			/* "place-cues": words before a capital used as a place (in, visited) */
	NK_LEX_NON_NAME,			/* "non-names": capitalised words that never start a name */
	NK_LEX_CAPITAL				/* "capitals": city whose name stands for its country's government; value: country */
} nk_lexicon;

#define NK_LEXICON_COUNT 7

extern const char *nk_lexicon_name(nk_lexicon lexicon);
/* The word list called name ("given-names"...), or -1. */
extern int	nk_lexicon_parse(const char *name);

typedef struct nk_gazetteer nk_gazetteer;
typedef struct nk_gazetteer_builder nk_gazetteer_builder;

/* A known entity. */
typedef struct nk_gaz_entity
{
	const char *canonical;
	nk_label	label;
	int32_t		parent;			/* containing place or affiliated country, or -1 */
	int32_t		capital_of;		/* country this capital stands for as a government, or -1 */
	bool		user;			/* added by a user, not shipped */
} nk_gaz_entity;

/* A gazetteer match: tokens first..last (inclusive) of the document. */
typedef struct nk_gaz_match
{
	size_t		first;
	size_t		last;
	int32_t		id;				/* entity, or role phrase */
} nk_gaz_match;

typedef NK_VEC(nk_gaz_match) nk_gaz_match_list;

/*
 * Building.  Strings are copied.  An entity is identified by its canonical
 * name and label; adding the same one again merges aliases and roles.  The
 * canonical name is an alias too.  roles and aliases are '|'-separated
 * lists (NULL or "" for none).  Parents are resolved at build time; an
 * unknown one is left out (the SQL table refuses such rows).  On an error (nk_error) the builder is lost
 * with the host's memory context; otherwise nk_gazetteer_build() frees it.
 */
extern nk_gazetteer_builder *nk_gazetteer_builder_create(void);
extern void nk_gazetteer_builder_destroy(nk_gazetteer_builder *b);
extern void nk_gazetteer_add(nk_gazetteer_builder *b, const char *canonical, nk_label label,
							 const char *parent, const char *aliases, const char *roles, bool user);
extern void nk_gazetteer_add_word(nk_gazetteer_builder *b, nk_lexicon lexicon,
								  const char *word, const char *value);

/*
 * Add every line of a gazetteer TSV file (canonical, label, parent, aliases,
 * roles; '#' comments); a bad line is an error naming source and line.
 * Return the number of entries.
 */
extern size_t nk_gazetteer_load_tsv(nk_gazetteer_builder *b, const char *text, size_t len,
									const char *source, bool user);
/* Add every line of a word list file ('#' comments); return the number of words. */
extern size_t nk_gazetteer_load_lexicon(nk_gazetteer_builder *b, nk_lexicon lexicon,
										const char *text, size_t len);

extern nk_gazetteer *nk_gazetteer_build(nk_gazetteer_builder *b);
extern void nk_gazetteer_destroy(nk_gazetteer *g);

/* Bytes the built gazetteer holds. */
extern size_t nk_gazetteer_memory(const nk_gazetteer *g);
extern size_t nk_gazetteer_entity_count(const nk_gazetteer *g);
extern size_t nk_gazetteer_alias_count(const nk_gazetteer *g);

/* Lookups by canonical name and id. */
extern int32_t nk_gazetteer_find(const nk_gazetteer *g, const char *canonical, int label);
extern const nk_gaz_entity *nk_gazetteer_entity(const nk_gazetteer *g, int32_t id);
/* Whether place id lies within ancestor through the parent chain (or is it). */
extern bool nk_gazetteer_within(const nk_gazetteer *g, int32_t id, int32_t ancestor);

/* Holders of a role phrase matched by nk_gazetteer_match(). */
extern size_t nk_gazetteer_role_holders(const nk_gazetteer *g, int32_t role, const int32_t **holders);

/*
 * Token form ids of a document's tokens, for the word-list lookups: -1 for
 * a form the gazetteer does not know, NK_GAZ_SKIP for a hyphen, apostrophe
 * or possessive the matcher steps over.
 */
#define NK_GAZ_SKIP (-2)

extern int32_t *nk_gazetteer_token_ids(nk_arena *arena, const nk_gazetteer *g, const nk_doc *doc);
/* Whether the token form id is in the word list; *value gets its value. */
extern bool nk_gazetteer_has_word(const nk_gazetteer *g, int32_t id, nk_lexicon lexicon,
								  const char **value);
/* The word lists (a bit 1 << lexicon each) that have the token form id; 0 for no form. */
extern uint32_t nk_gazetteer_word_lists(const nk_gazetteer *g, int32_t id);
/* The only person whose surname (last name, or first of a Korean name) has form id, or -1. */
extern int32_t nk_gazetteer_surname_holder(const nk_gazetteer *g, int32_t id);
/* The form id of a folded word, or -1. */
extern int32_t nk_gazetteer_form(const nk_gazetteer *g, const char *w, size_t len);
/* Whether the folded word w is in the word list. */
extern bool nk_gazetteer_has_string(const nk_gazetteer *g, const char *w, size_t len, nk_lexicon lexicon);

/*
 * Match a document in one pass: entities gets the leftmost-longest alias
 * matches, roles the leftmost-longest role phrase matches (independently
 * of each other), both in document order.  ids comes from
 * nk_gazetteer_token_ids().
 */
extern void nk_gazetteer_match(nk_arena *arena, const nk_gazetteer *g, const nk_doc *doc,
							   const int32_t *ids, nk_gaz_match_list *entities,
							   nk_gaz_match_list *roles);

#endif							/* NK_GAZETTEER_H */
