-- The core of nkwatch: the first stages of the pipeline, raw text to sentences.

CREATE FUNCTION nk_sentences(doc text,
    OUT sentence int, OUT pos int, OUT len int, OUT text text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'nk_sentences'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION nk_sentences(text) IS
'Split a document into sentences: one row per sentence, numbered from 1, with its 1-based character position and length (substr(doc, pos, len) = text).';
