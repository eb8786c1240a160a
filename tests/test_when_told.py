"""Quote dates: what the attribution tells and what it only seems to (made-up news;
2019-11-20 is a Wednesday): a sentence after that is the speaker's own words, a date in
what the words were about, the account before words of several sentences, a channel
carried on from words said long before, "said then"."""

from __future__ import annotations

from typing import Any

import pytest

from tests.when_helpers import dated


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # the next sentence is the speaker's next quote, not the narrative pointing back:
        # its "This is" and its speaker's past ("the 2008 nominee") do not date the words
        (
            '"No candidate has a plan for the harbor," said Tom Ferrell, a port analyst.\n\n'
            '"This is a campaign of slogans," said Ferrell, who advised Ana Ruiz, the 2008 '
            "nominee.",
            "No candidate has a plan",
            None,
        ),
        # ... a sentence of the narrative that points back still does
        (
            '"We will win," Ruiz said. That was her message to voters on Monday.',
            "We will win",
            "2019-11-18",
        ),
    ],
)
def test_the_sentence_after(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # "referring to ..., standing now at": what the words were about, not when
        (
            "Mayor Ana Ruiz told the Gazette in an interview on Monday that the port would "
            'grow.\n\n"There is a real revolution in this town," Ruiz said, referring to the '
            "harbor trade, standing now at a third of all jobs.",
            "real revolution",
            "2019-11-18",
        ),
        (
            '"The vote was a mistake," Ruiz said, referring to the council vote on Monday.',
            "The vote was a mistake",
            None,
        ),
        # ... but a date of the saying itself still counts
        (
            '"The vote was a mistake," Ruiz said on Monday.',
            "The vote was a mistake",
            "2019-11-18",
        ),
    ],
)
def test_what_the_words_were_about(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # the account told just before words of several sentences, whose cue comes last:
        # the two sentences before are the narrative's, not the quote's own
        (
            "The strike has closed the north dock. The fish market has been half empty for "
            "weeks, and the restaurants along the quay have cut their menus.\n\n"
            "The port authority says the losses have passed a million dollars. Its budget "
            "office expects them to grow through the winter.\n\n"
            "Most of the boats have stayed tied up since the first day of the strike, and "
            "some forty trawlers wait at the north dock for the ice to be delivered.\n\n"
            "Mayor Ana Ruiz told reporters on Nov. 4 that the port was not for sale.\n\n"
            '"We will not sell it. The port belongs to the town. We will keep it," '
            "Ruiz said.",
            "We will not sell",
            "2019-11-04",
        ),
        # ... a date inside the quoted words is not the account's
        (
            "Mayor Ana Ruiz spoke about the harbor.\n\n"
            '"We met on Monday. The port belongs to the town. We will keep it," Ruiz said.',
            "We met on Monday",
            None,
        ),
    ],
)
def test_the_account_before_a_long_quote(
    nlp: Any, text: str, quoted: str, when: str | None
) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


# a story of yesterday's rally; the mayor once tweeted about the governor: her words at the
# rally are no tweet, and were said the day before the article
_RALLY = (
    "Mayor Ana Ruiz rallied dock workers in Salem on Tuesday as the strike entered its "
    "third week.\n\n"
    'In a tweet, Ruiz has called the governor "a coward who hides from the harbor."\n\n'
    "The strike has closed the north dock, and the fish market has been half empty for "
    "weeks. The restaurants along the quay have cut their menus, and the ferry to the "
    "islands runs only twice a day.\n\n"
    "The port authority says the losses have passed a million dollars. Its budget office "
    "expects them to grow through the winter, and the harbor master sees little reason to "
    "hope for a settlement soon.\n\n"
    "Most of the boats have stayed tied up since the first day of the strike, and some "
    "forty trawlers wait at the north dock for the ice to be delivered again.\n\n"
    '"We will stay out until the port pays a fair wage," Ruiz said.'
)

