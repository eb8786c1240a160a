"""Pure extraction stages: a parsed article in, data out; no IO, no globals."""
