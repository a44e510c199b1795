-- Privileges and name resolution of everything the parts before created.
--
-- Reading: every function, the gazetteer tables (20_entities.sql) and the
-- store's tables and views are usable by every role; no function needs
-- superuser.  Writing: the gazetteer needs a grant (20_entities.sql), and so
-- does ingest: a role that ingests needs
--   GRANT INSERT, UPDATE, DELETE ON nk_articles, nk_mentions, nk_stories,
--         nk_article_events, nk_article_claims, nk_claim_relations, nk_story_tallies
--         TO ingest_role;
--   GRANT SELECT, INSERT, UPDATE, DELETE ON nk_staging TO ingest_role;
--   GRANT USAGE ON SEQUENCE nk_articles_id_seq, nk_stories_id_seq, nk_staging_id_seq TO ingest_role;
-- from the extension's owner.
--
-- Name resolution: a function written in SQL or PL/pgSQL runs with the
-- caller's search_path, in which a role that may create objects in a schema
-- named there could put a function or operator that matches a call better
-- than pg_catalog's (a public.unnest(text[]) beats pg_catalog.unnest(anyarray),
-- a public.||(bigint[], bigint) the array operator) and so run its code
-- with the privileges of whoever calls nkwatch, a superuser included.  So
-- every such function of the extension runs with search_path pg_catalog,
-- pg_temp: unqualified names resolve in pg_catalog only (pg_temp holds no
-- functions or operators, and comes last for tables), and the extension's
-- own objects are named with their schema.  The exceptions are
-- nk_refresh_entity_keys(), which updates a table of the caller's whose
-- triggers must see the caller's search_path, and the procedure
-- nk_ingest_staged(), which commits (a routine with SET cannot): their
-- names are to be schema-qualified by hand.

GRANT SELECT ON nk_articles, nk_mentions, nk_stories, nk_article_events, nk_article_claims,
    nk_claim_relations, nk_story_tallies, nk_timeline, nk_entity_daily, nk_cooccurrence, nk_conflicts,
    nk_outlet_record TO PUBLIC;

DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::pg_catalog.regprocedure
          FROM pg_catalog.pg_depend d
          JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) d.objid
          JOIN pg_catalog.pg_language l ON l.oid OPERATOR(pg_catalog.=) p.prolang
         WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
           AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
           AND d.refobjid OPERATOR(pg_catalog.=)
               (SELECT e.oid FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'nkwatch')
           AND d.deptype OPERATOR(pg_catalog.=) 'e'
           AND l.lanname OPERATOR(pg_catalog.=) ANY (ARRAY['sql', 'plpgsql']::pg_catalog.name[])
           AND p.prokind OPERATOR(pg_catalog.=) 'f'
           AND p.proname OPERATOR(pg_catalog.<>) 'nk_refresh_entity_keys'
    LOOP
        EXECUTE pg_catalog.format('ALTER FUNCTION %s SET search_path = pg_catalog, pg_temp', f);
    END LOOP;
END
$$;
