"""A cue "quoted" gives the words to its object, outside the quote ("'...,' she quoted one
analyst"): the analyst said them, not the writer who quotes (realnews-polnear-train trap,
written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who

BLOCK = (
    "Officials slow to study the files.\n\n"
    "As the Ledger's Tom Reyes reported after the raid:\n\n"
    '"The agency has done almost nothing with the files it took from the compound in May. '
    "Ann Lee of the Weekly Review has waged a lonely battle to force the agency to take them "
    'seriously. "They haven\'t done anything close to a full review," perhaps only 10%, '
    'she quoted {whom} in June."\n'
)


@pytest.mark.parametrize(
    ("whom", "speaker"), [("one analyst", "one analyst"), ("Dana Hunt", "Dana Hunt")]
)
def test_the_one_quoted_said_it(nlp: Any, whom: str, speaker: str) -> None:
    rec = run(BLOCK.format(whom=whom), nlp)
    (q,) = [q for q in rec.quotes if q.text.startswith("They haven't")]
    assert who(q) == speaker
