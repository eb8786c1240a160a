"""Building the :class:`PeopleIndex` of an article: name runs cut into names and
descriptors, entities typed by the votes of their mentions, acronyms spelt out,
pronouns and role nouns linked."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from saidwhen.extract.lexicon import (
    CHANNEL_WORDS,
    FEMALE_NAMES,
    FEMALE_WORDS,
    MALE_NAMES,
    MALE_WORDS,
    ROLE_NOUNS,
    TITLES,
)
from saidwhen.extract.people.columns import Columns, columns
from saidwhen.extract.people.entity import _Entity
from saidwhen.extract.people.headlines import _headline_runs_cut, _title_case_lines
from saidwhen.extract.people.index import PeopleIndex
from saidwhen.extract.people.names import (
    _ANY_GIVEN,
    _ENVOYS,
    _GIVEN_NAMES,
    _MORE_FEMALE,
    _MORE_MALE,
    _ORG_NOUNS,
    _ORG_WORDS,
    _PERSON_NOUNS,
    _PLACE_LABELS,
    _SAID_NOUNS,
    _SUFFIXES,
    PRONOUNS,
    REGNAL_TITLES,
    Gender,
    _alone_on_line,
    _appositive_descriptors,
    _core,
    _left_descriptors,
    _lower_case_words,
    _name_runs,
    _name_start,
    _opener_end,
    _personal,
    _short_form,
    _standalone_labels,
    _stem,
    lowered_at,
    quoted_nickname,
    title_of,
    unglued,
)
from saidwhen.extract.people.resolver import PronounModel, Trace
from saidwhen.extract.quotes import QuoteRegion, find_quote_regions
from saidwhen.extract.speech.view import article_view
from saidwhen.model import EntityType
from saidwhen.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc


# A name run: first token, end token, its words, descriptors, titles, a body's name
_Run = tuple[int, int, list[str], list[str], list[str], bool]

# Prepositions of a place one is in, goes to or comes from
_PLACE_PREPS = frozenset("in at to from near into across outside inside throughout".split())

# Verbs whose untagged subject name is taken for a person (bodies are mostly tagged ORG).
_SAYS = frozenset("say tell add explain note write ask reply recall".split())


def _vote(ent: _Entity, doc: Doc, i: int, j: int, titles: bool, name_words: set[str]) -> None:
    """Add one mention's evidence of what the entity is to its votes."""
    c = columns(doc)
    low = list(c.lower[i:j])
    labels = list(c.ent_type[i:j])
    v = ent.votes
    last = labels[-1]
    if len(low) >= 2 and all(lab == "PERSON" for lab in labels):
        v["person_full"] = v.get("person_full", 0.0) + 1
    if last == "PERSON" or "PERSON" in labels:
        v["person"] = v.get("person", 0.0) + 1
    elif last == "ORG":
        if _owned_by_body(doc, i, j):
            # "the Washington Post's Ana Ruiz wrote": the tagger's label of the body runs
            # on over the possessive into the name of one of its people
            v["person"] = v.get("person", 0.0) + 1
        # "Tano's plan", "Reyl's family" tagged ORG: the surname of a person's full name
        elif not (
            len(low) == 1
            and len(ent.tokens) >= 2
            and (ent.tokens[0].lower() in _GIVEN_NAMES or v.get("person_full"))
        ):
            v["org"] = v.get("org", 0.0) + 1
    elif last in _PLACE_LABELS:
        v["place"] = v.get("place", 0.0) + 1
    head = j - 1
    if (
        c.dep[head] == "pobj"
        and c.lower[c.head[head]] in _PLACE_PREPS
        # (not an owner: "to Vell's firing", the parse's object of "to"; nor the sender or
        # the addressee of words: "an email from Ana Vell", "a letter to Vell")
        and not (j < c.n and c.lower[j] in ("'s", "’s"))
        and not (
            c.lower[c.head[head]] in ("from", "to") and c.lemma[c.head[c.head[head]]] in _SAID_NOUNS
        )
    ):
        v["in_place"] = v.get("in_place", 0.0) + 1  # "in Paris", "to Jordan"
    if titles:
        v["person"] = v.get("person", 0.0) + 2
        v["person_strong"] = v.get("person_strong", 0.0) + 2
    if len(low) >= 2 and low[0] in _ANY_GIVEN:
        v["person"] = v.get("person", 0.0) + 2
        v["person_strong"] = v.get("person_strong", 0.0) + 2
    if last == "" and set(low) & name_words:
        v["person"] = v.get("person", 0.0) + 0.5
    if (
        not any(labels)
        and (j == c.n or c.lower[j] not in ("of", "for"))
        and c.dep[head] == "nsubj"
        and c.lemma[c.head[head]] in _SAYS
        and not any(w in _ORG_WORDS for w in low)
    ):
        # "Opelka said", "says Early": an untagged name that speaks is likelier a person
        v["person"] = v.get("person", 0.0) + 1
    if (
        len(low) == 1
        and len(ent.tokens) >= 2
        and ent.tokens[-1].lower() == low[0]
        and last in _PLACE_LABELS
        and c.dep[head] == "nsubj"
        and c.lemma[c.head[head]] in _SAYS
    ):
        # "Neera Tanden ... Tanden wrote": the surname of a full name, speaking, is a
        # person's, whatever place the tagger takes it for (a place that speaks, "Russia
        # said", is not the last word of a longer name of it)
        v["person"] = v.get("person", 0.0) + 1
        v["person_strong"] = v.get("person_strong", 0.0) + 2
    if _called_a_person(c, head):
        v["person"] = v.get("person", 0.0) + 2
        v["person_strong"] = v.get("person_strong", 0.0) + 2
    if any(w in _ORG_WORDS for w in low) or "of" in low[1:] or "for" in low[1:]:
        v["org"] = v.get("org", 0.0) + 3  # "Office of the Inspector General"
    if _which_clause(c, head):
        # "Monsanto, which opposed the bill": a thing, not a person; with the tagger's ORG,
        # a body (a place's label outweighs it: "Ohio, which votes")
        v["org"] = v.get("org", 0.0) + 1
    if any(w in CHANNEL_WORDS for w in low):
        v["channel"] = v.get("channel", 0.0) + 3


