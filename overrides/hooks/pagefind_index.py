"""Build the site's search: a Pagefind index per language, written as part of `mkdocs build`.

- Only articles are indexed: their <article> element carries `data-pagefind-body` (Pagefind then skips every page
  without one: home, about, FAQ overview, 404) and their front matter `keywords` (spit, lumbago, "put my back
  out") are added as hidden text with the highest weight. FAQ questions are `###` headings, which Pagefind
  weighs above body text and returns as sub-results with their anchor.
- After the last language is built, the Pagefind binary (PyPI `pagefind[bin]`) indexes site/ into
  site/pagefind/, one index per `<html lang>`.
- For query-time help that Pagefind does not give (typos, compounds that are not in the text, irregular verb
  forms, a few patients' words the text does not use, stop words), it writes per language
  `search/words-<lang>.json`: the words the indexed text uses, the irregular forms and synonyms and extra stop
  words of docs/_shared/search-words.yml, lunr's stop words, and the pages the "nothing found" message links to.
  assets/javascripts/search.js reads it.
- The words patients use (issue 26, patient_info/search_data.py): each urgency item's search words (red flags: the
  card first, with the line marked), the topics the site does not cover (docs/_shared/not-covered.yml: "not here"
  first) go into the same file; each section's own words (docs/_shared/section-words.yml) are written into the built
  section as hidden text weighed like a heading.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import material
import yaml
from patient_info.pages import FAQ_ID
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from patch import substitute
from patient_info.search_data import (article_section_ids, hidden_words_html, not_covered, red_flags,
                                      section_words, words_text)
from patient_info.urgency import DATA_FILE as URGENCY_FILE
from patient_info.urgency import load_urgency_data

# Pages a reader who typed nothing the site knows is sent to, besides the articles themselves.
OVERVIEW = "veelgestelde-vragen"
SOURCES = re.compile(r'<h2\b[^>]*\bid="bronnen"')  # hooks/article_footer.py
PERMALINK = '<a class="headerlink"'  # the toc extension's permalink in every heading
CROSS_REFERENCE = '<a href="#'  # Markdown's [text](#id) in the page's own text
# The FAQ's own heading: a section with no text of its own, never an answer ("vragen" found it).
FAQ_HEADING = f'<h2 id="{FAQ_ID}">'  # hooks/content_model.py checks every article has it
ARTICLE = '<article class="md-content__inner md-typeset">'  # Material's base.html
WORD = re.compile(r"[^\W_]+")  # letters and digits: "112", "10 km"
# Stop words ("ik", "mijn", "the", "my"): search.js counts them a little and only in a heading, so a FAQ question's
# "ik" or "mijn" does not outweigh the words that say what the reader asks. The lists are lunr's, as Material ships
# them (its Dutch language file, and the English list in its search worker), plus search-words.yml's.
MATERIAL_SCRIPTS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
STOP_WORDS = {
    "nl": ("lunr/min/lunr.nl.min.js", re.compile(r'generateStopWordFilter\("([^"]+)"\.split\(" "\)\)')),
    "en": ("workers/search.*.min.js", re.compile(r"generateStopWordFilter\((\[[^\]]+\])\)")),
}
# Irregular forms, synonyms, more stop words: data beside the other search words (docs/_shared is not published).
WORD_LISTS = Path(__file__).resolve().parents[2] / "docs" / "_shared" / "search-words.yml"
# The hidden words a section carries weigh as much as a page's title (h1) in Pagefind's default weights; search.js
# counts them a little above a heading.
SECTION_WORDS_WEIGHT = 7
SECTION_HEADING = re.compile(r'(<h([23]) id="([^"]+)"[^>]*>.*?</h\2>)', re.DOTALL)
vocabulary: dict[str, set[str]] = {}
patient_words: dict[str, dict] = {}
articles: dict[str, list[dict]] = {}
overview: dict[str, dict] = {}


def words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def language_of(page) -> str:
    return "en" if page.file.src_uri.endswith(".en.md") else "nl"


def is_article(page) -> bool:
    return page.meta.get("type", "article") != "page" and page.file.src_uri not in ("index.md", "index.en.md")


def on_config(config):
    """The patients' words, read and checked once per language build: one clear line when a file is wrong."""
    docs_dir = Path(config.docs_dir)
    # A mistake is a ContentError line, which overrides/hooks/build_errors.py stops the build with.
    patient_words["flags"] = red_flags(load_urgency_data(config.docs_dir), f"{docs_dir.name}/{URGENCY_FILE}")
    patient_words["elsewhere"] = not_covered(docs_dir)
    patient_words["sections"] = section_words(docs_dir, article_section_ids(docs_dir))
    return config


def with_section_words(html_text: str, slug: str, language: str) -> str:
    """Each section and FAQ answer of the article followed by its patients' words, hidden."""
    words = patient_words["sections"].get(slug, {})

    def add(match: re.Match) -> str:
        own = words.get(match.group(3))
        return match.group(1) + (hidden_words_html(own[language], SECTION_WORDS_WEIGHT) if own else "")

    return SECTION_HEADING.sub(add, html_text)


def slug_of(page) -> str:
    return page.file.src_uri.split(".")[0]


