"""Report frames read after tagging, and source mentions settled there (issue 10), on
made-up sentences: a verb of saying in a parenthesis or a relative clause, a verb of
describing with ``as``, a participle clause that shares its subject, a time phrase
the parse hung on the source.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.frames import find_as_reports, find_clause_reports
from saidwhen.extract.speech.view import ArticleView
from tests.test_attribution import run, who


def _reports(text: str, nlp: Any) -> list[tuple[str, str | None, str | None]]:
    rec = run("Notes from the town hall.\n\n" + text + "\n", nlp)
    return [
        (q.text, q.speaker.mention if q.speaker else None, who(q))
        for q in rec.quotes
        if q.kind == "indirect"
    ]


@pytest.mark.parametrize(
    ("text", "words", "mention"),
    [
        # a verb of saying in a parenthesis: the tagger rarely saw that frame
        (
            "Both candidates face questions about their health (her campaign later "
            "disclosed that she has the flu). Until Thursday, Lopez had refused.",
            "that she has the flu",
            "her campaign",
        ),
        # a verb of promising in a relative clause
        (
            "Editor's note: Lopez is a serial liar who has repeatedly pledged to close "
            "every school in the state.",
            "to close every school in the state",
            "who",
        ),
        # a verb of describing: what it says its object is
        (
            "Kim, in particular, has been steadily pounding Lee as a \u201ccon artist\u201d "
            "\u2015 just as he did with Ruiz in 2012.",
            "Lee as a \u201ccon artist\u201d",
            "Kim",
        ),
    ],
)
def test_frames_the_tagger_missed_are_read(nlp: Any, text: str, words: str, mention: str) -> None:
    assert (words, mention) in [(w, m) for w, m, _ in _reports(text, nlp)]


@pytest.mark.parametrize(
    "text",
    [
        "Lee attacked the bill as part of a wider campaign against the council.",
        "Lee praised the plan as well as the budget.",
        "Both candidates face questions (her campaign never disclosed that she has the flu).",
        "Both candidates face questions (it was disclosed that she has the flu).",
    ],
)
def test_no_frame_without_a_statement(nlp: Any, text: str) -> None:
    view = ArticleView.build(nlp(text))
    assert find_as_reports(view) == []
    assert find_clause_reports(view) == []


def test_a_participle_clause_says_what_its_subject_says(nlp: Any) -> None:
    # the clause is passive; the guards still did the stating
    reports = _reports(
        "Two guards were charged Tuesday with forging records, stating they had "
        "checked on the prisoner every hour.",
        nlp,
    )
    assert ("they had checked on the prisoner every hour", "Two guards", "Two guards") in reports


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Lopez this week also said he would consider naming Kim as his deputy.", "Lopez"),
        (
            "A group of nurses in 2015 sent a letter to the mayor, calling for his dismissal.",
            "A group of nurses",
        ),
    ],
)
def test_a_time_phrase_is_no_part_of_the_source(nlp: Any, text: str, mention: str) -> None:
    mentions = {m for _, m, _ in _reports(text, nlp)}
    assert mention in mentions
    assert not any(m and m != mention and m.startswith(mention) for m in mentions)


def test_a_time_phrase_inside_the_sources_own_clause_stays(nlp: Any) -> None:
    reports = _reports(
        "Steelers captain Cam Heyward, who lobbied for the ban on Thursday night, "
        "said the league had made the right call.",
        nlp,
    )
    mentions = [m for _, m, _ in reports if m]
    assert mentions and all("Thursday night" in m for m in mentions if m.startswith("Steelers"))


def test_learning_in_passing_is_not_saying(nlp: Any) -> None:
    reports = _reports(
        "The singer was rushed to hospital after learning that her father had collapsed. "
        "Upon hearing that the bridge would close, residents protested. "
        "Finding that the vote was rigged, the judge annulled it.",
        nlp,
    )
    words = [w for w, _, _ in reports]
    assert "that her father had collapsed" not in words
    assert "that the bridge would close" not in words
    assert "that the vote was rigged" in words  # a finding is a ruling, it is stated


def test_a_named_speakers_report_inside_another_is_its_own(nlp: Any) -> None:
    reports = _reports(
        "The paper reported last year that the editor, Ana Ruiz, had conveyed to Mr. Diaz "
        "that his column was ''too harsh for our readers.'' "
        "Officials said a scan of the records revealed that the money had gone abroad.",
        nlp,
    )
    inner = [(w, name) for w, _, name in reports if w.startswith("that his column was")]
    assert inner and inner[0][1] == "Ana Ruiz"
    # a scan reveals, it does not speak: the officials' report stays whole
    assert not any(w.startswith("that the money had gone abroad") for w, _, _ in reports)


def test_as_someone_put_it_gives_the_words_after(nlp: Any) -> None:
    reports = _reports(
        "Its defenders say the channel is no more biased than any other. As Ms. Ruiz put it "
        "in a statement to my colleague Tom Lee in July, the channel is ''offering a view "
        "you won't get from the big networks.'' As the mayor put the phone down, the "
        "lights went out.",
        nlp,
    )
    assert any(
        w.startswith("the channel is ''offering a view") and m == "Ms. Ruiz" for w, m, _ in reports
    )
    assert not any(w.startswith("the lights went out") for w, _, _ in reports)


def test_a_verb_conjoined_to_a_passive_shares_its_subject(nlp: Any) -> None:
    reports = _reports(
        "By the end of the day, Mr. Lopez was forced into a rare retreat and said that his "
        "words had been ''twisted.''",
        nlp,
    )
    assert any(w.startswith("that his words had been") and m == "Mr. Lopez" for w, m, _ in reports)


def test_a_relative_pronouns_mention_is_the_pronoun(nlp: Any) -> None:
    reports = _reports(
        "The pollster Ana Ruiz -- author of a 2019 report, which in the wake of the defeat "
        "urged the party to reach young voters -- is skeptical.",
        nlp,
    )
    assert ("the party to reach young voters", "which", "a 2019 report") in reports


def test_a_subject_lost_across_a_paragraph_break_is_found(nlp: Any) -> None:
    # the parse hangs the source on the quoted line before; its paragraph still says who
    reports = _reports(
        "\u201c\u2026 stop the families from leaving the camp\u201d\n\n"
        "A local radio reporter Ana Ruiz's source inside the Delta camp, a farmer who "
        "feared reprisals and asked not to be named, said that the ministry\u2019s claim is "
        "\u201csimply false.\u201d",
        nlp,
    )
    said = [(m, name) for w, m, name in reports if w.startswith("that the ministry")]
    assert said and said[0][0] is not None
    assert said[0][0].startswith("A local radio reporter Ana Ruiz's source")


def test_a_mention_cut_inside_its_relative_clause_is_made_whole(nlp: Any) -> None:
    reports = _reports(
        "A local radio reporter Ana Ruiz's source inside the Delta camp, a farmer who "
        "feared reprisals and asked not to be named, said that the ministry\u2019s claim is "
        "\u201csimply false.\u201d",
        nlp,
    )
    said = [m for w, m, _ in reports if w.startswith("that the ministry")]
    assert said and said[0] is not None and said[0].endswith("asked not to be named")


def test_a_sources_next_act_of_saying_is_a_report_of_its_own(nlp: Any) -> None:
    reports = _reports(
        "Tokai said the order favoured lenders and identified two banks as its key "
        "beneficiaries. Lee said the plan would cut costs and help families.",
        nlp,
    )
    assert ("the order favoured lenders", "Tokai", "Tokai") in reports
    assert ("two banks as its key beneficiaries", "Tokai", "Tokai") in reports
    # "help" is no act of saying: the plan's second effect stays in what was said
    assert ("the plan would cut costs and help families", "Lee", "Lee") in reports


def test_an_urging_in_a_second_clause_is_read(nlp: Any) -> None:
    reports = _reports(
        "A group of physicians, alarmed that the state is denying flu vaccines to prisoners "
        "in custody, is urging the Department of Corrections to accept its offer to provide "
        "free flu shots to detainees.",
        nlp,
    )
    urged = [(w, m) for w, m, _ in reports if "to accept its offer" in w]
    assert urged and urged[0][1] == "A group of physicians"


def test_a_next_act_after_a_scare_quote_is_split_off(nlp: Any) -> None:
    reports = _reports(
        "Ruiz said the deaths were caused by gunshot wounds and called on the \u201cinterim\u201d "
        "government to withdraw army units from all policing operations.",
        nlp,
    )
    words = [w for w, _, _ in reports]
    assert "the deaths were caused by gunshot wounds" in words
    assert any(w.endswith("to withdraw army units from all policing operations") for w in words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "He infamously referred to the migrants as \u201cthieves\u201d at the rally.",
            "the migrants as \u201cthieves\u201d",
        ),
        # a no-break space the page left between the object and "as"
        (
            "The candidate portrayed the protesters\u00a0as a paid mob without offering proof.",
            "the protesters\u00a0as a paid mob",
        ),
    ],
)
def test_describing_frames_over_a_preposition_or_a_page_space(
    nlp: Any, text: str, words: str
) -> None:
    view = ArticleView.build(nlp(text))
    found = [view.text[d.start : d.end] for d in find_as_reports(view)]
    assert any(w.startswith(words) for w in found)
