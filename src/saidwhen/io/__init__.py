"""Readers and writers: the edges where bytes become :class:`~saidwhen.model.Article`.

Readers yield ``Article | InputError``: a bad document is data, never an
exception that stops a batch.
"""

from saidwhen.io.readers import iter_files, read_bytes, read_paths
from saidwhen.io.writers import format_records

__all__ = ["format_records", "iter_files", "read_bytes", "read_paths"]