def _owned_by_body(doc: Doc, i: int, j: int) -> bool:
    """Whether the run ``doc[i:j]`` is two or three capitalised words of no body after a
    possessive inside one ORG label of the tagger ("[the Zionist Union Party's Ana
    Ruiz]", "[CNN's Dan Vell]"): a person the body's name owns, not the body."""
    if not 2 <= j - i <= 3 or i < 2:
        return False
    pos = doc[i - 1]
    return (
        pos.lower_ in ("'s", "’s")
        and pos.ent_iob_ == "I"
        and doc[i].ent_iob_ == "I"
        and doc[i - 2].ent_type_ == "ORG"
        and all(
            t.text[:1].isupper() and t.is_alpha and t.lower_ not in _ORG_WORDS for t in doc[i:j]
        )
    )


def _which_clause(c: Columns, head: int) -> bool:
    """Whether a relative clause opened by "which" describes the name token ``head`` ends."""
    dep = c.dep
    return any(
        r > head
        and dep[r] == "relcl"
        and any(c.lower[w] == "which" and dep[w] in ("nsubj", "nsubjpass") for w in c.children[r])
        for r in c.children[head]
    )


# nouns that say a name in apposition to them is a person's: "Tano's wife, Marta"
_PERSON_APPOS = _PERSON_NOUNS | FEMALE_WORDS | MALE_WORDS


def _called_a_person(c: Columns, head: int) -> bool:
    """A name (its last token ``head``) in apposition with a noun for a person, either
    way round ("his wife, Marta", "Marta, his wife,"): a person, whatever the tagger
    says."""
    up = c.head[head]
    # (a role the parser reads as a proper noun too: "Fiorina, the former HP CEO")
    if c.dep[head] == "appos" and c.pos[up] in ("NOUN", "PROPN") and up < head:
        return c.lemma[up] in _PERSON_APPOS
    return any(
        r > head
        and c.dep[r] == "appos"
        and c.pos[r] in ("NOUN", "PROPN")
        and c.lemma[r] in _PERSON_APPOS
        for r in c.children[head]
    )


def _settle_type(ent: _Entity) -> EntityType | None:
    """The entity's type by its votes; None for a place or a thing (dropped)."""
    v = ent.votes
    person, org = v.get("person", 0.0), v.get("org", 0.0)
    # "The group that owns her music, Big Machine": described as a body, which the
    # tagger's labels (often PERSON for a two-word name) do not outweigh
    # (a descriptor's head noun: "ceo" of "ceo of the harbour council")
    described = sum(
        1 for d in ent.descriptors if d and _stem(d.split(" of ")[0].split()[-1]) in _ORG_NOUNS
    )
    if v.get("person_strong", 0.0) and not v.get("org", 0.0) and not ent.org_named:
        # a given name or a title, and nothing in the name of a body: the descriptors,
        # gathered from around the name, were another's ("Trump campaign chairman Paul
        # Manafort" leaves "campaign"; "Eurasia Group, a risk company")
        described = 0
    if described or ent.org_named:
        person = min(person, v.get("person_strong", 0.0) + 4)
    org += 5 * described
    place, channel = v.get("place", 0.0), v.get("channel", 0.0)
    if channel > max(person, org):
        return None
    # (the cap weighs a person's labels against a body's description, not against a place:
    # "Evan Marlowe ... Marlowe" that the tagger now and then takes for a town)
    if person > 0 and person >= org and v.get("person", 0.0) >= place:
        return "person"
    if v.get("person_strong", 0.0) and person >= org and not v.get("in_place"):
        # "Valeska Paris, an Australian woman ... Paris claims": a person by what the
        # text says (a given name, a title, "a woman"), never a place to be in or go to,
        # whose surname the tagger takes for the city
        return "person"
    if org >= 2 and org >= place:  # one ORG label alone is too weak ("Marine biologist")
        return "organisation"
    return None


def _described_role(doc: Doc, i: int, j: int) -> bool:
    """A run of one role word ("CEO") under lower-case modifiers that make it a
    description ("one neo-bank CEO", "a former CFO"): nobody's name."""
    if j - i != 1 or columns(doc).lower[i] not in ROLE_NOUNS:
        return False
    mods = [c for c in doc[i].lefts if c.dep_ in ("nummod", "compound", "amod", "det")]
    return any(c.dep_ != "det" and c.text[:1].islower() for c in mods) or any(
        c.lower_ in ("a", "an", "one") for c in mods
    )


