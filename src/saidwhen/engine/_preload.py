"""Imported once by the local engine's fork server: the default pipeline, loaded there.

Every worker is forked from that server with spaCy imported and the pipeline
loaded (its pages shared until written), instead of importing and loading
both itself: about 1.3 CPU s a worker.
"""

from __future__ import annotations

import os

os.environ["OMP_NUM_THREADS"] = "1"  # before numpy starts its thread pool
try:
    from saidwhen.nlp import load_nlp

    load_nlp()
except Exception:  # a worker loads it itself and reports what is wrong
    pass
