"""Shadow comparison, the Dataset contract, and the package staying pure and light."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone

import pandas as pd
import pytest

import handoff.outcomes
from handoff.outcomes import Dataset, DatasetError, compare_shadow, compute_kpis
from tests.conftest import ROOT
from tests.outcomes._build import T0, cycle, dataset, turn


def shadowed(conversation: str, at: float, live: str, shadow: str, **fields: object) -> dict:
    row = turn(conversation, at, **fields)
    row["lane"] = live
    row.update(
        shadow_lane=shadow,
        shadow_rule_id=fields.get("shadow_rule_id", row["rule_id"]),
        shadow_version="v2",
        shadow_handoff=shadow != "bot",
    )
    return row


class TestShadow:
    def test_agreement_and_where_it_differs(self) -> None:
        """6 shadowed turns: 4 same lane; 5 same hand-off-or-not; the table lists the
        two kinds of difference with their rules."""
        turns = [
            shadowed("a", 0, "bot", "bot"),
            shadowed("a", 30, "bot", "general", shadow_rule_id="low_conf"),
            shadowed("b", 0, "bot", "bot"),
            shadowed("c", 0, "cards", "disputes", handoff=True, rule_id="card",
                     shadow_rule_id="card_v2"),
            shadowed("c", 40, "cards", "cards", handoff=True, rule_id="card"),
            shadowed("d", 0, "general", "general", handoff=True),
            turn("e", 0),  # not shadowed
        ]  # fmt: skip
        result = compare_shadow(pd.DataFrame(turns))
        assert result is not None
        assert (result.turns, result.conversations, result.versions) == (6, 4, ("v2",))
        assert result.lane_agreement.value == pytest.approx(4 / 6)
        assert result.lane_agreement.n == 6
        assert result.handoff_agreement.value == pytest.approx(5 / 6)
        assert (result.shadow_only_handoffs, result.live_only_handoffs) == (1, 0)
        rows = result.differences.to_dict("records")
        assert [(r["live_lane"], r["shadow_lane"], r["live_rule"], r["shadow_rule"],
                 r["turns"], r["conversations"]) for r in rows] == [
            ("bot", "general", None, "low_conf", 1, 1),
            ("cards", "disputes", "card", "card_v2", 1, 1),
        ]  # fmt: skip

    def test_no_shadow(self) -> None:
        assert compute_kpis(dataset([turn("a", 0)])).shadow is None


class TestDataset:
    def test_empty_is_valid(self) -> None:
        Dataset.empty().validate()

    def test_missing_column_names_it(self) -> None:
        data = Dataset.empty()
        broken = Dataset(data.turns.drop(columns=["lane"]), data.handoffs, data.lines)
        with pytest.raises(DatasetError, match=r"Dataset.turns lacks the column\(s\) lane"):
            broken.validate()

    def test_from_frames_fills_optional_columns_and_converts_datetimes(self) -> None:
        turns = pd.DataFrame(
            [
                {
                    "conversation": "a",
                    "at": datetime(2026, 9, 21, 0, 1, tzinfo=timezone.utc),
                    "lane": "bot",
                    "lane_kind": "bot",
                    "handoff": False,
                    "ruleset_version": "v1",
                    "asked_person": False,
                }
            ]
        )
        data = Dataset.from_frames(turns)
        assert data.turns.loc[0, "at"] == T0 + 60
        assert pd.isna(data.turns.loc[0, "shadow_lane"])
        assert data.handoffs.empty
        assert data.lines.empty

    def test_required_column_absent(self) -> None:
        with pytest.raises(DatasetError, match="lacks the required column 'lane'"):
            Dataset.from_frames(pd.DataFrame([{"conversation": "a", "at": 0.0}]))

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            ({"status": "lost"}, "Dataset.handoffs.status holds 'lost'; allowed: waiting"),
            ({"needed": "maybe"}, "Dataset.handoffs.needed holds 'maybe'"),
            ({"ces_score": 9.0}, "ces_score holds values other than the whole numbers 1..7"),
            ({"ces_score": 4.5}, "ces_score holds values other than the whole numbers 1..7"),
            ({"handed_off_at": None}, "handed_off_at has missing values"),
        ],
    )
    def test_bad_values_are_refused(self, change: dict, message: str) -> None:
        row = cycle("a", 0)
        row.update(change)
        with pytest.raises(DatasetError, match=message):
            dataset(cycles=[row])

    def test_sentiment_out_of_range(self) -> None:
        with pytest.raises(DatasetError, match=r"outside -1\.\.1"):
            dataset(lines=[{"conversation": "a", "at": 0.0, "sentiment": 3.0}])

    def test_text_column_with_numbers(self) -> None:
        row = turn("a", 0)
        row["lane"] = 7
        with pytest.raises(DatasetError, match=r"Dataset\.turns\.lane must hold text"):
            dataset([row])


class TestPackage:
    def test_all_is_sorted_and_resolves(self) -> None:
        names = handoff.outcomes.__all__
        # ruff's RUF022 order: constants, then classes, then functions, each alphabetical
        assert names == sorted(set(names), key=lambda n: (not n.isupper(), not n[0].isupper(), n))
        for name in names:
            value = getattr(handoff.outcomes, name)
            assert value is not None
            if callable(value):
                assert (value.__doc__ or "").strip(), name

    def test_import_is_light(self) -> None:
        """`import handoff.outcomes` loads neither pandas, scipy nor statsmodels; the KPI
        modules never load a database, web or Rasa library."""
        code = (
            "import sys, json, handoff.outcomes as o; light = sorted(sys.modules);"
            "import handoff.outcomes.kpis, handoff.outcomes.experiments,"
            " handoff.outcomes.simulate; o.compute_kpis;"
            "print(json.dumps([light, sorted(sys.modules)]))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout
        light, full = ({m.split(".")[0] for m in mods} for mods in json.loads(out))
        assert not light & {"pandas", "scipy", "statsmodels", "numpy"}
        assert not full & {"sqlalchemy", "starlette", "rasa_sdk", "sanic", "httpx", "alembic"}
