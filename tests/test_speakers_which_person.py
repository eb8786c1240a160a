"""Which person a name is: names in a title-case line, names told apart by a title's
gender, a person's name over a body's, a single name in apposition to "wife", one
person of two roles, what was said speaking for its owner, a mention without the time
after it, a newspaper by the last word of its name, a pronoun that is
not its verb's object, a role inside a longer word, a speech verb in a relative clause
that does not take the next quote, a quote after a sentence about him.  Made-up
articles run through the real pipeline, with the names their quotes' speakers must get."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people
from saidwhen.extract.people.headlines import _title_case_lines
from saidwhen.pipeline import extract

CASES = [
    pytest.param(
        "Vance and Ortiz Slam Harbour Toll Plan.\n\n"
        "Councillor Maria Vance and port engineer Luis Ortiz both criticised the toll on "
        "Monday.\n\n"
        '"The toll will empty the harbour," Ortiz said.\n\n'
        '"We were never asked," Vance said.',
        ["Luis Ortiz", "Maria Vance"],
        id="a-headline-capitalises-words-after-a-name",
    ),
    pytest.param(
        "Governor Tano asked farmers to hold back their grain on Saturday.\n\n"
        '"The silos are full, but the prices are low," Mr. Tano said at a fair in '
        "the valley.\n\n"
        "The first lady, Elena Tano, will tour the orchards next week.\n\n"
        '"Every sack matters," Mr. Tano added.',
        ["Tano", "Tano"],
        id="mr-is-not-the-woman-of-that-surname",
    ),
    pytest.param(
        "Tano Calls Grain Price 'Robbery' at Valley Fair.\n\n"
        "Governor Tano asked farmers to hold back their grain on Saturday.\n\n"
        '"Every sack matters," Mr. Tano said.\n\n'
        "The first lady, Elena Tano, will tour the orchards next week.\n\n"
        '"Sell now and the mills win," Governor Tano said.',
        ["Tano", "Tano", "Tano"],  # the headline's single marks quote him too
        id="a-headline-surname-is-the-one-the-title-names",
    ),
    pytest.param(
        "Team Vance launched its bus tour on Monday.\n\n"
        "Councillor Maria Vance, who leads the race, spoke in the square.\n\n"
        '"We will win the north," Vance said.',
        ["Maria Vance"],
        id="a-bare-surname-is-the-person-not-the-body-named-after-her",
    ),
    pytest.param(
        "On the second evening, Tano's wife, Marta, will open the fair. She often travels "
        'with her husband. At a market in the autumn, she called him "patient" with a '
        '"steady hand."',
        ["Marta", "Marta"],
        id="a-single-name-in-apposition-to-wife-is-a-person",
    ),
    pytest.param(
        "Podcast host Sam Hollis asked Paul Tano how long the tunnel would take.\n\n"
        '"I think it could be four years. That is a fair pace," he told Hollis, to applause '
        "from the hall.",
        ["Paul Tano"],
        id="he-is-not-the-one-he-told",
    ),
    pytest.param(
        '"The bridge may not be finished, but the road is open," Mr. Tano said at the '
        'harbour gala in Velo, where Mrs. Vance also spoke. "The ferries run all winter."',
        ["Tano", "Tano"],
        id="a-speaker-in-a-relative-clause-describing-the-place-is-not-the-next-quotes",
    ),
    pytest.param(
        "Tomas Reyl, 12, sold lemon cake on Mill Lane before the parade.\n\n"
        "Business was slow, he said. Why was he out in the rain? "
        '"My aunt says I have to pay for my own bike."',
        ["Tomas Reyl"],
        id="a-quote-after-a-question-about-him-is-his",
    ),
    # session 20: the exact name (titles, owners and roles the parser ran in; the
    # article's "the"; the pair for "the two lawmakers")
    pytest.param(
        'Pope Benedict visited Lisbon on Sunday.\n\n"The poor come first," Benedict said at '
        "the cathedral.",
        ["Benedict"],
        id="a-regnal-title-dropped-when-the-article-names-him-bare",
    ),
    pytest.param(
        'King Harald opened the bridge in Oslo on Sunday.\n\n"The fjord is ours," King '
        "Harald said.",
        ["King Harald"],
        id="a-regnal-title-kept-when-never-dropped",
    ),
    pytest.param(
        '"They have wasted a year on this," said Finance ranking Republican Maria Velline '
        '(R-Ohio). "They should stop."',
        ["Maria Velline", "Maria Velline"],
        id="roles-the-parser-read-as-a-clause-before-a-name",
    ),
    pytest.param(
        '"We had a big issue with the trade part," United Dock Workers Secretary-Treasurer '
        "Gary Holmberg said.",
        ["Gary Holmberg"],
        id="a-hyphenated-title",
    ),
    pytest.param(
        "Senator Ana Velt and Senator Tom Brask sent a letter to the agency on Monday.\n\n"
        '"We expect an answer by Friday," the two lawmakers wrote.',
        ["Ana Velt and Tom Brask"],
        id="the-two-lawmakers-are-the-pair",
    ),
    pytest.param(
        "Finance Committee Chairman Ana Velt (R-Ohio) and Budget Committee Chairman Tom "
        "Brask (R-Iowa) sent the referral to the agency on Monday.\n\n"
        '"The numbers do not add up," the committee chairmen wrote.',
        ["Ana Velt and Tom Brask"],
        id="a-plural-role-both-of-the-pair-hold",
    ),
    pytest.param(
        "Ana Velt and Tom Brask sent the referral to the agency on Monday.\n\n"
        '"The numbers do not add up," the committee chairmen wrote.',
        ["the committee chairmen"],
        id="a-plural-role-the-pair-is-not-given",
    ),
    pytest.param(
        "Ruiz worked at Labor for years, and Labor kept her files. The Labor Department "
        'said on Monday that Labor had released them all.\n\n"We have released every '
        'page," the Labor Department said in a statement.',
        ["the Labor Department"],
        id="the-counted-over-the-full-name-not-a-short-form",
    ),
    pytest.param(
        '"It was not a serious plan," said one Republican familiar with the negotiations, '
        'who added that the governor seemed "rattled" by the vote.',
        ["one Republican familiar with the negotiations"] * 2,
        id="a-who-after-a-speakers-comma-is-that-speaker",
    ),
]

# reported speech: the speaker of each indirect statement
REPORTED = [
    pytest.param(
        "Paul Tano and Maria Vance toured the docks on Wednesday.\n\n"
        "Vance, the former harbour minister, spoke first.\n\n"
        'The former actress and minister said it was "an error" to sell the ferry line.',
        ["Maria Vance"],
        id="one-person-described-by-two-roles",
    ),
    pytest.param(
        "Ivo Marsh, a farmer, spoke at the fair on Thursday. He said Paul Tano had "
        '"done little" for the valley.\n\n'
        "When Tano was asked about the quarrel on Sunday, his response dwelt on how Marsh's "
        'sister had stood at the back, as if she "had nothing to add."',
        ["Ivo Marsh", "Paul Tano"],
        id="his-response-is-the-subject-of-the-clause-that-opens-the-sentence",
    ),
    pytest.param(
        "A panel of engineers in 2011 called for the closure of the old bridge.\n\n"
        "A Harbour Institute poll out Monday shows Vance with a lead over Tano.",
        ["A panel of engineers", "A Harbour Institute poll"],
        id="a-time-closing-the-mention-is-no-part-of-the-name",
    ),
    pytest.param(
        "Ben Carlo came third in the harbour board vote counted Wednesday.\n\n"
        'The retired neurosurgeon said he was "changing a few habits" for '
        "the months ahead.",
        ["Ben Carlo"],
        id="a-role-inside-a-longer-word",
    ),
    pytest.param(
        "Maria Vance spoke in Velo on Monday.\n\n"
        "Vance and has aides have also had harsh words for the judges, telling "
        'reporters that "I am not happy with Reyes."',
        ["Maria Vance"],
        id="a-verb-after-and-is-no-second-speaker",
    ),
    pytest.param(
        "The report in the Harbour Valley Times on Saturday drew wide notice.\n\n"
        "The Times wrote that the ferry had lost money for a decade.\n\n"
        "Years ago, a Times article said the ferry would pay for itself.",
        ["the Harbour Valley Times", "the Harbour Valley Times"],
        id="the-times-is-the-newspaper-named-in-full",
    ),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_speaker_names(nlp: Any, text: str, names: list[str]) -> None:
    rec = extract(text, "2016-09-19", nlp=nlp)
    got = [q.speaker.name if q.speaker else None for q in rec.quotes if q.kind != "indirect"]
    assert got == names


@pytest.mark.parametrize(("text", "names"), REPORTED)
def test_reported_speaker_names(nlp: Any, text: str, names: list[str]) -> None:
    rec = extract(text, "2016-09-07", nlp=nlp)
    got = [q.speaker.name if q.speaker else None for q in rec.quotes if q.kind == "indirect"]
    assert got == names


@pytest.mark.parametrize(
    "words", ["Tano's remarks", "Tano's letter", "his response", "Tano's recent analysis"]
)
def test_what_was_said_speaks_for_its_owner(nlp: Any, words: str) -> None:
    text = f"Paul Tano spoke in Ohio on Monday.\n\nLater, {words} angered the union."
    at = text.index(words)
    assert find_people(nlp(text)).resolve(at, at + len(words)) == "Paul Tano"


def test_a_name_with_a_time_after_it_is_the_person(nlp: Any) -> None:
    text = "Paul Tano spoke in Ohio.\n\nTano this week named his running mate."
    at = text.index("Tano this week")
    assert find_people(nlp(text)).resolve(at, at + len("Tano this week")) == "Paul Tano"


@pytest.mark.parametrize(
    ("line", "titled"),
    [
        ("Vance and Ortiz Slam Harbour Toll Plan.", True),
        ("[Video: Full Remarks: Governor Tano at the Valley Fair (3/12/16)]", True),
        ("Councillor Maria Vance criticised the toll on Monday.", False),
        ("Board Picks Jim Kano for 2nd Term at Harbour Bank.", True),
        ("Tano Tells Guest the Harbour is Beyond Saving.", True),
        ("Maria Vance", False),  # a name line, too short to be a title
    ],
)
def test_title_case_lines(line: str, titled: bool) -> None:
    text = f"Some words here.\n{line}\nmore words follow in lower case."
    lo = text.index(line)
    assert (_title_case_lines(text) == [(lo, lo + len(line))]) == titled


# the owner a noun for what was said gives it, and the one it does not
@pytest.mark.parametrize(
    ("text", "words", "not_speaker"),
    [
        (
            "Maria Vance appeared on Fox on Monday.\n\n"
            "A Fox interview showed that the ferry would pay for itself.",
            "that the ferry",
            "Fox",  # a channel's interview is its guest's words, not the channel's
        ),
        (
            "The Harbour Post and the Valley Post both covered the vote on Monday.\n\n"
            "The Post said the ferry would pay for itself.",
            "the ferry",
            "the Valley Post",  # "the Post" with two papers of that name: neither
        ),
        (
            "The Harbour Post and the Valley Post both covered the vote on Monday.\n\n"
            "The Post said the ferry would pay for itself.",
            "the ferry",
            "the Harbour Post",
        ),
    ],
    ids=["a-channel-does-not-speak-for-its-interview", "two-posts-a", "two-posts-b"],
)
def test_who_does_not_speak(nlp: Any, text: str, words: str, not_speaker: str) -> None:
    rec = extract(text, "2016-09-07", nlp=nlp)
    (q,) = [q for q in rec.quotes if q.text.startswith(words)]
    assert q.speaker is not None and q.speaker.name != not_speaker
