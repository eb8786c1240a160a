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
        "President Tano urged young voters to turn out on Saturday.\n\n"
        '"My name is not on the ballot, but our work is," Mr. Tano said at a dinner in '
        "the capital.\n\n"
        "The first lady, Elena Tano, will campaign in the north next week.\n\n"
        '"Every vote counts," Mr. Tano added.',
        ["Tano", "Tano"],
        id="mr-is-not-the-woman-of-that-surname",
    ),
    pytest.param(
        "Tano Sees 'Insult' if Young Voters Stay Home.\n\n"
        "President Tano urged young voters to turn out on Saturday.\n\n"
        '"Every vote counts," Mr. Tano said.\n\n'
        "The first lady, Elena Tano, will campaign in the north next week.\n\n"
        '"Stay home and you hand them the country," President Tano said.',
        ["Tano", "Tano"],
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
        "On the opening night, Tano's wife, Melania, is scheduled to speak. She is often by "
        'her husband\'s side. At a rally in the spring, she described him as "kind" with a '
        '"great heart."',
        ["Melania", "Melania"],
        id="a-single-name-in-apposition-to-wife-is-a-person",
    ),
    pytest.param(
        "Radio host Sam Hollis asked Paul Tano how high the wall would be.\n\n"
        '"I think it could be 35 feet. That is a good height," he told Hollis, to cheers '
        "from the crowd.",
        ["Paul Tano"],
        id="he-is-not-the-one-he-told",
    ),
    pytest.param(
        '"My name may not be on the ballot, but our work is," Mr. Tano said at the harbour '
        'gala in Velo, where Mrs. Vance also spoke. "Tolerance is on the ballot."',
        ["Tano", "Tano"],
        id="a-speaker-in-a-relative-clause-describing-the-place-is-not-the-next-quotes",
    ),
    pytest.param(
        "Omar Vasko, 13, sold water on Broad Street before the march.\n\n"
        "Sales were great, he said. Why was he out in the heat? "
        '"My mom says I have to save up for college."',
        ["Omar Vasko"],
        id="a-quote-after-a-question-about-him-is-his",
    ),
]

# reported speech: the speaker of each indirect statement
REPORTED = [
    pytest.param(
        "Paul Tano and Maria Vance met veterans on Wednesday.\n\n"
        "Vance, the former secretary of state, spoke first.\n\n"
        'The former first lady and senator said it was "a mistake" to use a private server.',
        ["Maria Vance"],
        id="one-person-described-by-two-roles",
    ),
    pytest.param(
        "Omar Khan, a lawyer, spoke at the convention on Thursday. He said Paul Tano had "
        '"sacrificed nothing" for the country.\n\n'
        "When Tano was asked about the dispute on Sunday, his response focused on how Khan's "
        'wife had stood silent, as if she "was not allowed to speak."',
        ["Omar Khan", "Paul Tano"],
        id="his-response-is-the-subject-of-the-clause-that-opens-the-sentence",
    ),
    pytest.param(
        "A group of doctors in 2015 called for his dismissal from the faculty.\n\n"
        "A Harbour Institute poll out Monday shows Vance with a lead over Tano.",
        ["A group of doctors", "A Harbour Institute poll"],
        id="a-time-closing-the-mention-is-no-part-of-the-name",
    ),
    pytest.param(
        "Ben Carlo fell to 10 percent in the latest poll released Wednesday.\n\n"
        'The retired neurosurgeon said he was "refining some operational practices" for '
        "the weeks ahead.",
        ["Ben Carlo"],
        id="a-role-inside-a-longer-word",
    ),
    pytest.param(
        "Maria Vance spoke in Ohio on Monday.\n\n"
        "Vance and has aides have also had harsh words for the moderators, telling "
        'reporters that "I am not okay with Holt."',
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


@pytest.mark.parametrize("words", ["Tano's remarks", "Tano's letter", "his response"])
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
        ("[Video: Full Speech: President Tano at the Harbour Dinner (9/17/16)]", True),
        ("Councillor Maria Vance criticised the toll on Monday.", False),
        ("U.S. Names Jim Kano for 2nd Term at Harbour Bank.", True),
        ("Tano Tells Guest the Harbour is Beyond Saving.", True),
        ("Maria Vance", False),  # a name line, too short to be a title
    ],
)
def test_title_case_lines(line: str, titled: bool) -> None:
    text = f"Some words here.\n{line}\nmore words follow in lower case."
    lo = text.index(line)
    assert (_title_case_lines(text) == [(lo, lo + len(line))]) == titled
