"""Situation cues (handoff.signals.situations): what happened, told in the customer's words.

Every shape has messages that must match and near misses that must not. The examples were
written for these tests; none is taken from the routing evaluation sets.
"""

from __future__ import annotations

import pytest

from handoff.signals import CUE_KINDS, analyze_text
from handoff.signals.situations import SITUATION_KINDS, situation_cues

MATCH = {
    "fraud_report": [
        "somebody has used my card at three petrol stations",
        "Someone's taken £300 out of my account overnight",
        "there are two transactions on here I didn't make",
        "I never authorised these payments",
        "these aren't mine, I didn't make any of these purchases",
        "my account has been hacked",
        "my card was cloned at a cash machine",
        "my email and password were changed last night and I didn't change them",
        "EE moved my number to a new SIM and I never asked for it",
        "payments that I didn't make keep appearing",
    ],
    "scam": [
        "I tapped the link in the text and typed in my card number",
        "a man rang saying he was from your fraud team and I read out the code",
        "I gave the caller the code from the text message",
        "they told me to move everything to a safe account",
        "a courier is coming to collect my card this afternoon",
        "I paid by bank transfer and now the seller has blocked me",
        "the invoice had new bank details and the supplier says they have never been paid",
        "the crypto site says I must pay a withdrawal fee before I get my money out",
        "I think that email was a scam, I clicked it and entered my password",
    ],
    "scam_mention": [
        "someone claiming to be from HMRC said I owe tax",
    ],
    "vulnerability": [
        "i can't cope with all this any more",
        "honestly I don't see the point anymore",
        "I've spent my whole student loan on betting again",
        "my mum is in hospital and I'm trying to pay her bills",
        "I was diagnosed with cancer last month",
        "my husband takes my wages every month and won't let me have a card",
        "I lost my job on Friday and can't pay the rent",
        "we're behind on the mortgage and the bailiffs have written",
        "my dad has dementia and I have power of attorney",
    ],
    "legal_threat": [
        "I'm reporting you to the FCA",
        "this is going to the Financial Ombudsman",
        "I'll be taking this to the regulator",
        "my solicitor will be in touch",
        "I'm getting a lawyer involved",
    ],
    "public_threat": [
        "I'm going to post this on twitter",
        "I'll be leaving a review on Trustpilot about this",
        "I'm telling everyone on facebook how you treat customers",
    ],
    "churn_threat": [
        "I'm switching to Nationwide tomorrow",
        "I'm going to move my money elsewhere",
        "we will be taking our business somewhere else",
    ],
    "repeated_asking": [
        "I've explained this 4 times now",
        "this is the third time I've asked",
        "I've sent the documents twice already",
        "we're just going round in circles",
        "you keep sending me the same link",
        "that's not what I asked",
        "let me try one more time",
    ],
    "sarcasm": [
        "great service as always",
        "oh brilliant, another error",
        "just what I needed today",
        "five stars, would get locked out again",
        "love how there's nobody to talk to",
        "I just love being kept on hold for an hour",
        "declined again. what a surprise",
        "who would have thought the app would crash on payday",
        "so helpful, not",
        "brilliant, just brilliant",
    ],
}

NO_MATCH = [
    "what time do you open on Saturday",
    "I want to change my phone number on the app",
    "how do I reset my password",
    "can you put a gambling block on my card please",
    "I'm sending money to my solicitor for the house purchase",
    "how do I close my account",
    "is there a fee for using my card abroad",
    "I clicked on the statements tab but nothing happens",
    "my partner and I want a joint account",
    "the second time I used the card it worked fine",
    "thanks, that's great",
    "that was really helpful, thank you",
    "perfect, thanks so much",
    "I'm moving house next month, how do I change my address",
    "can I take out more than £500 at a cash machine",
    "I've been with you for ten years and I love the app",
]


def kinds(text: str) -> set[str]:
    return {kind for kind, *_ in situation_cues(text)}


@pytest.mark.parametrize(
    ("kind", "text"), [(k, t) for k, texts in MATCH.items() for t in texts], ids=str
)
def test_shape_matches(kind: str, text: str) -> None:
    assert kind in kinds(text)


@pytest.mark.parametrize("text", NO_MATCH)
def test_everyday_messages_match_nothing(text: str) -> None:
    assert kinds(text) == set()


def test_offsets_point_at_the_evidence() -> None:
    text = "Hi. Someone has used my card in Leeds"
    ((kind, start, end, _),) = situation_cues(text)
    assert kind == "fraud_report"
    assert text[start:end].lower().startswith("someone has used my card")


def test_typographic_apostrophes_read_as_straight_ones() -> None:
    assert "fraud_report" in kinds("two payments I didn’t make")


def test_the_kinds_are_cue_kinds_rules_can_name() -> None:
    assert SITUATION_KINDS <= CUE_KINDS


def test_text_analysis_carries_the_cues() -> None:
    analysis = analyze_text("I clicked the link and put in my card details")
    assert "scam" in analysis.cue_kinds
    # Facts, not moods: a scam report adds nothing to frustration by itself.
    assert analysis.frustration < 0.5


def test_sarcasm_turns_warm_words_negative() -> None:
    assert analyze_text("great service as always").sentiment < 0
