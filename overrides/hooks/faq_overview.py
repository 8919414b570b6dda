"""Fill the FAQ overview page with every FAQ question of every article, grouped by article, each linking to its
answer.

The overview page (front matter `faq_overview: true`) holds only its introduction; the list is generated at build
time from the articles in `nav`, in the page's own language, so there is no copy to keep in sync. The page sets
`search: exclude: true` so that search results are not doubled.
"""

from __future__ import annotations

import html
from pathlib import Path

from faq_markdown import faq_questions
from front_matter import read

ENGLISH_SUFFIX = ".en.md"


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


def overview(docs_dir: Path, nav: list, english: bool) -> str:
    sections = []
    for dutch_name in nav_pages(nav):
        name = dutch_name[: -len(".md")] + ENGLISH_SUFFIX if english else dutch_name
        path = docs_dir / name
        if not path.is_file():
            continue
        meta, body = read(path, f"{docs_dir.name}/{name}")
        if meta.get("type") == "page":
            continue
        questions = faq_questions(body, f"{docs_dir.name}/{name}")
        slug = Path(dutch_name).stem
        links = "\n".join(f"- [{question.text}]({dutch_name}#{question.id})" for question in questions)
        # The title is front matter, not Markdown: escaped, so `<`, `&` and quotes show as they are written.
        sections.append(f"## [{html.escape(meta['title'])}]({dutch_name}) {{ #{slug} }}\n\n{links}\n")
    return "\n".join(sections)


def on_page_markdown(markdown, page, config, files):
    if not page.meta.get("faq_overview"):
        return markdown
    english = page.file.src_uri.endswith(ENGLISH_SUFFIX)
    return f"{markdown.rstrip()}\n\n{overview(Path(config.docs_dir), config.nav, english)}"
