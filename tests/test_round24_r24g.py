"""Round 24 of issue 11 (helper r24g): requests, vulnerability, legal threats and pressing for
an answer read by concept and slot.

1. PLEASE AS A FILLER: the one-word "please" of every language (and the commas that set it
   off) sits inside a request phrase as English "please" does.
2. HUNGARIAN MODAL REQUESTS: any modal before "beszélni" (to talk), the person in any place.
3. OVERWHELMED: a verb of bearing with any object before "any more" / "any longer".
4. ECONOMIC ABUSE in Urdu and Hindi, subject-object-verb.
5. LEGAL ADVICE taken or sought, told as what the customer does or will do.
6. PRESSING FOR THE ANSWER ("just give me the figure") from the second message on.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from tests.conftest import cue_kinds, route_parsed

_NOW = datetime(2026, 12, 5, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


def _route(router: Router, *messages: str) -> tuple[str, int | None]:
    return route_parsed(router, [(m, "out_of_scope", 0.9) for m in messages], _NOW)


REQUESTS = [
    "Позовите, пожалуйста, оператора",
    "Я хочу, пожалуйста, поговорить с человеком",
    "Verbinden Sie mich, bitte, mit einem Mitarbeiter",
    "tudnék egy munkatárssal beszélni?",
    "lehetne beszélni valakivel?",
    "egy emberrel kellene beszélni",
]


@pytest.mark.parametrize("message", REQUESTS)
def test_requests_with_please_or_a_modal_ask_for_a_person(message: str) -> None:
    assert "human_demand" in cue_kinds(message)


NO_REQUESTS = ["tudnék erről beszélni", "can I, just, ask where the branch is"]


@pytest.mark.parametrize("message", NO_REQUESTS)
def test_no_person_no_request(message: str) -> None:
    assert "human_demand" not in cue_kinds(message)


OVERWHELMED = [
    "I can't handle the debt any more",
    "we can't cope with the phone calls from collectors any longer",
    "honestly I cannot deal with all these reminders anymore",
    "میرا شوہر میری تنخواہ چھین لیتا ہے",
    "मेरे पति मेरी सैलरी छीन लेते हैं",
    "mere pati meri salary le lete hain",
]


@pytest.mark.parametrize("message", OVERWHELMED)
def test_overwhelmed_or_money_taken_is_vulnerability(router: Router, message: str) -> None:
    assert "vulnerability" in cue_kinds(message)
    assert _route(router, message)[0] == "vulnerable_customers"


CALM_TASKS = [
    "I can't take cash out any more",
    "I can't handle the app anymore it keeps crashing",
    "میرے شوہر کل بینک گئے تھے",
    "mere pati ne paise transfer kiye",
]


@pytest.mark.parametrize("message", CALM_TASKS)
def test_a_task_or_a_partner_alone_is_no_vulnerability(message: str) -> None:
    assert "vulnerability" not in cue_kinds(message)


LEGAL = [
    "that is unfair and I'll be seeking legal advice",
    "we will be getting a solicitor",
    "I'm now consulting a lawyer about the charges",
]


@pytest.mark.parametrize("message", LEGAL)
def test_legal_advice_sought_is_a_legal_threat(message: str) -> None:
    assert "legal_threat" in cue_kinds(message)


NOT_LEGAL = [
    "do you give legal advice?",
    "I got legal advice when I wrote my will, where do I send the documents",
    "can you give me the number for a solicitor",
]


@pytest.mark.parametrize("message", NOT_LEGAL)
def test_legal_words_asked_about_are_no_threat(message: str) -> None:
    assert "legal_threat" not in cue_kinds(message)


PRESSING = [
    ("how much can I borrow", "can you simply give me a figure"),
    ("when is my payment due", "just give me the date"),
    ("is the card contactless", "just tell me yes or no"),
    ("what's the rate on the saver", "just tell me what the rate is"),
]


@pytest.mark.parametrize("messages", PRESSING)
def test_pressing_for_the_answer_reaches_a_person(
    router: Router, messages: tuple[str, str]
) -> None:
    assert _route(router, *messages) == ("general_banking", 2)


CALM_ASKS = [
    ("how do I order a card", "just tell me when it arrives"),
    ("hi", "just tell me how to reset my pin"),
    ("I'd like a statement", "just send me the statement for march"),
]


@pytest.mark.parametrize("messages", CALM_ASKS)
def test_asking_to_be_told_later_or_how_stays_with_the_bot(
    router: Router, messages: tuple[str, str]
) -> None:
    assert _route(router, *messages)[0] == "bot"


DOUBTING = [
    ("my card was declined twice", "anything at all you could actually sort?"),
    ("I've been sent three links", "can you actually do anything about it?"),
    ("my transfer is stuck", "can anybody here actually help"),
]


@pytest.mark.parametrize("messages", DOUBTING)
def test_doubting_the_bot_can_do_anything_reaches_a_person(
    router: Router, messages: tuple[str, str]
) -> None:
    assert _route(router, *messages) == ("general_banking", 2)


NOT_DOUBTING = [
    ("hi", "can you actually do transfers abroad?"),
    ("hi", "is there something I can actually do to raise my limit"),
]


@pytest.mark.parametrize("messages", NOT_DOUBTING)
def test_actually_in_a_how_to_stays_with_the_bot(router: Router, messages: tuple[str, str]) -> None:
    assert _route(router, *messages)[0] == "bot"
