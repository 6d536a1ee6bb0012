"""The demo bot's data, rules and published NLU figures hold together (no Rasa needed).

- The generated training data and dialogue rules are what the build script makes from the
  data in the repository (nobody edited them by hand, nothing is missing).
- Every banking77 category is an intent with its exact name, every intent is routed first
  and then answered, and every intent the routing rules name is one the bot can produce.
- Nothing the bot is measured on was trained on.
- The committed NLU figures were measured on the current config and training data, and the
  README shows exactly them.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT, RULES

PROJECT = ROOT / "rasa_project"
SCRIPTS = PROJECT / "scripts"


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"rasa_project_{name}", SCRIPTS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_script("build_nlu")


@pytest.fixture(scope="module")
def measure() -> ModuleType:
    return load_script("measure_nlu")


def yaml_file(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def domain() -> Any:
    return yaml_file(PROJECT / "domain.yml")


@pytest.fixture(scope="module")
def training(build: ModuleType) -> dict[str, list[str]]:
    result: dict[str, list[str]] = build.build_training()
    return result


def banking77_categories(split: str) -> set[str]:
    with (PROJECT / "data" / "banking77" / f"{split}.csv").open(newline="") as handle:
        return {row["category"] for row in csv.DictReader(handle)}


def test_generated_files_are_what_the_build_script_makes(
    build: ModuleType, training: dict[str, list[str]]
) -> None:
    nlu = (PROJECT / "data" / "nlu.yml").read_text(encoding="utf-8")
    rules = (PROJECT / "data" / "rules.yml").read_text(encoding="utf-8")
    assert nlu == build.render_training(training), "run rasa_project/scripts/build_nlu.py"
    assert rules == build.render_rules(training), "run rasa_project/scripts/build_nlu.py"


def test_every_banking77_category_is_an_intent_with_its_exact_name(
    domain: Any, training: dict[str, list[str]]
) -> None:
    categories = banking77_categories("train")
    assert len(categories) == 77
    assert categories == banking77_categories("test")
    assert categories <= set(domain["intents"])
    assert categories <= set(training)
    assert {"Refund_not_showing_up", "reverted_card_payment?"} <= categories  # spelled as upstream


def test_the_bot_knows_small_talk_and_out_of_scope(
    build: ModuleType, domain: Any, training: dict[str, list[str]]
) -> None:
    expected = set(build.SMALL_TALK.values()) | {build.OUT_OF_SCOPE}
    assert len(build.SMALL_TALK) == 15
    assert expected <= set(domain["intents"])
    assert all(len(training[name]) >= build.SMALL_TALK_PER_INTENT for name in expected)


def test_nlu_and_domain_declare_the_same_intents(
    domain: Any, training: dict[str, list[str]]
) -> None:
    assert list(training) == domain["intents"]
    assert len(set(domain["intents"])) == len(domain["intents"])


def rule_steps() -> Iterator[tuple[str, list[dict[str, str]]]]:
    for rule in yaml_file(PROJECT / "data" / "rules.yml")["rules"]:
        yield rule["rule"], rule["steps"]


def test_every_intent_is_routed_first_then_answered(domain: Any) -> None:
    """The pattern of data/rules.yml: intent -> action_handoff_route -> the bot's answer(s),
    for every intent and nlu_fallback; every answer exists in the domain."""
    answered: dict[str, list[str]] = {}
    for name, steps in rule_steps():
        assert len(steps) >= 3, name
        assert set(steps[0]) == {"intent"}, name
        assert steps[1] == {"action": "action_handoff_route"}, name
        answers = [step["action"] for step in steps[2:]]
        assert all(answer in domain["responses"] for answer in answers), name
        assert steps[0]["intent"] not in answered, f"two rules for {steps[0]['intent']}"
        answered[steps[0]["intent"]] = answers
    assert set(answered) == {*domain["intents"], "nlu_fallback"}
    for intent in domain["intents"]:
        assert answered[intent] == [f"utter_{intent}"], intent


def test_every_answer_is_short_and_written_once(domain: Any) -> None:
    texts = [variants[0]["text"] for variants in domain["responses"].values()]
    assert all(len(variants) == 1 for variants in domain["responses"].values())
    assert all(0 < len(text) <= 260 for text in texts)
    assert len(set(texts)) == len(texts)


def names(value: Any) -> Iterator[str]:
    """Intent names in a rules-file value: `a`, `[a, b]`, `{eq: a}` or `{in: [a, b]}`
    (`contains` is a substring test, not a name)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        yield from (item for item in value if isinstance(item, str))
    elif isinstance(value, dict):
        yield from names(value.get("eq"))
        yield from names(value.get("in"))


