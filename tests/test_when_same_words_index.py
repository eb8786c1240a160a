"""The lookup of quotes that say the same words (a dated quote whose words another quote
of the speaker gives again, a subheading quoting words said below) finds every quote a
comparison with all of them finds, and only a few to compare on distinct quotes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from saidwhen.extract.when.evidence import _same_words_dated
from saidwhen.model import Quote, Span, Speaker
from saidwhen.normalise import SameWords, WordRuns

_WORDS = ["the", "pier", "is", "open", "Pier", "closed", "now", "boats", "don't"]


def _quote(text: str, at: int, dated: bool) -> Quote:
    return Quote(
        text,
        at,
        at + len(text),
        "direct",
        Speaker("Ana Ruiz", "Ruiz", 0, 4),
        Span("said", at, at + 4),
        when="2020-03-03" if dated else None,
        when_basis="text" if dated else "article date",
    )


@st.composite
def quotes(draw: st.DrawFn) -> list[Quote]:
    out = []
    for k in range(draw(st.integers(1, 10))):
        words = draw(st.lists(st.sampled_from(_WORDS), min_size=0, max_size=7))
        out.append(_quote(" ".join(words), 100 * k, draw(st.booleans())))
    return out


@given(quotes(), st.integers(1, 3))
def test_candidates_hold_every_quote_a_scan_finds(qs: list[Quote], n: int) -> None:
    forms = SameWords([q.text for q in qs])
    among = [j for j, q in enumerate(qs) if q.when]
    holding = WordRuns(forms, among, n)
    for i in range(len(qs)):
        scan = {j for j in among if j != i and forms.same(i, j, n)}
        assert scan <= set(holding.candidates(i))
        assert holding.candidates(i) == sorted(holding.candidates(i))


def test_distinct_quotes_are_compared_with_a_few_only() -> None:
    # a long transcript of one speaker: each quote given twice, once dated
    qs = [
        _quote(
            f"the boats of fleet {k} sail south {'soon' if dated else 'today'}", 200 * k + d, dated
        )
        for k in range(300)
        for d, dated in ((0, True), (100, False))
    ]
    forms = SameWords([q.text for q in qs])
    holding = WordRuns(forms, [j for j, q in enumerate(qs) if q.when], 3)
    assert max(len(holding.candidates(i)) for i in range(len(qs))) <= 2
    out = _same_words_dated(qs)
    # "the boats of fleet 7 sail south today" holds no dated quote's words: none dated
    assert [q.when for q in out] == [q.when for q in qs]


def test_the_same_words_take_the_date_of_the_nearest() -> None:
    qs = [
        _quote("a poor choice of words", 0, True),
        _quote("That was a poor choice of words, I admit", 100, False),
        _quote("no", 200, True),
        _quote("no", 300, False),  # too short to be the same saying
    ]
    out = _same_words_dated(qs)
    assert [(q.when, q.when_basis) for q in out] == [
        ("2020-03-03", "text"),
        ("2020-03-03", "text"),
        ("2020-03-03", "text"),
        (None, "article date"),
    ]
