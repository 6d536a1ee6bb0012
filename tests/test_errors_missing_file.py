"""A missing file is named with the closest real one, in the one format every entry point uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff.errors import describe_missing_file


def test_a_typo_names_the_file_meant(tmp_path: Path) -> None:
    (tmp_path / "default.yaml").write_text("")
    (tmp_path / "retail.yaml").write_text("")
    missing = tmp_path / "defualt.yaml"
    assert describe_missing_file(missing) == (
        f"{missing}: no such file (did you mean {tmp_path / 'default.yaml'}?)"
    )


def test_a_relative_path_keeps_its_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "default.yaml").write_text("")
    monkeypatch.chdir(tmp_path)
    assert describe_missing_file("rules/defualt.yaml") == (
        "rules/defualt.yaml: no such file (did you mean rules/default.yaml?)"
    )


def test_a_bare_name_suggests_a_bare_name(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "default.yaml").write_text("")
    monkeypatch.chdir(tmp_path)
    assert describe_missing_file("defualt.yaml") == (
        "defualt.yaml: no such file (did you mean default.yaml?)"
    )


def test_nothing_close_gives_no_hint(tmp_path: Path) -> None:
    (tmp_path / "banking.yaml").write_text("")
    assert describe_missing_file(tmp_path / "x.json") == f"{tmp_path / 'x.json'}: no such file"


def test_a_missing_folder_gives_no_hint(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "default.yaml"
    assert describe_missing_file(missing) == f"{missing}: no such file"
