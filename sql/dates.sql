-- nk_dates(): time expressions placed on the calendar.
SET timezone = 'UTC';

-- absolute dates resolve without a publication time; relative ones do not
SELECT mention, pos, len, sentence, date_from, date_to, precision, timex
  FROM nk_dates('The envoy arrived on Monday. The pact of July 27, 1953 still stands, and talks ran June 18-19, 2024.');

-- the same against a publication time (a Wednesday)
SELECT mention, sentence, date_from, date_to, precision, timex
  FROM nk_dates('An aide said on Monday that the envoy will visit on Friday. Trade fell last month and rose in 2019. '
                'They met four years ago, between 2019 and 2023, and again last week. Ties grew in recent months.',
                '2023-09-13 12:00+00');

-- substr(doc, pos, len) is the mention, with characters beyond ASCII before it
WITH d(doc) AS (VALUES ('Ким — «Пхеньян» said on 13 September 2023 that it was over by mid‑2022.'))
SELECT t.mention, substr(d.doc, t.pos, t.len) = t.mention AS same
  FROM d, nk_dates(d.doc, '2023-09-14 12:00+00') t;

-- a Pyongyang dateline takes the day in KST: 23:30 UTC is already the next day there
SELECT mention, date_from FROM nk_dates('PYONGYANG, June 18 -- Kim spoke today.', '2024-06-18 23:30+00');
SELECT mention, date_from FROM nk_dates('Kim spoke today.', '2024-06-18 23:30+00');

-- not dates
SELECT count(*) FROM nk_dates('Russia sent 2,000 troops on a five-hour trip of about a week; the Su-35 flew 1500 km at 3:30 p.m.',
                              '2023-09-13 12:00+00');

-- NULL doc gives no rows, NULL published is unknown, empty doc gives none
SELECT count(*) FROM nk_dates(NULL);
SELECT count(*) FROM nk_dates(NULL, '2023-09-13 12:00+00');
SELECT mention, date_from FROM nk_dates('They met yesterday.', NULL);
SELECT count(*) FROM nk_dates('');
