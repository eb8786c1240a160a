"""The quote before a lone quote paragraph (:func:`lone.last_speaking`), on drafts built
by hand: the one that ends last before it, with a named speaker, at most two paragraphs
back; a speaker found after the lookup was made counts."""

from __future__ import annotations

import pytest

from saidwhen.extract.quotes import QuoteRegion
from saidwhen.extract.speech.lone import last_speaking
from saidwhen.extract.speech.types import Draft
from saidwhen.model import Speaker

# three quote paragraphs; the text's own words do not matter to the lookup
TEXT = '"One."\n\n"Two."\n\nA line.\n\nAnother.\n\n"Three."\n'


def _draft(words: str, speaker: str | None = None) -> Draft:
    start = TEXT.index(words)
    end = start + len(words)
    region = QuoteRegion(start=start, end=end, open_mark=start - 1, close_mark=end, paragraph=0)
    who = Speaker(name=speaker, mention=speaker, start=0, end=0) if speaker else None
    return Draft(start=start, end=end, kind="direct", speaker=who, region=region)


@pytest.mark.parametrize(
    ("first", "second", "asked", "expected"),
    [
        ("Ana Ruiz", None, "Two.", "One."),  # the quote right before
        (None, "Ana Ruiz", "Two.", None),  # no named speaker before it
        ("Ana Ruiz", "Tom Lee", "Three.", None),  # three paragraphs back: too far
        ("Ana Ruiz", None, "One.", None),  # nothing before the first
    ],
)
def test_the_quote_before(
    first: str | None, second: str | None, asked: str, expected: str | None
) -> None:
    drafts = [_draft("One.", first), _draft("Two.", second), _draft("Three.")]
    before = last_speaking(TEXT, drafts)
    got = before(next(d for d in drafts if TEXT[d.start : d.end] == asked))
    assert (TEXT[got.start : got.end] if got else None) == expected


def test_a_speaker_found_after_the_lookup_was_made_counts() -> None:
    drafts = [_draft("One."), _draft("Two.")]
    before = last_speaking(TEXT, drafts)
    assert before(drafts[1]) is None
    drafts[0].speaker = Speaker(name="Ana Ruiz", mention="Ruiz", start=0, end=0)
    assert before(drafts[1]) is drafts[0]
