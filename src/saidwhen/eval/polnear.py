"""Score saidwhen on PolNeAR with the scorer in ``shared/eval/polnear_eval``.

The scorer defines the numbers; this module only runs the pipeline over a
split and hands the records to it.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from saidwhen.errors import SaidwhenError
from saidwhen.eval.shared import shared_dir
from saidwhen.model import Article, ArticleRecord

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "articles_from_gold",
    "as_polnear_pairing",
    "as_polnear_sources",
    "default_data_dir",
    "default_eval_dir",
    "load_scorer",
    "run_split",
]


def default_data_dir() -> Path:
    return shared_dir() / "data" / "polnear"


def default_eval_dir() -> Path:
    return shared_dir() / "eval" / "polnear_eval"


@contextmanager
def _on_path(path: Path) -> Iterator[None]:
    sys.path.insert(0, str(path))
    try:
        yield
    finally:
        sys.path.remove(str(path))


def load_scorer(eval_dir: Path | None = None) -> tuple[ModuleType, ModuleType, ModuleType]:
    """The scorer's modules ``polnear``, ``run_saidwhen`` and ``score``, imported in place."""
    eval_dir = eval_dir or default_eval_dir()
    if not (eval_dir / "score.py").is_file():
        raise SaidwhenError(f"PolNeAR scorer not found in {eval_dir}")
    with _on_path(eval_dir):
        mods = tuple(importlib.import_module(m) for m in ("polnear", "run_saidwhen", "score"))
    return mods  # type: ignore[return-value]


def articles_from_gold(gold: list[dict[str, Any]]) -> list[Article]:
    """saidwhen's articles for the scorer's loaded split, dated by the corpus metadata."""
    return [
        Article(
            text=g["text"],
            date=dt.date.fromisoformat(g["publication_date"]),
            id=g["filename"],
            source=g["filename"],
        )
        for g in gold
    ]


_SINGLE_OPENING = frozenset("'\u2018\u201a\u201b\u2039")


def without_single_marked(text: str, rec: dict[str, Any]) -> dict[str, Any]:
    r"""The record without the quotes a headline sets in single marks.

    PolNeAR's scorer counts as direct quotes only the regions between double marks
    (its ``polnear.py``: "Double quotation marks only"), so a headline's quote in
    single marks (``Guns Are 'A Crisis,' Dean Says``), which saidwhen gives and the
    realnews annotations count, is outside what it scores. The ``continues`` links
    are renumbered.

    Example:
        >>> text = "Guns Are 'A Crisis,' Dean Says\n\nHe said, \"Yes.\""
        >>> quotes = [{"kind": "fragment", "start": text.index("A C"), "continues": None},
        ...           {"kind": "direct", "start": text.index("Yes"), "continues": None}]
        >>> [q["start"] for q in without_single_marked(text, {"quotes": quotes})["quotes"]]
        [42]
    """
    line_end = text.find("\n")
    first_line = len(text) if line_end < 0 else line_end
    drop: set[int] = set()
    for k, q in enumerate(rec["quotes"]):
        start = q["start"]
        headline = q["kind"] != "indirect" and 0 < start < first_line
        if headline and text[start - 1] in _SINGLE_OPENING:
            drop.add(k)
    return _without(rec, drop)


def without_closing_opened(text: str, rec: dict[str, Any]) -> dict[str, Any]:
    r"""The record without the quotes that a closing mark opens.

    A text may set "”" where the opening mark belongs (first on its line: ``”… the
    train has left,” it wrote``); saidwhen reads it as the opening mark, as the
    realnews annotators do, but PolNeAR's scorer pairs "”" only as a closing mark
    (its ``polnear.py``: ``CLOSE_MARKS``), so such a quote is outside the direct
    quotes it scores; its annotators mark the words as a content, mark included, so
    the attributions keep it.

    Example:
        >>> text = "It was blunt.\n\n” … the ferry is late,” it said."
        >>> quotes = [{"kind": "direct", "start": text.index("…"), "continues": None}]
        >>> without_closing_opened(text, {"quotes": quotes})["quotes"]
        []
    """
    drop: set[int] = set()
    for k, q in enumerate(rec["quotes"]):
        if q["kind"] == "indirect":
            continue
        mark = q["start"]
        while mark > 0 and text[mark - 1] in " \t\u00a0":
            mark -= 1
        if text[mark - 1 : mark] == "\u201d":
            drop.add(k)
    return _without(rec, drop)


