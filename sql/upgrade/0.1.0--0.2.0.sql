-- nkwatch 0.1.0 to 0.2.0: the hand-written part of the upgrade script, which
-- sql/assemble.pl makes into sql/nkwatch--0.1.0--0.2.0.sql at build time.
-- test/t/031_upgrade.pl checks that 0.1.0 updated by it has the catalog and
-- the shipped rows of a fresh CREATE EXTENSION, and every user row it had.
--
-- How to carry a change of sql/install/ over to here:
--   - A function, procedure, view or trigger changed or added, a COMMENT ON
--     changed or added: nothing to do.  Section 2 re-runs all of those from
--     the install parts as CREATE OR REPLACE (and the DO block that sets the
--     functions' search_path, so DO blocks there must stay re-runnable).
--   - What CREATE OR REPLACE cannot change: a function's argument types or
--     names, its result type or OUT columns, a view's existing columns (new
--     ones at the end are fine), a trigger's table.  DROP the old object in
--     section 1; section 2 creates the new one.  DROP removed objects there.
--   - Tables, columns, defaults, constraints, indexes, types, sequences,
--     grants, pg_extension_config_dump: write the ALTER/CREATE/GRANT in
--     section 1, so that the result is what the install parts create (a new
--     column goes at the end; the test compares column order).  Keep the
--     rows users stored: migrate them, never drop them.
--   - Shipped data (data/): nothing to do; section 3 replaces the shipped
--     rows with data/ as it is at build time.  A new shipped table needs its
--     lines in section 3.
-- When 0.2.0 is released, freeze the built sql/nkwatch--0.2.0.sql and
-- sql/nkwatch--0.1.0--0.2.0.sql into sql/released/ and start
-- sql/upgrade/0.2.0--0.3.0.sql from this file's sections 2 and 3.

-- ---- 1. schema changes ------------------------------------------------------

-- The claim-key indexes carry article_id and n, by which nk_relate_claims
-- takes the nearest of claims reported at the same time.
DROP INDEX nk_article_claims_subject;
CREATE INDEX nk_article_claims_subject ON nk_article_claims (predicate, subject, reported_at, article_id, n)
    WHERE predicate <> 'mentions';
-- The object index is keyed on predicate || ' ' || object, so that no
-- index on the predicate alone can be taken for it.
DROP INDEX nk_article_claims_object;
CREATE INDEX nk_article_claims_object ON nk_article_claims ((predicate || ' ' || object), reported_at, article_id, n)
    WHERE predicate <> 'mentions' AND subject IS NULL;

-- A claim is also compared with the nearest claims of its predicate that
-- name no subject (nk_relate_claims).
CREATE INDEX nk_article_claims_unnamed ON nk_article_claims (predicate, reported_at, article_id, n)
    WHERE predicate <> 'mentions' AND subject IS NULL;

-- Stories are counted by deltas: the tallies their best-supported values
-- are read from (counted here from the stored events, as nk_story_refresh
-- counts them; the stories' values stay as they are, which the same rules
-- gave), the indexes each way of matching a story scans, and the one their
-- first, last and latest reports are read off.
CREATE TABLE nk_story_tallies (
    story_id  bigint NOT NULL,
    slot      text NOT NULL CHECK (slot IN ('date', 'status', 'location', 'source', 'window')),
    key       text NOT NULL,
    date_from date,
    date_to   date,
    weight    int NOT NULL,
    PRIMARY KEY (story_id, slot, key)
);
SELECT pg_catalog.pg_extension_config_dump('nk_story_tallies', '');
GRANT SELECT ON nk_story_tallies TO PUBLIC;
INSERT INTO nk_story_tallies
SELECT e.story_id, v.slot, v.key, min(v.date_from), min(v.date_to), count(DISTINCT e.article_id)::int
  FROM nk_article_events e
 CROSS JOIN LATERAL (VALUES
       ('status', e.status, NULL::date, NULL::date),
       ('location', e.location, NULL, NULL),
       ('source', e.outlet, NULL, NULL),
       ('date', to_char(e.date_from, 'YYYY-MM-DD') || ' ' || to_char(e.date_to, 'YYYY-MM-DD') || ' '
                || coalesce(e."precision", ''), e.date_from, e.date_to)) AS v(slot, key, date_from, date_to)
 WHERE e.story_id IS NOT NULL AND v.key IS NOT NULL
 GROUP BY e.story_id, v.slot, v.key
UNION ALL
SELECT e.story_id, 'window', to_char(e.window_from, 'YYYY-MM-DD') || ' ' || to_char(e.window_to, 'YYYY-MM-DD') || ' ',
       min(e.window_from), min(e.window_to), count(*)::int
  FROM nk_article_events e
 WHERE e.story_id IS NOT NULL
 GROUP BY 1, 2, 3;
