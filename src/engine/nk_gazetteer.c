/*
 * nk_gazetteer.c
 *	  Build the gazetteer's automaton and word lists; match documents.
 *
 * Every token form (of aliases, role phrases and word lists) is interned
 * into one table; an alias is a sequence of form ids and the automaton is a
 * trie over them with failure and dictionary links.  Trie edges live in one
 * open-addressing hash table keyed by (node, form), so memory is linear in
 * the number of alias tokens and a transition costs one probe.
 *
 * The builder grows its tables in a scratch arena; nk_gazetteer_build()
 * copies the final arrays, sized exactly, into the gazetteer's own arena.
 */
#include "nk_gazetteer.h"

#include <string.h>

static const char *const label_names[NK_LABEL_COUNT] = {
	"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"
};

static const char *const lexicon_names[NK_LEXICON_COUNT] = {
	"given-names", "korean-surnames", "titles", "name-heads", "place-cues",
	"non-names", "capitals"
};

/* node flags */
#define NODE_CASE_FREE	0x01	/* an alias written in lower case: any case matches */
#define NODE_ACRONYM	0x02	/* only all-capitals aliases: the text must be all capitals too */

#define MAX_DEPTH 64			/* tokens of an alias or role phrase; longer ones are ignored */

/* The index of name in names[0..count), or -1. */
static int
name_index(const char *const *names, int count, const char *name)
{
	for (int i = 0; i < count; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	return -1;
}

const char *
nk_label_name(nk_label label)
{
	return (unsigned) label < NK_LABEL_COUNT ? label_names[label] : "?";
}

int
nk_label_parse(const char *name)
{
	return name_index(label_names, NK_LABEL_COUNT, name);
}

const char *
nk_lexicon_name(nk_lexicon lexicon)
{
	return (unsigned) lexicon < NK_LEXICON_COUNT ? lexicon_names[lexicon] : "?";
}

int
nk_lexicon_parse(const char *name)
{
	return name_index(lexicon_names, NK_LEXICON_COUNT, name);
}

/* ---------------------------------------------------------------- hashing */

static size_t
hash_u64(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t) k;
}

typedef struct nk_str
{
	const char *s;
	uint32_t	len;
	uint32_t	hash;
} nk_str;

/*
 * A set of strings: keys[] in insertion order (their index is their id),
 * slots[] an open-addressing table of id + 1 (0 is empty).
 */
typedef struct strtab
{
	nk_str	   *keys;
	size_t		count;
	size_t		capacity;
	uint32_t   *slots;
	size_t		nslots;			/* a power of two, or 0 */
	size_t		max_len;		/* of the longest key */
} strtab;

static int32_t
strtab_find(const strtab *t, const char *s, size_t len, uint32_t h)
{
	size_t		i;

	if (t->nslots == 0)
		return -1;
	for (i = h & (t->nslots - 1);; i = (i + 1) & (t->nslots - 1))
	{
		uint32_t	v = t->slots[i];
		const nk_str *k;

		if (v == 0)
			return -1;
		k = &t->keys[v - 1];
		if (k->hash == h && k->len == len && memcmp(k->s, s, len) == 0)
			return (int32_t) (v - 1);
	}
}

static void
strtab_place(uint32_t *slots, size_t nslots, uint32_t h, uint32_t v)
{
	size_t		i;

	for (i = h & (nslots - 1); slots[i] != 0; i = (i + 1) & (nslots - 1))
		;
	slots[i] = v;
}

/* Return the id of s, adding a copy of it if it is new; *added says which. */
static int32_t
strtab_add(nk_arena *arena, strtab *t, const char *s, size_t len, bool *added)
{
	uint32_t	h = nk_hash_bytes(s, len);
	int32_t		id = strtab_find(t, s, len, h);
	nk_str	   *k;

	if (added)
		*added = id < 0;
	if (id >= 0)
		return id;
	if (t->count >= INT32_MAX - 1)
		nk_error("too many names in the gazetteer");
	if ((t->count + 1) * 2 > t->nslots)
	{
		size_t		n = t->nslots ? t->nslots * 2 : 64;
		uint32_t   *slots = nk_arena_zalloc(arena, n * sizeof(uint32_t));

		for (size_t i = 0; i < t->count; i++)
			strtab_place(slots, n, t->keys[i].hash, (uint32_t) (i + 1));
		t->slots = slots;
		t->nslots = n;
	}
	if (t->count == t->capacity)
		nk_vec_grow(arena, (void **) &t->keys, &t->capacity, sizeof(nk_str));
	if (len > t->max_len)
		t->max_len = len;
	k = &t->keys[t->count];
	k->s = nk_arena_strndup(arena, s, len);
	k->len = (uint32_t) len;
	k->hash = h;
	strtab_place(t->slots, t->nslots, h, (uint32_t) (t->count + 1));
	return (int32_t) t->count++;
}

/* Copy t into arena with its arrays sized exactly. */
static void
strtab_copy(nk_arena *arena, const strtab *t, strtab *out)
{
	out->count = out->capacity = t->count;
	out->nslots = t->nslots;
	out->max_len = t->max_len;
	out->keys = nk_arena_alloc(arena, (t->count ? t->count : 1) * sizeof(nk_str));
	for (size_t i = 0; i < t->count; i++)
	{
		out->keys[i] = t->keys[i];
		out->keys[i].s = nk_arena_strndup(arena, t->keys[i].s, t->keys[i].len);
	}
	out->slots = nk_arena_alloc(arena, (t->nslots ? t->nslots : 1) * sizeof(uint32_t));
	if (t->nslots)
		memcpy(out->slots, t->slots, t->nslots * sizeof(uint32_t));
}

