"""PII redaction: a realistic corpus, a clean corpus, every supported format, and properties."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handoff.signals.pii import PiiKind, PiiMatch, contains_pii, find_pii, redact

DATA = Path(__file__).resolve().parent / "data" / "pii"


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


PII_LINES = _lines("pii_corpus.txt")
PII_VALUES = _lines("pii_values.txt")
CLEAN_LINES = _lines("clean_corpus.txt")
LABELS_BY_KIND: dict[PiiKind, str] = {
    "card": "[CARD]",
    "email": "[EMAIL]",
    "phone": "[PHONE]",
    "iban": "[IBAN]",
}
LABELS = tuple(LABELS_BY_KIND.values())

_SEPARATORS = re.compile(r"[\s\-.()]")
_NOT_DIGIT = re.compile(r"[^0-9]")


def _normal(text: str) -> str:
    # Compared this way, a value cannot survive merely reformatted ("4111-1111" for "4111 1111").
    return _SEPARATORS.sub("", text).lower()


def _digits(text: str) -> str:
    return _NOT_DIGIT.sub("", text)


def _luhn(number: str) -> bool:
    # Written independently of the module's own check, so the two cannot share a mistake.
    total = 0
    for position, char in enumerate(reversed(number)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _with_check_digit(body: str) -> str:
    return next(body + d for d in "0123456789" if _luhn(body + d))


def _mod97(iban: str) -> bool:
    compact = iban.replace(" ", "").upper()
    return int("".join(str(int(c, 36)) for c in compact[4:] + compact[:4])) % 97 == 1


def _expected_kind(value: str) -> PiiKind:
    """The kind a listed value is, judged independently of the module under test."""
    if "@" in value:
        return "email"
    if value[:2].isalpha():
        return "iban"
    digits = _digits(value)
    is_card = 13 <= len(digits) <= 19 and not value.startswith(("+", "0")) and _luhn(digits)
    return "card" if is_card else "phone"


def _line_id(line: str) -> str:
    return line[:40]


class TestPiiCorpus:
    def test_corpus_is_large_and_every_value_is_used(self) -> None:
        """The corpus has 60+ messages and every listed value occurs in one of them."""
        assert len(PII_LINES) >= 60
        corpus = "\n".join(PII_LINES)
        assert [v for v in PII_VALUES if v not in corpus] == []

    def test_every_message_carries_a_listed_value(self) -> None:
        """Each corpus message embeds at least one value from pii_values.txt."""
        assert [line for line in PII_LINES if not any(v in line for v in PII_VALUES)] == []

    def test_values_are_real_formats(self) -> None:
        """Listed cards pass Luhn, IBANs pass mod-97, and every kind is well represented."""
        kinds = Counter(_expected_kind(v) for v in PII_VALUES)
        assert min(kinds[kind] for kind in LABELS_BY_KIND) >= 10
        numbers = [v for v in PII_VALUES if v[0] in "123456789"]
        assert [v for v in numbers if len(_digits(v)) >= 13 and not _luhn(_digits(v))] == []
        assert [v for v in PII_VALUES if _expected_kind(v) == "iban" and not _mod97(v)] == []

    @pytest.mark.parametrize("value", PII_VALUES)
    def test_each_value_alone_is_one_whole_match(self, value: str) -> None:
        """Every listed value, on its own, is one match of the right kind spanning all of it."""
        assert find_pii(value) == [PiiMatch(_expected_kind(value), 0, len(value))]

    @pytest.mark.parametrize("line", PII_LINES, ids=_line_id)
    def test_no_value_survives_redaction(self, line: str) -> None:
        """No PII value survives in a redacted message, even with separators stripped."""
        redacted = _normal(redact(line))
        assert [v for v in PII_VALUES if _normal(v) in redacted] == []
        assert any(label in redact(line) for label in LABELS)

    @pytest.mark.parametrize("line", PII_LINES, ids=_line_id)
    def test_no_digit_run_survives_redaction(self, line: str) -> None:
        """The digits of no card, IBAN or phone value remain among the redacted digits."""
        remaining = _digits(redact(line))
        runs = [_digits(v) for v in PII_VALUES if "@" not in v]
        assert [run for run in runs if run in remaining] == []


class TestCleanCorpus:
    def test_clean_corpus_is_large_enough(self) -> None:
        """The negative corpus holds at least 30 messages."""
        assert len(CLEAN_LINES) >= 30

    @pytest.mark.parametrize("line", CLEAN_LINES, ids=_line_id)
    def test_clean_message_is_unchanged(self, line: str) -> None:
        """Amounts, dates, times, order numbers and Luhn-invalid numbers are left alone."""
        assert redact(line) == line
        assert not contains_pii(line)


class TestCards:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("card 4111 1111 1111 1111 ok", "card [CARD] ok"),
            ("card 4111-1111-1111-1111 ok", "card [CARD] ok"),
            ("card 4111111111111111 ok", "card [CARD] ok"),
            ("amex 378282246310005", "amex [CARD]"),
            ("amex 3782 822463 10005", "amex [CARD]"),
            ("visa 4222222222222", "visa [CARD]"),
            ("split 41111111 11111111", "split [CARD]"),
            ("(4111111111111111)", "([CARD])"),
            ("4111111111111111.", "[CARD]."),
        ],
    )
    def test_card_formats(self, text: str, expected: str) -> None:
        """Luhn-valid 13-19 digit numbers are cards, spaced, dashed or bare."""
        assert redact(text) == expected

    @pytest.mark.parametrize(
        "text",
        [
            "4111 1111 1111 1112",
            "4111-1111-1111-1112",
            "4111111111111112",
            "3782 822463 10006",
            "1234567890123",
        ],
    )
    def test_luhn_invalid_numbers_are_left_alone(self, text: str) -> None:
        """A card-shaped number that fails Luhn is not redacted, not even in part."""
        assert redact(text) == text

    def test_neighbouring_numbers_do_not_expose_the_card(self) -> None:
        """A quantity before, or an expiry and CVV after, cannot shift the card out of view."""
        for text in ("qty 2 4111 1111 1111 1111", "4111 1111 1111 1111 12/26 123"):
            assert "1111" not in redact(text)

    def test_two_cards_in_a_row_are_both_found(self) -> None:
        """Two cards separated by one space are two matches."""
        text = "4111 1111 1111 1111 5555 5555 5555 4444"
        assert [m.kind for m in find_pii(text)] == ["card", "card"]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("07700 900123 4111 1111 1111 1111", "[PHONE] [CARD]"),
            ("4111 1111 1111 1111 020 7946 0958", "[CARD] [PHONE]"),
        ],
    )
    def test_card_and_phone_side_by_side(self, text: str, expected: str) -> None:
        """A card and a phone joined by one space are told apart."""
        assert redact(text) == expected

    def test_country_code_before_a_card_hides_all_of_it(self) -> None:
        """When "+1" runs into a card, which digits are which is unknowable: all are hidden."""
        assert _digits(redact("call +1 4111 1111 1111 1111")) == ""

    def test_card_glued_to_a_word_is_still_a_card(self) -> None:
        """A card stuck to letters ("card4111...") is redacted (issue 9: glued cards leaked);
        a glued code that fails Luhn or has no card network's prefix is left alone."""
        assert redact("card4111111111111111") == "card[CARD]"
        assert redact("SKU4111111111111112") == "SKU4111111111111112"
        assert redact("SKU9111111111111113") == "SKU9111111111111113"


