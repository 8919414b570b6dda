"""The content model's checks (patient_info) called directly, one case each, with the exact one-line message (fast:
no build, no MkDocs).

tests/test_content_model.py builds small fixture sites to show that these checks run in the real build and stop it.
"""

from __future__ import annotations

import datetime

import markdown
import pytest

from patient_info import content_model
from patient_info import pages
from patient_info.errors import ContentError

NAME = "docs/x.md"
NOW = datetime.date(2026, 6, 1)
ARTICLE = {
    "title": "Testonderwerp",
    "description": 'Wat is "door je rug gaan"? Uitleg met <, & en een emoji 🙂 in een geldige beschrijving.',
    "condition": "Lage rugpijn",
    "reviewed_by": "Huisarts",
    "last_reviewed": datetime.date(2026, 1, 15),
    "next_review": datetime.date(2027, 1, 15),
    "keywords": ["spit"],
    "sources": [{"title": "NHG", "url": "https://richtlijnen.nhg.org/standaarden/aspecifieke-lagerugpijn"}],
}


def message(call, *args) -> str:
    with pytest.raises(ContentError) as error:
        call(*args)
    text = str(error.value)
    assert "\n" not in text
    return text


# --- front matter that YAML cannot read ----------------------------------------------------------------------------

UNPARSEABLE = [
    ("unclosed quote", '---\ntitle: "Rugpijn\ndescription: x\n---\n# T\n',
     "docs/x.md: front matter is invalid YAML on line 2: found unexpected end of stream (while scanning a quoted scalar)"),
    ("tab indentation", "---\ntitle: T\nsources:\n\t- title: x\n---\n# T\n",
     "docs/x.md: front matter is invalid YAML on line 4: found character '\\t' that cannot start any token (while "
     "scanning for the next token)"),
    ("list instead of mapping", "---\n- title: T\n- description: x\n---\n# T\n",
     "docs/x.md: front matter is invalid YAML on line 2: a list, not `field: value` lines"),
    ("missing closing line", "---\ntitle: T\ndescription: x\n\n# T\n",
     "docs/x.md: front matter is invalid YAML: the closing --- line is missing"),
    ("impossible date", "---\ntitle: T\nlast_reviewed: 2026-02-30\n---\n# T\n",
     "docs/x.md: front matter is invalid YAML on line 3: 2026-02-30 is not a real date (day is out of range for month)"),
]


@pytest.mark.parametrize("case, text, expected", UNPARSEABLE, ids=[case[0] for case in UNPARSEABLE])
def test_unparseable_front_matter_is_reported_as_invalid_yaml_with_the_line(case, text, expected):
    assert message(pages.parse, text, NAME) == expected


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(b"\xef\xbb\xbf---\ntitle: Rugpijn\n---\n# Rugpijn\n")
    assert pages.read(path, NAME) == ({"title": "Rugpijn"}, "\n# Rugpijn\n")


