"""MkDocs' events, each handed to the package: the one module that knows MkDocs, Material's template context and
mkdocs-static-i18n. Everything it calls knows nothing of them, so another generator needs another adapter, not
another package. patient_info/hooks/mkdocs_events.py lists these events for MkDocs; patient_info/hooks/post_build.py runs
the post-build step (patient_info/post_build.py) while `mkdocs serve` rebuilds, as `make build` runs it after
`mkdocs build`.

What runs when:
- on_config: the practice settings, the urgency data and every page's urgency markers, the exercise drawings,
  the handout and read-aloud settings; Material's search button without its search plugin (`SearchDialog`).
- on_files: every page's front matter, review dates and FAQ ids (once); every translation present; the handout
  composer's QR encoder copied into the site.
- on_page_markdown: the page's content checks, urgency cards and shared blocks; then the values Material prints
  unescaped made safe (`escaped`).
- on_page_content: the rendered page's checks. on_page_context: what the templates print (handout, composer,
  read aloud, JSON-LD). on_post_build: the Dutch 404 page kept at /404.html.
A ContentError (one line naming the file and the problem) stops the build with that line once, no traceback.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import material
from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup, escape
from mkdocs.config import config_options
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File

from patient_info import content_model, exercise_drawings, structured_data, urgency
from patient_info.structured_data import as_written
from patient_info.content_model import check_translations
from patient_info.errors import ContentError
from patient_info.handout import article_handout, check_settings, closing
from patient_info.handout_composer import QR_ENCODER, QR_ENCODER_URI, URGENCY_SELECTOR, composer_articles
from patient_info.pages import today
from patient_info.pronunciation import SITE_FILE, language_list
from patient_info.shared_blocks import SHARED_FOLDER, check_blocks

build_log = logging.getLogger("mkdocs.commands.build")  # the logger MkDocs writes its own build errors with
review_log = get_plugin_logger("content_model")  # "INFO - content_model: docs/x.md: review due on …"
handout_log = logging.getLogger("mkdocs.hooks.handout")  # "INFO - handout: …" (the notice names itself)
state: dict = {}  # per `mkdocs build` or `serve` run: the command, notices said, urgency data, pronunciation lists


# --- Errors --------------------------------------------------------------------------------------------------------


def on_build_error(error):
    """A ContentError outside a page (on_config, on_files, on_post_build): its line once, as MkDocs' own errors."""
    if isinstance(error, ContentError):
        build_log.error(str(error))
        raise Abort("Aborted with a BuildError!")


