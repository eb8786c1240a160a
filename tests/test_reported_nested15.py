"""A report inside a report (issue 10), on hand-built sentences written fresh: the words
are the inner speaker's (``speaker``), the outer one passes them on (``reported_by``,
with its cue); a verb inside the words that reports nothing changes neither."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.eval.polnear import as_polnear_sources
from saidwhen.model import Quote
from tests.test_attribution import run, who


def _by(q: Quote) -> str | None:
    return q.reported_by.name if q.reported_by else None


def _one(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(words)]
    assert found, [q.text for q in quotes]
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "speaker", "reported_by", "reported_cue"),
    [
        (  # a direct quote after "X says Y told Z"
            'Prosecutors say that Dana Hale told one ferry inspector, "I would do it all '
            'again, every single time."\n',
            "I would do it all again",
            "Dana Hale",
            "Prosecutors",
            "say",
        ),
        (  # reported speech after "according to X, Y told Z that"
            "According to the memo, Ana Ruiz told donors that the harbor loss was expected.\n",
            "that the harbor loss was expected",
            "Ana Ruiz",
            "the memo",
            "According to",
        ),
        (  # "X quoted Y as saying"
            'The Herald quoted Mark Lee as saying, "The mill will close before the winter."\n',
            "The mill will close",
            "Mark Lee",
            "the Herald",
            "quoted",
        ),
        (  # words a noun names, with their owner, inside a report
            'Mark Lee said he agreed with Ana Ruiz\'s claim that the mayor "lied" about '
            "the ferry.\n",
            "lied",
            "Ana Ruiz",
            "Mark Lee",
            "said",
        ),
        (  # reported speech inside reported speech
            "Ana Ruiz said Mark Lee had warned her that the ferry would be sold by June.\n",
            "that the ferry would be sold",
            "Mark Lee",
            "Ana Ruiz",
            "said",
        ),
    ],
)
def test_a_nested_report_is_the_inner_speakers_passed_on_by_the_outer(
    nlp: Any, text: str, words: str, speaker: str, reported_by: str, reported_cue: str
) -> None:
    q = _one(list(run(text, nlp).quotes), words)
    assert (who(q), _by(q)) == (speaker, reported_by)
    assert q.reported_cue is not None and q.reported_cue.text == reported_cue
    assert q.to_dict()["reported_by"]["name"] == reported_by


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # a verb of speech inside the words reports nothing: "talk to"
            "Mark Lee said he wants to talk to Ana Ruiz about the ferry budget.\n",
            "he wants to talk",
            "Mark Lee",
        ),
        (  # the report that holds another: its words are the outer speaker's own
            "Ana Ruiz said Mark Lee had warned her that the ferry would be sold by June.\n",
            "Mark Lee had warned her",
            "Ana Ruiz",
        ),
        (  # a word quoted in a report: the reporter's
            'Ana Ruiz said that the mayor had "lied" about the ferry.\n',
            "lied",
            "Ana Ruiz",
        ),
        (  # an infinitive names an act, not words: "sought to"
            'Opponents argue that Mark Lee had sought to "gut" the ferry service.\n',
            "gut",
            "Opponents",
        ),
    ],
)
def test_no_report_inside_keeps_the_speaker(nlp: Any, text: str, words: str, speaker: str) -> None:
    q = _one(list(run(text, nlp).quotes), words)
    assert who(q) == speaker
    assert _by(q) is None


@pytest.mark.parametrize(
    ("text", "words", "speaker", "reported_by"),
    [
        (  # a report in a relative clause inside reported speech
            "Dana Hale reported that the ferry company paid a settlement to a pilot who "
            "said the captain had ignored the storm warnings.\n",
            "the captain had ignored the storm warnings",
            "a pilot",
            "Dana Hale",
        ),
        (
            "The Herald reported that the port paid a fine to a sailor who claimed the "
            "crane had failed twice.\n",
            "the crane had failed twice",
            "a sailor",
            "the Herald",
        ),
    ],
)
def test_a_report_set_inside_reported_speech_is_a_record_of_its_own(
    nlp: Any, text: str, words: str, speaker: str, reported_by: str
) -> None:
    reports = [q for q in run(text, nlp).quotes if q.kind == "indirect"]
    q = _one(reports, words)
    assert (who(q), _by(q)) == (speaker, reported_by)
    # the outer record keeps the words whole
    assert any(o.start < q.start and q.end <= o.end and o.reported_by is None for o in reports)


@pytest.mark.parametrize(
    ("text", "outer", "words", "speaker", "reported_by"),
    [
        (  # the report is the whole of the outer words: a record of its own as well
            "Dana Hale said Ana Ruiz told the board that the ferry had been late all week.\n",
            "Ana Ruiz told the board",
            "that the ferry had been late all week",
            "Ana Ruiz",
            "Dana Hale",
        ),
        (
            "The Gazette reported that Omar Diaz warned the council that the dam was leaking.\n",
            "that Omar Diaz warned the council",
            "that the dam was leaking",
            "Omar Diaz",
            "the Gazette",
        ),
    ],
)
def test_the_report_that_is_the_words_is_a_record_too(
    nlp: Any, text: str, outer: str, words: str, speaker: str, reported_by: str
) -> None:
    reports = [q for q in run(text, nlp).quotes if q.kind == "indirect"]
    assert _by(_one(reports, outer)) is None  # the outer record keeps the words whole
    q = _one(reports, words)
    assert (who(q), _by(q)) == (speaker, reported_by)


def test_polnear_is_given_the_outer_report() -> None:
    """PolNeAR annotates only the outermost attribution: its source and cue."""
    by = {"name": "Prosecutors", "mention": "Prosecutors", "start": 0, "end": 11, "type": None}
    cue = {"text": "say", "start": 12, "end": 15}
    inner = {"name": "Dana Hale", "mention": "Dana Hale", "start": 21, "end": 30, "type": None}
    told = {"text": "told", "start": 31, "end": 35}
    plain = {"speaker": inner, "cue": told, "reported_by": None, "reported_cue": None}
    plain = {**plain, "kind": "direct", "start": 40, "end": 60}
    nested = {**plain, "reported_by": by, "reported_cue": cue, "start": 70, "end": 90}
    out = as_polnear_sources({"quotes": [plain, nested]})["quotes"]
    assert [(q["speaker"]["name"], q["cue"]["text"]) for q in out] == [
        ("Dana Hale", "told"),
        ("Prosecutors", "say"),
    ]


def test_polnear_is_not_given_a_report_inside_another_record() -> None:
    """Its content is part of the outer record's: PolNeAR has no nested attribution."""
    sp = {"name": "Hale", "mention": "Hale", "start": 0, "end": 4, "type": None}
    outer = {"kind": "indirect", "start": 10, "end": 80, "speaker": sp, "continues": None}
    inner = {**outer, "start": 40, "end": 80, "reported_by": sp}
    after = {**outer, "start": 90, "end": 99, "continues": 1}
    out = as_polnear_sources({"quotes": [outer, inner, after]})["quotes"]
    assert [(q["start"], q["continues"]) for q in out] == [(10, None), (90, None)]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (  # a participle that the parse hangs from the reported verb
            "Sen. Dana Hale, meanwhile, warned that the strike could delay the harbor "
            "works, remarking that it put into sharp relief the need to renew the contract.\n",
            "that the strike could delay the harbor works",
            "it put into sharp relief the need to renew the contract",
        ),
        (  # hung from the cue itself: already two records
            "Omar Diaz said the ferry was late, noting that the pier had been closed for a week.\n",
            "the ferry was late",
            "that the pier had been closed for a week",
        ),
    ],
)
def test_words_that_run_on_into_a_next_statement_are_two_records(
    nlp: Any, text: str, first: str, second: str
) -> None:
    reports = [q for q in run(text, nlp).quotes if q.kind == "indirect"]
    assert [q.text for q in reports] == [first, second]
    assert reports[0].speaker is not None and reports[1].speaker is not None
    assert reports[0].speaker.name == reports[1].speaker.name
    assert _by(reports[1]) is None
