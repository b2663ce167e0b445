"""Word lists the frame extractor reads: what a figure measures and how it moves.

Kept as data so that a newsroom can see, and extend, what newscheck treats as
the same metric ("sales" = "turnover" = "revenue").
"""

from __future__ import annotations


def _forms(*stems: str) -> frozenset[str]:
    """Spelled-out inflections: the pipeline runs without a lemmatizer for speed."""
    return frozenset(w for s in stems for w in s.split())


UP_VERBS = _forms(
    "rise rises rose risen rising grow grows grew grown growing increase increases increased "
    "increasing jump jumps jumped jumping climb climbs climbed climbing surge surges surged "
    "surging gain gains gained gaining soar soars soared soaring rocket rocketed rocketing "
    "advance advanced advancing expand expands expanded expanding boost boosted boosting "
    "raise raises raised raising lift lifted lifting improve improved improving swell swelled "
    "swollen rebound rebounded balloon ballooned spike spiked double doubled triple tripled "
    "quadruple quadrupled accelerate accelerated up higher"
)
DOWN_VERBS = _forms(
    "fall falls fell fallen falling drop drops dropped dropping decline declines declined "
    "declining slide slides slid sliding slump slumps slumped slumping decrease decreases "
    "decreased decreasing plunge plunges plunged plunging sink sinks sank sunk sinking shrink "
    "shrinks shrank shrunk shrinking tumble tumbles tumbled tumbling cut cuts cutting reduce "
    "reduces reduced reducing lower lowered lowering dip dips dipped dipping slip slips slipped "
    "slipping contract contracted contracting ease eased easing plummet plummeted plummeting "
    "halve halved halving lose lost down slower"
)
CHANGE_NOUNS_UP = _forms(
    "rise increase jump gain growth surge climb improvement hike uptick advance expansion "
    "rebound boost upturn"
)
CHANGE_NOUNS_DOWN = _forms(
    "fall drop decline decrease cut reduction slump contraction dip slide downturn loss plunge"
)
CHANGE_NOUNS = CHANGE_NOUNS_UP | CHANGE_NOUNS_DOWN

# Head nouns that name the same metric. Keys are what a report shows.
METRIC_SYNONYMS: dict[str, str] = {
    "revenue": "revenue",
    "revenues": "revenue",
    "sales": "revenue",
    "sale": "revenue",
    "turnover": "revenue",
    "takings": "revenue",
    "top line": "revenue",
    "profit": "profit",
    "profits": "profit",
    "earnings": "earnings",
    "income": "income",
    "ebitda": "ebitda",
    "ebit": "ebit",
    "loss": "loss",
    "losses": "loss",
    "investment": "investment",
    "investments": "investment",
    "infusion": "investment",
    "injection": "investment",
    "stake": "investment",
    "commitment": "investment",
    "pledge": "investment",
    "funding": "funding",
    "growth": "growth",
    "growth rate": "growth",
    "jobs": "jobs",
    "job": "jobs",
    "staff": "staff",
    "employees": "staff",
    "workers": "staff",
    "workforce": "staff",
    "headcount": "staff",
    "margin": "margin",
    "margins": "margin",
    "dividend": "dividend",
    "dividends": "dividend",
    "price": "price",
    "prices": "price",
    "shares": "shares",
    "share price": "share price",
    "stock": "share price",
    "costs": "costs",
    "cost": "costs",
    "spending": "spending",
    "expenditure": "spending",
    "budget": "budget",
    "deficit": "deficit",
    "debt": "debt",
    "borrowing": "borrowing",
    "inflation": "inflation",
    "unemployment": "unemployment",
    "jobless rate": "unemployment",
    "unemployment rate": "unemployment",
    "gdp": "gdp",
    "economy": "gdp",
    "output": "output",
    "production": "output",
    "exports": "exports",
    "imports": "imports",
    "orders": "orders",
    "order intake": "orders",
    "users": "users",
    "customers": "customers",
    "subscribers": "subscribers",
    "valuation": "valuation",
    "market value": "valuation",
    "fee": "fee",
    "attendance": "attendance",
    "visitors": "visits",
    "visits": "visits",
    "visitor numbers": "visits",
    "crowd": "attendance",
    "turnout": "turnout",
    "votes": "votes",
    "population": "population",
    "outlook": "outlook",
    "forecast": "outlook",
    "guidance": "outlook",
    "market share": "market share",
    "bonus": "pay",
    "salary": "pay",
    "pay": "pay",
    "wages": "pay",
    "tax": "tax",
    "taxes": "tax",
}

