/*
 * nkwatch_cli.c
 *	  The language engine on the command line, for tests, fuzzing and benchmarks.
 *
 *	  nkwatch-cli [--json] [--fetched SECONDS] [--published SECONDS] [--page]
 *				  [--data DIR] [--model FILE] [--list LIST] COMMAND [FILE]...
 *
 * COMMAND is article, sentences, entities, dates, events or parse (the
 * parse of each sentence in CoNLL-U, with the syntax model FILE: default
 * $NKWATCH_MODEL, else build/nkwatch.model); FILE defaults
 * to standard input.  Rows are printed as TSV (a header line first) or,
 * with --json, one JSON object a line.  Positions are 1-based character
 * positions, as in SQL.  --page reads FILE as a raw page and runs the later
 * stages on its body (as nk_events((nk_article(raw)).body, published)), with
 * the page's own publication time unless --published gives one (seconds
 * since 1970).  The gazetteer is loaded from the .tsv files of DIR/gazetteer and the
 * word lists from DIR/lexicon (default: $NKWATCH_DATA, else ./data).
 *
 * Many files are read in one run, the gazetteer loaded once: the FILEs, then
 * the lines of LIST ("-": standard input), each a path or a path, a tab and
 * the file's own publication time in seconds since 1970 (in place of
 * --published).  With more than one file, or with --list, every row starts
 * with a "file" field, the path of the file it comes from.
 */
#define _POSIX_C_SOURCE 200809L	/* opendir, strdup */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nk_article.h"
#include "nk_calendar.h"
#include "nk_dates.h"
#include "nk_entities.h"
#include "nk_events.h"
#include "nk_sentence.h"
#include "nk_text.h"
#include "nk_syntax.h"
#include "nk_words.h"
#include "nkwatch_files.h"

static bool json = false;

/* the path that starts each row, when there are several files; whether the TSV header is out */
static const char *row_file = NULL;
static bool header_done = false;

/* Print s as a JSON string or a TSV field (tabs, newlines and backslashes escaped). */
static void
put_string(const char *s, size_t n)
{
	if (s == NULL)
	{
		fputs(json ? "null" : "\\N", stdout);
		return;
	}
	if (json)
		putchar('"');
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '\\' || (json && c == '"'))
			printf("\\%c", c);
		else if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\t')
			fputs("\\t", stdout);
		else if (c == '\r')
			fputs("\\r", stdout);
		else if (c < 0x20)
			printf(json ? "\\u%04x" : "\\x%02x", c);
		else
			putchar(c);
	}
	if (json)
		putchar('"');
}

static void
put_cstring(const char *s)
{
	put_string(s, s ? strlen(s) : 0);
}

/* The TSV header line, once a run; with several files, after a "file" column. */
static void
header(const char *columns)
{
	if (json || header_done)
		return;
	printf("%s%s\n", row_file ? "file\t" : "", columns);
	header_done = true;
}

static void
field(const char *name, bool first)
{
	if (first && row_file)
	{
		fputs(json ? "{\"file\": " : "", stdout);
		put_cstring(row_file);
		first = false;
	}
	if (json)
		printf("%s\"%s\": ", first ? "{" : ", ", name);
	else if (!first)
		putchar('\t');
}

static void
end_row(void)
{
	puts(json ? "}" : "");
}

static void
print_article(nk_arena *arena, const char *text, size_t len, const int64_t *fetched)
{
	nk_article a;

	nk_parse_article(arena, text, len, fetched, &a);
	header("title\tauthor\tpublished\tdateline\tbody");
	field("title", true);
	put_cstring(a.title);
	field("author", false);
	put_cstring(a.author);
	field("published", false);
	if (a.has_published)
		printf(json ? "%lld" : "%lld", (long long) a.published);
	else
		fputs(json ? "null" : "\\N", stdout);
	field("dateline", false);
	put_cstring(a.dateline);
	field("body", false);
	put_string(a.body, a.body_len);
	end_row();
}

