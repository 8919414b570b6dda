"""Structured data gate: the JSON-LD in each page says what the page itself says.

Every article carries a schema.org `MedicalWebPage` (name, description, language, canonical address, the date it
was last reviewed, written for patients, about the condition its front matter names) and a `FAQPage` whose
questions and answers are, word for word, the visible FAQ: each <h3> under "Veelgestelde vragen" and the text up to
the next heading, read here from the built HTML independently of patient_info/structured_data.py. Each home page
carries a `WebSite`. The JSON-LD is parsed with json + BeautifulSoup, as a search engine would read it.
"""

from __future__ import annotations

import datetime
import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup, NavigableString, Tag

from gates import ARTICLES, DOCS, PAGES, broken_copy, html_file, language_of

HOMES = ["", "en/"]
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
INLINE = {"a", "abbr", "b", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup",
          "time", "u"}


def json_ld(soup: BeautifulSoup) -> list[dict]:
    """Every JSON-LD item in the page, @graph members as items of their own."""
    items = []
    for script in soup.select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        for item in data.get("@graph", [data]):
            items.append(item)
    return items


def of_type(items: list[dict], kind: str) -> list[dict]:
    return [item for item in items if item.get("@type") == kind]


def visible_text(nodes) -> str:
    """The text a reader sees: inline elements run on, block elements are separated, whitespace collapsed,
    permalinks ("¶") left out."""
    parts: list[str] = []

    def add(node):
        if isinstance(node, NavigableString):
            parts.append(str(node))
        elif isinstance(node, Tag) and "headerlink" not in (node.get("class") or []):
            separate = node.name not in INLINE
            parts.append(" " if separate else "")
            for child in node.children:
                add(child)
            parts.append(" " if separate else "")

    for node in nodes:
        add(node)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def visible_faq(soup: BeautifulSoup) -> list[tuple[str, str]]:
    section = soup.find("h2", id="veelgestelde-vragen")
    assert section is not None, "no FAQ section"
    pairs = []
    for element in section.find_next_siblings():
        if element.name in {"h1", "h2"}:
            break
        if element.name == "h3":
            answer = []
            for sibling in element.find_next_siblings():
                if sibling.name in HEADINGS:
                    break
                if not sibling.has_attr("hidden"):  # the search's hidden words (patients' words) are not shown
                    answer.append(sibling)
            pairs.append((visible_text(element.contents), visible_text(answer)))
    return pairs


def front_matter(path: str) -> dict:
    slug = path.removeprefix("en/").strip("/")
    name = f"{slug}.en.md" if language_of(path) == "en" else f"{slug}.md"
    match = re.match(r"---\n(.*?)\n---\n", (DOCS / name).read_text(encoding="utf-8"), re.S)
    return yaml.safe_load(match.group(1))


def article_problems(soup: BeautifulSoup, meta: dict, language: str) -> list[str]:
    items = json_ld(soup)
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    problems = []
    pages = of_type(items, "MedicalWebPage")
    if len(pages) != 1:
        return [f"{len(pages)} MedicalWebPage items, expected 1"]
    page = pages[0]
    expected = {
        "name": meta["title"],
        "description": re.sub(r"\s+", " ", meta["description"]).strip(),
        "inLanguage": language,
        "url": canonical,
        "lastReviewed": meta["last_reviewed"].isoformat()
        if isinstance(meta["last_reviewed"], datetime.date) else str(meta["last_reviewed"]),
        "medicalAudience": {"@type": "Patient"},
        "about": {"@type": "MedicalCondition", "name": meta["condition"]},
    }
    problems += [f"MedicalWebPage {key} is {page.get(key)!r}, expected {value!r}"
                 for key, value in expected.items() if page.get(key) != value]
    if page.get("description") != soup.select_one('meta[name="description"]')["content"]:
        problems.append("MedicalWebPage description differs from the meta description")
    faqs = of_type(items, "FAQPage")
    if len(faqs) != 1:
        return problems + [f"{len(faqs)} FAQPage items, expected 1"]
    structured = [(q.get("name"), q.get("acceptedAnswer", {}).get("text")) for q in faqs[0].get("mainEntity", [])]
    if any(q["@type"] != "Question" or q["acceptedAnswer"]["@type"] != "Answer" for q in faqs[0]["mainEntity"]):
        problems.append("FAQPage items are not Question with an Answer")
    visible = visible_faq(soup)
    if structured != visible:
        for number, (ours, seen) in enumerate(zip(structured, visible), 1):
            if ours != seen:
                problems.append(f"FAQ question {number} differs from the page: JSON-LD {ours!r}, page {seen!r}")
        if len(structured) != len(visible):
            problems.append(f"FAQPage has {len(structured)} questions, the page {len(visible)}")
    return problems


@pytest.mark.parametrize("path", ARTICLES)
def test_article_carries_medical_web_page_and_faq_that_match_the_page(site, path):
    soup = site.page(path)
    assert article_problems(soup, front_matter(path), language_of(path)) == []
    assert len(visible_faq(soup)) >= 8


@pytest.mark.parametrize("path", HOMES)
def test_home_page_carries_website(site, path):
    soup = site.page(path)
    websites = of_type(json_ld(soup), "WebSite")
    assert len(websites) == 1
    site_name = soup.select_one(".md-header__topic .md-ellipsis").get_text(strip=True)
    assert websites[0]["name"] == site_name
    assert websites[0]["url"] == soup.select_one('link[rel="canonical"]')["href"]
    assert websites[0]["inLanguage"] == language_of(path)


@pytest.mark.parametrize("path", [path for path in PAGES if path not in ARTICLES])
def test_other_pages_claim_no_medical_content(site, path):
    items = json_ld(BeautifulSoup(html_file(site.site, path).read_text("utf-8"), "html.parser"))
    assert of_type(items, "MedicalWebPage") == [] and of_type(items, "FAQPage") == []


def test_structured_data_gate_reports_an_answer_that_differs_from_the_page(site, tmp_path):
    def change_an_answer(html: str) -> str:
        # After the question: the search's hidden patients' words (none, one or two), then the answer's first paragraph.
        return re.sub(r'(<h3 id="hoe-lang">.*?</h3>(?:<div[^>]*\bhidden>[^<]*</div>)*\s*<p>)', r"\1Dat weet niemand. ",
                      html, count=1, flags=re.S)

    folder = broken_copy(site.site, tmp_path / "site", "door-de-rug-gaan/", change_an_answer)
    soup = BeautifulSoup((folder / "door-de-rug-gaan" / "index.html").read_text("utf-8"), "html.parser")
    problems = article_problems(soup, front_matter("door-de-rug-gaan/"), "nl")
    faq = soup.find("h2", id="veelgestelde-vragen").find_all_next("h3")
    number = [question.get("id") for question in faq].index("hoe-lang") + 1
    assert any(problem.startswith(f"FAQ question {number} differs from the page") for problem in problems), problems
