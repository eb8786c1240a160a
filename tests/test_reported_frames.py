"""Report frames read after tagging, and source mentions settled there (issue 10), on
made-up sentences: a verb of saying in a parenthesis or a relative clause, a verb of
describing with ``as``, a participle clause that shares its subject, a time phrase
the parse hung on the source.
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.speech.frames import find_as_reports, find_clause_reports
from saidwhen.extract.speech.view import ArticleView
from tests.test_attribution import run, who


def _reports(text: str, nlp: Any) -> list[tuple[str, str | None, str | None]]:
    rec = run("Notes from the town hall.\n\n" + text + "\n", nlp)
    return [
        (q.text, q.speaker.mention if q.speaker else None, who(q))
        for q in rec.quotes
        if q.kind == "indirect"
    ]


@pytest.mark.parametrize(
    ("text", "words", "mention"),
    [
        # a verb of saying in a parenthesis: the tagger rarely saw that frame
        (
            "Both bakers face doubts about their ovens (her bakery later "
            "admitted that she had burned the rye). Until Sunday, Ortolan had declined.",
            "that she had burned the rye",
            "her bakery",
        ),
        # a verb of promising in a relative clause
        (
            "Club notice: Brantle is a showman who has often vowed to paint "
            "every lighthouse on the coast.",
            "to paint every lighthouse on the coast",
            "who",
        ),
        # a verb of describing: what it says its object is
        (
            "Varga, above all, has kept branding Oduya as a \u201ctin baron\u201d "
            "\u2015 much as she did with Pell in 2008.",
            "Oduya as a \u201ctin baron\u201d",
            "Varga",
        ),
    ],
)
def test_frames_the_tagger_missed_are_read(nlp: Any, text: str, words: str, mention: str) -> None:
    assert (words, mention) in [(w, m) for w, m, _ in _reports(text, nlp)]


@pytest.mark.parametrize(
    "text",
    [
        "Oduya mocked the kiosk as part of a long feud with the harbour board.",
        "Oduya admired the mural as well as the fountain.",
        "Both bakers face doubts (her bakery never admitted that she had burned the rye).",
        "Both bakers face doubts (it was admitted that she had burned the rye).",
    ],
)
def test_no_frame_without_a_statement(nlp: Any, text: str) -> None:
    view = ArticleView.build(nlp(text))
    assert find_as_reports(view) == []
    assert find_clause_reports(view) == []


def test_a_participle_clause_says_what_its_subject_says(nlp: Any) -> None:
    # the clause is passive; the clerks still did the stating
    reports = _reports(
        "Three clerks were fined Friday for altering ledgers, stating they had "
        "counted the till every evening.",
        nlp,
    )
    assert ("they had counted the till every evening", "Three clerks", "Three clerks") in reports


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Marlow this week also said she would think about hiring Pell as her clerk.", "Marlow"),
        (
            "A group of beekeepers in 2011 sent a petition to the warden, calling for her removal.",
            "A group of beekeepers",
        ),
    ],
)
def test_a_time_phrase_is_no_part_of_the_source(nlp: Any, text: str, mention: str) -> None:
    mentions = {m for _, m, _ in _reports(text, nlp)}
    assert mention in mentions
    assert not any(m and m != mention and m.startswith(mention) for m in mentions)


def test_a_time_phrase_inside_the_sources_own_clause_stays(nlp: Any) -> None:
    reports = _reports(
        "Rowing club captain Tobin Ferraro, who argued for the curfew on Sunday morning, "
        "said the committee had got it right.",
        nlp,
    )
    captains = [m for _, m, _ in reports if m and m.startswith("Rowing club")]
    assert captains and all("Sunday morning" in m for m in captains)


def test_learning_in_passing_is_not_saying(nlp: Any) -> None:
    reports = _reports(
        "The juggler left the fair early after learning that his tent had flooded. "
        "Upon hearing that the ferry would stop, islanders grumbled. "
        "Finding that the raffle was fixed, the referee voided it.",
        nlp,
    )
    words = [w for w, _, _ in reports]
    assert "that his tent had flooded" not in words
    assert "that the ferry would stop" not in words
    assert "that the raffle was fixed" in words  # a finding is a ruling, it is stated


def test_a_named_speakers_report_inside_another_is_its_own(nlp: Any) -> None:
    reports = _reports(
        "The gazette noted last spring that the curator, Ines Varga, had conveyed to Mr. Pell "
        "that his sketches were ''too gloomy for the lobby.'' "
        "Auditors said a check of the ledgers revealed that the grain had gone missing.",
        nlp,
    )
    inner = [(w, name) for w, _, name in reports if w.startswith("that his sketches were")]
    assert inner and inner[0][1] == "Ines Varga"
    # a check reveals, it does not speak: the auditors' report stays whole
    assert not any(w.startswith("that the grain had gone missing") for w, _, _ in reports)


def test_as_someone_put_it_gives_the_words_after(nlp: Any) -> None:
    reports = _reports(
        "Its fans say the quiz show is no harder than any other. As Ms. Varga put it "
        "in a letter to my neighbour Bo Pell in March, the quiz show is ''setting puzzles "
        "you won't find in the weekend papers.'' As the baker put the tray down, the "
        "fuses blew.",
        nlp,
    )
    assert any(
        w.startswith("the quiz show is ''setting puzzles") and m == "Ms. Varga"
        for w, m, _ in reports
    )
    assert not any(w.startswith("the fuses blew") for w, _, _ in reports)


def test_a_verb_conjoined_to_a_passive_shares_its_subject(nlp: Any) -> None:
    reports = _reports(
        "By the close of the fair, Mr. Ortolan was pushed into an awkward climbdown and said "
        "that his recipe had been ''garbled.''",
        nlp,
    )
    assert any(
        w.startswith("that his recipe had been") and m == "Mr. Ortolan" for w, m, _ in reports
    )


def test_a_relative_pronouns_mention_is_the_pronoun(nlp: Any) -> None:
    reports = _reports(
        "The gardener Ines Varga -- author of a 2007 pamphlet, which in the wake of the drought "
        "urged the guild to plant more thistles -- is doubtful.",
        nlp,
    )
    assert ("the guild to plant more thistles", "which", "a 2007 pamphlet") in reports


def test_a_subject_lost_across_a_paragraph_break_is_found(nlp: Any) -> None:
    # the parse hangs the source on the quoted line before; its paragraph still says who
    reports = _reports(
        "\u201c\u2026 keep the welders from leaving the yard\u201d\n\n"
        "A harbour newsletter writer Ines Varga's contact inside the Gull Point yard, a welder "
        "who dreaded the foreman and asked not to be named, said that the board\u2019s story is "
        "\u201cpure fiction.\u201d",
        nlp,
    )
    said = [(m, name) for w, m, name in reports if w.startswith("that the board")]
    assert said and said[0][0] is not None
    assert said[0][0].startswith("A harbour newsletter writer Ines Varga's contact")


def test_a_mention_cut_inside_its_relative_clause_is_made_whole(nlp: Any) -> None:
    reports = _reports(
        "A harbour newsletter writer Ines Varga's contact inside the Gull Point yard, a welder "
        "who dreaded the foreman and asked not to be named, said that the board\u2019s story is "
        "\u201cpure fiction.\u201d",
        nlp,
    )
    said = [m for w, m, _ in reports if w.startswith("that the board")]
    assert said and said[0] is not None and said[0].endswith("asked not to be named")


def test_a_sources_next_act_of_saying_is_a_report_of_its_own(nlp: Any) -> None:
    reports = _reports(
        "Brantle said the lottery favoured millers and identified two bakeries as its main "
        "winners. Pell said the canal would save time and help farmers.",
        nlp,
    )
    assert ("the lottery favoured millers", "Brantle", "Brantle") in reports
    assert ("two bakeries as its main winners", "Brantle", "Brantle") in reports
    # "help" is no act of saying: the canal's second effect stays in what was said
    assert ("the canal would save time and help farmers", "Pell", "Pell") in reports


def test_a_next_act_already_found_is_not_listed_twice(nlp: Any) -> None:
    rec = run(
        "The vote was close.\n\n"
        'Mayor Tom Lee said he likes "The Long Field" and called the plan a "Big Mistake."\n',
        nlp,
    )
    plans = [q.text for q in rec.quotes if q.kind == "indirect" and "the plan" in q.text]
    assert len(plans) == 1 and plans[0].startswith("the plan a")


def test_an_urging_in_a_second_clause_is_read(nlp: Any) -> None:
    reports = _reports(
        "A guild of retired chefs, alarmed that the county is refusing hot meals to hikers "
        "in the hills, is urging the Parks Office to accept its offer to deliver "
        "free soup to campers.",
        nlp,
    )
    urged = [(w, m) for w, m, _ in reports if "to accept its offer" in w]
    assert urged and urged[0][1] == "A guild of retired chefs"


def test_a_next_act_after_a_scare_quote_is_split_off(nlp: Any) -> None:
    reports = _reports(
        "Varga said the floods were caused by blocked drains and called on the \u201cacting\u201d "
        "council to pull its road crews from all the hill villages.",
        nlp,
    )
    words = [w for w, _, _ in reports]
    assert "the floods were caused by blocked drains" in words
    assert any(w.endswith("to pull its road crews from all the hill villages") for w in words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "She memorably referred to the tourists as \u201cvandals\u201d at the fete.",
            "the tourists as \u201cvandals\u201d",
        ),
        # a no-break space the page left between the object and "as"
        (
            "The warden portrayed the beekeepers\u00a0as a noisy gang without offering proof.",
            "the beekeepers\u00a0as a noisy gang",
        ),
    ],
)
def test_describing_frames_over_a_preposition_or_a_page_space(
    nlp: Any, text: str, words: str
) -> None:
    view = ArticleView.build(nlp(text))
    found = [view.text[d.start : d.end] for d in find_as_reports(view)]
    assert any(w.startswith(words) for w in found)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # the next act conjoined to the words' main verb, a verb of saying
        (
            "At the town hall, Ruiz said the board would sell the pier by the end of March "
            "and suggested that it would leave the harbour trust.",
            "the board would sell the pier by the end of March",
            "that it would leave the harbour trust",
        ),
        # conjoined deeper in the words, in the cue's own form ("saying ... and calling")
        (
            "Lena Ortiz has pushed back against accusations of neglect, saying her brother "
            'has been a pioneer in promoting women in his bakeries and calling him "a '
            'feminist."',
            "her brother has been a pioneer in promoting women in his bakeries",
            'him "a feminist',
        ),
    ],
)
def test_a_next_act_inside_the_words_is_split_off(
    nlp: Any, text: str, first: str, second: str
) -> None:
    words = [w for w, _, _ in _reports(text, nlp)]
    assert first in words
    assert any(w.startswith(second) for w in words)


@pytest.mark.parametrize(
    ("text", "words", "mention"),
    [
        # a verb of naming: what it names its object, no "as" (the object goes with the cue)
        (
            "At the quay, Ana Ruiz called the new timetables a cruel joke on the islanders.",
            "a cruel joke on the islanders",
            "Ana Ruiz",
        ),
        (
            "The harbour master dubbed the dredging plan a slow-motion shipwreck.",
            "a slow-motion shipwreck",
            "The harbour master",
        ),
        # a verb of comparing: the object and the "to" phrase, on the verb or the object
        (
            "Tobin Ferraro compared raising the bridge toll to taxing the tide.",
            "raising the bridge toll to taxing the tide",
            "Tobin Ferraro",
        ),
        (
            "Ines Varga likened the rebuilt pier to a stranded whale.",
            "the rebuilt pier to a stranded whale",
            "Ines Varga",
        ),
        # casting with "as", a verb of describing
        (
            "Councillor Lena Ortiz pressed on Monday, casting the warden as a friend of the "
            "smugglers.",
            "the warden as a friend of the smugglers",
            "Councillor Lena Ortiz",
        ),
    ],
)
def test_naming_and_comparing_say_what_the_object_is(
    nlp: Any, text: str, words: str, mention: str
) -> None:
    view = ArticleView.build(nlp(text))
    found = [
        (view.text[d.start : d.end], d.speaker.mention if d.speaker else None)
        for d in find_as_reports(view)
    ]
    assert found == [(words, mention)]
    # in the pipeline, the tagger's reading of the same words (object and all) may stand
    assert any(words in w and m == mention for w, m, _ in _reports(text, nlp))


def test_a_verb_of_namings_cue_takes_its_object(nlp: Any) -> None:
    view = ArticleView.build(nlp("Ana Ruiz called the new timetables a gift to the lorry firms."))
    cues = [d.cue.text for d in find_as_reports(view) if d.cue is not None]
    assert cues == ["called the new timetables"]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor called the harbour master on Friday.",
        "The mayor called the police to the pier.",
        "The rowers called it quits in May.",
        "Ticket sales rose 5 percent compared with last year.",
        "Residents compared notes after the storm.",
        "The mayor compared the two plans in a letter to the board.",
        "The ferry firm, called Tidewater, was sold.",
        "The director cast Lena Ortiz as Portia in the summer play.",
    ],
)
def test_naming_and_comparing_without_a_statement(nlp: Any, text: str) -> None:
    view = ArticleView.build(nlp(text))
    assert find_as_reports(view) == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the parse took "show" for a noun
        (
            "The row deepened after leaked ledgers from the 2009 harbour audit show he "
            "had moved the ferry money to a private account.",
            "leaked ledgers",
        ),
        # the parse hung "showing" on "were"
        (
            "There were also emails that night showing that harbour officials knew the "
            "pier was unsafe.",
            "emails",
        ),
    ],
)
def test_what_shows_it_is_the_noun_phrase_before(nlp: Any, text: str, mention: str) -> None:
    assert mention in [m for _, m, _ in _reports(text, nlp)]
