"""The surname the date rules look for in the text: the name's last word but a suffix."""

from __future__ import annotations

import pytest

from saidwhen.extract.when.base import surname_of


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Ana Ruiz", "Ruiz"),
        ("Ruiz", "Ruiz"),
        ("Tomas R. Lund Jr.", "Lund"),  # not "Jr.", which no "\bJr\.\b" ever matches
        ("Tomas Lund, Jr.", "Lund"),
        ("Tomas Lund III", "Lund"),
        ("Jr.", "Jr."),  # a name of a suffix alone stays itself
        ("", ""),
    ],
)
def test_surname_of(name: str, surname: str) -> None:
    assert surname_of(name) == surname
