/*
 * nk_lemma.c
 *	  Lemmas: suffix rules per Penn tag, and a table of the exceptions to
 *	  them learned from a treebank.
 *
 * The rules follow UD English (EWT): a proper noun keeps its case (States
 * is State, Sept. stays for the table), every other lemma is lower case;
 * plural nouns and third-person verbs lose -s, -es or -ies; past forms and
 * participles lose -ed and -ing, comparatives and superlatives -er and
 * -est, with a doubled final consonant undone (stopped, bigger) or a final
 * e put back (used, making, larger) where English spelling drops it.  What
 * they get wrong (irregular forms, pronouns, the parts of contractions) is
 * in the table.
 *
 * The table's blob, little endian, 4-byte aligned:
 *	 "NKLM", version, count, pool size (4 bytes each);
 *	 count entries sorted by key bytes, each the key's offset and length and
 *	 the lemma's offset and length in the pool (4 bytes each);
 *	 the pool: keys and NUL-terminated lemmas, padded to 4 bytes.
 * A key is the lower-cased form (apostrophes as '), a tab and the tag: the
 * Penn tag, or the UD tag when there is none.
 */
#include "nk_lemma.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "nk_text.h"

#define TABLE_MAGIC "NKLM"
#define TABLE_VERSION 1
#define HEADER_BYTES 16
#define ENTRY_BYTES 16

static uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t) p[0] | ((uint32_t) p[1] << 8) | ((uint32_t) p[2] << 16) | ((uint32_t) p[3] << 24);
}

static void
wr32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char) v;
	p[1] = (unsigned char) (v >> 8);
	p[2] = (unsigned char) (v >> 16);
	p[3] = (unsigned char) (v >> 24);
}

static bool
usable_tag(const char *t)
{
	return t != NULL && t[0] != '\0' && strcmp(t, "_") != 0;
}

/* The tag a key is made with: the Penn tag, else the UD tag, else "". */
static const char *
key_tag(const char *upos, const char *xpos)
{
	return usable_tag(xpos) ? xpos : usable_tag(upos) ? upos : "";
}

/*
 * form lower-cased into a new NUL-terminated string (*out_len bytes); with
 * apostrophes, the apostrophes as '.  Invalid bytes become U+FFFD.
 */
