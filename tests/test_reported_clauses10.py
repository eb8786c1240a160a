"""Two ``that`` clauses of one verb of saying are two statements, on made-up
articles (issue 10, session 10): ``said that A and that B`` lists A and B apart,
the second continuing the first (same source and cue; its "and" kept, so the two
pieces together are the words of the whole, as PolNeAR marks them).
"""

from __future__ import annotations

from typing import Any

from tests.test_attribution import run, who

_TEXT = (
    "Representative Tom Hale has said that he would consider closing the mill to get "
    "the books in order and that he favored imposing heavy fees on the county.\n"
)


def test_two_that_clauses_of_one_cue_are_two_statements(nlp: Any) -> None:
    reports = [q for q in run(_TEXT, nlp).quotes if q.kind == "indirect"]
    assert [(q.text, who(q)) for q in reports] == [
        ("that he would consider closing the mill to get the books in order", "Tom Hale"),
        ("and that he favored imposing heavy fees on the county", "Tom Hale"),
    ]
    first, second = reports
    assert second.cue == first.cue
    assert second.continues is not None and run(_TEXT, nlp).quotes[second.continues] == first


def test_one_clause_with_and_inside_stays_whole(nlp: Any) -> None:
    text = "Ana Ruiz said that the mill would close and the workers would be paid.\n"
    reports = [q.text for q in run(text, nlp).quotes if q.kind == "indirect"]
    assert reports == ["that the mill would close and the workers would be paid"]


def test_the_speakers_next_quote_keeps_the_day_of_the_split_report(nlp: Any) -> None:
    # the second clause sits between the first clause's fragment and the next quote:
    # the speaker's account goes on past it (quote dates, rule 6)
    text = (
        'In May 2019, Mayor Ana Ruiz said that the city needs "spirit" and that only an '
        "outsider could bring it. The hall was full. The band played on for an hour. "
        '"Our city needs a cheerleader," she said.\n'
    )
    rec = run(text, nlp)
    quote = next(q for q in rec.quotes if q.text == "Our city needs a cheerleader")
    assert (quote.when, quote.when_basis) == ("2019-05", "text")
