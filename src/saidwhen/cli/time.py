"""``saidwhen timeline`` and ``saidwhen eval tempeval``: the time commands."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from saidwhen.cli import eval as eval_group
from saidwhen.cli import main
from saidwhen.cli.common import (
    coded_errors,
    input_files,
    read_inputs,
    report_failures,
    write_floors,
    write_floors_option,
)
from saidwhen.errors import InputError

_FLOORS_COMMENT = (
    "Quality-gate floors for `saidwhen eval tempeval` (TempEval-3 TimeBank + AQUAINT), "
    "checked by tests/test_eval_tempeval.py.  Raising a floor is part of the change that "
    "improves the metric: run `saidwhen eval tempeval --write-floors "
    "tests/floors/tempeval.json` (it only ever moves floors up) and commit the file with the "
    "change.  Lowering one is a decision, made by hand in a commit that says why."
)
# Published HeidelTime numbers on the same data, and the goals.
_TARGETS = (
    ("strict span F1", "strict_F1", 0.84, 0.813),
    ("relaxed span F1", "relaxed_F1", 0.91, 0.903),
    ("type accuracy", "type_acc", None, None),
    ("value accuracy", "value_acc", None, None),
    ("value F1", "value_F1", 0.82, 0.776),
)


@main.command()
@input_files
@click.option("--json", "as_json", is_flag=True, help="Print the timeline as JSON.")
@click.option(
    "--svg",
    "svg_path",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Also draw the timeline as an SVG picture to this file.",
)
@click.option(
    "--undated/--no-undated",
    default=True,
    show_default=True,
    help="Show quotes the text does not date (at their article's date).",
)
def timeline(
    files: tuple[str, ...],
    date: dt.date | None,
    as_json: bool,
    svg_path: Path | None,
    undated: bool,
) -> None:
    """The events and quotes of FILES in date order ('-' reads standard input)."""
    from saidwhen.io.writers import printable
    from saidwhen.model import ArticleRecord
    from saidwhen.pipeline import extract_or_fail
    from saidwhen.timeline import build_timeline, format_json, format_table, render_svg

    failures: list[InputError] = []
    with coded_errors():
        articles = list(read_inputs(files, date, failures))
        records: list[ArticleRecord] = []
        for rec in extract_or_fail(articles):
            if isinstance(rec, InputError):
                click.echo(f"saidwhen: error: {rec}", err=True)
                failures.append(rec)
            else:
                records.append(rec)
    entries = build_timeline(records, undated_quotes=undated)
    click.echo(format_json(entries) if as_json else printable(format_table(entries)), nl=False)
    if svg_path is not None:
        title = "saidwhen timeline: " + ", ".join(r.id for r in records[:3])
        if len(records) > 3:
            title += f" and {len(records) - 3} more"
        svg_path.write_text(render_svg(entries, title=title), encoding="utf-8")
        click.echo(f"saidwhen: wrote {svg_path}", err=True)
    report_failures(failures, len(articles) + len(failures))


@eval_group.command("tempeval")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The TempEval-3 TBAQ-cleaned directory (default: ../shared/data/tempeval3-tbaq).",
)
@click.option(
    "--scorer",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The shared scorer te3lib.py (default: ../../eval/te3lib.py from the data).",
)
@click.option("--json", "as_json", is_flag=True, help="Print scores and timing as JSON.")
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the scorer's misses, false positives and wrong values here (TSV).",
)
@write_floors_option
def tempeval(
    data_dir: Path | None,
    scorer: Path | None,
    as_json: bool,
    errors_path: Path | None,
    floors_path: Path | None,
) -> None:
    """Score temporal expressions and their values on TempEval-3 (TimeBank + AQUAINT)."""
    from saidwhen.eval.tempeval import METRICS, run_tempeval

    with coded_errors():
        report = run_tempeval(data_dir, scorer=scorer)
    if errors_path is not None:
        with errors_path.open("w", encoding="utf-8") as f:
            for row in report.errors:
                f.write("\t".join("" if c is None else str(c) for c in row) + "\n")
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1))
    else:
        s = report.scores
        click.echo(
            f"TempEval-3 TBAQ: {report.documents} documents, {int(s['gold'])} gold timexes, "
            f"{int(s['system'])} found, {report.ms_per_article:.2f} ms per article"
        )
        click.echo(f"{'':<18} {'measured':>8} {'target':>8} {'HeidelTime':>10}")
        for label, key, goal, base in _TARGETS:
            g = f">= {goal:.2f}" if goal is not None else ""
            b = f"{base:.3f}" if base is not None else ""
            click.echo(f"{label:<18} {s[key]:>8.4f} {g:>8} {b:>10}")
    if floors_path is not None:
        # Floors are rounded down, so that the pinned value is always reachable.
        measured = {k: int(report.scores[k] * 10000) / 10000 for k in METRICS}
        write_floors(
            floors_path,
            measured,
            METRICS,
            comment=_FLOORS_COMMENT,
            header={"data": "TimeBank + AQUAINT"},
        )
