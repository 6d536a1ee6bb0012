"""The customer effort score (CES): the question the bot asks, and reading the answer.

After an agent resolves a conversation or hands it back, the bot asks the standard CES 2.0
item (agreement with "<organisation> made it easy for me to handle my issue", 1 = strongly
disagree ... 7 = strongly agree). The customer's next message is read by :func:`parse_score`:
a bare answer ("6", "6/7", "6 out of 7", "six", "I'd say 6!") is a score; anything else is
a message like any other (the customer declined, and the bot answers it as usual). Parsing is
strict on purpose: a message with more in it than a score is never swallowed as an answer.

Standard library only: the action server imports this on every turn.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

__all__ = [
    "ANSWER_SECONDS",
    "SCALE",
    "SLOT",
    "THANKS",
    "parse_score",
    "pending",
    "pending_marker",
    "question",
]

SCALE = range(1, 8)
# The Rasa slot the pending marker lives in (rasa_project/domain.yml).
SLOT = "handoff_ces"
# How long after the question a message still counts as its answer (or decline): Rasa's
# session length in rasa_project/domain.yml. A customer back later starts afresh.
ANSWER_SECONDS = 3600.0
THANKS = "Thank you, that helps us improve. Is there anything else I can help with?"
_FORMAT = 1
# Longer than any bare answer ("I would give it a 6 out of 7, strongly agree, thanks!").
_MAX_CHARS = 80

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_NUMBER = r"(?P<n>[1-7]|one|two|three|four|five|six|seven)"
# Words people put before a bare score: "I'd say", "I'd give it a", "it's a", "maybe".
_LEAD = (
    r"(?:(?:i|id|i'd|i would|i will|i'll|ill|we|we'd)\s+)?"
    r"(?:(?:say|give|rate|score|put)\s+(?:(?:it|you|that|this|you guys)\s+)?)?"
    r"(?:(?:its|it's|it is|that's|thats|that is|my (?:answer|score|rating) is|"
    r"answer|score|rating|maybe|probably|definitely|about|around|easily|solid|a|an)\s+)*"
)
# ... and after it: "/7", "out of 7", "- strongly agree", "thanks".
_TAIL = (
    r"(?:\s*(?:/|out of|outta|of)\s*(?:7|seven))?"
    r"(?:(?:\s*[-=:,]\s*|\s+)(?:i\s+)?(?:strongly agree|agree|somewhat agree|neutral|"
    r"somewhat disagree|disagree|strongly disagree))?"
    r"(?:(?:\s*[,.]\s*|\s+)(?:thanks|thank you|thx|cheers|ty))?"
)
_ANSWER = re.compile(rf"{_LEAD}{_NUMBER}{_TAIL}")
_EDGES = re.compile(r"^[\s\"'(*]+|[\s\"')*.!?,;:~]+$")
_SPACES = re.compile(r"\s+")


def question(organisation: str = "Our bank") -> str:
    """The effort question as the bot asks it, naming ``organisation``."""
    return (
        f"One quick question: on a scale of 1 to 7, how much do you agree with this "
        f'statement? "{organisation} made it easy for me to handle my issue." '
        f"(1 = strongly disagree, 7 = strongly agree.) You can also just carry on."
    )


def parse_score(text: object) -> int | None:
    """The 1-7 score a message gives, or None when it is not a bare answer.

    >>> [parse_score(t) for t in ("6", "6/7", "6 out of 7", "Six!", "I'd say a 5", "7, agree")]
    [6, 6, 6, 6, 5, 7]
    >>> [parse_score(t) for t in ("8", "0", "6.5", "5-6", "card 6 is lost", "I want a person")]
    [None, None, None, None, None, None]
    """
    if not isinstance(text, str) or len(text) > _MAX_CHARS:
        return None
    value = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")
    value = _SPACES.sub(" ", _EDGES.sub("", value))
    found = _ANSWER.fullmatch(value)
    if found is None:
        return None
    number = found["n"]
    return int(number) if number.isdigit() else _NUMBERS[number]


def pending_marker(asked_at: float, after: str) -> dict[str, Any]:
    """The ``handoff_ces`` slot's value while the question waits for its answer; ``after`` is
    "resolve" or "hand_back"."""
    return {"v": _FORMAT, "asked_at": float(asked_at), "after": after}


def pending(value: object, now: float) -> bool:
    """Whether a ``handoff_ces`` slot value says the question is waiting for an answer now.

    Anything malformed is not a question (a forged marker can at worst make a customer's own
    bare score count as their answer)."""
    if not isinstance(value, Mapping) or value.get("v") != _FORMAT:
        return False
    asked = value.get("asked_at")
    if isinstance(asked, bool) or not isinstance(asked, int | float) or not math.isfinite(asked):
        return False
    return 0 <= now - float(asked) <= ANSWER_SECONDS
