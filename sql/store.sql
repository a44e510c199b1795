-- The store: nk_ingest, idempotence, stories and their counts, the bulk
-- path, nk_reprocess and the dashboard views, on the fixture articles.
SET timezone = 'UTC';
CREATE TEMP TABLE page(file text PRIMARY KEY, raw text, url text, published timestamptz);
\i sql/include/fixture_pages.sql
-- three invented outlets; the two pages without a usable date get one
INSERT INTO page VALUES
  ('01', :'f01', 'https://www.alpha.example/2023/kim-train', NULL),
  ('02', :'f02', 'https://beta.example/summit?id=2', NULL),
  ('03', :'f03', 'http://gamma.example/putin-space', NULL),
  ('04', :'f04', 'https://www.alpha.example/2023/sanctions', NULL),
  ('05', :'f05', 'https://beta.example/what-we-know', NULL),
  ('06', :'f06', NULL, NULL),
  ('07', :'f07', 'https://gamma.example/lavrov', NULL),
  ('08', :'f08', 'https://www.alpha.example/2023/took-home', NULL),
  ('09', :'f09', 'https://beta.example/putin-arrives', '2024-06-19 03:00+00'),
  ('10', :'f10', 'https://gamma.example/treaty', NULL),
  ('11', :'f11', NULL, NULL),
  ('12', :'f12', 'https://www.alpha.example/2024/kursk', '2024-12-19 08:00+00'),
  ('13', :'f13', NULL, '2024-01-01 00:00+00'),
  ('14', :'f14', 'https://beta.example/3000-troops', NULL);

-- ingest every page: one article each
CREATE TEMP TABLE run1 AS
SELECT file, nk_ingest(raw, url, published) AS id FROM page ORDER BY file;
SELECT count(*) AS pages, count(DISTINCT id) AS articles FROM run1;
SELECT r.file, a.outlet, a.published, a.day, cardinality(a.entity_keys) AS keys, a.title
  FROM run1 r JOIN nk_articles a USING (id) ORDER BY r.file;
CREATE TEMP TABLE counts AS
SELECT (SELECT count(*) FROM nk_articles) AS articles, (SELECT count(*) FROM nk_mentions) AS mentions,
       (SELECT count(*) FROM nk_article_events) AS events, (SELECT count(*) FROM nk_stories) AS stories,
       (SELECT sum(num_articles) FROM nk_stories) AS story_articles;
SELECT articles, mentions > 300 AS many_mentions, events > 40 AS many_events, stories > 30 AS many_stories
  FROM counts;

-- stored rows are what the functions give
SELECT count(*) AS mismatched_mentions
  FROM run1 r JOIN nk_articles a USING (id),
       LATERAL (SELECT entity, label, pos FROM nk_entities(a.body)
                EXCEPT SELECT entity, label, pos FROM nk_mentions m WHERE m.article_id = a.id) d;
SELECT count(*) AS mismatched_events
  FROM nk_articles a,
       LATERAL (SELECT event_type, actor, target, status, sentence FROM nk_events(a.body, a.published)
                EXCEPT SELECT event_type, actor, target, status, sentence
                         FROM nk_article_events e WHERE e.article_id = a.id) d;
SELECT count(*) AS wrong_keys FROM nk_articles WHERE entity_keys IS DISTINCT FROM nk_entity_keys(body);
SELECT count(*) AS unlinked FROM nk_article_events
 WHERE story_id IS NULL AND (actor IS NOT NULL OR target IS NOT NULL);

-- ingest again: the same ids, nothing written
CREATE TEMP TABLE run2 AS
SELECT file, nk_ingest(raw, url, published) AS id FROM page ORDER BY file;
SELECT count(*) AS changed_ids FROM run1 JOIN run2 USING (file) WHERE run1.id <> run2.id;
SELECT (SELECT count(*) FROM nk_articles) = articles AS same_articles,
       (SELECT count(*) FROM nk_mentions) = mentions AS same_mentions,
       (SELECT count(*) FROM nk_article_events) = events AS same_events,
       (SELECT count(*) FROM nk_stories) = stories AS same_stories,
       (SELECT sum(num_articles) FROM nk_stories) = story_articles AS same_story_counts
  FROM counts;
-- the same content under no url, or another url, is the stored article; so is the same url with other content
SELECT nk_ingest(raw) = id AS same_content, nk_ingest(raw, 'https://delta.example/copy') = id AS other_url,
       nk_ingest(raw || ' (updated)', url) = id AS same_url
  FROM run1 JOIN page USING (file) WHERE file = '02';
SELECT count(*) AS articles FROM nk_articles;
SELECT nk_ingest(NULL) AS null_raw;

