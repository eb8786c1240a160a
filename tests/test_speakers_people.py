"""Speakers as people: who a pronoun, a surname or a description is, on hand-built articles.

Each case is a trap seen on real news (issue 10), written fresh: a surname the
tagger reads as a common noun, "he" after a sentence naming several men, a
role word standing for an abbreviated title ("Gov." ... "the governor").
"""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.pipeline import extract
from tests.test_attribution import run, who


def _speaker_of(rec: Any, words: str) -> str | None:
    (q,) = [q for q in rec.quotes if q.text.startswith(words)]
    return who(q)


def test_a_surname_tagged_as_a_common_noun_is_still_the_person(nlp: Any) -> None:
    rec = run(
        "Lawyer Darnell Wiggins, who represents the guard, spoke on Monday.\n\n"
        '"We hoped for more from the court," Wiggins said.\n\n'
        "Wiggins declined to comment further.\n",
        nlp,
    )
    (person,) = [p for p in rec.people if p.name == "Darnell Wiggins"]
    assert [m.text for m in person.mentions].count("Wiggins") == 2
    assert _speaker_of(rec, "We hoped") == "Darnell Wiggins"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the subject of the main clause, not a man named in a clause inside it
        (
            "Carl Moss, who represents the guard, spoke after the hearing.\n\n"
            "Moss declined to say whether Dan Ortiz slept on the night Ray Bell died. "
            '"When all the facts come out, people will see it," he said.\n',
            "When all the facts",
            "Carl Moss",
        ),
        # the owner of the subject ("Mr. Lane's plan is ...") is the one in view
        (
            "Economist Paul Weber said the plan would slow growth.\n\n"
            "Mr. Lane's plan is not limited to steel. He has pressed other partners too, "
            "and he says the pressure works.\n\n"
            '"They will come back to the table," he said.\n',
            "They will come back",
            "Lane",
        ),
    ],
)
def test_he_is_the_man_the_sentence_is_about(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert _speaker_of(run(text, nlp), words) == speaker


def test_an_abbreviated_title_makes_the_role_a_description(nlp: Any) -> None:
    rec = run(
        "Gov. Eric Dunmore and leaders of the legislature have said little.\n\n"
        '"We get that you are angry," House Speaker Brian Tolle said.\n\n'
        "Teachers did not see Dunmore at the capitol on Tuesday.\n\n"
        "The governor said he was waiting for a pay commission to report.\n",
        nlp,
    )
    (q,) = [q for q in rec.quotes if q.kind == "indirect" and q.text.startswith("he was waiting")]
    assert who(q) == "Eric Dunmore"
    (person,) = [p for p in rec.people if p.name == "Eric Dunmore"]
    assert "gov." in person.descriptors


def test_a_quoted_subhead_is_the_speaker_who_says_those_words_in_full(nlp: Any) -> None:
    rec = run(
        "A group of nurses wrote to the health board on Monday.\n\n"
        '"Nobody answered us," said Dr. Lena Park, who chairs the ward.\n\n'
        '"A dangerous shortage"\n\n'
        "The nurses said the ward had lost a third of its staff.\n\n"
        '"In our view, a dangerous shortage now threatens patients," the nurses wrote.\n',
        nlp,
    )
    assert _speaker_of(rec, "A dangerous shortage") == _speaker_of(rec, "In our view")
    assert _speaker_of(rec, "Nobody answered") == "Lena Park"


def test_a_quoted_subhead_does_not_go_on_from_the_quote_before(nlp: Any) -> None:
    rec = run(
        'The camp is quiet now. "Nobody controls the roads," said analyst Tom Berry.\n\n'
        '"Bandit formations on the border"\n\n'
        "The ministry has said that armed groups block the convoys.\n",
        nlp,
    )
    assert _speaker_of(rec, "Bandit formations") != "Tom Berry"


def test_a_name_said_to_be_a_woman_is_no_he(nlp: Any) -> None:
    rec = run(
        "Darin Kolt, 51, admitted on Monday to threatening Rep. Amani Yusra in a call.\n\n"
        "Yusra is one of the first two Somali women elected to the state senate.\n\n"
        'A clerk who took the call recalled that he said, "I will come for her," '
        "the prosecutor's office said.\n",
        nlp,
    )
    (person,) = [p for p in rec.people if p.name == "Amani Yusra"]
    assert person.gender == "female"
    # the words are his: the clerk and the office only pass them on
    assert _speaker_of(rec, "I will come") == "Darin Kolt"
    # and "that he said" is no report of its own, only the quote's frame
    assert not [q for q in rec.quotes if q.kind == "indirect" and q.text == "that he said"]


def test_a_second_report_joined_to_the_first_is_its_subjects(nlp: Any) -> None:
    rec = run(
        "Ray Dunn was arrested in April.\n\n"
        "During the call, he asked about the union, called the mayor a "
        '"fraud" and said, "somebody ought to stop her," the prosecutor\'s office said.\n',
        nlp,
    )
    assert _speaker_of(rec, "somebody ought") == "Ray Dunn"


@pytest.mark.parametrize(
    "owner",
    [
        "That's the hopeful view voiced by Rita Mendes, the chief executive of the group.",
        "That is the assessment offered by Rita Mendes, the chief executive of the group.",
        "So says Rita Mendes, the chief executive of the group.",
    ],
)
def test_a_sentence_that_gives_the_one_before_to_a_speaker(nlp: Any, owner: str) -> None:
    rec = run(
        "The merger of the two dairies, final on Tuesday, will create a \u201cstronger\u201d "
        "company \u201cwith deep local roots.\u201d\n\n"
        f"{owner}\n\n"
        "Farmers were less sure.\n",
        nlp,
    )
    assert _speaker_of(rec, "stronger") == "Rita Mendes"
    assert _speaker_of(rec, "with deep local roots") == "Rita Mendes"


def test_a_quote_then_that_is_the_promise_made_by(nlp: Any) -> None:
    rec = run(
        "The town voted on Monday.\n\n"
        '"Every road will be fixed by spring." That is the promise made by Mayor '
        "Joan Pike, who faces voters in May.\n",
        nlp,
    )
    assert _speaker_of(rec, "Every road") == "Joan Pike"


def test_a_description_before_the_name_is_the_person_named_next(nlp: Any) -> None:
    rec = run(
        "The hearing follows the testimony of four officials, including a career Navy "
        'officer who described the order as "reckless."\n\n'
        "Lt. Col. Ann Vick told lawmakers it was her duty to report the order.\n\n"
        "It was not the first time Vick had raised her concerns.\n",
        nlp,
    )
    assert _speaker_of(rec, "reckless") == "Ann Vick"
    (person,) = [p for p in rec.people if p.name == "Ann Vick"]
    assert person.descriptors == ("lt. col.",)  # not "first time", and no person "Lt"
    assert not [p for p in rec.people if p.name in ("Lt", "Col")]


@pytest.mark.parametrize(
    ("text", "words", "not_speaker"),
    [
        # the body a spokesman speaks for is no role: not its secretary named next
        (
            "The Treasury issued new rules on Monday.\n\nA Treasury spokeswoman said the "
            "agency would not comment on the case. On Friday, Treasury Secretary Ines "
            "Brandt promised a review.\n",
            "the agency would not",
            "Ines Brandt",
        ),
        (
            "The Navy recalled two ships on Monday.\n\nA Navy spokeswoman said the ships "
            "were safe. On Friday, Navy Secretary Paul Cole ordered a review.\n",
            "the ships were safe",
            "Paul Cole",
        ),
    ],
)
def test_a_spokesman_is_not_the_head_of_the_body_named_next(
    nlp: Any, text: str, words: str, not_speaker: str
) -> None:
    speaker = _speaker_of(run(text, nlp), words)
    assert speaker is not None and "spokeswoman" in speaker
    assert speaker != not_speaker


_LOWE = "Democratic front-runner Ann Lowe spoke in Iowa on Monday.\n\n"


@pytest.mark.parametrize(
    ("text", "words", "speaker", "right"),
    [
        # a description of another party is not the one named before or after it
        (
            _LOWE + "The Republican front-runner said the plan would cut rates.\n",
            "the plan",
            "Ann Lowe",
            False,
        ),
        (
            _LOWE + "The Democratic front-runner said the plan would cut rates.\n",
            "the plan",
            "Ann Lowe",
            True,
        ),
        (
            "Bills like it fail often.\n\nIn Ohio, a tax bill faced poor prospects after the "
            "state's Republican governor suggested he would not sign it.\n\nDemocratic Gov. "
            "Paul Brandt of Kansas praised the vote on Tuesday.\n",
            "he would not sign",
            "Paul Brandt",
            False,
        ),
    ],
)
def test_a_description_of_another_party_is_not_the_person(
    nlp: Any, text: str, words: str, speaker: str, right: bool
) -> None:
    assert (_speaker_of(run(text, nlp), words) == speaker) is right


def test_an_indefinite_source_stays_unnamed_when_the_next_name_is_someone_else(
    nlp: Any,
) -> None:
    rec = run(
        'A spokesman for the port called the strike "unlawful."\n\n'
        "Dock worker Sam Ortiz said the union would not back down.\n",
        nlp,
    )
    assert _speaker_of(rec, "unlawful") != "Sam Ortiz"


def test_a_countrys_body_keeps_its_country_and_an_owner_stays_out(nlp: Any) -> None:
    rec = run(
        "Fighting went on near the base on Monday.\n\n"
        "Syria's Interior Ministry claimed the camp was empty.\n\n"
        "Mara Lind's Northgate Records said the deal was done.\n",
        nlp,
    )
    assert _speaker_of(rec, "the camp was empty") == "Syria's Interior Ministry"
    assert _speaker_of(rec, "the deal was done") == "Northgate Records"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "NASA's Office of the Inspector General said in a report that costs rose. "
            '"The schedule slipped," the office said.\n',
            "NASA's Office of the Inspector General",
        ),
        (
            "The U.S. Attorney's Office for the Western District of Ohio said the man "
            'pleaded guilty. "He made threats," the office said.\n',
            # (with the "the" the article writes before it)
            "the U.S. Attorney's Office for the Western District of Ohio",
        ),
    ],
)
def test_a_possessive_inside_a_body_name_stays_in_the_name(nlp: Any, text: str, name: str) -> None:
    rec = run(text, nlp)
    assert name in [p.name for p in rec.people]
    assert _speaker_of(rec, "The schedule" if "NASA" in text else "He made") == name


