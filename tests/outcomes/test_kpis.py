"""Every KPI against small datasets computed by hand (docs/KPIS.md has the definitions)."""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

from handoff.outcomes import KPIS, Dataset, Estimate, compute_kpis
from tests.outcomes._build import DAY, HOUR, T0, cycle, dataset, line, turn

Z95 = NormalDist().inv_cdf(0.975)


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval, written out (independent of statsmodels)."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def assert_rate(estimate: Estimate, k: int, n: int) -> None:
    assert estimate.kind == "rate"
    assert estimate.n == n
    assert estimate.value == pytest.approx(k / n)
    low, high = wilson(k, n)
    assert estimate.low == pytest.approx(low)
    assert estimate.high == pytest.approx(high)


class TestEmpty:
    def test_every_kpi_is_missing_with_n_zero(self) -> None:
        """An empty dataset gives every KPI as None with n = 0, and empty tables."""
        report = compute_kpis(Dataset.empty())
        assert set(report.overall) == {*KPIS, "time_to_agent_median"}
        for name, figure in report.overall.items():
            assert (figure.value, figure.low, figure.high, figure.n) == (None, None, None, 0), name
        assert report.daily.empty
        assert list(report.daily.columns) == ["day", "kpi", "value", "low", "high", "n"]
        assert report.rules.empty
        assert report.by_lane == {}
        assert report.experiments == {}
        assert report.shadow is None
        assert report.start is None
        assert report.end is None

    def test_turns_without_any_handoff(self) -> None:
        """Only bot-kept conversations: containment 100%, handoff KPIs missing."""
        report = compute_kpis(dataset([turn("a", 0), turn("b", 10), turn("b", 40)]))
        assert_rate(report.overall["containment"], 2, 2)
        assert_rate(report.overall["handoff_rate"], 0, 2)
        assert report.overall["time_to_agent"].n == 0
        assert report.overall["handoff_success"].value is None


class TestHandoffRate:
    def test_denominator_is_conversations_with_a_routed_turn(self) -> None:
        """1 of 4 conversations handed off (a conversation counts once, however many turns)."""
        turns = [
            turn("a", 0),
            turn("a", 30, handoff=True),
            turn("b", 0),
            turn("c", 0),
            turn("c", 20),
            turn("d", 0),
        ]
        report = compute_kpis(dataset(turns, [cycle("a", 30)]))
        assert_rate(report.overall["handoff_rate"], 1, 4)
        assert_rate(report.overall["containment"], 3, 4)
        assert report.counts["conversations"] == 4

    def test_a_cycle_without_a_logged_handoff_turn_still_counts(self) -> None:
        """A desktop cycle marks its conversation handed off even if the turn log missed it."""
        report = compute_kpis(dataset([turn("a", 0), turn("b", 0)], [cycle("a", 5)]))
        assert_rate(report.overall["handoff_rate"], 1, 2)


class TestTimeToAgent:
    def test_mean_with_t_interval_and_median(self) -> None:
        """Waits 30, 60, 90 s: mean 60 with a t interval on 2 df; median 60."""
        cycles = [
            cycle("a", 0, claimed=30),
            cycle("b", 0, claimed=60),
            cycle("c", 0, claimed=90),
            cycle("d", 0, claimed=None, status="abandoned", closed=300),
        ]
        report = compute_kpis(dataset(cycles=cycles))
        mean = report.overall["time_to_agent"]
        half = 4.302652729911275 * 30 / math.sqrt(3)  # t(0.975, 2) * sd / sqrt(n)
        assert (mean.value, mean.n, mean.kind) == (60.0, 3, "mean")
        assert mean.low == pytest.approx(60 - half)
        assert mean.high == pytest.approx(60 + half)
        median = report.overall["time_to_agent_median"]
        assert (median.value, median.n, median.kind) == (60.0, 3, "median")

    def test_one_claim_has_a_value_but_no_interval(self) -> None:
        report = compute_kpis(dataset(cycles=[cycle("a", 0, claimed=45)]))
        assert report.overall["time_to_agent"] == Estimate(45.0, None, None, 1, "mean")

    def test_per_lane(self) -> None:
        cycles = [
            cycle("a", 0, claimed=30, lane="cards"),
            cycle("b", 0, claimed=50, lane="cards"),
            cycle("c", 0, claimed=200),
        ]
        by_lane = compute_kpis(dataset(cycles=cycles)).by_lane
        assert by_lane["cards"]["time_to_agent"].value == 40.0
        assert by_lane["general"]["time_to_agent"].value == 200.0
        assert by_lane["cards"]["handoffs"].value == 2


