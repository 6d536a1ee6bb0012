"""Round 15 of issue 11: calm or resolving evidence outweighs one surface cue, and a red line
reached while an adviser has the chat moves it.

1. In one message, a success told ("it worked second time", "went through in the end",
   "second time lucky") cancels the repetition words beside it; quoted text (a payee's
   reference as printed, what the app said) is not the customer shouting; a professional
   acting for an estate (a funeral director, a solicitor) and the formal "the deceased" are
   not grief; money trouble the customer blames on the bank is a complaint, not hardship;
   and "it isn't my fault" is not "my fault" (resolved). text.py drops the cue.
2. Rules: a calm message sent twice and misread twice waits for the third fallback; a
   shouted harm with a clock on it (account blocked, needed today) does not wait a message;
   a shouted demand repeated after a fallback does not wait for the 0.65 frustration gate.
3. Lane upgrade: a red line reached after a handoff to an adviser moves the chat (the
   router tries red lines before staying with a person); the evaluation follows such a move
   only when asked (``follow_moves``), so every published number is unchanged.

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
from tests.conftest import cue_kinds

SUCCESS_OVER_REPETITION = [
    "oh hang on, it worked the second time, ignore me",
    "tried again and it went through on the 2nd go",
    "second time lucky, the transfer's gone",
    "it finally worked after I logged out and in again, twice",
    "ah that's sorted now, it keeps happening with the old app but fine",
    "works now! once again I'd forgotten to update",
]
REPETITION_STILL_COUNTS = [
    "second time I'm asking and it still hasn't worked",
    "this is the second time the payment hasn't gone through",
    "yet again the app won't let me in",
    "once again nothing has worked",
    "it never worked the second time either, same problem again",
]


@pytest.mark.parametrize("text", SUCCESS_OVER_REPETITION)
def test_success_cancels_repetition_words(text: str) -> None:
    assert "repeated_asking" not in cue_kinds(text)


@pytest.mark.parametrize("text", REPETITION_STILL_COUNTS)
def test_repetition_without_success_still_counts(text: str) -> None:
    assert "repeated_asking" in cue_kinds(text)


QUOTED_CAPITALS = [
    "the payment says 'PAYPAL GLOBAL TRANSFER' what is it",
    'the app just says "TRANSACTION DECLINED" when I try',
    "there's one called ‘HMRC NDDS’ on my statement, is that tax?",
    "the reference was “MRS K PATEL RENT” so it's my tenant",
]
OWN_CAPITALS = [
    "WHY IS MY CARD NOT WORKING",
    "I SAID I WANT MY MONEY BACK, not 'PLEASE WAIT'",
    "the app says 'declined' AND I AM SICK OF IT",
]


@pytest.mark.parametrize("text", QUOTED_CAPITALS)
def test_quoted_capitals_are_not_shouting(text: str) -> None:
    assert "shouting" not in cue_kinds(text)


@pytest.mark.parametrize("text", OWN_CAPITALS)
def test_the_customers_own_capitals_still_shout(text: str) -> None:
    assert "shouting" in cue_kinds(text)


PROFESSIONAL_OR_FORMAL = [
    "I'm a funeral director, can the family pay the funeral from the account?",
    "we are the solicitors handling the estate, what do you need from the executor?",
    "I work for a funeral home, do you accept a death certificate by email?",
    "what does the bank need to release the deceased's funds to the family?",
]
OWN_BEREAVEMENT = [
    "my husband died on tuesday and I need to pay for the funeral",
    "I'm the executor of my mum's estate, she passed last month",
    "the funeral is next week and his account is frozen",
    "our son's funeral costs have wiped out my savings",
]


@pytest.mark.parametrize("text", PROFESSIONAL_OR_FORMAL)
def test_a_professional_or_the_formal_deceased_is_not_grief(text: str) -> None:
    assert "vulnerability" not in cue_kinds(text)


@pytest.mark.parametrize("text", OWN_BEREAVEMENT)
def test_the_customers_own_bereavement_is_still_vulnerability(text: str) -> None:
    assert "vulnerability" in cue_kinds(text)


BANK_CAUSED = [
    "now I'm in arrears on my council tax because of your mistake",
    "your error put me in arrears, it isn't my fault",
    "I'm in arrears for something that wasn't my fault, you bounced the debit",
]
OWN_HARDSHIP = [
    "I'm in arrears on my rent and can't catch up",
    "I've fallen into arrears since I lost my job",
    "the bailiffs are coming about my arrears, please help",
]


@pytest.mark.parametrize("text", BANK_CAUSED)
def test_money_trouble_blamed_on_the_bank_is_not_hardship(text: str) -> None:
    kinds = cue_kinds(text)
    assert "vulnerability" not in kinds
    assert "resolved" not in kinds


@pytest.mark.parametrize("text", OWN_HARDSHIP)
def test_the_customers_own_hardship_is_still_vulnerability(text: str) -> None:
    assert "vulnerability" in cue_kinds(text)


@pytest.mark.parametrize("text", ["sorry, my fault, wrong card", "ah my fault, found it"])
def test_owning_the_mistake_is_still_resolved(text: str) -> None:
    assert "resolved" in cue_kinds(text)


# ------------------------------------------------------------------ rules and evaluation

_NOW = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)


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
    router: Router,
    messages: list[tuple[str, str, float]],
    expect: dict[str, Any],
    **kw: Any,
) -> ConversationResult:
    conversation = EvalConversation.model_validate(
        {
            "id": "r15-test",
            "category": "test",
            "account": {"tier": "standard", "risk_flags": []},
            "customer": [m[0] for m in messages],
            "expect": expect,
        }
    )
    parses = _parses({m[0]: (m[1], m[2]) for m in messages})
    return evaluate_conversation(router, conversation, parses, now=_NOW, **kw)


_FRAUD = {"lane_kind": "specialist", "lane": "fraud", "by_turn": 3}
_SCAM_AFTER_ADVISER = [
    ("a man rang saying he was from your fraud department", "nlu_fallback", 0.45),
    ("he said my account had been hacked", "nlu_fallback", 0.45),
    ("I moved £3,000 to the safe account he gave me and now he won't answer", "report_fraud", 0.7),
]


def test_the_evaluation_scores_the_first_handoff_by_default(router: Router) -> None:
    result = _play(router, _SCAM_AFTER_ADVISER, _FRAUD)
    assert result.handoff_turn is not None
    assert result.handoff_turn <= 3


def test_a_followed_move_to_fraud_is_scored_where_it_ends(router: Router) -> None:
    result = _play(router, _SCAM_AFTER_ADVISER, _FRAUD, follow_moves=("fraud",))
    assert result.lane == "fraud"
    assert result.outcome == "as_expected"


def test_a_calm_chat_with_an_adviser_is_not_moved(router: Router) -> None:
    messages = [
        ("can I speak to someone about my mortgage please", "request_human", 0.9),
        ("it's about overpaying it", "nlu_fallback", 0.45),
        ("thanks", "thank_you", 0.9),
    ]
    expect = {"lane_kind": "human", "lane": "general_banking", "by_turn": 1}
    plain = _play(router, messages, expect)
    followed = _play(router, messages, expect, follow_moves=("fraud",))
    assert (plain.lane, plain.handoff_turn) == (followed.lane, followed.handoff_turn)
    assert followed.outcome == "as_expected"


RETRY_SUCCEEDED = [
    "ok it went through on the other card",
    "oh it worked the second time, no worries",
    "that worked this time",
    "payment finally went through in the end",
]
RETRY_NOT_SUCCEEDED = [
    "it never went through on the second try",
    "the payment went through on the 3rd but I was charged twice",
    "it worked on the second try but now it says declined again",
    "did it go through the second time?",
]


@pytest.mark.parametrize("text", RETRY_SUCCEEDED)
def test_a_retry_that_succeeded_is_resolved(text: str) -> None:
    assert "resolved" in cue_kinds(text)


@pytest.mark.parametrize("text", RETRY_NOT_SUCCEEDED)
def test_a_retry_denied_or_followed_by_a_problem_is_not_resolved(text: str) -> None:
    assert "resolved" not in cue_kinds(text)
