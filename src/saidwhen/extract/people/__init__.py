"""Who a mention is: the people (and bodies) of an article, and which mentions refer to whom.

A name is a run of proper nouns; its front words that say what someone is
("Finance Minister", "Browns DL", "White House Press Secretary", a
"State" left from "Secretary of State") are cut off as descriptors, so the
canonical name is the person's name alone ("Ana Ruiz").  Each entity has a
type: a person, an organisation (an ORG name, "Lee Research"), a group
("the doctors") or an unnamed source ("a spokesman for the ambulance
service"); places are kept apart and never given as people.

Mentions are grouped by name (surname, first name, a shorter tail of the
full name: "Van Der Beek" is "James Van Der Beek"); he/she pronouns go to
the person who spoke or acted last in view, weighing subjecthood, gender
and quote frames; descriptions ("the fisherman", "the company") go to the
last entity the article described that way (an apposition, a role before
the name), and an indefinite source ("an insider") is the one later "the
insider" refers to.

:func:`find_people` builds the :class:`PeopleIndex`; :meth:`PeopleIndex.resolve`
names a mention span and :func:`name_speakers` gives every quote's speaker
its person (name and type).

The package: :mod:`.names` (name runs, titles, canonical forms, the
lexicon), :mod:`.index` (the entities and the resolution of a mention),
:mod:`.pronouns` (he/she and a body's "it"/"they"), :mod:`.described` (descriptions),
:mod:`.resolver` (the ranking's features and learned weights), :mod:`.build`
(:func:`find_people`), :mod:`.speakers` (:func:`name_speakers`).
"""

from saidwhen.extract.people.build import find_people
from saidwhen.extract.people.index import PeopleIndex
from saidwhen.extract.people.names import PRONOUNS
from saidwhen.extract.people.speakers import name_speakers

__all__ = ["PRONOUNS", "PeopleIndex", "find_people", "name_speakers"]
