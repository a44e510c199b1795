-- The gazetteer tables: shipped rows, every alias matched, bad rows refused,
-- user rows taking effect at the next call, privileges, the GIN pattern.

-- every shipped row is loaded; the word lists too (these counts follow data/:
-- a change to the data files updates them here)
SELECT label, count(*) AS aliases, count(DISTINCT canonical) AS entities
  FROM nk_gazetteer WHERE shipped GROUP BY label ORDER BY label;
SELECT list, count(*) FROM nk_lexicon WHERE shipped GROUP BY list ORDER BY list;
SELECT count(*) AS user_rows FROM nk_gazetteer WHERE NOT shipped;
SELECT entities, aliases, memory_bytes > 0 AS has_memory FROM nk_gazetteer_info();

-- both tables are configuration tables: pg_dump keeps the user rows only
SELECT c.relname, x.cond
  FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(oid, cond), pg_class c
 WHERE e.extname = 'nkwatch' AND c.oid = x.oid ORDER BY 1;

-- every alias, in a sentence, is found as its canonical entity.  Known
-- exceptions: capitals in the subject position read as their governments
-- (by design), and aliases that fold (accents, apostrophes) to another
-- entity's name
SELECT g.canonical, g.label, g.alias,
       (SELECT string_agg(e.entity, ', ') FROM nk_entities('Yesterday ' || g.alias || ' was mentioned.') e) AS found
  FROM nk_gazetteer g
 WHERE NOT EXISTS (SELECT 1 FROM nk_entities('Yesterday ' || g.alias || ' was mentioned.') e
                    WHERE e.entity = g.canonical)
 ORDER BY g.canonical COLLATE "C", g.alias COLLATE "C";
-- those capitals after a place cue are the city
SELECT g.alias, e.entity
  FROM nk_gazetteer g JOIN nk_lexicon x ON x.list = 'capitals' AND x.word = g.canonical,
       LATERAL (SELECT string_agg(entity, ', ') AS entity FROM nk_entities('They arrived in ' || g.alias || ' yesterday.')) e
 WHERE e.entity IS DISTINCT FROM g.canonical
 ORDER BY 1;

-- bad rows are refused, each with a hint
\set VERBOSITY default
\set SHOW_CONTEXT never
INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('Harrow Quint', 'PERSON', '');
INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('Harrow Quint', 'PERSON', '   ');
INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('', 'PERSON', 'Quint Harrow');
INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('Harrow Quint', 'person', 'Harrow Quint');
INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('Harrow Quint', 'MARSHAL', 'Harrow Quint');
INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('Harrow Quint', 'PERSON', 'Quint Harrow|Harrow Quint');
INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('Harrow Quint', 'PERSON', '--');
INSERT INTO nk_gazetteer (canonical, label, alias, parent) VALUES ('Harrow Quint', 'PERSON', 'Harrow Quint', 'Atlantis');
INSERT INTO nk_gazetteer (canonical, label, alias, parent) VALUES ('Harrow Quint', 'PERSON', 'Harrow Quint', 'Harrow Quint');
INSERT INTO nk_gazetteer (canonical, label, alias, roles) VALUES ('Harrow Quint', 'PERSON', 'Harrow Quint', '{"The Marshal"}');
INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('Kim Jong Un', 'PERSON', 'Kim Jong Un');
INSERT INTO nk_gazetteer (canonical, label, alias, parent) VALUES ('Kim Jong Un', 'PERSON', 'Rocket Man', 'Russia');
DELETE FROM nk_gazetteer WHERE canonical = 'Amur Oblast';
INSERT INTO nk_lexicon (list, word) VALUES ('honorifics', 'comrade');
INSERT INTO nk_lexicon (list, word) VALUES ('titles', '');
INSERT INTO nk_lexicon (list, word, value) VALUES ('name-heads', 'Bureau', 'OFFICE');
INSERT INTO nk_lexicon (list, word) VALUES ('capitals', 'Vladivostok');
\set VERBOSITY terse

-- a place and what lies in it may come in one statement, in any order
INSERT INTO nk_gazetteer (canonical, label, alias, parent) VALUES
    ('Sohae Annex Pad', 'FAC', 'Sohae Annex Pad', 'Cholsan County'),
    ('Cholsan County', 'GPE', 'Cholsan County', 'North Pyongan Province'),
    ('Cholsan County', 'GPE', 'Cholsan', NULL);
SELECT * FROM nk_gazetteer_parents('Sohae Annex Pad');
DELETE FROM nk_gazetteer WHERE canonical IN ('Sohae Annex Pad', 'Cholsan County');

-- a user row takes effect at the next call, in the same session
SELECT entity, mention, source FROM nk_entities('Harrow Quint watched Rocket Man at the Orchid Valley site.');
INSERT INTO nk_gazetteer (canonical, label, alias, parent) VALUES
    ('Harrow Quint', 'PERSON', 'Harrow Quint', 'North Korea'),
    ('Harrow Quint', 'PERSON', 'Quint Harrow', NULL),
    ('Orchid Valley Launch Site', 'FAC', 'Orchid Valley Launch Site', 'North Hamgyong Province'),
    ('Orchid Valley Launch Site', 'FAC', 'Orchid Valley site', NULL),
    ('Kim Jong Un', 'PERSON', 'Rocket Man', NULL);
