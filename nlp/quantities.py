"""Figures in a text: money, percent, points, numbers, multipliers and ranges.

`find_quantities(text)` reads the *analysis text* (normalised 1:1 by char) and
returns `Quantity` values sorted by start, non-overlapping, with
`text[q.start:q.end] == q.text`.

Spans cover the figure with its unit and nothing else:
- the currency sign, code or word is inside ("$4.9 billion", "EUR 1bn",
  "1 billion euros", "US$4.9bn", "6.5 mln dlrs");
- the percent or points word is inside ("49 per cent", "25 basis points");
- approximators and bounds ("~", "about", "more than", "up to") are *outside*
  the span, always; they are reported in `Quantity.approx` only.

Values: money in units of the currency (subunits converted: "50 cents" is 0.5
USD, "470 pence" 4.70 GBP); percent in percent; points in percentage points
(basis points are divided by 100: "25bp" is 0.25 pp); multipliers as factors
("halved" is 0.5). `low`/`high` carry the stated precision only (see
`newscheck.nlp.numbers`); a range's `low`/`high` are its two ends, each widened
by its own precision, and its value is their midpoint.

Not figures, and never returned: years ("in 2028", "fiscal 2025", "2010-2015",
"the 1990s"), dates ("March 31", "31 March 2026", "5/17/2018"), times ("10:30",
"5pm"), ordinals ("3rd", "third quarter"), versions and addresses ("v2.3",
"3.8.0", "192.168.1.2"), phone numbers, product and model names ("5G", "4K",
"A320", "F-35", "COVID-19", "iPhone 15", "Windows 11", "Formula 1"), quarter and
half labels ("Q1", "H1", "first half"), sports scores ("won 3-1") and "one" used
as a pronoun ("the one", "one of the").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Literal

from newscheck.nlp.numbers import Numeral, find_numerals
from newscheck.nlp.types import Approx, Kind, Quantity

__all__ = ["APPROX_WORDS", "find_quantities"]

# --- currencies ---------------------------------------------------------------

_ISO = [
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CNY",
    "CHF",
    "CAD",
    "AUD",
    "NZD",
    "HKD",
    "SGD",
    "INR",
    "KRW",
    "RUB",
    "ZAR",
    "BRL",
    "MXN",
    "SEK",
    "NOK",
    "DKK",
    "PLN",
    "CZK",
    "HUF",
    "TRY",
    "ILS",
    "AED",
    "SAR",
    "NGN",
    "KES",
    "EGP",
    "THB",
    "IDR",
    "MYR",
    "PHP",
    "VND",
    "TWD",
    "ARS",
    "CLP",
    "COP",
    "PEN",
    "UAH",
    "PKR",
    "BDT",
    "QAR",
    "KWD",
    "ISK",
    "RON",
    "BGN",
    "HRK",
    "DEM",
    "FRF",
    "ITL",
    "NLG",
    "ESP",
    "FIM",
    "BEF",
    "ATS",
    "PTE",
    "IEP",
    "GRD",
    "XEU",
    "LKR",
    "GEL",
    "LAK",
    "CRC",
    "RMB",
]
_ISO_ALIAS = {"RMB": "CNY"}

# Signs written before the amount; the longest match wins ("HK$" over "$").
_PREFIX_SIGNS: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "u.s$": "USD",
    "us $": "USD",
    "u.s. $": "USD",
    "u.s $": "USD",
    "c$": "CAD",
    "can$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "nt$": "TWD",
    "mex$": "MXN",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₦": "NGN",
    "₱": "PHP",
    "₫": "VND",
    "₪": "ILS",
    "₴": "UAH",
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
    "฿": "THB",
    "₨": "INR",
    "ரூ": "LKR",
    "rs": "INR",
    "rs.": "INR",
    "dm": "DEM",
    "sfr": "CHF",
    "skr": "SEK",
    "nkr": "NOK",
    "dkr": "DKK",
}
_SIGN_ALT = "|".join(
    re.escape(k).replace(r"\ ", r"\s?")
    for k in sorted(_PREFIX_SIGNS, key=len, reverse=True)
    if not k[0].isalpha()
)
_PREFIX_RE = re.compile(
    r"(?:(?<![A-Za-z])(?P<lsign>(?:US|U\.S\.|U\.S|us|u\.s\.|u\.s|C|c|Can|A|AU|NZ|HK|hk|S|NT|Mex|mex|R)\s?\$)"
    rf"|(?P<sign>{_SIGN_ALT})"
    r"|(?<![A-Za-z])(?P<code>" + "|".join(_ISO) + r"|Rs\.?|DM|SFr|Skr|Nkr|Dkr)"
    r"|(?<![A-Za-z])(?P<zar>R))"
    r"\s?$"
)

# Currency words after the amount. Nationality words narrow "dollars",
# "francs", "crowns", "pounds", "rupees"...; the bare word has a default.
_NATIONAL: dict[str, dict[str, str]] = {
    "dollar": {
        "": "USD",
        "us": "USD",
        "u.s.": "USD",
        "american": "USD",
        "canadian": "CAD",
        "australian": "AUD",
        "new zealand": "NZD",
        "hong kong": "HKD",
        "singapore": "SGD",
        "taiwan": "TWD",
        "taiwanese": "TWD",
    },
    "franc": {"": "FRF", "french": "FRF", "swiss": "CHF", "belgian": "BEF"},
    "crown": {"": "SEK", "swedish": "SEK", "norwegian": "NOK", "danish": "DKK", "czech": "CZK"},
    "krone": {"": "NOK", "norwegian": "NOK", "danish": "DKK"},
    "pound": {"": "GBP", "british": "GBP", "irish": "IEP", "egyptian": "EGP"},
    "rupee": {"": "INR", "indian": "INR", "pakistani": "PKR", "sri lankan": "LKR"},
    "peso": {
        "": "MXN",
        "mexican": "MXN",
        "argentine": "ARS",
        "chilean": "CLP",
        "philippine": "PHP",
    },
    "mark": {"": "DEM", "german": "DEM", "deutsche": "DEM", "finnish": "FIM"},
    "lira": {"": "ITL", "italian": "ITL", "turkish": "TRY"},
    "yuan": {"": "CNY", "chinese": "CNY"},
    "guilder": {"": "NLG", "dutch": "NLG"},
}
_CURRENCY_WORDS: dict[str, tuple[str, str, float]] = {
    # word -> (family in _NATIONAL or "", iso, factor)
    "dollar": ("dollar", "USD", 1.0),
    "dollars": ("dollar", "USD", 1.0),
    "dlr": ("dollar", "USD", 1.0),
    "dlrs": ("dollar", "USD", 1.0),
    "euro": ("", "EUR", 1.0),
    "euros": ("", "EUR", 1.0),
    "pound": ("pound", "GBP", 1.0),
    "pounds": ("pound", "GBP", 1.0),
    "pounds sterling": ("pound", "GBP", 1.0),
    "sterling": ("", "GBP", 1.0),
    "stg": ("", "GBP", 1.0),
    "pence": ("", "GBP", 0.01),
    "penny": ("", "GBP", 0.01),
    "cent": ("", "USD", 0.01),
    "cents": ("", "USD", 0.01),
    "cts": ("", "USD", 0.01),
    "yen": ("", "JPY", 1.0),
    "yuan": ("yuan", "CNY", 1.0),
    "renminbi": ("", "CNY", 1.0),
    "rmb": ("", "CNY", 1.0),
    "marks": ("mark", "DEM", 1.0),
    "mark": ("mark", "DEM", 1.0),
    "markka": ("mark", "FIM", 1.0),
    "markkaa": ("mark", "FIM", 1.0),
    "d-marks": ("", "DEM", 1.0),
    "dm": ("", "DEM", 1.0),
    "francs": ("franc", "FRF", 1.0),
    "franc": ("franc", "FRF", 1.0),
    "guilders": ("guilder", "NLG", 1.0),
    "guilder": ("guilder", "NLG", 1.0),
    "lire": ("lira", "ITL", 1.0),
    "lira": ("lira", "ITL", 1.0),
    "pesetas": ("", "ESP", 1.0),
    "crowns": ("crown", "SEK", 1.0),
    "kronor": ("", "SEK", 1.0),
    "kroner": ("krone", "NOK", 1.0),
    "kronur": ("", "ISK", 1.0),
    "won": ("", "KRW", 1.0),
    "roubles": ("", "RUB", 1.0),
    "rubles": ("", "RUB", 1.0),
    "rand": ("", "ZAR", 1.0),
    "reais": ("", "BRL", 1.0),
    "pesos": ("peso", "MXN", 1.0),
    "peso": ("peso", "MXN", 1.0),
    "rupees": ("rupee", "INR", 1.0),
    "rupee": ("rupee", "INR", 1.0),
    "ringgit": ("", "MYR", 1.0),
    "baht": ("", "THB", 1.0),
    "rupiah": ("", "IDR", 1.0),
    "riyals": ("", "SAR", 1.0),
    "shekels": ("", "ILS", 1.0),
    "zloty": ("", "PLN", 1.0),
    "zlotys": ("", "PLN", 1.0),
    "forint": ("", "HUF", 1.0),
    "koruna": ("", "CZK", 1.0),
    "schillings": ("", "ATS", 1.0),
    "escudos": ("", "PTE", 1.0),
    "drachmas": ("", "GRD", 1.0),
    "punts": ("", "IEP", 1.0),
    "ecus": ("", "XEU", 1.0),
    "dirhams": ("", "AED", 1.0),
    "naira": ("", "NGN", 1.0),
    "元": ("", "CNY", 1.0),
}
_NATIONAL_WORDS = sorted(
    {nat for fam in _NATIONAL.values() for nat in fam if nat}, key=len, reverse=True
)
_CUR_WORD_ALT = "|".join(
    re.escape(w).replace(r"\ ", r"\s+")
    for w in sorted(_CURRENCY_WORDS, key=len, reverse=True)
    if w != "元"
)
_SUFFIX_MONEY_RE = re.compile(
    r"\s?(?:(?P<nat>"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _NATIONAL_WORDS)
    + r")\s+)?(?P<word>"
    + _CUR_WORD_ALT
    + r")(?![A-Za-z])"
    r"|(?P<han>\s?元)"
    r"|\s?(?P<code>(?:" + "|".join(_ISO) + r")(?![A-Za-z]))"
    # A sign followed by digits opens the next amount ("£70m £74m" in a table row).
    r"|(?P<sym>\s?(?:[€£₹₩₽₺₦₱₫₪₴₡₾₭฿₨]|ரூ))(?!\s?\d)"
    r"|(?P<p>p)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# "12-cent", "one-yen", "a 500-rupee note": a money adjective. Singular, as adjectives are.
_HYPHEN_WORDS: dict[str, tuple[str, str, float]] = {
    w: _CURRENCY_WORDS[w]
    for w in (
        *("cent", "yen", "dollar", "pound", "euro", "penny", "pence", "lira", "rupee"),
        *("rand", "yuan", "peso", "franc", "guilder", "won", "mark", "baht", "rupiah", "naira"),
        *("ringgit", "zloty", "forint", "koruna", "renminbi"),
    )
}
_HYPHEN_WORDS.update(
    {
        "riyal": ("", "SAR", 1.0),
        "shekel": ("", "ILS", 1.0),
        "dirham": ("", "AED", 1.0),
        "rouble": ("", "RUB", 1.0),
        "ruble": ("", "RUB", 1.0),
        "peseta": ("", "ESP", 1.0),
        "escudo": ("", "PTE", 1.0),
        "drachma": ("", "GRD", 1.0),
        "schilling": ("", "ATS", 1.0),
    }
)
_HYPHEN_MONEY_RE = re.compile(
    r"-(?P<word>" + "|".join(sorted(_HYPHEN_WORDS, key=len, reverse=True)) + r")(?![A-Za-z])",
    re.I,
)
#: Words that name a currency only before a currency object ("a 10-mark coin"): alone,
#: "the 1,000-mark" is a threshold and "won" the verb.
_HYPHEN_NEEDS_OBJECT = frozenset({"won", "mark", "rand"})
# The things a currency amount is the denomination of: "the 50k note", "a 500-rupee coin".
CURRENCY_OBJECT_RE = re.compile(
    r"[\s-]?(?:bank\s?note|note|bill|coin|denomination)s?(?![A-Za-z])", re.IGNORECASE
)
# A bare number before a singular one: "20 notes" counts notes, "the 20 note" names one.
_DENOMINATION_RE = re.compile(
    r"[\s-]?(?:bank\s?note|note|bill|coin|denomination)(?![A-Za-z])", re.IGNORECASE
)

_PERCENT_RE = re.compile(
    # "5.1pc": British headline style, lower case and fixed to the numeral (not "2 PCs").
    r"(?:\s?%|(?-i:pc)(?![A-Za-z])|\s?(?:-\s?)?(?:percent|per\s?cent|percents|pct)(?![A-Za-z])"
    r"|\s(?:percentage)(?!\s+points?)(?![A-Za-z]))",
    re.IGNORECASE,
)
_POINTS_RE = re.compile(
    r"\s?(?:-\s?)?(?:(?P<pp>percentage[\s-]points?|pct\.?\s+points?|per\s?cent(?:age)?\s+points?"
    r"|pp|ppts?|pts)"
    r"|(?P<bp>basis[\s-]points?|bps?|bp))(?![A-Za-z])",
    re.IGNORECASE,
)
_TIMES_RE = re.compile(
    r"(?:\s?x(?![A-Za-z0-9])|-fold(?![A-Za-z])|\s+times(?=\s+(?:as|the|more|higher|larger|bigger"
    r"|greater|faster|that|over|what)\b))",
    re.IGNORECASE,
)
_MULT_WORD_RE = re.compile(
    r"(?<![A-Za-z])(?:(?P<verb>doubled|doubling|tripled|trebled|tripling|quadrupled|halved|halving)"
    r"|(?P<twice>twice)(?=\s+as\b)"
    # "more than double the legal limit", "almost twice what it made": a multiplier of a level.
    # "the fee almost trebles the old record": the present tense says the same of a level.
    r"|(?P<of>(?:double|triple|treble|quadruple)s?|twice)"
    r"(?=\s+(?:the|that|its|their|his|her|this|what|last|a\s+year)\b)"
    r"|(?P<fold>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|hundred)-?fold"
    r"|(?P<nx>\d+(?:\.\d+)?)x)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_VERB_FACTOR: dict[str, tuple[float, Literal["up", "down"]]] = {
    "doubled": (2.0, "up"),
    "doubling": (2.0, "up"),
    "tripled": (3.0, "up"),
    "trebled": (3.0, "up"),
    "tripling": (3.0, "up"),
    "quadrupled": (4.0, "up"),
    "halved": (0.5, "down"),
    "halving": (0.5, "down"),
}
_OF_FACTOR = {"double": 2.0, "twice": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0}
_FOLD = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "fifty": 50,
    "hundred": 100,
}

# --- approximators ------------------------------------------------------------

#: Words (lower case) that precede a figure and how they qualify it.
APPROX_WORDS: dict[str, Approx] = {
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "approx.": "about",
    "some": "about",
    "circa": "about",
    "c.": "about",
    "~": "about",
    "an estimated": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "just below": "nearly",
    "more than": "more_than",
    "over": "more_than",
    "above": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "just over": "more_than",
    "well over": "more_than",
    "at least": "at_least",
    "no less than": "at_least",
    "less than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "fewer than": "less_than",
    "up to": "up_to",
    "as much as": "up_to",
    "as many as": "up_to",
    "no more than": "up_to",
    "at most": "up_to",
}
_APPROX_RE = re.compile(
    r"(?:(?<![A-Za-z])(?P<w>"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(APPROX_WORDS, key=len, reverse=True)
        if w != "~"
    )
    + r")\s+|(?P<tilde>~)\s?)$",
    re.IGNORECASE,
)

# --- what is not a figure -----------------------------------------------------

_MONTHS_CAP = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_MONTHS_ANY = (
    r"(?i:january|february|april|june|july|august|september|october|november|december"
    r"|jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sep\.|sept\.|oct\.|nov\.|dec\.)"
)
_MONTH = rf"(?:{_MONTHS_CAP}|{_MONTHS_ANY})"
# Dates, versions, addresses, codes (three or more numbers chained), times and
# phone numbers. Every branch starts with a digit, "+" or "(" so the scan is fast.
_CHAIN_RE = re.compile(
    r"\+?\d+(?:[-./]\d+){2,}"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:am|pm|a\.m\.|p\.m\.))?"
    r"|\d{1,2}(?:\.\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])"
    r"|\+\d{1,3}[\s(-]+\d[\d\s()/-]{5,}\d"
    r"|\(\d{3}\)\s?\d{3}-\d{4}"
    # "at 1230 GMT", "by 0900 local time": a clock time written as four digits.
    r"|(?<![\d,.])(?:[01]?\d|2[0-3])[0-5]\d\s?(?:(?:GMT|BST|UTC|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT"
    r"|JST|HKT|SGT|AEST|AEDT)\b|local\s+time\b)"
)
# A day or a year next to a month: "March 31", "Mar. 31, 2026", "April 5-6",
# "31 March", "16 or 17 March", "March 2026", "April one".
_MONTH_BEFORE_RE = re.compile(
    rf"(?<![A-Za-z]){_MONTH}\s?,?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s?(?:[-–]|or|and|to)\s?)?$"
)
_MONTH_AFTER_RE = re.compile(
    rf"(?:st|nd|rd|th)?(?:\s+(?:or|and|to)\s+\d{{1,2}}|\s?[-–]\s?\d{{1,2}})?\s+(?:of\s+)?{_MONTH}(?![a-z])"
)
_VERSION_BEFORE_RE = re.compile(r"(?i)\bversion\s+$")
# Dates and the like are short: a window around the numeral is enough to see them.
_WINDOW = 32


def _excluded(text: str, n: Numeral) -> bool:
    """Inside a date chain, time, phone number or version: never a figure."""
    a = max(0, n.start - _WINDOW)
    for m in _CHAIN_RE.finditer(text, a, min(len(text), n.end + _WINDOW)):
        if m.start() < n.end and n.start < m.end():
            # "up 1-3/8 at 85-1/8": the wire's mixed fraction is one number, not a chain.
            return not (n.fraction and m.start() >= n.start and m.end() <= n.end)
    return bool(_VERSION_BEFORE_RE.search(text, max(0, n.start - 12), n.start))


def _date_part(text: str, n: Numeral) -> bool:
    """A day or year written next to a month name."""
    if not (n.bare and len(n.digits) in (1, 2, 4)) and not (n.words and n.value <= 31):
        return False
    if _MONTH_BEFORE_RE.search(text, max(0, n.start - 20), n.start):
        return True
    return len(n.digits) in (1, 2) and bool(_MONTH_AFTER_RE.match(text, n.end))


# Capitalised words that may precede a number without naming a product.
_CAP_OK = frozenset(
    [
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "To",
        "Of",
        "About",
        "Around",
        "Some",
        "Nearly",
        "Almost",
        "Over",
        "Under",
        "Up",
        "Just",
        "Only",
        "Since",
        "Until",
        "And",
        "Or",
        "But",
        "With",
        "Without",
        "After",
        "Before",
        "Between",
        "Among",
        "Within",
        "Than",
        "The",
        "A",
        "An",
        "All",
        "Another",
        "Every",
        "Each",
        "Of",
        "Only",
        "Roughly",
        "Approximately",
        "More",
        "Less",
        "Fewer",
        "Another",
        "Top",
        "Last",
        "Next",
        "First",
        "Just",
        "Total",
        "Jobs",
        "Profit",
        "Profits",
        "Sales",
        "Revenue",
        "Revenues",
        "Shares",
        "Stocks",
        "Rose",
        "Fell",
        "Up",
        "Down",
        "Plus",
        "Minus",
        "Cut",
        "Cuts",
        "Adds",
        "Add",
        "Sees",
        "See",
        "Wins",
        "Loses",
        "Lost",
        "Won",
        "Nasdaq",
        "Dow",
        "FTSE",
        "S&P",
        "Nikkei",
        "Dax",
        "Cac",
        "Hang",
        "Brent",
        "Vs",
        "Vs.",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ]
)
_INDEX_WORDS = frozenset(
    [
        "no",
        "no.",
        "nos",
        "number",
        "version",
        "chapter",
        "section",
        "article",
        "page",
        "pages",
        "room",
        "flight",
        "route",
        "platform",
        "channel",
        "gate",
        "row",
        "seat",
        "tier",
        "phase",
        "stage",
        "grade",
        "level",
        "group",
        "class",
        "type",
        "model",
        "series",
    ]
)
_INDEX_WORDS_BARE = frozenset(w.rstrip(".") for w in _INDEX_WORDS)
_COUNT_NOUNS = re.compile(
    r"\s+(?:people|jobs|employees|workers|staff|units|shares|votes|cases|deaths|homes|cars|"
    r"vehicles|stores|shops|branches|flights|passengers|students|members|customers|users|"
    r"tonnes|tons|barrels|acres|hectares|miles|km|kilometres|kilometers|pages|copies)\b",
    re.IGNORECASE,
)
_SPORT_RE = re.compile(
    r"\b(?:win|won|wins|beat|beats|victory|defeat|defeated|lost|loss|draw|drew|drawn|lead|led|"
    r"score|scored|scoreline|thrashing|thrashed|home|away|goals?|match|game|final|semi-final)\b",
    re.IGNORECASE,
)
_ONE_BEFORE = frozenset(
    [
        "the",
        "this",
        "that",
        "which",
        "no",
        "any",
        "every",
        "each",
        "another",
        "some",
        "such",
        "little",
        "only",
        "one",
        "someone",
    ]
)
_ONE_AFTER = frozenset(
    [
        "of",
        "another",
        "you",
        "is",
        "was",
        "do",
        "does",
        "did",
        "who",
        "that",
        "which",
        "day",
        "way",
        "thing",
        "hand",
        "side",
        "must",
        "can",
        "could",
        "would",
        "should",
        "will",
        "might",
        "may",
        "has",
        "had",
        "another's",
    ]
)
_HALF_BEFORE = frozenset(
    [
        "first",
        "second",
        "the",
        "this",
        "that",
        "last",
        "next",
        "latter",
        "back",
        "other",
        "1st",
        "2nd",
    ]
)
_CHANGE_VERB = re.compile(
    r"\b(?:rose|rise|rises|rising|fell|fall|falls|falling|increased|increase|decreased|decrease|"
    r"climbed|climb|dropped|drop|declined|decline|jumped|jump|gained|gain|grew|grow|slipped|"
    r"slid|surged|plunged|lifted|raised|cut|lowered|up|down|from)\s+$",
    re.IGNORECASE,
)

_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'&]*)\s$")
_WORD_AFTER = re.compile(r"\s?-?\s?([A-Za-z]+)")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"\n]\s*|\(\s*)$")


_ADDRESS_RE = re.compile(
    r"(?i:\b(?:https?://|www\.)[^\s<>\"']+)"  # "%20" in a URL is not a percent
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"
)
_MULT_HINT = re.compile(r"(?i)doubl|tripl|trebl|quadr|halv|twice|fold|\dx")


def _in_spans(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    k = bisect_right(starts, a) - 1
    for idx in (k, k + 1):
        if 0 <= idx < len(spans):
            s, e = spans[idx]
            if s < b and a < e:
                return True
    return False


# --- units around a numeral ------------------------------------------------------


class _Unit:
    __slots__ = ("factor", "kind", "prefix_start", "suffix_end", "unit")

    def __init__(
        self,
        kind: Kind,
        unit: str | None,
        factor: float = 1.0,
        prefix_start: int | None = None,
        suffix_end: int | None = None,
    ) -> None:
        self.kind = kind
        self.unit = unit
        self.factor = factor
        self.prefix_start = prefix_start
        self.suffix_end = suffix_end


def _prefix_currency(text: str, start: int, n: Numeral | None = None) -> tuple[str, int] | None:
    window = text[max(0, start - 10) : start]
    m = _PREFIX_RE.search(window)
    if m is None:
        return None
    a = start - (len(window) - m.start())
    if m.group("lsign"):
        key = re.sub(r"\s+", "", m.group("lsign")).lower()
        key = key if key in _PREFIX_SIGNS else key.replace(".", "")
        iso = _PREFIX_SIGNS.get(key) or _PREFIX_SIGNS.get(key.rstrip("$") + "$", "USD")
        return iso, a
    if m.group("sign"):
        sign = re.sub(r"\s+", " ", m.group("sign")).lower()
        return _PREFIX_SIGNS.get(sign, _PREFIX_SIGNS.get(sign.replace(" ", ""), "USD")), a
    if m.group("code"):
        code = m.group("code")
        if code.lower().rstrip(".") == "rs":
            return "INR", a
        if code in ("SFr", "Skr", "Nkr", "Dkr", "DM"):
            return _PREFIX_SIGNS[code.lower()], a
        return _ISO_ALIAS.get(code, code), a
    if m.group("zar") and n is not None and (n.scale != 1.0 or "," in n.digits):
        return "ZAR", a  # "R2bn", "R15,000"; a bare "R2" is a name
    return None


def _suffix_unit(text: str, n: Numeral, num_end: int) -> _Unit | None:
    """The unit written after a numeral: currency, percent, points or a multiplier."""
    m = _POINTS_RE.match(text, num_end)
    if m is not None:
        # Basis points are hundredths of a percentage point: 25bp = 0.25 pp.
        return _Unit("points", "pp", 0.01 if m.group("bp") else 1.0, suffix_end=m.end())
    m = _PERCENT_RE.match(text, num_end)
    if m is not None:
        return _Unit("percent", "%", suffix_end=m.end())
    m = _HYPHEN_MONEY_RE.match(text, num_end)
    if m is not None:
        word = m.group("word").lower()
        _fam, iso, factor = _HYPHEN_WORDS[word]
        if word not in _HYPHEN_NEEDS_OBJECT or CURRENCY_OBJECT_RE.match(text, m.end()):
            return _Unit("money", iso, factor, suffix_end=m.end())
    m = _SUFFIX_MONEY_RE.match(text, num_end)
    if m is not None:
        if m.group("word"):
            word = re.sub(r"\s+", " ", m.group("word").lower())
            fam, iso, factor = _CURRENCY_WORDS[word]
            nat = re.sub(r"\s+", " ", (m.group("nat") or "").lower())
            if nat:
                if fam and nat in _NATIONAL.get(fam, {}):
                    iso = _NATIONAL[fam][nat]
                elif not (fam == "" and nat in ("us", "u.s.")):
                    # "Swiss cents" and the like: keep the word's default, drop the adjective.
                    pass
            if (
                word in ("won", "rand", "mark")
                and n.scale == 1.0
                and not n.words
                and not CURRENCY_OBJECT_RE.match(text, m.end())
            ):
                # "won" is mostly the verb, "mark" the noun; only with a scale
                # ("500 billion won") or before a coin or note are they currencies.
                return None
            return _Unit("money", iso, factor, suffix_end=m.end())
        if m.group("han"):
            return _Unit("money", "CNY", suffix_end=m.end())
        if m.group("code"):
            code = m.group("code")
            if (code != code.upper() or (False)) and code.lower() != "rmb":
                return None
            return _Unit("money", _ISO_ALIAS.get(code.upper(), code.upper()), suffix_end=m.end())
        if m.group("sym"):
            sym = m.group("sym").strip()
            return _Unit("money", _PREFIX_SIGNS[sym], suffix_end=m.end())
        if m.group("p") and not n.words and m.start() == num_end:
            return _Unit("money", "GBP", 0.01, suffix_end=m.end())  # "50p"
    m = _TIMES_RE.match(text, num_end)
    if m is not None:
        return _Unit("multiplier", "x", suffix_end=m.end())
    return None


def _unit_of(text: str, n: Numeral) -> _Unit:
    pre = _prefix_currency(text, n.start, n) if not n.words else None
    suf = _suffix_unit(text, n, n.end)
    if pre is not None:
        iso, a = pre
        if suf is not None and suf.kind == "money" and suf.unit == iso:
            return _Unit("money", iso, suf.factor, a, suf.suffix_end)  # "$5 dollars"
        if suf is not None and suf.kind == "money" and suf.unit is not None:
            # "US$ 1MM SEK": trust the sign.
            return _Unit("money", iso, 1.0, a, None)
        return _Unit("money", iso, 1.0, a, None)
    if suf is not None:
        return suf
    return _Unit("number", None)


# --- ordinary numbers: what to keep --------------------------------------------


#: One item of a tally: a name (one to four capitalised words, "the" before it) and its count.
_TALLY_NAME = r"(?:the\s+)?(?:[A-Z][\w&'.-]*\s+){1,4}"
_TALLY_NEXT = re.compile(r"\s*(?:[,;]\s*(?:and\s+)?|,?\s+and\s+)(" + _TALLY_NAME + r")\d")
_TALLY_PREV = re.compile(
    r"(" + _TALLY_NAME + r")?\d[\d,.]*\s*(?:[,;]\s*(?:and\s+)?|,?\s+and\s+)" + _TALLY_NAME + r"$"
)
_TALLY_OWN = re.compile(r"(?:^|[\s(])(" + _TALLY_NAME + r")$")
_TALLY_END = re.compile(r"\s*(?:[,;.)]|and\b|$)")


def tally_count(text: str, start: int, end: int) -> bool:
    """A count right after a name, as one item of a tally of names and counts.

    "Labour 24, the Greens 17 and Reform UK 11": each number follows a name, and
    the item before or after it is another name with its count. A number glued
    to one name with no list around it names a thing ("Windows 11", "Formula 1"),
    and so does a list of one name's numbers ("Windows 10 and Windows 11").
    """
    if not _TALLY_END.match(text, end):
        return False
    own = _TALLY_OWN.search(text, max(0, start - 60), start)
    if own is None:
        return False
    name = _tally_key(own.group(1))
    prev = _TALLY_PREV.search(text, max(0, own.start(1) - 80), start)
    nxt = _TALLY_NEXT.match(text, end)
    # The item before may count without a name of its own ("Labour won 24, the Greens 17").
    return (prev is not None and _tally_key(prev.group(1) or "") != name) or (
        nxt is not None and _tally_key(nxt.group(1)) != name
    )


def _tally_key(name: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(name.split()), flags=re.IGNORECASE).lower()


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return m.group(1) if m else ""


def _word_after(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text, end)
    return m.group(1) if m else ""


def _sentence_initial(text: str, pos: int) -> bool:
    return bool(_SENTENCE_END.search(text, max(0, pos - 4), pos))


# "25 years ago", "five years later": a point in time counted back, not a figure. Not
# "the six weeks before the vote", a length of time.
_RELATIVE_TIME = re.compile(
    r"[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\s+(?:ago|later|earlier)\b",
    re.IGNORECASE,
)
_RELATIVE_TIME_AFTER = re.compile(
    r"[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\s+(?:after|before|into)\b",
    re.IGNORECASE,
)
#: Words before "N years after ..." that make it a length of time: "the six weeks before
#: the poll", "for five years after the merger".
_SPAN_OPENERS = frozenset(
    {
        *("the", "those", "these", "its", "their", "for", "over", "within", "during", "in"),
        *("first", "last", "next", "past", "extra", "further", "another"),
    }
)
#: "the past six months", "the next 30 days", "the previous four quarters".
_WINDOW_OPENERS = frozenset({"past", "last", "previous", "prior", "next", "coming"})
_TIME_UNIT = re.compile(
    r"[\s-]+(?:years?|months?|weeks?|days?|hours?|quarters?|decades?)(?![A-Za-z])", re.I
)
# "one or more units", "not one we would print", "the current one,": "one" as a pronoun.
_ONE_VAGUE = re.compile(r"\s+or\s+more\b|\s+(?:we|i|you|they|he|she)\b", re.IGNORECASE)
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "my", "your"]
)
_DET_ADJ_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z]+)\s+[a-z]+\s$")


def _caps_line(text: str, n: Numeral) -> bool:
    """The numeral's line is written in capitals (a wire headline: "PACT FOR 50 YEARS")."""
    a = text.rfind("\n", 0, n.start) + 1
    b = text.find("\n", n.end)
    line = text[a : b if b >= 0 else len(text)]
    return sum(c.isalpha() for c in line) >= 8 and not any(c.islower() for c in line)


