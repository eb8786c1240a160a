"""Our own hand annotations of articles that live in ``../shared``, kept without their text.

A realnews gold file (``shared/data/realnews-dev/README.md``) carries the
article's text and every quote's words.  The sets we annotate ourselves over
PolNeAR's articles (``annotations/realnews-polnear/``) must not copy that
text into the project, so they are stored *standoff*: the same JSON without
``text`` fields, with ``text_from`` (the article's path under
``shared/data``) and ``text_sha256`` (so that an edited source is noticed,
not silently misread).  A real page of ``shared/data/article-extraction`` has no text file:
its text is the ground truth's ``articleBody`` (as for realnews-dev), named
``article-extraction/ground-truth.json#SHA256``.  A TempEval-3 newswire article's text is
the words of its TimeML ``TEXT`` element without the markup, stripped, named
``tempeval3-tbaq/TimeBank/NAME.tml#TEXT``.  :func:`unpack` rebuilds the full gold
file, reading the text in place, for the shared scorer.

    python -m saidwhen.eval.standoff pack GOLD_DIR OUT_DIR   # full gold files -> standoff
    python -m saidwhen.eval.standoff unpack DIR OUT_DIR      # standoff -> full gold files

Example:
    >>> doc = pack({"name": "a", "source_path": "polnear train/text/a.txt", "text": "He said no.",
    ...             "quotes": [{"text": "no", "start": 8, "end": 10}], "not_quotes": []})
    >>> doc["text_from"], "text" in doc, "text" in doc["quotes"][0]
    ('polnear/train/text/a.txt', False, False)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from saidwhen.errors import SaidwhenError
from saidwhen.eval.shared import shared_dir

__all__ = ["is_standoff", "pack", "unpack", "write_gold_dir"]

_SPANS = ("quotes", "not_quotes")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_PAGES = "scrapinghub/article-extraction-benchmark"
_PAGE_BODIES = "article-extraction/ground-truth.json"
_TIMEML = "tempeval3-tbaq"
_TIMEML_TEXT = "TEXT"


def _text_from(doc: dict[str, Any]) -> str:
    """How annotators name the source -> where its text is under data/: ``polnear
    train/text/NAME.txt`` is that file, a page ``scrapinghub/article-extraction-benchmark
    html/SHA.html.gz`` its body in the article-extraction ground truth."""
    if doc.get("text_from"):
        return str(doc["text_from"])
    corpus, _, rest = str(doc.get("source_path", "")).partition(" ")
    if corpus == "polnear" and rest:
        return f"polnear/{rest}"
    if corpus == _PAGES and rest.startswith("html/") and rest.endswith(".html.gz"):
        return f"{_PAGE_BODIES}#{rest[len('html/') : -len('.html.gz')]}"
    if corpus == _TIMEML and rest.endswith(".tml"):
        return f"{_TIMEML}/{rest}#{_TIMEML_TEXT}"
    raise SaidwhenError(
        f"{doc.get('name')}: source_path {doc.get('source_path')!r} is none of "
        f"'polnear SPLIT/text/NAME.txt', '{_PAGES} html/SHA.html.gz', "
        f"'{_TIMEML} DIR/NAME.tml'"
    )


def _read_text(name: object, text_from: str, data_root: Path) -> str:
    path_part, _, page = text_from.partition("#")
    path = data_root / path_part
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as err:
        raise SaidwhenError(f"{name}: cannot read its text {path}: {err}") from None
    if not page:
        return raw
    if page == _TIMEML_TEXT and path.suffix == ".tml":
        element = ET.fromstring(raw).find(_TIMEML_TEXT)
        if element is None:
            raise SaidwhenError(f"{name}: {path} has no {_TIMEML_TEXT} element")
        return "".join(element.itertext()).strip()
    body = json.loads(raw).get(page, {}).get("articleBody")
    if not isinstance(body, str):
        raise SaidwhenError(f"{name}: {path} has no articleBody for page {page}")
    return body


def is_standoff(doc: dict[str, Any]) -> bool:
    return "text" not in doc and "text_from" in doc


def pack(doc: dict[str, Any]) -> dict[str, Any]:
    """A full gold file without its text: offsets, kinds, speakers, dates and notes stay."""
    out = {k: v for k, v in doc.items() if k not in ("text", *_SPANS)}
    out["text_from"] = _text_from(doc)
    out["text_sha256"] = _sha(doc["text"])
    for key in _SPANS:
        out[key] = [{k: v for k, v in q.items() if k != "text"} for q in doc.get(key, [])]
    return out


def unpack(doc: dict[str, Any], data_root: Path | None = None) -> dict[str, Any]:
    """The full gold file: the article's text read from ``shared/data`` and each span's words."""
    if not is_standoff(doc):
        return doc
    text = _read_text(doc.get("name"), doc["text_from"], data_root or shared_dir() / "data")
    if _sha(text) != doc["text_sha256"]:
        raise SaidwhenError(
            f"{doc.get('name')}: {doc['text_from']} is not the text annotated (sha256 differs)"
        )
    out = {k: v for k, v in doc.items() if k not in ("text_from", "text_sha256", *_SPANS)}
    out["text"] = text
    for key in _SPANS:
        out[key] = [{"text": text[q["start"] : q["end"]], **q} for q in doc.get(key, [])]
    return out


def write_gold_dir(docs: Iterable[dict[str, Any]], out_dir: Path) -> None:
    """Full gold files, one ``NAME.json`` each, as the shared scorer reads them."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (out_dir / f"{doc['name']}.json").write_text(
            json.dumps(unpack(doc), ensure_ascii=False, indent=1), encoding="utf-8"
        )


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("action", choices=("pack", "unpack"))
    ap.add_argument("src", type=Path)
    ap.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in sorted(args.src.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        new = pack(doc) if args.action == "pack" else unpack(doc)
        if args.action == "pack":
            # offsets must give the annotated words before the words are dropped
            for key in _SPANS:
                for q in doc.get(key, []):
                    if doc["text"][q["start"] : q["end"]] != q["text"]:
                        span = f"{q['start']}-{q['end']}"
                        raise SystemExit(f"{path}: {key} {span} do not give {q['text']!r}")
        (args.out / path.name).write_text(
            json.dumps(new, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
