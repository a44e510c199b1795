/*
 * nk_alloc.c
 *	  Host handlers and the per-call arena of the language engine.
 */
#include "nk_alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *
default_alloc(size_t size)
{
	void	   *p = malloc(size ? size : 1);

	if (p == NULL)
	{
		fputs("nkwatch: out of memory\n", stderr);
		abort();
	}
	return p;
}

NK_NORETURN static void
default_error(const char *message)
{
	fprintf(stderr, "nkwatch: %s\n", message);
	abort();
}

static void
default_check_interrupts(void)
{
}

static nk_handlers handlers = {default_alloc, free, default_error, default_check_interrupts};

void
nk_set_handlers(const nk_handlers *h)
{
	if (h->alloc)
		handlers.alloc = h->alloc;
	if (h->release)
		handlers.release = h->release;
	if (h->error)
		handlers.error = h->error;
	if (h->check_interrupts)
		handlers.check_interrupts = h->check_interrupts;
}

void
nk_error(const char *fmt,...)
{
	char		message[512];
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	handlers.error(message);
}

void
nk_check_interrupts(void)
{
	handlers.check_interrupts();
}

void
nk_interrupt_tick(void)
{
	static unsigned ticks;

	if ((++ticks & 1023) == 0)
		handlers.check_interrupts();
}

/* Blocks are chained; a request larger than a block gets a block of its own. */
#define NK_ARENA_BLOCK (64 * 1024)

typedef struct nk_block
{
	struct nk_block *next;
	size_t		used;
	size_t		size;
	/* payload follows, max-aligned */
} nk_block;

#define NK_ALIGN 16
#define NK_BLOCK_HEADER ((sizeof(nk_block) + NK_ALIGN - 1) & ~(size_t) (NK_ALIGN - 1))

struct nk_arena
{
	nk_block   *head;
	size_t		total;
};

nk_arena *
nk_arena_create(void)
{
	nk_arena   *a = handlers.alloc(sizeof(nk_arena));

	a->head = NULL;
	a->total = 0;
	return a;
}

void
nk_arena_destroy(nk_arena *a)
{
	nk_block   *b;

	if (a == NULL)
		return;
	b = a->head;
	while (b)
	{
		nk_block   *next = b->next;

		handlers.release(b);
		b = next;
	}
	handlers.release(a);
}

/* Take size bytes aligned to align (a power of two) from the arena. */
static void *
arena_take(nk_arena *a, size_t size, size_t align)
{
	nk_block   *b = a->head;
	size_t		at = 0;

	if (size > SIZE_MAX - NK_BLOCK_HEADER - NK_ALIGN)
		nk_error("allocation of %zu bytes overflows", size);
	if (b != NULL)
		at = (b->used + align - 1) & ~(align - 1);
	if (b == NULL || at > b->size || b->size - at < size)
	{
		size_t		payload = size > NK_ARENA_BLOCK / 4 ? size : NK_ARENA_BLOCK;

		b = handlers.alloc(NK_BLOCK_HEADER + payload);
		b->size = payload;
		b->used = 0;
		a->total += NK_BLOCK_HEADER + payload;
		if (payload == size && a->head != NULL)
		{
			/* keep the partly used current block at the head for small requests */
			b->next = a->head->next;
			a->head->next = b;
			b->used = size;
			return (char *) b + NK_BLOCK_HEADER;
		}
		b->next = a->head;
		a->head = b;
		at = 0;
	}
	b->used = at + size;
	return (char *) b + NK_BLOCK_HEADER + at;
}

void *
nk_arena_alloc(nk_arena *a, size_t size)
{
	return arena_take(a, size, NK_ALIGN);
}

char *
nk_arena_alloc_bytes(nk_arena *a, size_t size)
{
	return arena_take(a, size, 1);
}

void *
nk_arena_zalloc(nk_arena *a, size_t size)
{
	void	   *p = nk_arena_alloc(a, size);

	memset(p, 0, size);
	return p;
}

char *
nk_arena_strndup(nk_arena *a, const char *s, size_t n)
{
	char	   *p = nk_arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
nk_arena_vsprintf(nk_arena *a, const char *fmt, va_list ap)
{
	va_list		again;
	int			n;
	char	   *p;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0)
	{
		va_end(again);
		nk_error("could not format a string");
	}
	p = nk_arena_alloc(a, (size_t) n + 1);
	vsnprintf(p, (size_t) n + 1, fmt, again);
	va_end(again);
	return p;
}

char *
nk_arena_sprintf(nk_arena *a, const char *fmt,...)
{
	va_list		ap;
	char	   *p;

	va_start(ap, fmt);
	p = nk_arena_vsprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

size_t
nk_arena_size(const nk_arena *a)
{
	return a->total;
}

void
nk_arena_reset(nk_arena *a)
{
	nk_block   *keep = NULL,
			   *b = a->head;

	a->total = 0;
	while (b)
	{
		nk_block   *next = b->next;

		if (keep == NULL && b->size == NK_ARENA_BLOCK)
		{
			keep = b;
			keep->used = 0;
			keep->next = NULL;
			a->total = NK_BLOCK_HEADER + keep->size;
		}
		else
			handlers.release(b);
		b = next;
	}
	a->head = keep;
}

/*
 * Give back the block of its own that a large allocation at p got, when it
 * has one; a smaller one stays until the arena goes.
 */
static void
arena_give_back(nk_arena *a, void *p, size_t size)
{
	if (size <= NK_ARENA_BLOCK / 4 || a->head == NULL)
		return;
	/* such blocks go in behind the head, or are the head */
	for (nk_block **link = &a->head; *link; link = &(*link)->next)
	{
		nk_block   *b = *link;

		if ((char *) b + NK_BLOCK_HEADER == (char *) p && b->size == b->used)
		{
			if (b == a->head && b->next == NULL)
				return;			/* keep the arena's only block */
			*link = b->next;
			a->total -= NK_BLOCK_HEADER + b->size;
			handlers.release(b);
			return;
		}
	}
}

void
nk_vec_grow(nk_arena *a, void **items, size_t *capacity, size_t elem_size)
{
	size_t		cap = *capacity ? *capacity * 2 : 16;
	void	   *p;

	if (cap > SIZE_MAX / elem_size)
		nk_error("array of %zu elements overflows", cap);
	p = nk_arena_alloc(a, cap * elem_size);
	if (*capacity)
	{
		memcpy(p, *items, *capacity * elem_size);
		arena_give_back(a, *items, *capacity * elem_size);
	}
	*items = p;
	*capacity = cap;
}

/* Grow to at least need elements (and at least double), keeping the first count. */
void
nk_vec_grow_to(nk_arena *a, void **items, size_t *capacity, size_t count, size_t need,
			   size_t elem_size)
{
	size_t		cap = *capacity ? *capacity * 2 : 16;
	void	   *p;

	if (cap < need)
		cap = need;
	if (cap > SIZE_MAX / elem_size)
		nk_error("array of %zu elements overflows", cap);
	p = nk_arena_alloc(a, cap * elem_size);
	if (count)
		memcpy(p, *items, count * elem_size);
	if (*capacity)
		arena_give_back(a, *items, *capacity * elem_size);
	*items = p;
	*capacity = cap;
}

void
nk_vec_zero_slot(void *slot, size_t elem_size)
{
	memset(slot, 0, elem_size);
}