def _keep_number(text: str, n: Numeral) -> bool:
    """Whether a bare number (no unit) is a figure rather than a label or a pronoun."""
    if _date_part(text, n):
        return False
    if _RELATIVE_TIME.match(text, n.end):
        return False
    if _RELATIVE_TIME_AFTER.match(text, n.end) and _word_before(text, n.start).lower() not in (
        _SPAN_OPENERS
    ):
        return False  # "25 years after the theft", "62 minutes into the game"
    if _word_before(text, n.start).lower() in _WINDOW_OPENERS and _TIME_UNIT.match(text, n.end):
        return False  # "for the past six months": a window back from now, as "last year" is
    span = text[n.start : n.end]
    low = span.lower()
    before = _word_before(text, n.start)
    after_raw = text[n.end : n.end + 2]
    if before.lower().rstrip(".") in _INDEX_WORDS_BARE:
        return False  # "page 3", "No. 10", "number two"
    if n.words:
        if low == "one":
            if before.lower() in _ONE_BEFORE or _word_after(text, n.end).lower() in _ONE_AFTER:
                return False
            if after_raw.startswith("-") and not after_raw[1:2].isdigit():
                return False  # "one-time", "one-off"
            if _ONE_VAGUE.match(text, n.end):
                return False
            det = _DET_ADJ_BEFORE.search(text, max(0, n.start - 30), n.start)
            if (
                det is not None
                and det.group(1).lower() in _DETERMINERS
                and re.match(r"\s*(?:[,.;:!?)]|$)", text[n.end : n.end + 2])
            ):
                return False  # "the current one.", "a bigger one,"
        if low == "half":
            if before.lower() in _HALF_BEFORE:
                return False
            if after_raw.startswith("-"):
                return False  # "half-year", "half-time"
        return True
    if n.bare:
        v = n.value
        digits = n.digits
        if len(digits) == 4 and 1800 <= v <= 2100 and not _COUNT_NOUNS.match(text, n.end):
            return False  # a year
        if text[max(0, n.start - 1) : n.start] in ("#",):
            return False
        # "Windows 11", "iPhone 15", "Formula 1": a number right after a
        # capitalised word inside a sentence names a product or a thing.
        if (
            before
            and text[n.start - 1 : n.start] == " "
            and before[0].isupper()
            and before not in _CAP_OK
            and not (before.isupper() and before.capitalize() in _CAP_OK and _caps_line(text, n))
            and not _sentence_initial(text, n.start - len(before) - 1)
            and not _COUNT_NOUNS.match(text, n.end)
            and not tally_count(text, n.start, n.end)
        ):
            return False
        if (
            before
            and any(c.isupper() for c in before[1:])
            and before[0].islower()
            and text[n.start - 1 : n.start] == " "
        ):
            return False  # "iPhone 15"
    return True


