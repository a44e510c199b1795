/*
 * fuzz.h
 *	  What the libFuzzer harnesses share: the check that stops a run, and a
 *	  publication time taken from an input's first bytes.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

/* A broken promise of the engine: stop, so that libFuzzer keeps the input. */
#define REQUIRE(cond) do { if (!(cond)) abort(); } while (0)

/* Seconds since 1970 of 4714-11-24 BC and 294277-01-01 AD: timestamptz's range. */
#define PUBLISHED_MIN INT64_C(-210866803200)
#define PUBLISHED_MAX INT64_C(9224318016000)

/*
 * A publication time in timestamptz's range from the first eight bytes of
 * the input, so that the fuzzer explores times too; false for an input of
 * fewer bytes.
 */
static inline bool
fuzz_published(const uint8_t *data, size_t size, int64_t *published)
{
	uint64_t	u = 0;

	if (size < 8)
		return false;
	for (int i = 0; i < 8; i++)
		u = (u << 8) | data[i];
	*published = PUBLISHED_MIN + (int64_t) (u % (uint64_t) (PUBLISHED_MAX - PUBLISHED_MIN));
	return true;
}

#endif							/* FUZZ_H */
