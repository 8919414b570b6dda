"""Read a Markdown page's text and front matter strictly, and give "today" (a module the hooks share; not a hook).

MkDocs drops front matter it cannot parse without a word (every field then looks "missing") and stops with a
traceback on a file that is not UTF-8. This reads the file the way MkDocs does (UTF-8, a byte-order mark allowed)
with the same YAML loader, and turns each of those problems into one build error line naming the file and the line.

`today()` is the one place the build takes the current date from: the environment variable SITE_TODAY
(YYYY-MM-DD) when set (tests and "what if" builds), otherwise today's date in UTC, the time zone of MkDocs' own
build date (`build_date_utc`, used on the printed handout).
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import yaml
from faq_markdown import fail
from mkdocs.exceptions import PluginError

OPENING = re.compile(r"\A---[ \t]*\n")
CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader (the one MkDocs uses) whose impossible dates are a YAML error with a line number."""


def _timestamp(loader: StrictLoader, node: yaml.Node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as error:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value} is not a real date ({error})", node.start_mark
        ) from None


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


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
        meta = yaml.load(text[opening.end() : closing.start()], StrictLoader)
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


def read(path: Path, name: str) -> tuple[dict, str]:
    """(front matter, body) of a Markdown file."""
    return parse(read_text(path, name), name)


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
        raise PluginError(f"SITE_TODAY must be a date as YYYY-MM-DD, not {value!r}") from None
