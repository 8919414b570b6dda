"""Check each page against the content model and stop the build with one line naming the file and the problem.

The content model's checks, as plain functions (issue 27): the MkDocs hook patient_info/mkdocs_adapter.py
and `make check` (patient_info/check.py) call them. Each mistake is one ContentError line naming the file.

Front matter (read strictly by patient_info.pages, once per build before any page is read):
every page needs a `title` and a `description` (50-160 characters) as text. Every page is an article unless its
front matter says `type: page`; an article also needs ISO dates `last_reviewed` (not after today) and
`next_review` (after `last_reviewed`, at most 3 years later), the `condition` it is about (its name in the page's
language, for the structured data), who checked it (`reviewed_by`, a role such as "huisarts"), a non-empty
`keywords` list, and a `sources` list of title + https:// URL.
`javascript:` is refused in every value and in every link of the page. A page and its translation have the same `type`, and an article and its
translation the same review dates. From 60 days before a `next_review` the build prints a notice per page (the
strict build still passes); every overdue page is listed in one error. "Today" comes from patient_info.pages.today()
(SITE_TODAY, for tests).

The rendered page (what the reader sees, so nothing in a code block counts): one `#` title, a non-empty
"In het kort" summary (`!!! summary`) right after the title (an intro goes inside it), the three urgency cards, and a
"## ... { #veelgestelde-vragen }" section whose `###` questions each have text and an explicit id that no other
question or section uses. An English page's FAQ ids must equal its Dutch page's. A `type: page` has no FAQ section.
No two sections of a page share a long run of words (one place per piece of advice: patient_info.duplicate_advice).

The practice in mkdocs.yml (`extra.practice`) is checked too: text fields, the phone number in quotes, an https://
website.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from lxml import etree

from patient_info.duplicate_advice import first_shared_run
from patient_info import article_footer, faq_overview
from patient_info.errors import fail
from patient_info.pages import FAQ_ID, counterpart, faq_questions, read

DESCRIPTION_LENGTH = range(50, 161)
REVIEW_NOTICE_DAYS = 60
MAX_REVIEW_YEARS = 3
ENGLISH_SUFFIX = ".en.md"
# The urgency cards (patient_info/urgency_cards.py renders them from docs/_shared/urgency.yml): each level's class.
URGENCY_CARD_CLASSES = ("urgency--emergency", "urgency--now", "urgency--appointment")
JAVASCRIPT = re.compile(r"javascript\s*:", re.IGNORECASE)
HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}", re.IGNORECASE)
NOT_IN_URL = re.compile(r"[\s<>\"'`{}|\\^]")
PHONE = re.compile(r"\+?[0-9][0-9 ()-]{5,19}")
EMAIL = re.compile(r"[^@\s<>\"'()]+@[^@\s<>\"'()]+\.[a-z]{2,63}", re.IGNORECASE)


# --- front matter --------------------------------------------------------------------------------------------------


def kind_of(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, datetime.date):
        return f"the date {value}"
    return {list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


def check_text(meta: dict, field: str, src_path: str, label: str | None = None) -> str:
    label = label or f"front matter field '{field}'"
    if field not in meta:
        raise fail(src_path, f"{label} is missing")
    value = meta[field]
    if value is None:
        raise fail(src_path, f"{label} is empty")
    if not isinstance(value, str):
        raise fail(src_path, f"{label} must be text, not {kind_of(value)}")
    if not value.strip():
        raise fail(src_path, f"{label} is empty")
    return value.strip()


def javascript_in(value, path: str = "") -> str | None:
    """Where `javascript:` occurs in a text value at any depth ('sources.2.url'), or None."""
    if isinstance(value, str):
        return path if JAVASCRIPT.search(value) else None
    items = value.items() if isinstance(value, dict) else enumerate(value, 1) if isinstance(value, list) else ()
    for key, item in items:
        found = javascript_in(item, f"{path}.{key}" if path else str(key))
        if found is not None:
            return found
    return None


def check_url(value, src_path: str, label: str) -> str:
    """An https:// address with a real host name and nothing that could end a link or an attribute."""
    if not isinstance(value, str) or not value.strip():
        raise fail(src_path, f"{label} is missing")
    url = value.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() != "https":
        raise fail(src_path, f"{label} must start with https://, not {url!r}")
    try:
        valid = not NOT_IN_URL.search(url) and HOST.fullmatch(parts.hostname or "") and parts.port in (None, 443)
    except ValueError:
        valid = False
    if not valid or parts.username or parts.password:
        raise fail(src_path, f"{label} is not a valid URL: {url!r}")
    return url


