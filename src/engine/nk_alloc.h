/*
 * nk_alloc.h
 *	  Memory, error and interrupt handlers of the nkwatch language engine.
 *
 * The engine never calls malloc, exit or a database API itself: its host (the
 * PostgreSQL glue, the command-line driver, a fuzzer) installs handlers once
 * with nk_set_handlers(), as liblwgeom's lwgeom_set_handlers() does.  All
 * memory of one call comes from an nk_arena, released in one piece, so a
 * handler that does not return (ereport, longjmp) loses nothing.
 */
#ifndef NK_ALLOC_H
#define NK_ALLOC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#if defined(__GNUC__) || defined(__clang__)
#define NK_NORETURN __attribute__((noreturn))
#define NK_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define NK_NORETURN
#define NK_PRINTF(f, a)
#endif

typedef struct nk_handlers
{
	/* Return size bytes, or not return at all; never NULL. */
	void	   *(*alloc) (size_t size);
	void		(*release) (void *ptr);
	/* Report an error; must not return. */
	void		(*error) (const char *message) NK_NORETURN;
	/* Give the host a chance to cancel a long call; may not return. */
	void		(*check_interrupts) (void);
} nk_handlers;

/* Install the host's handlers; NULL members keep the defaults (malloc/free/abort). */
extern void nk_set_handlers(const nk_handlers *handlers);

extern void nk_error(const char *fmt,...) NK_PRINTF(1, 2) NK_NORETURN;
extern void nk_check_interrupts(void);
/* nk_check_interrupts() on every 1024th call: for loops over input that do little a pass. */
extern void nk_interrupt_tick(void);

/*
 * Arena: allocations that live until nk_arena_destroy().  Every engine entry
 * point takes the arena its results are allocated in.
 */
typedef struct nk_arena nk_arena;

extern nk_arena *nk_arena_create(void);
extern void nk_arena_destroy(nk_arena *arena);
extern void *nk_arena_alloc(nk_arena *arena, size_t size);
extern void *nk_arena_zalloc(nk_arena *arena, size_t size);
/* Bytes with no alignment, for strings: packs many small ones tightly. */
extern char *nk_arena_alloc_bytes(nk_arena *arena, size_t size);
extern char *nk_arena_strndup(nk_arena *arena, const char *s, size_t n);
extern char *nk_arena_sprintf(nk_arena *arena, const char *fmt,...) NK_PRINTF(2, 3);
extern char *nk_arena_vsprintf(nk_arena *arena, const char *fmt, va_list ap) NK_PRINTF(2, 0);
/* Total bytes the arena has taken from the host (for the memory bounds). */
extern size_t nk_arena_size(const nk_arena *arena);
/* Forget every allocation of the arena, keeping one block for the next ones. */
extern void nk_arena_reset(nk_arena *arena);

/*
 * Growable array in an arena: NK_VEC(type) declares {items, count, capacity};
 * nk_vec_push() returns a pointer to a new zeroed element.  Growing moves the
 * elements: a pointer into the array is good only until the next push.  A
 * large array's old copy is given back to the host when it grows.
 */
#define NK_VEC(type) struct { type *items; size_t count; size_t capacity; }
#define nk_vec_push(arena, vec) \
	((vec)->count == (vec)->capacity \
	 ? nk_vec_grow((arena), (void **) &(vec)->items, &(vec)->capacity, sizeof(*(vec)->items)) : (void) 0, \
	 nk_vec_zero_slot(&(vec)->items[(vec)->count], sizeof(*(vec)->items)), \
	 &(vec)->items[(vec)->count++])

/* Make room for n more elements in one allocation (the slots are not zeroed). */
#define nk_vec_reserve(arena, vec, n) \
	((vec)->capacity - (vec)->count < (n) \
	 ? nk_vec_grow_to((arena), (void **) &(vec)->items, &(vec)->capacity, (vec)->count, \
					  (vec)->count + (n), sizeof(*(vec)->items)) : (void) 0)

extern void nk_vec_grow(nk_arena *arena, void **items, size_t *capacity, size_t elem_size);
extern void nk_vec_grow_to(nk_arena *arena, void **items, size_t *capacity, size_t count,
						   size_t need, size_t elem_size);
extern void nk_vec_zero_slot(void *slot, size_t elem_size);

#endif							/* NK_ALLOC_H */
