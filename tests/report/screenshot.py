"""Regenerate the README's picture of the outcomes report, docs/report.png, from simulated
data (the simulator's month, seed 7, the one ``handoff report --simulate 7`` writes), in
Debian's Chromium, 1366 pixels wide:

    .venv/bin/python -m tests.report.screenshot [--out docs]

The report is rendered as ``handoff report`` renders it, opened from a temporary file with
the network blocked, and the top of it (title, headline figures, the rates day by day) is
photographed. tests/report/test_report_browser.py takes the same picture of its own run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from tests.desktop.browser.harness import CHROMIUM_ARGS, ROOT, chromium_or_skip

if TYPE_CHECKING:
    from playwright.sync_api import Browser

PICTURE = "report.png"
SEED = 7
SIZE = {"width": 1366, "height": 1150}
# A fixed "generated at", so the same seed gives the same page.
GENERATED = datetime(2026, 12, 18, 9, 0, tzinfo=timezone.utc)


def simulated_report(path: Path, *, seed: int = SEED) -> Path:
    """The report of the simulator's month for ``seed``, written to ``path``."""
    from handoff.outcomes import compute_kpis  # noqa: PLC0415
    from handoff.outcomes.report import render_report  # noqa: PLC0415
    from handoff.outcomes.simulate import simulate  # noqa: PLC0415

    data, _truth = simulate(seed=seed)
    html = render_report(
        compute_kpis(data), generated_at=GENERATED, source=f"a simulated month (seed {seed})"
    )
    path.write_text(html, encoding="utf-8")
    return path


def photograph(report: Path, picture: Path, *, browser: Browser | None = None) -> Path:
    """The top of ``report`` (an HTML file) as ``picture``, nothing fetched from anywhere;
    in ``browser`` if given, else in a Chromium launched for it."""
    if browser is None:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415

        chromium = chromium_or_skip()
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(
                executable_path=chromium, args=list(CHROMIUM_ARGS)
            )
            try:
                return photograph(report, picture, browser=launched)
            finally:
                launched.close()
    from playwright.sync_api import expect  # noqa: PLC0415

    context = browser.new_context(viewport=SIZE, java_script_enabled=False)  # type: ignore[arg-type]
    try:
        context.route("**/*", _only_the_file)
        page = context.new_page()
        page.goto(report.resolve().as_uri())
        expect(page.get_by_test_id("figure-daily").locator("img")).to_be_visible()
        page.screenshot(path=picture)
    finally:
        context.close()
    _shrink(picture)
    return picture


def _only_the_file(route: object) -> None:
    request = route.request  # type: ignore[attr-defined]
    if request.url.startswith(("file:", "data:")):
        route.continue_()  # type: ignore[attr-defined]
    else:
        route.abort()  # type: ignore[attr-defined]


def _shrink(path: Path) -> None:
    """A 256-colour palette: a page of text, lines and flat colours loses nothing visible."""
    from PIL import Image  # noqa: PLC0415  (Pillow comes with matplotlib)

    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    reduced.save(path, optimize=True)


def take(out: Path) -> Path:
    """Render the simulated month and photograph it into ``out``."""
    with tempfile.TemporaryDirectory() as folder:
        report = simulated_report(Path(folder) / "report.html")
        return photograph(report, out / PICTURE)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.report.screenshot")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder (default: docs)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    path = take(args.out)
    print(f"{path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
