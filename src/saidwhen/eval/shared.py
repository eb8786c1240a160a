"""Where the shared corpora and scorers live (``../shared``), and importing a scorer in place.

The data and the scorers are read where they lie, never copied into the project.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from saidwhen.errors import SaidwhenError

__all__ = ["load_module", "shared_dir"]

_ROOT = Path(__file__).resolve().parents[3]  # the project checkout (src layout)


def shared_dir() -> Path:
    """``../shared`` from the working directory, else beside the project checkout."""
    for cand in (Path.cwd() / ".." / "shared", _ROOT / ".." / "shared"):
        if cand.is_dir():
            return cand.resolve()
    return (_ROOT / ".." / "shared").resolve()


def load_module(path: Path, name: str, what: str) -> ModuleType:
    """Import the Python file at ``path`` as module ``name`` (``what`` names it in errors)."""
    if not path.is_file():
        raise SaidwhenError(f"{what} not found: {path}")
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SaidwhenError(f"cannot import the {what} from {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
