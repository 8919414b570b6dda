"""The one step after the generator: it finishes the built site/ folder, whatever wrote it (MkDocs, ProperDocs, a
successor that runs the Python-Markdown extensions but no MkDocs hooks), and then checks its safety content.

    python -m patient_info.post_build site [docs] [mkdocs.yml]   # `make build` runs it after `mkdocs build`

It reads the built pages, the Markdown sources' front matter and mkdocs.yml as data, and nothing of MkDocs. Per page:
Material's markup patched (patient_info/material_patches.py), the hreflang links made absolute, articles marked for
the search with their patients' words (patient_info/search_index.py), the Content-Security-Policy with the page's
own script hashes (patient_info/csp.py), the indentation dropped; a site of 100 pages or more has its pages shared
between two processes. Then, for the site: the search words per language, the read-aloud pronunciation lists,
site/_headers, the site's own scripts and stylesheets minified, Material's stylesheets without the rules no page
uses (patient_info/unused_css.py), Pagefind's index, and last the safety check (patient_info/safety_check.py).
A mistake is one ContentError line, exit status 1.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import posixpath
import re
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from patient_info import csp, material_patches, search_index, unused_css
from patient_info.errors import ContentError
from patient_info.pages import file_language, markdown_files, parse, site_config
from patient_info.pronunciation import SITE_FILE, language_list
from patient_info.safety_check import check as safety_problems
from patient_info.search_data import (article_section_ids, not_covered, questions_by_section, ranking_weights, red_flags,
                                      section_phrases, section_questions, section_words)
from patient_info.urgency import DATA_FILE as URGENCY_FILE
from patient_info.urgency import load_urgency_data

LANGUAGE = re.compile(r'<html lang="([^"]+)"')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
NOT_FOUND = "404.html"


# --- What the sources say about each page --------------------------------------------------------------------------


def page_url(name: str) -> str:
    """A Markdown file's address from the site root: "x.md" -> "x/", "x.en.md" -> "en/x/", "index.md" -> ""."""
    stem, language = (name[: -len(".en.md")], "en/") if name.endswith(".en.md") else (name[: -len(".md")], "")
    folder, _, last = stem.rpartition("/")
    path = f"{folder}/" if last == "index" and folder else "" if last == "index" else f"{stem}/"
    return language + path


def pages_by_url(docs: Path) -> dict[str, dict]:
    """{address: front matter} of every page in docs/ (shared blocks under _shared/ are no pages)."""
    found = {}
    for name, text in markdown_files(docs):
        relative = name.split("/", 1)[1]
        if not relative.startswith("_"):
            found[page_url(relative)] = {**parse(text, name)[0], "_name": relative}
    return found


def is_article(meta: dict) -> bool:
    return meta.get("type", "article") != "page" and not meta["_name"].split(".")[0].endswith("index")


def relative_url(target: str, page: str) -> str:
    """The link from the page at `page` to the page at `target` (both addresses from the site root, ending in /)."""
    link = posixpath.relpath("/" + target, "/" + page)
    return "./" if link == "." else link + ("/" if target.endswith("/") and link != "." else "")


def default_language(config: dict) -> str:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"].get("languages") or []:
                if language.get("default"):
                    return language["locale"]
    return (config.get("theme") or {}).get("language") or "nl"


# --- The pages -----------------------------------------------------------------------------------------------------

INDENTATION = re.compile(r"\n[ \t]+")
PRESERVED = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)


def compact(page: str) -> str:
    """The indentation Material's templates leave dropped: a newline and spaces render as a newline, except inside
    <pre>, <textarea> and <script>, which are left untouched (about 0.6 kB gzip per page)."""
    parts = PRESERVED.split(page)
    # split() with two groups yields [text, block, tag name, text, block, tag name, ..., text]
    return "".join(INDENTATION.sub("\n", part) if number % 3 == 0 else part
                   for number, part in enumerate(parts) if number % 3 != 2)


