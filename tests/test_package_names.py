"""``saidwhen.extract`` is both the public function and the package of the stages: every
way of importing a stage works, and the call still extracts (texts written fresh)."""

from __future__ import annotations

import subprocess
import sys

import saidwhen


def test_a_stage_imports_under_an_alias() -> None:
    import saidwhen.extract.timexes as t

    assert t.find_timexes is saidwhen.extract.timexes.find_timexes


def test_a_stage_imports_from_the_package() -> None:
    from saidwhen.extract import timexes

    assert timexes.__name__ == "saidwhen.extract.timexes"


def test_the_alias_import_comes_first_in_a_fresh_interpreter() -> None:
    code = (
        "import saidwhen.extract.timexes as t; import saidwhen; print(callable(saidwhen.extract))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "True"


def test_the_public_call_extracts(nlp: object) -> None:
    from saidwhen import extract

    assert extract is saidwhen.extract
    rec = saidwhen.extract('"The ferry will run," Ida Moss said.', date="2021-05-04", nlp=nlp)
    assert [q.text for q in rec.quotes if q.kind == "direct"] == ["The ferry will run"]
    assert rec.quotes[0].speaker is not None and rec.quotes[0].speaker.name == "Ida Moss"
