"""Round 17 of issue 11 (helper r17r): a rule's logic or precedence (the thirteenth set's
diagnosis, principle 4, and the helpless next step).

1. A whole line shouted that tells a concrete harm (cue shouted_harm: no way to pay, locked
   out, no access, no money left, a demand to repair the account) reaches a person on its
   first message at any frustration; a shouted question ("WHY CAN'T I LOG IN") still waits
   one message, and so do good news and a how-to.
2. A whole line shouted that is nothing but a feeling (cue bare_emotion: "I AM SO ANNOYED")
   waits one message for its target: the next message escalates when it tells one, and not
   when it withdraws the anger ("sorry, not at you", read as resolved).
3. A payment the customer does not recognise, told with clear frustration on a message the
   NLU reads as about money, is the fraud team's at once; told calmly, or the word asked
   about as a word, it waits.
4. The helpless next step ("what now?", "so what do I do now", a bare "and?": cue what_now)
   is a cue of trouble behind three fallbacks; a calm question about what to do next with
   some object ("what do I do now that I've moved?") is not one.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from handoff import Router
from handoff.evaluation import (
    ConversationResult,
    EvalConversation,
    NluParse,
    NluParses,
    evaluate_conversation,
)
from handoff.signals.text import CUE_KINDS, analyze_text
from tests.conftest import cue_kinds

_NOW = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)

# A message, its NLU intent and confidence, and optionally a runner-up intent.
Message = tuple[str, str, float] | tuple[str, str, float, str]


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


def _parse(message: Message) -> NluParse:
    ranking: list[dict[str, Any]] = [{"name": message[1], "confidence": message[2]}]
    if len(message) == 4:
        ranking.append({"name": message[3], "confidence": round(message[2] / 2, 2)})
    return NluParse(
        text=message[0],
        intent={"name": message[1], "confidence": message[2]},
        intent_ranking=tuple(ranking),
    )


def _play(router: Router, messages: list[Message]) -> ConversationResult:
    conversation = EvalConversation.model_validate(
        {
            "id": "r17-test",
            "category": "test",
            "account": {"tier": "standard", "risk_flags": []},
            "customer": [m[0] for m in messages],
            "expect": {"lane_kind": "bot", "lane": "bot"},
        }
    )
    parses = NluParses(header={}, parses={m[0]: _parse(m) for m in messages})
    return evaluate_conversation(router, conversation, parses, now=_NOW)


def _outcome(router: Router, messages: list[Message]) -> tuple[str, int | None]:
    result = _play(router, messages)
    return result.lane, result.handoff_turn


def test_the_new_cues_are_listed_kinds() -> None:
    assert {"shouted_harm", "bare_emotion", "what_now"} <= CUE_KINDS


# ------------------------------------------------------------------ 1. a shouted harm

SHOUTED_HARMS = [
    "MY CARD WAS STOPPED AT THE TILL AND I HAVE NO WAY TO PAY FOR MY SHOPPING",
    "I CANNOT PAY MY BILLS BECAUSE OF YOU",
    "I'M LOCKED OUT OF THE APP AGAIN",
    "I CANT GET AT MY WAGES",
    "NO ACCESS TO MY OWN SAVINGS FOR A WEEK",
    "WHY HAS NOBODY CALLED ME BACK I HAVE NO MONEY FOR FOOD",
    "UNBLOCK MY CARD",
    "SORT OUT MY ACCOUNT TODAY",
    "I AM UNABLE TO WITHDRAW A PENNY",
]
NOT_SHOUTED_HARMS = [
    "i can't pay for my shopping, the card is stopped",  # not shouted (other rules' case)
    "WHY CAN'T I LOG IN",  # a shouted question: waits
    "HOW DO I UNBLOCK MY CARD",  # a how-to, shouted
    "WHERE IS MY PARCEL",
    "MORTGAGE APPROVED!!! how do I pay the deposit",
    "I can't LOG IN",  # one shouted word, not a shouted line
    "PAID OFF MY LOAN TODAY",
]


@pytest.mark.parametrize("text", SHOUTED_HARMS)
def test_a_shouted_line_telling_a_harm_is_read(text: str) -> None:
    assert {"shouting", "shouted_harm"} <= cue_kinds(text)


@pytest.mark.parametrize("text", NOT_SHOUTED_HARMS)
def test_no_harm_told_in_a_shouted_line(text: str) -> None:
    assert "shouted_harm" not in cue_kinds(text)


@pytest.mark.parametrize("text", SHOUTED_HARMS)
def test_the_harm_cue_weighs_nothing(text: str) -> None:
    analysis = analyze_text(text)
    assert {c.weight for c in analysis.cues if c.kind == "shouted_harm"} == {0.0}


@pytest.mark.parametrize("text", SHOUTED_HARMS)
def test_a_shouted_harm_reaches_a_person_on_its_first_message(router: Router, text: str) -> None:
    # an adviser, or the vulnerable customers' team where hardship is told ("no money for food")
    lane, turn = _outcome(router, [(text, "nlu_fallback", 0.45), ("hello", "greet", 0.7)])
    assert lane in {"general_banking", "vulnerable_customers"}
    assert turn == 1


CALMING_AFTER_A_SHOUTED_QUESTION = [
    [
        ("WHY CAN'T I SIGN IN TO THE APP", "nlu_fallback", 0.45),
        ("ah, wrong password, my bad. in now", "nlu_fallback", 0.45),
    ],
    [
        ("HOW DO I UNBLOCK MY CARD", "nlu_fallback", 0.45),
        ("found it in settings, thanks", "thank_you", 0.9),
    ],
]


@pytest.mark.parametrize("messages", CALMING_AFTER_A_SHOUTED_QUESTION, ids=lambda m: m[0][0])
def test_a_shouted_question_still_waits_and_calms(router: Router, messages: list[Message]) -> None:
    assert _outcome(router, messages) == ("bot", None)


# ------------------------------------------------------------------ 2. bare shouted emotion

BARE = ["I AM SO ANNOYED", "I'M REALLY FURIOUS", "THIS IS ABSOLUTELY RIDICULOUS"]
NOT_BARE = [
    "I AM SO ANNOYED WITH YOUR APP",  # a target named
    "SORT IT OUT",  # a demand, aimed at us
    "YOU ARE USELESS",  # an insult, aimed at us
    "I am so annoyed",  # not shouted
    "THIS IS RIDICULOUS, MY REFUND IS A MONTH LATE",
    "I'M FED UP, THIS IS A JOKE",  # anger piled up does not wait
]


@pytest.mark.parametrize("text", BARE)
def test_a_shouted_feeling_alone_is_bare(text: str) -> None:
    assert "bare_emotion" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_BARE)
def test_a_shouted_feeling_with_a_target_is_not_bare(text: str) -> None:
    assert "bare_emotion" not in cue_kinds(text)


@pytest.mark.parametrize("text", BARE)
def test_bare_emotion_waits_and_is_withdrawn(router: Router, text: str) -> None:
    assert _outcome(
        router,
        [
            (text, "nlu_fallback", 0.45),
            ("sorry, not at you, my landlord has kept the deposit", "nlu_fallback", 0.45),
            ("how do I send him a payment request", "nlu_fallback", 0.45),
        ],
    ) == ("bot", None)


@pytest.mark.parametrize("text", BARE)
def test_bare_emotion_then_its_target_reaches_a_person(router: Router, text: str) -> None:
    assert _outcome(
        router,
        [
            (text, "nlu_fallback", 0.45),
            ("your app took the gas bill out twice and now the rent bounced", "nlu_fallback", 0.45),
        ],
    ) == ("general_banking", 2)


@pytest.mark.parametrize(
    "text",
    ["sorry, not at you", "that wasn't aimed at you, honestly", "sorry it's not directed at you"],
)
def test_anger_withdrawn_as_not_at_us_is_resolved(text: str) -> None:
    assert "resolved" in cue_kinds(text)


@pytest.mark.parametrize(
    "text", ["sorry, I'm not at home till six", "I'm not at your branch today, sorry"]
)
def test_not_at_a_place_is_not_a_withdrawal(text: str) -> None:
    assert "resolved" not in cue_kinds(text)


# ------------------------------------------------------------------ 3. an unrecognised payment

UNRECOGNISED_AND_BOTHERED = [
    "what on earth is this £15.50 charge, I do not recognise it at all, not happy",
    "a direct debit I don't recognise has taken £30 and left me overdrawn, annoyed",
]


@pytest.mark.parametrize("text", UNRECOGNISED_AND_BOTHERED)
def test_an_unrecognised_payment_told_with_frustration_is_the_fraud_teams_at_once(
    router: Router, text: str
) -> None:
    assert analyze_text(text).frustration >= 0.5  # the rule's floor
    assert _outcome(
        router,
        [(text, "out_of_scope", 0.6, "pending_card_payment"), ("?", "nlu_fallback", 0.45)],
    ) == ("fraud", 1)


def test_without_the_nlu_reading_money_it_waits(router: Router) -> None:
    text = UNRECOGNISED_AND_BOTHERED[0]
    assert _outcome(router, [(text, "out_of_scope", 0.6)])[0] == "bot"


def test_a_calm_unrecognised_payment_still_waits(router: Router) -> None:
    text = "hi, there's a direct debit I don't recognise, could be the gym I think"
    assert analyze_text(text).frustration < 0.5
    lane, turn = _outcome(router, [(text, "out_of_scope", 0.6, "pending_card_payment")])
    assert (lane, turn) == ("bot", None)


def test_the_word_asked_about_is_no_unrecognised_payment(router: Router) -> None:
    text = "how do you spell unrecognised, one s or two"
    lane, _ = _outcome(router, [(text, "nlu_fallback", 0.45, "pending_card_payment")])
    assert lane != "fraud"


# ------------------------------------------------------------------ 4. the helpless next step

WHAT_NOW = [
    "what now",
    "so what now?",
    "ok now what",
    "right, what do I do now?",
    "and?",
    "so?",
    "what am I supposed to do then",
    "it still won't load. what should I do now??",
    "what am I meant to do",
    "and what do I do?",
    "what next?",
]
NOT_WHAT_NOW = [
    "what do I do now that I've moved house?",
    "I've lost my wallet on the bus, what should I do?",
    "what can I do to raise my credit score?",
    "what do I do with a cheque made out to my old name",
    "what now happens to my ISA allowance",
    "and the savings account?",
    "and what's the interest rate",
    "what's new in the app",
    "what next steps are there for a mortgage",
    "so I can pay it in at the post office?",
]


@pytest.mark.parametrize("text", WHAT_NOW)
def test_the_helpless_next_step_is_read(text: str) -> None:
    assert "what_now" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_WHAT_NOW)
def test_a_question_about_a_next_step_with_an_object_is_not(text: str) -> None:
    assert "what_now" not in cue_kinds(text)


def test_the_next_step_cue_weighs_nothing() -> None:
    assert [c.weight for c in analyze_text("what now").cues if c.kind == "what_now"] == [0.0]


@pytest.mark.parametrize("last", ["and?", "so what do I do now", "what am I supposed to do"])
def test_a_calm_malfunction_then_the_helpless_step_escalates(router: Router, last: str) -> None:
    assert _outcome(
        router,
        [
            ("the contactless thing on my card has stopped going through", "nlu_fallback", 0.45),
            ("it just shows a red light", "nlu_fallback", 0.45),
            (last, "nlu_fallback", 0.45),
        ],
    ) == ("general_banking", 3)


def test_three_calm_unparsed_questions_still_stay_with_the_bot(router: Router) -> None:
    assert _outcome(
        router,
        [
            ("whats the swift code", "nlu_fallback", 0.45),
            ("and the iban for the joint one", "nlu_fallback", 0.45),
            ("cheers", "nlu_fallback", 0.45),
        ],
    ) == ("bot", None)


# ------------------------------------------------------------------ 5. a complaint withdrawn

WITHDRAWN = [
    "not a real complaint, just moaning",
    "it wasn't a proper complaint, forget it",
    "ha, it's not a serious complaint",
]
STILL_COMPLAINTS = [
    "this is a formal complaint about the fees",
    "I want to make a real complaint about how I was treated",
]


@pytest.mark.parametrize("text", WITHDRAWN)
def test_a_complaint_withdrawn_is_no_complaint(text: str) -> None:
    assert "no_complaint" in cue_kinds(text)


@pytest.mark.parametrize("text", STILL_COMPLAINTS)
def test_a_complaint_meant_is_not_withdrawn(text: str) -> None:
    assert "no_complaint" not in cue_kinds(text)


def test_a_jokey_complaint_then_withdrawn_stays_with_the_bot(router: Router) -> None:
    assert _outcome(
        router,
        [
            ("I want to complain about the lifts in your Leeds office haha", "complain", 0.9),
            ("it's not a serious complaint, carry on", "complain", 0.8),
        ],
    ) == ("bot", None)