-- the stories several articles report, with the best-supported date and the latest status
SELECT event_type, actor, target, day, date_from, date_to, "precision", status, latest_status,
       num_events, num_articles, num_sources
  FROM nk_stories WHERE num_articles > 1
 ORDER BY num_articles DESC, event_type, actor, target, day;

-- every story's counts agree with its events
CREATE TEMP VIEW story_check AS
SELECT s.id FROM nk_stories s
  LEFT JOIN (SELECT story_id, count(*) AS ev, count(DISTINCT article_id) AS ar,
                    count(DISTINCT coalesce(outlet, '#' || article_id)) AS so,
                    min(reported_at) AS fs, max(reported_at) AS ls
               FROM nk_article_events GROUP BY story_id) e ON e.story_id = s.id
 WHERE e.story_id IS NULL OR (s.num_events, s.num_articles, s.num_sources, s.first_seen, s.last_seen)
       IS DISTINCT FROM (e.ev::int, e.ar::int, e.so::int, e.fs, e.ls);
SELECT count(*) AS inconsistent_stories FROM story_check;

-- delete an article: its rows go, its stories' counts follow, empty stories go
SELECT s.event_type, s.actor, s.target, s.num_articles, s.num_sources
  FROM nk_stories s WHERE s.id IN (SELECT story_id FROM nk_article_events WHERE article_id = (SELECT id FROM run1 WHERE file = '05'))
   AND s.num_articles > 1 ORDER BY 1, 2, 3;
DELETE FROM nk_articles WHERE id = (SELECT id FROM run1 WHERE file = '05');
SELECT (SELECT count(*) FROM nk_mentions m WHERE m.article_id = r.id) AS mentions,
       (SELECT count(*) FROM nk_article_events e WHERE e.article_id = r.id) AS events
  FROM run1 r WHERE file = '05';
SELECT s.event_type, s.actor, s.target, s.day, s.num_articles, s.num_sources
  FROM nk_stories s
 WHERE (s.event_type, s.actor, s.target) IN (('MEET', 'Kim Jong Un', 'Vladimir Putin'), ('VISIT', 'Sergei Lavrov', 'North Korea'))
 ORDER BY 1, 2, 3, 4;
SELECT count(*) AS inconsistent_stories FROM story_check;
SELECT count(*) AS empty_stories FROM nk_stories s
 WHERE NOT EXISTS (SELECT 1 FROM nk_article_events e WHERE e.story_id = s.id);

-- the bulk path: stage every page, ingest in batches of 5; only the deleted one is new
INSERT INTO nk_staging (raw, url, published) SELECT raw, url, published FROM page ORDER BY file;
CALL nk_ingest_staged(5);
SELECT count(*) AS staged FROM nk_staging;
SELECT count(*) AS articles FROM nk_articles;
SELECT (SELECT sum(num_articles) FROM nk_stories) = story_articles AS same_story_counts FROM counts;
SELECT count(*) AS inconsistent_stories FROM story_check;
\set VERBOSITY terse
CALL nk_ingest_staged(0);
\set VERBOSITY default

-- nk_reprocess: unchanged extraction changes nothing; a new gazetteer entry is found
SELECT nk_reprocess() AS reprocessed;
SELECT (SELECT count(*) FROM nk_mentions) = mentions AS same_mentions,
       (SELECT count(*) FROM nk_article_events) = events AS same_events,
       (SELECT sum(num_articles) FROM nk_stories) = story_articles AS same_story_counts
  FROM counts;
SELECT count(*) AS inconsistent_stories FROM story_check;
INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('Angara Launch Complex', 'FAC', 'Angara Launch Complex'),
  ('Angara Launch Complex', 'FAC', 'launch complex');
SELECT count(*) AS before FROM nk_mentions WHERE entity = 'Angara Launch Complex';
SELECT nk_reprocess(ARRAY[(SELECT id FROM run1 WHERE file = '02'), -1]) AS reprocessed;
SELECT m.entity, m.label, m.mention FROM nk_mentions m WHERE entity = 'Angara Launch Complex';
SELECT 'Angara Launch Complex' = ANY (entity_keys) AS in_keys FROM nk_articles WHERE id = (SELECT id FROM run1 WHERE file = '02');
DELETE FROM nk_gazetteer WHERE canonical = 'Angara Launch Complex';
SELECT nk_reprocess(ARRAY[(SELECT id FROM run1 WHERE file = '02')]) AS reprocessed;
SELECT count(*) AS inconsistent_stories FROM story_check;

-- what the deltas of ingest, delete and reprocess kept is what a recount of
-- every story from its events gives
CREATE TEMP VIEW story_values AS
SELECT id, event_type, actor, target, day, date_from, date_to, "precision", status, latest_status, location,
       num_events, num_articles, num_sources, first_seen, last_seen, window_from, window_to
  FROM nk_stories;
