"""One place per piece of advice (issue 25): patient_info.duplicate_advice finds two sections of a page that share a
long run of words, and nothing else. The build runs it on every page (tests/test_content_model.py, "advice written
twice"); here it is called directly, and on the real pages."""

from __future__ import annotations

import pytest

from conftest import ROOT
from patient_info.duplicate_advice import LONGEST_SHARED_RUN, first_shared_run, sections_of

PAGE = """# Titel

!!! summary

    - Een warme douche maakt een stijve rug een beetje losser.

## Wat kun je doen? { #zelf-doen }

Neem een warme douche. Een warme douche maakt een stijve rug een beetje losser.

## Veelgestelde vragen { #veelgestelde-vragen }

### Helpt warmte? { #warmte }

{answer}
"""


def page_with(answer: str) -> str:
    return PAGE.replace("{answer}", answer)


def test_a_copied_paragraph_is_found_with_both_sections_named():
    shared = first_shared_run(page_with("Ja. Een warme douche maakt een stijve rug een beetje losser."))
    assert (shared.first, shared.second) == ("zelf-doen", "warmte")
    assert shared.words.startswith("een warme douche maakt een stijve rug")


def test_a_link_to_the_section_that_says_it_is_no_copy():
    answer = "Ja, een beetje. Hoe, lees je bij [Een warme douche maakt een stijve rug een beetje losser](#zelf-doen)."
    assert first_shared_run(page_with(answer)) is None


def test_the_summary_a_shared_block_and_runs_across_sentences_are_not_compared():
    # The summary repeats the advice by design; an included shared block is one source shown twice; a run that only
    # exists across the end of a sentence ("Neem een warme douche. Een warme douche ...", 7 words) is no shared
    # sentence.
    answer = '--8<-- "warmte.md"\n\nNeem een warme douche. Een warme douche maakt het fijn.'
    assert first_shared_run(page_with(answer)) is None


def test_short_shared_phrases_are_allowed_and_one_word_more_is_not():
    words = "een warme douche maakt een stijve rug".split()
    assert len(words) == LONGEST_SHARED_RUN + 1
    assert first_shared_run(page_with("Soms " + " ".join(words[:-1]) + " zachter.")) is None
    assert first_shared_run(page_with("Soms " + " ".join(words) + " zachter.")) is not None


def test_headings_and_code_blocks_are_not_text():
    assert [name for name, _ in sections_of(page_with("```\nEen warme douche maakt een stijve rug een beetje losser.\n```"))] \
        == ["zelf-doen", "veelgestelde-vragen", "warmte"]
    assert first_shared_run(page_with("```\nEen warme douche maakt een stijve rug een beetje losser.\n```")) is None


@pytest.mark.parametrize("path", sorted((ROOT / "docs").glob("*.md")), ids=lambda path: path.name)
def test_no_page_says_the_same_thing_twice(path):
    assert first_shared_run(path.read_text(encoding="utf-8")) is None
