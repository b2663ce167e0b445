"""Build key.json for bench/cross from anchor phrases, so line numbers follow the articles.

Each error lists `anchors`: phrases that each occur on exactly one line of the article; those
lines are the error's `lines`. Every `figures` entry must occur on one of them. Run from anywhere:
    python bench/cross/make_key.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from anchored_key import Article, err, write  # noqa: E402

ARTICLES: list[Article] = [
    (
        "b01-ferrand-foods-half.txt",
        [
            err(
                "growth-arithmetic",
                ["Operating profit climbed 14%"],
                ["14%", "€312 million", "€287 million"],
                "€287 million to €312 million is an 8.7% rise, not 14% (prior value in the next "
                "sentence).",
            )
        ],
        [
            "Sales €3.00bn -> €3.18bn is 6%, prior value in the next sentence.",
            "Divisions €1.71bn + €0.94bn + €0.53bn = €3.18bn, spread over two sentences.",
            "Net debt €1.3bn -> €1.1bn; guidance is a range.",
        ],
    ),
    (
        "b02-tessaly-systems-q3.txt",
        [
            err(
                "sum-mismatch",
                ["Revenue came to $4.2 billion"],
                ["$4.2 billion", "$1.9 billion", "$1.4 billion", "$1.2 billion"],
                "The units add to $4.5 billion, not the $4.2 billion of the sentence before.",
            ),
            err(
                "repeated-figure-mismatch",
                ["Operating income was $880 million", "the $808 million operating profit"],
                ["$880 million", "$808 million"],
                "Operating income is $880 million, later called operating profit of $808 million.",
            ),
        ],
        [
            "Staff 5,100 + 3,900 + 3,400 = 12,400 across two sentences.",
            "Net income $520m -> $610m is 17%.",
            "Cloud growth 22% has no stated base; forecast is a range.",
        ],
    ),
    (
        "b03-grantley-water-penalty.txt",
        [
            err(
                "repeated-figure-mismatch",
                ["a penalty of £14.2m", "The £12.4m fine"],
                ["£14.2m", "£12.4m"],
                "The penalty is £14.2m in the intro, later the fine is £12.4m.",
            )
        ],
        [
            "£14.2m of £96m operating profit is 14.8%, 'about 15%', in the next sentence.",
            "£14.2m over 2.8 million customers is about £5 each.",
            "£3.1m refund and £0.8m legal costs are other sums.",
        ],
    ),
    (
        "b04-kauri-dairy-exports.txt",
        [
            err(
                "sum-mismatch",
                ["Exports to China were worth", "In all, Kauri shipped"],
                ["NZ$655 million", "NZ$380 million", "NZ$410 million", "NZ$1.54 billion"],
                "The only three markets add to NZ$1.445 billion, not the NZ$1.54 billion given "
                "three paragraphs later.",
            )
        ],
        [
            "Milk 1.90 -> 1.96 billion litres is 3%, prior in the next sentence.",
            "460 of 1,840 farms is a quarter.",
            "Milk price NZ$8.40 -> NZ$10.20 has no stated change; guidance is a range.",
        ],
    ),
    (
        "b05-norrvik-steel-results.txt",
        [
            err(
                "sum-mismatch",
                ["Net sales reached €8.1bn"],
                ["€8.1bn", "€3.6bn", "€2.9bn", "€1.2bn"],
                "Europe, the Americas and Asia-Pacific add to €7.7bn, not €8.1bn, with no other "
                "region (no cue word).",
            ),
            err(
                "growth-arithmetic",
                ["Net profit rose to €540m"],
                ["€540m", "€410m", "24%"],
                "€410m to €540m is a 31.7% increase, not 24% (stated in the next sentence).",
            ),
        ],
        [
            "Output 12.0 -> 11.2 million tonnes is -6.7%, 'a drop of 7%'; mills 6.8 + 4.4 = 11.2 "
            "in the next sentence.",
            "0.21 -> 0.42 million tonnes doubled; dividend €0.90 -> €1.10 has no stated change.",
        ],
    ),
    (
        "b06-bramford-airport-july.txt",
        [
            err(
                "growth-arithmetic",
                ["Passenger numbers fell 9%"],
                ["9%", "2.3 million", "2.7 million"],
                "2.7 million to 2.3 million is a 14.8% fall, not 9% (July last year in the next "
                "sentence).",
            ),
            err(
                "repeated-figure-mismatch",
                ["spending £38m on an upgrade", "the £83m terminal project"],
                ["£38m", "£83m"],
                "The terminal upgrade costs £38m, later the terminal project is £83m.",
            ),
        ],
        [
            "June's 2.5 million is another month, not July's prior value.",
            "Cargo 39,000 -> 41,000 tonnes is 5.1%, 'up 5%', prior in the next sentence.",
            "14.2 -> 14.6 million is 2.8%, '3%'.",
        ],
    ),
    (
        "b07-hollis-building-society.txt",
        [
            err(
                "share-arithmetic",
                ["lent £6.4bn to first-time buyers"],
                ["£6.4bn", "31%", "£18.2bn"],
                "£6.4bn of £18.2bn is 35.2%, not 31% (stated in the next sentence).",
            )
        ],
        [
            "£9.8bn of £52.3bn is 18.7%, '19%', in the next sentence.",
            "Profit £301m -> £284m has no stated change; arrears 0.47% -> 0.41%.",
        ],
    ),
    (
        "g01-tarrow-assembly-election.txt",
        [
            err(
                "sum-mismatch",
                ["The assembly has 80 seats"],
                ["80 seats", "34 seats", "21", "15", "12"],
                "34 + 21 + 15 + 12 = 82 seats, not 80 (over three sentences, no cue word).",
            )
        ],
        [
            "Vote shares 38.4 + 24.1 + 19.6 + 17.9 = 100.0 per cent over two sentences.",
            "Turnout 57.9 -> 61.2 per cent is 3.3 points.",
            "8 May 2026 is a Friday; Thursday's vote is 7 May.",
        ],
    ),
    (
        "g02-dyfed-valleys-waiting-list.txt",
        [
            err(
                "growth-arithmetic",
                ["The waiting list has grown by 12,300"],
                ["12,300", "148,900", "131,600"],
                "131,600 to 148,900 is a rise of 17,300, not 12,300 (prior in the next sentence).",
            )
        ],
        [
            "August's 4,100 additions are one month, not the year's change.",
            "11,500 -> 9,200 is a 20 per cent drop.",
        ],
    ),
    (
        "g03-harcourt-council-budget.txt",
        [
            err(
                "repeated-figure-mismatch",
                ["approved a budget of £412m", "The spending plan, worth £421m"],
                ["£412m", "£421m"],
                "The budget is £412m, later the spending plan is worth £421m.",
            )
        ],
        [
            "Band D £1,924 -> £2,020 is £96 and 4.99%; 'the 4.99% increase' restates it.",
            "£178m of £412m is 43%, in the next sentence.",
            "25 February 2026 is a Wednesday.",
        ],
    ),
    (
        "g04-strathmore-applications.txt",
        [
            err(
                "sum-mismatch",
                ["Applications from England rose to 41,200", "In total the university received"],
                ["41,200", "6,300", "2,900", "1,100", "50,500"],
                "41,200 + 6,300 + 2,900 + 1,100 = 51,500 UK applications, not the 50,500 total "
                "two paragraphs later.",
            ),
            err(
                "share-arithmetic",
                ["made offers to 4,800 international"],
                ["4,800", "just over half"],
                "4,800 of 11,040 international applicants is 43%, not just over half.",
            ),
        ],
        [
            "International 12,000 -> 11,040 is -8%.",
            "14 applicants per medicine place has no base.",
        ],
    ),
    (
        "g05-wessex-vale-crime.txt",
        [
            err(
                "growth-arithmetic",
                ["Burglaries fell by 14%"],
                ["14%", "8,940", "11,870"],
                "11,870 to 8,940 is a 24.7% fall, not 14% (prior in the next sentence).",
            )
        ],
        [
            "Vehicle crime 4,500 -> 4,230 is -6%, prior in the next sentence.",
            "Officers 3,150, 140 more than two years ago: no base given.",
        ],
    ),
    (
        "g06-riverside-marathon.txt",
        [
            err(
                "multiplier-word",
                ["This year 2,900 runners"],
                ["2,900", "1,100", "quadrupled"],
                "1,100 to 2,900 finishers is a factor of 2.6, not a quadrupling.",
            ),
            err(
                "repeated-figure-mismatch",
                ["The race raised £418,000", "The money raised, £481,000"],
                ["£418,000", "£481,000"],
                "The race raised £418,000, later the money raised is £481,000.",
            ),
        ],
        [
            "1,240 of 2,900 finishers is 42.8%, '43 per cent', in the next sentence.",
            "4 October 2026 is a Sunday.",
        ],
    ),
    (
        "g07-harbour-museum-visitors.txt",
        [
            err(
                "growth-arithmetic",
                ["Visitor numbers at the museum reached"],
                ["1.42 million", "1.18 million", "30 per cent"],
                "1.18 million to 1.42 million is a 20% rise, not 30%.",
            ),
            err(
                "repeated-figure-mismatch",
                ["an annual grant of £7.5m", "the £5.7m subsidy"],
                ["£7.5m", "£5.7m"],
                "The city's grant is £7.5m, later the subsidy is £5.7m.",
            ),
        ],
        [
            "Pupils 80,000 -> 96,000 is 'a fifth more'.",
            "Ticket income £2.9m + £1.7m = £4.6m across two sentences.",
        ],
    ),
]


if __name__ == "__main__":
    write(HERE, ARTICLES)