# --- assembly ---------------------------------------------------------------------


def _approx(text: str, start: int) -> Approx | None:
    m = _APPROX_RE.search(text, max(0, start - 24), start)
    if m is None:
        return None
    if m.group("tilde"):
        return "about"
    w = re.sub(r"\s+", " ", m.group("w").lower())
    return APPROX_WORDS.get(w)


def _make(
    text: str,
    a: int,
    b: int,
    kind: Kind,
    value: float,
    unit: str | None,
    low: float,
    high: float,
    direction: Literal["up", "down"] | None = None,
) -> Quantity:
    lo, hi = (low, high) if low <= high else (high, low)
    return Quantity(
        start=a,
        end=b,
        text=text[a:b],
        kind=kind,
        value=value,
        unit=unit,
        low=lo,
        high=hi,
        approx=_approx(text, a),
        direction=direction,
    )


_RANGE_SEP = re.compile(r"\s?[-–—]\s?|\s+to\s+|\s+and\s+")


def _scaled_like(left: Numeral, right: Numeral) -> Numeral:
    """ "$2-3 billion": the left end borrows the right end's scale."""
    if left.scale != 1.0 or right.scale == 1.0 or left.words != right.words:
        return left
    if not left.digits or "," in left.digits:
        return left
    mant = abs(right.value) / right.scale
    if not left.value < mant * 1.0001 + 1e-9 and left.value > mant:
        return left
    sc = right.scale
    v = left.value * sc
    half = 0.05 * sc if "." not in left.digits else (left.high - left.value) * sc
    return Numeral(left.start, left.end, v, v - half, v + half, scale=sc, digits=left.digits)


