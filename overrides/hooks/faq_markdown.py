"""Read an article's FAQ questions from its Markdown (a module the hooks share; not a hook itself).

The FAQ is the `## ... { #veelgestelde-vragen }` section; each `### Question? { #id }` in it is one question.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from mkdocs.exceptions import PluginError

FAQ_SECTION = re.compile(r"^##\s+.*\{\s*#veelgestelde-vragen\s*\}\s*$", re.MULTILINE)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$", re.MULTILINE)
EXPLICIT_ID = re.compile(r"\s*\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)


class Question(NamedTuple):
    text: str
    id: str


def fail(src_path: str, message: str) -> PluginError:
    return PluginError(f"{src_path}: {message}")


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


def split_front_matter(source: str) -> tuple[str, str]:
    """(front matter, body) of a Markdown file's text, without reading the YAML (front_matter.py reads it
    strictly)."""
    match = FRONT_MATTER.match(source)
    return (match.group(0), source[match.end():]) if match else ("", source)
