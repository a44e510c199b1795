/*
 * test_sentences.c
 *	  Unit tests of the sentence splitter on the hard kinds of sentence
 *	  boundary: abbreviations and initials that end a sentence or do not,
 *	  times, addresses, glued full stops, lists, ellipses, citations and
 *	  number signs.  Each kind has sentences it must split and sentences it
 *	  must leave whole; all are written for these tests.
 */
#include "nk_sentence.h"
#include "unit.h"

#define SPLIT(text, ...) \
	do { \
		static const char *const e_[] = {__VA_ARGS__}; \
		unit_check_sentences(text, e_, (int) (sizeof(e_) / sizeof(e_[0]))); \
	} while (0)

/* A text that is one sentence. */
#define WHOLE(text) SPLIT(text, text)

/* "in the U.K. Her office": an abbreviation at the end of a sentence */
static void
test_abbreviation_at_end(void)
{
	SPLIT("The charity is registered in the U.K. Her office is in Leeds.",
		  "The charity is registered in the U.K.", "Her office is in Leeds.");
	SPLIT("Seoul asked the E.U. Why did it wait so long?",
		  "Seoul asked the E.U.", "Why did it wait so long?");
	SPLIT("The missiles were sold by Rason Trading Inc. They reached Syria.",
		  "The missiles were sold by Rason Trading Inc.", "They reached Syria.");
	SPLIT("Please bring the maps, the flags, etc. We leave at dawn.",
		  "Please bring the maps, the flags, etc.", "We leave at dawn.");
	SPLIT("The drill was moved to Wed. It had rained.", "The drill was moved to Wed.", "It had rained.");
	SPLIT("Ships came from Nampo Shipping Co. \"It is routine,\" a guard said.",
		  "Ships came from Nampo Shipping Co.", "\"It is routine,\" a guard said.");
	/* a capitalised word that is not a function word continues it */
	WHOLE("The envoy met the U.K. Foreign Secretary in London.");
	WHOLE("She has lived in the E.U. for a decade.");
	WHOLE("A deal with Hana Co. at the border was signed.");
	WHOLE("Details of the Sept. 13 meeting leaked.");
	SPLIT("I moved to the U.S. Is that odd?", "I moved to the U.S.", "Is that odd?");
	/* in a title in title case, capitalised function words go on */
	WHOLE("What the U.S. Is Doing About the Sanctions");
	/* titles and other abbreviations that stand before a name never end one */
	WHOLE("The delegation of Gen. Pak and Lt. Ri arrived with Dr. Han.");
	WHOLE("He climbed Mt. Paektu with Prof. Cho and Mrs. Kang.");
}

/* "as did I. Then Mary J. Blige": the pronoun I at an end, against a middle initial */
static void
test_initials(void)
{
	SPLIT("Everyone cheered, and so did I. Then Anna K. Petrova took the stage.",
		  "Everyone cheered, and so did I.", "Then Anna K. Petrova took the stage.");
	SPLIT("The plant makes vitamin C. It sells abroad.", "The plant makes vitamin C.", "It sells abroad.");
	SPLIT("The report was written by Peter Anders B. The findings were grim.",
		  "The report was written by Peter Anders B.", "The findings were grim.");
	WHOLE("The letter was signed by Anna K. Petrova and Jakob A. So in Oslo.");
	WHOLE("Has anyone heard from Victor I. Markov lately?");
	WHOLE("An essay by H. G. Wells was quoted.");
}

/* "at 9 A.M. Dr. Lee": a time at the end of a sentence, and one put in front */
static void
test_times(void)
{
	SPLIT("The convoy left the port at 7 A.M. Dr. Moon watched it go.",
		  "The convoy left the port at 7 A.M.", "Dr. Moon watched it go.");
	SPLIT("The border opened at 10 a.m. Where the traders went is unknown.",
		  "The border opened at 10 a.m.", "Where the traders went is unknown.");
	SPLIT("The train left at 6 p.m. Its arrival is due on Friday.",
		  "The train left at 6 p.m.", "Its arrival is due on Friday.");
	WHOLE("By 8 p.m. Mr. Ri had left the hall.");
	WHOLE("The talks ran from 9 a.m. to noon.");
}

