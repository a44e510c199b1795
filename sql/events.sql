-- The events stage: the type table, the row type, the function's contract,
-- and rows from short articles of our own (the engine's rules one by one are
-- tested by test/unit/test_events.c).

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

-- Rows from short articles written for this test: every type and every status.
CREATE TEMP TABLE ev_fixture(id text, body text);
INSERT INTO ev_fixture VALUES
 ('visit',       'Sergei Lavrov visited North Korea on Tuesday for talks on trade.'),
 ('arrive',      'Kim Jong Un arrived in Vladivostok by armoured train on Sunday.'),
 ('depart',      'Sergei Shoigu left Pyongyang on Friday after a three-day stay.'),
 ('meet',        'Vladimir Putin met Kim Jong Un at the Vostochny Cosmodrome.'),
 ('negotiate',   'Sergei Lavrov negotiated with Choe Son Hui over grain shipments.'),
 ('invite',      'Kim Jong Un invited Vladimir Putin to Pyongyang.'),
 ('gift',        'Vladimir Putin gifted Kim Jong Un a limousine as a gift.'),
 ('agree',       'Russia signed a treaty with North Korea in June.'),
 ('cooperate',   'North Korea will cooperate with Russia on satellites.'),
 ('arms',        'North Korea supplied artillery shells to Russia last year.'),
 ('deploy',      'North Korea dispatched troops to Russia in October.'),
 ('launch',      'North Korea launched a ballistic missile into the sea on Monday.'),
 ('attack',      'Russian forces fired North Korean missiles at Ukrainian territory.'),
 ('casualties',  'Dozens of North Korean soldiers were killed in the fighting.'),
 ('sanction',    'The European Union imposed sanctions on North Korea.'),
 ('accuse',      'South Korea accused Russia of hypocrisy.'),
 ('deny',        'Maria Zakharova denied everything at a briefing.'),
 ('warn',        'Japan warned North Korea against further provocations.'),
 ('criticize',   'South Korea condemned North Korea for the test.'),
 ('praise',      'Dmitry Peskov praised North Korea for its support.'),
 ('veto',        'Russia vetoed the United Nations Security Council resolution on monitors.'),
 ('announce',    'The Kremlin made an announcement about the summit.'),
 ('planned',     'Vladimir Putin will visit Vietnam next week.'),
 ('speculated',  'Analysts say North Korea may supply drones to Russia.'),
 ('alleged',     'Ukraine claims North Korea sent missiles to Russia.'),
 ('denied',      'North Korea denied selling ammunition to Russia.'),
 ('negated',     'Russia did not sign any agreement with North Korea.'),
 ('cancelled',   'A planned visit to Vladivostok by Kim Jong Un was called off.'),
 ('conditional', 'If North Korea cooperates with Russia, it would violate sanctions.'),
 ('passive',     'Kim Jong Un was given a rifle by Vladimir Putin as a parting gift.'),
 ('pair',        'Vladimir Putin flew to Pyongyang. The two countries signed a partnership treaty.');
SELECT f.id, e.event_type, e.actor, e.target, e.status, e.date_from
FROM ev_fixture f, LATERAL nk_events(f.body, '2024-06-12 12:00+00') e
ORDER BY f.id, e.event_type, e.actor, e.target, e.status;
-- the types and statuses the fixtures cover
SELECT count(DISTINCT e.event_type) AS types, count(DISTINCT e.status) AS statuses
FROM ev_fixture f, LATERAL nk_events(f.body, '2024-06-12 12:00+00') e;
