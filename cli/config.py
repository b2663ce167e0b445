"""Configuration: `[tool.newscheck]` in pyproject.toml, or a `.newscheck.toml`, found per file.

For each input file the nearest configuration in its folder or a folder above wins (ruff's
rule): in one folder `.newscheck.toml` comes before a pyproject.toml, and a pyproject.toml
without a `[tool.newscheck]` table is passed over. `--config FILE` names one for every file;
`--isolated` ignores them all. Command-line options win over the file.

Keys (kebab-case, as in the README): select, ignore, per-file-ignores, severity, fail-on,
exclude, as-of, rates, model, sentences. Any other key, a rule id newscheck does not have, or a
value of the wrong type is a `ConfigError`: one line naming the file, exit 2.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

import pathspec

from newscheck.nlp.checks.registry import all_rules
from newscheck.nlp.checks.ruledocs import PSEUDO_RULES

CONFIG_NAMES = (".newscheck.toml", "pyproject.toml")
SEVERITIES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "info", "never")
KEYS = (
    "select",
    "ignore",
    "per-file-ignores",
    "severity",
    "fail-on",
    "exclude",
    "as-of",
    "rates",
    "model",
    "sentences",
)


class ConfigError(Exception):
    """A configuration that cannot be used; `str()` is the one line the CLI prints."""


def known_ids() -> list[str]:
    return sorted([*PSEUDO_RULES, *(r.id for r in all_rules())])


def expand_selector(sel: str, where: str) -> frozenset[str]:
    """'NC101' -> {NC101}; a prefix 'NC11' -> {NC111, NC112}; 'ALL' -> every rule.

    A selector that names no rule is an error, as in ruff: a typo must not silently
    select or ignore nothing.
    """
    ids = known_ids()
    s = sel.strip().upper()
    if s == "ALL":
        return frozenset(ids)
    hit = frozenset(i for i in ids if i.startswith(s)) if len(s) >= 3 else frozenset()
    if not hit:
        raise ConfigError(f"{where}: unknown rule id {sel!r} (see `newscheck rules`)")
    return hit


def _selectors(value: object, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of rule ids, got {value!r}")
    out: frozenset[str] = frozenset()
    for v in value:
        out |= expand_selector(v, where)
    return out


@dataclass(frozen=True, slots=True)
class FileConfig:
    """One configuration file, validated. Paths in it are relative to its folder."""

    path: Path | None  # None for the built-in defaults
    root: Path  # folder that `exclude` and `per-file-ignores` patterns are relative to
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_on: str | None = None
    exclude: tuple[str, ...] = ()
    as_of: date | None = None
    rates: Path | None = None
    model: str | None = None
    sentences: int | None = None
    _exclude_spec: Any = field(default=None, compare=False, repr=False)
    _pfi_specs: tuple[Any, ...] = field(default=(), compare=False, repr=False)

    def excluded(self, path: Path) -> bool:
        rel = _relative(path, self.root)
        return (
            rel is not None
            and self._exclude_spec is not None
            and self._exclude_spec.match_file(rel)
        )

    def ignored_for(self, path: Path) -> frozenset[str]:
        rel = _relative(path, self.root)
        out: frozenset[str] = frozenset()
        if rel is None:
            return out
        for (_pattern, ids), spec in zip(self.per_file_ignores, self._pfi_specs, strict=True):
            if spec.match_file(rel):
                out |= ids
        return out


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def parse(table: dict[str, Any], *, path: Path | None, root: Path) -> FileConfig:
    """Validate one `[tool.newscheck]` table (or a whole .newscheck.toml)."""
    where = str(path) if path else "configuration"
    for key in table:
        if key not in KEYS:
            hint = (
                f"; did you mean {key.replace('_', '-')!r}?"
                if key.replace("_", "-") in KEYS
                else ""
            )
            raise ConfigError(f"{where}: unknown key {key!r} in [tool.newscheck]{hint}")
    kw: dict[str, Any] = {}
    if "select" in table:
        kw["select"] = _selectors(table["select"], f"{where}: select")
    if "ignore" in table:
        kw["ignore"] = _selectors(table["ignore"], f"{where}: ignore")
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{where}: per-file-ignores must be a table of glob = [rule ids]")
        kw["per_file_ignores"] = tuple(
            (str(pattern), _selectors(ids, f"{where}: per-file-ignores {pattern!r}"))
            for pattern, ids in pfi.items()
        )
    if "severity" in table:
        sev = table["severity"]
        if not isinstance(sev, dict):
            raise ConfigError(f"{where}: severity must be a table of rule id = severity")
        pairs = []
        for rid, level in sev.items():
            if level not in SEVERITIES:
                raise ConfigError(
                    f"{where}: severity {rid}: {level!r} is not one of {', '.join(SEVERITIES)}"
                )
            for i in sorted(expand_selector(rid, f"{where}: severity")):
                pairs.append((i, level))
        kw["severity"] = tuple(pairs)
    if "fail-on" in table:
        if table["fail-on"] not in FAIL_ON:
            raise ConfigError(
                f"{where}: fail-on {table['fail-on']!r} is not one of {', '.join(FAIL_ON)}"
            )
        kw["fail_on"] = table["fail-on"]
    if "exclude" in table:
        ex = table["exclude"]
        if not isinstance(ex, list) or not all(isinstance(v, str) for v in ex):
            raise ConfigError(f"{where}: exclude must be a list of glob patterns")
        kw["exclude"] = tuple(ex)
    if "as-of" in table:
        kw["as_of"] = _as_of(table["as-of"], where)
    if "rates" in table:
        if not isinstance(table["rates"], str):
            raise ConfigError(f"{where}: rates must be a file path")
        kw["rates"] = (root / table["rates"]).resolve()
    if "model" in table:
        if not isinstance(table["model"], str) or not table["model"]:
            raise ConfigError(f"{where}: model must be a spaCy model name or path")
        kw["model"] = table["model"]
    if "sentences" in table:
        n = table["sentences"]
        if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= 50:
            raise ConfigError(f"{where}: sentences must be a whole number from 0 to 50")
        kw["sentences"] = n
    spec = pathspec.GitIgnoreSpec.from_lines(kw["exclude"]) if kw.get("exclude") else None
    pfi_specs = tuple(
        pathspec.GitIgnoreSpec.from_lines([pattern])
        for pattern, _ in kw.get("per_file_ignores", ())
    )
    return FileConfig(path=path, root=root, _exclude_spec=spec, _pfi_specs=pfi_specs, **kw)


def _as_of(value: object, where: str) -> date:
    if isinstance(value, date):  # a TOML date: as-of = 2026-04-24
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(f"{where}: as-of {value!r} is not a date (YYYY-MM-DD)")


@lru_cache(maxsize=256)
def load_file(path: Path) -> FileConfig | None:
    """Read one candidate file. None: a pyproject.toml without a [tool.newscheck] table."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("newscheck")
        if table is None:
            return None
    else:
        # .newscheck.toml: the keys at the top level, or under [tool.newscheck] as in pyproject.
        table = data.get("tool", {}).get("newscheck", data) if "tool" in data else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.newscheck] must be a table")
    return parse(table, path=path, root=path.parent.resolve())


