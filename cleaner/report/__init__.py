"""Reports a person can look at: a page report (every line and what became of it), a batch
report and an evaluation report, each one self-contained HTML file."""

from __future__ import annotations

from .view import PageView, ReportLine, page_view

__all__ = ["PageView", "ReportLine", "page_view"]
