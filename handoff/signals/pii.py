"""Find and redact personal data before an agent sees a message.

Kinds: payment cards, emails, phone numbers, IBANs, US social security numbers, and a card's
CVV and expiry date. Text is normalised first (NFKC, so full-width digits are digits; format
characters such as zero-width joiners dropped; every dash a "-", every space a " ") while an
offset map leads back to the original, so the original span is what gets replaced. Checks
come from libraries where they know more than a pattern: ``phonenumbers`` (Google's
libphonenumber) decides what is a phone number, ``python-stdnum`` validates IBANs and SSNs.
Both are imported on first use, so ``import handoff`` stays light.

Phone numbers written without a country code are read in the regions of
``phone_regions()`` (default GB and US; set with ``set_phone_regions`` or the environment
variable ``HANDOFF_PII_PHONE_REGIONS="GB,US,DE"``); numbers with "+" or "00" are found
whatever the regions.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from types import ModuleType
from typing import Literal

from handoff.signals._memo import memo

__all__ = [
    "PiiKind",
    "PiiMatch",
    "contains_pii",
    "find_pii",
    "phone_regions",
    "redact",
    "set_phone_regions",
]

PiiKind = Literal["card", "email", "phone", "iban", "ssn", "cvv", "expiry"]


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
    "ssn": "[SSN]",
    "cvv": "[CVV]",
    "expiry": "[EXPIRY]",
}

DEFAULT_PHONE_REGIONS = ("GB", "US")
_REGIONS_ENV = "HANDOFF_PII_PHONE_REGIONS"
_configured_regions: list[tuple[str, ...]] = []  # empty until first use or set_phone_regions


def phone_regions() -> tuple[str, ...]:
    """The regions (ISO 3166 codes) in which numbers without a country code are read."""
    if not _configured_regions:
        configured = os.environ.get(_REGIONS_ENV, "")
        regions = tuple(r.strip().upper() for r in configured.split(",") if r.strip())
        _configured_regions.append(regions or DEFAULT_PHONE_REGIONS)
    return _configured_regions[-1]


def set_phone_regions(regions: Iterable[str]) -> None:
    """Read national phone numbers (no "+" or "00") as numbers of these regions, in order.

    Raises ValueError for a code libphonenumber does not know. Clears the redaction cache.
    """
    chosen = tuple(r.strip().upper() for r in regions)
    known = _phonenumbers().SUPPORTED_REGIONS
    unknown = [r for r in chosen if r not in known]
    if unknown or not chosen:
        raise ValueError(f"unknown phone regions {unknown!r}: use ISO 3166 codes such as 'GB'")
    _configured_regions[:] = [chosen]
    redact.cache_clear()


def find_pii(text: str) -> list[PiiMatch]:
    """Every piece of PII in ``text``: non-overlapping, sorted by start."""
    return _settle(text)[0]


def contains_pii(text: str) -> bool:
    """True when ``text`` holds at least one piece of PII."""
    return bool(_scan(text))


def _redacted_bytes(key: object, value: str) -> int:
    # The key is the argument tuple (text,); 100 bytes for the entry's bookkeeping.
    texts = key if isinstance(key, tuple) else (key,)
    return sum(sys.getsizeof(t) for t in texts) + sys.getsizeof(value) + 100


# Every turn's payload redacts the whole transcript again; the text of earlier turns has not
# changed, so remember results (a pure function of the text and the phone regions), bounded
# by bytes: an entry-bounded cache of message texts had no bound on memory (issue 9).
@memo(budget=16 * 1024 * 1024, size=_redacted_bytes)
def redact(text: str) -> str:
    """``text`` with each PII value replaced by its label: [CARD], [EMAIL], [PHONE], [IBAN],
    [SSN], [CVV] or [EXPIRY]."""
    return _settle(text)[1]


def _settle(text: str) -> tuple[list[PiiMatch], str]:
    """The matches in ``text`` and the redacted text, rescanned until nothing new turns up."""
    matches = _scan(text)
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
        extra = _scan(redacted)
        if not extra:
            return matches, redacted
        starts = [at for at, _ in origins]
        for match in extra:
            at, origin = origins[bisect_right(starts, match.start) - 1]
            shift = origin - at
            matches.append(PiiMatch(match.kind, match.start + shift, match.end + shift))
        matches = _merge(matches)
    return matches, text


def _start(match: PiiMatch) -> int:
    return match.start


# ---------------------------------------------------------------------------------------
# Normalisation: scan a canonical text, replace spans of the original.

_SPACE_LIKE = {"Zs", "Zl", "Zp"}
_FORMAT = "Cf"  # zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks


def _normalise(text: str) -> tuple[str, list[int] | None]:
    """The text to scan and, unless it is ``text`` itself, each character's original index."""
    if text.isascii():
        return text, None
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char < "\x80":
            out.append(char)
            origin.append(index)
            continue
        category = unicodedata.category(char)
        if category == _FORMAT:
            continue
        if category in _SPACE_LIKE:
            replacement = " "
        elif category == "Pd":
            replacement = "-"
        else:
            replacement = unicodedata.normalize("NFKC", char)
            if not replacement.isascii():
                # Digits of any script are digits ("٤" or "४" for 4); other letters stay.
                replacement = "".join(
                    str(unicodedata.decimal(c)) if unicodedata.category(c) == "Nd" else c
                    for c in replacement
                )
        for piece in replacement:
            out.append(piece)
            origin.append(index)
    return "".join(out), origin