static void
print_sentences(nk_arena *arena, const char *text, size_t len)
{
	nk_doc	   *d = nk_doc_build(arena, text, len);
	size_t		at_byte = 0;	/* characters before at_byte: at_chars */
	size_t		at_chars = 0;

	header("sentence\tpos\tlen\ttext");
	for (size_t i = 0; i < d->sentences.count; i++)
	{
		const nk_span *s = &d->sentences.items[i];

		field("sentence", true);
		printf("%zu", i + 1);
		field("pos", false);
		/* count on from the previous sentence, not from the start: linear */
		if (s->start < at_byte)
			at_byte = at_chars = 0;
		at_chars += nk_utf8_count(text + at_byte, s->start - at_byte);
		at_byte = s->start;
		printf("%zu", at_chars + 1);
		field("len", false);
		printf("%zu", nk_utf8_count(text + s->start, s->len));
		field("text", false);
		put_string(text + s->start, s->len);
		end_row();
	}
}

/* Bytes of a CoNLL-U field or comment: tabs and line breaks as spaces. */
static void
put_conllu(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		putchar(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
}

/*
 * The parse of each sentence in CoNLL-U: a range line for each split token,
 * then a line for each word with its lemma, tags, head and relation.
 */
static void
print_parse(nk_arena *arena, const nk_syntax_model *model, const char *text, size_t len)
{
	nk_doc	   *d = nk_doc_build(arena, text, len);
	nk_syntax  *syntax = nk_syntax_parse(arena, d, model);

	if (row_file)
		printf("# newdoc id = %s\n", row_file);
	for (size_t s = 0; s < syntax->sentence_count; s++)
	{
		const nk_span *span = &d->sentences.items[s];
		size_t		first = syntax->sentence_first[s];
		size_t		end = syntax->sentence_first[s + 1];

		if (row_file)
			printf("# sent_id = %s-%zu\n", row_file, s + 1);
		else
			printf("# sent_id = %zu\n", s + 1);
		fputs("# text = ", stdout);
		put_conllu(text + span->start, span->len);
		putchar('\n');
		for (size_t i = first; i < end; i++)
		{
			const nk_parsed_word *word = &syntax->words[i];
			size_t		id = i - first + 1;

			if (word->flags & NK_WORD_SPLIT_FIRST)
			{
				size_t		parts = 1;
				const nk_parsed_word *last;

				while (i + parts < end && (syntax->words[i + parts].flags & NK_WORD_SPLIT) &&
					   !(syntax->words[i + parts].flags & NK_WORD_SPLIT_FIRST))
					parts++;
				last = &syntax->words[i + parts - 1];
				printf("%zu-%zu\t", id, id + parts - 1);
				put_conllu(text + word->start, last->start + last->len - word->start);
				printf("\t_\t_\t_\t_\t_\t_\t_\t%s\n",
					   last->flags & NK_WORD_SPACE_AFTER ? "_" : "SpaceAfter=No");
			}
			printf("%zu\t", id);
			put_conllu(word->form, strlen(word->form));
			putchar('\t');
			put_conllu(word->lemma, strlen(word->lemma));
			printf("\t%s\t%s\t_\t%d\t%s\t_\t%s\n", nk_syntax_upos(model, word->tag),
				   nk_syntax_xpos(model, word->tag), word->head + 1,
				   nk_syntax_relation(model, word->relation),
				   (word->flags & (NK_WORD_SPACE_AFTER | NK_WORD_SPLIT)) ? "_" : "SpaceAfter=No");
		}
		putchar('\n');
	}
}

/* The syntax model from the file at path, kept for the whole run; exits when unusable. */
static nk_syntax_model *
load_model(const char *path)
{
	size_t		size;
	char	   *data = nkwatch_read_file(path, &size);
	nk_syntax_model *model = malloc(sizeof(nk_syntax_model));
	const char *error;

	if (data == NULL || model == NULL)
	{
		fprintf(stderr, "nkwatch-cli: cannot read the syntax model %s (set --model or NKWATCH_MODEL; make builds it)\n", path);
		exit(1);
	}
	if ((error = nk_syntax_model_open(nk_arena_create(), data, size, model)) != NULL)
	{
		fprintf(stderr, "nkwatch-cli: %s: %s\n", path, error);
		exit(1);
	}
	return model;
}

/* Build the gazetteer from the data directory dir (nkwatch_load_data()). */
static nk_gazetteer *
load_gazetteer(const char *dir)
{
	nk_gazetteer_builder *b = nk_gazetteer_builder_create();

	if (nkwatch_load_data(b, dir) == 0)
	{
		fprintf(stderr, "nkwatch-cli: no gazetteer files in %s/gazetteer (set --data or NKWATCH_DATA)\n", dir);
		exit(1);
	}
	return nk_gazetteer_build(b);
}

static void
put_date(bool has, int32_t days)
{
	int			y,
				m,
				d;

	if (!has)
	{
		fputs(json ? "null" : "\\N", stdout);
		return;
	}
	nk_civil_from_days(days, &y, &m, &d);
	printf(json ? "\"%04d-%02d-%02d\"" : "%04d-%02d-%02d", y, m, d);
}

static void
put_position(const char *text, const nk_span *span)
{
	/* count on from the previous position: the rows come in text order */
	static const char *last_text;
	static size_t last_byte,
				last_chars;

	if (text != last_text || span->start < last_byte)
	{
		last_text = text;
		last_byte = last_chars = 0;
	}
	last_chars += nk_utf8_count(text + last_byte, span->start - last_byte);
	last_byte = span->start;
	printf("%zu", last_chars + 1);
	field("len", false);
	printf("%zu", nk_utf8_count(text + span->start, span->len));
}

static void
print_entities(nk_arena *arena, const char *text, size_t len, const nk_gazetteer *g)
{
	nk_entity_list list = {0};

	nk_extract_entities(arena, nk_doc_build(arena, text, len), g, &list);
	header("entity\tlabel\tmention\tpos\tlen\tsentence\tsource\tconfidence");
	for (size_t i = 0; i < list.count; i++)
	{
		const nk_entity_mention *m = &list.items[i];
		nk_span		span = {m->start, m->len};

		field("entity", true);
		put_cstring(m->entity);
		field("label", false);
		put_cstring(nk_label_name(m->label));
		field("mention", false);
		put_string(text + m->start, m->len);
		field("pos", false);
		put_position(text, &span);
		field("sentence", false);
		printf("%d", m->sentence + 1);
		field("source", false);
		put_cstring(nk_entity_source_name(m->source));
		field("confidence", false);
		printf("%.2f", m->confidence);
		end_row();
	}
}

static void
print_dates(nk_arena *arena, const char *text, size_t len, const int64_t *published)
{
	nk_date_list list = {0};

	nk_extract_dates(arena, nk_doc_build(arena, text, len), published, &list);
	header("mention\tpos\tlen\tsentence\tdate_from\tdate_to\tprecision\ttimex");
	for (size_t i = 0; i < list.count; i++)
	{
		const nk_date_mention *d = &list.items[i];

		field("mention", true);
		put_string(text + d->span.start, d->span.len);
		field("pos", false);
		put_position(text, &d->span);
		field("sentence", false);
		printf("%d", d->sentence + 1);
		field("date_from", false);
		put_date(d->resolved, d->date_from);
		field("date_to", false);
		put_date(d->resolved, d->date_to);
		field("precision", false);
		put_cstring(nk_precision_name(d->precision));
		field("timex", false);
		put_cstring(d->timex);
		end_row();
	}
}

static void
print_events(nk_arena *arena, const char *text, size_t len, const nk_gazetteer *g,
			 const int64_t *published)
{
	nk_event_list list = {0};

	nk_events_of_doc(arena, nk_doc_build(arena, text, len), g, published, &list);
	header("event_type\tactor\ttarget\tlocation\titems\tquantity\tdate_from\tdate_to\tstatus\tsource\tsentence\tconfidence\tevidence");
	for (size_t i = 0; i < list.count; i++)
	{
		const nk_event *e = &list.items[i];

		field("event_type", true);
		put_cstring(nk_event_type(e->type)->name);
		field("actor", false);
		put_cstring(e->actor);
		field("target", false);
		put_cstring(e->target);
		field("location", false);
		put_cstring(e->location);
		field("items", false);
		if (json)
			putchar('[');
		for (size_t k = 0; k < e->n_items; k++)
		{
			if (k)
				fputs(json ? ", " : "|", stdout);
			put_cstring(e->items[k]);
		}
		if (json)
			putchar(']');
		field("quantity", false);
		if (e->has_quantity)
			printf("%lld", (long long) e->quantity);
		else
			fputs(json ? "null" : "\\N", stdout);
		field("date_from", false);
		put_date(e->has_date, e->date_from);
		field("date_to", false);
		put_date(e->has_date, e->date_to);
		field("status", false);
		put_cstring(nk_event_status_name(e->status));
		field("source", false);
		put_cstring(e->source);
		field("sentence", false);
		printf("%d", e->sentence + 1);
		field("confidence", false);
		printf("%.2f", e->confidence);
		field("evidence", false);
		put_string(text + e->evidence.start, e->evidence.len);
		end_row();
	}
}

static int
usage(void)
{
	fputs("usage: nkwatch-cli [--json] [--fetched SECONDS] [--published SECONDS] [--page] [--data DIR] [--model FILE]\n"
		  "                   [--list LIST] article|sentences|entities|dates|events|parse [FILE]...\n", stderr);
	return 2;
}

/* One file to read: its path (NULL: standard input) and its own publication time. */
typedef struct input
{
	const char *path;
	bool		has_published;
	int64_t		published;
} input;

/* What every file of a run shares. */
typedef struct run
{
	const char *command;
	const int64_t *fetched;
	const int64_t *published;
	bool		page;
	nk_gazetteer *g;
	const nk_syntax_model *model;
} run;

/* Run the command on one file; false when it cannot be read. */
static bool
run_file(const run *r, const input *in)
{
	FILE	   *f = stdin;
	char	   *text;
	size_t		len;
	nk_arena   *arena;
	int64_t		published = 0;
	bool		has_published = false;

	if (in->path != NULL && (f = fopen(in->path, "rb")) == NULL)
	{
		fprintf(stderr, "nkwatch-cli: %s: %s\n", in->path, strerror(errno));
		return false;
	}
	text = nkwatch_read_stream(f, &len);
	if (f != stdin)
		fclose(f);
	if (text == NULL)
	{
		fputs("nkwatch-cli: out of memory\n", stderr);
		return false;
	}
	if (in->has_published)
	{
		published = in->published;
		has_published = true;
	}
	else if (r->published)
	{
		published = *r->published;
		has_published = true;
	}
	arena = nk_arena_create();
	if (strcmp(r->command, "article") == 0)
		print_article(arena, text, len, r->fetched);
	else
	{
		const char *doc = text;
		size_t		doc_len = len;

		if (r->page)
		{
			nk_article	a;

			nk_parse_article(arena, text, len, r->fetched, &a);
			doc = a.body;
			doc_len = a.body_len;
			if (!has_published && a.has_published)
			{
				published = a.published;
				has_published = true;
			}
		}
		if (strcmp(r->command, "sentences") == 0)
			print_sentences(arena, doc, doc_len);
		else if (strcmp(r->command, "parse") == 0)
			print_parse(arena, r->model, doc, doc_len);
		else if (strcmp(r->command, "entities") == 0)
			print_entities(arena, doc, doc_len, r->g);
		else if (strcmp(r->command, "dates") == 0)
			print_dates(arena, doc, doc_len, has_published ? &published : NULL);
		else
			print_events(arena, doc, doc_len, r->g, has_published ? &published : NULL);
	}
	nk_arena_destroy(arena);
	free(text);
	return true;
}

/*
 * Append the files of the list text (a path a line, or a path, a tab and a
 * publication time) to inputs[*n..]; the paths point into text, which the
 * call ends with NULs.
 */
static void
add_list(char *text, size_t len, input *inputs, size_t *n)
{
	char	   *line = text;
	char	   *end = text + len;

	while (line < end)
	{
		char	   *nl = memchr(line, '\n', end - line);
		char	   *tab;

		if (nl == NULL)
			nl = end;
		*nl = '\0';
		if (nl > line && nl[-1] == '\r')
			nl[-1] = '\0';
		if (*line != '\0')
		{
			input	   *in = &inputs[(*n)++];

			in->path = line;
			in->has_published = false;
			if ((tab = strchr(line, '\t')) != NULL)
			{
				*tab = '\0';
				in->published = strtoll(tab + 1, NULL, 10);
				in->has_published = true;
			}
		}
		line = nl + 1;
	}
}

int
main(int argc, char **argv)
{
	run			r = {NULL, NULL, NULL, false, NULL, NULL};
	int64_t		fetched;
	int64_t		published;
	const char *data = getenv("NKWATCH_DATA") ? getenv("NKWATCH_DATA") : "data";
	const char *model = getenv("NKWATCH_MODEL") ? getenv("NKWATCH_MODEL") : "build/nkwatch.model";
	const char *list = NULL;
	char	   *list_text = NULL;
	size_t		list_len = 0;
	input	   *inputs;
	size_t		n = 0;
	int			status = 0;

	/* at most one input per argument and per list line */
	inputs = malloc(argc * sizeof(input));
	if (inputs == NULL)
		return 1;
	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--json") == 0)
			json = true;
		else if (strcmp(argv[i], "--fetched") == 0 && i + 1 < argc)
		{
			fetched = strtoll(argv[++i], NULL, 10);
			r.fetched = &fetched;
		}
		else if (strcmp(argv[i], "--published") == 0 && i + 1 < argc)
		{
			published = strtoll(argv[++i], NULL, 10);
			r.published = &published;
		}
		else if (strcmp(argv[i], "--page") == 0)
			r.page = true;
		else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
			data = argv[++i];
		else if (strcmp(argv[i], "--model") == 0 && i + 1 < argc)
			model = argv[++i];
		else if (strcmp(argv[i], "--list") == 0 && i + 1 < argc)
			list = argv[++i];
		else if (r.command == NULL)
			r.command = argv[i];
		else
		{
			inputs[n].path = argv[i];
			inputs[n++].has_published = false;
		}
	}
	if (r.command == NULL ||
		(strcmp(r.command, "article") != 0 && strcmp(r.command, "sentences") != 0 &&
		 strcmp(r.command, "entities") != 0 && strcmp(r.command, "dates") != 0 &&
		 strcmp(r.command, "events") != 0 && strcmp(r.command, "parse") != 0))
		return usage();
	if (list != NULL)
	{
		input	   *more;

		if (strcmp(list, "-") == 0)
			list_text = nkwatch_read_stream(stdin, &list_len);
		else
			list_text = nkwatch_read_file(list, &list_len);
		if (list_text == NULL)
		{
			fprintf(stderr, "nkwatch-cli: %s: %s\n", list, strerror(errno));
			return 1;
		}
		if ((more = realloc(inputs, (n + list_len + 1) * sizeof(input))) == NULL)
			return 1;
		inputs = more;
		add_list(list_text, list_len, inputs, &n);
	}
	else if (n == 0)
	{
		inputs[0].path = NULL;
		inputs[n++].has_published = false;
	}
	if (strcmp(r.command, "entities") == 0 || strcmp(r.command, "events") == 0)
		r.g = load_gazetteer(data);
	if (strcmp(r.command, "parse") == 0)
		r.model = load_model(model);
	for (size_t k = 0; k < n && status == 0; k++)
	{
		if (n > 1 || list != NULL)
			row_file = inputs[k].path;
		if (!run_file(&r, &inputs[k]))
			status = 1;
	}
	if (r.g)
		nk_gazetteer_destroy(r.g);
	free(list_text);
	free(inputs);
	return status;
}
