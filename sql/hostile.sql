-- Hostile input: every SQL function gives a defined answer, never a crash,
-- an endless loop or a result outside the document.
--
-- One table of inputs, one row each; then, for every function, its row
-- counts and whether every row it gave holds the function's contract
-- (mentions are substr(doc, pos, len), sentences exist, date ranges are
-- ordered, confidences lie in [0, 1]...).  substr() counts characters from
-- the start of the text, so it is compared for the first 200 rows of each
-- input; the rest are checked by length and position.  The huge inputs get a query of
-- their own so that each function reads them once.
SET timezone = 'UTC';

CREATE TEMP TABLE hostile (id int PRIMARY KEY, name text NOT NULL, doc text NOT NULL);
-- The queries read the documents from a materialized copy, detoasted once
-- (so that a check of each row does not decompress its document again).

INSERT INTO hostile VALUES
-- empty and blank
(1, 'empty', ''),
(2, 'one space', ' '),
(3, 'blank mix', E' \t\n\r\f\u000b \u00a0\u2003\u3000 '),
(4, '10k newlines', repeat(E'\n', 10000)),
(5, 'one letter', 'a'),
(6, 'one period', '.'),
-- punctuation and digits only
(7, 'ASCII punctuation', repeat('!?.,;:-_/\|@#$%^&*+=~`', 500)),
(8, 'Unicode punctuation', repeat('«»“”‘’—–…·•†‡§¶‰′″', 500)),
(9, 'ten digits', '0123456789'),
(10, '100k digits', repeat('9', 100000)),
(11, '200-digit count', 'North Korea fired ' || repeat('9', 200) || ' missiles on Monday.'),
(12, '200-digit grouped', 'North Korea sent ' || repeat('999,', 66) || '999 troops to Kursk.'),
(13, '200-digit decimal', 'Growth was 3.' || repeat('1', 200) || ' percent in 2023.'),
(14, 'number junk', '-1e999999 +0x7fffffff NaN Infinity 1/0 0.0.0.0 1,,2 ,5 5, 1-2-3-4-5'),
-- giant tokens
(15, '1 MB token', repeat('a', 1000000)),
(16, '1 MB capitalised token', 'K' || repeat('i', 1000000)),
(17, 'hyphen chain', repeat('Kim-', 100000)),
(18, 'abbreviation chain', repeat('U.S.', 100000)),
(19, 'apostrophe chain', repeat('O''', 100000)),
-- nesting
(20, 'nested double quotes', repeat('"', 5000) || 'Kim Jong Un' || repeat('"', 5000)),
(21, 'nested single quotes', repeat('''', 10000) || 'Putin' || repeat('''', 10000)),
(22, 'nested parentheses', repeat('(', 10000) || 'Putin met Kim' || repeat(')', 10000)),
(23, 'nested mixed brackets', repeat('([{<', 2500) || 'x' || repeat('>}])', 2500)),
(24, 'unbalanced quotes', 'He said "' || repeat('and "then ', 2000)),
(25, 'nested reported speech', repeat('"He said ''she said "', 1000)),
-- scripts, direction and combining marks
(26, 'Arabic', 'كيم جونغ أون التقى بوتين في موسكو يوم الاثنين.'),
(27, 'RTL override', E'\u202eKim Jong Un visited Moscow.\u202c \u200fPutin\u200e met him.'),
(28, '1000 combining accents', 'K' || repeat(E'\u0301', 1000) || 'im Jong Un'),
(29, 'zalgo', repeat(E'a\u0300\u0301\u0302\u0303', 3000)),
(30, 'zero-width joiners', E'Kim\u200dJong\u200dUn met\u200d Putin\u200d.'),
(31, 'zero-width spaces', array_to_string(regexp_split_to_array('Kim Jong Un visited Russia on Monday.', ''), E'\u200b')),
(32, 'emoji ZWJ families', repeat(E'\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 ', 1000)),
(33, 'byte-order marks', E'\ufeffKim\ufeff Jong Un\ufeff met\ufeff Putin.\ufeff'),
(34, 'Hangul', '김정은 국무위원장이 블라디미르 푸틴 대통령과 9월 13일 만났다.'),
(35, 'fullwidth Latin', E'\uff2b\uff29\uff2d\u3000\uff2a\uff2f\uff2e\uff27\u3000\uff35\uff2e met Putin.'),
(36, 'Cyrillic homoglyphs', 'Кіm Јоng Un mеt Рutin іn Моscоw.'),
(37, 'line separators', E'Kim left.\u2028Putin stayed.\u2029Then\u0085the talks ended.'),
-- NUL-free junk
(38, 'BMP junk', (SELECT string_agg(chr(1 + (i * 7919) % 55295), '') FROM generate_series(1, 20000) i)),
(39, 'Latin-1 junk', (SELECT string_agg(chr(1 + (i * 131) % 255), '') FROM generate_series(1, 50000) i)),
(40, 'control characters', (SELECT string_agg(chr(1 + i % 31), '') FROM generate_series(1, 20000) i)),
(41, 'astral and private use', (SELECT string_agg(chr(983040 + i * 17), '') FROM generate_series(1, 5000) i) || chr(1114111)),
(42, 'noncharacters', repeat(E'\ufffe\uffff\ufffd', 2000)),
(43, 'HTML', repeat('<div class="x"><p>Kim</p><br/></div>&amp;&#0;', 2000)),
(44, 'URLs and mail', repeat('https://example.com/a?b=c&d=e#f kim@example.com ', 1000)),
(45, 'TSV rows', repeat(E'Kim\tPutin\tMoscow\t2023-09-13\n', 3000)),
(46, 'CRLF lines', repeat(E'The envoy left.\r\n', 5000)),
-- repetition
(47, '5000 full names', repeat('Kim Jong Un ', 5000)),
(48, '5000 names, commas', repeat('Vladimir Putin, ', 5000)),
(49, '3000 surname references', 'Kim Jong Un arrived. ' || repeat('Kim said. ', 3000)),
(50, '10000 titles', repeat('President ', 10000)),
(51, '5000 unknown names', repeat('Xyzzy Plugh ', 5000)),
(52, '5000 abbreviations', repeat('Dr. Mr. Gen. U.S. ', 5000)),
(53, '100k words, no period', repeat('and ', 100000)),
(54, '30k one-letter sentences', repeat('a. ', 30000)),
(55, 'shouting', upper(repeat('kim jong un met putin in pyongyang. ', 1000))),
-- datelines
(56, '2000 datelines', repeat('PYONGYANG, Sept. 13 (KCNA) -- ', 2000)),
(57, 'bare dateline', 'SEOUL, --'),
(58, 'impossible dateline date', 'MOSCOW, Feb. 30 (Reuters) - Kim left on Monday.'),
(59, 'byline bars', repeat('By | | ', 1000)),
(60, 'dateline every line', repeat(E'TOKYO (AP) —\n', 3000)),
-- dates
(61, 'year 0', 'The treaty was signed on January 1, 0 and on 0000-01-01, in the year 0.'),
(62, 'year 99999', 'It ends on December 31, 99999, on 99999-12-31 or in 99999.'),
(63, 'impossible days', 'Feb. 29, 1900; Feb. 29, 2000; 31 April 2023; 32 May 2024; 9999-12-31; 0001-01-01.'),
(64, 'wide ranges', 'From 9999 to 1; between 3000 BC and 2000 AD; 1 to 99999; the 10000s.'),
(65, 'time junk', 'At 25:61:61 pm, 99:99 a.m., 13 p.m. and 24:00 on Sept. 13, 2023.'),
(66, '5000 weekdays', repeat('Monday, ', 5000)),
(67, 'relative chain', repeat('two days before ', 3000) || 'yesterday'),
(68, 'year-only storm', (SELECT string_agg((i % 10000)::text, ' in ') FROM generate_series(1, 5000) i)),
-- events
(69, 'trigger storm', repeat('visited met fired sold denied launched sanctioned ', 2000)),
(70, '3000 meetings', repeat('Kim met Putin. ', 3000)),
(71, 'quantity junk', 'Russia sent ' || repeat('9', 40) || ' to ' || repeat('8', 40) || ' troops and up to -5 tanks.');

SELECT count(*) AS inputs, pg_size_pretty(sum(octet_length(doc))) AS total FROM hostile;

-- sentences and the article parser
WITH h0 AS MATERIALIZED (SELECT id, name, doc || '' AS doc FROM hostile)
SELECT h.id, h.name, octet_length(h.doc) AS bytes, length(h.doc) AS chars,
       s.n AS sentences, s.ok AS sentences_ok,
       a.title IS NULL AS no_title, length(a.body) AS body_chars
FROM h0 h,
     LATERAL (SELECT count(*) AS n,
                     coalesce(bool_and((n > 200 OR substr(h.doc, pos, len) = text) AND length(text) = len
                                       AND len > 0 AND pos + len - 1 <= length(h.doc)), true)
                     AND coalesce(max(sentence), 0) = count(*) AS ok
              FROM nk_sentences(h.doc) WITH ORDINALITY AS x(sentence, pos, len, text, n)) s,
     LATERAL nk_article(h.doc) a
ORDER BY h.id;

-- entities
WITH h0 AS MATERIALIZED (SELECT id, name, doc || '' AS doc FROM hostile)
SELECT h.id, e.n AS mentions, e.ok AS mentions_ok, k.keys, k.keys <= e.n AS keys_ok
FROM h0 h,
     LATERAL (SELECT count(*) AS n,
                     coalesce(bool_and((n > 200 OR substr(h.doc, pos, len) = mention) AND length(mention) = len
                                       AND len > 0 AND pos + len - 1 <= length(h.doc)
                                       AND sentence >= 1 AND confidence BETWEEN 0 AND 1
                                       AND entity <> '' AND label IS NOT NULL), true) AS ok
              FROM nk_entities(h.doc) WITH ORDINALITY
                   AS x(entity, label, mention, pos, len, sentence, source, confidence, n)) e,
     LATERAL (SELECT cardinality(nk_entity_keys(h.doc)) AS keys OFFSET 0) k
ORDER BY h.id;

-- dates, without and with a publication time
CREATE FUNCTION pg_temp.dates_contract(doc text, published timestamptz,
                                       OUT n bigint, OUT resolved bigint, OUT ok boolean)
LANGUAGE sql AS $$
SELECT count(*), count(date_from),
       coalesce(bool_and((k > 200 OR substr(doc, pos, len) = mention) AND length(mention) = len
                         AND len > 0 AND pos + len - 1 <= length(doc) AND sentence >= 1
                         AND (date_from IS NULL) = (date_to IS NULL)
                         AND date_from <= date_to IS NOT FALSE
                         AND "precision" IS NOT NULL), true)
FROM nk_dates(doc, published) WITH ORDINALITY
     AS x(mention, pos, len, sentence, date_from, date_to, "precision", timex, k)
$$;
WITH h0 AS MATERIALIZED (SELECT id, name, doc || '' AS doc FROM hostile)
SELECT h.id, d.n AS dates, d.resolved, d.ok AS dates_ok,
       p.n AS dates_pub, p.resolved AS resolved_pub, p.ok AS dates_pub_ok
FROM h0 h,
     LATERAL pg_temp.dates_contract(h.doc, NULL) d,
     LATERAL pg_temp.dates_contract(h.doc, '2024-03-01 12:00+00') p
ORDER BY h.id;

-- events, without and with a publication time
WITH h0 AS MATERIALIZED (SELECT id, name, doc || '' AS doc FROM hostile)
SELECT h.id, v.n AS events, v.ok AS events_ok, p.n AS events_pub, p.ok AS events_pub_ok
FROM h0 h,
     LATERAL (SELECT count(*) AS n,
                     coalesce(bool_and(pos >= 1 AND len > 0 AND pos + len - 1 <= length(h.doc)
                                       AND sentence >= 1 AND confidence BETWEEN 0 AND 1
                                       AND event_type IS NOT NULL AND cameo IS NOT NULL
                                       AND status IS NOT NULL
                                       AND (actor IS NULL) = (actor_label IS NULL)
                                       AND (target IS NULL) = (target_label IS NULL)
                                       AND date_from <= date_to IS NOT FALSE
                                       AND quantity <= quantity_max IS NOT FALSE), true) AS ok
              FROM nk_events(h.doc)) v,
     LATERAL (SELECT count(*) AS n,
                     coalesce(bool_and(pos >= 1 AND len > 0 AND pos + len - 1 <= length(h.doc)
                                       AND sentence >= 1 AND confidence BETWEEN 0 AND 1
                                       AND (actor IS NULL) = (actor_label IS NULL)
                                       AND (target IS NULL) = (target_label IS NULL)
                                       AND date_from <= date_to IS NOT FALSE), true) AS ok
              FROM nk_events(h.doc, '2024-03-01 12:00+00')) p
ORDER BY h.id;

-- claims; the inputs under 2 kB compared with themselves and a plain sentence
WITH h0 AS MATERIALIZED (SELECT id, name, doc || '' AS doc FROM hostile)
SELECT h.id, c.n AS claims, c.ok AS claims_ok,
       CASE WHEN octet_length(h.doc) < 2000 THEN (nk_compare(h.doc, h.doc)).relation END AS self,
       CASE WHEN octet_length(h.doc) < 2000
            THEN (nk_compare(h.doc, 'North Korea fired two missiles on Monday.')).relation END AS other
FROM h0 h,
     LATERAL (SELECT count(*) AS n,
                     coalesce(bool_and(pos >= 1 AND len > 0 AND pos + len - 1 <= length(h.doc)
                                       AND sentence >= 1 AND predicate IS NOT NULL
                                       AND date_from <= date_to IS NOT FALSE
                                       AND number <= number_max IS NOT FALSE), true) AS ok
              FROM nk_claims(h.doc, '2024-03-01 12:00+00')) c
ORDER BY h.id;

-- words, lemmas, tags and trees: every sentence one tree (the document's
-- length taken once: inputs of 200,000 words give as many rows)
WITH h0 AS MATERIALIZED (SELECT id, name, doc || '' AS doc, length(doc) AS chars FROM hostile)
SELECT h.id, p.n AS words, p.ok AS words_ok
FROM h0 h,
     LATERAL (SELECT count(*) AS n,
                     coalesce(bool_and((k > 200 OR substr(h.doc, pos, len) = text) AND length(text) = len
                                       AND len > 0 AND pos + len - 1 <= h.chars
                                       AND sentence >= 1 AND token >= 1 AND head >= 0
                                       AND lemma IS NOT NULL AND upos IS NOT NULL AND xpos IS NOT NULL
                                       AND deprel IS NOT NULL), true)
                     AND count(*) FILTER (WHERE head = 0) = count(DISTINCT sentence) AS ok
              FROM nk_parse(h.doc) WITH ORDINALITY
                   AS x(sentence, token, text, lemma, upos, xpos, head, deprel, pos, len, k)) p
ORDER BY h.id;

-- no function gives a sentence number beyond the document's sentences
WITH h0 AS MATERIALIZED (SELECT id, name, doc || '' AS doc FROM hostile)
SELECT h.id, f.fn, f.sentence
FROM h0 h,
     LATERAL (SELECT count(*) AS n FROM nk_sentences(h.doc)) s,
     LATERAL (SELECT 'nk_entities' AS fn, sentence FROM nk_entities(h.doc)
              UNION ALL SELECT 'nk_dates', sentence FROM nk_dates(h.doc, '2024-03-01 12:00+00')
              UNION ALL SELECT 'nk_events', sentence FROM nk_events(h.doc, '2024-03-01 12:00+00')
              UNION ALL SELECT 'nk_claims', sentence FROM nk_claims(h.doc, '2024-03-01 12:00+00')
              UNION ALL SELECT 'nk_parse', sentence FROM nk_parse(h.doc)) f
WHERE f.sentence > s.n
ORDER BY 1, 2
LIMIT 5;

-- Publication times at the ends of timestamptz's range: relative dates stay
-- unresolved outside years 1 to 9999, absolute ones resolve.
SELECT p.published, d.mention, d.date_from, d.date_to, d."precision"
FROM (VALUES ('4713-11-24 00:00:00+00 BC'::timestamptz), ('0001-01-01 00:00:00+00'),
             ('9999-12-31 23:59:59+00'), ('294276-12-31 23:59:59+00')) p(published),
     LATERAL nk_dates('PYONGYANG, Jan. 1 -- Yesterday, next year and on Sept. 13, 2023, the envoy met Kim.',
                      p.published) d
ORDER BY p.published, d.pos;
SELECT p.fetched, a.published, a.dateline
FROM (VALUES ('4713-11-24 00:00:00+00 BC'::timestamptz), ('0001-01-01 00:00:00+00'),
             ('294276-12-31 23:59:59+00')) p(fetched),
     LATERAL nk_article(E'A headline about the talks\n\nSept. 13 10:00\n\nThe envoy met Kim in Pyongyang on Monday for the talks.', p.fetched) a
ORDER BY p.fetched;
SELECT count(*) AS events
FROM (VALUES ('4713-11-24 00:00:00+00 BC'::timestamptz), ('294276-12-31 23:59:59+00')) p(published),
     LATERAL nk_events('Kim Jong Un visited Russia yesterday and met Vladimir Putin.', p.published) e;

-- NULL in: NULL or no rows
SELECT nk_entity_keys(NULL) IS NULL AS null_keys,
       (SELECT count(*) FROM nk_entities(NULL)) AS null_entities,
       (SELECT count(*) FROM nk_dates(NULL)) AS null_dates,
       (SELECT count(*) FROM nk_dates(NULL, NULL)) AS null_dates_pub,
       (SELECT count(*) FROM nk_events(NULL)) AS null_events,
       (SELECT count(*) FROM nk_events(NULL, now())) AS null_events_pub,
       (SELECT count(*) FROM nk_claims(NULL)) AS null_claims,
       (SELECT count(*) FROM nk_parse(NULL)) AS null_parse,
       (nk_compare(NULL::text, NULL::text)).relation AS null_compare,
       (nk_article(NULL, now())).body IS NULL AS null_article_fetched,
       (nk_article(E'Headline of a story\n\nA body of some length that goes on.', NULL)).title IS NOT NULL AS null_fetched;

-- Huge: 50 MB documents, each function reading each once.
CREATE TEMP TABLE huge (id int PRIMARY KEY, name text NOT NULL, doc text NOT NULL);
INSERT INTO huge VALUES
(1, '50 MB token', repeat('a', 50000000)),
(2, '50 MB blank', repeat(E' \n', 25000000));
SELECT h.id, h.name, octet_length(h.doc) AS bytes,
       (SELECT count(*) FROM nk_sentences(h.doc)) AS sentences,
       length((nk_article(h.doc)).body) AS body_chars,
       (SELECT count(*) FROM nk_entities(h.doc)) AS mentions,
       cardinality(nk_entity_keys(h.doc)) AS keys,
       (SELECT count(*) FROM nk_dates(h.doc, '2024-03-01 12:00+00')) AS dates,
       (SELECT count(*) FROM nk_events(h.doc, '2024-03-01 12:00+00')) AS events,
       (SELECT count(*) FROM nk_claims(h.doc, '2024-03-01 12:00+00')) AS claims,
       (SELECT count(*) FROM nk_parse(h.doc)) AS words
FROM huge h
ORDER BY h.id;
-- a 10 MB line of words without punctuation: one sentence, one tree
SELECT count(*) AS words, count(*) FILTER (WHERE head = 0) AS roots, max(sentence) AS sentences
FROM nk_parse(repeat('word ', 2000000));

DROP TABLE hostile, huge;
