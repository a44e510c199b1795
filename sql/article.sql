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

-- the publication time as a choice among the dates of a page, on pages of our own
CREATE TEMP TABLE layout(name text PRIMARY KEY, raw text, url text);
INSERT INTO layout VALUES
  ('lead-in weekday and date', E'Tuesday, May 7, 2024 \u2013 The envoy landed in Hanoi for three days of talks on trade.\n\nHe met the premier that evening.', NULL),
  ('date and time with a slash', E'Trending\nBusiness\nMarch 4, 2025 / 6:15 PM\n\nPort of Rason sees new cargo route\n\nBy Lena Ortiz\n\nA new cargo route opened on Tuesday between the two ports, officials said.', NULL),
  ('published and updated', E'Grain deal extended by a year\nPublished: 07 Feb. 2025, 09:40 Updated: 08 Feb. 2025, 10:02\nThe two governments agreed on Friday to extend the grain deal for another year.', NULL),
  ('dateline over date bar', E'Treaty takes force\nMonday, 4 March 2024\nBERLIN, March 3 (Wirepress): The treaty took force on Sunday, the ministry said in a statement.', NULL),
  ('stamp with time over dateline', E'Treaty takes force\n\n09:20, March 4, 2024 (Wirepress)\n\nBERLIN, March 3 (Wirepress) -- The treaty took force on Sunday, the ministry said in a statement.', NULL),
  ('year from a caption', E'HANOI, Aug. 14 (Wirepress) -- The two ministers signed a trade accord on Wednesday, the ministry said.\n\nThis photo taken on Aug. 14, 2024, shows the two ministers at the signing.', NULL),
  ('year from an id', E'(FEEDCO- Gulf Wire (GW)) CAIRO, Feb 11 (GW) -- The envoy arrived in Cairo for talks on the crossing, the agency said.\n\n(end)\n\nFEEDCO11022025000123ID99881', NULL),
  ('year from the text and weekday', E'LIMA, March 6 (Wirepress) -- The minister said Thursday that the talks would resume. The last round was held in November 2023.', NULL),
  ('year from the text', E'LIMA, March 6 (Wirepress) -- The minister said that the talks would resume. The last round was held in November 2023.', NULL),
  ('no year anywhere', E'LIMA, March 6 (Wirepress) -- The minister said the plant would be built by 2030.', NULL),
  ('year from the url', E'LIMA, March 6 (Wirepress) -- The minister said the talks would resume.', 'https://news.example.com/world/2023/03/06/talks-resume/'),
  ('printed date over the url', E'Talks resume\n\nMarch 7, 2023\n\nThe minister said the talks would resume next month.', 'https://news.example.com/2023/03/06/talks-resume/'),
  ('url alone', E'Talks resume\n\nThe minister said the talks would resume next month in the capital.', 'https://news.example.com/view/WN20230306000123/'),
  ('site name over a date bar', E'THE HARBOUR GAZETTE\n\n| 2 June 2024, Sunday |\n\nFishing fleet returns after the storm\n\nThe fleet returned to port on Saturday, the harbour master said.', NULL),
  ('empty date label', E'All stories\nUpdated at:\n\nFishing fleet returns after the storm\n\nThe fleet returned to port on Saturday, the harbour master said.', NULL),
  ('by under an avatar', E'Fishing fleet returns after the storm\nauthor avatar image\nBy Nadia Perel\nJune 2, 2024 4:05 am\n\nThe fleet returned to port on Saturday, the harbour master said.', NULL),
  ('byline with a handle', E'Fishing fleet returns after the storm\n\nBy Nadia Perel @nperel June 2, 2024 \u2022 6:40 PM (UTC+0300)\n\nThe fleet returned to port on Saturday, the harbour master said.', NULL),
  ('headline with a full stop', E'Seoul and Tokyo agree to resume their talks on fishing rights.\n\nBy Nadia Perel\n\nThe two governments agreed on Monday to resume their talks, officials said.', NULL),
  ('byline for an outlet', E'Fishing fleet returns after the storm\n\nBy Nadia Perel for Coast Radio\n\nPosted on June 2, 2024 at 6.40pm\n\nThe fleet returned to port on Saturday, the harbour master said.', NULL);
SELECT name, a.title, a.author, a.published, a.dateline
FROM layout, nk_article(raw, NULL, url) a ORDER BY name;

-- the url form: NULL url or fetched is none; a NULL page is NULL
SELECT (nk_article(E'LIMA, March 6 (Wirepress) -- The talks resume.', NULL, NULL)).published,
       (nk_article(E'LIMA, March 6 (Wirepress) -- The talks resume.', '2024-05-01 00:00+00', NULL)).published,
       (nk_article(E'LIMA, March 6 (Wirepress) -- The talks resume.', '2024-05-01 00:00+00', 'https://example.com/2022/03/07/x')).published,
       (nk_article(NULL, NULL, 'https://example.com/2022/03/07/x')).title IS NULL AS null_page;

-- the dates addresses carry
SELECT u AS url, nk_url_published(u)
FROM unnest(ARRAY['https://www.example.com/news/2024/Nov/29/some-story', 'https://example.org/a/2025-04-30/b',
                  'https://en.example.co.kr/view/AEN20230817000651325', 'http://example.net/2025/07/29/Story/5401753768471/',
                  'example.net/story-20240115-b.html', 'https://example.com/p?date=2024-02-28',
                  'https://example.com/2024/11/', 'https://example.com/item/1731261532',
                  'https://example2024.com/a', 'https://example.com/p?date=2024-02-30', '']) u;
SELECT nk_url_published(NULL) IS NULL AS null_url;
