"""Build key.json from anchor phrases (each anchor must occur on exactly one line) and validate it.

Run: python make_key.py   (writes key.json, then checks that every figure occurs on one of its lines)
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# file -> list of errors (type, anchors, figures, explanation), traps
SPEC = {
    "b01-brightwater-foods-q2.txt": dict(
        errors=[
            (
                "growth-arithmetic",
                ["a rise of 9.3 pct"],
                ["2.46 billion dlrs", "2.31 billion dlrs", "9.3 pct"],
                "Net sales 2.31 -> 2.46 billion dlrs is growth of about 6.5% (6.05-6.94% under rounding), not 9.3 pct.",
            ),
        ],
        traps=[
            "Net profit 180.0 -> 212.4 mln dlrs is correctly 18 pct (18.0%); headline repeats the correct 18 pct.",
            "Gross margin 33.9 pct -> 34.8 pct correctly called an improvement of 90 basis points.",
            "Adjusted EPS 1.42 dlrs vs reported 1.37 dlrs vs analyst estimate 1.31 dlrs: different measures, not a mismatch.",
            "Volume growth 4.1 pct and premarket share rise 4.1 pct are different metrics with the same number.",
            "Full-year guidance 5 to 6 pct (previously 4 to 5 pct) is a range/forecast.",
        ],
    ),
    "b02-harrowgate-lyle-christmas.txt": dict(
        errors=[
            (
                "percent-vs-points",
                ["a rise of 1.3 per cent"],
                ["43.2 per cent from 41.9 per cent", "a rise of 1.3 per cent"],
                "Gross margin rising from 41.9% to 43.2% is a rise of 1.3 percentage points (a 3.1% relative rise), not 1.3 per cent.",
            ),
            (
                "repeated-figure-mismatch",
                ["climbed 5.3 per cent to £612m", "£621m of sales"],
                ["£612m", "£621m"],
                "Festive-period total sales are given as £612m and later as £621m (digit transposition).",
            ),
        ],
        traps=[
            "Headline 'sales rise 5%' is total sales growth of 5.3% rounded.",
            "Like-for-like growth 4.6% vs total growth 5.3% vs analysts' like-for-like forecast 3.5%: different measures.",
            "Online share 31 per cent up from 29 per cent: no change figure stated; online growth 9.8% is a different metric.",
            "Saturday 3 January 2026 is indeed a Saturday; profit guidance £118m-£124m vs previous £105m-£112m are ranges.",
        ],
    ),
    "b03-osterfeld-pell-creek.md": dict(
        errors=[
            (
                "fx-internal",
                ["€2.4bn ($2.88bn)", "$2.1bn (€1.89bn)"],
                ["€2.4bn ($2.88bn)", "$2.1bn (€1.89bn)"],
                "Two same-day EUR/USD conversions imply 1.20 and 1.11 dollars per euro, about 8% apart (ECB reference 10 March 2026: 1.1641; +3.1% and -4.6%).",
            ),
            (
                "sum-mismatch",
                ["| Drives |", "| Automation |", "| Service |", "| Group | 6,542"],
                ["3,412", "1,876", "1,054", "6,542"],
                "Division revenues 3,412 + 1,876 + 1,054 = €6,342m, but the group total is given as €6,542m (off by 200).",
            ),
        ],
        traps=[
            "$38.50 per share is a 27 per cent premium to $30.31 (27.0%).",
            "€2.4bn is 14.5 times EBITDA of €165m (14.55).",
            "Division growth rates +4.2%, +9.1%, +2.7% and group +5.3% cannot be checked against each other without 2024 figures; not an error.",
        ],
    ),
    "b04-kanazawa-seimitsu-results.txt": dict(
        errors=[
            (
                "fx-reference",
                ["¥150 billion ($1.05 billion)"],
                ["¥150 billion ($1.05 billion)"],
                "At the ECB-derived rate of 14 May 2026 (about ¥158 per dollar), ¥150 billion is about $0.95 billion; $1.05 billion is ~10.5% too high.",
            ),
        ],
        traps=[
            "Market value ¥2.9 trillion ($18.4 billion) is correct at ~¥158 per dollar (18.36).",
            "Operating profit forecast ¥318 billion for the current year equals last year's actual ¥318.0 billion: forecast vs actual, stated as flat.",
            "Assumed rate of ¥150 to the dollar is a company assumption, not a conversion.",
            "Operating profit ¥296.1bn -> ¥318.0bn is 7.4%; revenue ¥2.34tn -> ¥2.41tn is 3.0%; buyback ¥150bn is about 5.2% of ¥2.9tn market value.",
        ],
    ),
    "b05-valtrans-h1.txt": dict(
        errors=[
            (
                "period-mismatch",
                ["The €148m of first-half operating profit"],
                ["€148m of first-half operating profit"],
                "€148m is the second-quarter operating profit; first-half operating profit is €271m (€123m + €148m), but the quote attributes €148m to the first half.",
            ),
            (
                "weekday-date",
                ["Tuesday, September 17"],
                ["Tuesday, September 17"],
                "17 September 2026 is a Thursday, not a Tuesday.",
            ),
        ],
        traps=[
            "Q1 €123m + Q2 €148m = first-half €271m (correct sum).",
            "Revenue €1.94bn -> €2.03bn is 4.6% reported; organic growth 2.9% is a different measure.",
            "Quarterly margins 7.3% (148/2030) and 6.8% (131/1940) are correct; 'said on Thursday' matches 30 July 2026.",
            "Full-year target €560m-€600m is a range; analysts' €139m is a forecast vs actual €148m.",
        ],
    ),
    "b06-tallow-ledger-series-b.md": dict(
        errors=[
            (
                "fx-reference",
                ["£40m ($60m)"],
                ["£40m ($60m)"],
                "At the ECB-derived rate of 15 June 2026 (about $1.342 per pound), £40m is about $53.7m; $60m is ~11.8% too high.",
            ),
            (
                "share-arithmetic",
                ["which put in £14m"],
                ["£14m", "42 per cent"],
                "£14m of a £40m round is 35 per cent, not 42 per cent.",
            ),
        ],
        traps=[
            "Valuation £310m ($416m) is correct at ~1.342 dollars per pound.",
            "ARR £9.3m is exactly three times £3.1m ('tripled').",
            "Customers 1,120 -> 1,850 is a 65 per cent rise (65.2%).",
            "Series A £11m and 10,000-customer 2028 target are different figures/periods.",
        ],
    ),
    "b07-sablewood-ipo.txt": dict(
        errors=[
            (
                "multiplier-word",
                ["Revenue more than doubled"],
                ["more than doubled", "412 mln dlrs", "236 mln dlrs"],
                "412 / 236 = 1.75; revenue did not more than double.",
            ),
            (
                "average-arithmetic",
                ["1,240 clinics"],
                ["1,240 clinics", "410,000 dlrs"],
                "412 mln dlrs of revenue over 1,240 clinics is an average of about 332,000 dlrs, not about 410,000 dlrs.",
            ),
        ],
        traps=[
            "30 mln shares at 28 dlrs = 840 mln dlrs.",
            "Opening at 35.00 dlrs is 25 pct above 28 dlrs.",
            "240 mln shares at 28 dlrs = 6.72 billion dlrs ('about 6.7 billion').",
            "Range 25 to 28 dlrs is the marketed range; net loss 18.6 vs 44.2 mln dlrs has no stated change.",
        ],
    ),
    "b08-halton-home-sales-march.txt": dict(
        errors=[
            (
                "part-exceeds-whole",
                ["Oakville and Milton accounted for 2,540"],
                ["2,310", "2,540"],
                "Oakville and Milton are said to account for 2,540 of the detached sales, but detached sales were only 2,310.",
            ),
        ],
        traps=[
            "Sales 5,599 -> 5,140 is down 8.2%; headline repeats 8.2%.",
            "Detached 2,310 + townhouses 1,180 + condos 1,650 = 5,140.",
            "Average price $1,117,000 -> $1,082,400 is down 3.1%; benchmark price -4.6% is a different, mix-adjusted measure.",
            "New listings 11,860 exceed sales because they are a different measure; active listings 19,420 likewise.",
        ],
    ),
    "b09-corvina-air-september.txt": dict(
        errors=[
            (
                "shares-over-100",
                ["Domestic and island routes accounted for 48%"],
                ["48%", "37%", "23%"],
                "Passenger shares by route type 48% + 37% + 23% = 108%.",
            ),
            (
                "name-variant",
                ["Chief executive Ilse Vanderhoven", "Vanderhoeven added"],
                ["Vanderhoven", "Vanderhoeven"],
                "The chief executive is spelled Vanderhoven and later Vanderhoeven.",
            ),
        ],
        traps=[
            "3.62 -> 3.84 million passengers is 6.1% (headline rounds to 6%).",
            "Load factor 84.9% -> 86.4% correctly 1.5 percentage points.",
            "Unit revenue +3.1% and fuel cost per seat km -3.1%: same number, different metrics.",
            "Friday matches 9 October 2026.",
        ],
    ),
    "b10-holloway-mercer-ceo.txt": dict(
        errors=[
            (
                "age-arithmetic",
                ["has named Ruth Adeyemi-Clarke, 51", "Born in Lagos in 1968"],
                ["51", "1968"],
                "Born in 1968, she would be 57 or 58 in February 2026, not 51.",
            ),
            (
                "growth-arithmetic",
                ["revenue rose 12 per cent to £3.24bn"],
                ["12 per cent", "£3.24bn", "£2.95bn"],
                "£2.95bn -> £3.24bn is growth of about 9.8%, not 12 per cent.",
            ),
        ],
        traps=[
            "Headline 'tops £3.2bn' is £3.24bn rounded.",
            "Graham Pell joined in 1994 and leaves after 32 years (2026).",
            "Salary £1.1m is 10 per cent more than £1m.",
            "Order book £5.8bn is about 21 months of £3.24bn annual revenue (21.5).",
        ],
    ),
    "g01-harbourside-mayor.txt": dict(
        errors=[
            (
                "share-arithmetic",
                ["Finch won 24,610"],
                ["24,610", "46 per cent"],
                "24,610 of 60,040 valid votes is 41.0 per cent, not 46 per cent.",
            ),
            (
                "sum-mismatch",
                ["making a total of 62,250"],
                ["60,040", "1,210", "62,250"],
                "60,040 valid + 1,210 rejected = 61,250 papers, not 62,250.",
            ),
        ],
        traps=[
            "Candidates' votes 24,610 + 19,880 + 10,240 + 5,310 = 60,040 valid votes.",
            "Other shares 33.1%, 17.1%, 8.8% are correct against 60,040.",
            "Majority 24,610 - 19,880 = 4,730 (headline too).",
            "Turnout 61,250 / 159,500 = 38.4 per cent; Friday matches 8 May 2026.",
        ],
    ),
    "g02-clean-air-zone-poll.md": dict(
        errors=[
            (
                "shares-over-100",
                ["found 47 per cent backed"],
                ["47 per cent", "41 per cent", "19 per cent"],
                "Support 47% + opposition 41% + don't know 19% = 107% for one question of one sample.",
            ),
            (
                "percent-vs-points",
                ["a 6 per cent increase"],
                ["40 per cent", "46 per cent", "a 6 per cent increase"],
                "Support rising from 40% to 46% is a 6 percentage-point rise (15% relative), not a 6 per cent increase.",
            ),
        ],
        traps=[
            "Table shares sum to 100 in both September (34+22+18+14+9+3) and May (37+19+20+11+10+3); change column is in points and correct.",
            "46 per cent among weekly drivers vs 47 per cent of all adults: different groups.",
            "Margin of error 'plus or minus three points' and £9 daily charge are not checkable relations.",
        ],
    ),
    "g03-rourke-fraud-sentence.txt": dict(
        errors=[
            (
                "age-arithmetic",
                ["Daniel Rourke, 41", "born in March 1979"],
                ["41", "March 1979"],
                "Born in March 1979, Rourke would be 46 or 47 on 27 March 2026, not 41.",
            ),
            (
                "weekday-date",
                ["Tuesday 23 April"],
                ["Tuesday 23 April"],
                "23 April 2026 is a Thursday.",
            ),
        ],
        traps=[
            "£412,600 / 37 = £11,151, 'an average of more than £11,000'; headline 'more than £412,000' is consistent.",
            "Monday 9 March 2026 is a Monday; sentencing 'on Friday' matches 27 March 2026; a three-week trial from 9 March ends around 27 March.",
            "Accomplice Kyle Benson, 29, has no birth year to check.",
        ],
    ),
    "g04-rovers-record-signing.txt": dict(
        errors=[
            (
                "fx-internal",
                ["£52m (€62.5m)", "£8m (€8.9m)"],
                ["£52m (€62.5m)", "£8m (€8.9m)"],
                "Two same-day GBP/EUR conversions imply 1.20 and 1.11 euros per pound, about 8% apart (ECB reference 20 Aug 2026: 1.1665; +3.0% and -4.6%).",
            ),
            (
                "multiplier-word",
                ["more than double the £31.5m"],
                ["more than double", "£31.5m"],
                "£52m is 1.65 times £31.5m (1.9 times even with £8m add-ons), not more than double.",
            ),
        ],
        traps=[
            "Mendes, 23, born June 2003: correct in August 2026.",
            "3,060 minutes / 19 goals = 161 minutes per goal.",
            "Summer spending £118m and sales £46m are separate gross figures; 70 per cent cap vs revenue £264m is a rule, not a stated result.",
            "Thursday matches 20 August 2026.",
        ],
    ),
    "g05-ae-waits-january.txt": dict(
        errors=[
            (
                "repeated-figure-mismatch",
                ["The figure of 48,917", "the 49,817 patients"],
                ["48,917", "49,817"],
                "January 12-hour waits given as 48,917 and later as 49,817.",
            ),
            (
                "average-arithmetic",
                ["71,838 minutes"],
                ["71,838 minutes", "1,842 patients", "49 minutes"],
                "71,838 minutes / 1,842 handovers = 39.0 minutes on average, not 49.",
            ),
        ],
        traps=[
            "'Nearly 49,000' and the headline 48,917 are consistent.",
            "Four-hour performance 69.8% -> 71.2% correctly 1.4 percentage points; 78 per cent is a target.",
            "15-minute handover target vs actual average; December 44,105 is a different month.",
        ],
    ),
    "g06-storm-idris.md": dict(
        errors=[
            (
                "growth-arithmetic",
                ["Insurance claims logged"],
                ["9,640", "46 per cent", "6,120"],
                "6,120 -> 9,640 claims is a rise of about 57.5 per cent, not 46 per cent.",
            ),
            (
                "name-variant",
                ["Gwynedd Council leader Meinir Gwalchmai", "Ms Gwalchmei said"],
                ["Gwalchmai", "Gwalchmei"],
                "The council leader is spelled Gwalchmai and later Gwalchmei.",
            ),
        ],
        traps=[
            "151,000 of 184,000 reconnected is 82 per cent.",
            "142mm is more than double 68mm (2.09 times).",
            "Thursday matches 22 October 2026; storm on Tuesday night and 36-hour rainfall are consistent.",
        ],
    ),
    "g07-a-level-results.txt": dict(
        errors=[
            (
                "period-mismatch",
                ["The 27.8 per cent of entries awarded A or A* this summer"],
                ["27.8 per cent of entries awarded A or A* this summer"],
                "27.8 per cent was the 2025 rate; this summer's rate is 28.3 per cent.",
            ),
        ],
        traps=[
            "27.8% -> 28.3% correctly 0.5 percentage points; headline 28.3% matches.",
            "Entries 841,940 -> 862,150 is 2.4 per cent.",
            "Girls 29.1% and boys 27.4% around the overall 28.3% (different groups); pass rate 97.2% is a different measure.",
        ],
    ),
    "g08-stackpole-lighthouse-museum.txt": dict(
        errors=[
            (
                "repeated-figure-mismatch",
                ["welcomed 86,400 visitors", "Having 68,400 people"],
                ["86,400", "68,400"],
                "2025 visitors given as 86,400 and in the quote as 68,400 for the same year.",
            ),
        ],
        traps=[
            "First lit 1876, 150th anniversary in 2026.",
            "£1.9m + £450,000 + £250,000 = £2.6m.",
            "Friday matches 5 June 2026; 100,000 is a target.",
        ],
    ),
    "g09-immigration-appeals-q1.txt": dict(
        errors=[
            (
                "part-exceeds-whole",
                ["1,412 were dismissed"],
                ["1,412"],
                "1,412 appeals dismissed exceeds the 1,284 decided in the quarter (with 361 allowed, at most 923 could be dismissed).",
            ),
        ],
        traps=[
            "1,126 -> 1,284 decisions is a 14 per cent rise.",
            "79 -> 71 weeks is eight weeks shorter; 26 weeks is a target.",
            "New appeals 1,530 exceed decisions 1,284: different measure (backlog grows), not a part of the whole.",
        ],
    ),
    "g10-energy-price-cap-july.md": dict(
        errors=[
            (
                "weekday-date",
                ["Friday 27 August"],
                ["Friday 27 August"],
                "27 August 2026 is a Thursday.",
            ),
        ],
        traps=[
            "£1,720 -> £1,690 is a £30 (1.7 per cent) fall; table differences £32 and £28 are correct.",
            "Wednesday 1 July 2026 is a Wednesday.",
            "£30 a year is about 58p a week (57.7p); standing charge 53.7p -> 53.9p has no stated change.",
        ],
    ),
}


def line_of(lines, anchor, f):
    hits = [i + 1 for i, text in enumerate(lines) if anchor in text]
    if len(hits) != 1:
        sys.exit(f"{f}: anchor {anchor!r} found on lines {hits}")
    return hits[0]


def main():
    files = sorted(x for x in os.listdir(HERE) if x[0] in "bg" and x.endswith((".txt", ".md")))
    assert sorted(SPEC) == files, set(files) ^ set(SPEC)
    key = []
    for f in files:
        with open(os.path.join(HERE, f), encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        errs, used = [], set()
        for typ, anchors, figs, expl in SPEC[f]["errors"]:
            ls = sorted({line_of(lines, a, f) for a in anchors})
            for fig in figs:
                assert any(fig in lines[n - 1] for n in ls), (f, fig, ls)
            assert not used & set(ls), (f, "errors share a line", ls)
            used |= set(ls)
            errs.append({"type": typ, "lines": ls, "figures": figs, "explanation": expl})
        key.append({"file": f, "clean": False, "errors": errs, "traps": SPEC[f]["traps"]})
    with open(os.path.join(HERE, "key.json"), "w", encoding="utf-8") as fh:
        json.dump(key, fh, indent=1, ensure_ascii=False)
    from collections import Counter

    c = Counter(e["type"] for k in key for e in k["errors"])
    print(
        len(key),
        "articles,",
        sum(c.values()),
        "errors,",
        sum(len(k["traps"]) for k in key),
        "traps",
    )
    for t, n in sorted(c.items(), key=lambda x: -x[1]):
        print(f"  {t}: {n}")


if __name__ == "__main__":
    main()
