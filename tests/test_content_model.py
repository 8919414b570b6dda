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
    ("next_review more than 3 years later", ENGLISH, "next_review: 2027-01-15", "next_review: 2030-01-15",
     "docs/rugpijn-na-het-lopen.en.md: front matter field 'next_review' (2030-01-15) is more than 3 years after"),
    ("invalid YAML", ARTICLE, "title: Testonderwerp", 'title: "Testonderwerp',
     "docs/rugpijn-na-het-lopen.md: front matter is invalid YAML on line 2: found unexpected end of stream"),
    ("impossible date", ARTICLE, "last_reviewed: 2026-01-15", "last_reviewed: 2026-02-30",
     "docs/rugpijn-na-het-lopen.md: front matter is invalid YAML on line 5: 2026-02-30 is not a real date"),
    ("title not text", ARTICLE, "title: Testonderwerp", "title: [Test, onderwerp]",
     "docs/rugpijn-na-het-lopen.md: front matter field 'title' must be text, not a list"),
    ("date with a time", ARTICLE, "last_reviewed: 2026-01-15", "last_reviewed: 2026-01-15 10:00:00",
     "docs/rugpijn-na-het-lopen.md: front matter field 'last_reviewed' has a time (2026-01-15 10:00:00)"),
    ("http source", ENGLISH, "url: https://www.nice.org.uk/guidance/ng59", "url: http://www.nice.org.uk/guidance/ng59",
     "docs/rugpijn-na-het-lopen.en.md: front matter field 'sources' item 1 url must start with https://"),
    ("type page on one language", ENGLISH, "title: Test topic", "type: page\ntitle: Test topic",
     "docs/rugpijn-na-het-lopen.en.md: has type: page but its translation docs/rugpijn-na-het-lopen.md does not"),
    ("other review dates in the translation", ENGLISH, "next_review: 2027-01-15", "next_review: 2027-01-16",
     "docs/rugpijn-na-het-lopen.en.md: review dates 2026-01-15 / 2027-01-16 differ from docs/rugpijn-na-het-lopen.md"),
    ("summary only in a code block", ARTICLE, "!!! summary\n\n    - Blijf bewegen.\n",
     "```\n!!! summary\n\n    - Blijf bewegen.\n```\n",
     'docs/rugpijn-na-het-lopen.md: no "In het kort" summary (!!! summary) before the first ## section'),
    ("two titles", ARTICLE, "## Wat is het?", "# Nog een titel\n\n## Wat is het?",
     "docs/rugpijn-na-het-lopen.md: has 2 # titles, a page has exactly one"),
    ("duplicate FAQ id", ARTICLE, "{ #warmte }", "{ #stoppen }",
     'docs/rugpijn-na-het-lopen.md: FAQ id "stoppen" is used by two questions'),
    ("no footer marker", ARTICLE, "{article-footer rugpijn-na-het-lopen.md}", "",
     "docs/rugpijn-na-het-lopen.md: end the article with the line {article-footer rugpijn-na-het-lopen.md} (its "
     "sources and review dates), once"),
    ("footer marker naming another file", ARTICLE, "{article-footer rugpijn-na-het-lopen.md}",
     "{article-footer door-de-rug-gaan.md}",
     "docs/rugpijn-na-het-lopen.md: the footer marker {article-footer door-de-rug-gaan.md} must name this file: "
     "{article-footer rugpijn-na-het-lopen.md}"),
    ("footer marker on a page", "over-deze-site.md", "\n## ", "\n{article-footer over-deze-site.md}\n\n## ",
     "docs/over-deze-site.md: an {article-footer} marker on a page with 'type: page'"),
    ("inline script in an article", ARTICLE, "Korte uitleg.", "Korte uitleg.\n\n<script>alert(1)</script>",
     "docs/rugpijn-na-het-lopen.md: an inline script the site does not know ('alert(1)')"),
    ("no keywords", ARTICLE, "keywords:\n  - testwoord\n", "",
     "docs/rugpijn-na-het-lopen.md: front matter field 'keywords'"),
    ("source without url", ARTICLE, "    url: https://richtlijnen.nhg.org/standaarden/aspecifieke-lagerugpijn\n", "",
     "docs/rugpijn-na-het-lopen.md: front matter field 'sources' item 1 url is missing"),
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
    ("advice written twice", ARTICLE, "Warmte kan helpen.",
     "Warmte kan helpen. Een warme douche maakt een stijve rug een beetje losser en soepeler.\n\n"
     "### Helpt een douche? { #douche }\n\nJa. Een warme douche maakt een stijve rug een beetje losser en soepeler.",
     "docs/rugpijn-na-het-lopen.md: sections #warmte and #douche both say \"een warme douche maakt een stijve rug …\": "
     "say it in one of them and link to it from the other"),
    ("no reviewer", ENGLISH, "reviewed_by: Independent medical editor (general practice and physiotherapy)\n", "",
     "docs/rugpijn-na-het-lopen.en.md: front matter field 'reviewed_by' is missing"),
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
    assert error_lines(build) == ["ERROR   -  docs/rugpijn-na-het-lopen.md: front matter field 'title' is missing"]
    assert "Traceback" not in build.log


