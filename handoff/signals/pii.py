"""Find and redact card numbers, emails, phone numbers and IBANs before an agent sees a message."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

__all__ = ["PiiKind", "PiiMatch", "contains_pii", "find_pii", "redact"]

PiiKind = Literal["card", "email", "phone", "iban"]


@dataclass(frozen=True, slots=True)
class PiiMatch:
    """One piece of PII in a message: ``text[start:end]`` is the value."""

    kind: PiiKind
    start: int
    end: int


_LABELS: dict[PiiKind, str] = {
    "card": "[CARD]",
    "email": "[EMAIL]",
    "phone": "[PHONE]",
    "iban": "[IBAN]",
}

# Dates and times are matched (and then ignored) so that a number chain can neither start
# inside one nor run into one: "2024-01-05 14:30" would otherwise read as 10 phone digits.
_DATE = (
    r"(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}"
    r"|[0-9]{1,2}[./-][0-9]{1,2}[./-](?:19|20)?[0-9]{2}"
)
_TIME = r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?"
_DOTTED = r"(?:1\.)?[0-9]{3}\.[0-9]{3}\.[0-9]{4}|0[1-9](?:\.[0-9]{2}){4}"  # 415.555.2671
# A chain of digit groups stops short of a date, a time, an email ("call 555 1234@corp.com")
# or a dotted phone ("room 12 415.555.2671"), so that their own alternative can claim them.
# The email look-ahead is bounded (64, the longest local part) to keep "0-0-0-..." linear.
_NOT_A_GROUP = (
    rf"(?!(?:{_DATE})(?![0-9]|[./-][0-9])|[0-9]{{1,2}}:(?!\s|$)"
    rf"|[0-9]+[A-Za-z0-9_%+.-]{{0,64}}@|(?:{_DOTTED})(?![0-9]))"
)

# What counts as "inside a word" for the boundaries below: ASCII only, so a number or address
# written straight after Chinese or Japanese text is still found.
_W = r"A-Za-z0-9_"

# Order matters: at one position the first alternative that matches wins, so an email that
# starts with digits is an email, and dates are claimed before the number chain sees them.
_PATTERN = re.compile(
    rf"""
    (?<![{_W}])(?=[A-Za-z0-9_%+(-])  # no alternative starts mid-word: a cheap first test
    (?:
      (?P<email>
        (?<![{_W}.%+-])
        [A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*
        @[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{{2,63}}
      )
    | (?P<iban>
        (?<![{_W}])
        [A-Za-z]{{2}}[0-9]{{2}}(?:[ ]?[A-Za-z0-9]{{4}}){{2,7}}(?:[ ]?[A-Za-z0-9]{{1,3}})?
        (?![A-Za-z0-9])
      )
    | (?P<skip>
        (?<![0-9])
        (?:(?:{_DATE})(?![0-9]|[./-][0-9])(?:[ T]{_TIME})?|{_TIME})
        (?![0-9])
      )
    | (?P<dotted>
        (?<![{_W}.+])
        (?:{_DOTTED})
        (?![0-9]|[.,][0-9])
      )
    | (?P<num>
        (?<![{_W}+])(?<![0-9][.,])(?<![{_W}][-/])
        \+?(?:\([0-9]{{1,5}}\)|[0-9]+)
        (?:
          (?:[ -]{_NOT_A_GROUP})?\([0-9]{{1,5}}\)
        | (?:[ -]{_NOT_A_GROUP}|(?<=\)))[0-9]+
        )*
      )
    )
    """,
    re.VERBOSE,
)

_TRIGGER = re.compile(r"[0-9@]")  # every kind of PII holds a digit or an "@"
_GROUP = re.compile(r"([ -]?)(\(?)([0-9]+)(\)?)")  # separator, "(", digits, ")"

# ISO 13616 registry lengths; a country missing here still passes on the mod-97 check alone.
_IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
    "BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24,
    "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
    "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27,
    "GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20,
    "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
    "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25,
    "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    "YE": 30,
}  # fmt: skip
_IBAN_MIN, _IBAN_MAX = 15, 34
_IBAN_DIGITS = str.maketrans({chr(c): str(c - 55) for c in range(ord("A"), ord("Z") + 1)})

_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)
_CARD_MIN, _CARD_MAX = 13, 19
_PHONE_MIN_INTL, _PHONE_MAX_INTL = 9, 15  # E.164 allows at most 15 digits
_PHONE_MIN_NATIONAL, _PHONE_MAX_NATIONAL = 10, 11
_PHONE_MAX_GROUPS = 5  # "06 12 34 56 78"; more groups than that is a list of numbers


def find_pii(text: str) -> list[PiiMatch]:
    """Every card, email, phone and IBAN in ``text``: non-overlapping, sorted by start."""
    return _settle(text)[0]


def contains_pii(text: str) -> bool:
    """True when ``text`` holds at least one card, email, phone or IBAN."""
    return next(_scan(text), None) is not None


# Every turn's payload redacts the whole transcript again; the text of earlier turns has not
# changed, so remember results (a pure function of the text).
@functools.lru_cache(maxsize=8192)
def redact(text: str) -> str:
    """``text`` with each PII value replaced by [CARD], [EMAIL], [PHONE] or [IBAN]."""
    return _settle(text)[1]


def _settle(text: str) -> tuple[list[PiiMatch], str]:
    """The matches in ``text`` and the redacted text, rescanned until nothing new turns up."""
    matches = list(_scan(text))
    while matches:
        pieces: list[str] = []
        origins: list[tuple[int, int]] = []  # (offset in redacted, offset in text) per piece
        size = 0
        last = 0
        for match in matches:
            origins.append((size, last))
            pieces.append(text[last : match.start])
            size += match.start - last
            pieces.append(_LABELS[match.kind])
            size += len(_LABELS[match.kind])
            last = match.end
        origins.append((size, last))
        pieces.append(text[last:])
        redacted = "".join(pieces)
        # Boundaries look at neighbouring characters, and a label is not the value it
        # replaced: in "jo@example.com-4155552671" the phone is only free to start once the
        # address before it reads "[EMAIL]". Scanning the output again (labels never match)
        # makes redact() idempotent by construction; almost always this pass finds nothing.
        extra = list(_scan(redacted))
        if not extra:
            return matches, redacted
        starts = [at for at, _ in origins]
        for match in extra:
            at, origin = origins[bisect_right(starts, match.start) - 1]
            shift = origin - at
            matches.append(PiiMatch(match.kind, match.start + shift, match.end + shift))
        matches.sort(key=_start)
    return matches, text


def _start(match: PiiMatch) -> int:
    return match.start


def _scan(text: str) -> Iterator[PiiMatch]:
    # search() rather than finditer() so a rejected IBAN candidate can be rescanned from its
    # next character: "ref AB12 4111 1111 1111 1111" must still find the card inside it.
    pos = 0
    size = len(text)
    while pos < size:
        # Jump to the word holding the next digit or "@": the big pattern then only runs
        # where PII can be, and a message without either costs one C-level scan. No match
        # has a space before its first digit or "@", so starting after the space is safe.
        trigger = _TRIGGER.search(text, pos)
        if trigger is None:
            return
        found = _PATTERN.search(text, max(pos, text.rfind(" ", pos, trigger.start()) + 1))
        if found is None:
            return
        kind = found.lastgroup
        start, end = found.span()
        pos = end
        if kind == "email":
            yield PiiMatch("email", start, end)
        elif kind == "iban":
            iban_end = _iban_end(text, start, end)
            if iban_end is None:
                pos = start + 1
            else:
                yield PiiMatch("iban", start, iban_end)
                pos = iban_end
        elif kind == "dotted":
            yield PiiMatch("phone", start, end)
        elif kind == "num" and end - start >= _PHONE_MIN_INTL:
            yield from _classify_number(text, start, end)


def _iban_end(text: str, start: int, end: int) -> int | None:
    """Where the valid IBAN starting at ``start`` ends, or None if there is none."""
    offsets = [i for i in range(start, end) if text[i] != " "]
    compact = "".join(text[i] for i in offsets).upper()
    # A known country fixes the length, so a candidate that ran on into the next word
    # ("BE68 5390 0754 7034 then") is cut back to it. Otherwise only the whole candidate is
    # tried: each extra cut would be one more 1-in-97 chance of a false match.
    length = _IBAN_LENGTHS.get(compact[:2], len(compact))
    if not _IBAN_MIN <= length <= min(len(compact), _IBAN_MAX):
        return None
    cut = offsets[length - 1] + 1
    if cut < end and text[cut] != " ":
        return None  # an IBAN never ends in the middle of a group
    return cut if _mod97(compact[:length]) else None


def _mod97(iban: str) -> bool:
    rearranged = (iban[4:] + iban[:4]).translate(_IBAN_DIGITS)
    return int(rearranged) % 97 == 1


def _luhn(digits: str) -> bool:
    total = sum(ord(c) - 48 for c in digits[-1::-2])
    total += sum(_DOUBLED[ord(c) - 48] for c in digits[-2::-2])
    return total % 10 == 0


_NANP_LAYOUTS = {(3, 3, 4), (1, 3, 3, 4), (3, 7), (1, 3, 7), (1, 10)}  # (415) 555-2671

_Window = tuple[int, int, PiiKind]  # first group, last group, kind


def _classify_number(text: str, start: int, end: int) -> list[PiiMatch]:
    """The cards and phones inside one chain of digit groups, sorted by start."""
    plus = text[start] == "+"
    first = start + 1 if plus else start
    # A decimal tail ("4155552671.50") makes the last group an amount, not a phone.
    decimal_tail = (
        end + 1 < len(text)
        and text[end] in ".,"
        and "0" <= text[end + 1] <= "9"
        and not _starts_email(text, end + 1)
    )
    bare = text[first:end]
    if bare.isdigit():  # one run of digits, the common case: skip the group bookkeeping
        if _card_head(bare, plus) and _CARD_MIN <= len(bare) <= _CARD_MAX and _luhn(bare):
            return [PiiMatch("card", start, end)]
        if not decimal_tail and _phone_ok(bare, [len(bare)], len(bare), plus):
            return [PiiMatch("phone", start, end)]
        return []

    digits: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    seps: list[str] = []
    parens: list[bool] = []
    pos = first
    for sep, opening, run, closing in _GROUP.findall(text, first, end):
        pos += len(sep)
        starts.append(pos)
        pos += len(opening) + len(run) + len(closing)
        ends.append(pos)
        digits.append(run)
        seps.append(sep)
        parens.append(bool(opening))
    starts[0] = start  # a leading "+" belongs to the number

    windows: list[_Window] = [(i, j, "card") for i, j in _card_windows(digits, seps, parens, plus)]
    windows += _phone_windows(digits, parens, plus, decimal_tail)
    windows.sort()
    if any(a[1] >= b[0] for a, b in pairwise(windows)):  # rare: only then is there a choice
        windows = _cover(_best_windows(windows, digits), windows, len(digits))
    return [PiiMatch(kind, starts[i], ends[j]) for i, j, kind in windows]


def _best_windows(windows: list[_Window], digits: list[str]) -> list[_Window]:
    """Non-overlapping windows that cover the most digits (then: the fewest windows)."""
    # "07700 900123 0161 496 0000": a chance Luhn pass on "07700 900123 0161" must not win
    # over the two phone numbers that together explain every group.
    count = len(digits)
    starting: list[list[_Window]] = [[] for _ in range(count)]
    for window in windows:
        starting[window[0]].append(window)
    # score[k]: (digits covered, -windows used) by the best choice within groups [0, k).
    score = [(0, 0)] * (count + 1)
    back: list[tuple[int, _Window | None]] = [(0, None)] * (count + 1)
    for k in range(count):
        here = score[k]
        if here > score[k + 1]:
            score[k + 1], back[k + 1] = here, (k, None)
        for window in starting[k]:
            i, j, _ = window
            candidate = (here[0] + sum(len(d) for d in digits[i : j + 1]), here[1] - 1)
            if candidate > score[j + 1]:
                score[j + 1], back[j + 1] = candidate, (k, window)
    chosen: list[_Window] = []
    k = count
    while k > 0:
        k, taken = back[k]
        if taken is not None:
            chosen.append(taken)
    return chosen[::-1]


def _cover(chosen: list[_Window], windows: list[_Window], count: int) -> list[_Window]:
    """``chosen`` widened until every candidate window lies wholly inside the redaction."""
    # When windows overlap without tiling ("1234 4111 1111 1111 1111" where "1234 4111 1111
    # 1111" happens to pass Luhn too), which one is the card cannot be known: redacting the
    # union is the only way to be sure that none of the digits stays visible.
    spans = list(chosen)
    owner = [-1] * count
    for index, (i, j, _) in enumerate(spans):
        owner[i : j + 1] = [index] * (j - i + 1)
    for i, j, kind in windows:
        if -1 not in owner[i : j + 1]:
            continue
        merged = {o for o in owner[i : j + 1] if o != -1}
        first = min([i, *(spans[o][0] for o in merged)])
        last = max([j, *(spans[o][1] for o in merged)])
        card = kind == "card" or any(spans[o][2] == "card" for o in merged)
        spans.append((first, last, "card" if card else "phone"))
        owner[first : last + 1] = [len(spans) - 1] * (last - first + 1)
    return sorted(spans[index] for index in set(owner) - {-1})


def _starts_email(text: str, pos: int) -> bool:
    # "0958,5jo@example.com": the digit after the comma opens an address, not decimals.
    found = _PATTERN.match(text, pos)
    return found is not None and found.lastgroup == "email"


def _international_prefix(head: str) -> bool:
    return head[:2] == "00" and head[2:3] not in ("", "0")


def _card_head(digits: str, plus: bool, first: bool = True) -> bool:
    """Whether a number whose first group is ``digits`` may be a card rather than a phone."""
    # "+" with at most 15 digits, or "00" and a country code, opening a number is E.164.
    if plus:
        return len(digits) > _PHONE_MAX_INTL
    return not (first and _international_prefix(digits))


def _card_windows(
    digits: list[str], seps: list[str], parens: list[bool], plus: bool
) -> Iterator[tuple[int, int]]:
    """Each window of groups (first, last) typed like a card number that passes Luhn."""
    count = len(digits)
    for i in range(count):
        if parens[i] or not _card_head(digits[i], plus and i == 0, i == 0):
            continue
        total = 0
        for j in range(i, count):
            if j > i and (
                parens[j]
                or seps[j] not in (" ", "-")
                or seps[j] != seps[i + 1]
                # groups of 4 or more, only the last may be shorter: "4111 1111 1111 1"
                or len(digits[j - 1]) < 4
            ):
                break
            total += len(digits[j])
            if total > _CARD_MAX:
                break
            if total >= _CARD_MIN and _luhn("".join(digits[i : j + 1])):
                yield i, j


def _phone_windows(
    digits: list[str], parens: list[bool], plus: bool, decimal_tail: bool
) -> list[_Window]:
    """Each window of groups (first, last) that reads as a phone number."""
    count = len(digits) - 1 if decimal_tail else len(digits)
    found: list[_Window] = []
    for i in range(count):
        head = "".join(digits[i : i + 3])[:3]
        lengths: list[int] = []
        total = 0
        for j in range(i, count):
            lengths.append(len(digits[j]))
            if not (parens[j] and digits[j] == "0"):  # "+44 (0)20": dialled only at home
                total += lengths[-1]
            if total > _PHONE_MAX_INTL + 2:
                break
            if total >= _PHONE_MIN_INTL and _phone_ok(
                head, lengths, total, plus and i == 0, i == 0
            ):
                found.append((i, j, "phone"))
    return found


def _phone_ok(
    head: str, lengths: list[int], total: int, international: bool, first: bool = True
) -> bool:
    """Whether ``total`` digits in groups of these lengths, from ``head``, make a phone."""
    # "00" dials out only at the start of a number: "3704 0044 0532 0130" is no UK phone.
    if international:
        return _PHONE_MIN_INTL <= total <= _PHONE_MAX_INTL
    if first and _international_prefix(head):
        return _PHONE_MIN_INTL <= total - 2 <= _PHONE_MAX_INTL
    if not _PHONE_MIN_NATIONAL <= total <= _PHONE_MAX_NATIONAL or len(lengths) > _PHONE_MAX_GROUPS:
        return False
    # National numbers start with a trunk 0 (UK, France, Germany...) or are laid out the
    # North American way; "1234 020 7946" is a number and the start of a phone, not a phone.
    return head[0] == "0" or len(lengths) == 1 or tuple(lengths) in _NANP_LAYOUTS