#: Words that make a four-digit number before "to" a year: "fiscal 1987 to 3.2 billion".
_YEAR_CUE = re.compile(r"(?i)\b(?:fiscal|financial|FY|in|of|since|during)\s+$")


def _try_range(text: str, nums: list[Numeral], i: int) -> tuple[Quantity, int] | None:
    """A range made of numerals i and i+1, with the numeral count it used."""
    if i + 1 >= len(nums):
        return None
    a, b = nums[i], nums[i + 1]
    if a.fraction or b.fraction or a.words != b.words:
        return None  # "by a third to 9,000" is a change and its level
    ua = _unit_of(text, a)
    a_end = ua.suffix_end if ua.suffix_end is not None else a.end
    gap = text[a_end : b.start]
    pre_b = _prefix_currency(text, b.start, b) if not b.words else None
    b_start = pre_b[1] if pre_b else b.start
    gap = text[a_end:b_start]
    m = _RANGE_SEP.fullmatch(gap)
    if m is None:
        return None
    sep = gap.strip().lower()
    before = text[max(0, a.start - 12) : (ua.prefix_start or a.start)]
    between = re.search(r"(?i)\bbetween\s+$", before) is not None
    if sep == "and" and not between:
        return None
    if sep == "to" and re.search(r"(?i)\bfrom\s+$", before):
        return None  # "from 3% to 5%": a change, two figures
    if sep == "to" and ua.kind != "number" and _CHANGE_VERB.search(before):
        return None
    ub = _unit_of(text, b)
    if ua.kind == ub.kind == "number" and (_date_part(text, a) or _date_part(text, b)):
        return None
    # Years and scores are not ranges, and neither end is a figure.
    if a.bare and len(a.digits) == 4 and 1800 <= a.value <= 2100 and ub.kind == "number":
        return None
    if a.bare and len(a.digits) == 4 and 1800 <= a.value <= 2100 and _YEAR_CUE.search(before):
        return None  # "over fiscal 1987 to 3.2 billion dlrs": a year, then the level
    if a.bare and b.bare and ua.kind == ub.kind == "number" and sep in ("-", "–", "—"):
        if a.value >= b.value or _SPORT_RE.search(
            text, max(0, a.start - 40), min(len(text), b.end + 25)
        ):
            return None
        if b.value < 100 and a.value > 1000:
            return None
    if ua.kind != "number" and ub.kind != "number":
        if ua.kind != ub.kind or ua.unit != ub.unit:
            return None
    elif ua.kind != "number" and ub.kind == "number" and ua.prefix_start is None:
        return None  # "5% to 10 people"
    if ub.kind == "multiplier" or ua.kind == "multiplier":
        return None
    kind_unit = ub if ub.kind != "number" else ua
    if (
        kind_unit.kind == "money"
        and ub.kind == "number"
        and ub.prefix_start is None
        and ua.prefix_start is None
    ):
        return None
    a2 = _scaled_like(a, b)
    if a2.value > b.value:
        return None
    if ua.kind == "number" and a2.value > 0 and b.value > 0:
        spread = b.value / a2.value
        # "over fiscal 1987 to 3.2 billion dlrs": a year, then where a change ends.
        if a.bare and len(a.digits) == 4 and 1800 <= a.value <= 2100 and spread > 100:
            return None
        # "increased 16 to 693 mln dlrs": a change and its level; "rose 12 to 15 pct" is a range.
        if sep == "to" and _CHANGE_VERB.search(before) and spread > 10:
            return None
    f = kind_unit.factor
    start = ua.prefix_start if ua.prefix_start is not None else a.start
    end = ub.suffix_end if ub.suffix_end is not None else b.end
    lo, hi = a2.low * f, b.high * f
    q = _make(text, start, end, "range", (a2.value * f + b.value * f) / 2, kind_unit.unit, lo, hi)
    if kind_unit.kind == "points":
        q = _make(text, start, end, "range", (a2.value + b.value) / 2 * f, "pp", lo, hi)
    return q, 2


