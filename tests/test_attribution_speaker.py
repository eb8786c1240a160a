"""Speakers of direct quotes: the rules added for PolNeAR's annotation conventions."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.model import Quote
from tests.test_attribution import direct, run


def mention(q: Quote) -> str | None:
    return q.speaker.mention if q.speaker else None


def test_speaker_is_never_inside_the_quote(nlp: Any) -> None:
    rec = run('"Ohio, Iowa and Nevada," Governor Ellen Park said, "are all in play."\n', nlp)
    qs = direct(rec)
    assert qs and all(mention(q) and "Park" in (mention(q) or "") for q in qs)


def test_noun_phrase_between_quote_and_a_verb_of_any_kind(nlp: Any) -> None:
    rec = run(
        'The mayor spoke on Monday.\n\n"We fixed the bridges, and we fixed the roads," '
        "a narrator in the campaign video proclaims.\n",
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 1 and "narrator" in (mention(qs[0]) or "")


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # who said it, not the document or outlet that carries it
        (
            'The meeting ran late.\n\n"We will not back down," Tom Baker said, '
            "according to a recording obtained by the newspaper.\n",
            "Tom Baker",
            "said",
        ),
        (
            'The talks ended.\n\n"Here we are on a great day," he told the farmers, '
            "according to a statement from his office.\n",
            "he",
            "told",
        ),
        # with no speaker of its own, "according to X" names X
        (
            'The meeting ran late.\n\nAccording to a recording, "We will not back down."\n',
            "a recording",
            "According to",
        ),
    ],
)
def test_according_to_after_a_speaker(nlp: Any, text: str, speaker: str, cue: str) -> None:
    qs = direct(run(text, nlp))
    assert len(qs) == 1 and mention(qs[0]) == speaker
    assert qs[0].cue is not None and qs[0].cue.text == cue


def test_quote_paragraph_after_a_report(nlp: Any) -> None:
    rec = run(
        "Nora Quinn said that the budget would be cut again next year.\n\n"
        '"There is simply no money left for new schools."\n',
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 1 and mention(qs[0]) == "Nora Quinn"


def test_dash_signs_a_quote(nlp: Any) -> None:
    rec = run(
        'The readers wrote in.\n\n"The park should stay open all year."\n\n- Sam Ortiz.\n\n'
        '"Close it in winter, it is too cold." ― Priya Das\n',
        nlp,
    )
    qs = direct(rec)
    assert [mention(q) for q in qs] == ["Sam Ortiz", "Priya Das"]


def test_fragment_cue_stays_in_its_paragraph(nlp: Any) -> None:
    # NYT-style '' marks can make the parser run one sentence over the paragraph break
    rec = run(
        "Mark Reyes, a county official, said the storm was the clearest sign yet that ''the "
        "levees are far weaker than anyone is willing to admit.''\n\n''If the flood last "
        "spring wasn't enough of a warning, this one should be,'' Mr. Reyes said.\n",
        nlp,
    )
    qs = direct(rec)
    last = qs[-1]
    assert last.text.startswith("If the flood") and mention(last) == "Mr. Reyes"
    assert last.continues is None or rec.quotes[last.continues].kind == "direct"


def test_relative_clause_before_a_quote_is_not_its_cue(nlp: Any) -> None:
    rec = run(
        'The plan stalled.\n\n"It will not pass," said one aide to the governor, who spoke '
        'on condition of anonymity to speak freely. "Nobody has the votes."\n',
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 2 and all("aide" in (mention(q) or "") for q in qs)


def test_as_one_put_it(nlp: Any) -> None:
    rec = run(
        "Take the budget. Mr. Hale says that even though he would cut taxes, he likes the "
        'plan. That is because, as his aide puts it, "the old budget was a fantasy" from the '
        "start.\n",
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 1 and mention(qs[0]) == "his aide"


def test_participle_after_a_preposition_takes_the_main_subject(nlp: Any) -> None:
    rec = run(
        "The hearing ran for hours.\n\nMr. Grant dodged questions about Ms. Lane before "
        'saying, "We will find the money somewhere."\n',
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 1 and mention(qs[0]) == "Mr. Grant"


def test_a_clause_after_but_is_not_the_quotes_cue(nlp: Any) -> None:
    rec = run(
        "The talks went on.\n\nThe minister hinted at a deal, saying, "
        '"We are close to an agreement," but he refused to give a date.\n',
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 1 and mention(qs[0]) == "The minister"


def test_cue_before_a_quote_never_reaches_into_the_last_sentence(nlp: Any) -> None:
    rec = run(
        "The race tightened.\n\n''I would not make moral arguments about his work,'' said Ana "
        "Ruiz, a pollster with the old party who worked with Mr. Lee for years and called him "
        "a careful strategist. ''Nobody owns the truth.''\n",
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 2 and all(q.cue is not None and q.cue.text == "said" for q in qs)


def test_quote_after_a_report_sentence_in_the_same_paragraph(nlp: Any) -> None:
    rec = run(
        "The vote is near.\n\nMs. Vega said she and the mayor had made progress despite the "
        'opposition of the council. "I really think we have done a good job against long odds."\n',
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 1 and mention(qs[0]) == "Ms. Vega"


def test_cue_the_parser_tied_into_a_report_takes_the_reporter(nlp: Any) -> None:
    # the parser reads "added"/"saying" as part of what was said ("it ... added")
    rec = run(
        "The council met on Monday.\n\nSpeaking to reporters, Ana Ruiz said it was too early "
        'to call the race but added, "I think we all know who won."\n\n'
        "Ruiz wrote that the staff knew to stay quiet, saying, "
        '"Nobody wanted to be the one who told her."\n',
        nlp,
    )
    assert [mention(q) for q in direct(rec)] == ["Ana Ruiz", "Ruiz"]


def test_fragment_of_a_nested_report_is_passed_on_by_the_outer_speaker(nlp: Any) -> None:
    """The words are Park's; Ruiz reports them (PolNeAR, which annotates only the
    outermost attribution, is given Ruiz through ``reported_by``)."""
    rec = run(
        "The council met on Monday.\n\nFormer police chief Ana Ruiz said Park was "
        '"absolutely right" when he said on Monday that under the old mayor, '
        '"the police have been gutted."\n',
        nlp,
    )
    frag = next(q for q in rec.quotes if q.text.startswith("the police"))
    assert frag.speaker is not None and frag.speaker.name == "Park"
    assert frag.reported_by is not None and frag.reported_by.name == "Ana Ruiz"


def test_subject_set_off_by_an_inserted_phrase(nlp: Any) -> None:
    # the parser hangs "listed" on the name as a clause of its own and leaves it no subject
    # (in lower case: in Title Case, "Hope" and "Work" read as names the narration lists)
    rec = run(
        "The vote was close.\n\n"
        'Sam Ruiz, who has gained ground in the polls, listed "hope" and "work" as his themes.\n',
        nlp,
    )
    qs = direct(rec)
    assert [q.speaker.name if q.speaker else None for q in qs] == ["Sam Ruiz", "Sam Ruiz"]


def test_inverted_subject_the_parser_took_for_an_object(nlp: Any) -> None:
    rec = run(
        '"Please do not touch the protester," begins a recorded message that precedes '
        "all the rallies. Police wait outside.\n\n"
        '"The mayor is a fraud," tweeted one. "Vote him out," tweeted another.\n',
        nlp,
    )
    qs = direct(rec)
    assert [mention(q) for q in qs] == [
        "a recorded message that precedes all the rallies",
        "one",
        "another",
    ]


def test_a_relative_pronoun_source_is_named_by_its_noun(nlp: Any) -> None:
    # the mention stays "who", as news annotators mark it; the name is whom it stands for
    rec = run(
        "Four officials testified on Tuesday, including a harbour pilot who described "
        'the crossing as "reckless."\n',
        nlp,
    )
    frag = next(q for q in rec.quotes if q.text.startswith("reckless"))
    assert frag.speaker is not None and frag.speaker.mention == "who"
    assert frag.speaker.name == "a harbour pilot"


def test_participle_after_the_closing_mark_modifies_the_quote(nlp: Any) -> None:
    rec = run(
        "The mayor met the council.\n\n"
        '"Every month spent on this quarrel is a month lost for the goals" '
        "shared by both towns, she warned.\n",
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 1 and mention(qs[0]) == "she"
    assert qs[0].cue is not None and qs[0].cue.text == "warned"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # the verb that opens the quote names its speaker; the cue after reports the sentence
        (
            'The rally filled the square.\n\nWhile some nurses chanted, "Fair pay now," '
            "in a hospital hallway, Health Minister Jo Reyes spoke before lawmakers "
            "defending the budget.\n",
            "some nurses",
            "chanted",
        ),
        (
            "Tom Reyes was arrested in May.\n\nDuring the call, he asked about the fund and "
            'said, "somebody ought to stop her," the police said.\n',
            "he",
            "said",
        ),
        # inside another report too: the words are his, the outer speakers pass them on
        (
            "Tom Reyes was arrested in May.\n\nThe clerk recalled that Reyes said, "
            '"I will stop her myself," the police said.\n',
            "Reyes",
            "said",
        ),
    ],
)
def test_verb_that_opens_the_quote_before_a_later_cue(
    nlp: Any, text: str, speaker: str, cue: str
) -> None:
    qs = direct(run(text, nlp))
    assert len(qs) == 1 and mention(qs[0]) == speaker
    assert qs[0].cue is not None and qs[0].cue.text == cue


def test_inverted_subject_after_a_phrase_that_follows_the_quote(nlp: Any) -> None:
    rec = run(
        'The talks went on.\n\nLane was known for telling others "she was in charge of '
        'the port" despite being the envoy in Lisbon, said another witness in the inquiry, '
        "former adviser Rosa Vidal.\n",
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 1 and qs[0].speaker is not None and qs[0].speaker.name == "Rosa Vidal"
    # the report the quoted words sit in has the same inverted subject ("Lane" alone, the
    # subject of "was known for", is a piece of that report, as PolNeAR marks raising verbs)
    reports = [q for q in rec.quotes if q.kind == "indirect" and "in charge of" in q.text]
    assert [q.speaker.name if q.speaker else None for q in reports] == ["Rosa Vidal"]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            "Doctors saw a rare case.\n\nThings got worse quickly, in the words of the man: "
            '"Two months later, I was unable to stand or walk."\n',
            "the man",
            "in the words of",
        ),
        (
            'The storm hit at night.\n\nIn the words of one farmer, "We lost everything."\n',
            "one farmer",
            "In the words of",
        ),
        (
            'Ana Ruiz runs the farm.\n\nIn her words, "We lost everything."\n',
            "her",
            "In her words",
        ),
        # a name and a title in apposition to the owner, a comma before the mark
        (
            "The boat sank in May, and in the words of the harbor master, Tom Keller, QC, "
            '"The crew had no chance at all in that storm."\n',
            "Tom Keller",
            "in the words of",
        ),
    ],
)
def test_in_the_words_of_names_the_speaker(nlp: Any, text: str, speaker: str, cue: str) -> None:
    qs = direct(run(text, nlp))
    assert len(qs) == 1 and mention(qs[0]) == speaker
    assert qs[0].cue is not None and qs[0].cue.text == cue
