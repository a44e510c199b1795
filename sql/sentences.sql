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