def find_people(
    doc: Doc,
    regions: Sequence[QuoteRegion] | None = None,
    *,
    model: PronounModel | None = None,
    trace: Trace | None = None,
) -> PeopleIndex:
    """Every person and organisation of the article with their mentions and descriptors.

    ``regions`` are the article's quoted regions (``ArticleView.regions``), paired
    from the text when not given.  ``model`` ranks the people a he/she may be (the
    hand-weighted score when not given); ``trace`` collects what it saw, for training.
    """
    if regions is None:
        regions = find_quote_regions(doc_text(doc))
    quoted = [(r.start, r.end) for r in regions]
    index = PeopleIndex(doc, quoted, model, trace)
    name_words: set[str] = set()
    for tagged in doc.ents:
        if tagged.label_ == "PERSON":
            name_words.update(
                t.lower_ for t in tagged if t.text[:1].isupper() and t.lower_ not in TITLES
            )
    # words the article also writes in lower case: common words, not names
    common = _lower_case_words(doc_text(doc))
    titled = _title_case_lines(doc_text(doc))
    runs_found = _owners_in_body_names(doc, _name_runs(doc))
    name_runs = _headline_runs_cut(doc, runs_found, titled, common)
    # (and the names that say something: "Tarek said")
    v = article_view(doc)
    speakers = {
        v.lower[i]
        for i in range(len(doc))
        if v.dep[i] == "nsubj" and v.pos[i] == "PROPN" and v.lemma[v.head[i]] in _SAYS
    }
    name_runs = [_without_home(doc, i, j, name_words | speakers) for i, j in name_runs]
    name_runs = [part for i, j in name_runs for part in _body_then_person(doc, i, j)]
    envoys: dict[int, int] = {}  # a person's run -> where their envoy's title starts
    split = []
    for i, j in name_runs:
        parts, title_at = _place_then_person(doc, i, j, common)
        if title_at is not None:
            envoys[parts[-1][0]] = title_at
        split.extend(parts)
    name_runs = split
    alone = _standalone_labels(doc, name_runs)
    c = columns(doc)
    low = c.lower
    runs = []
    for i0, j in name_runs:
        i0 = _opener_end(doc, i0, j, common)
        last = j - 2 if j - i0 >= 2 and c.text[j - 1] == "." else j - 1
        org_named = low[last] in _ORG_WORDS or any(w in ("of", "for") for w in low[i0:j])
        i = i0 if org_named else _name_start(doc, i0, j, common, alone)
        title_at = title_of(doc, i0)
        # (a title "of" it before a name of two words or more: "Minister of Education
        # Stefania Giannini"; but "President of CNN Worldwide" is a body's)
        if (
            i > i0
            and not (title_at is not None and j - i >= 2)
            and not _personal(doc, i0, i, j, name_words)
        ):
            i = i0  # "BBC Radio" is a body's name, not "Radio" described as BBC
        titles = [w for w in low[i0:i] if w in TITLES]
        lo = i0
        if i > i0 and i0 >= 2 and low[i0 - 1] == "of" and low[i0 - 2] in TITLES:
            title_at = i0 - 2  # "Secretary of State Mike Pompeo": the whole title
        if i > i0 and title_at is not None:
            # (and "CEO of the Refugee Council Enver Solomon"): a person's title
            lo = title_at
            titles.append(low[title_at])
        descriptors = [" ".join(low[lo:i])] if i > i0 else []
        if i0 in envoys:  # "Ambassador to the United Nations Ana Ruiz"
            titles.append(low[envoys[i0]])
            descriptors.append(" ".join(low[envoys[i0] : i0]))
        if i == i0 and (before := _titles_before(doc, i0)):
            # "Gov. Eric Holcomb", "Lt. Col. Ann Vick": abbreviated titles the run did not
            # take in
            titles.extend(before)
            descriptors.append(" ".join(before))
        # "Prince Andrew", "Queen Elizabeth II": the title stays in a name of one given name
        # (and stays a descriptor: "the prince")
        w0 = i
        regnal = i > i0 and low[i - 1] in REGNAL_TITLES
        lone = sum(w not in _SUFFIXES for w in low[i:j]) == 1
        if regnal and lone:
            w0 = i - 1
        elif i == i0 and lone and _regnal_before(c, i):
            # (the tagger left the title out of the run: "the real Prince Andrew")
            w0 = i - 1
            titles.append(low[w0])
            descriptors.append(low[w0])
        if org_named and "POS" in c.tag[i : j - 1]:
            # "NASA's Office of the Inspector General": the possessive is part of the name
            words = v.span_text(i, j).replace(" 's", "'s").replace(" ’s", "’s").split()
        else:
            words = [w for w in v.span_text(w0, j).split() if w not in ("'s", "’s")]
            words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
        # (a nickname in quotation marks is no part of the name: "John “Tig” Tiegen")
        words = unglued([w.strip("()") for w in words if w.strip("()") and not quoted_nickname(w)])
        if all(w.lower() in TITLES or f"{w.lower()}." in TITLES for w in words):
            continue  # "Lt" of "Lt. Col. Ann Vick", split by the tokenizer: no one
        if _described_role(doc, i, j):
            continue  # "one neo-bank CEO": a description, not a name
        if low[j - 1] in _ENVOYS and j < c.n and low[j] in ("to", "for"):
            continue  # "Special Envoy to Syria ...": a title, not a name
        if words and not _alone_on_line(doc, i0, j):
            runs.append((i, j, words, descriptors, titles, org_named))
    runs.extend(_untagged_surnames(doc, runs, common))
    runs = _misspelt_surnames(runs)
    runs = _makers_cut(doc, runs)
    runs = _shared_surnames(doc, runs)
    # Full names first, so that a bare surname joins the right person; then surnames
    # whose title says a gender ("Mr. Tano" is not "Elena Tano", named first)
    gendered = [(r, _title_gender(r[4]) or _said_gender(doc, r[0], r[1])) for r in runs]
    forms: dict[int, list[tuple[list[str], int]]] = {}  # entity -> its name forms, where
    for (i, j, words, descriptors, titles, org_named), gender in sorted(
        gendered, key=lambda rg: (-len(rg[0][2]), rg[1] is None, rg[0][0])
    ):
        start = c.idx[i]
        ent = index._entity_for(words, start, org_named, gender, titled=bool(titles))
        forms.setdefault(id(ent), []).append((words, start))
        _vote(ent, doc, i, j, bool(titles), name_words)
        if j - i == 1 and words[0] == c.text[i] != words[-1] and c.ent_type[i] == "PERSON":
            # (a given name the pair's surname completes: "Khizr" of "Khizr and Ghazala
            # Khan" is a full name the tagger reads as a person's)
            ent.votes["person_full"] = ent.votes.get("person_full", 0.0) + 1
        ent.mentions.append((start, c.idx[j - 1] + len(c.text[j - 1])))
        ent.descriptors.extend(descriptors)
        ent.descriptors.extend(_left_descriptors(doc, i))
        ent.descriptors.extend(_appositive_descriptors(doc, i, j))
        up = c.head[j - 1]
        if (
            c.dep[j - 1] == "appos"
            and c.pos[up] == "NOUN"
            and up < i
            and c.dep[up] != "appos"
            # not a transcript's label before a name: "HOLLIS: Governor Vance, did you"
            and ":" not in c.text[up:i]
        ):
            # "The group that owns her music, Big Machine, says": the group is Big Machine
            noun = doc[up]
            left = noun.left_edge.i
            while left < noun.i and (doc[left].is_space or doc[left].is_punct):
                left += 1  # not white space (a blanked date line) or quotation marks
            ent.mentions.append((doc[left].idx, noun.idx + len(noun)))
        for t in titles:
            ent.female += t in FEMALE_WORDS
            ent.male += t in MALE_WORDS
    for ent in index._entities:
        _name_as_told(index, ent, forms.get(id(ent), []), titled)
    kept = []
    for ent in index._entities:
        kind = _settle_type(ent)
        if (
            kind is not None
            and not ent.votes.get("person_strong")
            and not ent.votes.get("person_full")  # (not a full name: "met Orin Vale")
            and all(index.in_quote(s0) for s0, _ in ent.mentions)
            and len(ent.mentions) < 2
        ):
            kind = None  # "Bread is patience": a capital word inside a quote, once
        if kind is None:
            index._places.add(ent.name)
            continue
        ent.type = kind
        spans, ent.mentions = ent.mentions, []
        for s0, e0 in spans:
            index._add_mention(ent, s0, e0)
        kept.append(ent)
    index._entities = kept
    _expand_acronyms(doc, index)
    for ent in index._entities:
        if ent.type == "organisation":
            ent.tokens = _body_name(doc, ent)
    # a word of someone's name is no role, whatever it ends in ("Wasserman", "Friedman")
    name_parts = {t.lower() for e in index._entities if e.type == "person" for t in e.tokens}
    for ent in index._entities:
        if ent.type != "person":
            continue
        first = ent.tokens[0].lower()
        ent.female += 0.5 * (first in FEMALE_NAMES or first in _MORE_FEMALE)
        ent.male += 0.5 * (first in MALE_NAMES or first in _MORE_MALE)
        for d in ent.descriptors:
            if d and (word := d.split()[-1]) not in name_parts:
                ent.female += _gendered(word, FEMALE_WORDS, "woman")
                # (an office in "-man" is said of women too, "spokesman Ana Ruiz": it
                # weighs less than a woman's given name)
                ent.male += _gendered(word, MALE_WORDS, "man") * (
                    0.25 if word.endswith("man") and word != "man" else 1
                )
    _vote_predicates(doc, index)
    _vote_pronouns(doc, index)
    index.add_relatives()
    _link_pronouns_and_roles(doc, index)
    index.settle()
    return index