def intents_named(node: Any) -> Iterator[str]:
    """Every intent name a rules file gives, at any depth: under an `intent:` test, or in a
    list whose key ends in `intents` (human_request_intents, fallback_intents...), or a
    member of a group in `intent_groups`."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "intent" or (isinstance(key, str) and key.endswith("intents")):
                yield from names(value)
            elif key == "intent_groups" and isinstance(value, dict):
                for members in value.values():
                    yield from names(members)
            else:
                yield from intents_named(value)
    elif isinstance(node, list):
        for item in node:
            yield from intents_named(item)


def test_the_banking_rules_name_only_intents_the_bot_can_produce(domain: Any) -> None:
    """A rule that waits for an intent the bot never predicts never fires."""
    named = set(intents_named(yaml_file(RULES / "banking.yaml")))
    assert "report_fraud" in named  # the walk finds the fraud condition's intents
    assert named - {*domain["intents"], "nlu_fallback"} == set()


def test_answered_turns_are_not_counted_as_the_bot_failing(domain: Any) -> None:
    """Small talk and out-of-scope questions get the bot's answer: neither the intent nor
    the answer may be one of the rules' fallback signals (handoff.signals counts those)."""
    settings = yaml_file(RULES / "banking.yaml").get("settings", {})
    fallback_intents = set(settings.get("fallback_intents", ["nlu_fallback"]))
    fallback_actions = set(
        settings.get("fallback_actions", ["action_default_fallback", "utter_default"])
    )
    assert fallback_intents & set(domain["intents"]) == set()
    assert fallback_actions & {f"utter_{intent}" for intent in domain["intents"]} == set()


def test_nothing_measured_was_trained_on(training: dict[str, list[str]]) -> None:
    trained = {text.lower() for texts in training.values() for text in texts}
    with (PROJECT / "data" / "banking77" / "test.csv").open(newline="") as handle:
        banking_test = {row["text"].lower() for row in csv.DictReader(handle)}
    with (PROJECT / "data" / "clinc150" / "clinc150_subset.csv").open(newline="") as handle:
        clinc_test = {
            row["text"].lower()
            for row in csv.DictReader(handle)
            if row["split"] in ("test", "oos_test")
        }
    assert len(banking_test) > 3000
    assert len(clinc_test) > 1400
    assert trained & banking_test == set()
    assert trained & clinc_test == set()


@pytest.fixture(scope="module")
def results() -> Any:
    return json.loads((PROJECT / "results" / "nlu.json").read_text(encoding="utf-8"))


def test_the_figures_are_for_the_current_bot(measure: ModuleType, results: Any) -> None:
    """Editing config.yml or the training data without measuring again fails here."""
    conditions = results["conditions"]
    digest = hashlib.sha256()
    for path in (PROJECT / "config.yml", PROJECT / "data" / "nlu.yml"):
        digest.update(path.read_bytes())
    assert conditions["nlu_inputs_sha256"] == digest.hexdigest(), (
        "re-run rasa_project/scripts/measure_nlu.py (see rasa_project/README.md)"
    )
    assert conditions["eval_data_sha256"] == measure.sha256(
        measure.BANKING77_TEST, measure.CLINC150_SUBSET
    )
    assert conditions["fallback_threshold"] == measure.read_config()["threshold"]
    assert conditions["training"] == measure.training_counts()
    assert conditions["replay_mismatches"] == 0
    sizes = {name: part["n"] for name, part in results["results"].items()}
    assert sizes == {
        "banking77_test": 3080,
        "clinc150_oos_test": 1000,
        "clinc150_small_talk_test": 450,
        "gibberish": measure.GIBBERISH,
    }


def test_the_readme_shows_the_committed_figures(measure: ModuleType, results: Any) -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert measure.table(results) in readme


def test_the_fallback_threshold_was_chosen_on_validation_data(
    measure: ModuleType, results: Any
) -> None:
    """config.yml's threshold is the one that did best on validation messages (banking77
    train messages the bot was not trained on, CLINC150's validation splits), not on the
    test sets the README reports."""
    validation = json.loads((PROJECT / "results" / "nlu_validation.json").read_text())
    assert validation["conditions"]["data"] == "validation"
    assert results["conditions"]["data"] == "test"
    assert (
        validation["conditions"]["nlu_inputs_sha256"] == results["conditions"]["nlu_inputs_sha256"]
    )
    assert validation["best_threshold_on_this_data"] == measure.read_config()["threshold"]
    assert (
        measure.choose_threshold(validation["sweep"]) == validation["best_threshold_on_this_data"]
    )
