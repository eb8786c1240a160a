"""Quote dates: which account of the speaker the words belong to (made-up news; 2019-11-20
is a Wednesday)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.when import learned
from tests.when_helpers import NEWS_DAY, dated


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # a date on the other clause of "..., but she said" is not the saying's
        (
            "Lena Okafor left the band in 2009 to raise her sons, but she said she still "
            "missed the stage.",
            "missed the stage",
            None,
        ),
        (
            "Lena Okafor left the band in 2009 to raise her sons, but she said she still "
            'missed the stage. "I write a song every week," Okafor said.',
            "a song every week",
            None,
        ),
        # ... but one subject, one time: "retired in 2012 and said"
        (
            "Tom Ferrell retired in 2012 and said he would write a book about the port.",
            "write a book",
            "2012",
        ),
    ],
)
def test_a_date_of_another_clause(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # the narrative tells a new day of the speaker: the old account does not go on
        (
            'When she first proposed the bridge in March, Ana Ruiz said, "We will build it '
            'and the state will pay."\n\nOn Tuesday, Lena Okafor asked Ruiz whether the plan '
            'still stood.\n\n"We will build it, no doubt," Ruiz said.',
            "no doubt",
            "2019-11-19",
        ),
        # ... nor does the channel carried over from the old words ("in an interview")
        (
            'In an interview in March, Ana Ruiz said, "We will build it and the state will '
            'pay."\n\nOn Tuesday, Lena Okafor asked Ruiz whether the plan still stood.\n\n"We '
            'will build it, no doubt," Ruiz said.',
            "no doubt",
            "2019-11-19",
        ),
        # a day told of something else between two quotes of one letter: the letter goes on
        (
            'In a Nov. 5 letter, the teachers wrote, "We offer the lessons for free."\n\nThe '
            "board had set a deadline of Tuesday for an answer.\n\n"
            '"Exam season has begun," the teachers wrote in the letter.',
            "Exam season",
            "2019-11-05",
        ),
        # the attribution names the same medium again after another post's day came
        # between: the blog post goes on, the photo post of that day does not date it
        (
            'In a blog post on Nov. 12, Ana Ruiz wrote, "The bridge will open in spring."\n\n'
            "In October the council had approved the money. In her Instagram post at the "
            "time, Ruiz had said that the bridge would be named for her father.\n\n"
            "In her blog post, she revealed that she had asked the engineers to check the "
            'cables twice, "no matter what it cost".',
            "no matter what it cost",
            "2019-11-12",
        ),
    ],
)
def test_a_new_account_of_the_speaker(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


# a lead of its own, so that the day told later is not the lead's
_LEAD = (
    "Old shows are coming back to television this fall, and the studios are betting that "
    "viewers will follow.\n\nThe harbor drama, the desert western and the quiz show of the "
    "eighties all return with new casts, new sets and most of their old theme songs.\n\n"
    "Producers say the familiar names make the shows easier to sell abroad, where the old "
    "episodes still run on cable channels late at night and on every long-haul flight. The "
    "costs of a revival are lower too: the rights are owned already, the fans are waiting and "
    "the marketing nearly writes itself, or so the studios hope.\n\n"
    "Not every revival has worked. Some lasted a season, some a few weeks, and one was pulled "
    "after two episodes when its old star walked off the set.\n\n"
)


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # the day before the article told of another speaker's words is not the story's day
        (
            _LEAD + "The network has cut three shows this season, and on Tuesday, the network said "
            'it was canceling "Harbor Lights."\n\n"It is a hard business," said Lena Okafor, '
            "a producer.",
            "a hard business",
            None,
        ),
        # ... nor the weekend of another's words ("Over the weekend, the mayor assailed ...")
        (
            _LEAD + "The council met a day after the hearing Tuesday of three clerks, among them "
            'a ferry captain who called the plan "unsafe."\n\nOver the weekend, the mayor '
            'dismissed the captains as "grumblers," though none has joined a party.\n\nAnother '
            "clerk, the surveyor Tom Ferrell, revised his own notes of the March 3 walk along the "
            'docks.\n\n"None of us liked the route," Ferrell said.',
            "liked the route",
            "2019-11-19",
        ),
        # ... but the day of the story's event is ("the hearing Tuesday of four officials")
        (
            _LEAD + "The vote follows the hearing Tuesday of three clerks, including a captain who "
            'called the plan "unsafe."\n\n"It was a farce," said Tom Ferrell, a councilor.',
            "a farce",
            "2019-11-19",
        ),
    ],
)
def test_the_day_of_anothers_words(
    nlp: Any, monkeypatch: pytest.MonkeyPatch, text: str, quoted: str, when: str | None
) -> None:
    # the hand rules' day, before the learned choice weighs it against the article's
    # (tests/test_when_learned.py): a reaction two paragraphs on may be either
    monkeypatch.setattr(learned, "load_model", lambda *_: None)
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # "says": words said to the piece, now, whatever year the sentence tells of
        (
            "Lena Okafor says the festival has critics everywhere: the mayor, in 2015, called "
            'it a waste of money. "It is the best week of the year," Okafor says.',
            "the best week",
            None,
        ),
        (
            'Looking back on the flood, Lena Okafor, in 2015, says: "We rebuilt every house."',
            "every house",
            None,
        ),
        # ... but a document speaks in the present too
        (
            'In a Nov. 5 letter, the teachers asked for help. "The roof leaks on the pupils," '
            "says the letter signed by nine teachers.",
            "roof leaks",
            "2019-11-05",
        ),
        # an email is another occasion than the account dated just before
        (
            "Tom Ferrell left the campaign in October and said he had written its plans.\n\n"
            '"The campaign has lost its way," he wrote in an email.',
            "lost its way",
            None,
        ),
    ],
)
def test_present_tense_and_email(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


# the lead dates the mayor's words to Monday, two days before the article
_MONDAY = (
    'Mayor Ana Ruiz on Monday called the harbor plan "hasty," and the council put off its '
    "vote until spring.\n\nThe plan would widen the channel, move the ferry dock and close the "
    "fish market for two summers.\n\nBut Ruiz still backs the new ferry.\n\n"
)


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # the speaker the lead dates said their other undated words that day
        (_MONDAY + '"We cannot pay for this," Ruiz said.', "cannot pay", "2019-11-18"),
        (
            _MONDAY + '"We cannot pay for this," Ruiz said. She added: "Not this year."',
            "Not this year",
            "2019-11-18",
        ),
        # ... not another speaker's, nor the paper's own interview, nor "says"
        (_MONDAY + '"It is a good plan," said Tom Ferrell, a builder.', "a good plan", None),
        (
            _MONDAY + '"We cannot pay for this," Ruiz said in an interview.',
            "cannot pay",
            None,
        ),
        (_MONDAY + '"We cannot pay for this," Ruiz says.', "cannot pay", None),
        # ... nor after words the lead dates that were written ("wrote on Facebook")
        (
            'The county closed the old bridge on Wednesday.\n\n"It deserves a rest," said Tom '
            "Ferrell, the county engineer.\n\nOn Monday, Ferrell wrote on Facebook that the "
            "repairs would take a year.",
            "deserves a rest",
            None,
        ),
    ],
)
def test_the_speaker_the_lead_dates(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a day from the last day told, however far back ("The day before, at a rally ...")
        (
            "On Friday morning, she spoke in Salem. The day before, at a rally, she sang.",
            "The day before",
            "2019-11-14",
        ),
        ("The vote failed on May 3. The next day, he quit.", "The next day", "2019-05-04"),
        (
            "The vote failed on May 3. The following day he quit.",
            "The following day",
            "2019-05-04",
        ),
        # "the previous night", "the night before": the night before the day told
        (
            "On Thursday, Ruiz was asked about what she had said the previous night.",
            "the previous night",
            "2019-11-13TNI",
        ),
        (
            "The vote failed on May 3. The night before, he quit.",
            "The night before",
            "2019-05-02TNI",
        ),
        # "the day after the election" names its own day
        ("He quit the day after the election.", "the day after", None),
    ],
)
def test_the_day_before(text: str, expression: str, value: str | None) -> None:
    import datetime as dt

    from saidwhen.extract.timexes import find_timexes

    found = {t.text: t.value for t in find_timexes(text, dt.date.fromisoformat(NEWS_DAY))}
    assert found.get(expression) == value


def test_words_at_the_rally_the_day_before(nlp: Any) -> None:
    text = (
        "On Friday morning, Ana Ruiz spoke to farmers in Salem.\n\nThe day before, at a rally "
        'in Dover, Tom Ferrell waved a flag for her.\n\n"We need her on the council," he said.'
    )
    assert dated(nlp, text, "We need her") == ("2019-11-14", "text")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # "email" named only in what she said is her topic, not her channel
        (
            "Mayor Ana Ruiz faced angry voters on Tuesday at a town forum in Dover.\n\nRuiz "
            'said it was "poor judgment" to send the harbor maps from her home email.\n\n"I '
            'should have known better than that," Ruiz said.',
            "known better",
            "2019-11-19",
        ),
        # ... and "in an email" is how the words came, on the day the lead reports
        (
            "Mayor Ana Ruiz faced angry voters on Tuesday at a town forum in Dover.\n\n"
            '"I should have known better than that," Ruiz said in an email.',
            "known better",
            "2019-11-19",
        ),
    ],
)
def test_a_channel_spoken_of(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


def test_a_subheading_sums_up_the_words_below(nlp: Any) -> None:
    text = (
        "Ten things the mayor has said about the harbor.\n\n"
        'She called the fishermen "pirates" without proof.\n\n'
        "The fishermen protested at city hall for a week. "
        '"Half of these pirates never paid a fee," Mayor Ana Ruiz wrote on June 4.'
    )
    from saidwhen.pipeline import extract

    (q,) = [q for q in extract(text, NEWS_DAY, nlp=nlp).quotes if q.text == "pirates"]
    assert (q.when, q.when_basis) == ("2019-06-04", "text")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # a short paragraph of one speaker's words is no subheading over another's (the
        # words said where the day before tells the speaker are of that day: the learned
        # choice)
        (
            'Ruiz took questions on Monday at city hall.\n\n"No," Ruiz said.\n\n'
            'Ferrell spoke next. "There is no money, no plan and no will," Tom Ferrell '
            "said on Nov. 2.",
            "No",
            "2019-11-18",
        ),
        (
            'Ruiz took questions at city hall.\n\n"Yes," Ruiz said.\n\nFerrell wrote back. '
            '"Yes, we will, and soon," Tom Ferrell said in a 2015 letter.',
            "Yes",
            None,
        ),
    ],
)
def test_a_short_paragraph_is_no_subheading_over_another_speaker(
    nlp: Any, text: str, quoted: str, when: str | None
) -> None:
    from saidwhen.pipeline import extract

    (q,) = [q for q in extract(text, NEWS_DAY, nlp=nlp).quotes if q.text == quoted]
    assert (q.when, q.when_basis) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # a post on social media is one channel, however the text names it
        (
            "On May 5, Mayor Ana Ruiz posted a photo of herself online holding a fresh loaf. "
            '"Nothing beats bread from the harbor bakery," Ruiz tweeted.',
            "Nothing beats bread",
            "2019-05-05",
        ),
        # ... not an interview
        (
            "On May 5, Mayor Ana Ruiz posted a photo of herself online holding a fresh loaf. "
            '"Nothing beats bread from the harbor bakery," Ruiz said in an interview.',
            "Nothing beats bread",
            None,
        ),
    ],
)
def test_one_post(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # a group that spoke up on a day, then one of them
        (
            "Even council members who backed the plan warned on Monday that the costs may "
            'rise.\n\nTom Ferrell, a member since 2010, said "a cap may come" soon.',
            "a cap may come",
            "2019-11-18",
        ),
        # ... not one the paper interviewed
        (
            "Even council members who backed the plan warned on Monday that the costs may "
            'rise. Tom Ferrell said in an interview that "a cap may come" soon.',
            "a cap may come",
            None,
        ),
        # ... nor after a single speaker's day (another story)
        (
            "The engineer Lena Okafor left the project on Monday for a job abroad. Tom "
            'Ferrell, a member since 2010, said "a cap may come" soon.',
            "a cap may come",
            None,
        ),
    ],
)
def test_a_group_that_spoke_up(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


def test_later_than_the_last_past_date(nlp: Any) -> None:
    """ "later": after the last date told that is past, not a planned one ("by 2025")."""
    from saidwhen.model import DateRange
    from saidwhen.pipeline import extract

    text = (
        "At a hearing on March 3, Mayor Ana Ruiz said the town will own four new buses by 2025: "
        "two for the hills and two for the coast road.\n\nTom Ferrell came back to the buses "
        'later in the hearing. "Which garage can hold four more buses in town by '
        '2025?"'
    )
    (q,) = [q for q in extract(text, NEWS_DAY, nlp=nlp).quotes if "Which garage" in q.text]
    assert (q.when, q.when_range) == (None, DateRange("2019-03-03", NEWS_DAY))


def test_the_day_of_the_debate_over_the_weekend(nlp: Any) -> None:
    """An occasion dated by a range ("the debate over the weekend") takes the day the text
    gives it elsewhere ("the Saturday debate"); the weekend told again is still there."""
    text = (
        "Ruiz slips at debate.\n\nThe question was an easy one. Toward the end of the "
        "mayoral debate over the weekend, Ana Ruiz was asked about the closed ferry dock.\n\n"
        '"My father ran that ferry," she told the moderator.\n\nHer rivals pounced within '
        "the hour, and the video went around town. Soon the whole harbor had seen "
        "it.\n\nVoters who watched the Saturday debate said they did not mind."
    )
    assert dated(nlp, text, "father ran") == ("2019-11-16", "text")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # words said at the place of a dated occasion: "a rally in Dover", then "in Dover"
        (
            "On Monday, at a rally in Dover, Ana Ruiz asked for votes.\n\n"
            "Her rivals spent the week on television.\n\n"
            '"We will win this county," Ruiz said in Dover.',
            "win this county",
            "2019-11-18",
        ),
        # ... within the occasion's reach only: paragraphs on, the narrative has moved on
        (
            "On Monday, at a rally in Dover, Ana Ruiz asked for votes.\n\n"
            "Her rivals spent the week on television.\n\nThe polls have barely moved.\n\n"
            "The debates start next month.\n\n"
            '"We will win this county," Tom Ferrell said in Dover.',
            "win this county",
            None,
        ),
        # another time at that place, dated in the same sentence
        (
            "SALEM, Ore. - On Monday morning, Ana Ruiz spoke to farmers about water.\n\n"
            "Ten years ago she had lived in Salem and run a bakery.\n\n"
            '"I loved it," said Tom Ferrell, who met her in Salem in 2009.',
            "loved it",
            None,
        ),
        # the dateline's city, of the day the lead tells of
        (
            "SALEM, Ore. - On Monday morning, Ana Ruiz spoke to farmers about water.\n\n"
            "Her rivals spent the week on television.\n\n"
            '"I came to hear her," said Tom Ferrell, 60, who drove to Salem from the coast.',
            "came to hear her",
            None,
        ),
        (
            "SALEM, Ore. - On Monday morning, Ana Ruiz spoke to farmers about water.\n\n"
            "Her rivals spent the week on television.\n\n"
            '"I came to hear her," said Tom Ferrell, 60, who showed up in Salem to hear Ruiz.',
            "came to hear her",
            "2019-11-18",
        ),
    ],
)
def test_the_place_of_an_occasion(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


def test_the_crowd_is_at_the_occasion(nlp: Any) -> None:
    text = (
        "At a town hall in Dover on Monday, Ana Ruiz talked about the new bridge.\n\n"
        '"Who will fix the roads?" Ruiz asked.\n\n"We will!" the crowd yelled back.'
    )
    assert dated(nlp, text, "We will!") == ("2019-11-18", "text")


def test_an_occasion_dated_after_its_place(nlp: Any) -> None:
    """ "a speech at the Fishermen Convention in July": the date after the place."""
    text = (
        "The vote is a turn for Ruiz, who refused to back the plan during a speech at the "
        'Northern County Fishermen Convention in July. Ruiz urged members to "keep the '
        'harbor open" '
        "and said she would not bend."
    )
    assert dated(nlp, text, "keep the harbor open") == ("2019-07", "text")
