"""handoff's faster VADER (handoff/signals/_vader.py) gives vaderSentiment's exact scores.

On every text of the VADER tweets, GoEmotions, BANKING77 and CLINC150 sets (about 95,000,
see tests/data/vader_equality/README.md), on the support messages of the evaluation sets,
and on generated texts that exercise every rule: negations, boosters in capitals, "but",
"kind of", "least", "no", idioms, emoticons and emoji, punctuation emphasis.
"""

from __future__ import annotations

import csv
import functools
import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
)

from handoff.signals._vader import FastAnalyzer
from handoff.signals.text import _analyzer, _sentiment

DATA = Path(__file__).parent / "data"


@functools.cache
def _library() -> Any:
    return SentimentIntensityAnalyzer()


@functools.cache
def _fast() -> FastAnalyzer:
    return FastAnalyzer()


def _texts() -> list[str]:
    texts: list[str] = []
    with open(DATA / "vader" / "tweets_GroundTruth.txt", encoding="utf-8") as f:
        texts.extend(line.rstrip("\n").split("\t", 2)[2] for line in f)
    for name in ("frustration_train/train.jsonl.gz", "vader_equality/texts.jsonl.gz"):
        with gzip.open(DATA / name, "rt", encoding="utf-8") as f:
            texts.extend(json.loads(line)["text"] for line in f)
    for tsv in sorted(DATA.glob("frustration*/*.tsv")):
        with open(tsv, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            texts.extend(row["text"] for row in reader if row.get("text"))
    return texts


def _check(text: str) -> None:
    expected = _library().polarity_scores(text)
    assert _fast().polarity_scores(text) == expected, text
    assert _fast().compound(text) == expected["compound"], text


def test_every_text_of_the_data_sets() -> None:
    texts = _texts()
    assert len(texts) > 95_000  # tweets, GoEmotions, BANKING77, CLINC150, support messages
    library, fast = _library(), _fast()
    differ = [
        t
        for t in texts
        if (want := library.polarity_scores(t)) != fast.polarity_scores(t)
        or fast.compound(t) != want["compound"]
    ]
    assert differ == []


def test_analyze_text_uses_it_and_benchmarks_keep_the_library() -> None:
    assert isinstance(_sentiment(), FastAnalyzer)
    assert type(_analyzer()) is SentimentIntensityAnalyzer


_EMOJI = ["😁", "💘", "😡", "👍", "🙄", "©", "❤", "☹", "🤬", "🇬🇧", "👍🏽"]
_EMOTICONS = [":)", ":(", ":D", ":-(", ";)", "<3", ":/", "(-:O", "XD", ":'("]
_RULE_WORDS = [
    *NEGATE[::3],
    *[k for k in BOOSTER_DICT if " " not in k][::4],
    *(w for k in BOOSTER_DICT if " " in k for w in k.split()),
    *(w for k in SPECIAL_CASES for w in k.split()),
    *("but", "kind", "of", "sort", "least", "at", "very", "no", "or", "nor", "never", "so"),
    *("this", "without", "doubt", "just", "enough"),
]
_SENTIMENT_WORDS = [
    *("good", "great", "bad", "terrible", "love", "hate", "happy", "sad", "awful", "amazing"),
    *("horrible", "helpful", "useless", "angry", "ridiculous", "thanks", "thank", "please"),
    *("sorry", "wow", "lol", "no", "yes", "fine", "okay", "ok", "fail", "failed", "refund"),
    *("money", "help", "problem", "scam", "fraud", "ugh", "sux", "badass", "die", "heart"),
    *("death", "shit", "bomb"),
]
_GLUE = ["", "!", "?", ".", ",", "...", "!!", "?!", "'", '"', "-", "*", "(", ")"]


@st.composite
def _word(draw: st.DrawFn) -> str:
    word = draw(
        st.one_of(
            st.sampled_from(_RULE_WORDS),
            st.sampled_from(_SENTIMENT_WORDS),
            st.sampled_from(_EMOTICONS),
            st.sampled_from(_EMOJI),
            st.text(min_size=1, max_size=6),
        )
    )
    case = draw(st.sampled_from(["keep", "upper", "title"]))
    word = word.upper() if case == "upper" else word.title() if case == "title" else word
    return draw(st.sampled_from(_GLUE)) + word + draw(st.sampled_from(_GLUE))


_SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "", " ! ", " ? "])


@st.composite
def _message(draw: st.DrawFn) -> str:
    words = draw(st.lists(_word(), max_size=14))
    parts = [w + draw(_SEPARATORS) for w in words]
    return draw(st.sampled_from(["", " ", "\n"])) + "".join(parts)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_message())
@example("")
@example("   ")
@example("The book was only kind of good.")
@example("Not bad at all")
@example("At least it isn't a horrible book.")
@example("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!")
@example("The plot was good, but the characters are uncompelling and the dialog is not great.")
@example("Today only kinda sux! But I'll get by, lol")
@example("Catch utf-8 emoji such as 💘 and 💋 and 😁")
@example("Without a doubt, excellent idea.")
@example("never so good, never this bad, no good or bad, not bad nor good")
@example("it was kind of the bomb and the shit, bad ass, yeah right, to die for")
@example("good good but good bad but bad")
@example("no way nor good, no way or bad, no, not at least good, very least bad")
@example("😁😁x😁 😁")
def test_generated_texts(text: str) -> None:
    _check(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_unicode(text: str) -> None:
    _check(text)


@pytest.mark.parametrize("text", ["good", "GOOD", "not good", "very GOOD!!", "so bad :("])
def test_shared_instance_matches(text: str) -> None:
    assert _sentiment().compound(text) == _library().polarity_scores(text)["compound"]
