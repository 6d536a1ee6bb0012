"""Round 23 of issue 11 (helper r23p), principles 4 and 7.

1. A LOSS (money gone, payments or charges on the customer's card or account, by any agent
   or none, told or asked about) with a DISOWNING (not me, never, by habit, by place or
   presence, the card still with the customer) or a THEFT (a card, phone, bag or wallet lost
   or stolen) anywhere in the last four messages, in any order, is a fraud report. A payment
   asked about and then recognised stays with the bot; a third party's loss disowned is not
   the customer's fraud; what is left ("£6 left until payday") is no loss.
2. VULNERABILITY BY CONCEPT: hardship as numbers and dependants (a tiny sum until payday with
   children or the meter on emergency credit), indirect suicidal intent, anxiety about a way
   of contact, a whole income lost again; not a will planned, an overdraft no longer needed
   after a new job, anxiety about rates.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.models.conversation import CARRY_FORMAT
from handoff.signals import spread
from tests.conftest import play_carried, route_fallbacks

_NOW = datetime(2026, 12, 5, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


FRAUD_OVER_MESSAGES = [
    # a loss, then a disowning by activity, habit, place or plain denial
    ["four payments went to a betting website overnight", "I have never placed a bet, ever"],
    ["there are 2 charges of £75 from a gaming site", "we don't gamble at all"],
    ["what's this £212 payment to ZENTRAVO LTD?", "I don't shop there, never heard of them"],
    ["£160 has gone out of my current account", "it wasn't me"],
    ["someone has spent £90 on my card at a hardware store", "I was at work all day"],
    ["a £48 charge showed up on my statement", "the card is still in my wallet"],
    # a disowning, then the loss
    ["I haven't used my card since Sunday", "but now there are three payments on my account"],
    # a theft or a loss of the card, then an impersonal loss, and the other order
    ["my purse was snatched in town this morning", "£230 spent at a supermarket since"],
    ["I lost my wallet on the train", "now someone has paid with my card twice"],
    ["£75 went out at a pub in Leeds", "my phone got stolen last night with the card in it"],
    # a log-in from elsewhere, then the customer's presence
    ["there was a login from Romania on my app", "but I'm in Bristol, I haven't left the UK"],
]

CALM_OVER_MESSAGES = [
    # a payment asked about, then recognised
    ["what's this £30 payment to FLEXIFIT?", "oh it's my gym membership, sorry"],
    # a third party's loss disowned
    ["my sister's account had £200 taken from it", "she says she never bought anything there"],
    # what is left, not a loss, beside a habit
    ["I have £6 left in my account", "I don't shop online much, how do I pay a bill?"],
    # the customer's own payment, then where they are
    ["I paid with my card at a cafe", "I'm in Spain this week, does it work abroad?"],
    # a card swallowed by a machine is no theft
    ["my card was taken by the machine", "£20 came out of my account anyway, how do I get it?"],
    ["how do I report a lost card?", "what happens to payments after that?"],
    # a bank fee disowned is a dispute, not fraud
    ["why was I charged £12 this month", "I never agreed to an overdraft"],
]


@pytest.mark.parametrize("messages", FRAUD_OVER_MESSAGES)
def test_loss_with_disowning_or_theft_reaches_fraud(router: Router, messages: list[str]) -> None:
    lane, at = route_fallbacks(router, _NOW, *messages)
    assert lane == "fraud", (messages, lane, at)


@pytest.mark.parametrize("messages", CALM_OVER_MESSAGES)
def test_calm_payment_stories_stay_out_of_fraud(router: Router, messages: list[str]) -> None:
    lane, _ = route_fallbacks(router, _NOW, *messages)
    assert lane != "fraud", (messages, lane)


def test_parts_in_their_role() -> None:
    loss = spread.parts("£55 has gone from my account")[0]
    assert loss & spread.LOSS
    assert not loss & (spread.DISOWNING | spread.THEFT)
    assert spread.parts("I never gamble online")[0] & spread.DISOWNING
    assert spread.parts("my rucksack was nicked at the station")[0] & spread.THEFT
    assert not spread.parts("I have £6 left until payday")[0] & spread.LOSS
    assert not spread.parts("I paid with my card at the shop")[0] & spread.LOSS
    assert not spread.parts("I'm in credit and in a hurry")[0] & spread.DISOWNING
    # a question about it or someone else's story tells no part
    assert spread.parts("how do I report a payment I didn't make?", ["howto"])[0] == 0
    joined = spread.joined([spread.LOSS], spread.parts("I never gamble online"))
    assert ("fraud_report", 0, 21) in joined
    assert spread.joined([spread.LOSS, 0, 0, 0], spread.parts("I never gamble online")) == []


def test_carried_parts_decide_as_the_full_recompute(router: Router) -> None:
    """The new bits are carried (format 5, 24-bit bound) and the carried decision equals the
    whole conversation's at every turn (play_carried asserts it)."""
    for messages in FRAUD_OVER_MESSAGES + CALM_OVER_MESSAGES:
        for state in play_carried(router, messages, _NOW):
            assert state.carry is not None
            assert state.carry.v == CARRY_FORMAT == 5
            assert all(0 <= p < 2**24 for p in state.carry.parts or ())


VULNERABLE = [
    # hardship as numbers with dependants or essentials at stake
    ["I've got £5 to last me till payday and three kids to feed"],
    ["down to my last £3 and the gas meter is on emergency credit"],
    [
        "my transfer still hasn't arrived",
        "I have £2 until my wages come in and the electric has run out",
    ],
    # indirect suicidal intent
    ["please close every account I have, so there's nothing for my family to deal with later"],
    ["I won't be needing these cards for much longer"],
    ["I'm putting my affairs in order"],
    ["who gets the savings after I'm gone?"],
    # anxiety about a way of contact
    ["I get really anxious on phone calls, can we keep to chat?"],
    ["phone calls make me so anxious, I can't ring you"],
    # a whole income lost again, a gambling context told before
    ["can you block gambling sites on my card?", "I've lost all my wages again"],
]
NOT_VULNERABLE = [
    ["I'm putting my affairs in order for the new year, how do I make a will?"],
    ["I won't be needing the overdraft anymore, got a new job"],
    ["I'm anxious about rates going up, should I fix my mortgage?"],
    ["I have £600 left until payday, which savings account suits me?"],
    ["after I'm gone on holiday will my direct debits still go out?"],
]


@pytest.mark.parametrize("messages", VULNERABLE)
def test_vulnerability_by_concept(router: Router, messages: list[str]) -> None:
    lane, at = route_fallbacks(router, _NOW, *messages)
    assert lane == "vulnerable_customers", (messages, lane, at)


@pytest.mark.parametrize("messages", NOT_VULNERABLE)
def test_not_vulnerable(router: Router, messages: list[str]) -> None:
    lane, _ = route_fallbacks(router, _NOW, *messages)
    assert lane != "vulnerable_customers", (messages, lane)
