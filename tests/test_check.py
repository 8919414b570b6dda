"""`make check` (patient_info/check.py): the content checks over docs/ without a build, with the build's own lines.

Each broken fixture is both checked and built: the check must stop with exactly the line the build stops with, so
the two cannot drift apart (they call the same functions in patient_info).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_fixture_project, run_build
from site_today import content_today


def run_check(project: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "SITE_TODAY": content_today(project), **env}
    return subprocess.run([sys.executable, "-m", "patient_info.check"], cwd=project, env=environment,
                          capture_output=True, text=True, timeout=60)


def test_the_site_passes_and_make_check_runs_it():
    result = run_check(ROOT)
    assert result.returncode == 0, result.stderr
    pages = len([path for path in (ROOT / "docs").glob("*.md")])
    assert result.stdout.strip().splitlines()[-1] == f"content checks: {pages} pages, all fine"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check:.*\n\t\$\(BIN\)/python -m patient_info\.check", makefile, re.MULTILINE)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def no_title(project):
    replace_in(project / "docs/door-de-rug-gaan.md", "title: Testonderwerp\n", "")


def english_faq_id(project):
    replace_in(project / "docs/door-de-rug-gaan.en.md", "{ #warmte }", "{ #heat }")


def advice_twice(project):
    replace_in(project / "docs/door-de-rug-gaan.md", "Nee, blijf bewegen.",
               "Nee, blijf bewegen. Korte uitleg over wat je zelf kunt doen als je rug pijn doet.")
    replace_in(project / "docs/door-de-rug-gaan.md", "Korte uitleg.",
               "Korte uitleg over wat je zelf kunt doen als je rug pijn doet.")


def no_translation(project):
    (project / "docs/door-de-rug-gaan.en.md").unlink()


def unknown_drawing(project):
    replace_in(project / "docs/_shared/oefeningen.md", "{drawing: bridge nl}", "{drawing: bridges nl}")


def unknown_section_words(project):
    path = project / "docs/_shared/section-words.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("wat-is-het:", "wat-was-het:", 1), encoding="utf-8")


def bad_practice(project):
    replace_in(project / "mkdocs.yml", "extra:\n", "extra:\n  practice:\n    phone: 0101234567\n")


def marker_without_language(project):
    replace_in(project / "docs/door-de-rug-gaan.md", "{urgency: appointment nl}", "{urgency: appointment}")


def urgency_item_without_source(project):
    path = project / "docs/_shared/urgency.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("        source:")
    end = text.index("\n        nl:", start)
    path.write_text(text[:start] + text[end + 1:], encoding="utf-8")


def faq_overview_marker_in_the_other_language(project):
    replace_in(project / "docs/veelgestelde-vragen.en.md", "{faq-overview en}", "{faq-overview nl}")


def faq_overview_marker_missing(project):
    replace_in(project / "docs/veelgestelde-vragen.md", "{faq-overview nl}", "")


def english_block_on_a_dutch_page(project):
    replace_in(project / "docs/door-de-rug-gaan.md", "Korte uitleg.", 'Korte uitleg.\n\n--8<-- "pijnstillers.en.md"')


BREAKS = [english_block_on_a_dutch_page, faq_overview_marker_in_the_other_language, faq_overview_marker_missing, marker_without_language, urgency_item_without_source, no_title, english_faq_id, advice_twice, no_translation, unknown_drawing, unknown_section_words, bad_practice]


@pytest.mark.parametrize("breaks", BREAKS, ids=[change.__name__ for change in BREAKS])
def test_a_mistake_is_the_line_the_build_stops_with(tmp_path, breaks):
    project = make_fixture_project(tmp_path / "project")
    breaks(project)
    checked = run_check(project)
    built = run_build(project, tmp_path / "site")
    assert built.returncode != 0 and checked.returncode == 1
    assert "Traceback" not in checked.stderr + built.log
    lines = checked.stderr.strip().splitlines()
    assert len(lines) == 1, checked.stderr
    build_errors = [line.split("-  ", 1)[1] for line in built.log.splitlines() if line.startswith("ERROR")]
    assert lines[0] in build_errors, (lines, build_errors)
    assert sum(lines[0] in line for line in built.log.splitlines()) == 1, built.log  # the line once, not twice


def test_the_faq_overview_renders_without_mkdocs(monkeypatch):
    """The extension alone (plain Python-Markdown, run from the project's folder as a generator runs it) lists every
    article's FAQ questions in nav order, each linking to its answer."""
    import markdown

    from patient_info.faq_overview import site_config
    from patient_info.pages import faq_questions, nav_articles

    monkeypatch.chdir(ROOT)
    html = markdown.Markdown(extensions=["attr_list", "patient_info.faq_overview"]).convert("{faq-overview en}\n")
    nav = site_config(ROOT / "mkdocs.yml")["nav"]
    expected = [f'href="{article.path}#{question.id}"' for article in nav_articles(ROOT / "docs", nav, True)
                for question in faq_questions(article.body, article.name)]
    assert len(expected) >= 20
    found = re.findall(r'href="[^"#]+#[^"]+"', html)
    assert found == expected
    assert "Should I stop running?" in html and "{faq-overview" not in html
