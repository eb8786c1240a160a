"""Quotes said at an occasion the text sets up once and quotes from over several paragraphs.

Made-up articles, end to end (parse, quotes, timexes, dates). 2019-11-20 is a Wednesday:
last week is 2019-11-11/2019-11-17, the weekend 2019-11-16/2019-11-17, Monday 2019-11-18.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.when_helpers import when

NEWS_DAY = "2019-11-20"
WEEK = "2019-11-11/2019-11-17"


@pytest.mark.parametrize(
    ("text", "quoted", "expected"),
    [
        # "At a hearing last week": the same speaker, paragraphs on
        (
            "The council is short of money.\n\n"
            "At a hearing last week, Senator Mara Quist pressed the transit chief, Owen Pratt, "
            "on the budget.\n\n"
            "“We cannot keep the trains running on hope,” Quist said.\n\n"
            "The agency spent more than planned on new buses.\n\n"
            "“Somebody has to pay for the repairs,” she said.",
            "Somebody has to pay",
            WEEK,
        ),
        # ... and another speaker the text places there, answering
        (
            "At a hearing last week, Senator Mara Quist pressed the transit chief on the "
            "budget.\n\n"
            "“We cannot keep the trains running on hope,” Quist said.\n\n"
            "“We have asked for more money twice,” responded Owen Pratt, the transit chief.",
            "asked for more money",
            WEEK,
        ),
        # ... and one who puts it to a witness there ("scolded him:"), not named before
        (
            "The baker appeared at a 2014 Senate hearing over the cakes he sold at the fair.\n\n"
            "Sen. Mara Quist scolded him: \u201cAll the judges are against you on those cakes,"
            "\u201d she said. \u201cI cannot see why you still bake them.\u201d",
            "I cannot see why",
            "2014",
        ),
        # an address, dated by its year: the speaker's words in it, a paragraph on
        (
            "The mayor's stand was set out in a 2012 address Ana Ruiz gave to the harbor "
            "guild.\n\n"
            '"The docks are the town\'s front door," Ruiz said in her remarks.',
            "front door",
            "2012",
        ),
        # a month: "during a September hearing"
        (
            "The plan has critics. “Fewer trains mean fewer riders,” said Lena Okafor, a "
            "former transit planner, during a September hearing on the budget.\n\n"
            "“The cuts will cost more than they save,” Okafor said.",
            "cost more than they save",
            "2019-09",
        ),
        # "an interview that aired over the weekend"
        (
            "The mayor, Ana Ruiz, defended the budget in an interview that aired over the "
            "weekend.\n\n"
            "“We made hard choices and I stand by them,” Ruiz said.\n\n"
            "“Nobody likes higher fares,” she added.",
            "Nobody likes higher fares",
            "2019-11-16/2019-11-17",
        ),
        # "after Monday's game"
        (
            "The Hawks lost again. Coach Tom Bell spoke after Monday's game against the "
            "Owls.\n\n"
            "“We did not play well enough to win,” Bell said.",
            "did not play well",
            "2019-11-18",
        ),
        # "after the game" that the lead dated
        (
            "The Hawks lost to the Owls on Monday night.\n\n"
            "Coach Tom Bell said after the game that the team was tired.\n\n"
            "“We did not play well enough to win,” Bell said.",
            "did not play well",
            "2019-11-18",
        ),
        # another date told: the narrative has moved on
        (
            "At a rally last week, Senator Mara Quist attacked the plan.\n\n"
            "On Nov. 2, the council voted for it.\n\n"
            "“The plan will fail,” Quist said.",
            "The plan will fail",
            None,
        ),
        # many paragraphs on, without a word said there: moved on
        (
            "At a rally last week, Senator Mara Quist attacked the plan.\n\n"
            "The plan would close two stations.\n\n"
            "The city has 40 stations.\n\n"
            "Ridership fell by a third.\n\n"
            "“The plan will fail,” Quist said.",
            "The plan will fail",
            None,
        ),
        # someone the text never places there spoke to the reporter
        (
            "At a rally last week, Senator Mara Quist attacked the plan.\n\n"
            "“The plan will fail,” Quist said.\n\n"
            "“She is wrong about the numbers,” said Kim Lee, a spokeswoman for the mayor.",
            "wrong about the numbers",
            None,
        ),
        # words said in another interview, or before this one, are not said at it
        (
            "At a hearing last week, Senator Mara Quist pressed the transit chief.\n\n"
            "“We cannot keep the trains running on hope,” Quist said in an interview.",
            "running on hope",
            None,
        ),
        (
            "The mayor, Ana Ruiz, defended the budget in an interview that aired over the "
            "weekend.\n\n"
            "“He will dodge every question,” Tom Bell said before the interview.",
            "dodge every question",
            None,
        ),
        # "says": the article's present
        (
            "At a hearing last week, Senator Mara Quist pressed the transit chief.\n\n"
            "“We cannot keep the trains running on hope,” Quist says.",
            "running on hope",
            None,
        ),
        # a speaker placed at another occasion only (a pull quote) takes that one's date
        (
            "At a hearing last week, Senator Mara Quist pressed Owen Pratt, the transit "
            "chief.\n\n"
            "“We cannot keep the trains running on hope,” Quist said.\n\n"
            "At a hearing last month, Councilman Ray Dunn spoke for the plan.\n\n"
            "“The plan saves money,” Dunn said.\n\n"
            "“The trains cannot run on hope,” Quist said.\n\n"
            "“It saves money in the first year,” Dunn said.",
            "cannot run on hope",
            WEEK,
        ),
        # ... but one named where this occasion is set up was there, whatever else they said
        # at another occasion quoted further on
        (
            "Senator Mara Quist coined the phrase during a Saturday rally in Dover.\n\n"
            "“The trains cannot run on hope,” she said then.\n\n"
            "Quist also spoke at a rally Monday in Salem.\n\n"
            "“The plan saves nothing,” Quist said Monday.",
            "cannot run on hope",
            "2019-11-16",
        ),
        # one the text shows there ("Yet there in the back was Ferrell"), after the crowd's
        # replies, which keep the occasion going
        (
            "At a rally last week, Senator Mara Quist attacked the plan.\n\n"
            '"Do we pay for it?" Quist asked.\n\n'
            '"Nooooo!"\n\n'
            '"Or do we fix the old pier?"\n\n'
            '"Yesssss!"\n\n'
            "The dock workers roared. Yet there in the back was Tom Ferrell, a crane driver.\n\n"
            '"It is like a cheerleading contest," Ferrell said.',
            "cheerleading contest",
            WEEK,
        ),
        # "said later" after words said at a dated occasion: later at it
        (
            "“The voters are with us,” Senator Mara Quist said at a rally in Ohio last week.\n\n"
            "“Bring your neighbors next time,” she said later.",
            "Bring your neighbors next time",
            WEEK,
        ),
        # ... but without an occasion, "later" is after it, by the article date
        (
            "“The voters are with us,” Senator Mara Quist said last week.\n\n"
            "“Bring your neighbors next time,” she said later.",
            "Bring your neighbors next time",
            "2019-11-11/2019-11-20",
        ),
        # the statement dated in the paragraph before (a sentence never runs over a paragraph)
        (
            "The firm bid for the contract, in a statement released November 5, the day bids "
            "were due.\n\n"
            "“Our barges are already on the river,” Ines Marlow, a manager at the firm, "
            "said in that statement.",
            "already on the river",
            "2019-11-05",
        ),
    ],
)
def test_occasion_holds_for_its_quotes(
    nlp: Any, text: str, quoted: str, expected: str | None
) -> None:
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    (q,) = [q for q in record.quotes if quoted in q.text]
    assert when(q) == expected
    assert q.when_basis == ("text" if expected else "article date")
