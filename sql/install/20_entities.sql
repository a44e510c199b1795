-- The entities stage: the gazetteer and word lists as tables, and the
-- functions that extract named entities with them.
--
-- The tables are the engine's input: every backend builds its matching
-- automaton from them on first use and keeps it until a change to either
-- table invalidates it (a statement-level trigger sends a relcache
-- invalidation; see src/pg/pg_entities.c), so an INSERT takes effect in every
-- session's next call.  Shipped rows come from data/ and are marked shipped;
-- rows users add are not, and only those are dumped by pg_dump (they are
-- configuration tables of the extension).

CREATE TABLE nk_gazetteer (
    canonical text NOT NULL,
    label     text NOT NULL,
    alias     text NOT NULL,
    parent    text,
    roles     text[],
    shipped   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (canonical, label, alias),
    CONSTRAINT nk_gazetteer_label_known
        CHECK (label IN ('PERSON', 'NORP', 'ORG', 'GPE', 'LOC', 'FAC', 'EVENT', 'PRODUCT', 'LAW')),
    CONSTRAINT nk_gazetteer_alias_not_empty CHECK (btrim(alias) <> ''),
    CONSTRAINT nk_gazetteer_canonical_not_empty CHECK (btrim(canonical) <> '')
);

COMMENT ON TABLE nk_gazetteer IS
'Known names of nk_entities(), one row per alias: the entity (canonical, label), one way news writes it (alias; the canonical name is an alias of its own), the containing place or affiliated country (parent, a canonical name of the table), and role phrases whose holder it is (roles). Rows from the extension''s data files have shipped = true; rows users add have shipped = false and are kept by pg_dump. Changes take effect in every session''s next call. Readable by everyone; INSERT, UPDATE and DELETE need a grant from the extension''s owner.';
COMMENT ON COLUMN nk_gazetteer.canonical IS
'The entity''s name in English Wikipedia title form ("Kim Jong Un"); entities are told apart by canonical name and label.';
COMMENT ON COLUMN nk_gazetteer.label IS
'OntoNotes 5 label: PERSON, NORP, ORG, GPE, LOC, FAC, EVENT, PRODUCT or LAW.';
COMMENT ON COLUMN nk_gazetteer.alias IS
'One written form of the entity ("Kim Jong-un").  Matching ignores case (except for all-capitals acronyms), hyphens, periods, apostrophes and a possessive ''s, so variants differing only in those need no row of their own.';
COMMENT ON COLUMN nk_gazetteer.parent IS
'For a place, the place containing it (Vostochny Cosmodrome -> Amur Oblast -> Russia); for a person or organisation, its country.  A canonical name of this table, or NULL; one entity has one parent (alias rows may leave it NULL).';
COMMENT ON COLUMN nk_gazetteer.roles IS
'Lower-case role phrases the entity holds ("the russian president"): a role phrase in an article resolves to its holder when the article mentions a single one.';
COMMENT ON COLUMN nk_gazetteer.shipped IS
'true for rows installed from the extension''s data files (replaced by extension updates, not dumped), false for rows users add (dumped by pg_dump).';

CREATE TABLE nk_lexicon (
    list    text NOT NULL,
    word    text NOT NULL,
    value   text,
    shipped boolean NOT NULL DEFAULT false,
    PRIMARY KEY (list, word),
    CONSTRAINT nk_lexicon_list_known
        CHECK (list IN ('given-names', 'korean-surnames', 'titles', 'name-heads', 'place-cues',
                        'non-names', 'capitals')),
    CONSTRAINT nk_lexicon_word_not_empty CHECK (btrim(word) <> '')
);

COMMENT ON TABLE nk_lexicon IS
'Word lists of the name patterns of nk_entities(): given-names (given names that open a person''s name), korean-surnames (family names written first), titles (title and role words before or after a name), name-heads (last words of organisation, facility, event and law names; value: the label they give, ORG if NULL), place-cues (words after which a capital is a place), non-names (capitalised words that never start a name), capitals (a city standing for its country''s government; value: the country''s canonical name).  Shipped and user rows as in nk_gazetteer; changes take effect in every session''s next call.';
COMMENT ON COLUMN nk_lexicon.list IS 'The word list: given-names, korean-surnames, titles, name-heads, place-cues, non-names or capitals.';
COMMENT ON COLUMN nk_lexicon.word IS 'The word (matched ignoring case), or for capitals the city''s canonical name.';
COMMENT ON COLUMN nk_lexicon.value IS 'name-heads: the label a name ending in the word gets; capitals: the country''s canonical name; otherwise NULL.';
COMMENT ON COLUMN nk_lexicon.shipped IS 'true for rows installed from the extension''s data files, false for rows users add (dumped by pg_dump).';