def _scan(text: str) -> list[PiiMatch]:
    """All PII in ``text`` (original offsets), overlaps merged, sorted by start."""
    scanned, origin = _normalise(text)
    if not _TRIGGER.search(scanned) and not _AT_WORD.search(scanned):
        return []
    # Each detector needs some number of digits: counting them (in C) skips most detectors
    # for most messages.
    digits = len(scanned) - len(scanned.translate(_NO_DIGITS))
    found = _checked_plain(scanned, _scan_plain(scanned)) if digits else []
    if digits >= _CARD_MIN:
        found += _scan_cards(scanned, found)
    if digits >= _IBAN_MIN_DIGITS:
        found += _scan_ibans(scanned)
    found += _scan_emails(scanned)
    if digits >= _LINK_MIN:
        found += _scan_phones(scanned, found, digits)
    if digits >= _SSN_DIGITS:
        found += _scan_ssns(scanned)
    if digits >= _CVV_MIN_DIGITS:
        found += _scan_card_details(scanned, found)
    merged = _merge(found)
    if origin is None:
        return merged
    # A span of the scanned text maps to the original characters it came from; format
    # characters dropped inside it are covered because the span is contiguous.
    return [PiiMatch(m.kind, origin[m.start], origin[m.end - 1] + 1) for m in merged]


# When two detectors claim overlapping text, the union is redacted (nothing half-visible)
# under the kind of the longer claim.
_NO_DIGITS = str.maketrans("", "", "0123456789")
_IBAN_MIN_DIGITS = 4  # the check digits and at least two more (Malta's has 17, Norway's 13)
_SSN_DIGITS = 9
_CVV_MIN_DIGITS = 3


def _merge(matches: list[PiiMatch]) -> list[PiiMatch]:
    if len(matches) < 2:
        return list(matches)
    ordered = sorted(matches, key=lambda m: (m.start, -m.end))
    merged: list[PiiMatch] = [ordered[0]]
    for match in ordered[1:]:
        last = merged[-1]
        if match.start >= last.end:
            merged.append(match)
            continue
        longer = last if last.end - last.start >= match.end - match.start else match
        merged[-1] = PiiMatch(longer.kind, last.start, max(last.end, match.end))
    return merged


@functools.cache
def _phonenumbers() -> ModuleType:
    import phonenumbers  # noqa: PLC0415 - heavy (metadata); loaded on first use

    return phonenumbers


@functools.cache
def _stdnum_iban() -> ModuleType:
    from stdnum import iban  # noqa: PLC0415 - loaded on first use

    return iban


@functools.cache
def _stdnum_ssn() -> ModuleType:
    from stdnum.us import ssn  # noqa: PLC0415 - loaded on first use

    return ssn


# ---------------------------------------------------------------------------------------
# Plainly written PII: one compiled pattern for the common, ASCII-separated formats.

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


