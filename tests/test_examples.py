"""End to end on the example articles: our own (golden file) and the shared one."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from saidwhen.io.readers import read_text_article
from saidwhen.pipeline import extract_articles
from tests.conftest import OWN_EXAMPLE

GOLDEN = Path(__file__).parent / "golden" / (OWN_EXAMPLE.stem + ".json")


def record_of(path: Path, nlp: Any) -> dict[str, Any]:
    article = read_text_article(path.read_text(encoding="utf-8"), str(path))
    (record,) = extract_articles([article], nlp)
    out = record.to_dict()
    out["id"] = path.stem
    return out


def test_own_example_matches_golden_file(nlp: Any) -> None:
    """Set SAIDWHEN_UPDATE_GOLDEN=1 to rewrite the file after a reviewed change."""
    got = record_of(OWN_EXAMPLE, nlp)
    if os.environ.get("SAIDWHEN_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def _speech(rec: dict[str, Any]) -> list[dict[str, Any]]:
    return [q for q in rec["quotes"] if q["kind"] != "indirect"]


def test_shared_example_reads_like_a_careful_reader(shared_example: Path, nlp: Any) -> None:
    text = shared_example.read_text(encoding="utf-8")
    rec = record_of(shared_example, nlp)
    quotes = _speech(rec)
    starts = [" ".join(q["text"].split()[:3]) for q in quotes]
    # every quotation in the article, in order (the first three words of each)
    assert starts == [
        "I cannot express",
        "no matter how",
        "I explained to",
        "He hated it.",
        "I cannot express",
        "How little I",
        "These photos are",
        "The thoughts of",
        "We were never",
        "positive energy, thoughts",
        "amazing",
        "But every day",
        "On this darkest",
    ]
    for q in quotes:
        assert text[q["start"] : q["end"]] == q["text"]
        assert q["speaker"]["name"] == "Chrissy Teigen", q["text"]
        assert q["cue"] is not None, q["text"]
        assert "wrote." not in q["text"] and "she says" not in q["text"]
    kinds = {q["text"].split()[0]: q["kind"] for q in quotes}
    assert kinds["positive"] == kinds["amazing"] == kinds["no"] == "fragment"
    # the repeated quote, the split quote and the paragraph that continues a quote
    assert quotes[4]["repeat_of"] == rec["quotes"].index(quotes[0])
    assert quotes[3]["continues"] == rec["quotes"].index(quotes[2])
    assert quotes[6]["continues"] == rec["quotes"].index(quotes[5])
    # channels: the blog post, then Instagram
    assert all("blog post" in (q["channel"] or "") for q in quotes[:8])
    assert all(q["channel"] == "Instagram" for q in quotes[8:])
    people = {p["name"]: p for p in rec["people"]}
    assert {"model", "cookbook author"} <= set(people["Chrissy Teigen"]["descriptors"])
    assert "singer" in people["John Legend"]["descriptors"]
    assert people["Chrissy Teigen"]["gender"] == "female"
    # "the couple" is the pair named together before ("Teigen and Legend share ...")
    (couple,) = [q for q in rec["quotes"] if q["text"].startswith("they were expecting")]
    assert couple["speaker"]["name"] == "Chrissy Teigen and John Legend"
