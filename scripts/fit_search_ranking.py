"""Fit the site's search ranking (not a test): the weights of docs/_shared/search-ranking.yml.

For every ordinary query of the tuning sets (never a test half, never a set only measured), it builds the site,
fills the query into the search in headless Chromium and reads what search.js measured of each section it ranked
(its exported ranking(): the features of docs/assets/javascripts/search.js, features()). Then it fits one weight per
feature, a softmax over each query's sections that puts the sections answering it first (L2-regularised, plain
gradient descent, no randomness), and reports, by 5-fold cross-validation over the queries, how often the first
section answers the query with the file's weights and with weights fitted on the other four folds. The report counts
a section as the browser shows it: the best section's page, then that page's best section below its title; it does
not redo a query that names only a page (search.js orders that page's sections as the article does).

usage: python scripts/fit_search_ranking.py [--write]   (--write: put the weights fitted on all queries in the file)
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmark_search import (CHROMIUM_FLAGS, ROOT, build_once, full_chromium_executable,  # noqa: E402
                              make_project, measured_only, query_sets, same_block, serve, third_sets)
from site_search import LANGUAGE_ROOT, RANKING, enter_query, open_search, read_results  # noqa: E402

from patient_info.search_data import RANKING_FEATURES, SEARCH_RANKING, ranking_weights  # noqa: E402

TUNING_SETS = ("third set, tuning half", "fifth set", "sixth set, tuning half", "seventh set, tuning half", "fresh set",
               "old set", "tuning half", "held-out, tuning half")
REGULARISATION = 3.0  # chosen by cross-validation on the tuning sets (1, 3 and 10 gave within one query)
STEPS = 600
FOLDS = 5


def answers_of(item: dict) -> list[str]:
    return item.get("answers") or ([item["expect"]] if isinstance(item.get("expect"), str) else [])


def measure(names: tuple[str, ...]) -> list[list[dict]]:
    """Per ordinary query of the named sets: its ranked sections, each {features, page, opening, good}."""
    sets = query_sets() | third_sets()
    assert not any(measured_only(name) for name in names), "never fit on a set that is only measured"
    queries = []
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        site = Path(temporary) / "site"
        build_once(make_project(Path(temporary) / "real", None, ROOT), site)
        url, server = serve(site)
        browser = playwright.chromium.launch(executable_path=full_chromium_executable(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name in names:
            for language, items in sets[name].items():
                root = url + LANGUAGE_ROOT[language]
                open_search(page, root)
                for item in items:
                    answers = answers_of(item)
                    if item.get("kind", "normal") != "normal" or not answers:
                        continue
                    enter_query(page, item["query"])
                    read_results(page)
                    ranked = page.evaluate(RANKING, url)
                    local = lambda address: re.sub(r"^/(en/)?", "", address)  # noqa: E731
                    good = lambda address: address in answers or any(  # noqa: E731
                        "#" in answer and same_block(site, language, address, answer) for answer in answers)
                    queries.append([{"features": [section["features"][name] for name in RANKING_FEATURES],
                                     "page": local(section["page"]), "opening": section["opening"],
                                     "good": good(local(section["url"] if not section["opening"] else section["page"]))}
                                    for section in ranked])
        browser.close()
        server.shutdown()
    return queries


def first_answers(queries: list[list[dict]], weights: list[float]) -> int:
    """How many queries get an answering section first: the best section's page, then its best section below the
    title (the page itself when it shows none)."""
    count = 0
    for sections in (sections for sections in queries if sections):
        score = lambda section: sum(w * f for w, f in zip(weights, section["features"]))  # noqa: E731
        ranked = sorted(sections, key=score, reverse=True)  # stable: search.js's own order breaks ties
        own = [section for section in ranked if section["page"] == ranked[0]["page"]]
        shown = next((section for section in own if not section["opening"]), own[0])
        count += shown["good"]
    return count


def fit(queries: list[list[dict]]) -> list[float]:
    """Weights that raise the softmax share of each query's answering sections (Adam on the standardised features)."""
    usable = [sections for sections in queries if any(section["good"] for section in sections)]
    rows = [section["features"] for sections in usable for section in sections]
    count = len(RANKING_FEATURES)
    mean = [sum(row[k] for row in rows) / len(rows) for k in range(count)]
    spread = [math.sqrt(sum((row[k] - mean[k]) ** 2 for row in rows) / len(rows)) or 1.0 for k in range(count)]
    data = [([[(f - m) / s for f, m, s in zip(section["features"], mean, spread)] for section in sections],
             [section["good"] for section in sections]) for sections in usable]
    v, first, second = [0.0] * count, [0.0] * count, [0.0] * count
    for step in range(1, STEPS + 1):
        gradient = [2 * REGULARISATION * x for x in v]
        for features, good in data:
            scores = [sum(w * f for w, f in zip(v, row)) for row in features]
            top = max(scores)
            shares = [math.exp(score - top) for score in scores]
            total = sum(shares)
            shares = [share / total for share in shares]
            answered = sum(share for share, is_good in zip(shares, good) if is_good)
            for k in range(count):
                expected = sum(share * row[k] for share, row in zip(shares, features))
                among_good = sum(share * row[k] for share, row, is_good in zip(shares, features, good) if is_good)
                gradient[k] -= among_good / answered - expected
        for k in range(count):  # Adam, step size 0.05
            first[k] = 0.9 * first[k] + 0.1 * gradient[k]
            second[k] = 0.999 * second[k] + 0.001 * gradient[k] ** 2
            v[k] -= 0.05 * (first[k] / (1 - 0.9 ** step)) / (math.sqrt(second[k] / (1 - 0.999 ** step)) + 1e-8)
    return [x / s for x, s in zip(v, spread)]


def cross_validated(queries: list[list[dict]], current: list[float]) -> tuple[int, int]:
    """Answering sections first on each fold's queries: with the file's weights, with weights fitted on the rest."""
    now = refit = 0
    for fold in range(FOLDS):
        held = queries[fold::FOLDS]
        rest = [sections for index, sections in enumerate(queries) if index % FOLDS != fold]
        now += first_answers(held, current)
        refit += first_answers(held, fit(rest))
    return now, refit


def write(weights: list[float]) -> None:
    path = ROOT / "docs" / SEARCH_RANKING
    header = "".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                     if line.startswith("#"))
    path.write_text(header + "weights:\n" + "".join(
        f"  {name}: {weight:.3f}\n" for name, weight in zip(RANKING_FEATURES, weights)), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the weights fitted on all queries")
    args = parser.parse_args()
    current = [ranking_weights(ROOT / "docs")[name] for name in RANKING_FEATURES]
    queries = measure(TUNING_SETS)
    now, refit = cross_validated(queries, current)
    weights = fit(queries)
    print(f"{len(queries)} queries of {', '.join(TUNING_SETS)}")
    print(f"an answering section first, {FOLDS}-fold cross-validation: the file's weights {now}, refitted {refit}")
    print(f"on all queries: the file's weights {first_answers(queries, current)}, "
          f"fitted {first_answers(queries, weights)}")
    print("fitted: " + ", ".join(f"{name} {weight:.3f}" for name, weight in zip(RANKING_FEATURES, weights)))
    if args.write:
        write(weights)
    return 0


if __name__ == "__main__":
    sys.exit(main())