def _scan_plain(text: str) -> Iterator[PiiMatch]:
    """The plainly written cards, emails, phones and IBANs (the ASCII-normalised text)."""
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
        if (
            _card_head(bare, plus)
            and _CARD_MIN <= len(bare) <= _CARD_MAX
            and _card_brand_ok(bare)
            and _luhn(bare)
        ):
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
            number = "".join(digits[i : j + 1])
            if total >= _CARD_MIN and _card_brand_ok(number) and _luhn(number):
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


def _card_brand_ok(digits: str) -> bool:
    """Whether a number of this length may be issued under its first digits (IIN ranges)."""
    return len(digits) in _card_lengths(digits[:4])


@functools.lru_cache(maxsize=10_000)
def _card_lengths(head: str) -> frozenset[int]:
    """The card number lengths issued under these first four digits (none: not a card)."""
    head2 = int(head[:2])
    head4 = int(head)
    if head[0] == "4":  # Visa
        return frozenset((13, 16, 19))
    if head2 in (34, 37):  # American Express
        return frozenset((15,))
    if 2221 <= head4 <= 2720 or 51 <= head2 <= 55:  # Mastercard
        return frozenset((16,))
    if head[0] in "56" or 2200 <= head4 <= 2204 or head2 in (30, 35, 36, 38, 39):
        # Maestro, Discover, UnionPay, RuPay, Mir, JCB, Diners Club
        return frozenset(range(14, _CARD_MAX + 1))
    if head == "9792":  # Troy
        return frozenset((16,))
    return frozenset()


# ---------------------------------------------------------------------------------------
# Obfuscated cards: digits split by any separators, one digit per group, glued to words.

# A chain of digits, each gap at most three separator characters: "4111.1111.1111.1111",
# "4 1 1 1 ...", "4111 - 1111 - ...", "3530_1113_...". Letters do not stop a chain from
# starting, so "card4111111111111111" is found.
_CARD_SEP = r"[ \-./_\u2022\u00b7]"
_CARD_CHAIN = re.compile(rf"[0-9]+(?:{_CARD_SEP}{{1,3}}[0-9]+)*")
_DIGIT_RUN = re.compile(r"[0-9]+")
_CARD_FIRST_DIGITS = "234569"  # what _card_brand_ok can accept


def _scan_cards(text: str, known: list[PiiMatch]) -> list[PiiMatch]:
    found: list[PiiMatch] = []
    cards = [(m.start, m.end) for m in known if m.kind == "card"]
    for chain in _CARD_CHAIN.finditer(text):
        start, end = chain.span()
        if end - start < _CARD_MIN or (start, end) in cards:
            continue  # too short, or a plainly written card already found
        runs = [(m.start(), m.end(), m.group()) for m in _DIGIT_RUN.finditer(text, *chain.span())]
        if sum(len(r[2]) for r in runs) < _CARD_MIN:
            continue
        # Every window of whole groups with 13-19 digits that passes Luhn and the IIN check;
        # overlapping windows are merged later, so no digit of a card stays visible.
        for i in range(len(runs)):
            if runs[i][2][0] not in _CARD_FIRST_DIGITS:
                continue
            digits = ""
            lengths: frozenset[int] | None = None
            for j in range(i, len(runs)):
                digits += runs[j][2]
                if len(digits) > _CARD_MAX:
                    break
                if lengths is None and len(digits) >= 4:
                    lengths = _card_lengths(digits[:4])
                    if not lengths:
                        break
                if (
                    lengths
                    and len(digits) in lengths
                    and _luhn(digits)
                    # a number glued to more digits after a letter is a code, not a card end
                    and not text[runs[j][1] : runs[j][1] + 1].isdigit()
                ):
                    found.append(PiiMatch("card", runs[i][0], runs[j][1]))
    return found


# ---------------------------------------------------------------------------------------
# IBANs with any separators (spaces, dashes, dots, slashes), validated by python-stdnum.

_IBAN_START = re.compile(r"[A-Za-z]{2}[0-9]{2}")
_IBAN_SEP = " -./_"


