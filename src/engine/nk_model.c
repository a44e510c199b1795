/*
 * nk_model.c
 *	  The model file's container (see nk_model.h).
 */
#include "nk_model.h"

#include <string.h>

#define NK_MODEL_SECTION_ENTRY 24

static uint64_t
read_u64(const unsigned char *p)
{
	uint64_t	v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static uint32_t
read_u32(const unsigned char *p)
{
	return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
}

static void
write_u64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++, v >>= 8)
		p[i] = (unsigned char) v;
}

static void
write_u32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++, v >>= 8)
		p[i] = (unsigned char) v;
}

uint64_t
nk_model_checksum(const void *data, size_t size)
{
	const unsigned char *p = data;
	uint64_t	h = UINT64_C(0x6a09e667f3bcc908) ^ size;
	size_t		i = 0;

	for (; i + 8 <= size; i += 8)
	{
		h ^= read_u64(p + i);
		h *= UINT64_C(0x9e3779b97f4a7c15);
		h ^= h >> 29;
	}
	for (; i < size; i++)
		h = (h ^ p[i]) * UINT64_C(0x100000001b3);
	return h ^ (h >> 32);
}

const char *
nk_model_open(const void *data, size_t size, nk_model *out)
{
	const unsigned char *p = data;
	uint64_t	declared;

	if (data == NULL || size < NK_MODEL_HEADER)
		return "the model file is too short to be one";
	if (memcmp(p, "NKWMODEL", 8) != 0)
		return "the file is not an nkwatch model (bad magic number)";
	if (read_u32(p + 8) != NK_MODEL_FORMAT)
		return "the model file has another format version than this build reads";
	declared = read_u64(p + 16);
	if (declared != size)
		return "the model file is truncated or has trailing bytes (its size differs from its header's)";
	out->data = p;
	out->size = size;
	out->sections = read_u32(p + 12);
	out->checksum = read_u64(p + 24);
	if ((size - NK_MODEL_HEADER) / NK_MODEL_SECTION_ENTRY < out->sections)
		return "the model file's section table is out of bounds";
	if (nk_model_checksum(p + NK_MODEL_HEADER, size - NK_MODEL_HEADER) != out->checksum)
		return "the model file is corrupt (checksum mismatch)";
	for (uint32_t s = 0; s < out->sections; s++)
	{
		const unsigned char *e = p + NK_MODEL_HEADER + (size_t) s * NK_MODEL_SECTION_ENTRY;
		uint64_t	offset = read_u64(e + 8);
		uint64_t	length = read_u64(e + 16);

		if (offset % 16 != 0 || offset > size || length > size - offset)
			return "the model file has a section out of bounds";
	}
	return NULL;
}

const void *
nk_model_section(const nk_model *model, const char *tag, size_t *size)
{
	for (uint32_t s = 0; s < model->sections; s++)
	{
		const unsigned char *e = model->data + NK_MODEL_HEADER + (size_t) s * NK_MODEL_SECTION_ENTRY;

		if (memcmp(e, tag, 4) == 0)
		{
			*size = (size_t) read_u64(e + 16);
			return model->data + read_u64(e + 8);
		}
	}
	*size = 0;
	return NULL;
}

typedef struct model_part
{
	char		tag[4];
	const void *data;
	size_t		size;
} model_part;

struct nk_model_writer
{
	nk_arena   *arena;
	NK_VEC(model_part) parts;
};

nk_model_writer *
nk_model_writer_create(nk_arena *arena)
{
	nk_model_writer *w = nk_arena_zalloc(arena, sizeof(*w));

	w->arena = arena;
	return w;
}

void
nk_model_writer_add(nk_model_writer *w, const char *tag, const void *data, size_t size)
{
	model_part *part = nk_vec_push(w->arena, &w->parts);

	memcpy(part->tag, tag, 4);
	part->data = data;
	part->size = size;
}

const void *
nk_model_writer_finish(nk_model_writer *w, size_t *size)
{
	size_t		at = NK_MODEL_HEADER + w->parts.count * NK_MODEL_SECTION_ENTRY;
	size_t		total;
	unsigned char *p;

	total = at;
	for (size_t i = 0; i < w->parts.count; i++)
		total = (total + 15) / 16 * 16 + w->parts.items[i].size;
	p = nk_arena_zalloc(w->arena, total);
	memcpy(p, "NKWMODEL", 8);
	write_u32(p + 8, NK_MODEL_FORMAT);
	write_u32(p + 12, (uint32_t) w->parts.count);
	write_u64(p + 16, total);
	for (size_t i = 0; i < w->parts.count; i++)
	{
		unsigned char *e = p + NK_MODEL_HEADER + i * NK_MODEL_SECTION_ENTRY;

		at = (at + 15) / 16 * 16;
		memcpy(e, w->parts.items[i].tag, 4);
		write_u64(e + 8, at);
		write_u64(e + 16, w->parts.items[i].size);
		if (w->parts.items[i].size > 0)
			memcpy(p + at, w->parts.items[i].data, w->parts.items[i].size);
		at += w->parts.items[i].size;
	}
	write_u64(p + 24, nk_model_checksum(p + NK_MODEL_HEADER, total - NK_MODEL_HEADER));
	*size = total;
	return p;
}
