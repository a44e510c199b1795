# Makefile for nkwatch, built with PGXS.
#
#   make                 the extension (engine + SQL glue) and its install script
#   make install         into the PostgreSQL that PG_CONFIG names
#   make installcheck    pg_regress and TAP tests against a running server
#   make unit            engine unit tests under AddressSanitizer and UBSan
#   make fuzz            each libFuzzer harness for FUZZ_SECONDS (clang)
#   make cli             build/nkwatch-cli, the engine on the command line
#   make model           build/nkwatch.model, the syntax model, trained from data/treebank/
#                        (part of make all; deterministic: the same file byte for byte)
#   make WERROR=1 ...    warnings are errors (the test build)

EXTENSION = nkwatch
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" nkwatch.control)

# The language engine (src/engine/): plain C, no PostgreSQL headers, one
# pipeline stage per file.  The SQL glue: src/pg/.  The command line: src/cli/.
ENGINE_SRCS = $(sort $(wildcard src/engine/nk_*.c))
GLUE_SRCS = $(sort $(wildcard src/pg/pg_*.c))

MODULE_big = nkwatch
OBJS = $(ENGINE_SRCS:.c=.o) $(GLUE_SRCS:.c=.o)
SHLIB_LINK = -lutf8proc -lm

# The install script is assembled from the ordered parts in sql/install/,
# which load the shipped data files (data/) where they say --@data.  So is
# each upgrade script, from its hand-written part in sql/upgrade/, which
# re-runs the install parts' definitions and reloads the shipped data.  The
# scripts of released versions are frozen as they shipped, in sql/released/.
INSTALL_PARTS = $(sort $(wildcard sql/install/*.sql))
UPGRADE_PARTS = $(sort $(wildcard sql/upgrade/*--*.sql))
UPGRADE_built = $(patsubst sql/upgrade/%.sql,sql/$(EXTENSION)--%.sql,$(UPGRADE_PARTS))
DATA_FILES = $(sort $(wildcard data/*/*.tsv data/lexicon/*.txt))
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql $(UPGRADE_built) build/nkwatch.model
DATA = $(sort $(wildcard sql/released/$(EXTENSION)--*.sql))

REGRESS = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS := $(filter-out $(EXTENSION)--%,$(REGRESS))
# nkwatch needs UTF8 databases: pg_regress creates its database from template0
# with UTF8 encoding whatever the server's default (SQL_ASCII under a POSIX locale).
REGRESS_OPTS = --outputdir=build/regress --load-extension=nkwatch --encoding=UTF8

TAP_TESTS = 1
PROVE_TESTS = $(sort $(wildcard test/t/*.pl))

PG_CONFIG ?= pg_config
WARNINGS = -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers
ifdef WERROR
WARNINGS += -Werror
endif
PG_CFLAGS = $(WARNINGS)
PG_CPPFLAGS = -Isrc/engine -Isrc/pg

EXTRA_CLEAN = build src/*/*.o src/*/*.bc src/engine/nk_events_lexicon.h src/engine/nk_dates_zones.h

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# every object depends on every header (PGXS on Debian tracks no dependencies)
$(OBJS): $(wildcard src/*/*.h) src/engine/nk_events_lexicon.h src/engine/nk_dates_zones.h

sql/$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PARTS) $(DATA_FILES) sql/assemble.pl nkwatch.control
	perl sql/assemble.pl $(EXTVERSION) $(INSTALL_PARTS) > $@.tmp && mv $@.tmp $@

$(UPGRADE_built): sql/$(EXTENSION)--%.sql: sql/upgrade/%.sql $(INSTALL_PARTS) $(DATA_FILES) sql/assemble.pl
	perl sql/assemble.pl $* $< > $@.tmp && mv $@.tmp $@

# initdb will not run as root: test/tap_prove.sh runs prove as the postgres
# user then (see there).
PROVE := $(CURDIR)/test/tap_prove.sh $(PROVE)
# (after the include: Makefile.global empties PROVE_FLAGS)
PROVE_FLAGS = -I ./test/t

