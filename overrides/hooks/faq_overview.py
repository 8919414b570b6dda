"""Fill the FAQ overview page with every FAQ question of every article, grouped by article, each linking to its
answer.

The overview page (front matter `faq_overview: true`) holds only its introduction; the list is generated at build
time from the articles in `nav`, in the page's own language, so there is no copy to keep in sync. The page sets
`search: exclude: true` so that search results are not doubled.
"""

from __future__ import annotations

import html
from pathlib import Path

from patient_info.pages import ENGLISH_SUFFIX, faq_questions, nav_articles


def overview(docs_dir: Path, nav: list, english: bool) -> str:
    sections = []
    for article in nav_articles(docs_dir, nav, english):
        questions = faq_questions(article.body, f"{docs_dir.name}/{article.name}")
        slug = Path(article.path).stem
        links = "\n".join(f"- [{question.text}]({article.path}#{question.id})" for question in questions)
        # The title is front matter, not Markdown: escaped, so `<`, `&` and quotes show as they are written.
        sections.append(f"## [{html.escape(article.meta['title'])}]({article.path}) {{ #{slug} }}\n\n{links}\n")
    return "\n".join(sections)


def on_page_markdown(markdown, page, config, files):
    if not page.meta.get("faq_overview"):
        return markdown
    english = page.file.src_uri.endswith(ENGLISH_SUFFIX)
    return f"{markdown.rstrip()}\n\n{overview(Path(config.docs_dir), config.nav, english)}"
