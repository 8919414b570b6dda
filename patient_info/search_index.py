"""The site's search, made over the built site/: which text Pagefind indexes, the words the browser script needs,
and Pagefind's index per language (run by patient_info/post_build.py, whatever generator wrote the pages).

- Only articles are indexed: their <article> element gets `data-pagefind-body` (Pagefind then skips every page
  without one: home, about, FAQ overview, 404). Their front matter `keywords` (spit, lumbago, "put my back out")
  become hidden text with the highest weight, with the description as Pagefind's `description`. FAQ questions are
  `###` headings, which Pagefind weighs above body text and returns as sub-results with their anchor. The "¶"
  permalinks, links to another section and the FAQ's own heading are not indexed as this section's words.
- The words patients use (issue 26, patient_info/search_data.py): each section's own words
  (docs/_shared/section-words.yml) go into the built section as hidden text weighed like a heading; each urgency
  item's search words (red flags: the card first, with the line marked) and the topics the site does not cover
  (docs/_shared/not-covered.yml: "not here" first) go into `search/words-<lang>.json`.
- That file also holds what Pagefind does not give at query time (typos, compounds that are not in the text,
  irregular verb forms, stop words): the words the indexed text uses, the irregular forms, synonyms and extra stop
  words of docs/_shared/search-words.yml, lunr's stop words, and the pages the "nothing found" message links to.
  docs/assets/javascripts/search.js reads it.
- Then the Pagefind binary (PyPI `pagefind[bin]`) indexes site/ into site/pagefind/, one index per `<html lang>`.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import yaml

from patient_info.errors import ContentError
from patient_info.material_patches import PatchError, material_templates, substitute
from patient_info.pages import FAQ_ID, load_yaml
from patient_info.search_data import hidden_words_html, is_phrase, without_accents, words_text

ARTICLE = '<article class="md-content__inner md-typeset">'  # Material's base.html
ARTICLE_END = "</article>"
SOURCES = re.compile(r'<h2\b[^>]*\bid="bronnen"')  # the article footer (patient_info/article_footer.py)
PERMALINK = '<a class="headerlink"'  # the toc extension's permalink in every heading
# Markdown's [text](#id) in the page's own text; "Op deze pagina" (partials/page-toc.html) is not indexed at all.
CROSS_REFERENCE = re.compile(r'(<nav class="page-toc".*?</nav>)|<a href="#', re.DOTALL)
# The FAQ's own heading: a section with no text of its own, never an answer ("vragen" found it).
FAQ_HEADING = f'<h2 id="{FAQ_ID}">'
TITLE = re.compile(r'<div class="article-title">|<h1\b')
# Not the article's text: the buttons beside its title and "Op deze pagina" (overrides/main.html, partials/page-toc).
NOT_TEXT = re.compile(r'<div class="handout-actions".*?</div>|<nav class="page-toc".*?</nav>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W_]+")  # letters and digits: "112", "10 km"
# The hidden words a section carries weigh as much as a page's title (h1) in Pagefind's default weights; search.js
# counts them a little above a heading.
SECTION_WORDS_WEIGHT = 7
SECTION_HEADING = re.compile(r'(<h([23]) id="([^"]+)"[^>]*>.*?</h\2>)', re.DOTALL)
# Stop words ("ik", "mijn", "the", "my"): search.js counts them a little and only in a heading. The lists are
# lunr's, as Material ships them (its Dutch language file, and the English list in its search worker), plus
# search-words.yml's.
STOP_WORDS = {
    "nl": ("assets/javascripts/lunr/min/lunr.nl.min.js", re.compile(r'generateStopWordFilter\("([^"]+)"\.split\(" "\)\)')),
    "en": ("assets/javascripts/workers/search.*.min.js", re.compile(r"generateStopWordFilter\((\[[^\]]+\])\)")),
}
WORD_LISTS = "_shared/search-words.yml"  # under docs/: irregular forms, synonyms, more stop words
PLAIN_WORD = re.compile(r"^[a-z\u00e0-\u00ff]+$")  # a not_typos entry: one word in small letters


def words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def mark_article(page: str, meta: dict, section_words: dict, language: str, where: str) -> tuple[str, set[str]]:
    """The built article marked for Pagefind, and the words of its text (for search.js's typo help).

    The <article> element is what Pagefind indexes (`data-pagefind-body`): the article's own text. What it holds
    besides (buttons, the phone's section list, sources, review dates, the printout's masthead and closing block)
    carries `data-pagefind-ignore` where it is written. Marked on the element rather than wrapped in one, so the
    article's layout stays as Material and site.css make it."""
    page = substitute(ARTICLE, ARTICLE[:-1] + " data-pagefind-body>", page, what="Material's <article> element",
                      where=where, count=1)
    start = page.index(ARTICLE[:-1]) + len(ARTICLE) + len(" data-pagefind-body")
    end = page.find(ARTICLE_END, start)
    title = TITLE.search(page, start, end)
    if end < 0 or title is None:
        raise PatchError(f"{where}: the article's end or its title not found: update patient_info/search_index.py")
    body = page[title.start():end]
    body = body.replace(PERMALINK, PERMALINK + " data-pagefind-ignore")  # the heading's "¶"
    # A link to another section ("lees je bij Pijnstillers") holds that section's words: they find it, not this one.
    body = CROSS_REFERENCE.sub(lambda match: match.group(1) or '<a data-pagefind-ignore href="#', body)
    body = substitute(FAQ_HEADING, FAQ_HEADING[:-1] + " data-pagefind-ignore>", body, what="the FAQ heading",
                      where=where, count=1)

    def with_words(match: re.Match) -> str:
        own = section_words.get(match.group(3))
        return match.group(1) + (hidden_words_html(own[language], SECTION_WORDS_WEIGHT) if own else "")

    keywords = " ".join(str(keyword) for keyword in meta.get("keywords") or [])
    sources = SOURCES.search(body)
    text = NOT_TEXT.sub(" ", body[: sources.start()] if sources else body)
    # A phrase's words are no words of the article: "slaap" of "slaap slecht" must still become the article's
    # "slapen" (write_words lists them apart, for search.js to know when nothing else does).
    own_words = " ".join(words_text([entry for entry in section[language] if not is_phrase(entry)])
                         for section in section_words.values())
    vocabulary = words(TAG.sub(" ", text) + f" {keywords} {own_words}")
    # A hidden block, not a paragraph: nothing that styles, prints or measures the article's paragraphs sees it.
    # It also gives Pagefind the description, which a result shows under the title when the title and summary
    # hold none of the words.
    description = html.escape(str(meta.get("description", "")))
    hidden = (f'<div data-pagefind-weight="10" data-pagefind-meta="description:{description}" hidden>'
              f"{html.escape(keywords)}</div>")
    marked = hidden + SECTION_HEADING.sub(with_words, body)
    return page[: title.start()] + marked + page[end:], vocabulary


def stop_words(language: str) -> list[str]:
    """The stop words of lunr's pipeline for a language, read from Material's scripts; loud when they moved."""
    pattern, list_ = STOP_WORDS[language]
    for script in sorted(material_templates().glob(pattern)):
        found = list_.search(script.read_text(encoding="utf-8"))
        if found:
            text = found.group(1)
            return json.loads(text) if text.startswith("[") else text.split()
    raise PatchError(f"{material_templates() / pattern}: no {language} stop word list: update "
                     "patient_info/search_index.py")


def word_lists(docs: Path, language: str) -> dict:
    """The language's irregular forms, synonyms, extra stop words, question words and real words that are no
    typos from search-words.yml; loud when malformed."""
    where = f"{docs.name}/{WORD_LISTS}"
    try:
        lists = load_yaml((docs / WORD_LISTS).read_text(encoding="utf-8"))[language]
        found = {name: {str(key): str(value) for key, value in (lists.get(name) or {}).items()}
                 for name in ("irregular", "synonyms")} | {
                     name: str(lists.get(name) or "").split()
                     for name in ("stop_words", "question_words", "not_typos")}
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as error:
        problem = " ".join(str(error).split())  # a YAML error spans lines
        raise ContentError(f"{where}: no valid word lists for '{language}' ({problem})") from None
    seen: set[str] = set()
    for word in found["not_typos"]:
        if not PLAIN_WORD.match(word):
            raise ContentError(f"{where}: '{language}' not_typos: '{word}' is not one word in small letters")
        if word in seen:
            raise ContentError(f"{where}: '{language}' not_typos: '{word}' is listed twice")
        seen.add(word)
    stops = set(stop_words(language)) | set(found["stop_words"])
    for word in found["question_words"]:
        if word not in stops:
            raise ContentError(f"{where}: '{language}' question_words: '{word}' is no stop word (add it to stop_words)")
    return found


def write_words(site: Path, docs: Path, language: str, known: set[str], pages: list[dict], patient_words: dict) -> None:
    lists = word_lists(docs, language)
    forms = {form: verb for verb, forms in lists["irregular"].items() for form in forms.split()}
    forms |= {word: answer for word, answer in lists["synonyms"].items() if answer in known}
    data = {
        "words": sorted(known),
        "forms": forms,
        "stop": sorted(set(stop_words(language)) | set(lists["stop_words"])),
        # Real words one typo from a patient's word or a word of the pages: search.js never reads them as that typo
        # ("alweer" is no "afweer", "werden" no "werken").
        "notTypos": sorted(lists["not_typos"]),
        # The stop words that ask what a section answers: for a query that names only an article's topic.
        "questionWords": lists["question_words"],
        # The articles, then the FAQ overview; search.js links the first article's urgency advice too.
        "pages": pages,
        # Red flags (the urgency items' words) and the topics the site does not cover.
        "flags": patient_words["flags"][language],
        "elsewhere": patient_words["elsewhere"][language],
        # The sections' phrases (section-words.yml): each counts only when the query holds all its words.
        "phrases": patient_words["phrases"][language],
        # The words of those phrases that the pages do not use otherwise, in any spelling.
        "phraseWords": sorted({word.rstrip("*") for phrases in patient_words["phrases"][language].values()
                               for phrase in phrases for word in phrase} - {without_accents(word) for word in known}),
        # Patients' questions per section (section-questions.yml): a query that shares most of its words with one
        # brings that section forward.
        "questions": patient_words["questions"][language],
        # How search.js weighs what a section holds of a query (search-ranking.yml).
        "ranking": patient_words["ranking"],
    }
    target = site / "search" / f"words-{language}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def start_pagefind(site: Path) -> subprocess.Popen:
    """Pagefind indexing the finished pages, in the background: what follows it reads no index (finish_pagefind)."""
    # Pagefind's own program, from the package that ships it (pagefind[bin]): `python -m pagefind` would start a
    # second Python only to find it (about 0.1 s).
    from pagefind_bin import get_executable

    return subprocess.Popen([str(get_executable()), "--site", str(site), "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish_pagefind(indexing: subprocess.Popen, site: Path) -> None:
    output, _ = indexing.communicate()
    if indexing.returncode != 0:
        raise ContentError(f"pagefind: indexing {site} failed: {output.strip()}")
    # Pagefind lists the languages in its entry file in no fixed order: sorted, two builds of one commit give the
    # same file (reproducible builds, README).
    entry = site / "pagefind" / "pagefind-entry.json"
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