def test_latin1_file_is_one_line(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes("---\ntitle: Knieën\n---\n".encode("latin-1"))
    assert message(pages.read, path, NAME) == (
        "docs/x.md: is not UTF-8 text (byte 0xeb on line 2), save it as UTF-8"
    )


def test_today_comes_from_site_today(monkeypatch):
    monkeypatch.setenv("SITE_TODAY", "2030-03-04")
    assert pages.today() == datetime.date(2030, 3, 4)
    monkeypatch.setenv("SITE_TODAY", "4 maart")
    assert message(pages.today) == "SITE_TODAY must be a date as YYYY-MM-DD, not '4 maart'"


# --- fields --------------------------------------------------------------------------------------------------------


def changed(**fields) -> dict:
    meta = {**ARTICLE, **fields}
    return {key: value for key, value in meta.items() if value is not None}


FIELDS = [
    ("title of only spaces", changed(title="   "), "docs/x.md: front matter field 'title' is empty"),
    ("title a number", changed(title=2026), "docs/x.md: front matter field 'title' must be text, not the number 2026"),
    ("description a list", changed(description=["a"]),
     "docs/x.md: front matter field 'description' must be text, not a list"),
    ("date with a time", changed(last_reviewed=datetime.datetime(2026, 1, 15, 10, 0)),
     "docs/x.md: front matter field 'last_reviewed' has a time (2026-01-15 10:00:00), write the date only, "
     "e.g. 2026-11-21"),
    ("quoted impossible date", changed(next_review="2026-02-30"),
     "docs/x.md: front matter field 'next_review' is not an ISO date (YYYY-MM-DD): '2026-02-30'"),
    ("next_review over 3 years", changed(next_review=datetime.date(2029, 1, 16)),
     "docs/x.md: front matter field 'next_review' (2029-01-16) is more than 3 years after last_reviewed (2026-01-15)"),
    ("next_review before last_reviewed", changed(next_review=datetime.date(2026, 1, 1)),
     "docs/x.md: front matter field 'next_review' (2026-01-01) must be after last_reviewed"),
    ("http source", changed(sources=[{"title": "NHG", "url": "http://nhg.org/"}]),
     "docs/x.md: front matter field 'sources' item 1 url must start with https://, not 'http://nhg.org/'"),
    ("source url with markup", changed(sources=[{"title": "NHG", "url": "https://nhg.org/)<img src=x>"}]),
     "docs/x.md: front matter field 'sources' item 1 url is not a valid URL: 'https://nhg.org/)<img src=x>'"),
    ("source url without a host", changed(sources=[{"title": "NHG", "url": "https://nhg"}]),
     "docs/x.md: front matter field 'sources' item 1 url is not a valid URL: 'https://nhg'"),
    ("source title of only spaces", changed(sources=[{"title": "  ", "url": "https://nhg.org/"}]),
     "docs/x.md: front matter field 'sources' item 1 title is empty"),
    ("javascript in a source", changed(sources=[{"title": "NHG", "url": "JavaScript:alert(1)"}]),
     "docs/x.md: front matter field 'sources.1.url' contains 'javascript:', which is not allowed"),
    ("javascript in the description", changed(description="Klik hier: javascript:alert(1) " + "x" * 40),
     "docs/x.md: front matter field 'description' contains 'javascript:', which is not allowed"),
]


@pytest.mark.parametrize("case, meta, expected", FIELDS, ids=[case[0] for case in FIELDS])
def test_bad_field_is_one_clear_line(case, meta, expected):
    assert message(content_model.check_page_meta, meta, NAME, NOW) == expected


def test_valid_article_with_quotes_brackets_ampersand_and_emoji_passes():
    assert content_model.check_page_meta(ARTICLE, NAME, NOW) == (datetime.date(2026, 1, 15), datetime.date(2027, 1, 15))


# --- the practice in mkdocs.yml ------------------------------------------------------------------------------------

PRACTICE = [
    ("phone as a number", {"phone": 0o101234567},
     'mkdocs.yml: extra.practice.phone must be text: put it in quotes, e.g. phone: "010 123 4567"'),
    ("website over http", {"website": "http://praktijk.example"},
     "mkdocs.yml: extra.practice.website must start with https://, not 'http://praktijk.example'"),
    ("website without scheme", {"website": "praktijk.example"},
     "mkdocs.yml: extra.practice.website must start with https://, not 'praktijk.example'"),
    ("javascript website", {"website": "javascript:alert(1)"},
     "mkdocs.yml: extra.practice.website contains 'javascript:', which is not allowed"),
    ("name a list", {"name": ["a"]}, "mkdocs.yml: extra.practice.name must be text, not a list"),
]


@pytest.mark.parametrize("case, practice, expected", PRACTICE, ids=[case[0] for case in PRACTICE])
def test_bad_practice_is_one_clear_line(case, practice, expected):
    assert message(content_model.check_practice, {"practice": practice}) == expected


def test_yaml_reads_an_unquoted_phone_number_as_a_number():
    # Why the phone must be quoted: 0101234567 is an octal number to YAML.
    assert pages.parse("---\nphone: 0101234567\n---\n", NAME)[0] == {"phone": 17119607}


def test_valid_practice_passes():
    practice = {"name": "Praktijk <Voorbeeld> & Co", "phone": "010 123 4567", "email": "info@praktijk.example",
                "website": "https://praktijk.example"}
    content_model.check_practice({"practice": practice})


# --- a page and its translation, review dates ----------------------------------------------------------------------

DATES = (datetime.date(2026, 1, 15), datetime.date(2027, 1, 15))


def test_type_page_on_one_language_only_stops_the_build():
    metas = {"a.md": {"type": "page"}, "a.en.md": {}}
    assert message(content_model.check_pairs, metas, {"a.md": None, "a.en.md": DATES}, "docs") == (
        "docs/a.md: has type: page but its translation docs/a.en.md does not: give both the same type"
    )


def test_translation_with_other_review_dates_stops_the_build():
    reviews = {"a.md": DATES, "a.en.md": (DATES[0], datetime.date(2027, 2, 1))}
    assert message(content_model.check_pairs, {"a.md": {}, "a.en.md": {}}, reviews, "docs") == (
        "docs/a.en.md: review dates 2026-01-15 / 2027-02-01 differ from docs/a.md (2026-01-15 / 2027-01-15): "
        "give both languages the same last_reviewed and next_review"
    )


def test_review_notice_from_60_days_before():
    reviews = {"a.md": DATES, "b.md": (DATES[0], datetime.date(2027, 3, 1)), "c.md": None}
    notices = content_model.check_review_dates(reviews, "docs", datetime.date(2026, 11, 16))  # 60 days before 2027-01-15
    assert notices == ["docs/a.md: review due on 2027-01-15 (in 60 days)"]


def test_all_overdue_pages_in_one_error():
    reviews = {"a.md": DATES, "a.en.md": DATES, "b.md": (DATES[0], datetime.date(2027, 3, 1))}
    assert message(content_model.check_review_dates, reviews, "docs", datetime.date(2027, 3, 1)) == (
        "review overdue: docs/a.en.md (2027-01-15), docs/a.md (2027-01-15), docs/b.md (2027-03-01): "
        "review these pages and update last_reviewed and next_review"
    )


# --- the rendered page ---------------------------------------------------------------------------------------------

URGENCY_CARDS = """<div class="urgency urgency--emergency"><p>Bel 112.</p></div>
<div class="urgency urgency--now"><p>Bel nu.</p></div>
<div class="urgency urgency--appointment"><p>Maak een afspraak.</p></div>
"""
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "toc", "pymdownx.superfences"]
BODY = """# Titel

!!! summary "In het kort"

    - Blijf bewegen.

<div class="urgency urgency--emergency"><p>Bel 112.</p></div>
<div class="urgency urgency--now"><p>Bel nu.</p></div>
<div class="urgency urgency--appointment"><p>Maak een afspraak.</p></div>

## Wat is het? { #wat-is-het }

Uitleg.

## Veelgestelde vragen { #veelgestelde-vragen }

### Moet ik stoppen? { #stoppen }

Nee.

### Helpt warmte? { #warmte }

Soms.
"""


