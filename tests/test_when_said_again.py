"""Words quoted twice (a headline over the story, a fragment of words given whole below) are
one saying: the copy takes the date the text gives the words, however late the pass that
dates them (the lead's occasion, the day the story tells). A document dates the words it
speaks, not the words of those who speak of it.

Made-up articles, end to end. 2019-11-20 is a Wednesday, so "Tuesday" is 2019-11-19.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.when_helpers import NEWS_DAY

_DEBATE = (
    "Mayor Ana Ruiz and her two rivals squared off in a debate on Tuesday night, the last "
    "before the harbor vote.\n\n"
)


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # a headline quoting words the lead's debate dates
        (
            "Ruiz: Harbor Plan Is \u2018A Costly Mistake\u2019\n\n"
            + _DEBATE
            + '"The harbor plan is a costly mistake," Ruiz said. "We cannot pay for it."',
            "A Costly Mistake",
            "2019-11-19",
        ),
        # a fragment in the lead of the words quoted whole further on
        (
            "Ruiz Hits Rivals Over Harbor\n\n"
            + _DEBATE
            + 'Ruiz called the plan "a costly mistake for the town" and left early.\n\n'
            + '"This harbor plan is a costly mistake for the town," Ruiz said. "We cannot '
            'pay for it."',
            "a costly mistake for the town",
            "2019-11-19",
        ),
        # other words in the headline, of someone not at the debate, not said below: the
        # article's day (Ruiz's own headline words would be the debate's, the event-day choice)
        (
            "Council Clerk: Harbor Plan \u2018Needs Daylight\u2019\n\n"
            + _DEBATE
            + '"The harbor plan is a costly mistake," Ruiz said. "We cannot pay for it."',
            "Needs Daylight",
            None,
        ),
    ],
)
def test_words_said_again(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    (q,) = [q for q in record.quotes if q.text.strip(".,") == quoted]
    assert (q.when, q.when_basis) == (when, "text" if when else "article date")


_AUDIT = "The council's audit report was published on Monday, after a year's work.\n\n"


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # the report speaks: its words are of the day it came out
        (
            _AUDIT + '"The harbor staff failed the town," said the report.',
            "harbor staff",
            "2019-11-18",
        ),
        # the report is what the mayor spoke of: her words are new to the article
        (
            _AUDIT + "Mayor Ana Ruiz said the report was unfair to the harbor staff.",
            "unfair to the harbor staff",
            None,
        ),
    ],
)
def test_a_document_speaks_or_is_spoken_of(
    nlp: Any, text: str, quoted: str, when: str | None
) -> None:
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    (q,) = [q for q in record.quotes if quoted in q.text]
    assert (q.when, q.when_basis) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # "she continued" goes on from her words at the rally, not from the flood they were about
        (
            '"We will rebuild the harbor," Ana Ruiz said at a rally last week, talking about the '
            '2008 flood.\n\n"It will take years, and we will not stop," she continued.',
            "2019-11-11/2019-11-17",
        ),
        (
            '"We will rebuild the harbor," Ana Ruiz said at a rally in May, talking about the '
            '2008 flood.\n\n"It will take years, and we will not stop," she continued.',
            "2019-05",
        ),
    ],
)
def test_words_go_on_from_words_not_from_a_topic(nlp: Any, text: str, when: str) -> None:
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    (q,) = [q for q in record.quotes if q.text.startswith("It will take years")]
    got = f"{q.when_range.start}/{q.when_range.end}" if q.when_range else q.when
    assert got == when


_WORDS = "The harbor belongs to the town."
_LETTER = f'Ana Ruiz proposes new wording: "{_WORDS}"\n\n'


@pytest.mark.parametrize(
    ("told", "channel", "when"),
    [
        # the words of her letter, dated where the text tells of her letter, after them
        ("Ruiz's letter, emailed on Monday, asks for a vote.", "letter", "2019-11-18"),
        ("Ruiz's letter, emailed on Monday, asks for a vote.", "her letter", "2019-11-18"),
        # another's letter dated: not hers
        ("Lee's letter, emailed on Monday, asks for a vote.", "letter", None),
        # words not given as a document's
        ("Ruiz's letter, emailed on Monday, asks for a vote.", None, None),
        ("Ruiz's letter, emailed on Monday, asks for a vote.", "interview", None),
    ],
)
def test_a_document_dated_after_its_words(told: str, channel: str | None, when: str | None) -> None:
    import datetime as dt

    from saidwhen.extract.when.evidence import _document_date
    from saidwhen.model import Quote, Span, Speaker, Timex

    text = _LETTER + told
    start = text.index(_WORDS)
    cue = Span("proposes", text.index("proposes"), text.index("proposes") + 8)
    speaker = Speaker("Ana Ruiz", "Ana Ruiz", 0, 8)
    q = Quote(_WORDS, start, start + len(_WORDS), "direct", speaker, cue, channel)
    m = text.index("Monday")
    monday = Timex("Monday", m, m + 6, "DATE", "2019-11-18", date="2019-11-18", granularity="day")
    got = _document_date(text, q, [monday], dt.date(2019, 11, 20))
    assert got == (None if when is None else (when, None))


_TWEET = 'Ana Ruiz tweeted, "Thank you Dover! #Ruiz2019" '


@pytest.mark.parametrize(
    ("after", "when"),
    [
        # a sentence broken inside the words goes on after them, to its date
        ("on Monday afternoon. Her post showed the pier.", "2019-11-18"),
        # the date of the next sentence is not the tweet's
        ("Her rival spoke on Monday afternoon.", None),
    ],
)
def test_a_sentence_broken_inside_the_words(after: str, when: str | None) -> None:
    import datetime as dt

    from saidwhen.extract.when.quotes import _date_one, _SaidSoFar
    from saidwhen.model import Quote, Span, Speaker, Timex

    text = _TWEET + after
    words = "Thank you Dover! #Ruiz2019"
    start = text.index(words)
    bang = text.index("!") + 1
    # the sentence splitter's cut after "!", inside the words; the sentence after the words
    # ends at the full stop, or at the closing mark when another sentence follows
    stop = text.index(".", bang) + 1 if after.startswith("on ") else text.index('"', bang) + 1
    sents = [(0, bang), (bang + 1, stop), (stop + 1, len(text))]
    cue = Span("tweeted", 9, 16)
    q = Quote(
        words, start, start + len(words), "direct", Speaker("Ana Ruiz", "Ana Ruiz", 0, 8), cue
    )
    m = text.index("Monday")
    monday = Timex(
        "Monday afternoon", m, m + 16, "DATE", "2019-11-18", date="2019-11-18", granularity="day"
    )
    got = _date_one(q, 0, _SaidSoFar(), text, sents, [monday], [], dt.date(2019, 11, 20))
    assert got.when == when
