/*
 * nkwatch_cli.c
 *	  The language engine on the command line, for tests, fuzzing and benchmarks.
 *
 *	  nkwatch-cli [--json] [--fetched UNIX_SECONDS] COMMAND [FILE]
 *
 * COMMAND is article or sentences; FILE defaults to standard input.  Rows
 * are printed as TSV (a header line first) or, with --json, one JSON object
 * a line.  Positions are 1-based character positions, as in SQL.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nk_article.h"
#include "nk_sentence.h"
#include "nk_text.h"

static bool json = false;

static char *
read_all(FILE *f, size_t *len)
{
	size_t		cap = 1 << 16;
	size_t		n = 0;
	char	   *buf = malloc(cap);

	if (buf == NULL)
		return NULL;
	for (;;)
	{
		size_t		got;

		if (n == cap)
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
		got = fread(buf + n, 1, cap - n, f);
		if (got == 0)
			break;
		n += got;
	}
	*len = n;
	return buf;
}

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

static void
field(const char *name, bool first)
{
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
	if (!json)
		puts("title\tauthor\tpublished\tdateline\tbody");
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

	if (!json)
		puts("sentence\tpos\tlen\ttext");
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

static int
usage(void)
{
	fputs("usage: nkwatch-cli [--json] [--fetched UNIX_SECONDS] article|sentences [FILE]\n", stderr);
	return 2;
}

int
main(int argc, char **argv)
{
	const char *command = NULL;
	const char *path = NULL;
	int64_t		fetched;
	bool		has_fetched = false;
	FILE	   *f = stdin;
	char	   *text;
	size_t		len;
	nk_arena   *arena;

	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--json") == 0)
			json = true;
		else if (strcmp(argv[i], "--fetched") == 0 && i + 1 < argc)
		{
			fetched = strtoll(argv[++i], NULL, 10);
			has_fetched = true;
		}
		else if (command == NULL)
			command = argv[i];
		else if (path == NULL)
			path = argv[i];
		else
			return usage();
	}
	if (command == NULL)
		return usage();
	if (path != NULL && (f = fopen(path, "rb")) == NULL)
	{
		fprintf(stderr, "nkwatch-cli: %s: %s\n", path, strerror(errno));
		return 1;
	}
	text = read_all(f, &len);
	if (f != stdin)
		fclose(f);
	if (text == NULL)
	{
		fputs("nkwatch-cli: out of memory\n", stderr);
		return 1;
	}
	arena = nk_arena_create();
	if (strcmp(command, "article") == 0)
		print_article(arena, text, len, has_fetched ? &fetched : NULL);
	else if (strcmp(command, "sentences") == 0)
		print_sentences(arena, text, len);
	else
	{
		nk_arena_destroy(arena);
		free(text);
		return usage();
	}
	nk_arena_destroy(arena);
	free(text);
	return 0;
}
