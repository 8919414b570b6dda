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

POSES = Path(__file__).resolve().parent / "data" / "exercise-poses.yml"
MARKER = re.compile(r"^\{drawing:\s*([a-z0-9-]+)\s+([a-z]{2})\s*\}\s*$")


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
                self.drawings = load_drawings(self.path)
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


def check_markers(text: str, source: str, drawings: dict[str, dict]) -> None:
    """Every marker in `text` names a known drawing in the file's own language; in an exercise block every exercise
    (a bold title line followed by numbered steps) has a drawing. Raises FigureError naming file and exercise."""
    lang = "en" if source.endswith(".en.md") else "nl"
    lines = text.splitlines()
    for number, line in enumerate(lines):
        match = MARKER.match(line.strip())
        if match:
            ident, marker_lang = match.groups()
            if ident not in drawings:
                raise FigureError(f"{source}: line {number + 1}: no drawing {ident!r} in {POSES.name}")
            if marker_lang != lang:
                raise FigureError(f"{source}: line {number + 1}: drawing {ident!r} is marked {marker_lang!r}, "
                                  f"the file is {lang!r}")
        title = EXERCISE_TITLE.match(line)
        if title and "oefeningen" in Path(source).name:
            following = [next_line for next_line in lines[number + 1:number + 4] if next_line.strip()]
            if not following or not MARKER.match(following[0].strip()):
                raise FigureError(f"{source}: exercise {title['title']!r} has steps but no drawing line")