def test_a_name_suffix_is_never_a_person_and_picks_the_father(nlp: Any) -> None:
    rec = run(
        "Samuel Elroy Adler Jr.'s son, Peter Adler, spoke at the memorial on Monday.\n\n"
        '"We remember him every day," Peter Adler said.\n\n'
        'In 1971, Adler Jr. wrote, "A harbour is a promise kept by many hands."\n',
        nlp,
    )
    assert "Jr." not in [p.name for p in rec.people]
    assert _speaker_of(rec, "We remember") == "Peter Adler"
    assert _speaker_of(rec, "A harbour is") == "Samuel Elroy Adler Jr."


def test_the_couple_is_the_pair_named_together_before(nlp: Any) -> None:
    rec = run(
        "Chef Nora Vale and her husband, singer Leo Brandt, opened a bakery in May.\n\n"
        "Vale and Brandt share two children. In August, the couple announced they were "
        "expecting a third child.\n",
        nlp,
    )
    (q,) = [q for q in rec.quotes if q.text.startswith("they were expecting")]
    assert who(q) == "Nora Vale and Leo Brandt"
    assert q.speaker is not None and q.speaker.type == "group"


def test_which_after_a_person_takes_up_the_report_not_the_person(nlp: Any) -> None:
    rec = run(
        "Ana Ruiz spoke at the summit on Tuesday.\n\n"
        'Growers "began to say we want you to do this and that," Ruiz told Tom Hale, which '
        'ultimately meant making the "strongest wheat on the market."\n',
        nlp,
    )
    assert _speaker_of(rec, "strongest wheat") == "Ana Ruiz"