class TestEmails:
    @pytest.mark.parametrize(
        "email",
        [
            "john.smith@example.com",
            "Jane.Doe+orders@Mail.Example.co.uk",
            "ACCOUNTS@EXAMPLE.ORG",
            "finance-team@sub.example.net",
            "priya_k93@example.io",
            "12345@example.com",
        ],
    )
    def test_email_formats(self, email: str) -> None:
        """Dots, plus tags, subdomains, digits and upper case are all emails."""
        assert redact(f"write to {email}, thanks") == "write to [EMAIL], thanks"

    def test_sentence_full_stop_is_kept(self) -> None:
        """A full stop after the address is punctuation, not part of the domain."""
        assert redact("mail jo@example.com.") == "mail [EMAIL]."

    @pytest.mark.parametrize("text", ["@handle", "a@b", "me @ home", "meet me at home"])
    def test_non_addresses_are_left_alone(self, text: str) -> None:
        """Handles, a one-letter domain and "at" in prose are not emails."""
        assert redact(text) == text

    def test_address_without_tld_is_an_email(self) -> None:
        """An address without a dotted domain still names a mailbox (issue 9)."""
        assert redact("mail user@localhost now") == "mail [EMAIL] now"


class TestIbans:
    @pytest.mark.parametrize(
        "iban",
        [
            "GB82 WEST 1234 5698 7654 32",
            "GB82WEST12345698765432",
            "gb82 west 1234 5698 7654 32",
            "DE89 3704 0044 0532 0130 00",
            "FR14 2004 1010 0505 0001 3M02 606",
            "NL91 ABNA 0417 1643 00",
            "BE68 5390 0754 7034",
            "NO93 8601 1117 947",
        ],
    )
    def test_iban_formats(self, iban: str) -> None:
        """Spaced, unspaced and lower-case IBANs that pass mod-97 are redacted."""
        assert redact(f"iban {iban} please") == "iban [IBAN] please"

    @pytest.mark.parametrize(
        "text",
        [
            "GB82 WEST 1234 5698 7654 33",  # check digits do not match
            "GB82 WEST 1234 5698 7654",  # too short for GB
            "DE89 3704 0044 0532 0130 0",  # too short for DE
        ],
    )
    def test_invalid_ibans_are_left_alone(self, text: str) -> None:
        """A wrong checksum or a wrong length for the country is not an IBAN."""
        assert redact(text) == text

    def test_iban_is_cut_back_to_its_country_length(self) -> None:
        """A spaced IBAN followed by a four-letter word ends where the country says."""
        assert redact("BE68 5390 0754 7034 then") == "[IBAN] then"

    def test_iban_takes_precedence_over_card_and_phone(self) -> None:
        """The digits inside a valid IBAN are reported once, as the IBAN."""
        assert find_pii("DE89370400440532013000") == [PiiMatch("iban", 0, 22)]

    def test_card_after_a_rejected_iban_candidate_is_found(self) -> None:
        """A code that looks like an IBAN start cannot hide the card typed after it."""
        assert redact("ref AB12 4111 1111 1111 1111") == "ref AB12 [CARD]"

    def test_card_right_after_an_iban_is_found(self) -> None:
        """An IBAN followed by a card yields both."""
        text = "BE68 5390 0754 7034 4111 1111 1111 1111"
        assert [m.kind for m in find_pii(text)] == ["iban", "card"]


