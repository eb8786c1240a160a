"""A bare surname the article never gives a first name for, and no one else in it bears,
is named by the full name PolNeAR train almost always gives it (made-up articles)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.eval.known_names import count_full_names, render_module
from saidwhen.extract._known_names import KNOWN_NAMES
from saidwhen.pipeline import extract


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            'President Obama toured the flooded towns on Monday.\n\n"We will rebuild," Obama said.',
            "Barack Obama",
            id="a-bare-well-known-surname",
        ),
        pytest.param(
            "Michelle Obama visited a school in Ohio. Obama spoke later.\n\n"
            '"Reading opens doors," Obama said.',
            "Michelle Obama",
            id="the-article-names-someone-with-it",
        ),
        pytest.param(
            'Mayor Teodor Valkan opened the fair.\n\n"It is a good year," Valkan said.',
            "Teodor Valkan",
            id="an-unknown-surname-stays",
        ),
        pytest.param(
            'Councilwoman Orla Obama spoke on Tuesday.\n\n"The roads come first," Obama said.',
            "Orla Obama",
            id="the-article-gives-the-first-name",
        ),
    ],
)
def test_a_bare_surname_of_a_well_known_person(nlp: Any, text: str, name: str) -> None:
    rec = extract(text, "2016-03-02", nlp=nlp)
    assert {q.speaker.name for q in rec.quotes if q.speaker and q.kind == "direct"} == {name}


@pytest.mark.parametrize(
    ("texts", "kept"),
    [
        # one given name in every article that gives one
        (["Ann Vale spoke."] * 5, {"vale": ("Ann Vale", 5, 5)}),
        # too few articles
        (["Ann Vale spoke."] * 4, {}),
        # two given names share the surname
        (["Ann Vale spoke."] * 5 + ["Rob Vale spoke."] * 2, {}),
        # a word written in lower case is no given name ("The Vale"); the initial is left out
        (
            ["Ann Vale spoke to the press. The Vale is green."] * 4 + ["Ann J. Vale"] * 2,
            {"vale": ("Ann Vale", 6, 6)},
        ),
        # the surname written alone in many more articles: a place, not that person
        (["Ann Vale spoke."] * 5 + ["Vale is a town."] * 60, {}),
    ],
)
def test_which_full_names_are_learned(texts: list[str], kept: dict[str, Any]) -> None:
    namespace: dict[str, Any] = {}
    exec(render_module(*count_full_names(texts)), namespace)  # (our own generated source)
    assert namespace["KNOWN_NAMES"] == kept


def test_the_table_holds_the_best_known_names() -> None:
    assert KNOWN_NAMES["obama"][0] == "Barack Obama"
    assert KNOWN_NAMES["trump"][0] == "Donald Trump"
    assert "bush" not in KNOWN_NAMES  # Jeb and George
