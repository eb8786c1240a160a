"""A person whose surname is a city's name: what the text says of her (a given name,
"a retired nurse") makes her a person, unless the name is a place one is in or goes to
(a made-up text)."""

from __future__ import annotations

from typing import Any

from tests.test_attribution import run, who

PARIS = (
    "Nadia Paris, a retired nurse, says the clinic in Velo closed without notice.\n\n"
    "Paris was born in Spain but moved to Velo when she was six. Paris claims that her "
    "letters were never answered.\n\n"
    '"We had no warning at all," she says.\n'
)


def test_a_surname_the_tagger_calls_a_city(nlp: Any) -> None:
    rec = run(PARIS, nlp)
    (quote,) = [q for q in rec.quotes if q.text.startswith("We had no warning")]
    assert who(quote) == "Nadia Paris"
