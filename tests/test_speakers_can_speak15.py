"""A speaker must be able to speak (issue 10, session 15): hand-built sentences, never
text from the evaluation sets.

* :func:`saidwhen.extract.speech.syntax.can_speak`: a person, a body, a group, a
  document or a pronoun can; a place named on the way or an event or a thing
  (a noun PolNeAR's annotators never or rarely made a Source) cannot;
* a participle of saying the parse hung on a clause whose subject cannot speak ("as
  the council meeting ended stating ...") is said by the subject further up;
* of the tagged sources near a cue with no subject of its own, one that can speak
  comes before a nearer place;
* "Ortiz refused:  "..."": the clause before a colon introduces the quote, however
  much white space on the line between them (not a line that ends on the colon:
  "Some of the key moments:" then a quoted subhead);
* "Vale, meanwhile, who sits on ..., said": the name before an adverb and a relative
  clause set off by commas is the subject.
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from tests.test_attribution import run

syntax = importlib.import_module("saidwhen.extract.speech.syntax")


def _token(nlp: Any, text: str, word: str) -> Any:
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "able"),
    [
        ("The spokeswoman for the port said the ferries would run.", "spokeswoman", True),
        ("The union said the ferries would run.", "union", True),
        ("A new poll showed that most riders want the ferries back.", "poll", True),
        ("The memo stated that the ferries would run.", "memo", True),
        ("She said the ferries would run.", "She", True),
        ("It said the ferries would run.", "It", True),
        ("Dana Whitfield said the ferries would run.", "Whitfield", True),
        ("Both said the ferries would run.", "Both", True),
        ("A handful of riders wrote to the council.", "handful", True),
        ("The council meeting began late.", "meeting", False),
        ("Thousands came to the rally on Sunday.", "rally", False),
        ("He paid a visit to the border in Laredo, Texas on Monday.", "Texas", False),
    ],
)
def test_who_can_speak(nlp: Any, text: str, word: str, able: bool) -> None:
    assert syntax.can_speak(_token(nlp, text, word)) is able


def _speakers(rec: Any, words: str) -> set[str | None]:
    """The speakers' mentions of every quote and report holding ``words``."""
    found = [q for q in rec.quotes if words in q.text]
    assert found, [q.text for q in rec.quotes]
    return {q.speaker.mention if q.speaker is not None else None for q in found}


@pytest.mark.parametrize(
    ("text", "words", "mention"),
    [
        # the participle hangs on the clause of "as"; the meeting does not state
        (
            "The ferry strike entered its second week.\n\n"
            "The union posted a notice online as the council meeting ended stating "
            'that the strike was "far from over."\n',
            "far from over",
            "The union",
        ),
        (
            "The ferry strike entered its second week.\n\n"
            "Mayor Dana Whitfield sent out a letter to residents as the council meeting "
            'began vowing to "keep every ferry running" through the winter.\n',
            "keep every ferry running",
            "Mayor Dana Whitfield",
        ),
    ],
)
def test_a_participle_is_said_by_one_who_can_speak(
    nlp: Any, text: str, words: str, mention: str
) -> None:
    assert _speakers(run(text, nlp), words) == {mention}


def test_a_document_is_a_speaker_of_its_own(nlp: Any) -> None:
    # the poll that was released shows it, not the talks that ended
    text = (
        "The ferry strike entered its second week.\n\n"
        "A new poll was released as the talks ended, showing that most riders back "
        "the strike.\n"
    )
    assert _speakers(run(text, nlp), "most riders back") == {"A new poll"}


@pytest.mark.parametrize(
    ("mention", "head"),
    [
        ("a spokesman for the port", "spokesman"),
        ("The union's", "union"),
        ("riders who wrote to the council", "riders"),
        ("Mayor Dana Whitfield, who runs the port", "whitfield"),
        ("the memo (sent Friday)", "memo"),
        ("“", None),
    ],
)
def test_the_head_of_a_source(mention: str, head: str | None) -> None:
    from saidwhen.eval.source_heads import source_head

    assert source_head(mention) == head


def test_heads_kept_by_count_and_rate(tmp_path: Any) -> None:
    from saidwhen.eval.source_heads import count_heads, render_module

    (tmp_path / "attributions").mkdir()
    (tmp_path / "text").mkdir()
    # the union heads two Sources of its three mentions; the meeting none of its two
    text = "The union said the meeting was long. The union said the meeting ended. The union."
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    lines = [
        f"T{k}\tSource {i} {i + 9}\tThe union"
        for k, i in enumerate((0, text.index("The union said the meeting ended")), 1)
    ]
    (tmp_path / "attributions" / "a_x.ann").write_text("\n".join(lines), encoding="utf-8")
    heads, occurs = count_heads(tmp_path)
    assert (heads["union"], occurs["union"]) == (2, 3)
    namespace: dict[str, Any] = {}
    exec(render_module(heads, occurs), namespace)
    assert namespace["SOURCE_HEADS"] == {"union": (2, 3)}


@pytest.mark.parametrize("space", [" ", "  ", "\u00a0 "])
def test_the_clause_before_a_colon_introduces_the_quote(nlp: Any, space: str) -> None:
    text = (
        "The bus drivers walked out for a third day.\n\n"
        'Their union asked for talks at once. Transit chief Lena Ortiz could "sit down with '
        f'us tomorrow," said Omar Vale, who leads the drivers. Ortiz refused:{space}"Transit '
        'chiefs do not bargain in the street."\n'
    )
    assert _speakers(run(text, nlp), "Transit chiefs do not") == {"Ortiz"}


def test_a_name_before_an_adverb_and_a_relative_clause_speaks(nlp: Any) -> None:
    text = (
        "Mayor Lena Ortiz backed the plan on Tuesday. Omar Vale, meanwhile, who sits on the "
        'harbour board, said the plan is "too close to the builders."\n'
    )
    rec = run(text, nlp)
    (frag,) = [q for q in rec.quotes if q.kind == "fragment"]
    assert frag.speaker is not None and frag.speaker.name == "Omar Vale"


def test_a_quoted_subhead_after_a_colon_line_is_not_the_lines(nlp: Any) -> None:
    text = (
        "Inspectors questioned Omar Vale for two hours on Friday.\n\n"
        "Some of the key moments:\n\n"
        '"The cables are worn"\n\n'
        'Vale told the inspectors, "We checked every span. The cables are worn."\n'
    )
    assert "the key moments" not in _speakers(run(text, nlp), "The cables are worn")