MATERIAL_STYLESHEETS = ("main.*.min.css", "palette.*.min.css")


def prune_material_stylesheets(site: Path, classes: set[str], colours: dict[str, set[str]]) -> None:
    """Material's two stylesheets without the rules no page can use (patient_info/unused_css.py): about 7 kB gzip
    less in every first view. The classes are the finished pages', and those the scripts in assets/javascripts/
    can set while a page runs: Material's bundle and the site's own (not its subfolders, which hold Material's lunr
    search, which no page of this site runs, and the QR encoder, which sets no class). The
    files keep their names (_headers asks no browser to keep them forever)."""
    scripts = [path.read_text(encoding="utf-8") for path in sorted((site / "assets" / "javascripts").glob("*.js"))]
    for pattern in MATERIAL_STYLESHEETS:
        found = sorted((site / "assets" / "stylesheets").glob(pattern))
        if len(found) != 1:
            raise material_patches.PatchError(
                f"{site.name}/assets/stylesheets: {len(found)} files {pattern} where Material writes one: Material's "
                "output changed (patient_info/post_build.py, prune_material_stylesheets)")
        found[0].write_text(pruned_once(found[0].read_text(encoding="utf-8"), classes, scripts, colours),
                            encoding="utf-8")


def pruned_once(stylesheet: str, classes: set[str], scripts: list[str], colours: dict[str, set[str]]) -> str:
    """unused_css.prune, kept in a folder of this user's in the temporary folder: parsing Material's stylesheet
    takes about 0.1 s, and a rebuild (make serve, make build again) mostly asks the same. Without such a folder
    (none may be made, or another user owns it), it prunes every time."""
    # The key: the stylesheet, the pages' classes, the scripts, the colours, and the pruning code itself.
    key = hashlib.sha256("\0".join([stylesheet, *sorted(classes), "", *scripts, "",
                                     json.dumps({name: sorted(values) for name, values in colours.items()}),
                                     Path(unused_css.__file__).read_text(encoding="utf-8")]).encode("utf-8"))
    folder = Path(tempfile.gettempdir()) / f"patient-info-css-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        usable = folder.stat().st_uid == os.getuid()
    except OSError:
        usable = False
    kept = folder / f"{key.hexdigest()}.css"
    if usable and kept.is_file():
        return kept.read_text(encoding="utf-8")
    names = [unused_css.names_in_script(script) for script in scripts]
    used = unused_css.Used(classes | {word for words, _ in names for word in words},
                           {prefix for _, prefixes in names for prefix in prefixes}, colours)
    pruned = unused_css.prune(stylesheet, used)
    if usable:
        try:
            partial = folder / f"{key.hexdigest()}.{os.getpid()}.part"
            partial.write_text(pruned, encoding="utf-8")
            partial.replace(kept)  # whole or not at all, also when two builds write it at once
        except OSError:
            pass
    return pruned


def minify_assets(site: Path) -> None:
    """The site's own scripts and stylesheets without comments and spaces (rjsmin, rcssmin): their comments explain
    every rule in docs/, the reader's phone need not fetch them. Material's files are minified already (.min.) and
    the vendored QR encoder (assets/javascripts/vendor/) is served as its npm package ships it."""
    try:
        import rcssmin
        import rjsmin
    except ImportError:
        raise ContentError("the post-build step minifies with rjsmin and rcssmin: install them (requirements.lock)") \
            from None
    for path in sorted((site / "assets" / "javascripts").glob("*.js")):
        if ".min." not in path.name:
            path.write_text(rjsmin.jsmin(path.read_text(encoding="utf-8")) + "\n", encoding="utf-8")
    for path in sorted((site / "assets" / "stylesheets").glob("*.css")):
        if ".min." not in path.name:
            path.write_text(rcssmin.cssmin(path.read_text(encoding="utf-8")) + "\n", encoding="utf-8")


