"""A typed word one letter off a patient's word for a red flag or a topic the site does not cover still finds it
("koords" is "koorts"), but a real word of its own never does: "alweer" (again) is no "afweer" (immune system),
"cancel" no "cancer", "strained" no "sprained" (search.js reads a word of 5+ letters one typo away, the first letter
right, as that word). The real words near the patients' single words are listed in docs/_shared/search-words.yml
(`not_typos`); this test finds them in Debian's word lists (wdutch, wbritish, wamerican; scripts/install_tools.sh
installs them), so a new red-flag word that a common word is one letter from fails here, by name."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT
from patient_info.search_data import not_covered, red_flags
from patient_info.search_index import word_lists
from patient_info.urgency import data_name, load_urgency_data

DOCS = ROOT / "docs"
WORD_LISTS = {"nl": ["/usr/share/dict/dutch"],
              "en": ["/usr/share/dict/british-english", "/usr/share/dict/american-english"]}


def plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


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
                words.add(plain(line.lower()))
    return words


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_real_word_is_read_as_a_typo_of_a_patients_word(language):
    phrases = patient_phrases(language)
    listed = set(word_lists(DOCS, language)["not_typos"])
    wanted_words = {word.rstrip("*") for _, phrase in phrases for word in phrase}
    unlisted = []
    for word in sorted(dictionary(language) - wanted_words - listed):
        for whose, phrase in phrases:
            wanted = phrase[0].rstrip("*")
            # A phrase of one word opens its card on its own. Another form of the word ("knee", "knees") is meant.
            if len(phrase) == 1 and typo_of(word, wanted) and not (word.startswith(wanted) or wanted.startswith(word)):
                unlisted.append(f"'{word}' is one letter from '{phrase[0]}' ({whose})")
    assert not unlisted, (f"real {language} words the search would read as a patient's word: add each to "
                          f"docs/_shared/search-words.yml '{language}' not_typos, or to the item's words if it "
                          "means the same:\n" + "\n".join(unlisted))





@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_listed_real_word_is_one_letter_from_a_patients_word(language):
    wanted = {word.rstrip("*") for _, phrase in patient_phrases(language) for word in phrase}
    stray = [word for word in word_lists(DOCS, language)["not_typos"]
             if not any(typo_of(word, other) for other in wanted)]
    assert not stray, f"docs/_shared/search-words.yml '{language}' not_typos: no patient word is one letter from {stray}"
