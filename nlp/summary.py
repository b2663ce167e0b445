"""Extractive summary: a news baseline of lead position, headline overlap and figures.

News is written top-down, so the lead carries most of the story (lead-3 is the
baseline every summariser is measured against); headline overlap and figure
density break ties in favour of the sentences that carry the facts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newscheck.nlp.types import Figure, Sentence

SUMMARY_BLOCKS = frozenset({"paragraph", "bullet"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
        "said",
        "says",
        "after",
        "over",
        "new",
        "more",
        "about",
    ]
)

W_POSITION = 0.55
W_HEADLINE = 0.30
W_FIGURES = 0.15


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}


def score_sentences(
    sentences: Sequence[Sentence],
    block_kinds: Sequence[str],
    figures: Sequence[Figure],
    headline: str | None,
) -> list[tuple[float, Sentence]]:
    head = content_words(headline or "")
    per_sentence: dict[int, int] = {}
    for f in figures:
        if f.kind not in ("date", "period"):
            per_sentence[f.sentence] = per_sentence.get(f.sentence, 0) + 1
    scored: list[tuple[float, Sentence]] = []
    rank = 0
    for s in sentences:
        if block_kinds[s.block] not in SUMMARY_BLOCKS:
            continue
        words = content_words(s.text)
        n_words = len(s.text.split())
        if n_words < 6 or s.text.rstrip().endswith("?"):
            continue
        position = 1.0 / (1.0 + 0.5 * rank)
        rank += 1
        overlap = len(words & head) / len(head) if head else 0.0
        figures_here = min(per_sentence.get(s.index, 0), 3) / 3
        # Very long sentences make poor summary lines.
        length = 1.0 if n_words <= 45 else 0.8
        score = (W_POSITION * position + W_HEADLINE * overlap + W_FIGURES * figures_here) * length
        scored.append((round(score, 6), s))
    return scored


def summarize(
    sentences: Sequence[Sentence],
    block_kinds: Sequence[str],
    figures: Sequence[Figure],
    headline: str | None,
    n: int = 3,
) -> list[tuple[float, Sentence]]:
    """The n best sentences, in article order."""
    scored = score_sentences(sentences, block_kinds, figures, headline)
    best = sorted(scored, key=lambda p: (-p[0], p[1].start))[: max(n, 0)]
    chosen: list[tuple[float, Sentence]] = []
    seen: list[set[str]] = []
    for score, s in best:
        words = content_words(s.text)
        # Bullets often restate the body; keep one of near-duplicates.
        if any(len(words & w) > 0.7 * max(len(words), 1) for w in seen):
            continue
        seen.append(words)
        chosen.append((score, s))
    return sorted(chosen, key=lambda p: p[1].start)
