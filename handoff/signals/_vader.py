"""VADER's scores computed faster, with the library's own lexicon, rules and results.

``vaderSentiment``'s ``polarity_scores`` is plain Python that, per message, rebuilds the text
one character at a time to look for emoji, and for every lexicon word lower-cases the whole
message again several times (its negation and idiom checks each copy the word list). On a
support message that is most of its ~40 us. :class:`FastAnalyzer` is a subclass that computes
the same thing in one pass: the text is rebuilt only when it holds an emoji character, words
are split and lower-cased once, and the rules run only for the words in the lexicon (every
other word scores 0 in the library too). The rules are the library's, transcribed in order;
the quirky "but" rule and the final scoring call the library's own methods.

Equality with the library is tested on every text of the VADER, GoEmotions, BANKING77 and
CLINC150 sets and on generated texts (tests/test_vader_fast.py): a new ``vaderSentiment``
release that changes a rule fails those tests rather than drifting silently.
"""

from __future__ import annotations

import math
import string
from typing import Any

from vaderSentiment.vaderSentiment import (
    B_INCR,
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
)

__all__ = ["FastAnalyzer"]

_PUNCTUATION = string.punctuation
_NEGATE = frozenset(NEGATE)
_SO_THIS = frozenset({"so", "this"})
_OR_NOR = frozenset({"or", "nor"})
# The booster n-grams the idiom check adds ("kind of", "sort of", "just enough"): only these
# multi-word keys of BOOSTER_DICT can ever match there.
_BOOSTER_NGRAMS = {k: v for k, v in BOOSTER_DICT.items() if " " in k}
_BOOSTER_NGRAM_LAST = frozenset(k.rsplit(" ", 1)[1] for k in _BOOSTER_NGRAMS)
_SPECIAL_WORDS = frozenset(w for k in SPECIAL_CASES for w in k.split())
_ALPHA = 15  # vaderSentiment.normalize's default
_MAX_EXCLAMATIONS = 4
_EXCLAMATION = 0.292
_MAX_QUESTIONS = 3
_QUESTION = 0.18
_MANY_QUESTIONS = 0.96

del B_INCR  # imported to fail loudly if the library's constants are renamed


def _negated(word: str) -> bool:
    """vaderSentiment.negated([word]) for an already lower-cased word."""
    return word in _NEGATE or "n't" in word


def _strip(token: str) -> str:
    """SentiText._strip_punc_if_word."""
    stripped = token.strip(_PUNCTUATION)
    return token if len(stripped) <= 2 else stripped


class FastAnalyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]  # untyped library
    """``SentimentIntensityAnalyzer`` with the same results, faster (see the module).

    Stateless after construction: one instance is shared by threads.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # polarity_scores replaces single characters only (multi-character emoji keys, such
        # as flags or skin-tone sequences, are never looked up by the library).
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """The library's result for ``text``: neg, neu, pos and compound."""
        text, _, sentiments = self._sentiments(text)
        return dict(self.score_valence(sentiments, text))

    def compound(self, text: str) -> float:
        """``polarity_scores(text)["compound"]`` without the other three scores."""
        text, _, sentiments = self._sentiments(text)
        if not sentiments:
            return 0.0
        sum_s = float(sum(sentiments))
        if sum_s:
            emphasis = self._emphasis(text)
            sum_s = sum_s + emphasis if sum_s > 0 else sum_s - emphasis
        norm = sum_s / math.sqrt((sum_s * sum_s) + _ALPHA)
        return round(max(-1.0, min(1.0, norm)), 4)

    @staticmethod
    def _emphasis(text: str) -> float:
        """SentimentIntensityAnalyzer._punctuation_emphasis."""
        ep = min(text.count("!"), _MAX_EXCLAMATIONS) * _EXCLAMATION
        qm_count = text.count("?")
        qm: float = 0
        if qm_count > 1:
            qm = qm_count * _QUESTION if qm_count <= _MAX_QUESTIONS else _MANY_QUESTIONS
        return ep + qm

    def _demojized(self, text: str) -> str:
        """The library's emoji replacement, character by character (only run when ``text``
        holds one of the emoji characters)."""
        emojis = self.emojis
        parts: list[str] = []
        prev_space = True
        for char in text:
            description = emojis.get(char) if char in emojis else None
            if description is not None:
                if not prev_space:
                    parts.append(" ")
                parts.append(description)
                prev_space = False
            else:
                parts.append(char)
                prev_space = char == " "
        return "".join(parts)

    def _sentiments(self, text: str) -> tuple[str, list[str], list[float]]:
        """The text as the library scores it, its words, and each word's valence after the
        "but" rule (the list polarity_scores hands to score_valence)."""
        if not text.isascii() and not self._emoji_chars.isdisjoint(text):
            text = self._demojized(text)
        text = text.strip()
        words = [_strip(w) for w in text.split()]
        lowered = [w.lower() for w in words]
        lexicon = self.lexicon
        sentiments: list[float] = [0] * len(words)
        last = len(words) - 1
        if not any(w in lexicon for w in lowered):
            return text, words, sentiments
        upper = [w.isupper() for w in words]
        upper_count = sum(upper)
        is_cap_diff = 0 < len(words) - upper_count < len(words)
        for i, item in enumerate(lowered):
            if item not in lexicon or item in BOOSTER_DICT:
                continue
            if i < last and item == "kind" and lowered[i + 1] == "of":
                continue
            sentiments[i] = self._valence(words, lowered, upper, is_cap_diff, i)
        if "but" in lowered:
            sentiments = SentimentIntensityAnalyzer._but_check(words, sentiments)
        return text, words, sentiments

    def _valence(
        self, words: list[str], lowered: list[str], upper: list[bool], is_cap_diff: bool, i: int
    ) -> float:
        """SentimentIntensityAnalyzer.sentiment_valence for the lexicon word at ``i``."""
        lexicon = self.lexicon
        item = lowered[i]
        valence: float = lexicon[item]
        if item == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lowered[i - 1] == "no")
            or (i > 1 and lowered[i - 2] == "no")
            or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in _OR_NOR)
        ):
            valence = lexicon[item] * N_SCALAR
        if upper[i] and is_cap_diff:
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(3):
            if i <= start_i:
                break
            before = lowered[i - (start_i + 1)]
            if before in lexicon:
                continue
            # scalar_inc_dec
            s = 0.0
            if before in BOOSTER_DICT:
                s = BOOSTER_DICT[before]
                if valence < 0:
                    s *= -1
                if upper[i - (start_i + 1)] and is_cap_diff:
                    s = s + C_INCR if valence > 0 else s - C_INCR
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation_check(valence, lowered, start_i, i)
            if start_i == 2:
                valence = _special_idioms_check(valence, lowered, i)
        return _least_check(valence, lowered, lexicon, i)


def _negation_check(valence: float, lowered: list[str], start_i: int, i: int) -> float:
    """SentimentIntensityAnalyzer._negation_check on lower-cased words."""
    if start_i == 0:
        if _negated(lowered[i - 1]):
            valence = valence * N_SCALAR
    elif start_i == 1:
        if lowered[i - 2] == "never" and lowered[i - 1] in _SO_THIS:
            valence = valence * 1.25
        elif lowered[i - 2] == "without" and lowered[i - 1] == "doubt":
            pass
        elif _negated(lowered[i - 2]):
            valence = valence * N_SCALAR
    elif (lowered[i - 3] == "never" and lowered[i - 2] in _SO_THIS) or lowered[i - 1] in _SO_THIS:
        valence = valence * 1.25
    elif lowered[i - 3] == "without" and (lowered[i - 2] == "doubt" or lowered[i - 1] == "doubt"):
        pass
    elif _negated(lowered[i - 3]):
        valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, lowered: list[str], i: int) -> float:
    """SentimentIntensityAnalyzer._special_idioms_check (``i`` > 2), building the n-grams
    only when their words can form a special case or a booster n-gram."""
    window = lowered[i - 3 : i + 3]
    if not _SPECIAL_WORDS.isdisjoint(window):
        w3, w2, w1, w0 = lowered[i - 3], lowered[i - 2], lowered[i - 1], lowered[i]
        for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}", f"{w3} {w2} {w1}", f"{w3} {w2}"):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if len(lowered) - 1 > i:
            zeroone = f"{w0} {lowered[i + 1]}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if len(lowered) - 1 > i + 1:
            zeroonetwo = f"{w0} {lowered[i + 1]} {lowered[i + 2]}"
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
    if lowered[i - 1] in _BOOSTER_NGRAM_LAST or lowered[i - 2] in _BOOSTER_NGRAM_LAST:
        w3, w2, w1 = lowered[i - 3], lowered[i - 2], lowered[i - 1]
        for n_gram in (f"{w3} {w2} {w1}", f"{w3} {w2}", f"{w2} {w1}"):
            if n_gram in _BOOSTER_NGRAMS:
                valence = valence + _BOOSTER_NGRAMS[n_gram]
    return valence


def _least_check(valence: float, lowered: list[str], lexicon: dict[str, float], i: int) -> float:
    """SentimentIntensityAnalyzer._least_check."""
    if i > 1 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        if lowered[i - 2] != "at" and lowered[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence
