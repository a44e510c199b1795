-- nk_claims and nk_compare on sentence pairs written for this test:
-- each relation, each kind of reason, hard negatives and hard positives.

CREATE TEMP TABLE pair(id int, a text, pa timestamptz, b text, pb timestamptz);
INSERT INTO pair VALUES
-- numbers with the tolerance of their wording
(1, 'About 8,000 North Korean soldiers have arrived in Russia, the NIS said.', '2024-06-12 12:00+00',
    'Some 8,300 North Korean soldiers have arrived in Russia.', '2024-06-12 12:00+00'),
(2, 'About 8,000 North Korean soldiers have arrived in Russia, the NIS said.', '2024-06-12 12:00+00',
    'Around 9,000 North Korean soldiers have arrived in Russia.', '2024-06-12 12:00+00'),
(3, 'Between 10,000 and 12,000 North Korean troops are training in Russia.', '2024-06-12 12:00+00',
    'Roughly 11,000 North Korean troops are training in Russia.', '2024-06-12 12:00+00'),
(4, 'Around 2,000 North Korean troops have been moved to Russia so far.', '2024-06-12 12:00+00',
    'More than 9,000 North Korean troops have been moved to Russia so far.', '2024-06-22 12:00+00'),
-- dates at the coarser precision
(5, 'Putin met Kim Jong Un at the Vostochny Cosmodrome in September 2023.', '2024-06-12 12:00+00',
    'Putin met Kim Jong Un at the Vostochny Cosmodrome on Sept. 13, 2023.', '2024-06-12 12:00+00'),
(6, 'Kim Jong Un left Russia on Sept. 16, 2023.', '2024-06-12 12:00+00',
    'Kim Jong Un left Russia on Sept. 18, 2023.', '2024-06-12 12:00+00'),
-- places through containment; a plan against what happened
(7, 'Putin met Kim Jong Un at the Vostochny Cosmodrome on Sept. 13, 2023.', '2024-06-12 12:00+00',
    'Putin and Kim Jong Un met in Amur Oblast on Sept. 13, 2023.', '2024-06-12 12:00+00'),
(8, 'Putin is expected to meet Kim Jong Un in Khabarovsk next week.', '2024-06-12 12:00+00',
    'Putin met Kim Jong Un at the Vostochny Cosmodrome.', '2024-06-22 12:00+00'),
-- denial against affirmation
(9, 'The Kremlin said there was no proof that North Korea sent weapons to Russia.', '2024-06-12 12:00+00',
    'North Korea sent weapons to Russia, officials in Washington said.', '2024-06-12 12:00+00'),
-- spelling variants and titles (hard positive)
(10, 'Kim Jong-un met Vladimir Putin in Vladivostok on Sept. 13, 2023.', '2024-06-12 12:00+00',
     'The North Korean leader and the Russian president met in Vladivostok on Sept. 13, 2023.', '2024-06-12 12:00+00'),
-- hard negatives: the same people at another summit; other gifts
(11, 'Putin met Kim Jong Un in Vladivostok in April 2019.', '2024-06-12 12:00+00',
     'Putin met Kim Jong Un at the Vostochny Cosmodrome in September 2023.', '2024-06-12 12:00+00'),
(12, 'Putin gave Kim Jong Un a limousine.', '2024-06-12 12:00+00',
     'Putin gave Kim Jong Un a tea set.', '2024-06-12 12:00+00'),
-- "first since" against "once before"
(13, 'It was Kim''s first visit to Russia since 2019.', '2024-06-12 12:00+00',
     'Kim had been to Russia once before, in April 2019.', '2024-06-12 12:00+00'),
-- one speaker's denials on two occasions; nothing to compare
(14, 'Peskov said reports of North Korean troops fighting in Ukraine were fake.', '2024-06-12 12:00+00',
     'Peskov said reports of North Korean troops fighting in Ukraine were baseless.', '2024-06-22 12:00+00'),
(15, 'The weather in Pyongyang was cold.', '2024-06-12 12:00+00',
     'Sergei Lavrov praised the talks.', '2024-06-12 12:00+00');

SELECT p.id, c.relation, round(c.score::numeric, 2) AS score, c.reason
FROM pair p, nk_compare(p.a, p.b, p.pa, p.pb) c ORDER BY p.id;

-- the claims of a text
SELECT predicate, subject, object, place, value, number, number_max, approx, unit,
       date_from, date_to, "precision", ordinal, polarity, status, source, sentence,
       substr(d, pos, len) = 'Some 1,500 North Korean special forces were moved to Vladivostok, the NIS said.' AS first_sentence
FROM (SELECT 'Some 1,500 North Korean special forces were moved to Vladivostok, the NIS said. Putin will host a two-day visit by Kim Jong Un on June 18.'::text AS d) t,
     nk_claims(d, '2024-06-12 12:00+00') ORDER BY sentence, predicate;

-- claims compared as rows
SELECT (nk_compare(a, b)).*
FROM (SELECT (SELECT c FROM nk_claims('Kim Jong Un left Russia on Sept. 16, 2023.') c WHERE predicate = 'DEPART') AS a,
             (SELECT c FROM nk_claims('Kim Jong Un left Russia on Sept. 16, 2023.') c WHERE predicate = 'DEPART') AS b) t;
SELECT (nk_compare(ROW('North Korea', 'troop_count', NULL, NULL, 'about 10,000', '{}', 10000, 10000, 'about', 'troops',
                       NULL, NULL, NULL, NULL, 'affirmative', 'reported', NULL, '2024-10-21', 1, 1, 10)::nk_claim,
                   ROW('North Korea', 'troop_count', NULL, NULL, '10,500', '{}', 10500, 10500, 'exact', 'troops',
                       NULL, NULL, NULL, NULL, 'affirmative', 'reported', NULL, '2024-10-21', 1, 1, 10)::nk_claim)).*;

-- NULL in, NULL out; an unknown publication time is allowed
SELECT nk_compare(NULL, 'x') IS NULL AS null_text;
SELECT (nk_compare('Kim Jong Un left Russia on Sept. 16, 2023.', 'Kim Jong Un left Russia on Sept. 16, 2023.')).relation;
SELECT count(*) FROM nk_claims(NULL);
SELECT count(*) FROM nk_claims('');
