"""The analysis-ready records KPIs are computed from: three data frames, checked once.

A :class:`Dataset` is what :func:`handoff.desktop.outcomes.load_dataset` reads from the
desktop's tables (``desktop_turns``, ``desktop_handoffs`` joined with ``desktop_ces``, and
the customer lines of ``desktop_messages``) and what :func:`handoff.outcomes.simulate.simulate`
generates. Timestamps are Unix seconds (float, UTC) as the tables store them; customers are
keyed pseudonyms (never raw ids); no message text is ever part of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from handoff.errors import HandoffError

__all__ = [
    "HANDOFF_COLUMNS",
    "HANDOFF_STATUSES",
    "LINE_COLUMNS",
    "NEEDED_ANSWERS",
    "TURN_COLUMNS",
    "Dataset",
    "DatasetError",
]

ColumnKind = Literal["str", "str?", "float", "float?", "bool", "bool?", "int"]

#: One row per routed customer turn (``desktop_turns``; ``conversation`` is the Rasa sender id).
TURN_COLUMNS: Mapping[str, ColumnKind] = {
    "conversation": "str",
    "customer": "str?",
    "at": "float",
    "lane": "str",
    "lane_kind": "str",
    "handoff": "bool",
    "rule_id": "str?",
    "ruleset_version": "str",
    "experiment": "str?",
    "arm": "str?",
    "asked_person": "bool",
    "shadow_lane": "str?",
    "shadow_rule_id": "str?",
    "shadow_version": "str?",
    "shadow_handoff": "bool?",
}

#: One row per handoff cycle (``desktop_handoffs`` + its ``desktop_ces`` row).
HANDOFF_COLUMNS: Mapping[str, ColumnKind] = {
    "conversation": "str",
    "cycle": "int",
    "customer": "str?",
    "lane": "str",
    "rule_id": "str?",
    "ruleset_version": "str",
    "experiment": "str?",
    "arm": "str?",
    "sla_seconds": "float?",
    "handed_off_at": "float",
    "claimed_at": "float?",
    "within_sla": "bool?",
    "transfers": "int",
    "status": "str",
    "closed_at": "float?",
    "outcome_code": "str?",
    "needed": "str?",
    "ces_asked": "bool",
    "ces_score": "float?",
    "ces_declined": "bool",
}

#: One row per customer line (``desktop_messages``, customer side): no text, only its score.
LINE_COLUMNS: Mapping[str, ColumnKind] = {
    "conversation": "str",
    "at": "float",
    "sentiment": "float?",
}

HANDOFF_STATUSES = ("waiting", "claimed", "resolved", "handed_back", "abandoned")
NEEDED_ANSWERS = ("yes", "no", "unsure")

_TABLES: Mapping[str, Mapping[str, ColumnKind]] = {
    "turns": TURN_COLUMNS,
    "handoffs": HANDOFF_COLUMNS,
    "lines": LINE_COLUMNS,
}


class DatasetError(HandoffError, ValueError):
    """A :class:`Dataset` does not have the columns, types or values KPIs rely on."""


@dataclass(frozen=True)
class Dataset:
    """Turns, handoff cycles and customer lines of one period, ready for analysis.

    ``turns`` has the columns of :data:`TURN_COLUMNS`, ``handoffs`` those of
    :data:`HANDOFF_COLUMNS`, ``lines`` those of :data:`LINE_COLUMNS`; extra columns are
    allowed and ignored. Optional values are ``None``/``NaN``. Build one with
    :meth:`from_frames` (fills absent optional columns, converts datetimes to Unix seconds,
    then validates) or directly, then call :meth:`validate`.
    """

    turns: pd.DataFrame
    handoffs: pd.DataFrame
    lines: pd.DataFrame

    @classmethod
    def empty(cls) -> Dataset:
        """A dataset without any record (every KPI is then ``None`` with ``n == 0``)."""
        return cls(
            turns=_empty_frame(TURN_COLUMNS),
            handoffs=_empty_frame(HANDOFF_COLUMNS),
            lines=_empty_frame(LINE_COLUMNS),
        )

    @classmethod
    def from_frames(
        cls,
        turns: pd.DataFrame | None = None,
        handoffs: pd.DataFrame | None = None,
        lines: pd.DataFrame | None = None,
    ) -> Dataset:
        """A validated dataset from frames that may lack optional columns or use datetimes.

        Absent optional (``?``) columns are filled with missing values, ``ces_asked`` and
        ``ces_declined`` with False, ``transfers`` with 0; datetime columns become Unix
        seconds; a missing table is an empty one. Raises :class:`DatasetError` if a required
        column is absent or a value is out of its domain.
        """
        frames = {"turns": turns, "handoffs": handoffs, "lines": lines}
        fixed = {name: _complete(frames[name], columns, name) for name, columns in _TABLES.items()}
        data = cls(**fixed)
        data.validate()
        return data

    def validate(self) -> None:
        """Raise :class:`DatasetError` naming the table, column and fix if the frames do not
        fit :data:`TURN_COLUMNS`, :data:`HANDOFF_COLUMNS` and :data:`LINE_COLUMNS`."""
        for name, columns in _TABLES.items():
            frame = getattr(self, name)
            if not isinstance(frame, pd.DataFrame):
                raise DatasetError(f"Dataset.{name} must be a pandas DataFrame, not {frame!r:.60}")
            missing = [c for c in columns if c not in frame.columns]
            if missing:
                raise DatasetError(
                    f"Dataset.{name} lacks the column(s) {', '.join(missing)}; "
                    "Dataset.from_frames(...) fills optional ones, or add them"
                )
            for column, kind in columns.items():
                _check_column(frame[column], f"Dataset.{name}.{column}", kind)
        _check_domain(self.handoffs["status"], "Dataset.handoffs.status", HANDOFF_STATUSES)
        _check_domain(
            self.handoffs["needed"], "Dataset.handoffs.needed", NEEDED_ANSWERS, optional=True
        )
        scores = self.handoffs["ces_score"].dropna()
        if len(scores) and (not scores.between(1, 7).all() or (scores % 1 != 0).any()):
            raise DatasetError(
                "Dataset.handoffs.ces_score holds values other than the whole numbers 1..7 "
                "(the CES scale); use NaN where the customer did not answer"
            )
        sentiment = self.lines["sentiment"].dropna()
        if len(sentiment) and not sentiment.between(-1, 1).all():
            raise DatasetError(
                "Dataset.lines.sentiment holds values outside -1..1 (VADER compound scores)"
            )


def _empty_frame(columns: Mapping[str, ColumnKind]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=_DTYPES[k]) for c, k in columns.items()})


_DTYPES: Mapping[str, str] = {
    "str": "object",
    "str?": "object",
    "float": "float64",
    "float?": "float64",
    "bool": "bool",
    "bool?": "object",
    "int": "int64",
}
_FILL: Mapping[str, Any] = {"ces_asked": False, "ces_declined": False, "transfers": 0}


def _complete(
    frame: pd.DataFrame | None, columns: Mapping[str, ColumnKind], name: str
) -> pd.DataFrame:
    if frame is None:
        return _empty_frame(columns)
    frame = frame.copy()
    for column, kind in columns.items():
        if column not in frame.columns:
            if column in _FILL:
                frame[column] = _FILL[column]
            elif kind.endswith("?"):
                frame[column] = None if kind != "float?" else float("nan")
            else:
                raise DatasetError(
                    f"Dataset.{name} lacks the required column {column!r} "
                    f"(the columns are: {', '.join(columns)})"
                )
        series = frame[column]
        converts = kind.startswith("float") and (
            pd.api.types.is_datetime64_any_dtype(series)
            or (series.dtype == object and series.map(lambda v: hasattr(v, "timestamp")).any())
        )
        if converts:
            frame[column] = _to_unix_seconds(series)
        elif kind.startswith("float"):
            frame[column] = pd.to_numeric(series, errors="coerce").astype("float64")
    return frame


def _to_unix_seconds(series: pd.Series) -> pd.Series:
    stamps = pd.to_datetime(series, utc=True)
    seconds = (stamps - pd.Timestamp(0, tz="UTC")).dt.total_seconds()
    return seconds.astype("float64")


def _check_column(series: pd.Series, where: str, kind: ColumnKind) -> None:
    optional = kind.endswith("?")
    base = kind.rstrip("?")
    if not optional and series.isna().any():
        raise DatasetError(f"{where} has missing values; it is required on every row")
    if base == "str" and isinstance(series.dtype, pd.CategoricalDtype):
        # A categorical of strings is text (compact for lanes, rules, arms and ids).
        categories = series.cat.categories
        if len(categories) and not pd.api.types.is_string_dtype(categories):
            raise DatasetError(f"{where} must hold text{' or None' if optional else ''}")
        return
    values = series.dropna() if optional else series
    if base == "float":
        if not pd.api.types.is_float_dtype(series) and not pd.api.types.is_integer_dtype(series):
            raise DatasetError(
                f"{where} must be numeric (Unix seconds or a number), not {series.dtype}; "
                "Dataset.from_frames(...) converts datetimes"
            )
    elif base == "int":
        if not pd.api.types.is_integer_dtype(series):
            raise DatasetError(f"{where} must hold whole numbers, not {series.dtype}")
    elif base == "bool":
        if pd.api.types.is_bool_dtype(series):
            return
        if len(values) and not pd.api.types.is_bool_dtype(values.astype(object).infer_objects()):
            raise DatasetError(f"{where} must hold True/False{' or None' if optional else ''}")
    # is_string_dtype checks object columns element by element (in C).
    elif base == "str" and len(values) and not pd.api.types.is_string_dtype(values):
        raise DatasetError(f"{where} must hold text{' or None' if optional else ''}")


def _check_domain(
    series: pd.Series, where: str, allowed: tuple[str, ...], *, optional: bool = False
) -> None:
    values = series.dropna() if optional else series
    bad = sorted(set(values.unique()) - set(allowed))
    if bad:
        raise DatasetError(
            f"{where} holds {', '.join(map(repr, bad[:5]))}; allowed: {', '.join(allowed)}"
            + (" or None" if optional else "")
        )
