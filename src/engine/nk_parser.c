/*
 * nk_parser.c
 *	  Dependency parser (see nk_parser.h).
 */
#include "nk_parser.h"

#include <stdio.h>
#include <string.h>

enum
{
	MOVE_SHIFT,
	MOVE_RIGHT,					/* s0 becomes a dependent of s1 */
	MOVE_LEFT,					/* s0 becomes a dependent of b0 (the root when b0 is past the words) */
	MOVES
};

#define W_NONE UINT64_C(0x4e4f4e454e4f4e45)
#define W_ROOT UINT64_C(0x524f4f54524f4f54)
#define T_NONE 0xfff0
#define T_ROOT 0xfff1

#define PARSE_FEATURES 88
#define LABEL_FEATURES 32

/* What the parser reads of each word: the root is word n. */
typedef struct parse_words
{
	size_t		n;
	uint64_t   *word;			/* lower-case form hash, n + 1 */
	uint64_t   *suffix;			/* last three bytes of it */
	uint32_t   *tag;
	uint32_t   *coarse;			/* the tag's Universal POS tag */
} parse_words;

typedef struct parse_state
{
	size_t		n;
	int32_t    *stack;
	size_t		depth;
	size_t		b;				/* first word of the buffer; n is the root */
	int32_t    *heads;			/* n + 1 entries, -1 until attached */
	int32_t    *l1,
			   *l2,
			   *r1,
			   *r2;				/* the two leftmost and rightmost dependents */
	uint16_t   *lv,
			   *rv;				/* left and right dependent counts */
	uint16_t   *label;			/* the relation of each attached word */
	uint64_t   *lset,
			   *rset;			/* the relations of the left and right dependents, as bits */
} parse_state;

static void
words_describe(nk_arena *arena, const uint8_t *coarse, uint32_t classes, const char *const *forms,
			   const uint32_t *lens, const uint16_t *tags, size_t n, parse_words *w)
{
	w->n = n;
	w->coarse = nk_arena_alloc(arena, (n + 1) * sizeof(uint32_t));
	w->word = nk_arena_alloc(arena, (n + 1) * sizeof(uint64_t));
	w->suffix = nk_arena_alloc(arena, (n + 1) * sizeof(uint64_t));
	w->tag = nk_arena_alloc(arena, (n + 1) * sizeof(uint32_t));
	for (size_t i = 0; i < n; i++)
	{
		char		lower[64];
		uint32_t	len = lens[i] < sizeof(lower) ? lens[i] : sizeof(lower);

		for (uint32_t k = 0; k < len; k++)
		{
			char		c = forms[i][k];

			lower[k] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
		}
		w->word[i] = nk_feat_string(lower, len);
		w->suffix[i] = nk_feat_string(lower + (len > 3 ? len - 3 : 0), len > 3 ? 3 : len);
		w->tag[i] = tags[i];
		w->coarse[i] = tags[i] < classes ? coarse[tags[i]] : T_NONE;
	}
	w->coarse[n] = T_ROOT;
	w->word[n] = W_ROOT;
	w->suffix[n] = W_ROOT;
	w->tag[n] = T_ROOT;
}

static void
state_init(nk_arena *arena, size_t n, parse_state *s)
{
	s->n = n;
	s->stack = nk_arena_alloc(arena, (n + 1) * sizeof(int32_t));
	s->depth = 0;
	s->b = 0;
	s->heads = nk_arena_alloc(arena, (n + 1) * sizeof(int32_t));
	s->l1 = nk_arena_alloc(arena, (n + 1) * sizeof(int32_t));
	s->l2 = nk_arena_alloc(arena, (n + 1) * sizeof(int32_t));
	s->r1 = nk_arena_alloc(arena, (n + 1) * sizeof(int32_t));
	s->r2 = nk_arena_alloc(arena, (n + 1) * sizeof(int32_t));
	s->lv = nk_arena_zalloc(arena, (n + 1) * sizeof(uint16_t));
	s->rv = nk_arena_zalloc(arena, (n + 1) * sizeof(uint16_t));
	s->label = nk_arena_zalloc(arena, (n + 1) * sizeof(uint16_t));
	s->lset = nk_arena_zalloc(arena, (n + 1) * sizeof(uint64_t));
	s->rset = nk_arena_zalloc(arena, (n + 1) * sizeof(uint64_t));
	for (size_t i = 0; i <= n; i++)
		s->heads[i] = s->l1[i] = s->l2[i] = s->r1[i] = s->r2[i] = -1;
}

