"""Signals from a conversation: sentiment and trend, frustration cues, intent, failures, PII."""

from handoff.signals.extract import extract
from handoff.signals.pii import find_pii, redact
from handoff.signals.text import CUE_KINDS, FRUSTRATION_THRESHOLD, analyze_text

__all__ = ["CUE_KINDS", "FRUSTRATION_THRESHOLD", "analyze_text", "extract", "find_pii", "redact"]
