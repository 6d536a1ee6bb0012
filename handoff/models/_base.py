"""The shared pydantic configuration: immutable, and unknown keys are an error, not a surprise."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

M = TypeVar("M", bound=BaseModel)


class Model(BaseModel):
    """Frozen, strict-keyed base of every handoff model."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def built(cls: type[M], values: dict[str, Any]) -> M:
    """An instance of ``cls`` holding ``values`` (every field, in the model's order, each
    already of its field's type), as ``cls.model_construct(**values)`` builds it, without
    its per-field Python loop: for the engine's hot path, where every value was computed
    from validated models (tests check each caller against validation). ``values`` is kept,
    not copied."""
    model = cls.__new__(cls)
    _set = object.__setattr__
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", set(values))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def replaced(model: M, **changes: Any) -> M:
    """``model.model_copy(update=changes)`` for values already of their fields' types, at a
    fraction of its cost (no deep-copy machinery): for the engine's hot path."""
    return built(type(model), {**model.__dict__, **changes})
