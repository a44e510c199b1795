-- nk_parse(): words, lemmas, tags and dependency trees

-- one sentence of our own, every column
SELECT * FROM nk_parse('The delegation signed a new agreement in Hanoi on Tuesday.');

-- split tokens as UD English splits them, and substr(doc, pos, len) = text in multi-byte text
SELECT sentence, token, text, lemma, upos, head, deprel, substr(d, pos, len) = text AS exact
FROM (VALUES (E'“We don\'t know,” the minister\'s aide said in Pyongyang — 평양.')) v(d), nk_parse(d);

-- sentences are numbered as nk_sentences numbers them, and each word lies inside its sentence
WITH d(doc) AS (VALUES ('Mr. Kim arrived on Monday. He left two days later. Talks went on.'))
SELECT p.sentence, count(*) AS words,
       bool_and(p.pos >= s.pos AND p.pos + p.len <= s.pos + s.len) AS inside
FROM d, nk_parse(d.doc) p JOIN nk_sentences(d.doc) s ON s.sentence = p.sentence
GROUP BY p.sentence ORDER BY p.sentence;

-- every sentence has one tree: one root, heads inside the sentence
WITH p AS (SELECT * FROM nk_parse(
  'If the talks fail, the envoy said, both sides will lose. The ship that sank was old, and nobody knew why. Where did they go?'))
SELECT sentence, count(*) FILTER (WHERE head = 0) AS roots,
       bool_and(head BETWEEN 0 AND (SELECT max(token) FROM p q WHERE q.sentence = p.sentence)) AS heads_inside
FROM p GROUP BY sentence ORDER BY sentence;

-- NULL in, no rows out (STRICT); nothing to parse, no rows
SELECT count(*) FROM nk_parse(NULL);
SELECT count(*) FROM nk_parse('');
SELECT count(*) FROM nk_parse(E' \n\t ');

-- hostile input: 100,000 one-letter words in one sentence, control characters
SELECT count(*) AS words, count(*) FILTER (WHERE head = 0) AS roots
FROM nk_parse(repeat('a ', 100000));
SELECT count(*) > 0 AS parsed FROM nk_parse(E'\x01\x02 abc \x7f. \u00a0 def');