def test_a_document_named_after_a_body_is_that_bodys(nlp: Any) -> None:
    rec = run(
        "The Attorney's Office for the Eastern District of Ohio announced the plea on "
        "Monday.\n\n"
        "Dale Finch, 40, faces up to five years in prison. His sentencing is set for "
        "May 2, according to the office release.\n",
        nlp,
    )
    (q,) = [q for q in rec.quotes if q.text.startswith("His sentencing")]
    assert who(q) == "the Attorney's Office for the Eastern District of Ohio"


@pytest.mark.parametrize(
    ("sentence", "words", "speaker"),
    [
        (
            "The company will close two plants next year, the board said, according to Reuters.",
            "The company will close",
            "the board",
        ),
        (
            "Prices will rise by 5 percent, the ministry said on Tuesday, according to a "
            "report by Bloomberg.",
            "Prices will rise",
            "the ministry",
        ),
        ('"We have no choice," the board said, according to Reuters.', "We have", "the board"),
    ],
)
def test_a_report_carried_by_an_agency_is_the_speakers_not_the_agencys(
    nlp: Any, sentence: str, words: str, speaker: str
) -> None:
    rec = run(f"The airline cut its forecast on Monday, Reuters reported.\n\n{sentence}\n", nlp)
    assert _speaker_of(rec, words) == speaker


