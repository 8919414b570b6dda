"""Bad input stops the build with one clear line naming the file and the field (small broken fixture sites)."""

from __future__ import annotations

import re

import pytest

from conftest import run_build

ARTICLE = "rugpijn-na-het-lopen.md"
ENGLISH = "rugpijn-na-het-lopen.en.md"


def edit(project, name, old, new):
    path = project / "docs" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def error_lines(build) -> list[str]:
    return [line for line in build.log.splitlines() if line.startswith("ERROR")]


def test_valid_fixture_site_builds(fixture_project, tmp_path):
    build = run_build(fixture_project, tmp_path / "out")
    assert build.returncode == 0, build.log
    assert build.warnings == []


BROKEN = [
    ("missing description", ARTICLE, "description: Een kleine maar geldige artikelpagina waarmee de tests het contentmodel controleren.\n", "",
     "docs/rugpijn-na-het-lopen.md: front matter field 'description' is missing"),
    ("short description", ENGLISH, "description: A small but valid article page that the tests use to check the content model.", "description: Too short.",
     "docs/rugpijn-na-het-lopen.en.md: front matter field 'description' has 10 characters"),
    ("missing title", ARTICLE, "title: Testonderwerp\n", "",
     "docs/rugpijn-na-het-lopen.md: front matter field 'title' is missing"),
    ("missing condition", ARTICLE, "condition: Lage rugpijn\n", "",
     "docs/rugpijn-na-het-lopen.md: front matter field 'condition' is missing"),
    ("missing last_reviewed", ARTICLE, "last_reviewed: 2026-01-15\n", "",
     "docs/rugpijn-na-het-lopen.md: front matter field 'last_reviewed' is missing"),
    ("malformed date", ARTICLE, "last_reviewed: 2026-01-15", "last_reviewed: 15-01-2026",
     "docs/rugpijn-na-het-lopen.md: front matter field 'last_reviewed' is not an ISO date"),
    ("next_review in the past", ENGLISH, "next_review: 2099-01-15", "next_review: 2020-01-15",
     "docs/rugpijn-na-het-lopen.en.md: front matter field 'next_review' is not in the future"),
    ("no keywords", ARTICLE, "keywords:\n  - testwoord\n", "",
     "docs/rugpijn-na-het-lopen.md: front matter field 'keywords'"),
    ("source without url", ARTICLE, "    url: https://richtlijnen.nhg.org/standaarden/aspecifieke-lagerugpijn\n", "",
     "docs/rugpijn-na-het-lopen.md: front matter field 'sources' item 1 has no valid url"),
    ("no summary", ARTICLE, "!!! summary\n", "!!! note\n",
     "docs/rugpijn-na-het-lopen.md: no \"In het kort\" summary"),
    ("intro before the summary", ARTICLE, "# Testonderwerp\n", "# Testonderwerp\n\nEen inleiding.\n",
     "docs/rugpijn-na-het-lopen.md: \"In het kort\" (!!! summary) must come right after the # title"),
    ("no FAQ section", ARTICLE, "## Veelgestelde vragen { #veelgestelde-vragen }", "## Veelgestelde vragen",
     "docs/rugpijn-na-het-lopen.md: no \"Veelgestelde vragen\" section"),
    ("FAQ question without id", ARTICLE, "### Helpt warmte? { #warmte }", "### Helpt warmte?",
     "docs/rugpijn-na-het-lopen.md: FAQ question \"Helpt warmte?\" has no explicit id"),
    ("FAQ ids differ", ENGLISH, "### Does heat help? { #warmte }", "### Does heat help? { #heat }",
     "docs/rugpijn-na-het-lopen.en.md: FAQ ids ['stoppen', 'heat'] differ from docs/rugpijn-na-het-lopen.md"),
    ("broken link", ARTICLE, "Korte uitleg.", "Korte uitleg, zie [elders](bestaat-niet.md).",
     "Doc file 'rugpijn-na-het-lopen.md' contains a link 'bestaat-niet.md', but the target is not found"),
    ("broken anchor", ARTICLE, "Korte uitleg.", "Korte uitleg, zie [elders](door-de-rug-gaan.md#bestaat-niet).",
     "does not contain an anchor '#bestaat-niet'"),
]


@pytest.mark.parametrize("case, name, old, new, message", BROKEN, ids=[case[0] for case in BROKEN])
def test_broken_input_stops_the_build_with_a_clear_error(fixture_project, tmp_path, case, name, old, new, message):
    edit(fixture_project, name, old, new)
    build = run_build(fixture_project, tmp_path / "out")
    assert build.returncode != 0
    assert message in build.log, build.log


def test_content_model_error_is_one_clear_line_without_traceback(fixture_project, tmp_path):
    edit(fixture_project, ARTICLE, "title: Testonderwerp\n", "")
    build = run_build(fixture_project, tmp_path / "out")
    # MkDocs adds its own "Error reading page '...':" line before ours.
    ours = [line for line in error_lines(build) if "front matter" in line]
    assert ours == ["ERROR   -  docs/rugpijn-na-het-lopen.md: front matter field 'title' is missing or empty"]
    assert "Traceback" not in build.log


@pytest.mark.parametrize("missing", ["door-de-rug-gaan.en.md", "door-de-rug-gaan.md"])
def test_missing_translation_stops_the_build_naming_the_file(fixture_project, tmp_path, missing):
    (fixture_project / "docs" / missing).unlink()
    build = run_build(fixture_project, tmp_path / "out")
    assert build.returncode != 0
    assert re.search(rf"ERROR\s+-\s+docs/{re.escape(missing)}: missing, the translation of docs/", build.log), build.log


def test_missing_translation_is_fine_in_a_dutch_only_build(fixture_project, tmp_path):
    (fixture_project / "docs" / "door-de-rug-gaan.en.md").unlink()
    build = run_build(fixture_project, tmp_path / "out", ENGLISH="false")
    assert build.returncode == 0, build.log
