"""Round 24 (r24c): false escalations of calm conversations, fixed in the reading.

Every case is a fresh sentence of the concept (none is a set's conversation), with
must-not-match cases beside it:

1. a joke taken back ("kidding.", "I was only messing", "es broma", "je plaisante"): jest;
2. a step refused in a clause of its own, or entry refused at the door: no harm;
3. a question about the dates or balance of a payment plan already in place: no request
   to arrange repayments (collections_arrangement);
4. a past incident put right by an insurer paying out or the bank reimbursing: not current;
5. mood_sliding yields to a chat framed calm from its opening, unless displeasure is told;
6. a message that is only a courtesy (thanks, ok) in a language the NLU does not read is
   no failed exchange (bot_keeps_failing).
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.models.conversation import Conversation
from handoff.signals.extract import only_courtesy
from tests.conftest import cue_kinds, play_carried, route_fallbacks, route_parsed

_NOW = datetime(2026, 12, 5, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


# 1. a joke taken back
@pytest.mark.parametrize(
    "text",
    [
        "kidding. where's the savings pots button now",
        "Joking, how do I order a new card",
        "I was only messing about, what's the rate on the ISA",
        "nah just teasing. anyway can I change my address",
        "that was just a joke, how do I freeze my card",
        "es broma, ¿cómo cambio mi PIN?",
        "je plaisante, comment changer mon adresse",
        "war nur Spaß, wie ändere ich meine PIN",
        "żartuję, jak zmienić PIN",
        "sto scherzando, come cambio il PIN",
        "só brincadeira, como mudo o PIN",
        "glumesc, cum schimb PIN-ul",
        "şaka yapıyorum, PIN nasıl değişir",
        "mazak kar raha tha, PIN kaise badlu",
    ],
)
def test_joke_taken_back_is_jest(text: str) -> None:
    assert "joking" in cue_kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "are you kidding me",
        "you're joking right",
        "I'm not joking, this is serious",
        "this is a joke",
        "esto es una broma",
        "questo è uno scherzo",
        "isso é uma brincadeira",
        "je ne plaisante pas",
        "nie żartuję",
        "ich scherze nicht",
        "kidding me?? blocked again",
    ],
)
def test_no_joke_taken_back(text: str) -> None:
    assert "joking" not in cue_kinds(text), text


def test_threat_to_leave_taken_back_stays_with_the_bot(router: Router) -> None:
    lane, _ = route_parsed(
        router,
        [
            (
                "if the new card design stays this ugly I'm moving to another bank 😂",
                "out_of_scope",
                0.8,
            ),
            ("only kidding. how do I set a spending limit", "out_of_scope", 0.8),
        ],
        _NOW,
    )
    assert lane == "bot"


# 2. a step refused
@pytest.mark.parametrize(
    "text",
    [
        "I didn't open the door to him and didn't hand over anything",
        "she said no and sent them nothing",
        "we shut the door, gave him nothing",
        "I told them nothing and hung up",
        "my dad wouldn't let them into the house",
        "I never let her in",
    ],
)
def test_step_refused_is_no_harm(text: str) -> None:
    assert "no_harm" in cue_kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "you sent nothing",
        "the bank sent nothing",
        "they gave me nothing but excuses",
        "I didn't let him in and didn't give him anything, then he rang again",
    ],
)
def test_no_step_refused(text: str) -> None:
    assert "no_harm" not in cue_kinds(text), text


def test_doorstep_caller_refused_stays_with_the_bot(router: Router) -> None:
    lane, _ = route_parsed(
        router,
        [
            ("a woman knocked claiming to be from the gas board", "out_of_scope", 0.6),
            ("we wouldn't let her in and gave her nothing", "out_of_scope", 0.6),
            ("can you flag my account just in case?", "out_of_scope", 0.6),
        ],
        _NOW,
    )
    assert lane == "bot"


def test_doorstep_caller_with_a_loss_still_escalates(router: Router) -> None:
    lane, _ = route_fallbacks(
        router,
        _NOW,
        "a man came to the door saying he was from the bank",
        "I gave him my card and PIN and now £400 has gone",
    )
    assert lane != "bot"


# 3. a plan's schedule asked
@pytest.mark.parametrize(
    "text",
    [
        "what date does my repayment plan payment come out?",
        "how many instalments are left on my payment arrangement",
        "when is the next payment on my payment plan taken",
        "how much is left to pay on our repayment plan?",
        "when does my payment arrangement end",
    ],
)
def test_plan_schedule_question_is_no_repayment_request(text: str) -> None:
    assert "repayment" not in cue_kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "can we set up a payment plan? I can do £50 a month",
        "when can I set up a payment plan",
        "I can't make my next payment plan instalment, when is it due",
        "how do I change my payment plan",
        "can I have a payment holiday",
    ],
)
def test_repayment_request_still_read(text: str) -> None:
    assert "repayment" in cue_kinds(text), text


def _collections(router: Router, text: str) -> str:
    conversation = Conversation.model_validate(
        {
            "turns": [
                {
                    "role": "user",
                    "text": text,
                    "intent": {"name": "out_of_scope", "confidence": 0.6},
                }
            ],
            "account": {"tier": "standard", "risk_flags": ["collections"]},
        }
    )
    return router.route(conversation, now=_NOW).lane


def test_collections_schedule_question_stays_with_the_bot(router: Router) -> None:
    assert _collections(router, "what day does my payment plan instalment go out?") == "bot"
    assert _collections(router, "can we set up a payment plan, I can do £40 a month") != "bot"


# 4. a past incident put right
@pytest.mark.parametrize(
    "text",
    [
        "my card was cloned last year, the bank reimbursed me",
        "back in 2018 my bike was nicked, insurer paid out in full",
        "our account was hacked in 2020, we were compensated",
    ],
)
def test_incident_paid_out_is_not_current(text: str) -> None:
    assert "not_current" in cue_kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "my card was stolen in 2019 and never reimbursed",
        "my card was stolen again today, last year you reimbursed me",
    ],
)
def test_incident_not_put_right_or_again_is_current(text: str) -> None:
    assert "not_current" not in cue_kinds(text), text


# 5. mood_sliding in a calm frame
def test_calm_framed_story_does_not_slide(router: Router) -> None:
    states = play_carried(
        router,
        [
            "my grandad keeps getting texts from people pretending to be his bank",
            "he deletes them, never replies",
            "is there any way to block those numbers",
        ],
        _NOW,
    )
    assert states[-1].rule is None or states[-1].rule != "mood_sliding"


def test_calm_frame_with_displeasure_told_still_escalates(router: Router) -> None:
    lane, _ = route_fallbacks(
        router,
        _NOW,
        "how do I spot a fake text from you",
        "you're not understanding me",
        "I've asked this three times now, useless",
    )
    assert lane == "general_banking"


# 6. courtesy in a language the NLU does not read
@pytest.mark.parametrize(
    "text",
    [
        "ਠੀਕ ਹੈ ਧੰਨਵਾਦ",
        "ok dziękuję!",
        "vale, gracias",
        "merci beaucoup",
        "tamam teşekkürler",
        "theek hai shukriya",
        "धन्यवाद जी 🙏",
        "شكرا جزيلا",
        "danke schön",
    ],
)
def test_only_courtesy(text: str) -> None:
    assert only_courtesy(text), text


@pytest.mark.parametrize(
    "text",
    [
        "thanks for nothing",
        "ok but where is my money",
        "ok",
        "gracias por nada",
        "no thanks",
        "ok thanks but it still fails",
    ],
)
def test_not_only_courtesy(text: str) -> None:
    assert not only_courtesy(text), text


def test_unread_question_closed_with_thanks_stays_with_the_bot(router: Router) -> None:
    lane, _ = route_fallbacks(
        router,
        _NOW,
        "Dzień dobry, jak mogę zamknąć stare zlecenie stałe?",
        "to do czynszu",
        "ok dziękuję",
    )
    assert lane == "bot"


def test_three_unread_failures_still_escalate(router: Router) -> None:
    lane, _ = route_fallbacks(router, _NOW, "Zwrot. Kiedy.", "Zwrot!", "Gdzie pieniądze")
    assert lane == "general_banking"
