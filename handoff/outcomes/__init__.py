"""Outcomes of handoffs and the KPIs, experiment verdicts and shadow comparisons on them.

Pure functions over a :class:`Dataset` (three data frames: routed turns, handoff cycles,
customer lines): no database, web or Rasa code here. The desktop loads a Dataset from its
tables (``handoff.desktop.outcomes.load_dataset``), ``handoff report`` renders a
:class:`KpiReport`, and :func:`handoff.outcomes.simulate.simulate` makes traffic with
known effects to test all of it. Definitions and formulas: docs/KPIS.md.

``import handoff.outcomes`` stays light: pandas, scipy and statsmodels (the ``report``
extra) load on first use of a name that needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from handoff.outcomes.dataset import Dataset, DatasetError
    from handoff.outcomes.experiments import analyse_experiment
    from handoff.outcomes.kpis import compute_kpis
    from handoff.outcomes.results import (
        KPIS,
        ArmResult,
        Effect,
        Estimate,
        ExperimentResult,
        ExperimentSpec,
        KpiInfo,
        KpiReport,
        ShadowResult,
    )
    from handoff.outcomes.shadow import compare_shadow

__all__ = [
    "KPIS",
    "ArmResult",
    "Dataset",
    "DatasetError",
    "Effect",
    "Estimate",
    "ExperimentResult",
    "ExperimentSpec",
    "KpiInfo",
    "KpiReport",
    "ShadowResult",
    "analyse_experiment",
    "compare_shadow",
    "compute_kpis",
]

_HOME = {
    "Dataset": "dataset",
    "DatasetError": "dataset",
    "analyse_experiment": "experiments",
    "compute_kpis": "kpis",
    "compare_shadow": "shadow",
    **dict.fromkeys(
        [
            "KPIS",
            "ArmResult",
            "Effect",
            "Estimate",
            "ExperimentResult",
            "ExperimentSpec",
            "KpiInfo",
            "KpiReport",
            "ShadowResult",
        ],
        "results",
    ),
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'handoff.outcomes' has no attribute {name!r}")
    try:
        module = importlib.import_module(f"handoff.outcomes.{home}")
    except ImportError as error:  # pragma: no cover - depends on the installed extras
        raise ImportError(
            f"handoff.outcomes.{name} needs the report extra: pip install 'handoff-router[report]'"
        ) from error
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
