"""Check each page against the content model and stop the build with one line naming the file and field.

Every page needs a `title` and a `description` (50-160 characters). Every page is an article unless its front
matter says `type: page`; an article also needs ISO dates `last_reviewed` and `next_review` (the latter in the
future), the `condition` it is about (its name in the page's language, for the structured data), a non-empty
`keywords` list, a `sources` list of title + https URL, and the fixed building blocks:
"In het kort" summary (`!!! summary`) right after the `# Title` (an intro goes inside it), the urgency cards
(checked by hooks/urgency.py), and a
"## ... { #veelgestelde-vragen }" section whose `###` questions each carry an explicit `{ #id }`.
An English page's FAQ ids must equal its Dutch page's; that check reads the Dutch file directly, because hooks
run once per language build.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from faq_markdown import fail, faq_questions, split_front_matter

DESCRIPTION_LENGTH = range(50, 161)
URL = re.compile(r"^https?://\S+$")


def check_text(meta: dict, field: str, src_path: str) -> str:
    value = meta.get(field)
    if not isinstance(value, str) or not value.strip():
        raise fail(src_path, f"front matter field '{field}' is missing or empty")
    return value.strip()


def check_date(meta: dict, field: str, src_path: str) -> datetime.date:
    value = meta.get(field)
    if value is None:
        raise fail(src_path, f"front matter field '{field}' is missing (an ISO date, e.g. 2026-11-21)")
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise fail(src_path, f"front matter field '{field}' is not an ISO date (YYYY-MM-DD): {value!r}") from None


def check_article_meta(meta: dict, src_path: str) -> None:
    check_text(meta, "condition", src_path)
    last_reviewed = check_date(meta, "last_reviewed", src_path)
    next_review = check_date(meta, "next_review", src_path)
    today = datetime.date.today()
    if last_reviewed > today:
        raise fail(src_path, f"front matter field 'last_reviewed' is in the future: {last_reviewed}")
    if next_review <= today:
        raise fail(src_path, f"front matter field 'next_review' is not in the future: {next_review}, review the page")
    keywords = meta.get("keywords")
    if not isinstance(keywords, list) or not keywords or not all(isinstance(k, str) and k for k in keywords):
        raise fail(src_path, "front matter field 'keywords' must be a non-empty list of words")
    sources = meta.get("sources")
    if not isinstance(sources, list) or not sources:
        raise fail(src_path, "front matter field 'sources' must be a non-empty list of title + url")
    for number, source in enumerate(sources, 1):
        if not isinstance(source, dict) or not isinstance(source.get("title"), str) or not source["title"]:
            raise fail(src_path, f"front matter field 'sources' item {number} has no title")
        if not isinstance(source.get("url"), str) or not URL.match(source["url"]):
            raise fail(src_path, f"front matter field 'sources' item {number} has no valid url")


SUMMARY_AFTER_TITLE = re.compile(r"^# [^\n]*\n(?:[ \t]*\n)*!!! summary\b", re.MULTILINE)


def check_article_body(markdown: str, src_path: str) -> None:
    first_section = re.search(r"^##\s", markdown, re.MULTILINE)
    head = markdown[: first_section.start()] if first_section else markdown
    if not re.search(r"^!!! summary\b", head, re.MULTILINE):
        raise fail(src_path, 'no "In het kort" summary (!!! summary) before the first ## section')
    # The summary is what a reader sees first after the title: an intro goes inside it, not before it.
    if not SUMMARY_AFTER_TITLE.search(markdown):
        raise fail(src_path, '"In het kort" (!!! summary) must come right after the # title: put an intro inside it')
    faq_questions(markdown, src_path)


def dutch_counterpart(src_path: str, docs_dir: str) -> Path | None:
    if not src_path.endswith(".en.md"):
        return None
    return Path(docs_dir) / (src_path[: -len(".en.md")] + ".md")


def on_page_markdown(markdown: str, page, config, files) -> str:
    src_path = f"{Path(config.docs_dir).name}/{page.file.src_path}"
    meta = page.meta
    check_text(meta, "title", src_path)
    description = check_text(meta, "description", src_path)
    if len(description) not in DESCRIPTION_LENGTH:
        raise fail(src_path, f"front matter field 'description' has {len(description)} characters, keep it 50-160")
    if meta.get("type") == "page":
        return markdown
    check_article_meta(meta, src_path)
    check_article_body(markdown, src_path)
    dutch = dutch_counterpart(page.file.src_path, config.docs_dir)
    if dutch is not None and dutch.is_file():
        _, dutch_markdown = split_front_matter(dutch.read_text(encoding="utf-8"))
        dutch_name = f"{Path(config.docs_dir).name}/{dutch.relative_to(config.docs_dir).as_posix()}"
        dutch_ids = [question.id for question in faq_questions(dutch_markdown, dutch_name)]
        own_ids = [question.id for question in faq_questions(markdown, src_path)]
        if own_ids != dutch_ids:
            raise fail(src_path, f"FAQ ids {own_ids} differ from {dutch_name}: {dutch_ids}")
    return markdown
