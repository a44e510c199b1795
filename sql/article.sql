-- nk_article(): headline, byline, publication time and body of every fixture page
SET timezone = 'UTC';
CREATE TEMP TABLE page(file text PRIMARY KEY, raw text, expected_sentences text);
\i sql/include/fixture_pages.sql
\set s01 `cat test/fixtures/articles/sentences/01-kim-train-arrives.txt`
\set s02 `cat test/fixtures/articles/sentences/02-summit-at-vostochny.txt`
\set s03 `cat test/fixtures/articles/sentences/03-putin-space-help.txt`
\set s04 `cat test/fixtures/articles/sentences/04-us-sanctions-warning.txt`
\set s05 `cat test/fixtures/articles/sentences/05-what-we-know.txt`
\set s06 `cat test/fixtures/articles/sentences/06-seoul-concern-yonhap.txt`
\set s07 `cat test/fixtures/articles/sentences/07-lavrov-arrives.txt`
\set s08 `cat test/fixtures/articles/sentences/08-what-kim-took-home.txt`
\set s09 `cat test/fixtures/articles/sentences/09-kcna-putin-arrives.txt`
\set s10 `cat test/fixtures/articles/sentences/10-treaty-signed.txt`
\set s11 `cat test/fixtures/articles/sentences/11-tass-ushakov-treaty.txt`
\set s12 `cat test/fixtures/articles/sentences/12-troops-kursk-10000.txt`
\set s13 `cat test/fixtures/articles/sentences/13-boilerplate-only.txt`
\set s14 `cat test/fixtures/articles/sentences/14-ap-3000-troops.txt`
INSERT INTO page VALUES
  ('01', :'f01', :'s01'), ('02', :'f02', :'s02'), ('03', :'f03', :'s03'), ('04', :'f04', :'s04'),
  ('05', :'f05', :'s05'), ('06', :'f06', :'s06'), ('07', :'f07', :'s07'), ('08', :'f08', :'s08'),
  ('09', :'f09', :'s09'), ('10', :'f10', :'s10'), ('11', :'f11', :'s11'), ('12', :'f12', :'s12'),
  ('13', :'f13', :'s13'), ('14', :'f14', :'s14');

\x on
SELECT file, a.title, a.author, a.published, a.dateline
FROM page, nk_article(raw) a ORDER BY file;
\x off

-- no sentence of a story is dropped: every expected sentence is in the body
SELECT file, count(*) AS sentences,
       count(*) FILTER (WHERE strpos((nk_article(raw)).body, s) = 0) AS dropped
FROM page, regexp_split_to_table(expected_sentences, E'\n') s
WHERE s <> '' GROUP BY file ORDER BY file;

-- and no furniture is left in it
SELECT file, line
FROM page, regexp_split_to_table((nk_article(raw)).body, E'\n') line
WHERE line ~* '^(trending now|most read|advertisement|related:|read more|print friendly|leave a comment|share this|photo:|sign up|watch:)'
   OR line ~* '(getty images|shutterstock|email address will not be published|all rights reserved)'
ORDER BY file;

-- the body of a page without furniture is the page
SELECT title, author, published, dateline, body
FROM nk_article(E'Kim visits Vladivostok\n\nBy Ana Lee\n\nMarch 3, 2024\n\nThe train arrived on Sunday. Kim waved.');

-- a printed date without a year: from the page's own full date, from fetched, or NULL
SELECT published, dateline FROM nk_article(E'Talks in Seoul\n\n| 1 October 2023, Sunday |\n\nSEOUL, Sept. 20 (Yonhap) -- The ministers met on Wednesday in Seoul to discuss the talks.');
SELECT published, dateline FROM nk_article(E'Talks in Seoul\n\nSEOUL, Sept. 20 (Yonhap) -- The ministers met on Wednesday in Seoul to discuss the talks.');
SELECT published FROM nk_article(E'Talks in Seoul\n\nSEOUL, Sept. 20 (Yonhap) -- The ministers met on Wednesday in Seoul to discuss the talks.', '2024-03-01 00:00+00');
SELECT published FROM nk_article(E'Talks in Seoul\n\nSEOUL, Sept. 20 (Yonhap) -- The ministers met on Wednesday in Seoul to discuss the talks.', '2024-09-25 00:00+00');
SELECT published FROM nk_article(E'Talks in Seoul\n\nSEOUL, Sept. 20 (Yonhap) -- The ministers met on Wednesday in Seoul to discuss the talks.', NULL);

-- time zones and offsets
SELECT d AS printed, (nk_article(E'A headline for the test\n\n' || d || E'\n\nThe envoy arrived in the capital on Monday for two days of talks.')).published
FROM unnest(ARRAY['Sep.12 - 2023 3:46 PM CET', '13 September 2023', '2023-09-13T07:30:00Z',
                  'Updated 10:21 AM EDT, Wed September 13, 2023', 'Oct. 18, 2023 - 19:45',
                  '2024-06-19 09:15 +09:00', '18 JUN 2024, 14:05 MSK', '19:45 KST June 18, 2024',
                  'Posted : June 18, 2024 07:00 PDT']) d;
