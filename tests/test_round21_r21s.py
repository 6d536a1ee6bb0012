"""Round 21 of issue 11 (helper r21s), principle 3: fraud stories by their shape over messages.

A fraud story is an impostor or lure (a message or site that looked like someone else's, a
parcel or delivery fee, a caller "from" a utility or tech firm, a relative's number asking
for money, a landlord or seller found only online, a partner never met), a step the customer
took (paid, sent, typed in, logged in, clicked, installed) and a loss or a discovery (the
other party unknown, the balance near nothing, a payment to a stranger, the relative's account
hacked, the advert gone), in any order, in one message or spread over several
(handoff.signals.spread). A credentials step in the lure's own clause ("got me to log into my
banking") is fraud at once; a log-in changed by someone else is fraud alone. Distress (really
struggling, can't cope, crying all the time) with the bills out of reach or a new baby is
vulnerability. Questions, a lure with no step, a payment with no lure stay with the bot.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.signals import spread
from tests.conftest import play_carried, route_fallbacks

_NOW = datetime(2026, 12, 5, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


# (messages, the turn by which the fraud lane must be reached)
FRAUD = [
    # one message: the lure and a credentials step in its clause
    (
        [
            "I had an email that looked just like one of yours, signed in on it and then put "
            "in the code you sent"
        ],
        1,
    ),
    (
        [
            "a guy from Virgin Media rang saying we were owed compensation and got me to log in "
            "to my banking app"
        ],
        1,
    ),
    (["someone has changed my email address on the app and I can't get in"], 1),
    (["my password was changed but I didn't do it"], 1),
    (["a hacker must have reset my security details, none of them work"], 1),
    # two messages: lure and step, then the discovery
    (
        [
            "I sent a holding deposit of £800 for a room to a landlord I saw on Facebook",
            "went to look at it and the tenants there had never heard of the guy",
        ],
        2,
    ),
    (
        [
            "had a text about an undelivered package and paid the 2.99 fee",
            "today there are two payments to some random website I never used",
        ],
        2,
    ),
    (
        [
            "a woman claiming to be from my broadband provider rang about a refund",
            "she had me log in and now £1,500 was moved from my savings into current and out",
        ],
        2,
    ),
    # three messages, the parts in different orders
    (
        [
            "my sister messaged from a new number asking if I could lend her £300 for a bill",
            "so I sent it",
            "she's just rung me, her phone was cloned",
        ],
        3,
    ),
    (
        [
            "the seller's profile has been deleted",
            "I found the puppy on Facebook",
            "I paid him £400 deposit",
        ],
        3,
    ),
    (
        [
            "we've never met but he says he loves me",
            "I sent him £2000 for his visa",
            "now he's blocked me",
        ],
        3,
    ),
    (
        [
            "my balance is now £6",
            "there was a text that seemed totally real about a customs charge",
            "and I paid it",
        ],
        3,
    ),
]


@pytest.mark.parametrize(("messages", "by_turn"), FRAUD)
def test_fraud_story_reaches_the_fraud_team(
    router: Router, messages: list[str], by_turn: int
) -> None:
    lane, turn = route_fallbacks(router, _NOW, *messages)
    assert lane == "fraud", (lane, turn)
    assert turn is not None
    assert turn <= by_turn


CALM = [
    ["how do I spot a fake delivery text?"],
    ["I paid the rental deposit, when do I get the receipt?"],
    ["I changed my password, how do I update face id?"],
    # a scam attempt with no step and no loss: the bot's scam advice, not the fraud team
    ["my brother's WhatsApp asked me for money, is that a scam? I didn't send anything"],
    ["a man saying he was from BT called, he asked me to log in but I hung up"],
    ["a text that looked like it was from you, so I logged into my app to check and all was fine"],
    ["I got an email from you and logged in to check my statement"],
    ["I paid for a parcel redelivery last week, can I get a refund from Royal Mail?"],
    ["I paid the council tax", "now my balance is £12, when is payday?"],
    ["my balance is now £3", "I paid the rent and gas"],
    ["what happens if someone changes my password?"],
    ["the bank reset my pin when I called"],
    ["someone changed the password on my son's account, what should he do?"],
    ["I'm struggling to log in to the app"],
    ["I'm really struggling with the app since the update"],
    ["we had a new baby last month, can I add her as a beneficiary?"],
    ["we found a flat on Rightmove and paid the holding deposit", "when will it show?"],
]


@pytest.mark.parametrize("messages", CALM)
def test_calm_stays_with_the_bot(router: Router, messages: list[str]) -> None:
    assert route_fallbacks(router, _NOW, *messages) == ("bot", None)


VULNERABLE = [
    [
        "I'm really struggling since the baby was born, can't keep on top of the bills and I "
        "cry every day"
    ],
    ["I'm behind on the rent", "I've been crying all the time"],
    [
        "app's fine now thanks",
        "honestly I can't cope, since having the twins we're behind on the bills",
    ],
]


@pytest.mark.parametrize("messages", VULNERABLE)
def test_distress_is_vulnerability(router: Router, messages: list[str]) -> None:
    lane, _ = route_fallbacks(router, _NOW, *messages)
    assert lane == "vulnerable_customers"


def test_parts_are_read_in_their_role() -> None:
    lure, _ = spread.parts("a text that looked exactly like the bank's")
    assert lure == spread.LURE
    takeover, _ = spread.parts("somebody has switched the phone number on my account")
    assert takeover & spread.TAKEOVER
    # a question tells no part
    assert spread.parts("how do I spot a fake delivery text?", ("howto",))[0] == 0
    # a discovery in a question is no report
    assert not spread.parts("is that a scam?")[0] & spread.DISCOVERY


def test_story_carried_over_turns_matches_the_whole(router: Router) -> None:
    states = play_carried(
        router,
        [
            "got a message from my nephew's number asking for £150 urgently",
            "I transferred it this morning",
            "his whatsapp had been hacked apparently",
        ],
        _NOW,
    )
    assert states[-1].lane == "fraud"
