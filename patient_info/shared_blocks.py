"""The shared text blocks a page pulls in with pymdownx.snippets: which ones it includes, and a check of them that
runs before Markdown does (the hook patient_info/shared_blocks.py calls it for every page).

A block written once (the painkiller self-care block, leg pain, the exercises) lives in `docs/_shared/` and a page
includes it with a line of its own: `--8<-- "pijnstillers.md"`. pymdownx.snippets (`check_paths: true`) already
refuses a missing file, but with a traceback; this check stops the build first with one line naming the page and the
block. It also keeps the languages apart: an English page (`x.en.md`) includes only English blocks (`*.en.md`, or
`*.en.txt` for a block that exists in English only), a Dutch page only Dutch ones. Blocks included by blocks are
checked the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

from patient_info.errors import fail

SHARED_FOLDER = "_shared"
INCLUDE = re.compile(r"""^[ \t]*-{1,}8<-{1,}[ \t]+(["'])(?P<name>[^"'\n]+)\1[ \t]*$""", re.MULTILINE)
ENGLISH = re.compile(r"\.en\.(md|txt)$")


def included_blocks(markdown: str) -> list[str]:
    """The names of the shared blocks a text includes, in order."""
    return [match.group("name") for match in INCLUDE.finditer(markdown)]


def check_blocks(markdown: str, english: bool, shared: Path, src_path: str, seen: tuple[str, ...] = ()) -> None:
    for name in included_blocks(markdown):
        where = f"docs/{src_path}" if not seen else f"docs/{SHARED_FOLDER}/{seen[-1]}"
        path = shared / name
        if not path.is_file():
            raise fail(where, f'includes "{name}", which is not in docs/{SHARED_FOLDER}/')
        if bool(ENGLISH.search(name)) != english:
            language = "an English" if english else "a Dutch"
            raise fail(where, f'includes "{name}", which is not {language} block (English blocks end in .en.md)')
        if name in seen:
            raise fail(where, f'includes "{name}" inside itself')
        check_blocks(path.read_text(encoding="utf-8"), english, shared, src_path, (*seen, name))