def test_a_name_set_beside_a_described_subject_is_the_one_in_view(nlp: Any) -> None:
    rec = run(
        'Economist Paul Kim found that costs doubled. "The numbers are clear," he said.\n\n'
        'A third critic, former councilman Dan Ortiz, was blunter. "This is theft," he said.\n',
        nlp,
    )
    assert _speaker_of(rec, "This is theft") == "Dan Ortiz"


@pytest.mark.parametrize(
    ("role", "gender"),
    [("councilwoman", "female"), ("councilman", "male"), ("fisherman", "male")],
)
def test_a_role_in_man_or_woman_tells_the_gender(nlp: Any, role: str, gender: str) -> None:
    rec = run(f"Former {role} Jordan Vale spoke at the pier on Monday.\n", nlp)
    (person,) = [p for p in rec.people if p.name == "Jordan Vale"]
    assert person.gender == gender


def test_a_given_name_tells_the_gender_for_she(nlp: Any) -> None:
    rec = run(
        "Lawyers Fiona Marsh and Derek Hale met the judge on Monday.\n\n"
        "Hale spoke first, then Marsh addressed the court.\n\n"
        '"We will appeal," she said.\n',
        nlp,
    )
    genders = {p.name: p.gender for p in rec.people}
    assert genders["Fiona Marsh"] == "female" and genders["Derek Hale"] == "male"
    assert _speaker_of(rec, "We will appeal") == "Fiona Marsh"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Tom Hale, 42, a farmer from Ohio, lost his crop in the flood.\n\n"
            '"It was all gone," the 42-year-old said.\n',
            "It was all gone",
            "Tom Hale",
        ),
        (
            "The White House pushed back on Monday.\n\n"
            "The plan is dead, according to a statement from the White House.\n",
            "The plan is dead",
            "the White House",
        ),
        ("Prices will rise, according to a report by Bloomberg.\n", "Prices", "Bloomberg"),
    ],
)
def test_an_age_or_a_document_names_its_person(
    nlp: Any, text: str, words: str, speaker: str
) -> None:
    assert _speaker_of(run(text, nlp), words) == speaker


