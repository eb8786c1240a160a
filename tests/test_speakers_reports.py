"""Who reported a statement, on hand-built sentences (issue 10, written fresh):
a report that closes the sentence after a comma owns the words before it, even
when the tagger read an act inside them ("pleaded guilty to", "signed") as a
report of its own; a report nested in it keeps its own speaker.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


def _reports(rec: Any) -> list[tuple[str, str | None]]:
    return [(q.text, who(q)) for q in rec.quotes if q.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "A Glenmoor man pleaded guilty Monday to threatening to flood a mill, "
            "prosecutors said.\n",
            "A Glenmoor man pleaded guilty Monday to threatening to flood a mill",
            "prosecutors",
        ),
        (
            "Dale R. Hicks, 41, of Pine Hill, pleaded guilty to stealing the trucks, "
            "the district attorney's office said in a statement.\n",
            "Dale R. Hicks, 41, of Pine Hill, pleaded guilty to stealing the trucks",
            "the district attorney's office",
        ),
        (
            "Dale Hicks signed false papers saying he had paid the tax, "
            "according to court records.\n",
            "Dale Hicks signed false papers saying he had paid the tax",
            "court records",
        ),
        # a headline with no full stop runs into the sentence in spaCy's parse
        (
            "Teachers march on the capital\n\n"
            "More than 200 schools closed because of the march, according to the union.\n",
            "More than 200 schools closed because of the march",
            "the union",
        ),
    ],
)
def test_a_report_closing_the_sentence_owns_the_words_before_it(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    reports = _reports(run(text, nlp))
    assert (words, speaker) in reports
    # the act inside is nobody's report ("A Glenmoor man" said nothing here)
    assert all(who_ == speaker for _, who_ in reports)


def test_a_report_nested_in_a_closing_one_keeps_its_speaker(nlp: Any) -> None:
    reports = _reports(
        run(
            "Afterward, Ana Lopez said she had told the mayor the bridge would close, "
            "Ray Kim testified.\n",
            nlp,
        )
    )
    assert (
        "Afterward, Ana Lopez said she had told the mayor the bridge would close",
        "Ray Kim",
    ) in reports
    assert ("she had told the mayor the bridge would close", "Ana Lopez") in reports


def test_a_quote_with_its_own_cue_inside_a_report_keeps_its_speaker_and_day(nlp: Any) -> None:
    rec = run(
        "Tom Reyes was arrested in April over the March 3 meeting at the town hall.\n\n"
        'During the meeting, he shouted at the clerk and said, "you will regret this," '
        "the sheriff's office said.\n",
        nlp,
    )
    (report,) = [q for q in rec.quotes if q.text.startswith("During the meeting, he")]
    assert who(report) == "the sheriff's office"
    assert report.text.endswith('"you will regret this,"')
    (quote,) = [q for q in rec.quotes if q.kind != "indirect" and q.text == "you will regret this"]
    assert who(quote) == "Tom Reyes"


def test_a_report_closed_by_its_source_does_not_date_the_words_inside(nlp: Any) -> None:
    rec = run(
        "A Glenmoor man pleaded guilty Monday to threatening a county judge, prosecutors said.\n\n"
        "Ray Dunn, 50, of Tilbury, pleaded guilty to threatening a county official, the "
        "District Attorney's Office for Glenmoor said in a statement.\n\n"
        "He was arrested in April for the March 21 call to the judge's office.\n\n"
        'During the call, he asked about the ferry, called the judge a "weasel" and said, '
        '"someone should sink her boat," the prosecutor\'s office said.\n',
        nlp,
    )
    (report,) = [q for q in rec.quotes if q.text.startswith("During the call")]
    assert report.cue is not None and report.cue.text == "said"
    # the office told of the call in the article; the words were said on the call
    for words in ("weasel", "someone should sink her boat"):
        (quote,) = [q for q in rec.quotes if q.kind != "indirect" and q.text == words]
        assert quote.when == "2021-03-21", words


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the act inside ("had reached") is no report of the two firms
        (
            "Despite Mr. Lee's May 2 announcement that the two firms had reached a deal, "
            "no contract has been signed.\n",
            "the two firms had reached a deal",
            "Lee",
        ),
        # the owner is the one who said it, named without "'s"
        (
            "Shares fell after Ruiz's announcement that she would step down.\n",
            "she would step down",
            "Ruiz",
        ),
        # the parser may take "Marsh's earlier testimony" apart
        (
            "Lee Hart then pointed to Marsh\u2019s earlier testimony that concluded there was "
            "only a slim hope of rain.\n",
            "there was only a slim hope of rain",
            "Marsh",
        ),
    ],
)
def test_a_noun_of_saying_is_its_owners_report(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    reports = _reports(run(text, nlp))
    assert any(t.endswith(words) and s == speaker for t, s in reports), reports
    assert not any(s == "the two firms" for _, s in reports)


def test_of_two_rule_readings_the_one_that_reads_the_words_gives_the_source(nlp: Any) -> None:
    reports = _reports(
        run(
            "Vantor is one of the firms bidding on the port contract, and confirmed that "
            "its approach makes use of the new crane.\n",
            nlp,
        )
    )
    # "its approach makes use of" is what Vantor confirmed, not a report of "its approach"
    assert reports == [("that its approach makes use of the new crane", "Vantor")]


def test_it_is_not_a_body_named_in_its_own_sentences_opening_phrase(nlp: Any) -> None:
    reports = _reports(
        run(
            "Dunmore Industries is one of the firms bidding on the port contract. "
            "Dunmore Industries has built cranes "
            "for the port for many years, and its cranes load most of the ships that call "
            "there.\n\n"
            "In a statement released Monday, the day that the bids for the new contract were "
            "due at the offices of the Harbor Authority, it said it had submitted a proposal.\n",
            nlp,
        )
    )
    assert ("it had submitted a proposal", "Dunmore Industries") in reports


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Both cooks claimed at the time that they were being paid fairly.\n",
            [("they were being paid fairly", "Both cooks")],
        ),
        (
            "Mayor Ana Ruiz said at the time that the bridge was safe.\n",
            [("the bridge was safe", "Ana Ruiz")],
        ),
        # a verb that wants nothing said: "the time that" is the time when
        ("The crowd spoke at the time that the bridge fell.\n", []),
    ],
)
def test_a_that_clause_after_a_phrase_of_time_is_what_was_said(
    nlp: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _reports(run(text, nlp)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The label has twice denied doing anything wrong.\n",
            [("doing anything wrong", "The label")],
        ),
        (
            "Lee Hart, the union chief, denied breaking any rules.\n",
            [("breaking any rules", "Lee Hart")],
        ),
        # a gerund of a verb that says nothing is no report
        ("Lee Hart, the union chief, enjoyed breaking the rules.\n", []),
    ],
)
def test_what_a_denial_or_admission_says_can_be_a_gerund(
    nlp: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _reports(run(text, nlp)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hart attributed the rally in bank stocks to the court's ruling on the steel case.\n",
            [("the rally in bank stocks to the court's ruling on the steel case", "Hart")],
        ),
        (
            "Rep. Ana Ruiz shortly after the fire linked the blaze to a vendor's lantern.\n",
            [("the blaze to a vendor's lantern", "Ana Ruiz")],
        ),
        # a link that is a thing, not a claim
        ("The plant is linked to the river by a canal.\n", []),
    ],
)
def test_a_claim_of_cause_is_a_report(nlp: Any, text: str, expected: list[tuple[str, str]]) -> None:
    assert _reports(run(text, nlp)) == expected


def test_a_content_stops_before_the_clause_its_cue_depends_on(nlp: Any) -> None:
    reports = _reports(
        run(
            "Although neighbours of the miller suggested his barn may have been torched, Ruiz told "
            "councillors nothing points to anything other than lightning.\n",
            nlp,
        )
    )
    assert reports == [
        ("his barn may have been torched", "neighbours of the miller"),
        ("nothing points to anything other than lightning", "Ruiz"),
    ]


def test_a_content_stops_before_a_contrasting_clause_of_its_cue(nlp: Any) -> None:
    reports = _reports(
        run(
            "Glenmoor said it is committed to the charter granting the town its market, while "
            "the town's wardens deny accusations of bribery and say they show utmost "
            "care.\n",
            nlp,
        )
    )
    assert reports == [
        ("it is committed to the charter granting the town its market", "Glenmoor"),
        ("they show utmost care", "the town's wardens"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The three lawmakers sued the police on Monday.\n\n"
            "The lawmakers, however, failed to answer the invitation. Instead, they are "
            "asking the court to order the police to pay damages.\n",
            "The lawmakers",
        ),
        # "they" after things is no one
        ("The prices rose in May. They said the prices would fall.\n", None),
        # a plural body, before a subject that is a thing in a quote
        (
            "Nine harbor groups wrote to the mayor. The groups who signed the letter say "
            "\u201cyour office is failing the port.\u201d They ask her to say that the "
            "sale will stop.\n",
            "The groups",
        ),
        # the authors, before the results they found
        (
            "The authors say the results confirm a shortage of iodine.\n\n"
            "They call for a law on salt.\n",
            "The authors",
        ),
        # a body named by a word the tagger knows no type of
        (
            "After the debate Portwatch did a check on the mayor\u2019s claim. They published "
            "the results, "
            "announcing that the claim was false.\n",
            "Portwatch",
        ),
    ],
)
def test_they_is_the_group_of_people_that_was_the_subject_before(
    nlp: Any, text: str, speaker: str | None
) -> None:
    (last,) = [q for q in run(text, nlp).quotes if q.kind == "indirect"][-1:]
    assert who(last) == speaker


def test_a_source_after_the_cue_and_its_words_is_another_clauses(nlp: Any) -> None:
    rec = run(
        "Earlier this year, Larkin reportedly sold off more than 40 boats (the yard "
        'would not disclose the actual number but called it "trivial") and Vesta '
        "reportedly sold off several dozen.\n",
        nlp,
    )
    assert ('it "trivial"', "the yard") in _reports(rec)
    (fragment,) = [q for q in rec.quotes if q.text == "trivial"]
    assert who(fragment) == "the yard"


def test_a_claim_of_cause_keeps_its_adverbs_in_the_cue_and_stops_at_a_dash(nlp: Any) -> None:
    rec = run(
        "The governor also linked the outage to the storm \u2014 a claim the utility rejects.\n",
        nlp,
    )
    (report,) = [q for q in rec.quotes if q.kind == "indirect"]
    assert (report.text, who(report)) == ("the outage to the storm", "The governor")
    assert report.cue is not None and report.cue.text == "also linked"


def test_a_preposition_of_the_cue_is_no_part_of_what_was_said(nlp: Any) -> None:
    reports = _reports(run("Holt pressed Lee about how he would bring the jobs back.\n", nlp))
    assert reports == [("how he would bring the jobs back", "Holt")]


def test_it_after_a_body_named_by_its_noun_is_that_body(nlp: Any) -> None:
    rec = run(
        "The listing of the boat drew thousands of views on Monday.\n\n"
        '"No one here knew the seller," the company wrote in its statement.\n\n'
        'It added, "We want no part in the sale of this boat."\n',
        nlp,
    )
    (quote,) = [q for q in rec.quotes if q.text.startswith("We want")]
    assert who(quote) == "the company"


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        ("the groups who wrote to her on Monday", "the groups"),
        ("fishermen who have worked with Ana Ruiz", "fishermen"),
        # two people, a relative clause after the first: both still speak
        ("Tom Keller, who wrote to her on Monday, and Dana Lee", "Tom Keller and Dana Lee"),
    ],
)
def test_a_speaker_is_named_by_its_noun_not_by_whom_its_relative_clause_names(
    nlp: Any, subject: str, speaker: str
) -> None:
    rec = run(
        "Mayor Ana Ruiz wants to sell the old pier.\n\n"
        f"But {subject} say they are “deeply worried about the pier.”\n",
        nlp,
    )
    (fragment,) = [q for q in rec.quotes if q.kind == "fragment"]
    assert who(fragment) == speaker
