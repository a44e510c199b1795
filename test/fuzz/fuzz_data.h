/*
 * fuzz_data.h
 *	  The shipped gazetteer and word lists for the libFuzzer harnesses.
 *
 * Built once, in LLVMFuzzerInitialize(), from the data directory: $NKWATCH_DATA
 * (the Makefile's fuzz target sets it), or else ../../data from the
 * harness binary (build/fuzz/fuzz_x in a checkout).  A harness that cannot
 * find the data stops at once rather than fuzz an empty gazetteer.
 */
#ifndef FUZZ_DATA_H
#define FUZZ_DATA_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nkwatch_files.h"

/* The shipped gazetteer, found from $NKWATCH_DATA or the binary's path argv0. */
static nk_gazetteer *
fuzz_shipped_gazetteer(const char *argv0)
{
	const char *env = getenv("NKWATCH_DATA");
	char		dir[4096];
	nk_gazetteer_builder *b = nk_gazetteer_builder_create();
	nk_gazetteer *g;

	if (env && *env)
		snprintf(dir, sizeof(dir), "%s", env);
	else
	{
		const char *slash = strrchr(argv0, '/');
		int			n = slash ? (int) (slash - argv0) : 1;

		snprintf(dir, sizeof(dir), "%.*s/../../data", n, slash ? argv0 : ".");
	}
	if (nkwatch_load_data(b, dir) == 0)
	{
		fprintf(stderr, "no gazetteer files in %s/gazetteer: set NKWATCH_DATA to the data directory\n", dir);
		exit(1);
	}
	g = nk_gazetteer_build(b);
	fprintf(stderr, "gazetteer from %s: %zu entities, %zu aliases\n",
			dir, nk_gazetteer_entity_count(g), nk_gazetteer_alias_count(g));
	return g;
}

#endif							/* FUZZ_DATA_H */
