-- Bad input gets a defined answer, never a crash
SET timezone = 'UTC';

-- NULL in, NULL out (STRICT); empty and white-space-only text
SELECT nk_article(NULL) IS NULL AS null_article, count(*) AS null_sentences FROM nk_sentences(NULL);
SELECT * FROM nk_article('');
SELECT * FROM nk_article(E'  \n\t\n  ');
SELECT count(*) FROM nk_sentences('');
SELECT count(*) FROM nk_sentences(E' \n\n\t ');

-- control characters
SELECT sentence, length(text) FROM nk_sentences(E'Kim\x01 left\x02. Putin\x7f stayed.');
SELECT title, body FROM nk_article(E'Head\x01line here\n\nThe\x02 story goes on for a while, and it ends here.');

-- a 10 MB line with no punctuation: one sentence
SELECT count(*), max(len) FROM nk_sentences(repeat('a', 10000000));
SELECT length((nk_article(repeat('word ', 2000000))).body);

-- a 20 MB article
SELECT count(*) FROM nk_sentences(repeat(E'The envoy arrived in Pyongyang on Monday. He left on Tuesday.\n\n', 320000));
SELECT length((nk_article(repeat(E'The envoy arrived in Pyongyang on Monday. He left on Tuesday.\n\n', 320000))).body);

-- invalid dates and unknown zones in a dateline
SELECT published, dateline FROM nk_article(E'A headline about the talks\n\nFeb 30, 2023\n\nThe envoy arrived in the capital on Monday for talks.');
SELECT published, dateline FROM nk_article(E'A headline about the talks\n\nSep 13, 2023 10:00 XYZ\n\nThe envoy arrived in the capital on Monday for talks.');
SELECT published, dateline FROM nk_article(E'A headline about the talks\n\n99/99/2023\n\nThe envoy arrived in the capital on Monday for talks.');

-- text that is only boilerplate
SELECT * FROM nk_article(E'Trending Now\nMost Read\nAdvertisement\nPrint Friendly, PDF & Email\nLeave a Comment\nYour email address will not be published.\nPost Comment\nRequired fields are marked *\n© 2024 Some Media. All rights reserved.');
