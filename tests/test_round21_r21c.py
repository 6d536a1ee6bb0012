"""Round 21 of issue 11 (helper r21c), principle 5: calm and framing read as whole classes.

1. RESOLVED: "it's back / working again / fixed itself / back to normal" beside earlier
   trouble is a resolution; exasperation words beside it ("never mind") are relief.
2. CONFIRMED IT WAS ME: the customer confirming a checked payment was theirs (in the app, by
   text, to the bank) is no scam step; it closes the check (no_harm).
3. THIRD PARTY and STUDY framing: any person's possessive ("my friend's account", "a
   colleague's card", "his phone") and a course, exam, essay or "hypothetically" make a
   question; the customer's own loss told beside it keeps the fraud rules.
4. HOW-TO with a preamble ("quick one", "sorry to bother you", "just wondering") stays a
   routine question, also on a flagged account.
(5. fallback parses carrying no fraud mass was tried and left out: the mass is also a
feature of the escalation model, whose scores moved over its threshold.)

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.evaluation import EvalConversation, NluParse, NluParses, evaluate_conversation
from tests.conftest import cue_kinds, route_fallbacks

_NOW = datetime(2026, 12, 4, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


# 1. resolved by class
RESOLVED = [
    "ok it's back now, never mind",
    "its back, nvm",
    "app's back up again, sorry",
    "the card is working again thanks",
    "all working again 👍",
    "it fixed itself in the end",
    "everything is back to normal now",
    "it sorted itself out",
]
NOT_RESOLVED = [
    "it's stopped working again",
    "not working again!!",
    "the charge is back on my statement",
    "it's back to declining every payment",
    "it's working again but the payment still hasn't gone",
    "the app keeps crashing, it's back on the login screen",
    "how do I get it back",
    "can I send the card back",
]


@pytest.mark.parametrize("text", RESOLVED)
def test_back_or_working_again_is_resolved(text: str) -> None:
    kinds = cue_kinds(text)
    assert "resolved" in kinds, text
    assert "exasperation" not in kinds, text


@pytest.mark.parametrize("text", NOT_RESOLVED)
def test_trouble_going_on_is_not_resolved(text: str) -> None:
    assert "resolved" not in cue_kinds(text), text


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("argh the app froze again", "right it's back now, never mind"),
        ("ugh website down again", "ok all working again"),
    ],
)
def test_trouble_then_back_stays_with_the_bot(router: Router, first: str, second: str) -> None:
    assert route_fallbacks(router, _NOW, first, second) == ("bot", None)


def test_trouble_then_still_broken_is_not_calm(router: Router) -> None:
    lane, _ = route_fallbacks(
        router, _NOW, "argh the app froze again", "still frozen, this is useless", "hello??"
    )
    assert lane != "bot"


# 2. confirmed it was me
CONFIRMED_MINE = [
    "ok I confirmed it was me in the app, working again",
    "I verified that the payment was genuine by text",
    "yeah I told them it was me",
    "we've confirmed those were ours with the bank",
    "yes I confirmed to them that it was me",
]
NOT_CONFIRMED_MINE = [
    "they said it was me but it wasn't",
    "I confirmed it was me but it's still blocked",
]


@pytest.mark.parametrize("text", CONFIRMED_MINE)
def test_confirming_it_was_me_is_no_scam_step(text: str) -> None:
    kinds = cue_kinds(text)
    assert "scam_step" not in kinds, text
    assert "no_harm" in kinds, text


@pytest.mark.parametrize("text", NOT_CONFIRMED_MINE)
def test_not_confirmed_by_the_customer_is_no_no_harm(text: str) -> None:
    assert "no_harm" not in cue_kinds(text), text


def test_confirming_a_payment_in_the_app_is_still_a_step() -> None:
    assert "scam_step" in cue_kinds("I confirmed the payment in the app like he said")


def test_held_card_then_confirmed_mine_stays_with_the_bot(router: Router) -> None:
    assert route_fallbacks(
        router, _NOW, "my card's been blocked on holiday!!", "sorted, I confirmed it was me by text"
    ) == ("bot", None)


# 3. third party and study framing
THIRD_PARTY = [
    "my friend's account was hacked, should I change my password as well?",
    "a colleague's card got cloned last week, how do I protect mine",
    "my mum's email has been hacked, what should she do",
    "one of my mate's phones was hacked, can they get into his banking?",
    "my flatmate's banking app got hacked, is mine at risk?",
]
STUDY = [
    "what's the difference between authorised and unauthorised fraud? I'm on a training course",
    "for my banking exam, how does unauthorised card fraud get refunded?",
    "hypothetically, if someone hacked an account, who pays?",
    "asking for a training session: what counts as account takeover fraud?",
    "I'm studying fraud prevention at uni, what is a money mule?",
    "writing an essay on APP fraud, who refunds a victim?",
]


@pytest.mark.parametrize("text", THIRD_PARTY)
def test_a_persons_possessive_is_third_party(router: Router, text: str) -> None:
    assert "third_party" in cue_kinds(text), text
    assert route_fallbacks(router, _NOW, text) == ("bot", None), text


def test_a_scammers_claim_about_a_relative_is_no_third_party_story() -> None:
    text = "my gran had a call from 'the bank' saying her card was cloned, she gave her PIN"
    assert "third_party" not in cue_kinds(text)
    text = "a man rang claiming my dad's card was cloned and a courier would collect it"
    assert "third_party" not in cue_kinds(text)


@pytest.mark.parametrize("text", STUDY)
def test_study_framing_is_a_question(router: Router, text: str) -> None:
    assert "howto" in cue_kinds(text), text
    assert route_fallbacks(router, _NOW, text) == ("bot", None), text


def test_study_framing_read_as_report_fraud_stays_with_the_bot(router: Router) -> None:
    text = "what's the difference between unauthorised and authorised fraud? for a work course"
    assert _play(router, [(text, "report_fraud", 0.8)]) == ("bot", None)


OWN_LOSS = [
    "my friend's account was hacked and now mine has payments I didn't make",
    "my mum's card was cloned and now there are payments on my account I didn't make",
    "I'm on a course today and someone hacked my account, there are payments I didn't make",
    "doing a training course and I've just noticed £200 gone from my account that wasn't me",
]


@pytest.mark.parametrize("text", OWN_LOSS)
def test_the_customers_own_loss_beside_the_frame_is_fraud(router: Router, text: str) -> None:
    kinds = cue_kinds(text)
    assert "third_party" not in kinds, text
    assert "howto" not in kinds, text
    assert route_fallbacks(router, _NOW, text)[0] == "fraud", text


# 4. how-to with a preamble
PREAMBLE_HOWTO = [
    "quick one, how do I add a payee",
    "hi there, just wondering how do I set up a standing order",
    "sorry to bother you, how can I change my address",
    "quick question - where do I find my statements",
    "hope you're well! how do I add a new payee?",
]
NOT_ROUTINE = [
    "quick, how do I add a payee, he's waiting on the phone",
    "quick one, how do I add a payee and send £3000 today",
]


@pytest.mark.parametrize("text", PREAMBLE_HOWTO)
def test_a_preamble_keeps_a_routine_question(text: str) -> None:
    assert "routine_question" in cue_kinds(text), text


@pytest.mark.parametrize("text", NOT_ROUTINE)
def test_pressure_after_a_preamble_is_not_routine(text: str) -> None:
    assert "routine_question" not in cue_kinds(text), text


def test_preamble_howto_on_a_vulnerable_flag_stays_with_the_bot(router: Router) -> None:
    assert _play(
        router,
        [("cheers for sorting it last time", "thank_you", 0.7),
         ("quick q, how do I add a payee", "nlu_fallback", 0.4)],
        flags=["vulnerable"],
    ) == ("bot", None)  # fmt: skip


def _play(
    router: Router,
    messages: list[tuple[str, str, float]] | list[tuple[str, list[tuple[str, float]]]],
    flags: list[str] | None = None,
) -> tuple[str, int | None]:
    """Route ``messages`` (text, intent, confidence) or (text, ranking) as the evaluation
    plays a set's conversation; (lane, handoff message)."""
    parsed: dict[str, NluParse] = {}
    for message in messages:
        if len(message) == 3:
            text, name, confidence = message  # type: ignore[misc]
            ranking = [(name, confidence)]
        else:
            text, ranking = message  # type: ignore[misc]
        parsed[text] = NluParse(
            text=text,
            intent={"name": ranking[0][0], "confidence": ranking[0][1]},
            intent_ranking=tuple({"name": n, "confidence": c} for n, c in ranking),
        )
    conversation = EvalConversation.model_validate(
        {
            "id": "r21c",
            "category": "test",
            "account": {"tier": "standard", "risk_flags": flags or []},
            "customer": [m[0] for m in messages],
            "expect": {"lane_kind": "bot", "lane": "bot", "by_turn": None},
        }
    )
    result = evaluate_conversation(
        router, conversation, NluParses(header={}, parses=parsed), now=_NOW
    )
    return result.lane, result.handoff_turn
