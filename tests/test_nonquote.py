"""Quoted words that are nobody's speech (titles, names, terms, slogans) against
fragments of real speech, on made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen import extract
from saidwhen.extract.speech.nonquote import not_speech_regions
from saidwhen.extract.speech.view import ArticleView


def reasons(text: str, nlp: Any, labels: bool = True) -> dict[str, str | None]:
    view = ArticleView.build(nlp(text))
    regions = list(view.regions)
    found = not_speech_regions(view, regions, labels=labels)
    # keyed by the words without the punctuation a region may or may not keep
    return {text[r.start : r.end].strip(" ,."): why for r, why in zip(regions, found, strict=True)}


# not speech by default
NAMES = [
    ('Critics loved the film "Winter Light" this year.\n', "Winter Light"),
    (
        'She wrote a column, "Why Small Towns Still Matter to All of Us," last May.\n',
        "Why Small Towns Still Matter to All of Us",
    ),
    (
        "The service offers films from Lantern Pictures, “Comet Riders,” and older classics.\n",
        "Comet Riders",
    ),
    (
        'The region stays committed to the "two keys, one door" formula of self-rule.\n',
        "two keys, one door",
    ),
    ('A small group called "Friends of the Marsh" met on Monday.\n', "Friends of the Marsh"),
    ('Fans of the "Midnight Garden" singer lined up early.\n', "Midnight Garden"),
    ('"We will win," Lin said on "Morning Report."\n', "Morning Report"),
    # a stage direction in a quoted transcript
    ('"LIN: We will win.\n\n"(CROSSTALK.)\n\n"ORTA: Not this year."\n', "(CROSSTALK.)"),
    ('Lin made the case in an interview with "Sunday Politics."\n', "Sunday Politics"),
    ('"It is late," said Ann Fry, the author of "Rivers of Salt," on Monday.\n', "Rivers of Salt"),
    ('Ortiz announced the news on an episode of "TGIF Live."\n', "TGIF Live"),
    # past the channel that owns the show
    ('"We will win," Lin said on KTV\'s "Morning Report."\n', "Morning Report"),
    ('In an interview on KTV\'s "Morning Report," Lin said it would pass.\n', "Morning Report"),
    # the programme that heard it: told "X", speaking to "X"
    ('"We will win," Lin told "Morning Report" on Monday.\n', "Morning Report"),
    ('Speaking to KTV\'s "Morning Report," Lin said the budget would pass.\n', "Morning Report"),
    ('"We will win," Lin told KTV\'s "Morning Report" on Monday.\n', "Morning Report"),
    ('Lin told Radio Delta\'s "Noon" that the budget would pass.\n', "Noon"),
    ('The so-called "experts" disagree.\n', "experts"),
    ('The form had id="4471" in its header.\n', "4471"),
]

# not speech with ``labels`` (realnews's rules, which PolNeAR's scorer does not share)
LABELS = [
    # titles of works
    ('Fans of the "Midnight Garden" tour lined up early.\n', "Midnight Garden"),
    ("The band played “Roll Over the River” from the courthouse steps.\n", "Roll Over the River"),
    ('The crew added a clip from "Back Home Again" to the film.\n', "Back Home Again"),
    # names and nicknames given to things
    ('The three envoys were known as the "Wise Men" in the capital.\n', "Wise Men"),
    ('Her deputy had dubbed the budget gap as "the Harlow hole."\n', "the Harlow hole"),
    ('The mayor made no reference to "Sleepy Sam" in her speech.\n', "Sleepy Sam"),
    # terms, slogans, labels
    ('Reyes said she never used the term "wise men" herself.\n', "wise men"),
    (
        "Nurses held signs with sayings such as, “Fewer Forms, More Beds.”\n",
        "Fewer Forms, More Beds",
    ),
    ('He rejected what has been portrayed as a "shadow" budget of the city.\n', "shadow"),
    # a document's classification marking
    ('The ministry deemed nine of the memos "top secret" last week.\n', "top secret"),
    ('Most of the files were only "confidential," the auditor wrote.\n', "confidential"),
    # titles the narration uses as nouns, with no one saying them
    (
        '"Harbor Lights," a drama that first aired in 1994, will return next year.\n',
        "Harbor Lights",
    ),
    (
        'Mr. Ortiz said the budget was fine. "Night Garden" has been a surprise hit.\n',
        "Night Garden",
    ),
    ('The network renewed "Copper Bay" for a third season.\n', "Copper Bay"),
    (
        'The governor likes "The Long Field," while his deputy watches cooking shows.\n',
        "The Long Field",
    ),
    ('Studios are reviving "Iron Coast" and "Paper Moon" this year.\n', "Paper Moon"),
]

SPEECH = [
    # fragments of reported speech: someone's words, however short
    ('Mayor Lin called the plan "a disaster" on Monday.\n', "a disaster"),
    ('Mayor Lin said the plan was "irregular" at best.\n', "irregular"),
    ('The senator described the vote as "shameful."\n', "shameful"),
    ('Lin praised a "historic" Harbor Accord agreement.\n', "historic"),
    ('Lin criticised the budget, what she called "a raid on schools."\n', "a raid on schools"),
    ('Lin attacked the members of the "Old Guard" who oppose her.\n', "Old Guard"),
    ("Workers chanted, “Fair Pay Now,” outside the plant.\n", "Fair Pay Now"),
    ('"We will win," Lin said on the show.\n', "We will win"),
    (
        'Lin was known for telling aides "the budget comes first" at every meeting.\n',
        "the budget comes first",
    ),
    ('Lin, saying "the vote was rigged," left the room.\n', "the vote was rigged"),
    ('Her rival once described the so-called pact as "a bad joke" in public.\n', "a bad joke"),
    (
        'Lin said the vote was the clearest sign yet that "the old order is over."\n',
        "the old order is over",
    ),
    ('Lin served a second term. "It was hard," she said.\n', "It was hard"),
    (
        'Eddie, as he was known, "never once missed a shift," Lin said.\n',
        "never once missed a shift",
    ),
    ('Lin sees the issues as "plainly black and white."\n', "plainly black and white"),
    ('Lin ended the speech with "Never Give Up!" and left.\n', "Never Give Up!"),
    # "to" before a verb is no preposition; a hearer named before the words is no title
    ('Lin urged voters to "Stay Home" on Friday.\n', "Stay Home"),
    ('Lin told reporters "Never Again" after the vote.\n', "Never Again"),
    # words in Title Case that someone says
    ('"Hallelujah," Ruiz exclaimed when the deal closed.\n', "Hallelujah"),
    ('Critics described the show as "Television Comfort Food."\n', "Television Comfort Food"),
    ('Ruiz referred to the agency as the "Paper Castle" for years.\n', "Paper Castle"),
    ("There was one word she would not say: ''Tom Reyes.''\n", "Tom Reyes"),
    ('"We have one enemy," Lee told the crowd. "Tom Reyes."\n', "Tom Reyes"),
]


@pytest.mark.parametrize(("text", "quoted"), NAMES)
def test_names_and_titles_are_not_speech(text: str, quoted: str, nlp: Any) -> None:
    assert reasons(text, nlp, labels=False)[quoted] is not None


@pytest.mark.parametrize(("text", "quoted"), LABELS)
def test_labels_are_speech_only_as_polnear_reads_them(text: str, quoted: str, nlp: Any) -> None:
    assert reasons(text, nlp, labels=True)[quoted] is not None
    assert reasons(text, nlp, labels=False)[quoted] is None


@pytest.mark.parametrize("labels", [False, True])
@pytest.mark.parametrize(("text", "quoted"), SPEECH)
def test_fragments_of_speech_stay_speech(text: str, quoted: str, labels: bool, nlp: Any) -> None:
    assert reasons(text, nlp, labels)[quoted] is None


def test_a_term_named_once_is_a_term_when_quoted_again(nlp: Any) -> None:
    found = reasons(
        'The pair were known as the "Twin Towers" in the league.\n\n'
        'Coach Diaz said the "twin towers" would start on Friday.\n',
        nlp,
    )
    assert found["Twin Towers"] == "a label"
    assert found["twin towers"] == "the same words are a name elsewhere"


def test_a_heading_that_names_a_term_is_not_a_quote(nlp: Any) -> None:
    text = (
        'The inquiry heard from aides on Tuesday.\n\n2. "The Harlow problem"\n\n'
        "Aides said the Harlow problem had grown since the spring.\n\n"
        '3. "We were never told"\n\nAides said they were left out.\n'
    )
    found = reasons(text, nlp, labels=False)
    assert found["The Harlow problem"] == "a heading naming a term"
    assert found["We were never told"] is None  # a clause: someone's words


def test_a_long_line_of_names_is_narration_not_a_headline(nlp: Any) -> None:
    # mostly capitalised words, but far longer than a headline: a title in it is still
    # the narration's (the test looks only near the quote, so a long paragraph of
    # quoted titles costs no more per quote)
    given = "Ana Tomas Lena Omar Priya Jonas Mira Raul Dana Elias Nora Ivan Tara".split()
    surnames = "Okafor Tano Lund Varga Ellis Hale Ferrell Marsh Quill Brandt Osei Kowal".split()
    crew = ", ".join(f"{g} {s}" for g in given[:8] for s in surnames[:3])
    text = f'Producers {crew} renewed "Copper Bay" for a third season.\n'
    assert len(text) > 300
    assert reasons(text, nlp)["Copper Bay"] == "a title the narration names"
    # and a short line in Title Case is a headline, its quote no title of the narration
    head = 'Networks Renew Shows: "Copper Bay" Returns\n\nIt was a hit.\n'
    assert reasons(head, nlp)["Copper Bay"] != "a title the narration names"


def test_a_headline_capitalises_words_it_quotes(nlp: Any) -> None:
    # every word of a headline is capitalised: after a preposition, its quote is no title
    text = "Pastor Urges Voters to Turn From ‘Boasters’ and ‘Liars’\n\nHe spoke.\n"
    assert reasons(text, nlp) == {"Boasters": None, "Liars": None}
    # a programme after a saying is still one
    head = 'Mayor Lin Says on "Morning Report" Budget Will Pass\n\nShe spoke.\n'
    assert reasons(head, nlp)["Morning Report"] == "a title naming a channel or a work"


def test_a_title_inside_a_quote_that_goes_on_is_part_of_it(nlp: Any) -> None:
    text = (
        "Part of the debate:\n\n"
        '"REYES: Well, my rival thinks this is an episode of “Star Search.” It is not.\n\n'
        '"LIN: It is a debate.\n'
    )
    assert reasons(text, nlp)["Star Search"] is None


def test_names_never_reach_the_quote_bank(nlp: Any) -> None:
    rec = extract(
        'Singer Ana Ruiz said she was thrilled. "I never expected this," Ruiz said.\n\n'
        'Ruiz will tour with the songs of her album "Midnight Garden," her agent said, and '
        'the tour keeps to the "one song, one city" formula.\n',
        "2021-05-04",
        nlp=nlp,
    )
    texts = [q.text.strip(" ,") for q in rec.quotes if q.kind != "indirect"]
    assert texts == ["I never expected this"]


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        (
            '"We will cut the tax," Mayor Ana Lin told "Morning Report" on Monday.\n',
            "Morning Report",
        ),
        ('"We will cut the tax," Mayor Ana Lin said on "Morning Report."\n', "Morning Report"),
        ('"We will cut the tax," Mayor Ana Lin said on Monday.\n', None),
    ],
)
def test_a_programme_a_quote_was_said_on_is_its_channel(
    text: str, channel: str | None, nlp: Any
) -> None:
    rec = extract(text, "2021-05-04", nlp=nlp)
    assert [(q.text, q.channel) for q in rec.quotes] == [("We will cut the tax", channel)]
