"""Reported speech on hand-built sentences (issue 10, written fresh, session 13): the
source of a report whose parse lost the subject of its verb.

* the parse rooted the sentence in its subject noun and hung the finite verb of saying
  on a noun before it as a participle ("Pat Brennan, who served as ..., called X "...""):
  :func:`saidwhen.extract.speech.syntax.cue_subject` takes the root noun;
* a second participle of saying conjoined deep inside what the first one reports
  ("saying that the plan ... - and arguing that ..."): the same source's next act;
* a verb of saying left with no subject at all, a person named before it in its
  paragraph (the parse hung the name on a dateline or a headline):
  :func:`saidwhen.extract.speech.syntax.lost_subject`;
* "said A and slammed X as Y": a verb of describing with what it says its object is, the
  source's next act (:func:`saidwhen.extract.speech.frames.split_next_acts`);
* words quoted right after the cue ("said "there is ...""): a report too, the quote its
  fragment (:func:`saidwhen.extract.speech.merge.merge_reported`).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import report_source as _report
from tests.test_attribution import run


@pytest.mark.parametrize(
    ("text", "words", "name", "mention"),
    [
        (
            "The harbour festival drew record crowds this summer.\n\n"
            "Pat Brennan, who served as Mayor Lee's chief strategist during the 2019 "
            'campaign, called Keller\'s statements and actions on Sunday "childish."\n\n'
            '"Every day he finds a new way to fail," Brennan said.\n',
            "Keller's statements",
            "Pat Brennan",
            "Pat Brennan, who served as Mayor Lee's chief strategist during the 2019 campaign",
        ),
        (
            "The harbour festival drew record crowds this summer.\n\n"
            'Ferry captain Dana Whitfield, for example, named "Morning Star" as her '
            "favourite crossing.\n",
            "as her favourite crossing",
            "Dana Whitfield",
            "Ferry captain Dana Whitfield",
        ),
    ],
)
def test_a_verb_hung_on_its_subject_is_said_by_it(
    nlp: Any, text: str, words: str, name: str, mention: str
) -> None:
    assert _report(run(text, nlp), words) == (name, mention)


def test_a_second_participle_inside_the_first_ones_words_is_the_same_source(
    nlp: Any,
) -> None:
    text = (
        "The harbour festival drew record crowds this summer.\n\n"
        "Mayor Dana Whitfield pushed back on the complaints Friday, saying that the "
        "timetable had the right number of crossings but was hurt by the weather - and "
        'arguing that she and Ruiz shared "almost the same goals."\n'
    )
    rec = run(text, nlp)
    assert _report(rec, "had the right number") == ("Dana Whitfield", "Mayor Dana Whitfield")
    # not "the timetable", the subject of the words the first participle reports
    assert _report(rec, "shared") == ("Dana Whitfield", "Mayor Dana Whitfield")


def test_a_participle_with_an_agent_is_no_act_of_the_root(nlp: Any) -> None:
    # "named ... by the council": a passive participle; its noun is not who names
    text = (
        "The harbour festival drew record crowds this summer.\n\n"
        'The old ferry, renamed "Morning Star" by the council last year, sank.\n'
    )
    rec = run(text, nlp)
    sources = [q.speaker.mention for q in rec.quotes if q.kind == "indirect" and q.speaker]
    assert not [s for s in sources if s.startswith("The old ferry")]


def test_words_quoted_right_after_the_cue_are_a_report_too(nlp: Any) -> None:
    # no comma between "said" and the mark: the quote is the report's words in marks, a
    # fragment of the report (as the realnews sets and PolNeAR mark it), not a quote alone
    text = (
        "Hundreds gathered at the pier on Sunday for the ferry's last crossing.\n\n"
        "In his tribute, harbour pastor Tom Keller said \u201cthere is no captain who has "
        "done more for this town than Ana Ruiz.\u201d\n"
    )
    rec = run(text, nlp)
    kinds = {q.kind: q for q in rec.quotes if "no captain" in q.text}
    assert set(kinds) == {"indirect", "fragment"}, rec.quotes
    assert kinds["indirect"].speaker is not None
    assert kinds["indirect"].speaker.name == "Tom Keller"
    assert kinds["fragment"].continues is not None


def test_a_quote_set_off_by_a_comma_is_no_report(nlp: Any) -> None:
    text = (
        "Hundreds gathered at the pier on Sunday for the ferry's last crossing.\n\n"
        "In his tribute, harbour pastor Tom Keller said, \u201cThere is no captain who has "
        "done more for this town than Ana Ruiz.\u201d\n"
    )
    rec = run(text, nlp)
    assert [q.kind for q in rec.quotes if "no captain" in q.text] == ["direct"]


def test_a_name_the_parse_hung_on_a_headline_is_the_lost_subject(nlp: Any) -> None:
    # the parse ran the headline into the dateline and made the mayor its object; "said"
    # was left with no subject
    text = (
        "Harbour museum will tell of 'storms and calm'\n\n"
        "PORT ELLIS -- Mayor Dana Whitfield, dedicating the National Museum of Harbour "
        "History and Culture on Saturday, said it would tell a harbour story, one of "
        "''storms and calm, one of loss, but also of hope.''\n"
    )
    assert _report(run(text, nlp), "it would tell a harbour story") == (
        "Dana Whitfield",
        "Mayor Dana Whitfield",
    )


def test_a_description_after_and_is_the_sources_next_act(nlp: Any) -> None:
    # "and slammed X as Y": a verb of describing with what it says its object is ends the
    # first report and is one of its own, by the same source, going on from the first
    text = (
        "The ferry inquiry went into its third week on Tuesday.\n\n"
        "At the harbour office, Mayor Dana Whitfield said she had read part of the day's "
        'testimony and slammed the ongoing ferry inquiry as a "circus."\n'
    )
    rec = run(text, nlp)
    reports = [q for q in rec.quotes if q.kind == "indirect"]
    assert [(q.text, q.cue.text if q.cue else None) for q in reports] == [
        ("she had read part of the day's testimony", "said"),
        ('the ongoing ferry inquiry as a "circus', "slammed"),
    ]
    assert all(q.speaker is not None and q.speaker.name == "Dana Whitfield" for q in reports)
    assert reports[1].continues == rec.quotes.index(reports[0])


def test_a_bare_criticism_after_and_stays_in_the_words(nlp: Any) -> None:
    # "slammed the inquiry" says no more than that she criticised it: no report of its own
    text = (
        "The ferry inquiry went into its third week on Tuesday.\n\n"
        "At the harbour office, Mayor Dana Whitfield said she had read part of the day's "
        "testimony and slammed the ongoing ferry inquiry.\n"
    )
    rec = run(text, nlp)
    assert [q.cue.text for q in rec.quotes if q.kind == "indirect" and q.cue] == ["said"]
