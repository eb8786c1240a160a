"""One error tree for saidwhen, with coded messages that can be grepped and tested.

SaidwhenError                   E000
 ├── InputError                 E100  a document that cannot be read (names the input and line)
 │    ├── EmptyInputError       E101
 │    ├── BinaryInputError      E102  NUL bytes: binary data, not text
 │    ├── EncodingError         E103  neither UTF-8 nor UTF-16
 │    ├── MissingDateError      E104
 │    ├── MalformedRecordError  E105  bad JSONL line or field, truncated WARC record
 │    ├── TooLargeError         E106  longer than the documented limit
 │    └── ExtractionError       E107  the extractor failed on a readable input (a bug)
 ├── StoreError                 E200  the quote bank refused an operation
 │    ├── BankBusyError         E201  another process is writing to it
 │    ├── DiskFullError         E202  no room left: the batch was rolled back
 │    ├── ReadOnlyBankError     E203  on read-only media: it can be read, not written
 │    ├── NotABankError         E204  missing, empty, or another kind of file
 │    └── DamagedBankError      E205  the file is corrupt (restore it from a copy)
 ├── BadParameter               E300  a request parameter that cannot be used (names it)
 └── WorkerLostError            E400  a worker process died (killed, out of memory)
"""

from __future__ import annotations

__all__ = [
    "BadParameter",
    "BankBusyError",
    "BinaryInputError",
    "DamagedBankError",
    "DiskFullError",
    "EmptyInputError",
    "EncodingError",
    "ExtractionError",
    "InputError",
    "MalformedRecordError",
    "MissingDateError",
    "NotABankError",
    "ReadOnlyBankError",
    "SaidwhenError",
    "StoreError",
    "TooLargeError",
    "WorkerLostError",
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


class TooLargeError(InputError):
    code = "E106"


class ExtractionError(InputError):
    """The input was read, but extraction failed on it: a bug to report, not bad data."""

    code = "E107"


class StoreError(SaidwhenError):
    code = "E200"


class BankBusyError(StoreError):
    code = "E201"


class DiskFullError(StoreError):
    code = "E202"


class ReadOnlyBankError(StoreError):
    code = "E203"


class NotABankError(StoreError):
    code = "E204"


class DamagedBankError(StoreError):
    code = "E205"


class BadParameter(SaidwhenError):
    """A request parameter that cannot be used (the web answers 400 naming it)."""

    code = "E300"

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.reason = message


class WorkerLostError(SaidwhenError):
    """A worker process of a batch died (out of memory, kill -9): what was stored is kept
    and running the same command again finishes the job."""

    code = "E400"
