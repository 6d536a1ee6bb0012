"""The designer CLI: exit codes, located errors, explanations, pictures, cases, diffs, replays."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tracemalloc
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from handoff.cli import cli
from tests.conftest import DATA, ROOT, RULE_FILES, RULES

BROKEN = sorted((DATA / "broken_rules").glob("*.yaml"))
SAMPLES = RULES / "samples"
HANDOFF = Path(sys.executable).parent / "handoff"


@pytest.fixture
def run() -> object:
    """Invoke the CLI in-process, from the repository root, like a designer would."""
    runner = CliRunner()

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def _run(run: object, *args: str | Path) -> Result:
    assert callable(run)
    result = run(*args)
    assert isinstance(result, Result)
    return result


def _edited(tmp_path: Path, source: Path, *edits: tuple[str, str]) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    target = tmp_path / source.name
    target.write_text(text, encoding="utf-8")
    return target


class TestValidate:
    def test_valid_rule_sets_exit_0(self, run: object) -> None:
        """Every shipped rule set is valid."""
        result = _run(run, "validate", *RULE_FILES)
        assert result.exit_code == 0, result.output
        assert result.output.count(": ok (") == len(RULE_FILES)

    @pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
    def test_broken_corpus_is_located_never_a_traceback(self, run: object, path: Path) -> None:
        """Each broken file gives exit 1 and file:line:col with a hint, no traceback."""
        result = _run(run, "validate", path)
        assert result.exit_code == 1
        assert "Traceback" not in result.output
        assert f"{path}:" in result.output
        first = result.output.splitlines()[0]
        location = first.split(": ", 1)[0]
        assert location.rsplit(":", 2)[1].isdigit()
        assert location.rsplit(":", 1)[1].isdigit()

    def test_did_you_mean_for_a_misspelled_signal(self, run: object) -> None:
        """An unknown signal gets a hint naming the close ones."""
        result = _run(run, "validate", DATA / "broken_rules" / "unknown_signal.yaml")
        assert "hint: did you mean one of 'frustration'" in result.output

    def test_a_folder_without_rules(self, run: object, tmp_path: Path) -> None:
        """A folder with no YAML is invalid (exit 1), with a message."""
        result = _run(run, "validate", tmp_path)
        assert result.exit_code == 1
        assert "the folder has no .yaml files" in result.output

    def test_a_missing_file_is_unreadable_input(self, run: object, tmp_path: Path) -> None:
        """A path that does not exist is unreadable input (exit 1), not a usage error."""
        result = _run(run, "validate", tmp_path / "nope.yaml")
        assert result.exit_code == 1
        assert f"{tmp_path / 'nope.yaml'}: no such file or folder" in result.output

    def test_no_arguments_is_a_usage_error(self, run: object) -> None:
        """validate needs at least one path."""
        assert _run(run, "validate").exit_code == 2

    def test_a_binary_file(self, run: object, tmp_path: Path) -> None:
        """Random bytes are reported as not UTF-8, with a line and column."""
        binary = tmp_path / "rules.yaml"
        binary.write_bytes(bytes(range(256)) * 8)
        result = _run(run, "validate", binary)
        assert result.exit_code == 1
        assert "not valid UTF-8" in result.output
        assert "Traceback" not in result.output

    def test_a_huge_file(self, run: object, tmp_path: Path) -> None:
        """A file over the size limit is refused before it is parsed."""
        huge = tmp_path / "huge.yaml"
        huge.write_text("lanes: {}\n" + "# padding\n" * 300_000)
        result = _run(run, "validate", huge)
        assert result.exit_code == 1
        assert "the limit is" in result.output

    def test_mixed_paths_report_each(self, run: object) -> None:
        """A valid and an invalid rule set: both reported, exit 1."""
        result = _run(
            run, "validate", RULES / "default.yaml", DATA / "broken_rules" / "shadowed_rule.yaml"
        )
        assert result.exit_code == 1
        assert "1 of 2 rule sets valid" in result.output

    def test_as_a_subprocess(self, tmp_path: Path) -> None:
        """The installed script works and keeps the exit codes."""
        ok = subprocess.run(  # noqa: PLW1510  (exit codes are asserted)
            [HANDOFF, "validate", "rules/default.yaml"], cwd=ROOT, capture_output=True, text=True
        )
        assert ok.returncode == 0, ok.stderr
        assert ok.stdout.startswith("rules/default.yaml: ok")
        assert "\x1b[" not in ok.stdout  # never colours when piped
        bad = subprocess.run(  # noqa: PLW1510  (exit codes are asserted)
            [sys.executable, "-m", "handoff.cli", "validate",
             DATA / "broken_rules" / "alias_bomb.yaml"],
            cwd=ROOT, capture_output=True, text=True,
        )  # fmt: skip
        assert bad.returncode == 1
        assert "Traceback" not in bad.stdout + bad.stderr
        missing = subprocess.run(  # noqa: PLW1510  (exit codes are asserted)
            [HANDOFF, "validate", tmp_path / "missing.yaml"], capture_output=True
        )
        assert missing.returncode == 1
        usage = subprocess.run(  # noqa: PLW1510  (exit codes are asserted)
            [HANDOFF, "validate", "--no-such-option"], capture_output=True
        )
        assert usage.returncode == 2


class TestExplain:
    def test_explains_a_sample(self, run: object) -> None:
        """Lane, deciding rule with observed values, the path and anti-flapping are shown."""
        sample = SAMPLES / "default" / "02_asks_for_a_human.json"
        result = _run(run, "explain", RULES / "default.yaml", sample)
        assert result.exit_code == 0, result.output
        out = result.output
        assert "general_support" in out
        assert "decided by asked_for_human" in out
        assert "human_request true = true" in out
        assert "red line  legal_threat: no match" in out
        assert "anti-flapping none" in out
        assert "expected      general_support by asked_for_human: met" in out

    def test_json_for_machines(self, run: object, tmp_path: Path) -> None:
        """--json is valid JSON with the decision, its trace and the checks."""
        # The sample ends where intense_anger decides; one more exchange stays with the person.
        case = json.loads((SAMPLES / "default" / "03_mood_sliding_to_priority.json").read_text())
        case["conversation"]["turns"] += [
            {"role": "bot", "text": "Refunds take 5-10 working days."},
            {"role": "user", "text": "you keep saying the same thing"},
        ]
        sample = tmp_path / "continued.json"
        sample.write_text(json.dumps(case))
        result = _run(run, "explain", RULES / "default.yaml", sample, "--json")
        data = json.loads(result.output)
        assert data["decision"]["lane"] == "priority_support"
        assert data["decision"]["anti_flapping"]["action"] == "stayed_with_human"
        assert data["expect_met"] is True
        assert [t["rule"] for t in data["turns"]][2] == "intense_anger"

    def test_now_changes_opening_hours(self, run: object, tmp_path: Path) -> None:
        """--now on a Sunday night sends a request for a person to the callback lane."""
        case = json.loads((SAMPLES / "default" / "02_asks_for_a_human.json").read_text())
        plain = tmp_path / "conversation.json"
        plain.write_text(json.dumps(case["conversation"]))
        result = _run(
            run, "explain", RULES / "default.yaml", plain, "--now", "2026-11-22T23:00:00Z"
        )
        assert "lane          callback" in result.output
        assert "general_support closed now → callback" in result.output

    def test_rasa_tracker_dump(self, run: object, tmp_path: Path) -> None:
        """A tracker dump (events + sender_id) is read through the Rasa adapter."""
        captured = json.loads(
            (DATA / "rasa" / "captured_action_request_rasa3.6.21.json").read_text()
        )
        dump = tmp_path / "tracker.json"
        dump.write_text(json.dumps(captured["tracker"]))
        result = _run(
            run, "explain", RULES / "default.yaml", dump, "--now", "2026-11-24T10:00:00+00:00"
        )
        assert result.exit_code == 0, result.output
        assert "(Rasa tracker," in result.output

    @pytest.mark.parametrize(
        ("content", "words"),
        [
            (b"\x89PNG\r\n\x1a\n\x00\x00", "not valid UTF-8"),
            (b"{not json", "invalid JSON"),
            (b"[1, 2]", "expected a JSON object"),
            (b'{"turns": [{"role": "robot"}]}', "not a valid conversation"),
            (b"[" * 100_000, "nested too deeply"),
        ],
    )
    def test_unreadable_conversations(
        self, run: object, tmp_path: Path, content: bytes, words: str
    ) -> None:
        """Bad input is exit 1 with a message naming the file, never a traceback."""
        path = tmp_path / "conversation.json"
        path.write_bytes(content)
        result = _run(run, "explain", RULES / "default.yaml", path)
        assert result.exit_code == 1
        assert words in result.output
        assert str(path) in result.output

    def test_bad_now_is_a_usage_error(self, run: object) -> None:
        """--now must be an ISO date and time."""
        sample = SAMPLES / "default" / "01_faq_stays_with_bot.json"
        result = _run(run, "explain", RULES / "default.yaml", sample, "--now", "tuesday")
        assert result.exit_code == 2
        assert "not an ISO date and time" in result.output


class TestGraph:
    @pytest.mark.parametrize("fmt", ["mermaid", "dot"])
    @pytest.mark.parametrize("rules", RULE_FILES, ids=lambda p: p.stem)
    def test_text_formats_name_every_lane_and_rule(
        self, run: object, rules: Path, fmt: str
    ) -> None:
        """Mermaid and DOT contain every lane and rule, and are stable run to run."""
        result = _run(run, "graph", rules, "--format", fmt)
        assert result.exit_code == 0, result.output
        router_rules = __import__("handoff").Router.from_path(rules).ruleset
        for name in [*router_rules.lanes, *(r.id for r in router_rules.rules)]:
            assert name in result.output, name
        assert _run(run, "graph", rules, "--format", fmt).output == result.output

    @pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
    def test_svg_is_valid_xml(self, run: object, tmp_path: Path) -> None:
        """--format svg draws through Graphviz and writes valid SVG."""
        target = tmp_path / "default.svg"
        result = _run(run, "graph", RULES / "default.yaml", "-f", "svg", "-o", target)
        assert result.exit_code == 0, result.output
        text = target.read_text()
        assert "<svg" in text
        root = ET.fromstring(text)
        assert root.tag.endswith("svg")

    def test_svg_without_dot_says_how_to_install(self, tmp_path: Path) -> None:
        """Without dot on PATH, SVG fails with an install hint (exit 1)."""
        empty = tmp_path / "bin"
        empty.mkdir()
        result = subprocess.run(  # noqa: PLW1510  (exit codes are asserted)
            [HANDOFF, "graph", "rules/default.yaml", "--format", "svg"],
            cwd=ROOT, capture_output=True, text=True, env={"PATH": str(empty)},
        )  # fmt: skip
        assert result.returncode == 1
        assert "apt-get install graphviz" in result.stderr
        assert "Traceback" not in result.stderr


class TestTestCommand:
    @pytest.mark.parametrize("rules", RULE_FILES, ids=lambda p: p.stem)
    def test_shipped_cases_pass_and_cover_every_rule(self, run: object, rules: Path) -> None:
        """rules/tests/<name>.yaml passes and makes every rule decide at least once."""
        result = _run(run, "test", rules, RULES / "tests" / f"{rules.stem}.yaml")
        assert result.exit_code == 0, result.output
        count = len(__import__("handoff").Router.from_path(rules).ruleset.rules)
        assert f"{count} of {count} rules decided" in result.output

    def test_json_samples_are_accepted(self, run: object) -> None:
        """The JSON sample cases run too, and coverage names a rule they never exercise."""
        result = _run(run, "test", RULES / "default.yaml", SAMPLES / "default")
        assert result.exit_code == 0, result.output
        assert f"not exercised: unsure_intent ({RULES / 'default.yaml'}:" in result.output

    def test_a_wrong_expectation_fails_with_a_diff(self, run: object, tmp_path: Path) -> None:
        """A failing case exits 1 and shows expected and actual as a diff."""
        cases = tmp_path / "cases.yaml"
        cases.write_text(
            "cases:\n"
            "  - name: greeting\n"
            "    now: 2026-11-24T10:30:00+00:00\n"
            "    turns:\n"
            "      - user: hello\n"
            "        intent: greet\n"
            "    expect: {lane: general_support, rule: asked_for_human}\n"
        )
        result = _run(run, "test", RULES / "default.yaml", cases)
        assert result.exit_code == 1
        assert f"FAIL  greeting  ({cases}:2)" in result.output
        assert "-lane: general_support\n" in result.output
        assert "+lane: bot\n" in result.output
        assert "0 passed, 1 failed" in result.output

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("cases:\n  - name: x\n    turns: [{user: hi, intnt: greet}]\n"
             "    expect: {lane: bot}\n",
             ":3:24: unknown key 'intnt' (at cases[0].turns[0].intnt)\n"
             "    hint: did you mean 'intent'?"),
            ("cases:\n  - name: x\n    turns: [{user: hi}]\n", ":2:5: missing required key"),
            ("cases: [\n", "invalid YAML"),
            ((DATA / "broken_rules" / "alias_bomb.yaml").read_text(), ":1:1: aliases expand"),
            ("cases:\n" + "  " + "[" * 100 + "]" * 100 + "\n", "nested deeper"),
        ],
    )  # fmt: skip
    def test_broken_case_files_are_located(
        self, run: object, tmp_path: Path, text: str, words: str
    ) -> None:
        """Mistakes in a case file are file:line:col messages, exit 1."""
        cases = tmp_path / "cases.yaml"
        cases.write_text(text)
        result = _run(run, "test", RULES / "default.yaml", cases)
        assert result.exit_code == 1
        assert words in result.output
        assert "Traceback" not in result.output

    def test_as_a_subprocess(self) -> None:
        """The script runs the shipped cases."""
        result = subprocess.run(  # noqa: PLW1510  (exit codes are asserted)
            [HANDOFF, "test", "rules/retail.yaml", "rules/tests/retail.yaml"],
            cwd=ROOT, capture_output=True, text=True,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr


class TestSchema:
    def test_matches_the_published_schema(self, run: object, tmp_path: Path) -> None:
        """`handoff schema` prints what rules/schema.json holds, and --output writes it."""
        result = _run(run, "schema")
        assert result.output == (RULES / "schema.json").read_text()
        target = tmp_path / "schema.json"
        assert _run(run, "schema", "--output", target).exit_code == 0
        assert target.read_text() == result.output


class TestDiff:
    def test_threshold_removed_lane_and_order(self, run: object, tmp_path: Path) -> None:
        """A changed threshold, a removed lane and a moved rule are reported with lanes."""
        new = _edited(
            tmp_path,
            RULES / "default.yaml",
            ("consecutive_fallbacks: {gte: 2}", "consecutive_fallbacks: {gte: 3}"),
            ("    fallback: callback\n", ""),
            (
                "  callback:\n    kind: callback\n",
                "  callback_removed_marker:\n    kind: callback\n",
            ),
        )
        # Remove the callback lane entirely (it is no longer a fallback).
        text = new.read_text()
        start = text.index("  callback_removed_marker:")
        end = text.index("  supervisor:")
        new.write_text(text[:start] + text[end:])
        result = _run(run, "diff", RULES / "default.yaml", new)
        assert result.exit_code == 0, result.output
        out = result.output
        assert "- callback: removed" in out
        assert "threshold consecutive_fallbacks gte: 2 → 3" in out
        assert "fallback: callback → (none)" in out
        assert "can affect: bot, callback, general_support, priority_support" in out

    def test_reordered_rules(self, run: object, tmp_path: Path) -> None:
        """Moving a rule up is an order change (first match wins)."""
        text = (RULES / "default.yaml").read_text()
        start, end = text.index("  - id: churn_risk"), text.index("  - id: mood_sliding")
        block = text[start:end]
        text = text[:start] + text[end:]
        at = text.index("  - id: asked_for_human")
        moved = tmp_path / "moved.yaml"
        moved.write_text(text[:at] + block + text[at:])
        result = _run(run, "diff", RULES / "default.yaml", moved)
        assert "order changed (first match wins)" in result.output
        assert "churn_risk: position 4 → 2" in result.output

    def test_identical_rule_sets(self, run: object) -> None:
        """Same rules: no changes."""
        result = _run(run, "diff", RULES / "default.yaml", RULES / "default.yaml")
        assert "no changes in routing" in result.output


def _log(path: Path, lines: int, pad: int = 0) -> Path:
    """A JSON-lines log made from the default samples, repeated, with unique ids."""
    samples = [json.loads(p.read_text()) for p in sorted((SAMPLES / "default").glob("*.json"))]
    with path.open("w") as out:
        for i in range(lines):
            case = samples[i % len(samples)]
            conversation = dict(case["conversation"], id=f"c{i}")
            if pad:
                conversation["metadata"] = {"note": "x" * pad}
            out.write(json.dumps({"now": case["now"], "conversation": conversation,
                                  "expect": case["expect"]}) + "\n")  # fmt: skip
    return path


class TestReplay:
    def test_distribution_and_escalation_rate(self, run: object, tmp_path: Path) -> None:
        """Lanes are counted and the escalation rate reported."""
        log = _log(tmp_path / "log.jsonl", 12)
        result = _run(run, "replay", RULES / "default.yaml", log)
        assert result.exit_code == 0, result.output
        assert "lanes (12 conversations)" in result.output
        assert "priority_support               4   33.3%" in result.output
        assert "escalation rate 83.3% (10 of 12)" in result.output

    def test_against_lists_changed_conversations(self, run: object, tmp_path: Path) -> None:
        """--against lists every conversation whose lane changed, with both rules."""
        stricter = _edited(
            tmp_path, RULES / "default.yaml",
            ("consecutive_fallbacks: {gte: 2}", "consecutive_fallbacks: {gte: 3}"),
        )  # fmt: skip
        log = _log(tmp_path / "log.jsonl", 6)
        result = _run(run, "replay", stricter, log, "--against", RULES / "default.yaml")
        assert result.exit_code == 0, result.output
        assert f"{log}:4 c3: callback → bot" in result.output
        assert "before: bot_keeps_failing: The bot failed to understand 2 times" in result.output
        assert "after:  (no rule): No escalation rule matched" in result.output
        assert "1 of 6 conversations changed lane" in result.output

    def test_unreadable_lines_are_reported(self, run: object, tmp_path: Path) -> None:
        """A broken line is named by number; the rest still run; exit 1."""
        log = _log(tmp_path / "log.jsonl", 3)
        with log.open("a") as out:
            out.write("{oops\n\n")
        result = _run(run, "replay", RULES / "default.yaml", log)
        assert result.exit_code == 1
        assert f"{log}:4: line 1 column 2: invalid JSON" in result.output
        assert "lanes (3 conversations)" in result.output

    @pytest.mark.slow
    def test_streams_large_logs(self, run: object, tmp_path: Path) -> None:
        """20,000 conversations: peak memory stays far below the file size."""
        _run(run, "replay", RULES / "default.yaml", _log(tmp_path / "warm.jsonl", 6))
        log = _log(tmp_path / "big.jsonl", 20_000, pad=1_000)
        size = log.stat().st_size
        tracemalloc.start()
        try:
            result = _run(run, "replay", RULES / "default.yaml", log)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert result.exit_code == 0, result.output
        assert "lanes (20000 conversations)" in result.output
        assert size > 25_000_000
        print(f"replay of {size:,} bytes: peak {peak:,} bytes traced")
        assert peak < size / 5, (peak, size)
