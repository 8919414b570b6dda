"""The search query sets (tests/search_queries*.yml) name what the built site has: every section an answer names
exists on that article in each language, and every red flag is an item of urgency.yml. A renamed heading id would
otherwise make a query unanswerable in the benchmark without a word."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT
from site_search import LANGUAGE_ROOT

from patient_info.urgency import load_urgency_data

QUERY_SETS = sorted((ROOT / "tests").glob("search_queries*.yml"))
# The items of urgency.yml: a red-flag query is right when its card marks one of them.
URGENCY_ITEMS = {item["id"] for level in load_urgency_data(ROOT / "docs")["levels"] for item in level["items"]}


def named_sections(item: dict) -> list[str]:
    """The sections a query names as its answers: "answers", and the older sets' "expect" when it names one."""
    expect = item.get("expect")
    return list(item.get("answers") or []) + ([expect] if isinstance(expect, str) and expect else [])


@pytest.fixture(scope="module")
def built_ids(site):
    """Per built page ("en/door-de-rug-gaan/"), the ids of its elements; pages are read once, when first named."""
    ids: dict[str, set[str] | None] = {}

    def of(page: str) -> set[str] | None:
        if page not in ids:
            built = site.site / page / "index.html"
            ids[page] = ({element["id"] for element in site.page(page).find_all(id=True)} if built.is_file()
                         else None)
        return ids[page]
    return of


@pytest.mark.parametrize("path", QUERY_SETS, ids=lambda path: path.name)
def test_every_answer_names_a_section_of_the_built_site(built_ids, path):
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    missing = set()
    for language, items in written.items():
        for item in items:
            for answer in named_sections(item):
                page, _, anchor = answer.partition("#")
                for each in LANGUAGE_ROOT.values():
                    ids = built_ids(each + page)
                    if ids is None or (anchor and anchor not in ids):
                        missing.add(f"{language}: {item['query']!r} -> {each}{answer}")
    assert not missing, sorted(missing)


@pytest.mark.parametrize("path", QUERY_SETS, ids=lambda path: path.name)
def test_every_red_flag_is_an_item_of_urgency_yml(path):
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    unknown = [(item["query"], name) for items in written.values() for item in items
               for name in item.get("urgency") or [] if name not in URGENCY_ITEMS]
    assert not unknown, unknown
