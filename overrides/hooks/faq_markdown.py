"""Kept for the hooks that still import it: the reading of pages now lives in patient_info/pages.py."""

from mkdocs.exceptions import PluginError

from patient_info.pages import (  # noqa: F401
    ENGLISH_SUFFIX,
    FAQ_ID,
    Article,
    Question,
    article_sections,
    faq_questions,
    nav_articles,
    nav_pages,
)


def fail(src_path: str, message: str) -> PluginError:
    """For a hook that raises its own error (the package raises patient_info.errors.ContentError)."""
    return PluginError(f"{src_path}: {message}")
