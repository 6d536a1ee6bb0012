"""RuleBundle: a rule set's exact bytes under one content hash, bounded on every way in, and
loaded from a private folder with errors that name the bundle's own files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handoff import Router
from handoff.errors import RulesError
from handoff.governance.bundle import (
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_NAME_CHARS,
    RuleBundle,
)
from handoff.governance.errors import CorruptVersion, GovernanceError
from handoff.rules.loader import SeparateRuleSets
from tests.conftest import RULES

PILOTS = RULES / "pilots"
SMALL = b"version: 1\n"


def _pilot(tmp_path: Path) -> Path:
    folder = tmp_path / "pilot"
    shutil.copytree(PILOTS, folder)
    return folder


class TestFromPath:
    def test_a_file_with_its_companions_and_tests(self) -> None:
        """A rules file brings the arm and shadow files it names, and the tests go under
        tests/; the bundle routes exactly like the file on disk."""
        bundle = RuleBundle.from_path(PILOTS / "banking_pilot.yaml", tests=[RULES / "tests"])
        assert bundle.entry == "banking_pilot.yaml"
        assert bundle.rules_files == (
            "banking_candidate.yaml",
            "banking_early_help.yaml",
            "banking_pilot.yaml",
        )
        assert bundle.test_files == tuple(
            f"tests/{p.name}" for p in sorted((RULES / "tests").glob("*.yaml"))
        )
        assert bundle.files["banking_pilot.yaml"] == (PILOTS / "banking_pilot.yaml").read_bytes()
        on_disk = Router.from_path(PILOTS / "banking_pilot.yaml")
        router = bundle.router()
        assert router.version == on_disk.version
        assert router.compiled.rules_version == on_disk.compiled.rules_version
        assert set(router.compiled.arms) == set(on_disk.compiled.arms)
        assert router.compiled.files == ("banking_pilot.yaml",)
        assert router.compiled.shadow is not None
        assert router.compiled.shadow.files == ("banking_candidate.yaml",)

    def test_a_folder(self, tmp_path: Path) -> None:
        """A folder is entry '.', its top-level rules files plus their companions."""
        folder = _pilot(tmp_path)
        bundle = RuleBundle.from_path(folder)
        assert bundle.entry == "."
        assert len(bundle.files) == 3
        assert bundle.router().version == Router.from_path(folder).version

    def test_a_companion_in_a_subfolder(self, tmp_path: Path) -> None:
        """A companion inside a subfolder keeps its relative name."""
        folder = _pilot(tmp_path)
        (folder / "arms").mkdir()
        (folder / "banking_early_help.yaml").rename(folder / "arms" / "early.yaml")
        pilot = folder / "banking_pilot.yaml"
        pilot.write_text(pilot.read_text().replace("banking_early_help.yaml", "arms/early.yaml"))
        bundle = RuleBundle.from_path(pilot)
        assert "arms/early.yaml" in bundle.files
        assert set(bundle.router().compiled.arms) == {"early_help"}

    def test_the_designers_files_are_read_once(self, tmp_path: Path) -> None:
        """Editing the file after bundling changes nothing: the bundle has the bytes."""
        folder = _pilot(tmp_path)
        bundle = RuleBundle.from_path(folder / "banking_pilot.yaml")
        version = bundle.router().version
        (folder / "banking_pilot.yaml").write_text("not: rules\n")
        assert bundle.router().version == version

    def test_a_missing_companion_is_reported_by_loading(self, tmp_path: Path) -> None:
        """A named arm file that does not exist is left out, and loading says which."""
        folder = _pilot(tmp_path)
        (folder / "banking_early_help.yaml").unlink()
        bundle = RuleBundle.from_path(folder / "banking_pilot.yaml")
        assert "banking_early_help.yaml" not in bundle.files
        with pytest.raises(RulesError) as caught:
            bundle.router()
        assert caught.value.problems[0].file == "banking_pilot.yaml"
        assert "banking_early_help.yaml" in caught.value.problems[0].message

    def test_a_companion_outside_the_folder_is_not_bundled(self, tmp_path: Path) -> None:
        """'../x.yaml' is never read into the bundle; loading refuses it by name."""
        folder = _pilot(tmp_path)
        shutil.copy(folder / "banking_candidate.yaml", tmp_path / "outside.yaml")
        pilot = folder / "banking_pilot.yaml"
        pilot.write_text(
            pilot.read_text().replace("rules: banking_candidate.yaml", "rules: ../outside.yaml")
        )
        bundle = RuleBundle.from_path(pilot)
        assert "outside.yaml" not in " ".join(bundle.files)
        with pytest.raises(RulesError, match="outside the folder"):
            bundle.router()

    def test_unreadable_yaml_is_bundled_as_is(self, tmp_path: Path) -> None:
        """A file that is not YAML is still bundled (loading reports it with file:line)."""
        broken = tmp_path / "broken.yaml"
        broken.write_text("lanes: [\n")
        bundle = RuleBundle.from_path(broken)
        with pytest.raises(RulesError) as caught:
            bundle.router()
        assert str(caught.value).startswith("1 problem in rules:\nbroken.yaml:")

    @pytest.mark.parametrize("what", ["nothing", "empty folder", "no tests"])
    def test_what_cannot_be_bundled(self, tmp_path: Path, what: str) -> None:
        """A missing path, a folder without rules, tests that do not exist: clear errors."""
        (tmp_path / "empty").mkdir()
        path, tests = {
            "nothing": (tmp_path / "nope.yaml", []),
            "empty folder": (tmp_path / "empty", []),
            "no tests": (RULES / "default.yaml", [tmp_path / "none"]),
        }[what]
        with pytest.raises(GovernanceError, match=r"no such|no \.yaml files"):
            RuleBundle.from_path(path, tests=tests)

    def test_two_test_files_of_one_name(self, tmp_path: Path) -> None:
        """Two tests that would both be stored as tests/default.yaml: refused."""
        other = tmp_path / "default.yaml"
        other.write_text("cases: []\n")
        with pytest.raises(GovernanceError, match=r"tests/default\.yaml"):
            RuleBundle.from_path(
                RULES / "default.yaml", tests=[RULES / "tests" / "default.yaml", other]
            )


class TestErrorsNameTheBundlesFiles:
    def test_a_problem_in_an_arm_file(self) -> None:
        """A rules error in a companion names it as the bundle does, never the temp folder."""
        bundle = RuleBundle.from_path(PILOTS / "banking_pilot.yaml")
        files = dict(bundle.files)
        files["banking_early_help.yaml"] = files["banking_early_help.yaml"].replace(
            b"kind: human", b"kind: humn", 1
        )
        with pytest.raises(RulesError) as caught:
            RuleBundle.from_files("banking_pilot.yaml", files).router()
        (problem,) = caught.value.problems
        assert problem.file == "banking_early_help.yaml"
        assert problem.line > 1
        assert "handoff-bundle" not in str(caught.value)

    def test_a_compile_problem(self) -> None:
        """Problems found when compiling (an unknown lane) name the bundle's file too."""
        text = (
            (RULES / "default.yaml")
            .read_bytes()
            .replace(b"default_lane: bot", b"default_lane: bto", 1)
        )
        with pytest.raises(RulesError) as caught:
            RuleBundle.from_files("default.yaml", {"default.yaml": text}).router()
        assert caught.value.problems[0].file == "default.yaml"
        assert "did you mean 'bot'" in caught.value.problems[0].hint
        assert "handoff-bundle" not in str(caught.value)

    def test_separate_rule_sets_in_a_folder(self) -> None:
        """A folder bundle of two complete rule sets: SeparateRuleSets naming them."""
        files = {name: (RULES / name).read_bytes() for name in ("default.yaml", "retail.yaml")}
        with pytest.raises(SeparateRuleSets) as caught:
            RuleBundle.from_files(".", files).router()
        assert caught.value.rule_sets == ("default.yaml", "retail.yaml")
        assert "handoff-bundle" not in str(caught.value)
        assert "./ holds 2 separate rule sets" in str(caught.value)

    def test_router_options_are_passed_on(self) -> None:
        """router(**options) reaches the Router (here its limits)."""
        bundle = RuleBundle.from_path(RULES / "default.yaml")
        router = bundle.router(max_turns=7, pseudonym_key=b"k" * 32)
        assert router._limits.max_turns == 7


