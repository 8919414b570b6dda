"""Safety content cannot vanish silently (issue 27): patient_info.safety_check over a built site, whatever made it."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from patient_info.safety_check import check


def test_the_real_site_keeps_every_articles_safety_content(site, dutch_only_site):
    assert check(site.site, ROOT / "docs") == []
    assert check(dutch_only_site.site, ROOT / "docs", english=False) == []


def test_a_site_without_its_english_pages_fails_unless_it_is_dutch_only(dutch_only_site):
    problems = check(dutch_only_site.site, ROOT / "docs")
    assert len(problems) == 2 and all("missing (the article" in problem and ".en.md" in problem for problem in problems)


@pytest.mark.parametrize("page, old, new, problem", [
    ("en/door-de-rug-gaan/index.html", 'data-urgency-level="now"', 'data-urgency-level="x"', "the 'now' urgency card"),
    ("rugpijn-na-het-lopen/index.html", 'id="wanneer-bellen"', 'id="x"',
     'the "when to call" heading (#wanneer-bellen)'),
    ("door-de-rug-gaan/index.html", 'id="bronnen"', 'id="x"', "its sources (#bronnen)"),
    ("door-de-rug-gaan/index.html", 'class="review-dates"', 'class="x"', "its review dates"),
    ("en/rugpijn-na-het-lopen/index.html", 'id="weer-hardlopen"', 'id="x"', "FAQ answer #weer-hardlopen"),
])
def test_a_site_that_lost_safety_content_fails_with_the_page_and_what_it_lacks(site, tmp_path, page, old, new, problem):
    copy = tmp_path / "site"
    shutil.copytree(site.site, copy)
    path = copy / page
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "patient_info.safety_check", str(copy), str(ROOT / "docs")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{path}: lacks {problem}"]
