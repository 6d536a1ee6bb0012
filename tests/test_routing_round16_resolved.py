"""Round 16 of issue 11 (integration): a customer saying the problem is solved, and the
escalation model not trusted on such a message or on the frustration it closes.

The round's refit of the escalation model (new cue kinds) chose the threshold 0.7 again by
cross-validation, as round 11's had; at 0.7 the model read a customer who wrote that all was
well, after a recurring fault or a shouted line, as wanting a person. The principle, not the
phrase: a message that says the trouble is over (it worked, it has arrived, "ignore that",
"sorry for the caps") is ``resolved``; the model never escalates on a resolved or good-news
message, and frustration the customer has since resolved no longer backs it.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from tests.conftest import cue_kinds, route_parsed

_NOW = datetime(2026, 12, 1, 10, 30, tzinfo=timezone.utc)


RESOLVED = [
    "ah sorted, all good",
    "oh right, my mistake. all good 👍",
    "it's landed now",
    "the refund has finally arrived now, thanks",
    "money's just come through now",
    "the refund has shown up now",
    "it has appeared now, thanks",
    "ignore that, I found the letter",
    "sorry, please ignore my last message",
    "sorry caps. the pin pad was broken, different till worked",
    "sorry about the capitals, bit stressed",
    "sorry for the caps lock",
    "I'm in now, thanks",
    "ok i'm finally logged in now",
]
NOT_RESOLVED = [
    "is it all good?",
    "it's not all good at all",
    "has it landed now?",
    "it's landed now but you charged me a fee",
    "why do you ignore me",
    "you keep ignoring my messages",
    "I can't ignore this any longer",
    "I'm in now a queue for an hour",
    "i'm in now but my balance shows zero",
    "caps lock is stuck on my keyboard",
    "I still can't log in now",
]


@pytest.mark.parametrize("text", RESOLVED)
def test_saying_it_is_solved_is_resolved(text: str) -> None:
    assert "resolved" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_RESOLVED)
def test_asking_denying_or_a_new_problem_is_not(text: str) -> None:
    assert "resolved" not in cue_kinds(text)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


def _route(router: Router, messages: list[tuple[str, str, float]]) -> tuple[str, int | None]:
    return route_parsed(router, messages, _NOW, "r16-resolved")


CALMED = [
    [
        ("WHY WON'T MY CARD WORK AT THE PUMP", "card_not_working", 0.9),
        ("sorry about the caps, the pump was broken, paid inside", "nlu_fallback", 0.4),
        ("how do I add my card to apple pay", "apple_pay_or_google_pay", 0.95),
    ],
    [
        (
            "my card was declined at the shop earlier and I don't know why",
            "declined_card_payment",
            0.9,
        ),
        ("oh right, my mistake. all good", "nlu_fallback", 0.4),
    ],
    [
        ("where is the money my mum sent me yesterday", "transfer_not_received_by_recipient", 0.8),
        ("it's landed now", "nlu_fallback", 0.4),
        ("what's the daily limit for transfers", "transfer_timing", 0.7),
    ],
]


@pytest.mark.parametrize("messages", CALMED, ids=lambda m: m[0][0][:30])
def test_a_customer_who_says_it_is_solved_stays_with_the_bot(
    router: Router, messages: list[tuple[str, str, float]]
) -> None:
    assert _route(router, messages) == ("bot", None)


def test_unsolved_anger_still_reaches_a_person(router: Router) -> None:
    """The gate is about resolution, not about any second message: the same start, then
    the problem still there, is escalated."""
    lane, turn = _route(
        router,
        [
            ("my card got declined again, second shop today", "declined_card_payment", 0.9),
            ("still declined at the third one, this is ridiculous", "declined_card_payment", 0.9),
            ("I have no other way to pay, sort it out", "nlu_fallback", 0.4),
        ],
    )
    assert lane == "general_banking"
    assert turn is not None
    assert turn <= 3


def test_the_model_is_never_trusted_on_a_resolved_message(router: Router) -> None:
    """With a model that always scores 0.95, the escalation_model rule's guards alone decide:
    a frustrated start then "all good" stays with the bot, the same start then a calm
    routine question after a resolution too, while the same start then more trouble goes to
    a person through the model."""
    from handoff.signals import escalation  # noqa: PLC0415

    always = escalation.EscalationModel(bias=3.0, weights={})
    start = (
        "my transfer from yesterday hasn't arrived, annoying",
        "transfer_not_received_by_recipient",
        0.8,
    )
    with escalation.using(always):
        resolved = _route(router, [start, ("oh it's landed now, all good", "nlu_fallback", 0.4)])
        routine_after = _route(
            router,
            [
                start,
                ("ignore that, it's landed now", "nlu_fallback", 0.4),
                ("what's the daily limit for transfers", "transfer_timing", 0.7),
            ],
        )
        trouble = _route(router, [start, ("and nobody has told me why", "nlu_fallback", 0.4)])
    assert resolved == ("bot", None)
    assert routine_after == ("bot", None)
    assert trouble[0] == "general_banking"
