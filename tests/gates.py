"""Helpers shared by the quality-gate tests (test_accessibility, test_privacy, test_html_valid, test_links,
test_structured_data, test_head, test_security_headers): which pages there are, where the npm tools live, and a
deliberately broken copy of the built site for each gate's "fails when broken" test.

Each gate's checker returns a list of problems, one readable line each: the gate asserts the list is empty on the
real site, and its breaking test asserts that the one thing it broke is reported.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Callable

from conftest import ROOT

NODE_MODULES = ROOT / "scripts" / "node_modules"
MISSING_TOOLS = "run `make tools` (scripts/install_tools.sh) first"
DOCS = ROOT / "docs"


def url_path(markdown: Path) -> str:
    """'door-de-rug-gaan.en.md' -> 'en/door-de-rug-gaan/', 'index.md' -> ''."""
    name = markdown.name
    language = "en" if name.endswith(".en.md") else "nl"
    slug = name[: -len(".en.md")] if language == "en" else name[: -len(".md")]
    prefix = "" if language == "nl" else f"{language}/"
    return prefix if slug == "index" else f"{prefix}{slug}/"


# Every page of the built site, both languages, the not-found pages too; tests/test_links.py checks that the built
# site holds exactly these.
PAGES = sorted(url_path(path) for path in DOCS.glob("*.md")) + ["404.html", "en/404.html"]
ARTICLES = sorted(
    url_path(path) for path in DOCS.glob("*.md") if not re.search(r"^type:\s*page\s*$", path.read_text("utf-8"), re.M)
)


def language_of(path: str) -> str:
    return "en" if path.startswith("en/") else "nl"


def built_pages(site: Path) -> list[str]:
    """URL paths of the HTML pages in a built site (without the PDFs `make handouts` adds)."""
    pages = []
    for html in site.rglob("*.html"):
        relative = html.relative_to(site).as_posix()
        pages.append(relative[: -len("index.html")] if html.name == "index.html" else relative)
    return sorted(pages)


def html_file(site: Path, path: str) -> Path:
    return site / path if path.endswith(".html") else site / path / "index.html"


def broken_copy(site: Path, target: Path, path: str, edit: Callable[[str], str]) -> Path:
    """A copy of the built site in which the page at `path` is changed by `edit` (which must change it)."""
    shutil.copytree(site, target, ignore=shutil.ignore_patterns("handouts"))
    page = html_file(target, path)
    before = page.read_text(encoding="utf-8")
    after = edit(before)
    assert after != before, "the breaking edit changed nothing"
    page.write_text(after, encoding="utf-8")
    return target


def insert_into_article(html: str, snippet: str) -> str:
    """Put `snippet` right after the page's <h1>: inside the article, in the main landmark."""
    return re.sub(r"(<h1\b.*?</h1>)", lambda match: match.group(1) + snippet, html, count=1, flags=re.S)


def tool(relative: str) -> Path:
    path = NODE_MODULES / relative
    assert path.is_file(), f"{path} is missing: {MISSING_TOOLS}"
    return path