class TestLimits:
    @pytest.mark.parametrize(
        ("name", "says"),
        [
            ("../x.yaml", "leaves the rules folder"),
            ("a/../x.yaml", "leaves the rules folder"),
            ("/etc/x.yaml", "absolute"),
            ("a\\x.yaml", "backslash"),
            ("a x.yaml", "characters other than"),
            ("ünï.yaml", "characters other than"),
            ("a//x.yaml", "empty or '.' folder part"),
            ("./x.yaml", "empty or '.' folder part"),
            ("x/", "empty or '.' folder part"),
            ("", "empty"),
            ("x" * (MAX_NAME_CHARS + 1), f"at most {MAX_NAME_CHARS}"),
        ],
    )
    def test_bad_names(self, name: str, says: str) -> None:
        """Every unsafe or non-portable name is refused, saying why."""
        with pytest.raises(GovernanceError, match=says.replace(".", r"\.")):
            RuleBundle.from_files(".", {"a.yaml": SMALL, name: SMALL})

    def test_longest_name_allowed(self) -> None:
        """A name of exactly 200 characters is fine."""
        name = "t/" + "x" * (MAX_NAME_CHARS - 7) + ".yaml"
        assert len(name) == MAX_NAME_CHARS
        assert name in RuleBundle.from_files(".", {"a.yaml": SMALL, name: SMALL}).files

    def test_too_many_files(self) -> None:
        """65 files: refused, naming the limit."""
        files = {f"f{i}.yaml": SMALL for i in range(MAX_FILES + 1)}
        with pytest.raises(GovernanceError, match=f"at most {MAX_FILES}"):
            RuleBundle.from_files(".", files)
        del files["f0.yaml"]
        assert len(RuleBundle.from_files(".", files).files) == MAX_FILES

    def test_a_file_too_large(self) -> None:
        """A file over 1 MiB: refused; exactly 1 MiB is fine."""
        with pytest.raises(GovernanceError, match="1 MiB"):
            RuleBundle.from_files("a.yaml", {"a.yaml": b"#" * (MAX_FILE_BYTES + 1)})
        RuleBundle.from_files("a.yaml", {"a.yaml": b"#" * MAX_FILE_BYTES})

    def test_too_much_in_all(self) -> None:
        """Five files of 1 MiB: over 4 MiB in all."""
        files = {f"f{i}.yaml": b"#" * MAX_FILE_BYTES for i in range(5)}
        with pytest.raises(GovernanceError, match="4 MiB"):
            RuleBundle.from_files(".", files)

    def test_not_utf8(self) -> None:
        """A Latin-1 file is refused, with the byte's offset."""
        with pytest.raises(GovernanceError, match=r"not UTF-8 text \(byte 6\)"):
            RuleBundle.from_files("a.yaml", {"a.yaml": b"name: \xe9t\xe9\n"})

    def test_names_differing_only_in_case(self) -> None:
        """A.yaml and a.yaml would clash on case-insensitive file systems."""
        with pytest.raises(GovernanceError, match="differ only in case"):
            RuleBundle.from_files(".", {"a.yaml": SMALL, "A.yaml": SMALL})

    def test_a_file_that_is_also_a_folder(self) -> None:
        """'t' and 't/x.yaml' cannot both be written."""
        with pytest.raises(GovernanceError, match="both a file and the folder"):
            RuleBundle.from_files(".", {"a.yaml": SMALL, "t": SMALL, "t/x.yaml": SMALL})

    @pytest.mark.parametrize(
        ("entry", "files", "says"),
        [
            ("b.yaml", {"a.yaml": SMALL}, "not one of the bundle's files"),
            ("t/a.yaml", {"t/a.yaml": SMALL}, "top-level"),
            ("a.txt", {"a.txt": SMALL}, "top-level"),
            (".", {"t/a.yaml": SMALL}, "top level has no .yaml"),
            ("../a.yaml", {"a.yaml": SMALL}, "leaves the rules folder"),
            (".", {}, "no files"),
        ],
    )
    def test_bad_entries(self, entry: str, files: dict[str, bytes], says: str) -> None:
        """The entry must be '.' (with top-level rules files) or a top-level rules file."""
        with pytest.raises(GovernanceError, match=says.replace(".", r"\.")):
            RuleBundle.from_files(entry, files)

    def test_contents_are_bytes(self) -> None:
        """Text where bytes belong (a caller's mistake) is refused, not encoded silently."""
        with pytest.raises(GovernanceError, match="contents bytes"):
            RuleBundle.from_files("a.yaml", {"a.yaml": "version: 1\n"})  # type: ignore[dict-item]

    def test_immutable(self) -> None:
        """Neither the bundle nor its files can be changed after the hash is taken."""
        bundle = RuleBundle.from_files("a.yaml", {"a.yaml": SMALL})
        with pytest.raises(AttributeError):
            bundle.entry = "b.yaml"  # type: ignore[misc]
        with pytest.raises(TypeError):
            bundle.files["a.yaml"] = b"other"  # type: ignore[index]


