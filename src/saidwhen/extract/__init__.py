"""Pure extraction stages: a parsed article in, data out; no IO, no globals.

The package shares its name with the public function, ``saidwhen.extract(text,
date=...)``, and is that function too: calling it calls :func:`saidwhen.pipeline.extract`.
A function bound over the package's name would hide the package from
``import saidwhen.extract.timexes as t`` (which finds each part of the dotted name as an
attribute of the one before: ``saidwhen.extract`` would be the function, which has no
``timexes``); a callable package keeps both ways open.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from saidwhen.model import ArticleRecord


class _CallablePackage(types.ModuleType):
    """This package, callable as :func:`saidwhen.pipeline.extract`."""

    def __call__(self, *args: Any, **kwargs: Any) -> ArticleRecord:
        """Who said what, when, in one article: :func:`saidwhen.pipeline.extract`."""
        from saidwhen.pipeline import extract

        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
