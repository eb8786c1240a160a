"""Which clause a quote's speaker comes from, on hand-built articles (written fresh,
after error classes of the real-news tuning sets): a report set apart from the one
around it, a paragraph about the last speaker, a quote that goes on from a fragment,
a cue whose object is who hears it, "As X reported:", the noun a relative pronoun
stands for, a dash the tagger read as a noun."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, speaker_of


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a time clause: Ortiz's word, which the witness only recounts
        (
            "He testified about a July meeting at the town hall when Mayor Lena Ortiz "
            'told visiting officials they would need to "deliver" before the board would '
            "agree to a grant.\n",
            "deliver",
            "Lena Ortiz",
        ),
        # words quoted right after the cue of a relative clause are that clause's report
        # (the real-news annotators give the judge; PolNeAR the outer source: since session
        # 13 such a report is kept, and PolNeAR dev's end-to-end and triples rose with it)
        (
            'And, in a clip that Judge Mara Quinn called "distasteful," Hollis expressed '
            'a desire to "shut the harbour for good."\n',
            "distasteful",
            "Mara Quinn",
        ),
        # what is said stays the reporter's (news annotators give the outer source)
        (
            'Trump said that Clinton once described the deal as "the gold standard" of '
            "trade deals.\n",
            "the gold standard",
            "Trump",
        ),
    ],
)
def test_a_fragment_is_said_by_the_report_it_hangs_from(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert speaker_of(run(text, nlp), words, "fragment") == speaker


# a quote paragraph after a paragraph about the one who spoke last
UPBEAT = (
    'Mara Ellison said the harbour plan would "cost the town its soul."\n\n'
    '"This is not a plan for fishermen, it is a plan for yachts," Ellison told the '
    "council.\n\n"
    "{about}\n\n"
    '"Not only can we stop the marina, we can rebuild the old pier with the money."\n'
)


@pytest.mark.parametrize(
    ("about", "speaker"),
    [
        (
            "Ellison is hopeful about the vote, in part because she sees the mayor as an ally.",
            "Mara Ellison",
        ),
        ("She is hopeful about the vote on Tuesday.", "Mara Ellison"),
        # a paragraph about someone else hands nothing on
        ("Mayor Dan Pruitt is hopeful about the vote on Tuesday.", None),
    ],
)
def test_a_paragraph_about_the_last_speaker_hands_the_quote_on(
    nlp: Any, about: str, speaker: str | None
) -> None:
    rec = run(UPBEAT.format(about=about), nlp)
    assert speaker_of(rec, "Not only can we") == speaker


def test_a_quote_goes_on_from_a_fragment_named_later(nlp: Any) -> None:
    """The fragment before it gets its speaker from the report around it, after the
    quotes are read: the quote that goes on from it takes that speaker too."""
    rec = run(
        'Tom Brask said he would fight the plan, which he called "a gift to the yacht '
        'clubs."\n\n'
        "He expects the county to be "
        '"dealing with the damage for a decade."\n\n'
        '"This is not a small mistake in the budget, it is a failure from top to bottom" '
        "in his view.\n",
        nlp,
    )
    assert speaker_of(rec, "This is not a small mistake") == "Tom Brask"


def test_block_quotes_after_a_report_go_on_with_its_source(nlp: Any) -> None:
    rec = run(
        "CNN reported that night that the mayor would resign.\n\n"
        '"The hearing was closed but Councillor Pete Ring spoke to reporters afterwards '
        "and said this conflicted with previous accounts.\n\n"
        '"Ring said the testimony differed from an earlier account the former director '
        "gave the council.\n",
        nlp,
    )
    assert speaker_of(rec, "The hearing was closed") == "CNN"
    assert speaker_of(rec, "Ring said the testimony") == "CNN"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the one told hears it
        (
            '"We will open the ferry again by June," Petra Lund, the harbour master, tells '
            "the Courier in an interview.\n",
            "We will open",
            "Petra Lund",
        ),
        # "As X reported, ...:" then the quoted report
        (
            "As the Herald reported, even on Friday the harbour board was refusing to call "
            "the closure a failure:\n\n"
            '"The board is still reluctant to call the closure a failure, citing the review '
            "by the auditors.\n\n"
            '"At the harbour today, reporters questioned spokesman Ian Dale about the '
            'losses."\n',
            "At the harbour today",
            "the Herald",
        ),
        # a long subject noun phrase after a quote closed without a comma
        (
            '"Apparently not," she said.\n\n'
            '"Dr. Lane invited both Bob and me to her house today to talk about changes she '
            "wanted to make in her clinic\" the Courier's senior politics editor Marta Quill "
            'responded. "As we wrote, she told us that every job was on the table."\n',
            "Dr. Lane invited",
            "Marta Quill",
        ),
        # "For example:" is no "Name:" line before the quote
        (
            'Lane was wrong before. For example: "We made a terrible mistake getting '
            "involved in the harbour in the first place,\" Lane told the Courier's Dana Ruiz in "
            "October.\n",
            "We made a terrible mistake",
            "Lane",
        ),
        # "who" the object of the cue: the one who calls speaks
        (
            "Much of Lane's anger was directed at Pruitt, who Lane on Wednesday called "
            '"a horrible, despicable human being."\n',
            "a horrible, despicable",
            "Lane",
        ),
        # a dash the tagger may read as a noun is no subject
        (
            "When the auditor noted that the fund had lost money ― as was true for the two "
            "years its books were made public ― Governor Tom Brask boasted, "
            '"That makes us careful."\n',
            "That makes us careful",
            "Tom Brask",
        ),
    ],
)
def test_the_cue_verb_says_who_speaks(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert speaker_of(run(text, nlp), words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "He dismissed criticism from Giles and Harold Dorsey, a banker and former "
            "treasury official who has suggested the mayor's aides have been making money "
            "off the project.\n",
            "the mayor's aides",
            "Harold Dorsey",
        ),
        (
            "Editor's note: Victor Kane regularly insults judges and is a serial liar, "
            "rampant braggart and bully who has repeatedly pledged to close every court in "
            "the county.\n",
            "to close every court",
            "Victor Kane",
        ),
        (
            "The video has become a focal point for demonstrators here, who have taken to "
            "the streets and called for the footage to be released.\n",
            "the footage to be released",
            "demonstrators",
        ),
    ],
)
def test_a_relative_pronoun_names_the_one_it_stands_for(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert speaker_of(run(text, nlp), words, "indirect") == speaker


@pytest.mark.parametrize(
    ("gap", "end", "speaker"),
    [
        ("\n\n", ".", "Mara Ellison"),
        ("\n \t\n\n", ".", "Mara Ellison"),  # blank lines with spaces in them
        ("\n\n", "?", "Mara Ellison"),
        # "... about the vote:" introduces what follows, which the rules leave open; the
        # learned second look (people.speaker_rank) names the one the paragraph is about
        ("\n\n", ":", "Mara Ellison"),
    ],
)
def test_the_paragraph_before_a_lone_quote_ends_a_sentence(
    nlp: Any, gap: str, end: str, speaker: str | None
) -> None:
    about = "Ellison is hopeful about the vote on Tuesday" + end
    rec = run(UPBEAT.format(about=about).replace(f"{end}\n\n", f"{end}{gap}"), nlp)
    assert speaker_of(rec, "Not only can we") == speaker