static bool
state_done(const parse_state *s)
{
	return s->depth == 0 && s->b == s->n;
}

static void
state_valid(const parse_state *s, bool *valid)
{
	valid[MOVE_SHIFT] = s->b < s->n;
	valid[MOVE_RIGHT] = s->depth >= 2;
	valid[MOVE_LEFT] = s->depth >= 1 && (s->b < s->n || s->depth == 1);
}

static void
add_arc(parse_state *s, int32_t h, int32_t d, uint16_t label)
{
	s->heads[d] = h;
	s->label[d] = label;
	if (d < h)
		s->lset[h] |= UINT64_C(1) << (label & 63);
	else
		s->rset[h] |= UINT64_C(1) << (label & 63);
	if (d < h)
	{
		if (s->l1[h] < 0 || d < s->l1[h])
		{
			s->l2[h] = s->l1[h];
			s->l1[h] = d;
		}
		else if (s->l2[h] < 0 || d < s->l2[h])
			s->l2[h] = d;
		if (s->lv[h] < UINT16_MAX)
			s->lv[h]++;
	}
	else
	{
		if (s->r1[h] < 0 || d > s->r1[h])
		{
			s->r2[h] = s->r1[h];
			s->r1[h] = d;
		}
		else if (s->r2[h] < 0 || d > s->r2[h])
			s->r2[h] = d;
		if (s->rv[h] < UINT16_MAX)
			s->rv[h]++;
	}
}

/*
 * Make the move; for an arc, pop its dependent and give back it and its head
 * (*d >= 0), which the caller labels and attaches with add_arc().
 */
static void
state_apply(parse_state *s, int move, int32_t *h, int32_t *d)
{
	*d = -1;
	switch (move)
	{
		case MOVE_SHIFT:
			s->stack[s->depth++] = (int32_t) s->b++;
			break;
		case MOVE_RIGHT:
			*d = s->stack[--s->depth];
			*h = s->stack[s->depth - 1];
			break;
		default:
			*d = s->stack[--s->depth];
			*h = (int32_t) s->b;
			break;
	}
}

static uint64_t
W(const parse_words *w, int32_t i)
{
	return i < 0 ? W_NONE : w->word[i];
}

static uint32_t
T(const parse_words *w, int32_t i)
{
	return i < 0 ? T_NONE : w->tag[i];
}

static uint32_t
C(const parse_words *w, int32_t i)
{
	return i < 0 ? T_NONE : w->coarse[i];
}

static int32_t
child(const int32_t *a, int32_t i)
{
	return i < 0 ? -1 : a[i];
}

#define L_NONE 0xffff

static uint32_t
L(const parse_state *s, int32_t i)
{
	return i < 0 ? L_NONE : s->label[i];
}