class TestSla:
    def test_claims_late_abandons_and_open_waits(self) -> None:
        """SLA 120 s, judged at 1000 s: 2 met of 6 counted (a short abandon, a cycle closed
        unclaimed before its deadline and a wait still inside it are left out)."""
        cycles = [
            cycle("met", 0, claimed=100),
            cycle("late", 0, claimed=130),
            cycle("desk", 0, claimed=130, within_sla=True),  # the desktop's clock says met
            cycle("short", 0, claimed=None, status="abandoned", closed=60),
            cycle("gave_up_late", 0, claimed=None, status="abandoned", closed=400),
            cycle("still_waiting", 0, claimed=None, status="waiting", closed=None),
            cycle("fresh", 950, claimed=None, status="waiting", closed=None),
            cycle("moved", 0, claimed=None, status="handed_back", closed=90),  # before deadline
            cycle("moved_late", 0, claimed=None, status="handed_back", closed=200),
            cycle("no_sla", 0, claimed=500, sla_seconds=float("nan")),
        ]
        report = compute_kpis(dataset(cycles=cycles), now=T0 + 1000)
        assert_rate(report.overall["sla_attainment"], 2, 6)


class TestAbandonment:
    def test_only_waits_that_ended_count(self) -> None:
        cycles = [
            cycle("a", 0),
            cycle("b", 0, claimed=None, status="abandoned", closed=200),
            cycle("c", 0, status="abandoned"),  # left after an agent had claimed it
            cycle("d", 0, claimed=None, status="waiting", closed=None),
        ]
        assert_rate(compute_kpis(dataset(cycles=cycles)).overall["abandonment"], 1, 3)


class TestHandoffSuccessAndRecontact:
    def build(self) -> Dataset:
        """Handoffs on day 0 judged on day 20 (one closed on day 15: censored)."""
        turns = [
            # ok: resolved, the customer chats with the bot right after, never again
            turn("ok", 0, handoff=True),
            turn("ok", 700),
            # back: resolved, the same customer opens another conversation 3 days later
            turn("back", 0, handoff=True),
            turn("back-2", 3 * DAY, customer="cust-back"),
            # late: comes back after 8 days: outside the window, still a success
            turn("late", 0, handoff=True),
            turn("late-2", 8 * DAY, customer="cust-late"),
            # anon: no pseudonym; returns to the same conversation after 2 quiet hours
            turn("anon", 0, handoff=True, customer=None),
            turn("anon", 600 + 2 * HOUR, customer=None),
            # stay: no pseudonym; a hand-back then 30 min more with the bot is one contact
            turn("stay", 0, handoff=True, customer=None),
            turn("stay", 600 + 1800, customer=None),
            turn("stay", 600 + 1800 + 1800, customer=None),
            turn("recent", 15 * DAY, handoff=True),
            turn("gone", 0, handoff=True),
            turn("open", 0, handoff=True),
            turn("hb", 0, handoff=True),
        ]
        cycles = [
            cycle("ok", 0),
            cycle("back", 0),
            cycle("late", 0),
            cycle("anon", 0, customer=None),
            cycle("stay", 0, customer=None, status="handed_back"),
            cycle("recent", 15 * DAY),
            cycle("gone", 0, claimed=None, status="abandoned", closed=300),
            cycle("open", 0, status="claimed", closed=None),
            cycle("hb", 0, status="handed_back"),
        ]
        return dataset(turns, cycles)

    def test_success(self) -> None:
        """Successes ok, late, stay, hb; failures back, anon (re-contact), gone (abandoned),
        open (still open after 20 days); recent is censored: 4 of 8."""
        report = compute_kpis(self.build(), now=T0 + 20 * DAY)
        assert_rate(report.overall["handoff_success"], 4, 8)

    def test_recontact(self) -> None:
        """Resolved or handed back and window observed: ok, back, late, anon, stay, hb;
        re-contacted: back, anon."""
        report = compute_kpis(self.build(), now=T0 + 20 * DAY)
        assert_rate(report.overall["recontact_7d"], 2, 6)

    def test_censoring_follows_now(self) -> None:
        """Judged 2 days after the handoffs, no 7-day window is over: nothing is counted,
        rather than counting undecided handoffs as successes."""
        report = compute_kpis(self.build(), now=T0 + 2 * DAY)
        assert report.overall["handoff_success"].n == 0
        assert report.overall["recontact_7d"].n == 0

    def test_open_cycles_are_failures_only_after_seven_days(self) -> None:
        data = dataset(cycles=[cycle("open", 0, status="claimed", closed=None)])
        assert compute_kpis(data, now=T0 + 6 * DAY).overall["handoff_success"].n == 0
        assert_rate(compute_kpis(data, now=T0 + 8 * DAY).overall["handoff_success"], 0, 1)


