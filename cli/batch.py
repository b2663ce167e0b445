"""Many files: what to read (folders, globs, exclusions, .gitignore), how (one process per core),
and what each file's run came to (`Outcome`).

The analysis of one file (`process`) is a plain function of an `Item` and its `Settings`, both
picklable, so that worker processes can run it. Each worker loads the model once; results come
back in input order, so the output is the same byte for byte whatever `--jobs` is.
"""

from __future__ import annotations

import dataclasses
import glob
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pathspec

from newscheck.cli import ignores
from newscheck.cli.config import FileConfig, Resolver, known_ids
from newscheck.cli.exitcodes import ExitCode
from newscheck.nlp.checks.registry import all_rules
from newscheck.nlp.checks.ruledocs import PSEUDO_RULES, UNUSED_IGNORE
from newscheck.nlp.report import Report
from newscheck.nlp.types import CheckResult, Position

#: What a folder is searched for (explicitly named files are read whatever their suffix).
DRAFT_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".txt"})
#: Folders never entered: version control and tool caches hold no drafts.
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox"}
)
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Item:
    """One input: a file, or stdin read beforehand (workers cannot read the parent's stdin)."""

    name: str  # display name: the path as found, or --stdin-filename / "-"
    path: Path | None  # None for stdin
    data: bytes | None = None  # stdin's bytes
    config_path: Path | None = None  # where its configuration is looked up from


@dataclass(frozen=True, slots=True)
class Settings:
    """What applies to one file: its configuration merged with the command line."""

    enabled: frozenset[str]
    severity: tuple[tuple[str, str], ...] = ()
    fail_on: str = "error"
    as_of: date | None = None
    rates: Path | None = None
    model: str | None = None
    sentences: int = 3
    report_unused_ignores: bool = False
    timeout: float | None = None  # seconds per file (--timeout); None or 0: none


