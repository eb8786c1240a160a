"""Pairing quotation marks on plain text: the traps of real news."""

from __future__ import annotations

import pytest

from saidwhen.extract.quotes import find_quote_regions


def quoted(text: str) -> list[str]:
    return [text[r.start : r.end] for r in find_quote_regions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We won," she said.', ["We won"]),
        ("“We won,” she said.", ["We won"]),
        # single quotes inside double quotes, and apostrophes, are not marks
        (
            "\"He told me 'never again' and I didn't argue,\" she said.",
            ["He told me 'never again' and I didn't argue"],
        ),
        # the stray mark in `says."wrote.` must not flip the quotes after it
        ('"One," she says."wrote. "Two."', ["One", "Two."]),
        # split quote around the attribution
        ('"First half," he said, "second half."', ["First half", "second half."]),
        # mixed curly and straight marks
        ('“Curly,” he said. "Straight."', ["Curly", "Straight."]),
        # NYT-style doubled apostrophes
        ("``Old style,'' he said.", ["Old style"]),
        ("''Both ways,'' he said. ''Again.''", ["Both ways", "Again."]),
        # a closing mark with nothing open is stray
        ('Nothing here." Then "a quote" follows.', ["a quote"]),
        # an inch mark is stray too: the quote after it is the one in marks
        ('The sign read 5\'10" tall. "We won," he said.', ["We won"]),
        # an opening curly mark set where the closing one belongs (after a comma, before a space)
        ("“It is odd,“ said Lee. “It is late.”", ["It is odd", "It is late."]),
        ("He said,“ We go.”", ["We go."]),
    ],
)
def test_pairs_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_multi_paragraph_quote_continues() -> None:
    text = '"First paragraph, left open.\n\n"Second paragraph closes," she said.\n'
    regions = find_quote_regions(text)
    assert [text[r.start : r.end] for r in regions] == [
        "First paragraph, left open.",
        "Second paragraph closes",
    ]
    assert regions[0].close_mark is None
    assert regions[1].continues_previous


def test_offsets_skip_header() -> None:
    text = 'date 2020-01-01 "not a quote" because the header is skipped\n"Real," he said.'
    regions = find_quote_regions(text, start=text.index("\n") + 1)
    assert [text[r.start : r.end] for r in regions] == ["Real"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline quotes with single marks (AP style); the body's single marks are not
        (
            "Mayor Vows to ‘Fix Every Road’ Before ‘Next Winter’\nShe said ‘no’ twice.\n",
            ["Fix Every Road", "Next Winter"],
        ),
        ("Lin’s Plan Is ‘A Bad Joke,’ Rival Says\nBody.\n", ["A Bad Joke"]),
        ("Coach Says Team Is 'Ready to Win'\nBody.\n", ["Ready to Win"]),
        # apostrophes: possessives, elisions, a plural possessive with nothing open
        ("The Smiths’ Farm Hosts Rock ’n’ Roll Night in the ’90s Style\n", []),
        ("Ortiz's Deal Wins 'Big' in the Jones' Town\nBody.\n", ["Big"]),
        # a headline with double marks keeps its single marks as a quote's inner ones
        ('Lin: "They Said ‘Never’ to Us"\nBody.\n', ["They Said ‘Never’ to Us"]),
        # a long first line is no headline
        ("Body text ‘quoted’ " + "and more words " * 25 + "\n", []),
    ],
)
def test_headline_single_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected
