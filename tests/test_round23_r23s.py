"""Round 23 of issue 11 (helper r23s), principles 2 and 5: fraud by role, not by lure list.

A COUNTERPARTY (the LURE bit of handoff.signals.spread) is anyone who contacted the customer
or whom they found, over any channel: counterparty + a step taken for them + a discovery over
the window is a scam; a code, remote access or the account given to a counterparty, and payee
details changed by message before a payment, are fraud at once. Discoveries widen to any
demand for more, a blocked withdrawal, an overpayment to send back, fake goods, being turned
away; forms take any article or none and contractions. Calm questions stay with the bot.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.signals import spread
from tests.conftest import route_fallbacks

_NOW = datetime(2026, 12, 5, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


FRAUD = [
    # an investment contact on an app, money in, more demanded, no withdrawal
    (
        [
            "a trader messaged me on Instagram about crypto",
            "I invested £2,000 through his platform",
            "now the platform demands a further payment and I can't withdraw",
        ],
        3,
    ),
    # a seller found on a platform, no article, contraction in the discovery
    (
        [
            "bought a bike from a seller on Vinted",
            "I paid for it by bank transfer, £340",
            "the listing's been deleted and seller blocked me",
        ],
        3,
    ),
    # tickets from a reseller, fake, turned away
    (
        [
            "got festival tickets off a reseller on TikTok",
            "paid for tickets, 180 quid",
            "they were counterfeit, we got turned away at the gate",
        ],
        3,
    ),
    # a quoted body posing, a code given at once
    (["had a call from 'Santander fraud' and I read him out the one time passcode"], 1),
    # remote access installed by them
    (["a 'BT' engineer rang and he set up something on my PC to fix the wifi"], 1),
    # a mule: the account lent
    (["a lad on Snapchat said I'd make £300 for letting him use my bank account"], 1),
    # payee details changed by message before a large payment
    (["the builder emailed saying his account details have changed, I owe him £9k"], 1),
    # a private seller with no platform named, a demand for more
    (
        [
            "I put down £300 on a kitten",
            "the breeder's now asking for an extra £250 for shipping",
        ],
        2,
    ),
    # a quoted body asking for a code, no loss yet
    (
        [
            "I got a phone call from 'Barclays security' about my card",
            "the caller wants me to tell him the code they just texted",
        ],
        2,
    ),
    # urging anywhere in the message
    (
        [
            "a guy from an online forum contacted me about a car",
            "I was about to pay him, he wants it paid today, he says it's fine",
        ],
        2,
    ),
]


@pytest.mark.parametrize(("messages", "by_turn"), FRAUD)
def test_fraud_story_by_role_reaches_the_fraud_team(
    router: Router, messages: list[str], by_turn: int
) -> None:
    lane, turn = route_fallbacks(router, _NOW, *messages)
    assert lane == "fraud", (lane, turn)
    assert turn is not None
    assert turn <= by_turn


CALM = [
    ["can I withdraw from my ISA early?"],
    ["my solicitor emailed the completion statement, when do I pay?"],
    ["I installed your app, how do I log in?"],
    ["the shop overpaid my refund, do I need to tell them?"],
    ["is investing on an app safe? I haven't put money in"],
    ["I sold a sofa on Facebook Marketplace", "the buyer paid, when will it show?"],
    ["my son wants another card for his travel", "how long does it take?"],
    ["I changed my bank details for my salary, does my employer need to know?"],
    ["the app asked me to enter the code you sent, is that right?"],
    ["I'm a seller on eBay", "a buyer paid me, when does it clear?"],
]


@pytest.mark.parametrize("messages", CALM)
def test_calm_stays_with_the_bot(router: Router, messages: list[str]) -> None:
    assert route_fallbacks(router, _NOW, *messages) == ("bot", None)


def test_parts_by_role() -> None:
    assert spread.parts("a broker called me last week")[0] & spread.LURE
    assert spread.parts("found a puppy on Gumtree")[0] & spread.LURE
    assert spread.parts("seller now wants another £200")[0] & spread.DISCOVERY
    assert spread.parts("the ad's been taken down")[0] & spread.DISCOVERY
    assert spread.parts("they overpaid by accident and I sent the difference back")[0] & (
        spread.DISCOVERY
    )
    assert spread.parts("I gave her the secret number")[0] & spread.CRED_STEP
    # asked, not told: no discovery
    assert not spread.parts("can I withdraw from my ISA early?")[0] & spread.DISCOVERY
