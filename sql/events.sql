-- The events stage: the type table, the row type and the function's contract.
-- (Rows from text need the entities stage's gazetteer; the engine's rules
-- are tested by test/unit/test_events.c.)

-- every one of the 22 types has a CAMEO mapping
SELECT t AS missing_type
FROM unnest(ARRAY['VISIT', 'ARRIVE', 'DEPART', 'MEET', 'NEGOTIATE', 'INVITE', 'GIFT', 'AGREE',
                  'COOPERATE', 'ARMS_TRANSFER', 'DEPLOY', 'LAUNCH', 'ATTACK', 'CASUALTIES',
                  'SANCTION', 'ACCUSE', 'DENY', 'WARN', 'CRITICIZE', 'PRAISE', 'VETO', 'ANNOUNCE']) t
WHERE NOT EXISTS (SELECT 1 FROM nk_cameo c WHERE c.event_type = t);
SELECT count(*) AS types, count(DISTINCT cameo) AS codes FROM nk_cameo;
SELECT event_type, cameo, quad_class, goldstein, plover FROM nk_cameo ORDER BY cameo, event_type;
-- codes are text with their leading zeros
SELECT event_type FROM nk_cameo WHERE cameo !~ '^[0-9]{3,4}$';
-- a type without an exact CAMEO code says so
SELECT event_type FROM nk_cameo
WHERE event_type IN ('ARRIVE', 'DEPART', 'INVITE', 'GIFT', 'LAUNCH', 'CASUALTIES') AND note IS NULL;

-- every trigger frame names a known type; every status cue a known status
SELECT count(*) > 100 AS many_triggers, count(DISTINCT event_type) AS typed FROM nk_event_triggers;
SELECT DISTINCT status FROM nk_event_cues WHERE kind = 'status' ORDER BY 1;

-- the row type, column by column
SELECT attnum, attname, format_type(atttypid, atttypmod)
FROM pg_attribute WHERE attrelid = 'nk_event'::regclass AND attnum > 0 ORDER BY attnum;
SELECT pg_get_function_arguments('nk_events'::regproc), pg_get_function_result('nk_events'::regproc);
SELECT obj_description('nk_events'::regproc) IS NOT NULL AS documented,
       obj_description('nk_event'::regtype) IS NOT NULL AS type_documented;

-- a NULL document has no events
SELECT count(*) FROM nk_events(NULL);
SELECT count(*) FROM nk_events(NULL, '2024-06-12 12:00+00');