def test_latin1_file_is_one_line_without_traceback(fixture_project, tmp_path):
    path = fixture_project / "docs" / ENGLISH
    path.write_bytes(path.read_text(encoding="utf-8").replace("Test topic", "Test tøpic").encode("latin-1"))
    build = run_build(fixture_project, tmp_path / "out")
    assert build.returncode != 0
    assert error_lines(build) == [
        "ERROR   -  docs/rugpijn-na-het-lopen.en.md: is not UTF-8 text (byte 0xf8 on line 2), save it as UTF-8"
    ]
    assert "Traceback" not in build.log


def test_byte_order_mark_is_accepted(fixture_project, tmp_path):
    for name in (ARTICLE, "veelgestelde-vragen.md"):
        path = fixture_project / "docs" / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    build = run_build(fixture_project, tmp_path / "out")
    assert build.returncode == 0, build.log
    overview = build.page("veelgestelde-vragen/")
    assert overview.select_one('a[href="../rugpijn-na-het-lopen/#warmte"]') is not None


def test_unquoted_phone_number_stops_the_build_with_the_fix(fixture_project, tmp_path):
    config = fixture_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "extra:\n", "extra:\n  practice:\n    name: Praktijk\n    phone: 0101234567\n", 1), encoding="utf-8")
    build = run_build(fixture_project, tmp_path / "out")
    assert build.returncode != 0
    assert error_lines(build) == [
        'ERROR   -  mkdocs.yml: extra.practice.phone must be text: put it in quotes, e.g. phone: "010 123 4567"'
    ]


def test_review_notice_does_not_stop_the_strict_build(fixture_project, tmp_path):
    build = run_build(fixture_project, tmp_path / "out", SITE_TODAY="2026-12-01")  # 45 days before next_review
    assert build.returncode == 0, build.log
    notices = [line for line in build.log.splitlines() if "review due" in line]
    assert notices == [
        f"INFO    -  content_model: docs/{name}: review due on 2027-01-15 (in 45 days)"
        for name in ("door-de-rug-gaan.en.md", "door-de-rug-gaan.md", ENGLISH, ARTICLE)
    ]


def test_every_overdue_page_in_one_error(fixture_project, tmp_path):
    build = run_build(fixture_project, tmp_path / "out", SITE_TODAY="2027-01-15")
    assert build.returncode != 0
    assert error_lines(build) == [
        "ERROR   -  review overdue: docs/door-de-rug-gaan.en.md (2027-01-15), docs/door-de-rug-gaan.md (2027-01-15), "
        "docs/rugpijn-na-het-lopen.en.md (2027-01-15), docs/rugpijn-na-het-lopen.md (2027-01-15): "
        "review these pages and update last_reviewed and next_review"
    ]


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