def _scan_ibans(text: str) -> list[PiiMatch]:
    found: list[PiiMatch] = []
    size = len(text)
    pos = 0
    while (start_match := _IBAN_START.search(text, pos)) is not None:
        start = start_match.start()
        pos = start + 1  # candidates overlap: "ibanDE44..." is tried at "ib", "ba", ...
        if start and text[start - 1].isdigit():
            continue
        country = text[start : start + 2].upper()
        length = _IBAN_LENGTHS.get(country)
        if length is None:
            continue
        # Collect `length` letters and digits, allowing up to two separators between them.
        offsets: list[int] = []
        pos = start
        gap = 0
        while pos < size and len(offsets) < length:
            char = text[pos]
            if char.isascii() and char.isalnum():
                offsets.append(pos)
                gap = 0
            elif char in _IBAN_SEP and offsets and gap < 2:
                gap += 1
            else:
                break
            pos += 1
        if len(offsets) < length:
            continue
        end = offsets[-1] + 1
        if end < size and text[end].isdigit():
            continue  # runs on into more digits: some other number
        compact = "".join(text[i] for i in offsets).upper()
        # mod-97 first (cheap, rejects 96 in 97), then stdnum's country formats
        if _mod97(compact) and _stdnum_iban().is_valid(compact, check_country=False):
            found.append(PiiMatch("iban", start, end))
            pos = end
    return found


# ---------------------------------------------------------------------------------------
# Emails: "@" or an "at" in words or brackets, "." or a "dot"; no TLD needed; IDN domains.

