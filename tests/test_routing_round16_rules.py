"""Round 16 of issue 11 (helper r16r): rule logic for anger on a first message, retractions, and
trusting the NLU's fallbacks and the escalation model only with a backing cue.

1. A whole line shouted that tells a grievance or makes a demand (cue shouted_statement), with
   high frustration and no warmth, or a shouted line about a block the bank put on the
   account, reaches a person on the first message; a shouted question still waits one
   message, and good news shouted stays with the bot.
2. Sarcasm that is already highly frustrated is anger on its own, on the first message too;
   sarcasm said in jest is not.
3. A count of asking that the same message withdraws does not commit going_in_circles.
4. Three fallbacks in a row reach a person only with a cue of trouble (or where nothing
   could be read at all); calm questions the NLU cannot parse stay with the bot. The
   escalation model is trusted only with a backing cue.

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

# ------------------------------------------------------------------ the shouted_statement cue

SHOUTED_STATEMENTS = [
    "YOU TOOK MY RENT MONEY TWICE THIS MONTH",
    "YOUR APP HAS LOST MY SALARY PAYMENT",
    "I HAVE WAITED ALL WEEK FOR THIS REFUND",
    "STOP TAKING FEES OUT OF MY ACCOUNT",
    "YOU BLOCKED MY CARD AT THE TILL IN FRONT OF EVERYONE",
]
SHOUTED_QUESTIONS_OR_PARTIAL = [
    "WHY WON'T MY TRANSFER GO THROUGH",
    "WHERE HAS MY PAYMENT GONE",
    "HOW DO I ORDER A NEW CARD",
    "CAN YOU TELL ME MY BALANCE",
    "HELLO CAN I OPEN A SAVINGS ACCOUNT",
    "MY BALANCE IS WRONG?",
    "the payment went out TWICE",
    "I PASSED MY DRIVING TEST!!! how do I pay for insurance",
]


def test_the_cue_is_a_listed_kind() -> None:
    assert "shouted_statement" in CUE_KINDS


@pytest.mark.parametrize("text", SHOUTED_STATEMENTS)
def test_a_whole_shouted_line_that_tells_is_a_statement(text: str) -> None:
    assert {"shouting", "shouted_statement"} <= cue_kinds(text)


@pytest.mark.parametrize("text", SHOUTED_QUESTIONS_OR_PARTIAL)
def test_a_shouted_question_or_a_shouted_word_is_not(text: str) -> None:
    assert "shouted_statement" not in cue_kinds(text)


@pytest.mark.parametrize("text", SHOUTED_STATEMENTS)
def test_the_cue_weighs_nothing(text: str) -> None:
    weights = [c.weight for c in analyze_text(text).cues if c.kind == "shouted_statement"]
    assert weights == [0.0]


# ------------------------------------------------------------------ rules and evaluation

_NOW = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)
_PERSON_NOW = {"lane_kind": "human", "lane": "general_banking", "by_turn": 1}
_STAYS = {"lane_kind": "bot", "lane": "bot"}


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


def _parses(texts: dict[str, tuple[str, float]]) -> NluParses:
    return NluParses(
        header={},
        parses={
            text: NluParse(
                text=text,
                intent={"name": name, "confidence": confidence},
                intent_ranking=({"name": name, "confidence": confidence},),
            )
            for text, (name, confidence) in texts.items()
        },
    )


def _play(
    router: Router, messages: list[tuple[str, str, float]], expect: dict[str, Any]
) -> ConversationResult:
    conversation = EvalConversation.model_validate(
        {
            "id": "r16-test",
            "category": "test",
            "account": {"tier": "standard", "risk_flags": []},
            "customer": [m[0] for m in messages],
            "expect": expect,
        }
    )
    parses = _parses({m[0]: (m[1], m[2]) for m in messages})
    return evaluate_conversation(router, conversation, parses, now=_NOW)


ANGRY_FIRST_MESSAGES = [
    ("YOU TOOK MY RENT MONEY TWICE THIS MONTH", "transaction_charged_twice", 0.8),
    ("YOUR APP HAS LOST MY SALARY PAYMENT", "nlu_fallback", 0.45),
    ("I HAVE WAITED ALL WEEK FOR THIS REFUND", "Refund_not_showing_up", 0.7),
    ("STOP TAKING FEES OUT OF MY ACCOUNT", "extra_charge_on_statement", 0.6),
    ("YOU BLOCKED MY CARD AT THE TILL IN FRONT OF EVERYONE", "nlu_fallback", 0.45),
    ("WHY HAS MY ACCOUNT BEEN SUSPENDED", "nlu_fallback", 0.45),
    (
        "oh wonderful, my direct debit bounced again and the bot just sends me links",
        "nlu_fallback",
        0.45,
    ),
]


@pytest.mark.parametrize("message", ANGRY_FIRST_MESSAGES, ids=lambda m: m[0][:30])
def test_anger_on_a_first_message_reaches_a_person_at_once(
    router: Router, message: tuple[str, str, float]
) -> None:
    result = _play(router, [message, ("hello??", "greet", 0.6)], _PERSON_NOW)
    assert (result.lane, result.handoff_turn) == ("general_banking", 1)
    assert result.outcome == "as_expected"


CALM_OR_WARM_FIRST_MESSAGES = [
    # a shouted question waits one message, and here calms
    [("HOW DO I ORDER A NEW CARD", "card_arrival", 0.6), ("thanks, found it", "thank_you", 0.9)],
    [("CAN YOU TELL ME MY BALANCE", "check_balance", 0.9), ("ok ta", "thank_you", 0.8)],
    [
        ("WHY WON'T MY TRANSFER GO THROUGH", "failed_transfer", 0.7),
        ("oh it's gone now, my mistake", "nlu_fallback", 0.45),
    ],
    # shouted good news
    [
        ("I PASSED MY DRIVING TEST!!! how do I pay for insurance", "nlu_fallback", 0.45),
        ("thanks", "thank_you", 0.9),
    ],
    # sarcasm said in jest
    [
        ("love the new app colours haha, how do I find my pin", "get_physical_card", 0.5),
        ("cheers", "thank_you", 0.9),
    ],
    # a count of asking the same message withdraws
    [
        ("third time asking about my refund... oh wait, found it, sorry", "nlu_fallback", 0.45),
        ("thanks anyway", "thank_you", 0.9),
    ],
]


@pytest.mark.parametrize("messages", CALM_OR_WARM_FIRST_MESSAGES, ids=lambda m: m[0][0][:30])
def test_calm_warm_or_withdrawn_first_messages_stay_with_the_bot(
    router: Router, messages: list[tuple[str, str, float]]
) -> None:
    result = _play(router, messages, _STAYS)
    assert result.handoff_turn is None, result.rule
    assert result.outcome == "as_expected"


def test_a_count_of_asking_not_withdrawn_still_reaches_a_person(router: Router) -> None:
    messages = [
        ("how do I get my refund", "nlu_fallback", 0.45),
        ("this is the second time I've asked about my refund", "nlu_fallback", 0.45),
    ]
    result = _play(router, messages, {**_PERSON_NOW, "by_turn": 2})
    assert result.lane == "general_banking"
    assert result.handoff_turn == 2


CALM_FALLBACK_RUNS = [
    [
        ("what is my sort code", "nlu_fallback", 0.45),
        ("and the iban please", "nlu_fallback", 0.45),
        ("for the business account", "nlu_fallback", 0.45),
    ],
    [
        ("can I get paper statements posted", "nlu_fallback", 0.45),
        ("for the joint account as well", "nlu_fallback", 0.45),
        ("monthly if that is possible", "nlu_fallback", 0.45),
    ],
]


@pytest.mark.parametrize("messages", CALM_FALLBACK_RUNS, ids=lambda m: m[0][0][:30])
def test_three_calm_fallbacks_stay_with_the_bot(
    router: Router, messages: list[tuple[str, str, float]]
) -> None:
    result = _play(router, messages, _STAYS)
    assert result.handoff_turn is None, result.rule


TROUBLED_FALLBACK_RUNS = [
    [
        ("my wages haven't arrived and I've been waiting all day", "nlu_fallback", 0.45),
        ("it was meant to be in this morning", "nlu_fallback", 0.45),
        ("what am I supposed to do", "nlu_fallback", 0.45),
    ],
    [
        ("the card keeps getting declined", "nlu_fallback", 0.45),
        ("still declined", "nlu_fallback", 0.45),
        ("tried a different shop", "nlu_fallback", 0.45),
    ],
]


@pytest.mark.parametrize("messages", TROUBLED_FALLBACK_RUNS, ids=lambda m: m[0][0][:30])
def test_three_fallbacks_with_a_cue_of_trouble_reach_a_person(
    router: Router, messages: list[tuple[str, str, float]]
) -> None:
    result = _play(router, messages, {**_PERSON_NOW, "by_turn": 3})
    assert result.lane == "general_banking"
    assert result.handoff_turn is not None
    assert result.handoff_turn <= 3


def test_three_fallbacks_nothing_could_read_still_reach_a_person(router: Router) -> None:
    messages = [
        ("Karta mi nie działa od rana", "nlu_fallback", 0.45),
        ("Sprawdzałem wszystko", "nlu_fallback", 0.45),
        ("Co mam zrobić", "nlu_fallback", 0.45),
    ]
    result = _play(router, messages, {**_PERSON_NOW, "by_turn": 3})
    assert (result.lane, result.handoff_turn) == ("general_banking", 3)


def test_the_escalation_model_needs_a_backing_cue(router: Router) -> None:
    """Every escalation_model decision on these calm second messages is refused by the gate,
    whatever the model scores."""
    calm = [
        [
            ("can I raise my overdraft", "nlu_fallback", 0.45),
            ("and in the app?", "nlu_fallback", 0.45),
        ],
        [
            ("how do I close my account", "terminate_account", 0.9),
            ("sorry, the savings one not the current", "nlu_fallback", 0.45),
        ],
        [
            ("I want to complain about the biscuits in your branch 😂", "complain", 0.7),
            ("anyway how do I order a chequebook", "nlu_fallback", 0.45),
        ],
    ]
    for messages in calm:
        result = _play(router, messages, _STAYS)
        assert result.rule != "escalation_model", messages
