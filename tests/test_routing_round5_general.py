"""Issue 11, routing round 5, general_banking lane in English: phrasings written for these
tests (none copied from the routing sets), each with decoys that must not fire: requests for
a person in other words, sarcasm about a useless answer, a press threat, counting attempts,
and the shapes that cancel (a slip owned, a joke, "got it", "I'll try again later")."""

from __future__ import annotations

import pytest

from tests.test_routing_round3 import kinds, route

POSITIVES = [
    ("human_demand", "hello?? is anybody actually there"),
    ("human_demand", "Is someone really reading these? I need help with a mortgage payment"),
    ("human_demand", "are you a bot? like a real person?"),
    ("human_demand", "could I go through this with one of your advisers instead"),
    ("human_demand", "can we sort this with a member of your team by phone"),
    ("human_demand", "I'd rather speak to a colleague of yours"),
    ("public_threat", "I'm emailing the local news about this tomorrow"),
    ("public_threat", "going to write to Money Saving Expert about how you treat people"),
    ("sarcasm", "wow so helpful, I asked about my overdraft and you gave me the branch hours"),
    ("sarcasm", "really useful, now I know how to order a cheque book. great"),
    ("sarcasm", "my 'fast' payment took a week. Very fast indeed"),
    ("sarcasm", "loving how my card still doesn't work abroad"),
    ("sarcasm", "oh you're a legend, another link"),
    ("not_understood", "my original question was about my pension transfer"),
    ("not_understood", "I asked you why I was charged and you told me how to pay a bill"),
    ("no_help", "ok so what am I supposed to do now?"),
    ("no_help", "right, then what are we meant to do"),
    ("repeated_asking", "I've tried four different shops and it's declined everywhere"),
    ("repeated_asking", "didn't work at 2 separate cash machines"),
    ("repeated_asking", "this is the second week I've been chasing this refund"),
    ("repeated_asking", "I've sent this twice now"),
    ("deadline", "the landlord says he'll charge me a late fee"),
    ("deadline", "I'm going to get charged a late payment fee if this doesn't go today"),
    ("resolved", "ah, it's because the payee name has a middle name. got it"),
    ("resolved", "oh that's embarrassing, wrong card"),
    ("resolved", "oops I left the card frozen 🤦"),
    ("resolved", "ok I'll have a think and come back"),
    ("resolved", "I'll try again later when I'm home"),
    ("resolved", "restarted my phone and it works now"),
    ("joking", "I'll move to Monzo if you don't bring back the old logo lol"),
    ("joking", "jk, how do I set a savings goal"),
]


@pytest.mark.parametrize(("kind", "text"), POSITIVES)
def test_new_phrasing_is_recognised(kind: str, text: str) -> None:
    assert kind in kinds(text)


NEGATIVES = [
    ("human_demand", "can I do this with my husband's card?"),
    ("human_demand", "can I sort this with someone else's account?"),
    ("human_demand", "I tried to treat my card like a person would"),
    ("public_threat", "I read in the local paper that branches are closing"),
    ("public_threat", "I'll write to the paper statement address, is that right?"),
    ("sarcasm", "ta, you're a star"),
    ("sarcasm", "thanks, you're a legend!"),
    ("sarcasm", "that was so helpful, thank you"),
    ("sarcasm", "I love how the app shows my spending by category"),
    ("not_understood", "my question is about ISAs"),
    ("not_understood", "I asked my bank manager and she said yes"),
    ("no_help", "what am I supposed to do with the old card?"),
    ("no_help", "what am I meant to do to activate it"),
    ("repeated_asking", "can I use it at three different cash machines in one day?"),
    ("repeated_asking", "ok I'll try again after updating the app"),
    ("repeated_asking", "sorry sent twice! ta"),
    ("repeated_asking", "oops, sent that twice"),
    ("deadline", "what's the late fee on the credit card?"),
    ("resolved", "I still haven't got it"),
    ("resolved", "got it?"),
    ("resolved", "oh great, the app crashed again 🤦"),
    ("joking", "I'm not joking, this is the last straw"),
]


@pytest.mark.parametrize(("kind", "text"), NEGATIVES)
def test_decoy_is_not_that_kind(kind: str, text: str) -> None:
    assert kind not in kinds(text)


def test_a_single_shouted_line_waits_for_the_next_message() -> None:
    """A shout with no angry words, followed at once by an apology, stays with the bot."""
    assert route("WHY WON'T IT LET ME PAY", "ah sorry, my fault, wrong PIN. sorted")[0] == "bot"
    assert route("WHY WON'T IT LET ME PAY", "oh how embarrassing, I had the card frozen")[0] == (
        "bot"
    )


def test_a_shout_that_goes_on_reaches_a_person_on_the_next_message() -> None:
    lane, turn, rule = route("WHERE HAS MY SALARY GONE", "IT WAS THERE THIS MORNING")
    assert (lane, turn, rule) == ("general_banking", 2, "intense_anger")


def test_a_shout_with_angry_words_reaches_a_person_at_once() -> None:
    assert route("THIS IS RIDICULOUS, MY CARD IS BLOCKED AGAIN")[1] == 1


def test_the_same_question_shouted_after_asking_twice_reaches_a_person() -> None:
    lane, turn, _ = route(
        "where do I find my sort code",
        "where do i find my sort code",
        "WHERE DO I FIND MY SORT CODE",
    )
    assert (lane, turn) == ("general_banking", 3)


def test_a_joke_about_switching_stays_with_the_bot() -> None:
    assert route("if the app goes purple again I'm switching banks 😂")[0] == "bot"


def test_a_real_threat_to_switch_still_reaches_a_person() -> None:
    assert route("this is useless, I'm switching banks")[0] == "general_banking"


def test_a_press_threat_reaches_a_person() -> None:
    assert route("three weeks and no refund. I'm writing to the local paper")[0] == (
        "general_banking"
    )


def test_sarcasm_with_a_wait_in_the_same_message_reaches_a_person() -> None:
    lane, turn, rule = route("love how my 'same day' payment has been pending for 3 days")
    assert (lane, turn, rule) == ("general_banking", 1, "intense_anger")


def test_an_accidental_double_send_stays_with_the_bot() -> None:
    question = "what's the fee for paying in euros"
    assert route(question, question, "oops sorry sent twice")[0] == "bot"