def _single(text: str, n: Numeral) -> Quantity | None:
    u = _unit_of(text, n)
    start = u.prefix_start if u.prefix_start is not None else n.start
    end = u.suffix_end if u.suffix_end is not None else n.end
    if u.kind == "number":
        if not _keep_number(text, n):
            return None
        if n.fraction and _QUOTE_SIDE.match(text, n.end):
            return None  # the wire's two-way quote "6-1/4, six pct": which side is meant is unsaid
        return _make(text, n.start, n.end, "number", n.value, None, n.low, n.high)
    if u.kind == "multiplier":
        direction: Literal["up", "down"] | None = "up" if n.value > 1 else "down"
        return _make(text, start, end, "multiplier", n.value, "x", n.low, n.high, direction)
    f = u.factor
    return _make(text, start, end, u.kind, n.value * f, u.unit, n.low * f, n.high * f)


# The offered side of a money-market quote after its bid: ", 5-15/16 pct", ", six pct".
_QUOTE_SIDE = re.compile(
    r",\s*(?:\d[\d/.-]*|[a-z]+(?:-[a-z]+)?)\s?(?:pct|%|percent|per\s?cent)(?![A-Za-z])",
    re.IGNORECASE,
)
_AND_GAP = re.compile(r"\s+(?:and\s+)?")
_DOLLAR_WORD = re.compile(r"(?i)(?:dollars?|dlrs)$")


