"""A speaker's mention that the sentence splitter ends at an abbreviated title's period
("said Pentagon spokesman Navy Capt." then "Jeff Davis, who ...") runs on to the name
after it, and names the person after the title even where the people index took the
title's words for a name ("Army Capt"; realnews-polnear-train3 trap, written fresh)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who


@pytest.mark.parametrize("title", ["Navy Capt.", "Lt.", "Sgt.", "Sgt. Maj."])
def test_the_name_after_an_abbreviated_title_speaks(nlp: Any, title: str) -> None:
    text = (
        "Experts doubt more strikes.\n\n"
        "\"I don't see how one attack would change our operations. We are already at war "
        f'with them," said Pentagon spokesman {title} Jeff Davis, who was asked about '
        "strategy.\n"
    )
    (q,) = [q for q in run(text, nlp).quotes if q.kind == "direct"]
    assert who(q) == "Jeff Davis"


def test_a_title_the_index_took_for_a_name_gives_way_to_the_name(nlp: Any) -> None:
    text = (
        "Troops weigh the race.\n\n"
        "Some of those surveyed shared their worries.\n\n"
        "\u201cThe candidates just do not understand the service,\u201d said Army Capt. Dana "
        "Ruiz, who said she would vote for neither. \u201cTheir plans are just so far out "
        "there.\u201d\n"
    )
    qs = [q for q in run(text, nlp).quotes if q.kind == "direct"]
    assert [who(q) for q in qs] == ["Dana Ruiz", "Dana Ruiz"]
