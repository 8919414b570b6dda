"""Safety content cannot vanish silently: a check over any built site, whatever generator made it (issue 27).

For every article in docs/ (a page without `type: page`, in each language built), the built page must still carry
the three urgency levels (112, call now, make an appointment) with the "when to call" heading, its sources and its
review dates, and every FAQ answer's id. A generator that skips the extensions or hooks that write them (a
successor of MkDocs that runs no hooks, say) then fails here instead of publishing an article without "when to
call". It reads the built HTML as text and the Markdown sources; it knows nothing of MkDocs.

    python -m patient_info.safety_check site docs     # one line per problem, exit 1 when there is any

English pages are expected unless the build is Dutch only (ENGLISH=false, as for mkdocs.yml): a generator that
drops the English site (or writes it elsewhere) fails here too.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

LEVELS = ("emergency", "now", "appointment")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
FAQ_ANSWER = re.compile(r"^###\s+.*\{\s*#([\w-]+)\s*\}\s*$", re.MULTILINE)
ENGLISH = ".en.md"


def articles(docs: Path) -> list[Path]:
    """The Markdown sources of the articles: every page whose front matter does not say `type: page`."""
    found = []
    for path in sorted(docs.glob("*.md")):
        try:
            head = FRONT_MATTER.match(path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError:
            continue  # not UTF-8: the content model names the file in its own one-line error
        if head and not re.search(r"^type:\s*page\s*$", head.group(1), re.MULTILINE):
            found.append(path)
    return found


def built_page(site: Path, source: Path) -> Path:
    name = source.name
    if name.endswith(ENGLISH):
        return site / "en" / name.removesuffix(ENGLISH) / "index.html"
    return site / name.removesuffix(".md") / "index.html"


def problems_of(html: str, source_text: str) -> list[str]:
    """What a built article lacks of its safety content."""
    missing = [f"the '{level}' urgency card" for level in LEVELS if f'data-urgency-level="{level}"' not in html]
    if 'id="wanneer-bellen"' not in html:
        missing.append('the "when to call" heading (#wanneer-bellen)')
    if 'id="bronnen"' not in html:
        missing.append("its sources (#bronnen)")
    if 'class="review-dates"' not in html or html.count("<time datetime=") < 2:
        missing.append("its review dates")
    missing += [f"FAQ answer #{faq_id}" for faq_id in FAQ_ANSWER.findall(source_text) if f'id="{faq_id}"' not in html]
    return missing


def check(site: Path, docs: Path, english: bool = True) -> list[str]:
    """One line per article that lost safety content: "built page: lacks a, b, c"; `english`: whether the build has
    an English site."""
    lines = []
    for source in articles(docs):
        if source.name.endswith(ENGLISH) and not english:
            continue
        page = built_page(site, source)
        if not page.is_file():
            lines.append(f"{page}: missing (the article {source} was not built)")
            continue
        missing = problems_of(page.read_text(encoding="utf-8"), source.read_text(encoding="utf-8-sig"))
        if missing:
            lines.append(f"{page}: lacks {', '.join(missing)}")
    return lines


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m patient_info.safety_check SITE_DIR DOCS_DIR", file=sys.stderr)
        return 2
    lines = check(Path(argv[0]), Path(argv[1]), english=os.environ.get("ENGLISH", "true").lower() != "false")
    for line in lines:
        print(line, file=sys.stderr)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
