"""``accord overlaps``: which texts of one or more files say the same thing, scored and
explained. It only reads the files: no database, so no Django set-up."""

from __future__ import annotations

import json
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from accord.cli.common import CliError, one_line, progress_bar, reports_errors

PROGRESS_FROM = 5_000
"""Corpora of at least this many texts show a progress bar on stderr (when it is a terminal)."""


class Method(StrEnum):
    lexical = "lexical"
    semantic = "semantic"
    hybrid = "hybrid"


@reports_errors
def overlaps(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Working documents (.docx or text export) or plain-text corpora "
            "(one text per numbered item or paragraph).",
            metavar="PATH",
            show_default=False,
        ),
    ],
    top: Annotated[
        int | None, typer.Option("--top", min=1, help="Show only the N best pairs.")
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold",
            min=0.0,
            max=1.0,
            help="Lowest score reported; the method's calibrated threshold by default.",
        ),
    ] = None,
    method: Annotated[
        Method, typer.Option("--method", case_sensitive=False, help="How texts are compared.")
    ] = Method.lexical,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object: pairs and clusters.")
    ] = False,
) -> None:
    """Find overlapping texts (outcomes, resolutions, study Questions, priorities) to merge.

    Each item of a working document is a text, named by its id; a plain corpus gives one
    text per numbered item or paragraph, named by the file's stem and the number (e.g.
    resolutions:37). Ids found in more than one file are prefixed with the file's stem.
    Pairs are listed best first, with the phrases both texts share; clusters group texts
    linked by pairs. Warnings go to stderr.
    """
    from accord.engines.overlap import OverlapError, find_overlaps

    try:
        texts = corpus_of(paths)
        with progress_bar("Comparing texts", len(texts), shown_from=PROGRESS_FROM) as report:
            result = find_overlaps(
                texts, method=str(method), threshold=threshold, top=top, progress=report
            )
    except OverlapError as error:
        raise CliError(str(error)) from None
    for warning in result.warnings:
        typer.echo(f"accord: warning: {warning}", err=True)
    report_data = overlap_report(result)
    if as_json:
        typer.echo(json.dumps(report_data, ensure_ascii=False))
        return
    for line in _listing(report_data, len(texts), result.method):
        typer.echo(line)


def corpus_of(paths: list[Path]) -> list[Any]:
    """The texts of every file in order; an id found in several files is prefixed with the
    stem of each file it comes from."""
    from accord.engines.overlap import Text
    from accord.engines.overlap.corpus import read_corpus

    corpora = [(path, read_corpus(path)) for path in paths]
    files_of: Counter[str] = Counter()
    for _, texts in corpora:
        files_of.update({text.id for text in texts})
    out = []
    for path, texts in corpora:
        for text in texts:
            if files_of[text.id] > 1:
                text = Text(f"{path.stem}:{text.id}", text.text, text.kind, text.source)
            out.append(text)
    return out


def overlap_report(result: Any) -> dict[str, Any]:
    """The JSON object: pairs best first (scores to 4 decimals) and clusters."""
    return {
        "pairs": [
            {"a": pair.a, "b": pair.b, "score": round(pair.score, 4), "shared": list(pair.shared)}
            for pair in result.pairs
        ],
        "clusters": [list(group) for group in result.clusters],
    }


def _listing(report: dict[str, Any], count: int, method: str) -> list[str]:
    lines = []
    for pair in report["pairs"]:
        lines.append(f"{pair['score']:.4f}  {pair['a']}  ~  {pair['b']}")
        lines.extend(f"        shared: {one_line(phrase)}" for phrase in pair["shared"])
    for number, group in enumerate(report["clusters"], start=1):
        lines.append(f"cluster {number}: {', '.join(group)}")
    pairs, clusters = len(report["pairs"]), len(report["clusters"])
    lines.append(
        f"{count} texts, {pairs} {'pair' if pairs == 1 else 'pairs'} ({method}), "
        f"{clusters} {'cluster' if clusters == 1 else 'clusters'}."
    )
    return lines
