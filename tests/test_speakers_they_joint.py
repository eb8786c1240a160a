"""A "they" takes up two people named together as a subject further back than it takes
up a group's noun or a body: a pair's paragraph goes on past a quote of one of them
(made-up texts)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import report_source, run

PAIR_FAR_BACK = (
    "Ana Ruiz and Tom Lee, two historians at the University of Velo, have just published "
    "a long book about the harbour towns of the north coast, ''The Tide Line'' (Orla "
    "Harbour Press). They compare the fishing towns of the coast with the mill towns of "
    "the valley over two centuries of trade. In the end, they do not say which towns fared "
    "better in the long run, or why the mills closed first.\n\n"
    "''The towns are alike in more ways than they differ,'' Professor Lee told me.\n\n"
    "Still, they argue that the harbour towns recovered faster after the war.\n"
)
# a group's noun that far back is no longer what "they" takes up: the body named since is
GROUP_FAR_BACK = (
    "The fishermen of the north coast, tired of the long dispute over the harbour and its "
    "fees, have held meetings in every town hall along the coast this winter. They want "
    "the fees cut by half before the spring season opens, and the old pier mended. In the "
    "end, most of them expect little from the talks, which have dragged on for a year.\n\n"
    "A letter came on Monday from the Orla Harbour Board.\n\n"
    "''The pier needs the money,'' its chair, Tom Lee, told me.\n\n"
    "Still, they said that the fees would stay as they are.\n"
)


@pytest.mark.parametrize(
    ("text", "words", "source"),
    [
        pytest.param(
            PAIR_FAR_BACK, "harbour towns recovered", "Ana Ruiz and Tom Lee", id="a-pair-far-back"
        ),
        pytest.param(
            GROUP_FAR_BACK, "fees would stay", "the Orla Harbour Board", id="a-group-is-not"
        ),
    ],
)
def test_they_takes_up_a_pair_further_back(nlp: Any, text: str, words: str, source: str) -> None:
    assert report_source(run(text, nlp), words)[0] == source