CREATE TEMP TABLE kept AS SELECT * FROM story_values;
CREATE TEMP TABLE kept_tallies AS SELECT * FROM nk_story_tallies;
SELECT nk_story_refresh(array_agg(id)) FROM nk_stories;
SELECT (SELECT count(*) FROM kept) > 30 AS many_stories,
       (SELECT count(*) FROM (TABLE kept EXCEPT TABLE story_values) d)
     + (SELECT count(*) FROM (TABLE story_values EXCEPT TABLE kept) d) AS stories_differ,
       (SELECT count(*) FROM (TABLE kept_tallies EXCEPT TABLE nk_story_tallies) d)
     + (SELECT count(*) FROM (TABLE nk_story_tallies EXCEPT TABLE kept_tallies) d) AS tallies_differ;

-- search next to the entity filters
SELECT r.file FROM nk_articles a JOIN run1 r USING (id)
 WHERE a.search @@ websearch_to_tsquery('english', 'cosmodrome') AND a.entity_keys @> ARRAY['Kim Jong Un']
 ORDER BY 1;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM nk_articles WHERE entity_keys @> ARRAY['Kim Jong Un', 'Vladimir Putin'];
EXPLAIN (COSTS OFF) SELECT id FROM nk_articles WHERE search @@ to_tsquery('english', 'treaty');
RESET enable_seqscan;

-- the dashboard views
SELECT day, event_type, status, stories, articles, sources FROM nk_timeline
 WHERE day BETWEEN '2023-09-01' AND '2023-09-30' ORDER BY day, event_type, status;
SELECT day, entity, label, mentions, articles FROM nk_entity_daily
 WHERE entity IN ('Kim Jong Un', 'Vladimir Putin', 'Sergei Lavrov') ORDER BY day, entity;
SELECT date_trunc('month', day)::date AS month, other, sum(articles) AS articles
  FROM nk_cooccurrence WHERE entity = 'Sergei Lavrov'
 GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2 LIMIT 8;
SELECT count(*) AS asymmetric FROM nk_cooccurrence a
 WHERE NOT EXISTS (SELECT 1 FROM nk_cooccurrence b
                    WHERE (b.day, b.entity, b.label, b.other, b.other_label, b.articles)
                        = (a.day, a.other, a.other_label, a.entity, a.label, a.articles));
SELECT relation, reason, a_outlet, b_outlet, a_reported::date AS a_day, b_day,
       left(a_evidence, 60) AS a_evidence, left(b_evidence, 60) AS b_evidence
  FROM nk_conflicts ORDER BY b_day, relation, reason, a_evidence, b_evidence LIMIT 12;
SELECT count(*) AS self_pairs FROM nk_claim_relations WHERE a_article = b_article;
SELECT count(*) AS backwards FROM nk_conflicts WHERE a_reported > b_reported;
SELECT outlet, claims > 0 AS has_claims, agreed, contradicted, updated FROM nk_outlet_record ORDER BY outlet;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM nk_conflicts WHERE b_day >= '2024-10-01';
RESET enable_seqscan;
-- view columns: a date time column and bigint metrics
SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
 WHERE c.table_name IN ('nk_timeline', 'nk_entity_daily', 'nk_cooccurrence', 'nk_outlet_record')
 ORDER BY c.table_name, c.ordinal_position;

-- everything is documented and every table is dumped with user data
SELECT c.relname FROM pg_class c JOIN pg_depend d ON d.objid = c.oid AND d.deptype = 'e'
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'nkwatch')
   AND c.relkind IN ('r', 'v', 'S') AND obj_description(c.oid, 'pg_class') IS NULL AND c.relkind <> 'S'
 ORDER BY 1;
SELECT p.proname FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'nkwatch')
   AND obj_description(p.oid, 'pg_proc') IS NULL ORDER BY 1;
SELECT c.relname, e.extcondition IS NOT NULL AS dumped
  FROM pg_extension x, unnest(x.extconfig, x.extcondition) AS e(cfg, extcondition)
  JOIN pg_class c ON c.oid = e.cfg
 WHERE x.extname = 'nkwatch' ORDER BY 1;

-- a read-only transaction: the writers say so at once, and write nothing
\set SHOW_CONTEXT never
BEGIN READ ONLY;
SELECT nk_ingest('Pyongyang fired a missile into the sea on Monday.', 'https://ro.example/1');
ROLLBACK;
BEGIN READ ONLY;
SELECT nk_reprocess();
ROLLBACK;
\set SHOW_CONTEXT errors
SELECT count(*) AS stored FROM nk_articles WHERE url = 'https://ro.example/1';

-- clean up: the fixture rows go, and the stories with them
DELETE FROM nk_articles;
SELECT count(*) AS stories, (SELECT count(*) FROM nk_mentions) AS mentions,
       (SELECT count(*) FROM nk_claim_relations) AS relations FROM nk_stories;
