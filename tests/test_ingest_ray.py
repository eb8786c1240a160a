"""The Ray engine: its actor without a cluster, and (opt-in, slow) a real local Ray run."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from saidwhen.engine.local import ingest as local_ingest
from saidwhen.io.readers import read_paths
from saidwhen.model import Article, ArticleRecord
from saidwhen.store import connect
from saidwhen.store.db import key_of_article
from tests.store_helpers import bank_contents

INPUTS = Path(__file__).parent / "data" / "store" / "inputs"


def test_the_actor_turns_pickled_batches_into_records() -> None:
    from saidwhen.engine.ray import _Extractor

    arts = [a for a in read_paths([INPUTS]) if isinstance(a, Article)]
    keys = [key_of_article(a) for a in arts]
    actor = _Extractor(keep_text=False, model=None)
    out = actor({"blob": [pickle.dumps((arts, keys))]})
    (records, got_keys) = pickle.loads(out["blob"][0])
    assert got_keys == keys
    assert [r.id for r in records if isinstance(r, ArticleRecord)] == [a.id for a in arts]
    assert sum(len(r.quotes) for r in records) > 0


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
    assert bank_contents(connect(ray_db, readonly=True)) == bank_contents(
        connect(local_db, readonly=True)
    )
