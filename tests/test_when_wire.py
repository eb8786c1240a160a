"""Quote dates in wire stories (made-up news; 2019-11-20 is a Wednesday): a story of one long
paragraph, a day told of something else than a saying."""

from __future__ import annotations

from typing import Any

import pytest

from tests.when_helpers import NEWS_DAY, dated

# a wire story whose paragraph breaks were lost: one paragraph of some 2,000 characters
_ONE_PARAGRAPH = (
    "The harbor dispute between the port authority and the fishermen's union took a sharper "
    "turn Wednesday when the union's leader called the harbor master a coward and said the "
    "strike could last into the spring. The harbor master, speaking at the port office, said "
    "he saw little reason to hope for a settlement soon. At a news conference, Mayor Ana Ruiz "
    'said the city "is still seeking a fair deal" for both sides. "We are not giving up on '
    'this harbor," Ruiz said. Worries grew about the boats left idle at the north dock, where '
    "the union says some forty trawlers are tied up. The port authority said the dock would stay "
    "open to any boat that wanted to sail. Tom Ferrell, a captain who has fished the bay for "
    'thirty years, said the boats would stay where they were. "Nobody sails until this is '
    'settled," Ferrell said. The union has some 900 members along the coast, and most of them '
    "have joined the strike. The fish market has been half empty for two weeks, and the "
    "restaurants along the quay have cut their menus. The port authority says the strike has "
    "cost the city more than a million dollars in fees. Its budget office expects the losses "
    "to grow through the winter. Lena Okafor, who runs a seafood stall at the market, said her "
    'sales had fallen by half. "I have never seen the market this quiet," Okafor said. The '
    "union's lawyers filed a complaint with the state labor board last month, and the board "
    "has yet to rule on it. A day earlier, dozens of trucks loaded with imported fish rolled "
    "into the market from the south. Ruiz met this week with the union's leaders, but she told "
    'reporters she had no offer to make. "I am speaking for the city and for no one else," '
    "Ruiz said."
)


