"""The "today" a build of this project gets (SITE_TODAY, read by patient_info/pages.py), shared by the
tests and the benchmarks: the latest `last_reviewed` of the project's pages, so no article is overdue and none is
reviewed in the future, whatever the clock says."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

LAST_REVIEWED = re.compile(r"^last_reviewed:\s*['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


def content_today(project: Path) -> str:
    dates = LAST_REVIEWED.findall("\n".join(
        path.read_text(encoding="utf-8", errors="replace") for path in (project / "docs").rglob("*.md")))
    real = [date for date in dates if valid_date(date)]  # a test may break one on purpose
    return max(real, default="2026-01-01")


def valid_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