def as_polnear_pairing(
    text: str, rec: dict[str, Any], regions: list[tuple[int, int, bool]]
) -> dict[str, Any]:
    r"""The record with each quote that holds a quote of its own cut as PolNeAR pairs it.

    saidwhen reads an opening mark met while a quote is open, the next two marks closing,
    as a quote inside the open one (``“He yelled “Stop!” twice,” she said``: one quote);
    PolNeAR's scorer restarts the quote at the second opening mark and pairs straight marks
    in turns (its ``polnear.py``, ``quote_regions``, given here as ``regions``: opening
    mark, end past the closing mark, closed), so the direct quote it scores is the last
    region it pairs inside ours (“Stop!” here); its annotators' content is the whole, so
    the attributions are built from the record as it was.

    Example:
        >>> text = "Lee said, “He yelled “Stop!” twice,” and left."
        >>> regions = [(text.index("“S"), text.index("!”") + 2, True)]  # as the scorer pairs
        >>> q = {"kind": "direct", "text": "He yelled “Stop!” twice",
        ...      "start": text.index("He"), "end": text.index(",”")}
        >>> as_polnear_pairing(text, {"quotes": [q]}, regions)["quotes"][0]["text"]
        'Stop!'
    """
    quotes = []
    for q in rec["quotes"]:
        inner = [
            (a, b)
            for a, b, closed in regions
            if closed and q["kind"] != "indirect" and q["start"] < a and b <= q["end"] + 1
        ]
        if inner:
            a, b = inner[-1]
            start = a + (2 if text[a : a + 2] in ("``", "''") else 1)
            end = b - (2 if text[b - 2 : b] in ("``", "''") else 1)
            q = {**q, "start": start, "end": end, "text": text[start:end]}
        quotes.append(q)
    return {**rec, "quotes": quotes}


def _without(rec: dict[str, Any], drop: set[int]) -> dict[str, Any]:
    """The record without the quotes of these indices, its ``continues`` links renumbered."""
    if not drop:
        return rec
    keep: dict[int, int] = {}  # old index -> new
    for k in range(len(rec["quotes"])):
        if k not in drop:
            keep[k] = len(keep)
    quotes = []
    for k in keep:
        q = dict(rec["quotes"][k])
        if q.get("continues") is not None:
            q["continues"] = keep.get(q["continues"])
        quotes.append(q)
    return {**rec, "quotes": quotes}


def as_polnear_sources(rec: dict[str, Any]) -> dict[str, Any]:
    """The record with each nested report given to the one who reports it.

    PolNeAR annotates only the outermost attribution (its guidelines, "No nested
    attributions": in "Reardon criticized Mr. Lamport for saying that ...", "we only
    annotate the outermost attribution (the one with Reardon as the source), and
    ignore the nested attribution to Mr. Lamport"), so its source for words that
    saidwhen gives to an inner ``speaker`` is their ``reported_by``, its cue the
    ``reported_cue``; and a nested report inside the reported speech of another
    record is left out (it is part of that record's content).

    Example:
        >>> by = {"name": "Prosecutors", "mention": "Prosecutors", "start": 0, "end": 11}
        >>> q = {"kind": "direct", "start": 30, "end": 40, "cue": None,
        ...      "speaker": {"name": "Hale"}, "reported_by": by}
        >>> as_polnear_sources({"quotes": [q]})["quotes"][0]["speaker"]["name"]
        'Prosecutors'
    """
    if not any(q.get("reported_by") for q in rec["quotes"]):
        return rec
    # a report nested in another record's reported speech is part of that record's
    # content for PolNeAR, not an attribution of its own
    reports = [(q["start"], q["end"]) for q in rec["quotes"] if q["kind"] == "indirect"]
    rec = _without(
        rec,
        {
            k
            for k, q in enumerate(rec["quotes"])
            if q["kind"] == "indirect"
            and q.get("reported_by")
            and any(
                s <= q["start"] < q["end"] <= e and e - s > q["end"] - q["start"]
                for s, e in reports
            )
        },
    )
    quotes = [
        {**q, "speaker": q["reported_by"], "cue": q.get("reported_cue") or q["cue"]}
        if q.get("reported_by")
        else q
        for q in rec["quotes"]
    ]
    return {**rec, "quotes": quotes}


def run_split(
    split: str = "dev",
    data_dir: Path | None = None,
    *,
    limit: int | None = None,
    nlp: Language | None = None,
    errors_path: Path | None = None,
) -> tuple[dict[str, Any], list[ArticleRecord]]:
    """Extract every article of ``split`` and score it; returns (metrics, records)."""
    from saidwhen.pipeline import extract_articles

    polnear, run_saidwhen, score = load_scorer()
    data_dir = data_dir or default_data_dir()
    if not (data_dir / "metadata.tsv").is_file():
        raise SaidwhenError(f"PolNeAR data not found in {data_dir} (use --data-dir)")
    gold = polnear.load_split(split, data_dir=str(data_dir))
    if limit:
        gold = gold[:limit]
    records = list(extract_articles(articles_from_gold(gold), nlp))
    stats: Counter[str] = Counter()
    pred = {}
    for g, rec in zip(gold, records, strict=True):
        kept = without_single_marked(g["text"], rec.to_dict())
        # the contents as its annotators read them; the direct quotes as its scorer pairs marks
        _, attributions = run_saidwhen.convert(g["text"], as_polnear_sources(kept), stats)
        direct = as_polnear_sources(without_closing_opened(g["text"], kept))
        paired = as_polnear_pairing(g["text"], direct, polnear.quote_regions(g["text"]))
        quotes, _ = run_saidwhen.convert(g["text"], paired, Counter())
        pred[g["filename"]] = {"quotes": quotes, "attributions": attributions}
    if errors_path is not None:
        with open(errors_path, "w", encoding="utf-8") as fh:
            result = score.score(gold, pred, errors=fh)
    else:
        result = score.score(gold, pred)
    if stats:
        result["conversion"] = dict(stats)
    return result, records