/* Trie edges: (node + 1) << 32 | form -> child; key 0 is empty. */
typedef struct edgetab
{
	uint64_t   *keys;
	int32_t    *values;
	size_t		count;
	size_t		nslots;
} edgetab;

static inline uint64_t
edge_key(int32_t node, int32_t form)
{
	return ((uint64_t) (uint32_t) (node + 1) << 32) | (uint32_t) form;
}

static inline int32_t
edge_find(const edgetab *t, int32_t node, int32_t form)
{
	uint64_t	key = edge_key(node, form);
	size_t		i;

	if (t->nslots == 0)
		return -1;
	for (i = hash_u64(key) & (t->nslots - 1);; i = (i + 1) & (t->nslots - 1))
	{
		if (t->keys[i] == key)
			return t->values[i];
		if (t->keys[i] == 0)
			return -1;
	}
}

static void
edge_place(uint64_t *keys, int32_t *values, size_t nslots, uint64_t key, int32_t value)
{
	size_t		i;

	for (i = hash_u64(key) & (nslots - 1); keys[i] != 0; i = (i + 1) & (nslots - 1))
		;
	keys[i] = key;
	values[i] = value;
}

static void
edge_resize(nk_arena *arena, edgetab *t, size_t n)
{
	uint64_t   *keys = nk_arena_zalloc(arena, n * sizeof(uint64_t));
	int32_t    *values = nk_arena_alloc(arena, n * sizeof(int32_t));

	for (size_t i = 0; i < t->nslots; i++)
		if (t->keys[i] != 0)
			edge_place(keys, values, n, t->keys[i], t->values[i]);
	t->keys = keys;
	t->values = values;
	t->nslots = n;
}

static void
edge_add(nk_arena *arena, edgetab *t, int32_t node, int32_t form, int32_t child)
{
	if ((t->count + 1) * 2 > t->nslots)
		edge_resize(arena, t, t->nslots ? t->nslots * 2 : 256);
	edge_place(t->keys, t->values, t->nslots, edge_key(node, form), child);
	t->count++;
}

/* ---------------------------------------------------------------- structures */

typedef struct bnode
{
	int32_t		entity;
	int32_t		role;
	int32_t		first_child;
	int32_t		next_sibling;
	int32_t		form;			/* of the edge into it */
	uint16_t	depth;
	uint8_t		flags;
} bnode;

typedef struct bentity
{
	const char *canonical;
	const char *parent;
	nk_label	label;
	bool		user;
} bentity;

/* First and last token forms of a person's alias, for the surname index. */
typedef struct person_alias
{
	int32_t		entity;
	int32_t		first;
	int32_t		last;
} person_alias;

typedef struct pair
{
	const char *a;
	const char *b;
} pair;

/* lexmask bit of a form that is a word of some alias or role phrase (above the lexicon bits) */
#define FORM_IN_PHRASE 0x8000

struct nk_gazetteer_builder
{
	nk_arena   *arena;
	strtab		forms;
	NK_VEC(uint16_t) lexmask;	/* per form: lexicon bits and FORM_IN_PHRASE */
	NK_VEC(int8_t) head_label;	/* per form: label of a name head, or -1 */
	strtab		entity_keys;	/* "label\x1fcanonical" */
	NK_VEC(bentity) entities;
	NK_VEC(bnode) nodes;
	edgetab		edges;
	size_t		aliases;
	NK_VEC(int32_t) role_node;	/* per role: its trie node */
	NK_VEC(int32_t) holder_role;	/* per (role, holder) pair */
	NK_VEC(int32_t) holder_entity;
	NK_VEC(pair) capitals;
	NK_VEC(person_alias) persons;
};

/*
 * The forms looked up lately, by hash, with their bytes kept in the entry:
 * news text repeats its words within and across articles, and the forms
 * table is too large to stay in the CPU's cache.  The cache belongs to the
 * gazetteer and outlives documents; it changes no result, and a gazetteer is
 * used by one thread at a time (a backend, a test program).
 */
#define FORM_CACHE_SIZE 2048	/* a power of two */
#define FORM_CACHE_BYTES 23		/* longer forms are looked up in the table */

typedef struct form_cache_entry
{
	char		bytes[FORM_CACHE_BYTES];
	uint8_t		len;			/* 0: an empty entry */
	int32_t		id;
} form_cache_entry;

/* A node of the automaton: what matching reads of it, in one place. */
typedef struct gaz_node
{
	int32_t		fail;
	int32_t		dict;			/* nearest proper suffix node with an output, or -1 */
	int32_t		entity;			/* the alias ending here, or -1 */
	int32_t		role;			/* the role phrase ending here, or -1 */
	uint16_t	depth;			/* tokens from the root */
	uint8_t		flags;			/* NODE_* */
} gaz_node;

