"""Routing test cases for ``handoff test``: the loading lives in ``handoff.testing``.

Rule changes (``handoff.governance.checks``) read the same case files, so the reader is
below both; this module keeps the CLI's names.
"""

from __future__ import annotations

from handoff.testing import CASE_SUFFIXES, Case, CaseFileError, load_case_files

__all__ = ["CASE_SUFFIXES", "Case", "CaseFileError", "load_case_files"]
