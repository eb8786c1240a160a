"""A quote with no cue and no speaker that the article gives again, with its speaker
(a pull quote set into the text, here signed on its own line inside the marks), is that
speaker's (realnews-polnear-train3 trap, written fresh)."""

from __future__ import annotations

from typing import Any

from tests.test_attribution import run, who

TEXT = (
    "Economists warn on debt talk.\n\n"
    "The campaign has pushed the debt issue all month.\n\n"
    '"I worry that we may see a return of leaders singing the praises of tight budgets.\n'
    'Dana Lee, Center for Budget Studies."\n\n'
    "The debate goes on. Critics say the framing misleads.\n\n"
    "\u201cI worry that we may see a return of leaders singing the praises of tight "
    "budgets,\u201d said Dana Lee, an economist at the Center for Budget Studies.\n"
)


def test_a_pull_quote_is_the_speaker_of_the_words_given_again(nlp: Any) -> None:
    qs = [q for q in run(TEXT, nlp).quotes if q.text.startswith("I worry")]
    assert [who(q) for q in qs] == ["Dana Lee", "Dana Lee"]
