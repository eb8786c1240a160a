"""Engines that run parse + extract over many articles, with one writer storing the records.

- :mod:`saidwhen.engine.local`: a pool of processes on this machine (the default).
- :mod:`saidwhen.engine.ray`: the same steps on a Ray cluster (``pip install 'saidwhen[ray]'``).
"""

from saidwhen.engine.local import IngestSummary, ingest

__all__ = ["IngestSummary", "ingest"]
