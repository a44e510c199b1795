-- nk_entities(): named entities with canonical names, from the gazetteer,
-- name patterns and coreference.

-- case, hyphen and possessive variants of gazetteer names; U+2011 hyphen
SELECT entity, label, mention, pos, len, sentence, source, confidence
  FROM nk_entities('KIM JONG UN toured a factory on Tuesday. Russia''s envoy was there. '
                   'Later Kim Jong‑un wrote to the Kremlin.');

-- pattern names: title cues, Korean three-part and hyphenated names, head words
SELECT entity, label, mention, source
  FROM nk_entities('Deputy Energy Minister Arkady Volostrov spoke on Friday. '
                   'Engineers from the Tumangang Fertiliser Plant joined him, as did '
                   'spokesperson Yun Ha-rim of the Ministry of Coastal Affairs.');

-- coreference: a later surname takes the full name met earlier, Kim Yo Jong
-- stays herself, a role phrase with a single holder resolves
SELECT entity, label, mention, sentence, source
  FROM nk_entities('Kim Jong Un inspected the launch. Kim later praised the scientists. '
                   'His sister Kim Yo Jong issued a statement. The North Korean leader said more tests would follow. '
                   'Spokesperson Yun Ha-rim spoke next; Yun said little.');
-- after two people of one surname, a bare surname goes to the nearer one
SELECT entity, mention, sentence, source
  FROM nk_entities('Kim Jong Un inspected the launch. His sister Kim Yo Jong issued a statement. '
                   'Kim later praised the scientists.');

-- metonymy: a capital acting as its government is the country; as a place, the city
SELECT entity, label, mention, source
  FROM nk_entities('Moscow denied the report. The delegation arrived in Moscow on Sunday. '
                   'Ties between Pyongyang and Seoul worsened, and a hotel in Pyongyang closed.');

-- character positions beyond ASCII: substr(doc, pos, len) is the mention
WITH d(doc) AS (VALUES ('«Пхеньян» — Vladimir Putin 🚀 met Kim Jong Un at the Vostochny Cosmodrome in Amur Oblast.'))
SELECT e.entity, e.mention, e.pos, e.len, substr(d.doc, e.pos, e.len) = e.mention AS same
  FROM d, nk_entities(d.doc) e;

-- the same holds over every fixture article
\set a01 `cat test/fixtures/articles/body/01-kim-train-arrives.txt 2>/dev/null || true`
SELECT count(*) > 0 AS found, bool_and(substr(:'a01', pos, len) = mention) AS same,
       bool_and(sentence BETWEEN 1 AND (SELECT count(*) FROM nk_sentences(:'a01'))) AS sentences
  FROM nk_entities(:'a01');

-- nk_entity_keys: distinct canonical names, sorted
SELECT nk_entity_keys('Putin met Kim Jong Un. Kim thanked Putin. Vladimir Putin left Pyongyang.');
SELECT nk_entity_keys('Nothing to see here.');

-- containment: a facility lies in a region of a country
SELECT * FROM nk_gazetteer_parents('Vostochny Cosmodrome');
SELECT * FROM nk_gazetteer_parents('Kim Jong Un');
SELECT count(*) FROM nk_gazetteer_parents('No Such Place');

-- NULL and empty documents
SELECT count(*) FROM nk_entities(NULL);
SELECT count(*) FROM nk_entities('');
SELECT nk_entity_keys(NULL) IS NULL AS is_null;

-- volatility and parallel safety as documented
SELECT proname, provolatile, proparallel, proisstrict
  FROM pg_proc WHERE proname IN ('nk_entities', 'nk_entity_keys', 'nk_gazetteer_parents', 'nk_gazetteer_info')
 ORDER BY proname;

-- the functions work in parallel workers (each builds its own gazetteer)
CREATE TABLE ent_docs AS
SELECT i, 'Report ' || i || ': Kim Jong Un met Vladimir Putin in Vladivostok.' AS body
  FROM generate_series(1, 200) i;
ANALYZE ent_docs;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET force_parallel_mode = on;
SELECT count(*), count(DISTINCT k) FROM ent_docs, unnest(nk_entity_keys(body)) k;
SELECT count(*) FROM ent_docs, nk_entities(body) e WHERE e.entity = 'Vladimir Putin';
RESET force_parallel_mode;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
DROP TABLE ent_docs;
