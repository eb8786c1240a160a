"""Quote dates: the day a lead reports, and where it stops (made-up news; 2019-11-20 is a
Wednesday, so "Tuesday" is the day before): a history told after the lead, a sentence that
only names a speaker inside its subject, a page's date line under the headline."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.when import learned
from tests.when_helpers import assert_quote_dated, dated

_LEAD = (
    "Mayors meet over the harbor.\n\n"
    "Mayor Ana Ruiz met Mayor Tom Ferrell at the Dover town hall on Tuesday, and the two "
    "agreed to share the cost of dredging the harbor.\n\n"
    '"We have waited long enough," Ruiz said after the meeting.\n\n'
)


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # the narrative has gone back years; a speaker the lead does not report on is quoted
        # there: the words are the paper's, not the day's news
        (
            _LEAD + "The two first clashed in 2009, when the harbor flooded the lower town and "
            "each blamed the other for the repairs.\n\n"
            '"They never trusted each other after that," said Jo Park, a former harbor '
            "engineer who worked for both towns.",
            "never trusted each other",
            None,
        ),
        # ... a speaker the lead reports on, quoted there, is still at the day's news
        (
            _LEAD + "The two first clashed in 2009, when the harbor flooded the lower town and "
            "each blamed the other for the repairs.\n\n"
            '"That is behind us now," Ruiz said.',
            "behind us now",
            "2019-11-19",
        ),
        # ... and a year told in a clause about something else is no going back
        (
            _LEAD + "The dredger, which the town bought in 2009, sat idle at the pier.\n\n"
            '"It will finally be used," said Jo Park, a harbor engineer.',
            "finally be used",
            "2019-11-19",
        ),
    ],
)
def test_a_history_after_the_lead(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # a name inside the subject ("Ruiz's poor showings on Monday have ...") shows no
        # one anywhere: it is no caption
        (
            "The council voted on Wednesday to close the harbor for the winter.\n\n"
            "Ruiz's poor showings in the two towns on Monday have her campaign on the brink of "
            "collapse.\n\n"
            '"The numbers do not add up," Ruiz said.',
            "numbers do not add up",
            None,
        ),
        # ... the subject itself, in a caption, does
        (
            "The council voted on Wednesday to close the harbor for the winter.\n\n"
            "Ana Ruiz and Tom Ferrell stand in front of the town hall in Dover on Monday.\n\n"
            '"The numbers do not add up," Ruiz said.',
            "numbers do not add up",
            "2019-11-18",
        ),
    ],
)
def test_a_caption_names_its_subject(
    nlp: Any, monkeypatch: pytest.MonkeyPatch, text: str, quoted: str, when: str | None
) -> None:
    # the hand rules' verdict, before the learned choice weighs the day told against the
    # article's (tests/test_when_learned.py)
    monkeypatch.setattr(learned, "load_model", lambda *_: None)
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # the page's date line is not a day the lead tells of: the lead reports Tuesday
        (
            "Harbor town opens its new pier\n\n"
            "Wednesday, November 20, 2019\n\n"
            "The town of Dover opened its new pier at a rally on Tuesday after two years of "
            "work.\n\n"
            "The pier replaces one the storms of the last winter broke in two.\n\n"
            "Its builders had to drive the piles deeper than planned.\n\n"
            '"This is a great day for the harbor," Mayor Ana Ruiz said.',
            "great day for the harbor",
            "2019-11-19",
        ),
        # ... a lead that tells the article's own day reports that day
        (
            "Harbor town opens its new pier\n\n"
            "The town of Dover opened its new pier on Wednesday after two years of work.\n\n"
            '"This is a great day for the harbor," Mayor Ana Ruiz said.',
            "great day for the harbor",
            None,
        ),
    ],
)
def test_a_date_line(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    assert dated(nlp, text, quoted) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # a bare year in the attribution of the speaker's letter dated just before: the same
        # account, told more finely
        (
            "Ana Ruiz has endorsed Tom Ferrell for governor.\n\n"
            "The announcement came in a letter from Ruiz, sent to supporters on Monday.\n\n"
            '"I have decided to support Tom Ferrell," Ruiz wrote.\n\n'
            "She then listed the qualities she wants in a governor in 2019:\n\n"
            '"He must know the harbor and the people who work on it."',
            "He must know the harbor",
            "2019-11-18",
        ),
        # ... "earlier this year" tells a time of its own (up to the day before the article)
        (
            "Ana Ruiz has endorsed Tom Ferrell for governor.\n\n"
            "The announcement came in a letter from Ruiz, sent to supporters on Monday.\n\n"
            '"I have decided to support Tom Ferrell," Ruiz wrote.\n\n'
            '"He must know the harbor," Ruiz said at a forum earlier this year.',
            "He must know the harbor",
            "2019-01-01/2019-11-19",
        ),
    ],
)
def test_a_year_of_an_account_dated_finely(nlp: Any, text: str, quoted: str, when: str) -> None:
    assert_quote_dated(nlp, text, quoted, when)
