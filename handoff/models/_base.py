"""The shared pydantic configuration: immutable, and unknown keys are an error, not a surprise."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Frozen, strict-keyed base of every handoff model."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
