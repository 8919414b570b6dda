"""Read the articles in `nav` and their FAQ questions and sections from their Markdown (a module the hooks share;
not a hook itself).

The FAQ is the `## ... { #veelgestelde-vragen }` section; each `### Question? { #id }` in it is one question. The
`## Section { #id }` headings before it are the article's sections.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from mkdocs.exceptions import PluginError

FAQ_ID = "veelgestelde-vragen"  # the FAQ section's id on every article
FAQ_SECTION = re.compile(rf"^##\s+.*\{{\s*#{FAQ_ID}\s*\}}\s*$", re.MULTILINE)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$", re.MULTILINE)
EXPLICIT_ID = re.compile(r"\s*\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
ENGLISH_SUFFIX = ".en.md"


class Question(NamedTuple):
    text: str
    id: str


class Article(NamedTuple):
    path: str  # the Markdown file named in nav (the Dutch one): "door-de-rug-gaan.md"
    name: str  # the file read, in the language asked for: "door-de-rug-gaan.en.md"
    meta: dict
    body: str


def fail(src_path: str, message: str) -> PluginError:
    return PluginError(f"{src_path}: {message}")


def faq_questions(markdown: str, src_path: str) -> list[Question]:
    """The `###` questions of the FAQ section, in order; a clear build error when the section or an id is missing."""
    start = FAQ_SECTION.search(markdown)
    if start is None:
        raise fail(src_path, 'no "Veelgestelde vragen" section (a ## heading with { #veelgestelde-vragen })')
    questions = []
    for match in HEADING.finditer(markdown, start.end()):
        level, text = len(match.group(1)), match.group(2)
        if level <= 2:
            break
        if level == 3:
            found = EXPLICIT_ID.search(text)
            if found is None:
                raise fail(src_path, f'FAQ question "{text}" has no explicit id, write {{ #some-id }}')
            if not text[: found.start()].strip():
                raise fail(src_path, f"FAQ question #{found.group(1)} has no text")
            questions.append(Question(text[: found.start()].strip(), found.group(1)))
    if not questions:
        raise fail(src_path, "the FAQ section has no ### questions")
    return questions



def article_sections(markdown: str, src_path: str) -> list[Question]:
    """The `##` sections before the FAQ, in order; a clear build error when one has no explicit id."""
    end = FAQ_SECTION.search(markdown)
    sections = []
    for match in HEADING.finditer(markdown, 0, end.start() if end else len(markdown)):
        if len(match.group(1)) != 2:
            continue
        text = match.group(2)
        found = EXPLICIT_ID.search(text)
        if found is None:
            raise fail(src_path, f'section "{text}" has no explicit id, write {{ #some-id }}')
        sections.append(Question(text[: found.start()].strip(), found.group(1)))
    return sections


def nav_pages(nav: list) -> list[str]:
    """The Markdown files named in `nav`, in order."""
    pages = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            pages += nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            pages.append(value)
    return pages


def nav_articles(docs_dir: Path, nav: list, english: bool) -> list[Article]:
    """The articles (pages without `type: page`) named in `nav`, in order, read in Dutch or English."""
    from front_matter import read  # here: front_matter imports this module's `fail`

    articles = []
    for dutch_name in nav_pages(nav):
        name = dutch_name[: -len(".md")] + ENGLISH_SUFFIX if english else dutch_name
        path = docs_dir / name
        if not path.is_file():
            continue
        meta, body = read(path, f"{docs_dir.name}/{name}")
        if meta.get("type") != "page":
            articles.append(Article(dutch_name, name, meta, body))
    return articles