@lru_cache(maxsize=1024)
def _nearest(folder: Path) -> FileConfig | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file():
            found = load_file(candidate)
            if found is not None:
                return found
    if folder.parent == folder:
        return None
    return _nearest(folder.parent)


@dataclass(frozen=True, slots=True)
class Resolver:
    """Finds the configuration of each file, as the command line asked."""

    explicit: Path | None = None  # --config FILE
    isolated: bool = False  # --isolated

    def for_path(self, path: Path) -> FileConfig:
        """The configuration that governs `path` (a file, possibly not existing yet)."""
        if self.isolated:
            return FileConfig(path=None, root=Path.cwd().resolve())
        if self.explicit is not None:
            cfg = load_file(self.explicit.resolve())
            if cfg is None:
                raise ConfigError(f"{self.explicit}: no [tool.newscheck] table")
            return cfg
        folder = path.resolve().parent
        return _nearest(folder) or FileConfig(path=None, root=Path.cwd().resolve())

    def check(self) -> None:
        """Fail early on a bad --config, before any file is read."""
        if self.explicit is not None and not self.isolated:
            if not self.explicit.is_file():
                raise ConfigError(f"--config {self.explicit}: file not found")
            self.for_path(Path.cwd())


def clear_cache() -> None:
    """Forget the files read (tests write configurations between runs)."""
    load_file.cache_clear()
    _nearest.cache_clear()
