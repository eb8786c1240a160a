"""The he/she ranking: its stored weights, its dot product, what it records for training,
and made-up articles where a pronoun's person is plain to a reader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from saidwhen.errors import SaidwhenError
from saidwhen.extract.people import find_people
from saidwhen.extract.people.resolver import (
    FEATURES,
    HAND,
    MODEL_PATH,
    PronounModel,
    Trace,
    load_model,
    rank,
)


def test_stored_weights_match_the_features_of_the_code() -> None:
    # when this fails, retrain: python -m saidwhen.eval.train_resolver
    stored = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert stored["features"] == list(FEATURES)
    assert len(stored["weights"]) == len(FEATURES)
    model = load_model()
    assert model.weights is not None and len(model.weights) == len(FEATURES)
    # the stamp says what the weights were learned from and how they did
    assert {"trained", "data", "cv_hand", "cv_learned"} <= set(stored["stamp"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read"),
        (json.dumps({"features": ["recent_1"], "weights": [1.0]}), "retrain"),
        ("[1, 2]", "not a JSON object"),
        (json.dumps({"features": 5, "weights": []}), "other features"),
        (json.dumps({"features": list(FEATURES)}), "one number per feature"),
        (json.dumps({"features": list(FEATURES), "weights": [1.0]}), "one number per feature"),
        (
            json.dumps({"features": list(FEATURES), "weights": ["x"] * len(FEATURES)}),
            "one number per feature",
        ),
    ],
)
def test_unusable_weights_are_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "resolver.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SaidwhenError, match=message):
        load_model(str(path))


@pytest.mark.parametrize(
    ("weights", "feats", "order", "best"),
    [
        ((1.0, 0.0), {1: [0.0, 5.0], 2: [1.0, 0.0]}, [1, 2], 2),
        ((0.0, 1.0), {1: [0.0, 5.0], 2: [1.0, 0.0]}, [1, 2], 1),
        ((1.0, 1.0), {1: [1.0, 0.0], 2: [0.0, 1.0]}, [2, 1], 2),  # a tie: the first in order
        ((-1.0, 0.5), {7: [2.0, 2.0], 8: [0.0, 0.0], 9: [1.0, 4.0]}, [7, 8, 9], 9),
    ],
)
def test_rank_is_the_highest_weighted_sum(
    weights: tuple[float, ...], feats: dict[int, list[float]], order: list[int], best: int
) -> None:
    assert rank(PronounModel(weights), feats, order) == best


ADDED = (
    "Harbour master Tom Reyes opened the hearing on the new ferry dock. "
    '"We have waited long enough," Reyes said.\n\n'
    "Then Paul Okafor, who runs the boatyard on the east pier, rose to speak. "
    '"The dock will bring work to the whole bay," he added.'
)
INTERVIEW = (
    "Marta Lindqvist has kept the lighthouse museum open for eleven years. She took it "
    "over from Greta Holm, who had closed it every winter.\n\n"
    '"The sea is most beautiful in January," she says.'
)
TWO_WOMEN = (
    "Ines Carvalho learned to throw pots from her grandmother, Rosa Maia, who sold bowls "
    "at the market in Braga.\n\n"
    "Carvalho opened her own workshop in 2012. "
    '"Clay remembers every mistake," she says.'
)


QUOTED = (
    "Tom Berg ran the island ferry for forty years until he retired in 2019. His "
    "daughter, Lisa Berg, took over the wheel that spring.\n\n"
    '"He taught me to read the tide before I could read a book," she said.'
)

MANAGER = (
    "Senator Paul Bell spent the week touring farms in the north of the state.\n\n"
    "Bell campaign manager Morgan Ricci said on Monday that the tour had drawn large crowds. "
    '"People want to be heard," he said.'
)


@pytest.mark.parametrize(
    ("text", "pronoun", "person"),
    [
        (ADDED, "he added", "Paul Okafor"),  # a new man named: he added is his
        (INTERVIEW, "she says", "Marta Lindqvist"),  # the interviewee, not the woman named last
        (TWO_WOMEN, "she says", "Ines Carvalho"),
        (QUOTED, "she said", "Lisa Berg"),
        # a quoted "he" with no man named in the quote: the one named before it
        (QUOTED, "He taught", "Tom Berg"),
        # a name that only modifies the subject's title is not the subject
        (MANAGER, "he said", "Morgan Ricci"),
    ],
)
@pytest.mark.parametrize("model", [HAND, None, load_model()], ids=["hand", "default", "learned"])
def test_pronoun_goes_to_the_person_a_reader_sees(
    nlp: Any, text: str, pronoun: str, person: str, model: PronounModel | None
) -> None:
    at = text.index(pronoun)
    index = find_people(nlp(text), model=model)
    ent = index.entity_at(at, at + len(pronoun.split()[0]))
    assert ent is not None and ent.name == person


def test_trace_records_every_candidate_with_every_feature(nlp: Any) -> None:
    trace = Trace()
    find_people(nlp(ADDED), trace=trace)
    at = ADDED.index("he added")
    rows = {(s, e): cands for s, e, cands in trace.rows}
    cands = rows[(at, at + 2)]
    assert len(cands) == 2  # Reyes and Okafor
    assert all(len(feats) == len(FEATURES) for feats, _ in cands)
    # the mentions are the entity's own: the training script labels candidates by them
    texts = sorted(ADDED[mentions[0][0] : mentions[0][1]] for _, mentions in cands)
    assert texts == ["Paul Okafor", "Tom Reyes"]


# A newcomer who is the subject of another verb in the pronoun's sentence: the hand rules
# give him the "he said", though the man named most often scores higher by recency alone.
WEIGHED_IN = (
    "Mayor Dan Price defended the budget on Monday. Price said the cuts were fair. "
    "Price told the council that the library would stay open.\n\n"
    "Councilman Leo Hart weighed in as well, telling a radio host, "
    '"The numbers do not add up," he said.'
)


@pytest.mark.parametrize("text", [ADDED, INTERVIEW, TWO_WOMEN, MANAGER, WEIGHED_IN])
def test_trace_marks_the_hand_rules_answer_as_hand_choice(nlp: Any, text: str) -> None:
    # the learned weights lean on this feature: it must be what the hand rules answer
    trace = Trace()
    index = find_people(nlp(text), model=HAND, trace=trace)
    hand_at = FEATURES.index("hand_choice")
    assert trace.rows
    for start, end, cands in trace.rows:
        chosen = [mentions for feats, mentions in cands if feats[hand_at] == 1.0]
        ent = index.entity_at(start, end)
        assert len(chosen) == 1 and ent is not None and chosen[0] == ent.mentions


def test_learned_weights_follow_the_newcomer_who_weighed_in(nlp: Any) -> None:
    at = WEIGHED_IN.index("he said")
    for model in (HAND, load_model()):
        ent = find_people(nlp(WEIGHED_IN), model=model).entity_at(at, at + 2)
        assert ent is not None and ent.name == "Leo Hart"