def test_a_lone_quote_after_a_passive_report_is_not_the_accuseds(nlp: Any) -> None:
    rec = run(
        "The camp holds 40,000 people.\n\n"
        "Russia and the Syrian government have been accused of blocking aid to the camp.\n\n"
        '"Bandit formations control the roads."\n',
        nlp,
    )
    assert _speaker_of(rec, "Bandit formations") != "Russia"


def test_a_subhead_holding_a_phrase_quoted_before_is_that_speakers(nlp: Any) -> None:
    rec = run(
        "In a joint statement, the two defense ministries accused the rebels of running "
        '"bandit formations" near the camp.\n\n'
        '"Nobody controls the roads," said analyst Tom Berry.\n\n'
        '"Rebel-controlled bandit formations"\n\n'
        "The camp holds about 40,000 people.\n",
        nlp,
    )
    assert _speaker_of(rec, "Rebel-controlled") == _speaker_of(rec, "bandit formations")
    assert _speaker_of(rec, "Rebel-controlled") not in (None, "Tom Berry")


def test_according_to_a_man_makes_him_the_one_who_goes_on(nlp: Any) -> None:
    rec = run(
        "Joe Smith has led the union for a decade.\n\n"
        "According to treasurer Bob Klein, the fund is empty.\n\n"
        '"We are broke," he said.\n',
        nlp,
    )
    assert _speaker_of(rec, "We are broke") == "Bob Klein"


@pytest.mark.parametrize(
    ("said_by", "name"),
    [
        pytest.param(
            "Marian Hollis, an English professor at Grant University in Dayton, and a "
            "co-editor of a book on the genre",
            "Marian Hollis",
            id="a-second-role-after-the-apposition",
        ),
        pytest.param("Tom Lee and a friend", "Tom Lee and a friend", id="a-second-person"),
    ],
)
def test_a_role_joined_to_the_apposition_is_no_second_speaker(
    nlp: Any, said_by: str, name: str
) -> None:
    text = f'"The novel looks at ordinary working women," said {said_by}.'
    rec = extract(text, "2021-03-02", nlp=nlp)
    assert [q.speaker.name for q in rec.quotes if q.speaker] == [name]


def test_the_source_is_the_last_source_described_before_it(nlp: Any) -> None:
    rec = extract(
        "The mayor was asked to step aside, one highly placed source said.\n\n"
        "Another highly placed source said the mayor's son met him on Friday. The source "
        'said the son "laid out the choice" for his father.',
        "2021-03-02",
        nlp=nlp,
    )
    said = [q for q in rec.quotes if q.speaker and q.kind == "fragment"]
    assert [q.speaker.name for q in said] == ["Another highly placed source"]


def test_a_name_set_beside_the_place_of_a_title_is_the_titled_person(nlp: Any) -> None:
    """ "The U.S. ambassador to Poland, Dan Fried, who was then on the National Security
    Council, said ...": the parser hangs the name on the place; the speaker is Fried, not
    the council named in his relative clause."""
    rec = extract(
        "The alliance met in Madrid.\n\n"
        "The U.S. ambassador to Poland, Dan Fried, who was then on the National Security "
        'Council, said Friday that he remembered being asked to help "turn this wish into '
        'a policy."',
        "2021-03-02",
        nlp=nlp,
    )
    assert {q.speaker.name for q in rec.quotes if q.speaker} == {"Dan Fried"}


UNNAMED_THEN_PRONOUN = (
    "Ferrocorp said its new valve has a flaw. Richard Alvey, a Ferrocorp spokesman, said "
    "the company found it last week.\n\n"
    "Lindmark said it has stopped shipping a pump that uses the valve. A Lindmark "
    "spokeswoman said the company told customers Monday about the flaw.\n\n"
    "Lindmark has no plans to recall its pumps, the spokeswoman said. "
    '"We don\'t look at this as a major problem for us," she said.\n\n'
    '"We haven\'t changed our schedules in any way," said a Torvik spokesman. To switch to '
    'another maker\'s valves "would not be an option," he said.'
)