/* The features of the state, in f; their number. */
static size_t
parse_features(const parse_words *w, const parse_state *s, nk_feat *f)
{
	int32_t		n = (int32_t) s->n;
	int32_t		s0 = s->depth >= 1 ? s->stack[s->depth - 1] : -1;
	int32_t		s1 = s->depth >= 2 ? s->stack[s->depth - 2] : -1;
	int32_t		s2 = s->depth >= 3 ? s->stack[s->depth - 3] : -1;
	int32_t		n0 = (int32_t) s->b;
	int32_t		n1 = n0 + 1 <= n ? n0 + 1 : -1;
	int32_t		n2 = n0 + 2 <= n ? n0 + 2 : -1;
	int32_t		s0l1 = child(s->l1, s0),
				s0l2 = child(s->l2, s0),
				s0r1 = child(s->r1, s0),
				s0r2 = child(s->r2, s0),
				n0l1 = child(s->l1, n0),
				n0l2 = child(s->l2, n0),
				s1r1 = child(s->r1, s1);
	uint64_t	Ws0 = W(w, s0),
				Ws1 = W(w, s1),
				Wn0 = W(w, n0),
				Wn1 = W(w, n1);
	uint32_t	Ts0 = T(w, s0),
				Ts1 = T(w, s1),
				Ts2 = T(w, s2),
				Tn0 = T(w, n0),
				Tn1 = T(w, n1),
				Tn2 = T(w, n2);
	uint32_t	Ts0l1 = T(w, s0l1),
				Ts0l2 = T(w, s0l2),
				Ts0r1 = T(w, s0r1),
				Ts0r2 = T(w, s0r2),
				Tn0l1 = T(w, n0l1),
				Tn0l2 = T(w, n0l2);
	uint32_t	vs0l = s0 >= 0 ? s->lv[s0] : 0,
				vs0r = s0 >= 0 ? s->rv[s0] : 0,
				vn0l = s->lv[n0];
	uint32_t	dist = 0;
	size_t		k = 0;

	if (s0 >= 0)
	{
		int32_t		d = n0 - s0;

		dist = d <= 4 ? (uint32_t) d : d <= 6 ? 5 : d <= 9 ? 6 : d <= 15 ? 7 : 8;
	}

	f[k++] = nk_feat3(0, 0, 0, 0);
	/* unigrams */
	f[k++] = nk_feat3(1, Wn0, 0, 0);
	f[k++] = nk_feat3(2, Wn1, 0, 0);
	f[k++] = nk_feat3(3, W(w, n2), 0, 0);
	f[k++] = nk_feat3(4, Ws0, 0, 0);
	f[k++] = nk_feat3(5, Ws1, 0, 0);
	f[k++] = nk_feat3(6, W(w, s2), 0, 0);
	f[k++] = nk_feat3(7, W(w, n0l1), 0, 0);
	f[k++] = nk_feat3(8, W(w, n0l2), 0, 0);
	f[k++] = nk_feat3(9, W(w, s0l1), 0, 0);
	f[k++] = nk_feat3(10, W(w, s0l2), 0, 0);
	f[k++] = nk_feat3(11, W(w, s0r1), 0, 0);
	f[k++] = nk_feat3(12, W(w, s0r2), 0, 0);
	f[k++] = nk_feat3(13, Tn0, 0, 0);
	f[k++] = nk_feat3(14, Tn1, 0, 0);
	f[k++] = nk_feat3(15, Tn2, 0, 0);
	f[k++] = nk_feat3(16, Ts0, 0, 0);
	f[k++] = nk_feat3(17, Ts1, 0, 0);
	f[k++] = nk_feat3(18, Ts2, 0, 0);
	f[k++] = nk_feat3(19, Tn0l1, 0, 0);
	f[k++] = nk_feat3(20, Tn0l2, 0, 0);
	f[k++] = nk_feat3(21, Ts0l1, 0, 0);
	f[k++] = nk_feat3(22, Ts0l2, 0, 0);
	f[k++] = nk_feat3(23, Ts0r1, 0, 0);
	f[k++] = nk_feat3(24, Ts0r2, 0, 0);
	/* word and tag */
	f[k++] = nk_feat3(25, Wn0, Tn0, 0);
	f[k++] = nk_feat3(26, Wn1, Tn1, 0);
	f[k++] = nk_feat3(27, W(w, n2), Tn2, 0);
	f[k++] = nk_feat3(28, Ws0, Ts0, 0);
	f[k++] = nk_feat3(29, Ws1, Ts1, 0);
	/* pairs of s0 and n0 */
	f[k++] = nk_feat3(30, Ws0, Wn0, 0);
	f[k++] = nk_feat3(31, Wn0, Tn0, Ws0);
	f[k++] = nk_feat3(32, Wn0, Tn0, Ts0);
	f[k++] = nk_feat3(33, Ws0, Ts0, Wn0);
	f[k++] = nk_feat3(34, Ws0, Ts0, Tn0);
	f[k++] = nk_feat3(35, Ws0 ^ Ts0, Wn0, Tn0);
	f[k++] = nk_feat3(36, Ts0, Tn0, 0);
	f[k++] = nk_feat3(37, Tn0, Tn1, 0);
	/* pairs of s1 and s0 (the right arc's two words) */
	f[k++] = nk_feat3(38, Ws1, Ws0, 0);
	f[k++] = nk_feat3(39, Ts1, Ts0, 0);
	f[k++] = nk_feat3(40, Ws1, Ts0, 0);
	f[k++] = nk_feat3(41, Ts1, Ws0, 0);
	f[k++] = nk_feat3(42, Ts1, Ts0, Tn0);
	/* tag trigrams */
	f[k++] = nk_feat3(43, Tn0, Tn1, Tn2);
	f[k++] = nk_feat3(44, Ts0, Tn0, Tn1);
	f[k++] = nk_feat3(45, Ts0, Ts0r1, Tn0);
	f[k++] = nk_feat3(46, Ts0, Tn0, Tn0l1);
	f[k++] = nk_feat3(47, Ts0, Ts0l1, Ts0l2);
	f[k++] = nk_feat3(48, Ts0, Ts0r1, Ts0r2);
	f[k++] = nk_feat3(49, Tn0, Tn0l1, Tn0l2);
	f[k++] = nk_feat3(50, Ts0, Ts1, Ts2);
	f[k++] = nk_feat3(51, Ts1, T(w, s1r1), Ts0);
	/* valency and distance */
	f[k++] = nk_feat3(52, Ws0, vs0r, 0);
	f[k++] = nk_feat3(53, Ws0, vs0l, 0);
	f[k++] = nk_feat3(54, Wn0, vn0l, 0);
	f[k++] = nk_feat3(55, Ts0, vs0r, vs0l);
	f[k++] = nk_feat3(56, Tn0, vn0l, 0);
	f[k++] = nk_feat3(57, Ws0, dist, 0);
	f[k++] = nk_feat3(58, Wn0, dist, 0);
	f[k++] = nk_feat3(59, Ts0, Tn0, dist);
	f[k++] = nk_feat3(60, Ws0, Wn0, dist);
	f[k++] = nk_feat3(61, Ts1, Ts0, s1 >= 0 && s0 >= 0 ? (uint32_t) (s0 - s1 < 8 ? s0 - s1 : 8) : 0);
	f[k++] = nk_feat3(62, w->suffix[n0], Tn0, Ts0);
	f[k++] = nk_feat3(63, s0 >= 0 ? w->suffix[s0] : W_NONE, Ts0, Tn0);
	/* the relations of the dependents attached so far */
	f[k++] = nk_feat3(64, L(s, s0l1), 0, 0);
	f[k++] = nk_feat3(65, L(s, s0l2), 0, 0);
	f[k++] = nk_feat3(66, L(s, s0r1), 0, 0);
	f[k++] = nk_feat3(67, L(s, s0r2), 0, 0);
	f[k++] = nk_feat3(68, L(s, n0l1), 0, 0);
	f[k++] = nk_feat3(69, L(s, n0l2), 0, 0);
	f[k++] = nk_feat3(70, Ts0, L(s, s0l1), L(s, s0l2));
	f[k++] = nk_feat3(71, Ts0, L(s, s0r1), L(s, s0r2));
	f[k++] = nk_feat3(72, Tn0, L(s, n0l1), L(s, n0l2));
	f[k++] = nk_feat3(73, Ws0, s0 >= 0 ? s->rset[s0] : 0, 0);
	f[k++] = nk_feat3(74, Ts0, s0 >= 0 ? s->rset[s0] : 0, 0);
	f[k++] = nk_feat3(75, Ws0, s0 >= 0 ? s->lset[s0] : 0, 0);
	f[k++] = nk_feat3(76, Ts0, s0 >= 0 ? s->lset[s0] : 0, 0);
	f[k++] = nk_feat3(77, Wn0, s->lset[n0], 0);
	f[k++] = nk_feat3(78, Tn0, s->lset[n0], 0);
	f[k++] = nk_feat3(79, Ts1, L(s, s1r1), Ts0);
	/* the same contexts in Universal POS tags, which the tagger confuses less */
	f[k++] = nk_feat3(80, C(w, s0), C(w, n0), 0);
	f[k++] = nk_feat3(81, C(w, s1), C(w, s0), 0);
	f[k++] = nk_feat3(82, C(w, s1), C(w, s0), C(w, n0));
	f[k++] = nk_feat3(83, C(w, s0), C(w, n0), C(w, n1));
	f[k++] = nk_feat3(84, C(w, n0), C(w, n1), C(w, n2));
	f[k++] = nk_feat3(85, Ws0, C(w, n0), 0);
	f[k++] = nk_feat3(86, C(w, s0), Wn0, 0);
	f[k++] = nk_feat3(87, C(w, s0), C(w, s0l1), C(w, s0r1));
	return k;
}