def _name_as_told(
    index: PeopleIndex,
    ent: _Entity,
    forms: list[tuple[list[str], int]],
    titles: list[tuple[int, int]],
) -> None:
    """Name a person by the fullest name the article gives in its own words: the form
    with the most words, the first of those in the text ("Patrick Carlineo Jr." before a
    later "Patrick W. Carlineo"); a fuller form only inside a quotation ("honored Donald
    J. Trump yesterday," the paper wrote) gives way to the fullest outside, when that is
    a full name too."""
    if ent.org_named or not forms:
        return
    forms = sorted(forms, key=lambda f: f[1])
    outside = [f for f in forms if not index.in_quote(f[1])]
    if outside and max(len(_core(w)) for w, _ in outside) >= 2:
        forms = outside
    # (a form in the body before one in a headline: "Francois Hollande Says ..." over the
    # body's "François Hollande"; of two forms as full, the one given more often: a slip
    # "Hilary Clinton" once, "Hillary Clinton" thrice)
    given = Counter(tuple(w) for w, _ in forms)
    firsts = {w[0].lower() for w, _ in forms if len(w) >= 2}

    def formal(words: list[str]) -> bool:
        # "Kenneth Starr" over "Ken Starr" (the fullest name: its given name in full)
        low = words[0].lower()
        return len(words) < 2 or not any(len(f) > len(low) and _short_form(f, low) for f in firsts)

    best = max(
        forms,
        key=lambda f: (
            len(f[0]),
            formal(f[0]),
            not any(lo <= f[1] < hi for lo, hi in titles),
            given[tuple(f[0])],
        ),
    )[0]
    if (
        len(best) == 2
        and best[0].lower() in REGNAL_TITLES
        # (a title of birth is how a royal is named: "Prince Andrew" ... "Andrew said")
        and best[0].lower() not in _BIRTH_TITLES
        and any(
            w == best[1:] and not index.in_quote(s) and not _after_title(index, s) for w, s in forms
        )
        # (and no one else's name has the word: "Omar" of "King Omar" and "Aziz Omar")
        and not any(
            other is not ent and best[1].lower() in other.core() for other in index._entities
        )
    ):
        # "Pope Francis" ... "Francis said": the article names him without the title too,
        # and a name is given without titles
        best = best[1:]
    if best != ent.tokens:
        ent.tokens = list(best)