_AT_WORD = re.compile(r"(?i)(?<![A-Za-z])at(?![A-Za-z])")
_LATIN = r"A-Za-z0-9\u00c0-\u024f"
_LOCAL = rf"[{_LATIN}_%+](?:[{_LATIN}_.%+-]*[{_LATIN}_%+])?"
# A domain label is one script: Latin letters and digits, or a run of other letters, so that
# "jo@example.com谢谢" ends at "com".
_LABEL = rf"(?:[{_LATIN}](?:[{_LATIN}-]*[{_LATIN}])?|[^\W\d_{_LATIN}]+)"
_BRACKET_AT = r"\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*"
_BRACKET_DOT = r"\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*"
_WORD_DOT = r"\s+dot\s+"
_TLD = r"[A-Za-z]{2,24}(?![\w])"
_NOT_AFTER_LOCAL = rf"(?<![{_LATIN}_.%+-])"
_EMAIL = re.compile(
    rf"""
    # jo@example.com, jo@example (no TLD), jo@bücher.example, jo@example dot com
      {_NOT_AFTER_LOCAL}{_LOCAL}@{_LABEL}
      (?:(?:\.|{_BRACKET_DOT}|{_WORD_DOT}){_LABEL})*
    # jo [at] example [dot] com, jo(at)example.com: the bracketed "at" is proof enough
    | {_NOT_AFTER_LOCAL}{_LOCAL}(?:(?:{_BRACKET_DOT}|{_WORD_DOT}){_LOCAL})*
      {_BRACKET_AT}{_LABEL}(?:(?:\s*\.\s*|{_BRACKET_DOT}|{_WORD_DOT}){_LABEL})*
    # jo at example dot com, jo @ example . com: needs a dot and a TLD-like last label
    | {_NOT_AFTER_LOCAL}(?P<local>{_LOCAL}(?:{_WORD_DOT}{_LOCAL})*)
      (?:\s+at\s+|\s+@\s+)(?P<domain>{_LABEL})
      (?:(?:\s*\.\s*|{_BRACKET_DOT}|{_WORD_DOT}){_LABEL})*?
      (?:\s*\.\s*|{_BRACKET_DOT}|{_WORD_DOT}){_TLD}
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "look at this dot com": "at" in prose before a determiner or pronoun is not an address.
_NOT_A_DOMAIN = frozenset((
    "the", "this", "that", "these", "those", "a", "an", "my", "your", "our", "their", "his",
    "her", "its", "it", "me", "us", "them", "home", "work", "least", "last", "all", "once",
    "first", "night", "noon",
))  # fmt: skip
_MIN_DOMAIN = 2  # "a@b" is not an address


# Without an "@", an address needs "at", a domain label and a dot right after it: prose
# ("I looked at the page") is turned away before the full pattern runs.
_AT_CANDIDATE = re.compile(
    r"(?i)(?<![a-z])at(?![a-z])\W{0,3}[^\W_][\w-]*(?:\s*\.|\s*[\[({<]\s*dot\b|\s+dot\b)"
)


def _scan_emails(text: str) -> list[PiiMatch]:
    if "@" not in text and not _AT_CANDIDATE.search(text):
        return []
    found: list[PiiMatch] = []
    for match in _EMAIL.finditer(text):
        value = match.group()
        domain = match.group("domain")
        if domain is not None and domain.lower() in _NOT_A_DOMAIN:
            continue
        if "@" in value and len(value.split("@", 1)[1].strip()) < _MIN_DOMAIN:
            continue
        end = match.end() - _untrimmed_tail(value)
        found.append(PiiMatch("email", match.start(), end))
    return found


_LAST_LABEL = re.compile(r"[\w-]+$")
_TLD_HEAD = re.compile(r"[^\W\d_]{2,63}(?![^\W\d_])")


def _untrimmed_tail(value: str) -> int:
    """How many characters at the end of a dotted address are not part of its TLD.

    "jo@example.com-4155552671": a top-level domain is letters (or punycode), so the
    address ends at "com" and the phone after it is a phone.
    """
    domain = value.rsplit("@", 1)[-1]
    last = _LAST_LABEL.search(value)
    if last is None or last.start() <= len(value) - len(domain) or value[last.start() - 1] != ".":
        return 0  # no dot before the last label: nothing to judge
    label = last.group()
    if label.lower().startswith("xn--") or label.isalpha():
        return 0
    head = _TLD_HEAD.match(label)
    return len(label) - head.end() if head is not None else 0


# ---------------------------------------------------------------------------------------
# Phone numbers: chains the plain pattern does not read (dots, slashes, links, glued),
# judged by libphonenumber.

# wa.me/447700900123, api.whatsapp.com/send?phone=..., tel:, callto:, sms:, whatsapp:
_PHONE_LINK = re.compile(
    r"(?i)(?:wa\.me/|whatsapp\.com/send/?\?phone=|(?<![a-z])(?:tel|callto|sms|whatsapp):/{0,2})"
    r"(?P<number>(?:\+|%2B)?[0-9][0-9\-. ()/]{5,24}[0-9])"
)
_PHONE_CHAIN = re.compile(
    r"(?:\+\s?)?(?:\([0-9]{1,5}\)|[0-9]+)(?:[\s\-./]{1,2}(?:\([0-9]{1,5}\)|[0-9]+))*"
)
_LINK_HINTS = ("wa.me", "whatsapp", "tel:", "callto:", "sms:")
_YEAR_DATE = re.compile(
    r"(?:19|20)[0-9]{2}[-./][0-9]{1,2}[-./][0-9]{1,2}|[0-9]{1,2}[-./][0-9]{1,2}[-./](?:19|20)[0-9]{2}"
)
_LINK_MIN, _LINK_MAX = 7, 15
_CHAIN_MIN_DIGITS = 9


def _checked_plain(text: str, matches: Iterable[PiiMatch]) -> list[PiiMatch]:
    """The plain pattern's matches, less the phones libphonenumber knows cannot be phones."""
    return [m for m in matches if m.kind != "phone" or _plain_phone_ok(text, m)]


def _scan_phones(text: str, known: list[PiiMatch], digit_count: int) -> list[PiiMatch]:
    extra: list[PiiMatch] = []
    lowered = text.lower()
    if any(hint in lowered for hint in _LINK_HINTS):
        for link in _PHONE_LINK.finditer(text):
            digits = _digits(link.group("number"))
            if _LINK_MIN <= len(digits) <= _LINK_MAX:
                extra.append(PiiMatch("phone", *link.span("number")))
    if digit_count < _CHAIN_MIN_DIGITS:
        return extra
    covered = [(m.start, m.end) for m in known + extra]
    for chain in _PHONE_CHAIN.finditer(text):
        start, end = chain.span()
        if start and (
            text[start - 1] in "+0123456789"
            # "RF-2024-000781", "INV/2024/001234": a number hyphenated to a word is a code
            or (text[start - 1] in "-/" and start > 1 and _is_word(text[start - 2]))
        ):
            continue
        raw = chain.group()
        digits = _digits(raw)
        if not _CHAIN_MIN_DIGITS <= len(digits) <= _PHONE_MAX_INTL + 2:
            continue
        if any(s <= start and end <= e for s, e in covered) or _YEAR_DATE.search(raw):
            continue
        if _is_phone(raw):
            extra.append(PiiMatch("phone", start, end))
    return extra


def _is_word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "_")


