"""The one kind of error the package raises for a mistake in the content: one line, naming the file and the problem.

Hooks do not catch it one by one: patient_info/mkdocs_adapter.py turns it into MkDocs' clean build error (no
traceback), and `make check` (patient_info/check.py) prints it as it is.
"""

from __future__ import annotations


class ContentError(ValueError):
    """A mistake in a content file: `str(error)` is "<file>: <problem>", one line."""


def fail(src_path: str, message: str) -> ContentError:
    return ContentError(f"{src_path}: {message}")
