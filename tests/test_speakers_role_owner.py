"""A role that owns a subject ("the nominee's support ... is") is taken up like a role
that is one ("the nominee said"): the person it describes is then the he/she after it,
not the man quoted last (made-up texts)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import report_source, run

OWNER_OF_SUBJECT = (
    "Tom Hale, the party's nominee for mayor, spoke in Velo on Monday.\n\n"
    "Dan Ruiz, who lost the primary to him, wrote on Twitter: ''The harbour deserves "
    "better.''\n\n"
    "Meanwhile, the nominee's support among the fishermen is growing. While he has said "
    "that the fees will stay, he promised a new pier.\n"
)
# a thing owns the subject: the man quoted last goes on
THING = (
    "Tom Hale, the party's nominee for mayor, spoke in Velo on Monday.\n\n"
    "Dan Ruiz, who lost the primary to him, wrote on Twitter: ''The harbour deserves "
    "better.''\n\n"
    "Meanwhile, the harbour's future is in doubt among the fishermen. While he has said "
    "that the fees will stay, he promised a new pier.\n"
)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param(OWNER_OF_SUBJECT, "Tom Hale", id="the-nominees-support-is"),
        pytest.param(THING, "Dan Ruiz", id="the-harbours-future-is"),
    ],
)
def test_a_role_owning_the_subject(nlp: Any, text: str, source: str) -> None:
    assert report_source(run(text, nlp), "the fees will stay")[0] == source
