"""Read rules YAML (a file or a folder) into a RuleSet, keeping file:line for every key.

Four stages, never mixed: bytes are checked (size, encoding, nesting), YAML is parsed by
ruamel.yaml (YAML 1.2: ``on``/``no`` stay strings), the parsed tree is turned into plain
data plus a map from key path to source position, and pydantic validates it. Every failure
becomes a ``RulesError`` whose problems say where and how to fix it; nothing else escapes.
"""

from __future__ import annotations

import hashlib
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from handoff.errors import Problem, RulesError, did_you_mean
from handoff.models.rules import Condition, RuleSet
from handoff.models.signals import SIGNAL_KINDS

__all__ = [
    "LoadedRules",
    "SourceMap",
    "load_rules",
    "locate_validation_error",
    "parse_rules_text",
    "read_yaml",
    "ruleset_version",
]

KeyPath = tuple[str | int, ...]

MAX_FILE_BYTES = 2_000_000
MAX_FLOW_DEPTH = 64
MAX_INDENT = 256
# Aliases are shared when parsed, but validation walks them expanded: a "billion laughs"
# file of a few hundred bytes would expand to 10^9 nodes. Refuse well before that.
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
    """A validated rule set with the source positions of its parts and a content version."""

    ruleset: RuleSet
    sources: SourceMap
    files: tuple[str, ...]
    version: str


def ruleset_version(ruleset: RuleSet) -> str:
    """A content hash of the rule set: same rules, same version, whatever the formatting."""
    return hashlib.sha256(ruleset.model_dump_json(by_alias=True).encode()).hexdigest()[:12]


# --------------------------------------------------------------------------- public entry points


def load_rules(path: str | Path) -> LoadedRules:
    """Load a rules file, or every ``*.yaml``/``*.yml`` file of a folder merged in name order."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
        if not files:
            raise RulesError(
                [Problem(str(path), 0, 0, "the folder has no .yaml files", "add a rules file")]
            )
    elif path.is_file():
        files = [path]
    else:
        raise RulesError(
            [Problem(str(path), 0, 0, "no such file or folder", "check the path and try again")]
        )
    parsed: list[tuple[str, dict[str, Any], SourceMap]] = []
    problems: list[Problem] = []
    for file in files:
        try:
            data, sources = _parse_file(file)
        except RulesError as error:
            problems.extend(error.problems)
            continue
        parsed.append((str(file), data, sources))
    if problems:
        raise RulesError(problems)
    if len(parsed) == 1:
        _, data, sources = parsed[0]
    else:
        data, sources = _merge(parsed)
    ruleset = _validate(data, sources)
    return LoadedRules(ruleset, sources, tuple(str(f) for f in files), ruleset_version(ruleset))


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


def parse_rules_text(text: str, filename: str = "<rules>") -> LoadedRules:
    """Load rules from a YAML string (for tests and tools); ``filename`` labels errors."""
    data, sources = _parse_bytes(text.encode("utf-8"), filename)
    ruleset = _validate(data, sources)
    return LoadedRules(ruleset, sources, (filename,), ruleset_version(ruleset))


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


def _yaml() -> Any:
    from ruamel.yaml import YAML  # noqa: PLC0415  (keeps `import handoff` light)

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def _parse_yaml(text: str, name: str, top_keys: str) -> tuple[dict[str, Any], SourceMap]:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError  # noqa: PLC0415

    yaml = _yaml()
    try:
        # Composing first finds several documents and alias bombs before anything expands.
        # It parses the whole file a second time, so it is skipped for text that has no
        # anchors ("&") and no document markers ("---", "..."): such text has neither.
        if "&" in text or "---" in text or "..." in text:
            documents = list(yaml.compose_all(text))
            if len(documents) != 1:
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
            _check_alias_expansion(documents[0], name)
        tree = yaml.load(text)
    except MarkedYAMLError as error:
        raise RulesError([_yaml_problem(error, name)]) from None
    except YAMLError as error:  # unmarked errors are rare; keep the message
        raise RulesError([Problem(name, 1, 1, f"invalid YAML: {error}")]) from None
    except RecursionError:
        raise RulesError(
            [Problem(name, 1, 1, "the YAML is nested too deeply to read", "flatten it")]
        ) from None
    if not isinstance(tree, Mapping):
        kind = "a list" if isinstance(tree, list) else f"a single value ({tree!r:.40})"
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
    data = _plain(tree, (), sources, name)
    assert isinstance(data, dict)
    return data, sources


def _yaml_problem(error: Any, name: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    problem = str(error.problem or error.context or "invalid YAML").strip()
    problem = problem.split("\n")[0].rstrip(":")
    hint = "check the indentation and the colons around this line"
    if "'\\t'" in problem or "\t" in problem:
        problem = "a tab character is used for indentation"
        hint = "YAML indentation must use spaces; replace the tabs with two spaces per level"
    elif "duplicate key" in problem:
        problem = problem.replace('"', "'")
        first = error.context_mark
        where = f" (first at line {first.line + 1})" if first is not None else ""
        hint = f"each key may appear once in a mapping{where}; remove or rename one"
    elif "found undefined alias" in problem:
        hint = "define the anchor (&name) before using the alias (*name)"
    elif "mapping values are not allowed" in problem:
        hint = "a value containing ': ' must be quoted, or a key is mis-indented"
    return Problem(name, line, column, f"invalid YAML: {problem}", hint)


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
                if total > MAX_EXPANDED_NODES:
                    break
        sizes[id(node)] = total
        return total

    if root is not None and size(root) > MAX_EXPANDED_NODES:
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


def _plain(node: Any, path: KeyPath, sources: SourceMap, name: str) -> Any:
    """ruamel's round-trip types → plain dict/list/str/int/float/bool, recording positions."""
    if isinstance(node, Mapping):
        out: dict[str, Any] = {}
        lc = getattr(node, "lc", None)
        for key, value in node.items():
            if not isinstance(key, str):
                key = str(key)  # noqa: PLW2901  (YAML allows 1: x; our keys are names)
            sub = (*path, key)
            if lc is not None:
                try:
                    line, col = lc.key(key)
                    sources.positions[sub] = Position(name, line + 1, col + 1)
                except (KeyError, TypeError):
                    pass
            out[key] = _plain(value, sub, sources, name)
        return out
    if isinstance(node, list):
        lc = getattr(node, "lc", None)
        items = []
        for index, value in enumerate(node):
            sub = (*path, index)
            if lc is not None:
                try:
                    line, col = lc.item(index)
                    sources.positions[sub] = Position(name, line + 1, col + 1)
                except (KeyError, TypeError, IndexError):
                    pass
            items.append(_plain(value, sub, sources, name))
        return items
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return str(node)  # dates and other YAML types: let validation complain about a string


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
        model = _as_model(annotation)
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
    if kind in {"float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"}:
        wanted = "a whole number" if kind.startswith("int") else "a number"
        hint = "write the number without quotes, e.g. 0.7"
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
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", ""))
        return sources.problem(path, f"{shown} is not allowed here", f"use one of {expected}")
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return sources.problem(path, message, "")
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        return sources.problem(path, f"{shown}: {error['msg'].lower()}", "")
    return sources.problem(path, f"{error['msg']} (got {shown})", "")


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
