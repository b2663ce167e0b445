"""Figure recognition against the Microsoft Recognizers-Text English specs.

    .venv/bin/python bench/recognition.py [--specs DIR] [--out FILE] [--misses N]

Scores `newscheck.nlp.quantities.find_quantities` and quantulum3 side by side on
NumberModel, PercentModel and CurrencyModel (cases whose `NotSupported` names
python are skipped, as the specs' README advises). A predicted span is a true
positive when its text equals an expected `Text` (case-insensitive, surrounding
blanks stripped, each expected span matched at most once); precision, recall
and F1 are micro-averaged per model and overall. Value accuracy is the share
of matched spans whose value agrees (relative tolerance 1e-6).

How our kinds map to the spec models (see NOTES below for the conventions
that differ and are counted as errors, not adapted):
- CurrencyModel <- our `money` figures. The spec gives subunits in the
  subunit ("50 cents" -> 50 Cent); we give 0.50 USD, so for value accuracy the
  spec's Cent/Pence/Penny values are divided by 100.
- PercentModel <- our `percent` figures.
- NumberModel <- the numerals of every figure we return: a `number` figure
  itself, and the numeral inside a money, percent, points, multiplier or range
  figure ("20" of "$20"), because the spec's number model reads numerals
  wherever they stand. Numerals we deliberately drop (years, dates, versions,
  pronoun "one", names like "SCP-173") are not restored.

quantulum3 is mapped the same way: CurrencyModel <- entity "currency",
PercentModel <- unit "percentage", NumberModel <- every quantity's surface
(quantulum3 has no separate numeral layer).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SPECS = REPO.parent / "shared" / "data" / "recognizers-specs"
MODELS = ("NumberModel", "PercentModel", "CurrencyModel")
SUBUNITS = frozenset({"Cent", "Pence", "Penny"})

NOTES = """\
Spec conventions we do not follow (counted as errors, not adapted):
- Years, dates, times, versions, IP addresses and phone numbers: the spec reads
  "5/17/2018", "192.168.1.2" and "+1-222-2222/2222" as lists of numbers; we
  return no figure inside them (a fact-checker must not compare day 17 with a count).
- Names: "SCP-173" is a number for the spec; we drop numbers hyphenated to a
  name ("COVID-19", "F-35").
- Bare currency names with no amount ("dollar", "rmb"): the spec returns them
  as currency with no value; we return only amounts.
- European decimal commas ("5,00", "1,3") and comma lists ("22,24,26"): read
  as English grouping or separate numbers.
- Versions: "version two" is a number for the spec; we drop version numbers.
- Reversed percents ("percent of 10" meaning 10%): not news English; not parsed.
- Arcana we do not parse: "one one hundred and fifth" (1/105), "thirteen
  dollars forty five", "kuai"/"mao", "sen", most exotic currency symbols.
