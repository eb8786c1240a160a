"""Whose thread a quote continues, on hand-built articles (realnews-tune traps,
written fresh): a pull quote set into a passage about someone else, a lead-in
sentence naming who speaks next, a noun phrase that is no speaker."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, speaker_of

# "...," he continued: after a pull quote, "he" is the man the passage is about
PULL_QUOTE = (
    "The council met on Tuesday to weigh the bridge plan.\n\n"
    '"Fewer crossings mean fewer accidents," said Martin Hale, a former city engineer, '
    "at a hearing in March.\n\n"
    '"Without a new bridge, traffic will never flow," Oscar Brandt said of the plan.\n\n'
    '"The old bridge was built for horses," he continued. "It cannot take the trucks."\n\n'
    "Brandt, a retired builder, spoke later in the day. "
    '"Without a new bridge, traffic will never flow," he said. "We need it soon."\n'
)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (PULL_QUOTE, "The old bridge", "Martin Hale"),
        (PULL_QUOTE, "We need it soon", "Oscar Brandt"),
        # no repeat later: the quote is part of the passage, and "he" is its speaker's
        (
            PULL_QUOTE.replace('traffic will never flow," he said', 'it is time," he said'),
            "The old bridge",
            "Oscar Brandt",
        ),
    ],
)
def test_a_pull_quote_is_no_part_of_the_thread(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert speaker_of(run(text, nlp), words) == speaker


# a quote with no cue after a sentence of its own paragraph about a named person
HEARING = (
    "Rep. Nora Whitfield (R-OH) chaired the hearing on Tuesday.\n\n"
    '"We have not seen the engines yet," added Ken Bowman, the other witness.\n\n'
    "{lead} "
    '"What rockets exist today that can carry the lander to the Moon?"\n'
)


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("Whitfield returned to the issue later in the hearing.", "Nora Whitfield"),
        # a report set into the sentence: "At current rates, X said, there will be ..."
        ("At current rates, Whitfield said, there will be three rockets.", "Nora Whitfield"),
        # the subject is no person: the quote goes on from the witness before
        ("The issue came up again later in the hearing.", "Ken Bowman"),
    ],
)
def test_a_lead_in_sentence_names_who_speaks_next(nlp: Any, lead: str, speaker: str) -> None:
    assert speaker_of(run(HEARING.format(lead=lead), nlp), "What rockets") == speaker


@pytest.mark.parametrize(
    "subhead",
    ["Near-term consolidation likely", "Strong rally ahead", "Bank stocks lead"],
)
def test_a_subhead_is_not_the_subject_of_the_cue_below_it(nlp: Any, subhead: str) -> None:
    rec = run(
        "Harbour Capital said the order favoured banks.\n\n"
        f"{subhead}\n\n"
        'Veteran investor Gabor Varga had said, "Prices do not rise on rumours '
        'alone. They follow the harvest."\n',
        nlp,
    )
    assert speaker_of(rec, "Prices do not rise") == "Gabor Varga"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Yahoo! is a name with an exclamation point.\n\n"
            "The apps focus on their customers' \u201cfinancial health,\u201d as one neo-bank "
            "CEO told me, and on easing the \u201cpain\u201d people feel about money.\n",
            "pain",
            "one neo-bank CEO",
        ),
        (
            "Shares of Dunmore Bank fell on Monday.\n\n"
            '"We are out of money," one fintech CEO told me.\n',
            "We are out of money",
            "one fintech CEO",
        ),
    ],
)
def test_a_role_word_under_a_description_is_the_description(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert speaker_of(run(text, nlp), words) == speaker


@pytest.mark.parametrize(
    ("subhead", "speaker"),
    [
        ("VOLKSWAGEN ID. SPACE VIZZION CONCEPT", "Volkswagen"),
        ("KESTREL MOTORS ARC WAGON", "Kestrel Motors"),
    ],
)
def test_a_subhead_in_capitals_names_no_one(nlp: Any, subhead: str, speaker: str) -> None:
    name = speaker.split()[0]
    rec = run(
        f"New models from {speaker} are on display this week.\n\n"
        f"{subhead}\n\n"
        f"{speaker} is giving us a glimpse of the car of the future. The wagon will go "
        f"from zero to 60 mph in five seconds, {name} says.\n",
        nlp,
    )
    assert speaker_of(rec, "The wagon will go") == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("No one has shown symptoms such as fever, so far, the commission said.", "commission"),
        ("No patient has shown symptoms such as fever, the hospital said.", "hospital"),
    ],
)
def test_no_one_is_no_source_when_a_report_closes_the_sentence(
    nlp: Any, sentence: str, speaker: str
) -> None:
    rec = run(
        "A total of 28 people who were in close contact with the patient were put "
        f"under medical quarantine. {sentence}\n",
        nlp,
    )
    (q,) = [q for q in rec.quotes if q.kind == "indirect" and "fever" in q.text]
    assert q.speaker is not None and q.speaker.mention == f"the {speaker}"
