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
        used = set()
        for path in sorted(docs.rglob("*.md")):
            text = path.read_text(encoding="utf-8")
            check_markers(text, str(path.relative_to(docs.parent)), drawings)
            used.update(ident for ident in drawings if f"{{drawing: {ident} " in text)
        unused = sorted(set(drawings) - used)
        if unused and (docs / "_shared" / "oefeningen.md").exists():
            raise FigureError(f"{POSES}: drawing {unused[0]!r} is shown on no page")
    except FigureError as error:
        raise PluginError(str(error)) from None
    return config
