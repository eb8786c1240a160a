"""One error tree for saidwhen, with coded messages that can be grepped and tested.

SaidwhenError
 ├── InputError          a document that cannot be read (names the input and line)
 │    ├── EmptyInputError
 │    ├── BinaryInputError
 │    ├── EncodingError
 │    ├── MissingDateError
 │    └── MalformedRecordError   (bad JSONL line, truncated WARC record)
 └── StoreError          the quote bank refused an operation
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "EmptyInputError",
    "EncodingError",
    "InputError",
    "MalformedRecordError",
    "MissingDateError",
    "SaidwhenError",
    "StoreError",
]


class SaidwhenError(Exception):
    """The root of every error saidwhen raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(SaidwhenError):
    """A document could not be read; ``source`` names the file (and line)."""

    code = "E100"

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line
        self.reason = message

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        # sent back from worker processes: rebuilt from its fields, not from its message
        return (type(self), (self.source, self.reason, self.line))


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class MissingDateError(InputError):
    code = "E104"


class MalformedRecordError(InputError):
    code = "E105"


class StoreError(SaidwhenError):
    code = "E200"
