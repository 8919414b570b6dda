"""`make check`: every content check over docs/ without building the site, the same functions the build runs.

    python -m patient_info.check [docs] [--config mkdocs.yml]

Prints each page's "review due soon" notice, then either "content checks: N pages, all fine" (exit 0) or the first
mistake as one line naming the file and the problem (exit 1), as the build would stop on it. Checked: the practice
settings in mkdocs.yml, every page's front matter and its translation, the review dates, one place per piece of
advice, the FAQ and its ids in both languages, the urgency data and every page's urgency markers, the exercise
drawings and their markers, each page's shared blocks (there, in its language), the patients' search words (section
words, topics not covered, the search's word lists) and the read-aloud pronunciations. English is checked unless
ENGLISH=false, as in the build. What only the rendered page shows (the urgency cards, the summary first) is checked by
the build and, over any built site, by patient_info.safety_check.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from patient_info import content_model
from patient_info.errors import ContentError
from patient_info.exercise_drawings import check_docs as check_drawings
from patient_info.pages import read, site_config, today
from patient_info.pronunciation import language_list
from patient_info.search_data import (article_section_ids, not_covered, ranking_weights, red_flags, section_questions,
                                      section_words)
from patient_info.search_index import word_lists
from patient_info.shared_blocks import check_blocks
from patient_info.urgency import check_docs as check_urgency_markers
from patient_info.urgency import check_page as check_urgency_page
from patient_info.urgency import data_name, load_urgency_data

SHARED = "_shared"  # mkdocs.yml exclude_docs: shared sources, not pages


def page_files(docs_dir: Path, english: bool) -> list[str]:
    """The Markdown pages the build makes, as paths from docs_dir (no shared sources; no English when not built)."""
    found = sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))
    return [uri for uri in found if not uri.startswith(f"{SHARED}/") and (english or not uri.endswith(".en.md"))]


def check_docs(docs_dir: Path, config_file: Path, english: bool = True) -> tuple[int, list[str]]:
    """Run every check; returns (pages checked, notices). Raises ContentError on the first mistake."""
    folder = docs_dir.name
    content_model.check_practice(site_config(config_file).get("extra") or {})
    if english:
        content_model.check_translations(docs_dir)
    uris = page_files(docs_dir, english)
    notices = content_model.check_site(docs_dir, uris, today())
    urgency = load_urgency_data(docs_dir)
    check_urgency_markers(docs_dir, urgency)
    for uri in uris:
        meta, body = read(docs_dir / uri, f"{folder}/{uri}")
        content_model.check_markdown(meta, body, f"{folder}/{uri}", docs_dir, uri)
        check_urgency_page(body, meta, urgency, f"{folder}/{uri}")
        check_blocks(body, uri.endswith(".en.md"), docs_dir / SHARED, uri)
    check_drawings(docs_dir)
    red_flags(urgency, data_name(docs_dir))
    not_covered(docs_dir)
    section_words(docs_dir, article_section_ids(docs_dir))
    section_questions(docs_dir, article_section_ids(docs_dir))
    ranking_weights(docs_dir)
    for language in ("nl", "en") if english else ("nl",):
        language_list(docs_dir, language)
        word_lists(docs_dir, language)
    return len(uris), notices


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="?", default="docs", type=Path)
    parser.add_argument("--config", default="mkdocs.yml", type=Path)
    options = parser.parse_args(argv)
    english = os.environ.get("ENGLISH", "true").strip().lower() != "false"
    try:
        count, notices = check_docs(options.docs, options.config, english)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    for notice in notices:
        print(notice)
    print(f"content checks: {count} pages, all fine")
    return 0


if __name__ == "__main__":
    sys.exit(main())
