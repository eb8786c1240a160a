"""Who said it: each trap of issue 2 on a hand-built article."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen import extract
from saidwhen.model import ArticleRecord, Quote
from saidwhen.store import merge


def run(text: str, nlp: Any) -> ArticleRecord:
    return extract(text, "2021-05-04", nlp=nlp)


def direct(record: ArticleRecord) -> list[Quote]:
    return [q for q in record.quotes if q.kind != "indirect"]


def who(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


def speaker_of(rec: ArticleRecord, words: str, kind: str | None = None) -> str | None:
    """Who said the first quote (of ``kind``, any by default) that starts with ``words``."""
    qs = [q for q in rec.quotes if q.text.startswith(words) and kind in (None, q.kind)]
    assert qs, words
    return who(qs[0])


def report_source(rec: ArticleRecord, words: str) -> tuple[str | None, str | None]:
    """The (name, mention) of the source of the first report holding ``words``."""
    found = [q for q in rec.quotes if q.kind == "indirect" and words in q.text]
    assert found, [q.text for q in rec.quotes]
    sp = found[0].speaker
    return (sp.name, sp.mention) if sp is not None else (None, None)


def test_speaker_after_quote_and_inverted_order(nlp: Any) -> None:
    rec = run(
        'Senator Maria Lopez spoke first. "We will pass this bill," Lopez said.\n\n'
        '"It is a bad bill," said Robert Kim, a lobbyist.\n',
        nlp,
    )
    qs = direct(rec)
    assert [q.text for q in qs] == ["We will pass this bill", "It is a bad bill"]
    assert [who(q) for q in qs] == ["Maria Lopez", "Robert Kim"]
    assert [q.cue.text if q.cue else None for q in qs] == ["said", "said"]
    # the mention is the whole source noun phrase, as news annotators mark it
    assert qs[1].speaker is not None and qs[1].speaker.mention == "Robert Kim, a lobbyist"


def test_quote_text_and_offsets_match_input(nlp: Any) -> None:
    text = 'date 2021-05-04\nThe chef Ana Ruiz laughed. "Salt is everything," she said.\n'
    rec = extract(text, "2021-05-04", nlp=nlp)
    for q in rec.quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.mention
        if q.cue:
            assert text[q.cue.start : q.cue.end] == q.cue.text


def test_pronoun_resolves_to_the_right_person(nlp: Any) -> None:
    rec = run(
        "Singer Tom Alvarez and his manager, Julia Marsh, met reporters on Friday.\n\n"
        'Marsh was blunt. "The tour is cancelled," she said.\n\n'
        '"I am sorry," he added.\n',
        nlp,
    )
    qs = direct(rec)
    assert [who(q) for q in qs] == ["Julia Marsh", "Tom Alvarez"]


def test_split_quote_continues_and_keeps_speaker(nlp: Any) -> None:
    rec = run(
        'Mayor Ellen Park defended the plan. "It costs less," she said. "It also works."\n',
        nlp,
    )
    qs = direct(rec)
    assert [q.text for q in qs] == ["It costs less", "It also works."]
    assert qs[1].continues == rec.quotes.index(qs[0])
    assert who(qs[1]) == "Ellen Park"


def test_stray_mark_does_not_leak_attribution_words(nlp: Any) -> None:
    rec = run(
        'Writer Nora Blake answered critics. "I chose this," she says."wrote. "Nobody else did."\n',
        nlp,
    )
    texts = [q.text for q in direct(rec)]
    assert texts == ["I chose this", "Nobody else did."]
    assert all("wrote" not in t and "says" not in t for t in texts)


def test_multi_paragraph_quote_and_unattributed_continuation(nlp: Any) -> None:
    rec = run(
        'Coach Sam Reid spoke after the loss. "We were not ready," he said. "The league is '
        "faster than last year.\n\n"
        '"We will train harder and come back stronger."\n\n'
        "The team flies home on Sunday.\n",
        nlp,
    )
    qs = direct(rec)
    assert len(qs) == 3
    assert qs[2].continues == rec.quotes.index(qs[1])
    assert [who(q) for q in qs] == ["Sam Reid"] * 3


def test_according_to_and_cue_before_quote(nlp: Any) -> None:
    rec = run(
        'Economist Lena Fischer wrote in her column: "Prices will fall."\n\n'
        'According to Fischer, "the worst is over".\n',
        nlp,
    )
    qs = direct(rec)
    assert [who(q) for q in qs] == ["Lena Fischer", "Lena Fischer"]
    # the cue may carry its channel, as news annotators mark it ("wrote in her column:")
    assert qs[0].cue is not None and qs[0].cue.text.startswith("wrote")
    assert any(q.cue is not None and q.cue.text == "According to" for q in rec.quotes)


def test_fragment_with_its_cue_and_channel(nlp: Any) -> None:
    rec = run(
        'On Instagram, actor Luis Vega thanked his fans for their "endless support".\n',
        nlp,
    )
    (frag,) = [q for q in rec.quotes if q.kind == "fragment"]
    assert frag.text == "endless support"
    assert who(frag) == "Luis Vega"
    assert frag.channel == "Instagram"


def test_scare_quotes_and_titles_are_not_speech(nlp: Any) -> None:
    rec = run(
        'The so-called "experts" disagree. Critics loved the film "Winter Light" this year.\n',
        nlp,
    )
    assert [q for q in rec.quotes if q.kind != "indirect"] == []


def test_repeated_quote_is_marked(nlp: Any) -> None:
    rec = run(
        'Poet Ada Stone wrote, "Words outlive their writers by centuries."\n\n'
        '"Words outlive their writers by centuries," she repeated later.\n',
        nlp,
    )
    qs = direct(rec)
    assert qs[0].repeat_of is None
    assert qs[1].repeat_of == rec.quotes.index(qs[0])


def test_a_repeat_is_the_same_words_for_the_article_and_for_the_bank(nlp: Any) -> None:
    # one normal form: a curly and a straight apostrophe, and "dont" without one
    first, again = "I don’t care who wins the vote", "I dont care who wins the vote"
    rec = run(f'Ana Ruiz said, "{first}."\n\n"{again}," she added.\n', nlp)
    qs = direct(rec)
    assert [q.text.rstrip(".,") for q in qs] == [first, again]
    assert qs[1].repeat_of == rec.quotes.index(qs[0])
    assert merge.normalise(qs[0].text) == merge.normalise(qs[1].text)


def test_repeated_report_of_the_same_speaker_is_marked(nlp: Any) -> None:
    rec = run(
        "Mayor Lena Ortiz announced that the old bridge would close for repairs. "
        "Later, Ortiz told reporters that the old bridge would close for repairs.\n\n"
        "Sam Patel, an engineer, said that the old bridge would close for repairs.\n",
        nlp,
    )
    reports = [q for q in rec.quotes if q.text == "that the old bridge would close for repairs"]
    assert [who(q) for q in reports] == ["Lena Ortiz", "Lena Ortiz", "Sam Patel"]
    assert reports[0].repeat_of is None
    assert reports[1].repeat_of == rec.quotes.index(reports[0])
    assert reports[2].repeat_of is None  # another speaker saying it is news


def test_channel_carries_over_until_another_is_named(nlp: Any) -> None:
    rec = run(
        'In a blog post, designer Mia Cole explained the change. "It was overdue," she wrote.\n\n'
        '"Nobody liked the old logo," she added.\n\n'
        'Later, in an interview with a radio station, she said: "We listened."\n',
        nlp,
    )
    qs = direct(rec)
    assert [q.channel for q in qs[:2]] == ["blog post", "blog post"]
    assert qs[2].channel is not None and "interview" in qs[2].channel


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_article_is_an_error(text: str, nlp: Any) -> None:
    from saidwhen.errors import EmptyInputError

    with pytest.raises(EmptyInputError):
        run(text, nlp)


def test_quote_with_its_own_cue_does_not_continue_a_report(nlp: Any) -> None:
    rec = run(
        "The talks ended on Friday.\n\nAdmitting that a deal with the union would come "
        '"in due time," the mayor warned: "It will not happen this year. We have other '
        'priorities."\n',
        nlp,
    )
    last = rec.quotes[-1]
    assert last.text.startswith("It will not") and last.cue and last.cue.text.startswith("warned")
    assert last.continues is None


def test_quote_after_a_report_with_the_same_cue_continues_it(nlp: Any) -> None:
    rec = run(
        'The talks ended on Friday.\n\nThe city is "nowhere near a deal" with the union, '
        'the mayor said. "It will not happen this year."\n',
        nlp,
    )
    last = rec.quotes[-1]
    assert last.text.startswith("It will not") and last.continues is not None


def test_fragment_closed_by_its_own_said_takes_that_speaker(nlp: Any) -> None:
    rec = run(
        "The budget vote came late on Tuesday.\n\nDana Lee, who runs the food bank, described "
        'the cuts as "painful for every family in this town, and simply unfair," she said.\n',
        nlp,
    )
    frag = next(q for q in rec.quotes if q.text.startswith("painful"))
    assert frag.speaker is not None and frag.speaker.mention == "she"
    assert frag.cue is not None and frag.cue.text == "said"


@pytest.mark.slow
def test_ten_thousand_quotation_marks_pair_into_short_quotes(nlp: Any) -> None:
    # one paragraph, one "sentence", 10,000 marks: each pair is a one-word quote and
    # nothing spans from one pair to another (issue 13: this took minutes once)
    text = '"a" b ' * 5_000
    rec = run(text, nlp)
    assert len(rec.quotes) <= 5_000
    for q in rec.quotes:
        assert text[q.start : q.end] == q.text
        assert q.end - q.start <= 3, q


def test_many_short_quotes_with_a_cue_each_keep_their_speaker(nlp: Any) -> None:
    text = 'He said "ok" then ' * 200
    qs = direct(run(text, nlp))
    assert [q.text for q in qs] == ["ok"] * 200
    assert all(q.speaker is not None and q.speaker.mention == "He" for q in qs)
    assert all(q.cue is not None and q.cue.text == "said" for q in qs)