@dataclass(frozen=True, slots=True)
class Options:
    """The command line's say, which wins over configuration files."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    fail_on: str | None = None
    as_of: date | None = None
    rates: Path | None = None
    model: str | None = None
    sentences: int | None = None
    report_unused_ignores: bool = False
    timeout: float | None = None


def settings_for(cfg: FileConfig, opts: Options, path: Path | None) -> Settings:
    registered = frozenset(r.id for r in all_rules())
    everything = registered | frozenset(PSEUDO_RULES)
    chosen = opts.select if opts.select is not None else cfg.select
    enabled = (chosen if chosen is not None else everything) - cfg.ignore - opts.ignore
    if path is not None:
        enabled -= cfg.ignored_for(path)
    if opts.report_unused_ignores and UNUSED_IGNORE not in cfg.ignore | opts.ignore:
        # Asked for on the command line: not lost to a `select` written for the real rules.
        enabled |= {UNUSED_IGNORE}
    return Settings(
        enabled=frozenset(enabled),
        severity=cfg.severity,
        fail_on=opts.fail_on or cfg.fail_on or "error",
        as_of=opts.as_of or cfg.as_of,
        rates=opts.rates or cfg.rates,
        model=opts.model or cfg.model,
        sentences=opts.sentences if opts.sentences is not None else (cfg.sentences or 3),
        report_unused_ignores=opts.report_unused_ignores,
        timeout=opts.timeout,
    )


# ---------------------------------------------------------------- finding the files


@dataclass
class Collected:
    items: list[Item] = field(default_factory=list)
    excluded: int = 0  # by --exclude or a configuration's exclude
    gitignored: int = 0
    problems: list[str] = field(default_factory=list)  # one line each, exit 2


class _GitIgnores:
    """The .gitignore files of the folders walked, and of their parents up to the repository."""

    def __init__(self) -> None:
        self._specs: dict[Path, pathspec.PathSpec | None] = {}

    def _spec(self, folder: Path) -> pathspec.PathSpec | None:
        if folder not in self._specs:
            gi = folder / ".gitignore"
            try:
                lines = gi.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                lines = None
            self._specs[folder] = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[folder]

    @staticmethod
    def top(folder: Path) -> Path:
        """The repository root above `folder` (where .git is), else `folder` itself."""
        for d in (folder, *folder.parents):
            if (d / ".git").exists():
                return d
        return folder

    def ignored(self, path: Path, top: Path, *, is_dir: bool) -> bool:
        # The deepest .gitignore with an opinion decides (a later "!pattern" re-includes).
        verdict: bool | None = None
        rel_parts = path.relative_to(top).parts
        folder = top
        for i in range(len(rel_parts)):
            spec = self._spec(folder)
            if spec is not None:
                rel = "/".join(rel_parts[i:]) + ("/" if is_dir else "")
                res = spec.check_file(rel)
                if res.include is not None:
                    verdict = res.include
            folder = folder / rel_parts[i]
        return bool(verdict)


def collect(
    args: Iterable[str],
    *,
    resolver: Resolver,
    exclude: tuple[str, ...] = (),
    stdin_filename: str | None = None,
    read_stdin: Callable[[], bytes] | None = None,
) -> Collected:
    """Expand the arguments into files, in order, without duplicates."""
    out = Collected()
    cli_spec = pathspec.GitIgnoreSpec.from_lines(exclude) if exclude else None
    cwd = Path.cwd().resolve()
    seen: set[Path] = set()
    gitignores = _GitIgnores()

    def excluded(p: Path) -> bool:
        if cli_spec is not None:
            try:
                rel = p.resolve().relative_to(cwd).as_posix()
            except ValueError:
                rel = p.as_posix()
            if cli_spec.match_file(rel):
                return True
        return resolver.for_path(p).excluded(p)

    def add(p: Path, name: str) -> None:
        key = p.resolve()
        if key in seen:
            return
        seen.add(key)
        if excluded(p):
            out.excluded += 1
            return
        out.items.append(Item(name=name, path=p, config_path=p))

    def walk(root: Path) -> None:
        top = _GitIgnores.top(root.resolve())
        for folder, dirs, files in os.walk(root):
            here = Path(folder)
            keep = []
            for d in sorted(dirs):
                sub = here / d
                if d in SKIP_DIRS:
                    continue
                if gitignores.ignored(sub.resolve(), top, is_dir=True):
                    out.gitignored += 1
                    continue
                if excluded(sub / "_"):  # a pattern naming the folder excludes what is in it
                    out.excluded += 1
                    continue
                keep.append(d)
            dirs[:] = keep
            for f in sorted(files):
                p = here / f
                if p.suffix.lower() not in DRAFT_SUFFIXES:
                    continue
                if gitignores.ignored(p.resolve(), top, is_dir=False):
                    out.gitignored += 1
                    continue
                add(p, str(p))

    for arg in args:
        if arg == "-":
            data = read_stdin() if read_stdin else b""
            name = stdin_filename or "-"
            where = Path(stdin_filename) if stdin_filename else Path.cwd() / "-"
            out.items.append(Item(name=name, path=None, data=data, config_path=where))
            continue
        if arg == "":
            # Path("") is the current folder: an empty name must not analyse all of it.
            from newscheck.nlp.errors import Errors, SourceError

            out.problems.append(f"newscheck: error: {SourceError(Errors.E015, repr(arg))}")
            continue
        p = Path(arg)
        if p.is_dir():
            walk(p)
        elif not p.exists() and _GLOB_CHARS & set(arg):
            # A quoted glob (the shell did not expand it, as on Windows or in a hook's args).
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                out.problems.append(f"newscheck: error: {arg}: no file matches this pattern")
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    walk(mp)
                elif mp.suffix.lower() in DRAFT_SUFFIXES:
                    add(mp, m)
        else:
            # Named explicitly: read whatever its suffix; a missing file is reported by the reader.
            add(p, arg)
    return out


# ---------------------------------------------------------------- one file


@dataclass(slots=True)
class Outcome:
    name: str
    report: Report | None
    code: ExitCode  # OK, or USAGE / INTERNAL for a file that could not be analysed
    messages: list[str]  # stderr lines, in order
    settings: Settings


def process(item: Item, settings: Settings) -> Outcome:
    """Read, analyse and apply the settings and inline ignores to one file. Never raises."""
    from newscheck.cli.limits import time_limit
    from newscheck.nlp.analyze import analyze_source
    from newscheck.nlp.errors import Errors, NewscheckError, SourceError
    from newscheck.nlp.source import from_bytes, read_path

    messages: list[str] = []
    name = item.name
    try:
        with time_limit(settings.timeout, name):
            if item.path is None:
                if len(item.data or b"") > 5_000_000:
                    raise SourceError(
                        Errors.E004, name, size=len(item.data or b""), limit=5_000_000
                    )
                src = from_bytes(item.data or b"", name=name)
            else:
                src = read_path(item.path)
                src.path = name
            report = analyze_source(
                src,
                as_of=settings.as_of,
                model=settings.model,
                sentences=settings.sentences,
                rates=_rates(settings.rates),
            )
        messages += [f"newscheck: note: {name}: {note}" for note in report.notes]
        directives = ignores.parse(src.original, known_ids())
        report.checks = _apply(report.checks, settings, directives, src.line_col, src.original)
        if not settings.report_unused_ignores:
            for d, msg in ignores.unused(directives):
                if d.unknown:
                    messages.append(f"newscheck: warning: {name}:{d.line}: {msg}")
    except NewscheckError as exc:  # unreadable, out of range, too long or too slow
        return Outcome(
            name, None, ExitCode.USAGE, [*messages, f"newscheck: error: {exc}"], settings
        )
    except Exception as exc:  # one line per file, never a traceback
        line = (
            f"newscheck: error: {name}: internal error ({type(exc).__name__}: {exc}); "
            "please report it with the file"
        )
        return Outcome(name, None, ExitCode.INTERNAL, [*messages, line], settings)
    return Outcome(name, report, ExitCode.OK, messages, settings)


def _rates(path: Path | None):  # type: ignore[no-untyped-def]
    if path is None:
        return None
    from newscheck.nlp.checks.rates import ReferenceRates

    return ReferenceRates.load(path)  # cached per path by the rates module


def _apply(
    checks: list[CheckResult],
    settings: Settings,
    directives: list[ignores.Directive],
    line_col: Callable[[int], tuple[int, int]],
    original: str,
) -> list[CheckResult]:
    sev = dict(settings.severity)
    kept = [c for c in checks if c.id in settings.enabled]
    kept = [
        dataclasses.replace(c, severity=sev[c.id]) if c.id in sev else c  # type: ignore[arg-type]
        for c in kept
    ]
    kept = ignores.apply(kept, directives)
    if settings.report_unused_ignores and UNUSED_IGNORE in settings.enabled:
        rule, name, severity, _ = PSEUDO_RULES[UNUSED_IGNORE]
        for d, msg in ignores.unused(directives, settings.enabled):
            start, end = d.start, d.end
            line, column = line_col(start)
            pos = Position(start, end, line, column, original[start:end])
            kept.append(
                CheckResult(
                    id=UNUSED_IGNORE,
                    rule=rule,
                    name=name,
                    status="fail",
                    severity=sev.get(UNUSED_IGNORE, severity),  # type: ignore[arg-type]
                    message=msg,
                    figures=(),
                    spans=(pos,),
                )
            )
    kept.sort(key=lambda r: (r.start, r.spans[0].end if r.spans else 0, r.id, r.message))
    return kept


# ---------------------------------------------------------------- many files


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(models: tuple[str | None, ...]) -> None:
    """Load each model once per worker (a no-op under fork: the parent's copy is inherited)."""
    import signal

    from newscheck.nlp.pipeline import load_pipeline

    # Ctrl-C is the parent's to handle (one "interrupted" line); workers finish their file.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    for m in models:
        load_pipeline(m)


def _process_pair(pair: tuple[Item, Settings]) -> Outcome:
    return process(*pair)


def run(
    work: list[tuple[Item, Settings]],
    *,
    jobs: int,
    on_done: Callable[[], None] | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order. `jobs` > 1 spreads the files over worker processes."""
    workers = min(jobs, len(work))
    if workers <= 1:
        for pair in work:
            yield _process_pair(pair)
            if on_done:
                on_done()
        return
    models = tuple(sorted({s.model for _, s in work}, key=lambda m: m or ""))
    # fork shares the loaded model and costs no start-up; elsewhere each worker loads it.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(models,)
    ) as pool:
        futures = [pool.submit(_process_pair, pair) for pair in work]
        try:
            for fut in futures:
                yield fut.result()
                if on_done:
                    on_done()
        finally:
            for fut in futures:
                fut.cancel()


__all__ = [
    "Collected",
    "Item",
    "Options",
    "Outcome",
    "Settings",
    "collect",
    "default_jobs",
    "process",
    "run",
    "settings_for",
]