def check_date(meta: dict, field: str, src_path: str) -> datetime.date:
    value = meta.get(field)
    if value is None:
        raise fail(src_path, f"front matter field '{field}' is missing (an ISO date, e.g. 2026-11-21)")
    if isinstance(value, datetime.datetime):
        raise fail(src_path, f"front matter field '{field}' has a time ({value}), write the date only, e.g. 2026-11-21")
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise fail(src_path, f"front matter field '{field}' is not an ISO date (YYYY-MM-DD): {value!r}") from None


def check_sources(meta: dict, src_path: str) -> None:
    sources = meta.get("sources")
    if not isinstance(sources, list) or not sources:
        raise fail(src_path, "front matter field 'sources' must be a non-empty list of title + url")
    for number, source in enumerate(sources, 1):
        label = f"front matter field 'sources' item {number}"
        if not isinstance(source, dict):
            raise fail(src_path, f"{label} must be a title and a url")
        check_text(source, "title", src_path, f"{label} title")
        check_url(source.get("url"), src_path, f"{label} url")


def check_article_meta(meta: dict, src_path: str, now: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The article fields; returns (last_reviewed, next_review)."""
    check_text(meta, "condition", src_path)
    check_text(meta, "reviewed_by", src_path)
    last_reviewed = check_date(meta, "last_reviewed", src_path)
    next_review = check_date(meta, "next_review", src_path)
    if last_reviewed > now:
        raise fail(src_path, f"front matter field 'last_reviewed' is in the future: {last_reviewed}")
    if next_review <= last_reviewed:
        raise fail(src_path, f"front matter field 'next_review' ({next_review}) must be after last_reviewed")
    if next_review > add_years(last_reviewed, MAX_REVIEW_YEARS):
        raise fail(
            src_path,
            f"front matter field 'next_review' ({next_review}) is more than {MAX_REVIEW_YEARS} years after "
            f"last_reviewed ({last_reviewed})",
        )
    keywords = meta.get("keywords")
    if not isinstance(keywords, list) or not keywords or not all(isinstance(k, str) and k.strip() for k in keywords):
        raise fail(src_path, "front matter field 'keywords' must be a non-empty list of words")
    check_sources(meta, src_path)
    return last_reviewed, next_review


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def check_page_meta(meta: dict, src_path: str, now: datetime.date) -> tuple[datetime.date, datetime.date] | None:
    """Every page's fields; an article's review dates, or None for `type: page`."""
    found = javascript_in(meta)
    if found is not None:
        raise fail(src_path, f"front matter field '{found}' contains 'javascript:', which is not allowed")
    check_text(meta, "title", src_path)
    description = check_text(meta, "description", src_path)
    if len(description) not in DESCRIPTION_LENGTH:
        raise fail(src_path, f"front matter field 'description' has {len(description)} characters, keep it 50-160")
    if meta.get("type") == "page":
        return None
    return check_article_meta(meta, src_path, now)


# --- the whole site, once per build --------------------------------------------------------------------------------


def check_pairs(metas: dict[str, dict], reviews: dict[str, tuple | None], folder: str) -> None:
    """A page and its translation: the same type, and for an article the same review dates."""
    for english in sorted(uri for uri in metas if uri.endswith(ENGLISH_SUFFIX)):
        dutch = counterpart(english)
        if dutch not in metas:
            continue  # translations.py reports a missing translation
        if (metas[english].get("type") == "page") != (metas[dutch].get("type") == "page"):
            single = english if metas[english].get("type") == "page" else dutch
            raise fail(f"{folder}/{single}", f"has type: page but its translation {folder}/{counterpart(single)} "
                       "does not: give both the same type")
        if reviews[english] is not None and reviews[english] != reviews[dutch]:
            (last, following), (dutch_last, dutch_following) = reviews[english], reviews[dutch]
            raise fail(
                f"{folder}/{english}",
                f"review dates {last} / {following} differ from {folder}/{dutch} ({dutch_last} / {dutch_following}): "
                "give both languages the same last_reviewed and next_review",
            )


def check_review_dates(reviews: dict[str, tuple | None], folder: str, now: datetime.date) -> list[str]:
    """A notice per page due within 60 days (returned); one error listing every overdue page."""
    overdue, notices = [], []
    for uri, dates in sorted(reviews.items()):
        if dates is None:
            continue
        next_review = dates[1]
        if next_review <= now:
            overdue.append(f"{folder}/{uri} ({next_review})")
        elif (next_review - now).days <= REVIEW_NOTICE_DAYS:
            notices.append(f"{folder}/{uri}: review due on {next_review} (in {(next_review - now).days} days)")
    if overdue:
        raise fail(
            "review overdue", f"{', '.join(overdue)}: review these pages and update last_reviewed and next_review"
        )
    return notices


def check_site(docs_dir: Path, uris: list[str], now: datetime.date) -> list[str]:
    """Every page's front matter (`uris`: its Markdown files, from docs_dir), each page against its translation, and
    the review dates; returns the notices of reviews due soon."""
    folder = Path(docs_dir).name
    metas, reviews = {}, {}
    for uri in sorted(uris):
        name = f"{folder}/{uri}"
        metas[uri], _ = read(Path(docs_dir) / uri, name)
        reviews[uri] = check_page_meta(metas[uri], name, now)
    check_pairs(metas, reviews, folder)
    return check_review_dates(reviews, folder, now)


def check_practice(extra: dict) -> None:
    """extra.practice in mkdocs.yml: each field optional, text; the phone quoted, the website https://."""
    found = javascript_in(dict(extra))
    if found is not None:
        raise fail("mkdocs.yml", f"extra.{found} contains 'javascript:', which is not allowed")
    practice = extra.get("practice")
    if practice is None:
        return
    where = "mkdocs.yml"
    if not isinstance(practice, dict):
        raise fail(where, "extra.practice must be name, phone, email and website fields")
    for field, value in practice.items():
        label = f"extra.practice.{field}"
        if field not in {"name", "phone", "email", "website"}:
            raise fail(where, f"{label} is not known: use name, phone, email or website")
        if isinstance(value, (int, float)) and field == "phone":
            raise fail(where, f'{label} must be text: put it in quotes, e.g. phone: "010 123 4567"')
        check_text(practice, field, where, label)
    if "phone" in practice and not PHONE.fullmatch(practice["phone"].strip()):
        raise fail(where, f"extra.practice.phone is not a phone number: {practice['phone']!r}")
    if "email" in practice and not EMAIL.fullmatch(practice["email"].strip()):
        raise fail(where, f"extra.practice.email is not an e-mail address: {practice['email']!r}")
    if "website" in practice:
        check_url(practice["website"], where, "extra.practice.website")


# --- the rendered page ---------------------------------------------------------------------------------------------


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Reader(Protocol):
    """What reads a page in the one pass of outline_of: html.parser's handler names, fed by lxml (Events)."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None: ...

    def handle_endtag(self, tag: str) -> None: ...

    def handle_data(self, data: str) -> None: ...


class Outline:
    """What the structure checks need from a rendered page: titles, boxes, sections and FAQ questions (a Reader)."""

    def __init__(self):
        self.titles = 0
        self.in_section = False  # after the first <h2>
        self.in_faq = False
        self.has_faq = False  # an <h2 id="veelgestelde-vragen">
        self.heading_ids: list[str] = []
        self.boxes: list[tuple[list[str], list[str], bool]] = []  # classes, text, before the first section
        self.questions: list[tuple[str, list[str]]] = []  # id, text
        self.open: list[tuple[str, list[list[str]], bool]] = []  # tag, where its text goes, muted
        self.javascript_links: list[str] = []  # href/src/action values that start with javascript:

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.javascript_links += [
            value for name, value in attrs
            if name in {"href", "src", "action", "formaction"} and value and JAVASCRIPT.match(value.strip())
        ]
        if tag in VOID:
            return
        classes = (attributes.get("class") or "").split()
        sinks = list(self.open[-1][1]) if self.open else []
        muted = bool(self.open and self.open[-1][2]) or bool({"admonition-title", "headerlink"} & set(classes))
        if re.fullmatch(r"h[1-6]", tag) and attributes.get("id"):
            self.heading_ids.append(attributes["id"])
        if tag == "h1":
            self.titles += 1
        elif tag == "h2":
            self.in_section, self.in_faq = True, attributes.get("id") == FAQ_ID
            self.has_faq = self.has_faq or self.in_faq
        elif tag == "h3" and self.in_faq:
            self.questions.append((attributes.get("id") or "", []))
            sinks = [self.questions[-1][1]]
        elif tag == "div" and ("admonition" in classes or "urgency" in classes):
            self.boxes.append((classes, [], not self.in_section))
            sinks = [*sinks, self.boxes[-1][1]]
        self.open.append((tag, sinks, muted))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data):
        if self.open and not self.open[-1][2]:
            for sink in self.open[-1][1]:
                sink.append(data)


class Events:
    """lxml's parser target that hands every start tag, end tag and piece of text to several readers, under the
    names of html.parser's handlers (handle_starttag, handle_endtag, handle_data): one pass over a page's HTML for
    the outline and, for example, the FAQ's structured data. lxml's C parser reads a page about 10 times faster
    than html.parser; the readers' handlers are cheap."""

    def __init__(self, readers: tuple[Reader, ...]):
        self.readers = readers

    def start(self, tag, attrib):
        attrs = list(attrib.items())
        for reader in self.readers:
            reader.handle_starttag(tag, attrs)

    def end(self, tag):
        for reader in self.readers:
            reader.handle_endtag(tag)

    def data(self, data):
        for reader in self.readers:
            reader.handle_data(data)

    def close(self):
        return None


def outline_of(html: str, also: tuple[Reader, ...] = ()) -> Outline:
    """The page's outline; `also`: more readers fed in the same pass."""
    outline = Outline()
    parser = etree.HTMLParser(target=Events((outline, *also)))
    parser.feed(html)
    parser.close()
    return outline


def has_text(parts: list[str]) -> bool:
    return bool("".join(parts).strip())


def check_title(outline: Outline, src_path: str) -> None:
    if outline.titles != 1:
        raise fail(src_path, f"has {outline.titles} # titles, a page has exactly one")


def check_summary(outline: Outline, src_path: str) -> None:
    summaries = [box for box in outline.boxes if "summary" in box[0] and box[2]]
    if not summaries:
        raise fail(src_path, 'no "In het kort" summary (!!! summary) before the first ## section')
    if not has_text(summaries[0][1]):
        raise fail(src_path, 'the "In het kort" summary (!!! summary) is empty')


# What a reader sees first after the title is "In het kort": an intro goes inside it, not before it.
SUMMARY_AFTER_TITLE = re.compile(r"</h1>\s*<div class=\"admonition summary\"")


def check_summary_first(html: str, src_path: str) -> None:
    if not SUMMARY_AFTER_TITLE.search(html):
        raise fail(src_path, '"In het kort" (!!! summary) must come right after the # title: put an intro inside it')


def check_urgency_cards(outline: Outline, src_path: str) -> None:
    """The three urgency cards, with text, on the rendered page (a marker inside a code block does not count)."""
    for card_class in URGENCY_CARD_CLASSES:
        if not any(card_class in classes and has_text(text) for classes, text, _ in outline.boxes):
            raise fail(src_path, f"no {card_class.split('--')[1]} urgency card on the page "
                                 "(write {urgency: emergency now nl} after the summary and {urgency: appointment nl} later, "
                                 "en in an English page)")


def check_faq(outline: Outline, src_path: str) -> None:
    if not outline.has_faq:
        raise fail(src_path, 'no "Veelgestelde vragen" section (a ## heading with { #veelgestelde-vragen })')
    if not outline.questions:
        raise fail(src_path, "the FAQ section has no ### questions")
    for question_id, text in outline.questions:
        if not has_text(text):
            raise fail(src_path, f"FAQ question #{question_id} has no text")
        if [id for id, _ in outline.questions].count(question_id) > 1:
            raise fail(src_path, f'FAQ id "{question_id}" is used by two questions')
        if outline.heading_ids.count(question_id) > 1:
            raise fail(src_path, f'FAQ id "{question_id}" is also the id of a section')


def check_rendered(html: str, src_path: str, is_article: bool, also: tuple[Reader, ...] = ()) -> None:
    """The rendered page's structure; `also`: readers that want the same page, fed in the same pass."""
    outline = outline_of(html, also)
    if outline.javascript_links:
        raise fail(src_path, f"links to {outline.javascript_links[0]!r}: 'javascript:' is not allowed")
    check_title(outline, src_path)
    if not is_article:
        if outline.has_faq:
            raise fail(src_path, "has type: page but a FAQ section: only an article has one (remove type: page)")
        return
    check_summary(outline, src_path)
    check_summary_first(html, src_path)
    check_urgency_cards(outline, src_path)
    check_faq(outline, src_path)


def check_translations(docs_dir: Path) -> None:
    """Every `page.md` has its `page.en.md` and the other way round (when English is built): mkdocs-static-i18n would
    leave an untranslated page out of /en/, or show Dutch text there, without a word."""
    docs_dir = Path(docs_dir)
    pages = sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))
    present = set(pages)
    for page in pages:
        if counterpart(page) not in present:
            raise fail(f"{docs_dir.name}/{counterpart(page)}", f"missing, the translation of {docs_dir.name}/{page}")