# regnal titles one is born or married to, not an office held: the annotators keep them
# in the name ("Prince Andrew"), while an office goes where the bare name is written
# ("Pope Francis" ... "Francis said": "Francis")
_BIRTH_TITLES = frozenset({"prince", "princess", "duke", "duchess"})


def _regnal_before(c: Columns, i: int) -> bool:
    """Whether a capitalised regnal title ("Prince") stands right before ``c.text[i]``,
    parted from it by one space, in the sentence."""
    k = i - 1
    return (
        k >= 0
        and c.lower[k] in REGNAL_TITLES
        and c.text[k][:1].isupper()
        and c.space[k]
        and not c.first[i]
    )


def _after_title(index: PeopleIndex, at: int) -> bool:
    """Whether a regnal title ("King") is the word right before ``at``: a run that
    left out the title its name has there."""
    before = doc_text(index._doc)[max(0, at - 12) : at].split()
    return bool(before) and before[-1].lower() in REGNAL_TITLES


def _makers_cut(doc: Doc, runs: list[_Run]) -> list[_Run]:
    """A maker's name before its product's ("Google Stadia" where the article also writes
    "Google's Stadia"): the run is the product's alone, so that the maker's own name
    ("Google says ...") is not taken for the product's fuller name."""
    text = doc_text(doc)
    c = columns(doc)
    # (maker, product) -> whether the text writes "Maker's Product": looked for once a
    # pair, not once a run (a name recurs all through an article; each look reads it all)
    owned: dict[tuple[str, str], bool] = {}
    out = []
    for run in runs:
        i, j, words, descriptors, titles, org_named = run
        if (
            j - i >= 2
            and len(words) >= 2
            and not titles
            and words[0] == c.text[i]
            and words[0][:1].isupper()
        ):
            pair = (words[0], words[1])
            if pair not in owned:
                # the pattern is compiled only for a pair the text writes so at all (a
                # new pattern per pair overflows ``re``'s cache: most of the cost)
                owned[pair] = any(f"{pair[0]}{mark}s {pair[1]}" in text for mark in "'’") and (
                    re.search(rf"\b{re.escape(pair[0])}['’]s {re.escape(pair[1])}\b", text)
                    is not None
                )
            if owned[pair]:
                run = (i + 1, j, words[1:], descriptors, titles, org_named)
        out.append(run)
    return out


def _shared_surnames(doc: Doc, runs: list[_Run]) -> list[_Run]:
    """A lone given name joined by "and" to a full name takes its surname ("Khizr and
    Ghazala Khan": Khizr Khan), unless the word is a surname the article names someone by
    ("Trump and Mike Pence") or a place's or a body's."""
    c = columns(doc)
    surnames = {words[-1].lower() for _, _, words, *_ in runs if len(words) >= 2}
    alone = Counter(words[0].lower() for _, _, words, *_ in runs if len(words) == 1)
    starts = {run[0]: run for run in runs}
    out = []
    for run in runs:
        i, j, words, descriptors, titles, org_named = run
        nxt = starts.get(j + 1)
        if nxt is None:
            out.append(run)
            continue
        next_start, _, next_words, _, next_titles, next_org_named = nxt
        if (
            len(words) == 1
            and j - i == 1
            and c.lower[j] == "and"
            and not org_named
            and not titles
            and c.ent_type[i] in ("", "PERSON")
            and words[0][:1].isupper()
            and words[0].isalpha()
            and (low := words[0].lower()) not in surnames
            and alone[low] == 1  # (named once: not a surname said alone again)
            and len(next_words) == 2
            and not next_org_named
            and not next_titles
            and c.ent_type[next_start] in ("", "PERSON")
            and next_words[0].lower() != low
        ):
            run = (i, j, [words[0], next_words[-1]], descriptors, titles, org_named)
        out.append(run)
    return out


def _misspelt_surnames(runs: list[_Run]) -> list[_Run]:
    """A lone surname one letter off the surname of a full name the article gives, and
    of no full name ("Sweeny" for "Steve Sweeney", "Labbot" for "Elise Labott"), is a
    slip for it: the run takes that surname's spelling."""
    surnames = {
        words[-1]
        for *_, words, _d, _t, org in runs
        if len(words) >= 2 and not org and words[-1].isalpha() and len(words[-1]) >= 5
    }
    # the words of every longer name (a given name alone is no slip: "Maria", "Marin")
    known = {w for r in runs if len(r[2]) >= 2 for w in r[2]}
    # by first letter and length: _one_slip holds for no other pair (a word is not
    # compared with every surname of the article)
    by_start: dict[tuple[str, int], list[str]] = {}
    for s in surnames:
        by_start.setdefault((s[0], len(s)), []).append(s)
    out = []
    for i, j, words, descriptors, titles, org in runs:
        if (
            len(words) == 1
            and not org
            and words[0] not in known
            and words[0].lower() not in _ANY_GIVEN
        ):
            # (not a family: "the Clintons" is no slip for "Bill Clinton")
            w, size = words[0], len(words[0])
            near = [
                s
                for k in (size - 1, size, size + 1)
                for s in by_start.get((w[:1], k), ())
                if _one_slip(w, s) and w != f"{s}s"
            ]
            if len(near) == 1:
                words = near
        out.append((i, j, words, descriptors, titles, org))
    return out


_DOUBLED = re.compile(r"(\w)\1")


