"""A block quote over several paragraphs, each opened by a mark the paragraph before left
open, goes on from the block's quote, not from words the block itself quotes with a cue
of their own ("an inspector had written "total loss.""): realnews-polnear-train trap,
written fresh."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who

BLOCK = (
    "Paper profiles a farmer.\n\n"
    "The Valley Courier ran a long profile of Tom Reyes on Sunday. Reporter Ann Lee writes:\n\n"
    '"Reyes had planted the same field for thirty years. When the flood came in March, he '
    "lost nearly all of what he called his {o}life's work.{c} On the claim form, an "
    "inspector had written {o}total loss.{c}\n\n"
    '"Reyes did not cry. He drove to the bank the next morning and asked for a loan.\n\n'
    "The bank said yes.\n"
)


def _speakers(text: str, nlp: Any) -> dict[str, str | None]:
    return {q.text[:12]: who(q) for q in run(text, nlp).quotes if q.kind != "indirect"}


@pytest.mark.parametrize(("o", "c"), [('"', '"'), ("“", "”")])
def test_the_block_goes_on(nlp: Any, o: str, c: str) -> None:
    found = _speakers(BLOCK.format(o=o, c=c), nlp)
    assert found["Reyes had pl"] == "Ann Lee"
    assert found["total loss."] == "an inspector"  # the words the block quotes
    assert found["Reyes did no"] == "Ann Lee"