struct nk_gazetteer
{
	nk_arena   *arena;
	strtab		forms;
	uint16_t   *lexmask;
	int8_t	   *head_label;
	int32_t    *surname;		/* per form: the one person with that surname, -1 none, -2 several */
	int32_t		byte_form[256]; /* the form of each one-byte fold, or -1 */
	form_cache_entry *form_cache;	/* FORM_CACHE_SIZE entries, see nk_gazetteer_token_ids() */
	strtab		entity_keys;
	nk_gaz_entity *entities;
	size_t		nentities;
	size_t		aliases;
	/* automaton */
	size_t		nnodes;
	gaz_node   *node;			/* the automaton's nodes; 0 is the root */
	edgetab		edges;
	int32_t    *root_child;		/* per form: the root's child on it, or -1 */
	/* role holders: holders[holder_start[r] .. holder_start[r + 1]) */
	size_t		nroles;
	int32_t    *holder_start;
	int32_t    *holders;
};

/* Whether a token is one the matcher steps over. */
static bool
is_skipped(const nk_token *t)
{
	if (t->flags & NK_TOKEN_POSSESSIVE)
		return true;
	if (t->kind != NK_TOKEN_PUNCT)
		return false;
	return nk_token_is(t, "-") || nk_token_is(t, "'");
}

/* The form of a token: its fold without periods and apostrophes, in buf (or NULL if too long). */
static size_t
token_form(const nk_token *t, char *buf, size_t size)
{
	size_t		n = 0;

	for (uint32_t i = 0; i < t->fold_len; i++)
	{
		char		c = t->fold[i];

		if ((c == '.' || c == '\'') && t->fold_len > 1)
			continue;
		if (n + 1 >= size)
			return 0;
		buf[n++] = c;
	}
	buf[n] = '\0';
	return n;
}

static int32_t
form_add(nk_gazetteer_builder *b, const char *s, size_t len)
{
	bool		added;
	int32_t		id = strtab_add(b->arena, &b->forms, s, len, &added);

	if (added)
	{
		*nk_vec_push(b->arena, &b->lexmask) = 0;
		*nk_vec_push(b->arena, &b->head_label) = -1;
	}
	return id;
}

nk_gazetteer_builder *
nk_gazetteer_builder_create(void)
{
	nk_arena   *arena = nk_arena_create();
	nk_gazetteer_builder *b = nk_arena_zalloc(arena, sizeof(nk_gazetteer_builder));
	bnode	   *root;

	b->arena = arena;
	root = nk_vec_push(arena, &b->nodes);
	root->entity = root->role = -1;
	root->first_child = root->next_sibling = -1;
	return b;
}

void
nk_gazetteer_builder_destroy(nk_gazetteer_builder *b)
{
	if (b)
		nk_arena_destroy(b->arena);
}

/*
 * Insert the token forms of phrase into the trie; return its final node, or
 * -1 if it has no tokens.  *lower says whether it is written in lower case,
 * *acronym whether its first word is all capitals (two letters or more).
 */
static int32_t
insert_phrase(nk_gazetteer_builder *b, const char *phrase, size_t len, bool *lower, bool *acronym,
			  int32_t *first_form, int32_t *last_form)
{
	nk_arena   *scratch = nk_arena_create();
	nk_token_list tokens = {0};
	int32_t		node = 0;
	uint16_t	depth = 0;
	bool		first = true;

	*lower = *acronym = false;
	*first_form = *last_form = -1;
	nk_tokenize(scratch, phrase, len, &tokens);
	for (size_t i = 0; i < tokens.count; i++)
	{
		const nk_token *t = &tokens.items[i];
		char		buf[256];
		size_t		n;
		int32_t		form;
		int32_t		child;

		if (is_skipped(t))
			continue;
		n = token_form(t, buf, sizeof(buf));
		if (n == 0 || depth >= MAX_DEPTH)
		{
			node = -1;
			break;
		}
		/* "the" before a name is not part of it */
		if (first && i + 1 < tokens.count && strcmp(buf, "the") == 0)
			continue;
		if (first)
		{
			*lower = t->kind == NK_TOKEN_WORD &&
				!(t->flags & (NK_TOKEN_CAPITALIZED | NK_TOKEN_ALL_CAPS));
			*acronym = t->kind == NK_TOKEN_WORD && (t->flags & NK_TOKEN_ALL_CAPS) && n >= 2;
			first = false;
		}
		form = form_add(b, buf, n);
		if (*first_form < 0)
			*first_form = form;
		*last_form = form;
		child = edge_find(&b->edges, node, form);
		if (child < 0)
		{
			bnode	   *c;

			child = (int32_t) b->nodes.count;
			if (b->nodes.count >= INT32_MAX - 1)
				nk_error("gazetteer automaton too large");
			c = nk_vec_push(b->arena, &b->nodes);
			c->entity = c->role = -1;
			c->form = form;
			c->depth = (uint16_t) (depth + 1);
			c->first_child = -1;
			c->next_sibling = b->nodes.items[node].first_child;
			b->nodes.items[node].first_child = child;
			edge_add(b->arena, &b->edges, node, form, child);
			b->lexmask.items[form] |= FORM_IN_PHRASE;
		}
		node = child;
		depth++;
	}
	nk_arena_destroy(scratch);
	return depth == 0 ? -1 : node;
}

/* Call fn on each trimmed, non-empty element of a '|'-separated list. */
static void
split_list(const char *list, void (*fn) (nk_gazetteer_builder *, const char *, size_t, int32_t),
		   nk_gazetteer_builder *b, int32_t arg)
{
	const char *p = list;

	if (list == NULL)
		return;
	while (*p)
	{
		const char *e = strchr(p, '|');
		const char *s = p;
		size_t		n = e ? (size_t) (e - p) : strlen(p);

		p += n + (e ? 1 : 0);
		while (n > 0 && (*s == ' ' || *s == '\t'))
			s++, n--;
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n > 0)
			fn(b, s, n, arg);
	}
}