def _one_slip(a: str, b: str) -> bool:
    """One letter added, dropped, changed, two neighbours swapped ("Labott", "Laobtt") or
    a letter doubled in the wrong place ("Labbot", "Labott")."""
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    if len(a) == len(b) and _DOUBLED.sub(r"\1", a) == _DOUBLED.sub(r"\1", b):
        return True
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _without_home(doc: Doc, i: int, j: int, name_words: set[str]) -> tuple[int, int]:
    """A person's name run without the place it says they are from ("Tom Harlan of
    Texas", "Greta L. Ollin of Ohio", "Janos Varga of Hungary"): the run cut before "of".
    ``name_words``: the words the tagger puts in a person's name somewhere in the article,
    or that are the subject of a verb of saying."""
    c = columns(doc)
    low = c.lower
    for k in range(i + 2, j - 1):
        if low[k] != "of":
            continue
        if (c.ent_type[k - 1] == "PERSON" or low[i] in _ANY_GIVEN) and all(
            e in _PLACE_LABELS for e in c.ent_type[k + 1 : j]
        ):
            return i, k
        # a surname of a person's name elsewhere, then a place the tagger may not know
        # ("Bronislaw Tarek of Poland", labelled a body here; "Tarek said" later), and no
        # word of a body's name in the run
        if (
            low[k - 1] in name_words
            and not any(w in _ORG_WORDS for w in low[i:j])
            and all(c.text[m][:1].isupper() or low[m] == "the" for m in range(k + 1, j))
        ):
            return i, k
    return i, j


def _body_then_person(doc: Doc, i: int, j: int) -> list[tuple[int, int]]:
    """A body's name run into a person's ("Washington State University Simon Ortiz", a
    caption or a byline without a comma) as two runs: the body's, then the person's."""
    if j - i < 4 or not any(w in _ORG_WORDS for w in columns(doc).lower[i : j - 2]):
        return [(i, j)]
    for k in (j - 2, j - 3):
        if k <= i + 1:
            continue
        tail = doc[k:j]
        if (
            doc[k - 1].lower_ in _ORG_WORDS
            and all(t.text[:1].isupper() and t.is_alpha for t in tail)
            and not any(t.lower_ in _ORG_WORDS for t in tail)
            # (the tagger mostly labels the whole run a body's)
            and (doc[k].lower_ in _ANY_GIVEN or all(t.ent_type_ == "PERSON" for t in tail))
        ):
            return [(i, k), (k, j)]
    return [(i, j)]


_NAME_PARTICLES = frozenset("de del della da di van von der bin ibn al le la".split())


def _place_then_person(
    doc: Doc, i: int, j: int, common: set[str]
) -> tuple[list[tuple[int, int]], int | None]:
    """An envoy's place run into their name ("Ambassador to the United Nations Ana
    Ruiz", "envoy to Syria Staffan de Mistura": the tagger labels one run) as two runs,
    the place's and the person's (two words, or three after a given name or with a
    particle), with where the envoy's title starts; else the run, None.  The name
    part is tagged a person's, opens on a given name, or holds no word the article
    writes in lower case ("Republican National Convention" is no one)."""
    low = columns(doc).lower
    k = i - 1
    if k >= 0 and low[k] == "the":
        k -= 1
    if k < 1 or low[k] not in ("to", "for") or low[k - 1] not in _ENVOYS:
        return [(i, j)], None
    words = doc[i:j]
    if len(words) < 3 or not all(
        t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES for t in words
    ):
        return [(i, j)], None
    cut = j - 2
    while cut - 1 > i and (
        doc[cut].lower_ in _NAME_PARTICLES or doc[cut - 1].lower_ in _NAME_PARTICLES
    ):
        cut -= 1
    if cut - 1 > i and doc[cut - 1].lower_ in _ANY_GIVEN:
        cut -= 1
    name = [t for t in doc[cut:j] if t.lower_ not in _NAME_PARTICLES]
    if any(t.lower_ in TITLES for t in doc[i:cut]):
        return [(i, j)], None  # "a representative for Mr. Tom Keller": his own title
    if not (
        any(t.ent_type_ == "PERSON" for t in name)
        or doc[cut].lower_ in _ANY_GIVEN
        or not any(t.lower_ in common or t.lower_ in _ORG_WORDS for t in name)
    ):
        return [(i, j)], None
    return [(i, cut), (cut, j)], k - 1


def _said_gender(doc: Doc, i: int, j: int) -> Gender | None:
    """The gender of the he/she that a bare surname's own words take up: "Ortiz said
    she would ..." is the woman of two Ortizes."""
    c = columns(doc)
    if j - i != 1 or c.dep[j - 1] != "nsubj" or c.lemma[c.head[j - 1]] not in _SAYS:
        return None
    head = doc[j - 1]
    for clause in head.head.children:
        if clause.dep_ == "ccomp" and clause.i > head.i:
            subj = [c for c in clause.children if c.dep_ == "nsubj"]
            if subj and subj[0].lower_ in ("he", "she"):
                return PRONOUNS[subj[0].lower_]
    return None


def _title_gender(titles: list[str]) -> Gender | None:
    """The gender a mention's titles give ("Mr.", "Mrs.", "Congresswoman")."""
    if any(t in FEMALE_WORDS for t in titles):
        return "female"
    if any(t in MALE_WORDS for t in titles):
        return "male"
    return None


