"""Who a he/she after a quote or a report stands for, where the nearest name is not it
(session 17, issue 10; made-up texts):

- a name that is the subject of a relative clause on it or on its apposition ("there was
  Tom Lee, who said ...") is a subject;
- the people a quote names by name are not the one its "he said" stands for, though a
  name that only modifies a noun ("Ruiz supporters") says nothing;
- a "he added" goes on with the subject of the last verb of saying, over a subject named
  between, unless that verb names none ("..., saying");
- a role that owns a subject ("the nominee's support ... is") is taken up like a role
  that is one.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_attribution import run, who

# Lee is no subject of the verb ("there was"); Hale and Park are named after him, in
# passing, as objects
EXISTENTIAL_WHO = (
    "Mayor Dan Hale has run Velo for ten years.\n\n"
    "First there was the harbour engineer Tom Lee, who, after a quarrel with Mr. Park over "
    "Mr. Hale, said on the radio that the port was ''sinking into the mud.''\n\n"
    "Those who keep dredging it, he said, are wasting the city's money.\n"
)
# a newcomer in an apposition with a "who" clause, then a quote with "he said"
APPOSITION_WHO = (
    "Mayor Dan Hale spoke for an hour. He promised a new ferry and he thanked the crew.\n\n"
    "Ana Ruiz made an appearance of sorts, courtesy of Tarn Okafor, a delegate from Orla "
    "who dressed up as a lobster.\n\n"
    '"I thought it would be funny to come as what I catch," he said.\n'
)


# Hale spoke last, but the quote names him: his campaign manager speaks
NAMED_INSIDE = (
    "Tom Hale won the Velo primary on Tuesday by twelve points. His campaign manager, "
    "Dan Ruiz, spoke to reporters after the count.\n\n"
    "He should get a lift from the win, Hale said.\n\n"
    "\"Many voters asked whether Senator Hale's message could carry the city, and I "
    'think tonight he proved that it could," he said.\n'
)
# a name as a modifier in the quote: still the one who speaks
MODIFIER_INSIDE = (
    "Mayor Tom Hale held a rally in Orla, and then Dan Ruiz took to Twitter.\n\n"
    '"The thugs who attacked the peaceful Ruiz supporters were paid," he tweeted.\n'
)


ADDED_AFTER_SUBJECT = (
    "''We have waited ten years for a new pier,'' Tom Hale said. ''Nobody in the city hall "
    "listens to the fishermen.''\n\n"
    "Dan Ruiz, who has run the port since 2010, fits that bill for many of them, he added.\n"
)
# no verb of saying since the last speaker: the usual choice, the subject
SAID_AFTER_SUBJECT = (
    "''We have waited ten years for a new pier,'' Tom Hale said.\n\n"
    "Dan Ruiz, who has run the port since 2010, wrote a plan for a pier. He "
    "says that the work will start in May.\n"
)
# the last verb of saying names no subject: the usual choice again
ADDED_AFTER_PARTICIPLE = (
    "''We have waited ten years for a new pier,'' Tom Hale said.\n\n"
    "Dan Ruiz has given no details of the plan, saying only that the work will start soon. "
    "He added that the pier would cost less than the old one.\n"
)


OWNER_OF_SUBJECT = (
    "Tom Hale, the party's nominee for mayor, spoke in Velo on Monday.\n\n"
    "Dan Ruiz, who lost the primary to him, wrote on Twitter: ''The harbour deserves "
    "better.''\n\n"
    "Meanwhile, the nominee's support among the fishermen is growing. While he has said "
    "that the fees will stay, he promised a new pier.\n"
)
# a thing owns the subject: the man quoted last goes on
THING = (
    "Tom Hale, the party's nominee for mayor, spoke in Velo on Monday.\n\n"
    "Dan Ruiz, who lost the primary to him, wrote on Twitter: ''The harbour deserves "
    "better.''\n\n"
    "Meanwhile, the harbour's future is in doubt among the fishermen. While he has said "
    "that the fees will stay, he promised a new pier.\n"
)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(EXISTENTIAL_WHO, "Those who keep", "Tom Lee", id="there-was-x-who-said"),
        pytest.param(APPOSITION_WHO, "I thought it", "Tarn Okafor", id="x-a-delegate-who"),
        pytest.param(NAMED_INSIDE, "Many voters", "Dan Ruiz", id="named-inside-the-quote"),
        pytest.param(MODIFIER_INSIDE, "The thugs", "Dan Ruiz", id="a-name-as-a-modifier"),
        pytest.param(ADDED_AFTER_SUBJECT, "fits that bill", "Tom Hale", id="he-added"),
        pytest.param(SAID_AFTER_SUBJECT, "the work will start", "Dan Ruiz", id="he-says"),
        pytest.param(
            ADDED_AFTER_PARTICIPLE, "would cost less", "Dan Ruiz", id="added-after-saying"
        ),
        pytest.param(
            OWNER_OF_SUBJECT, "the fees will stay", "Tom Hale", id="the-nominees-support-is"
        ),
        pytest.param(THING, "the fees will stay", "Dan Ruiz", id="the-harbours-future-is"),
    ],
)
def test_the_antecedent(nlp: Any, text: str, words: str, speaker: str) -> None:
    found = [q for q in run(text, nlp).quotes if words in q.text]
    assert found, words
    assert who(found[0]) == speaker
