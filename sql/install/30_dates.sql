-- The dates stage: time expressions placed on the calendar against the publication time.

CREATE FUNCTION nk_dates(doc text, published timestamptz DEFAULT NULL,
    OUT mention text, OUT pos int, OUT len int, OUT sentence int,
    OUT date_from date, OUT date_to date, OUT "precision" text, OUT timex text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'pg_nk_dates'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION nk_dates(text, timestamptz) IS
'Time expressions of a document, one row each: the mention, its 1-based character position and length (substr(doc, pos, len) = mention), its sentence (numbered as nk_sentences numbers them), the inclusive calendar range, precision (day, week, month, quarter, season, year, decade, range, vague) and TIMEX3 value. Relative expressions resolve against published, whose calendar day is taken in UTC unless the dateline names Seoul or Pyongyang (KST), Tokyo, Beijing, Moscow or Vladivostok; without published they come back with NULL dates. A NULL doc gives no rows.';