# Head nouns that name one quantity when a story restates it in another sentence:
# "a penalty of £14.2m" ... "the fine"; "2.3 million passengers" ... "2.7 million
# travellers"; "operating income" ... "operating profit". Not the same metric for the
# frames (a fine and a penalty stay themselves); evidence for relations across sentences.
METRIC_KIN: tuple[frozenset[str], ...] = (
    _forms("passenger traveller ridership visitor visit customer guest attendance crowd"),
    _forms("crime offence incident case"),
    _forms("fine penalty sanction"),
    _forms("budget spending"),
    _forms("grant subsidy funding"),
    _forms("income profit earnings earning"),
    _forms("revenue sale turnover takings"),
    _forms("upgrade project scheme programme refurbishment redevelopment"),
    _forms("application applicant"),
    _forms("death fatality toll"),
    _forms("fee charge price cost"),
    _forms("deal takeover acquisition bid offer"),
    _forms("pay salary wage"),
    _forms("job employee staff worker headcount workforce"),
    _forms("home house property dwelling"),
    _forms("raised money donation funding"),
)
# Nouns that restate any count or amount: "The previous year's figure was 11,870",
# "131,600 people were waiting".
GENERIC_METRICS = _forms("figure total number amount level sum tally count people person")

# Verbs that name what a figure next to them measures ("invested $1B").
VERB_METRICS: dict[str, str] = {
    **dict.fromkeys(
        _forms("invest invests invested investing pledge pledged pledges commit committed"),
        "investment",
    ),
    **dict.fromkeys(_forms("spend spends spent spending"), "spending"),
    **dict.fromkeys(_forms("earn earns earned earning"), "profit"),
    **dict.fromkeys(_forms("raise raised raises raising"), "funding"),
    **dict.fromkeys(_forms("borrow borrowed borrows borrowing"), "borrowing"),
    **dict.fromkeys(_forms("employ employs employed employing"), "staff"),
    **dict.fromkeys(_forms("hire hires hired hiring"), "hires"),
    **dict.fromkeys(_forms("pay pays paid paying"), "payment"),
}

# Modifiers that belong to the metric itself, not to a segment of it.
METRIC_MODIFIERS = _forms(
    "net gross operating pre-tax pretax post-tax core underlying adjusted diluted comparable "
    "organic recurring free cash extraordinary exceptional one-off attributable"
)
# Modifiers that say the metric is the whole, or only time-qualify it.
WHOLE_MODIFIERS = _forms(
    "total overall group company consolidated company-wide companywide combined annual yearly "
    "quarterly monthly "
    "full-year half-year first-quarter second-quarter third-quarter fourth-quarter record "
    "reported its their his her our new current latest average estimated expected projected "
    "global worldwide"
)
# Words that end a segment name without adding meaning ("the AI market segment").
SEGMENT_NOISE = _forms("segment segments division divisions unit units business businesses arm")

FORECAST_CUES = _forms(
    "forecast forecasts forecasted forecasting expect expects expected expecting project projects "
    "projected projecting projection projections predict predicts predicted outlook guidance "
    "estimate estimates estimated anticipate anticipates anticipated will would could might "
    "see sees likely"
)
TARGET_CUES = _forms("target targets targeted targeting aim aims aimed aiming goal goals ambition")

SHARE_VERBS = _forms(
    "account accounts accounted accounting make makes made making represent represents "
    "represented representing contribute contributes contributed contributing comprise "
    "comprises comprised generate generates generated"
)
SHARE_NOUNS = _forms("share stake portion proportion fraction percentage slice")
