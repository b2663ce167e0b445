"""ECB reference rates: the shipped history, cross rates, legacy currencies, custom files."""

from __future__ import annotations

import csv
import io
import math
import zipfile
from datetime import date
from pathlib import Path

import pytest

from newscheck.nlp.checks.rates import (
    FIXED_TO_EUR,
    ReferenceRates,
    desk_window,
    period_bounds,
    reporting_window,
    shipped_path,
    stated_bounds,
)
from newscheck.nlp.types import Figure


@pytest.fixture(scope="module")
def rates() -> ReferenceRates:
    return ReferenceRates.load()


@pytest.fixture(scope="module")
def raw() -> dict[date, dict[str, float]]:
    """The shipped file read independently of the code under test."""
    with zipfile.ZipFile(shipped_path()) as zf:
        text = zf.read(zf.namelist()[0]).decode()
    out: dict[date, dict[str, float]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        out[date.fromisoformat(row["Date"])] = {
            k: float(v) for k, v in row.items() if k and k != "Date" and v not in ("N/A", "")
        }
    return out


def test_shipped_history_spans_the_ecb_days(rates: ReferenceRates, raw) -> None:  # type: ignore[no-untyped-def]
    assert rates.first_date == min(raw) == date(1999, 1, 4)
    assert rates.last_date == max(raw)
    assert {"EUR", "USD", "GBP", "JPY", "DEM", "FRF"} <= rates.currencies()
    assert rates.source.endswith("eurofxref-hist.zip")


def test_one_day_is_the_published_rate(rates: ReferenceRates, raw) -> None:  # type: ignore[no-untyped-def]
    day = date(2026, 1, 2)
    usd = raw[day]["USD"]
    r = rates.range("EUR", "USD", day, day)
    assert r is not None
    assert (r.low, r.high, r.mean, r.days) == (usd, usd, usd, 1)
    assert r.first == r.last == day
    # And the other way round.
    inv = rates.range("USD", "EUR", day, day)
    assert inv is not None and inv.low == pytest.approx(1 / usd)


def test_cross_rate_is_quote_over_base_per_day(rates: ReferenceRates, raw) -> None:  # type: ignore[no-untyped-def]
    start, end = date(2026, 1, 1), date(2026, 1, 31)
    per_day = {d: v["USD"] / v["GBP"] for d, v in raw.items() if start <= d <= end}
    r = rates.range("GBP", "USD", start, end)
    assert r is not None
    assert r.low == pytest.approx(min(per_day.values()))
    assert r.high == pytest.approx(max(per_day.values()))
    assert r.mean == pytest.approx(sum(per_day.values()) / len(per_day))
    assert r.days == len(per_day)
    assert (r.first, r.last) == (min(per_day), max(per_day))
    assert (r.start, r.end) == (start, end)


def test_q1_2026_usd_range_is_what_the_conversion_rule_relies_on(rates: ReferenceRates) -> None:
    r = rates.range("EUR", "USD", date(2026, 1, 1), date(2026, 3, 31))
    assert r is not None
    assert 1.14 < r.low < 1.16 and 1.19 < r.high < 1.21
    # 1 January has no fixing: the first ECB day is the 2nd.
    assert (r.first, r.last, r.days) == (date(2026, 1, 2), date(2026, 3, 31), 63)


def test_legacy_currencies_use_the_irrevocable_rates(rates: ReferenceRates, raw) -> None:  # type: ignore[no-untyped-def]
    day = date(2026, 1, 2)
    dem = rates.range("EUR", "DEM", day, day)
    assert dem is not None and dem.low == dem.high == 1.95583
    frf = rates.range("DEM", "FRF", day, day)
    assert frf is not None and frf.low == pytest.approx(6.55957 / 1.95583)
    usd = rates.range("DEM", "USD", day, day)
    assert usd is not None and usd.low == pytest.approx(raw[day]["USD"] / 1.95583)
    # The ITL rate applies from 1999 on, every ECB day.
    itl = rates.range("ITL", "EUR", date(1999, 1, 1), date(1999, 1, 31))
    assert itl is not None and itl.high == pytest.approx(1 / 1936.27) and itl.days > 15


def test_legacy_currency_before_its_fixed_date_has_no_rate(rates: ReferenceRates) -> None:
    assert rates.range("EUR", "DEM", date(1998, 1, 1), date(1998, 12, 31)) is None
    # Greece joined in 2001 and the ECB did not quote GRD before.
    assert rates.range("EUR", "GRD", date(2000, 6, 1), date(2000, 6, 30)) is None
    grd = rates.range("EUR", "GRD", date(2001, 1, 1), date(2001, 1, 31))
    assert grd is not None and grd.low == 340.75


def test_currency_quoted_by_the_ecb_then_fixed(rates: ReferenceRates, raw) -> None:  # type: ignore[no-untyped-def]
    # Cyprus: ECB-quoted until 2007, irrevocably fixed from 2008.
    quoted = rates.range("EUR", "CYP", date(2005, 3, 1), date(2005, 3, 1))
    assert quoted is not None and quoted.low == raw[date(2005, 3, 1)]["CYP"]
    fixed = rates.range("EUR", "CYP", date(2010, 3, 1), date(2010, 3, 1))
    assert fixed is not None and fixed.low == FIXED_TO_EUR["CYP"][0]


def test_no_rate_for_unknown_currency_or_a_period_without_ecb_days(rates: ReferenceRates) -> None:
    assert rates.range("EUR", "XYZ", date(2026, 1, 1), date(2026, 1, 31)) is None
    # A weekend: no fixing.
    assert rates.range("EUR", "USD", date(2026, 1, 3), date(2026, 1, 4)) is None
    # After the data ends.
    after = date(rates.last_date.year + 1, 1, 1)
    assert rates.range("EUR", "USD", after, date(after.year, 12, 31)) is None


def test_a_period_running_past_the_data_uses_the_days_available(rates: ReferenceRates) -> None:
    end = date(rates.last_date.year, 12, 31)
    r = rates.range("EUR", "USD", date(rates.last_date.year, 1, 1), end)
    assert r is not None and r.last == rates.last_date < r.end == end


def _write_csv(path: Path) -> Path:
    # The ECB layout: newest first, trailing comma, N/A for no fixing.
    path.write_text(
        "Date,USD,JPY,GBP,\n"
        "2030-01-03,1.30,150.0,N/A,\n"
        "2030-01-02,1.20,140.0,0.80,\n"
        "2029-12-31,1.10,130.0,0.85,\n",
        encoding="utf-8",
    )
    return path


def test_custom_csv(tmp_path: Path) -> None:
    rates = ReferenceRates.load(_write_csv(tmp_path / "eurofxref-hist.csv"))
    assert (rates.first_date, rates.last_date) == (date(2029, 12, 31), date(2030, 1, 3))
    r = rates.range("EUR", "USD", date(2030, 1, 1), date(2030, 1, 31))
    assert r is not None and (r.low, r.high, r.days) == (1.20, 1.30, 2)
    assert r.mean == pytest.approx(1.25)
    # GBP has N/A on 2030-01-03: only the day with both rates counts.
    g = rates.range("GBP", "USD", date(2030, 1, 1), date(2030, 1, 31))
    assert g is not None and g.days == 1 and g.low == pytest.approx(1.20 / 0.80)
    assert "USD" in rates.currencies() and "CHF" not in rates.currencies()


def test_custom_zip_and_the_per_path_cache(tmp_path: Path) -> None:
    csv_path = _write_csv(tmp_path / "eurofxref-hist.csv")
    zip_path = tmp_path / "newer.zip"
    with zipfile.ZipFile(zip_path, "w") as zf:
        zf.write(csv_path, "eurofxref-hist.csv")
    rates = ReferenceRates.load(zip_path)
    assert rates.last_date == date(2030, 1, 3)
    assert ReferenceRates.load(str(zip_path)) is rates


def test_quoted_csv_is_read(tmp_path: Path) -> None:
    path = tmp_path / "quoted.csv"
    path.write_text('"Date","USD"\n"2030-01-02","1.25"\n', encoding="utf-8")
    r = ReferenceRates.load(path).range("USD", "EUR", date(2030, 1, 2), date(2030, 1, 2))
    assert r is not None and r.low == pytest.approx(0.8)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "not found"),
        ("", "first column must be Date"),
        ("Day,USD\n2030-01-02,1.2\n", "first column must be Date"),
        ("Date,Note\n2030-01-02,x\n", "column 2: .Note. is not a currency code"),
        ("Date,\n2030-01-02,\n", "no currency columns"),
        ("Date,USD\n", "no rates"),
        ("Date,USD\n02/01/2030,1.2\n", "line 2: bad date '02/01/2030'"),
        (b"\xff\xfe\x00bad", "not UTF-8 text"),
    ],
)
def test_bad_rates_file_is_a_one_line_value_error(
    tmp_path: Path, content: str | bytes | None, message: str
) -> None:
    path = tmp_path / "rates.csv"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(ValueError, match=message) as err:
        ReferenceRates.load(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_zip_without_a_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rates.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("README.txt", "nothing here")
    with pytest.raises(ValueError, match=r"zip without a \.csv"):
        ReferenceRates.load(path)


@pytest.mark.parametrize(
    ("label", "bounds"),
    [
        ("2026-Q1", (date(2026, 1, 1), date(2026, 3, 31))),
        ("2026-Q4", (date(2026, 10, 1), date(2026, 12, 31))),
        ("2026-H1", (date(2026, 1, 1), date(2026, 6, 30))),
        ("2026-H2", (date(2026, 7, 1), date(2026, 12, 31))),
        # A fiscal year's label alone: every day a year ending in 2025 may cover.
        ("FY2025", (date(2024, 2, 1), date(2025, 12, 31))),
        ("2025-11-02/2026-01-03", (date(2025, 11, 2), date(2026, 1, 3))),
        ("2026-01-03/2025-11-02", None),
        ("2026", (date(2026, 1, 1), date(2026, 12, 31))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2026-03-31", (date(2026, 3, 31), date(2026, 3, 31))),
        ("2026-Q5", None),
        ("2026-13", None),
        ("2026-02-30", None),
        ("next year", None),
        ("", None),
        (None, None),
    ],
)
def test_period_bounds(label: str | None, bounds: tuple[date, date] | None) -> None:
    assert period_bounds(label) == bounds


def test_rates_are_finite_positive_floats(rates: ReferenceRates) -> None:
    r = rates.range("EUR", "JPY", date(2008, 1, 1), date(2008, 12, 31))
    assert r is not None and all(math.isfinite(x) and x > 0 for x in (r.low, r.high, r.mean))
    assert r.low < r.mean < r.high


def _period_figure(value: str, low: str, high: str) -> Figure:
    return Figure(
        id="P1",
        text="FY25",
        kind="period",
        value=value,
        unit=None,
        low=low,
        high=high,
        approx=None,
        start=0,
        end=4,
        line=1,
        column=1,
    )


def test_stated_bounds_prefer_the_days_the_article_gives() -> None:
    written = [_period_figure("FY2025", "2024-04-01", "2025-03-31")]
    assert stated_bounds("FY2025", written) == (date(2024, 4, 1), date(2025, 3, 31))
    # Another label, or no written figure: the label's own days.
    assert stated_bounds("FY2024", written) == period_bounds("FY2024")
    assert stated_bounds("2025-Q1", []) == (date(2025, 1, 1), date(2025, 3, 31))
    assert stated_bounds(None, written) is None


def test_desk_and_reporting_windows() -> None:
    assert desk_window(date(2026, 3, 12)) == (date(2026, 2, 12), date(2026, 3, 12))
    assert reporting_window(date(2025, 10, 1), date(2025, 12, 31)) == (
        date(2025, 10, 1),
        date(2026, 3, 31),
    )