/* The features of labelling word d, whose head is h (n for the root). */
static size_t
label_features(const parse_words *w, const parse_state *s, int32_t d, int32_t h,
			   uint32_t previous, nk_feat *f)
{
	int32_t		n = (int32_t) s->n;
	uint64_t	Wd = W(w, d),
				Wh = W(w, h);
	uint32_t	Td = T(w, d),
				Th = T(w, h);
	uint32_t	dir = d < h ? 1 : 2;
	int32_t		gap = d < h ? h - d : d - h;
	uint32_t	dist = gap <= 3 ? (uint32_t) gap : gap <= 6 ? 4 : gap <= 10 ? 5 : 6;
	int32_t		g = h < n ? s->heads[h] : -1;
	uint32_t	Tprev = d > 0 ? T(w, d - 1) : T_NONE;
	uint32_t	Tnext = d + 1 < n ? T(w, d + 1) : T_NONE;
	uint32_t	Tl1 = T(w, s->l1[d]),
				Tr1 = T(w, s->r1[d]);
	uint64_t	Wl1 = W(w, s->l1[d]);
	size_t		k = 0;

	f[k++] = nk_feat3(100, 0, 0, 0);
	f[k++] = nk_feat3(101, Wd, 0, 0);
	f[k++] = nk_feat3(102, Td, 0, 0);
	f[k++] = nk_feat3(103, Wh, 0, 0);
	f[k++] = nk_feat3(104, Th, 0, 0);
	f[k++] = nk_feat3(105, Td, Th, dir);
	f[k++] = nk_feat3(106, Wd, Th, dir);
	f[k++] = nk_feat3(107, Td, Wh, dir);
	f[k++] = nk_feat3(108, Wd, Wh, 0);
	f[k++] = nk_feat3(109, Td, Th, dist << 2 | dir);
	f[k++] = nk_feat3(110, Td, Th, T(w, g));
	f[k++] = nk_feat3(111, Td, Tprev, 0);
	f[k++] = nk_feat3(112, Td, Tnext, 0);
	f[k++] = nk_feat3(113, Td, Tl1, Tr1);
	f[k++] = nk_feat3(114, Wd, Tl1, 0);
	f[k++] = nk_feat3(115, Td, Wl1, 0);
	f[k++] = nk_feat3(116, Td, Th, previous);
	f[k++] = nk_feat3(117, previous, dir, 0);
	f[k++] = nk_feat3(118, w->suffix[d], Td, dir);
	f[k++] = nk_feat3(119, Td, (uint32_t) s->lv[d] << 8 | s->rv[d], 0);
	f[k++] = nk_feat3(120, Th, Td, h < n ? (uint32_t) s->lv[h] << 8 | s->rv[h] : 0);
	f[k++] = nk_feat3(121, Wd, Td, Th);
	f[k++] = nk_feat3(122, Td, Th, W(w, s->l1[h] == d ? -1 : s->l1[h]));
	f[k++] = nk_feat3(123, Wh, Th, Td);
	f[k++] = nk_feat3(124, Td, Th, h < n && h + 1 < n ? T(w, h + 1) : T_NONE);
	f[k++] = nk_feat3(125, Td, Th, h > 0 && h < n ? T(w, h - 1) : T_NONE);
	return k;
}

