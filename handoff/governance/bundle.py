"""A rule set as governance handles it: its files' exact bytes, bounded, with a content hash.

A :class:`RuleBundle` is what a designer proposes and what approvers approve: the rules file
(or a folder's rules files), the companion files its experiment arms and shadow name, and the
rule test files (under ``tests/``), each as raw bytes under a relative POSIX name. Its
:attr:`~RuleBundle.content_hash` covers every byte of every file and the entry point, so an
approval bound to it is voided by any edit, even to a comment or a test.

Bundles arrive from designers' disks (:meth:`RuleBundle.from_path`), from uploads
(:meth:`RuleBundle.from_files`) and from the store (:meth:`RuleBundle.from_json`); every way
in checks the same limits (names, file count, sizes), so hostile input is refused before it
is written anywhere. :meth:`RuleBundle.router` loads one without touching the designer's
files: it is written to a private temporary folder, and every rules error names the
bundle's own file names, never that folder.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from handoff.errors import Problem, RulesError
from handoff.governance.errors import CorruptVersion, GovernanceError
from handoff.graph.compile import compile_rules
from handoff.router import Router
from handoff.rules.loader import (
    YAML_SUFFIXES,
    LoadedRules,
    Position,
    SeparateRuleSets,
    SourceMap,
    companion_names,
    load_rules,
    read_yaml,
    resolve_companion,
)

__all__ = [
    "MAX_FILES",
    "MAX_FILE_BYTES",
    "MAX_NAME_CHARS",
    "MAX_TOTAL_BYTES",
    "TESTS_FOLDER",
    "TEST_SUFFIXES",
    "RuleBundle",
]

MAX_FILES = 64
MAX_FILE_BYTES = 1 << 20  # 1 MiB
MAX_TOTAL_BYTES = 4 << 20  # 4 MiB
MAX_NAME_CHARS = 200
# Rule test files (``handoff test``) travel with the rules, under this folder.
TESTS_FOLDER = "tests"
TEST_SUFFIXES = (".yaml", ".yml", ".json")
# The folder itself as the entry: every rules file at the bundle's top level is one rule set.
FOLDER_ENTRY = "."

_NAME = re.compile(r"[A-Za-z0-9._/-]+")
# JSON escapes may make text up to 6x longer than its bytes; beyond this it cannot be valid.
_MAX_JSON_CHARS = 6 * MAX_TOTAL_BYTES + 64 * 1024


def _name_problem(name: str) -> str:
    """Why ``name`` cannot be a bundle file name, or ""."""
    if not name:
        return "a file name is empty"
    if len(name) > MAX_NAME_CHARS:
        return (
            f"the file name {name[:40]!r}... is {len(name)} characters (at most {MAX_NAME_CHARS})"
        )
    if "\\" in name:
        return f"the file name {name!r} has a backslash; use '/' between folders"
    if name.startswith("/"):
        return f"the file name {name!r} is absolute; give it relative to the rules folder"
    if not _NAME.fullmatch(name):
        bad = sorted({c for c in name if not _NAME.fullmatch(c)})
        return (
            f"the file name {name!r} has characters other than letters, digits, '.', '_', "
            f"'-' and '/': {', '.join(repr(c) for c in bad)}"
        )
    parts = name.split("/")
    if ".." in parts:
        return f"the file name {name!r} leaves the rules folder ('..')"
    if any(part in ("", ".") for part in parts):
        return f"the file name {name!r} has an empty or '.' folder part"
    return ""


@dataclass(frozen=True)
class RuleBundle:
    """A rule set's files, exactly as proposed. Immutable; valid by construction (every
    limit is checked, else :class:`GovernanceError` says which).

    ``entry`` is what to load: a top-level rules file name (``"banking.yaml"``) or ``"."``
    for the bundle's top-level rules files as one folder. ``files`` maps relative POSIX
    names to raw bytes; it includes the companion files the rules name (experiment arms,
    shadow) and rule test files under ``tests/``.
    """

    entry: str
    files: Mapping[str, bytes]
    content_hash: str = field(init=False)

    def __post_init__(self) -> None:
        if not isinstance(self.entry, str) or not isinstance(self.files, Mapping):
            raise GovernanceError("a bundle is an entry (text) and files (name -> bytes)")
        files: dict[str, bytes] = {}
        for name, data in self.files.items():
            if not isinstance(name, str) or not isinstance(data, bytes | bytearray):
                raise GovernanceError(f"bundle file {name!r}: names are text and contents bytes")
            files[name] = bytes(data)
        _check(self.entry, files)
        ordered = MappingProxyType(dict(sorted(files.items())))
        object.__setattr__(self, "files", ordered)
        object.__setattr__(self, "content_hash", _content_hash(self.entry, ordered))

    # ------------------------------------------------------------------ identity

    @property
    def short(self) -> str:
        """The first 12 hex digits of the content hash, for people to read and type."""
        return self.content_hash[:12]

    @property
    def rules_files(self) -> tuple[str, ...]:
        """The bundle's files that are not rule tests."""
        prefix = TESTS_FOLDER + "/"
        return tuple(name for name in self.files if not name.startswith(prefix))

    @property
    def test_files(self) -> tuple[str, ...]:
        """The rule test files (under ``tests/``)."""
        prefix = TESTS_FOLDER + "/"
        return tuple(name for name in self.files if name.startswith(prefix))

    def __hash__(self) -> int:
        return hash(self.content_hash)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RuleBundle):
            return NotImplemented
        return self.content_hash == other.content_hash and dict(self.files) == dict(other.files)

    def __repr__(self) -> str:
        return f"RuleBundle(entry={self.entry!r}, files={len(self.files)}, hash={self.short})"

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_files(cls, entry: str, files: Mapping[str, bytes]) -> RuleBundle:
        """A bundle from names and bytes (an upload, say); GovernanceError if any limit is
        broken: names relative, POSIX, ``[A-Za-z0-9._/-]``, at most 200 characters, no
        ``..``; at most 64 files, 1 MiB each and 4 MiB in all; UTF-8 text."""
        return cls(entry, files)

    @classmethod
    def from_path(cls, path: str | Path, tests: Iterable[str | Path] = ()) -> RuleBundle:
        """A bundle from a designer's disk: a rules file plus the companion files it names
        (experiment arms and shadow, relative to it and inside its folder), or a folder's
        top-level ``*.yaml``/``*.yml`` files plus the companions they name; then each of
        ``tests`` (a case file, or a folder of them read recursively) under ``tests/``.

        A companion that is missing or outside the folder is left out: loading the bundle
        reports it with its file and line. GovernanceError when a file cannot be read or a
        limit is broken.
        """
        path = Path(path)
        files: dict[str, bytes] = {}
        if path.is_dir():
            base, entry = path, FOLDER_ENTRY
            top = sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
            if not top:
                raise GovernanceError(f"{path} has no .yaml files: add a rules file")
        elif path.is_file():
            base, entry, top = path.parent, path.name, [path]
            if not _NAME.fullmatch(entry):
                raise GovernanceError(_name_problem(entry) + f": rename {path}")
        else:
            raise GovernanceError(f"{path}: no such file or folder; check the path")
        for file in top:
            files[file.name] = _read(file)
            for companion in _companions(file):
                try:
                    name = companion.resolve().relative_to(base.resolve()).as_posix()
                except ValueError:  # outside the folder: loading reports it
                    continue
                if name not in files:
                    files[name] = _read(companion)
        for test in tests:
            for name, data in _test_files(Path(test)):
                if name in files:
                    raise GovernanceError(
                        f"two rule test files would be stored as {name}: rename one"
                    )
                files[name] = data
        return cls(entry, files)

    # ------------------------------------------------------------------ JSON

    def to_dict(self) -> dict[str, Any]:
        """JSON-able: entry, content hash and every file as text (bundles are UTF-8)."""
        return {
            "entry": self.entry,
            "content_hash": self.content_hash,
            "files": {name: data.decode("utf-8") for name, data in self.files.items()},
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as compact, canonical JSON (sorted keys)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RuleBundle:
        """The inverse of :meth:`to_dict`. GovernanceError on a malformed bundle;
        CorruptVersion when it carries a content hash its files do not have."""
        if not isinstance(data, Mapping):
            raise GovernanceError("a rules bundle is a JSON object with 'entry' and 'files'")
        entry, files = data.get("entry"), data.get("files")
        if not isinstance(entry, str) or not isinstance(files, Mapping):
            raise GovernanceError("a rules bundle needs 'entry' (text) and 'files' (an object)")
        if len(files) > MAX_FILES:
            raise GovernanceError(f"the bundle has {len(files)} files; at most {MAX_FILES}")
        raw: dict[str, bytes] = {}
        for name, text in files.items():
            if not isinstance(name, str) or not isinstance(text, str):
                raise GovernanceError("every file of a rules bundle is text under a text name")
            try:
                raw[name] = text.encode("utf-8")
            except UnicodeEncodeError:
                raise GovernanceError(f"{name} is not UTF-8 text") from None
        bundle = cls(entry, raw)
        expected = data.get("content_hash")
        if expected is not None and expected != bundle.content_hash:
            raise CorruptVersion(
                f"the bundle's files hash to {bundle.short}, not {str(expected)[:12]}: they "
                "were altered after it was stored; do not load it"
            )
        return bundle

    @classmethod
    def from_json(cls, text: str | bytes) -> RuleBundle:
        """The inverse of :meth:`to_json` (see :meth:`from_dict`)."""
        if len(text) > _MAX_JSON_CHARS:
            raise GovernanceError(
                f"the bundle's JSON is {len(text):,} characters; at most {_MAX_JSON_CHARS:,}"
            )
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise GovernanceError(f"the bundle is not valid JSON: {error}") from None
        return cls.from_dict(data)

    # ------------------------------------------------------------------ loading

    def materialise(self, directory: str | Path) -> Path:
        """Write every file under ``directory`` (which must exist; no file is overwritten)
        and return the path to load: ``directory / entry``."""
        root = Path(directory)
        if not root.is_dir():
            raise GovernanceError(f"{root} is not a folder: create it first")
        for name, data in self.files.items():
            target = root.joinpath(*name.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                with target.open("xb") as out:
                    out.write(data)
            except FileExistsError:
                raise GovernanceError(f"{target} exists already: use an empty folder") from None
        return root if self.entry == FOLDER_ENTRY else root / self.entry

    def loaded(self) -> LoadedRules:
        """The bundle's rules, loaded (not compiled), every position naming the bundle's
        own file names. RulesError if they cannot be loaded."""
        folder = Path(tempfile.mkdtemp(prefix="handoff-bundle-")).resolve()
        try:
            target = self.materialise(folder)
            try:
                loaded = load_rules(target)
            except RulesError as error:
                raise _relabel_error(error, folder) from None
            return _relabel_loaded(loaded, folder, {})
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def router(self, **options: Any) -> Router:
        """A Router for the bundle's rules (``options`` as for :class:`Router`: history,
        pseudonym_key, max_message_chars, max_turns). The designer's files are never read:
        the bundle is written to a private temporary folder, loaded and compiled, and the
        folder removed. RulesError names the bundle's file names."""
        loaded = self.loaded()
        try:
            compiled = compile_rules(loaded)
        except RulesError as error:
            raise _relabel_error(error, None) from None
        return Router(compiled, **options)


# --------------------------------------------------------------------------- checks


def _check(entry: str, files: Mapping[str, bytes]) -> None:
    if not files:
        raise GovernanceError("the bundle has no files: add a rules file")
    if len(files) > MAX_FILES:
        raise GovernanceError(
            f"the bundle has {len(files)} files; at most {MAX_FILES} (rules, companions and tests)"
        )
    total = 0
    folded: dict[str, str] = {}
    for name, data in files.items():
        problem = _name_problem(name)
        if problem:
            raise GovernanceError(problem)
        if len(data) > MAX_FILE_BYTES:
            raise GovernanceError(
                f"{name} is {len(data):,} bytes; a bundle file is at most {MAX_FILE_BYTES:,} "
                "bytes (1 MiB)"
            )
        total += len(data)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise GovernanceError(
                f"{name} is not UTF-8 text (byte {error.start}); save it as UTF-8"
            ) from None
        other = folded.setdefault(name.lower(), name)
        if other != name:
            raise GovernanceError(
                f"{other} and {name} differ only in case: rename one (they would clash on "
                "some file systems)"
            )
    if total > MAX_TOTAL_BYTES:
        raise GovernanceError(
            f"the bundle's files hold {total:,} bytes; at most {MAX_TOTAL_BYTES:,} (4 MiB) in all"
        )
    for name in files:
        parts = name.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if folder in files or folder.lower() in folded:
                raise GovernanceError(f"{folder} is both a file and the folder of {name}")
    if entry == FOLDER_ENTRY:
        if not any("/" not in name and name.endswith(YAML_SUFFIXES) for name in files):
            raise GovernanceError("the bundle's top level has no .yaml rules file")
        return
    if entry not in files:
        problem = _name_problem(entry)
        raise GovernanceError(
            problem
            or f"the entry {entry!r} is not one of the bundle's files"
            f" ({', '.join(sorted(files)[:5])}{', ...' if len(files) > 5 else ''})"
        )
    if "/" in entry or not entry.endswith(YAML_SUFFIXES):
        raise GovernanceError(
            f"the entry {entry!r} must be a top-level .yaml or .yml file, or '.' for the folder"
        )


def _content_hash(entry: str, files: Mapping[str, bytes]) -> str:
    """sha256 over the entry and the sorted (name, sha256(bytes)) list, canonical JSON."""
    listing = [[name, hashlib.sha256(data).hexdigest()] for name, data in sorted(files.items())]
    text = json.dumps({"entry": entry, "files": listing}, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise GovernanceError(
                f"{path} is {size:,} bytes; a bundle file is at most {MAX_FILE_BYTES:,} bytes"
            )
        with path.open("rb") as source:
            return source.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise GovernanceError(f"{path} cannot be read: {error.strerror or error}") from None


def _companions(file: Path) -> list[Path]:
    """The rules files ``file``'s experiment arms and shadow name that exist inside its
    folder (anything unreadable is left to loading to report)."""
    try:
        data, _ = read_yaml(file)
    except RulesError:
        return []
    found: list[Path] = []
    for value in companion_names(data):
        target, _, _ = resolve_companion(str(file), value)
        if target is not None and target.is_file():
            found.append(target)
    return found


def _test_files(path: Path) -> list[tuple[str, bytes]]:
    if path.is_file():
        return [(f"{TESTS_FOLDER}/{path.name}", _read(path))]
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in TEST_SUFFIXES)
        if not found:
            raise GovernanceError(f"{path} has no rule test files (.yaml, .yml, .json)")
        return [
            (f"{TESTS_FOLDER}/{p.relative_to(path).as_posix()}", _read(p))
            for p in found[: MAX_FILES + 1]
        ]
    raise GovernanceError(f"{path}: no such test file or folder; check the path")


# --------------------------------------------------------------------------- relabelling


def _label(text: str, folder: Path | None) -> str:
    """``text`` with the temporary folder's path replaced by the bundle's names."""
    if folder is None:
        return text
    root = re.escape(str(folder))
    sep = re.escape(os.sep)
    text = re.sub(f"{root}{sep}(?=[A-Za-z0-9._-])", "", text)  # a file in it: its name
    return re.sub(f"{root}(?![A-Za-z0-9._-])", FOLDER_ENTRY, text)  # the folder itself: "."


def _relabel_problem(problem: Problem, folder: Path | None) -> Problem:
    return dataclasses.replace(
        problem,
        file=_label(problem.file, folder),
        message=_label(problem.message, folder),
        hint=_label(problem.hint, folder),
    )


def _relabel_error(error: RulesError, folder: Path | None) -> RulesError:
    problems = [_relabel_problem(p, folder) for p in error.problems]
    if isinstance(error, SeparateRuleSets):
        return SeparateRuleSets(
            problems,
            [_label(name, folder) for name in error.rule_sets],
            [_label(name, folder) for name in error.fragments],
        )
    return RulesError(problems)


def _relabel_sources(sources: SourceMap, folder: Path) -> SourceMap:
    return SourceMap(
        {
            key: Position(_label(pos.file, folder), pos.line, pos.column)
            for key, pos in sources.positions.items()
        },
        _label(sources.default_file, folder),
    )


def _relabel_loaded(loaded: LoadedRules, folder: Path, done: dict[int, LoadedRules]) -> LoadedRules:
    """``loaded`` naming the bundle's files (companions shared between arms stay shared)."""
    if id(loaded) in done:
        return done[id(loaded)]
    relabelled = dataclasses.replace(
        loaded,
        sources=_relabel_sources(loaded.sources, folder),
        files=tuple(_label(name, folder) for name in loaded.files),
        arms=MappingProxyType(
            {name: _relabel_loaded(arm, folder, done) for name, arm in loaded.arms.items()}
        ),
        shadow=None if loaded.shadow is None else _relabel_loaded(loaded.shadow, folder, done),
    )
    done[id(loaded)] = relabelled
    return relabelled
