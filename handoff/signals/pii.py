"""Find and redact card numbers, emails, phone numbers and IBANs before an agent sees a message."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
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
# The same keeps a chain from swallowing the start of an email ("call 555 1234@corp.com").
_NOT_A_GROUP = (
    rf"(?!(?:{_DATE})(?![0-9]|[./-][0-9])|[0-9]{{1,2}}:(?!\s|$)|[0-9]+[A-Za-z0-9_%+.-]*@)"
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
        (?:(?:1\.)?[0-9]{{3}}\.[0-9]{{3}}\.[0-9]{{4}}|0[1-9](?:\.[0-9]{{2}}){{4}})
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

_ANY_DIGIT = re.compile(r"[0-9]")
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
    # Most messages carry no PII at all; every kind needs a digit or an "@".
    if "@" not in text and _ANY_DIGIT.search(text) is None:
        return
    # search() rather than finditer() so a rejected IBAN candidate can be rescanned from its
    # next character: "ref AB12 4111 1111 1111 1111" must still find the card inside it.
    pos = 0
    size = len(text)
    while pos < size:
        found = _PATTERN.search(text, pos)
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
    # Map each alphanumeric character to its offset so a candidate that ran on into the next
    # word ("BE68 5390 0754 7034 then") can be cut back to the country's length.
    offsets = [i for i in range(start, end) if text[i] != " "]
    compact = "".join(text[i] for i in offsets).upper()
    expected = _IBAN_LENGTHS.get(compact[:2])
    if expected is not None:
        lengths: range | tuple[int] = (expected,)
    else:
        lengths = range(min(len(compact), _IBAN_MAX), _IBAN_MIN - 1, -1)
    for length in lengths:
        if length > len(compact):
            continue
        cut = offsets[length - 1] + 1
        if cut < end and text[cut] != " ":
            continue  # an IBAN never ends in the middle of a group
        if _mod97(compact[:length]):
            return cut
    return None


def _mod97(iban: str) -> bool:
    rearranged = (iban[4:] + iban[:4]).translate(_IBAN_DIGITS)
    return int(rearranged) % 97 == 1


def _luhn(digits: str) -> bool:
    total = sum(ord(c) - 48 for c in digits[-1::-2])
    total += sum(_DOUBLED[ord(c) - 48] for c in digits[-2::-2])
    return total % 10 == 0


_FREE, _CARD, _DEAD = 0, 1, 2


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
            return [PiiMatch("card", first, end)]
        if not decimal_tail and _phone_ok(bare, len(bare), 0, 1, plus):
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
    count = len(digits)
    state = [_FREE] * count
    found: list[PiiMatch] = []

    # Cards first: every Luhn-valid window of groups, with overlapping windows merged, so a
    # number typed just before or after a card ("qty 2", an expiry, a CVV) cannot shift the
    # window and leave part of the card visible.
    regions: list[list[tuple[int, int]]] = []
    for window in _card_windows(digits, seps, parens, plus):
        if regions and window[0] <= max(j for _, j in regions[-1]):
            regions[-1].append(window)
        else:
            regions.append([window])
    cards = 0
    for windows in regions:
        for i, j in _tiling(windows):
            state[i : j + 1] = [_CARD] * (j - i + 1)
            found.append(PiiMatch("card", starts[i], ends[j]))
            cards += 1

    # A card-shaped number that fails Luhn is left alone as a whole; without this its first
    # groups ("3782 822463" of a mistyped Amex) would be taken for a national phone number.
    for i, j in _runs(seps, parens):
        if _CARD not in state[i : j + 1] and _card_shaped(digits, i, j, plus):
            state[i : j + 1] = [_DEAD] * (j - i + 1)
    if decimal_tail and state[-1] == _FREE:
        state[-1] = _DEAD

    i = 0
    while i < count:
        best = _longest_phone(digits, state, parens, i, plus and i == 0)
        if best is None:
            i += 1
            continue
        found.append(PiiMatch("phone", start if plus and i == 0 else starts[i], ends[best]))
        i = best + 1

    if cards and len(found) > cards:
        found.sort(key=lambda m: m.start)
    return found


def _tiling(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping card windows as separate cards when they tile the region, else as one."""
    # "4111 1111 1111 1111 5555 5555 5555 4444" is two cards even if a window straddling
    # both happens to pass Luhn; a region that cannot be tiled is redacted whole.
    first = windows[0][0]
    last = max(j for _, j in windows)
    paths: dict[int, list[tuple[int, int]]] = {first: []}
    for i, j in windows:  # sorted by start, so every path reaching i is known by now
        if i in paths and j + 1 not in paths:
            paths[j + 1] = [*paths[i], (i, j)]
    return paths.get(last + 1, [(first, last)])


