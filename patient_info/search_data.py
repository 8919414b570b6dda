"""What the search knows besides the indexed text: the words patients use (issue 26), as data, checked.

Three kinds, each written once, in YAML, in both languages:

- **red flags**: every item of the urgency advice (docs/_shared/urgency.yml) carries `search: {nl: [...], en: [...]}`,
  the words patients use for it ("kan niet plassen", "doof afvegen"). Required on the levels `emergency` and `now`
  (a new red flag is searchable the day it is added), optional on `appointment`. A query that holds one of them
  shows that level's card first, with the item's line marked.
- **not covered**: docs/_shared/not-covered.yml, body parts and topics the site does not cover (knee, neck, ...),
  each with its words and where to look instead, and `back_words`: the words that make a query also about the back.
- **section words**: docs/_shared/section-words.yml, per article and section or FAQ answer id, the words patients use
  for it; the build writes them into the section as hidden text that the search weighs like a heading.
- **section questions**: docs/_shared/section-questions.yml, per article and section or FAQ answer id, questions as
  patients ask them that this section answers best (an editorial map from question to section). They go to
  search.js only, which brings a section forward when a query shares most of its words with one of them.

A phrase is one or more words; a query matches it when every word of the phrase is a word of the query. A word that
ends with `*` also matches longer words that start with it ("plas*": "plassen", "plast"); a word of 5 or more letters
also matches a query word one typo away with the same first letter, unless that query word is a real word of its own
(search-words.yml's `not_typos`: "alweer" is no typo of "afweer"; search.js does the matching). This module
loads and checks the data and shapes what search.js reads; it knows nothing of MkDocs: an error is a `DataError`
whose text names the file and the problem, which the build shows as one line.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape
from pathlib import Path

import yaml

from patient_info.duplicate_advice import sections_of as markdown_sections
from patient_info.errors import ContentError
from patient_info.pages import load_yaml
from patient_info.safety_check import articles

LANGUAGES = ("nl", "en")
NOT_COVERED = "_shared/not-covered.yml"
SECTION_WORDS = "_shared/section-words.yml"
SECTION_QUESTIONS = "_shared/section-questions.yml"
SEARCH_RANKING = "_shared/search-ranking.yml"
# What search.js measures of a section for a query (its features()); search-ranking.yml weighs each.
RANKING_FEATURES = ("held_in_heading", "held_in_text", "missing", "asked", "stop_words_in_heading", "faq_answer", "matches")
# Levels whose every item must carry search words (docs/_shared/urgency.yml).
SEARCH_REQUIRED = ("emergency", "now")
PHRASE_WORD = re.compile(r"^[\w'’-]+\*?$")
HTTPS = re.compile(r"^https://[^\s\"'<>]+$")


class DataError(ContentError):
    """A data file that cannot be used: the message is one line, "file: problem"."""


def read_yaml(docs_dir: Path, name: str):
    path = Path(docs_dir) / name
    where = f"{Path(docs_dir).name}/{name}"
    try:
        return load_yaml(path.read_text(encoding="utf-8-sig")), where
    except FileNotFoundError:
        raise DataError(f"{where}: missing") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise DataError(f"{where}: is not valid YAML: {' '.join(str(error).split())}") from None


def phrases(value, where: str, what: str, seen: set[str] | None = None) -> list[str]:
    """A non-empty list of phrases: each one or more words of letters (a last `*` allowed), none twice. `seen`
    collects them across the file, so one phrase cannot mean two things."""
    if not isinstance(value, list) or not value:
        raise DataError(f"{where}: {what} must be a non-empty list of words")
    result = []
    for phrase in value:
        if not isinstance(phrase, str) or not phrase.strip():
            raise DataError(f"{where}: {what} has an empty entry")
        normal = " ".join(phrase.lower().split())
        if not all(PHRASE_WORD.match(word) for word in normal.split()) or not tokens(normal):
            raise DataError(f"{where}: {what}: '{phrase}' may hold only words (a * only at a word's end)")
        if normal in result or (seen is not None and normal in seen):
            raise DataError(f"{where}: {what}: '{phrase}' is listed twice")
        result.append(normal)
    if seen is not None:
        seen.update(result)
    return result


def without_accents(text: str) -> str:
    """Lower case, accents off, as search.js's `plain` compares words ("röntgenfoto": "rontgenfoto")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def tokens(phrase: str) -> list[str]:
    """A phrase as search.js compares it with a query: lower case, accents off, words of 2+ letters or digits
    (as search.js splits a query), each keeping a last `*`."""
    return re.findall(r"[^\W_]{2,}\*?", without_accents(phrase))


def both_languages(owner, where: str, what: str, seen: dict[str, set[str]] | None = None) -> dict[str, list[str]]:
    if not isinstance(owner, dict):
        raise DataError(f"{where}: {what} must have 'nl' and 'en' word lists")
    return {language: phrases(owner.get(language), where, f"{what} '{language}'",
                              None if seen is None else seen.setdefault(language, set()))
            for language in LANGUAGES}