static void
add_alias(nk_gazetteer_builder *b, const char *s, size_t n, int32_t entity)
{
	bool		lower;
	bool		acronym;
	int32_t		first;
	int32_t		last;
	int32_t		node = insert_phrase(b, s, n, &lower, &acronym, &first, &last);
	bnode	   *nd;

	if (node < 0)
		return;
	b->aliases++;
	if (b->entities.items[entity].label == NK_LABEL_PERSON && first != last)
	{
		person_alias *p = nk_vec_push(b->arena, &b->persons);

		p->entity = entity;
		p->first = first;
		p->last = last;
	}
	nd = &b->nodes.items[node];
	if (nd->entity < 0 ||
		(b->entities.items[entity].user && !b->entities.items[nd->entity].user))
	{
		nd->entity = entity;
		nd->flags = (uint8_t) ((lower ? NODE_CASE_FREE : 0) | (acronym ? NODE_ACRONYM : 0));
	}
	else if (nd->entity == entity)
	{
		if (lower)
			nd->flags |= NODE_CASE_FREE;
		if (!acronym)
			nd->flags &= (uint8_t) ~NODE_ACRONYM;
	}
}

static void
add_role(nk_gazetteer_builder *b, const char *s, size_t n, int32_t entity)
{
	bool		lower;
	bool		acronym;
	int32_t		first;
	int32_t		last;
	int32_t		node = insert_phrase(b, s, n, &lower, &acronym, &first, &last);
	bnode	   *nd;

	if (node < 0)
		return;
	nd = &b->nodes.items[node];
	if (nd->role < 0)
	{
		nd->role = (int32_t) b->role_node.count;
		*nk_vec_push(b->arena, &b->role_node) = node;
	}
	for (size_t i = 0; i < b->holder_role.count; i++)
		if (b->holder_role.items[i] == nd->role && b->holder_entity.items[i] == entity)
			return;
	*nk_vec_push(b->arena, &b->holder_role) = nd->role;
	*nk_vec_push(b->arena, &b->holder_entity) = entity;
}

void
nk_gazetteer_add(nk_gazetteer_builder *b, const char *canonical, nk_label label,
				 const char *parent, const char *aliases, const char *roles, bool user)
{
	char	   *key;
	bool		added;
	int32_t		id;
	bentity    *e;

	if (canonical == NULL || canonical[0] == '\0')
		nk_error("gazetteer entry with an empty canonical name");
	if ((unsigned) label >= NK_LABEL_COUNT)
		nk_error("gazetteer entry \"%s\" has an unknown label", canonical);
	key = nk_arena_sprintf(b->arena, "%s\x1f%s", label_names[label], canonical);
	id = strtab_add(b->arena, &b->entity_keys, key, strlen(key), &added);
	if (added)
	{
		e = nk_vec_push(b->arena, &b->entities);
		e->canonical = nk_arena_strndup(b->arena, canonical, strlen(canonical));
		e->label = label;
		e->user = user;
	}
	e = &b->entities.items[id];
	if (parent && parent[0] && e->parent == NULL)
		e->parent = nk_arena_strndup(b->arena, parent, strlen(parent));
	add_alias(b, canonical, strlen(canonical), id);
	split_list(aliases, add_alias, b, id);
	split_list(roles, add_role, b, id);
}

static void
add_word_forms(nk_gazetteer_builder *b, nk_lexicon lexicon, const char *word, size_t len, int label)
{
	nk_arena   *scratch = nk_arena_create();
	nk_token_list tokens = {0};

	nk_tokenize(scratch, word, len, &tokens);
	for (size_t i = 0; i < tokens.count; i++)
	{
		char		buf[256];
		size_t		n;
		int32_t		form;

		if (is_skipped(&tokens.items[i]))
			continue;
		n = token_form(&tokens.items[i], buf, sizeof(buf));
		if (n == 0)
			continue;
		form = form_add(b, buf, n);
		b->lexmask.items[form] |= (uint16_t) (1u << lexicon);
		if (lexicon == NK_LEX_HEAD)
			b->head_label.items[form] = (int8_t) label;
	}
	nk_arena_destroy(scratch);
}

void
nk_gazetteer_add_word(nk_gazetteer_builder *b, nk_lexicon lexicon, const char *word, const char *value)
{
	if ((unsigned) lexicon >= NK_LEXICON_COUNT)
		nk_error("unknown word list %d", (int) lexicon);
	if (word == NULL || word[0] == '\0')
		return;
	if (lexicon == NK_LEX_CAPITAL)
	{
		pair	   *p;

		if (value == NULL || value[0] == '\0')
			nk_error("capital \"%s\" without its country", word);
		p = nk_vec_push(b->arena, &b->capitals);
		p->a = nk_arena_strndup(b->arena, word, strlen(word));
		p->b = nk_arena_strndup(b->arena, value, strlen(value));
		return;
	}
	if (lexicon == NK_LEX_HEAD)
	{
		int			label = value && value[0] ? nk_label_parse(value) : NK_LABEL_ORG;

		if (label < 0)
			nk_error("name head \"%s\" has an unknown label \"%s\"", word, value);
		add_word_forms(b, lexicon, word, strlen(word), label);
		return;
	}
	add_word_forms(b, lexicon, word, strlen(word), -1);
}

