"""The GUM gate: he/she and descriptions resolved to the right named person, never below
the pinned floors.

GUM's 63 news, interview and biography documents (``../shared/data/gum-coref``)
run through :func:`saidwhen.extract.people.find_people`; the gate fails when the
data is missing, unless ``SAIDWHEN_SKIP_SHARED=1``.  Raise the floor with
``python -m saidwhen.eval.gum --write-floors tests/floors/gum.json``.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.eval.gum import default_data_dir, pronoun_accuracy, quote_speaker_accuracy
from tests.conftest import assert_holds_floor, floors_file, require_shared

DOC = floors_file("gum.json")


@pytest.mark.slow
def test_gum_pronouns_hold_their_floor(nlp: Any) -> None:
    require_shared(default_data_dir(), "the GUM coreference data")
    result = pronoun_accuracy(nlp=nlp) | quote_speaker_accuracy(nlp=nlp)
    assert result["pronouns"] > 800  # every document was read
    assert result["descriptions"]["total"] > 25 and result["body_descriptions"]["total"] > 40
    assert result["quoted_i"]["total"] > 20
    for key, floor in DOC["floors"].items():
        assert_holds_floor(result, key, floor, 0.0)


def test_gum_descriptions_are_definite_and_refer_back() -> None:
    from saidwhen.eval.gum import GumDoc, gold_descriptions

    text = (
        "Tom Lee fished the bay . The fisherman was tired . Lee was the oldest man there .\n"
        "Mayor Ann Cole , the mayor , spoke . The Mayor smiled . The Harbour Board met ."
    )

    def at(words: str, nth: int = 0) -> tuple[int, int]:
        s = -1
        for _ in range(nth + 1):
            s = text.index(words, s + 1)
        return s, s + len(words)

    lee = [at("Tom Lee"), at("The fisherman"), at("Lee", 1), at("the oldest man there")]
    cole = [at("Mayor Ann Cole"), at("the mayor"), at("The Mayor")]
    board = [at("The Harbour Board")]
    gdoc = GumDoc("made-up", text, {"person-1": lee, "person-2": cole, "person-3": board})
    # "the oldest man there" is a predicate, ", the mayor ," an apposition, "The Harbour
    # Board" a name; "The Mayor" holds only a title
    assert gold_descriptions(gdoc) == {
        at("The fisherman"): [at("Tom Lee")],
        at("The Mayor"): [at("Mayor Ann Cole")],
    }


def test_quoted_i_counts_quotes_whose_i_gum_links(nlp: Any, tmp_path: Any) -> None:
    from saidwhen.eval.gum import quote_speaker_accuracy

    rows = [
        ("Tom", "(person-1"),
        ("Lee", "person-1)"),
        ("spoke", "_"),
        (".", "_"),
        ("", ""),
        ('"', "_"),
        ("I", "(person-1)"),
        ("will", "_"),
        ("win", "_"),
        (",", "_"),
        ('"', "_"),
        ("Lee", "(person-1)"),
        ("said", "_"),
        (".", "_"),
        ("", ""),
        ('"', "_"),
        ("We", "(person-2)"),
        ("lost", "_"),
        (",", "_"),
        ('"', "_"),
        ("Ann", "(person-3"),
        ("Cole", "person-3)"),
        ("said", "_"),
        (".", "_"),
    ]
    lines = ["# begin document made-up"]
    n = 0
    for word, ent in rows:
        if not word:
            lines.append("")
            continue
        lines.append(f"{n}\t{word}\t{ent}")
        n += 1
    lines.append("# end document")
    (tmp_path / "made-up.conll").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # one quote holds a linked "I" (Lee's, and Lee said it); "We" is no I
    assert quote_speaker_accuracy(tmp_path, nlp=nlp)["quoted_i"] == {
        "total": 1,
        "right": 1,
        "unresolved": 0,
        "accuracy": 1.0,
    }