# --- Red flags: the urgency items' search words ----------------------------------------------------------------------


def red_flags(urgency: dict, where: str) -> dict[str, list[dict]]:
    """Per language, each urgency item that carries search words: its level, id, text and phrases, most urgent
    level first (the order of the data)."""
    flags: dict[str, list[dict]] = {language: [] for language in LANGUAGES}
    seen: dict[str, set[str]] = {}
    for level in urgency["levels"]:
        for item in level["items"]:
            what = f"item '{item['id']}' search words"
            if "search" not in item:
                if level["id"] in SEARCH_REQUIRED:
                    raise DataError(f"{where}: item '{item['id']}' has no search words (field 'search', nl and en): "
                                    f"every {level['id']} item needs the words patients use for it")
                continue
            words = both_languages(item["search"], where, what, seen)
            for language in LANGUAGES:
                flags[language].append({"level": level["id"], "id": item["id"], "text": " ".join(item[language].split()),
                                        "heading": level[language]["heading"],
                                        "phrases": [tokens(phrase) for phrase in words[language]]})
    return flags


# --- Topics the site does not cover ------------------------------------------------------------------------------------


def not_covered(docs_dir: Path) -> dict[str, dict]:
    """docs/_shared/not-covered.yml, checked: per language the topics (id, name, phrases, where to look instead,
    whether it points to the urgency advice too, the phrases that make a query about something covered after all)
    and the words that make a query about the back."""
    data, where = read_yaml(docs_dir, NOT_COVERED)
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list) or not data["topics"]:
        raise DataError(f"{where}: must hold 'back_words' and 'topics', a list of topics")
    back = both_languages(data.get("back_words"), where, "'back_words'")
    result = {language: {"back": [tokens(phrase) for phrase in back[language]], "topics": []}
              for language in LANGUAGES}
    ids: set[str] = set()
    seen: dict[str, set[str]] = {}
    for number, topic in enumerate(data["topics"], 1):
        if not isinstance(topic, dict) or not isinstance(topic.get("id"), str) or not topic["id"].strip():
            raise DataError(f"{where}: topic {number} has no id")
        name = f"topic '{topic['id']}'"
        if topic["id"] in ids:
            raise DataError(f"{where}: {name}: the id is used twice")
        ids.add(topic["id"])
        words = both_languages(topic.get("words"), where, f"{name} words", seen)
        not_with = both_languages(topic["not_with"], where, f"{name} not_with") if "not_with" in topic else None
        urgency, with_back = topic.get("urgency", False), topic.get("covered_with_back", False)
        if not isinstance(urgency, bool) or not isinstance(with_back, bool):
            raise DataError(f"{where}: {name}: 'urgency' and 'covered_with_back' must be true or false")
        for language in LANGUAGES:
            texts = topic.get(language)
            if not isinstance(texts, dict):
                raise DataError(f"{where}: {name} has no '{language}' texts (name, link_title, link)")
            for key in ("name", "link_title", "link"):
                if not isinstance(texts.get(key), str) or not texts[key].strip():
                    raise DataError(f"{where}: {name} has no '{language}' text '{key}'")
            if not HTTPS.match(texts["link"].strip()):
                raise DataError(f"{where}: {name} '{language}' link must be an https:// address")
            result[language]["topics"].append({
                "id": topic["id"], "name": texts["name"].strip(), "link_title": texts["link_title"].strip(),
                "link": texts["link"].strip(), "urgency": urgency, "covered_with_back": with_back,
                "phrases": [tokens(phrase) for phrase in words[language]],
                "not_with": [tokens(phrase) for phrase in not_with[language]] if not_with else []})
    return result