# The events stage's lexicons are compiled in from their reviewed data files.
EVENTS_DATA = data/events/cameo.tsv data/events/triggers.tsv data/events/cues.tsv
src/engine/nk_events_lexicon.h: $(EVENTS_DATA) src/engine/gen_events_lexicon.pl
	perl src/engine/gen_events_lexicon.pl $(EVENTS_DATA) > $@.tmp && mv $@.tmp $@
src/engine/nk_events.o src/engine/nk_events.bc: src/engine/nk_events_lexicon.h

# The dates stage's time-zone table likewise (data/dates/zones.tsv).
src/engine/nk_dates_zones.h: data/dates/zones.tsv src/engine/gen_dates_zones.pl
	perl src/engine/gen_dates_zones.pl data/dates/zones.tsv > $@.tmp && mv $@.tmp $@
src/engine/nk_calendar.o src/engine/nk_calendar.bc: src/engine/nk_dates_zones.h

# pg_regress writes its results under build/
installcheck: | build/regress
build/regress:
	mkdir -p $@

# ---- the engine outside the server ----------------------------------------

ENGINE_CC ?= cc
CLANG ?= clang
ENGINE_CFLAGS = -std=c99 -g -O1 -Isrc/engine -Isrc/cli $(WARNINGS) -Wno-unused-parameter
SANITIZE = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
UNIT_SRCS = $(sort $(wildcard test/unit/test_*.c))
UNIT_BINS = $(patsubst test/unit/%.c,build/unit/%,$(UNIT_SRCS))
FUZZ_SRCS = $(sort $(wildcard test/fuzz/fuzz_*.c))
FUZZ_BINS = $(patsubst test/fuzz/%.c,build/fuzz/%,$(FUZZ_SRCS))
FUZZ_SECONDS ?= 30

# The engine is compiled once per flavour (sanitized for unit tests,
# instrumented for fuzzing, optimised for the tools) and linked into each program.
ENGINE_NAMES = $(notdir $(ENGINE_SRCS:.c=.o))
ASAN_OBJS = $(addprefix build/asan/,$(ENGINE_NAMES))
FUZZ_OBJS = $(addprefix build/fuzzobj/,$(ENGINE_NAMES))
OPT_OBJS = $(addprefix build/opt/,$(ENGINE_NAMES))
ENGINE_HEADERS = $(wildcard src/engine/nk_*.h) src/engine/nk_events_lexicon.h src/engine/nk_dates_zones.h

build/asan/%.o: src/engine/%.c $(ENGINE_HEADERS)
	@mkdir -p $(@D)
	$(ENGINE_CC) $(ENGINE_CFLAGS) $(SANITIZE) -c -o $@ $<