class TestPhones:
    @pytest.mark.parametrize(
        "phone",
        [
            "+44 20 7946 0958",
            "+44 (0)20 7946 0958",
            "+1 (415) 555-2671",
            "+14155552671",
            "0044 20 7946 0958",
            "020 7946 0958",
            "07700 900123",
            "07700900123",
            "(415) 555-2671",
            "415-555-2671",
            "415.555.2671",
            "415 555 2671",
            "1-800-555-0199",
            "+33 1 23 45 67 89",
            "06 12 34 56 78",
            "4155552671",
        ],
    )
    def test_phone_formats(self, phone: str) -> None:
        """International, UK national and US formats are phones."""
        assert redact(f"call {phone} today") == "call [PHONE] today"

    def test_two_phones_separated_by_a_space(self) -> None:
        """Two national numbers side by side are two phones, not one long number."""
        assert redact("07700 900123 07700 900456") == "[PHONE] [PHONE]"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("room 99 415.555.2671", "room 99 [PHONE]"),
            ("4155552671 1234", "[PHONE] 1234"),
            ("ref 1234 020 7946 0958", "ref 1234 [PHONE]"),
        ],
    )
    def test_phone_next_to_another_number(self, text: str, expected: str) -> None:
        """A neighbouring number is neither swallowed into the phone nor splits it."""
        assert redact(text) == expected

    @pytest.mark.parametrize(
        "text",
        [
            "+44 1234 56",  # 8 digits: too short for a phone
            "call 555 0143",
            "order 12345",
            "3 times",
            "£1,200.50",
            "$49.99",
            "1200 dollars",
            "2024-01-05",
            "05/01/2024",
            "5 Jan 2024",
            "14:30",
            "2024-01-05 14:30",
            "ref 12 2024-01-05",
            "15%",
            "4155552671.50",
            "INV-2024-001234",
            "room 12 1234 5678",
        ],
    )
    def test_non_phones_are_left_alone(self, text: str) -> None:
        """Short numbers, amounts, dates, times and percentages are not phones."""
        assert redact(text) == text