static int
best_move(const int32_t *scores, const bool *valid)
{
	int			best = -1;

	for (int m = 0; m < MOVES; m++)
		if (valid[m] && (best < 0 || scores[m] > scores[best]))
			best = m;
	return best;
}

/* The relation the sibling attached last on d's side of h has, or L_NONE. */
static uint32_t
previous_sibling(const parse_state *s, int32_t h, int32_t d)
{
	if (h == (int32_t) s->n)
		return L_NONE;
	return d < h ? L(s, s->l1[h]) : L(s, s->r1[h]);
}

/* The best relation for the arc h -> d (never root: the root's arc is root). */
static uint32_t
best_relation(const int32_t *scores, uint32_t relations, uint32_t root)
{
	uint32_t	best = root == 0 ? 1 : 0;

	for (uint32_t c = 0; c < relations; c++)
		if (c != root && scores[c] > scores[best])
			best = c;
	return best;
}

/* Number each class's Universal POS tag (the same tag, the same number, in the order met). */
static const uint8_t *
coarse_tags(nk_arena *arena, const char *const *tag_upos, uint32_t tags)
{
	uint8_t    *coarse = nk_arena_alloc(arena, tags ? tags : 1);

	for (uint32_t c = 0; c < tags; c++)
	{
		coarse[c] = (uint8_t) (c < 255 ? c : 255);
		for (uint32_t d = 0; d < c; d++)
			if (strcmp(tag_upos[d], tag_upos[c]) == 0)
			{
				coarse[c] = coarse[d];
				break;
			}
	}
	return coarse;
}