def _dollars_and_cents(text: str, q: Quantity, b: Numeral) -> Quantity | None:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents": one amount."""
    if q.kind != "money" or not _DOLLAR_WORD.search(q.text) or not isinstance(q.value, float):
        return None
    if not _AND_GAP.fullmatch(text, q.end, b.start) or b.scale != 1.0 or not 0 < b.value < 100:
        return None
    ub = _unit_of(text, b)
    if ub.kind == "money" and ub.factor == 0.01:
        end = ub.suffix_end if ub.suffix_end is not None else b.end
    elif ub.kind == "number" and not re.match(r"\s*[A-Za-z]", text[b.end : b.end + 3]):
        end = b.end  # "thirteen dollars forty five"
    else:
        return None
    v = q.value + b.value / 100
    lo = (q.low if isinstance(q.low, float) else v) + b.low / 100
    hi = (q.high if isinstance(q.high, float) else v) + b.high / 100
    if b.words or "." not in str(q.text):
        lo, hi = v - 0.005, v + 0.005
    return _make(text, q.start, end, "money", v, q.unit, lo, hi)


def _multiplier_words(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _MULT_WORD_RE.finditer(text):
        if m.group("verb"):
            v, d = _VERB_FACTOR[m.group("verb").lower()]
        elif m.group("twice"):
            v, d = 2.0, "up"
        elif m.group("of"):
            v, d = _OF_FACTOR[m.group("of").lower().removesuffix("s")], "up"
        elif m.group("fold"):
            v, d = float(_FOLD[m.group("fold").lower()]), "up"
        else:
            v = float(m.group("nx"))
            if v == 0:
                continue
            d = "up" if v > 1 else "down"
        out.append(_make(text, m.start(), m.end(), "multiplier", v, "x", v, v, d))
    return out


# Where a sentence starts: after a full stop and a space before a capital or a quote, or a line.
_SENTENCE_START = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n+")


def _denominations(text: str, out: list[Quantity]) -> None:
    """A bare number naming a currency object is money: "the 50k note, worth $4".

    The currency is the one named last before it in its sentence or the sentence
    before ("two million pesos ... and the 50k note"), else the article's only one.
    Nothing is guessed where neither names one.
    """
    hits = [
        k
        for k, q in enumerate(out)
        if q.kind == "number"
        and q.value > 1
        and q.value == q.value  # not NaN
        and _DENOMINATION_RE.match(text, q.end)
    ]
    if not hits:
        return
    starts = [0] + [m.end() for m in _SENTENCE_START.finditer(text)]
    units = {q.unit for q in out if q.kind == "money" and q.unit}
    only = next(iter(units)) if len(units) == 1 else None
    for k in hits:
        q = out[k]
        s = bisect_right(starts, q.start) - 1
        window = starts[max(0, s - 1)]
        iso = next(
            (
                p.unit
                for p in reversed(out[:k])
                if p.kind == "money" and p.unit and p.start >= window
            ),
            only,
        )
        if iso is not None:
            out[k] = _make(text, q.start, q.end, "money", q.value, iso, q.low, q.high)


def _named_variants(text: str, out: list[Quantity]) -> None:
    """A bare "lira" in an article that names the Turkish lira is the Turkish lira.

    A currency word without a nationality takes the family's default (lira: Italian,
    francs: French); an article that names exactly one nationality for the family
    means that one throughout. Not for dollars and pounds, whose bare word is the
    US dollar and sterling even in a story about another country's.
    """
    for fam, variants in _NATIONAL.items():
        if fam in ("dollar", "pound") or not any(
            q.kind == "money" and q.unit == variants[""] for q in out
        ):
            continue
        words = [w for w, (f, _iso, _x) in _CURRENCY_WORDS.items() if f == fam]
        word_alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        named = {
            variants[re.sub(r"\s+", " ", m.group(1).lower())]
            for m in re.finditer(
                r"(?<![A-Za-z])("
                + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in variants if n)
                + rf")\s+(?:{word_alt})(?![A-Za-z])",
                text,
                re.IGNORECASE,
            )
        }
        if len(named) != 1:
            continue
        iso = next(iter(named))
        bare = re.compile(rf"(?<![A-Za-z])(?:{word_alt})$", re.IGNORECASE)
        for k, q in enumerate(out):
            if q.kind != "money" or q.unit != variants[""]:
                continue
            m = bare.search(q.text)
            # "5 Italian lire" keeps its stated nationality.
            if m is not None and not any(
                q.text[: m.start()].rstrip().lower().endswith(n) for n in variants if n
            ):
                out[k] = _make(text, q.start, q.end, "money", q.value, iso, q.low, q.high)


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in `text`, sorted by start, non-overlapping (see module docstring)."""
    nums = find_numerals(text)
    nums = [n for n in nums if not _excluded(text, n)]
    if "://" in text or "www." in text or "@" in text:
        excl = [(m.start(), m.end()) for m in _ADDRESS_RE.finditer(text)]
        starts = [s for s, _ in excl]
        nums = [n for n in nums if not _in_spans(excl, starts, n.start, n.end)]
    cands: list[Quantity] = _multiplier_words(text) if _MULT_HINT.search(text) else []
    i = 0
    while i < len(nums):
        r = _try_range(text, nums, i)
        if r is not None:
            cands.append(r[0])
            i += r[1]
            continue
        a, b = nums[i], nums[i + 1] if i + 1 < len(nums) else None
        if (
            b is not None
            and a.bare
            and b.bare
            and re.fullmatch(r"[-–]", text[a.end : b.start])
            and (a.value >= b.value or (len(a.digits) == 4 and 1800 <= a.value <= 2100))
        ):
            i += 2  # "3-1" scores, "2020-21" seasons
            continue
        q = _single(text, nums[i])
        if q is not None and b is not None:
            merged = _dollars_and_cents(text, q, b)
            if merged is not None:
                q = merged
                i += 1
        if q is not None:
            cands.append(q)
        i += 1
    cands.sort(key=lambda q: (q.start, -(q.end - q.start)))
    out: list[Quantity] = []
    last_end = -1
    for q in cands:
        if q.start >= last_end:
            out.append(q)
            last_end = q.end
    _named_variants(text, out)
    _denominations(text, out)
    return out
