"""A list of what someone said or did, each item a short paragraph opened by "He" or
"She", is about the article's main person, not the one named last before an item; a
paragraph like that once or twice is read as before (articles written fresh)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from saidwhen.extract.people import find_people

HEAD = (
    "Five Things Mayor Tom Vale Said About the Port.\n\n"
    "Mayor Tom Vale has run Elton for a year. Vale has often spoken about the harbour.\n\n"
)
ITEMS = [
    ("He called the harbour a disgrace.", "Harbour master Sam Cole disagreed with the mayor."),
    ("He said the ferry would be free.", "The ferry operator, Dan Reed, was not told of it."),
    ("He promised a new bridge.", "Engineer Paul Grant said the bridge would cost millions."),
    ("He blamed the council for the delays.", "Council leader Ed Moss rejected that."),
]


def _heads(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"(?m)^He\b", text)]


@pytest.mark.parametrize("n", [3, 4])
def test_list_items_go_to_the_main_person(nlp: Any, n: int) -> None:
    text = HEAD + "".join(f"{item}\n\n{after}\n\n" for item, after in ITEMS[:n])
    index = find_people(nlp(text))
    assert [index.resolve(s, e) for s, e in _heads(text)] == ["Tom Vale"] * n


def test_two_short_paragraphs_are_no_list(nlp: Any) -> None:
    text = HEAD + "".join(f"{item}\n\n{after}\n\n" for item, after in ITEMS[:2])
    index = find_people(nlp(text))
    # the second "He" follows Sam Cole, named last: no list to say otherwise
    assert [index.resolve(s, e) for s, e in _heads(text)][1] != "Tom Vale"


SURNAMES = "Cole Reed Grant Moss Hale Lund Pike Shaw Roth Webb".split()


def test_a_long_list_goes_to_the_main_person_throughout(nlp: Any) -> None:
    """The main person is counted once and kept while only pronouns are added; forty
    items, each followed by someone else named once, all go to the mayor."""
    others = [f"{a} {b}" for a in ("Sam", "Dan", "Paul", "Ed") for b in SURNAMES]
    text = HEAD + "".join(
        f"{ITEMS[k % 4][0]}\n\n{others[k]} of ward {k} met him.\n\n" for k in range(40)
    )
    index = find_people(nlp(text))
    assert [index.resolve(s, e) for s, e in _heads(text)] == ["Tom Vale"] * 40
