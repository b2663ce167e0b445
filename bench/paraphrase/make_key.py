"""Build key.json for bench/paraphrase from anchor phrases, so line numbers follow the articles.

Each error lists `anchors`: phrases that each occur on exactly one line of the article; those
lines are the error's `lines`. Every `figures` entry must occur on one of them. Run from anywhere:
    python bench/paraphrase/make_key.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from anchored_key import Article, err, write  # noqa: E402

ARTICLES: list[Article] = [
    (
        "b01-halvorsen-outdoor-q2.txt",
        [
            err(
                "growth-arithmetic",
                ["Revenue for the three months ended"],
                ["$1.86 billion", "$1.71 billion", "10.8%"],
                "$1.71 billion to $1.86 billion is an 8.8% rise, not 10.8%.",
            )
        ],
        [
            "Net income $81m -> $96m is 18.5%, 'almost a fifth'.",
            "Gross margin 37.9% -> 38.4% is half a percentage point.",
            "418 stores = 411 + 9 opened - 2 closed; guidance is a range.",
        ],
    ),
    (
        "b02-uk-jobless-rate.txt",
        [
            err(
                "percent-vs-points",
                [
                    "rose to 5.1 per cent in the three months",
                    "A year earlier the rate stood at 4.7 per cent",
                ],
                ["5.1 per cent", "4.7 per cent", "a rise of 0.4 per cent"],
                "4.7% to 5.1% is a 0.4 percentage-point rise (8.5% relative), not 0.4 per cent.",
            )
        ],
        [
            "Pay growth 4.7 per cent shares a number with last year's jobless rate (other metric).",
            "Real pay about 0.9 per cent = 4.7 - 3.8.",
            "Market probabilities 45 -> 60 per cent; forecast 5.0 vs actual 5.1.",
        ],
    ),
    (
        "b03-ambika-textiles-fy26.txt",
        [
            err(
                "share-arithmetic",
                ["Revenue from operations came in at", "Exports brought in"],
                ["Rs 18,650 crore", "Rs 5,020 crore", "roughly a fifth"],
                "Rs 5,020 crore of Rs 18,650 crore revenue is 26.9%, not roughly a fifth.",
            ),
            err(
                "fx-reference",
                ["(about $276 million)"],
                ["Rs 2,400 crore (about $276 million)"],
                "At about Rs 95.7 per dollar (13 May 2026) Rs 2,400 crore is about $251 million; "
                "$276 million is 10% too high. The dividend conversion on the same line is correct.",
            ),
        ],
        [
            "Profit Rs 1,153 -> 1,284 crore is 11.4%; revenue Rs 17,594 -> 18,650 crore is 6%.",
            "Margin 13.8 -> 14.6 pct is 80 basis points.",
            "Rs 310 crore ($32.4 million) is correct at the article-date rate.",
        ],
    ),
    (
        "b04-corvane-group-results.md",
        [
            err(
                "repeated-figure-mismatch",
                ["Group operating profit came to", "| Group |"],
                ["€678 million", "€687m"],
                "Operating profit is €678 million in the text but €687m in the table "
                "(the segments add to 687).",
            ),
            err(
                "sum-mismatch",
                ["18,600 employees"],
                ["18,600", "7,900", "4,300", "3,100", "2,700"],
                "7,900 + 4,300 + 3,100 + 2,700 = 18,000, not 18,600.",
            ),
        ],
        [
            "Segment profits with a negative chemicals result add to €687m; revenues add to €4.90bn.",
            "Margin 687/4,900 = 14.0%; dividend €1.05 -> €1.20 is 14%.",
        ],
    ),
    (
        "b05-skyrail-august-traffic.txt",
        [
            err(
                "multiplier-word",
                ["Cargo, a small but growing"],
                ["doubled", "41,200 tonnes", "27,900 tonnes"],
                "27,900 to 41,200 tonnes is a factor of 1.48, not a doubling.",
            )
        ],
        [
            "5.1 million -> 6.3 million is 23.5%, 'nearly a quarter'.",
            "Load factor 87.3% -> 89.4% = 2.1 percentage points.",
        ],
    ),
    (
        "b06-kisano-motor-fy.txt",
        [
            err(
                "repeated-figure-mismatch",
                ["Operating profit for the fiscal year ended", "the 1.24 trillion yen"],
                ["1.42 trillion yen", "1.24 trillion yen"],
                "Last year's operating profit is 1.42 trillion yen, later 1.24 trillion yen "
                "(transposed digits).",
            ),
            err(
                "weekday-date",
                ["Friday, May 14"],
                ["Friday, May 14"],
                "May 14, 2026 is a Thursday.",
            ),
        ],
        [
            "Forecast 1.35 trillion yen is for the current year; 150 yen is an assumed rate, "
            "158 a market quote.",
            "3.90 million -> 3.81 million vehicles is -2.3%; 1.42 + 0.19 = 1.61, 'roughly flat'.",
        ],
    ),
    (
        "b07-lumen-robotics-round.md",
        [
            err(
                "fx-internal",
                ["has raised €85 million ($96 million)", "Valuation after the round"],
                ["€85 million ($96 million)", "€600 million (about $730 million)"],
                "Two same-day conversions at 1.129 and 1.217 dollars per euro, 7.7% apart "
                "(ECB 1.165 on 4 March 2026).",
            ),
            err(
                "name-variant",
                ["Osterholz said"],
                ["Osterholz"],
                "The chief executive is Mareike Osterholt, later Osterholz.",
            ),
        ],
        [
            "€4.1m -> €12.4m is a factor of 3.02, 'more than tripled'.",
            "118 -> 240 staff is a forecast roughly doubling.",
            "The 2024 round (€30m at €210m) is another period.",
        ],
    ),
    (
        "b08-hamilton-home-sales.txt",
        [
            err(
                "average-arithmetic",
                ["A total of 1,240 homes", "That works out to an average"],
                ["1,240 homes", "C$1.09 billion", "C$952,000"],
                "C$1.09 billion over 1,240 sales is about C$879,000, not C$952,000.",
            )
        ],
        [
            "Listings 2,543 -> 2,385 is -6.2%.",
            "Ratio 47 -> 52 per cent correctly five percentage points.",
            "Benchmark price C$812,500 is a different measure from the average.",
        ],
    ),
    (
        "b09-redgum-minerals-half.txt",
        [
            err(
                "part-exceeds-whole",
                ["Total iron ore shipments reached"],
                ["38.6 million tonnes", "41.2 million tonnes"],
                "Port Hedland's 41.2 million tonnes cannot be part of 38.6 million tonnes in all.",
            ),
            err(
                "period-mismatch",
                ["for the six months to December 31", "for the June half"],
                ["A$1.37 billion", "the June half"],
                "The A$1.37 billion profit is for the half to December 31, later called the June half.",
            ),
        ],
        [
            "Received price US$94.10 vs benchmark US$101 are different prices.",
            "Costs US$18.90 -> US$17.80; guidance 76-80 million tonnes is a range.",
        ],
    ),
    (
        "b10-marlow-bank-results.txt",
        [
            err(
                "shares-over-100",
                ["Mortgages make up"],
                ["58%", "27%", "9%", "14%"],
                "The loan book's parts add to 108%.",
            )
        ],
        [
            "Margin 2.98% -> 3.12% = 14 basis points.",
            "£139m of £412m is 33.7%, 'about a third'.",
        ],
    ),
    (
        "b11-us-payrolls-march.txt",
        [
            err(
                "sum-mismatch",
                ["Nonfarm payrolls increased by 142,000", "Health care added"],
                ["142,000", "58,000", "31,000", "27,000", "19,000", "all but 11,000"],
                "58,000 + 31,000 + 27,000 + 19,000 = 135,000, which is all but 7,000 of 142,000.",
            ),
            err(
                "weekday-date",
                ["due Thursday, May 8"],
                ["Thursday, May 8"],
                "May 8, 2026 is a Friday.",
            ),
        ],
        [
            "February revised from 117,000 to 95,000 is down 22,000; forecast 115,000 vs 142,000.",
            "Jobless rate 4.3% -> 4.4%; monthly and annual pay growth are different periods.",
            "April 3, 2026 is a Friday.",
        ],
    ),
    (
        "b12-orchard-foods-ipo.md",
        [
            err(
                "fx-reference",
                ["(about $450m)"],
                ["£312m (about $450m)"],
                "At about $1.3175 per pound (13 November 2025) £312m is about $411m; $450m is "
                "9.5% too high.",
            ),
            err(
                "growth-arithmetic",
                ["Revenue rose by nearly a third"],
                ["nearly a third", "£486m", "£402m"],
                "£402m to £486m is a 21% rise, not nearly a third.",
            ),
        ],
        [
            "24 million shares at 1,300p = £312m; margin £61m / £486m = 12.6%.",
            "13 November 2025 is a Thursday.",
        ],
    ),
    (
        "g01-tasman-poll-june.txt",
        [
            err(
                "shares-over-100",
                ["34 per cent named Labor", "The Greens were on 14 per cent"],
                ["34 per cent", "31 per cent", "14 per cent", "12 per cent", "17 per cent"],
                "Answers to a single voting-intention question add to 108 per cent.",
            )
        ],
        [
            "Up to three issues per respondent: 61 + 44 + 39 > 100 legitimately.",
            "Labor 32 -> 34 per cent is two points; margin of error in points.",
        ],
    ),
    (
        "g02-carrick-lighthouse.txt",
        [
            err(
                "age-arithmetic",
                ["Born in 1934, she is now 89"],
                ["Born in 1934", "89"],
                "Someone born in 1934 is 91 or 92 in June 2026, not 89.",
            )
        ],
        [
            "First lit 1886 -> 140 years in 2026; restored 1988, 38 years ago.",
            "Saturday 13 June and Sunday 14 June 2026 are correct.",
        ],
    ),
    (
        "g03-ed-corridor-care.md",
        [
            err(
                "repeated-figure-mismatch",
                ["The trust recorded 24,130", "| A&E attendances |"],
                ["24,130", "24,310"],
                "May attendances are 24,130 in the text but 24,310 in the table.",
            ),
            err(
                "average-arithmetic",
                ["the number treated in corridors rose to 4,600", "18,400 hours on trolleys"],
                ["4,600", "18,400 hours", "five hours"],
                "18,400 hours over 4,600 patients is four hours each, not five.",
            ),
        ],
        [
            "68.9% -> 71.2% is 2.3 percentage points.",
            "Corridor patients 4,600 in text and table agree.",
        ],
    ),
    (
        "g04-harrowby-council-election.txt",
        [
            err(
                "sum-mismatch",
                ["Of the council's 60 seats", "The Conservatives took five seats"],
                ["60 seats", "24", "17", "11", "five", "four"],
                "24 + 17 + 11 + 5 + 4 = 61 seats, not 60.",
            ),
            err(
                "percent-vs-points",
                ["That was up 6 per cent"],
                ["up 6 per cent", "32 per cent"],
                "Turnout 32 -> 38 per cent is six points (19% relative), not 6 per cent.",
            ),
        ],
        [
            "20 wards x 3 councillors = 60 seats; majority 31.",
            "Friday 8 May 2026 and Thursday's vote (7 May) are correct.",
        ],
    ),
    (
        "g05-county-exam-results.txt",
        [
            err(
                "share-arithmetic",
                ["Of those, 714"],
                ["714", "one in four", "2,380"],
                "714 of 2,380 is 30%, not one in four.",
            )
        ],
        [
            "Pass rate 79.9% -> 81.5% is 1.6 points; 81.5% of 2,380 = 1,940.",
            "Girls 83.7% vs boys 79.4% are different groups.",
        ],
    ),
    (
        "g06-dublin-pension-fraud.txt",
        [
            err(
                "fx-reference",
                ["€3.8m (£3.6m)"],
                ["€3.8m (£3.6m)"],
                "At about £0.8675 per euro (17 September 2025) €3.8m is about £3.3m; £3.6m is "
                "9% too high.",
            ),
            err(
                "name-variant",
                ["Wrenfeld's barrister"],
                ["Wrenfeld"],
                "The defendant is Tobias Wrenfield, later Wrenfeld.",
            ),
        ],
        [
            "€1.1m recovered + €2.7m outstanding = €3.8m.",
            "Six years with the final 18 months suspended.",
        ],
    ),
    (
        "g07-sivapur-floods.txt",
        [
            err(
                "sum-mismatch",
                ["rose to 63 on Friday", "All of the deaths were recorded"],
                ["63", "21", "17", "11", "nine"],
                "21 + 17 + 11 + 9 = 58, not the 63 deaths, though all are said to be in these "
                "districts.",
            ),
            err(
                "part-exceeds-whole",
                ["438 of them"],
                ["412 relief camps", "438"],
                "One district cannot have 438 of 412 camps.",
            ),
        ],
        [
            "312 mm is three times the normal 104 mm.",
            "31 October 2025 is a Friday.",
        ],
    ),
    (
        "g08-okonjo-transfer.txt",
        [
            err(
                "multiplier-word",
                ["The fee almost trebles"],
                ["almost trebles", "£21m"],
                "£46.5m is 2.2 times £21m, not almost three times.",
            ),
            err(
                "repeated-figure-mismatch",
                ["the £45.6m deal"],
                ["£45.6m"],
                "The fee is £46.5m in the headline and intro, £45.6m at the end.",
            ),
        ],
        [
            "£46.5m + up to £8m add-ons = £54.5m.",
            "Born February 2004, 21 in August 2025.",
        ],
    ),
    (
        "g09-energy-price-cap.txt",
        [
            err(
                "growth-arithmetic",
                ["the cap will be £1,849 a year", "described the increase as 3.4 per cent"],
                ["£1,849", "£1,755", "3.4 per cent"],
                "£1,755 to £1,849 is a 5.4% rise, not 3.4% (stated in the next sentence).",
            ),
            err(
                "period-mismatch",
                ["takes effect on 1 January 2026", "which applies from October to December"],
                ["1 January 2026", "October to December"],
                "The new cap applies from 1 January 2026, not October to December.",
            ),
        ],
        [
            "£1,849 - £1,755 = £94.",
            "Standing charge 51.4p -> 53.8p has no stated change.",
        ],
    ),
    (
        "g10-net-migration.txt",
        [
            err(
                "weekday-date",
                ["Wednesday, 27 November 2025"],
                ["Wednesday, 27 November 2025"],
                "27 November 2025 is a Thursday (as the dateline says).",
            ),
            err(
                "growth-arithmetic",
                ["Visas granted to care workers"],
                ["38 per cent", "27,400", "52,100"],
                "52,100 to 27,400 is a 47% fall, not 38%.",
            ),
        ],
        [
            "431,000 -> 204,000 is -52.7%, 'more than half'.",
            "898,000 arrivals - 694,000 departures = 204,000.",
        ],
    ),
    (
        "g11-doris-pennell-centenarian.txt",
        [
            err(
                "age-arithmetic",
                ["Doris, 105", "On Sunday she turns 105"],
                ["105", "14 June 1922"],
                "Born 14 June 1922, she turns 104 on 14 June 2026.",
            )
        ],
        [
            "Married 1947 at 25; 5 + 11 + 14 = 30 descendants.",
            "Sunday is 14 June 2026.",
        ],
    ),
    (
        "g12-lowland-renewables.md",
        [
            err(
                "multiplier-word",
                ["nearly double the 2.9 GW"],
                ["4.8 GW", "nearly double", "2.9 GW"],
                "2.9 GW to 4.8 GW is a factor of 1.66, not nearly double.",
            ),
            err(
                "share-arithmetic",
                ["supplied 6.1 GW"],
                ["6.1 GW", "14.2 GW", "38%"],
                "6.1 GW of 14.2 GW is 43%, not 38%.",
            ),
        ],
        [
            "Coal 15% -> 11% is four percentage points.",
            "Emissions 62 -> 30 million tonnes is 'halved' (0.48).",
        ],
    ),
]


if __name__ == "__main__":
    write(HERE, ARTICLES)
