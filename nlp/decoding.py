"""Bytes -> text: which encoding an article is in, and how sure we are.

Order, most certain first:

1. A byte-order mark. UTF-32's marks are tested before UTF-16's, because the
   UTF-32-LE mark (FF FE 00 00) starts with the UTF-16-LE one (FF FE).
2. UTF-16 without a mark: text in the Latin script has a NUL in every other byte,
   on the odd positions (little-endian) or the even ones (big-endian).
3. UTF-8, which almost never decodes by accident.
4. A legacy single-byte Western code page (Windows-1252, Latin-1, Mac Roman) when
   few bytes are non-ASCII and they read as Western letters and symbols. On so
   little evidence charset-normalizer guesses wildly (a cp1252 "£" read as cp932
   katakana, "€" as cp437 "Ç"), and a newsroom's legacy files are Western.
5. charset-normalizer for the rest (Cyrillic, Greek, CJK…).

The decision and its confidence become one note for stderr unless the text was
UTF-8 or ASCII.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from newscheck.nlp.errors import Errors, SourceError

__all__ = ["Decoded", "decode"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_CONTROL = bytes(c for c in range(32) if chr(c) not in "\t\n\r\f\v\x1b")
#: Western code pages, in order of preference on a tie.
_WESTERN = ("cp1252", "latin-1", "mac-roman")
#: Symbols a Western news text uses beyond ASCII.
_WESTERN_SYMBOLS = frozenset("£€¥¢©®°±²³µ·¹º»«½¼¾×÷§¶–—‘’‚“”„†‡•…‰′″ªÀ¿¡ ")
#: Above this share of non-ASCII bytes a text is not mostly-ASCII Western copy.
_WESTERN_MAX_SHARE = 0.15


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # Python codec name: "utf-8", "utf-8-sig", "utf-16-le", "cp1252", …
    note: str | None  # one line for stderr: the decision and its confidence


def decode(data: bytes, display: str) -> Decoded:
    """Decode an article's bytes; `SourceError` NC-E005 (binary) or NC-E006 (undecodable)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec.removesuffix("-sig"))
            except UnicodeDecodeError:
                raise SourceError(Errors.E006, display) from None
            note = None if codec == "utf-8-sig" else f"decoded as {codec} (byte-order mark)"
            return Decoded(text, codec, note)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        codec, share = utf16
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            pass
        else:
            if not _controls(text):
                note = f"decoded as {codec} (no byte-order mark; {share:.0%} of its byte pairs hold a NUL)"
                return Decoded(text, codec, note)
    if _looks_binary(data):
        raise SourceError(Errors.E005, display)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", None)
    except UnicodeDecodeError:
        pass
    western = _western(data)
    if western is not None:
        return western
    return _detected(data, display)


def _utf16_without_bom(data: bytes) -> tuple[str, float] | None:
    """("utf-16-le"/"utf-16-be", share of pairs with a NUL) when the bytes look like UTF-16."""
    sample = data[:65536]
    if len(sample) < 4 or len(sample) % 2:
        return None
    pairs = len(sample) // 2
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    # Latin-script UTF-16 has a NUL high byte in nearly every pair, on one side only.
    if odd >= 0.3 * pairs and even <= 0.01 * pairs:
        return "utf-16-le", odd / pairs
    if even >= 0.3 * pairs and odd <= 0.01 * pairs:
        return "utf-16-be", even / pairs
    return None


def _controls(text: str) -> bool:
    sample = text[:32768]
    bad = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    return bad > max(2, len(sample) // 100)


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:65536]
    controls = sum(sample.count(c) for c in _CONTROL)
    return controls > max(8, len(sample) // 50)


def _western_score(text: str) -> float:
    """Share of the non-ASCII characters that read as Western letters or news symbols."""
    good = total = 0
    for i, c in enumerate(text):
        if c < "\x80":
            continue
        total += 1
        if c in _WESTERN_SYMBOLS:
            good += 1
        elif c.isalpha() and unicodedata.name(c, "").startswith("LATIN"):
            # A capital right after a lower-case letter ("cafŽ", "dÕaffaires") is mojibake.
            prev = text[i - 1] if i else " "
            if not (c.isupper() and prev.islower()):
                good += 1
    return good / total if total else 1.0


def _western(data: bytes) -> Decoded | None:
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high > _WESTERN_MAX_SHARE * len(data):
        return None
    best: tuple[float, int, str, str] | None = None
    for rank, codec in enumerate(_WESTERN):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "latin-1" and any("\x80" <= c <= "\x9f" for c in text):
            continue  # C1 controls: the bytes are cp1252's punctuation, not Latin-1
        score = _western_score(text)
        if best is None or (score, -rank) > (best[0], -best[1]):
            best = (score, rank, codec, text)
    if best is None or best[0] < 0.75:
        return None
    score, _rank, codec, text = best
    plural = "s" if high != 1 else ""
    note = (
        f"decoded as {codec} (not UTF-8; {high:,} non-ASCII byte{plural}, "
        f"{score:.0%} of them read as Western letters or symbols)"
    )
    return Decoded(text, codec, note)


def _detected(data: bytes, display: str) -> Decoded:
    from charset_normalizer import from_bytes as detect

    best = detect(data).best()
    if best is None:
        raise SourceError(Errors.E006, display)
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise SourceError(Errors.E006, display) from None
    confidence = max(0.0, 1.0 - best.chaos)
    note = f"decoded as {best.encoding} (charset-normalizer, confidence {confidence:.0%})"
    return Decoded(text, best.encoding, note)
