"""Round 16 of issue 11 (helper r16e): English needs said by role, circumstance or irony.

1. A person asked for by role, anaphora or circumlocution: "talk to one of them", "someone
   with a pulse", "someone who can actually help", "who can do this for me", a relationship
   manager asked to ring, a bare "transfer me". Calm questions ABOUT staff, opening hours or
   a manager stay cue-free, and so does "I want one of those" (a card, a pot).
2. Vulnerability told as circumstance: no home, hopelessness, economic control, a
   dependant's basic needs unmet because the money is gone, fear and pressure. Calm questions
   about hardship support, someone else's situation and figures of speech stay cue-free.
3. Sarcasm: praise words against a failure, a wait sat through or a correction in the same
   message, a warm word repeated flatly ("cool cool cool"); not praise after a success or
   beside a wait that ended well.
4. A correction of the bot's answer ("that's the sort code, I asked for the IBAN", "no, my
   IBAN, not my account number") is repeated asking; a customer clarifying their own
   question ("sorry, I meant the savings one") is not.

Every sentence here was written for this file, not taken from an evaluation set.
"""

from __future__ import annotations

import pytest

from handoff.signals.text import analyze_text
from tests.conftest import cue_kinds

REQUESTS_BY_ROLE = [
    "fine, let me speak to one of them then",
    "can I talk to one of those instead",
    "put me through to a real one please",
    "I'd like this looked at by someone with a pulse",
    "I need someone who can actually help",
    "can I speak with someone who knows what they're doing",
    "i want someone competent on this",
    "who can do this for me",
    "ok so who can sort this out for me",
    "is there anyone who can help me with this",
    "please ask my relationship manager to call me today",
    "could you get an adviser to ring me back",
    "can you ask Priya, my account manager, to give me a call",
    "I want someone to contact me about the loan",
    "transfer me",
    "transfer me please",
    "Manager.",
    "staff please",
    "a real one!!",
    "can I chat to your supervisor",
    "put me through to someone senior",
    "put me through to someone more senior",
    "need someone to sort this right now",
    "can someone look into this for me please",
]
NO_REQUEST = [
    "do you have real staff working weekends?",
    "what time does your team open on Saturday",
    "are your branch staff able to print statements?",
    "I want one of those metal cards",
    "can I have one of them savings pots as well",
    "I'd like one of those for my daughter too",
    "my manager wants my bank details for payroll",
    "who can open a junior ISA, parents only?",
    "who can see my transactions if I add a joint holder",
    "call me Ben, everyone does",
    "transfer money to my savings",
    "how do I transfer my ISA",
    "my relationship manager said the rate is fixed, is that right?",
    "can someone else use my card if I give permission?",
    "can someone pay cash into my account at a branch?",
]


@pytest.mark.parametrize("text", REQUESTS_BY_ROLE)
def test_a_person_asked_for_by_role_or_anaphora(text: str) -> None:
    assert analyze_text(text).human_request, text


@pytest.mark.parametrize("text", NO_REQUEST)
def test_calm_talk_about_staff_is_no_request(text: str) -> None:
    assert not analyze_text(text).human_request, text


VULNERABLE_CIRCUMSTANCES = [
    "I've been living in my car for a fortnight",
    "sleeping in my van until the council finds me somewhere",
    "I'm sofa surfing at the moment so I've got no fixed address",
    "I've got nowhere to sleep tonight",
    "honestly I don't see the point anymore",
    "can't see the point in going on with all this",
    "it's nothing but debt, every single letter",
    "everyone would be better off without me",
    "I'm not allowed my own bank card",
    "I'm not allowed to see the statements, he keeps them",
    "my partner controls all the money and gives me nothing",
    "he took all my wages again this month",
    "she left and emptied the joint account",
    "my ex cleared out our joint account last night",
    "I have to ask him for money for the bus",
    "I've got £4 and the baby needs formula",
    "I can't feed the kids until Friday",
    "there's no food in the house and no money for food",
    "I'm down to my last tenner",
    "we're down to our last £6 till payday",
    "we've had no heating since October",
    "he's stood next to me telling me what to type",
    "my son gets angry if I say no to him about money",
    "I don't feel safe at home right now",
    "I have learning difficulties so please keep it simple",
    "my eyesight is going and I can't read the card reader",
    "there are letters piling up that I daren't open",
    "I get really anxious about phone calls",
]
NOT_VULNERABLE = [
    "what support do you offer customers who are struggling?",
    "my friend is living in her car, can she open an account without an address?",
    "I slept in my car at the festival, great weekend",
    "is there any point in the premium account, what does it add?",
    "is there any point upgrading the app?",
    "my husband handles all our money, can he add me as a payee?",
    "am I allowed a second card on my account?",
    "can I buy nappies on the cashback offer?",
    "I ate too much at lunch, anyway what's my balance",
    "the heating engineer wants paying by bank transfer",
    "where can I see my eyesight test on my insurance claim?",
    "it's my last payment on the loan, how do I check it's gone?",
    "down to my last two pages of the paying-in book, can I get another?",
    "I got a bit anxious there but it went through, thanks",
    "how do I change the address for my car insurance direct debit?",
]


