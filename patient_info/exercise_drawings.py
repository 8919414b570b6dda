"""Python-Markdown extension: a line `{drawing: <id> <lang>}` becomes the drawing's inline SVG (issue 28).

The language is named in the marker because the shared blocks are one file per language (oefeningen.md says `nl`,
oefeningen.en.md says `en`): the extension never has to guess which page it renders. Pose data and rendering:
patient_info/figures.py and patient_info/data/exercise-poses.yml. An unknown id or language stops the build with one
line naming the pose file and the id.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor

from patient_info.figures import LANGS, FigureError, drawing_svg, load_drawings
from patient_info.pages import file_language, loaded_when_changed, markdown_files
from patient_info.shared_blocks import included_blocks

POSES = Path(__file__).resolve().parent / "data" / "exercise-poses.yml"
MARKER = re.compile(r"^\{drawing:\s*([a-z0-9-]+)\s+([a-z]{2})\s*\}\s*$")


def cached_drawings(path: Path) -> dict[str, dict]:
    """The pose file, read and checked again only when it changes: MkDocs makes a new Markdown for every page."""
    return loaded_when_changed(path, load_drawings)


class DrawingPreprocessor(Preprocessor):
    def __init__(self, md, path: Path):
        super().__init__(md)
        self.path = path
        self.drawings = None

    def run(self, lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            match = MARKER.match(line.strip())
            if not match:
                out.append(line)
                continue
            if self.drawings is None:
                self.drawings = cached_drawings(self.path)
            ident, lang = match.groups()
            if ident not in self.drawings:
                raise FigureError(f"{self.path}: no drawing {ident!r} (asked for by a marker {line.strip()!r})")
            if lang not in LANGS:
                raise FigureError(f"{self.path}: drawing {ident!r}: marker language {lang!r} is not nl or en")
            html = f'<figure class="exercise-figure">{drawing_svg(self.drawings[ident], lang)}</figure>'
            out.extend(["", self.md.htmlStash.store(html), ""])
        return out


class ExerciseDrawingsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"poses": [str(POSES), "the pose file"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # after pymdownx.snippets (32) and whitespace normalising (30, it strips the stash markers), before raw HTML (20)
        md.preprocessors.register(DrawingPreprocessor(md, Path(self.getConfig("poses"))), "exercise_drawings", 29)


def makeExtension(**kwargs):
    return ExerciseDrawingsExtension(**kwargs)


EXERCISE_TITLE = re.compile(r"^\*\*(?P<title>[^*\n]+)\*\*\s*$")
# An exercise is a block of pymdownx.blocks.html, its id the drawing's id with "exercise-" before it:
#   /// html | div.exercise#exercise-bridge
#   **De brug**
#   {drawing: bridge nl}
#   1. ...
#   ///
# The id is the same in every language: the handout composer asks for exercises by it.
EXERCISE_OPEN = re.compile(r"^/{3}\s*html\s*\|\s*div\.exercise#exercise-(?P<id>[a-z0-9-]+)\s*$")
BLOCK_CLOSE = re.compile(r"^/{3}\s*$")
STEP = re.compile(r"^\d+\.\s")


def _check_marker(line: str, number: int, source: str, lang: str, drawings: dict[str, dict]) -> str | None:
    """The drawing id a marker line names (checked), or None when the line is no marker."""
    match = MARKER.match(line.strip())
    if not match:
        return None
    ident, marker_lang = match.groups()
    if ident not in drawings:
        raise FigureError(f"{source}: line {number + 1}: no drawing {ident!r} in {POSES.name}")
    if marker_lang != lang:
        raise FigureError(f"{source}: line {number + 1}: drawing {ident!r} is marked {marker_lang!r}, the file is {lang!r}")
    return ident


def exercises(text: str, source: str, drawings: dict[str, dict]) -> list[dict[str, str]]:
    """The exercises in a Markdown text, in order: [{"id": "exercise-bridge", "title": "De brug"}, ...].

    Checks every drawing marker (a known drawing, in the file's own language) and every exercise block: a bold title
    line, then the marker of the drawing the block's id names, then numbered steps, then the block's end. A bold title
    with numbered steps outside an exercise block, inside a `div.exercises` group, is an exercise without a block.
    Raises FigureError naming the file and the exercise."""
    lang = file_language(source)
    lines = text.splitlines()
    found: list[dict[str, str]] = []
    block = None  # the exercise being read: id, title, drawing, steps
    in_group = False
    for number, line in enumerate(lines):
        ident = _check_marker(line, number, source, lang, drawings)
        if line.startswith("////") and "div.exercises" in line:
            in_group = True
            continue
        opening = EXERCISE_OPEN.match(line.strip())
        if opening:
            if block:
                raise FigureError(f"{source}: line {number + 1}: exercise block 'exercise-{block['drawing_id']}' "
                                  "is not closed with ///")
            block = {"drawing_id": opening["id"], "title": None, "drawing": None, "steps": 0, "line": number + 1}
            continue
        if block is None:
            title = EXERCISE_TITLE.match(line)
            if title and in_group:
                following = [next_line for next_line in lines[number + 1:number + 4] if next_line.strip()]
                if following and (MARKER.match(following[0].strip()) or STEP.match(following[0])):
                    raise FigureError(f"{source}: exercise {title['title']!r} is not in an exercise block "
                                      "(/// html | div.exercise#exercise-<drawing id>)")
            continue
        if BLOCK_CLOSE.match(line.strip()):
            name = block["title"] or f"exercise-{block['drawing_id']}"
            if block["title"] is None:
                raise FigureError(f"{source}: line {block['line']}: exercise block 'exercise-{block['drawing_id']}' "
                                  "has no bold title line")
            if block["drawing"] is None:
                raise FigureError(f"{source}: exercise {name!r} has steps but no drawing line")
            if block["steps"] == 0:
                raise FigureError(f"{source}: exercise {name!r} has a drawing but no numbered steps")
            ident_in_id = f"exercise-{block['drawing_id']}"
            if any(item["id"] == ident_in_id for item in found):
                raise FigureError(f"{source}: exercise block {ident_in_id!r} appears twice")
            found.append({"id": ident_in_id, "title": block["title"]})
            block = None
            continue
        title = EXERCISE_TITLE.match(line)
        if title and block["title"] is None and block["drawing"] is None:
            block["title"] = title["title"].strip()
        elif ident is not None:
            if ident != block["drawing_id"]:
                raise FigureError(f"{source}: exercise {block['title']!r} shows drawing {ident!r}, "
                                  f"its block is 'exercise-{block['drawing_id']}'")
            block["drawing"] = ident
        elif STEP.match(line):
            block["steps"] += 1
    if block:
        raise FigureError(f"{source}: line {block['line']}: exercise block 'exercise-{block['drawing_id']}' "
                          "is not closed with ///")
    return found


def check_markers(text: str, source: str, drawings: dict[str, dict]) -> None:
    """Every marker names a known drawing in the file's own language, and every exercise has its drawing and steps
    in a block of its own (`exercises`). Raises FigureError naming file and exercise."""
    exercises(text, source, drawings)


def check_docs(docs_dir: Path) -> None:
    """The pose file, and every marker and exercise block in every Markdown file of a docs folder (check_markers)."""
    drawings = cached_drawings(POSES)
    for name, text in markdown_files(docs_dir):
        check_markers(text, name, drawings)


def article_exercises(markdown: str, source: str, shared_dir: Path, drawings: dict[str, dict]) -> list[dict[str, str]]:
    """The exercises an article shows, its shared blocks (`--8<-- "name"`, pymdownx.snippets) read in."""
    found = exercises(markdown, source, drawings)
    for name in included_blocks(markdown):
        if (shared_dir / name).is_file():
            found += exercises((shared_dir / name).read_text(encoding="utf-8"), f"{shared_dir}/{name}", drawings)
    return found
