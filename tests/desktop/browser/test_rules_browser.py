"""Governed rule changes in a real browser (Debian's Chromium driven by Playwright) against a
real desktop server and governance store: a supervisor uploads a change to the banking rules,
a user granted the risk role approves it, the author's own approval is refused, the author
publishes it, and rolls back to the version before. The store and its audit trail are
checked after each step."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from handoff.desktop.rules_pages import RulesPages
from handoff.governance.bundle import RuleBundle
from handoff.governance.store import RulesStore
from tests.desktop.browser.fixtures import OpenAs
from tests.desktop.browser.harness import (
    PEOPLE,
    RULES,
    DesktopServer,
    Person,
    prepare_desktop,
    serve,
)

KEY = b"browser-tests-rules-signing-key"
TESTS = RULES.parent / "tests" / "banking.yaml"
# The designer (a supervisor) and an approver holding the risk role.
PEOPLE_HERE = {**PEOPLE, "rita": Person("rita", "supervisor")}


@pytest.fixture(scope="module")
def gov_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[DesktopServer, RulesStore]]:
    """The desktop with its governance pages (signing key set), rita granted risk, and a
    first version of the banking rules already published through the store."""
    folder = tmp_path_factory.mktemp("rules-desktop")
    desktop = prepare_desktop(f"sqlite:///{folder / 'desktop.sqlite'}", people=PEOPLE_HERE)
    store = RulesStore(desktop.engine, keys=[KEY])
    try:
        store.grant("rita", "risk", actor=store.actor("ada"))
        first = store.propose(
            RuleBundle.from_path(RULES, tests=[TESTS]),
            author=store.actor("sue"),
            title="Banking rules as deployed",
        )
        store.approve(first.content_hash, approver=store.actor("rita"))
        store.publish(first.content_hash, actor=store.actor("sue"), reason="first governed version")
        with serve(desktop, rules=RulesPages(store)) as url:
            yield DesktopServer(url, desktop, people=dict(PEOPLE_HERE)), store
    finally:
        desktop.close()


def changed_rules() -> bytes:
    """The banking rules with the first lane's SLA at 240 s instead of 300 s."""
    text = RULES.read_bytes()
    changed = text.replace(b"sla_seconds: 300\n", b"sla_seconds: 240\n", 1)
    assert changed != text
    return changed


def version_hash(page: Page) -> str:
    match = re.search(r"/rules/([0-9a-f]{64})", page.url)
    assert match is not None, page.url
    return match[1]


def test_propose_approve_refuse_the_author_publish_and_roll_back(
    gov_server: tuple[DesktopServer, RulesStore], open_as: OpenAs
) -> None:
    server, store = gov_server
    live = store.live()
    assert live is not None
    first = live.content_hash

    # Sue, who designs the routing, uploads her change with the rule tests.
    sue = open_as(server, "sue")
    sue.get_by_test_id("nav-rules").click()
    expect(sue.get_by_test_id("live")).to_contain_text(first[:12])
    sue.get_by_test_id("rules-new").click()
    sue.get_by_label("Title").fill("Faster first answer for general banking")
    sue.get_by_label("Description").fill("Customers wait less before a person answers.")
    sue.get_by_label("Rules file").set_input_files(
        {"name": "banking.yaml", "mimeType": "application/yaml", "buffer": changed_rules()}
    )
    sue.get_by_label("Rule tests").set_input_files(str(TESTS))
    sue.get_by_role("button", name="Propose").click()
    expect(sue.get_by_test_id("notice")).to_contain_text("Proposed")
    ref = version_hash(sue)
    expect(sue.get_by_test_id("validation")).to_contain_text("passes its rule tests")
    expect(sue.get_by_test_id("diff")).to_contain_text("240")
    # Her own change: no approve form, and no publish form before an approval.
    expect(sue.get_by_test_id("approve-form")).to_have_count(0)
    expect(sue.get_by_test_id("publish-form")).to_have_count(0)

    # A forged approval from her own browser (the session's CSRF token, as a script on the
    # page would send it) is refused by the server, and recorded.
    token = sue.locator('meta[name="csrf-token"]').get_attribute("content")
    assert token
    answer = sue.request.post(
        f"/rules/{ref}/approve", form={"csrf_token": token, "comment": "mine, fine"}
    )
    assert answer.status == 403
    assert "author" in answer.text().lower()
    assert store.get(ref).approvals == [] or len(store.get(ref).approvals) == 0

    # Rita, granted the risk role, reads it on the rules page and approves.
    rita = open_as(server, "rita")
    rita.get_by_test_id("nav-rules").click()
    rita.get_by_test_id("proposals").get_by_role("link", name=ref[:12]).click()
    rita.get_by_label("Comment").fill("SLA change checked with the team leads")
    rita.get_by_role("button", name=f"Approve {ref[:12]}").click()
    expect(rita.get_by_test_id("notice")).to_contain_text("Approved")
    expect(rita.get_by_test_id("approval-rita")).to_be_visible()
    expect(rita.get_by_test_id("approve-form")).to_have_count(0)

    # Sue publishes it.
    sue.reload()
    expect(sue.get_by_test_id("missing")).to_contain_text("satisfy")
    sue.get_by_test_id("publish-form").get_by_label("Reason").fill("faster first answer")
    sue.get_by_role("button", name=f"Publish {ref[:12]}").click()
    expect(sue.get_by_test_id("notice")).to_contain_text("Published")
    expect(sue.get_by_test_id("status")).to_have_text("live")
    live = store.live()
    assert live is not None
    assert live.content_hash == ref

    # ... and rolls back to the version before, from the publication history.
    sue.get_by_test_id("nav-rules").click()
    sue.get_by_test_id(f"rollback-{first[:12]}").click()
    sue.get_by_test_id("rollback-form").get_by_label("Reason").fill("team cannot meet 240 s")
    sue.get_by_role("button", name=f"Roll back to {first[:12]}").click()
    expect(sue.get_by_test_id("notice")).to_contain_text("Rolled back")
    expect(sue.get_by_test_id("status")).to_have_text("live")
    live = store.live()
    assert live is not None
    assert live.content_hash == first
    assert live.action == "rollback"

    # The audit trail has every step, the refusal included, and its chain verifies.
    sue.get_by_test_id("rules-audit").click()
    expect(sue.get_by_test_id("chain")).to_contain_text("Hash chain verified")
    for action in ("propose", "refuse", "approve", "publish", "rollback"):
        expect(sue.get_by_test_id(f"event-{action}").first).to_be_visible()

    # An agent has no link and gets 403.
    fran = open_as(server, "fran")
    expect(fran.get_by_test_id("nav-rules")).to_have_count(0)
    refused = fran.goto(f"/rules/{ref}")
    assert refused is not None
    assert refused.status == 403