const char *
nk_parser_open(nk_arena *arena, const nk_model *model, const char *const *tag_upos, uint32_t tags,
			   nk_parser *out)
{
	size_t		msize,
				lsize,
				nsize;
	const void *moves = nk_model_section(model, "PARW", &msize);
	const void *labels = nk_model_section(model, "PARL", &lsize);
	const char *names = nk_model_section(model, "PARN", &nsize);
	const char *error;
	size_t		start = 0;

	if (moves == NULL || labels == NULL || names == NULL)
		return "the model has no parser";
	if ((error = nk_perceptron_open(moves, msize, &out->moves)) != NULL ||
		(error = nk_perceptron_open(labels, lsize, &out->labels)) != NULL)
		return error;
	if (out->moves.classes != MOVES)
		return "the parser's move weights do not match this build";
	out->relations = 0;
	for (size_t i = 0; i < nsize; i++)
		if (names[i] == '\n')
			out->relations++;
	if (out->relations != out->labels.classes || out->relations > NK_PARSER_MAX_RELATIONS)
		return "the parser's relation names do not match its label weights";
	out->relation = nk_arena_alloc(arena, out->relations * sizeof(char *));
	out->root_label = UINT32_MAX;
	for (size_t i = 0, r = 0; i < nsize; i++)
		if (names[i] == '\n')
		{
			out->relation[r] = nk_arena_strndup(arena, names + start, i - start);
			if (strcmp(out->relation[r], "root") == 0)
				out->root_label = (uint32_t) r;
			r++;
			start = i + 1;
		}
	if (out->root_label == UINT32_MAX)
		return "the parser has no root relation";
	out->tags = tags;
	out->coarse = coarse_tags(arena, tag_upos, tags);
	return NULL;
}

void
nk_parser_parse(const nk_parser *parser, nk_arena *arena, const char *const *forms,
				const uint32_t *lens, const uint16_t *tags, size_t n,
				int32_t *heads, uint16_t *labels)
{
	parse_words w;
	parse_state s;
	nk_feat		f[PARSE_FEATURES];

	if (n == 0)
		return;
	words_describe(arena, parser->coarse, parser->tags, forms, lens, tags, n, &w);
	state_init(arena, n, &s);
	while (!state_done(&s))
	{
		bool		valid[MOVES];
		int32_t		scores[MOVES] = {0};
		size_t		k = parse_features(&w, &s, f);
		int32_t		h,
					d;
		uint32_t	label = parser->root_label;

		state_valid(&s, valid);
		nk_perceptron_score(&parser->moves, f, k, scores);
		state_apply(&s, best_move(scores, valid), &h, &d);
		if (d >= 0)
		{
			if (h != (int32_t) n)
			{
				int32_t		lscores[NK_PARSER_MAX_RELATIONS] = {0};

				k = label_features(&w, &s, d, h, previous_sibling(&s, h, d), f);
				nk_perceptron_score(&parser->labels, f, k, lscores);
				label = best_relation(lscores, parser->relations, parser->root_label);
			}
			add_arc(&s, h, d, (uint16_t) label);
		}
		nk_interrupt_tick();
	}
	for (size_t i = 0; i < n; i++)
	{
		heads[i] = s.heads[i] == (int32_t) n ? -1 : s.heads[i];
		labels[i] = s.label[i];
	}
}

