-- nk_sentences(): boundaries, positions in characters, abbreviations and layout

-- substr(doc, pos, len) is the sentence, in multi-byte text too
SELECT sentence, pos, len, text, substr(d, pos, len) = text AS exact
FROM (VALUES (E'“Kim arrived,” said Lt. Gen. Ri — and left. Путин ждал. 김정은 위원장이 도착했다. The U.S. Treasury acted.')) v(d),
     nk_sentences(d);

-- abbreviations, initials, decimals, ellipses, closing quotes and brackets
SELECT sentence, text FROM nk_sentences(
  'Mr. Kim met Dr. Lee at 3 p.m. on Sept. 13. Jakob A. Overgaard wrote it. '
  'The No. 1 priority is 3.5 times bigger, 11,000 troops say... Not all. '
  '"We will come," he said. (The U.N. agreed.) The talks ended in the U.S. The next round is due in Jan. 2024.');

-- headlines and list lines without final punctuation, paragraph breaks, hard-wrapped lines
SELECT sentence, text FROM nk_sentences(E'Putin visits Pyongyang\nA two-day trip\n\n• First item\n• Second item\n\nThe visit was long and\nit ended on Wednesday.\nMOSCOW, June 18. /TASS/. The president left.');

-- a full stop with no space after it, as some pages print
SELECT sentence, text FROM nk_sentences('according to the agency (NIS).The spy agency said so.');

-- every fixture page's body: how many sentences, and each is exactly its span
CREATE TEMP TABLE fixture(file text, raw text);
\i sql/include/fixture_pages.sql
INSERT INTO fixture VALUES ('01', :'f01'), ('02', :'f02'), ('03', :'f03'), ('04', :'f04'), ('05', :'f05'),
  ('06', :'f06'), ('07', :'f07'), ('08', :'f08'), ('09', :'f09'), ('10', :'f10'), ('11', :'f11'),
  ('12', :'f12'), ('13', :'f13'), ('14', :'f14');
SELECT f.file, count(s.sentence) AS sentences,
       count(*) FILTER (WHERE substr(a.body, s.pos, s.len) <> s.text) AS misplaced,
       max(s.len) AS longest
FROM fixture f CROSS JOIN LATERAL nk_article(f.raw) a LEFT JOIN LATERAL nk_sentences(a.body) s ON true
GROUP BY f.file ORDER BY f.file;

-- the first sentences of one page
SELECT s.sentence, s.text
FROM fixture f, nk_article(f.raw) a, nk_sentences(a.body) s
WHERE f.file = '05' AND s.sentence <= 8;

-- the hard kinds (issue 18): an abbreviation or the pronoun I that ends a sentence against a
-- title or a middle initial, a time at the end, addresses, glued full stops, list items,
-- spaced and bracketed ellipses, a citation after a quotation, number signs
SELECT sentence, text FROM nk_sentences(
  'The cargo was insured in the U.K. Her captain denied it. The buyer was Chollima Trading Co. '
  'They paid in cash, and so did I. Then Olga V. Sokolova arrived at 8 A.M. Dr. Yun met her. '
  'By 9 a.m. Mr. Ri had gone. Mail desk.Chief@example.org. Imports fell to 1,250.Traders said '
  '"prices will rise."Nobody knew. 1. Stop the trucks 2. Count the crates. a. Red b. Green. '
  'The ledger . . . was lost. . . . The rest [...] burned . . . . "It is gone." (Han 3). '
  'See box N°. 4 and case No. 7. Done.');
SELECT sentence, text FROM nk_sentences(E'\u2022 4. Sign the form\n\u2022 5. Send it\n\nnames\nphone numbers\nand the long list of addresses\nthat was kept.');
