"""The fit behind docs/_shared/search-ranking.yml (scripts/fit_search_ranking.py), on small made-up rankings: it
learns the weight that puts the answering sections first, and counts answers as the browser shows them."""

from __future__ import annotations

from fit_search_ranking import first_answers, fit

from patient_info.search_data import RANKING_FEATURES

TELLING = RANKING_FEATURES.index("asked")


def section(page: str, asked: float, good: bool, opening: bool = False, noise: float = 0.0) -> dict:
    features = [noise] * len(RANKING_FEATURES)
    features[TELLING] = asked
    return {"features": features, "page": page, "opening": opening, "good": good}


def made_up_queries() -> list[list[dict]]:
    """Twelve queries: the answering section is always the one whose `asked` is high, among sections with noise."""
    return [[section("a/", 0.2 + (index % 3) / 10, False, noise=index % 2),
             section("b/", 0.9, True, noise=(index + 1) % 2),
             section("a/", 0.1, False, noise=0.5)] for index in range(12)]


def test_the_fit_weighs_up_the_feature_that_marks_the_answers():
    weights = fit(made_up_queries())
    assert weights[TELLING] > 0
    assert first_answers(made_up_queries(), weights) == 12
    assert first_answers(made_up_queries(), [-weight for weight in weights]) == 0


def test_an_answer_counts_as_shown_the_best_sections_page_then_its_best_section_below_the_title():
    weights = [0.0] * len(RANKING_FEATURES)
    weights[TELLING] = 1.0
    # The page's opening ranks first; what the reader sees first is that page's best section, not another page's.
    query = [section("a/", 0.9, False, opening=True), section("b/", 0.8, True), section("a/", 0.5, False)]
    assert first_answers([query], weights) == 0
    query = [section("a/", 0.9, False, opening=True), section("b/", 0.8, False), section("a/", 0.5, True)]
    assert first_answers([query], weights) == 1