class TestCes:
    def test_mean_top2_and_response(self) -> None:
        """Scores 7, 5, 3 of 5 asked (one declined, one silent): mean 5, 5-7 2 of 3,
        response 3 of 5; a cycle never asked is not in the response rate."""
        cycles = [
            cycle("a", 0, ces_asked=True, ces_score=7.0),
            cycle("b", 0, ces_asked=True, ces_score=5.0),
            cycle("c", 0, ces_asked=True, ces_score=3.0),
            cycle("d", 0, ces_asked=True, ces_declined=True),
            cycle("e", 0, ces_asked=True),
            cycle("f", 0),
        ]
        overall = compute_kpis(dataset(cycles=cycles)).overall
        assert overall["ces_mean"].value == 5.0
        half = 4.302652729911275 * 2 / math.sqrt(3)
        assert overall["ces_mean"].low == pytest.approx(5 - half)
        assert_rate(overall["ces_top2"], 2, 3)
        assert_rate(overall["ces_response"], 3, 5)

    def test_no_answers(self) -> None:
        cycles = [cycle("a", 0, ces_asked=True), cycle("b", 0, ces_asked=True)]
        overall = compute_kpis(dataset(cycles=cycles)).overall
        assert overall["ces_mean"] == Estimate(None, None, None, 0, "mean")
        assert overall["ces_top2"].n == 0
        assert_rate(overall["ces_response"], 0, 2)


class TestSentimentDelta:
    def test_k_lines_each_side_paired_per_handoff(self) -> None:
        """k=2: before = mean(-0.4, -0.2), after = mean(0.2, 0.4): delta 0.6. The line while
        waiting and the line after closing are on neither side."""
        lines = [
            line("a", 0, -0.8),
            line("a", 10, -0.4),
            line("a", 20, -0.2),  # the line that was routed to a person
            line("a", 50, -0.9),  # waiting, before the claim at 80
            line("a", 100, 0.2),
            line("a", 200, 0.4),
            line("a", 300, 0.6),
            line("a", 700, -1.0),  # after the close at 620
            # b: never claimed; c: no line after the agent joined
            line("b", 0, -0.5),
            line("c", 0, -0.5),
        ]
        cycles = [
            cycle("a", 20, claimed=80, closed=620),
            cycle("b", 5, claimed=None, status="abandoned", closed=100),
            cycle("c", 5, claimed=10, closed=20),
        ]
        report = compute_kpis(dataset(cycles=cycles, lines=lines), k=2)
        delta = report.overall["sentiment_delta"]
        assert delta.value == pytest.approx(0.6)
        assert delta.n == 1
        row = report.sentiment.iloc[0]
        assert row["lane"] == "general"
        assert (row["before"], row["after"]) == pytest.approx((-0.3, 0.3))

    def test_fewer_than_k_lines_use_what_there_is(self) -> None:
        lines = [line("a", 0, -0.5), line("a", 100, 0.1), line("a", 110, 0.3)]
        report = compute_kpis(dataset(cycles=[cycle("a", 0)], lines=lines), k=3)
        assert report.overall["sentiment_delta"].value == pytest.approx(0.7)

    def test_lines_of_other_conversations_never_mix(self) -> None:
        lines = [line("a", 0, -0.5), line("b", 50, 0.9), line("a", 100, 0.5)]
        report = compute_kpis(dataset(cycles=[cycle("a", 0)], lines=lines))
        assert report.overall["sentiment_delta"].value == pytest.approx(1.0)


