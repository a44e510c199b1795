-- The claims stage: comparable claims of a document, and how two relate.

CREATE TYPE nk_claim AS (
    subject text, predicate text, object text, place text, value text, items text[],
    number numeric, number_max numeric, approx text, unit text,
    date_from date, date_to date, "precision" text, ordinal int,
    polarity text, status text, source text, reported timestamptz,
    sentence int, pos int, len int);

COMMENT ON TYPE nk_claim IS
'A claim of a document: predicate (an event type of nk_events such as VISIT, or a fact slot: troop_count, count, duration, range_km, last_visit, first_since, series_start, meeting, statement, mentions) about subject and object (canonical entity names; a bare Korean surname stands as written), with place, value (the wording, for reading), items (given, sold, launched; for meeting the people together; for mentions the specific entities), number and number_max with approx (exact, about, at least, at most, range, vague: the tolerance the wording implies) and unit, the date range with its precision, ordinal ("second launch": 2), polarity (affirmative, negative, unverified), status (the statuses of nk_events), source, reported (the publication time), and the sentence (number, 1-based character pos and len).';

CREATE FUNCTION nk_claims(doc text, published timestamptz DEFAULT NULL)
RETURNS SETOF nk_claim
AS 'MODULE_PATHNAME', 'pg_nk_claims'
LANGUAGE C STABLE PARALLEL SAFE;

COMMENT ON FUNCTION nk_claims(text, timestamptz) IS
'Claims of a document: its events (nk_events, with status and date checked at the trigger word), event words the events stage gave no row, counts and durations with the tolerance of their wording ("about", "some", "more than", "up to", "N other", ranges), "first since" and "last visit" facts, ordinal events, meetings of named people, statements (speaker, day, polarity) and, last, the specific entities of each sentence. published resolves relative dates and is each claim''s report time. Uses the gazetteer of nk_entities().';

CREATE FUNCTION nk_compare(a text, b text, a_published timestamptz DEFAULT NULL, b_published timestamptz DEFAULT NULL,
                           OUT relation text, OUT score real, OUT reason text)
AS 'MODULE_PATHNAME', 'pg_nk_compare'
LANGUAGE C STABLE PARALLEL SAFE;

COMMENT ON FUNCTION nk_compare(text, text, timestamptz, timestamptz) IS
'How text b relates to text a: agree (the same fact, values compatible), contradict (the same fact at the same time, incompatible values or polarity), update (the later report says how a plan, expectation, speculation, unverified claim or earlier estimate turned out) or unrelated (different events or facts, or nothing to compare). First the two must speak of the same event or fact: same type or slot, compatible subjects and objects through canonical names, surnames and the gazetteer''s containment, times that can be one occasion. Numbers compare with the tolerance of their wording, dates at the coarser precision, places through containment. reason names the slot and both values. score: about 0.9 firmly the same event (named subject and object match, times overlap), 0.7 with a side missing, 0.5 tied by a fact slot, a statement or shared entities only; unrelated 0.6-0.8 when found to be different occasions or facts, 0.2 when nothing was found to compare. NULL when a or b is NULL.';

CREATE FUNCTION nk_compare(a nk_claim, b nk_claim, OUT relation text, OUT score real, OUT reason text)
AS 'MODULE_PATHNAME', 'pg_nk_compare_claims'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION nk_compare(nk_claim, nk_claim) IS
'How claim b relates to claim a, by the rules of nk_compare(text, text, ...): agree, contradict, update or unrelated, with a score and a reason naming the slot and both values. Places are compared through the gazetteer.';