static char *
lower(nk_arena *arena, const char *form, size_t len, bool apostrophes, size_t *out_len)
{
	char	   *out = nk_arena_alloc_bytes(arena, 3 * len + 3);
	size_t		o = 0;
	size_t		p = 0;

	while (p < len)
	{
		unsigned char c = (unsigned char) form[p];
		int32_t		cp;

		if (c < 0x80)
		{
			out[o++] = (char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
			p++;
			continue;
		}
		cp = nk_utf8_next_multibyte(form, len, &p);
		if (apostrophes && nk_cp_is_apostrophe(cp))
		{
			out[o++] = '\'';
			continue;
		}
		cp = utf8proc_tolower(cp);
		o += nk_utf8_encode(cp, out + o);
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

static char *
make_key(nk_arena *arena, const char *form, size_t len, const char *tag, size_t *key_len)
{
	size_t		n;
	size_t		tl = strlen(tag);
	char	   *low = lower(arena, form, len, true, &n);
	char	   *key = nk_arena_alloc_bytes(arena, n + tl + 2);

	memcpy(key, low, n);
	key[n] = '\t';
	memcpy(key + n + 1, tag, tl + 1);
	*key_len = n + 1 + tl;
	return key;
}

/* The rules */

static inline bool
is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static inline bool
is_consonant(char c)
{
	return c >= 'a' && c <= 'z' && !is_vowel(c);
}

static bool
ends(const char *w, size_t n, const char *suffix)
{
	size_t		k = strlen(suffix);

	return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

/* Number of vowel groups (y counts as a vowel after a consonant): about the syllables. */
static int
vowel_groups(const char *w, size_t n)
{
	int			groups = 0;
	bool		in = false;

	for (size_t i = 0; i < n; i++)
	{
		bool		v = is_vowel(w[i]) || (w[i] == 'y' && i > 0 && !is_vowel(w[i - 1]));

		if (v && !in)
			groups++;
		in = v;
	}
	return groups;
}

/* Whether a stem whose -ed, -ing, -er or -est was taken off had a final e (us-ed, mak-ing, larg-er). */
static bool
needs_e(const char *w, size_t n)
{
	char		last,
				prev;

	if (n < 2)
		return false;
	last = w[n - 1];
	prev = w[n - 2];
	if (!(last >= 'a' && last <= 'z') || !(prev >= 'a' && prev <= 'z'))
		return false;
	switch (last)
	{
		case 'v':
		case 'c':
		case 'u':
			return true;
		case 'g':
			return prev == 'a' || prev == 'e' || prev == 'd' || prev == 'r' ||
				(prev == 'n' && n >= 3 && (w[n - 3] == 'a' || w[n - 3] == 'e'));
		case 's':
			return prev != 's' && !(prev == 'u' && n >= 3 && w[n - 3] == 'c');
		case 'z':
			return prev != 'z';
		case 'l':
			/* enabl-ed, hassl-ing; else as below: rul-ing, fil-ed */
			if (strchr("bptdgkcfsz", prev) != NULL)
				return true;
			break;
		case 't':
			/* creat-ed, evaluat-ing, but treat, float, boat */
			if (prev == 'a' && n >= 3 && w[n - 3] != 'e' && w[n - 3] != 'o' && w[n - 3] != 'a')
				return true;
			break;
		default:
			break;
	}
	/* consonant, one vowel, consonant */
	if (!is_consonant(last) || last == 'w' || last == 'x' || last == 'y' || !is_vowel(prev) ||
		(n >= 3 && !is_consonant(w[n - 3]) && !(w[n - 3] == 'u' && n >= 4 && w[n - 4] == 'q')))
		return false;
	if (vowel_groups(w, n) == 1)
		return true;
	{
		/* the endings of longer stems that mostly had an e: locat-ed, requir-ing, determin-ed */
		static const char *const e_endings[] = {
			"ut", "ir", "ur", "ar", "id", "ud", "od", "um", "ot", "ik", "ak", "ok", "uk", "ad", "ed",
			"om", "ib", "ob", "ub", "in", "yp", "ap", "il", NULL
		};

		for (const char *const *e = e_endings; *e; e++)
			if (prev == (*e)[0] && last == (*e)[1])
				return true;
	}
	return false;
}

/*
 * The stem of w[0..n) once an ending beginning with a vowel (-ed -ing -er
 * -est) is taken off, into out (room for n + 2): a doubled final consonant
 * undone, a final e put back, y for i before -ed and -er.
 */
static size_t
restore_stem(const char *w, size_t n, char *out)
{
	memcpy(out, w, n);
	/* stopped, nodded (not add-ed, err-ed) */
	if (n >= 3 && w[n - 1] == w[n - 2] && strchr("bdgmnprt", w[n - 1]) != NULL && is_vowel(w[n - 3]) &&
		(n >= 4 || !is_vowel(w[0])))
		return n - 1;
	/* cancelled, travelling (called, spelled: one syllable) */
	if (n >= 5 && ends(w, n, "ell") && vowel_groups(w, n) >= 2)
		return n - 1;
	if (needs_e(w, n))
	{
		out[n] = 'e';
		return n + 1;
	}
	return n;
}

/*
 * The singular of a plural (noun) or the base of a third-person verb
 * w[0..n) into out (room for n + 2); its length.
 */
static size_t
strip_s(const char *w, size_t n, bool noun, char *out)
{
	memcpy(out, w, n);
	if (noun && n >= 3 && ends(w, n, "men"))
	{
		/* gentlemen, countrymen */
		out[n - 2] = 'a';
		return n;
	}
	if (noun && ends(w, n, "children"))
		return n - 3;
	if (noun && w[0] >= '0' && w[0] <= '9')
	{
		/* the 1960s, the 70's */
		size_t		m = 0;

		for (size_t i = 0; i < n; i++)
			if (w[i] != '\'')
				out[m++] = w[i];
		return m;
	}
	if (n < 3 || w[n - 1] != 's' || ends(w, n, "ss") || ends(w, n, "us") || ends(w, n, "is"))
		return n;
	if (noun && (ends(w, n, "lves") || ends(w, n, "ieves") || (ends(w, n, "ives") && n <= 6)))
	{
		/* wolves, thieves, lives */
		out[n - 3] = 'f';
		if (ends(w, n, "ives") && n <= 6)
		{
			out[n - 2] = 'e';
			return n - 1;
		}
		return n - 2;
	}
	if (ends(w, n, "ies") && n > 4 && is_consonant(w[n - 4]))
	{
		out[n - 3] = 'y';
		return n - 2;
	}
	if (ends(w, n, "sses") || ends(w, n, "xes") || ends(w, n, "ches") || ends(w, n, "shes") ||
		ends(w, n, "zzes") || (ends(w, n, "oes") && (n > 5 || !noun)))
		return n - 2;
	return n - 1;
}

/* -ed, -ing, -er or -est off w[0..n) into out; its length (n when w does not end so). */
static size_t
strip_ending(const char *w, size_t n, const char *ending, char *out)
{
	size_t		k = strlen(ending);
	size_t		s;

	memcpy(out, w, n);
	if (n < k + 2 || !ends(w, n, ending) || vowel_groups(w, n - k) == 0)
		return n;
	s = n - k;
	/* tried, happier, earliest: i for y; died, lied: ie */
	if (w[s - 1] == 'i' && ending[0] == 'e')
	{
		if (s == 2)
		{
			out[2] = 'e';
			return 3;
		}
		out[s - 1] = 'y';
		return s;
	}
	/* agreed, freer: the e of the stem */
	if (w[s - 1] == 'e' && ending[0] == 'e')
		return s + 1;
	/* lying, dying */
	if (ending[0] == 'i' && s == 2 && w[1] == 'y')
	{
		out[1] = 'i';
		out[2] = 'e';
		return 3;
	}
	/* seeing, being: nothing to restore */
	if (ending[0] == 'i' && (w[s - 1] == 'e' || w[s - 1] == 'y' || w[s - 1] == 'o'))
		return s;
	return restore_stem(w, s, out);
}

/* Whether w[0..n) is ASCII capitals only. */
static bool
all_caps(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'A' || w[i] > 'Z')
			return false;
	return n > 0;
}

/* A number's lemma: its thousands separators left out (12,000 is 12000). */
static char *
number_lemma(nk_arena *arena, const char *form, size_t len)
{
	char	   *out = nk_arena_strndup(arena, form, len);
	size_t		groups = 0;
	size_t		m = 0;
	size_t		i;

	/* digits, then groups of a comma and three digits */
	for (i = 0; i < len && i < 3 && form[i] >= '0' && form[i] <= '9'; i++)
		;
	if (i == 0)
		return out;
	while (i + 4 <= len && form[i] == ',' && form[i + 1] >= '0' && form[i + 1] <= '9' &&
		   form[i + 2] >= '0' && form[i + 2] <= '9' && form[i + 3] >= '0' && form[i + 3] <= '9')
	{
		i += 4;
		groups++;
	}
	if (groups == 0 || (i < len && form[i] >= '0' && form[i] <= '9'))
		return out;
	for (size_t k = 0; k < len; k++)
		if (form[k] != ',' || k >= i)
			out[m++] = form[k];
	out[m] = '\0';
	return out;
}

const char *
nk_lemma_rules(nk_arena *arena, const char *form, size_t form_len, const char *upos,
			   const char *xpos)
{
	const char *x = usable_tag(xpos) ? xpos : "";
	bool		proper = (usable_tag(upos) && strcmp(upos, "PROPN") == 0) ||
		strcmp(x, "NNP") == 0 || strcmp(x, "NNPS") == 0;
	size_t		n;
	char	   *w;
	char	   *out;
	size_t		m = 0;

	if (proper)
	{
		w = nk_arena_strndup(arena, form, form_len);
		n = form_len;
		/* a name in capitals is written as a name: GOODWYN is Goodwyn (not USA) */
		if (all_caps(w, n) && n >= 5)
		{
			char	   *low = lower(arena, form, form_len, false, &n);

			memcpy(w + 1, low + 1, n - 1);
			w[n] = '\0';
		}
		if (strcmp(x, "NNPS") != 0)
			return w;
	}
	else if (form_len == 1 && all_caps(form, 1) && usable_tag(upos) &&
			 (strcmp(upos, "NOUN") == 0 || strcmp(upos, "ADJ") == 0 || strcmp(upos, "SYM") == 0 ||
			  strcmp(upos, "NUM") == 0 || strcmp(upos, "X") == 0))
		return nk_arena_strndup(arena, form, form_len);	/* a letter: plan B, type X */
	else if (strcmp(x, "CD") == 0 || (strcmp(upos ? upos : "", "NUM") == 0 && !usable_tag(xpos)))
		return number_lemma(arena, form, form_len);
	else
		w = lower(arena, form, form_len, false, &n);
	/* the rules look at ASCII endings only */
	if (n < 3 || !(w[n - 1] >= 'a' && w[n - 1] <= 'z'))
		return w;
	out = nk_arena_alloc_bytes(arena, n + 3);
	if (strcmp(x, "NNS") == 0 || strcmp(x, "NNPS") == 0 || strcmp(x, "VBZ") == 0)
		m = strip_s(w, n, strcmp(x, "VBZ") != 0, out);
	else if (strcmp(x, "VBD") == 0 || strcmp(x, "VBN") == 0)
		m = strip_ending(w, n, "ed", out);
	else if (strcmp(x, "VBG") == 0)
		m = strip_ending(w, n, "ing", out);
	else if (strcmp(x, "JJR") == 0 || strcmp(x, "RBR") == 0)
		m = strip_ending(w, n, "er", out);
	else if (strcmp(x, "JJS") == 0 || strcmp(x, "RBS") == 0)
		m = strip_ending(w, n, "est", out);
	else
		return w;
	out[m] = '\0';
	return out;
}

/* The table */

typedef struct train_word
{
	const char *key;
	size_t		key_len;
	const char *lemma;
	bool		rule_right;		/* the rules give its lemma */
} train_word;

static int
cmp_bytes(const char *a, size_t al, const char *b, size_t bl)
{
	int			c = memcmp(a, b, al < bl ? al : bl);

	if (c != 0)
		return c;
	return al < bl ? -1 : al > bl;
}

static int
cmp_train(const void *pa, const void *pb)
{
	const train_word *a = pa;
	const train_word *b = pb;
	int			c = cmp_bytes(a->key, a->key_len, b->key, b->key_len);

	return c != 0 ? c : strcmp(a->lemma, b->lemma);
}

typedef struct entry
{
	const char *key;
	size_t		key_len;
	const char *lemma;
} entry;

const void *
nk_lemma_table_build_min(nk_arena *arena, const char *const *form, const char *const *upos,
						 const char *const *xpos, const char *const *lemma, size_t n,
						 size_t min_count, size_t *size)
{
	train_word *tw = nk_arena_alloc(arena, (n + 1) * sizeof(train_word));
	entry	   *entries = nk_arena_alloc(arena, (n + 1) * sizeof(entry));
	size_t		count = 0;
	size_t		pool = 0;
	unsigned char *blob;
	size_t		at;

	for (size_t i = 0; i < n; i++)
	{
		const char *u = upos ? upos[i] : NULL;
		const char *x = xpos ? xpos[i] : NULL;

		nk_interrupt_tick();
		tw[i].key = make_key(arena, form[i], strlen(form[i]), key_tag(u, x), &tw[i].key_len);
		tw[i].lemma = lemma[i];
		tw[i].rule_right = strcmp(nk_lemma_rules(arena, form[i], strlen(form[i]), u, x), lemma[i]) == 0;
	}
	if (n > 1)
		qsort(tw, n, sizeof(train_word), cmp_train);
	for (size_t i = 0; i < n;)
	{
		size_t		j = i;
		size_t		rule_right = 0;
		size_t		best = i;
		size_t		best_count = 0;

		/* one key: count the rules' hits and find the commonest lemma */
		while (j < n && cmp_bytes(tw[j].key, tw[j].key_len, tw[i].key, tw[i].key_len) == 0)
		{
			size_t		k = j;

			while (k < n && cmp_train(&tw[k], &tw[j]) == 0)
			{
				nk_interrupt_tick();
				rule_right += tw[k].rule_right;
				k++;
			}
			if (k - j > best_count)
			{
				best_count = k - j;
				best = j;
			}
			j = k;
		}
		if (j - i >= min_count && best_count > rule_right)
		{
			entries[count].key = tw[i].key;
			entries[count].key_len = tw[i].key_len;
			entries[count].lemma = tw[best].lemma;
			pool += tw[i].key_len + strlen(tw[best].lemma) + 1;
			count++;
		}
		i = j;
	}
	pool = (pool + 3) & ~(size_t) 3;
	if (HEADER_BYTES + (uint64_t) count * ENTRY_BYTES + pool > UINT32_MAX)
		nk_error("lemma table of %zu entries is too large", count);
	*size = HEADER_BYTES + count * ENTRY_BYTES + pool;
	blob = nk_arena_zalloc(arena, *size);
	memcpy(blob, TABLE_MAGIC, 4);
	wr32(blob + 4, TABLE_VERSION);
	wr32(blob + 8, (uint32_t) count);
	wr32(blob + 12, (uint32_t) pool);
	at = 0;
	for (size_t i = 0; i < count; i++)
	{
		unsigned char *e = blob + HEADER_BYTES + i * ENTRY_BYTES;
		unsigned char *p = blob + HEADER_BYTES + count * ENTRY_BYTES;
		size_t		ll = strlen(entries[i].lemma);

		wr32(e, (uint32_t) at);
		wr32(e + 4, (uint32_t) entries[i].key_len);
		memcpy(p + at, entries[i].key, entries[i].key_len);
		at += entries[i].key_len;
		wr32(e + 8, (uint32_t) at);
		wr32(e + 12, (uint32_t) ll);
		memcpy(p + at, entries[i].lemma, ll + 1);
		at += ll + 1;
	}
	return blob;
}

const void *
nk_lemma_table_build(nk_arena *arena, const char *const *form, const char *const *upos,
					 const char *const *xpos, const char *const *lemma, size_t n, size_t *size)
{
	return nk_lemma_table_build_min(arena, form, upos, xpos, lemma, n, NK_LEMMA_MIN_COUNT, size);
}

/* The table's parts, when the header and the entry array fit in size bytes. */
typedef struct table
{
	const unsigned char *entries;
	const char *pool;
	uint32_t	count;
	uint32_t	pool_size;
} table;

static bool
open_table(const void *blob, size_t size, table *t)
{
	const unsigned char *b = blob;

	if (blob == NULL || size < HEADER_BYTES || memcmp(b, TABLE_MAGIC, 4) != 0 ||
		rd32(b + 4) != TABLE_VERSION)
		return false;
	t->count = rd32(b + 8);
	t->pool_size = rd32(b + 12);
	if (HEADER_BYTES + (uint64_t) t->count * ENTRY_BYTES + t->pool_size != size)
		return false;
	t->entries = b + HEADER_BYTES;
	t->pool = (const char *) b + HEADER_BYTES + (size_t) t->count * ENTRY_BYTES;
	return true;
}

/* Entry i's key and lemma, when its offsets are inside the pool and the lemma ends in a NUL. */
static bool
table_entry(const table *t, uint32_t i, const char **key, uint32_t *key_len, const char **lemma)
{
	const unsigned char *e = t->entries + (size_t) i * ENTRY_BYTES;
	uint64_t	ko = rd32(e),
				kl = rd32(e + 4),
				lo = rd32(e + 8),
				ll = rd32(e + 12);

	if (ko + kl > t->pool_size || lo + ll >= t->pool_size || t->pool[lo + ll] != '\0')
		return false;
	*key = t->pool + ko;
	*key_len = (uint32_t) kl;
	*lemma = t->pool + lo;
	return true;
}

const char *
nk_lemma_table_check(const void *blob, size_t size)
{
	table		t;
	const char *prev = NULL;
	uint32_t	prev_len = 0;

	if (blob == NULL || size < HEADER_BYTES)
		return "the lemma table is truncated";
	if (memcmp(blob, TABLE_MAGIC, 4) != 0)
		return "the lemma table does not start with NKLM";
	if (rd32((const unsigned char *) blob + 4) != TABLE_VERSION)
		return "the lemma table has an unknown version";
	if (!open_table(blob, size, &t))
		return "the lemma table's size does not match its header";
	for (uint32_t i = 0; i < t.count; i++)
	{
		const char *key;
		const char *lemma;
		uint32_t	key_len;

		nk_interrupt_tick();
		if (!table_entry(&t, i, &key, &key_len, &lemma))
			return "a lemma table entry points outside the table";
		if (prev != NULL && cmp_bytes(prev, prev_len, key, key_len) >= 0)
			return "the lemma table's keys are not in order";
		prev = key;
		prev_len = key_len;
	}
	return NULL;
}

size_t
nk_lemma_table_count(const void *blob, size_t size)
{
	table		t;

	return open_table(blob, size, &t) ? t.count : 0;
}

/* The table's lemma for key, or NULL. */
static const char *
table_lookup(const void *blob, size_t size, const char *key, size_t key_len)
{
	table		t;
	uint32_t	lo = 0,
				hi;

	if (!open_table(blob, size, &t))
		return NULL;
	hi = t.count;
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		const char *k;
		const char *lemma;
		uint32_t	kl;
		int			c;

		if (!table_entry(&t, mid, &k, &kl, &lemma))
			return NULL;
		c = cmp_bytes(key, key_len, k, kl);
		if (c == 0)
			return lemma;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *
nk_lemmatize(nk_arena *arena, const void *blob, size_t size, const char *form, size_t form_len,
			 const char *upos, const char *xpos)
{
	if (blob != NULL)
	{
		size_t		key_len;
		const char *key = make_key(arena, form, form_len, key_tag(upos, xpos), &key_len);
		const char *lemma = table_lookup(blob, size, key, key_len);

		if (lemma != NULL)
			return lemma;
	}
	return nk_lemma_rules(arena, form, form_len, upos, xpos);
}