/* e-mail and web addresses, whose periods are no sentence ends */
static void
test_addresses(void)
{
	SPLIT("Send the forms to Desk.Officer@mail.example.org. Replies take a week.",
		  "Send the forms to Desk.Officer@mail.example.org.", "Replies take a week.");
	SPLIT("The text is at http://news.example.com/Archive/Page.Two.html. It was removed later.",
		  "The text is at http://news.example.com/Archive/Page.Two.html.", "It was removed later.");
	WHOLE("Write to press.Office@example.net for a copy.");
	WHOLE("The page www.Example.org lists them.");
}

/* a full stop glued to the next sentence, after a number or a closing quote */
static void
test_glued_full_stops(void)
{
	SPLIT("Exports rose to 3,400.Customs officials were surprised.",
		  "Exports rose to 3,400.", "Customs officials were surprised.");
	SPLIT("\"We are ready,\" he told the talks.\"Nothing changed,\" she said.",
		  "\"We are ready,\" he told the talks.\"", "Nothing changed,\" she said.");
	SPLIT("The vote was held on Monday.Turnout was low.", "The vote was held on Monday.", "Turnout was low.");
	WHOLE("Rates fell 2.5 percent, to 1.75.");
	WHOLE("The file ID.Final was sent.");
}

/* numbered, lettered and bulleted lists, with and without final stops */
static void
test_lists(void)
{
	SPLIT("1. Pack the bags 2. Lock the door 3. Leave early",
		  "1. Pack the bags", "2. Lock the door", "3. Leave early");
	SPLIT("1. Pack the bags. 2. Lock the door.", "1. Pack the bags.", "2. Lock the door.");
	SPLIT("1) Call the office 2) Wait", "1) Call the office", "2) Wait");
	SPLIT("1.) Call the office. 2.) Wait.", "1.) Call the office.", "2.) Wait.");
	SPLIT("a. Red flags b. Blue flags c. No flags", "a. Red flags", "b. Blue flags", "c. No flags");
	/* a bullet at the start of a line is part of its item's label when a number follows */
	SPLIT("\xe2\x80\xa2 3. Eat\n\xe2\x80\xa2 4. Rest", "\xe2\x80\xa2 3. Eat", "\xe2\x80\xa2 4. Rest");
	SPLIT("\xe2\x80\xa2 3. Eat \xe2\x80\xa2 4. Rest", "\xe2\x80\xa2 3. Eat", "\xe2\x80\xa2 4. Rest");
	SPLIT("\xe2\x80\xa2 Eat\n\xe2\x80\xa2 Rest", "Eat", "Rest");
	SPLIT("\xe2\x81\x83" "7. North \xe2\x81\x83" "8. South",
		  "\xe2\x81\x83" "7. North", "\xe2\x81\x83" "8. South");
	SPLIT("Steps:\n1. Register\n2. Vote", "Steps:", "1. Register", "2. Vote");
	SPLIT("Do this: 1. Register 2. Vote", "Do this:", "1. Register", "2. Vote");
	SPLIT("We met twice. 1. Talks failed. 2. Talks resumed.",
		  "We met twice.", "1. Talks failed.", "2. Talks resumed.");
	/* a number at a sentence end is no label without its predecessor */
	SPLIT("The score was 2. Then it rained.", "The score was 2.", "Then it rained.");
	WHOLE("He was ranked 4. in the list and 5. on the board.");
	/* a number glued after a colon, or before a blank line, is no label */
	SPLIT("Filed at 10:45.\n\nIt was late.", "Filed at 10:45.", "It was late.");
	SPLIT("The count was 1:2. The next was 3.", "The count was 1:2.", "The next was 3.");
}