class Site:
    """What the post-build step knows of the site while it goes over its pages."""

    def __init__(self, site: Path, docs: Path, config: dict):
        self.pages = pages_by_url(docs)
        self.multilingual = (site / "en" / "index.html").is_file()
        self.default_language = default_language(config)
        self.overview = {file_language(meta["_name"]): url
                         for url, meta in self.pages.items() if meta.get("faq_overview")}
        self.policy = csp.header_policy(docs)
        self.section_words = section_words(docs, article_section_ids(docs))
        self.section_questions = section_questions(docs, article_section_ids(docs))
        home_page = site / "index.html"
        home = CANONICAL.search(home_page.read_text(encoding="utf-8")) if home_page.is_file() else None
        self.root_url = home.group(1) if home else None
        self.vocabulary: dict[str, set[str]] = {}
        self.articles: dict[str, list[dict]] = {}
        self.hashes: set[str] = set()
        self.classes: set[str] = set()
        self.colours = unused_css.palette_colours(config)

    def finish(self, page: str, url: str, where: str) -> str:
        language_found = LANGUAGE.search(page)
        if language_found is None:
            raise material_patches.PatchError(f"{where}: no <html lang>: Material's output changed")
        language = language_found.group(1)
        not_found = url.endswith(NOT_FOUND)
        page = material_patches.fix_markup(page, language, where)
        page = material_patches.label_language_switch(page, language, where)
        if language in self.overview and not not_found:  # a 404 page is served at any address: no relative link
            page = material_patches.add_faq_link(page, relative_url(self.overview[language], url), language, where)
        if self.multilingual:
            canonical = CANONICAL.search(page)
            base = canonical.group(1) if canonical else self.root_url
            if base is None:
                raise ContentError(f"{where}: no canonical address to make the hreflang links absolute: set site_url")
            page = material_patches.absolute_alternates(page, base, self.default_language, where)
        page = material_patches.unfocusable_permalinks(page, where)
        meta = self.pages.get(url)
        if meta is not None and is_article(meta):
            slug = meta["_name"].split(".")[0]
            page, words = search_index.mark_article(page, meta, self.section_words.get(slug, {}), language, where)
            self.vocabulary.setdefault(language, set()).update(words)
            self.articles.setdefault(language, []).append({"title": str(meta["title"]), "url": url})
        if self.policy is not None:
            hashes = csp.script_hashes(page, where)
            self.hashes |= hashes
            page = csp.with_meta_policy(page, self.policy, hashes, where)
        self.classes |= unused_css.classes_in_page(page)
        return compact(page)

    def gathered(self) -> tuple[dict[str, set[str]], dict[str, list[dict]], set[str], set[str]]:
        """What the pages gave the site so far: the words, the articles (per language), the script hashes and the
        class names."""
        return self.vocabulary, self.articles, self.hashes, self.classes

    def gather(self, vocabulary: dict[str, set[str]], articles: dict[str, list[dict]], hashes: set[str],
               classes: set[str]) -> None:
        """Add what another process's pages gave (its `gathered()`), as finish adds one page's."""
        for language, words in vocabulary.items():
            self.vocabulary.setdefault(language, set()).update(words)
        for language, found in articles.items():
            self.articles.setdefault(language, []).extend(found)
        self.hashes |= hashes
        self.classes |= classes

    def search_pages(self, language: str) -> list[dict]:
        """The articles, then the FAQ overview: where "nothing found" sends a reader."""
        overview = self.overview[language]
        return (sorted(self.articles.get(language, []), key=lambda page: page["url"])
                + [{"title": str(self.pages[overview]["title"]), "url": overview}])


