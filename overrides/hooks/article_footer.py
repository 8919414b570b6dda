"""Append an article's sources and review dates, taken from its front matter, as its last section.

Authors list sources once, in front matter (the content model checks them); this writes them on the page as
"Bronnen" / "Sources" with links, followed by "Laatst gecontroleerd" / "Volgende controle" dates in words, so
the screen, the search index and a printout all show the same thing.
"""

from __future__ import annotations

import datetime

LABELS = {
    "nl": {
        "sources": "Bronnen",
        "last_reviewed": "Laatst gecontroleerd",
        "next_review": "Volgende controle",
        "months": "januari februari maart april mei juni juli augustus september oktober november december",
    },
    "en": {
        "sources": "Sources",
        "last_reviewed": "Last reviewed",
        "next_review": "Next review",
        "months": "January February March April May June July August September October November December",
    },
}


def long_date(value, labels: dict) -> str:
    day = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))
    month = labels["months"].split()[day.month - 1]
    return f'<time datetime="{day.isoformat()}">{day.day} {month} {day.year}</time>'


def on_page_markdown(markdown: str, page, config, files) -> str:
    if page.meta.get("type") == "page":
        return markdown
    labels = LABELS[config.theme["language"]]
    sources = "\n".join(f"- [{source['title']}]({source['url']})" for source in page.meta["sources"])
    return (
        f"{markdown.rstrip()}\n\n"
        f"## {labels['sources']} {{ #bronnen }}\n\n{sources}\n\n"
        f'<p class="review-dates">\n'
        f"<strong>{labels['last_reviewed']}:</strong> {long_date(page.meta['last_reviewed'], labels)}<br>\n"
        f"<strong>{labels['next_review']}:</strong> {long_date(page.meta['next_review'], labels)}\n"
        f"</p>\n"
    )
