"""Exercise drawings (issue 28): check the pose file, every drawing marker and every exercise block before any page
is built, so a mistake is one build error line naming the file and the exercise (patient_info/exercise_drawings.py
checks and renders them; overrides/hooks/build_errors.py stops the build with the line)."""

from __future__ import annotations

from pathlib import Path

from patient_info.exercise_drawings import check_docs


def on_config(config):
    check_docs(Path(config["docs_dir"]))
    return config
