"""The Ray engine: its actor without a cluster, and (opt-in, slow) a real local Ray run."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from saidwhen.engine.local import ingest as local_ingest
from saidwhen.io.readers import read_paths
from saidwhen.model import Article, ArticleRecord
from saidwhen.store import connect, counts
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


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("SAIDWHEN_RAY_TESTS"),
    reason="starts a local Ray (a minute on 2 cores); set SAIDWHEN_RAY_TESTS=1",
)
def test_ray_and_local_engines_build_the_same_bank(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    from saidwhen.engine.ray import ingest as ray_ingest

    ray_db, local_db = tmp_path / "ray.db", tmp_path / "local.db"
    summary = ray_ingest([INPUTS], ray_db, workers=1)
    local_ingest([INPUTS], local_db, workers=1)
    assert summary.to_dict()["stored"] == 5
    assert counts(connect(ray_db, readonly=True)) == counts(connect(local_db, readonly=True))
