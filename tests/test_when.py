"""When each quote was said: the attribution sentence, the narrative, the channel."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from saidwhen.extract.timexes import find_timexes
from saidwhen.extract.when import date_quotes, doc_sentences
from saidwhen.model import DateRange, Quote, Span, Speaker

ANCHOR = dt.date(2021, 4, 10)


def quote(
    text: str,
    content: str,
    cue: str,
    *,
    speaker: str = "Ana Ruiz",
    kind: str = "indirect",
    channel: str | None = None,
    after: int = 0,
    continues: int | None = None,
) -> Quote:
    """A hand-made quote: the first ``content`` and ``cue`` at or after ``after``."""
    s = text.index(content, after)
    c = text.index(cue, after)
    return Quote(
        text=content,
        start=s,
        end=s + len(content),
        kind=kind,  # type: ignore[arg-type]
        speaker=Speaker(speaker, speaker, c, c),
        cue=Span(cue, c, c + len(cue)),
        channel=channel,
        continues=continues,
    )


def dated(text: str, quotes: list[Quote], doc: Any = None) -> list[Quote]:
    return date_quotes(doc if doc is not None else text, quotes, find_timexes(text, ANCHOR), ANCHOR)


NARRATIVE = (
    "On March 3, the mayor said on Twitter that the bridge would reopen. "
    "She later told reporters that repairs were slow. "
    "Now, in a letter, she wrote that the work was done."
)


def narrative_quotes() -> list[Quote]:
    t = NARRATIVE
    return [
        quote(t, "that the bridge would reopen", "said", channel="Twitter"),
        quote(t, "that repairs were slow", "told"),
        quote(t, "that the work was done", "wrote", channel="letter"),
    ]


# quote index -> (when, when_range, basis)
NARRATIVE_EXPECTED = [
    ("2021-03-03", None, "text"),
    (None, DateRange("2021-03-03", "2021-04-10"), "text"),
    ("2021-04-10", None, "text"),
]


@pytest.mark.parametrize("i", range(3))
def test_narrative_plain_text(i: int) -> None:
    q = dated(NARRATIVE, narrative_quotes())[i]
    assert (q.when, q.when_range, q.when_basis) == NARRATIVE_EXPECTED[i]


@pytest.mark.parametrize("i", range(3))
def test_narrative_parsed(nlp: Any, i: int) -> None:
    q = dated(NARRATIVE, narrative_quotes(), doc=nlp(NARRATIVE))[i]
    assert (q.when, q.when_range, q.when_basis) == NARRATIVE_EXPECTED[i]


def test_date_inside_the_quote_is_not_when_it_was_said() -> None:
    text = '"We will finish by Friday," the builder said.'
    q = dated(text, [quote(text, "We will finish by Friday,", "said", kind="direct")])[0]
    assert (q.when, q.when_range, q.when_basis) == (None, None, "article date")


def test_no_evidence_is_the_article_date() -> None:
    text = "The builder said that the crane was safe."
    q = dated(text, [quote(text, "that the crane was safe", "said")])[0]
    assert (q.when, q.when_basis) == (None, "article date")


def test_continuation_inherits() -> None:
    text = '"It was hard," he said on Monday. "But we learned."'
    first = quote(text, "It was hard,", "said", kind="direct")
    second = quote(text, "But we learned.", "said", kind="direct", continues=0)
    out = dated(text, [first, second])
    assert out[0].when == "2021-04-05"
    assert (out[1].when, out[1].when_basis) == ("2021-04-05", "text")


def test_a_title_in_anothers_report_is_no_account_of_the_speaker() -> None:
    # the speaker given to a quoted title in another's report ("films like 'Taken'") does
    # not carry that report's date to the speaker's own words further on
    text = (
        "At the shows, which began on Monday, the networks plan to unveil remakes of films "
        'like "Taken."\n\nCritics are tired of them. '
        '"It is irresistible," said Tom Lee, the head of a studio.'
    )
    report = quote(text, "to unveil remakes of films", "plan", speaker="the networks")
    title = quote(text, "Taken.", "plan", speaker="Tom Lee", kind="fragment", continues=0)
    words = quote(text, "It is irresistible,", "said", speaker="Tom Lee", kind="direct")
    out = dated(text, [report, title, words])
    assert out[1].when == "2021-04-05"
    assert (out[2].when, out[2].when_basis) == (None, "article date")


def test_past_perfect_continues_the_account() -> None:
    text = '"It was hard," he said on Monday. "We had no choice," he had added.'
    first = quote(text, "It was hard,", "said", kind="direct")
    second = quote(text, "We had no choice,", "had added", kind="direct")
    out = dated(text, [first, second])
    assert [q.when for q in out] == ["2021-04-05", "2021-04-05"]


def test_same_channel_same_speaker_shares_the_date() -> None:
    text = (
        "In a radio interview on Sunday, the coach said the team was tired. "
        '"We need rest," he said in the interview. '
        '"They need rest," a player said in an interview.'
    )
    qs = [
        quote(text, "the team was tired", "said", speaker="Tom Bell", channel="radio interview"),
        quote(
            text,
            "We need rest,",
            "said",
            speaker="Tom Bell",
            kind="direct",
            channel="interview",
            after=60,
        ),
        quote(
            text,
            "They need rest,",
            "said",
            speaker="Kim Lee",
            kind="direct",
            channel="interview",
            after=110,
        ),
    ]
    out = dated(text, qs)
    assert [q.when for q in out] == ["2021-04-04", "2021-04-04", None]
    assert out[2].when_basis == "article date"


def test_month_keeps_its_granularity() -> None:
    text = "In February, the minister said that taxes would rise."
    q = dated(text, [quote(text, "that taxes would rise", "said")])[0]
    assert q.when == "2021-02"


@pytest.mark.parametrize(
    ("opening", "when"),
    [("A month earlier", "2021-03"), ("A year ago", "2020"), ("Two days ago", "2021-04-08")],
)
def test_offset_is_no_more_precise_than_its_unit(opening: str, when: str) -> None:
    # "a month earlier" names a month, not the day one month before the article
    text = f"{opening}, the coach said that the season was over."
    q = dated(text, [quote(text, "that the season was over", "said")])[0]
    assert (q.when, q.when_basis) == (when, "text")


def test_inputs_are_not_changed() -> None:
    qs = narrative_quotes()
    out = dated(NARRATIVE, qs)
    assert all(q.when is None and q.when_basis == "article date" for q in qs)
    assert [q.text for q in out] == [q.text for q in qs]


def test_plain_sentence_split() -> None:
    text = 'He left. "Why?" she asked.\n\nNext day came.'
    spans = doc_sentences(text)
    assert [text[s:e] for s, e in spans] == ["He left.", '"Why?" she asked.', "Next day came."]


def test_cue_inside_a_quote_belongs_to_that_quote() -> None:
    text = "In March, she said that she had asked her staff to stay."
    outer = quote(text, "that she had asked her staff to stay", "said")
    inner = quote(text, "her staff to stay", "had asked")
    out = dated(text, [outer, inner])
    assert [q.when for q in out] == ["2021-03", "2021-03"]


def test_later_than_an_undated_quote_is_undated() -> None:
    text = (
        "In January, the lab moved. In her newsletter, she said the move went well. "
        "She later added in the newsletter that the move was costly."
    )
    first = quote(text, "the move went well", "said", channel="newsletter")
    second = quote(text, "that the move was costly", "added", channel="newsletter")
    out = dated(text, [first, second])
    assert [(q.when, q.when_range, q.when_basis) for q in out] == [
        (None, None, "article date"),
        (None, None, "article date"),
    ]


def test_since_is_a_range_to_the_article_date() -> None:
    text = "The mayor had promised since last summer that the park would open."
    q = dated(text, [quote(text, "that the park would open", "had promised")])[0]
    assert (q.when, q.when_range) == (None, DateRange("2020-06-01", "2021-04-10"))


# Quote dates on real news, end to end (parse, timexes, quotes, dates). 2019-11-20 is a Wednesday.
NEWS_DAY = "2019-11-20"


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # a weekday in the attribution is past for words already said
        (
            "The mayor said Thursday that the pier would close.",
            "the pier would close",
            "2019-11-14",
        ),
        # a date after the article is not when words already said were said
        (
            "The mayor said on Tuesday that the pier would reopen next spring.",
            "the pier would",
            "2019-11-19",
        ),
        (
            'The festival is next spring. "We are ready," the mayor said.',
            "We are ready",
            None,
        ),
        # a show's name is not a day
        ('"It was a great show," Lena Okafor said of Friday Night Lights.', "a great show", None),
        # an offset counts from the date the text gives
        (
            "In 2010, Okafor opened the shop. Nine years later, she said she was ready to sell it.",
            "she was ready to sell it",
            "2019",
        ),
        # a neighbour's date is not this quote's
        (
            'On Monday, the council voted. "We were never asked," said Tom Ferrell.',
            "never asked",
            None,
        ),
        (
            '"We were never asked," said Tom Ferrell. On Monday, the council voted.',
            "never asked",
            None,
        ),
        ('"We were never asked," Tom Ferrell said on Monday.', "never asked", "2019-11-18"),
        # a date a speaker mentions inside another quote of the sentence is not the saying's
        (
            'Ruiz told the panel, "I warned them on July 25. My warning went unheard."',
            "My warning",
            None,
        ),
        # "during the call": the call the text dated before
        (
            "He was arrested in April for the March 21 call to the bakery. During the call, he "
            'said, "someone should shut that place," the prosecutor said.',
            "someone should shut",
            "2019-03-21",
        ),
        # the account the narrative just dated, by the same speaker
        (
            "In December 2015, the club released a letter from Dr. Ines Marlow. "
            '"Her knee has healed well," Marlow wrote.',
            "knee has healed",
            "2015-12",
        ),
        # "earlier in the episode", never dated: the event the lead reports, and the speaker's
        # account goes on from a dated quoted word into the next quote
        (
            "Ana Ruiz was voted off the baking show on Monday after two rounds. Ruiz shared "
            'the news in a clip earlier in the episode, calling it "a long month." "My oven '
            'broke," Ruiz said.',
            "My oven broke",
            "2019-11-18",
        ),
        # a press event of the story, never dated: the lead's day
        (
            'The port authority on Monday added three firms to its dredging plan. "We need the '
            'boats," Ines Marlow, a port official, said in a conference call with reporters.',
            "We need the boats",
            "2019-11-18",
        ),
        # a reported act of the speaker on another day is not an account that goes on
        (
            "Tom Ferrell, who asked the referees to bench Okafor on Thursday night, said "
            'little. "All that counts is the score at the end," Ferrell said.',
            "All that counts",
            None,
        ),
        # words told to the same named audience as the speaker's dated words: that interview
        (
            '"The pier is safe," Ana Ruiz told Lena Okafor of Channel Five on Monday.\n\n'
            "The council has not voted on the repairs. The engineers want more time. The "
            "anglers want the pier open by spring. The bait shop has cut its hours. The ferry "
            "still runs twice a day, and the harbor master says the tides are calm.\n\n"
            'Ruiz told Channel Five that "the money for the repairs is already there."',
            "the money for the repairs",
            "2019-11-18",
        ),
        # reactions told together: the paragraph's first is dated by its own words
        (
            "Mayor Ana Ruiz said Monday that the audit should be published. Judge Tom Ferrell "
            'said it would be "unwise" to speak while the audit is open.',
            "unwise",
            "2019-11-18",
        ),
        # ... not in the next paragraph, nor words written for the record
        (
            "Mayor Ana Ruiz said Monday that the audit should be published.\n\nJudge Tom "
            'Ferrell said it would be "unwise" to speak while the audit is open.',
            "unwise",
            None,
        ),
        (
            "Mayor Ana Ruiz said Monday that the audit should be published. Judge Tom Ferrell "
            'said in a statement it would be "unwise" to speak while the audit is open.',
            "unwise",
            None,
        ),
        # the account just told by the same pronoun: "she told me on Monday" then "She said"
        (
            "Ana Ruiz, a baker, spoke to me about her shop. The change now, she told me on "
            "Monday, is that she bakes at night.\n\nShe said she did not raise her prices "
            'because "flour is cheap this year."',
            "flour is cheap",
            "2019-11-18",
        ),
        # an interview the account before never speaks of is another occasion
        (
            "On Sunday, Ana Ruiz told the viewers of her cooking program that every crumb counts. "
            '"Nobody wants a dry cake," Ruiz said in an interview.',
            "a dry cake",
            None,
        ),
        # "later on the same show": the occasion of the words just before goes on, dated or
        # not, not after the last date told
        (
            "The bakery has sold bread since May. Ana Ruiz told a radio show that flour was "
            'cheap. "We bake at night," she said.\n\nSpeaking later on the same show, Tom '
            'Lee said the bakery was "a gift to the town."',
            "a gift to the town",
            None,
        ),
        (
            'On Sunday, Ana Ruiz told a radio show that flour was cheap. "We bake at night," '
            "she said.\n\nSpeaking later on the same show, Tom Lee said the bakery was "
            '"a gift to the town."',
            "a gift to the town",
            "2019-11-17",
        ),
        # "in the same vein": the same thought, not the same occasion
        (
            'On Sunday, Ana Ruiz told a radio show that flour was cheap. "We bake at night," '
            "she said.\n\nIn the same vein, Tom Lee said the bakery was "
            '"a gift to the town."',
            "a gift to the town",
            None,
        ),
        # "minutes later": still the day told last
        (
            "On March 3, Ana Ruiz met the harbor board. Minutes later, she sent an email "
            "saying, \u201cdone.\u201d",
            "done",
            "2019-03-03",
        ),
        # the date of a cue set between the two halves of a quote is the saying's
        (
            "Some of her posts draw fire.\n\n\u201cIn other news,\u201d Ana Ruiz tweeted last "
            "January, \u201cthe harbor board wins a full-throated endorsement from its own "
            "chairman,\u201d after board spokesman Tom Lee expressed his support for his boss "
            "online.",
            "In other news",
            "2019-01",
        ),
        # a channel word that is not how the words came does not date them
        (
            'In a Nov. 5 letter, the teachers offered tutoring. "The gap will only grow," Ms. '
            "Luz Arroyo, a signer of the letter, told the Gazette.",
            "gap will only grow",
            None,
        ),
    ],
)
def test_quote_dates_on_news(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    found = [q for q in record.quotes if quoted in q.text]
    # quoted words inside a report (", the prosecutor said") are looked up as words
    (q,) = [q for q in found if q.kind != "indirect"] or found
    assert q.when == when
    assert q.when_basis == ("text" if when else "article date")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # the day as the subject of a present verb is the coming one
        ('"Saturday is the anniversary of the flood," she said.', "Saturday", "2019-11-23"),
        ("Saturday marks a year since the flood.", "Saturday", "2019-11-23"),
        ("The council met Saturday.", "Saturday", "2019-11-16"),
        ("She said Thursday she would go.", "Thursday", "2019-11-14"),
        ("In 2010 the shop opened. Nine years later it closed.", "Nine years later", "2019"),
    ],
)
def test_weekday_and_offset_resolution(text: str, expression: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes(text, dt.date.fromisoformat(NEWS_DAY))}
    assert found[expression] == value


@pytest.mark.parametrize(
    "title", ["Friday Night Lights", "Saturday Night Live", "Monday Night Football"]
)
def test_a_title_is_not_a_date(title: str) -> None:
    found = find_timexes(f"She loved {title} as a child.", dt.date.fromisoformat(NEWS_DAY))
    assert not [t for t in found if t.type in ("DATE", "TIME")]


# Yesterday's news: a lead that reports the day before the article (2019-11-19, a Tuesday)
# dates the undated reactions said or written then; not present "says", "has said",
# nor a story that only began that day ("since introduced on Tuesday").
_LEAD = "The council voted on Tuesday to close the old pier. "
# a lead of three paragraphs that reports no day
_FILLER = (
    "The old pier has stood for a century and drawn anglers from three counties. "
    "Its planks were replaced twice, and its lamps were rewired by volunteers. "
    "Families walk it at dusk, and the bait shop at its foot opens before dawn.\n\n"
) * 3


@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        (_LEAD + '"We were never asked," said Tom Ferrell.', "never asked", "2019-11-19"),
        (
            _LEAD + 'Tom Ferrell told reporters that "nobody asked us."',
            "nobody asked us",
            "2019-11-19",
        ),
        (_LEAD + '"We were never asked," says Tom Ferrell.', "never asked", None),
        (_LEAD + "Tom Ferrell has said that the pier was safe.", "the pier was safe", None),
        # words written on the day's news are of that day too
        (
            _LEAD + '"We were never asked," Tom Ferrell said in a statement.',
            "never asked",
            "2019-11-19",
        ),
        (
            _LEAD + '"We were never asked," Tom Ferrell wrote on Facebook.',
            "never asked",
            "2019-11-19",
        ),
        (
            "The ads have drawn mockery since introduced on Tuesday. "
            '"It is a bold campaign," said Tom Ferrell.',
            "bold campaign",
            None,
        ),
        (_LEAD + '"Can I speak?" Tom Ferrell tearfully asked.', "Can I speak?", "2019-11-19"),
        (_LEAD + '"Wrong again," Tom Ferrell tweeted.', "Wrong again", "2019-11-19"),
        (_LEAD + '"We had hoped," Tom Ferrell previously said.', "We had hoped", None),
        # the tense of other words the sentence quotes is theirs, not the saying's
        (
            _LEAD + '"We will miss it," Tom Ferrell said, "the only pier where we could have '
            'fished."',
            "We will miss it",
            "2019-11-19",
        ),
        # the paper's own interview, undated, is not the day's news
        (
            _LEAD + '"We were never asked," Tom Ferrell said in a phone interview.',
            "never asked",
            None,
        ),
        (_LEAD + '"We were never asked," Tom Ferrell told me.', "never asked", None),
        # ... but another outlet's, on the day, is
        (
            _LEAD + '"We were never asked," Tom Ferrell said in an interview with Channel Five.',
            "never asked",
            "2019-11-19",
        ),
        # the day before, told further on, dates what follows until another date intervenes
        (
            _FILLER + "The vote follows the testimony Tuesday of two officials. "
            '"It was improper," Ana Ruiz said.',
            "It was improper",
            "2019-11-19",
        ),
        (
            _FILLER + "The vote follows the testimony Tuesday of two officials. In September, "
            'the envoy met an aide. "It was improper," Ana Ruiz said.',
            "It was improper",
            None,
        ),
        # an older day in the lead is not yesterday's news
        (
            "The council voted on Monday to close the old pier. "
            '"We were never asked," said Tom Ferrell.',
            "never asked",
            None,
        ),
    ],
)
def test_lead_day_dates_the_reactions(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    found = [q for q in record.quotes if quoted in q.text]  # the fragment and its sentence
    assert found
    assert {(q.when, q.when_basis) for q in found} == {(when, "text" if when else "article date")}


# Yesterday's news told over many paragraphs: the lead's day dates the words of those the
# text places at it, not the reactions of others it quotes further on.
_DEBATE = (
    "The two candidates for mayor, Ana Ruiz and Tom Ferrell, clashed over the harbor budget "
    "at a debate on Tuesday night, and Harbor Freight Lines backed the plan.\n\n"
    '"The harbor is broke," Ruiz said.\n\n'
    '"The harbor pays for itself," Ferrell said.\n\n'
    "The harbor budget has grown by a third in five years, and its debts have doubled. "
    "The ferries carry some four thousand riders a day across the bay, most of them "
    "commuters who live on the islands and work in the old town.\n\n"
    "The city hired a new harbor master two years ago, and the post of deputy has been "
    "empty since the spring. Its dredging contract runs out at the end of the year, and "
    "the council has yet to pick a firm to take it over.\n\n"
    "The old town's merchants want the piers rebuilt before the tourist season, and the "
    "fishermen want the fuel dock kept open through the winter.\n\n"
)


@pytest.mark.parametrize(
    ("added", "quoted", "when"),
    [
        # named in the lead: there
        ('"We cannot pay for two new piers," Ruiz said.', "two new piers", "2019-11-19"),
        # a reaction in a story of the day before is of that day too (realnews-dev's
        # reading; a rule that left such reactions undated was tried and dropped)
        (
            '"She won the night on the numbers," said Lena Okafor, a former aide to the '
            "mayor who runs a consulting firm.",
            "won the night",
            "2019-11-19",
        ),
        # ... placed there by the scene ("the crowd in the hall")
        (
            'The crowd in the hall cheered every answer. "She won the night on the numbers," '
            "said Lena Okafor.",
            "won the night",
            "2019-11-19",
        ),
        # ... by an act of theirs that day, not a saying
        (
            'Lena Okafor handed out leaflets at the door. "She won the night on the numbers," '
            "Okafor said.",
            "won the night",
            "2019-11-19",
        ),
        # ... by the day told again (of a lead that tells of no occasion)
        (
            _LEAD + "Mayor Ana Ruiz signed the order.\n\n" + _FILLER + "The pier was still "
            'busy on Tuesday evening. "We will fish somewhere else," said Lena Okafor.',
            "fish somewhere else",
            "2019-11-19",
        ),
        # a reaction to a day's act (a vote), not at an occasion the lead sets: new to the
        # article (annotations/BRIEF.md, rule 3)
        (
            _LEAD + "Mayor Ana Ruiz signed the order.\n\n" + _FILLER + '"We will fish '
            'somewhere else," said Lena Okafor.',
            "fish somewhere else",
            None,
        ),
        # a tweet on the lead's news is of its day too
        ('"Ruiz won the night," Harbor Freight Lines tweeted.', "won the night", "2019-11-19"),
        # ... by the body they speak for, named in the lead
        (
            '"The plan keeps our barges moving," said Lena Okafor, a vice president at '
            "Harbor Freight Lines.",
            "barges moving",
            "2019-11-19",
        ),
    ],
)
def test_the_day_of_the_lead_dates_its_sayings(
    nlp: Any, added: str, quoted: str, when: str | None
) -> None:
    from saidwhen.pipeline import extract

    text = added if added.startswith(_LEAD) else _DEBATE + added
    record = extract(text, NEWS_DAY, nlp=nlp)
    (q,) = [q for q in record.quotes if quoted in q.text and q.kind != "indirect"]
    assert (q.when, q.when_basis) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("headline", "when"),
    [
        # a round-up of the year's words: its undated words were said that year
        ("9 Of The Sharpest Things Mayors Said In 2019", "2019"),
        ("The Best Quotes Of 2018 From City Hall", "2018"),
        # a headline of one saying is no round-up
        ("Mayor Tom Lee Said In 2018 That The Pier Would Close", None),
    ],
)
def test_a_round_up_of_the_year(nlp: Any, headline: str, when: str | None) -> None:
    from saidwhen.pipeline import extract

    text = (
        f"{headline}\n\n"
        "Mayors gave us plenty to think about, from the harbor to the buses.\n\n"
        '"We cannot pay for two new piers," Ana Ruiz said of the harbor plan.'
    )
    record = extract(text, NEWS_DAY, nlp=nlp)
    (q,) = [q for q in record.quotes if "two new piers" in q.text]
    assert (q.when, q.when_basis) == (when, "text" if when else "article date")


_CAPTIONED = (
    "DOVER - It was a striking sight at the polling place on primary day.\n\n"
    '"We each have our own opinion," Tom Ferrell said.\n\n'
    "Ferrell retired from the post office last year, and Ana Ruiz has sat on the school "
    "board for ten years.\n\n"
    "{caption}\n\n"
    '"I am just glad they are voting," Ferrell said.'
)


@pytest.mark.parametrize(
    ("caption", "whens"),
    [
        # a caption shows the speakers there on a day: their bare words are of that day
        (
            "Tom Ferrell and Ana Ruiz stand in front of a polling place in Dover on Monday.",
            ("2019-11-18", "2019-11-18"),
        ),
        # a sentence of the past ("stood") is no caption: the words told before it keep the
        # article's day, those after go on from it (the learned choice: the speaker is
        # named where the day is told)
        (
            "Tom Ferrell and Ana Ruiz stood in front of a polling place in Dover on Monday.",
            (None, "2019-11-18"),
        ),
        # nor one of saying ("says"), nor of the future
        ("Tom Ferrell says he voted in Dover on Monday.", (None, None)),
        (
            "Tom Ferrell and Ana Ruiz will stand at a polling place in Dover on Monday.",
            (None, None),
        ),
    ],
)
def test_a_caption_shows_the_day(
    nlp: Any, caption: str, whens: tuple[str | None, str | None]
) -> None:
    from saidwhen.pipeline import extract

    record = extract(_CAPTIONED.format(caption=caption), NEWS_DAY, nlp=nlp)
    for quoted, when in zip(("our own opinion", "glad they are voting"), whens, strict=True):
        (q,) = [q for q in record.quotes if quoted in q.text]
        assert (q.when, q.when_basis) == (when, "text" if when else "article date")


# The occasion of a quote told by the sentences around it (2019-11-20 is a Wednesday).
@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # "added" goes on from the speaker's quote just before, dated or not: not from the
        # dated letter the speaker signed
        (
            'In a Nov. 5 letter, the teachers offered tutoring. "The gap will only grow," '
            'Ms. Luz Arroyo, a signer of the letter, told the Gazette. "Every child counts '
            'here," Arroyo added.',
            "Every child counts",
            None,
        ),
        (
            'Mayor Ana Ruiz spoke on Monday. "The pier is safe," Ruiz said on Monday. "We will '
            'reopen it soon," Ruiz added.',
            "reopen it soon",
            "2019-11-18",
        ),
        # the document as the speaker: the date of its dated mention before
        (
            "In a Nov. 5 letter to the board, the teachers offered free tutoring. The board "
            "has not answered. Two schools closed last year. "
            '"These scores are falling fast," says the letter signed by nine teachers.',
            "scores are falling",
            "2019-11-05",
        ),
        (
            "The council published a report on the pier on Monday. Repairs began. "
            '"The pier is unsafe," the report said.',
            "pier is unsafe",
            "2019-11-18",
        ),
        # ... a name's document ("Okafor's letter makes the case: ...")
        (
            "Lena Okafor's letter, emailed to the council on Monday, asks for a new pier. The "
            "board has not answered. Two schools closed last year. The ferry runs twice a day. "
            'Okafor\'s letter makes a plain case: "The pier is unsafe."',
            "pier is unsafe",
            "2019-11-18",
        ),
        # a document never dated dates nothing
        (
            'The company denied it in a statement. "We were surprised," the statement read.',
            "surprised",
            None,
        ),
        # words that speak of "yesterday" the day the narrative just told: the next day
        (
            "On Sunday, the baker accused the landlord of locking her shop. The landlord denied it "
            'in a statement on the shop door. "We were puzzled by her letter yesterday," the '
            "statement read.",
            "puzzled",
            "2019-11-18",
        ),
        (
            "On Sunday, the baker accused the landlord of locking her shop. The landlord denied it "
            'in a statement on the shop door. "We were puzzled by her letter yesterday," the '
            'statement read. "We will talk to her," the statement continued.',
            "talk to her",
            "2019-11-18",
        ),
        # the day told in reported words ("accused the label of lying on Sunday")
        (
            'The baker accused the landlord of lying on Sunday. "We were puzzled by her letter '
            "yesterday,\" the landlord's agent said.",
            "puzzled",
            "2019-11-18",
        ),
        # a document dated in the words reported about it, and its words that follow
        (
            "Acme Corp. issued a statement about the recall on Monday.\n\n"
            '"We regret the delay," the statement said. "We will pay every customer."',
            "pay every customer",
            "2019-11-18",
        ),
        # ... and the article's day when the narrative told the day before it
        (
            "On Tuesday, the baker accused the landlord of locking her shop. "
            '"We were puzzled by her letter yesterday," the landlord said.',
            "puzzled",
            "2019-11-20",
        ),
        # a day told long before the quote is not the one its words speak of
        (
            "On Sunday, the baker accused the landlord. The shop stayed shut. Buyers waited. The "
            'lease ends in May. Bread ran out. "It was a long night yesterday," the baker said.',
            "long night",
            None,
        ),
    ],
)
def test_the_occasion_around_a_quote(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    found = [q for q in record.quotes if quoted in q.text]
    # quoted words inside a report (", the prosecutor said") are looked up as words
    (q,) = [q for q in found if q.kind != "indirect"] or found
    assert q.when == when
    assert q.when_basis == ("text" if when else "article date")


# Dates that belong to another event, and dates the next sentence or an update gives.
@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # a date in a clause about something else is not the saying's
        (
            'While protesters chanted, "Fund our schools," in a hallway, the speaker defended '
            "the budget approved by lawmakers in April.",
            "Fund our schools",
            None,
        ),
        (
            "The union of the two bakeries, which was signed in March, will make a "
            '"sturdier" firm, its owner Tom Ferrell said.',
            "sturdier",
            None,
        ),
        # ... unless it dates the channel the words came in
        (
            "In a joint notice published Oct. 25, the two guilds accused the mill of "
            '"sheer greed."',
            "sheer greed",
            "2019-10-25",
        ),
        (
            "The mayor, who was elected in May, said on Monday that the pier would close.",
            "the pier would close",
            "2019-11-18",
        ),
        # ... nor the setting of the saying: where, to whom, the speaker speaking
        (
            'During a visit that began Monday, the president said, "We are friends."',
            "We are friends",
            "2019-11-18",
        ),
        (
            'Speaking at a summit that opened Monday, Ruiz said, "We are ready."',
            "We are ready",
            "2019-11-18",
        ),
        (
            '"We are ready," Ruiz told a crowd that gathered Monday outside the hall.',
            "We are ready",
            "2019-11-18",
        ),
        (
            'Ruiz, speaking at an event on Monday, said, "We are ready."',
            "We are ready",
            "2019-11-18",
        ),
        ('"We are ready," said Ruiz, whose bill passed in May.', "We are ready", None),
        # the next sentence points back to the words and dates them
        (
            'The union will make a "sturdier" firm. That\'s the view given by Tom '
            "Ferrell, the owner, on Nov. 14 after the vote.",
            "sturdier",
            "2019-11-14",
        ),
        (
            '"We will win," Ruiz said. That was her message to voters on Monday.',
            "We will win",
            "2019-11-18",
        ),
        # ... not a sentence about something else
        (
            '"We will win," Ruiz said. That was a change from 2010, when Ruiz lost.',
            "We will win",
            None,
        ),
        # the account just told: a dated survey by the speaker
        (
            "According to a 2018 survey by Ines Marlow, the mills cut their staff. "
            '"Most mills run one shift where they ran three," Marlow reported.',
            "one shift",
            "2018",
        ),
        # an update: an embedded post dated after the article, and its weekday
        (
            "A man admitted breaking into the office of Rep. Ana Ruiz, the court heard Tuesday.\n\n"
            "Ruiz asked for a light sentence in a letter posted on Twitter Thursday. "
            '"He needs a job, not a cell," she wrote in her letter.\n\n'
            "My letter to the court, for the record.\n\n"
            "— Rep. Ana Ruiz (@AnaRuiz) November 21, 2019",
            "needs a job",
            "2019-11-21",
        ),
    ],
)
def test_dates_of_other_events(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    found = [q for q in record.quotes if quoted in q.text]
    assert found
    assert {(q.when, q.when_basis) for q in found} == {(when, "text" if when else "article date")}


_PARAGRAPH = "The quarry employs about 400 people, and its trucks run day and night.\n\n"


# A speaker's earlier occasion, the same words again, the main clause's date.
@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # an interview told before is not the occasion of words said to someone else
        (
            "Senator Ana Ruiz told Radio Dover last week that the bill was dead. "
            '"We will try again," Ruiz told reporters at the Capitol.',
            "try again",
            None,
        ),
        (
            "Senator Ana Ruiz told Radio Dover on Sunday that the bill was dead. "
            '"We will try again," Ruiz said in a statement.',
            "try again",
            None,
        ),
        (
            "Senator Ana Ruiz told Radio Dover on Sunday that the bill was dead. "
            '"We will try again," Ruiz told Channel Five.',
            "try again",
            None,
        ),
        # ... but is when nothing else is named
        (
            "Senator Ana Ruiz told Radio Dover on Sunday that the bill was dead. "
            '"We will try again," Ruiz said.',
            "try again",
            "2019-11-17",
        ),
        # the main clause's date is not that of words in a clause about something else
        (
            "The board is now left with the massive loans Mr. Ferrell requested — larger "
            'loans "than any year in the town\'s past, by far" — and a budget to write.',
            "any year in the town",
            None,
        ),
        (
            'On Monday, the board met the bakers who had called the levy "a swindle."',
            "a swindle",
            None,
        ),
        # a bare "X said:" further on goes on from the speaker's dated words
        (
            "Ines Marlow told the council in November that the claim is false. "
            '"It is false," Marlow said.\n\n' + _PARAGRAPH * 6 + "Marlow, the "
            'harbor master, said: "We keep the channel open."',
            "channel open",
            "2019-11",
        ),
        # a subheading quoting words the text dates elsewhere
        (
            "In a joint notice published Oct. 25, the two guilds accused the mill of "
            'running "ghost payrolls" at the quarry.\n\n'
            + _PARAGRAPH
            + '"Mill-run ghost payrolls"\n\n'
            + _PARAGRAPH,
            "Mill-run",
            "2019-10-25",
        ),
    ],
)
def test_occasions_and_repeated_words(nlp: Any, text: str, quoted: str, when: str | None) -> None:
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    found = [q for q in record.quotes if quoted in q.text]
    assert found
    assert {(q.when, q.when_basis) for q in found} == {(when, "text" if when else "article date")}


# Dates of a thing or of another story, not of the saying (2019-11-20, a Wednesday).
@pytest.mark.parametrize(
    ("text", "quoted", "when"),
    [
        # a year before a noun dates that thing: the campaign, the raid, the tax return
        (
            '"We will win this," said Tom Ferrell, the manager of the mayor\'s 2008 campaign.',
            "We will win",
            None,
        ),
        (
            "Ana Ruiz praised the 2011 raid on the depot and said the city needs one thing: "
            '"Steadiness, and more of it."',
            "Steadiness",
            None,
        ),
        # a year of a person's story ("an aide in 2012")
        (
            '"It is different now," said Tom Ferrell, a close aide to the mayor in 2012.',
            "different now",
            None,
        ),
        # ... but a year before a saying's own noun dates it
        (
            'At a 2014 council hearing, Ana Ruiz told the builders: "You sold the town a mirage."',
            "a mirage",
            "2014",
        ),
        # the account before: a date in a relative clause about the speaker is not the account's
        (
            "Tom Ferrell, who led the party during the 2000 election, said the rules should "
            'change. "There is no chance she will quit," he said.',
            "no chance",
            None,
        ),
        # ... nor a date inside the words the account reports
        (
            "Tom Ferrell noted that the old mayor looked tired in his first race in 1984. "
            '"He was in fine form by the second," Ferrell recalled.',
            "fine form",
            None,
        ),
        # ... and with the thing's date set aside, the day the account gives
        (
            "Citing the mayor's 1995 land deal, Ana Ruiz on Monday said she would act. "
            '"The lease was a gift," she said.',
            "lease was a gift",
            "2019-11-18",
        ),
    ],
)
def test_dates_of_things_are_not_sayings(
    nlp: Any, text: str, quoted: str, when: str | None
) -> None:
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    found = [q for q in record.quotes if quoted in q.text]
    (q,) = [q for q in found if q.kind != "indirect"] or found
    assert q.when == when
    assert q.when_basis == ("text" if when else "article date")


# "this week" of words already said runs to the article's day, not to Sunday
@pytest.mark.parametrize(
    ("text", "quoted", "when_range"),
    [
        (
            '"The pier is safe," Ana Ruiz said at a council meeting this week.',
            "pier is safe",
            DateRange("2019-11-18", "2019-11-20"),
        ),
        (
            '"The pier is safe," Ana Ruiz told the Herald this week.',
            "pier is safe",
            DateRange("2019-11-18", "2019-11-20"),
        ),
        # last week is over: all of it
        (
            '"The pier is safe," Ana Ruiz told the Herald last week.',
            "pier is safe",
            DateRange("2019-11-11", "2019-11-17"),
        ),
    ],
)
def test_this_week_ends_on_the_article_day(
    nlp: Any, text: str, quoted: str, when_range: DateRange
) -> None:
    from saidwhen.pipeline import extract

    record = extract(text, NEWS_DAY, nlp=nlp)
    (q,) = [q for q in record.quotes if quoted in q.text]
    assert (q.when, q.when_range, q.when_basis) == (None, when_range, "text")


# "this weekend" in past words early in the week is the weekend just past (2019-11-18, Monday)
@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("She told the crowd this weekend that she would run.", "this weekend", "2019-W46-WE"),
        ("She will tell the crowd this weekend that she will run.", "this weekend", "2019-W47-WE"),
        ("She met the council last weekend.", "last weekend", "2019-W46-WE"),
    ],
)
def test_this_weekend_on_a_monday(text: str, expression: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes(text, dt.date(2019, 11, 18))}
    assert found[expression] == value


# A year of another's speech ("a speech by Tom Ferrell in 1910") dates no saying of the speaker's:
# a hand-built parse, as the parser hangs the year on the speech only sometimes.
@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "speaker", "expected"),
    [
        (
            ["a", "speech", "by", "Tom", "Ferrell", "in", "1910"],
            [1, 1, 1, 4, 2, 1, 5],
            ["det", "ROOT", "prep", "compound", "pobj", "prep", "pobj"],
            ["DET", "NOUN", "ADP", "PROPN", "PROPN", "ADP", "NUM"],
            "Ana Ruiz",
            True,
        ),
        # the speaker's own speech
        (
            ["a", "speech", "by", "Tom", "Ferrell", "in", "1910"],
            [1, 1, 1, 4, 2, 1, 5],
            ["det", "ROOT", "prep", "compound", "pobj", "prep", "pobj"],
            ["DET", "NOUN", "ADP", "PROPN", "PROPN", "ADP", "NUM"],
            "Tom Ferrell",
            False,
        ),
        # a statement released by an office: its date may be the words'
        (
            ["a", "statement", "by", "his", "office", "in", "1910"],
            [1, 1, 1, 4, 2, 1, 5],
            ["det", "ROOT", "prep", "poss", "pobj", "prep", "pobj"],
            ["DET", "NOUN", "ADP", "PRON", "NOUN", "ADP", "NUM"],
            "Ana Ruiz",
            False,
        ),
    ],
)
def test_another_speakers_speech(
    nlp: Any,
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    speaker: str,
    expected: bool,
) -> None:
    from spacy.tokens import Doc

    from saidwhen.extract.when.clauses import _dates_a_thing
    from saidwhen.model import Timex

    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    start = doc[6].idx
    t = Timex("1910", start, start + 4, "DATE", "1910", date="1910", granularity="year")
    assert _dates_a_thing(doc, t, speaker) is expected


@pytest.mark.parametrize(
    ("lead", "when"),
    [
        # the lead sets the story at an occasion of speaking: its undated words were said there
        ("The two candidates for sheriff traded barbs in a debate on Tuesday night.", "2019-11-19"),
        (
            "Harbor officials took questions at a meeting on Tuesday in the old customs hall.",
            "2019-11-19",
        ),
        (
            "The port hired two new pilots on Tuesday. Its director took questions in a "
            "conference call with reporters.",
            "2019-11-19",
        ),
        # ... in the paragraph the lead runs into (the first attribution names it)
        (
            "The port hired two new pilots on Tuesday. "
            + _FILLER[: _FILLER.index("\n\n") + 2] * 3
            + "Its director took questions in a conference call with reporters.",
            "2019-11-19",
        ),
        # (an occasion named at some length: "during their first public harbor budget hearing")
        (
            "Pier owners spoke during their first public harbor budget hearing on Tuesday.",
            "2019-11-19",
        ),
        # a day's act or happening, not an occasion: the words quoted are reactions, new to the
        # article (annotations/BRIEF.md, rule 3)
        ("The harbor board approved the sale of the ferry line on Tuesday.", None),
        # ... but the one the lead shows acting that day said their words then
        ("Lena Okafor closed her bait shop on the old pier on Tuesday.", "2019-11-19"),
        ("A storm flooded the lower town on Tuesday, and the ferries stopped running.", None),
        # a debate the lead is about, not one the words were said at
        ("A storm on Tuesday renewed the long debate over the sea wall.", None),
    ],
)
def test_the_lead_day_dates_words_only_at_an_occasion(
    nlp: Any, lead: str, when: str | None
) -> None:
    from saidwhen.pipeline import extract

    text = lead + "\n\n" + _FILLER + '"We have waited too long for this," said Lena Okafor.'
    record = extract(text, NEWS_DAY, nlp=nlp)
    (q,) = [q for q in record.quotes if "waited too long" in q.text]
    assert (q.when, q.when_basis) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("asking", "when"),
    [
        # the question put to the speaker that day: the answer is of that day
        ("On Tuesday, Lena Okafor asked Ruiz whether the ferry would run.", "2019-11-19"),
        # a question put to someone else: her account of March goes on
        ("On Tuesday, Lena Okafor asked Tom Ferrell whether the ferry would run.", "2019-03"),
    ],
)
def test_an_answer_to_a_question_put_that_day(nlp: Any, asking: str, when: str | None) -> None:
    from saidwhen.pipeline import extract

    text = (
        _FILLER
        + 'In March, Ana Ruiz said, "The ferry will run all winter."\n\n'
        + asking
        + '\n\n"It will run, whatever it costs," Ruiz said.'
    )
    record = extract(text, NEWS_DAY, nlp=nlp)
    (q,) = [q for q in record.quotes if "whatever it costs" in q.text]
    assert (q.when, q.when_basis) == (when, "text" if when else "article date")


@pytest.mark.parametrize(
    ("frame", "quoted", "when"),
    [
        # the paper's reporting frame dates the words it covers, as its range (BRIEF rule 2)
        (
            "The Gazette interviewed a dozen fishermen over the past week.",
            "nets come up empty",
            DateRange("2019-11-13", "2019-11-20"),
        ),
        (
            "In interviews this week, fishermen at the north dock were gloomy.",
            "nets come up empty",
            DateRange("2019-11-18", "2019-11-20"),
        ),
        # ... not words written for the record
        ("The Gazette interviewed a dozen fishermen over the past week.", "fuel prices", None),
        # a week told of something else is no frame
        ("The fishermen voted over the past week to strike.", "nets come up empty", None),
    ],
)
def test_the_reporting_frame_dates_its_interviews(
    nlp: Any, frame: str, quoted: str, when: DateRange | None
) -> None:
    from saidwhen.pipeline import extract

    text = (
        _FILLER
        + frame
        + "\n\n"
        + '"Our nets come up empty every morning," said Tom Ferrell, who fishes for cod.\n\n'
        + 'The port authority blamed the fuel prices. "We cannot lower fuel prices," it said '
        + "in a statement."
    )
    record = extract(text, NEWS_DAY, nlp=nlp)
    (q,) = [q for q in record.quotes if quoted in q.text and q.kind != "indirect"]
    assert (q.when, q.when_range) == (None, when)


@pytest.mark.parametrize(
    ("attribution", "covered"),
    [
        # the paper's own interview is its reporting
        ("said Tom Ferrell in an interview", True),
        ("said Tom Ferrell", True),
        # ... not words told to another outlet, nor said at an occasion of their own
        ("Tom Ferrell told Channel Five", False),
        ("Tom Ferrell said at a rally in the harbour", False),
        ("Tom Ferrell said on his radio show", False),
    ],
)
def test_the_reporting_frame_leaves_words_said_elsewhere(
    nlp: Any, attribution: str, covered: bool
) -> None:
    from saidwhen.pipeline import extract

    text = (
        _FILLER
        + "The Gazette interviewed a dozen fishermen over the past week.\n\n"
        + f'"Our nets come up empty every morning," {attribution}.'
    )
    record = extract(text, NEWS_DAY, nlp=nlp)
    (q,) = [q for q in record.quotes if "nets come up empty" in q.text]
    assert (q.when_range is not None) == covered, q