/* ---- training ---- */

struct nk_parser_trainer
{
	nk_arena   *arena;
	nk_arena   *scratch;
	uint32_t	relations;
	const char *const *relation;
	uint32_t	root_label;
	nk_perceptron_trainer *moves;
	nk_perceptron_trainer *labels;
	uint64_t	random;
	uint32_t	tags;
	const uint8_t *coarse;
};

nk_parser_trainer *
nk_parser_trainer_create(nk_arena *arena, uint32_t relations, const char *const *relation,
						 const char *const *tag_upos, uint32_t tags)
{
	nk_parser_trainer *t = nk_arena_zalloc(arena, sizeof(*t));

	t->tags = tags;
	t->coarse = coarse_tags(arena, tag_upos, tags);
	t->arena = arena;
	t->scratch = nk_arena_create();
	t->relations = relations;
	t->relation = relation;
	t->root_label = UINT32_MAX;
	for (uint32_t r = 0; r < relations; r++)
		if (strcmp(relation[r], "root") == 0)
			t->root_label = r;
	if (t->root_label == UINT32_MAX)
		nk_error("the relations to train have no \"root\"");
	t->moves = nk_perceptron_trainer_create(arena, MOVES);
	t->labels = nk_perceptron_trainer_create(arena, relations);
	t->random = UINT64_C(0x2545f4914f6cdd1d);
	return t;
}

/* Whether some word of others[0..count) has target as gold head or is target's gold head. */
static bool
deps_between(const int32_t *gold, int32_t target, const int32_t *others, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (gold[others[i]] == target || gold[target] == others[i])
			return true;
	return false;
}

/*
 * The moves that lose no gold arc that is still reachable (the dynamic
 * oracle of arc-hybrid): costly[m] is true for the others.  gold[] has
 * n + 1 entries, the root's own -1.
 */
static void
zero_cost(const parse_state *s, const int32_t *gold, const bool *valid, bool *ok)
{
	int32_t		n = (int32_t) s->n;
	int32_t		s0 = s->depth >= 1 ? s->stack[s->depth - 1] : -1;
	int32_t		b = (int32_t) s->b;

	for (int m = 0; m < MOVES; m++)
		ok[m] = valid[m];
	if (s0 < 0 || (valid[MOVE_SHIFT] && gold[b] == s0))
	{
		ok[MOVE_RIGHT] = ok[MOVE_LEFT] = false;
		ok[MOVE_SHIFT] = valid[MOVE_SHIFT];
		return;
	}
	if (gold[s0] == b && valid[MOVE_LEFT])
	{
		ok[MOVE_SHIFT] = ok[MOVE_RIGHT] = false;
		return;
	}
	if (s->depth >= 2 && gold[s0] == s->stack[s->depth - 2])
		ok[MOVE_LEFT] = false;
	if (ok[MOVE_SHIFT] && deps_between(gold, b, s->stack, s->depth))
		ok[MOVE_SHIFT] = false;
	/* s0 popped loses its arcs with the rest of the buffer, the root included */
	for (int32_t i = b + 1; i <= n; i++)
		if (gold[i] == s0 || gold[s0] == i)
		{
			ok[MOVE_LEFT] = ok[MOVE_RIGHT] = false;
			break;
		}
	if (!ok[MOVE_SHIFT] && !ok[MOVE_LEFT] && !ok[MOVE_RIGHT])
	{
		/* a non-projective gold tree: every move costs; take any valid one */
		for (int m = 0; m < MOVES; m++)
			ok[m] = valid[m];
	}
}

