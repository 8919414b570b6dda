"""Python-Markdown extension: the line `{article-footer <the article's file>}` at the end of an article becomes its
sources and review dates, taken from its front matter, as its last section.

An extension does not see the front matter (the generator reads it off first) nor which file it renders, so the
marker names the file, as the urgency and drawing markers name their language; the content model checks that every
article ends with the marker naming itself and that no other page has one. Any generator that runs Python-Markdown
and leaves docs/ and mkdocs.yml where the build runs renders the same footer.

Authors list sources once, in front matter (the content model checks them); this writes them on the page as
"Bronnen" / "Sources" with links (a printout shows each one's site, or its address where short), followed by
"Laatst gecontroleerd" / "Volgende controle" dates in words and who checked the page (`reviewed_by`, a role), so the
screen, the search index and a printout all show the same thing. Last comes "Klopt er iets niet?": how to report an
error to the practice (`extra.practice` e-mail and phone in mkdocs.yml) and the promise to check it before the next
review. Without a practice e-mail or phone it is left out: no address is ever invented.
"""

from __future__ import annotations

import datetime
import html
import re
from pathlib import Path
from urllib.parse import urlsplit

from patient_info.errors import ContentError
from patient_info.marker_lines import MarkerLinesExtension
from patient_info.pages import file_language, loaded_when_changed, read, site_config

# Longest address a printout shows whole after a source (without https:// and www.); a longer one is left as the
# site's name, which a reader can search for.
SHORT_ADDRESS = 40

LABELS = {
    "nl": {
        "sources": "Bronnen",
        "last_reviewed": "Laatst gecontroleerd",
        "next_review": "Volgende controle",
        "reviewed_by": "Gecontroleerd door",
        "report": "Klopt er iets niet?",
        "report.email": "Mail naar",
        "report.phone": "Bel",
        "report.or": "of",
        "report.promise": "Zet erbij om welke pagina het gaat. We bekijken elke melding vóór de volgende controle.",
        "months": "januari februari maart april mei juni juli augustus september oktober november december",
    },
    "en": {
        "sources": "Sources",
        "last_reviewed": "Last reviewed",
        "next_review": "Next review",
        "reviewed_by": "Checked by",
        "report": "Something wrong?",
        "report.email": "Email",
        "report.phone": "call",
        "report.or": "or",
        "report.promise": "Say which page it is about. We look at every report before the next review.",
        "months": "January February March April May June July August September October November December",
    },
}


def long_date(value, labels: dict) -> str:
    day = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))
    month = labels["months"].split()[day.month - 1]
    return f'<time datetime="{day.isoformat()}">{day.day} {month} {day.year}</time>'


def print_address(url: str) -> str:
    """What a printout shows after a source's title: its address without `https://` and `www.` where that is short
    enough to type, otherwise the site's name (its host). Only plain address characters are ever printed whole."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    whole = (host + parts.path.rstrip("/") + (f"?{parts.query}" if parts.query else "")).rstrip("/")
    if len(whole) <= SHORT_ADDRESS and re.fullmatch(r"[\w.~/-]+", whole):
        return whole
    return host


def report_error(practice, labels: dict) -> str:
    """"Klopt er iets niet?" with the practice's e-mail and phone as links, or "" when it has neither."""
    practice = practice or {}
    ways = []
    if practice.get("email"):
        email = html.escape(practice["email"].strip())
        ways.append(f'{labels["report.email"]} <a href="mailto:{email}">{email}</a>')
    if practice.get("phone"):
        phone = practice["phone"].strip()
        dial = html.escape(re.sub(r"[\s-]", "", phone))
        ways.append(f'{labels["report.phone"]} <a href="tel:{dial}">{html.escape(phone)}</a>')
    if not ways:
        return ""
    how = f" {labels['report.or']} ".join(ways)
    return (
        f'<p class="report-error" data-pagefind-ignore>\n<strong>{labels["report"]}</strong> {how}. '
        f"{labels['report.promise']}\n</p>\n"
    )


def footer_markdown(meta: dict, language: str, practice) -> str:
    """The sources, review dates and "Klopt er iets niet?" of an article, as Markdown to append to it."""
    labels = LABELS[language]
    # HTML, not Markdown: front matter values are text, escaped, so no title or address can add markup. A printout
    # shows `data-print-address` after the title (the print part of site.css).
    sources = "\n".join(
        f'<li><a href="{html.escape(source["url"].strip())}" '
        f'data-print-address="{html.escape(print_address(source["url"].strip()))}">'
        f'{html.escape(source["title"].strip())}</a></li>'
        for source in meta["sources"]
    )
    return (
        f"## {labels['sources']} {{ data-pagefind-ignore #bronnen }}\n\n<ul data-pagefind-ignore>\n{sources}\n</ul>\n\n"
        f'<p class="review-dates" data-pagefind-ignore>\n'
        f"<strong>{labels['last_reviewed']}:</strong> {long_date(meta['last_reviewed'], labels)}<br>\n"
        f"<strong>{labels['next_review']}:</strong> {long_date(meta['next_review'], labels)}<br>\n"
        f"<strong>{labels['reviewed_by']}:</strong> {html.escape(meta['reviewed_by'].strip())}\n"
        f"</p>\n\n"
        f"{report_error(practice, labels)}"
    )


# --- The marker ------------------------------------------------------------------------------------------------------

MARKER = re.compile(r"^\{article-footer\s+(?P<name>[\w./-]+\.md)\s*\}\s*$")
ANY_MARKER = re.compile(r"\{article-footer\b")


def check_page(markdown: str, meta: dict, source: str) -> None:
    """An article ends with `{article-footer <its file>}`; a page that is not an article (`type: page`) has none.
    `source` is the file's name as an error gives it ("docs/x.md")."""
    lines = [line.strip() for line in markdown.splitlines() if ANY_MARKER.search(line)]
    name = source.split("/", 1)[1] if "/" in source else source
    wanted = f"{{article-footer {name}}}"
    if meta.get("type") == "page":
        if lines:
            raise ContentError(f"{source}: an {{article-footer}} marker on a page with 'type: page' (only an article "
                               "has sources and review dates)")
        return
    last = markdown.rstrip().splitlines()[-1].strip() if markdown.strip() else ""
    if len(lines) != 1 or last != lines[0]:
        raise ContentError(f"{source}: end the article with the line {wanted} (its sources and review dates), once")
    match = MARKER.match(lines[0])
    if match is None or match["name"] != name:
        raise ContentError(f"{source}: the footer marker {lines[0]} must name this file: {wanted}")


def footer_for(name: str, docs_dir: Path, config_file: Path) -> str:
    meta, _ = read(docs_dir / name, f"{docs_dir.name}/{name}")
    practice = (loaded_when_changed(config_file, site_config).get("extra") or {}).get("practice")
    return footer_markdown(meta, file_language(name), practice)


class ArticleFooterExtension(MarkerLinesExtension):
    find, marker = ANY_MARKER, MARKER
    # With the FAQ overview (29.5): before the drawings (29) and everything that reads Markdown blocks.
    name, priority = "article_footer", 29.6

    def expand(self, match: re.Match, docs_dir: Path, config_file: Path) -> list[str] | None:
        if not (docs_dir / match["name"]).is_file():
            return None
        return footer_for(match["name"], docs_dir, config_file).splitlines()

    def malformed(self, docs_dir: Path, line: str) -> str:
        return (f"{docs_dir}: the footer marker {line!r} must name the article's own file, e.g. "
                "{article-footer rugpijn-na-het-lopen.md}")


def makeExtension(**kwargs):
    return ArticleFooterExtension(**kwargs)
