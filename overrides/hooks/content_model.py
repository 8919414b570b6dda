"""The content model's checks (patient_info/content_model.py) at their moments in an MkDocs build: the practice
settings and every page's front matter before any page is built, each page's Markdown, and each rendered page.
A mistake is a ContentError line naming the file (overrides/hooks/build_errors.py stops the build with it)."""

from __future__ import annotations

from pathlib import Path

from build_errors import page_event
from mkdocs.plugins import get_plugin_logger

from patient_info import content_model
from patient_info.pages import today

log = get_plugin_logger("content_model")


def on_config(config):
    content_model.check_practice(config.extra)
    return config


def on_files(files, config):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language == i18n.default_language:  # once: every language's pages are here
        uris = [file.src_uri for file in files.documentation_pages()]
        for notice in content_model.check_site(Path(config.docs_dir), uris, today()):
            log.info(notice)
    return files


@page_event
def on_page_markdown(markdown, page, config, files):
    src_path = f"{Path(config.docs_dir).name}/{page.file.src_path}"
    content_model.check_markdown(page.meta, markdown, src_path, Path(config.docs_dir), page.file.src_path)
    if page.meta.get("type") != "page":  # the sitemap's lastmod is the date the article was last reviewed
        page.update_date = content_model.check_date(page.meta, "last_reviewed", src_path).isoformat()
    return markdown


@page_event
def on_page_content(html, page, config, files):
    src_path = f"{Path(config.docs_dir).name}/{page.file.src_path}"
    content_model.check_rendered(html, src_path, page.meta.get("type") != "page")
    return html