_NOT_A_DIGIT = re.compile(r"[^0-9]+")


def _digits(text: str) -> str:
    return _NOT_A_DIGIT.sub("", text)


def _plain_phone_ok(text: str, match: PiiMatch) -> bool:
    """A phone found by the plain pattern, unless libphonenumber knows it cannot be one."""
    raw = text[match.start : match.end]
    if _digits(raw).startswith("000"):
        return False  # neither a trunk 0 nor an international "00" and a country code
    if raw.startswith(("+", "0", "(0")):
        # International, or national with a trunk 0: libphonenumber rejects the ranges
        # kept free for drama and tests (07700 900xxx) that real customers never have, so
        # the shape decides here.
        return True
    # A number without a country code or trunk prefix ("9876543210", "1710496800") is a
    # phone only if it is a valid number somewhere we read national numbers.
    return _is_phone(raw)


def _is_phone(raw: str) -> bool:
    """Whether ``raw`` is a phone number in one of the configured regions (or with "+")."""
    phonenumbers = _phonenumbers()
    compact = raw.strip()
    prefixed = compact.startswith(("+", "0", "(0"))
    if compact.startswith("00"):
        compact = "+" + compact[2:].lstrip()
    digits = _digits(compact)
    for region in phone_regions():
        if not prefixed and not _national_without_prefix(region, digits):
            continue  # cannot be written this way at home: skip the parse
        try:
            number = phonenumbers.parse(compact, region)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_valid_number(number):
            pass
        elif prefixed or _written_nationally(phonenumbers, number, raw):
            return True
        # Shape over validity for international and trunk-0 numbers (see above), but
        # only with enough digits to be more than a short code or a date.
        if (
            prefixed
            and phonenumbers.is_possible_number(number)
            and len(phonenumbers.national_significant_number(number)) >= _PHONE_MIN_INTL
        ):
            return True
    return False


@functools.cache
def _region_shape(region: str) -> tuple[str, frozenset[int], bool]:
    """A region's country code, national number lengths, and whether numbers written at
    home start with a trunk prefix (Britain's 0; not the US)."""
    phonenumbers = _phonenumbers()
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    example = phonenumbers.example_number(region)
    if metadata is None or example is None:
        return "", frozenset(), True
    lengths = frozenset(metadata.general_desc.possible_length or ())
    national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
    trunk = _digits(national) != phonenumbers.national_significant_number(example)
    return str(metadata.country_code), lengths, trunk


def _national_without_prefix(region: str, digits: str) -> bool:
    """Whether ``digits`` (no "+", no 0) may be a number of ``region`` written at home,
    alone or after the country code ("1 800 ..."): a cheap test before parsing."""
    code, lengths, trunk = _region_shape(region)
    if code and digits.startswith(code) and len(digits) - len(code) in lengths:
        return True
    return not trunk and len(digits) in lengths


def _written_nationally(phonenumbers: ModuleType, number: object, raw: str) -> bool:
    """Whether ``raw`` (no "+", no trunk 0) is how this valid number is written at home.

    "1234567890" parses as the British 01234 567890 but a Briton writes the 0, and
    "2024-0315-77" parses as a US number that nobody groups that way: digits must be the
    national number (optionally after the country code) in the national grouping or coarser.
    """
    digits = _digits(raw)
    national = phonenumbers.national_significant_number(number)
    lead = digits[: len(digits) - len(national)]
    if not digits.endswith(national) or lead not in ("", str(number.country_code)):  # type: ignore[attr-defined]
        return False
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    if _digits(formatted) != national:
        return False  # the national format adds a trunk prefix the text does not have
    return _boundaries(raw, len(lead)) <= _boundaries(formatted, 0)