# a letter the doctors wrote on Monday, quoted on and on: a document's words go on
_LETTER = (
    "A group of doctors wrote to the port authority on Monday, asking it to test the "
    'workers for lead. "The water at the north dock is unsafe," the doctors wrote in the '
    "letter.\n\n"
    "The authority has not answered. Its budget office expects losses to grow.\n\n"
    "The strike has closed the north dock, and the fish market has been half empty.\n\n"
    "Most of the boats have stayed tied up since the first day of the strike.\n\n"
    '"Every week of delay puts children at risk," the doctors stated.'
)


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        (_RALLY, "We will stay out", "2019-11-19"),
        (_LETTER, "Every week of delay", "2019-11-18"),
    ],
)
def test_a_channel_carried_on(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # a reply goes on from the words it answers, when the text dated them
        (
            'On Nov. 4, Mayor Ana Ruiz wrote to the harbor board: "Pay the fishermen now."\n\n'
            'Tom Ferrell, the board\'s chairman, shot back: "We will not pay a cent."',
            "We will not pay",
            "2019-11-04",
        ),
        (
            'In a letter on Nov. 4, Ruiz told Ferrell that the port "belongs to the town." '
            'He replied that it was "a matter for the courts."',
            "a matter for the courts",
            "2019-11-04",
        ),
        # ... not a reply to words the text leaves undated
        (
            'Mayor Ana Ruiz wrote to the harbor board: "Pay the fishermen now."\n\n'
            'Tom Ferrell, the board\'s chairman, shot back: "We will not pay a cent."',
            "We will not pay",
            None,
        ),
    ],
)
def test_a_reply(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


_FILLER = (
    "The strike has closed the north dock, and the fish market has been half empty for "
    "weeks. The restaurants along the quay have cut their menus, and the ferry to the "
    "islands runs only twice a day. Most of the boats have stayed tied up since the first "
    "day of the strike, and some forty trawlers wait at the north dock for ice.\n\n"
)


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # words quoted twice, once dated: one saying
        (
            'On Nov. 4, Mayor Ana Ruiz called the harbor deal "a gift to the rich."\n\n'
            + _FILLER * 6
            + '"The deal is a gift to the rich and nothing else. We will vote it down," '
            "Ruiz said.",
            "We will vote it down",
            "2019-11-04",
        ),
        # ... not the same words written now, in the present, in another channel
        (
            'On Nov. 4, Mayor Ana Ruiz told a radio show: "The deal is a gift to the rich."\n\n'
            + _FILLER * 6
            + '"The deal is a gift to the rich and nothing else," she writes in her newsletter.',
            "and nothing else",
            None,
        ),
        # ... not a word or two another quote happens to share
        (
            'On Nov. 4, Mayor Ana Ruiz called the harbor deal "a gift."\n\n'
            + _FILLER * 6
            + '"The deal is a gift to the rich and nothing else. We will vote it down," '
            "Ruiz said.",
            "We will vote it down",
            None,
        ),
    ],
)
def test_the_same_words_quoted_again(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


LEVY = "The council voted on the levy in March 2015. Mayor Ana Ruiz was against it.\n\n"


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # "said then", "at the time": the time the narrative told last, an event's too
        (
            "Mayor Ana Ruiz praised the harbor on Monday. Her praise echoed words she used at "
            'a Nov. 2 rally in Dover.\n\n"The harbor is our future," she said then.',
            "The harbor is our future",
            "2019-11-02",
        ),
        (LEVY + '"We cannot afford it," Ruiz said at the time.', "We cannot afford it", "2015-03"),
        # words between the cue and "back then": the audience
        (
            LEVY + '"We cannot afford it," Ruiz told reporters back then.',
            "We cannot afford it",
            "2015-03",
        ),
        # "then" of the speaker's title, after a comma, or "then-Mayor": not when
        (LEVY + '"We cannot afford it," said Ruiz, then a councilor.', "We cannot afford it", None),
        (LEVY + '"We cannot afford it," said then-Mayor Tom Ferrell.', "We cannot afford it", None),
        # nothing told before: the words stay undated
        ('"We cannot afford it," Ruiz said at the time.', "We cannot afford it", None),
    ],
)
def test_said_then(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


# A date the parse hangs on the quote's own cue is its own, even where the quote sits in
# another's report ("The hosts often report that ..., as the host Jo Park said in April").
_HOSTS = (
    'The hosts often report that the storm was "the worst in decades," as Ana Ruiz recently '
    'did, or that the harbor is run by "people who never fished a day," as the host Jo Park '
)


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        (_HOSTS + "said in April while touring the docks.", "never fished a day", "2019-04"),
        (_HOSTS + "said on Tuesday.", "never fished a day", "2019-11-19"),
        # a date that is not the cue's stays the report's (undated here)
        (_HOSTS + "said while touring the docks in April.", "never fished a day", None),
        # words joined to a report before, under a dated cue of their own
        (
            'Harbor engineers said on Monday that the seawall is "too low for the storms to '
            'come," as two of them wrote in September.',
            "too low for the storms",
            "2019-09",
        ),
        # ... but a quote's second half shares its cue, and its date (the year the letter
        # before tells more finely)
        (
            '"The pier is failing," Ruiz wrote to the council on March 3, 2015. "We will win," '
            'Ruiz said in 2015, "and the harbor is ours."',
            "and the harbor is ours",
            "2015-03-03",
        ),
        # ... and words with no cue of their own go on from those they follow
        (
            'Ruiz said on Monday: "We will win." "The harbor is ours."',
            "The harbor is ours",
            "2019-11-18",
        ),
    ],
)
def test_a_date_on_the_own_cue(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


# the debate two days before the article (Monday, in Wednesday's paper): words said after it,
# a paragraph on from the words the text dated to it, are of that day; a reaction to a
# primary won that day, with no words dated to it, is new to the article
_DEBATE = (
    "The feud is so open that Ana Ruiz was asked about it during the debate on Monday night "
    "in Dover. She said she had not read the letter, and when asked whether she was stoking it, "
    'she said, "I hope not."\n\nBut she added that some of the dock owners were "sharks" who '
    'wanted a fight. The "anger is like nothing I have seen," she told Jo Park of Radio Dover '
    'after the debate, "and I hope we can calm it."'
)


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        (_DEBATE, "I hope not", "2019-11-18"),
        (_DEBATE, "and I hope we can calm it", "2019-11-18"),
        (
            "Ana Ruiz won the primary on Monday. She took most of the delegates.\n\n"
            '"It was a narrow win," Tom Ferrell, a port analyst, told reporters.',
            "It was a narrow win",
            None,
        ),
        (
            "Ana Ruiz won the primary on Monday.\n\n"
            '"It was a narrow win," said Tom Ferrell, a port analyst.',
            "It was a narrow win",
            None,
        ),
    ],
)
def test_two_days_before(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")
