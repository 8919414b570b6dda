"""Exercise drawings (issue 28): check the pose file and every drawing marker before any page is built, so a
mistake is one build error line naming the file and the exercise (patient_info/exercise_drawings.py renders them)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from patient_info.exercise_drawings import POSES, check_markers
from patient_info.figures import FigureError, load_drawings


def on_config(config):
    docs = Path(config["docs_dir"])
    try:
        drawings = load_drawings(POSES)
        for path in sorted(docs.rglob("*.md")):
            try:
                text = path.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError:
                continue  # not UTF-8: the content model names the file in its own one-line error
            check_markers(text, str(path.relative_to(docs.parent)), drawings)
    except FigureError as error:
        raise PluginError(str(error)) from None
    return config
