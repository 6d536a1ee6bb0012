"""The conversation card's own behaviour in a real browser (Debian's Chromium under
Playwright, the real server of harness.py): hostile customer text stays text, the page runs
under its Content-Security-Policy without a violation, and a tick the server refuses does not
stay checked on screen."""

from __future__ import annotations

from playwright.sync_api import ConsoleMessage, Page, expect

from tests.desktop.browser.fixtures import OpenAs
from tests.desktop.browser.harness import DesktopServer, payload_now
from tests.desktop.browser.test_desktop_browser import open_card

HOSTILE = (
    "It failed again <script>window.pwned = 1</script>"
    '<img src="x" onerror="window.pwned = 2"> with the same card, what is going on'
)


def console_problems(page: Page) -> list[str]:
    """Errors and warnings the page logs from now on (CSP violations are among them)."""
    problems: list[str] = []

    def keep(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            problems.append(message.text)

    page.on("console", keep)
    return problems


class TestCardInABrowser:
    """What only a browser can show about the card."""

    def test_customer_markup_is_shown_as_text(self, server: DesktopServer, open_as: OpenAs) -> None:
        """A message carrying <script> and an onerror image is shown as the customer typed
        it, with the cue highlighted next to it, and none of it runs."""
        payload = payload_now("07_failed_again")
        lines = tuple(
            line.model_copy(update={"text": HOSTILE}) if line.turn == 3 else line
            for line in payload.transcript
        )
        payload = payload.model_copy(update={"transcript": lines})
        gail = open_as(server, "gail")  # general_banking, where 07 goes
        problems = console_problems(gail)
        pk = server.deliver(payload)
        open_card(gail, pk)
        turn = gail.get_by_test_id("turn-3")
        expect(turn.locator("p.text")).to_have_text(HOSTILE)
        expect(turn.locator("mark")).to_have_text("failed again")
        assert turn.locator("script, img").count() == 0
        assert gail.evaluate("window.pwned === undefined")
        assert not [p for p in problems if "Content Security Policy" in p], problems

    def test_a_refused_tick_is_unticked(self, server: DesktopServer, open_as: OpenAs) -> None:
        """The agent ticks after a supervisor took the conversation from her: the server
        refuses, the box is unticked again and the step says the tick was not recorded."""
        fran = open_as(server, "fran")
        problems = console_problems(fran)
        pk = server.deliver(payload_now("02_unrecognised_payment_at_night"))
        open_card(fran, pk)
        fran.get_by_role("button", name="Claim").click()
        expect(fran.get_by_test_id("yours")).to_be_visible()
        fran.get_by_label("Validate", exact=True).check()
        expect(fran.get_by_test_id("ticked-validate")).to_contain_text("fran")

        server.desktop.reassign(server.user("sue"), pk, "sue")
        box = fran.get_by_label("Reframe", exact=True)
        box.click()  # not check(): the box is meant to end up unchecked
        step = fran.locator('li.step[data-step="reframe"]')
        expect(step.locator(".tick-error")).to_contain_text("Not recorded")
        expect(step.get_by_role("alert")).to_be_visible()
        expect(box).not_to_be_checked()
        record = server.desktop.conversation(server.user("sue"), pk)
        assert [t.step for t in record.ticks] == ["validate"]
        assert not [p for p in problems if "Content Security Policy" in p], problems