-- ---- refusing bad rows, with a message that says what to do ----------------

CREATE FUNCTION nk_gazetteer_check_row() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    r text;
BEGIN
    IF NEW.canonical IS NULL OR btrim(NEW.canonical) = '' THEN
        RAISE EXCEPTION 'nkwatch: a gazetteer row needs a canonical name'
            USING ERRCODE = 'check_violation',
                  HINT = 'canonical is the entity''s name in English Wikipedia title form, for example ''Kim Jong Un''.';
    END IF;
    IF NEW.label IS NULL OR NEW.label NOT IN ('PERSON', 'NORP', 'ORG', 'GPE', 'LOC', 'FAC', 'EVENT', 'PRODUCT', 'LAW') THEN
        RAISE EXCEPTION 'nkwatch: gazetteer row "%" has unknown label "%"', NEW.canonical, NEW.label
            USING ERRCODE = 'check_violation',
                  HINT = 'Use one of the OntoNotes 5 labels, in capitals: PERSON, NORP, ORG, GPE, LOC, FAC, EVENT, PRODUCT, LAW.';
    END IF;
    IF NEW.alias IS NULL OR btrim(NEW.alias) = '' THEN
        RAISE EXCEPTION 'nkwatch: gazetteer row "%" has an empty alias', NEW.canonical
            USING ERRCODE = 'check_violation',
                  HINT = 'Give one written form of the name per row, for example alias ''Kim Jong-un''; the canonical name needs a row with alias = canonical.';
    END IF;
    IF NEW.alias !~ '[[:alnum:]]' OR NEW.canonical !~ '[[:alnum:]]' THEN
        RAISE EXCEPTION 'nkwatch: gazetteer alias "%" of "%" has no letter or digit', NEW.alias, NEW.canonical
            USING ERRCODE = 'check_violation',
                  HINT = 'Names are matched word by word; punctuation alone matches nothing.';
    END IF;
    IF strpos(NEW.alias, '|') > 0 OR strpos(NEW.canonical, '|') > 0 THEN
        RAISE EXCEPTION 'nkwatch: gazetteer alias "%" contains "|"', NEW.alias
            USING ERRCODE = 'check_violation',
                  HINT = 'Insert one row per alias instead of a |-separated list.';
    END IF;
    IF NEW.parent IS NOT NULL AND (btrim(NEW.parent) = '' OR NEW.parent = NEW.canonical) THEN
        RAISE EXCEPTION 'nkwatch: gazetteer row "%" has parent "%"', NEW.canonical, NEW.parent
            USING ERRCODE = 'check_violation',
                  HINT = 'parent is the canonical name of another entity (the containing place, or the country), or NULL.';
    END IF;
    FOREACH r IN ARRAY coalesce(NEW.roles, '{}') LOOP
        IF r IS NULL OR btrim(r) = '' OR strpos(r, '|') > 0 OR r <> lower(r) THEN
            RAISE EXCEPTION 'nkwatch: gazetteer row "%" has bad role phrase "%"', NEW.canonical, r
                USING ERRCODE = 'check_violation',
                      HINT = 'A role phrase is a non-empty lower-case phrase without "|", for example ''the russian president''.';
        END IF;
    END LOOP;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION nk_gazetteer_check_row() IS
'Trigger of nk_gazetteer: refuse a row with an empty or punctuation-only canonical name or alias, an unknown label, a |-separated alias, a parent equal to the row''s own name, or a role phrase that is empty or not in lower case.';

-- Parents are checked at the end of each statement, so that one statement
-- may add a place and what lies in it, in any order.
CREATE FUNCTION nk_gazetteer_check_parents() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT n.canonical, n.parent INTO bad
          FROM new_rows n
         WHERE n.parent IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM @extschema@.nk_gazetteer g WHERE g.canonical = n.parent)
         ORDER BY n.canonical, n.parent
         LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'nkwatch: parent "%" of gazetteer row "%" is not a canonical name of the gazetteer', bad.parent, bad.canonical
                USING ERRCODE = 'foreign_key_violation',
                      HINT = 'Add the containing place first (a row with that canonical name), or in the same statement, or leave parent NULL.';
        END IF;
        SELECT g.canonical, g.label, min(g.parent) AS one, max(g.parent) AS other INTO bad
          FROM @extschema@.nk_gazetteer g
         WHERE (g.canonical, g.label) IN (SELECT n.canonical, n.label FROM new_rows n)
         GROUP BY g.canonical, g.label
        HAVING count(DISTINCT g.parent) > 1
         ORDER BY g.canonical, g.label
         LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'nkwatch: gazetteer entity "%" (%) would have two parents, "%" and "%"', bad.canonical, bad.label, bad.one, bad.other
                USING ERRCODE = 'check_violation',
                      HINT = 'An entity has one parent: give its other rows the same parent, or NULL.';
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT g.canonical, g.parent INTO bad
          FROM @extschema@.nk_gazetteer g
         WHERE g.parent IN (SELECT o.canonical FROM old_rows o)
           AND NOT EXISTS (SELECT 1 FROM @extschema@.nk_gazetteer h WHERE h.canonical = g.parent)
         ORDER BY g.parent, g.canonical
         LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'nkwatch: gazetteer entity "%" is still the parent of "%"', bad.parent, bad.canonical
                USING ERRCODE = 'foreign_key_violation',
                      HINT = 'Delete or re-parent the rows that name it as parent first, or in the same statement.';
        END IF;
    END IF;
    RETURN NULL;