class TestApi:
    def test_find_pii_reports_kind_and_span(self) -> None:
        """Each match names its kind and the exact slice of the text."""
        text = "card 4111111111111111 or jo@example.com"
        assert find_pii(text) == [PiiMatch("card", 5, 21), PiiMatch("email", 25, 39)]
        assert text[5:21] == "4111111111111111"

    def test_match_is_immutable(self) -> None:
        """PiiMatch is frozen, so a match cannot be altered after the fact."""
        match = PiiMatch("card", 0, 16)
        with pytest.raises(dataclasses.FrozenInstanceError):
            match.start = 1  # type: ignore[misc]

    @pytest.mark.parametrize("text", ["", "hello there", "no digits at all!"])
    def test_text_without_pii(self, text: str) -> None:
        """Text without digits or "@" has no PII and is returned as is."""
        assert find_pii(text) == []
        assert not contains_pii(text)
        assert redact(text) == text  # equal, not identical: the cache may hold an equal string

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("电话07700900123", "电话[PHONE]"),
            ("邮箱jo@example.com谢谢", "邮箱[EMAIL]谢谢"),
            ("<jo@example.com>", "<[EMAIL]>"),
            ("tel:+442079460958", "tel:[PHONE]"),
        ],
    )
    def test_word_boundaries(self, text: str, expected: str) -> None:
        """Boundaries are ASCII: PII written straight after CJK text or punctuation is found."""
        assert redact(text) == expected

    def test_second_pass_finds_nothing_new(self) -> None:
        """A value that only stands free once its neighbour is a label is still redacted."""
        once = redact("jo@example.com-4155552671")
        assert once == "[EMAIL]-[PHONE]"
        assert redact(once) == once

    def test_contains_pii(self) -> None:
        """contains_pii is true as soon as one value is present."""
        assert contains_pii("my email is jo@example.com")
        assert not contains_pii("order 12345")


def _luhn_numbers() -> st.SearchStrategy[str]:
    # 16-digit numbers under a card network's prefix (Visa, Mastercard, Discover, JCB,
    # UnionPay): a Luhn-valid number no network issues ("0000...") is not a card.
    prefix = st.sampled_from(["4", "51", "55", "2221", "6011", "65", "35", "62"])
    tail = st.text(alphabet="0123456789", min_size=15, max_size=15)
    return st.tuples(prefix, tail).map(lambda p: _with_check_digit((p[0] + p[1])[:15]))


# Pieces that stress the parser: PII next to numbers, dates, codes and stray separators.
_FRAGMENTS = [
    "4111 1111 1111 1111",
    "378282246310005",
    "+44 20 7946 0958",
    "(415) 555-2671",
    "07700 900123",
    "GB82 WEST 1234 5698 7654 32",
    "jo@example.com",
    "2024-01-05",
    "14:30",
    "£1,200.50",
    "AB12",
    " ",
    "-",
    ".",
    "+",
    "(",
    ")",
    "0",
    "00",
    "12",
    "1234",
]
_MESSAGES = st.one_of(
    st.text(),
    st.lists(
        st.one_of(
            st.sampled_from(_FRAGMENTS), st.text(alphabet="0123456789 -+().@aZ:/,", max_size=6)
        ),
        max_size=12,
    ).map("".join),
)


class TestProperties:
    @given(number=_luhn_numbers(), before=st.text(), after=st.text())
    def test_luhn_valid_number_in_random_text_is_redacted(
        self, number: str, before: str, after: str
    ) -> None:
        """Any Luhn-valid 16-digit card number, set off by spaces in random text, is redacted."""
        start = len(before) + 1
        end = start + len(number)
        matches = find_pii(f"{before} {number} {after}")
        assert any(m.start <= start and end <= m.end for m in matches)

    @given(text=_MESSAGES)
    def test_redact_is_idempotent(self, text: str) -> None:
        """Redacting twice gives the same result as redacting once."""
        once = redact(text)
        assert redact(once) == once

    @given(text=st.text())
    def test_redact_never_raises(self, text: str) -> None:
        """Arbitrary text is redacted without error."""
        assert isinstance(redact(text), str)

    @given(text=_MESSAGES)
    def test_redact_replaces_exactly_the_matches(self, text: str) -> None:
        """redact() is find_pii() applied: each match becomes its label, nothing else changes."""
        pieces: list[str] = []
        last = 0
        for match in find_pii(text):
            pieces += [text[last : match.start], f"[{match.kind.upper()}]"]
            last = match.end
        assert redact(text) == "".join(pieces) + text[last:]

    @given(text=_MESSAGES)
    def test_matches_are_sorted_and_disjoint(self, text: str) -> None:
        """find_pii spans lie inside the text, in order, without overlapping."""
        matches = find_pii(text)
        for match in matches:
            assert 0 <= match.start < match.end <= len(text)
        for earlier, later in itertools.pairwise(matches):
            assert earlier.end <= later.start
        assert contains_pii(text) == bool(matches)
