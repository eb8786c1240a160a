"""The Ray engine: its actor without a cluster, and (opt-in, slow) a real local Ray run."""

from __future__ import annotations

import pickle
from pathlib import Path

from saidwhen.io.readers import read_paths
from saidwhen.model import Article, ArticleRecord
from saidwhen.store.db import key_of_article

INPUTS = Path(__file__).parent / "data" / "store" / "inputs"


def test_the_actor_reads_its_works_and_returns_records() -> None:
    from saidwhen.engine.base import Options
    from saidwhen.engine.inputs import plan
    from saidwhen.engine.ray import _Worker

    arts = [a for a in read_paths([INPUTS]) if isinstance(a, Article)]
    works = list(plan([INPUTS]))
    actor = _Worker(Options())
    out = actor({"work": [pickle.dumps(w) for w in works]})
    results = [pickle.loads(r) for r in out["result"]]
    records = [r for res in results for r in res.records]
    keys = [k for res in results for k in res.keys]
    assert sorted(keys) == sorted(key_of_article(a) for a in arts)
    got = sorted(r.id for r in records if isinstance(r, ArticleRecord))
    assert got == sorted(a.id for a in arts)
    assert sum(len(r.quotes) for r in records if isinstance(r, ArticleRecord)) > 0
