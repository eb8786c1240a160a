"""Two people of one surname: which one a bare surname that speaks is.

The story's person (the one named first) keeps a bare surname, unless the other
was named in the same paragraph before it, or was the subject of the paragraph
before (over paragraphs of nothing but quotation: her words running on); and a
regnal name ("King Omar") is the whole name of its bearer, so a bare "Omar" is the
king's when another person only has it as a surname.  Made-up
articles run through the real pipeline, with the names their quotes' speakers
must get."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhen.pipeline import extract

CASES = [
    pytest.param(
        "The rally came as Lena Marsh toured the valley farms on Monday.\n\n"
        "Her husband, Tom Marsh, spoke to dock workers in Port Elm.\n\n"
        "Tom Marsh told the crowd that the harbour would reopen in May.\n\n"
        '"We need those jobs back," Marsh said.\n\n'
        '"The tolls have to go," Marsh added.',
        ["We need those jobs back", "The tolls have to go"],
        "Tom Marsh",
        id="the-subject-of-the-paragraph-before",
    ),
    pytest.param(
        "Senator Hal Brook said on Monday that he would back the bill.\n\n"
        '"I will vote for it," Brook said.\n\n'
        "Critics have mocked his wife, Ida, for months. One paper ran a photo of Ida Brook "
        "beside a cartoon.\n\n"
        '"I do not answer to cartoons," Brook said.',
        ["I do not answer to cartoons"],
        "Hal Brook",
        id="an-object-in-the-paragraph-before-is-no-subject",
    ),
    pytest.param(
        "Three men died in the fire, among them the dock worker Tom Marsh.\n\n"
        "Lena Marsh, mother of the dock worker Tom Marsh, rejected the report.\n\n"
        '"They lied to me at the funeral," Marsh said.\n\n'
        '"They still lie about it, every day."\n\n'
        '"There is no excuse for any of it," Marsh said last week.',
        ["They lied to me at the funeral", "There is no excuse for any of it"],
        "Lena Marsh",
        id="the-paragraph-before-skips-a-quote-running-on",
    ),
    pytest.param(
        "Velo's Aziz Omar called the envoy a liar on Thursday. After a meeting with King "
        'Omar of Tarsa, the envoy said, "I came to listen." Aziz repeatedly called the '
        'envoy "a fraud." The meeting with Omar was to press the king to close the port. '
        '"It is our only outlet to the sea," Omar said.',
        ["It is our only outlet to the sea"],
        "King Omar",
        id="a-regnal-name-is-its-bearers-whole-name",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_which_namesake_speaks(nlp: Any, text: str, words: list[str], speaker: str) -> None:
    rec = extract(text, "2021-05-03", nlp=nlp)
    found = {q.text: q.speaker.name if q.speaker else None for q in rec.quotes}
    for w in words:
        assert found[w] == speaker, found
