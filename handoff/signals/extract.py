"""Turn a Conversation into Signals: sentiment and its trend, cues, intent, failures, account.

:func:`bound` is the one place where a conversation is made safe to analyse: every message is
cut to ``max_message_chars`` (see :func:`~handoff.signals.text.cap_text`), only the latest
``max_turns`` turns are read, and lists and names are capped. Signals and payloads are built
from its result and record what it left out.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
import operator
import re
import sys
import threading
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from handoff.models._base import built
from handoff.models.conversation import (
    CARRY_FORMAT,
    MAX_CARRY_CUES,
    MAX_CARRY_USERS,
    Account,
    Conversation,
    Entity,
    Episode,
    Failures,
    Intent,
    RoutingState,
    SignalCarry,
    Turn,
)
from handoff.models.rules import HUMAN_LANE_KINDS, Settings
from handoff.models.signals import UNRANKED, Cue, Signals, TextAnalysis, TurnScore
from handoff.signals import escalation, learned, spread
from handoff.signals._memo import Store, memo
from handoff.signals.routing_lexicon import ANAPHORIC_REQUEST, HUMAN_DEMAND, STAFF_NAMED
from handoff.signals.text import (
    _OBJECT_BYTES,
    CACHE_BYTES,
    MAX_MESSAGE_CHARS,
    about_past_death,
    analyze_text,
    cap_text,
)

__all__ = [
    "EXPLAINED_TURNS",
    "MAX_ENTITIES",
    "MAX_FIELD_CHARS",
    "MAX_TURNS",
    "NEVER",
    "SIGNAL_SETTINGS",
    "Bounded",
    "Limits",
    "bound",
    "carry_key",
    "extract",
    "extract_carried",
    "is_fallback_turn",
    "restate",
    "signal_settings",
]

NAN = math.nan
# turns_since_handback when the conversation was never handed back: large, so that
# `turns_since_handback: {lt: 3}` is false and `{gte: 3}` true.
NEVER = 1_000_000
_WORD = re.compile(r"[a-z0-9']+")
_EMPTY = TextAnalysis(text="", sentiment=0.0, frustration=0.0)
_VULNERABILITY = "vulnerability"
_NOT_CURRENT = "not_current"

# The latest turns analysed (all roles): signals that look back (repeats, fallbacks, the
# sentiment minimum and the cues seen) look back this far. A long support chat has 40-60
# turns; a conversation of thousands is a script, and each turn it brings costs analysis.
MAX_TURNS = 200
# Entities kept per turn, and the length of names and other short strings copied into
# signals and payloads (intent, action, entity, channel, tier, flags, customer name and ids).
MAX_ENTITIES = 50
MAX_FIELD_CHARS = 256
_MAX_RANKING = 10
_MAX_FLAGS = 32
# A longer id keeps its head and gains a digest, so distinct ids stay distinct.
_ID_HEAD = 200
_BLANK = {role: Turn(role=role) for role in ("user", "bot", "agent", "system")}
# Signals explain (per-turn scores, cues with evidence) the latest this many user turns: the
# routing state carries them, and it travels with every request and is stored on every turn.
EXPLAINED_TURNS = 20
# Bump when the meaning of what is carried changes without any file of the analysis changing.
# Every file of the analysis (this package's code, tables and models: VADER, the lexicons,
# cues, story parts, the blend) is fingerprinted too (see carry_key), so a state carried from
# before any change to them is not mixed with the new analysis: it is recomputed once.
ANALYSIS_VERSION = 1
# The longest trend window whose values the state carries; a longer one is analysed whole.
_MAX_CARRIED_WINDOW = 50


_TEXT = operator.attrgetter("text")
_ROLE = operator.attrgetter("role")
_NAME = operator.attrgetter("name")
_INTENT = operator.attrgetter("intent")
_ACTION = operator.attrgetter("action")
_RANKING = operator.attrgetter("intent_ranking")
_ENTITIES = operator.attrgetter("entities")
_EVIDENCE = operator.attrgetter("evidence")
_KIND = operator.attrgetter("kind")


@dataclass(frozen=True)
class Limits:
    """How much of a conversation is analysed and shown; what lies beyond is cut and recorded."""

    max_message_chars: int = MAX_MESSAGE_CHARS
    """Characters of one message, at most (a longer one keeps its head and tail)."""
    max_turns: int = MAX_TURNS
    """Latest turns, at most."""

    def __post_init__(self) -> None:
        for name in ("max_message_chars", "max_turns"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")


_DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Bounded:
    """A conversation made safe to analyse, and what was left out of it."""

    conversation: Conversation
    cut_chars: Mapping[int, int] = field(default_factory=dict)
    """Turn index -> characters of that message neither analysed nor shown."""
    first_turn: int = 0
    """Turns before this index are blanked (their role kept): not analysed nor shown."""


def bound(
    conversation: Conversation, limits: Limits = _DEFAULT_LIMITS, *, within: int = 0
) -> Bounded:
    """``conversation`` with the work it can cause bounded; returned as is when ordinary.

    Every message of the latest ``limits.max_turns`` turns is cut to
    ``limits.max_message_chars``; earlier turns keep only their role (so turn indexes and the
    count of user turns stay right); entities, intent rankings, risk flags and names are capped.
    ``within``: how many of the first turns are known to need no cutting (see
    :func:`carried_within`); only the turns after them are checked.
    """
    max_message_chars, max_turns = limits.max_message_chars, limits.max_turns
    turns = conversation.turns
    first = max(0, len(turns) - max_turns)
    if (
        not first
        and _ordinary_head(conversation)
        and _ordinary_turns(turns[within:] if within else turns, max_message_chars)
    ):
        return Bounded(conversation)
    cut: dict[int, int] = {}
    kept: list[Turn] = [_BLANK[t.role] for t in turns[:first]]
    for index, turn in enumerate(turns[first:], first):
        text, cut_chars = cap_text(turn.text, max_message_chars)
        if cut_chars:
            cut[index] = cut_chars
        kept.append(_bounded_turn(turn, text))
    account = conversation.account
    return Bounded(
        conversation.model_copy(
            update={
                "id": _bounded_id(conversation.id),
                "channel": conversation.channel[:MAX_FIELD_CHARS],
                "turns": tuple(kept),
                "account": Account(
                    customer_id=(
                        _bounded_id(account.customer_id)
                        if account.customer_id is not None
                        else None
                    ),
                    name=_short_text(account.name) if account.name is not None else None,
                    tier=account.tier[:MAX_FIELD_CHARS],
                    risk_flags=frozenset(
                        flag[:MAX_FIELD_CHARS] for flag in sorted(account.risk_flags)[:_MAX_FLAGS]
                    ),
                ),
            }
        ),
        cut,
        first,
    )


def _ordinary_head(conversation: Conversation) -> bool:
    """Whether nothing but the turns of the conversation needs bounding (its id, channel and
    account): the common case, checked cheaply (this runs on every payload, so the rare
    checks sit behind cheap ones)."""
    account = conversation.account
    return not (
        len(conversation.id) > MAX_FIELD_CHARS
        or len(conversation.channel) > MAX_FIELD_CHARS
        or len(account.customer_id or "") > MAX_FIELD_CHARS
        or len(account.name or "") > MAX_FIELD_CHARS
        or len(account.tier) > MAX_FIELD_CHARS
        or len(account.risk_flags) > _MAX_FLAGS
        or (account.risk_flags and max(map(len, account.risk_flags)) > MAX_FIELD_CHARS)
    )


def _ordinary_turns(turns: Sequence[Turn], max_message_chars: int) -> bool:
    """Whether none of ``turns`` needs bounding (what :func:`_ordinary_turn` checks)."""
    if not turns:
        return True
    # Field by field, each pass over the turns in C (this runs on every payload): the texts,
    # then the intents and actions that are set, then the few rankings and entity lists.
    return (
        max(map(len, map(_TEXT, turns))) <= max_message_chars
        and max(map(len, map(_NAME, filter(None, map(_INTENT, turns)))), default=0)
        <= MAX_FIELD_CHARS
        and max(map(len, filter(None, map(_ACTION, turns))), default=0) <= MAX_FIELD_CHARS
        and all(map(_short_ranking, filter(None, map(_RANKING, turns))))
        and all(map(_short_entities, filter(None, map(_ENTITIES, turns))))
    )


def _short_ranking(ranking: tuple[Intent, ...]) -> bool:
    return len(ranking) <= _MAX_RANKING and all(len(i.name) <= MAX_FIELD_CHARS for i in ranking)


def _short_entities(entities: tuple[Entity, ...]) -> bool:
    return len(entities) <= MAX_ENTITIES and all(_short_entity(e) for e in entities)


def _short_entity(entity: Entity) -> bool:
    value = entity.value
    return len(entity.entity) <= MAX_FIELD_CHARS and (
        not isinstance(value, str) or len(value) <= MAX_FIELD_CHARS
    )


def _short_text(value: str) -> str:
    """A free-text value (an entity value, a name) cut like a message: no PII fragments."""
    return cap_text(value, MAX_FIELD_CHARS)[0]


def _bounded_intent(intent: Intent) -> Intent:
    if len(intent.name) <= MAX_FIELD_CHARS:
        return intent
    return Intent(name=intent.name[:MAX_FIELD_CHARS], confidence=intent.confidence)


def _bounded_turn(turn: Turn, text: str) -> Turn:
    return turn.model_copy(
        update={
            "text": text,
            "intent": _bounded_intent(turn.intent) if turn.intent is not None else None,
            "intent_ranking": tuple(_bounded_intent(i) for i in turn.intent_ranking[:_MAX_RANKING]),
            "entities": tuple(
                e
                if _short_entity(e)
                else Entity(
                    entity=e.entity[:MAX_FIELD_CHARS],
                    value=_short_text(e.value) if isinstance(e.value, str) else e.value,
                    start=e.start,
                    end=e.end,
                )
                for e in turn.entities[:MAX_ENTITIES]
            ),
            "action": turn.action[:MAX_FIELD_CHARS] if turn.action is not None else None,
        }
    )


def _bounded_id(value: str) -> str:
    if len(value) <= MAX_FIELD_CHARS:
        return value
    # surrogatepass: a lone surrogate is valid JSON and must not make hashing raise.
    digest = hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
    return f"{value[:_ID_HEAD]}…{digest}"


class _UserTurn(NamedTuple):
    """What one user message contributes, with its turn index filled in. Cached per
    (text, index), so a turn analysed on an earlier turn of the chat costs a dict lookup.
    A named tuple: built once per new message, where a frozen dataclass's field-by-field
    ``object.__setattr__`` cost about 3 us."""

    analysis: TextAnalysis
    cues: tuple[Cue, ...]
    score: TurnScore
    words: frozenset[str]  # for spotting repeated messages
    mask: int  # the words' 32-bit mask (see _mask), carried in the routing state
    size: int  # bytes held, for the cache's budget
    # round 17: the parts of stories told over several messages (spread.parts), carried
    parts: tuple[int, tuple[tuple[int, int, int], ...]]


def _user_turn_bytes(_: object, view: _UserTurn) -> int:
    return view.size  # the key's text is counted in it


@memo(budget=CACHE_BYTES, size=_user_turn_bytes)
def _user_turn(text: str, index: int) -> _UserTurn:
    """Called with capped texts only (extract bounds the conversation first)."""
    analysis = analyze_text(text) if text else _EMPTY
    words = frozenset(_WORD.findall(text.lower()))
    cues = analysis.cues
    parts = spread.parts(analysis.text, map(_KIND, cues))
    size = (
        2 * sys.getsizeof(text)
        + sum(map(sys.getsizeof, words))
        + sys.getsizeof(words)
        + 2 * sum(map(sys.getsizeof, map(_EVIDENCE, cues)))
        + _OBJECT_BYTES * (3 + 2 * len(cues) + len(parts[1]))
    )
    return _UserTurn(
        words=words,
        mask=_mask(words),
        size=size,
        parts=parts,
        analysis=analysis,
        cues=tuple(
            _cue(index, c.kind, c.evidence, c.start, c.end, c.weight) for c in analysis.cues
        ),
        score=_score(index, analysis.sentiment, analysis.frustration),
    )


def extract(
    conversation: Conversation, settings: Settings, limits: Limits = _DEFAULT_LIMITS
) -> Signals:
    """Compute every signal for the conversation's current (latest user) turn.

    The conversation is bounded first (:func:`bound`): signals read at most the latest
    ``max_turns`` turns and ``max_message_chars`` characters of each message; Signals records
    what was left out (``message_cut_chars``, ``turns_not_analysed``).
    """
    return _extract_whole(conversation, settings, limits)[0]


def extract_carried(
    conversation: Conversation,
    settings: Settings,
    limits: Limits = _DEFAULT_LIMITS,
    carry: SignalCarry | None = None,
    *,
    key: str | None = None,
) -> tuple[Signals, SignalCarry | None, str | None]:
    """Signals for the latest turn from ``carry`` (what earlier turns' analysis left in the
    routing state) and the turns it does not cover: only new messages are analysed.

    Returns the signals, the carry for the next turn (None when the conversation cannot be
    carried: beyond ``max_turns``, or too long or cue-laden for the state's bound) and, when
    earlier turns were analysed again instead of continuing ``carry``, why (a fixed phrase
    for the decision's trace; None when the carry was used, or on a conversation's first
    message, which has nothing earlier to analyse). The signals equal
    :func:`extract`'s for the same conversation, whichever way they were computed. ``key``
    is ``carry_key(settings, limits)``, for callers that keep it.
    """
    key = carry_key(settings, limits) if key is None else key
    why, digest = _unusable(conversation, carry, key, limits)
    if why is None and carry is not None and digest is not None:
        try:
            signals, carried = _extract_from(
                conversation, settings, limits, carry, key, digest=digest
            )
        except _CannotContinue as reason:
            why = str(reason)
        else:
            _LATEST.made = (carried, conversation.turns)
            return signals, carried, None
    signals, carried = _extract_whole(conversation, settings, limits, key)
    _LATEST.made = (carried, conversation.turns)
    if carry is None and signals.user_turns <= 1:
        why = None  # nothing earlier to analyse again: the first message of a conversation
    return signals, carried, why


class _CannotContinue(Exception):
    """The carry cannot be continued for this conversation (the message says why)."""


def carry_key(settings: Settings, limits: Limits = _DEFAULT_LIMITS) -> str:
    """What a carry was computed with: its format, the analysis (version and a digest of its
    files, the learned model among them), the signal settings and the limits. A carry whose
    key differs is not used."""
    return _carry_key(signal_settings(settings), limits)


@functools.lru_cache(maxsize=64)
def _carry_key(values: tuple[object, ...], limits: Limits) -> str:
    material = repr(
        (CARRY_FORMAT, ANALYSIS_VERSION, _analysis_fingerprint(), values,
         limits.max_message_chars, limits.max_turns)
    )  # fmt: skip
    return hashlib.blake2b(material.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


@functools.cache
def _analysis_fingerprint() -> str:
    """A digest of every file the analysis of one message is made of: the code, tables and
    models of ``handoff.signals`` and its subpackages (the learned model's file among them,
    the other languages' tables of ``handoff.signals.languages``). Any change to them, say a
    new cue in a deploy, makes carries from before it differ in key, so they are recomputed
    once instead of mixing two analyses in one conversation."""
    digest = hashlib.blake2b(digest_size=8)
    folder = learned.MODEL_PATH.parent
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in _ANALYSIS_SUFFIXES:
            digest.update(path.relative_to(folder).as_posix().encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()


_ANALYSIS_SUFFIXES = frozenset({".py", ".json", ".gz"})


_INITIAL = {role: role[0] for role in ("user", "bot", "agent", "system")}


class _Digest:
    """A digest of the turns a carry covers: each turn's role and text, in order. Built as a
    stream (one join per batch of turns, no per-turn formatting), so the digest of the turns
    a carry covered, extended by the turns after them, is the digest of them all. NLU intents
    and bot actions are left out: Rasa never changes a logged event, so a conversation whose
    texts and roles match is the one the carry was made from (or a new session, which has
    fewer turns).

    A digest also keeps the texts and roles it covers (references, no copies), so that the
    next turn, which carries its hex digest as ``SignalCarry.check``, can find it in
    ``_DIGESTS`` (see :meth:`of`) and compare the earlier turns with them instead of hashing
    them all again. Once a carry is made from it (:meth:`keep`), it is not changed again.
    """

    def __init__(self, turns: Sequence[Turn] = ()) -> None:
        # SHA-256 (OpenSSL, with the CPU's SHA instructions where it has them): about twice
        # as fast as BLAKE2b here, and a cold process hashes every earlier message.
        self._texts = hashlib.sha256()
        self._roles = hashlib.sha256()
        self.texts: tuple[str, ...] = ()
        self.roles: tuple[str, ...] = ()
        self._bytes = _OBJECT_BYTES
        self._hex: str | None = None
        self.add(turns)

    @classmethod
    def of(cls, turns: Sequence[Turn], check: str) -> _Digest:
        """The digest of ``turns``: a copy of the one this process kept under ``check`` when
        ``turns`` have its texts and roles (compared in C: same objects, or equal texts),
        else hashed anew. Either way it equals ``_Digest(turns)``: an edited history hashes
        anew and does not match ``check``."""
        known = _DIGESTS.get(check)
        if (
            known is not None
            and known.roles == tuple(map(_ROLE, turns))
            and known.texts == tuple(map(_TEXT, turns))
        ):
            return known._copy()
        return cls(turns)

    def _copy(self) -> _Digest:
        copy = _Digest.__new__(_Digest)
        copy._texts, copy._roles = self._texts.copy(), self._roles.copy()
        copy.texts, copy.roles, copy._bytes, copy._hex = (
            self.texts, self.roles, self._bytes, self._hex
        )  # fmt: skip
        return copy

    def add(self, turns: Sequence[Turn]) -> None:
        if turns:
            texts = tuple(map(_TEXT, turns))
            roles = tuple(map(_ROLE, turns))
            data = ("\x1e".join(texts) + "\x1e").encode("utf-8", "surrogatepass")
            self._texts.update(data)
            self._roles.update("".join(map(_INITIAL.__getitem__, roles)).encode())
            self.texts += texts
            self.roles += roles
            # What an entry of _DIGESTS holds: the texts (as UTF-8, near enough) and two
            # references per turn; the texts are shared with the previous turn's entry.
            self._bytes += len(data) + 16 * len(texts)
            self._hex = None

    def hexdigest(self) -> str:
        if self._hex is None:
            self._hex = self._texts.hexdigest()[:24] + self._roles.hexdigest()[:8]
        return self._hex

    def keep(self) -> str:
        """The hex digest, with this digest kept for the next turn to continue (see of)."""
        check = self.hexdigest()
        _DIGESTS.put(check, self, self._bytes)
        return check


# Digests by hex digest, for the next turn of each conversation (see _Digest.of): bounded by
# what their texts hold; a digest evicted (or made in another process) is hashed anew.
_DIGESTS: Store[str, _Digest] = Store(budget=CACHE_BYTES)


# Per thread, the carry extract_carried made last and the turns it made it from (the Rasa
# action routes, then builds the payload from the same conversation): the payload's check is
# then one identity test. It keeps one conversation's turns alive per thread until the next.
_LATEST = threading.local()


def carried_within(turns: Sequence[Turn], carry: SignalCarry | None, key: str) -> int:
    """How many of the first ``turns`` need no bounding, as ``carry`` (made with ``key``, e.g.
    a decision's, made from these turns) says: all the turns it covers, if it says they are
    within the limits and this thread has just made it from these very turns (the same
    immutable objects, as when the Rasa action routes and then builds the payload); else 0
    (bound checks them all). Equal texts are not enough: the limits also cover intents,
    entities and actions, which the carry's check does not digest."""
    if carry is None or not carry.within or carry.v != CARRY_FORMAT or carry.key != key:
        return 0
    made = getattr(_LATEST, "made", None)
    if made is not None and made[0] is carry and made[1] is turns:
        covered: int = carry.turns
        return covered
    return 0


def _unusable(
    conversation: Conversation, carry: SignalCarry | None, key: str, limits: Limits
) -> tuple[str | None, _Digest | None]:
    """Why ``carry`` cannot continue this conversation (a fixed phrase), or None and the
    digest of the turns it covers."""
    if carry is None:
        return "no carried analysis in the routing state", None
    if carry.v != CARRY_FORMAT:
        return "the carried analysis has another format", None
    if carry.key != key:
        return "the carried analysis was made with other signal settings, limits or analysis", None
    turns = conversation.turns
    if len(turns) > limits.max_turns:
        return "the conversation is longer than max_turns", None
    if carry.turns > len(turns):
        return "the carried analysis does not match the conversation", None
    digest = _Digest.of(turns[: carry.turns], carry.check)
    if digest.hexdigest() != carry.check:
        return "the carried analysis does not match the conversation", None
    return None, digest


# round 24 (r24c): courtesies, in the languages the routing tables read: thanks, ok, fine,
# bye, with "you", "very much", "ji" and the like. A message made of these words only is a
# courtesy ("ਠੀਕ ਹੈ ਧੰਨਵਾਦ", "ok dziękuję", "vale, gracias", "merci beaucoup", "tamam
# teşekkürler", "theek hai shukriya"); one word of anything else ("thanks for nothing",
# "ok but where is my money") and it is not.
_COURTESY_WORDS_TEXT = """
    thanks thank you thx ty ta cheers ok okay k kk fine great bye goodbye cya very much so
    lot a many
    ਧੰਨਵਾਦ ਸ਼ੁਕਰੀਆ ਸ਼ੁਕਰੀਆਂ ਠੀਕ ਹੈ ਜੀ ਅੱਛਾ ਬਹੁਤ ਬਹੁਤ
    धन्यवाद शुक्रिया ठीक है जी अच्छा बहुत
    شکریہ ٹھیک ہے جی بہت شكرا شكراً جزيلا حسنا تمام ممنون مرسی خیلی
    ধন্যবাদ ঠিক আছে অনেক আভার આભાર ઠીક છે ખૂબ நன்றி சரி மிக்க
    dhanyavaad dhanyavad dhanvaad dhanwad shukriya shukria shukriyaa theek thik hai ji acha
    accha achha bahut boht
    dziękuję dziekuje dzięki dzieki bardzo mulțumesc multumesc mersi mult frumos
    obrigado obrigada muito gracias muchas vale grazie mille merci beaucoup danke schön
    schon sehr vielen dank teşekkürler tesekkurler teşekkür tesekkur ederim sağol sagol
    tamam ačiū aciu labai mahadsanid spasibo спасибо большое хорошо дякую добре благодаря
    diolch ευχαριστώ ευχαριστω köszönöm koszonom
    """
_COURTESY_CORE_TEXT = """
    thanks thank thx ty ta cheers bye goodbye cya ਧੰਨਵਾਦ ਸ਼ੁਕਰੀਆ ਸ਼ੁਕਰੀਆਂ धन्यवाद शुक्रिया
    شکریہ شكرا شكراً ممنون مرسی ধন্যবাদ આભાર நன்றி dhanyavaad dhanyavad dhanvaad dhanwad
    shukriya shukria shukriyaa dziękuję dziekuje dzięki dzieki mulțumesc multumesc mersi
    obrigado obrigada gracias grazie merci danke dank teşekkürler tesekkurler teşekkür
    tesekkur sağol sagol ačiū aciu mahadsanid spasibo спасибо дякую благодаря diolch
    ευχαριστώ ευχαριστω köszönöm koszonom
    """
_COURTESY_WORDS = frozenset(_COURTESY_WORDS_TEXT.split())
_COURTESY_CORE = frozenset(_COURTESY_CORE_TEXT.split())
_COURTESY_STRIP = re.compile(r"[^\w\s\u0900-\u0DFF]+")


def only_courtesy(text: str) -> bool:
    """Whether ``text`` is only a thanks or a goodbye (with ok, very much, ji ...)."""
    words = _COURTESY_STRIP.sub(" ", text.casefold()).split()
    return (
        0 < len(words) <= 6
        and all(w in _COURTESY_WORDS for w in words)
        and any(w in _COURTESY_CORE for w in words)
    )


@dataclass
class _Failures:
    """Failed exchanges, counted turn by turn.

    An exchange is one user message and the bot's replies to it. It failed when NLU fell back
    on the message, or the bot answered it with a fallback reply; both at once are still one
    failure. A message whose intent is in ``settings.not_a_failure_intents`` (small talk, out
    of scope) never fails, whatever the bot replied. The latest message, not yet answered,
    counts as a failure only if NLU already fell back on it; otherwise it is not judged yet
    and does not break the run of failures before it ("the bot failed twice" holds on the
    turn after the second failed reply, whatever the customer says next).

    ``total`` and ``run`` count the exchanges before the latest one; ``last`` is whether the
    latest has failed so far (None before any user message).
    """

    total: int = 0
    run: int = 0
    last: bool | None = None
    answered: bool = False
    exempt: bool = False

    @classmethod
    def of(cls, model: Failures) -> _Failures:
        return cls(model.total, model.run, model.last, model.answered, model.exempt)

    def model(self) -> Failures:
        return built(Failures, {"total": self.total, "run": self.run, "last": self.last,
                                "answered": self.answered, "exempt": self.exempt})  # fmt: skip

    def user(self, turn: Turn, settings: Settings, courtesy: bool = False) -> None:
        if self.last is not None:
            self.total += self.last
            self.run = self.run + 1 if self.last else 0
        exempt = settings.not_a_failure_intents
        intent = turn.intent
        self.exempt = bool(exempt) and intent is not None and intent.name in exempt
        # round 24 (r24c): a message that is only a courtesy (thanks, ok, bye) in a language
        # the NLU does not read is what its thank_you / goodbye / affirm intents are: no
        # failed exchange (only_courtesy). Only where those intents are exempt.
        self.exempt = self.exempt or (courtesy and "thank_you" in exempt)
        self.last = not self.exempt and is_fallback_turn(turn, settings)
        self.answered = False

    def other(self, turn: Turn, settings: Settings) -> None:
        if self.last is None:
            return
        self.answered = self.answered or turn.role != "system"
        if not (self.last or self.exempt) and is_fallback_turn(turn, settings):
            self.last = True

    def counts(self) -> tuple[int, int]:
        """(consecutive, total) failed exchanges up to now."""
        if self.last is None:
            return 0, 0
        if not self.answered and not self.last:
            return self.run, self.total  # the latest message is not judged yet
        return (self.run + 1 if self.last else 0), self.total + self.last


# round 23: the calm frame of a conversation (cue calm_frame in cues_seen). A message that
# frames the chat as calm (a how-to or general question, someone else's story that did no
# harm, a past event) opens it; later messages whose words tell no harm of their own stay in
# it (rules read "not cues_seen calm_frame" for scam words that add nothing). A message that
# tells a new harm of its own (a step a scammer asks for, money gone, unauthorised use, a
# scam described) and frames nothing calm closes it at once ("how do I spot scams?", then
# "actually I just gave a caller my code"). Carried with the cues seen.
CALM_FRAME = "calm_frame"
_FRAMES_CALM = frozenset({"howto", "no_harm", "not_current"})
_NEW_HARM = frozenset({"scam_step", "money_gone", "fraud_report", "scam"})
_FRAMING_MESSAGES = 2


def _frame(seen: set[str], kinds: set[str], users: int) -> None:
    """Open or close the calm frame in ``seen`` from one message's cue ``kinds`` (the
    ``users``-th customer message). Only the chat's opening (its first two messages) frames
    it: a how-to asked in the middle of a problem told ("how would I know if it was held?")
    frames nothing."""
    if kinds & _FRAMES_CALM and (users <= _FRAMING_MESSAGES or CALM_FRAME in seen):
        seen.add(CALM_FRAME)
    elif kinds & _NEW_HARM:
        seen.discard(CALM_FRAME)


@dataclass
class _Fold:
    """The running state of a conversation's analysis, turn by turn (a SignalCarry, mutable)."""

    users: int = 0
    first: float | None = None
    low: float | None = None
    high: float | None = None
    seen: set[str] = field(default_factory=set)
    recent: list[tuple[int, float, float]] = field(default_factory=list)
    cues: list[tuple[int, str, int, int, float]] = field(default_factory=list)
    failures: _Failures = field(default_factory=_Failures)
    episode: tuple[int, set[str], _Failures] | None = None
    words: str = ""  # one 32-bit mask per user turn, 8 hex digits each (SignalCarry.words)
    finite: bool = True  # whether every number carried is (JSON has no NaN)
    keep: int = EXPLAINED_TURNS
    within: bool = False  # whether every turn folded is within the limits (SignalCarry.within)
    # round 17: the story parts of the latest user turns (SignalCarry.parts), at most
    # spread.WINDOW - 1 of them, for a story told over several messages (spread.joined)
    parts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, carry: SignalCarry, keep: int) -> _Fold:
        episode = carry.episode
        return cls(
            users=carry.users,
            first=carry.first,
            low=carry.low,
            high=carry.high,
            seen=set(carry.seen),
            recent=list(carry.recent),
            cues=list(carry.cues),
            failures=_Failures.of(carry.failures),
            episode=None
            if episode is None
            else (episode.start, set(episode.seen), _Failures.of(episode.failures)),
            words=carry.words,
            keep=keep,
            within=bool(carry.within),
            parts=list(carry.parts or ()),
        )

    def user(self, index: int, view: _UserTurn, turn: Turn, settings: Settings,
             episode_start: int | None) -> None:  # fmt: skip
        """Add the user turn at ``index`` (its analysis ``view``)."""
        if self.users == episode_start:
            self.episode = (self.users, set(), _Failures())
        self.users += 1
        analysis = view.analysis
        sentiment, frustration = analysis.sentiment, analysis.frustration
        if self.first is None:
            self.first = sentiment
        self.low = sentiment if self.low is None else min(self.low, sentiment)
        self.high = frustration if self.high is None else max(self.high, frustration)
        cues = view.cues
        if any(p & spread.PAST_DEATH for p in self.parts[-(spread.WINDOW - 1) :]):
            cues = _past_death(index, analysis.text, cues)
        kinds = {c.kind for c in cues}
        # A story whose last part this message brings (round 17): its cue, weighing nothing.
        told = [
            (index, kind, start, end, 0.0)
            for kind, start, end in spread.joined(self.parts, view.parts)
            if kind not in kinds
        ]
        # round 23 (r23g): "I'd like one please" right after the customer's message named a
        # member of staff ("does this chat have an actual adviser?") asks for that person.
        if ANAPHORIC_REQUEST in kinds and HUMAN_DEMAND not in kinds and self.recent:
            before = self.recent[-1][0]
            if any(c[0] == before and c[1] == STAFF_NAMED for c in self.cues):
                one = next(c for c in cues if c.kind == ANAPHORIC_REQUEST)
                told.append((index, HUMAN_DEMAND, one.start, one.end, 0.0))
        self.parts = [*self.parts, view.parts[0]][-(spread.WINDOW - 1) :]
        kinds.update(c[1] for c in told)
        self.seen |= kinds
        _frame(self.seen, kinds, self.users)
        self.recent.append((index, sentiment, frustration))
        if len(self.recent) > self.keep:
            dropped = self.recent.pop(0)[0]
            self.cues = [c for c in self.cues if c[0] != dropped]
        self.cues += [(index, c.kind, c.start, c.end, c.weight) for c in cues]
        self.cues += told
        self.words += f"{view.mask:08x}"
        self.finite = (
            self.finite
            and math.isfinite(sentiment)
            and math.isfinite(frustration)
            and all(math.isfinite(c.weight) for c in cues)
        )
        courtesy = only_courtesy(analysis.text)
        self.failures.user(turn, settings, courtesy)
        if self.episode is not None:
            self.episode[1].update(kinds)
            _frame(self.episode[1], kinds, self.users)
            self.episode[2].user(turn, settings, courtesy)

    def other(self, turn: Turn, settings: Settings) -> None:
        """Add a bot, agent or system turn."""
        self.failures.other(turn, settings)
        if self.episode is not None:
            self.episode[2].other(turn, settings)

    def carry(self, key: str, turns: int, digest: _Digest) -> SignalCarry | None:
        """The state to carry to the next turn, or None past the state's bounds."""
        if self.users > MAX_CARRY_USERS or len(self.cues) > MAX_CARRY_CUES or not self.finite:
            return None
        episode = self.episode
        # Built without validating again: every value is of its field's type and within its
        # bounds (checked above; tests/test_incremental.py checks carries against validation).
        return built(
            SignalCarry,
            {
                "v": CARRY_FORMAT,
                "key": key,
                "turns": turns,
                "check": digest.keep(),
                "users": self.users,
                "first": self.first,
                "low": self.low,
                "high": self.high,
                "seen": tuple(sorted(self.seen)),
                "recent": tuple(self.recent),
                "cues": tuple(self.cues),
                "failures": self.failures.model(),
                "episode": None
                if episode is None
                else built(
                    Episode,
                    {
                        "start": episode[0],
                        "seen": tuple(sorted(episode[1])),
                        "failures": episode[2].model(),
                    },
                ),
                "words": self.words,
                "within": self.within,
                "parts": tuple(self.parts),
            },
        )


def _past_death(index: int, text: str, cues: tuple[Cue, ...]) -> tuple[Cue, ...]:
    """``cues`` of the user turn at ``index`` (its analysed ``text``) after a death told as long
    past within the story window (round 20, spread.PAST_DEATH): a vulnerability cue that is
    only that death's paperwork (text.about_past_death) is read as not_current."""
    if not any(c.kind == _VULNERABILITY for c in cues):
        return cues
    return tuple(
        _cue(index, _NOT_CURRENT, c.evidence, c.start, c.end, 0.0)
        if c.kind == _VULNERABILITY and about_past_death(text, c.evidence)
        else c
        for c in cues
    )


def _near_masks(words: str, most: int) -> list[int]:
    """The positions n of the masks in SignalCarry.words (8 hex digits each, big-endian),
    the last one excepted, that are set and differ from the last one in at most ``most``
    bits. All masks are compared at once, in C: the words are read as one integer of 32-bit
    lanes, XORed with the last mask repeated in every lane, and each lane's set bits are
    counted by the SWAR popcount (bit pairs, nibbles, bytes; then the lane's four byte
    counts summed into its top byte by one multiplication: each byte's sum is at most 32, so
    nothing carries into the next byte or lane). Only the few lanes close enough are then
    looked at one by one. This runs on every turn, over every earlier user message."""
    raw = bytes.fromhex(words[:-8])
    lanes = len(raw) // 4
    if not lanes:
        return []
    ones = int.from_bytes(b"\0\0\0\1" * lanes, "big")  # 1 in every lane
    x = int.from_bytes(raw, "big") ^ (int(words[-8:], 16) * ones)
    x -= (x >> 1) & (0x55555555 * ones)
    x = (x & (0x33333333 * ones)) + ((x >> 2) & (0x33333333 * ones))
    x = (x + (x >> 4)) & (0x0F0F0F0F * ones)
    counts = (((x * 0x01010101) >> 24) & (0xFF * ones)).to_bytes(4 * lanes, "big")[3::4]
    near = counts.translate(_AT_MOST[min(most, 32)])  # 1 where the count is <= most
    found: list[int] = []
    n = near.find(1)
    while n >= 0:
        if raw[4 * n : 4 * n + 4] != b"\0\0\0\0":
            found.append(n)
        n = near.find(1, n + 1)
    return found


# _AT_MOST[k] maps a byte (a lane's count of differing bits, 0..32) to 1 if it is <= k, else 0.
_AT_MOST = tuple(bytes(int(v <= k) for v in range(256)) for k in range(33))


def _episode_start(conversation: Conversation) -> int | None:
    """The user turn (0-based) where the escalation model's episode starts: the first after
    the last hand-back (routing state's ``handback_turn``), if there was one."""
    handback = conversation.state.handback_turn
    return handback if handback is not None and handback > 0 else None


def _extract_whole(
    conversation: Conversation, settings: Settings, limits: Limits, key: str | None = None
) -> tuple[Signals, SignalCarry | None]:
    """Every signal from the whole (bounded) conversation, and the carry it leaves."""
    bounded = bound(conversation, limits)
    window = bounded.conversation
    first = bounded.first_turn
    turns = window.turns
    fold = _Fold(keep=max(EXPLAINED_TURNS, settings.sentiment_window))
    before = sum(1 for t in turns[:first] if t.role == "user")
    start = _episode_start(conversation)
    latest: tuple[int, _UserTurn] | None = None
    for index in range(first, len(turns)):
        turn = turns[index]
        if turn.role == "user":
            view = _user_turn(turn.text, index)
            episode = start - before if start is not None and start >= before else None
            fold.user(index, view, turn, settings, episode)
            latest = (index, view)
        else:
            fold.other(turn, settings)
    signals = _signals(
        _Window(window, turns), settings, fold, latest, bounded.cut_chars, first, before, limits
    )
    carried = None
    if first == 0 and settings.sentiment_window <= _MAX_CARRIED_WINDOW:
        turns = conversation.turns
        fold.within = window is conversation or _ordinary_turns(turns, limits.max_message_chars)
        carried = fold.carry(key or carry_key(settings, limits), len(turns), _Digest(turns))
    return signals, carried


def _extract_from(
    conversation: Conversation,
    settings: Settings,
    limits: Limits,
    carry: SignalCarry,
    key: str,
    *,
    digest: _Digest,
) -> tuple[Signals, SignalCarry | None]:
    """Signals from ``carry`` and the turns after it (the conversation is within max_turns);
    ``digest`` is of the turns ``carry`` covers."""
    if settings.sentiment_window > _MAX_CARRIED_WINDOW:
        raise _CannotContinue("the trend window is longer than the state carries")
    start = _episode_start(conversation)
    episode = carry.episode
    if start is not None and start < carry.users and (episode is None or episode.start != start):
        raise _CannotContinue("the hand-back is earlier than the carried analysis")
    fold = _Fold.of(carry, keep=max(EXPLAINED_TURNS, settings.sentiment_window))
    if start is None or (episode is not None and episode.start != start):
        fold.episode = None
    turns = conversation.turns
    bounded_new, cut = _bound_turns(turns, carry.turns, limits)
    # Still within the limits: the carry's turns were, and no new turn was cut.
    fold.within = fold.within and all(map(operator.is_, bounded_new, turns[carry.turns :]))
    latest: tuple[int, _UserTurn] | None = None
    for index, turn in enumerate(bounded_new, carry.turns):
        if turn.role == "user":
            view = _user_turn(turn.text, index)
            fold.user(index, view, turn, settings, start)
            latest = (index, view)
        else:
            fold.other(turn, settings)
    if latest is None and fold.users:
        # No new message since the carry: the latest user turn is an earlier one.
        index = next(i for i in range(carry.turns - 1, -1, -1) if turns[i].role == "user")
        bounded_latest, latest_cut = _bound_turns(turns[: index + 1], index, limits)
        cut.update(latest_cut)
        latest = (index, _user_turn(bounded_latest[0].text, index))
        prefix = (*turns[:index], *bounded_latest, *turns[index + 1 : carry.turns])
    else:
        prefix = turns[: carry.turns]
    window = _Window(_bounded_head(conversation), (*prefix, *bounded_new))
    signals = _signals(window, settings, fold, latest, cut, 0, 0, limits)
    digest.add(turns[carry.turns :])
    return signals, fold.carry(key, len(turns), digest)


def _bound_turns(
    turns: Sequence[Turn], first: int, limits: Limits
) -> tuple[tuple[Turn, ...], dict[int, int]]:
    """The turns from ``first`` on, bounded as :func:`bound` would, and what it cut."""
    max_message_chars = limits.max_message_chars
    out: list[Turn] = []
    cut: dict[int, int] = {}
    for index in range(first, len(turns)):
        turn = turns[index]
        if _ordinary_turn(turn, max_message_chars):
            out.append(turn)
            continue
        text, cut_chars = cap_text(turn.text, max_message_chars)
        if cut_chars:
            cut[index] = cut_chars
        out.append(_bounded_turn(turn, text))
    return tuple(out), cut


def _ordinary_turn(turn: Turn, max_message_chars: int) -> bool:
    intent, action, ranking, entities = turn.intent, turn.action, turn.intent_ranking, turn.entities
    return not (
        len(turn.text) > max_message_chars
        or (intent is not None and len(intent.name) > MAX_FIELD_CHARS)
        or (action is not None and len(action) > MAX_FIELD_CHARS)
        or (ranking and not _short_ranking(ranking))
        or (entities and not _short_entities(entities))
    )


@dataclass(frozen=True)
class _Window:
    """What :func:`_signals` reads of a bounded conversation: its (bounded) id, channel,
    account and routing state, and the turns analysed. The carried path builds one without
    copying the conversation."""

    head: Conversation
    turns: Sequence[Turn]


def _bounded_head(conversation: Conversation) -> Conversation:
    """``conversation`` if its account and channel need no bounding (the common case, and
    the same check at any length), else a copy with them bounded as :func:`bound` does."""
    account = conversation.account
    if (
        len(conversation.id) <= MAX_FIELD_CHARS
        and len(conversation.channel) <= MAX_FIELD_CHARS
        and len(account.customer_id or "") <= MAX_FIELD_CHARS
        and len(account.name or "") <= MAX_FIELD_CHARS
        and len(account.tier) <= MAX_FIELD_CHARS
        and len(account.risk_flags) <= _MAX_FLAGS
        and not (account.risk_flags and max(map(len, account.risk_flags)) > MAX_FIELD_CHARS)
    ):
        return conversation
    return bound(conversation.model_copy(update={"turns": ()})).conversation


def _signals(  # noqa: PLR0917  (private: its two callers pass everything it reads)
    window: _Window,
    settings: Settings,
    fold: _Fold,
    latest_view: tuple[int, _UserTurn] | None,
    cut_chars: Mapping[int, int],
    first: int,
    before: int,
    limits: Limits,
) -> Signals:
    """The signals for the latest turn from the fold of the analysed turns.

    Every value is computed here from validated models and of the field's type, so the
    Signals are constructed without validating them again (this runs on every turn)."""
    turns = window.turns
    conversation = window.head
    latest_turn = turns[latest_view[0]] if latest_view is not None else None
    latest = latest_view[1].analysis if latest_view is not None else _EMPTY
    window_size = settings.sentiment_window
    recent = fold.recent
    explained = recent[-EXPLAINED_TURNS:]
    trend = recent[-window_size:]
    intent, confidence, margin = _intent(latest_turn)
    group_mass, group_rank = _intent_groups(latest_turn, settings)
    repeat_count = (
        _repeat_count(latest_view[1], fold.words, turns, limits) if latest_view is not None else 0
    )
    state = conversation.state
    account = conversation.account
    user_count = fold.users + before
    since = user_count - state.handback_turn if state.handback_turn is not None else NEVER
    # What the rules read as seen so far (cues, the bot's failures) covers the episode since
    # the last hand-back: a person closed what came before it (Signals.cues_seen).
    episode = _episode(fold, since)
    seen, failures = (fold.seen, fold.failures) if episode is None else episode[1:]
    consecutive, total = failures.counts()
    cues_seen = frozenset(seen)
    values: dict[str, Any] = {
        "sentiment": recent[-1][1] if recent else NAN,
        "sentiment_trend": _smoothed([r[1] for r in trend], window_size),
        "sentiment_delta": (
            recent[-1][1] - fold.first if recent and fold.first is not None else NAN
        ),
        "sentiment_min": fold.low if fold.low is not None else NAN,
        "frustration": recent[-1][2] if recent else NAN,
        "frustration_trend": _smoothed([r[2] for r in trend], window_size),
        "frustration_max": fold.high if fold.high is not None else NAN,
        "intent": intent,
        "intent_confidence": confidence,
        "intent_margin": margin,
        "human_request": latest.human_request or intent in settings.human_request_intents,
        "repeated_message": repeat_count > 0,
        "repeat_count": repeat_count,
        "consecutive_fallbacks": consecutive,
        "total_fallbacks": total,
        "user_turns": user_count,
        "tier": account.tier,
        "risk_flags": account.risk_flags,
        "channel": conversation.channel,
        "cues": _latest_kinds(latest, latest_view, fold.cues),
        "cues_seen": cues_seen,
        "entities": (
            frozenset(e.entity for e in latest_turn.entities) if latest_turn else frozenset()
        ),
        "current_lane": state.lane or "",
        "with_human": state.lane_kind in HUMAN_LANE_KINDS,
        "turns_since_handback": since,
        "intent_group_mass": group_mass,
        "intent_group_rank": group_rank,
        "escalation_score": NAN,
        "cue_details": _cue_details(fold.cues, explained, turns, limits),
        "turn_scores": tuple(itertools.starmap(_score, explained)),  # no generator frame
        "message_cut_chars": (cut_chars.get(latest_view[0], 0) if latest_view is not None else 0),
        "turns_not_analysed": first,
    }
    values["escalation_score"] = escalation.score(
        built(Signals, values if episode is None else {**values, "user_turns": since})
    )
    return built(Signals, values)


def _latest_kinds(
    latest: TextAnalysis,
    view: tuple[int, _UserTurn] | None,
    cues: Sequence[tuple[int, str, int, int, float]],
) -> frozenset[str]:
    """The latest message's cue kinds, with those of a story it completes (round 17: the
    fold's cues of its turn, the last ones folded, that its own analysis does not have)."""
    kinds = latest.cue_kinds
    if view is None:
        return kinds
    index = view[0]
    folded: list[str] = []
    for cue in reversed(cues):
        if cue[0] != index:
            break
        folded.append(cue[1])
    # round 20: the fold's cues of the turn, which a disarm carried from an earlier message
    # may have changed (_past_death); the same kinds as the analysis's otherwise
    return frozenset(folded) if folded else kinds


@functools.lru_cache(maxsize=4096)
def _score(turn: int, sentiment: float, frustration: float) -> TurnScore:
    # From validated analyses and carries: built without validating again.
    return built(TurnScore, {"turn": turn, "sentiment": sentiment, "frustration": frustration})


def _cue_details(
    cues: Sequence[tuple[int, str, int, int, float]],
    explained: Sequence[tuple[int, float, float]],
    turns: Sequence[Turn],
    limits: Limits,
) -> tuple[Cue, ...]:
    """The cues of the explained turns, their evidence read from the analysed text."""
    if not cues:
        return ()
    oldest = explained[0][0] if explained else 0
    return tuple(
        _cue(index, kind, _analysed(turns[index].text, limits)[start:end], start, end, weight)
        for index, kind, start, end, weight in cues
        if index >= oldest
    )


def _analysed(text: str, limits: Limits) -> str:
    """The text of a (bounded) message as analyze_text read it: cue offsets index this."""
    if len(text) <= min(limits.max_message_chars, MAX_MESSAGE_CHARS):
        return text
    return cap_text(cap_text(text, limits.max_message_chars)[0])[0]


@functools.lru_cache(maxsize=4096)
def _cue(  # noqa: PLR0917  (a cache key: positional, like the tuple it is built from)
    turn: int, kind: str, evidence: str, start: int, end: int, weight: float
) -> Cue:
    # From validated analyses and carries: built without validating again.
    return built(
        Cue,
        {"kind": kind, "evidence": evidence, "start": start, "end": end, "turn": turn,
         "weight": weight},
    )  # fmt: skip


def _repeat_count(latest: _UserTurn, masks: str, turns: Sequence[Turn], limits: Limits) -> int:
    """_repeats for the latest message against every earlier one, reading the words of only
    those earlier messages that the masks (SignalCarry.words, the latest one's last) cannot
    rule out (the masks give an upper bound on the words two messages share, so the count is
    exact)."""
    words = latest.words
    if len(masks) < 16 or not words:
        return 0
    shortened = _shortened_repeats(latest, masks, turns, limits)
    if shortened:
        return shortened
    size = len(words)
    # Two messages share at most size - popcount(mine & ~theirs) words, and their union has
    # at least size + popcount(theirs & ~mine): a repeat (overlap >= 0.8) needs
    # 5 * shared >= 4 * union, so 4 * popcount(mine ^ theirs) <= size (equal sets included).
    candidates = _near_masks(masks, size // 4)
    if not candidates:
        return 0
    users = [i for i, t in enumerate(turns) if t.role == "user"]
    earlier = [
        _words(cap_text(turns[users[n]].text, limits.max_message_chars)[0]) for n in candidates
    ]
    return _repeats([*earlier, words])


# round 23 (r23g): a question asked again, shortened to its topic behind a nudge ("hello??
# my limit", "anyone? the refund", "still waiting... my card"): the nudge is a greeting,
# a call for attention or a doubled question mark; the topic, one to three words once the
# nudge and function words are set aside, all in an earlier message (each such message is
# one repeat). A topic alone with no nudge ("my limit") is a new short question, no repeat.
_NUDGE_RE = re.compile(
    r"^\W*(?:hello+|hi+|hey+|helloo+|anyone|anybody|oi|excuse me|still waiting|ping|"
    r"are you there|you there)\b[^\w]*(?:\?|\.\.|!)|\?\s*\?"
)
_NOT_TOPIC = frozenset(
    {"hello", "helloo", "hellooo", "hi", "hii", "hey", "heyy", "anyone", "anybody", "oi",
     "excuse", "me", "still", "waiting", "ping", "are", "you", "there", "my", "the", "a", "an",
     "about", "so", "and", "i", "on", "what", "is", "it", "of", "for", "to", "again", "please"}
)  # fmt: skip


def _shortened_repeats(latest: _UserTurn, masks: str, turns: Sequence[Turn], limits: Limits) -> int:
    """How many earlier user messages hold every topic word of the latest one, when it is a
    nudge and a shortened topic (_NUDGE_RE); 0 otherwise."""
    topic = latest.words - _NOT_TOPIC
    if not 1 <= len(topic) <= 3 or len(latest.words) > 8:
        return 0
    if _NUDGE_RE.search(latest.analysis.text.lower()) is None:
        return 0
    need = _mask(topic)
    raw = masks[:-8]
    candidates = [n for n in range(len(raw) // 8) if need & ~int(raw[8 * n : 8 * n + 8], 16) == 0]
    if not candidates:
        return 0
    users = [i for i, t in enumerate(turns) if t.role == "user"]
    return sum(
        1
        for n in candidates
        if topic <= _words(cap_text(turns[users[n]].text, limits.max_message_chars)[0])
    )


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def _mask(words: frozenset[str]) -> int:
    """32 bits, one set per word (by CRC-32): two messages share no word whose bit is unset
    in either, so the masks bound their overlap from above."""
    mask = 0
    # The words are ASCII (_WORD): str.encode's default UTF-8 gives the same bytes.
    for crc in map(zlib.crc32, map(str.encode, words)):
        mask |= 1 << (crc & 31)
    return mask


def _episode(fold: _Fold, since: int) -> tuple[int, set[str], _Failures] | None:
    """The episode since the last hand-back, if one is folded and some (not all) of the
    folded messages came before the hand-back; None when everything folded counts.

    A hand-back (or a resolve, which hands back too) closes an episode: the customer was
    helped, so what they said before it (a request for a person, anger, the bot's failures)
    must not push their next routine question straight back to a person. The cues seen and
    the fallbacks the rules read restart at the first message after the hand-back, and so
    does the message count the escalation model reads; the latest message's own cues and
    scores count in full.
    """
    if since >= NEVER or since <= 0 or since >= fold.users:
        return None
    if fold.episode is None:  # pragma: no cover  (the fold starts one at the hand-back turn)
        raise RuntimeError("no episode since the hand-back was folded")
    return fold.episode


# The settings extract() reads: rule sets that agree on these get the same signals for the
# same conversation and routing state (experiments and shadows compute them once per turn).
SIGNAL_SETTINGS = (
    "human_request_intents",
    "fallback_intents",
    "fallback_actions",
    "not_a_failure_intents",
    "intent_groups",
    "sentiment_window",
)


def signal_settings(settings: Settings) -> tuple[object, ...]:
    """The values of ``SIGNAL_SETTINGS``, hashable: equal tuples, equal signals."""
    values = (getattr(settings, name) for name in SIGNAL_SETTINGS)
    return tuple(tuple(sorted(v.items())) if isinstance(v, dict) else v for v in values)


def restate(signals: Signals, state: RoutingState) -> Signals:
    """``signals`` as they would be under another routing state: only ``current_lane``,
    ``with_human`` and ``turns_since_handback`` read the state, so a shadow rule set reuses the
    live turn's signals. The cues seen, the fallbacks and the escalation score read the
    hand-back too (they cover the episode since the last one), and are kept: hand-backs reach
    the shadow's state as the live one's."""
    since = signals.user_turns - state.handback_turn if state.handback_turn is not None else NEVER
    return signals.model_copy(
        update={
            "current_lane": state.lane or "",
            "with_human": state.lane_kind in HUMAN_LANE_KINDS,
            "turns_since_handback": since,
        }
    )


def _smoothed(values: Sequence[float], window: int) -> float:
    """Exponentially weighted mean of the last ``window`` values, newest weighted most."""
    if not values:
        return NAN
    recent = values[-window:]
    alpha = 2.0 / (len(recent) + 1)
    level = recent[0]
    for value in recent[1:]:
        level = alpha * value + (1 - alpha) * level
    return level


def _intent(turn: Turn | None) -> tuple[str, float, float]:
    if turn is None or turn.intent is None:
        return "", NAN, NAN
    ranking = sorted((i.confidence for i in turn.intent_ranking), reverse=True)
    top = turn.intent.confidence
    # The ranking usually includes the top intent itself; the runner-up is the best other one.
    others = [i.confidence for i in turn.intent_ranking if i.name != turn.intent.name]
    runner_up = max(others) if others else (ranking[1] if len(ranking) > 1 else 0.0)
    return turn.intent.name, top, top - runner_up


def _intent_groups(
    turn: Turn | None, settings: Settings
) -> tuple[dict[str, float], dict[str, int]]:
    """Per intent group of the settings: (summed confidence across the ranking, best rank).

    The ranking is read whole, so two fraud intents at 0.35 each weigh 0.7 together although
    neither is the top intent. A ranking that leaves out the top intent gets it added; with
    no ranking, the top intent alone counts. Masses are capped at 1.0.
    """
    groups = settings.intent_groups
    if not groups:
        return {}, {}
    ranking: list[Intent] = []
    if turn is not None:
        ranking = sorted(turn.intent_ranking, key=lambda i: i.confidence, reverse=True)
        top = turn.intent
        if top is not None and all(i.name != top.name for i in ranking):
            ranking.insert(0, top)
    mass: dict[str, float] = {}
    rank: dict[str, int] = {}
    for group, intents in groups.items():
        members = frozenset(intents)
        mass[group] = min(1.0, sum((i.confidence for i in ranking if i.name in members), 0.0))
        rank[group] = next(
            (n for n, i in enumerate(ranking, start=1) if i.name in members), UNRANKED
        )
    return mass, rank


def is_fallback_turn(turn: Turn, settings: Settings) -> bool:
    """Whether this turn shows the bot did not understand: an NLU fallback intent on a user
    turn, or a fallback reply (``fallback: true`` or a fallback action) from the bot."""
    if turn.role == "user":
        return turn.intent is not None and turn.intent.name in settings.fallback_intents
    return turn.fallback or (turn.action is not None and turn.action in settings.fallback_actions)


def _repeats(messages: Sequence[frozenset[str]]) -> int:
    """How many earlier user messages the latest one repeats (same words, near enough)."""
    if len(messages) < 2:
        return 0
    latest = messages[-1]
    if not latest:
        return 0
    count = 0
    for earlier in messages[:-1]:
        if not earlier:
            continue
        common = len(latest & earlier)
        overlap = common / (len(latest) + len(earlier) - common)
        # Short messages ("yes", "no") repeat naturally; only count them when identical.
        if (len(latest) >= 3 and overlap >= 0.8) or (latest == earlier and len(latest) >= 2):
            count += 1
    return count
