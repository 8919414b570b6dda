"""One place per piece of advice: find two sections of one page that share a long run of words.

Where two sections say the same thing, one of them should say it and the other link to it (issue 25): two
hand-written copies of advice drift apart, and a search lands on the wrong one. This reads an article's Markdown as
its author wrote it: every `##` section and `###` FAQ answer is one part, named by its `{ #id }`. Headings, the
summary before the first section, lines that only include a shared block (`--8<-- "file.md"`: one source, shown
twice, cannot drift) and marker lines such as `{urgency: appointment nl}` are not compared, and nor are links: a link's
text names another section ("lees je bij [Wat kun je nu zelf doen?](#zelf-doen)"), it gives no advice, and no run
of words reaches across it, nor across the end of a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# How many words in a row two sections may share before it counts as the same advice written twice. Shorter runs
# are ordinary phrases ("als de pijn het toelaat", "lees je bij").
LONGEST_SHARED_RUN = 6

HEADING = re.compile(r"^(#{2,3})\s+(?P<title>.*?)\s*(?:\{[^}]*#(?P<id>[\w-]+)[^}]*\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
NOT_TEXT = re.compile(r"^\s*(--8<--|\{urgency|\{drawing|///)")
LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
# Where a run of words ends: a link (above), the end of a sentence, a new paragraph or list item.
BREAK = re.compile(r"[.!?:;]\s|\n\s*\n|\n\s*(?:[-*]|\d+\.)\s")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class SharedRun:
    first: str
    second: str
    words: str


def sections_of(markdown: str) -> list[tuple[str, str]]:
    """(id, body text) of every `##` and `###` part after the first `##`, in page order."""
    parts: list[tuple[str, list[str]]] = []
    in_fence = False
    for line in markdown.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = HEADING.match(line)
        if heading:
            parts.append((heading["id"] or heading["title"], []))
        elif parts and not NOT_TEXT.match(line):
            parts[-1][1].append(line)
    return [(name, "\n".join(lines)) for name, lines in parts]


def word_runs(text: str, size: int) -> dict[tuple[str, ...], int]:
    """Every run of `size` words in the text (none reaching across a link or a sentence's end), with where it
    starts."""
    runs: dict[tuple[str, ...], int] = {}
    start = 0
    for stretch in BREAK.split(LINK.sub(". ", text)):
        words = [word.lower() for word in WORD.findall(stretch)]
        for i in range(len(words) - size + 1):
            runs.setdefault(tuple(words[i : i + size]), start + i)
        start += len(words)
    return runs


def first_shared_run(markdown: str, longest: int = LONGEST_SHARED_RUN) -> SharedRun | None:
    """The first pair of sections (in page order) sharing more than `longest` words in a row, or None."""
    size = longest + 1
    seen: dict[tuple[str, ...], str] = {}
    for name, text in sections_of(markdown):
        runs = word_runs(text, size)
        for run in sorted(runs, key=runs.get):
            owner = seen.get(run)
            if owner is not None and owner != name:
                return SharedRun(owner, name, " ".join(run))
        for run in runs:
            seen.setdefault(run, name)
    return None
