"""Regenerate the README's pictures of the desktop, docs/desktop-queue.png and
docs/desktop-card.png, in Debian's Chromium at 1366x768:

    .venv/bin/python -m tests.desktop.browser.screenshots [--out docs]

A throwaway desktop (SQLite in a temporary folder, no Rasa) receives every bundled banking
sample that reaches a person through the signed webhook, routed as if it had just happened
(a couple of them minutes ago, so one SLA is already breached); a supervisor's queue page and
a complaints agent's card (claimed, first checklist step ticked) are photographed. The
browser tests save the same two views of their own run under tests/desktop/browser/output/.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.desktop.browser.harness import (
    CHROMIUM_ARGS,
    PEOPLE,
    ROOT,
    VIEWPORT,
    DesktopServer,
    Person,
    chromium_or_skip,
    login,
    payload_now,
    prepare_desktop,
    sample_payloads,
    serve,
)

PICTURES = ("desktop-queue.png", "desktop-card.png")
# How long ago each sample "happened": a mix of fresh, due-soon and breached SLAs.
AGO = {"02_unrecognised_payment_at_night": 50, "07_failed_again": 240, "04_vulnerable_customer": 20}
CARD_SAMPLE = "05_ombudsman_complaint"


def take(out: Path) -> list[Path]:
    """Photograph the queue and a card into ``out``; returns the files written."""
    from playwright.sync_api import expect, sync_playwright  # noqa: PLC0415

    chromium = chromium_or_skip()
    people = {**PEOPLE, "cara": Person("cara", "agent", ("complaints",))}
    now = datetime.now(timezone.utc)
    with tempfile.TemporaryDirectory() as folder:
        desktop = prepare_desktop(f"sqlite:///{Path(folder) / 'desktop.sqlite'}", people=people)
        try:
            with serve(desktop) as url, sync_playwright() as playwright:
                server = DesktopServer(url, desktop, people)
                pks = {}
                for sample in sample_payloads():
                    when = now - timedelta(seconds=AGO.get(sample, 0))
                    payload = payload_now(sample, conversation_id=sample.split("_", 1)[1], now=when)
                    pks[sample] = server.deliver(payload)
                browser = playwright.chromium.launch(
                    executable_path=chromium, args=list(CHROMIUM_ARGS)
                )
                context = browser.new_context(base_url=url, viewport=VIEWPORT)  # type: ignore[arg-type]
                page = context.new_page()
                login(page, people["sue"])
                expect(page.get_by_test_id("queue-row")).to_have_count(len(pks))
                queue = out / PICTURES[0]
                page.screenshot(path=queue)
                context.close()

                context = browser.new_context(base_url=url, viewport=VIEWPORT)  # type: ignore[arg-type]
                page = context.new_page()
                login(page, people["cara"])
                page.goto(f"/c/{pks[CARD_SAMPLE]}")
                page.get_by_role("button", name="Claim").click()
                page.get_by_label("Validate", exact=True).check()
                expect(page.get_by_test_id("ticked-validate")).to_be_visible()
                # The card as the agent sees it when she opens it again: the picture is of
                # the card, not of the live-update banner a tick may raise.
                page.goto(f"/c/{pks[CARD_SAMPLE]}")
                expect(page.get_by_test_id("ticked-validate")).to_be_visible()
                card = out / PICTURES[1]
                page.screenshot(path=card)
                context.close()
                browser.close()
        finally:
            desktop.close()
    for picture in (queue, card):
        _shrink(picture)
    return [queue, card]


def _shrink(path: Path) -> None:
    """Store the screenshot with a 256-colour palette (a page of text and flat colours
    loses nothing visible; the file is a third of the size)."""
    from PIL import Image  # noqa: PLC0415  (Pillow comes with matplotlib, a dev dependency)

    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    reduced.save(path, optimize=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.desktop.browser.screenshots")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder (default: docs)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in take(args.out):
        print(f"{path} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