-- the roles granted the right to write stories may write their tallies
DO $$
DECLARE
    r text;
BEGIN
    FOR r IN
        SELECT DISTINCT CASE WHEN a.grantee OPERATOR(pg_catalog.=) 0 THEN 'PUBLIC'
                             ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(a.grantee)) END
          FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
         WHERE c.oid OPERATOR(pg_catalog.=) 'nk_stories'::pg_catalog.regclass
           AND a.privilege_type OPERATOR(pg_catalog.=) 'INSERT'
           AND a.grantee OPERATOR(pg_catalog.<>) c.relowner
    LOOP
        EXECUTE 'GRANT INSERT, UPDATE, DELETE ON nk_story_tallies TO ' OPERATOR(pg_catalog.||) r;
    END LOOP;
END
$$;
DROP INDEX nk_stories_target;
CREATE INDEX nk_stories_actor_any ON nk_stories
    ((event_type OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) actor), window_from);
CREATE INDEX nk_stories_target_any ON nk_stories
    ((event_type OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) target), window_from);
DROP INDEX nk_article_events_story;
CREATE INDEX nk_article_events_story ON nk_article_events
    (story_id, reported_at DESC, article_id DESC, confidence DESC, n) WHERE story_id IS NOT NULL;

-- Ingest and reprocess store an article's mentions, events and claims
-- through one function (nk_store_rows), which takes them in this type.
CREATE TYPE nk_extraction AS (
    id bigint, day date, outlet text, reported_at timestamptz,
    entities nk_entity[], events nk_event[], claims nk_claim[]);

-- ---- 2. functions, procedures, views, triggers and comments -----------------

--@replace sql/install/*.sql

-- ---- 3. the shipped rows ----------------------------------------------------

-- The gazetteer and the word lists: shipped rows are replaced, user rows
-- (shipped = false) kept as they are; a user row with the key of a shipped
-- row stays in its place.  Parents are checked after the new rows are in,
-- not as the old ones go, so user places inside shipped ones stay valid.
ALTER TABLE nk_gazetteer DISABLE TRIGGER nk_gazetteer_check_delete;
DELETE FROM nk_gazetteer WHERE shipped;
ALTER TABLE nk_gazetteer ENABLE TRIGGER nk_gazetteer_check_delete;

CREATE TABLE nk_gazetteer_entry (
    canonical text,
    label     text,
    parent    text,
    aliases   text[],
    roles     text[]
);

--@data data/gazetteer/*.tsv

INSERT INTO nk_gazetteer (canonical, label, alias, parent, roles, shipped)
SELECT DISTINCT ON (e.canonical, e.label, btrim(a.alias))
       e.canonical, e.label, btrim(a.alias), e.parent,
       CASE WHEN a.n = 1 THEN e.roles END, true
  FROM nk_gazetteer_entry e,
       unnest(ARRAY[e.canonical] || coalesce(e.aliases, '{}')) WITH ORDINALITY AS a(alias, n)
 WHERE btrim(a.alias) <> ''
 ORDER BY e.canonical, e.label, btrim(a.alias), a.n
ON CONFLICT (canonical, label, alias) DO NOTHING;

DROP TABLE nk_gazetteer_entry;

DO $$
DECLARE
    bad record;
BEGIN
    SELECT g.canonical, g.parent INTO bad
      FROM nk_gazetteer g
     WHERE NOT g.shipped AND g.parent IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM nk_gazetteer h WHERE h.canonical = g.parent)
     ORDER BY g.canonical, g.parent
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'nkwatch: parent "%" of the gazetteer row "%" is no longer shipped', bad.parent, bad.canonical
            USING ERRCODE = 'foreign_key_violation',
                  HINT = 'Before updating, add the parent as a row of your own (shipped = false) or set the row''s parent to NULL.';
    END IF;
END
$$;

CREATE TABLE nk_lexicon_entry (list text, word text, value text);

--@words nk_lexicon_entry data/lexicon/*.txt data/lexicon/capitals.tsv

DELETE FROM nk_lexicon WHERE shipped;
INSERT INTO nk_lexicon (list, word, value, shipped)
SELECT e.list, e.word, e.value, true FROM nk_lexicon_entry e
ON CONFLICT (list, word) DO NOTHING;

DROP TABLE nk_lexicon_entry;

-- The events stage's reference tables hold shipped rows only.
DELETE FROM nk_event_triggers;
DELETE FROM nk_event_cues;
DELETE FROM nk_cameo;

--@data data/events/cameo.tsv
--@data data/events/triggers.tsv
--@data data/events/cues.tsv

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM nk_articles) THEN
        RAISE NOTICE 'nkwatch: stored articles keep the rows extracted when they were ingested'
            USING HINT = 'SELECT nk_reprocess() recomputes them with the updated engine and shipped data.';
    END IF;
END
$$;