@pytest.mark.parametrize("text", VULNERABLE_CIRCUMSTANCES)
def test_vulnerability_told_as_circumstance(text: str) -> None:
    assert "vulnerability" in cue_kinds(text), text


@pytest.mark.parametrize("text", NOT_VULNERABLE)
def test_calm_or_someone_elses_situation_is_no_vulnerability(text: str) -> None:
    assert "vulnerability" not in cue_kinds(text), text


SARCASM = [
    "cool cool cool, my salary has been 'processing' for four days now. cool",
    "amazing, the app can't even load my balance",
    "well done, you've managed to lose my standing order",
    "brilliant, still pending after a week",
    "love how my transfer has been pending for 3 days",
    "a 50 minute queue, superb",
    "great, there's no way to change my address online",
    "how fun, a charge I never agreed to",
    "oh wonderful, the bot doesn't understand the word refund",
    "lovely, that's the sort code, I asked for the IBAN",
    "award-winning app that won't let me log in",
]
NO_SARCASM = [
    "great, it's arrived now, thanks for your help",
    "brilliant, it worked second time",
    "amazing, the refund came through after 3 days",
    "cool thanks",
    "yay it's here!",
    "so helpful, thank you 😊",
    "lovely, I can see the payment now",
    "fantastic, wonderful, brilliant, thanks so much for all of it",
    "great, I'll wait the 3 days then",
]


@pytest.mark.parametrize("text", SARCASM)
def test_praise_against_a_failure_or_wait_is_sarcasm(text: str) -> None:
    assert "sarcasm" in cue_kinds(text), text


@pytest.mark.parametrize("text", NO_SARCASM)
def test_praise_after_success_is_no_sarcasm(text: str) -> None:
    assert "sarcasm" not in cue_kinds(text), text


CORRECTIONS = [
    "that's the sort code, I asked for the IBAN",
    "that is my account number but I asked for the BIC",
    "no, I asked about the annual fee",
    "nope, I asked for the limit on cash withdrawals",
    "No, my savings account, not my current account",
    "I asked for the PIN, not the card number",
    "you gave me the branch address, I wanted the phone number",
]
NO_CORRECTION = [
    "sorry, I meant my savings account not the current one",
    "I asked for a new card last week, when will it arrive?",
    "no worries, I'll check the app",
    "no, that's all, thanks",
    "my landlord asked for my bank statements, how do I download them?",
]


@pytest.mark.parametrize("text", CORRECTIONS)
def test_a_correction_of_the_bots_answer_is_asking_again(text: str) -> None:
    assert "repeated_asking" in cue_kinds(text), text


@pytest.mark.parametrize("text", NO_CORRECTION)
def test_a_clarification_or_a_calm_mention_is_no_repeat(text: str) -> None:
    assert "repeated_asking" not in cue_kinds(text), text


BOT_NOT_UNDERSTANDING = [
    "the bot doesn't understand what a chargeback is",
    "that isn't an answer to my question",
    "you just don't get it",
    "that's not what I meant at all",
]
UNDERSTANDING_DECOYS = [
    "I don't understand the new overdraft rates, can you explain?",
    "does the bot understand Welsh?",
]


@pytest.mark.parametrize("text", BOT_NOT_UNDERSTANDING)
def test_the_bot_told_it_has_not_understood(text: str) -> None:
    assert "not_understood" in cue_kinds(text), text


@pytest.mark.parametrize("text", UNDERSTANDING_DECOYS)
def test_the_customers_own_question_is_not_the_bot_failing(text: str) -> None:
    assert "not_understood" not in cue_kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Great food! Ate there a few weeks ago.",
        "lovely staff at the branch, went in two days ago",
        "brilliant holiday, got back a week ago",
    ],
)
def test_a_time_in_the_past_is_not_a_wait_for_sarcasm(text: str) -> None:
    """Praise beside "a few weeks ago" tells when, not a wait sat through: sincere (one of
    VADER's rated tweets had turned sarcastic, tweet correlation 0.870 to 0.869)."""
    assert "sarcasm" not in {c.kind for c in analyze_text(text).cues}
