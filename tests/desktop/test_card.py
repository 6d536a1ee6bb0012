"""The conversation card: its view model (handoff.desktop.card) and its Jinja2 templates,
built from the payloads the router makes of the bundled banking samples."""

from __future__ import annotations

import hashlib
import math
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader

from handoff.demo import DEMO_PSEUDONYM_KEY
from handoff.desktop import Desktop
from handoff.desktop import card as card_module
from handoff.desktop.card import (
    MAX_LINE_CHARS,
    MAX_LINES,
    MAX_SPARK_POINTS,
    Card,
    CardState,
    Segment,
    build_card,
    highlight,
    parse_observation,
    sparkline,
)
from handoff.models.conversation import Conversation
from handoff.models.payload import ContextPayload, TranscriptLine
from handoff.router import Router
from handoff.testing import check_case, load_cases
from tests.desktop.conftest import People, deliver

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(card_module.__file__).parent
TEMPLATES = PACKAGE / "templates"
STATIC = PACKAGE / "static"
BANKING = ROOT / "rules" / "samples" / "banking"
UTC = timezone.utc

# The card page extends the web layer's base.html; these tests render the card on its own,
# inside the smallest page that has the blocks card.html fills.
BASE = (
    "<!doctype html><html lang='en'><head><title>{% block title %}{% endblock %}</title></head>"
    "<body><main>{% block content %}{% endblock %}</main></body></html>"
)


# --- fixtures: real payloads, routed from the bundled samples --------------------------------


@pytest.fixture(scope="module")
def banking() -> Router:
    return Router.from_path(ROOT / "rules" / "banking.yaml", pseudonym_key=DEMO_PSEUDONYM_KEY)


Route = Callable[..., ContextPayload]


@pytest.fixture(scope="module")
def route(banking: Router) -> Route:
    """``route(stem, edit=None)``: the payload the router builds for a banking sample, its
    conversation optionally edited first (``edit(conversation) -> conversation``)."""
    cases = {path.stem: case for path, case in load_cases(BANKING)}

    def build(
        stem: str, edit: Callable[[Conversation], Conversation] | None = None
    ) -> ContextPayload:
        case = cases[stem]
        if edit is not None:
            case = case.model_copy(update={"conversation": edit(case.conversation)})
        decision = check_case(banking, case, stem).decision
        assert decision.handoff, f"{stem} stays with the bot: no payload"
        return banking.payload(case.conversation, decision, now=case.now)

    return build


@pytest.fixture(scope="module")
def handed_off(banking: Router) -> dict[str, ContextPayload]:
    """Every banking sample that reaches a person, by file stem."""
    out = {}
    for path, case in load_cases(BANKING):
        decision = check_case(banking, case, path.stem).decision
        if decision.handoff:
            out[path.stem] = banking.payload(case.conversation, decision, now=case.now)
    assert len(out) >= 8
    return out