def _owners_in_body_names(doc: Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a name and the body's name its possessive opens ("NASA's" + "Office of the
    Inspector General", "U.S. Attorney's" + "Office for ..."): one name of a body."""
    out: list[tuple[int, int]] = []
    for i, j in runs:
        if (
            out
            and out[-1][1] + 1 == i
            and doc[i - 1].tag_ == "POS"
            and (
                (doc[i].lower_ in _ORG_WORDS and (j - i >= 3 or doc[j - 1].lower_ in _ORG_WORDS))
                # "Syria's Interior Ministry": a country's body
                or (doc[j - 1].lower_ in _ORG_WORDS and doc[i - 2].ent_type_ in _PLACE_LABELS)
            )
        ):
            lo = out[-1][0]
            if lo > 0 and re.fullmatch(r"(?:[A-Z]\.){2,}", doc[lo - 1].text):
                lo -= 1  # "U.S. Attorney's Office": the initials open the name
            out[-1] = (lo, j)
        else:
            out.append((i, j))
    return out


def _titles_before(doc: Doc, i: int) -> list[str]:
    """The abbreviated titles right before ``doc[i]`` ("Lt. Col.", split "Lt", ".")
    in lower case, with their dots."""
    c = columns(doc)
    out: list[str] = []
    k = i - 1
    while k >= 0 and len(out) < 3:
        text = c.text[k]
        if text == "." and k > 0 and f"{c.lower[k - 1]}." in TITLES:
            out.insert(0, f"{c.lower[k - 1]}.")
            k -= 2
        elif c.lower[k] in TITLES and text[:1].isupper() and text.endswith("."):
            out.insert(0, c.lower[k])
            k -= 1
        else:
            break
    return out


def _verb_for_subject(doc: Doc, i: int) -> bool:
    """A word tagged a verb that the parse makes a subject, before no noun or adjective."""
    after = doc[i + 1].pos_ if i + 1 < len(doc) else ""
    return doc[i].dep_ in ("nsubj", "nsubjpass") and after not in ("NOUN", "PROPN", "ADJ")


def _untagged_surnames(
    doc: Doc, runs: list[tuple[int, int, list[str], list[str], list[str], bool]], common: set[str]
) -> list[tuple[int, int, list[str], list[str], list[str], bool]]:
    """A surname of a full name the article gave, where the tagger took it for a common
    noun ("Figgins said" tagged a plural): a one-word run of its own."""
    covered = {k for i, j, *_ in runs for k in range(i, j)}
    surnames = {
        words[-1]
        for _i, _j, words, _d, _t, org in runs
        if len(words) >= 2 and not org and words[-1].isalpha() and words[-1][:1].isupper()
    }
    out: list[tuple[int, int, list[str], list[str], list[str], bool]] = []
    if not surnames:
        return out
    # the tokens written as one of them, from the article's distinct words
    values, codes = article_view(doc).factors["orth"]
    wanted = [k for k, orth in enumerate(values) if orth in surnames]
    for i in np.flatnonzero(np.isin(codes, wanted)).tolist():
        tok = doc[i]
        if (
            tok.i not in covered
            # (or a subject the tagger took for a verb: "Trump himself was delighted",
            # "Trump" tagged VB; not one before a noun: "Trump senior adviser Ann Vick")
            and (tok.pos_ in ("NOUN", "PROPN") or _verb_for_subject(doc, tok.i))
            and tok.ent_type_ not in _PLACE_LABELS
            and not (tok.is_sent_start and tok.lower_ in common)
        ):
            out.append((tok.i, tok.i + 1, [tok.text], [], [], False))
    return out


def _body_name(doc: Doc, ent: _Entity) -> list[str]:
    """A body's name as the article uses it: the fullest form, "Co." or "Inc." after it
    too ("Vell Data Corp."), with "the" before it when the article mostly writes it so
    ("the Pentagon")."""
    words = list(ent.tokens)
    text = doc_text(doc)
    if len(words) >= 2 and words[0].isupper() and words[0].isalpha() and len(words[0]) <= 5:
        # "HRN Pentagon correspondent": the Pentagon, named alone too (alone: not after
        # another capitalised word, as "News" of "Fox News" is no "NBC News")
        rest = " ".join(words[1:])
        alone = sum(
            not _after_capital(text, m.start())
            for m in re.finditer(rf"\b{re.escape(rest)}\b", text)
        )
        if alone >= 2 and 2 * alone > len(ent.mentions):
            words = words[1:]
    if words[0].lower() == "the":
        return words
    # "the" as the article mostly writes it before the name ("the Pentagon", "the
    # nonpartisan Congressional Budget Office"), counted over the mentions that head their
    # noun phrase (not "White House press secretary")
    heads = with_the = owned = owned_the = 0
    # (over the mentions of the name in full: a shorter form says nothing of the "the"
    # before it, "at State", "Miami" of "the Miami Herald"; but a body called mostly by
    # its acronym, "CSA said", is named without it, as before)
    whole = " ".join(words)
    full = [(s, e) for s, e in ent.mentions if " ".join(text[s:e].split()) == whole]
    if any(text[s:e].isupper() for s, e in ent.mentions):
        full = []
    for s, e in full or ent.mentions:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        after_the = text[max(0, s - 4) : s].lower() == "the "
        if span.root.dep_ == "compound":
            # (named only before another noun: "the Hale Institute website" is the Hale
            # Institute's, the "the" the name's as well)
            owned += 1
            owned_the += after_the
            continue
        heads += 1
        with_the += (
            after_the
            or any(
                c.dep_ == "det"
                and c.lower_ == "the"
                and c.i < span.start
                # (only adjectives between: not "the watchdog group Citizens for ...")
                and all(t.pos_ in ("ADJ", "ADV") for t in doc[c.i + 1 : span.start])
                for c in span.root.lefts
            )
        )
    if (heads and 2 * with_the > heads) or (not heads and owned and 2 * owned_the > owned):
        return ["the", *words]
    return words


def _after_capital(text: str, at: int) -> bool:
    """Does a capitalised word other than "The" come right before ``text[at]``?"""
    before = text[max(0, at - 40) : at]
    if not before.endswith(" "):
        return False
    word = before.split()[-1] if before.split() else ""
    return word[:1].isupper() and word not in ("The", "A", "An")


# the small words between the capitalised words an acronym spells ("Citizens for
# Responsibility and Ethics in Washington", "Committee on Foreign Investment in the
# United States")
_ACRONYM_GLUE = "(?:and|of|for|the|&|in|on|at|to)"


def _expand_acronyms(doc: Doc, index: PeopleIndex) -> None:
    """Name a body known by its acronym by the words the article spells it out with
    ("CBP": "Customs and Border Protection"), taking in the mentions of those words."""
    text = doc_text(doc)
    for ent in index._entities:
        if len(ent.tokens) != 1 or not ent.tokens[0].isupper() or ent.type == "person":
            continue
        acro = ent.tokens[0]
        if not 2 <= len(acro) <= 6 or not acro.isalpha():
            continue
        for m in re.finditer(
            rf"\b{acro[0]}[\w'’-]*(?:\s+(?:{_ACRONYM_GLUE}\s+){{0,2}}[A-Z][\w'’-]*)+", text
        ):
            # (not the possessive closing the last word: "the ... Service's decision")
            words = re.sub(r"['’]s$", "", m.group()).split()
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if initials[: len(acro)] != acro:
                continue
            n, keep = 0, []
            for w in words:
                keep.append(w)
                n += w[:1].isupper()
                if n == len(acro):
                    break
            lo, hi = m.start(), m.start() + len(" ".join(keep))
            if text[lo:hi] != " ".join(keep):
                continue
            ent.tokens = keep
            for other in index._entities:  # "Customs" of "Customs and Border Protection"
                if other is not ent and all(lo <= s and e <= hi for s, e in other.mentions):
                    for s, e in other.mentions:
                        index._by_span[(s, e)] = ent
                        ent.mentions.append((s, e))
                    other.mentions = []
                    index._mention_starts = [
                        (s, e, ent if x is other else x) for s, e, x in index._mention_starts
                    ]
            index._add_mention(ent, lo, hi)
            break
    index._entities = [e for e in index._entities if e.mentions]


# Words in "-man" that say nothing of a man
_NOT_MEN = frozenset("human german roman shaman ottoman woman".split())


def _gendered(word: str, words: frozenset[str], suffix: str) -> bool:
    """A word that names a woman or a man: from the list, or a role in "-woman" /
    "-man" ("councilwoman", "councilman", "fisherman")."""
    if word in words:
        return True
    if suffix == "man" and (word.endswith("woman") or word in _NOT_MEN):
        return False
    return len(word) > len(suffix) + 2 and word.endswith(suffix)


def _vote_predicates(doc: Doc, index: PeopleIndex) -> None:
    """A name said to be a woman or a man tells the person's gender ("Omar is one of the
    first two Muslim women elected", "Lee is a father of three")."""
    for s, e, ent in index._mention_starts:
        if ent.type != "person" or index.in_quote(s):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or span.root.dep_ != "nsubj" or span.root.head.lemma_ != "be":
            continue
        for attr in (c for c in span.root.head.children if c.dep_ == "attr"):
            nouns = [attr]
            if attr.lower_ == "one":  # "one of the women"
                nouns = [g for c in attr.children if c.lower_ == "of" for g in c.children]
            for noun in nouns:
                lemma = noun.lemma_.lower()
                ent.female += lemma in FEMALE_WORDS
                ent.male += lemma in MALE_WORDS


_GENDERED_PRONOUNS = frozenset(w for w, g in PRONOUNS.items() if g is not None)
_PRONOUNS_AND_ROLES = frozenset(("he", "she", "him", "her", "his")) | ROLE_NOUNS
# where a "the senator" is linked to its person: a subject, or an object ("to caricature
# the Texas senator as ...": then a later "the senator" is his)
_LINKED_ROLE_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj"))


def _vote_pronouns(doc: Doc, index: PeopleIndex) -> None:
    """A he/she right after the only person in view tells that person's gender, unless a
    given name, a title or an earlier pronoun told it ("Hillary" is no "he" in a passage
    about another man whom the pronouns go on naming); a quoted one only for a person
    named in a quote."""
    starts = [m for m in index._mention_starts if m[2].type == "person"]
    keys = [s for s, _, _ in starts]  # sorted: the mentions are kept in text order
    sents = list(doc.sents)
    sent_starts = [sent.start for sent in sents]
    for i in lowered_at(doc, _GENDERED_PRONOUNS):
        tok = doc[i]
        if tok.pos_ != "PRON":
            continue
        gender = PRONOUNS[tok.lower_]
        sent = sents[bisect.bisect_right(sent_starts, i) - 1]
        lo = sent.start_char - 400
        window = starts[bisect.bisect_left(keys, lo) : bisect.bisect_left(keys, tok.idx)]
        if index.in_quote(tok.idx):
            # a speaker's "she" is about someone the quote names, not about the speaker
            window = [m for m in window if index.in_quote(m[0])]
        seen = {id(e): e for _, _, e in window}
        if len(seen) == 1:
            (ent,) = seen.values()
            if ent.female != ent.male:
                continue  # a given name or a title said it already
            if gender == "female":
                ent.female += 0.25
            else:
                ent.male += 0.25


def _link_pronouns_and_roles(doc: Doc, index: PeopleIndex) -> None:
    """Add he/she pronouns and "the model"-style mentions to their person, in text order.

    Each link is added at once, so a pronoun after "the model" sees that mention.
    """
    for i in lowered_at(doc, _PRONOUNS_AND_ROLES):
        tok = doc[i]
        if tok.lower_ in ("he", "she", "him", "her", "his") and tok.pos_ == "PRON":
            ent = index.pronoun_target(tok)
            if ent is not None:
                index._add_mention(ent, tok.idx, tok.idx + len(tok))
        elif (
            tok.lower_ in ROLE_NOUNS
            and tok.pos_ == "NOUN"
            and (
                tok.dep_ in _LINKED_ROLE_DEPS
                # "the nominee's support ... is": the owner of a subject, a subject too
                or (tok.dep_ == "poss" and tok.head.dep_ in _LINKED_ROLE_DEPS)
            )
        ):
            index.link_role(tok)
