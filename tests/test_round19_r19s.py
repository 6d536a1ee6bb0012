"""Round 19 of issue 11 (helper r19s): sarcasm and complaints by structure, not by score
(principle 5 of the fifteenth set's diagnosis).

1. Sarcasm is a positive evaluation (a warm word, or an ironic marker: "as always", "yeah
   sure", "oh good", "of course", a clap or an eye-roll, "appreciate being") attached to a
   failure or harm STATE in the same message: the service out, the bank's block on a card,
   account or payment (either word order), being left without a way to pay. A failure state
   told as lasting ("still down") is the service still failing.
2. A promise of the bank's quoted back with its recurrence or a scoff ("yeah right, 'by
   Friday'", "'same day' they said, like last time") is sarcasm and a broken promise.
3. Thanks beside a harm is sarcasm whatever the NLU's intent or the frustration score: it
   presses the complaint. Plain thanks after it still ends it.
4. A question on how to complain, then the bank's own fault (its staff, a fee it got wrong,
   its mistake), is a complaint; a complaint about someone else's staff is not.

Must-not-match: sincere thanks after a fix, "love the new app", "great, that worked", a
yes/no question about an outage, a self-directed joke. Every sentence here was written for
this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.signals.text import CUE_KINDS
from tests.conftest import cue_kinds, route_parsed

_NOW = datetime(2026, 12, 4, 10, 30, tzinfo=timezone.utc)

Message = tuple[str, str, float]


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


def _route(router: Router, messages: list[Message]) -> tuple[str, int | None]:
    return route_parsed(router, messages, _NOW, "r19s")


def _fb(text: str) -> Message:
    return (text, "nlu_fallback", 0.45)


def test_the_new_kinds_are_listed() -> None:
    assert {"harm_told", "complaint_question", "own_fault"} <= CUE_KINDS


# ------------------------------------------------------------------ 1. sarcasm by structure

SARCASM_BY_STRUCTURE = [
    "gotta love it when the website crashes right as I'm paying my bills. stellar as ever",
    "oh good, my card got declined again at the petrol station",
    "of course online banking is down the one day I need to move money",
    "fantastic, they've frozen our joint account and the mortgage goes out tomorrow 👏",
    "really enjoying being locked out of my own account for the weekend",
    "yeah sure, the payment is on its way, except my landlord still hasn't got it and my card "
    "is blocked",
    "wow the mobile banking has gone down again, brilliant timing 🙄",
    "nice work, you've stopped my salary payment and now I can't buy food",
]


@pytest.mark.parametrize("text", SARCASM_BY_STRUCTURE)
def test_praise_beside_a_harm_state_is_sarcasm(text: str) -> None:
    assert "sarcasm" in cue_kinds(text)


SINCERE = [
    "love the new app",
    "great, that worked",
    "amazing, thanks",
    "thanks so much, the card works now",
    "brilliant, it's gone through now, cheers",
    "of course, I'll try that",
    "I love getting paid on Fridays",
    "thanks for your help as always",
    "me locking myself out again 🙃 how do I reset my password",
    "is the app down? no worries if so, I'll try later",
]


@pytest.mark.parametrize("text", SINCERE)
def test_sincere_praise_and_calm_questions_are_no_sarcasm(text: str) -> None:
    assert "sarcasm" not in cue_kinds(text)


STILL_FAILING = ["still down", "and it's still blocked", "the site is still broken"]
NOT_STILL = ["is it still down?", "is my card still blocked or can I use it", "still fine thanks"]


@pytest.mark.parametrize("text", STILL_FAILING)
def test_a_failure_state_told_as_lasting_is_still_not(text: str) -> None:
    assert "still_not" in cue_kinds(text)


@pytest.mark.parametrize("text", NOT_STILL)
def test_a_question_about_a_state_is_not_still_not(text: str) -> None:
    assert "still_not" not in cue_kinds(text)


def test_an_outage_mocked_then_still_down_reaches_a_person(router: Router) -> None:
    messages = [
        ("gotta love how the app dies exactly when rent is due. impeccable as always 👏",
         "out_of_scope", 0.7),
        _fb("still down"),
    ]  # fmt: skip
    lane, turn = _route(router, messages)
    assert lane == "general_banking"
    assert turn is not None
    assert turn <= 2


def test_a_calm_outage_question_then_thanks_stays_with_the_bot(router: Router) -> None:
    messages = [
        ("is the app down at the moment? trying to check my balance", "out_of_scope", 0.6),
        ("ok cheers, I'll try later", "thank_you", 0.9),
    ]
    assert _route(router, messages) == ("bot", None)


# ------------------------------------------------------------------ 2. a promise quoted back

PROMISE_BACK = [
    "oh right, 'by the end of the day', same as last time",
    "'within 2 working days' you said. and the fortnight before that",
    "yeah right, 'tomorrow morning'",
]


@pytest.mark.parametrize("text", PROMISE_BACK)
def test_a_promise_quoted_back_is_sarcasm_and_still_not(text: str) -> None:
    kinds = cue_kinds(text)
    assert {"sarcasm", "still_not"} <= kinds


def test_a_promise_reported_with_its_recurrence_is_still_not() -> None:
    assert "still_not" in cue_kinds(
        "they promised it would be fixed by monday, just like last month"
    )


def test_a_promise_quoted_calmly_is_neither() -> None:
    kinds = cue_kinds("the letter says 'within 5 working days', when does that start?")
    assert not {"sarcasm", "still_not"} & kinds


def test_a_promise_mocked_then_still_no_money_reaches_a_person(router: Router) -> None:
    messages = [
        ("oh sure, 'it'll clear overnight', like every other time", "out_of_scope", 0.9),
        ("still nothing in my account", "deny", 0.8),
    ]
    lane, turn = _route(router, messages)
    assert lane == "general_banking"
    assert turn is not None
    assert turn <= 2


# ------------------------------------------------------------------ 3. thanks beside a harm


def test_mock_thanks_beside_a_harm_presses_the_complaint(router: Router) -> None:
    messages = [
        ("ta for cancelling my card while I'm in Porto, no other way of paying. stellar",
         "apple_pay_or_google_pay", 0.47),
        ("truly appreciate being stuck at the airport", "thank_you", 0.62),
    ]  # fmt: skip
    assert "harm_told" in cue_kinds(messages[0][0])
    assert "sarcasm" in cue_kinds(messages[1][0])
    lane, turn = _route(router, messages)
    assert lane == "general_banking"
    assert turn == 2


@pytest.mark.parametrize("thanks", ["ok cheers", "thanks", "ok thank you"])
def test_plain_thanks_after_sarcasm_beside_a_harm_still_ends_it(
    router: Router, thanks: str
) -> None:
    messages = [
        ("ta for cancelling my card while I'm in Porto, no other way of paying. stellar",
         "apple_pay_or_google_pay", 0.47),
        (thanks, "thank_you", 0.9),
    ]  # fmt: skip
    assert _route(router, messages) == ("bot", None)


def test_sincere_thanks_after_a_fix_stays_with_the_bot(router: Router) -> None:
    messages = [
        ("my card got declined at the shop, what's going on?", "declined_card_payment", 0.8),
        ("amazing, thanks, that worked", "thank_you", 0.9),
    ]
    assert _route(router, messages) == ("bot", None)


# ------------------------------------------------------------------ 4. complaints by structure

OWN_FAULTS = [
    "about one of your advisers, he hung up on me twice",
    "the cashier at your Croydon branch was incredibly condescending to my gran",
    "you wrongly charged me an overdraft fee last month",
    "there's an unfair late payment charge on my statement",
    "it was your mistake, not mine",
    "you've made another error with our mortgage statement",
]


@pytest.mark.parametrize("text", OWN_FAULTS)
def test_the_banks_own_fault_is_read(text: str) -> None:
    assert "own_fault" in cue_kinds(text)


NOT_OWN_FAULTS = [
    "the staff at the garage were rude",
    "my neighbour was so rude to me",
    "the fee was £5, is that right?",
]


@pytest.mark.parametrize("text", NOT_OWN_FAULTS)
def test_someone_elses_fault_is_not_the_banks(text: str) -> None:
    assert "own_fault" not in cue_kinds(text)


@pytest.mark.parametrize("question", ["how do i complain", "who do I complain to?"])
@pytest.mark.parametrize("fault", OWN_FAULTS[:3])
def test_how_to_complain_then_the_banks_fault_is_a_complaint(
    router: Router, question: str, fault: str
) -> None:
    messages = [(question, "complain", 0.9), (fault, "out_of_scope", 0.5)]
    lane, turn = _route(router, messages)
    assert lane == "complaints"
    assert turn is not None
    assert turn <= 2


def test_how_to_complain_about_a_shop_then_its_staff_stays_with_the_bot(router: Router) -> None:
    messages = [
        ("how can I complain about a restaurant", "complain", 0.9),
        ("the staff there were really rude", "out_of_scope", 0.5),
    ]
    assert _route(router, messages) == ("bot", None)


def test_a_calm_fee_question_without_a_complaint_question_stays_with_the_bot(
    router: Router,
) -> None:
    messages = [("what's the fee for paying abroad?", "card_payment_fee_charged", 0.8)]
    assert _route(router, messages) == ("bot", None)
