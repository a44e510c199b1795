-- nk_dates() on a table of 302 time expressions of our own, each with its reference
-- (publication) time and the expected range, precision and TIMEX3 value: every form of the
-- issue and the traps (year boundaries, leap days, the publication weekday itself, "last week"
-- on a Monday, time zones across midnight), from the table test/unit/test_dates.c runs too.
SET timezone = 'UTC';
-- the lines of test/fixtures/dates/expressions.tsv that name a mention, numbered from 1
\set expressions `cat test/fixtures/dates/expressions.tsv`
CREATE TEMP TABLE expr AS
SELECT row_number() OVER (ORDER BY l.n)::int AS id, f[1] AS text,
       CASE WHEN length(f[2]) = 10 THEN f[2] || ' 12:00+00' ELSE f[2] || '+00' END::timestamptz AS published,
       f[3] AS mention, f[4]::date AS date_from, f[5]::date AS date_to, f[6] AS precision, f[7] AS timex
FROM regexp_split_to_table(:'expressions', E'\n') WITH ORDINALITY AS l(line, n),
     LATERAL (SELECT array_replace(string_to_array(l.line, E'\t'), '\N', NULL) AS f) a
WHERE l.line <> '' AND l.line NOT LIKE '#%' AND f[3] IS NOT NULL;

-- each expected mention is found with its range, precision and value: the mismatches
SELECT e.id, e.text, e.mention, d.date_from, d.date_to, d.precision, d.timex
FROM expr e
LEFT JOIN LATERAL (SELECT * FROM nk_dates(e.text, e.published) t WHERE t.mention = e.mention LIMIT 1) d ON true
WHERE d.mention IS NULL
   OR d.date_from IS DISTINCT FROM e.date_from OR d.date_to IS DISTINCT FROM e.date_to
   OR d.precision IS DISTINCT FROM e.precision OR d.timex IS DISTINCT FROM e.timex
ORDER BY e.id;

SELECT count(*) AS expressions, count(DISTINCT precision) AS precisions,
       count(*) FILTER (WHERE published IS NULL) AS without_published
FROM expr;