def ranking_weights(docs_dir: Path) -> dict[str, float]:
    """docs/_shared/search-ranking.yml, checked: one number per feature search.js measures, no other key."""
    data, where = read_yaml(docs_dir, SEARCH_RANKING)
    weights = data.get("weights") if isinstance(data, dict) else None
    if not isinstance(weights, dict):
        raise DataError(f"{where}: must hold 'weights', one number per feature")
    unknown = sorted(set(weights) - set(RANKING_FEATURES))
    missing = [name for name in RANKING_FEATURES if name not in weights]
    if unknown or missing:
        raise DataError(f"{where}: weights: " + "; ".join(
            ([f"unknown feature {', '.join(map(str, unknown))}"] if unknown else [])
            + ([f"no weight for {', '.join(missing)}"] if missing else [])))
    for name in RANKING_FEATURES:
        value = weights[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or abs(value) == float("inf"):
            raise DataError(f"{where}: weights: '{name}' must be a number")
    return {name: float(weights[name]) for name in RANKING_FEATURES}


# --- Patients' words per section ----------------------------------------------------------------------------------------


def article_section_ids(docs_dir: Path):
    """`sections_of(slug)` for section_words: the section and FAQ answer ids of an article (its Dutch source), or None
    when no article (a page without `type: page`) has that name."""
    sources = {path.stem: path for path in articles(Path(docs_dir))}

    def ids(slug: str) -> set[str] | None:
        path = sources.get(slug)
        return None if path is None else {name for name, _ in markdown_sections(path.read_text(encoding="utf-8"))}

    return ids


def per_section(docs_dir: Path, name: str, sections_of, entries,
                one_section_each: bool = False) -> dict[str, dict[str, dict[str, list[str]]]]:
    """A file under docs/ that maps each article to its sections' entries in both languages, checked against the
    articles: {slug: {section id: {nl: [...], en: [...]}}}. `sections_of(slug)` gives the ids an article has (its
    sections and FAQ answers); an unknown article or id is an error, so entries cannot outlive the section they were
    written for. `entries(value, where, what, seen)` checks one language's list; with `one_section_each`, an entry
    may stand under one section only."""
    data, where = read_yaml(docs_dir, name)
    if not isinstance(data, dict) or not data:
        raise DataError(f"{where}: must map each article to its sections")
    result = {}
    seen: dict[str, set[str]] = {}
    for slug, sections in data.items():
        known = sections_of(slug)
        if known is None:
            raise DataError(f"{where}: '{slug}' is no article")
        if not isinstance(sections, dict) or not sections:
            raise DataError(f"{where}: '{slug}' must map section ids to lists")
        result[slug] = {}
        for section, own in sections.items():
            if section not in known:
                raise DataError(f"{where}: '{slug}' has no section or FAQ answer '#{section}'")
            if not isinstance(own, dict):
                raise DataError(f"{where}: '{slug}#{section}' must have 'nl' and 'en' lists")
            result[slug][section] = {
                language: entries(own.get(language), where, f"'{slug}#{section}' '{language}'",
                                  seen.setdefault(language, set()) if one_section_each else None)
                for language in LANGUAGES}
    return result


def section_words(docs_dir: Path, sections_of) -> dict[str, dict[str, dict[str, list[str]]]]:
    """docs/_shared/section-words.yml, checked against the articles (per_section)."""
    return per_section(docs_dir, SECTION_WORDS, sections_of, phrases)


def questions(value, where: str, what: str, seen: set[str]) -> list[str]:
    """A non-empty list of questions, each with a word of 2+ letters or digits; one question belongs to one section
    (`seen` collects them across the file)."""
    if not isinstance(value, list) or not value:
        raise DataError(f"{where}: {what} must be a non-empty list of questions")
    result = []
    for question in value:
        if not isinstance(question, str) or not tokens(question):
            raise DataError(f"{where}: {what} has an empty entry")
        normal = " ".join(question.lower().split())
        if normal in result or normal in seen:
            raise DataError(f"{where}: {what}: '{question}' is listed twice")
        result.append(normal)
    seen.update(result)
    return result


def section_questions(docs_dir: Path, sections_of) -> dict[str, dict[str, dict[str, list[str]]]]:
    """docs/_shared/section-questions.yml, checked against the articles (per_section)."""
    return per_section(docs_dir, SECTION_QUESTIONS, sections_of, questions, one_section_each=True)


def questions_by_section(entries: dict[str, dict[str, dict[str, list[str]]]], language: str) -> dict[str, list[str]]:
    """The questions in one language as search.js compares them with a query, their words joined by a space (a
    quarter fewer bytes than a list): {"slug/#section": ["word word ...", ...]}."""
    return {f"{slug}/#{section}": [" ".join(tokens(question)) for question in own[language]]
            for slug, sections in entries.items() for section, own in sections.items()}


def is_phrase(words: str) -> bool:
    """Whether an entry of section-words.yml is a phrase of several words ("in bed blijven"): it counts for its
    section only when the query holds all of them (search.js), not word by word."""
    return len(words.split()) > 1


def section_phrases(words: dict[str, dict[str, dict[str, list[str]]]], language: str) -> dict[str, list[list[str]]]:
    """The phrases of section-words.yml in one language, as search.js compares them with a query:
    {"slug/#section": [[word, ...], ...]}, sections without a phrase left out."""
    found = {f"{slug}/#{section}": [tokens(phrase) for phrase in own[language] if is_phrase(phrase)]
             for slug, sections in words.items() for section, own in sections.items()}
    return {section: phrases for section, phrases in found.items() if phrases}


def words_text(words: list[str]) -> str:
    """Phrases as the plain text the search indexes: their words, without a `*`."""
    return " ".join(word.rstrip("*") for phrase in words for word in phrase.split())


def hidden_words_html(words: list[str], weight: float) -> str:
    """The hidden text a section carries for the search: its single words weighed like a title (`weight`); the
    words of its phrases as plain text (weight 1), so that the search knows and finds them, while search.js weighs
    a phrase like a title only when the query holds all its words."""
    single = [entry for entry in words if not is_phrase(entry)]
    phrases = [entry for entry in words if is_phrase(entry)]
    return "".join(f'<div data-pagefind-weight="{part_weight}" data-section-words hidden>'
                   f"{escape(words_text(part))}</div>"
                   for part, part_weight in ((single, weight), (phrases, 1)) if part)