/* ---------------------------------------------------------------- file loaders */

/* Split line into at most max TAB-separated fields, trimmed of spaces, NUL-terminated in place. */
static int
split_fields(char *line, char **fields, int max)
{
	int			n = 0;
	char	   *p = line;

	for (;;)
	{
		char	   *tab = strchr(p, '\t');
		char	   *end;

		if (tab)
			*tab = '\0';
		while (*p == ' ')
			p++;
		end = p + strlen(p);
		while (end > p && (end[-1] == ' ' || end[-1] == '\r'))
			*--end = '\0';
		if (n < max)
			fields[n++] = p;
		if (!tab)
			break;
		p = tab + 1;
	}
	return n;
}

/* Call fn on each line of text with its 1-based number, skipping blank lines and '#' comments. */
static size_t
each_line(nk_gazetteer_builder *b, const char *text, size_t len,
		  size_t (*fn) (nk_gazetteer_builder *, char *, size_t, const void *), const void *arg)
{
	size_t		pos = 0;
	size_t		lineno = 0;
	size_t		count = 0;

	while (pos < len)
	{
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t		n = nl ? (size_t) (nl - (text + pos)) : len - pos;
		const char *s = text + pos;
		size_t		k = 0;

		pos += n + 1;
		lineno++;
		while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
			k++;
		if (k == n || s[k] == '#')
			continue;
		if (memchr(s, '\0', n))
			nk_error("line %zu contains a NUL byte", lineno);
		count += fn(b, nk_arena_strndup(b->arena, s, n), lineno, arg);
		if ((lineno & 1023) == 0)
			nk_check_interrupts();
	}
	return count;
}

typedef struct tsv_arg
{
	const char *source;
	bool		user;
} tsv_arg;

static size_t
tsv_line(nk_gazetteer_builder *b, char *line, size_t lineno, const void *varg)
{
	const tsv_arg *arg = varg;
	char	   *f[5] = {NULL, NULL, NULL, NULL, NULL};
	int			n = split_fields(line, f, 5);
	int			label;

	if (n < 2 || f[0][0] == '\0')
		nk_error("%s:%zu: a gazetteer line needs a canonical name and a label", arg->source, lineno);
	label = nk_label_parse(f[1]);
	if (label < 0)
		nk_error("%s:%zu: unknown label \"%s\"", arg->source, lineno, f[1]);
	nk_gazetteer_add(b, f[0], (nk_label) label, f[2], f[3], f[4], arg->user);
	return 1;
}

size_t
nk_gazetteer_load_tsv(nk_gazetteer_builder *b, const char *text, size_t len, const char *source, bool user)
{
	tsv_arg		arg = {source ? source : "gazetteer", user};

	return each_line(b, text, len, tsv_line, &arg);
}

static size_t
lexicon_line(nk_gazetteer_builder *b, char *line, size_t lineno, const void *varg)
{
	const nk_lexicon *lexicon = varg;
	char	   *f[2] = {NULL, NULL};

	(void) lineno;
	split_fields(line, f, 2);
	nk_gazetteer_add_word(b, *lexicon, f[0], f[1]);
	return 1;
}

size_t
nk_gazetteer_load_lexicon(nk_gazetteer_builder *b, nk_lexicon lexicon, const char *text, size_t len)
{
	return each_line(b, text, len, lexicon_line, &lexicon);
}

/* ---------------------------------------------------------------- build */

/* The entity named canonical with the label (any label if < 0); scratch holds keys of 256 bytes or more. */
static int32_t
find_entity(const strtab *keys, nk_arena *scratch, const char *canonical, int label)
{
	size_t		len = 0;

	/* a name longer than every key is none (and a huge one is not copied) */
	while (len <= keys->max_len && canonical[len] != '\0')
		len++;
	if (len > keys->max_len)
		return -1;
	for (int l = (label >= 0 ? label : 0); l < (label >= 0 ? label + 1 : NK_LABEL_COUNT); l++)
	{
		size_t		label_len = strlen(label_names[l]);
		size_t		canonical_len = strlen(canonical);
		size_t		n = label_len + 1 + canonical_len;
		char		buf[256];
		char	   *key = n < sizeof(buf) ? buf : nk_arena_alloc(scratch, n + 1);
		int32_t		id;

		memcpy(key, label_names[l], label_len);
		key[label_len] = '\x1f';
		memcpy(key + label_len + 1, canonical, canonical_len + 1);
		id = strtab_find(keys, key, n, nk_hash_bytes(key, n));

		if (id >= 0)
			return id;
	}
	return -1;
}

/* A place's container should be a place; a person's or body's country is a place too. */
static int32_t
find_parent(const strtab *keys, nk_arena *scratch, const char *name)
{
	static const int order[] = {NK_LABEL_GPE, NK_LABEL_LOC, NK_LABEL_FAC, NK_LABEL_ORG};

	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
	{
		int32_t		id = find_entity(keys, scratch, name, order[i]);

		if (id >= 0)
			return id;
	}
	return find_entity(keys, scratch, name, -1);
}

#define COPY_ARRAY(arena, dst, src, n) \
	do { \
		(dst) = nk_arena_alloc((arena), ((n) ? (n) : 1) * sizeof(*(dst))); \
		if (n) \
			memcpy((dst), (src), (n) * sizeof(*(dst))); \
	} while (0)