def page_event(event):
    """Inside a page event MkDocs writes "Error reading page 'x':" and, for an error that is not its own kind, the
    error's text after it: a ContentError reaches it as its own PluginError, so the line shows once."""

    @functools.wraps(event)
    def run(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except ContentError as error:
            raise PluginError(str(error)) from None

    return run


# --- Helpers -------------------------------------------------------------------------------------------------------


def i18n_of(config):
    return config.plugins.get("i18n")


def first_language_build(config) -> bool:
    """Once per build: mkdocs-static-i18n runs the build again for each other language."""
    i18n = i18n_of(config)
    return i18n is None or i18n.current_language == i18n.default_language


def src_path(config, page) -> str:
    return f"{Path(config.docs_dir).name}/{page.file.src_path}"


def is_article(page) -> bool:
    return page.meta.get("type") != "page"


def say_once(notice: str) -> None:
    if notice not in state.setdefault("said", set()):
        state["said"].add(notice)
        handout_log.info(notice)


# --- Build events --------------------------------------------------------------------------------------------------


def on_startup(command, dirty):
    state.clear()
    state["command"] = command


class SearchDialog(BasePlugin):
    """Material's header shows the search button and includes partials/search.html only when a plugin named
    "material/search" is enabled. The site searches with Pagefind (patient_info/search_index.py), so this is that
    plugin without an index: the name and `enabled` flag header.html reads, and the empty entry list and post-build
    step mkdocs-static-i18n hands every search plugin."""

    config_scheme = (("enabled", config_options.Type(bool, default=True)),)

    def __init__(self):
        super().__init__()
        self.search_index = SimpleNamespace(entries=[])

    def on_post_build(self, config):
        """Nothing to write: the post-build step builds the search."""


SEARCH_CONDITION = '{% if "material/search" in config.plugins %}'


def register_search_dialog(config) -> None:
    header = Path(material.__file__).parent / "templates" / "partials" / "header.html"
    if SEARCH_CONDITION not in header.read_text(encoding="utf-8"):
        raise PluginError(f"{header}: Material no longer shows the search button with {SEARCH_CONDITION}")
    if "material/search" not in config.plugins:
        dialog = SearchDialog()
        dialog.load_config({})
        config.plugins["material/search"] = dialog


def on_config(config):
    docs = Path(config.docs_dir)
    content_model.check_practice(config.extra)
    state["urgency"] = urgency.load_urgency_data(config.docs_dir)
    urgency.check_docs(config.docs_dir, state["urgency"])
    exercise_drawings.check_docs(docs)
    for notice in check_settings(config.extra):
        say_once(notice)
    pages = (config.extra.get("read_aloud") or {}).get("pages") or []
    missing = [name for name in pages if not (docs / name).is_file()]
    if missing:
        raise ContentError(f"mkdocs.yml: extra.read_aloud.pages names {missing[0]}, which is not in docs/")
    register_search_dialog(config)
    return config


def on_files(files, config):
    if first_language_build(config):  # every language's pages are here
        uris = [file.src_uri for file in files.documentation_pages()]
        for notice in content_model.check_site(Path(config.docs_dir), uris, today()):
            review_log.info(notice)
        i18n = i18n_of(config)
        if i18n is not None and "en" in i18n.build_languages:
            check_translations(Path(config.docs_dir))
    source = Path(config.config_file_path).parent / QR_ENCODER
    if not source.is_file():
        raise ContentError(f"{QR_ENCODER}: missing, the handout composer needs it: run scripts/install_tools.sh")
    files.append(File.generated(config, QR_ENCODER_URI, abs_src_path=str(source)))
    return files


def on_pre_build(config):
    # Not in on_config: mkdocs-static-i18n sets the language's site_name in its own on_config, after this one's.
    urgency.check_site_name(state["urgency"], config.theme["language"], as_written(config.site_name),
                            urgency.data_name(config.docs_dir))


@page_event
def on_page_markdown(markdown: str, page, config, files) -> str:
    where = src_path(config, page)
    content_model.check_markdown(page.meta, markdown, where, Path(config.docs_dir), page.file.src_path)
    urgency.check_page(markdown, page.meta, state["urgency"], where)
    check_blocks(markdown, page.file.src_uri.endswith(".en.md"), Path(config.docs_dir) / SHARED_FOLDER,
                 page.file.src_uri)
    if is_article(page):  # the sitemap's lastmod is the date the article was last reviewed
        page.update_date = content_model.check_date(page.meta, "last_reviewed", where).isoformat()
    for field in PAGE_FIELDS:  # last: every check above read the text as written
        if field in page.meta:
            page.meta[field] = escaped(page.meta[field])
    return markdown


@page_event
def on_page_content(html, page, config, files):
    faq = structured_data.FaqReader()  # the FAQ's JSON-LD, read in the same pass as the checks
    content_model.check_rendered(html, src_path(config, page), is_article(page), also=(faq,))
    state.setdefault("faq", {})[page.file.src_uri] = faq.result()
    return html


# --- What the templates print --------------------------------------------------------------------------------------

# MkDocs' Jinja environment has no autoescape, and Material writes these as they are (in <title>, the meta
# description, the header, the navigation and the footer): a title `</script><script>alert(1)</script>` would become
# a script. Copying those templates whole to add `| e` is not done: each value becomes escaped Markup instead, safe
# printed as is and not escaped twice by `| e`. JSON-LD takes the text as written back (`as_written`).
PAGE_FIELDS = ("title", "description")
CONFIG_FIELDS = ("site_name", "site_description", "copyright")


def escaped(value):
    return escape(value) if isinstance(value, str) and not isinstance(value, Markup) else value


# Material's templates compiled once per machine, not once per language per build: Jinja's own cache of compiled
# templates, keyed on each template's source, in the system's temporary folder (one per user). Without a safe
# temporary folder the build compiles them every time, as MkDocs does.
def template_cache() -> FileSystemBytecodeCache | None:
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # Jinja: no folder it may create, or one another user owns
        return None


TEMPLATE_CACHE = template_cache()


def on_env(env, config, files):
    env.bytecode_cache = TEMPLATE_CACHE
    # After mkdocs-static-i18n has set the language's own site_name and the rest (its on_config).
    for field in CONFIG_FIELDS:
        config[field] = escaped(config[field])
    return env


def language_links(config) -> dict[str, str]:
    """Each built language's folder from the site root: {"nl": "", "en": "en/"}."""
    i18n = i18n_of(config)
    if i18n is None:
        return {config.theme["language"]: ""}
    return {language.locale: language.link.lstrip("/") for language in i18n.config.languages if language.build}


def shared_dir(config) -> Path:
    """Where pymdownx.snippets reads the shared blocks (its first base_path), from the project's root."""
    base = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    base = base[0] if isinstance(base, list) else base
    return Path(config.config_file_path).parent / base


def read_aloud_list(config, language: str) -> None:
    """Check the language's pronunciation file once per build (the post-build step writes it into the site)."""
    if language not in state.setdefault("pronunciation", {}):
        state["pronunciation"][language] = language_list(Path(config.docs_dir), language)


def listed(src_uri: str, pages: list[str]) -> bool:
    """Whether a page (its Markdown file, either language: x.md or x.en.md) is one of `pages` (x.md)."""
    stem = PurePosixPath(src_uri).name.split(".")[0]
    return any(PurePosixPath(name).name.split(".")[0] == stem for name in pages)


def website(config, language: str) -> dict:
    i18n = i18n_of(config)
    home = config.site_url
    if i18n is not None and language != i18n.default_language:
        home = urljoin(config.site_url, f"{language}/")
    return structured_data.website_data(home, config.site_name, config.site_description, language)


@page_event
def on_page_context(context, page, config, nav):
    language = config.theme["language"]
    built = context["build_date_utc"].date()
    handout = article_handout(page.file.src_uri, page.meta, built, page.canonical_url, language, config.extra)
    if handout is not None:
        context["handout"] = handout
        composer = next((other for other in nav.pages if other.meta.get("handout_composer")), None)
        handout["composer"] = composer.url if composer else None
    if page.meta.get("handout_composer"):
        context["composer"] = {
            "languages": list(language_links(config)),
            "urgency": URGENCY_SELECTOR,
            "articles": composer_articles(Path(config.docs_dir), config.nav, language, language_links(config),
                                          config.extra, shared_dir(config)),
            "closing": {**closing(built, page.canonical_url, language, config.extra), "qr_words": "composer.qr"},
            "encoder": QR_ENCODER_URI,
        }
    if is_article(page) or listed(page.file.src_uri, (config.extra.get("read_aloud") or {}).get("pages") or []):
        read_aloud_list(config, language)
        context["read_aloud"] = {"words": SITE_FILE.format(language=language)}
    url = page.canonical_url or urljoin(config.site_url or "", page.url)
    if is_article(page):
        context["structured_data"] = structured_data.article_data(page.meta, state["faq"][page.file.src_uri],
                                                                  website(config, language), url, language)
    elif structured_data.is_home(page.file.src_uri):
        context["structured_data"] = {"@context": "https://schema.org", **website(config, language)}
    return context


# --- The not-found page --------------------------------------------------------------------------------------------
# mkdocs-static-i18n writes one 404.html per language into the site root, so the language built last (English) would
# win. The Dutch page is kept after the Dutch build and restored after the English one, which moves to en/404.html.
# The page (overrides/404.html) speaks both languages, because most hosts serve only the root 404.html; its language
# switch links each language's home page, not the page rendered last.


def on_template_context(context, template_name, config):
    i18n = i18n_of(config)
    if template_name == "404.html" and i18n is not None and "alternate" in config.extra:
        # The plugin's links start at the host root; a site in a folder (https://host/folder/) needs that folder.
        root = urlsplit(config.site_url or "/").path or "/"
        links = {language.locale: root + language.link.lstrip("/") for language in i18n.config.languages}
        alternates = [dict(alt, link=links.get(alt["lang"], alt["link"])) for alt in config.extra["alternate"]]
        # The plugin stores each page's switcher as the attribute `config.extra.alternate`, which shadows the
        # mapping key in templates: replace both, or the 404 page links to the last page rendered.
        config.extra["alternate"] = alternates
        config.extra.alternate = alternates
    return context


def on_post_build(config):
    i18n = i18n_of(config)
    page = Path(config.site_dir) / "404.html"
    if i18n is not None and page.is_file():
        if i18n.current_language == i18n.default_language:
            state["not_found_page"] = page.read_bytes()
        elif "not_found_page" in state:
            target = Path(config.site_dir) / i18n.current_language / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.read_bytes())
            page.write_bytes(state["not_found_page"])
    # Back to plain text before mkdocs-static-i18n builds the next language from this config (its on_post_build
    # runs later, at priority -100): it only accepts a `str` site_name to override.
    for field in CONFIG_FIELDS:
        config[field] = as_written(config[field])


@event_priority(-300)  # after mkdocs-static-i18n (-100) has built the last language
def post_build_while_serving(config):
    """`mkdocs serve` has no step after the generator: the post-build step runs here, after the last language.
    `make build` runs it as a command of its own after `mkdocs build` (patient_info/post_build.py)."""
    i18n = i18n_of(config)
    if state.get("command") != "serve" or (i18n is not None and i18n.building):
        return
    from patient_info import post_build

    english = i18n is None or "en" in i18n.build_languages
    post_build.run(Path(config.site_dir), Path(config.docs_dir), Path(config.config_file_path), english)
