"""A regnal title before a lone given name is part of how the person is named, unless
it is an office and the article also names the person by the given name alone ("Pope
Tomas ... Tomas said"): then, as the annotation brief says, the name is given without
the title. A title of birth stays ("Prince Tomas", tests/test_people_names25.py)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.pipeline import extract

TEXT = (
    "Pope Tomas of Velo spoke to a radio station on Saturday. "
    '"I did not see the letter," Tomas said. '
    '"I remember the evening well," the pope added.\n\n'
    'Mayor Ana Ruiz said: "The harbour reopens in May." '
    "Queen Maren II said the crown was grateful. "
    'Baker Sam Ortiz said, "Bread is up again."'
)


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("I did not see the letter", "Tomas"),  # the given name alone: his name untitled
        ("I remember the evening well", "Tomas"),  # "the pope" too
        ("The harbour reopens in May.", "Ana Ruiz"),  # other titles still go
        ("the crown was grateful", "Queen Maren II"),
    ],
)
def test_regnal_titles_stay_in_a_name_of_one_given_name(nlp: Any, words: str, speaker: str) -> None:
    rec = extract(TEXT, "2021-05-03", nlp=nlp)
    found = {q.text: q.speaker.name if q.speaker else None for q in rec.quotes}
    assert found[words] == speaker
