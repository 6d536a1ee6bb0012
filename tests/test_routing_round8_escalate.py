"""Issue 11, routing round 8: missed escalations. Each class is covered by phrasings written
for these tests (none copied from any routing set), with decoys that must not fire: the
many ways of asking for a person, vulnerability told without the word, frustration shown by
counting or curtness, threats said as thoughts, in English and in the languages UK customers
write in (see handoff.signals.routing_lexicon for which and why).
"""

from __future__ import annotations

import pytest

from handoff.signals import situations
from tests.test_routing_round3 import _ungated, kinds, route

# ------------------------------------------------------------------ requests for a person

PERSON = [
    "could you transfer me over to one of your advisers",
    "please hand me over to a human",
    "I'd like to be put through to a member of staff",
    "pass me on to someone else please, this isn't working",
    "how do I get hold of someone about my loan",
    "how do I get through to a real person",
    "can I have an adviser contact me tomorrow morning",
    "could someone get back to me about the standing order",
    "is it possible to book an appointment with an adviser at the Leeds branch",
    "can we do a video call with someone about the mortgage",
    "I'd prefer to go over it with one of your team",
    "is there a colleague I could talk it through with",
    "not you, a real person",
    "I need a human, not a bot",
    "what's the number for customer services",
    "can a person have a look at my account please",
    "thats fine but I still want a word with one of you",
    "I want this escalated",
    # other languages
    "mujhe wapis call kar dein",
    "quiero que me llame alguien del banco",
    "ممكن حد يتصل بي بكرة",
    "કોઈ કર્મચારી સાથે વાત કરવી છે",
    "请给我打电话",
    "mujhe phone pe baat karni hai",
    "zadzwoni ktoś do mnie dzisiaj?",
    "mă poate suna cineva mâine?",
    "alguém me pode ligar à tarde?",
    "mi potete chiamare domani?",
    "y a-t-il quelqu'un pour m'aider ?",
    "kya koi mujhe call kar sakta hai aaj",
    "ਮੈਨੂੰ ਵਾਪਸ ਫ਼ੋਨ ਕਰੋ ਜੀ",
    "بدي احكي مع حدا من البنك",
    "我要找客服帮忙",
]
NOT_PERSON = [
    "how do I transfer money to someone in Spain",
    "can I put my son on my account",
    "my manager will call me about my payslip",
    "the adviser I spoke to in branch was lovely",
    "I had an appointment with my GP so missed the call",
    "call me when the card is dispatched",
    "what's the number on the back of my card for",
    "can someone else pay into my account",
    "I don't need to speak to anyone, just checking my balance",
    "can I pass on my card details to the hotel over the phone",
    "c'è qualcuno che ha usato la mia carta",
    "il y a quelqu'un qui a utilisé ma carte",
    "o meu gestor de conta disse que estava tudo bem",
    "ask your team if the branch is open on Sunday",
]


@pytest.mark.parametrize("text", PERSON)
def test_a_request_for_a_person_in_other_words(text: str) -> None:
    assert "human_demand" in kinds(text)


@pytest.mark.parametrize("text", NOT_PERSON)
def test_talk_of_people_is_not_a_request(text: str) -> None:
    assert "human_demand" not in kinds(text)


# ------------------------------------------------------------------ vulnerability

VULNERABLE = [
    "my nan passed on Sunday and her pension is still coming in",
    "we lost dad at Christmas and I'm sorting out his things",
    "I'm the executor for my aunt's estate",
    "the consultant says I won't be around for much longer",
    "my husband's in a hospice and it's days now",
    "I start radiotherapy next week and won't be working",
    "I've been feeling really low and I'm not opening my post",
    "I can't sleep for worrying about the overdraft",
    "I'm scared of my partner and he has my cards",
    "nothing left after the rent, and the kids need school shoes",
    "I've put all my wages into online slots again",
    "dad's getting really confused and keeps paying the same bill",
    "going through a divorce and need my own account",
    "I've not eaten properly since Tuesday",
    "typing for my grandad, he can't use the phone",
    "mi padre tiene alzhéimer y necesito ayuda",
    "mama ma demencję i nie pamięta PIN-u",
    "meu marido está a fazer quimioterapia",
]
NOT_VULNERABLE = [
    "my son passed his driving test, can I add him to the car insurance payment",
    "I lost my son's bus pass, can I still get a refund",
    "my phone died halfway through the transfer",
    "the balance is really low this month, when is interest paid",
    "I'm down to my last cheque in the book, how do I order more",
    "can I set up a standing order for after I'm gone on holiday for two weeks",
    "is my operation cover included in the packaged account",
    "I'm done with the app update, it looks great",
]


@pytest.mark.parametrize("text", VULNERABLE)
def test_vulnerability_told_without_the_word(text: str) -> None:
    assert "vulnerability" in kinds(text)


@pytest.mark.parametrize("text", NOT_VULNERABLE)
def test_look_alikes_are_not_vulnerability(text: str) -> None:
    assert "vulnerability" not in kinds(text)


