-- Grammar: words, part-of-speech tags, lemmas and dependency trees.

CREATE FUNCTION nk_parse(doc text,
    OUT sentence int, OUT token int, OUT text text, OUT lemma text, OUT upos text, OUT xpos text,
    OUT head int, OUT deprel text, OUT pos int, OUT len int)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'pg_nk_parse'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION nk_parse(text) IS
'Parse a document: one row per word of every sentence, split as Universal Dependencies English splits words ("Kim''s" is Kim + ''s, "don''t" is do + n''t), with its lemma, Universal POS tag (upos), Penn Treebank tag (xpos) and its head and relation (deprel) in the sentence''s dependency tree. sentence is numbered from 1 as in nk_sentences, token from 1 within its sentence, head is the token of the head (0 for the root); substr(doc, pos, len) = text. The model, trained on UD English EWT (CC BY-SA 4.0), is read from the installed file nkwatch.model; it changes only with the extension''s version, hence IMMUTABLE.';