def _boundaries(text: str, skip: int) -> set[int]:
    """Digit counts (after the first ``skip`` digits) at which ``text`` breaks a group."""
    cuts: set[int] = set()
    count = 0
    for before, after in pairwise(text):
        count += before.isdigit()
        if before.isdigit() != after.isdigit() and before.isdigit() and count > skip:
            cuts.add(count - skip)
    return cuts


# ---------------------------------------------------------------------------------------
# US social security numbers, checked against the SSA's rules by python-stdnum.

_SSN = re.compile(r"([0-9]+)([ \-./])([0-9]{2})\2([0-9]{4})(?![0-9]|[\-./][0-9])")
_SSN_KEYWORD = re.compile(
    r"(?i)\b(?:ssn|ss\s?#|ss\s?no\.?|social\s+security(?:\s+(?:number|no\.?|#))?)"
    r"[^0-9\n]{0,6}(?P<number>[0-9]{9})(?![0-9])"
)


def _scan_ssns(text: str) -> list[PiiMatch]:
    ssn = None
    found: list[PiiMatch] = []
    for match in _SSN.finditer(text):
        start = match.start()
        if len(match.group(1)) != 3 or (start and text[start - 1] in "-./"):
            continue
        ssn = ssn or _stdnum_ssn()
        if ssn.is_valid(match.group(1) + match.group(3) + match.group(4)):
            found.append(PiiMatch("ssn", *match.span()))
    for match in _SSN_KEYWORD.finditer(text):
        ssn = ssn or _stdnum_ssn()
        if ssn.is_valid(match.group("number")):
            found.append(PiiMatch("ssn", *match.span("number")))
    return found


# ---------------------------------------------------------------------------------------
# CVV and expiry: after a keyword anywhere, or right after a card.

_EXPIRY_VALUE = r"(?<![0-9])(?:0?[1-9]|1[0-2])\s?[/\-.]\s?(?:20)?[0-9]{2}(?![0-9]|[/\-.][0-9])"
_CVV_VALUE = r"(?<![0-9])[0-9]{3,4}(?![0-9]|[\s\-.][0-9])"
_CVV_WORD = r"cvv2?|cvc2?|cvn|csc|cid|security\s+code|card\s+code|verification\s+(?:code|value)"
_EXPIRY_WORD = (
    r"exp(?:iry|iration|ires|ire|\.)?(?:\s+date)?|valid\s+(?:thru|through|until|to)|good\s+thru"
)
_KEYWORD_CVV = re.compile(rf"(?i)\b(?:{_CVV_WORD})\b[^0-9\n]{{0,25}}?(?P<value>{_CVV_VALUE})")
_KEYWORD_EXPIRY = re.compile(
    rf"(?i)\b(?:{_EXPIRY_WORD})(?![a-z])[^0-9\n]{{0,12}}?(?P<value>{_EXPIRY_VALUE})"
)
# What may stand between a card and its details: separators and the details' own words.
_AFTER_CARD = re.compile(
    rf"(?i)[\s,;:/|()\-]*(?:(?:and|{_EXPIRY_WORD}|{_CVV_WORD}|code)\b[\s:=#.\-]*)?"
    rf"(?:(?P<expiry>{_EXPIRY_VALUE})|(?P<cvv>{_CVV_VALUE}))"
)
_DETAILS_AFTER_CARD = 2  # an expiry and a CVV, in either order


def _scan_card_details(text: str, known: list[PiiMatch]) -> list[PiiMatch]:
    found: list[PiiMatch] = []
    lowered = text.lower()
    if any(word in lowered for word in ("cv", "csc", "cid", "code", "verification")):
        found += [PiiMatch("cvv", *m.span("value")) for m in _KEYWORD_CVV.finditer(text)]
    if any(word in lowered for word in ("exp", "valid", "good")):
        found += [PiiMatch("expiry", *m.span("value")) for m in _KEYWORD_EXPIRY.finditer(text)]
    for card in (m for m in known if m.kind == "card"):
        pos = card.end
        for _ in range(_DETAILS_AFTER_CARD):
            detail = _AFTER_CARD.match(text, pos)
            if detail is None:
                break
            kind: PiiKind = "expiry" if detail.group("expiry") else "cvv"
            found.append(PiiMatch(kind, *detail.span(kind)))
            pos = detail.end()
    return found
