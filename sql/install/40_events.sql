-- The events stage: typed, CAMEO-coded event rows.

CREATE TABLE nk_cameo (
    event_type text PRIMARY KEY,
    cameo text NOT NULL CHECK (cameo ~ '^[0-9]{2,4}$'),
    quad_class int NOT NULL CHECK (quad_class BETWEEN 1 AND 4),
    goldstein real NOT NULL CHECK (goldstein BETWEEN -10 AND 10),
    plover text,
    description text NOT NULL,
    note text
);

COMMENT ON TABLE nk_cameo IS
'The 22 event types of nk_events() and the CAMEO 1.1b3 code each is stored under (text, leading zeros kept, so rows join with GDELT''s EventCode), with GDELT''s QuadClass and Goldstein score of the code, the PLOVER category, the CAMEO description and a note where CAMEO has no exact code. Shipped from data/events/cameo.tsv; the engine compiles in the same file.';

--@data data/events/cameo.tsv

CREATE TABLE nk_event_triggers (
    event_type text NOT NULL REFERENCES nk_cameo,
    pos text NOT NULL CHECK (pos IN ('verb', 'noun', 'fixed')),
    phrase text NOT NULL,
    forms text[],
    actor text NOT NULL,
    target text NOT NULL,
    needs text NOT NULL,
    confidence real NOT NULL
);

COMMENT ON TABLE nk_event_triggers IS
'Trigger words and phrases of the events stage, for reference (the engine compiles in data/events/triggers.tsv, which fills this table): type, part of speech, phrase (* skips up to 3 words), extra inflected forms, the slots actor and target come from (subj, obj, poss or a preposition), the word class the frame needs (arms, troops, gift; claim: an allegation, for a verb of rejecting) and the frame''s confidence.';

--@data data/events/triggers.tsv

CREATE TABLE nk_event_cues (
    cue text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('status', 'attribution', 'conditional', 'arms', 'troops', 'gift')),
    status text,
    scope text
);

COMMENT ON TABLE nk_event_cues IS
'Cue words of the events stage, for reference (compiled in from data/events/cues.tsv): modality cues with the status they give and their scope (near: a few words before the trigger in its clause; clause: before it in its sentence; after: a few words after it), attribution verbs, conditionals, and the word classes arms, troops and gift.';

--@data data/events/cues.tsv

CREATE TYPE nk_event AS (
    event_type text, cameo text, quad_class int, goldstein real, plover text,
    actor text, actor_label text, target text, target_label text, location text,
    items text[], quantity bigint, quantity_max bigint,
    date_from date, date_to date, "precision" text,
    status text, source text, sentence int, pos int, len int, confidence real);

COMMENT ON TYPE nk_event IS
'An event of a document: its type (one of the 22 of nk_cameo) with CAMEO code, QuadClass, Goldstein score and PLOVER category; actor and target as canonical entity names with their labels (a demonym stands for its country; a city is never an actor); location; items given, sold or launched and the quantity tied to the event (a range: quantity lower, quantity_max upper bound; "up to N": quantity_max only); the date range of the clause''s time expression and its precision; status (reported, planned, speculated, alleged, denied, negated, cancelled); source (who the text attributes it to); the evidence sentence (number, 1-based character pos and len: substr(doc, pos, len)); and the rule''s confidence.';

CREATE FUNCTION nk_events(doc text, published timestamptz DEFAULT NULL)
RETURNS SETOF nk_event
AS 'MODULE_PATHNAME', 'pg_nk_events'
LANGUAGE C STABLE PARALLEL SAFE;

COMMENT ON FUNCTION nk_events(text, timestamptz) IS
'Events of a document, one row per distinct event (repeated mentions merged; the same act alleged by one side and denied by another is two rows): trigger words and phrases of data/events/triggers.tsv, actor and target from the entity mentions around them (active and passive voice, prepositions, appositions, relative clauses, coordination), status from modality cues in scope, no row from a conditional, source from attribution, date from nk_dates() in the same sentence (relative dates need published). Uses the gazetteer of nk_entities(). Confidence: the trigger frame''s confidence times 0.9 with actor and target (0.75 with one), 0.85 for a pronoun, 0.9 for a status other than reported, 0.8 for a target taken from another mention of the trip.';