@pytest.mark.parametrize(
    ("quoted", "when"),
    [
        # its lead is its first sentences: "A day earlier" far on is not the day the story reports
        ("not giving up on this harbor", None),
        ("Nobody sails until", None),
        ("never seen the market", None),
    ],
)
def test_a_story_of_one_paragraph(nlp: Any, quoted: str, when: str | None) -> None:
    assert len(_ONE_PARAGRAPH) > 1500 and "\n" not in _ONE_PARAGRAPH
    assert dated(nlp, _ONE_PARAGRAPH, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # yesterday's news: any simple past is a saying of that day ("pledged", "gushed about")
        (
            "Mayor Ana Ruiz visited the flooded harbor on Tuesday for a hastily arranged tour.\n\n"
            'She pledged "full cooperation" with the fishermen and gushed about their "courage."',
            "full cooperation",
            "2019-11-19",
        ),
        (
            "Mayor Ana Ruiz visited the flooded harbor on Tuesday for a hastily arranged tour.\n\n"
            'She pledged "full cooperation" with the fishermen and gushed about their "courage."',
            "courage",
            "2019-11-19",
        ),
        # ... not one told in the perfect
        (
            "Mayor Ana Ruiz visited the flooded harbor on Tuesday for a hastily arranged tour.\n\n"
            'She had promised "full cooperation" with the fishermen.',
            "full cooperation",
            None,
        ),
        # the lead reports the article's own day first: a day before it is not the story's
        (
            "Mayor Ana Ruiz today promised to rebuild the harbor. Governor Tom Ferrell on Tuesday "
            "said the state would pay for a new sea wall.\n\nThe storm flooded forty homes.\n\n"
            '"We will not leave anyone behind," said Lena Okafor, a councilor.',
            "leave anyone behind",
            None,
        ),
        # ... and once the lead dates words to that day, a day before told later is an aside
        (
            "Mayor Ana Ruiz said on Wednesday that the harbor would reopen in the spring.\n\n"
            '"The boats will be back," Ruiz told the fishermen at the town hall.\n\n'
            "The storm flooded forty homes along the quay and sank a dozen trawlers. The sea "
            "wall, built in 1952, gave way in two places, and the water reached the square before "
            "dawn. Most of the families have moved in with relatives inland, and the school has "
            "been closed since the weekend.\n\nThe council voted on Tuesday to close the fish "
            'market for a month.\n\n"We will not leave anyone behind," said Lena Okafor, '
            "a councilor.",
            "leave anyone behind",
            None,
        ),
    ],
)
def test_the_day_the_lead_reports(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # "has argued": some time before the article, not the account told just before
        (
            '"Too forced?" Ana Ruiz tweeted last December after the debate. On television, Ruiz '
            'has argued that the harbor plan "makes no sense."',
            "makes no sense",
            None,
        ),
        (
            '"Too forced?" Ana Ruiz tweeted last December after the debate. "The plan makes no '
            'sense," Ruiz has often said.',
            "makes no sense",
            None,
        ),
        # ... but the account goes on in the simple past
        (
            '"Too forced?" Ana Ruiz tweeted last December after the debate. "The plan makes no '
            'sense," Ruiz tweeted.',
            "makes no sense",
            "2018-12",
        ),
    ],
)
def test_the_present_perfect(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


# the lead tells of last week; the day before the article comes later, of the market
_MARKET = (
    "The harbor authority said last week that a diver had found two cracks in the new sea "
    "wall. On Friday, the authority began warning boat owners about the cracks, which let "
    "water through at high tide.\n\n"
    "Most builders said the cracks would not delay their work on the quay, and the ferry "
    "company said its boats would keep to their timetable through the winter.\n\n"
    "The wall, the largest public work on the coast in forty years, was meant to protect the "
    "fish market and the old town from the winter storms that flooded both twice in the last "
    "decade. It cost more than its builders had promised and opened a year late.\n\n"
    "Concern about the wall may have pushed the shares of Ferrell Marine down 5 percent "
    "yesterday. Yesterday, the shares of Okafor Docks fell further.\n\n"
)


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # a day before the article told of something else two paragraphs back is an aside
        (
            _MARKET + "Most of the fall is being blamed on a weak quarter.\n\n"
            '"We should not see any more cracks," said Tom Ferrell, a builder.',
            "any more cracks",
            None,
        ),
        # ... the paragraph after it goes on from it
        (
            _MARKET + '"We should not see any more cracks," said Tom Ferrell, a builder.',
            "any more cracks",
            "2019-11-19",
        ),
    ],
)
def test_an_aside_of_the_day_before(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # the speaker's account dated in the sentence before: any saying verb tells it
        (
            "When Ana Ruiz announced the harbor plan in June, she called the old dock a ruin. A "
            "month later, Ruiz visited the docks in Salem and explained why the fishermen would "
            'like the plan. "There is no danger to the boats," Ruiz told reporters.',
            "no danger to the boats",
            "2019-07",
        ),
        (
            "When Ana Ruiz announced the harbor plan in June, she called the old dock a ruin. A "
            "month later, Ruiz visited the docks in Salem and insisted that the fishermen would "
            'be paid. "There is no danger to the boats," Ruiz told reporters.',
            "no danger to the boats",
            "2019-07",
        ),
    ],
)
def test_the_account_just_told(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # "later" in a relative clause is that clause's, not the saying's
        (
            "The harbor formally reopened on Tuesday at a ceremony in Salem.\n\nMayor Ana Ruiz "
            'cut the ribbon. "Hallelujah," exclaimed Ruiz, who as a child fled the island and '
            "later became a citizen.",
            "Hallelujah",
            "2019-11-19",
        ),
        # ... the saying's own "later" is after the day told (a range: no day of its own)
        (
            "The harbor formally reopened on Tuesday at a ceremony in Salem.\n\nMayor Ana Ruiz "
            'cut the ribbon. "Hallelujah," Ruiz said later.',
            "Hallelujah",
            None,
        ),
    ],
)
def test_later_of_a_relative_clause(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text")


def test_an_occasion_attended(nlp: Any) -> None:
    """ "who attended a rally last Wednesday": the speaker is placed at it."""
    text = (
        "The mayor's plan to close the fish market has split the harbor town.\n\n"
        "Lena Okafor, a fishmonger who attended a council rally last Wednesday in Salem, counts "
        'herself among its critics.\n\n"It is a disgrace to the town," Okafor said. "We will '
        'fight it."'
    )
    assert dated(nlp, text, "We will fight it") == ("2019-11-13", "text")


_TWO_RALLIES = (
    "The mayor's plan to close the fish market has split the harbor towns.\n\n"
    "For its supporters, the plan is a way to save the port. Lena Okafor, a fishmonger who "
    "attended a council rally last week in Dover, counts herself among them.\n\n"
    '"It is the only way to keep the boats," Okafor said.\n\n'
    "In Salem last Wednesday, Mayor Ana Ruiz's rally at the union hall was choreographed to show "
    "strength. Flags were handed out to the crowd.\n\n"
    '"We will not let the market die," Ruiz said.'
)


@pytest.mark.parametrize(
    ("quoted", "when", "when_range"),
    [
        # a sentence that opens at the occasion sets it up ("In Salem last Wednesday, Mayor
        # Ana Ruiz's rally ...")
        ("market die", "2019-11-13", None),
        # ... and its day is another place's: not the day of the rally in Dover last week
        ("keep the boats", None, ("2019-11-11", "2019-11-17")),
    ],
)
def test_the_rallies_of_two_places(
    nlp: Any, quoted: str, when: str | None, when_range: tuple[str, str] | None
) -> None:
    from saidwhen.pipeline import extract

    (q,) = [q for q in extract(_TWO_RALLIES, NEWS_DAY, nlp=nlp).quotes if quoted in q.text]
    got = (q.when_range.start, q.when_range.end) if q.when_range else None
    assert (q.when, got) == (when, when_range)


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # "last night" in words that go on from the speaker's words of the day told: the night
        # before that day, not words said the next day
        (
            'At a rally at the fairgrounds on Tuesday, Ana Ruiz said, "We will win this county."'
            '\n\nShe explained the headline by saying: "It was because last night when I got home '
            'I wrote a letter to the voters."',
            "last night when I got home",
            "2019-11-19",
        ),
        # ... but the words of another, told after a day, speak of that day as yesterday
        (
            "On Tuesday, Ana Ruiz accused the council of lying about the harbor.\n\n"
            '"Her statements yesterday were false," the council\'s statement read.',
            "statements yesterday",
            "2019-11-20",
        ),
    ],
)
def test_last_night_at_the_occasion(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


def test_a_date_of_the_speaker() -> None:
    """A date the parse hangs on the speaker ("said Tom Ferrell, strategist for her campaign
    four years ago") is of the speaker's past, not the saying's; one hung on where the words
    were said ("at a campaign stop this week") is the saying's."""
    import spacy
    from spacy.tokens import Doc

    from saidwhen.extract.when.clauses import _dates_a_thing
    from saidwhen.model import Timex

    words = ["Tom", "Ferrell", ",", "strategist", "four", "years", "ago", ",", "said", "it"]
    heads = [1, 8, 1, 1, 5, 6, 1, 8, 8, 8]
    deps = ["compound", "nsubj", "punct", "appos", "nummod", "npadvmod", "advmod", "punct"]
    deps += ["ROOT", "dobj"]
    pos = ["PROPN", "PROPN", "PUNCT", "NOUN", "NUM", "NOUN", "ADV", "PUNCT", "VERB", "PRON"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    ago = doc[4:7]
    t = Timex(ago.text, ago.start_char, ago.end_char, "DATE", "2015", date="2015")
    assert _dates_a_thing(doc, t)
    # ... hung on a place where the words were said: the saying's
    words = ["said", "it", "at", "a", "stop", "this", "week"]
    heads = [0, 0, 0, 4, 2, 6, 4]
    deps = ["ROOT", "dobj", "prep", "det", "pobj", "det", "npadvmod"]
    pos = ["VERB", "PRON", "ADP", "DET", "NOUN", "DET", "NOUN"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    week = doc[5:7]
    t = Timex(week.text, week.start_char, week.end_char, "DATE", "2019-W47")
    assert not _dates_a_thing(doc, t)


@pytest.mark.parametrize(
    ("after", "when", "when_range"),
    [
        # a month after the mention of the rally tells no place: the Thursday rally is the one
        # of last week
        ("In March the council had voted to close it.", "2019-11-14", None),
        # ... but another place does: that Thursday rally is not the one in Dover
        ("In Salem the council had voted to close it.", None, ("2019-11-11", "2019-11-17")),
    ],
)
def test_the_place_of_a_rally_is_no_month(
    nlp: Any, after: str, when: str | None, when_range: tuple[str, str] | None
) -> None:
    from saidwhen.pipeline import extract

    text = (
        "The mayor's plan to close the fish market has split the harbor town.\n\n"
        "Lena Okafor, a fishmonger who attended a council rally last week in Dover, counts "
        'herself among its critics.\n\n"It is the only way to keep the boats," Okafor said.\n\n'
        f"The Thursday rally drew a big crowd. {after}"
    )
    (q,) = [q for q in extract(text, NEWS_DAY, nlp=nlp).quotes if "keep the boats" in q.text]
    got = (q.when_range.start, q.when_range.end) if q.when_range else None
    assert (q.when, got) == (when, when_range)