class TestJson:
    def test_round_trip(self) -> None:
        """to_json / from_json keep every byte, and the hash."""
        bundle = RuleBundle.from_path(PILOTS / "banking_pilot.yaml", tests=[RULES / "tests"])
        again = RuleBundle.from_json(bundle.to_json())
        assert again == bundle
        assert again.content_hash == bundle.content_hash
        assert json.loads(bundle.to_json())["content_hash"] == bundle.content_hash

    def test_altered_files_are_corrupt(self) -> None:
        """Files edited in stored JSON no longer match its content hash: CorruptVersion."""
        data = RuleBundle.from_path(RULES / "default.yaml").to_dict()
        data["files"]["default.yaml"] += "# edited in the database\n"
        with pytest.raises(CorruptVersion, match="altered"):
            RuleBundle.from_dict(data)

    @pytest.mark.parametrize(
        "text",
        [
            "not json",
            "[]",
            '{"entry": 1, "files": {}}',
            '{"entry": "a.yaml", "files": {"a.yaml": 3}}',
            '{"entry": "a.yaml", "files": {"a.yaml": "\\udc80"}}',
            "[" * 100_000,
        ],
    )
    def test_malformed(self, text: str) -> None:
        """Anything but a bundle: GovernanceError, never another exception."""
        with pytest.raises(GovernanceError):
            RuleBundle.from_json(text)

    def test_oversized_json_is_refused_before_parsing(self) -> None:
        """JSON far beyond the limits is refused by its length."""
        with pytest.raises(GovernanceError, match="characters; at most"):
            RuleBundle.from_json(" " * (30 << 20))