def rendered(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_valid_rendered_article_passes():
    content_model.check_rendered(rendered(BODY), NAME, is_article=True)


def fenced(block: str) -> str:
    return "```\n" + block + "```\n"


STRUCTURE = [
    ("two titles", BODY.replace("## Wat is het?", "# Nog een titel\n\n## Wat is het?"),
     "docs/x.md: has 2 # titles, a page has exactly one"),
    ("empty summary", BODY.replace("    - Blijf bewegen.\n", ""),
     'docs/x.md: the "In het kort" summary (!!! summary) is empty'),
    ("summary only in a code block", BODY.replace('!!! summary "In het kort"\n\n    - Blijf bewegen.\n',
                                                  fenced('!!! summary "In het kort"\n\n    - Blijf bewegen.\n')),
     'docs/x.md: no "In het kort" summary (!!! summary) before the first ## section'),
    ("urgency cards only in a code block", BODY.replace(URGENCY_CARDS, fenced(URGENCY_CARDS)),
     "docs/x.md: no emergency urgency card on the page (write {urgency: emergency now nl} after the summary and "
     "{urgency: appointment nl} later, en in an English page)"),
    ("an urgency card without text", BODY.replace("<p>Maak een afspraak.</p>", ""),
     "docs/x.md: no appointment urgency card on the page (write {urgency: emergency now nl} after the summary and "
     "{urgency: appointment nl} later, en in an English page)"),
    ("empty FAQ question", BODY.replace("### Helpt warmte? { #warmte }", "### &nbsp; { #warmte }"),
     "docs/x.md: FAQ question #warmte has no text"),
    ("duplicate FAQ ids", BODY.replace("{ #warmte }", "{ #stoppen }"),
     'docs/x.md: FAQ id "stoppen" is used by two questions'),
    ("FAQ id equal to a section id", BODY.replace("{ #warmte }", "{ #wat-is-het }"),
     'docs/x.md: FAQ id "wat-is-het" is also the id of a section'),
    ("javascript link", BODY.replace("Uitleg.", "[Klik](javascript:alert(1))"),
     "docs/x.md: links to 'javascript:alert(1)': 'javascript:' is not allowed"),
    ("FAQ only in a code block", BODY.replace("### Moet ik stoppen? { #stoppen }\n\nNee.\n\n### Helpt warmte? "
                                              "{ #warmte }\n\nSoms.\n", fenced("### Moet ik stoppen? { #stoppen }\n")),
     "docs/x.md: the FAQ section has no ### questions"),
]


@pytest.mark.parametrize("case, text, expected", STRUCTURE, ids=[case[0] for case in STRUCTURE])
def test_structure_is_checked_on_the_rendered_page(case, text, expected):
    assert message(content_model.check_rendered, rendered(text), NAME, True) == expected


def test_faq_question_of_only_an_id_stops_the_build():
    text = BODY.replace("### Helpt warmte? { #warmte }", "### { #warmte }")
    assert message(pages.faq_questions, text, NAME) == "docs/x.md: FAQ question #warmte has no text"


def test_type_page_with_a_faq_section_stops_the_build():
    assert message(content_model.check_rendered, rendered(BODY), NAME, False) == (
        "docs/x.md: has type: page but a FAQ section: only an article has one (remove type: page)"
    )