size_t
nk_parser_train(nk_parser_trainer *t, const char *const *forms, const uint32_t *lens,
				const uint16_t *tags, size_t n, const int32_t *gold_heads,
				const uint16_t *gold_labels, bool explore)
{
	parse_words w;
	parse_state s;
	nk_feat		f[PARSE_FEATURES];
	int32_t    *gold;
	size_t		right = 0;
	double		scores[MOVES];
	double		lscores[NK_PARSER_MAX_RELATIONS];
	nk_feat		lf[LABEL_FEATURES];

	if (n == 0)
		return 0;
	nk_arena_reset(t->scratch);
	words_describe(t->scratch, t->coarse, t->tags, forms, lens, tags, n, &w);
	state_init(t->scratch, n, &s);
	gold = nk_arena_alloc(t->scratch, (n + 1) * sizeof(int32_t));
	for (size_t i = 0; i < n; i++)
		gold[i] = gold_heads[i] < 0 ? (int32_t) n : gold_heads[i];
	gold[n] = -1;
	while (!state_done(&s))
	{
		bool		valid[MOVES];
		bool		ok[MOVES];
		size_t		k = parse_features(&w, &s, f);
		int			guess = -1;
		int			best = -1;
		int			follow;
		int32_t		h,
					d;

		state_valid(&s, valid);
		zero_cost(&s, gold, valid, ok);
		nk_perceptron_trainer_score(t->moves, f, k, scores);
		for (int m = 0; m < MOVES; m++)
		{
			if (valid[m] && (guess < 0 || scores[m] > scores[guess]))
				guess = m;
			if (ok[m] && (best < 0 || scores[m] > scores[best]))
				best = m;
		}
		nk_perceptron_trainer_update(t->moves, f, k, (uint32_t) best, ok[guess] ? (uint32_t) best : (uint32_t) guess);
		follow = best;
		if (explore && !ok[guess])
		{
			t->random ^= t->random << 13;
			t->random ^= t->random >> 7;
			t->random ^= t->random << 17;
			if ((t->random >> 11) % 10 != 0)
				follow = guess;
		}
		state_apply(&s, follow, &h, &d);
		if (d >= 0)
		{
			uint32_t	label = t->root_label;

			if (h != (int32_t) n)
			{
				size_t		lk = label_features(&w, &s, d, h, previous_sibling(&s, h, d), lf);

				nk_perceptron_trainer_score(t->labels, lf, lk, lscores);
				label = t->root_label == 0 ? 1 : 0;
				for (uint32_t c = 0; c < t->relations; c++)
					if (c != t->root_label && lscores[c] > lscores[label])
						label = c;
				/* the labeller learns from the arcs that are right */
				if (h == gold[d])
				{
					nk_perceptron_trainer_update(t->labels, lf, lk, gold_labels[d], label);
					label = gold_labels[d];
				}
			}
			add_arc(&s, h, d, (uint16_t) label);
		}
	}
	for (size_t i = 0; i < n; i++)
		if (s.heads[i] == gold[i])
			right++;
	return right;
}

void
nk_parser_trainer_finish(nk_parser_trainer *t, nk_model_writer *writer)
{
	size_t		size = 0;
	char	   *names;
	size_t		at = 0;
	const void *blob;

	for (uint32_t r = 0; r < t->relations; r++)
		size += strlen(t->relation[r]) + 1;
	names = nk_arena_alloc(t->arena, size + 1);
	for (uint32_t r = 0; r < t->relations; r++)
		at += (size_t) sprintf(names + at, "%s\n", t->relation[r]);
	nk_model_writer_add(writer, "PARN", names, size);
	blob = nk_perceptron_export(t->arena, t->moves, &size);
	nk_model_writer_add(writer, "PARW", blob, size);
	blob = nk_perceptron_export(t->arena, t->labels, &size);
	nk_model_writer_add(writer, "PARL", blob, size);
	nk_arena_destroy(t->scratch);
	t->scratch = NULL;
}