# --- the page's Markdown -------------------------------------------------------------------------------------------


def check_one_place_per_advice(markdown: str, src_path: str) -> None:
    """Two sections of one page may not say the same thing twice (patient_info.duplicate_advice)."""
    shared = first_shared_run(markdown)
    if shared is not None:
        raise fail(
            src_path,
            f"sections #{shared.first} and #{shared.second} both say \"{shared.words} …\": say it in one of them "
            f"and link to it from the other",
        )


def check_faq_ids(markdown: str, src_path: str, docs_dir: Path, uri: str) -> None:
    """An English article's FAQ ids are its Dutch article's (a link to an answer works in both languages)."""
    if not uri.endswith(ENGLISH_SUFFIX):
        return
    dutch = Path(docs_dir) / counterpart(uri)
    if not dutch.is_file():
        return
    own_ids = [question.id for question in faq_questions(markdown, src_path)]
    dutch_name = f"{Path(docs_dir).name}/{counterpart(uri)}"
    dutch_ids = [question.id for question in faq_questions(read(dutch, dutch_name)[1], dutch_name)]
    if own_ids != dutch_ids:
        raise fail(src_path, f"FAQ ids {own_ids} differ from {dutch_name}: {dutch_ids}")


def check_markdown(meta: dict, markdown: str, src_path: str, docs_dir: Path, uri: str) -> None:
    """A page's Markdown (front matter read off): one place per advice; the FAQ overview marker where it belongs;
    an article's FAQ and its ids."""
    check_one_place_per_advice(markdown, src_path)
    faq_overview.check_page(markdown, meta, src_path)
    article_footer.check_page(markdown, meta, src_path)
    if meta.get("type") == "page":
        return
    faq_questions(markdown, src_path)
    check_faq_ids(markdown, src_path, docs_dir, uri)
