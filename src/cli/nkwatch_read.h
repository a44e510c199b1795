/*
 * nkwatch_read.h
 *	  Whole files into memory, for the programs that run the engine outside
 *	  the server (the engine itself reads no files).
 */
#ifndef NKWATCH_READ_H
#define NKWATCH_READ_H

#include <stdio.h>
#include <stdlib.h>

/* All of f, NUL-terminated, in malloc'd memory; NULL when out of memory. */
static inline char *
nkwatch_read_stream(FILE *f, size_t *len)
{
	size_t		cap = 1 << 16;
	size_t		n = 0;
	char	   *buf = malloc(cap);

	if (buf == NULL)
		return NULL;
	for (;;)
	{
		size_t		got;

		if (n + 1 >= cap)
		{
			char	   *bigger;

			cap *= 2;
			bigger = realloc(buf, cap);
			if (bigger == NULL)
			{
				free(buf);
				return NULL;
			}
			buf = bigger;
		}
		got = fread(buf + n, 1, cap - 1 - n, f);
		if (got == 0)
			break;
		n += got;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* The whole file at path, as nkwatch_read_stream(); NULL when it cannot be read. */
static inline char *
nkwatch_read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *text;

	if (f == NULL)
		return NULL;
	text = nkwatch_read_stream(f, len);
	fclose(f);
	return text;
}

#endif							/* NKWATCH_READ_H */