nk_gazetteer *
nk_gazetteer_build(nk_gazetteer_builder *b)
{
	nk_arena   *arena = nk_arena_create();
	nk_gazetteer *g = nk_arena_zalloc(arena, sizeof(nk_gazetteer));
	size_t		n = b->nodes.count;
	int32_t    *queue;
	size_t		head = 0;
	size_t		tail = 0;

	g->arena = arena;
	strtab_copy(arena, &b->forms, &g->forms);
	COPY_ARRAY(arena, g->lexmask, b->lexmask.items, b->forms.count);
	COPY_ARRAY(arena, g->head_label, b->head_label.items, b->forms.count);
	strtab_copy(arena, &b->entity_keys, &g->entity_keys);
	g->aliases = b->aliases;

	/* surnames: a Korean name's first word, any other name's last */
	g->surname = nk_arena_alloc(arena, (b->forms.count ? b->forms.count : 1) * sizeof(int32_t));
	memset(g->surname, 0xff, (b->forms.count ? b->forms.count : 1) * sizeof(int32_t));
	for (size_t i = 0; i < b->persons.count; i++)
	{
		const person_alias *p = &b->persons.items[i];
		int32_t		key = (b->lexmask.items[p->first] & (1u << NK_LEX_KOREAN_SURNAME)) ? p->first : p->last;

		if (g->surname[key] == -1)
			g->surname[key] = p->entity;
		else if (g->surname[key] != p->entity)
			g->surname[key] = -2;
	}

	/* entities, with their parents and capitals resolved */
	g->nentities = b->entities.count;
	g->entities = nk_arena_alloc(arena, (g->nentities ? g->nentities : 1) * sizeof(nk_gaz_entity));
	for (size_t i = 0; i < g->nentities; i++)
	{
		const bentity *be = &b->entities.items[i];
		nk_gaz_entity *e = &g->entities[i];

		e->canonical = g->entity_keys.keys[i].s + strlen(label_names[be->label]) + 1;
		e->label = be->label;
		e->user = be->user;
		e->capital_of = -1;
		e->parent = -1;
		if (be->parent)
			e->parent = find_parent(&b->entity_keys, b->arena, be->parent);
	}
	for (size_t i = 0; i < b->capitals.count; i++)
	{
		int32_t		city = find_entity(&b->entity_keys, b->arena, b->capitals.items[i].a, NK_LABEL_GPE);
		int32_t		country = find_entity(&b->entity_keys, b->arena, b->capitals.items[i].b, NK_LABEL_GPE);

		if (city >= 0 && country >= 0 && city != country)
			g->entities[city].capital_of = country;
	}

	/* automaton: nodes, then failure and dictionary links in breadth-first order */
	g->nnodes = n;
	g->node = nk_arena_alloc(arena, (n ? n : 1) * sizeof(gaz_node));
	for (size_t i = 0; i < n; i++)
	{
		g->node[i].entity = b->nodes.items[i].entity;
		g->node[i].role = b->nodes.items[i].role;
		g->node[i].depth = b->nodes.items[i].depth;
		g->node[i].flags = b->nodes.items[i].flags;
	}
	g->edges.count = b->edges.count;
	g->edges.nslots = b->edges.nslots;
	if (g->edges.nslots == 0)
	{
		g->edges.nslots = 1;
		g->edges.keys = nk_arena_zalloc(arena, sizeof(uint64_t));
		g->edges.values = nk_arena_zalloc(arena, sizeof(int32_t));
	}
	else
	{
		COPY_ARRAY(arena, g->edges.keys, b->edges.keys, b->edges.nslots);
		COPY_ARRAY(arena, g->edges.values, b->edges.values, b->edges.nslots);
	}
	g->form_cache = nk_arena_zalloc(arena, FORM_CACHE_SIZE * sizeof(form_cache_entry));

	/* the root is where most transitions start: its edges by form, in an array */
	g->root_child = nk_arena_alloc(arena, (b->forms.count ? b->forms.count : 1) * sizeof(int32_t));
	for (size_t f = 0; f < b->forms.count; f++)
		g->root_child[f] = edge_find(&g->edges, 0, (int32_t) f);
	for (int c = 0; c < 256; c++)
	{
		char		ch = (char) c;

		g->byte_form[c] = c == 0 ? -1 : strtab_find(&g->forms, &ch, 1, nk_hash_bytes(&ch, 1));
	}

	queue = nk_arena_alloc(b->arena, n * sizeof(int32_t));
	g->node[0].fail = 0;
	g->node[0].dict = -1;
	queue[tail++] = 0;
	while (head < tail)
	{
		int32_t		u = queue[head++];

		for (int32_t c = b->nodes.items[u].first_child; c >= 0; c = b->nodes.items[c].next_sibling)
		{
			int32_t		form = b->nodes.items[c].form;
			int32_t		f = -1;

			if (u != 0)
			{
				int32_t		s = g->node[u].fail;

				for (;;)
				{
					f = edge_find(&g->edges, s, form);
					if (f >= 0 || s == 0)
						break;
					s = g->node[s].fail;
				}
			}
			g->node[c].fail = f >= 0 ? f : 0;
			{
				const gaz_node *fn = &g->node[g->node[c].fail];

				g->node[c].dict = (fn->entity >= 0 || fn->role >= 0) ? g->node[c].fail : fn->dict;
			}
			queue[tail++] = c;
		}
		if ((head & 4095) == 0)
			nk_check_interrupts();
	}

	/* role holders, grouped by role */
	g->nroles = b->role_node.count;
	g->holder_start = nk_arena_zalloc(arena, (g->nroles + 1) * sizeof(int32_t));
	g->holders = nk_arena_alloc(arena, (b->holder_role.count ? b->holder_role.count : 1) * sizeof(int32_t));
	for (size_t i = 0; i < b->holder_role.count; i++)
		g->holder_start[b->holder_role.items[i] + 1]++;
	for (size_t r = 0; r < g->nroles; r++)
		g->holder_start[r + 1] += g->holder_start[r];
	{
		int32_t    *fill = nk_arena_alloc(b->arena, (g->nroles + 1) * sizeof(int32_t));

		memcpy(fill, g->holder_start, (g->nroles + 1) * sizeof(int32_t));
		for (size_t i = 0; i < b->holder_role.count; i++)
			g->holders[fill[b->holder_role.items[i]]++] = b->holder_entity.items[i];
	}
	nk_gazetteer_builder_destroy(b);
	return g;
}

