"""A page as the author wrote it: its text and front matter read strictly, its FAQ questions and sections, the
articles in `nav`, and "today".

Front matter: MkDocs drops front matter it cannot parse without a word (every field then looks "missing") and stops
with a traceback on a file that is not UTF-8. This reads the file the way MkDocs does (UTF-8, a byte-order mark
allowed) with the same YAML loader, and turns each of those problems into one ContentError line naming the file and
the line.

The FAQ is the `## ... { #veelgestelde-vragen }` section; each `### Question? { #id }` in it is one question. The
`## Section { #id }` headings before it are the article's sections.

`today()` is the one place the build takes the current date from: the environment variable SITE_TODAY
(YYYY-MM-DD) when set (tests and "what if" builds), otherwise today's date in UTC, the time zone of MkDocs' own
build date (`build_date_utc`, used on the printed handout).
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, TypeVar

import yaml

from patient_info.errors import ContentError, fail

FAQ_ID = "veelgestelde-vragen"  # the FAQ section's id on every article
FAQ_SECTION = re.compile(rf"^##\s+.*\{{\s*#{FAQ_ID}\s*\}}\s*$", re.MULTILINE)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$", re.MULTILINE)
EXPLICIT_ID = re.compile(r"\s*\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
ENGLISH_SUFFIX = ".en.md"


class Question(NamedTuple):
    text: str
    id: str


class Article(NamedTuple):
    path: str  # the Markdown file named in nav (the Dutch one): "door-de-rug-gaan.md"
    name: str  # the file read, in the language asked for: "door-de-rug-gaan.en.md"
    meta: dict
    body: str


def faq_questions(markdown: str, src_path: str) -> list[Question]:
    """The `###` questions of the FAQ section, in order; a clear build error when the section or an id is missing."""
    start = FAQ_SECTION.search(markdown)
    if start is None:
        raise fail(src_path, 'no "Veelgestelde vragen" section (a ## heading with { #veelgestelde-vragen })')
    questions = []
    for match in HEADING.finditer(markdown, start.end()):
        level, text = len(match.group(1)), match.group(2)
        if level <= 2:
            break
        if level == 3:
            found = EXPLICIT_ID.search(text)
            if found is None:
                raise fail(src_path, f'FAQ question "{text}" has no explicit id, write {{ #some-id }}')
            if not text[: found.start()].strip():
                raise fail(src_path, f"FAQ question #{found.group(1)} has no text")
            questions.append(Question(text[: found.start()].strip(), found.group(1)))
    if not questions:
        raise fail(src_path, "the FAQ section has no ### questions")
    return questions


def article_sections(markdown: str, src_path: str) -> list[Question]:
    """The `##` sections before the FAQ, in order; a clear build error when one has no explicit id."""
    end = FAQ_SECTION.search(markdown)
    sections = []
    for match in HEADING.finditer(markdown, 0, end.start() if end else len(markdown)):
        if len(match.group(1)) != 2:
            continue
        text = match.group(2)
        found = EXPLICIT_ID.search(text)
        if found is None:
            raise fail(src_path, f'section "{text}" has no explicit id, write {{ #some-id }}')
        sections.append(Question(text[: found.start()].strip(), found.group(1)))
    return sections


def nav_pages(nav: list) -> list[str]:
    """The Markdown files named in `nav`, in order."""
    pages = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            pages += nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            pages.append(value)
    return pages


def nav_articles(docs_dir: Path, nav: list, english: bool) -> list[Article]:
    """The articles (pages without `type: page`) named in `nav`, in order, read in Dutch or English."""
    articles = []
    for dutch_name in nav_pages(nav):
        name = dutch_name[: -len(".md")] + ENGLISH_SUFFIX if english else dutch_name
        path = docs_dir / name
        if not path.is_file():
            continue
        meta, body = read(path, f"{docs_dir.name}/{name}")
        if meta.get("type") != "page":
            articles.append(Article(dutch_name, name, meta, body))
    return articles


OPENING = re.compile(r"\A---[ \t]*\n")
CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader (the one MkDocs uses) whose impossible dates are a YAML error with a line number."""


class FastStrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same in PyYAML's C version, about ten times faster: a page is read with it first, and only a page it
    cannot read is read again with StrictLoader, whose messages name the character (a tab, say)."""


def _timestamp(loader: StrictLoader, node: yaml.Node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as error:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value} is not a real date ({error})", node.start_mark
        ) from None


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
FastStrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load_yaml(text: str):
    """YAML text read with FastStrictLoader; what it cannot read is read again with StrictLoader, so that the error
    (raised as PyYAML's) names the character and the line."""
    try:
        return yaml.load(text, FastStrictLoader)
    except yaml.YAMLError:
        return yaml.load(text, StrictLoader)


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """mkdocs.yml as data: its `!ENV` and `!!python/name:` values are not needed here and read as None. The C
    loader: the generator has read the file first and named any mistake in it."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_config(config_file: Path) -> dict:
    """mkdocs.yml as plain data (nav, extra), for what runs without the generator; one ContentError if unreadable."""
    try:
        return yaml.load(Path(config_file).read_text(encoding="utf-8"), _ConfigLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ContentError(f"{config_file}: cannot be read ({' '.join(str(error).split())})") from None


def read_text(path: Path, name: str) -> str:
    """The file's text: UTF-8 with or without a byte-order mark, line ends as '\\n'."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise fail(name, f"is not UTF-8 text (byte 0x{data[error.start]:02x} on line {line}), save it as UTF-8") from None
    return text.replace("\r\n", "\n")


def parse(text: str, name: str) -> tuple[dict, str]:
    """(front matter, body) of a page's text; an empty mapping when the page has no front matter."""
    opening = OPENING.match(text)
    if opening is None:
        return {}, text
    closing = CLOSING.search(text, opening.end())
    if closing is None:
        raise fail(name, "front matter is invalid YAML: the closing --- line is missing")
    try:
        meta = load_yaml(text[opening.end() : closing.start()])
    except yaml.MarkedYAMLError as error:
        mark = error.context_mark or error.problem_mark  # where the broken thing starts, e.g. an unclosed quote
        where = f" on line {mark.line + 2}" if mark else ""  # +1: counted from 0; +1: the opening --- line
        problem = f"{error.problem} ({error.context})" if error.context else error.problem
        raise fail(name, f"front matter is invalid YAML{where}: {problem}") from None
    except yaml.YAMLError as error:
        raise fail(name, f"front matter is invalid YAML: {error}") from None
    if meta is None:
        return {}, text[closing.end() :]
    if not isinstance(meta, dict):
        kind = "a list" if isinstance(meta, list) else f"a single {type(meta).__name__} value"
        raise fail(name, f"front matter is invalid YAML on line 2: {kind}, not `field: value` lines")
    return meta, text[closing.end() :]


def markdown_files(docs_dir: Path):
    """(name, text) of every Markdown file under a docs folder, shared blocks included, in name order; the name as
    an error gives it ("docs/_shared/oefeningen.md"). A file that is not UTF-8 is passed over: the content model
    names it in its own one-line error."""
    docs = Path(docs_dir)
    for path in sorted(docs.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            continue
        yield f"{docs.name}/{path.relative_to(docs).as_posix()}", text


def read(path: Path, name: str) -> tuple[dict, str]:
    """(front matter, body) of a Markdown file, parsed again only when the file changed (the build asks for a page's
    front matter several times: its checks, its translation's, the article list, the footer). The front matter is a
    copy: a caller may add to it."""
    if name not in _readers:
        _readers[name] = lambda file: parse(read_text(file, name), name)
    # One key per file: the adapter's checks pass MkDocs' absolute docs_dir, the extensions mkdocs.yml's relative one.
    meta, body = loaded_when_changed(Path(path).absolute(), _readers[name])
    return dict(meta), body


_readers: dict[str, Callable[[Path], tuple[dict, str]]] = {}  # one reader per name: the cache's key


def file_language(source: str) -> str:
    """A Markdown file's language from its name: `.en.md` is English, every other file Dutch."""
    return "en" if source.endswith(ENGLISH_SUFFIX) else "nl"


def counterpart(src_uri: str) -> str:
    """The other language's file of a page: "x.md" <-> "x.en.md"."""
    if src_uri.endswith(".en.md"):
        return src_uri[: -len(".en.md")] + ".md"
    return src_uri[: -len(".md")] + ".en.md"


def today() -> datetime.date:
    value = os.environ.get("SITE_TODAY", "").strip()
    if not value:
        return datetime.datetime.now(datetime.timezone.utc).date()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ContentError(f"SITE_TODAY must be a date as YYYY-MM-DD, not {value!r}") from None


T = TypeVar("T")
_loaded: dict[tuple[Path, Callable], tuple[tuple[int, int], object]] = {}


def loaded_when_changed(path: Path, load: Callable[[Path], T]) -> T:
    """`load(path)`, kept until the file changes (its modification time or size): a generator may make a Markdown
    instance per page, and `mkdocs serve` rebuilds after an edit. A missing file is loaded (and fails) every time."""
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        return load(path)
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _loaded.get((path, load))
    if cached is None or cached[0] != key:
        cached = _loaded[(path, load)] = (key, load(path))
    return cached[1]
