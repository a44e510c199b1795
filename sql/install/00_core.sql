-- The core of nkwatch: the first stages of the pipeline, raw text to sentences.

CREATE FUNCTION nk_sentences(doc text,
    OUT sentence int, OUT pos int, OUT len int, OUT text text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'pg_nk_sentences'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION nk_sentences(text) IS
'Split a document into sentences: one row per sentence, numbered from 1, with its 1-based character position and length (substr(doc, pos, len) = text).';

CREATE FUNCTION nk_article(raw text,
    OUT title text, OUT author text, OUT published timestamptz, OUT dateline text, OUT body text)
RETURNS record
AS 'MODULE_PATHNAME', 'pg_nk_article'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION nk_article(text) IS
'Parse raw news-page text: headline, byline, publication time (a printed time without a zone is UTC), the printed date it came from, and the story body without page furniture.';

CREATE FUNCTION nk_article(raw text, fetched timestamptz,
    OUT title text, OUT author text, OUT published timestamptz, OUT dateline text, OUT body text)
RETURNS record
AS 'MODULE_PATHNAME', 'pg_nk_article'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION nk_article(text, timestamptz) IS
'As nk_article(raw), but a printed date without a year takes the latest year that puts it on or before fetched, when the page gives no full date; NULL raw gives NULL, NULL fetched is ignored.';

CREATE FUNCTION nk_article(raw text, fetched timestamptz, url text,
    OUT title text, OUT author text, OUT published timestamptz, OUT dateline text, OUT body text)
RETURNS record
AS 'MODULE_PATHNAME', 'pg_nk_article'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION nk_article(text, timestamptz, text) IS
'As nk_article(raw, fetched), with the address the page came from: the date it carries (see nk_url_published; a year and month are enough) gives a printed date without a year its year, before fetched does, and is the publication day when the page prints no date; a full printed date always wins. NULL raw gives NULL, NULL fetched or url is ignored.';

CREATE FUNCTION nk_url_published(url text) RETURNS date
AS 'MODULE_PATHNAME', 'pg_nk_url_published'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION nk_url_published(text) IS
'The publication day a page''s address carries in its path or query: /2024/11/29/, /2024/Nov/29/, /2024-11-29/, /20241129/, or an id that opens with one (AEN20241129000100315); the host name is not read. NULL when it carries none, or only a year and month.';