@pytest.mark.parametrize(
    ("words", "name"),
    [
        pytest.param("We don't look", "A Lindmark spokeswoman", id="she-after-the-spokeswoman"),
        pytest.param("would not be", "a Torvik spokesman", id="he-after-a-spokesman"),
    ],
)
def test_a_pronoun_speaking_after_an_unnamed_source_is_that_source(
    nlp: Any, words: str, name: str
) -> None:
    """A he/she speaking just after an unnamed source of that gender is the source, not
    a man named earlier (Richard Alvey) nor no one."""
    rec = extract(UNNAMED_THEN_PRONOUN, "2021-03-02", nlp=nlp)
    (q,) = [q for q in rec.quotes if q.text.startswith(words)]
    assert q.speaker is not None and q.speaker.name == name


def test_a_source_described_after_its_head_noun_is_the_one_who_goes_on(nlp: Any) -> None:
    """ "A reporter for a French news agency called it ..." then "..., he said": the
    source's head noun is "reporter", not the agency's name after "for" (realnews-polnear
    tuning trap, written fresh)."""
    rec = extract(
        "Truck kills dozens in Nice.\n\n"
        "The driver, Tarek Bouzid, drove into the crowd. Police shot him dead at the "
        "scene.\n\n"
        'A reporter for a French news agency called it "absolute chaos."\n\n'
        '"We saw people hit and bits of debris flying around," he said.\n',
        "2016-07-15",
        nlp=nlp,
    )
    (q,) = [q for q in rec.quotes if q.text.startswith("We saw")]
    assert q.speaker is not None and q.speaker.name == "A reporter for a French news agency"


def test_a_name_after_its_owner_and_a_conjunction_is_still_the_subject(nlp: Any) -> None:
    """ "But Smith Barney's Mr. Doyle, who ..., called ...": the parser makes the name
    the sentence's root; Doyle is its subject, whom the next "he" takes up (not the
    analyst of the paragraph before)."""
    rec = extract(
        '"Kessler is the biggest guy in the bar," said Joseph J. Doyle, an analyst with '
        "Smith Barney, Harris Upham amp Co.\n\n"
        "Prudential-Bache Securities Inc. analyst George E. Thompson downplayed the "
        "importance of the announcement. Mr. Thompson calls discounting \"a loser's game "
        'for anyone." Mr. Thompson noted that the disappointing earnings, which fell five '
        "cents a share short of his own projections, contributed to the sell-off.\n\n"
        "But Smith Barney's Mr. Doyle, who yesterday trimmed his 1990 Kessler earnings "
        "projection to $2.95 a share from $3.10, called the market's reaction "
        '"justified." While the third-quarter earnings were a "moderate disappointment," '
        'he said, "the real bad news is the intensity of price competition" in the '
        "premium-beer sector.",
        "2021-03-02",
        nlp=nlp,
    )
    (q,) = [q for q in rec.quotes if q.text.startswith("the real bad news")]
    assert q.speaker is not None and q.speaker.name == "Joseph J. Doyle"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # what unnamed sources know is part of their name; the clauses of that are not
        (
            "People briefed on the talks held in Oslo said a deal was close.\n",
            "a deal was close",
            "People briefed on the talks",
        ),
        (
            "Two officials familiar with the contract signed by the city in May said the "
            "terms would change.\n",
            "the terms would",
            "Two officials familiar with the contract",
        ),
        # a clause after the people themselves is still cut
        (
            "Two workers who attended the meeting said the plant would close.\n",
            "the plant would",
            "Two workers",
        ),
    ],
)
def test_unnamed_sources_keep_what_they_know(nlp: Any, text: str, words: str, speaker: str) -> None:
    assert _speaker_of(run(text, nlp), words) == speaker
