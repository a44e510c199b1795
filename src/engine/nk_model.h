/*
 * nk_model.h
 *	  The model file: named sections of trained data, read in place.
 *
 * The file is written by the training program (src/cli/nkwatch_train.c)
 * and read by the host, which maps it read-only and shares it between
 * processes; the engine only reads bytes it is given.  Layout, all
 * little-endian:
 *
 *	0	"NKWMODEL"			magic
 *	8	uint32 format		NK_MODEL_FORMAT
 *	12	uint32 sections		number of entries in the section table
 *	16	uint64 size			bytes of the whole file
 *	24	uint64 checksum		of bytes 64 .. size (nk_model_checksum)
 *	32	32 bytes			zero
 *	64	sections x { char tag[4]; uint32 zero; uint64 offset; uint64 size }
 *	...	section data, each at a multiple of 16
 *
 * A missing, truncated, corrupt or mismatched file is reported, never read
 * out of bounds.
 */
#ifndef NK_MODEL_H
#define NK_MODEL_H

#include "nk_alloc.h"

#define NK_MODEL_FORMAT 1
#define NK_MODEL_HEADER 64

typedef struct nk_model
{
	const unsigned char *data;
	size_t		size;
	uint32_t	sections;
	uint64_t	checksum;
} nk_model;

/* Check the file's bytes; NULL when it is usable, else what is wrong with it. */
extern const char *nk_model_open(const void *data, size_t size, nk_model *out);

/* The section with this four-letter tag and its size; NULL when there is none. */
extern const void *nk_model_section(const nk_model *model, const char *tag, size_t *size);

/* The checksum the header carries: a 64-bit hash over 8-byte words. */
extern uint64_t nk_model_checksum(const void *data, size_t size);

/* ---- writing ---- */

typedef struct nk_model_writer nk_model_writer;

extern nk_model_writer *nk_model_writer_create(nk_arena *arena);
/* Add a section; data is copied when the file is finished. */
extern void nk_model_writer_add(nk_model_writer *w, const char *tag, const void *data, size_t size);
/* The whole file (in the arena) and its size. */
extern const void *nk_model_writer_finish(nk_model_writer *w, size_t *size);

#endif							/* NK_MODEL_H */