class TestEscalationPrecision:
    def test_unsure_and_unanswered_are_left_out(self) -> None:
        """asked: yes, yes, no, unsure, none -> 2 of 3; fraud: unsure only -> no value."""
        cycles = [
            cycle("a", 0, needed="yes"),
            cycle("b", 0, needed="yes"),
            cycle("c", 0, needed="no"),
            cycle("d", 0, needed="unsure"),
            cycle("e", 0),
            cycle("f", 0, rule_id="fraud", needed="unsure"),
        ]
        report = compute_kpis(dataset(cycles=cycles))
        assert_rate(report.by_rule["asked"], 2, 3)
        assert report.by_rule["fraud"] == Estimate(None, None, None, 0, "rate")
        assert_rate(report.overall["escalation_precision"], 2, 3)
        table = report.rules.set_index("rule_id")
        assert table.loc["asked", ["handoffs", "yes", "no", "unsure", "unanswered"]].tolist() == [
            5, 2, 1, 1, 1,
        ]  # fmt: skip
        assert table.loc["fraud", "unsure"] == 1

    def test_all_unsure(self) -> None:
        cycles = [cycle(c, 0, needed="unsure") for c in "abc"]
        report = compute_kpis(dataset(cycles=cycles))
        assert report.overall["escalation_precision"] == Estimate(None, None, None, 0, "rate")

    def test_no_wrap_ups(self) -> None:
        report = compute_kpis(dataset(cycles=[cycle("a", 0), cycle("b", 0)]))
        assert report.overall["escalation_precision"].n == 0
        assert report.rules.loc[0, "unanswered"] == 2


class TestMissedEscalation:
    def test_asked_or_came_back_within_a_day(self) -> None:
        """Bot-kept: asked (missed), back after 5 h (missed), back after 30 h (not), quiet
        (not); handed-off conversations and the last day (window open) are left out."""
        turns = [
            turn("asked", 0, asked_person=True),
            turn("back", 0),
            turn("back-2", 5 * HOUR, customer="cust-back"),
            turn("slow", 0),
            turn("slow-2", 30 * HOUR, customer="cust-slow"),
            turn("quiet", 0),
            turn("human", 0, handoff=True),
            turn("recent", 3 * DAY - HOUR),
        ]
        report = compute_kpis(dataset(turns, [cycle("human", 0)]), now=T0 + 3 * DAY)
        # back-2 and slow-2 are bot-kept conversations too, with their windows observed.
        assert_rate(report.overall["missed_escalation"], 2, 6)


class TestDailyAndBreakdowns:
    def test_daily_series_counts_by_day_of_first_turn_and_handoff(self) -> None:
        turns = [turn("a", 0), turn("b", 100, handoff=True), turn("c", DAY + 5)]
        daily = compute_kpis(dataset(turns, [cycle("b", 100)])).daily
        rate = daily[daily["kpi"] == "handoff_rate"].reset_index(drop=True)
        assert rate["day"].tolist() == [pd.Timestamp("2026-09-21"), pd.Timestamp("2026-09-22")]
        assert rate["value"].tolist() == [0.5, 0.0]
        assert rate["n"].tolist() == [2, 1]
        low, _ = wilson(1, 2)
        assert rate.loc[0, "low"] == pytest.approx(low)
        assert set(daily["kpi"]) <= set(KPIS)
        wait = daily[daily["kpi"] == "time_to_agent"]
        assert wait["value"].tolist() == [60.0]
        assert np.isnan(wait["low"].iloc[0])  # one claim: no interval

    def test_confidence_level_is_used(self) -> None:
        turns = [turn(c, 0, handoff=c in "ab") for c in "abcdefgh"]
        report = compute_kpis(dataset(turns), confidence=0.8)
        low, _ = wilson(2, 8, NormalDist().inv_cdf(0.9))
        assert report.overall["handoff_rate"].low == pytest.approx(low)
        assert report.confidence == 0.8


class TestArguments:
    @pytest.mark.parametrize("k", [0, -1])
    def test_k_must_be_positive(self, k: int) -> None:
        with pytest.raises(ValueError, match="k must be at least 1"):
            compute_kpis(Dataset.empty(), k=k)

    @pytest.mark.parametrize("confidence", [0, 1, 95])
    def test_confidence_is_a_fraction(self, confidence: float) -> None:
        with pytest.raises(ValueError, match="confidence must be between 0 and 1"):
            compute_kpis(Dataset.empty(), confidence=confidence)
