"""Describe each page for search engines as JSON-LD (schema.org); the MkDocs adapter hands it to the template as
`structured_data`, and overrides/main.html prints it in the page's <head> with `tojson`. What each page gets:

- an article (no `type: page` in its front matter): a `MedicalWebPage` (name, description, language, address,
  `lastReviewed`, written for patients, about the `condition` named in its front matter) and a `FAQPage` whose
  questions and answers are read from the rendered FAQ section: each `<h3>` under `<h2 id="veelgestelde-vragen">`
  is a question, the text after it up to the next heading its answer. Read from the HTML the reader sees, so the
  two cannot drift apart;
- a language's home page: a `WebSite`.

Dates from front matter may be `datetime.date` objects (an unquoted YAML date), which `tojson` cannot print: they
are written as ISO strings here.
"""

from __future__ import annotations

import datetime
import re

from patient_info.pages import FAQ_ID

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements that start a new line on screen: their text is separated by a space from the text around them.
BLOCKS = HEADINGS | {"p", "li", "ul", "ol", "div", "details", "summary", "table", "tr", "td", "th", "br", "blockquote"}


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class FaqReader:
    """Collects (question, answer) text pairs from the FAQ section of an article's HTML: a reader of
    content_model.outline_of's one pass over the page (html.parser's handler names)."""

    def __init__(self):
        self.in_faq = False
        self.in_permalink = False  # inside a heading's permalink, the "¶" anchor
        self.current: list[str] | None = None  # the text being collected: a question or an answer
        self.pairs: list[tuple[list[str], list[str]]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"h1", "h2"}:
            self.in_faq = attributes.get("id") == FAQ_ID
            self.current = None
        elif tag == "h3" and self.in_faq:
            self.pairs.append(([], []))
            self.current = self.pairs[-1][0]
        elif tag in HEADINGS:
            self.current = None  # any other heading ends the answer before it
        elif tag == "a" and "headerlink" in (attributes.get("class") or "").split():
            self.in_permalink = True
        elif tag in BLOCKS and self.current is not None:
            self.current.append(" ")

    def handle_endtag(self, tag):
        if tag == "a" and self.in_permalink:
            self.in_permalink = False
        elif tag == "h3" and self.in_faq and self.pairs and self.current is self.pairs[-1][0]:
            self.current = self.pairs[-1][1]  # the answer follows its question
        elif tag in BLOCKS and self.current is not None:
            self.current.append(" ")

    def handle_data(self, data):
        if self.current is not None and not self.in_permalink:
            self.current.append(data)

    def result(self) -> list[tuple[str, str]]:
        """The (question, answer) pairs read, as plain text."""
        return [(plain("".join(question)), plain("".join(answer))) for question, answer in self.pairs]


def as_written(value):
    """The text as written, from a value escaped for Material's templates (markupsafe.Markup)."""
    return value.unescape() if hasattr(value, "unescape") else value


def iso(value) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def article_data(meta: dict, faq: list[tuple[str, str]], website: dict, url: str, language: str) -> dict:
    """An article's JSON-LD; `faq`: its (question, answer) pairs (FaqReader.result)."""
    web_page = {
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        # The text as written: the adapter escapes these for HTML, JSON-LD is JSON (`tojson`).
        "name": as_written(meta["title"]),
        "description": as_written(meta["description"]),
        "inLanguage": language,
        "lastReviewed": iso(meta["last_reviewed"]),
        "medicalAudience": {"@type": "Patient"},
        "about": {"@type": "MedicalCondition", "name": meta["condition"]},
        "isPartOf": {"@id": website["@id"]},
    }
    faq = {
        "@type": "FAQPage",
        "@id": f"{url}#{FAQ_ID}",
        "url": f"{url}#{FAQ_ID}",
        "inLanguage": language,
        "isPartOf": {"@id": url},
        "mainEntity": [
            {"@type": "Question", "name": question, "acceptedAnswer": {"@type": "Answer", "text": answer}}
            for question, answer in faq
        ],
    }
    return {"@context": "https://schema.org", "@graph": [web_page, faq, website]}


def website_data(home: str, site_name, site_description, language: str) -> dict:
    return {
        "@type": "WebSite",
        "@id": f"{home}#website",
        "url": home,
        "name": as_written(site_name),
        "description": plain(as_written(site_description or "")),
        "inLanguage": language,
    }


def is_home(src_uri: str) -> bool:
    """A language's home page: docs/index.md or its translation index.<language>.md."""
    return re.fullmatch(r"index(\.\w+)?\.md", src_uri) is not None