build/fuzzobj/%.o: src/engine/%.c $(ENGINE_HEADERS)
	@mkdir -p $(@D)
	$(CLANG) $(ENGINE_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -c -o $@ $<
build/opt/%.o: src/engine/%.c $(ENGINE_HEADERS)
	@mkdir -p $(@D)
	$(ENGINE_CC) -std=c99 -O2 -g -Isrc/engine -Isrc/cli $(WARNINGS) -c -o $@ $<

build/unit/%: test/unit/%.c $(ASAN_OBJS) test/unit/unit.h src/cli/nkwatch_conllu.h src/cli/nkwatch_read.h
	@mkdir -p $(@D)
	$(ENGINE_CC) $(ENGINE_CFLAGS) $(SANITIZE) -Itest/unit -o $@ $< $(ASAN_OBJS) -lutf8proc -lm

.PHONY: unit fuzz cli model
unit: $(UNIT_BINS) build/nkwatch.model build/treebank/en_ewt-ud-dev.conllu
	@status=0; for t in $(UNIT_BINS); do \
	  echo "== $$t"; NKWATCH_DATA=$(CURDIR)/data NKWATCH_MODEL=$(CURDIR)/build/nkwatch.model \
	    NKWATCH_TREEBANK=$(CURDIR)/build/treebank $$t || status=1; done; exit $$status

build/fuzz/%: test/fuzz/%.c $(FUZZ_OBJS) $(wildcard test/fuzz/*.h) src/cli/nkwatch_files.h src/cli/nkwatch_read.h
	@mkdir -p $(@D)
	$(CLANG) $(ENGINE_CFLAGS) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	  -Itest/fuzz -o $@ $< $(FUZZ_OBJS) -lutf8proc -lm

fuzz: $(FUZZ_BINS) build/nkwatch.model
	@status=0; for f in $(FUZZ_BINS); do n=$$(basename $$f); \
	  mkdir -p build/fuzz/corpus-$$n && cp -r test/fuzz/corpus/$${n#fuzz_}/. build/fuzz/corpus-$$n/ 2>/dev/null; \
	  echo "== $$n for $(FUZZ_SECONDS)s"; \
	  NKWATCH_DATA=$(CURDIR)/data NKWATCH_MODEL=$(CURDIR)/build/nkwatch.model $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=build/fuzz/$$n- build/fuzz/corpus-$$n \
	    > build/fuzz/$$n.log 2>&1 || { status=1; tail -40 build/fuzz/$$n.log; }; \
	  grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' build/fuzz/$$n.log | tail -1; done; exit $$status

cli: build/nkwatch-cli
build/nkwatch-cli: src/cli/nkwatch_cli.c src/cli/nkwatch_files.h src/cli/nkwatch_read.h $(OPT_OBJS)
	@mkdir -p $(@D)
	$(ENGINE_CC) -std=c99 -O2 -g -Isrc/engine -Isrc/cli $(WARNINGS) -o $@ $< $(OPT_OBJS) -lutf8proc -lm

# ---- the syntax model -------------------------------------------------------
# Trained from UD English EWT (data/treebank/, CC BY-SA 4.0) by nkwatch-train;
# installed beside the install script, where the server maps it from.
TREEBANK = $(wildcard data/treebank/*.conllu.gz)
build/treebank/%.conllu: data/treebank/%.conllu.gz
	@mkdir -p $(@D)
	gzip -dc $< > $@.tmp && mv $@.tmp $@
# the trainer links only the stages it trains, so a change elsewhere does not retrain the model
TRAIN_OBJS = $(addprefix build/opt/,nk_alloc.o nk_text.o nk_perceptron.o nk_model.o nk_tagger.o nk_lemma.o nk_parser.o)
build/nkwatch-train: src/cli/nkwatch_train.c src/cli/nkwatch_read.h src/cli/nkwatch_conllu.h $(TRAIN_OBJS)
	@mkdir -p $(@D)
	$(ENGINE_CC) -std=c99 -O2 -g -Isrc/engine -Isrc/cli $(WARNINGS) -o $@ $< $(TRAIN_OBJS) -lutf8proc -lm
build/nkwatch.model: build/nkwatch-train build/treebank/en_ewt-ud-train.conllu
	build/nkwatch-train -o $@.tmp build/treebank/en_ewt-ud-train.conllu 2> build/nkwatch-train.log \
	  || { tail -20 build/nkwatch-train.log; exit 1; }
	mv $@.tmp $@
model: build/nkwatch.model

# the engine benchmark of the syntax stage (test/bench/README.md); never run by the tests
.PHONY: bench-syntax
bench-syntax: build/bench-syntax
build/bench-syntax: test/bench/bench_syntax.c src/cli/nkwatch_read.h $(OPT_OBJS)
	@mkdir -p $(@D)
	$(ENGINE_CC) -std=c99 -O2 -g -Isrc/engine -Isrc/cli $(WARNINGS) -o $@ $< $(OPT_OBJS) -lutf8proc -lm
