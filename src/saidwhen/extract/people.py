"""People named in an article, and which mentions refer to whom."""

from __future__ import annotations

from typing import Any

from saidwhen.model import Person

__all__ = ["PeopleIndex", "find_people"]


class PeopleIndex:
    def __init__(self) -> None:
        self._people: list[Person] = []

    def persons(self) -> list[Person]:
        return list(self._people)


def find_people(doc: Any) -> PeopleIndex:
    return PeopleIndex()
