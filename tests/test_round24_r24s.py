"""Round 24 of issue 11 (helper r24s): fraud concepts by role, in every language told.

* a "you are owed" pitch or a parcel said to be waiting, from any sender, and a contact from
  a quoted name are a LURE; card details put into a form, link or page, money moved at
  someone's direction to a new or safe account, and money received into the account to be
  sent on (the money-mule job) are a step taken for the counterparty (CRED_STEP);
* a SIM or number moved off the phone, not by the customer, is a takeover;
* "it wasn't me who spent it" disowns a spend, as does a payment "to an unknown account";
* goods bought from an indefinite site or app ("from an outlet app") are from a counterparty
  found online (LURE);
* other languages (handoff.signals.languages.identity_theft_mule): credit taken out in my
  name by someone else or denied, money received into my account to be sent on, and a
  transfer to an unknown account.

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
    (["bought trainers from an outlet app", "paid £120", "the app has disappeared"], 3),
    (["now I see a transfer of £1,200 to an unknown account"], 1),
    (["£400 just went to some random person's account"], 1),
    (["widzę przelew na nieznany rachunek"], 1),
    (["vedo un bonifico di 500 euro verso un conto sconosciuto"], 1),
    (["je vois un virement de 800 livres vers un compte inconnu"], 1),
    (
        ["an email from 'Royal Mail' about my order", "I filled the form out using my card number"],
        2,
    ),
    (
        [
            "the caller told me I was due compensation",
            "he had us transfer everything into a secure account",
        ],
        2,
    ),
    (
        [
            "our council sent a message saying we are eligible for a rebate",
            "so I keyed my card details into the page",
        ],
        2,
    ),
    (["three payments went from my account", "that wasn't us who spent it"], 2),
    (
        [
            "someone offered me a job online",
            "I have to receive money into my account and send it on",
        ],
        2,
    ),
    (
        [
            "a recruiter on LinkedIn offered us a remote role",
            "they'll pay money into my account and I transfer it back",
        ],
        2,
    ),
    (
        [
            "a woman offered me an investment",
            "I got money into my bank account and had to send it abroad",
        ],
        2,
    ),
    (
        [
            "my mobile lost all signal",
            "a replacement sim was issued yesterday but I never asked for one",
        ],
        2,
    ),
    (["আমার নামে কেউ লোন নিয়েছে"], 1),
    (["quelqu'un a pris un crédit à mon nom"], 1),
    (["ktoś wziął kredyt na moje nazwisko"], 1),
    (["jemand hat einen Kredit auf meinen Namen aufgenommen"], 1),
    (["alguien sacó un préstamo a mi nombre"], 1),
    (["किसी ने मेरे नाम पर लोन लिया है"], 1),
    (["on me demande de recevoir de l'argent sur mon compte et de le renvoyer"], 1),
    (["tengo que recibir dinero en mi cuenta y reenviarlo"], 1),
    (
        [
            "Ciao, mi hanno proposto un lavoro da casa",
            "devo ricevere bonifici sul mio conto e girarli",
        ],
        2,
    ),
]


@pytest.mark.parametrize(("messages", "turn"), FRAUD)
def test_fraud_concepts_reach_the_fraud_team(
    router: Router, messages: list[str], turn: int
) -> None:
    lane, at = route_fallbacks(router, _NOW, *messages)
    assert lane == "fraud"
    assert at is not None
    assert at <= turn


CALM = [
    ["I bought shoes from a website", "how do I dispute a card payment?"],
    ["ordered a dress from an online shop", "it arrived today thanks"],
    ["how do I send money to a new payee?"],
    ["I paid my builder, he's a new payee", "it went through fine"],
    ["the council emailed that I'm owed a refund on council tax, how do I claim it?"],
    ["Amazon emailed that I was owed a refund", "great it arrived, thanks"],
    ["I filled in the form with my card number to pay my bill", "how long does it take?"],
    ["I got a new SIM yesterday and activated it", "how do I set up the app again"],
    ["I ported my number to a new network", "do I need to update my phone number with you?"],
    ["it wasn't me who called you earlier, it was my husband"],
    ["I moved money to my new savings account", "how do I see the interest"],
    ["my employer offered me a job in London", "how do I change my address"],
    ["I receive my wages into my account and then transfer them to savings", "can I automate it"],
    ["my parcel is waiting at the depot", "can I pay with my card in store"],
    ["voglio un prestito a mio nome"],
    ["je voudrais un crédit à mon nom"],
    ["chcę wziąć kredyt na moje nazwisko"],
    ["আমি আমার নামে একটা লোন নিতে চাই"],
]


@pytest.mark.parametrize("messages", CALM)
def test_calm_stays_with_the_bot(router: Router, messages: list[str]) -> None:
    assert route_fallbacks(router, _NOW, *messages) == ("bot", None)


def test_parts_by_role() -> None:
    assert spread.parts("a text said I had won a voucher")[0] & spread.LURE
    assert spread.parts("I typed my bank details into their site")[0] & spread.CRED_STEP
    assert spread.parts("someone ported my number")[0] & spread.TAKEOVER
    assert spread.parts("it was not me that made it")[0] & spread.DISOWNING
    assert not spread.parts("I updated my card details in the app")[0] & spread.CRED_STEP
    assert not spread.parts("I activated my new sim")[0] & spread.TAKEOVER