def on_page_content(html_text, page, config, files):
    language = language_of(page)
    if page.file.src_uri.split(".")[0] == OVERVIEW:
        overview[language] = {"title": page.title, "url": page.url}
    if not is_article(page):
        return html_text
    keywords = " ".join(str(keyword) for keyword in page.meta.get("keywords") or [])
    html_text = html_text.replace(PERMALINK, PERMALINK + " data-pagefind-ignore")  # the heading's "¶"
    # A link to another section ("lees je bij Pijnstillers") holds that section's words: they find it, not this one.
    html_text = html_text.replace(CROSS_REFERENCE, '<a data-pagefind-ignore href="#')
    html_text = substitute(FAQ_HEADING, FAQ_HEADING[:-1] + " data-pagefind-ignore>", html_text,
                           hook="pagefind_index.py", what="the FAQ heading", where=page.file.src_uri, count=1)
    sources = SOURCES.search(html_text)  # sources and review dates: not what a reader searches
    body = html_text[: sources.start()] if sources else html_text
    own_words = " ".join(words_text(section[language])
                         for section in patient_words["sections"].get(slug_of(page), {}).values())
    vocabulary.setdefault(language, set()).update(words(re.sub(r"<[^>]+>", " ", body) + f" {keywords} {own_words}"))
    articles.setdefault(language, []).append({"title": page.title, "url": page.url})
    # A hidden block, not a paragraph: nothing that styles, prints or measures the article's paragraphs sees it.
    # It also gives Pagefind the description, which a result shows under the title when the title and summary
    # hold none of the words.
    description = html.escape(str(page.meta.get("description", "")))
    hidden = (f'<div data-pagefind-weight="10" data-pagefind-meta="description:{description}" hidden>'
              f"{html.escape(keywords)}</div>")
    return hidden + html_text


def on_post_page(output, page, config):
    """The article element is what Pagefind indexes (`data-pagefind-body`): the article's own text. What it holds
    besides (buttons, the phone's section list, sources, review dates, the printout's masthead and closing block)
    carries `data-pagefind-ignore` where it is written. Marked on the element rather than wrapped in one, so the
    article's layout (`.md-typeset > p`, the title row) stays as Material and site.css make it."""
    if not is_article(page):
        return output
    # The patients' words go in last, into the finished page, so that no other step (the FAQ's structured data,
    # the content checks) reads them as the article's text.
    output = with_section_words(output, slug_of(page), language_of(page))
    return substitute(ARTICLE, ARTICLE[:-1] + " data-pagefind-body>", output, hook="pagefind_index.py",
                      what="Material's <article> element", where=page.file.dest_uri, count=1)


def stop_words(language: str) -> list[str]:
    """The stop words of lunr's pipeline for a language, read from Material's scripts; loud when they moved."""
    pattern, list_ = STOP_WORDS[language]
    for script in sorted(MATERIAL_SCRIPTS.glob(pattern)):
        found = list_.search(script.read_text(encoding="utf-8"))
        if found:
            text = found.group(1)
            return json.loads(text) if text.startswith("[") else text.split()
    raise PluginError(f"pagefind_index.py: no {language} stop word list in {MATERIAL_SCRIPTS / pattern}")


def word_lists(language: str) -> dict:
    """The language's irregular forms, synonyms and extra stop words from search-words.yml; loud when malformed."""
    try:
        lists = yaml.safe_load(WORD_LISTS.read_text(encoding="utf-8"))[language]
        return {name: {str(key): str(value) for key, value in (lists.get(name) or {}).items()}
                for name in ("irregular", "synonyms")} | {"stop_words": str(lists.get("stop_words") or "").split()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as error:
        problem = " ".join(str(error).split())  # a YAML error spans lines
        raise PluginError(f"{WORD_LISTS.name}: no valid word lists for '{language}' ({problem})") from None


def write_words(site: Path, language: str) -> None:
    known = vocabulary.get(language, set())
    lists = word_lists(language)
    forms = {form: verb for verb, forms in lists["irregular"].items() for form in forms.split()}
    forms |= {word: answer for word, answer in lists["synonyms"].items() if answer in known}
    data = {
        "words": sorted(known),
        "forms": forms,
        "stop": sorted(set(stop_words(language)) | set(lists["stop_words"])),
        # The articles, then the FAQ overview; search.js links the first article's urgency advice too.
        "pages": sorted(articles.get(language, []), key=lambda page: page["url"]) + [overview[language]],
        # Red flags (the urgency items' words) and the topics the site does not cover.
        "flags": patient_words["flags"][language],
        "elsewhere": patient_words["elsewhere"][language],
    }
    target = site / "search" / f"words-{language}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def same_order(entry: Path) -> None:
    """Pagefind lists the languages in its entry file in no fixed order: sorted, two builds of one commit give the
    same file (reproducible builds, README)."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")


@event_priority(-300)  # after mkdocs-static-i18n (-100) has finished the last language; before csp_headers (-400)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested language build: not every page is there yet
    site = Path(config.site_dir)
    for language in vocabulary:
        write_words(site, language)
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"pagefind: indexing {site} failed: {(result.stderr or result.stdout).strip()}")
    same_order(site / "pagefind" / "pagefind-entry.json")
    vocabulary.clear()
    articles.clear()
    overview.clear()
