"""Quotes signed by a name, and quotes with no cue whose speaker is named nearby, on
hand-built articles (traps of unseen news, written fresh): readers' comments one
to a line, each signed ``― Name``."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who

# readers' comments, one to a line after a single line break, each signed
READERS = (
    "Ten Farmers Tell Us What They Think Of The New Water Rules.\n\n"
    "We asked readers who farm along the river what the rules mean to them.\n\n"
    "“The rules came too late for my orchard. We lost half the trees in June.”{gap}― Dana Whitlow\n"
    "“My neighbours sold up last year. The young ones do not want the work.”{gap}― Omar Feld\n"
    "“Nobody in the capital has walked a dry field. He says he cares as he cuts the grants"
    " for small growers.” ― Ruth Abernathy\n"
)


@pytest.mark.parametrize("gap", ["", " ", "\u00a0"])
@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("The rules came too late", "Dana Whitlow"),
        # a quote opening the line after a signature: a whole quote, not a fragment
        ("My neighbours sold up", "Omar Feld"),
        # a report inside the quote ("he says ... as he cuts") names no one's quote
        ("Nobody in the capital", "Ruth Abernathy"),
    ],
)
def test_each_signed_line_is_its_signers_quote(
    nlp: Any, gap: str, words: str, speaker: str
) -> None:
    rec = run(READERS.format(gap=gap), nlp)
    qs = [q for q in rec.quotes if q.text.startswith(words)]
    assert len(qs) == 1, words
    assert qs[0].kind == "direct"
    assert who(qs[0]) == speaker
    assert qs[0].continues is None  # signed: no part of the comment above it


# "Said Ellis:": a sentence opening on the cue, the speaker right after it
SAID_FIRST = (
    "“It is hard to avoid,” said Ryan {name}, a tax consultant.\n\n"
    "The mayor has ignored the harbour. If anything, experts say her plans would make"
    " the code more complicated. Said {name}: “I don’t get the sense she’s the least bit"
    " interested in harbour reform.”\n"
)


@pytest.mark.parametrize("name", ["Ellis", "Banks", "Keller", "Morgan"])
def test_a_sentence_opening_on_said_names_its_speaker_next(nlp: Any, name: str) -> None:
    rec = run(SAID_FIRST.format(name=name), nlp)
    qs = [q for q in rec.quotes if q.text.startswith("I don’t get the sense")]
    assert len(qs) == 1
    assert who(qs[0]) == f"Ryan {name}"


# a lead-in sentence naming the speaker, with a show's title in it, after a quote
# by someone else that the parser runs on into it
LEAD_IN = (
    "The governor spoke on the radio on Sunday.\n\n"
    '"We need calm in the streets," Ann Lin said on KTV\'s "Morning Report."\n\n'
    "{opening} Sen. Omar Reyes (Vt.), who lost the primary to Lin, named the young as the"
    ' reason to vote this fall. "The younger people are sick and tired of this."\n\n'
    "The city is quiet now.\n"
)


@pytest.mark.parametrize("opening", ['On "Face the Week,"', "On Sunday,"])
def test_a_title_in_the_lead_in_quotes_no_one(nlp: Any, opening: str) -> None:
    rec = run(LEAD_IN.format(opening=opening), nlp)
    qs = [q for q in rec.quotes if q.text.startswith("The younger people")]
    assert len(qs) == 1
    assert who(qs[0]) == "Omar Reyes"


# a long description between the name and the verb after the quote
DESCRIBED = (
    "The network has many critics in the capital.\n\n"
    "''Their plan is very clear: to look like a real source of news,'' Nora Vance, a"
    " senior fellow at the Lakeside Institute and a former United States envoy to Norway,"
    " said of the network. ''Hiring famous hosts helps.''\n\n"
    "The network did not comment.\n"
)


@pytest.mark.parametrize("words", ["Their plan", "Hiring famous hosts"])
def test_a_long_description_sets_off_the_speaker(nlp: Any, words: str) -> None:
    qs = [q for q in run(DESCRIBED, nlp).quotes if q.text.startswith(words)]
    assert len(qs) == 1
    assert who(qs[0]) == "Nora Vance"
    # the mention is the source as news annotators mark it, description and all
    assert qs[0].speaker is not None
    assert qs[0].speaker.mention.endswith("envoy to Norway,")


# a lead paragraph that ends in a colon after "a statement by X"
STATEMENT_BY = (
    "The paper checked claims by both candidates this week.\n\n"
    "The slant shows when looking at how the site rated this statement by Ruiz on June 11:\n\n"
    "“If you look at what is going on in the city, jobs are an example: 40 percent are gone.”\n\n"
    "The site called the claim false.\n"
)


def test_a_statement_by_someone_before_a_colon_is_theirs(nlp: Any) -> None:
    qs = [q for q in run(STATEMENT_BY, nlp).quotes if q.text.startswith("If you look")]
    assert len(qs) == 1
    assert who(qs[0]) == "Ruiz"


def test_a_signature_the_parse_runs_on_to_the_next_line_is_the_name(nlp: Any) -> None:
    text = (
        "The harbor board and the fishers have argued for a year.\n\n"
        "“So far it is the fishers: 1, the board: 0. But it is a long game.” - Tom Keller\n\n"
        "Writing in a blog post, Keller called the dispute a small war.\n"
    )
    (quote,) = [q for q in run(text, nlp).quotes if q.text.startswith("So far")]
    assert who(quote) == "Tom Keller"


def test_a_quote_resumed_after_a_photo_caption_goes_on(nlp: Any) -> None:
    text = (
        "The port will not get the old ferry.\n\n"
        "Mayor Ana Ruiz said, “The harbor put a great deal of work into its bid. I am "
        "disappointed that the ministry did not choose us.\n\n"
        "The ferry at the pier in 1990. Image: Tom Keller.\n\n"
        "“However, the ferry's old engine will soon stand in our museum.”\n"
    )
    (quote,) = [q for q in run(text, nlp).quotes if q.text.startswith("However")]
    assert who(quote) == "Ana Ruiz"
