"""An article's sources and review dates, taken from its front matter, as its last section (Markdown and HTML, appended to the article by the MkDocs adapter).

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
from urllib.parse import urlsplit

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