END
$$;

COMMENT ON FUNCTION nk_gazetteer_check_parents() IS
'Statement trigger of nk_gazetteer: refuse a parent that is not a canonical name of the table, an entity with two different parents, and removing an entity that is still another''s parent.';

CREATE FUNCTION nk_lexicon_check_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.list IS NULL OR NEW.list NOT IN ('given-names', 'korean-surnames', 'titles', 'name-heads',
                                            'place-cues', 'non-names', 'capitals') THEN
        RAISE EXCEPTION 'nkwatch: unknown word list "%"', NEW.list
            USING ERRCODE = 'check_violation',
                  HINT = 'The word lists are given-names, korean-surnames, titles, name-heads, place-cues, non-names and capitals.';
    END IF;
    IF NEW.word IS NULL OR btrim(NEW.word) = '' OR NEW.word !~ '[[:alnum:]]' THEN
        RAISE EXCEPTION 'nkwatch: empty word in word list "%"', NEW.list
            USING ERRCODE = 'check_violation',
                  HINT = 'Give the word, for example (''titles'', ''commissioner'').';
    END IF;
    IF NEW.list = 'name-heads' AND NEW.value IS NOT NULL
       AND NEW.value NOT IN ('PERSON', 'NORP', 'ORG', 'GPE', 'LOC', 'FAC', 'EVENT', 'PRODUCT', 'LAW') THEN
        RAISE EXCEPTION 'nkwatch: name head "%" has unknown label "%"', NEW.word, NEW.value
            USING ERRCODE = 'check_violation',
                  HINT = 'value is the label a name ending in the word gets: ORG, FAC, EVENT, LAW, LOC... (NULL means ORG).';
    END IF;
    IF NEW.list = 'capitals' AND (NEW.value IS NULL OR btrim(NEW.value) = '') THEN
        RAISE EXCEPTION 'nkwatch: capital "%" without its country', NEW.word
            USING ERRCODE = 'check_violation',
                  HINT = 'value is the canonical name of the country the city stands for, for example (''capitals'', ''Moscow'', ''Russia'').';
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION nk_lexicon_check_row() IS
'Trigger of nk_lexicon: refuse an unknown word list, an empty word, a name head with an unknown label and a capital without its country.';

-- The cached automaton of every backend is rebuilt after a change.
CREATE FUNCTION nk_gazetteer_invalidate() RETURNS trigger
AS 'MODULE_PATHNAME', 'pg_nk_gazetteer_invalidate'
LANGUAGE C;

COMMENT ON FUNCTION nk_gazetteer_invalidate() IS
'Statement trigger of nk_gazetteer and nk_lexicon: send a relcache invalidation for the table, which makes every backend rebuild its gazetteer at its next nk_entities() call.';

CREATE TRIGGER nk_gazetteer_check_row BEFORE INSERT OR UPDATE ON nk_gazetteer
    FOR EACH ROW EXECUTE FUNCTION nk_gazetteer_check_row();
CREATE TRIGGER nk_gazetteer_check_insert AFTER INSERT ON nk_gazetteer
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION nk_gazetteer_check_parents();
CREATE TRIGGER nk_gazetteer_check_update AFTER UPDATE ON nk_gazetteer
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION nk_gazetteer_check_parents();
CREATE TRIGGER nk_gazetteer_check_delete AFTER DELETE ON nk_gazetteer
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION nk_gazetteer_check_parents();
CREATE TRIGGER nk_gazetteer_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON nk_gazetteer
    FOR EACH STATEMENT EXECUTE FUNCTION nk_gazetteer_invalidate();

CREATE TRIGGER nk_lexicon_check_row BEFORE INSERT OR UPDATE ON nk_lexicon
    FOR EACH ROW EXECUTE FUNCTION nk_lexicon_check_row();
CREATE TRIGGER nk_lexicon_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON nk_lexicon
    FOR EACH STATEMENT EXECUTE FUNCTION nk_gazetteer_invalidate();