def run(site: Path, docs: Path, config_file: Path, english: bool, processes: int = 1) -> None:
    """Finish site/ and check it; a ContentError for the first mistake, or for every article that lost safety
    content. `processes`: how many processes may finish the pages of a large site (the command uses two; under
    `mkdocs serve`, whose server runs threads, one)."""
    if (site / "pagefind").exists():  # the generator empties site/ first: this folder is the step's own output
        raise ContentError(f"{site}: already finished by the post-build step (it holds pagefind/): build the site "
                           "again first")
    config = site_config(config_file)
    state = Site(site, docs, config)
    paths = sorted(site.rglob("*.html"))
    if processes < 2 or len(paths) < SHARED_FROM:
        finish_pages(state, site, docs, paths)
    else:
        finish_pages_shared(state, site, docs, paths, processes)
    # The pages are final: Pagefind indexes them while the rest is written and checked (none of it is HTML).
    indexing = search_index.start_pagefind(site)
    try:
        finish_the_rest(site, docs, state, english)
    except BaseException:
        indexing.kill()
        indexing.wait()
        raise
    search_index.finish_pagefind(indexing, site)


def finish_pages(state: Site, site: Path, docs: Path, paths: list[Path]) -> None:
    """Each page read, finished and written again; what the site needs from them gathers in `state`."""
    for path in paths:
        url = path.relative_to(site).as_posix().removesuffix("index.html")
        page = path.read_text(encoding="utf-8")
        # A mistake names the Markdown file where there is one: that is where it gets mended.
        source = state.pages.get(url)
        where = f"{docs.name}/{source['_name']}" if source else f"{site.name}/{path.relative_to(site).as_posix()}"
        path.write_text(state.finish(page, url, where), encoding="utf-8")


# From this many pages, the pages are shared among processes (each finishes every n-th page, the pages are
# independent); below it, starting a process costs more than it saves (about 0.4 s saved at 200 articles per language).
SHARED_FROM = 100
_forked: tuple = ()  # (state, site, docs) for the forked processes: inherited, not sent


def _finish_share(paths: list[Path]) -> tuple[dict, dict, set]:
    state, site, docs = _forked
    finish_pages(state, site, docs, paths)
    return state.gathered()


def finish_pages_shared(state: Site, site: Path, docs: Path, paths: list[Path], processes: int) -> None:
    global _forked
    _forked = (state, site, docs)
    shares = [paths[start::processes] for start in range(processes)]
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as pool:
        for gathered in pool.map(_finish_share, shares):
            state.gather(*gathered)
    _forked = ()


def finish_the_rest(site: Path, docs: Path, state: Site, english: bool) -> None:
    """The search words, the pronunciation lists, the headers and the minified assets; then the safety check."""
    patient_words = {
        "flags": red_flags(load_urgency_data(docs), f"{docs.name}/{URGENCY_FILE}"),
        "elsewhere": not_covered(docs),
        "phrases": {language: section_phrases(state.section_words, language) for language in state.vocabulary},
        "questions": {language: questions_by_section(state.section_questions, language) for language in state.vocabulary},
        "ranking": ranking_weights(docs),
    }
    for language in state.vocabulary:
        search_index.write_words(site, docs, language, state.vocabulary[language], state.search_pages(language),
                                 patient_words)
        target = site / SITE_FILE.format(language=language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(language_list(docs, language), ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
    if state.policy is not None:
        csp.write_headers(docs, site, state.hashes)
    minify_assets(site)
    prune_material_stylesheets(site, state.classes, state.colours)
    problems = safety_problems(site, docs, english=english)
    if problems:
        raise ContentError("safety content missing: " + "; ".join(problems))


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 3:
        print("usage: python -m patient_info.post_build SITE_DIR [DOCS_DIR] [MKDOCS_YML]", file=sys.stderr)
        return 2
    site = Path(argv[0])
    docs = Path(argv[1]) if len(argv) > 1 else Path("docs")
    config_file = Path(argv[2]) if len(argv) > 2 else docs.parent / "mkdocs.yml"
    try:
        run(site, docs, config_file, english=os.environ.get("ENGLISH", "true").lower() != "false",
            processes=min(2, os.cpu_count() or 1))
    except ContentError as error:
        print(f"ERROR   -  {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
