"""``saidwhen eval polnear``: attribution accuracy on PolNeAR, through the shared scorer."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from saidwhen.cli import eval as eval_group
from saidwhen.cli.common import coded_errors, write_floors, write_floors_option
from saidwhen.eval.report import FLOOR_PATHS, format_summary

_FLOORS_COMMENT = (
    "Quality-gate floors for `saidwhen eval polnear --split dev`, checked by "
    "tests/test_quality_gate.py.  Raising a floor is part of the change that improves "
    "the metric: run `saidwhen eval polnear --split dev --write-floors "
    "tests/floors/polnear_dev.json` (it only ever moves floors up) and commit the file with "
    "the change.  Lowering one is a decision, made by hand in a commit that says why."
)


@eval_group.command("polnear")
@click.option(
    "--split",
    type=click.Choice(["train", "dev", "test"]),
    default="dev",
    show_default=True,
    help="Which split to score (tune on train, check on dev).",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The PolNeAR data directory (default: ../shared/data/polnear).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N articles.")
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the scorer's false positives, negatives and attribution errors here (JSONL).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scorer's whole dict as JSON.")
@write_floors_option
def polnear(
    split: str,
    data_dir: Path | None,
    limit: int | None,
    errors_path: Path | None,
    as_json: bool,
    floors_path: Path | None,
) -> None:
    """Score who-said-what on a PolNeAR split with the shared scorer.

    Prints detection (a), speaker accuracy (b), end to end (c), role spans
    (e) and linked triples (f), then the targets of issue 3 beside the
    measured numbers.
    """
    from saidwhen.eval.polnear import run_split

    if floors_path is not None and (split != "dev" or limit):
        raise click.UsageError(
            "--write-floors pins the whole dev split: use --split dev, no --limit"
        )
    started = time.perf_counter()
    with coded_errors():
        metrics, _ = run_split(split, data_dir, limit=limit, errors_path=errors_path)
    seconds = time.perf_counter() - started
    if as_json:
        click.echo(json.dumps({"split": split, **metrics}, indent=1, ensure_ascii=False))
    else:
        click.echo(format_summary(metrics, split=split))
        click.echo(f"\n{seconds:.1f} s", err=True)
    if errors_path is not None:
        click.echo(f"errors written to {errors_path}", err=True)
    if floors_path is not None:
        write_floors(
            floors_path, metrics, FLOOR_PATHS, comment=_FLOORS_COMMENT, header={"split": "dev"}
        )


_REALNEWS_COMMENT = (
    "Quality-gate floors for `saidwhen eval realnews`, checked by "
    "tests/test_quality_gate_realnews.py.  Raising a floor is part of the change that "
    "improves the metric: run `saidwhen eval realnews --write-floors "
    "tests/floors/realnews_dev.json` (it only ever moves floors up) and commit the file with "
    "the change.  Lowering one is a decision, made by hand in a commit that says why."
)


@eval_group.command("realnews")
@click.option(
    "--data-dir",
    "data_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The gold articles (default: ../shared/data/realnews-dev); repeat to score several "
    "as one set.  Our own annotations of PolNeAR articles: annotations/realnews-polnear/*.",
)
@click.option("--errors", is_flag=True, help="List misses, false quotes, wrong speakers and dates.")
@click.option("--by-article", is_flag=True, help="The scorer's figures for each article.")
@click.option(
    "--pred-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the predictions (the scorer's PRED_DIR format) in this directory.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@write_floors_option
def realnews(
    data_dirs: tuple[Path, ...],
    errors: bool,
    by_article: bool,
    pred_dir: Path | None,
    as_json: bool,
    floors_path: Path | None,
) -> None:
    """Score who-said-what on realnews-dev (real news, speakers as people).

    Prints direct-quote F1, speaker accuracy (name or same surname), the
    exact canonical name, reported statements with the right speaker and
    quote dates, as the shared scorer counts them.
    """
    from saidwhen.eval.realnews import FLOOR_KEYS, format_metrics, run_realnews

    started = time.perf_counter()
    with coded_errors():
        metrics, printout, _ = run_realnews(
            data_dirs or None, errors=errors, by_article=by_article, pred_dir=pred_dir
        )
    seconds = time.perf_counter() - started
    if printout:
        click.echo(printout.rstrip("\n"))
    if as_json:
        click.echo(json.dumps(metrics, indent=1, ensure_ascii=False))
    else:
        click.echo(format_metrics(metrics))
        click.echo(f"\n{seconds:.1f} s", err=True)
    if floors_path is not None:
        write_floors(floors_path, metrics, FLOOR_KEYS, comment=_REALNEWS_COMMENT)


@eval_group.command("agreement")
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The first annotation (a realnews gold directory, standoff or whole).",
)
@click.option(
    "--second",
    "second_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The second annotator's speakers and dates (annotations/agreement/SET).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def agreement(gold_dir: Path, second_dir: Path, as_json: bool) -> None:
    """How far two annotators agree on speakers and dates (the ceiling of eval realnews)."""
    from saidwhen.eval.agreement import agreement as measure
    from saidwhen.eval.agreement import format_agreement

    with coded_errors():
        m = measure(gold_dir, second_dir)
    click.echo(json.dumps(m, indent=1) if as_json else format_agreement(m))


@eval_group.command("bank-people")
@click.option(
    "--data-dir",
    "data_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="A realnews gold directory (repeat for several; default: ../shared/data/realnews-dev).",
)
@click.option("--errors", is_flag=True, help="List the people split and merged.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@write_floors_option
def bank_people(
    data_dirs: tuple[Path, ...], errors: bool, as_json: bool, floors_path: Path | None
) -> None:
    """Score the quote bank's people across articles (one person per real person).

    Ingests the articles of every --data-dir into one temporary bank and
    prints the share of people quoted in several articles kept as one bank
    person, and of namesakes (people of one surname) kept apart.
    """
    from saidwhen.eval.bank_people import FLOOR_COMMENT, FLOOR_KEYS, format_scores, run_bank_people

    if floors_path is not None and data_dirs:
        raise click.UsageError("--write-floors pins realnews-dev alone: give no --data-dir")
    started = time.perf_counter()
    with coded_errors():
        result = run_bank_people(data_dirs)
    seconds = time.perf_counter() - started
    if as_json:
        click.echo(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        click.echo(format_scores(result, errors=errors))
        click.echo(f"\n{seconds:.1f} s", err=True)
    if floors_path is not None:
        write_floors(floors_path, result, FLOOR_KEYS, comment=FLOOR_COMMENT)