void
nk_gazetteer_destroy(nk_gazetteer *g)
{
	if (g)
		nk_arena_destroy(g->arena);
}

size_t
nk_gazetteer_memory(const nk_gazetteer *g)
{
	return nk_arena_size(g->arena);
}

size_t
nk_gazetteer_entity_count(const nk_gazetteer *g)
{
	return g->nentities;
}

size_t
nk_gazetteer_alias_count(const nk_gazetteer *g)
{
	return g->aliases;
}

/* ---------------------------------------------------------------- lookups */

int32_t
nk_gazetteer_find(const nk_gazetteer *g, const char *canonical, int label)
{
	nk_arena   *scratch;
	int32_t		id;

	/* a key short enough is built on the stack */
	if (strlen(canonical) < 200)
		return find_entity(&g->entity_keys, NULL, canonical, label);
	scratch = nk_arena_create();
	id = find_entity(&g->entity_keys, scratch, canonical, label);
	nk_arena_destroy(scratch);
	return id;
}

const nk_gaz_entity *
nk_gazetteer_entity(const nk_gazetteer *g, int32_t id)
{
	if (id < 0 || (size_t) id >= g->nentities)
		return NULL;
	return &g->entities[id];
}

bool
nk_gazetteer_within(const nk_gazetteer *g, int32_t id, int32_t ancestor)
{
	/* a chain is at most as long as there are entities, even with a cycle in the data */
	for (size_t steps = 0; id >= 0 && (size_t) id < g->nentities && steps <= g->nentities; steps++)
	{
		if (id == ancestor)
			return true;
		id = g->entities[id].parent;
	}
	return false;
}

size_t
nk_gazetteer_role_holders(const nk_gazetteer *g, int32_t role, const int32_t **holders)
{
	if (role < 0 || (size_t) role >= g->nroles)
	{
		*holders = NULL;
		return 0;
	}
	*holders = g->holders + g->holder_start[role];
	return (size_t) (g->holder_start[role + 1] - g->holder_start[role]);
}

