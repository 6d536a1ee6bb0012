"""Round 19 (helper r19l): other languages matched by concept and slot, one tokenisation.

The sentences were written fresh from how people write in support chats (NON-NATIVE author),
not taken from any evaluation set."""

from __future__ import annotations

import pytest

from handoff.signals.stories import story_cues


def _kinds(text: str) -> set[str]:
    return {kind for kind, _, _ in story_cues(text)}


# ---------------------------------------------------------------- the danda ends a word

DANDA = [
    # Bengali: "someone said he is from the police, I gave him the code."
    "একজন বলল সে পুলিশ, আমি ওকে কোড দিয়েছি",
    # Bengali: "he introduced himself as from the bank, I gave him the code"
    "ব্যাংক থেকে বলে সে পরিচয় দিল, আমি ওকে কোডটা দিয়ে দিলাম",
    # Hindi: "he said he is from the police, I had to send money"
    "उसने कहा कि वह पुलिस से है, मुझे पैसे भेजने पड़े",
]


@pytest.mark.parametrize("text", DANDA)
@pytest.mark.parametrize("stop", ["।", "॥", " ।"])
def test_a_danda_after_the_verb_reads_as_without_it(text: str, stop: str) -> None:
    bare = _kinds(text)
    assert bare & {"scam", "scam_step"}
    assert _kinds(text + stop) == bare


def test_a_lone_step_before_a_danda_is_a_step() -> None:
    assert _kinds("আমি ওকে কোড দিয়েছি।") == {"scam_step"}


@pytest.mark.parametrize(
    "text",
    [
        "কোড কীভাবে পরিবর্তন করব।",  # how do I change the code.
        "আমার কার্ডের সীমা কত।",  # what is my card's limit.
        "मेरा बैलेंस कितना है।",  # what is my balance.
    ],
)
def test_calm_questions_with_a_danda_stay_calm(text: str) -> None:
    assert _kinds(text) == set()