@pytest.fixture(scope="module")
def env() -> Environment:
    # The web app's settings (autoescape on, trim_blocks, lstrip_blocks).
    return Environment(
        loader=ChoiceLoader([DictLoader({"base.html": BASE}), FileSystemLoader(TEMPLATES)]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(env: Environment, card: Card, template: str = "card.html") -> str:
    return env.get_template(template).render(card=card, csrf_token="csrf-123")


def with_text(turn_index: int, text: str) -> Callable[[Conversation], Conversation]:
    """Replace one message's text (0-based index into the conversation's turns)."""

    def edit(conversation: Conversation) -> Conversation:
        turns = list(conversation.turns)
        turns[turn_index] = turns[turn_index].model_copy(update={"text": text})
        return conversation.model_copy(update={"turns": tuple(turns)})

    return edit


# --- a small HTML tree, so assertions name elements rather than grep strings -------------------

VOID = {"meta", "link", "br", "hr", "img", "input", "col", "source", "wbr", "area", "base"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def iter(self) -> list[Node]:
        out = [self]
        for child in self.children:
            if isinstance(child, Node):
                out.extend(child.iter())
        return out

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and all(n.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]

    def one(self, tag: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, **attrs)
        assert len(found) == 1, f"{len(found)} <{tag} {attrs}>"
        return found[0]

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def squash(text: str) -> str:
    return " ".join(text.split())


# --- highlighting -----------------------------------------------------------------------------


class TestHighlight:
    """Cues are highlighted in place, as escaped segments, at their own turn."""

    def test_segments_rejoin_to_the_text(self) -> None:
        """Splitting never loses, adds or reorders a character."""
        text = "It failed again with the same card, what is going on"
        segments, missing = highlight(text, [("repeated_asking", "failed again")])
        assert "".join(s.text for s in segments) == text
        assert [s.cues for s in segments] == [(), ("repeated_asking",), ()]
        assert segments[1].text == "failed again"
        assert missing == ()

    def test_case_insensitive_and_whitespace_tolerant(self) -> None:
        """Evidence matches whatever its case and spacing in the message."""
        segments, _ = highlight("it FAILED\n  Again, sigh", [("repeated_asking", "failed again")])
        assert [s.text for s in segments if s.cues] == ["FAILED\n  Again"]

    def test_first_occurrence_only(self) -> None:
        """A word the customer repeats is marked once, where it first appears."""
        segments, _ = highlight("again and again", [("repeated_asking", "again")])
        assert [(s.text, s.cues) for s in segments] == [
            ("again", ("repeated_asking",)),
            (" and again", ()),
        ]

    def test_overlapping_cues_split_into_runs_carrying_both(self) -> None:
        """Overlapping evidence: the shared words carry both cues, the rest one each."""
        text = "I am so angry and scared about this"
        segments, missing = highlight(text, [("anger", "so angry and"), ("fear", "and scared")])
        assert "".join(s.text for s in segments) == text
        assert [(s.text, s.cues) for s in segments] == [
            ("I am ", ()),
            ("so angry ", ("anger",)),
            ("and", ("anger", "fear")),
            (" scared", ("fear",)),
            (" about this", ()),
        ]
        assert missing == ()
        assert segments[2].css == "cue cue-anger cue-fear cue-multi"

    def test_nested_and_identical_evidence(self) -> None:
        """One cue inside another, and two cues on the very same words."""
        segments, _ = highlight(
            "please talk to a real person now",
            [("human_demand", "talk to a real person"), ("urgency", "real"), ("x", "REAL")],
        )
        assert [(s.text, s.cues) for s in segments] == [
            ("please ", ()),
            ("talk to a ", ("human_demand",)),
            ("real", ("human_demand", "urgency", "x")),
            (" person", ("human_demand",)),
            (" now", ()),
        ]

    def test_adjacent_cues_stay_separate(self) -> None:
        """Evidence that touches but does not overlap gives two highlights, not one."""
        segments, _ = highlight("failedagain", [("a", "failed"), ("b", "again")])
        assert [(s.text, s.cues) for s in segments] == [("failed", ("a",)), ("again", ("b",))]

    def test_evidence_not_found_is_returned_as_a_note(self) -> None:
        """Evidence that is not in the text (cut, reworded) is reported, nothing marked."""
        segments, missing = highlight("hello there", [("fraud", "that I didn't make")])
        assert segments == (Segment("hello there"),)
        assert missing == (("fraud", "that I didn't make"),)
        assert highlight("hello", [("x", "   ")])[1] == (("x", "   "),)

    def test_unicode_and_emoji_offsets(self) -> None:
        """Emoji, combining marks and letters whose lower case is longer never shift a mark."""
        text = "😡😡 İİ Ça\u0301 va? I am FURIOUS 💳 about my card"
        segments, _ = highlight(text, [("anger", "furious 💳"), ("card", "My CARD")])
        marked = [(s.text, s.cues) for s in segments if s.cues]
        assert marked == [("FURIOUS 💳", ("anger",)), ("my card", ("card",))]
        assert "".join(s.text for s in segments) == text

    def test_regex_characters_in_evidence_are_literal(self) -> None:
        """Evidence is text, never a pattern."""
        segments, _missing = highlight("cost (£5.00) +vat?", [("money", "(£5.00) +vat?")])
        assert [s.text for s in segments if s.cues] == ["(£5.00) +vat?"]
        assert highlight("cost 5500", [("money", "5.00")])[1] == (("money", "5.00"),)


class TestCardTranscript:
    """The card's transcript: real payloads, cues at their turn, hostile text inert."""

    def test_script_in_a_message_renders_inert(self, route: Route, env: Environment) -> None:
        """A customer's ``<script>`` is shown as text, escaped, next to a highlight."""
        hostile = (
            "It failed again <script>alert('x')</script> with &amp; "
            "<b onmouseover=steal()>the same card</b>, what is going on"
        )
        payload = route("07_failed_again", with_text(2, hostile))
        shown = payload.transcript[-1].text
        assert "<script>" in shown  # the engine keeps it: the card must make it safe
        html = render(env, build_card(payload, state=CardState(pk=7)))
        assert "<script" not in html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
        tree = parse(html)
        assert not tree.find_all("script")
        assert not tree.find_all("b")
        assert not any(a.startswith("on") for n in tree.iter() for a in n.attrs)
        line = tree.one("li", data_testid="turn-3")
        assert line.one("p", class_="text").text == shown  # the exact text, as text
        assert line.one("mark").text == "failed again"
        assert "&amp;amp;" in html  # an entity the customer typed stays as typed

    def test_highlight_inside_html_like_text(self) -> None:
        """Evidence next to markup-like text still marks only the words, as text."""
        segments, _ = highlight("<b>failed again</b>", [("repeated_asking", "failed again")])
        assert [s.text for s in segments] == ["<b>", "failed again", "</b>"]

    def test_cue_is_marked_at_its_turn_only(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """The same words on turn 1 and turn 3: only turn 3, where the cue is, is marked."""
        payload = handed_off["07_failed_again"]
        first = payload.transcript[0]
        assert first.turn == 1
        same_words = first.model_copy(update={"text": first.text + ", it failed again"})
        payload = payload.model_copy(update={"transcript": (same_words, *payload.transcript[1:])})
        cue = next(c for c in payload.cues if c.cue == "repeated_asking")
        assert cue.turn == 3
        tree = parse(render(env, build_card(payload, state=CardState())))
        turn1 = tree.one("li", data_testid="turn-1")
        turn3 = tree.one("li", data_testid="turn-3")
        assert "failed again" in turn1.text
        assert not turn1.find_all("mark")
        marks = turn3.find_all("mark")
        assert [m.text.lower() for m in marks] == [cue.evidence.lower()]
        assert "cue-repeated_asking" in marks[0].classes()
        assert "has-cues" in turn3.classes()

    def test_every_sample_cue_is_marked_or_noted(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """For every bundled sample: each cue shows at its turn, marked or as a note.
        Overlapping evidence is split into adjacent marked runs (``highlight``), so a cue is
        marked when its evidence lies within the line's marked text."""
        checked = 0
        for stem, payload in handed_off.items():
            tree = parse(render(env, build_card(payload, state=CardState())))
            for cue in payload.cues:
                line = tree.find_all("li", data_testid=f"turn-{cue.turn}")
                if not line:  # before the transcript's window: listed above the lines
                    earlier = tree.find_all("p", data_testid="earlier-cue")
                    assert any(cue.evidence in n.text for n in earlier), stem
                    continue
                marked = "".join(m.text.lower() for m in line[0].find_all("mark"))
                noted = [n.text for n in line[0].find_all("p", data_testid="cue-note")]
                assert cue.evidence.lower() in marked or any(cue.evidence in n for n in noted)
                checked += 1
        assert checked >= 8

    def test_evidence_not_found_shows_a_note_on_its_turn(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """A cue whose words are not in its line (the line was cut) is a note on that turn."""
        payload = handed_off["02_unrecognised_payment_at_night"]
        cue = payload.cues[0]
        lines = tuple(
            line.model_copy(update={"text": "[…] cut here"}) if line.turn == cue.turn else line
            for line in payload.transcript
        )
        card = build_card(payload.model_copy(update={"transcript": lines}), state=CardState())
        tree = parse(render(env, card))
        line = tree.one("li", data_testid=f"turn-{cue.turn}")
        assert not line.find_all("mark")
        # one note per cue of that turn (round 23 reads the loss as a fraud report too)
        notes = [p.text for p in line.find_all("p", data_testid="cue-note")]
        assert any(cue.evidence in note and cue.cue.replace("_", " ") in note for note in notes), (
            notes
        )

    def test_cue_before_the_window_is_listed(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """A cue on a turn the transcript no longer shows is listed, never dropped."""
        payload = handed_off["12_bereaved_customer"]
        cue = payload.cues[0]
        lines = tuple(line for line in payload.transcript if line.turn != cue.turn)
        card = build_card(payload.model_copy(update={"transcript": lines}), state=CardState())
        assert [c.turn for c in card.earlier_cues] == [cue.turn]
        tree = parse(render(env, card))
        assert cue.evidence in tree.one("p", data_testid="earlier-cue").text

    def test_long_transcripts_are_bounded(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """More lines than the card draws, and a huge message: bounded, and said so."""
        payload = handed_off["07_failed_again"]
        line = payload.transcript[0]
        many = tuple(
            TranscriptLine(turn=n, role=line.role, text=f"message {n} " + "x" * 50)
            for n in range(1, MAX_LINES + 51)
        )
        huge = TranscriptLine(turn=MAX_LINES + 51, role="user", text="é" * (MAX_LINE_CHARS * 5))
        card = build_card(
            payload.model_copy(update={"transcript": (*many, huge), "cues": ()}),
            state=CardState(),
        )
        assert len(card.lines) == MAX_LINES
        assert card.lines_left_out == 51
        assert card.lines[0].turn == 52
        last = card.lines[-1]
        assert len("".join(s.text for s in last.segments)) <= MAX_LINE_CHARS + 10
        assert last.shortened == MAX_LINE_CHARS * 4
        tree = parse(render(env, card))
        assert len([n for n in tree.iter() if n.tag == "li" and "line" in n.classes()]) == MAX_LINES
        assert "51 more lines left out" in squash(
            tree.one("section", data_testid="transcript").text
        )


# --- observations -----------------------------------------------------------------------------


class TestObservations:
    """'value against its threshold' is split into its parts where the text allows."""

    @pytest.mark.parametrize(
        ("text", "parts", "met"),
        [
            ("frustration 0.89 >= 0.35", ("frustration", "0.89", ">=", "0.35"), True),
            ("sentiment -0.38 <= -0.30", ("sentiment", "-0.38", "<=", "-0.30"), True),
            (
                "cues [repeated_asking] contains any of [not_understood, repeated_asking]",
                ("cues", "[repeated_asking]", "contains any of",
                 "[not_understood, repeated_asking]"),
                True,
            ),
            (
                "cues [fraud, scam] contains [fraud]",
                ("cues", "[fraud, scam]", "contains", "[fraud]"),
                True,
            ),
            ("intent_group_rank[fraud] 1 <= 3", ("intent_group_rank[fraud]", "1", "<=", "3"), True),
            ("tier premium in [premium, private]",
             ("tier", "premium", "in", "[premium, private]"), True),
            ("human_request true = true", ("human_request", "true", "=", "true"), True),
            ("fallbacks 1 > 2 (not met)", ("fallbacks", "1", ">", "2"), False),
            ("hour 3 between [0, 6]", ("hour", "3", "between", "[0, 6]"), True),
        ],
    )  # fmt: skip
    def test_parsed(self, text: str, parts: tuple[str, str, str, str], met: bool) -> None:
        """Each operator the engine writes parses into signal, value, operator, threshold."""
        o = parse_observation(text)
        assert o.parsed
        assert (o.signal, o.value, o.op, o.threshold) == parts
        assert o.met is met
        assert o.text == text

    @pytest.mark.parametrize("text", ["", "override", "a supervisor moved it", "x 1 ~ 2"])
    def test_other_shapes_are_shown_as_written(self, text: str) -> None:
        """Text of another shape is kept whole, not guessed at."""
        o = parse_observation(text)
        assert not o.parsed
        assert o.text == text

    def test_every_bundled_observation_parses(self, banking: Router) -> None:
        """Whatever the engine writes for the bundled samples of every rule set parses."""
        seen = 0
        for rules, sample, text in _bundled_observations():
            seen += 1
            assert parse_observation(text).parsed, (rules, sample, text)
        assert seen >= 15

    def test_card_shows_value_op_threshold(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """The why section shows each observed value against its threshold, as parts."""
        payload = handed_off["06_premium_customer_unhappy"]
        tree = parse(render(env, build_card(payload, state=CardState())))
        why = tree.one("section", data_testid="why")
        items = why.find_all("li")
        assert len(items) == len(payload.why.observations) >= 2
        sentiment = next(li for li in items if li.one("span", class_="signal").text == "sentiment")
        assert sentiment.one("strong").text == "-0.38"
        assert sentiment.one("abbr").text == "<="
        assert sentiment.one("abbr").attrs["title"] == "at most"
        assert sentiment.one("span", class_="threshold").text == "-0.30"
        assert payload.why.summary in why.text
        assert all(rule in why.text for rule in payload.why.rules)


# --- sparkline --------------------------------------------------------------------------------


class TestSparkline:
    """Sentiment per customer message as a small server-side SVG, numbers in its label."""

    def test_no_points(self) -> None:
        """Nothing to draw: no chart (the card says so)."""
        assert sparkline(()) is None
        assert sparkline(((1, math.nan), (2, math.inf))) is None

    def test_one_point_is_a_centred_dot(self, env: Environment) -> None:
        """One message: one dot in the middle, no line."""
        spark = sparkline(((3, -0.5),))
        assert spark is not None
        (point,) = spark.points
        assert point.x == spark.width / 2
        assert point.negative
        assert spark.polyline == f"{point.x:.1f},{point.y:.1f}"
        assert spark.zero_y < point.y < spark.height

    def test_many_points_span_the_width_in_order(self) -> None:
        """Points run left to right in turn order; higher sentiment is higher up."""
        spark = sparkline(((1, 0.5), (3, 0.0), (5, -0.5), (7, -0.9)))
        assert spark is not None
        xs = [p.x for p in spark.points]
        assert xs == sorted(xs)
        assert xs[0] < 10
        assert xs[-1] > spark.width - 10
        ys = [p.y for p in spark.points]
        assert ys == sorted(ys)  # falling sentiment: y grows downwards
        assert spark.points[1].y == pytest.approx(spark.zero_y)
        assert "turn 1: +0.50" in spark.label
        assert "turn 7: -0.90" in spark.label

    def test_extreme_values_are_clamped_and_bad_ones_skipped(self) -> None:
        """Out-of-range values stay inside the box; NaN and infinities are left out."""
        spark = sparkline(((1, 50.0), (2, -1e9), (3, math.nan), (4, -math.inf), (5, 1.0)))
        assert spark is not None
        assert [p.turn for p in spark.points] == [1, 2, 5]
        assert [p.value for p in spark.points] == [1.0, -1.0, 1.0]
        for p in spark.points:
            assert 0 <= p.y <= spark.height
            assert 0 <= p.x <= spark.width
        assert "nan" not in spark.label.lower()
        assert "inf" not in spark.label.lower()

    def test_too_many_points_keep_the_latest(self) -> None:
        """A very long conversation draws the latest messages and says how many it left out."""
        spark = sparkline(tuple((n, 0.0) for n in range(1, MAX_SPARK_POINTS + 11)))
        assert spark is not None
        assert len(spark.points) == MAX_SPARK_POINTS
        assert spark.points[0].turn == 11
        assert spark.left_out == 10
        assert "10 earlier messages not drawn" in spark.label

    def test_card_draws_an_accessible_svg(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """The rendered chart has role=img and a title listing every number."""
        payload = handed_off["07_failed_again"]
        tree = parse(render(env, build_card(payload, state=CardState())))
        svg = tree.one("svg", data_testid="sparkline")
        assert svg.attrs["role"] == "img"
        title = svg.one("title", id=svg.attrs["aria-labelledby"] or "")
        for turn, value in payload.sentiment.per_turn:
            assert f"turn {turn}: {value:+.2f}" in title.text
        assert len(svg.find_all("circle")) == len(payload.sentiment.per_turn)
        assert len(svg.find_all("polyline")) == 1


# --- the whole card ---------------------------------------------------------------------------


class TestCardPage:
    """card.html renders every routed banking sample with what an agent needs."""

    def test_every_handed_off_sample_renders_everything(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """Customer, why, intent, bot attempts, next steps and checklist are all on the card."""
        for stem, payload in handed_off.items():
            tree = parse(render(env, build_card(payload, state=CardState(pk=1))))
            article = tree.one("article", data_testid="card")
            text = squash(article.text)
            assert tree.one(data_testid="tier").text == payload.customer.tier, stem
            flags = tree.find_all("ul", data_testid="risk-flags")
            badges = [squash(li.text) for f in flags for li in f.find_all("li")]
            assert badges == [f.replace("_", " ") for f in payload.customer.risk_flags], stem
            assert squash(payload.why.summary) in text, stem
            assert all(rule in text for rule in payload.why.rules), stem
            for step in payload.next_steps:
                assert squash(step) in text, stem
            for item in payload.empathy_checklist:
                assert squash(item.prompt) in text, stem
                assert tree.find_all("input", data_testid=f"tick-{item.step}"), stem
            if payload.intent.name is not None:
                intent = tree.one("section", data_testid="intent")
                assert payload.intent.name in intent.text, stem
                for name, _ in payload.intent.alternatives:
                    assert name in intent.text, stem
            tried = tree.one("section", data_testid="bot-tried").text
            assert all(a in tried for a in payload.bot_tried.actions), stem
            lines = [n for n in tree.iter() if "line" in n.classes() and n.tag == "li"]
            assert [int(n.attrs["data-turn"] or 0) for n in lines] == [
                line.turn for line in payload.transcript
            ], stem

    def test_risk_flags_are_badges(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """A flagged account shows each flag as a risk badge."""
        payload = handed_off["03_fraud_flag_on_pending_payment"]
        assert payload.customer.risk_flags == ("fraud_suspected",)
        tree = parse(render(env, build_card(payload, state=CardState())))
        (badge,) = tree.one("ul", data_testid="risk-flags").find_all("li")
        assert badge.classes() == {"badge", "risk"}
        assert badge.text == "fraud suspected"

    def test_sla_deadline_is_iso_utc_for_the_countdown(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """A waiting conversation carries its deadline for desktop.js; a claimed one does not
        tick."""
        payload = handed_off["02_unrecognised_payment_at_night"]
        deadline = payload.routing.sla_deadline
        assert deadline is not None
        tree = parse(render(env, build_card(payload, state=CardState())))
        timer = tree.one(data_testid="countdown")
        assert timer.attrs["data-deadline"] == deadline.astimezone(UTC).strftime(
            "%Y-%m-%dT%H:%M:%SZ"
        )
        assert timer.attrs["role"] == "timer"
        claimed = render(env, build_card(payload, state=CardState(status="claimed", agent="ana")))
        assert "data-deadline" not in claimed
        moved = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
        card = build_card(payload, state=CardState(sla_deadline=moved, lane="complaints"))
        assert card.deadline_iso == "2026-01-02T03:04:05Z"
        assert card.moved
        assert card.routed_lane == payload.routing.lane
        assert build_card(payload, state=CardState(sla_deadline=None)).deadline_iso is None

    def test_checklist_ticks_show_who_and_when(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """Ticked steps are checked and locked with who and when; the rest post with CSRF."""

        @dataclass(frozen=True)
        class Tick:
            step: str
            user: str
            at: datetime

        payload = handed_off["07_failed_again"]
        at = datetime(2026, 11, 24, 11, 3, 7, tzinfo=UTC)
        state = CardState(
            pk=42,
            status="claimed",
            agent="ana",
            can_tick=True,
            ticks=(Tick("validate", "ana", at), Tick("validate", "bo", at.replace(minute=9))),
        )
        card = build_card(payload, state=state)
        assert [(i.step, i.ticked, i.by) for i in card.checklist] == [
            ("validate", True, "ana"),
            ("reframe", False, None),
            ("commit", False, None),
        ]
        html = render(env, card)
        tree = parse(html)
        checklist = tree.one("section", data_testid="checklist")
        assert "1 of 3" in checklist.text
        validate = checklist.one("input", data_testid="tick-validate")
        assert "checked" in validate.attrs
        assert "disabled" in validate.attrs
        assert "ana" in checklist.one(data_testid="ticked-validate").text
        assert "11:03:07" in checklist.one(data_testid="ticked-validate").text
        reframe = checklist.one("input", data_testid="tick-reframe")
        assert "checked" not in reframe.attrs
        assert "disabled" not in reframe.attrs
        forms = checklist.find_all("form")
        assert {f.attrs["hx-post"] for f in forms} == {"/c/42/tick"}
        assert all(f.attrs["action"] == "/c/42/tick" for f in forms)
        assert all(f.attrs["method"] == "post" for f in forms)
        for form in forms:
            hidden = {
                i.attrs["name"]: i.attrs["value"] for i in form.find_all("input", type="hidden")
            }
            assert hidden["csrf_token"] == "csrf-123"
        # The partial alone is what htmx swaps in after a tick.
        fragment = parse(render(env, card, "_card_checklist.html"))
        assert fragment.one("section", id="card-checklist")

    def test_cannot_tick_when_not_allowed(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """Without the right to tick, every box is disabled and the card says why."""
        payload = handed_off["07_failed_again"]
        tree = parse(render(env, build_card(payload, state=CardState(pk=1))))
        boxes = tree.find_all("input", type="checkbox")
        assert len(boxes) == 3
        assert all("disabled" in b.attrs for b in boxes)
        assert "Claim the conversation" in tree.one("section", data_testid="checklist").text

    def test_notes_and_wrapups(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """Notes written with actions and wrap-ups are shown, escaped."""

        @dataclass(frozen=True)
        class Note:
            action: str
            user: str
            text: str
            at: datetime

        @dataclass(frozen=True)
        class WrapUp:
            outcome_code: str
            needed: str
            note: str
            user: str
            at: datetime

        at = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
        state = CardState(
            status="resolved",
            notes=(Note("transfer", "ana", "needs <i>fraud</i> team", at),),
            wrapups=(WrapUp("refund_issued", "yes", "done", "bo", at),),
        )
        html = render(env, build_card(handed_off["07_failed_again"], state=state))
        tree = parse(html)
        notes = tree.one("section", data_testid="notes")
        assert "needs <i>fraud</i> team" in notes.text
        assert not notes.find_all("i")
        assert "refund_issued" in notes.text
        assert "needed: yes" in notes.text

    def test_card_of_a_stored_conversation(
        self, desk: Desktop, people: People, base_payload: ContextPayload, env: Environment
    ) -> None:
        """Through the real service: claimed, ticked, transferred; the card shows it all."""
        pk = deliver(desk, base_payload)
        alice = people.alice
        desk.claim(alice, pk)
        desk.tick(alice, pk, "validate")
        record = desk.conversation(alice, pk)
        card = build_card(record.payload, state=CardState.from_record(record, can_tick=True))
        assert (card.pk, card.status, card.agent, card.can_tick) == (pk, "claimed", "alice", True)
        assert [(i.step, i.by) for i in card.checklist if i.ticked] == [("validate", "alice")]
        tree = parse(render(env, card))
        assert "alice" in tree.one(data_testid="ticked-validate").text
        assert "disabled" not in tree.one("input", data_testid="tick-reframe").attrs
        # Someone else looking at it may not tick: every box is disabled.
        other = build_card(record.payload, state=CardState.from_record(record))
        boxes = parse(render(env, other)).find_all("input", type="checkbox")
        assert all("disabled" in box.attrs for box in boxes)
        assert "Only the agent who claimed it" in render(env, other)

        desk.transfer(alice, pk, "priority_support", "needs <b>priority</b> help")
        moved = desk.conversation(people.sue, pk)
        card = build_card(moved.payload, state=CardState.from_record(moved))
        assert card.lane == "priority_support"
        assert card.routed_lane == "general_support"
        assert card.status == "waiting"
        assert card.sla_deadline == moved.sla_deadline
        tree = parse(render(env, card))
        assert "routed to general_support" in tree.one(data_testid="lane").text
        notes = tree.one("section", data_testid="notes")
        assert "needs <b>priority</b> help" in notes.text
        assert not notes.find_all("b")

    def test_build_card_is_pure(self, handed_off: dict[str, ContextPayload]) -> None:
        """Same input, same card; the payload is not changed."""
        payload = handed_off["12_bereaved_customer"]
        before = payload.model_dump_json()
        assert build_card(payload, state=CardState()) == build_card(payload, state=CardState())
        assert payload.model_dump_json() == before


# --- assets -----------------------------------------------------------------------------------


class TestAssets:
    """No inline script or style (CSP default-src 'self'); htmx vendored as recorded."""

    def test_templates_have_no_inline_script_or_style(self) -> None:
        """No <script> body, style attribute, <style> block or on* handler in any template."""
        for path in TEMPLATES.glob("*.html"):
            text = path.read_text()
            assert not re.search(r"<script(?![^>]*\bsrc=)", text), path.name
            assert not re.search(r"\sstyle\s*=", text), path.name
            assert "<style" not in text, path.name
            assert not re.search(r"\son[a-z]+\s*=", text), path.name
            assert "|safe" not in text, path.name
            assert "Markup" not in text, path.name

    def test_rendered_card_has_no_inline_script_or_style(
        self, handed_off: dict[str, ContextPayload], env: Environment
    ) -> None:
        """The same holds for a rendered card."""
        html = render(env, build_card(handed_off["05_ombudsman_complaint"], state=CardState(pk=3)))
        for node in parse(html).iter():
            assert node.tag not in ("script", "style")
            assert "style" not in node.attrs
            assert not any(name.startswith("on") for name in node.attrs)

    def test_vendored_htmx_matches_its_version_note(self) -> None:
        """htmx.min.js is the file the note names (sha256), with its licence next to it."""
        vendor = STATIC / "vendor"
        note = (vendor / "htmx.VERSION").read_text()
        digest = hashlib.sha256((vendor / "htmx.min.js").read_bytes()).hexdigest()
        assert f"htmx.min.js sha256: {digest}" in note
        version = re.search(r"htmx\.org (2\.\d+\.\d+)", note)
        assert version is not None
        assert f'version:"{version[1]}"' in (vendor / "htmx.min.js").read_text()
        assert "Zero-Clause BSD" in (vendor / "htmx.LICENSE").read_text()
        assert "integrity: sha512-" in note

    def test_css_styles_the_classes_the_pages_use(self) -> None:
        """Every class the card and queue rely on has a rule in desktop.css."""
        css = (STATIC / "desktop.css").read_text()
        for cls in (
            "queue-row", "priority", "lane-stats", "breach", "due-soon", "countdown", "card",
            "cue", "cue-multi", "badge", "risk", "step", "spark-line", "spark-dot",
            "observation", "htmx-indicator", "status-claimed", "flag", "tier",
        ):  # fmt: skip
            assert re.search(rf"\.{re.escape(cls)}\b", css), cls


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run desktop.js")
class TestCountdownScript:
    """desktop.js's countdown text, run by node outside a browser (the browser tests drive it
    in chromium)."""

    def run(self, script: str) -> str:
        harness = (
            "global.window = global; global.document = {readyState: 'complete',"
            " addEventListener() {}, querySelectorAll() { return []; }};"
            "window.setTimeout = () => 0; window.setInterval = () => 0;"
            + (STATIC / "desktop.js").read_text()
            + script
        )
        done = subprocess.run(
            ["node", "-e", harness], capture_output=True, text=True, timeout=30, check=True
        )
        return done.stdout.strip()

    def test_time_left_then_breach(self) -> None:
        """Before the deadline: time left; at and after it: breached, and how long ago."""
        out = self.run(
            "const d = handoffDesk.describe; const t = 1e12;"
            "for (const ms of [42000, 41001, 3725000, 30000, 0, -12000, -3600000]) {"
            " const s = d(t + ms, t); console.log([s.text, s.breach, s.soon].join('|')); }"
        )
        assert out.splitlines() == [
            "SLA 0:42 left|false|true",
            "SLA 0:42 left|false|true",
            "SLA 1:02:05 left|false|false",
            "SLA 0:30 left|false|true",
            "SLA breached 0:00 ago|true|false",
            "SLA breached 0:12 ago|true|false",
            "SLA breached 1:00:00 ago|true|false",
        ]


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class TestContrast:
    """The palette's text/background pairs meet WCAG AA (4.5:1 for normal text)."""

    PAIRS = (
        ("--ink", "--panel"),
        ("--ink-2", "--panel"),
        ("--ink-3", "--panel"),
        ("--ink-3", "--bg"),
        ("--ink-3", "#f8fafc"),  # table heads, the why band
        ("--ink-3", "#fffcf0"),  # a line with cues
        ("--ink-2", "#eef1f5"),  # neutral pills
        ("--accent", "--panel"),
        ("--accent", "--accent-bg"),
        ("--risk", "--panel"),
        ("--risk", "--risk-bg"),
        ("--warn", "--warn-bg"),
        ("--cue-ink", "--cue-bg"),
        ("--ok", "--ok-bg"),
        ("#6b2f8f", "#f3e8fa"),  # negative mood
        ("#ffffff", "#1c2430"),  # premium tier badge
    )

    def test_pairs(self) -> None:
        """Every pair the stylesheet puts text on is at least 4.5:1."""
        css = (STATIC / "desktop.css").read_text()
        colours = dict(re.findall(r"(--[a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\b", css))

        def hex_of(name: str) -> str:
            return name if name.startswith("#") else colours[name]

        for fg, bg in self.PAIRS:
            ratio = _contrast(hex_of(fg), hex_of(bg))
            assert ratio >= 4.5, f"{fg} on {bg}: {ratio:.2f}:1"


def _bundled_observations() -> list[tuple[str, str, str]]:
    """(rule set, sample, observation) for every handed-off bundled sample."""
    found = []
    for rules in ("banking", "default", "retail"):
        router = Router.from_path(
            ROOT / "rules" / f"{rules}.yaml", pseudonym_key=DEMO_PSEUDONYM_KEY
        )
        for path, case in load_cases(ROOT / "rules" / "samples" / rules):
            decision = check_case(router, case, path.stem).decision
            if not decision.handoff:
                continue
            payload = router.payload(case.conversation, decision, now=case.now)
            found += [(rules, path.stem, text) for text in payload.why.observations]
    return found


def test_a_negated_check_reads_as_met_when_the_negation_holds() -> None:
    """A rule's `not:` check is shown with its operator negated and its own verdict: in the
    bundled unrecognised-payment sample the cues lack 'no_harm', so "not contains [no_harm]"
    is met (it used to carry the inner check's "(not met)"), and it reads as words, not as the
    rule file's `contains_any`. (Until round 23 the check read "not contains any of [howto,
    no_harm]"; round 23's calm frame took the how-to's place in that rule.)"""
    texts = [
        text
        for rules, sample, text in _bundled_observations()
        if rules == "banking" and sample == "02_unrecognised_payment_at_night" and "no_harm" in text
    ]
    assert texts
    for text in texts:
        observation = parse_observation(text)
        assert observation.parsed, text
        assert observation.op in ("not contains", "not contains any of"), text
        assert observation.met, text