-- ---- the shipped rows -------------------------------------------------------

-- The data files give one entity a line with its aliases as a list; the
-- table has one row per alias.  Load the lines into a staging table, then
-- unnest them in a single statement (so parents are checked once, at its end).
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
 ORDER BY e.canonical, e.label, btrim(a.alias), a.n;

DROP TABLE nk_gazetteer_entry;

ALTER TABLE nk_lexicon ALTER COLUMN shipped SET DEFAULT true;
--@words nk_lexicon data/lexicon/*.txt data/lexicon/capitals.tsv
ALTER TABLE nk_lexicon ALTER COLUMN shipped SET DEFAULT false;

SELECT pg_catalog.pg_extension_config_dump('nk_gazetteer', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('nk_lexicon', 'WHERE NOT shipped');

-- Everyone reads the gazetteer; changing it needs a grant, for example
--   GRANT INSERT, UPDATE, DELETE ON nk_gazetteer, nk_lexicon TO news_editors;
GRANT SELECT ON nk_gazetteer, nk_lexicon TO PUBLIC;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON nk_gazetteer, nk_lexicon FROM PUBLIC;

-- ---- the functions ----------------------------------------------------------

CREATE FUNCTION nk_entities(doc text,
    OUT entity text, OUT label text, OUT mention text, OUT pos int, OUT len int,
    OUT sentence int, OUT source text, OUT confidence real)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'pg_nk_entities'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 100 ROWS 20;

COMMENT ON FUNCTION nk_entities(text) IS
'Named entities of a document, one row per mention: the canonical name (entity), its OntoNotes 5 label, the mention with its 1-based character position and length (substr(doc, pos, len) = mention), its sentence (numbered as nk_sentences numbers them), how it was found (source: gazetteer, pattern or coreference) and a confidence in [0, 1]. Uses the gazetteer tables nk_gazetteer and nk_lexicon as they are at the start of the statement, hence STABLE: results stored from it (columns, materialized views) are not recomputed when the gazetteer changes; nk_refresh_entity_keys() recomputes a stored nk_entity_keys column.';

CREATE FUNCTION nk_entity_keys(doc text) RETURNS text[]
AS 'MODULE_PATHNAME', 'pg_nk_entity_keys'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 100;

COMMENT ON FUNCTION nk_entity_keys(text) IS
'The distinct canonical names of the entities nk_entities(doc) finds, sorted (byte order), as an array for a GIN-indexed column: WHERE keys @> ARRAY[''Kim Jong Un'', ''Vladimir Putin''] finds articles that mention both. STABLE, as nk_entities(): keep the column with a trigger or an UPDATE, and run nk_refresh_entity_keys() after gazetteer changes.';

CREATE FUNCTION nk_gazetteer_parents(name text,
    OUT level int, OUT parent text, OUT label text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'pg_nk_gazetteer_parents'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION nk_gazetteer_parents(text) IS
'The containing places of a gazetteer entity given by canonical name, nearest first (level 1 is its parent): nk_gazetteer_parents(''Vostochny Cosmodrome'') gives Amur Oblast, then Russia. For a person or organisation, its country. No rows for an unknown name.';

CREATE FUNCTION nk_gazetteer_info(OUT entities bigint, OUT aliases bigint, OUT memory_bytes bigint,
    OUT built timestamptz)
RETURNS record
AS 'MODULE_PATHNAME', 'pg_nk_gazetteer_info'
LANGUAGE C VOLATILE PARALLEL RESTRICTED;

COMMENT ON FUNCTION nk_gazetteer_info() IS
'The gazetteer this backend has cached (built now if it has none or it is out of date): entities, aliases, bytes of memory it holds and when it was built.';

CREATE FUNCTION nk_refresh_entity_keys(tbl regclass, doc_column name, keys_column name)
RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    n bigint;
BEGIN
    -- every name qualified: this runs with the caller's search_path
    EXECUTE pg_catalog.format(
        'UPDATE %s AS t SET %I = k.keys '
        'FROM (SELECT ctid, @extschema@.nk_entity_keys(%I) AS keys FROM %s) AS k '
        'WHERE t.ctid OPERATOR(pg_catalog.=) k.ctid '
        'AND (t.%I OPERATOR(pg_catalog.=) k.keys) IS NOT TRUE AND NOT (t.%I IS NULL AND k.keys IS NULL)',
        tbl, keys_column, doc_column, tbl, keys_column, keys_column);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

COMMENT ON FUNCTION nk_refresh_entity_keys(regclass, name, name) IS
'After gazetteer changes, recompute a stored column of nk_entity_keys(): UPDATE tbl SET keys_column = nk_entity_keys(doc_column) where it differs; returns the number of rows changed. Runs with the caller''s privileges.';
