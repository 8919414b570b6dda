"""Valid HTML gate: the Nu HTML Checker (vnu.jar, the W3C validator's engine) reports no error on any built page.

The checker runs once, on every HTML file of the built site together with one deliberately broken page, so the
gate costs one Java start. Where Material's own markup broke a rule, patient_info/material_patches.py corrects
it and says why.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from gates import PAGES, html_file, insert_into_article, tool

BROKEN_SNIPPET = '<p>Twee keer dezelfde id: <span id="dubbel">a</span><span id="dubbel">b</span></p>'


def vnu_errors(files: list[Path]) -> dict[Path, list[str]]:
    """Errors per file, as "line N: message"; one run of the checker for all files."""
    java = shutil.which("java")
    assert java, "no Java runtime: run `make tools` (scripts/install_tools.sh)"
    result = subprocess.run(
        [java, "-jar", str(tool("vnu-jar/build/dist/vnu.jar")), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors: dict[Path, list[str]] = {file: [] for file in files}
    for message in messages:
        path = Path(message["url"].removeprefix("file:"))
        errors.setdefault(path, []).append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return errors


@pytest.fixture(scope="module")
def checked(site, tmp_path_factory):
    """The checker's errors for every built page, and for a copy of an article with a duplicate id."""
    broken = tmp_path_factory.mktemp("vnu") / "broken.html"
    broken.write_text(insert_into_article(html_file(site.site, "door-de-rug-gaan/").read_text("utf-8"), BROKEN_SNIPPET))
    pages = {path: html_file(site.site, path).resolve() for path in PAGES}
    errors = vnu_errors([*pages.values(), broken.resolve()])
    return {path: errors[file] for path, file in pages.items()}, errors[broken.resolve()]


@pytest.mark.parametrize("path", PAGES)
def test_nu_html_checker_finds_no_error(checked, path):
    pages, _ = checked
    assert pages[path] == []


def test_html_gate_reports_a_duplicate_id(checked):
    _, broken = checked
    assert any("Duplicate ID “dubbel”" in error for error in broken), broken
