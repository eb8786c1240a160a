"""Standoff gold files: our annotations of shared texts, stored without the texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saidwhen.errors import SaidwhenError
from saidwhen.eval.standoff import is_standoff, main, pack, unpack

TEXT = (
    "Rain at last.\n\nThe farmer said it was \u201cabout time\u201d and that the crop would live.\n"
)


def _gold() -> dict[str, object]:
    start = TEXT.index("about time")
    rep = TEXT.index("it was")
    return {
        "name": "rain",
        "source_path": "polnear train/text/rain.txt",
        "date": "2016-05-02",
        "text": TEXT,
        "quotes": [
            {"text": "about time", "start": start, "end": start + 10, "kind": "fragment",
             "speaker": "the farmer", "when": "article date"},
            {"text": TEXT[rep : rep + 20], "start": rep, "end": rep + 20, "kind": "indirect",
             "speaker": "the farmer", "when": "article date", "note": "cut short on purpose"},
        ],
        "not_quotes": [],
    }  # fmt: skip


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    (tmp_path / "polnear" / "train" / "text").mkdir(parents=True)
    (tmp_path / "polnear" / "train" / "text" / "rain.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_pack_keeps_no_text_of_the_article() -> None:
    doc = pack(_gold())
    dumped = json.dumps(doc)
    assert is_standoff(doc)
    assert "farmer said" not in dumped and "about time" not in dumped
    assert doc["text_from"] == "polnear/train/text/rain.txt"
    assert [q["start"] for q in doc["quotes"]] == [q["start"] for q in _gold()["quotes"]]  # type: ignore[index]


def test_unpack_gives_back_the_gold_file(data_root: Path) -> None:
    back = unpack(pack(_gold()), data_root)
    assert back["text"] == TEXT
    assert [q["text"] for q in back["quotes"]] == ["about time", TEXT[TEXT.index("it was") :][:20]]
    assert back["quotes"][1]["note"] == "cut short on purpose"


def test_a_changed_source_is_refused(data_root: Path) -> None:
    doc = pack(_gold())
    (data_root / "polnear" / "train" / "text" / "rain.txt").write_text(TEXT + "x", encoding="utf-8")
    with pytest.raises(SaidwhenError, match="sha256"):
        unpack(doc, data_root)


def test_a_gold_file_with_its_text_is_left_alone() -> None:
    assert unpack(_gold()) == _gold()


def test_pack_refuses_offsets_that_miss_their_words(tmp_path: Path) -> None:
    gold = _gold()
    gold["quotes"][0]["start"] += 1  # type: ignore[index]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "rain.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(SystemExit, match="do not give"):
        main(["pack", str(tmp_path / "in"), str(tmp_path / "out")])


def _page_gold() -> dict[str, object]:
    gold = _gold()
    gold["source_path"] = "scrapinghub/article-extraction-benchmark html/ab12.html.gz"
    return gold


def test_a_page_reads_its_body_from_the_article_extraction_ground_truth(tmp_path: Path) -> None:
    (tmp_path / "article-extraction").mkdir()
    truth = {"ab12": {"articleBody": TEXT, "url": "https://example.org/rain"}}
    (tmp_path / "article-extraction" / "ground-truth.json").write_text(json.dumps(truth))
    doc = pack(_page_gold())
    assert doc["text_from"] == "article-extraction/ground-truth.json#ab12"
    assert "farmer said" not in json.dumps(doc)
    assert unpack(doc, tmp_path)["quotes"][0]["text"] == "about time"


def test_a_page_missing_from_the_ground_truth_is_refused(tmp_path: Path) -> None:
    (tmp_path / "article-extraction").mkdir()
    (tmp_path / "article-extraction" / "ground-truth.json").write_text("{}")
    with pytest.raises(SaidwhenError, match="no articleBody for page ab12"):
        unpack(pack(_page_gold()), tmp_path)


def test_an_unknown_source_cannot_be_packed() -> None:
    gold = _gold()
    gold["source_path"] = "somewhere/else.txt"
    with pytest.raises(SaidwhenError, match="none of"):
        pack(gold)


def test_a_timeml_article_reads_the_words_of_its_text_element(tmp_path: Path) -> None:
    marked = TEXT.replace("about time", '<TIMEX3 tid="t1">about time</TIMEX3>')
    (tmp_path / "tempeval3-tbaq" / "TimeBank").mkdir(parents=True)
    (tmp_path / "tempeval3-tbaq" / "TimeBank" / "rain.tml").write_text(
        f"<TimeML><DCT>19980102</DCT>\n<TEXT>\n{marked}\n</TEXT>\n</TimeML>",
        encoding="utf-8",
    )
    gold = _gold()
    gold["text"] = TEXT.strip()
    gold["source_path"] = "tempeval3-tbaq TimeBank/rain.tml"
    doc = pack(gold)
    assert doc["text_from"] == "tempeval3-tbaq/TimeBank/rain.tml#TEXT"
    back = unpack(doc, tmp_path)
    assert back["text"] == TEXT.strip()
    assert back["quotes"][0]["text"] == "about time"
