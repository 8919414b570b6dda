"""Add the words a patient may type to each search entry, in fields that are searched but never shown.

Material turns every query word into a prefix query (`lopen*`) and lunr skips the stemmer for prefix queries, so
with a stemmer in the index a whole word no longer finds its own stem ("lopen" misses "loop", "running" misses
"run"). The site therefore indexes whole words (no `stemmer` in `plugins.search.pipeline`) and this hook adds,
after the index is split per language (search_per_language.py), a `variants` field to every entry with:

- the other forms of each of its words that the same language's pages use (same Snowball stem, or an irregular
  form from IRREGULAR), so "lopen" finds "loop" and "liep", and "spieren" finds "spier";
- its words written without accents ("knieën" -> "knieen"), as many people type them;
- the parts of its compound words that the pages also use as words of their own ("rugpijn" -> "pijn",
  "onderrug" -> "rug"), so a part finds the compound;

and a `keywords` field, on the entry of the page itself, with the page's front matter `keywords` (spit,
lumbago ...). The boosts of both fields are set in mkdocs.yml.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import snowballstemmer
from mkdocs.plugins import event_priority

WORD = re.compile(r"[^\W\d_]+")
MIN_PART = 3
MIN_COMPOUND = 7  # "rugpijn"; shorter words split mostly by accident ("hebben" is not "heb" + "ben")
STEMMERS = {"nl": "dutch", "en": "english"}
# Irregular forms that a stemmer cannot join to their verb, limited to the verbs these topics use.
IRREGULAR = {
    "nl": {
        "lopen": "liep liepen gelopen",
        "zitten": "zat zaten gezeten",
        "liggen": "lag lagen gelegen",
        "gaan": "ging gingen gegaan",
        "staan": "stond stonden gestaan",
        "doen": "deed deden gedaan",
        "nemen": "nam namen genomen",
        "krijgen": "kreeg kregen gekregen",
        "tillen": "tilde tilden getild",
        "buigen": "boog bogen gebogen",
        "slapen": "sliep sliepen geslapen",
        "zwemmen": "zwom zwommen gezwommen",
        "schieten": "schoot schoten geschoten",
    },
    "en": {
        "run": "ran running",
        "sit": "sat sitting",
        "lie": "lay lain lying",
        "go": "went gone",
        "get": "got",
        "take": "took taken",
        "bend": "bent",
        "sleep": "slept",
        "swim": "swam swum swimming",
    },
}

keywords_by_location: dict[str, list[str]] = {}


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


class Vocabulary:
    """The words one language's pages use, grouped by stem."""

    def __init__(self, language: str, texts: list[str]):
        self.stemmer = snowballstemmer.stemmer(STEMMERS[language])
        self.lemma = {form: verb for verb, forms in IRREGULAR[language].items() for form in forms.split()}
        self.words = {word for text in texts for word in words(text)}
        self.stems: dict[str, str] = {}
        self.groups: dict[str, set[str]] = defaultdict(set)
        for word in self.words | set(self.lemma) | set(IRREGULAR[language]):
            self.groups[self.stem(word)].add(word)

    def stem(self, word: str) -> str:
        stem = self.stems.get(word)
        if stem is None:  # Snowball is slow; every word is stemmed once
            stem = self.stems[word] = self.stemmer.stemWord(self.lemma.get(word, word))
        return stem

    def is_word(self, part: str) -> bool:
        """A word the pages use, or the stem of one ("spier", from "spieren")."""
        return part in self.words or part in self.groups

    def compound_parts(self, word: str) -> set[str]:
        """Parts of a compound that are words of their own: 'rugpijn' -> {'rug', 'pijn'}."""
        parts = set()
        if len(word) < MIN_COMPOUND:
            return parts
        for split in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:split], word[split:]
            if tail.startswith("s") and self.is_word(tail[1:]):  # Dutch linking s: "rugspieren"
                tail = tail[1:]
            if len(tail) >= MIN_PART and self.is_word(tail) and self.is_word(head):
                parts |= {head, tail}
        return parts

    def variants(self, text: str) -> set[str]:
        own = set(words(text))
        found = {without_accents(word) for word in own}
        for word in own:
            if len(word) >= MIN_PART:
                found |= self.groups[self.stem(word)]
            for part in self.compound_parts(word):
                found |= self.groups[self.stem(part)] | {part}
        # A query word matches every word it starts ("spier" finds "spieren"): leave out what the entry's own
        # words already answer, which keeps the index small.
        return {variant for variant in found - own if not any(word.startswith(variant) for word in own)}


def on_page_context(context, page, config, nav):
    keywords = page.meta.get("keywords")
    if keywords:
        keywords_by_location[page.url] = [str(keyword) for keyword in keywords]
    return context


def add_terms(index: dict, language: str, prefix: str) -> None:
    entries = index["docs"]
    # Entry text is HTML: its words only, once per entry, for both the vocabulary and the entry's variants.
    texts = [f"{entry['title']} {re.sub(r'<[^>]+>', ' ', entry['text'])}" for entry in entries]
    vocabulary = Vocabulary(language, texts)
    for entry, text in zip(entries, texts):
        variants = vocabulary.variants(text)
        if variants:
            entry["variants"] = " ".join(sorted(variants))
        keywords = keywords_by_location.get(prefix + entry["location"])
        if keywords:
            entry["keywords"] = " ".join(keywords)


@event_priority(-300)  # after search_per_language.py (-200) has written one index per language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return
    for language in i18n.build_languages:
        prefix = "" if language == i18n.default_language else f"{language}/"
        path = Path(config.site_dir) / prefix / "search" / "search_index.json"
        index = json.loads(path.read_text(encoding="utf-8"))
        add_terms(index, language, prefix)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