"""

Span = tuple[str, float | None]  # (normalised text, value)


def normalise(text: str) -> str:
    """The analysis-text normalisation the pipeline applies (1:1 by char)."""
    table = {
        0x00A0: " ",
        0x2009: " ",
        0x202F: " ",
        0x2007: " ",
        0x2011: "-",
        0x2010: "-",
        0x2212: "-",
        0x2018: "'",
        0x2019: "'",
        0x201C: '"',
        0x201D: '"',
        0x2022: " ",
    }
    return text.translate(table)


def key(text: str) -> str:
    return normalise(text).strip().lower()


def spec_value(res: dict[str, object], model: str) -> float | None:
    raw = res.get("Resolution") or {}
    assert isinstance(raw, dict)
    v = raw.get("value")
    if v is None:
        return None
    try:
        value = float(str(v).rstrip("%"))
    except ValueError:
        return None
    if model == "CurrencyModel" and raw.get("unit") in SUBUNITS:
        value /= 100.0
    return value


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    value_ok: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.value_ok += other.value_ok

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.tp if self.tp else math.nan


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return (a is None and b is None) or b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def score_case(inp: str, expected: list[Span], predicted: list[Span], sc: Score) -> None:
    left = list(expected)
    for text, value in predicted:
        hit = next((k for k, (t, _) in enumerate(left) if t == text), None)
        if hit is None:
            sc.fp += 1
            sc.extras.append(f"{inp!r}: +{text!r}")
            continue
        sc.tp += 1
        if close(left[hit][1], value):
            sc.value_ok += 1
        else:
            sc.misses.append(f"{inp!r}: value {text!r} expected {left[hit][1]} got {value}")
        left.pop(hit)
    sc.fn += len(left)
    for t, _ in left:
        sc.misses.append(f"{inp!r}: -{t!r}")


# --- systems ------------------------------------------------------------------

Predictor = Callable[[str, str], list[Span]]


def ours() -> Predictor:
    sys.path.insert(0, str(REPO))
    from newscheck.nlp.numbers import find_numerals
    from newscheck.nlp.quantities import find_quantities

    def predict(text: str, model: str) -> list[Span]:
        out: list[Span] = []
        for q in find_quantities(text):
            value = q.value if isinstance(q.value, float | int) else None
            if (model == "CurrencyModel" and q.kind == "money") or (
                model == "PercentModel" and q.kind == "percent"
            ):
                out.append((key(q.text), value))
            elif model == "NumberModel":
                if q.kind == "number":
                    out.append((key(q.text), value))
                else:
                    for n in find_numerals(q.text):
                        out.append((key(q.text[n.start : n.end]), n.value))
        return out

    return predict


def quantulum() -> Predictor | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None

    def predict(text: str, model: str) -> list[Span]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                found = parser.parse(text)
            except Exception:  # quantulum3 raises on some inputs; count it as nothing found
                return []
        out: list[Span] = []
        for q in found:
            entity = q.unit.entity.name
            value = float(q.value) if q.value is not None else None
            if (
                (model == "CurrencyModel" and entity == "currency")
                or (model == "PercentModel" and q.unit.name == "percentage")
                or model == "NumberModel"
            ):
                out.append((key(q.surface), value))
        return out

    return predict


# --- running ------------------------------------------------------------------


def load_cases(specs: Path, model: str) -> list[tuple[str, list[Span]]]:
    data = json.loads((specs / f"{model}.json").read_text(encoding="utf-8-sig"))
    cases = []
    for case in data:
        if "python" in str(case.get("NotSupported") or "").lower():
            continue
        expected = [(key(r["Text"]), spec_value(r, model)) for r in case.get("Results", [])]
        cases.append((normalise(case["Input"]), expected))
    return cases


def run(
    specs: Path, systems: dict[str, Predictor]
) -> tuple[dict[str, dict[str, Score]], dict[str, float], dict[str, int]]:
    scores: dict[str, dict[str, Score]] = {name: {} for name in systems}
    seconds: dict[str, float] = dict.fromkeys(systems, 0.0)
    counts: dict[str, int] = {}
    for model in MODELS:
        cases = load_cases(specs, model)
        counts[model] = len(cases)
        for name, predict in systems.items():
            sc = Score()
            t0 = time.perf_counter()
            for inp, expected in cases:
                score_case(inp, expected, predict(inp, model), sc)
            seconds[name] += time.perf_counter() - t0
            scores[name][model] = sc
    for name in systems:
        total = Score()
        for model in MODELS:
            total.add(scores[name][model])
        scores[name]["overall"] = total
    return scores, seconds, counts


def table(
    scores: dict[str, dict[str, Score]], seconds: dict[str, float], counts: dict[str, int]
) -> str:
    names = list(scores)
    lines = [
        "| model | cases | system | TP | FP | FN | precision | recall | F1 | value acc. |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for model in (*MODELS, "overall"):
        for name in names:
            s = scores[name][model]
            n = counts.get(model, sum(counts.values()))
            lines.append(
                f"| {model} | {n} | {name} | {s.tp} | {s.fp} | {s.fn} | {s.precision:.3f} | "
                f"{s.recall:.3f} | **{s.f1:.3f}** | {s.value_accuracy:.3f} |"
            )
    timing = ", ".join(f"{n} {seconds[n]:.2f}s" for n in names)
    return "\n".join(lines) + f"\n\nTime over all cases: {timing}.\n"


def examples(title: str, items: Iterable[str], limit: int) -> str:
    items = list(items)
    shown = "\n".join(f"- {x}" for x in items[:limit])
    more = f"\n- ... {len(items) - limit} more" if len(items) > limit else ""
    return f"\n{title} ({len(items)}):\n{shown}{more}\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--specs", type=Path, default=DEFAULT_SPECS)
    ap.add_argument("--out", type=Path, help="also write the markdown report here")
    ap.add_argument("--misses", type=int, default=0, help="list up to N of our errors per model")
    args = ap.parse_args(argv)
    if not (args.specs / "NumberModel.json").is_file():
        print(f"No Recognizers-Text specs at {args.specs}; nothing to benchmark.")
        return 0
    systems: dict[str, Predictor] = {"newscheck": ours()}
    q = quantulum()
    if q is not None:
        systems["quantulum3"] = q
    else:
        print("quantulum3 is not installed; scoring newscheck only.", file=sys.stderr)
    scores, seconds, counts = run(args.specs, systems)
    report = "## Figure recognition: Recognizers-Text English specs\n\n"
    report += table(scores, seconds, counts) + "\n" + NOTES
    if args.misses:
        for model in MODELS:
            s = scores["newscheck"][model]
            report += examples(f"newscheck {model} misses", s.misses, args.misses)
            report += examples(f"newscheck {model} false positives", s.extras, args.misses)
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
