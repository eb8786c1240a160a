"""When each quote was said, from the text around it and the narrative.

The evidence, strongest first (the examples are made up):

1. a continuation (``continues`` set) was said when the quote it continues was,
   and so is a quote whose cue lies inside another ("she said that she had
   asked ..."), unless the parse hangs a date on the quote's own cue ("the hosts
   report that ... '...,' as the host Jo Park said in April"; not a cue the two
   share, whose date the first weighed);
2. a date in the attribution sentence, outside anyone's quoted words and no
   later than the article ("On May 3, she wrote on her blog that ..."; "Now,
   in a post, she wrote ..."; "since last spring" is a range from then to the
   article date); with a parse, not a date in a clause about something else
   ("the levy approved in April", "the sale, which closed Tuesday"; but "a
   statement issued Oct. 25" dates its words), nor the main verb's date for
   words in a relative clause ("now left with the loans Ms. Ruiz sought"), nor
   a date that qualifies a thing ("Ruiz's 2008 campaign", "a deputy in 2012")
   or the speaker ("said Lee, a strategist for her campaign four years ago")
   or sits in the words reported ("noted that Ferrell looked tired in 1984") or in
   what they were about ("said, referring to the vote on Tuesday"),
   nor the date of the other clause ("She left in 2000, but she said ...");
   "this week" ends on the article's day; "earlier this year" is a range from the
   year's first day to the day before the article;
3. the narrative: "later on the same show", "in the same interview" goes on at the
   occasion of the words just before (anyone's), dated or not (not "in the same vein":
   the same thought); "she later revealed" is
   after the last date told (outside
   quotes; not the "later" of a relative clause, "Ruiz, who later became a citizen")
   and before the article (or undated, when what came just before
   is); "she said then", "he told reporters at the time" is at the last time told
   before (an event's: "the words she used at a Nov. 2 rally"); "she had added" (past
   perfect) continues the speaker's account before it (but "he said later" after words
   said "at a rally last week" is at that rally still); "X added", "the statement
   continued" go on from the speaker's quote just before, dated or not; a document as
   the speaker ("says the letter", "the statement read") is dated where the text dated it ("a Nov. 5
   letter"); words that say "yesterday" of the day the narrative told just
   before were said the next day ("On Thursday, Ruiz accused them." then
   "'... her statements yesterday ...,' the statement read"; not words going on from the
   speaker's words of that day, "At a rally Tuesday, Ruiz said ..." then "... last night
   when I got home ..."); the sentence
   after pointing back ("That's the view Ferrell gave on May 14"; not the speaker's
   next quote, '"This is a campaign of slogans," said Lee, who advised the 2008
   nominee');
4. an event the attribution points back to: "during the call" is the call
   the text dated before ("the March 21 call"); a definite event never dated
   ("earlier in the show"), or a press event ("in a conference call with
   reporters"), is the one the lead reports, on its day;
5. the channel: a quote from the same speaker told to the same named audience
   ("told Jo Park of Radio Dover this week" then "told the station that"), or in
   the same channel ("her blog post"), as an earlier dated quote shares its
   date (a channel word that is not how the words came, "a signer of the
   letter, told the Gazette", is none), unless the narrative has told another
   date of the speaker since ("Park asked Ruiz Wednesday ..." after her
   words of December: a new account; so for 6 too); a channel counts only where
   the text tells it, in the attribution outside the quoted words or going on from
   the speaker's words just before in it, and a document's or a recording's ("the
   doctors stated" long after "in a letter") however far on; a post, a show or an
   interview named long before is no channel of the speaker's later words ("In
   another tweet, Lee called ..." does not make her words at a rally a tweet);
6. the account just told: the speaker's communication dated in one of the
   two sentences before the words (before the quote, when its cue comes after
   sentences of its own; told by any saying verb: "A month later, Ruiz visited the
   docks and explained why ..."; or by the date hanging on a verb of saying, "On
   Saturday, Ruiz slammed the plan."; "In May 2015, Ruiz released a letter from Dr.
   Ferrell" -> "'...,' Ferrell wrote"; "According to a 2018 survey by
   Lee"; "he told me on Friday" then "He said ...": the same pronoun
   telling), unless the attribution names another audience or channel
   ("told Radio Dover last week" then "'...,' Ruiz told reporters"; "wrote in an
   email"), or the speaker's dated quoted words before, in the same channel (just
   before; a bare "Ferrell said:" further on); or a group's day of speaking up just
   before ("Even her allies on the council objected on Tuesday that ..." then
   "Councilor Lee said ..."), unless the paper interviewed the speaker;
7. reactions told together: in a paragraph whose first reaction is dated by its
   own words ("Mayor Lee said Friday that ..."), another speaker's words said
   then ("Judge Ferrell said it would be 'unwise'") are of that day;
8. the speaker the lead dates: one whose words the lead dates by their own
   attribution to a day of the past week ("Ruiz on Tuesday called the plan
   'reckless'" in Thursday's paper) said their other undated words that day, when
   told bare and in the simple past ("'I stand by it,' Ms. Ruiz said";
   not "told the Gazette", "in a statement", "says", nor words about "yesterday");
9. yesterday's news: when the lead (its first paragraphs; of a story in one long
   paragraph, its first sentences) reports the day before the article at an occasion
   of speaking ("squared off in a debate on Tuesday night", "during their committee
   hearing Tuesday", "in a conference call with reporters" in Wednesday's paper), a
   quote still undated, said in the
   simple past ("said", "told reporters", "pledged", "gushed about", "said in a
   statement", "wrote on Facebook"; not "says", "has said", nor the
   paper's own interview, "said in an interview", "told me"), was said that
   day (a day told next to another speaker's cue, "on Monday, the union said ...",
   "Over the weekend, Ruiz hit back ...", is that speaker's, not the story's; nor is
   an older day told as part of a noun, "her account of the July 10 meeting"). A lead
   that reports a day's act or happening, not an occasion ("the board approved the sale
   on Tuesday", "a storm flooded the town on Tuesday"), dates only the words of the one
   it shows acting that day; the others' are reactions, of the article's day
   (annotations/BRIEF.md, rule 3). A day told
   after the lead dates the words within a paragraph of it, or of the words said that day
   since ("Yesterday, the shares fell further." two paragraphs back is an aside), unless
   it is the first past day the text tells (a lead of boilerplate; not the day of the
   lead's act the words react to). A lead
   that tells the article's own day first ("today sought peace", then "Bush on
   Tuesday said") reports that day, and once it dates words to that day ("Ruiz said
   on Wednesday" in Wednesday's paper), a day before told later ("The council voted on
   Tuesday") is an aside, not the day of the words after it. These
   run last and never spread to other quotes through 5 or 6 (nor do 7 and 8).

A reply ("Lee shot back", "she replied to him"), or the answer to a question put to the
speaker just before ("On Tuesday, Okafor asked Ruiz whether ..." then "'...,' Ruiz
said"), that nothing above dates takes the date of the other speaker's words just before
it, when the text dated them. The article's reporting frame ("Politico interviewed nearly
20 senators over the past week", "in interviews this week") dates the spoken words that
nothing above dates, after it or before it ("none of the scholars I interviewed this week
thought ..." after their words), as its range ("the past week": the seven days up to the
article; rule 2 of annotations/BRIEF.md), not words told to another outlet ("told CNN")
or said at an occasion or through a channel of their own ("at a rally"). Words one speaker
said that the text quotes twice, once dated ("saying she had made a 'poor choice of
words'" on Tuesday, then "'... That was a poor choice of words ...,' she wrote"), are one
saying: the undated quote takes the date (three words at least).

An occasion the text sets up once and quotes from over several paragraphs ("At
a council hearing last week, ...", "during a September hearing", "who attended a
rally last Wednesday", "Lee said after
the game" that the lead dated, "In an interview ..." in a lead that tells of the
weekend) holds for the quotes still undated after it: words said in the past
tense (not "says", "in a statement", "in an interview": another one, "before
the interview"), by speakers the text places there (named where it is set up,
quoted there, answering: "responded"; or the attribution names it: "the other
witness at the hearing"), within two paragraphs of the last words said there and
until another date is told (the occasion's day told again, or the range it lies in,
"the weekend", is back at it). A sentence that opens at an occasion sets it up too
("In Salem last Wednesday, Ruiz's rally at the union hall ..."). An occasion dated by a
range ("the debate over the weekend") takes the day the text gives it elsewhere ("the
Saturday debate"), not the day of one held at another place ("a rally last week in
Dover", then "In Salem last Wednesday, Ruiz's rally"). A
speaker placed at another occasion only (a pull quote of theirs from it, set among
another occasion's quotes) takes that one's date.

The place of a dated occasion ("a rally in Dover, Del." the day before; the
dateline's city, "SALEM, Ore. - On Friday morning, ...") dates the occasion told
there again ("At one rally, in Dover, ...") and the words the attribution says were
said there ("Ruiz said in Dover", "who showed up in Salem to hear Ruiz"): with no
date of their own sentence ("who met her in Salem in 2009"), and an occasion's place
only within the occasion's reach (the dateline's: the whole story).

A subheading that quotes words the text dates elsewhere takes their date; so does a
one-line subheading quoting a speaker's words said just below it by the same speaker
("She called the fishermen 'pirates'" over "'Half of these pirates never paid,' Ruiz
wrote on June 4"), a single word too. An update (a post embedded with a date after
the article's: "— Rep. Ana Ruiz (@ruiz_ana) May 4, 2021") tells of days up to its
own: a past weekday is resolved against it ("posted on Twitter Tuesday").

Words said in the present ("Ruiz says", "Ferrell notes") are said to the piece,
now: no date of their sentence or of the account before is theirs (a document's
words, "says the letter signed by ...", keep the document's date).
Words said in the present perfect ("Ruiz has argued", "have often said") were
said some time before the article: only a date of their own sentence is theirs,
not the account or the occasion told before.

Between the story's day and the article's, for words that nothing of their own dates and
that no convention above keeps from the story's day, a learned choice decides
(:mod:`saidwhen.extract.when.learned`): the candidates are the day the passes of 7-9 give,
the lead's past day, the last past day told before the words and the day most quotes are
dated to; weights learned on the tuning sets' gold take a candidate, or the article's day,
when sure, and leave the passes' verdict (one of their features) otherwise.

A speaker's interview of the past week that the text dates in the words' own sentence
("Ruiz said in an interview on Friday that ...", "In a telephone interview last week,
Ruiz said ...") is where the speaker's words still undated after all of the above were
said, before it in the text or after (rule 1 of annotations/BRIEF.md: words said at an
occasion take its date wherever the text gives it): said in the simple past, not written,
not at another occasion ("at a rally") nor told to another audience ("told CNN" after an
interview with the Gazette); a speaker with interviews of two days told keeps none.

Without any of these the quote keeps ``when=None`` and ``when_basis="article
date"``: the text says no more than that it was said by the article's date.
Timex dates inside quoted words date what is said, not the saying, and are
never used.

Example:
    >>> import datetime as dt
    >>> from saidwhen.model import Quote, Span, Timex
    >>> text = "On September 27, she wrote that she was fine."
    >>> q = Quote("she was fine", 31, 43, "indirect", cue=Span("wrote", 21, 26))
    >>> t = Timex("September 27", 3, 15, "DATE", "2020-09-27", date="2020-09-27")
    >>> date_quotes(text, [q], [t], dt.date(2020, 10, 28))[0].when
    '2020-09-27'
"""

from saidwhen.extract.when.base import doc_sentences, doc_text, first_day, timex_when
from saidwhen.extract.when.quotes import date_quotes

__all__ = ["date_quotes", "doc_sentences", "doc_text", "first_day", "timex_when"]