SELECT entity, label, mention, source FROM nk_entities('Harrow Quint watched Rocket Man at the Orchid Valley site.');
SELECT * FROM nk_gazetteer_parents('Orchid Valley Launch Site');
SELECT canonical, alias, shipped FROM nk_gazetteer WHERE NOT shipped ORDER BY 1, 2;
-- a user word: a new title word makes the next name after it a person
SELECT entity, source FROM nk_entities('Later commissar Tessaly Brund spoke.') WHERE label = 'PERSON';
INSERT INTO nk_lexicon (list, word) VALUES ('titles', 'commissar');
SELECT entity, source FROM nk_entities('Later commissar Tessaly Brund spoke.') WHERE label = 'PERSON';
-- an update and a delete take effect too
UPDATE nk_gazetteer SET alias = 'Rocketman' WHERE canonical = 'Kim Jong Un' AND alias = 'Rocket Man';
SELECT entity, mention FROM nk_entities('Rocket Man and Rocketman.') ORDER BY pos;
-- so does a rolled-back change, undone
BEGIN;
DELETE FROM nk_gazetteer WHERE canonical = 'Harrow Quint';
SELECT count(*) FROM nk_entities('Harrow Quint') WHERE entity = 'Harrow Quint';
ROLLBACK;
SELECT count(*) FROM nk_entities('Harrow Quint') WHERE entity = 'Harrow Quint';
-- a user entity wins an alias from a shipped one
INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('Rodong (missile)', 'PRODUCT', 'Rodong (missile)'),
    ('Rodong (missile)', 'PRODUCT', 'Rodong Sinmun');
SELECT entity, label FROM nk_entities('The Rodong Sinmun said so.');
DELETE FROM nk_gazetteer WHERE canonical = 'Rodong (missile)';
SELECT entity, label FROM nk_entities('The Rodong Sinmun said so.');

-- privileges: everyone reads, editing needs a grant
CREATE ROLE regress_nk_reader;
CREATE ROLE regress_nk_editor;
GRANT INSERT, UPDATE, DELETE ON nk_gazetteer, nk_lexicon TO regress_nk_editor;
SET ROLE regress_nk_reader;
SELECT count(*) > 0 AS readable FROM nk_gazetteer;
SELECT entity FROM nk_entities('Kim Jong Un') LIMIT 1;
INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('Pak Chol Nam', 'PERSON', 'Pak Chol Nam');
DELETE FROM nk_gazetteer WHERE NOT shipped;
RESET ROLE;
SET ROLE regress_nk_editor;
INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('Pak Chol Nam', 'PERSON', 'Pak Chol Nam');
RESET ROLE;
SELECT count(*) FROM nk_entities('Pak Chol Nam spoke.') WHERE entity = 'Pak Chol Nam';

-- articles that mention X and Y: a stored key column with a GIN index
CREATE TABLE ent_articles (id int PRIMARY KEY, body text, keys text[]);
INSERT INTO ent_articles (id, body) VALUES
    (1, 'Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome.'),
    (2, 'Vladimir Putin spoke with Xi Jinping by phone.'),
    (3, 'Kim Jong Un inspected a plant in Hamhung with Harrow Quint.'),
    (4, 'Putin said Kim would visit Russia again.');
UPDATE ent_articles SET keys = nk_entity_keys(body);
CREATE INDEX ent_articles_keys ON ent_articles USING gin (keys);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM ent_articles WHERE keys @> ARRAY['Kim Jong Un', 'Vladimir Putin'];
SELECT id FROM ent_articles WHERE keys @> ARRAY['Kim Jong Un', 'Vladimir Putin'] ORDER BY id;
SELECT id FROM ent_articles WHERE keys && ARRAY['Xi Jinping', 'Harrow Quint'] ORDER BY id;
RESET enable_seqscan;
-- after a gazetteer change the stored keys are recomputed on request
DELETE FROM nk_gazetteer WHERE canonical = 'Harrow Quint';
SELECT nk_refresh_entity_keys('ent_articles', 'body', 'keys');
SELECT id, keys FROM ent_articles ORDER BY id;
SELECT nk_refresh_entity_keys('ent_articles', 'body', 'keys');
DROP TABLE ent_articles;

-- clean up
DELETE FROM nk_gazetteer WHERE NOT shipped;
DELETE FROM nk_lexicon WHERE NOT shipped;
DROP ROLE regress_nk_reader;
REVOKE ALL ON nk_gazetteer, nk_lexicon FROM regress_nk_editor;
DROP ROLE regress_nk_editor;
SELECT count(*) FROM nk_gazetteer WHERE NOT shipped;
