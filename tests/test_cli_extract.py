"""The extract command: formats, standard input, and a batch with failures."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from saidwhen.cli import main

ARTICLE = 'date 2021-05-04\nNurse Amy Cho smiled. "We made it," she said.\n'


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return str(path)


def test_json_for_one_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", write(tmp_path, "a.txt", ARTICLE)])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.output)
    assert rec["date"] == "2021-05-04" and rec["id"] == "a"
    assert [(q["text"], q["speaker"]["name"]) for q in rec["quotes"]] == [("We made it", "Amy Cho")]


def test_jsonl_from_stdin_with_date_option() -> None:
    text = 'Pilot Omar Haddad waved. "Clear skies," he said.\n'
    result = CliRunner().invoke(
        main, ["extract", "-", "--date", "2019-02-03", "--format", "jsonl"], input=text
    )
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    assert json.loads(line)["date"] == "2019-02-03"


def test_table_shows_speaker_and_quote(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["extract", write(tmp_path, "a.txt", ARTICLE), "--format", "table"]
    )
    assert result.exit_code == 0
    row = next(line for line in result.output.splitlines() if "We made it" in line)
    assert row.startswith("Amy Cho")


def test_batch_goes_on_after_bad_inputs(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", ARTICLE)
    empty = write(tmp_path, "empty.txt", b"")
    binary = write(tmp_path, "blob.txt", b"\x00\xff\x00")
    undated = write(tmp_path, "undated.txt", "No date here.")
    result = CliRunner().invoke(
        main, ["extract", empty, good, binary, undated, "--format", "jsonl"]
    )
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert [json.loads(line)["id"] for line in lines] == ["good"]
    for name in ("empty.txt", "blob.txt", "undated.txt"):
        assert name in result.stderr
    assert "3 of 4 inputs failed" in result.stderr


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for name, cmd in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert cmd.help, f"{name} has no help text"
        assert cmd.help.split("\n")[0][:20] in result.output


TOPIC_ARTICLE = (
    "date 2021-05-04\nCouncillor Rita Vance discussed the parking fees at the meeting. "
    "She said that the fees would double in June.\n"
)


def test_json_flags_topics(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", write(tmp_path, "t.txt", TOPIC_ARTICLE)])
    assert result.exit_code == 0, result.output
    flags = {q["text"]: q["topic"] for q in json.loads(result.output)["quotes"]}
    assert flags == {
        "the parking fees at the meeting": True,
        "that the fees would double in June": False,
    }


def test_table_marks_topics(tmp_path: Path) -> None:
    path = write(tmp_path, "t.txt", TOPIC_ARTICLE)
    result = CliRunner().invoke(main, ["extract", path, "--format", "table"])
    assert result.exit_code == 0, result.output
    rows = result.output.splitlines()
    topic = next(line for line in rows if "parking fees" in line)
    said = next(line for line in rows if "would double" in line)
    assert "| topic    |" in topic
    assert "| indirect |" in said
    assert rows[-1].startswith("topic: reported speech that names what was talked about")
    assert rows[0].endswith(": 1 quote, 1 topic")  # the count keeps the two apart


def test_table_without_topics_has_no_topic_note(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["extract", write(tmp_path, "a.txt", ARTICLE), "--format", "table"]
    )
    assert "topic" not in result.output


def test_table_wraps_a_long_speaker_and_names_a_repeat() -> None:
    import datetime as dt

    from saidwhen.io.writers import format_table
    from saidwhen.model import ArticleRecord, Quote, Speaker

    pair = Speaker("Marta Oyelaran-Whitfield and Jon Bex", "they", 0, 4, "person")
    words = "The bridge stays shut until spring"
    rec = ArticleRecord(
        id="bridge",
        date=dt.date(2022, 3, 1),
        quotes=(
            Quote(words, 10, 44, "direct", speaker=pair),
            Quote(words, 90, 124, "direct", speaker=pair, repeat_of=0),
        ),
    )
    rows = format_table(rec, width=100).splitlines()[3:-1]
    assert [r.split(" | ")[0].strip() for r in rows] == [
        "Marta",
        "Oyelaran-Whitfield",
        "and Jon Bex",
        "Marta",
        "Oyelaran-Whitfield",
        "and Jon Bex",
    ]
    quote_cells = [r.split(" | ")[3] if r.count(" | ") == 3 else "" for r in rows]
    assert quote_cells[:3] == [words, "", ""]
    assert " ".join(c for c in quote_cells[3:] if c) == f"{words} (repeats an earlier row)"
    assert all(len(r) <= 100 for r in rows)
