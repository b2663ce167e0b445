"""Scaling benchmark: is the time linear in the input's length, on ordinary and hostile text?

  python bench/scaling.py [--small 10000] [--large 100000] [--runs 3] [--out bench/results/scaling.md]

For each input family, `newscheck.analyze` runs on a `--small` and a `--large` text (in
characters) of that family, in one process after a warm-up; the time is the median of
`--runs` runs of the process's CPU time (`time.process_time`: on a shared machine the
wall-clock time mostly measures the other jobs; it is reported beside it). Linear work gives a ratio near large/small (10); the issue's bound is 12.
The families are ordinary news text (the articles in samples/, repeated) and the worst
inputs found for issue #9: figures in one sentence, short lines, a wide Markdown table,
long words (hex, brackets, letters), comma groups with a bad end, figure-dense sentences.
Needs nothing outside the repository.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, RESULTS, header, median, write_results


def _repeat(unit: Callable[[int], str], size: int, sep: str = "") -> str:
    parts: list[str] = []
    total = i = 0
    while total < size:
        piece = unit(i) + sep
        parts.append(piece)
        total += len(piece)
        i += 1
    return "".join(parts)[:size]


def ordinary(size: int) -> str:
    samples = sorted((REPO / "samples").glob("*.txt"))
    paras = [
        p.strip()
        for path in samples
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    out: list[str] = []
    total = 0
    i = 0
    while total < size:
        out.append(paras[i % len(paras)])
        total += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out) + "\n"


def figures_one_sentence(size: int) -> str:
    return "The values were " + _repeat(lambda i: f"{i}%, ", size - 18) + "0%.\n"


def short_lines(size: int) -> str:
    return _repeat(lambda i: "ab\n", size)


def wide_table(size: int) -> str:
    # 100 cells a row, 64 of them analysed: rows short enough that 10 KB holds a dozen,
    # so the ratio measures rows, not the header (400-cell rows are in the tests).
    cells = 100
    head = "| " + " | ".join(f"£{i}m" for i in range(cells)) + " |\n"
    rule = "|" + "---|" * cells + "\n"
    row = "| " + " | ".join(f"{i}%" for i in range(cells)) + " |\n"
    return (head + rule + _repeat(lambda i: row, size))[:size].rsplit("\n", 1)[0] + "\n"


def hex_blob(size: int) -> str:
    return "Dump at 0x7ffe0000 from ops@example.com: " + _repeat(lambda i: f"{i:08x}", size) + "\n"


def brackets(size: int) -> str:
    return "Sales rose 5%. " + "[" * size + "\n"


def long_word(size: int) -> str:
    return "Sales rose 5%. " + _repeat(lambda i: "ab1", size) + " Costs fell 2%.\n"


def comma_groups(size: int) -> str:
    return _repeat(lambda i: "1,234,567,89a ", size) + "\n"


def dense_sentences(size: int) -> str:
    return _repeat(
        lambda i: (
            f"Sales rose {i % 90 + 1}% to ${i % 700 + 3}m from ${i % 600 + 2}m in Q{i % 4 + 1}. "
        ),
        size,
    )


FAMILIES: list[tuple[str, Callable[[int], str], bool]] = [
    ("ordinary news text (samples/)", ordinary, False),
    ("figure-dense sentences", dense_sentences, False),
    ("figures in one sentence", figures_one_sentence, False),
    ("short lines", short_lines, False),
    ("wide Markdown table (100 cells a row)", wide_table, True),
    ("hex blob with an address", hex_blob, False),
    ("nested `[` run", brackets, False),
    ("one long word", long_word, False),
    ("comma groups with a bad end", comma_groups, False),
]


def _time(text: str, markdown: bool, runs: int) -> tuple[float, float, str]:
    """(median CPU seconds, median wall seconds, outcome)."""
    from newscheck import analyze
    from newscheck.nlp.errors import NewscheckError

    times: list[float] = []
    walls: list[float] = []
    outcome = ""
    for _ in range(runs):
        start = time.process_time()
        wall = time.perf_counter()
        try:
            report = analyze(
                text, source="bench.md" if markdown else "bench.txt", markdown=markdown
            )
            outcome = f"{len(report.figures)} figures" + (
                f"; {len(report.notes)} note(s)" if report.notes else ""
            )
        except NewscheckError as exc:
            outcome = f"refused: {exc.code}"
        times.append(time.process_time() - start)
        walls.append(time.perf_counter() - wall)
    return median(times), median(walls), outcome


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=10_000)
    ap.add_argument("--large", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=RESULTS / "scaling.md")
    args = ap.parse_args(argv)

    from newscheck import analyze

    analyze(ordinary(5_000), source="warm-up.txt")  # load the model and reference data
    rows = []
    for name, make, markdown in FAMILIES:
        small_t, small_w, small_o = _time(make(args.small), markdown, args.runs)
        large_t, large_w, large_o = _time(make(args.large), markdown, args.runs)
        ratio = large_t / small_t if small_t > 0 else float("nan")
        rows.append((name, small_t, large_t, ratio, small_w, large_w, small_o, large_o))
        print(f"{name}: {small_t:.3f}s -> {large_t:.3f}s, ratio {ratio:.1f}", file=sys.stderr)

    extra = {
        "sizes": f"{args.small:,} and {args.large:,} characters",
        "runs": f"median of {args.runs}",
    }
    lines = [
        header("newscheck scaling benchmark", extra),
        f"Time of `newscheck.analyze` on {args.large:,} characters over {args.small:,}"
        " characters of the same kind of input; linear work gives about "
        f"{args.large / args.small:.0f}, the target is at most 12.",
        "",
        "| input | small, CPU s | large, CPU s | ratio | wall s (small / large) | small: result | large: result |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {n} | {s:.3f} | {lg:.3f} | {r:.1f} | {sw:.2f} / {lw:.2f} | {so} | {lo} |"
        for n, s, lg, r, sw, lw, so, lo in rows
    ]
    worst = max(row[3] for row in rows)
    lines += ["", f"Largest ratio: {worst:.1f} (target ≤ 12)."]
    write_results(args.out, "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