/* memcmp() == 0 for the few bytes of a word, without a call */
static inline bool
same_bytes(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

int32_t *
nk_gazetteer_token_ids(nk_arena *arena, const nk_gazetteer *g, const nk_doc *doc)
{
	size_t		n = doc->tokens.count;
	int32_t    *ids = nk_arena_alloc(arena, (n ? n : 1) * sizeof(int32_t));
	form_cache_entry *cache = g->form_cache;

	for (size_t i = 0; i < n; i++)
	{
		const nk_token *t = &doc->tokens.items[i];
		char		buf[256];
		size_t		len;

		if ((i & 4095) == 4095)
			nk_check_interrupts();
		if (is_skipped(t))
		{
			ids[i] = NK_GAZ_SKIP;
			continue;
		}
		if (t->fold_len == 1)
		{
			/* punctuation mostly: a table by byte */
			ids[i] = g->byte_form[(unsigned char) t->fold[0]];
			continue;
		}
		if (t->fold_len > 1 && t->fold_len <= FORM_CACHE_BYTES)
		{
			/* the form is the fold itself unless it has a period or an apostrophe */
			uint32_t	h = NK_FNV_BASIS;
			bool		plain = true;

			for (uint32_t k = 0; k < t->fold_len; k++)
			{
				unsigned char ch = (unsigned char) t->fold[k];

				plain &= ch != '.' && ch != '\'';
				h = (h ^ ch) * NK_FNV_PRIME;
			}
			if (plain)
			{
				form_cache_entry *e = &cache[(h ^ (h >> 16)) & (FORM_CACHE_SIZE - 1)];

				if (e->len != t->fold_len || !same_bytes(e->bytes, t->fold, t->fold_len))
				{
					memcpy(e->bytes, t->fold, t->fold_len);
					e->len = (uint8_t) t->fold_len;
					e->id = strtab_find(&g->forms, t->fold, t->fold_len, h);
				}
				ids[i] = e->id;
				continue;
			}
		}
		len = token_form(t, buf, sizeof(buf));
		ids[i] = len ? strtab_find(&g->forms, buf, len, nk_hash_bytes(buf, len)) : -1;
	}
	return ids;
}

bool
nk_gazetteer_has_word(const nk_gazetteer *g, int32_t id, nk_lexicon lexicon, const char **value)
{
	if (value)
		*value = NULL;
	if (id < 0 || (size_t) id >= g->forms.count || (unsigned) lexicon >= NK_LEXICON_COUNT)
		return false;
	if (!(g->lexmask[id] & (1u << lexicon)))
		return false;
	if (value && lexicon == NK_LEX_HEAD)
		*value = label_names[g->head_label[id]];
	return true;
}

uint32_t
nk_gazetteer_word_lists(const nk_gazetteer *g, int32_t id)
{
	if (id < 0 || (size_t) id >= g->forms.count)
		return 0;
	return g->lexmask[id] & ((1u << NK_LEXICON_COUNT) - 1);
}

int32_t
nk_gazetteer_surname_holder(const nk_gazetteer *g, int32_t id)
{
	if (id < 0 || (size_t) id >= g->forms.count)
		return -1;
	return g->surname[id] >= 0 ? g->surname[id] : -1;
}

int32_t
nk_gazetteer_form(const nk_gazetteer *g, const char *w, size_t len)
{
	return strtab_find(&g->forms, w, len, nk_hash_bytes(w, len));
}

bool
nk_gazetteer_has_string(const nk_gazetteer *g, const char *w, size_t len, nk_lexicon lexicon)
{
	return nk_gazetteer_has_word(g, strtab_find(&g->forms, w, len, nk_hash_bytes(w, len)), lexicon, NULL);
}

/* ---------------------------------------------------------------- matching */

/* Whether the document's case allows node's alias to start at token t. */
static bool
case_allows(const nk_gazetteer *g, int32_t node, const nk_token *t)
{
	uint8_t		f = g->node[node].flags;

	if (f & NODE_CASE_FREE)
		return true;
	if (t->kind != NK_TOKEN_WORD)
		return true;
	if (f & NODE_ACRONYM)
		return (t->flags & NK_TOKEN_ALL_CAPS) != 0;
	return (t->flags & (NK_TOKEN_CAPITALIZED | NK_TOKEN_ALL_CAPS)) != 0;
}

/* Keep, for each start, the longest match; then take them leftmost first without overlaps. */
static void
select_leftmost_longest(nk_arena *arena, const size_t *pos, size_t n, const int32_t *best_end,
						const int32_t *best_id, nk_gaz_match_list *out)
{
	size_t		i = 0;

	while (i < n)
	{
		if (best_end[i] >= 0)
		{
			nk_gaz_match *m = nk_vec_push(arena, out);

			m->first = pos[i];
			m->last = pos[best_end[i]];
			m->id = best_id[i];
			i = (size_t) best_end[i] + 1;
		}
		else
			i++;
	}
}

void
nk_gazetteer_match(nk_arena *arena, const nk_gazetteer *g, const nk_doc *doc,
				   const int32_t *ids, nk_gaz_match_list *entities, nk_gaz_match_list *roles)
{
	size_t		ntok = doc->tokens.count;
	/* the per-token arrays of the automaton live only as long as this call */
	nk_arena   *scratch = nk_arena_create();
	size_t	   *pos = nk_arena_alloc(scratch, (ntok ? ntok : 1) * sizeof(size_t));
	int32_t    *ent_end;
	int32_t    *ent_id;
	int32_t    *role_end;
	int32_t    *role_id;
	size_t		n = 0;
	int32_t		state = 0;

	/* the positions the automaton reads: all tokens but the skipped ones */
	for (size_t i = 0; i < ntok; i++)
		if (ids[i] != NK_GAZ_SKIP)
			pos[n++] = i;
	ent_end = nk_arena_alloc(scratch, (n ? n : 1) * sizeof(int32_t));
	ent_id = nk_arena_alloc(scratch, (n ? n : 1) * sizeof(int32_t));
	role_end = nk_arena_alloc(scratch, (n ? n : 1) * sizeof(int32_t));
	role_id = nk_arena_alloc(scratch, (n ? n : 1) * sizeof(int32_t));
	memset(ent_end, 0xff, (n ? n : 1) * sizeof(int32_t));
	memset(role_end, 0xff, (n ? n : 1) * sizeof(int32_t));

	for (size_t p = 0; p < n; p++)
	{
		int32_t		form = ids[pos[p]];

		/* a form in no phrase has no edge anywhere: the automaton falls back to the root */
		if (form < 0 || !(g->lexmask[form] & FORM_IN_PHRASE))
			state = 0;
		else
		{
			for (;;)
			{
				int32_t		next = state == 0 ? g->root_child[form] : edge_find(&g->edges, state, form);

				if (next >= 0)
				{
					state = next;
					break;
				}
				if (state == 0)
					break;
				state = g->node[state].fail;
			}
		}
		for (int32_t s = (g->node[state].entity >= 0 || g->node[state].role >= 0) ? state : g->node[state].dict;
			 s > 0; s = g->node[s].dict)
		{
			const gaz_node *node = &g->node[s];
			size_t		start = p + 1 - node->depth;

			if (node->entity >= 0 && ent_end[start] < (int32_t) p &&
				case_allows(g, s, &doc->tokens.items[pos[start]]))
			{
				ent_end[start] = (int32_t) p;
				ent_id[start] = node->entity;
			}
			if (node->role >= 0 && role_end[start] < (int32_t) p)
			{
				role_end[start] = (int32_t) p;
				role_id[start] = node->role;
			}
		}
		if ((p & 4095) == 4095)
			nk_check_interrupts();
	}
	select_leftmost_longest(arena, pos, n, ent_end, ent_id, entities);
	select_leftmost_longest(arena, pos, n, role_end, role_id, roles);
	nk_arena_destroy(scratch);
}
