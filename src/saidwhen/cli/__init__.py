"""The ``saidwhen`` command: a thin click layer over the library.

Each sub-module adds its commands to :data:`main`; none computes anything itself.
"""

from __future__ import annotations

import click

from saidwhen import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="saidwhen")
def main() -> None:
    """saidwhen: who said what, when, in dated news articles."""


@main.group()
def eval() -> None:
    """Score saidwhen on the evaluation corpora (PolNeAR, TempEval-3)."""


# The sub-modules register their commands on import.
from saidwhen.cli import bank as _bank  # noqa: E402,F401
from saidwhen.cli import evalpages as _evalpages  # noqa: E402,F401
from saidwhen.cli import evaluate as _evaluate  # noqa: E402,F401
from saidwhen.cli import extract as _extract  # noqa: E402,F401
from saidwhen.cli import read as _read  # noqa: E402,F401
from saidwhen.cli import serve as _serve  # noqa: E402,F401
from saidwhen.cli import store as _store  # noqa: E402,F401
from saidwhen.cli import time as _time  # noqa: E402,F401

__all__ = ["eval", "main"]
