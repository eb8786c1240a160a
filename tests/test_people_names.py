"""A speaker's name as the article gives it in full: hand-written articles (made up), each
with the names its quotes' speakers must get, run through the real pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.extract.people import find_people
from saidwhen.pipeline import extract

CASES = [
    pytest.param(
        "Lakeland won the cup after Dmitri Vasko edged Pell Orkney 7-6 (5), 7-6 (7) on Friday.\n\n"
        '"It came down to two serves," Orkney said.',
        "direct",
        ["Pell Orkney"],
        id="an-untagged-name-that-speaks-is-a-person",
    ),
    pytest.param(
        'Nico Brandt scored 20 points. "Coach (Mark) Hollis told us to run," Brandt said.\n\n'
        '"He keeps us fresh," Hollis said.',
        "direct",
        ["Nico Brandt", "Mark Hollis"],
        id="a-first-name-put-in-by-the-writer",
    ),
    pytest.param(
        '"Without a deal, growth will slow," said He Wenlan, an economist at Lakeshore University.',
        "direct",
        ["He Wenlan"],
        id="the-surname-he-is-no-pronoun",
    ),
    pytest.param(
        "A group of nurses wrote to the governor on Monday. The nurses belong to Nurses for "
        "Clean Water, formed in May.\n\n"
        '"We cannot wait another summer," the letter signed by twelve nurses said.\n\n'
        '"The wells are failing our patients," the pediatricians said.',
        "direct",
        ["Nurses for Clean Water", "Nurses for Clean Water"],
        id="people-that-a-body-is-named-after",
    ),
    pytest.param(
        "The camp is short of water, a Radio Sahel reporter Amina Diallo's source inside the "
        "camp told her on Sunday.\n\n"
        '"Many families drink from the river," the source said.',
        "direct",
        ["Amina Diallo's source inside the camp"],
        id="an-unnamed-source-is-named-from-its-owner",
    ),
    pytest.param(
        "Council chair Han Mi-rae met the envoy on Friday.\n\n"
        '"The talks will go on," Han said, and the Yun-led party agreed.',
        "direct",
        ["Han Mi-rae"],
        id="a-hyphenated-given-name-in-two-syllables",
    ),
    pytest.param(
        "Prosecutors charged Rosa Vint and Carl Ebner on Tuesday.\n\n"
        "Vint and Ebner said they had checked every cell that night.",
        "indirect",
        ["Prosecutors", "Rosa Vint and Carl Ebner"],
        id="two-people-speaking-together-are-one-speaker",
    ),
    pytest.param(
        '"The wells are drying up," analysts Rosa Vint and Carl Ebner wrote in May.',
        "direct",
        ["Rosa Vint and Carl Ebner"],
        id="two-people-named-after-their-role-are-one-speaker",
    ),
    pytest.param(
        "\u201cThe wells are drying up,\u201d nuclear experts Rosa Vint and Carla Ebner-Sandoval "
        "of Boston's Institute for Water Security wrote in September.",
        "direct",
        ["Rosa Vint and Carla Ebner-Sandoval"],
        id="two-people-named-after-their-role-and-their-body",
    ),
    pytest.param(
        "Flood researcher K.T. Ambler has studied the river for years.\n\n"
        '"You would not have had the flood without the dam," Ambler said.',
        "direct",
        ["K.T. Ambler"],
        id="initials-for-a-given-name",
    ),
    pytest.param(
        '"We need more time," said Lucia Ferrer Soto, the president of the bank.\n\n'
        '"Usually we get that back," Ms. Ferrer said.',
        "direct",
        ["Lucia Ferrer Soto", "Lucia Ferrer Soto"],
        id="the-first-of-two-surnames-names-the-person",
    ),
    pytest.param(
        '"We are proud of the crew," said Lena Marlow Quist, the harbour spokeswoman.\n\n'
        "Her father, Tom Marlow, spoke at the dinner on Monday.\n\n"
        '"I never planned to sail again," Marlow said.',
        "direct",
        ["Lena Marlow Quist", "Tom Marlow"],
        id="a-first-surname-is-not-the-one-whose-last-name-it-is",
    ),
    pytest.param(
        '"We are proud of the crew," said Lena Marlow Quist, the harbour spokeswoman.\n\n'
        "Her father, Tom Marlow, spoke at the dinner on Monday.\n\n"
        '"I never planned to sail again," Ms. Marlow said.',
        "direct",
        ["Lena Marlow Quist", "Lena Marlow Quist"],
        id="a-first-surname-with-a-title-of-her-gender",
    ),
]

# the name a reported speaker gets, with titles and places around it cut off
TITLED = [
    ("Senate Majority Whip Tom Harlan said the vote would come on Tuesday.", "Tom Harlan"),
    ("Harbour Board Chair Greta Ollin said fares would stay low.", "Greta Ollin"),
    ("Party Chief of Staff Laura Penn said the count was over.", "Laura Penn"),
    ("Archbishop Aris Kazarian said the church would stay open.", "Aris Kazarian"),
    ("Police Commissioner Nora Vale said the bridge would stay shut.", "Nora Vale"),
    ("Rear Admiral Karl Venn said the fleet would sail on Friday.", "Karl Venn"),
    ("Ranking Democrat Greta Ollin said the bill would fail.", "Greta Ollin"),
]


@pytest.mark.parametrize(("text", "name"), TITLED)
def test_titles_and_places_are_no_part_of_the_name(nlp: Any, text: str, name: str) -> None:
    rec = extract(text, "2016-05-02", nlp=nlp)
    assert [q.speaker.name for q in rec.quotes if q.speaker] == [name]


def test_the_place_a_person_is_from_is_no_part_of_the_name(nlp: Any) -> None:
    text = (
        "The members running for chair -- Tom Harlan of Texas, Greta Ollin of South "
        "Carolina and Piet Vanse of Kentucky -- said they would vote against it."
    )
    got = [p.name for p in find_people(nlp(text)).persons() if p.type == "person"]
    assert got == ["Tom Harlan", "Greta Ollin", "Piet Vanse"]


@pytest.mark.parametrize(("text", "kind", "names"), CASES)
def test_speaker_names(nlp: Any, text: str, kind: str, names: list[str]) -> None:
    rec = extract(text, "2021-03-02", nlp=nlp)
    got = [q.speaker.name if q.speaker else None for q in rec.quotes if q.kind == kind]
    assert got == names


def _case(case_id: str) -> str:
    (text,) = [c.values[0] for c in CASES if c.id == case_id]
    return str(text)


def test_a_joint_speaker_is_a_group(nlp: Any) -> None:
    rec = extract(_case("two-people-speaking-together-are-one-speaker"), "2021-03-02", nlp=nlp)
    (q,) = [q for q in rec.quotes if q.speaker and q.speaker.mention == "Vint and Ebner"]
    assert q.speaker is not None and q.speaker.type == "group"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "Ruth Ashby and Tom Leeming, economists at Carver College, wrote a book on ports."
            '\n\nProfessors Leeming and Ashby argue that "ports made the cities."',
            "Ruth Ashby and Tom Leeming",
            id="the-order-they-were-first-named-together",
        ),
        pytest.param(
            "Tom Leeming met Ruth Ashby in Leeds.\n\n"
            'Ashby and Leeming argue that "ports made the cities."',
            "Ruth Ashby and Tom Leeming",
            id="never-named-together-before",
        ),
    ],
)
def test_a_joint_speaker_in_the_order_first_written(nlp: Any, text: str, name: str) -> None:
    rec = extract(text, "2021-03-02", nlp=nlp)
    assert [q.speaker.name for q in rec.quotes if q.kind == "fragment" and q.speaker] == [name]


def test_a_score_in_brackets_is_no_age(nlp: Any) -> None:
    rec = extract(_case("an-untagged-name-that-speaks-is-a-person"), "2021-03-02", nlp=nlp)
    (orkney,) = [p for p in rec.people if p.name == "Pell Orkney"]
    assert not any("year-old" in d for d in orkney.descriptors)


def test_a_surname_that_is_also_a_word_is_the_person(nlp: Any) -> None:
    text = (
        '"Customers want to taste a loaf first," says Tessa Early, head of the bakery.\n\n'
        '"Bread sells by the season," says Early.'
    )
    doc = nlp(text)
    at = text.rindex("Early")
    assert find_people(doc).resolve(at, at + len("Early")) == "Tessa Early"


@pytest.mark.parametrize(
    ("case", "name"),
    [
        ("an-untagged-name-that-speaks-is-a-person", "Pell Orkney"),
        ("the-surname-he-is-no-pronoun", "He Wenlan"),
    ],
    ids=["untagged-speaker", "surname-he"],
)
def test_the_person_is_in_the_people_list(nlp: Any, case: str, name: str) -> None:
    rec = extract(_case(case), "2021-03-02", nlp=nlp)
    assert [p.type for p in rec.people if p.name == name] == ["person"]


def test_they_after_a_joint_subject_is_that_joint_speaker(nlp: Any) -> None:
    text = (
        "Mayor Lena Brandt and council leaders have avoided criticism of the strikers. "
        "However, they said they would not raise wages this year."
    )
    rec = extract(text, "2021-03-02", nlp=nlp)
    said = {q.text: q.speaker for q in rec.quotes if q.kind == "indirect" and q.speaker}
    they = said["they would not raise wages this year"]
    assert (they.mention, they.name) == ("they", "Lena Brandt and council leaders")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On Monday, Coral Shipping Group issued a statement about the storm\n\n"
            "The statement, which was obtained by the Ledger, claimed the ships were safe.\n\n"
            '"We stand by our crews," the statement continued.',
            "Coral Shipping Group",
        ),
        (
            "Coral Shipping Group closed two routes on Monday.\n\n"
            '"We stand by our crews," said the statement obtained by the Ledger.',
            None,  # obtained by the Ledger, not written by it
        ),
    ],
    ids=["the-one-issued-before", "obtained-is-not-written"],
)
def test_the_statement_speaks_for_who_issued_it(nlp: Any, text: str, name: str | None) -> None:
    rec = extract(text, "2021-03-02", nlp=nlp)
    (q,) = [q for q in rec.quotes if q.kind == "direct"]
    assert q.speaker is not None
    if name is None:
        assert q.speaker.name != "the Ledger"
    else:
        assert q.speaker.name == name
