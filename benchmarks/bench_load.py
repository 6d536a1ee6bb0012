"""Start-up costs: compiling generated rule sets; importing handoff against `python -c pass`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import rulegen

from handoff import Router

_ROUNDS = {10: 20, 100: 10, 1000: 3}


@pytest.mark.parametrize("count", rulegen.SIZES)
def bench_compile(benchmark: Any, rules_dir: Path, count: int) -> None:
    benchmark.group = "compile"
    benchmark.extra_info.update(kind="compile", rules=count)
    path = rules_dir / f"generated-{count}.yaml"
    router = benchmark.pedantic(Router.from_path, args=(path,), rounds=_ROUNDS[count])
    assert len(router.ruleset.rules) == count


def _python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(("name", "code"), [("handoff", "import handoff"), ("pass", "pass")])
def bench_import(benchmark: Any, name: str, code: str) -> None:
    """A fresh interpreter each round: what `import handoff` adds to start-up."""
    benchmark.group = "import"
    benchmark.extra_info.update(kind="import", engine=name)
    benchmark.pedantic(_python, args=(code,), rounds=15, warmup_rounds=2)