/* lines: short lines are items of a list, long ones hard-wrapped text */
static void
test_lines(void)
{
	SPLIT("rice\nflour and salt\ncooking oil, sugar\n", "rice", "flour and salt", "cooking oil, sugar");
	WHOLE("The ferry carried forty people\nacross the river at night.");
	WHOLE("It was a long and \ndifficult winter.");
	/* a short line that starts with a capital starts a hard-wrapped sentence */
	WHOLE("Then\nthe ferry left.");
}

/* spaced, bracketed and four-dot ellipses */
static void
test_ellipses(void)
{
	WHOLE("He said the plan was . . . not ready, and the talks . . . Seoul would wait.");
	WHOLE("\"The rules [...] bind every member [...]\" (Park 7).");
	WHOLE("She wrote that \xe2\x80\x9cthe river will rise again. . . .\xe2\x80\x9d");
	SPLIT("The minutes end abruptly . . . . A new page begins.",
		  "The minutes end abruptly . . . .", "A new page begins.");
	SPLIT("The old rule . . . was dropped in spring. . . . The new one was kept. . . .",
		  "The old rule . . . was dropped in spring.", ". . . The new one was kept. . . .");
	SPLIT("Nobody agreed with us.... They left at once.", "Nobody agreed with us....", "They left at once.");
	WHOLE("We hoped ... well, we hoped...perhaps not.");
}

/* a citation after a quotation stays with it; other brackets after a sentence do not */
static void
test_citations(void)
{
	SPLIT("\"Peace is near.\" (Kim 41). Few believed it.", "\"Peace is near.\" (Kim 41).", "Few believed it.");
	SPLIT("The talks ended. (The envoy stayed.) Work resumed.",
		  "The talks ended.", "(The envoy stayed.)", "Work resumed.");
	WHOLE("He studied law (He had worked in trade for years.) at a college.");
}

/* "No. 5" and "N°. 5" */
static void
test_number_signs(void)
{
	SPLIT("The site is at N\xc2\xb0. 12.40.7. It is fenced.", "The site is at N\xc2\xb0. 12.40.7.", "It is fenced.");
	WHOLE("Mark the hut N\xc2\xba. 3 on the map.");
	SPLIT("The ship was listed as No. 5. Then it sank.", "The ship was listed as No. 5.", "Then it sank.");
	WHOLE("The No. 2 official of the party spoke.");
}

/* the kinds that passed before, kept */
static void
test_plain(void)
{
	SPLIT("Where is the ship? It left. Stop!! Really?! Yes.",
		  "Where is the ship?", "It left.", "Stop!!", "Really?!", "Yes.");
	WHOLE("Analysts at Yahoo! say little about it.");
	WHOLE("The fine came to $200.50 in all.");
	SPLIT("She turned, \"It is over.\" She left.", "She turned, \"It is over.\"", "She left.");
	WHOLE("She turned, 'It is over.' he said.");
	WHOLE("That was Kim Jr.'s plan.");
}

/* the tokenizer's spaced ellipsis */
static void
test_ellipsis_tokens(void)
{
	nk_arena   *a = nk_arena_create();
	nk_token_list t = {0};
	const char *s = "end. . . . So . . . no";

	nk_tokenize(a, s, strlen(s), &t);
	CHECK_INT_EQ(t.count, 6);
	CHECK_STR_EQ(t.items[1].fold, ".");
	CHECK_INT_EQ(t.items[1].len, 1);
	CHECK_STR_EQ(t.items[2].fold, "...");
	CHECK_INT_EQ(t.items[2].len, 5);
	CHECK_STR_EQ(t.items[4].fold, "...");
	CHECK_INT_EQ(t.items[4].len, 5);
	nk_arena_destroy(a);
}

int
main(void)
{
	test_abbreviation_at_end();
	test_initials();
	test_times();
	test_addresses();
	test_glued_full_stops();
	test_lists();
	test_lines();
	test_ellipses();
	test_citations();
	test_number_signs();
	test_plain();
	test_ellipsis_tokens();
	return unit_report();
}
