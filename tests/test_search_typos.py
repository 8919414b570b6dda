"""A typed word one letter off a patient's word for a red flag or a topic the site does not cover still finds it
("koords" is "koorts"), but a real word of its own never does: "alweer" (again) is no "afweer" (immune system),
"cancel" no "cancer", "strained" no "sprained" (search.js reads a word of 5+ letters one typo away, the first letter
right, as that word). The real words near the patients' single words are listed in docs/_shared/search-words.yml
(`not_typos`); this test finds them in Debian's word lists (wdutch, wbritish, wamerican; scripts/install_tools.sh
installs them), so a new red-flag word that a common word is one letter from fails here, by name."""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path

import pytest
from wordfreq import top_n_list, zipf_frequency

from conftest import ROOT
from patient_info.search_data import not_covered, red_flags, without_accents
from patient_info.search_index import word_lists
from patient_info.urgency import data_name, load_urgency_data

DOCS = ROOT / "docs"
WORD_LISTS = {"nl": ["/usr/share/dict/dutch"],
              "en": ["/usr/share/dict/british-english", "/usr/share/dict/american-english"]}


# search.js's rule, in Python: oneEditApart and typoOf (one letter changed, added, left out, or two swapped).
def one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return (a[i + 1:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:] == b[i + 1:]
            or (i + 1 < min(len(a), len(b)) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]))


def typo_of(typed: str, word: str) -> bool:
    return len(word) >= 5 and typed[0] == word[0] and one_edit_apart(typed, word)


def patient_phrases(language: str) -> list[tuple[str, list[str]]]:
    """(whose, words) for every phrase of the red flags and the topics not covered."""
    flags = red_flags(load_urgency_data(DOCS), data_name(DOCS))[language]
    topics = not_covered(DOCS)[language]["topics"]
    return ([(f"red flag '{flag['id']}'", phrase) for flag in flags for phrase in flag["phrases"]]
            + [(f"topic '{topic['id']}'", phrase) for topic in topics for phrase in topic["phrases"]])


def dictionary(language: str) -> set[str]:
    """The language's words, without names (a capital first letter) and in plain letters."""
    words = set()
    for name in WORD_LISTS[language]:
        for line in Path(name).read_text(encoding="utf-8", errors="ignore").split():
            if line.isalpha() and line[0].islower():
                words.add(without_accents(line))
    return words


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_real_word_is_read_as_a_typo_of_a_patients_word(language):
    phrases = patient_phrases(language)
    listed = set(word_lists(DOCS, language)["not_typos"])
    wanted_words = {word.rstrip("*") for _, phrase in phrases for word in phrase}
    # A phrase of one word opens its card on its own.
    singles = [(whose, phrase[0], phrase[0].rstrip("*")) for whose, phrase in phrases if len(phrase) == 1]
    unlisted = []
    for word in sorted(dictionary(language) - wanted_words - listed):
        for whose, written, wanted in singles:
            # Another form of the word ("knee", "knees") is meant.
            if typo_of(word, wanted) and not (word.startswith(wanted) or wanted.startswith(word)):
                unlisted.append(f"'{word}' is one letter from '{written}' ({whose})")
    assert not unlisted, (f"real {language} words the search would read as a patient's word: add each to "
                          f"docs/_shared/search-words.yml '{language}' not_typos, or to the item's words if it "
                          "means the same:\n" + "\n".join(unlisted))




# --- Common words and the words of the pages ---------------------------------------------------------------------------
# search.js also reads a word the pages do not use as a typo of one they do ("hernai": "hernia"). A common word of
# its own must not be: "think" is no "thing", "stuck" no "stick", "werden" no "werken". Common: at least once per
# million words (wordfreq's Zipf 3), the words patients type.
COMMON = 3.0
ENDING = re.compile(r"^(?:e|en|s|es|er|ers|t|te|ten|de|den|d|ed|ing|ingen|je|jes)?$")
DOUBLED = re.compile(r"([bdfgklmnprst])\1(?=(?:e|en|er|ers|ing|ingen|ed)$)")


def same_form(word: str, other: str) -> bool:
    """search.js's sameForm: the same word with another ending of either language ("gebeurd", "gebeurt")."""
    seen, typed = DOUBLED.sub(r"\1", other), DOUBLED.sub(r"\1", word)
    same = 0
    while same < min(len(typed), len(seen)) and typed[same] == seen[same]:
        same += 1
    return (same >= 4 or same in (len(typed), len(seen))) and bool(ENDING.match(typed[same:])) \
        and bool(ENDING.match(seen[same:]))


def read_as_typo(word: str, words: dict) -> str | None:
    """The word of the pages search.js's understand() reads `word` as when it takes it for a typo, else None: only a
    word the pages do not use, that starts none of theirs, has no verb form, synonym, stem or phrase of its own."""
    pages = words["sorted"]
    at = bisect.bisect_left(pages, word)
    starts = len(word) >= 4 and at < len(pages) and pages[at].startswith(word)
    verb = re.sub(r"([aeou])\1([^aeiou])$", r"\1\2en", word)
    stem = re.sub(r"(?:ing|ings|ed|es|s|en|e|er|ers)$", "", word)
    at = bisect.bisect_left(pages, stem)
    has_stem = stem != word and len(stem) >= 4 and at < len(pages) and pages[at].startswith(stem)
    if (len(word) < 5 or word in words["forms"] or word in words["set"] or starts or has_stem
            or (verb != word and verb in words["set"]) or word in words["phrase_words"]):
        return None
    return next((other for other in pages if typo_of(word, other)), None)


@pytest.fixture(scope="module")
def page_words(site):
    def of(language: str) -> dict:
        data = json.loads((site.site / "search" / f"words-{language}.json").read_text(encoding="utf-8"))
        plain_words = sorted({without_accents(word) for word in data["words"]})
        return {"sorted": plain_words, "set": set(plain_words), "forms": data["forms"],
                "phrase_words": {without_accents(word) for word in data["phraseWords"]}}
    return {language: of(language) for language in ("nl", "en")}


def common_words(language: str) -> list[str]:
    found = []
    for word in top_n_list(language, 100_000):
        if zipf_frequency(word, language) < COMMON:
            break
        if word.isalpha():
            found.append(without_accents(word))
    return found


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_common_word_is_read_as_a_typo_of_another_word_of_the_pages(page_words, language):
    words = page_words[language]
    listed = set(word_lists(DOCS, language)["not_typos"])
    misread = []
    for word in common_words(language):
        if word in listed:
            continue
        meant = read_as_typo(word, words)
        if meant and not same_form(word, meant):
            misread.append(f"'{word}' would be read as '{meant}'")
    assert not misread, (f"common {language} words the search would read as another word of the pages: add each to "
                         f"docs/_shared/search-words.yml '{language}' not_typos (or a synonym if it means that word):\n"
                         + "\n".join(misread))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_listed_real_word_is_one_letter_from_a_patients_word_or_a_word_of_the_pages(page_words, language):
    wanted = {word.rstrip("*") for _, phrase in patient_phrases(language) for word in phrase}
    wanted |= page_words[language]["set"]
    stray = [word for word in word_lists(DOCS, language)["not_typos"]
             if not any(typo_of(word, other) for other in wanted)]
    assert not stray, (f"docs/_shared/search-words.yml '{language}' not_typos: no patient word and no word of the "
                       f"pages is one letter from {stray}")
