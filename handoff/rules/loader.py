"""Read rules YAML (a file or a folder) into a RuleSet, keeping file:line for every key.

Four stages, never mixed: bytes are checked (size, encoding, nesting), YAML is composed by
libyaml (through PyYAML) into nodes, the nodes are turned into plain data plus a map from key
path to source position, and pydantic validates it. Every failure becomes a ``RulesError``
whose problems say where and how to fix it; nothing else escapes.

Plain scalars are read with the YAML 1.2 core schema (``on``/``no`` stay strings). Only the
core tags (``!!str``, ``!!int``, ``!!float``, ``!!bool``, ``!!null``, ``!!map``, ``!!seq``)
are accepted: nothing is ever constructed from a tag, so ``!!python/...``, ``!!binary``,
``!!timestamp``, ``!!set`` or ``!Custom`` are refused with their position, never turned into
an object or ''. Numbers must be finite and at most ``MAX_NUMBER_DIGITS`` digits long; the
models give every numeric field its own range (see :func:`field_range`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import re
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from handoff.errors import Problem, RulesError, did_you_mean, similar_path
from handoff.models.rules import KPI_NAMES, Condition, RuleSet
from handoff.models.signals import SIGNAL_KINDS
from handoff.rules._gc import without_cyclic_gc

__all__ = [
    "LoadedRules",
    "SeparateRuleSets",
    "SourceMap",
    "field_range",
    "load_rules",
    "locate_validation_error",
    "parse_rules_text",
    "read_yaml",
    "resolve_companion",
    "ruleset_version",
]

KeyPath = tuple[str | int, ...]

MAX_FILE_BYTES = 2_000_000
MAX_FLOW_DEPTH = 64
MAX_INDENT = 256
# Aliases are shared when parsed, but validation walks them expanded: a "billion laughs"
# file of a few hundred bytes would expand to 10^9 nodes. Refuse when aliases would add more
# than this many values to the file's own.
MAX_EXPANDED_NODES = 200_000
YAML_SUFFIXES = (".yaml", ".yml")
_RULES_KEYS = "'settings:', 'lanes:' and 'rules:'"


@dataclass(frozen=True)
class Position:
    """A place in a source file (1-based)."""

    file: str
    line: int
    column: int


@dataclass
class SourceMap:
    """Where each key path of a rule set came from, for error messages."""

    positions: dict[KeyPath, Position] = field(default_factory=dict)
    default_file: str = "<rules>"

    def locate(self, path: Sequence[str | int]) -> Position:
        """The position of ``path``, or of its nearest ancestor that has one."""
        key = tuple(path)
        while key:
            found = self.positions.get(key)
            if found is not None:
                return found
            key = key[:-1]
        return self.positions.get((), Position(self.default_file, 1, 1))

    def problem(self, path: Sequence[str | int], message: str, hint: str = "") -> Problem:
        """A Problem located at ``path``."""
        pos = self.locate(path)
        return Problem(pos.file, pos.line, pos.column, message, hint, tuple(path))


@dataclass(frozen=True)
class LoadedRules:
    """A validated rule set with the source positions of its parts and a content version.

    A rule set declaring an ``experiment`` or ``shadow`` carries the rules files they name,
    loaded: ``arms`` (arm name -> its rules, for arms with a ``rules:`` file) and ``shadow``.
    """

    ruleset: RuleSet
    sources: SourceMap
    files: tuple[str, ...]
    version: str
    arms: Mapping[str, LoadedRules] = field(default_factory=dict)
    shadow: LoadedRules | None = None


def ruleset_version(ruleset: RuleSet) -> str:
    """A content hash of the rule set: same rules, same version, whatever the formatting."""
    # Settings added later are left out while unset, so a rule set that does not use them
    # keeps the version it had (a field's exclude_if would need pydantic >= 2.12).
    settings = ruleset.settings
    later = {
        "when_storage_fails": settings.when_storage_fails is None,
        "not_a_failure_intents": not settings.not_a_failure_intents,
        "intent_groups": not settings.intent_groups,
    }
    left_out = {name for name, is_unset in later.items() if is_unset}
    unset: dict[str, Any] = {"settings": left_out} if left_out else {}
    # Experiments and shadow rules (added later): left out of a rule set that has none.
    unset.update(
        {name: True for name in ("experiment", "shadow") if getattr(ruleset, name) is None}
    )
    data = ruleset.model_dump(mode="json", by_alias=True, exclude=unset or None)
    # Lane replies (added later too): left out of a lane that offers none.
    for lane in data.get("lanes", {}).values():
        if not lane.get("replies"):
            lane.pop("replies", None)
    text = json.dumps(_without_new_signals(data), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


# Condition keys added after rule sets were first versioned: left out of the hash while unused.
_LATER_SIGNALS = ("intent_group_mass", "intent_group_rank", "escalation_score")


def _without_new_signals(value: Any) -> Any:
    """``value`` with every unused later condition key (``_LATER_SIGNALS``: None) removed."""
    if isinstance(value, dict):
        return {
            k: _without_new_signals(v)
            for k, v in value.items()
            if not (v is None and k in _LATER_SIGNALS)
        }
    if isinstance(value, list):
        return [_without_new_signals(v) for v in value]
    return value


# --------------------------------------------------------------------------- public entry points


@without_cyclic_gc
def load_rules(path: str | Path) -> LoadedRules:
    """Load a rules file, or every ``*.yaml``/``*.yml`` file of a folder merged in name order.

    A folder is one rule set: at most one of its files declares ``settings``. When two or
    more do, they are separate rule sets and :class:`SeparateRuleSets` is raised. The rules
    files an ``experiment``'s arms or ``shadow`` name are loaded too (and are not part of
    the folder's rule set); they may not declare experiments or shadows of their own.
    """
    return _load(Path(path), companions=True)


def _load(path: Path, *, companions: bool) -> LoadedRules:
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
        if not files:
            raise RulesError(
                [Problem(str(path), 0, 0, "the folder has no .yaml files", "add a rules file")]
            )
    elif path.is_file():
        files = [path]
    else:
        suggestion = similar_path(path)
        hint = f"did you mean {suggestion}?" if suggestion else "check the path and try again"
        raise RulesError([Problem(str(path), 0, 0, "no such file or folder", hint)])
    parsed: list[tuple[str, dict[str, Any], SourceMap]] = []
    problems: list[Problem] = []
    for file in files:
        try:
            data, sources = _parse_file(file)
        except RulesError as error:
            problems.extend(error.problems)
            continue
        parsed.append((str(file), data, sources))
    if len(files) > 1:  # arm and shadow files in the folder are rule sets of their own
        named = {f for name, data, _ in parsed for f in _companion_files(Path(name), data)}
        files = [f for f in files if f.resolve() not in named]
        parsed = [p for p in parsed if Path(p[0]).resolve() not in named]
    _refuse_separate_rule_sets(path, files, parsed, problems)
    if problems:
        raise RulesError(problems)
    if len(parsed) == 1:
        _, data, sources = parsed[0]
    else:
        data, sources = _merge(parsed)
    ruleset = _validate(data, sources)
    arms: dict[str, LoadedRules] = {}
    shadow: LoadedRules | None = None
    if companions and (ruleset.experiment is not None or ruleset.shadow is not None):
        arms, shadow = _load_companions(ruleset, sources)
    return LoadedRules(
        ruleset, sources, tuple(str(f) for f in files), ruleset_version(ruleset), arms, shadow
    )


# --------------------------------------------------------------------------- experiments


def companion_names(data: dict[str, Any]) -> list[str]:
    """The rules files an experiment's arms and a shadow in a rules file's ``data`` name, as
    written; unreadable shapes are skipped here and reported by validation."""
    named: list[Any] = []
    experiment = data.get("experiment")
    arms = experiment.get("arms") if isinstance(experiment, dict) else None
    if isinstance(arms, dict):
        named.extend(arm.get("rules") for arm in arms.values() if isinstance(arm, dict))
    shadow = data.get("shadow")
    if isinstance(shadow, dict):
        named.append(shadow.get("rules"))
    return [name for name in named if isinstance(name, str)]


def _companion_files(file: Path, data: dict[str, Any]) -> set[Path]:
    """The files :func:`companion_names` names in ``data`` (read from ``file``), resolved."""
    return {(file.parent / n).resolve() for n in companion_names(data) if n.strip()}


def resolve_companion(declaring: str, value: str) -> tuple[Path | None, str, str]:
    """Where the rules file ``value`` (named in ``declaring``) is: (path, "", "") or
    (None, problem, hint). Paths are relative to the declaring file and stay inside its
    folder, so a rules folder can be copied or reviewed as a whole."""
    if declaring.startswith("<"):
        return (
            None,
            f"{value!r} cannot be found: these rules were not read from a file",
            "load the rules from their file (Router.from_path, handoff validate FILE), so "
            "the arm's file is found next to it",
        )
    if not value.strip():
        return None, "the rules file name is empty", "name a file such as banking_b.yaml"
    base = Path(declaring).resolve().parent
    relative = Path(value)
    if relative.is_absolute():
        return (
            None,
            f"{value!r} is an absolute path",
            f"give the path relative to {Path(declaring).name}, e.g. {relative.name}",
        )
    target = (base / relative).resolve()
    if not target.is_relative_to(base):
        return (
            None,
            f"{value!r} is outside the folder of {Path(declaring).name}",
            "keep the arm's and shadow's rules files in the same folder as the file that "
            "declares them (or a folder inside it)",
        )
    if target == Path(declaring).resolve():
        return (
            None,
            f"{value!r} is this file itself",
            "leave 'rules:' out to route an arm with this file's own rules",
        )
    if not target.exists():
        suggestion = similar_path(base / relative)
        hint = (
            f"did you mean {suggestion.relative_to(base)}?"
            if suggestion is not None and suggestion.resolve().is_relative_to(base)
            else f"create {relative} next to {Path(declaring).name}, or fix the name"
        )
        return None, f"no rules file {value!r} next to {Path(declaring).name}", hint
    # Named as the designer would (relative to where the declaring file was named), so
    # problems in it read "rules/pilots/arm.yaml:12:3", not an absolute path.
    return Path(os.path.normpath(Path(declaring).parent / relative)), "", ""


def _load_companions(
    ruleset: RuleSet, sources: SourceMap
) -> tuple[dict[str, LoadedRules], LoadedRules | None]:
    """Load the rules files of the experiment's arms and of the shadow (RulesError if any
    cannot be used; each problem names its own file and line)."""
    problems: list[Problem] = []
    cache: dict[Path, LoadedRules | None] = {}

    def companion(key: KeyPath, value: str, what: str) -> LoadedRules | None:
        declaring = sources.locate(key).file
        target, message, hint = resolve_companion(declaring, value)
        if target is None:
            problems.append(sources.problem(key, f"{what}: {message}", hint))
            return None
        known = target.resolve()
        if known not in cache:
            try:
                loaded = _load(target, companions=False)
            except RulesError as error:
                problems.extend(error.problems)
                cache[known] = None
            else:
                problems.extend(_nested(loaded, declaring, what))
                cache[known] = loaded
        return cache[known]

    arms: dict[str, LoadedRules] = {}
    if ruleset.experiment is not None:
        for name, arm in ruleset.experiment.arms.items():
            if arm.rules is not None:
                key: KeyPath = ("experiment", "arms", name, "rules")
                loaded = companion(key, arm.rules, f"arm {name!r}")
                if loaded is not None:
                    arms[name] = loaded
    shadow: LoadedRules | None = None
    if ruleset.shadow is not None:
        shadow = companion(("shadow", "rules"), ruleset.shadow.rules, "shadow")
    if problems:
        raise RulesError(problems)
    return arms, shadow


def _nested(loaded: LoadedRules, declaring: str, what: str) -> list[Problem]:
    """An arm's or shadow's rules file declaring an experiment or shadow of its own."""
    out = []
    for block in ("experiment", "shadow"):
        if getattr(loaded.ruleset, block) is not None:
            out.append(
                loaded.sources.problem(
                    (block,),
                    f"this file is the rules of {what} of {Path(declaring).name}, and declares "
                    f"'{block}:' of its own; experiments and shadows do not nest",
                    f"remove the '{block}:' block here; declare experiments and shadows only "
                    f"in the live rules file ({Path(declaring).name})",
                )
            )
    return out


class SeparateRuleSets(RulesError):
    """A folder holds several complete rule sets (two or more files declare ``settings``).

    A folder is one rule set split into files: one file declares ``settings`` and the others
    add lanes, conditions and rules. Files that each declare their own settings are separate
    rule sets, and merging them would only report clashes, so the folder is refused.
    ``rule_sets`` are the files with settings, ``fragments`` the other readable files.
    """

    def __init__(
        self,
        problems: Sequence[Problem],
        rule_sets: Sequence[str],
        fragments: Sequence[str],
    ) -> None:
        super().__init__(problems)
        self.rule_sets = tuple(rule_sets)
        self.fragments = tuple(fragments)


def _refuse_separate_rule_sets(
    folder: Path,
    files: Sequence[Path],
    parsed: Sequence[tuple[str, dict[str, Any], SourceMap]],
    problems: list[Problem],
) -> None:
    with_settings = [(name, sources) for name, data, sources in parsed if "settings" in data]
    if len(with_settings) < 2:
        return
    names = [name for name, _ in with_settings]
    second, sources = with_settings[1]
    where = sources.locate(("settings",))
    problem = Problem(
        second,
        where.line,
        where.column,
        f"'settings' is also declared in {names[0]}: {folder}{os.sep} holds {len(names)} separate "
        f"rule sets ({', '.join(names)}), each file with its own settings, not one rule set "
        "split into files",
        "pass one file, or put one rule set's files in a folder of their own (a folder is "
        "one rule set: one file declares 'settings', the others add lanes and rules)",
        ("settings",),
    )
    fragments = [name for name, data, _ in parsed if "settings" not in data]
    raise SeparateRuleSets([problem, *problems], names, fragments)


@without_cyclic_gc
def read_yaml(path: str | Path, *, top_keys: str = _RULES_KEYS) -> tuple[dict[str, Any], SourceMap]:
    """Read one YAML mapping safely into plain data plus the position of every key.

    The same guards as rules files (size, UTF-8, nesting, alias bombs, duplicate keys, tabs),
    for other designer-edited YAML such as routing test cases; ``top_keys`` names the keys
    the hints suggest for an empty or non-mapping file. Raises RulesError.
    """
    return _parse_file(Path(path), top_keys)


def locate_validation_error(
    error: ValidationError,
    data: Any,
    sources: SourceMap,
    *,
    root: type[BaseModel] = RuleSet,
    prefix: KeyPath = (),
) -> list[Problem]:
    """pydantic errors of ``root`` validating ``data`` (found at ``prefix``), as Problems."""
    return _problems_from(error.errors(), data, sources, root, prefix)


@without_cyclic_gc
def parse_rules_text(text: str, filename: str = "<rules>") -> LoadedRules:
    """Load rules from a YAML string (for tests and tools); ``filename`` labels errors."""
    data, sources = _parse_bytes(text.encode("utf-8"), filename)
    ruleset = _validate(data, sources)
    arms: dict[str, LoadedRules] = {}
    shadow: LoadedRules | None = None
    if ruleset.experiment is not None or ruleset.shadow is not None:
        # Arm files are found next to ``filename`` when it names a file on disk.
        arms, shadow = _load_companions(ruleset, sources)
    return LoadedRules(ruleset, sources, (filename,), ruleset_version(ruleset), arms, shadow)


# --------------------------------------------------------------------------- stage 1: bytes


def _parse_file(file: Path, top_keys: str = _RULES_KEYS) -> tuple[dict[str, Any], SourceMap]:
    name = str(file)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RulesError(
                [
                    Problem(
                        name,
                        0,
                        0,
                        f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}",
                        "split the rules into several files in one folder",
                    )
                ]
            )
        raw = file.read_bytes()
    except OSError as error:
        raise RulesError([Problem(name, 0, 0, f"cannot read the file: {error.strerror}")]) from None
    return _parse_bytes(raw, name, top_keys)


def _parse_bytes(
    raw: bytes, name: str, top_keys: str = _RULES_KEYS
) -> tuple[dict[str, Any], SourceMap]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise RulesError(
            [
                Problem(
                    name,
                    line,
                    column,
                    f"byte 0x{raw[error.start]:02x} is not valid UTF-8",
                    "save the file as UTF-8 (most editors: 'Save with encoding')",
                )
            ]
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise RulesError(
            [
                Problem(
                    name,
                    1,
                    1,
                    "the file is empty",
                    f"start the file with {top_keys}",
                )
            ]
        )
    _check_nesting(text, name)
    return _parse_yaml(text, name, top_keys)


def _check_nesting(text: str, name: str) -> None:
    # ruamel's composer recurses once per level; 10,000 levels would blow the stack with a
    # RecursionError that names no line. Find the line ourselves first.
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        indent = len(line) - len(line.lstrip(" "))
        if indent > MAX_INDENT:
            raise RulesError(
                [
                    Problem(
                        name,
                        number,
                        1,
                        f"indented {indent} columns; the limit is {MAX_INDENT}",
                        "rules never need this much nesting; use a named condition instead",
                    )
                ]
            )
        stripped = line.lstrip(" ")
        compact = len(stripped) - len(stripped.lstrip("- "))
        if compact // 2 > MAX_FLOW_DEPTH:  # "- - - - x" nests one sequence per dash
            raise RulesError(
                [
                    Problem(
                        name,
                        number,
                        indent + 1,
                        f"list items nested deeper than {MAX_FLOW_DEPTH} levels",
                        "flatten the structure; use named conditions for reuse",
                    )
                ]
            )
        quote = ""
        for column, char in enumerate(line, start=1):
            if quote:
                if char == quote:
                    quote = ""
            elif char in "\"'":
                quote = char
            elif char == "#" and (column == 1 or line[column - 2] in " \t"):
                break
            elif char in "[{":
                depth += 1
                if depth > MAX_FLOW_DEPTH:
                    raise RulesError(
                        [
                            Problem(
                                name,
                                number,
                                column,
                                f"brackets nested deeper than {MAX_FLOW_DEPTH} levels",
                                "flatten the structure; use named conditions for reuse",
                            )
                        ]
                    )
            elif char in "]}":
                depth = max(0, depth - 1)


# --------------------------------------------------------------------------- stage 2: YAML

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution): how a plain
# (unquoted, untagged) scalar is read. Anything else is text, so `on`, `no`, `yes`, `1:20`
# and `2024-01-01` stay strings.
_CORE = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (_CORE + t for t in ("str", "int", "float", "bool", "null"))
MAP, SEQ = _CORE + "map", _CORE + "seq"
_NULL_RE = re.compile(r"(?:~|null|Null|NULL|)\Z")
_BOOL_RE = re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z")
_INT_RE = re.compile(r"(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z")
_FLOAT_RE = re.compile(
    r"(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z"
)
# A number in a rules file is a threshold, a priority, a count or a duration: 15 digits is
# far beyond any of them, and well below Python's 4,300-digit int-parsing limit.
MAX_NUMBER_DIGITS = 15
_TAG_HINT = (
    "remove the tag; write the value as plain text (rules files use only YAML's core "
    "types: text, numbers, true/false, null, lists and mappings)"
)


def _core_tag(value: str) -> str:
    """The core-schema tag of a plain scalar."""
    if _NULL_RE.match(value):
        return NULL
    if _BOOL_RE.match(value):
        return BOOL
    if _INT_RE.match(value):
        return INT
    if _FLOAT_RE.match(value):
        return FLOAT
    return STR


@functools.cache
def _loader_class() -> Any:
    """A libyaml-backed composer (pure Python when libyaml is missing) with core-schema tags.

    Only composing is used: it yields nodes with tags and positions and constructs nothing,
    so no tag can ever build an object; :class:`_Builder` turns nodes into plain data.
    """
    import yaml  # noqa: PLC0415  (keeps `import handoff` light)

    parser: Any
    try:
        from yaml._yaml import CParser as parser  # noqa: PLC0415  (libyaml's parser)
    except ImportError:  # pragma: no cover  (PyYAML built without libyaml)

        class _PureParser(
            yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer
        ):
            def __init__(self, stream: str) -> None:
                yaml.reader.Reader.__init__(self, stream)
                yaml.scanner.Scanner.__init__(self)
                yaml.parser.Parser.__init__(self)
                yaml.composer.Composer.__init__(self)

        parser = _PureParser

    class _Loader(parser, yaml.resolver.BaseResolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            parser.__init__(self, stream)
            yaml.resolver.BaseResolver.__init__(self)

        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            if kind is yaml.ScalarNode:
                return _core_tag(value) if implicit[0] else STR
            return SEQ if kind is yaml.SequenceNode else MAP

    return _Loader


def _parse_yaml(text: str, name: str, top_keys: str) -> tuple[dict[str, Any], SourceMap]:
    import yaml  # noqa: PLC0415

    loader = _loader_class()(text)
    try:
        documents = []
        while loader.check_node():
            documents.append(loader.get_node())
            if len(documents) > 1:
                raise RulesError(
                    [
                        Problem(
                            name,
                            1,
                            1,
                            f"found {len(documents)} YAML documents; "
                            "a rules file holds exactly one",
                            "remove the '---' separators, or split into several files",
                        )
                    ]
                )
    except yaml.MarkedYAMLError as error:
        raise RulesError([_yaml_problem(error, name, text)]) from None
    except yaml.reader.ReaderError as error:
        raise RulesError([_reader_problem(error, name, text)]) from None
    except yaml.YAMLError as error:  # unmarked errors are rare; keep the message
        raise RulesError([Problem(name, 1, 1, f"invalid YAML: {error}")]) from None
    except RecursionError:
        raise RulesError(
            [Problem(name, 1, 1, "the YAML is nested too deeply to read", "flatten it")]
        ) from None
    finally:
        loader.dispose()
    root = documents[0] if documents else None
    if root is not None and "&" in text:  # only anchors can make aliases
        _check_alias_expansion(root, name)
    if not isinstance(root, yaml.MappingNode) or root.tag != MAP:
        if root is not None and root.tag not in (STR, INT, FLOAT, BOOL, NULL, SEQ):
            raise RulesError([_tag_problem(root, name, ())])
        kind = (
            "a list"
            if isinstance(root, yaml.SequenceNode)
            else f"a single value ({root.value if root is not None else None!r:.40})"
        )
        raise RulesError(
            [
                Problem(
                    name,
                    1,
                    1,
                    f"the top level is {kind}, not a mapping",
                    f"start the file with {top_keys}",
                )
            ]
        )
    sources = SourceMap(default_file=name)
    sources.positions[()] = Position(name, 1, 1)
    builder = _Builder(sources, name)
    data = builder.build(root, ())
    if builder.problems:
        raise RulesError(sorted(builder.problems, key=lambda p: (p.line, p.column)))
    assert isinstance(data, dict)
    return data, sources


def _yaml_problem(error: Any, name: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    problem = str(error.problem or error.context or "invalid YAML").strip()
    problem = problem.split("\n")[0].rstrip(":")
    hint = "check the indentation and the colons around this line"
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    found = source[column - 1 : column]
    if found == "\t" or "'\\t'" in problem or "tab character" in problem:
        return _tab_problem(name, line, column, source)
    if "found undefined alias" in problem:
        hint = "define the anchor (&name) before using the alias (*name)"
    elif "mapping values are not allowed" in problem:
        hint = "a value containing ': ' must be quoted, or a key is mis-indented"
    return Problem(name, line, column, f"invalid YAML: {problem}", hint)


def _tab_problem(name: str, line: int, column: int, source: str) -> Problem:
    """A tab libyaml refused, told apart by where it is on its line.

    Tabs are fine between a value and its comment (``lane: bot<TAB># note``); libyaml refuses
    them only at the start of a line, where they read as indentation, even on a line that
    holds nothing but a comment (which YAML 1.2 itself would allow) or nothing at all.
    """
    rest = source.lstrip(" \t")
    leading = source[: len(source) - len(rest)]
    if "\t" in leading:
        column = leading.index("\t") + 1
        if not rest:
            message = "a tab on an otherwise blank line"
            hint = "delete the whitespace on this line (a tab starting a line is indentation)"
        elif rest.startswith("#"):
            message = "a tab before a comment on a line of its own"
            hint = (
                "indent the comment with spaces; at the start of a line the YAML reader takes "
                "a tab for indentation (a tab after a value, 'lane: bot<TAB># note', is fine)"
            )
        else:
            message = "a tab character is used for indentation"
            hint = "YAML indentation must use spaces; replace the tabs with two spaces per level"
    else:
        message = "a tab character where YAML does not allow one"
        hint = "replace the tab with a space"
    return Problem(name, line, column, f"invalid YAML: {message}", hint)


def _reader_problem(error: Any, name: str, text: str) -> Problem:
    # libyaml reads UTF-8 bytes: its position counts bytes, not characters.
    raw = text.encode("utf-8", "surrogatepass")
    at = min(max(int(getattr(error, "position", 0) or 0), 0), len(raw))
    line = raw[:at].count(b"\n") + 1
    column = len(raw[raw.rfind(b"\n", 0, at) + 1 : at].decode("utf-8", "replace")) + 1
    return Problem(
        name,
        line,
        column,
        f"invalid YAML: {getattr(error, 'reason', 'unreadable character')}",
        "remove the control character (only tab, newline and printable text are allowed)",
    )


def _check_alias_expansion(root: Any, name: str) -> None:
    sizes: dict[int, int] = {}

    def size(node: Any) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        sizes[id(node)] = 1  # a recursive alias counts once instead of looping
        total = 1
        value = node.value
        if isinstance(value, list):
            for item in value:
                if isinstance(item, tuple):
                    total += size(item[0]) + size(item[1])
                else:
                    total += size(item)
        sizes[id(node)] = total
        return total

    # Memoised, so this walks each distinct node once however large the expansion is. What
    # counts is what aliases add: a large file with a few aliases is fine.
    if size(root) - len(sizes) > MAX_EXPANDED_NODES:
        line = _first_alias_line(root)
        raise RulesError(
            [
                Problem(
                    name,
                    line,
                    1,
                    f"aliases expand to more than {MAX_EXPANDED_NODES:,} values",
                    "this looks like an alias bomb; write the values out or use named conditions",
                )
            ]
        )


def _first_alias_line(root: Any) -> int:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return int(node.start_mark.line) + 1
        seen.add(id(node))
        if isinstance(node.value, list):
            for item in node.value:
                stack.extend(item if isinstance(item, tuple) else (item,))
    return 1


# --------------------------------------------------------------------------- stage 3: plain data


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _tag_problem(node: Any, name: str, path: KeyPath) -> Problem:
    tag = _short_tag(str(node.tag))
    if node.tag != MAP and type(node).__name__ == "MappingNode":
        what = "a mapping"
    elif isinstance(node.value, list):
        what = "a list"
    else:
        what = repr(_clip(str(node.value)))
    mark = node.start_mark
    message = f"the YAML tag {tag} is not allowed (on {what})"
    return Problem(name, mark.line + 1, mark.column + 1, message, _TAG_HINT, path)


class _Builder:
    """Composed YAML nodes → plain dict/list/str/int/float/bool/None, recording positions.

    Only YAML 1.2 core-schema tags are accepted; any other tag (``!!python/...``,
    ``!!binary``, ``!!timestamp``, ``!Custom``) becomes a Problem, never an object or ''.
    Numbers must be finite and at most MAX_NUMBER_DIGITS digits long. Problems are
    collected, so one pass reports every bad tag and number in the file.
    """

    def __init__(self, sources: SourceMap, name: str) -> None:
        self.sources = sources
        self.name = name
        self.problems: list[Problem] = []
        self.active: set[int] = set()  # collections being built: an alias back to one loops

    def problem(self, node: Any, path: KeyPath, message: str, hint: str) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.name, mark.line + 1, mark.column + 1, message, hint, path)
        )

    def tag_problem(self, node: Any, path: KeyPath) -> None:
        self.problems.append(_tag_problem(node, self.name, path))

    def build(self, node: Any, path: KeyPath) -> Any:
        value = node.value
        if isinstance(value, str):
            return self.scalar(node, value, path)
        if id(node) in self.active:
            hint = "aliases must not loop; write the value out"
            self.problem(node, path, "an alias refers to a value that contains it", hint)
            return None
        self.active.add(id(node))
        try:
            if node.tag == SEQ:
                return self.sequence(value, path)
            if node.tag == MAP:
                return self.mapping(value, path)
            self.tag_problem(node, path)
            return None
        finally:
            self.active.discard(id(node))

    def sequence(self, items: list[Any], path: KeyPath) -> list[Any]:
        out = []
        positions, name = self.sources.positions, self.name
        for index, item in enumerate(items):
            sub = (*path, index)
            mark = item.start_mark
            positions[sub] = Position(name, mark.line + 1, mark.column + 1)
            out.append(self.build(item, sub))
        return out

    def mapping(self, pairs: list[tuple[Any, Any]], path: KeyPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        positions, name = self.sources.positions, self.name
        for key_node, value_node in pairs:
            key = key_node.value
            if not isinstance(key, str):
                hint = "write keys as plain names followed by ':'"
                self.problem(key_node, path, "a key must be a name, not a list or mapping", hint)
                continue
            sub = (*path, key)
            if key_node.tag not in _SCALAR_NODE_TAGS:
                self.tag_problem(key_node, sub)
                continue
            mark = key_node.start_mark
            if key in out:
                first = positions.get(sub)
                where = f" (first at line {first.line})" if first is not None else ""
                hint = f"each key may appear once in a mapping{where}; remove or rename one"
                self.problem(key_node, sub, f"invalid YAML: duplicate key '{key}'", hint)
                continue
            positions[sub] = Position(name, mark.line + 1, mark.column + 1)
            out[key] = self.build(value_node, sub)
        return out

    def scalar(self, node: Any, value: str, path: KeyPath) -> Any:
        tag = node.tag
        if tag == STR:
            return value
        if tag == INT and _INT_RE.match(value):
            return self.integer(node, value, path)
        if tag == FLOAT and _FLOAT_RE.match(value):
            number = float(_SPECIAL_FLOATS.get(value.lstrip("+-").lower(), value.lstrip("+")))
            if value.startswith("-") and not math.isnan(number) and number > 0:
                number = -number
            if not math.isfinite(number):
                message = f"{_clip(value)} is not a finite number: NaN and infinity are not allowed"
                self.problem(node, path, message, _range_hint(path))
                return None
            return number
        if tag == BOOL and _BOOL_RE.match(value):
            return value.lower() == "true"
        if tag == NULL and _NULL_RE.match(value):
            return None
        if tag in _SCALAR_NODE_TAGS:
            wanted = {INT: "a whole number", FLOAT: "a number", BOOL: "true or false"}
            message = (
                f"{_clip(value)!r} is tagged {_short_tag(tag)} but is not {wanted.get(tag, 'null')}"
            )
            self.problem(node, path, message, "remove the tag, or write a value of that type")
            return None
        self.tag_problem(node, path)
        return None

    def integer(self, node: Any, value: str, path: KeyPath) -> int | None:
        sign = -1 if value.startswith("-") else 1
        digits = value.lstrip("+-")
        base = {"0x": 16, "0o": 8}.get(digits[:2], 10)
        if base != 10:
            digits = digits[2:]
        # Checked before int(): Python refuses to parse more than 4,300 digits (ValueError).
        if len(digits.lstrip("0")) > MAX_NUMBER_DIGITS:
            message = (
                f"the number {_clip(value)} is too large ({len(digits):,} digits; "
                f"numbers in rules have at most {MAX_NUMBER_DIGITS})"
            )
            self.problem(node, path, message, _range_hint(path))
            return None
        return sign * int(digits, base)


_SCALAR_NODE_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL})
_SPECIAL_FLOATS = {".inf": "inf", ".nan": "nan"}


def _clip(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:12]}...{text[-6:]}"


def _range_hint(path: KeyPath) -> str:
    allowed = field_range(path)
    if allowed is None:
        return f"write a finite number of at most {MAX_NUMBER_DIGITS} digits, e.g. 0.7 or 300"
    return f"use a value from {allowed}"


def _merge(
    parsed: list[tuple[str, dict[str, Any], SourceMap]],
) -> tuple[dict[str, Any], SourceMap]:
    """Merge a folder: lanes and conditions are unioned, rules concatenated in file order."""
    merged: dict[str, Any] = {"lanes": {}, "conditions": {}, "rules": []}
    sources = SourceMap(default_file=parsed[0][0])
    owner: dict[KeyPath, str] = {}
    problems: list[Problem] = []

    def clash(name: str, file_sources: SourceMap, path: KeyPath, what: str) -> None:
        where = file_sources.locate(path)
        problems.append(
            Problem(
                name,
                where.line,
                where.column,
                f"{what} is also defined in {owner[path]}",
                "each name may be defined in one file of the folder only; rename or remove one",
                path,
            )
        )

    for name, data, file_sources in parsed:
        offset = len(merged["rules"])
        for path, position in file_sources.positions.items():
            if len(path) > 1 and path[0] == "rules" and isinstance(path[1], int):
                path = ("rules", path[1] + offset, *path[2:])  # noqa: PLW2901
            sources.positions.setdefault(path, position)
        for key, value in data.items():
            if key in ("lanes", "conditions") and isinstance(value, dict):
                for item, body in value.items():
                    if (key, item) in owner:
                        clash(name, file_sources, (key, item), f"{key[:-1]} {item!r}")
                        continue
                    merged[key][item] = body
                    owner[(key, item)] = name
            elif key == "rules" and isinstance(value, list):
                merged["rules"].extend(value)
            elif (key,) in owner:
                clash(name, file_sources, (key,), f"{key!r}")
            else:
                merged[key] = value
                owner[(key,)] = name
    if problems:
        raise RulesError(problems)
    return merged, sources


# --------------------------------------------------------------------------- stage 4: validation


def _validate(data: dict[str, Any], sources: SourceMap) -> RuleSet:
    try:
        return RuleSet.model_validate(data)
    except ValidationError as error:
        raise RulesError(locate_validation_error(error, data, sources)) from None


_CONDITION_KEYS = ("all", "any", "not", "condition")


def _problems_from(
    errors: Sequence[ErrorDetails],
    data: Any,
    sources: SourceMap,
    root: type[BaseModel] = RuleSet,
    prefix: KeyPath = (),
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[KeyPath, str]] = set()
    for error in _prune_union_branches(errors, data):
        problem = _describe(error, tuple(error["loc"]), sources, root, prefix)
        key = (problem.key_path, problem.message)
        if key not in seen:
            seen.add(key)
            problems.append(problem)
    problems.sort(key=lambda p: (p.file, p.line, p.column))
    return problems


_SCALAR_TAGS = frozenset({"str", "bool", "int", "float", "list", "dict", "none"})


def _is_branch_tag(part: str | int) -> bool:
    # pydantic names union members in `loc`: 'str', 'list[str]', 'function-after[_check(), X]'
    # or a model's class name; our field names are all lower case.
    return isinstance(part, str) and (
        "[" in part or part in _SCALAR_TAGS or (part[:1].isupper() and part.isidentifier())
    )


def _is_model_tag(tag: str) -> bool:
    return not (tag in _SCALAR_TAGS or tag.startswith(("list[", "tuple[", "dict[")))


def _prune_union_branches(
    errors: Sequence[ErrorDetails], data: dict[str, Any]
) -> Iterator[ErrorDetails]:
    """Keep, for a union, only the errors of the branch matching the input's shape."""
    for error in errors:
        loc = list(error["loc"])
        tag_at = next((i for i, part in enumerate(loc) if _is_branch_tag(part)), None)
        if tag_at is None:
            yield error
            continue
        tag = str(loc[tag_at])
        value = _value_at(data, loc[:tag_at])
        wants_mapping = _is_model_tag(tag)
        if isinstance(value, dict) != wants_mapping:
            continue
        cleaned = dict(error)
        cleaned["loc"] = tuple(p for p in loc if not _is_branch_tag(p))
        yield typing.cast(ErrorDetails, cleaned)


def _value_at(data: Any, path: Sequence[str | int]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _model_at(path: Sequence[str | int], root: type[BaseModel]) -> type[BaseModel] | None:
    """The pydantic model that validates the mapping at ``path`` (for key suggestions)."""
    annotation: Any = root
    for part in path:
        model = _as_model(annotation) if typing.get_origin(annotation) is not dict else None
        if model is not None and isinstance(part, str):
            fields = {f.alias or n: f for n, f in model.model_fields.items()}
            if part not in fields:
                return None
            annotation = fields[part].annotation
            continue
        annotation = _container_item(annotation)
        if annotation is None:
            return None
    return _as_model(annotation)


def _as_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _container_item(annotation: Any) -> Any:
    for candidate in (annotation, *typing.get_args(annotation)):
        origin = typing.get_origin(candidate)
        if origin in (tuple, list) or origin is types.GenericAlias:
            return typing.get_args(candidate)[0]
        if origin is dict:
            return typing.get_args(candidate)[1]
    return None


def field_range(path: Sequence[str | int], root: type[BaseModel] = RuleSet) -> str | None:
    """The allowed range of the numeric field at ``path``, e.g. "1 to 2,592,000", if it has one.

    Read from the model's own constraints (``ge``/``le``...), so messages and the JSON Schema
    can never disagree with validation.
    """
    parts = list(path)
    while parts and isinstance(parts[-1], int):  # items of `between: [a, b]` or `in: [...]`
        parts.pop()
    if not parts:
        return None
    model = _model_at(parts[:-1], root)
    if model is None:
        return None
    fields = {f.alias or n: f for n, f in model.model_fields.items()}
    found = fields.get(str(parts[-1]))
    if found is None:
        return None
    low, high = _bounds([*found.metadata, found.annotation])
    if low is None or high is None:
        return None
    return f"{_number(low)} to {_number(high)}"


def _bounds(items: Sequence[Any]) -> tuple[Any, Any]:
    """The (low, high) of annotated_types constraints found in ``items`` or nested in them."""
    low = high = None
    for item in items:
        for attr in ("ge", "gt"):
            if getattr(item, attr, None) is not None and type(item).__name__ in ("Ge", "Gt"):
                low = getattr(item, attr)
        for attr in ("le", "lt"):
            if getattr(item, attr, None) is not None and type(item).__name__ in ("Le", "Lt"):
                high = getattr(item, attr)
        nested = getattr(item, "metadata", None)
        inner = [*(nested if isinstance(nested, list) else ()), *typing.get_args(item)]
        if inner and item is not None and not isinstance(item, str):
            sub_low, sub_high = _bounds(inner)
            low = sub_low if low is None else low
            high = sub_high if high is None else high
    return low, high


def _number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) or float(value).is_integer() else str(value)


def _describe(
    error: ErrorDetails,
    loc: KeyPath,
    sources: SourceMap,
    root: type[BaseModel],
    prefix: KeyPath,
) -> Problem:
    kind = error["type"]
    path = (*prefix, *loc)

    def model_at(sub: KeyPath) -> type[BaseModel] | None:
        return _model_at(sub[len(prefix) :], root)

    value = error.get("input")
    field_name = path[-1] if path else ""
    if kind == "extra_forbidden":
        parent = model_at(path[:-1])
        allowed = [f.alias or n for n, f in parent.model_fields.items()] if parent else []
        if parent is Condition:
            hint = did_you_mean(str(field_name), allowed) or (
                "signals are: " + ", ".join(SIGNAL_KINDS) + "; or use all, any, not, condition"
            )
            return sources.problem(path, f"unknown signal {field_name!r}", hint)
        hint = did_you_mean(str(field_name), allowed) or "allowed keys are: " + ", ".join(allowed)
        return sources.problem(path, f"unknown key {field_name!r}", hint)
    if kind == "missing":
        parent_path = path[:-1]
        return sources.problem(
            parent_path,
            f"missing required key {field_name!r}",
            f"add '{field_name}:' here",
        )
    shown = _show(value)
    if field_name in _LATER_SIGNALS and kind in {"list_type", "dict_type", "model_type"}:
        return sources.problem(
            path,
            f"expected a test on one intent group, got {shown}",
            f"write e.g. '{field_name}: {{group: fraud, gte: 0.5}}' (a list tests several groups)",
        )
    if kind in {"float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"}:
        wanted = "a whole number" if kind.startswith("int") else "a number"
        hint = "write the number without quotes, e.g. 0.7"
        if field_name == "share":
            hint = "a share is a whole percentage of customers, e.g. 'share: 50'"
        if field_name in _CONDITION_KEYS or model_at(path[:-1]) is Condition:
            hint = "numeric signals need an operator, e.g. {gte: 0.7}"
        return sources.problem(path, f"expected {wanted}, got {shown}", hint)
    if kind == "model_type":
        kind = "dict_type"
    if kind in {"string_type", "bool_type", "bool_parsing", "list_type", "tuple_type", "dict_type"}:
        wanted = {
            "string_type": "text",
            "bool_type": "true or false",
            "bool_parsing": "true or false",
            "list_type": "a list",
            "tuple_type": "a list",
            "dict_type": "a mapping of keys",
        }[kind]
        hint = ""
        if kind == "dict_type" and model_at(path[:-1]) is Condition:
            hint = "numeric signals need an operator, e.g. {gte: 0.7} or {between: [0.2, 0.8]}"
        elif kind == "dict_type":
            hint = "write 'key: value' pairs indented under this key"
        return sources.problem(path, f"expected {wanted}, got {shown}", hint)
    if kind == "string_pattern_mismatch":
        return sources.problem(
            path,
            f"{shown} is not a valid id",
            "ids start with a letter and use only letters, digits, '_' and '-'",
        )
    if kind == "literal_error" and path[:1] == ("experiment",) and field_name == "metric":
        return sources.problem(
            path,
            f"unknown metric {shown}: an experiment is judged on one of the KPIs",
            did_you_mean(str(value), KPI_NAMES) or "use one of " + ", ".join(KPI_NAMES),
        )
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", ""))
        return sources.problem(path, f"{shown} is not allowed here", f"use one of {expected}")
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return sources.problem(path, message, "")
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        bounds = field_range(path, root)
        if bounds is not None:
            label = next((p for p in reversed(path) if isinstance(p, str)), "the value")
            return sources.problem(
                path,
                f"{label} is {shown}, outside the allowed range {bounds}",
                f"use a value from {bounds}",
            )
        return sources.problem(path, f"{shown}: {error['msg'].lower()}", "use a smaller value")
    if kind == "too_long" and path == ("rules",):
        ctx = error.get("ctx", {})
        return sources.problem(
            path,
            f"the rule set has {ctx.get('actual_length', 0):,} rules; "
            f"the limit is {ctx.get('max_length', 0):,}",
            "merge rules that route alike with 'any:', or split them into several rule sets",
        )
    if kind == "int_parsing_size":
        bounds = field_range(path, root)
        return sources.problem(
            path,
            f"the number {shown} is too large",
            f"use a value from {bounds}" if bounds else "use a smaller whole number",
        )
    if kind == "finite_number":
        return sources.problem(
            path,
            f"{shown} is not a finite number: NaN and infinity are not allowed",
            "write a plain number such as 0.7; leave the test out to match any value",
        )
    return sources.problem(
        path, f"{error['msg']} (got {shown})", "see rules/schema.json for what this key accepts"
    )


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