# ------------------------------------------------------------------ frustration, no trigger words

FRUSTRATION = [
    ("repeated_asking", "I've already tried all of that"),
    ("repeated_asking", "done that already, next"),
    ("repeated_asking", "tried it, still doesn't work"),
    ("repeated_asking", "you've sent me the same list again"),
    ("repeated_asking", "I've filled in the form 4 times"),
    ("repeated_asking", "this is the second week of asking"),
    ("repeated_asking", "third month running you've charged me this"),
    ("repeated_asking", "I've rephrased this three times"),
    ("still_not", "10 days and still no refund"),
    ("long_wait", "been sitting on this chat for 45 mins"),
    ("sarcasm", "oh yes, the famous 'it'll be there in 2 hours'"),
    ("sarcasm", "no rush, it's not like my rent is due"),
    ("sarcasm", "why didn't I think of that"),
    ("no_help", "ok so what am I supposed to do, just wait forever?"),
    ("still_not", "Nadal nic nie przyszło"),
    ("still_not", "sigue sin llegar el dinero"),
    ("still_not", "toujours rien sur mon compte"),
    ("repeated_asking", "ya van tres meses con lo mismo"),
]
NOT_FRUSTRATION = [
    ("repeated_asking", "I already did that and it worked, thanks"),
    ("repeated_asking", "I've paid it in 3 times this year, is there a limit"),
    ("repeated_asking", "can I pay it in a row of instalments"),
    ("sarcasm", "no rush at all, whenever suits"),
    ("long_wait", "I'm sat here at the cafe, can I pay by phone"),
    ("still_not", "two weeks and I'll be on holiday, do cards work in Spain"),
]


@pytest.mark.parametrize(("kind", "text"), FRUSTRATION)
def test_frustration_by_counting_or_irony(kind: str, text: str) -> None:
    assert kind in kinds(text)


@pytest.mark.parametrize(("kind", "text"), NOT_FRUSTRATION)
def test_calm_counts_are_not_frustration(kind: str, text: str) -> None:
    assert kind not in kinds(text)


# ------------------------------------------------------------------ threats and complaints

THREATS = [
    ("churn_threat", "honestly thinking about switching banks after this"),
    ("churn_threat", "you've just lost a customer"),
    ("churn_threat", "never banking with you again"),
    ("churn_threat", "I'm done with you lot"),
    ("public_threat", "the local paper would love to hear about this"),
    ("public_threat", "my followers would be very interested to know how you treat people"),
    ("complaint", "I'd like to make a formal complaint"),
    ("complaint", "I'll be complaining about this"),
    ("churn_threat", "رح سكر حسابي إذا ما انحلت"),
]
NOT_THREATS = [
    ("churn_threat", "I'll leave it there for today"),
    ("churn_threat", "I'll leave that as it is"),
    ("public_threat", "I'd love to know how you work out the interest"),
    ("complaint", "not complaining, just curious how long ISA transfers take"),
    ("churn_threat", "thinking about switching my savings to the fixed rate"),
]


@pytest.mark.parametrize(("kind", "text"), THREATS)
def test_threats_said_as_thoughts_or_verdicts(kind: str, text: str) -> None:
    assert kind in kinds(text)


@pytest.mark.parametrize(("kind", "text"), NOT_THREATS)
def test_calm_look_alikes_are_not_threats(kind: str, text: str) -> None:
    assert kind not in kinds(text)


# ------------------------------------------------------------------ gating and routing


@pytest.mark.parametrize(
    "text",
    [*PERSON, *NOT_PERSON, *VULNERABLE, *NOT_VULNERABLE]
    + [t for _, t in (*FRUSTRATION, *NOT_FRUSTRATION, *THREATS, *NOT_THREATS)],
)
def test_anchor_gating_never_changes_a_result(text: str) -> None:
    assert situations.situation_cues(text) == _ungated(text)


def test_a_shouted_burst_in_another_language_is_anger_at_once() -> None:
    assert route("¡¡¡NADIE ME CONTESTA DESDE HACE UNA SEMANA!!!") == (
        "general_banking",
        1,
        "intense_anger",
    )


def test_shouted_good_news_with_a_burst_stays_with_the_bot() -> None:
    assert route("WE GOT THE KEYS!!! how do I change my address") == ("bot", None, None)


def test_being_passed_on_reaches_an_adviser() -> None:
    assert route("can you pass me on to someone who can actually help") == (
        "general_banking",
        1,
        "asked_for_human",
    )


def test_a_death_told_without_the_word_reaches_the_specialist_team() -> None:
    lane, turn, rule = route("hi", "we lost mum last week and her direct debits are still going")
    assert (lane, turn, rule) == ("vulnerable_customers", 2, "vulnerable_customer")


def test_a_death_years_ago_told_beside_a_routine_question_stays_with_the_bot() -> None:
    assert route(
        "since my husband passed away a few years ago I've kept his name on the account, can I "
        "take it off?"
    ) == ("bot", None, None)