class TestMaterialise:
    def test_writes_every_file_and_returns_the_entry(self, tmp_path: Path) -> None:
        """Files land under their names; the returned path is what to load."""
        bundle = RuleBundle.from_path(PILOTS / "banking_pilot.yaml", tests=[RULES / "tests"])
        target = bundle.materialise(tmp_path)
        assert target == tmp_path / "banking_pilot.yaml"
        for name, data in bundle.files.items():
            assert (tmp_path / name).read_bytes() == data
        assert Router.from_path(target).version == bundle.router().version

    def test_never_overwrites(self, tmp_path: Path) -> None:
        """An existing file is not overwritten."""
        (tmp_path / "a.yaml").write_bytes(b"mine")
        with pytest.raises(GovernanceError, match="exists already"):
            RuleBundle.from_files("a.yaml", {"a.yaml": SMALL}).materialise(tmp_path)
        assert (tmp_path / "a.yaml").read_bytes() == b"mine"


_NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,8}\.yaml", fullmatch=True)
_FILES = st.dictionaries(
    _NAMES, st.binary(max_size=64).map(lambda b: b.hex().encode()), min_size=1, max_size=6
)


class TestContentHash:
    def test_shape(self) -> None:
        """64 hex digits; short is the first 12."""
        bundle = RuleBundle.from_path(RULES / "default.yaml")
        assert len(bundle.content_hash) == 64
        int(bundle.content_hash, 16)
        assert bundle.short == bundle.content_hash[:12]

    @settings(max_examples=200)
    @given(files=_FILES, data=st.data())
    def test_any_byte_changes_it(self, files: dict[str, bytes], data: st.DataObject) -> None:
        """Changing, adding or removing any one byte of any file changes the hash, so an
        approval bound to it is voided by any edit, even a comment."""
        name = data.draw(st.sampled_from(sorted(files)))
        content = files[name]
        how = data.draw(st.sampled_from(["change", "add", "remove"]) if content else st.just("add"))
        at = data.draw(st.integers(0, max(len(content) - 1, 0)))
        if how == "change":
            byte = data.draw(st.integers(0x20, 0x7E).filter(lambda b: b != content[at]))
            edited = content[:at] + bytes([byte]) + content[at + 1 :]
        elif how == "add":
            edited = content[:at] + b"#" + content[at:]
        else:
            edited = content[:at] + content[at + 1 :]
        before = RuleBundle.from_files(".", files)
        after = RuleBundle.from_files(".", {**files, name: edited})
        assert before.content_hash != after.content_hash

    @given(files=_FILES, seed=st.randoms(use_true_random=False))
    def test_order_does_not_matter(self, files: dict[str, bytes], seed: object) -> None:
        """The same files given in any order: the same hash and an equal bundle."""
        names = list(files)
        seed.shuffle(names)  # type: ignore[attr-defined]
        shuffled = {name: files[name] for name in names}
        assert RuleBundle.from_files(".", shuffled) == RuleBundle.from_files(".", files)
        assert (
            RuleBundle.from_files(".", shuffled).content_hash
            == RuleBundle.from_files(".", files).content_hash
        )

    @given(files=_FILES)
    def test_renaming_a_file_or_changing_the_entry_changes_it(
        self, files: dict[str, bytes]
    ) -> None:
        """Names count (a renamed arm file routes differently), and so does the entry."""
        bundle = RuleBundle.from_files(".", files)
        name = sorted(files)[0]
        renamed = {("z" + n if n == name else n): data for n, data in files.items()}
        assert RuleBundle.from_files(".", renamed).content_hash != bundle.content_hash
        assert RuleBundle.from_files(name, files).content_hash != bundle.content_hash
