"""Python-Markdown extension: a line `{faq-overview nl}` becomes every FAQ question of every article in `nav`, grouped
by article, each linking to its answer (the FAQ overview page, `docs/veelgestelde-vragen.md`).

The list is made from the articles themselves at build time, in the marker's language, so there is no copy to keep
in sync. The extension reads the articles from `docs_dir` and their order from the `nav` of `config_file` (both
relative to where the build runs, as pymdownx.snippets' base_path is), so any generator that runs Python-Markdown and
reads mkdocs.yml makes the same page. The language is named in the marker, as the urgency and drawing markers do:
an extension cannot see which file it renders. A wrong marker stops the build (ContentError), never prints as text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from patient_info.errors import ContentError
from patient_info.marker_lines import MarkerLinesExtension
from patient_info.pages import faq_questions, file_language, loaded_when_changed, nav_articles, site_config

MARKER = re.compile(r"^\{faq-overview(?:\s+(?P<lang>[a-z]{2}))?\s*\}\s*$")
ANY_MARKER = re.compile(r"\{faq-overview\b")
LANGUAGES = ("nl", "en")


def overview(docs_dir: Path, nav: list, english: bool) -> str:
    """The overview as Markdown: per article a `##` heading linking to it, then its questions as links."""
    sections = []
    for article in nav_articles(docs_dir, nav, english):
        questions = faq_questions(article.body, f"{docs_dir.name}/{article.name}")
        slug = Path(article.path).stem
        links = "\n".join(f"- [{question.text}]({article.path}#{question.id})" for question in questions)
        # The title is front matter, not Markdown: escaped, so `<`, `&` and quotes show as they are written.
        sections.append(f"## [{html.escape(article.meta['title'])}]({article.path}) {{ #{slug} }}\n\n{links}\n")
    return "\n".join(sections)


def check_marker(line: str, source: str) -> str:
    """The language of a marker line, checked against the file's own; raises ContentError naming the file."""
    match = MARKER.match(line.strip())
    language = file_language(source)
    if match is None or not match["lang"]:
        raise ContentError(f"{source}: write the FAQ overview marker on a line of its own with the page's language, "
                           f"e.g. {{faq-overview {language}}}")
    if match["lang"] != language:
        raise ContentError(f"{source}: {{faq-overview {match['lang']}}} is not the file's language "
                           f"({language})")
    return match["lang"]


def check_page(markdown: str, meta: dict, source: str) -> None:
    """A page with `faq_overview: true` has exactly one marker in its language; no other page has one."""
    lines = [line for line in markdown.splitlines() if ANY_MARKER.search(line)]
    if not meta.get("faq_overview"):
        if lines:
            raise ContentError(f"{source}: a {{faq-overview}} marker on a page without 'faq_overview: true'")
        return
    if len(lines) != 1:
        raise ContentError(f"{source}: 'faq_overview: true' needs one {{faq-overview "
                           f"{file_language(source)}}} line, found {len(lines)}")
    check_marker(lines[0], source)


class FaqOverviewExtension(MarkerLinesExtension):
    find, marker = ANY_MARKER, MARKER
    # After whitespace normalising (30), before the drawings (29) and everything that reads Markdown blocks.
    name, priority = "faq_overview", 29.5

    def expand(self, match: re.Match, docs_dir: Path, config_file: Path) -> list[str] | None:
        if match["lang"] not in LANGUAGES:
            return None
        nav = loaded_when_changed(config_file, site_config).get("nav") or []
        return ["", *overview(docs_dir, nav, match["lang"] == "en").splitlines(), ""]

    def malformed(self, docs_dir: Path, line: str) -> str:
        return (f"{docs_dir}: the FAQ overview marker {line!r} needs the page's language on a line of its own, "
                "e.g. {faq-overview nl}")


def makeExtension(**kwargs):
    return FaqOverviewExtension(**kwargs)