def _starts_email(text: str, pos: int) -> bool:
    # "0958,5jo@example.com": the digit after the comma opens an address, not decimals.
    found = _PATTERN.match(text, pos)
    return found is not None and found.lastgroup == "email"


def _card_head(digits: str, plus: bool) -> bool:
    """Whether a number whose first group is ``digits`` may be a card rather than a phone."""
    # "+" with at most 15 digits, or "00" and a country code, is an E.164 phone number.
    if plus:
        return len(digits) > _PHONE_MAX_INTL
    return not (digits[:2] == "00" and digits[2:3] not in ("", "0"))


def _card_windows(
    digits: list[str], seps: list[str], parens: list[bool], plus: bool
) -> Iterator[tuple[int, int]]:
    """Each window of groups (first, last) typed like a card number that passes Luhn."""
    count = len(digits)
    for i in range(count):
        if parens[i] or not _card_head(digits[i], plus and i == 0):
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


def _runs(seps: list[str], parens: list[bool]) -> Iterator[tuple[int, int]]:
    """Maximal windows of groups joined by one repeated separator, without parentheses."""
    # Neighbouring runs share their boundary group ("01-2024 0770" is "01-2024" and
    # "2024 0770"), so the runs do not depend on where the chain happens to start.
    count = len(seps)
    i = 0
    while i < count:
        j = i
        while (
            j + 1 < count
            and not parens[j]
            and not parens[j + 1]
            and seps[j + 1] in (" ", "-")
            and (j == i or seps[j + 1] == seps[j])
        ):
            j += 1
        yield i, j
        i = j if j > i else j + 1


def _card_shaped(digits: list[str], i: int, j: int, plus: bool) -> bool:
    # A leading 0 is a trunk prefix: "0161 4960 0000" is a phone even if it looks like a card.
    total = sum(len(d) for d in digits[i : j + 1])
    return (
        _CARD_MIN <= total <= _CARD_MAX
        and digits[i][0] != "0"
        and not (plus and i == 0)
        and all(len(d) >= 4 for d in digits[i:j])
    )


def _longest_phone(
    digits: list[str], state: list[int], parens: list[bool], i: int, international: bool
) -> int | None:
    """The last group of the longest phone number starting at group ``i``, if any."""
    head = "".join(digits[i : i + 3])[:3]
    best = None
    total = 0
    trunk = 0
    for j in range(i, len(digits)):
        if state[j] != _FREE:
            break
        total += len(digits[j])
        if total > _PHONE_MAX_INTL + 3:
            break
        if parens[j] and digits[j] == "0":
            trunk += 1
        if _phone_ok(head, total, trunk, j - i + 1, international):
            best = j
    return best


def _phone_ok(head: str, total: int, trunk: int, groups: int, international: bool) -> bool:
    """Whether ``total`` digits in ``groups`` groups, starting with ``head``, make a phone."""
    # The "(0)" of "+44 (0)20 ..." is only dialled from inside the country: not counted.
    if international:
        return _PHONE_MIN_INTL <= total - trunk <= _PHONE_MAX_INTL
    if head[:2] == "00" and head[2:3] not in ("", "0"):
        return _PHONE_MIN_INTL <= total - 2 - trunk <= _PHONE_MAX_INTL
    return _PHONE_MIN_NATIONAL <= total <= _PHONE_MAX_NATIONAL and groups <= _PHONE_MAX_GROUPS
