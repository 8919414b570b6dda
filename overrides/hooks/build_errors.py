"""A mistake in the content (patient_info.errors.ContentError, one line naming the file and the problem) stops the
build as MkDocs' own build errors do: that line, no traceback. The package raises it; no hook catches it one by one."""

from __future__ import annotations

import logging

from mkdocs.exceptions import Abort

from patient_info.errors import ContentError

log = logging.getLogger("mkdocs.commands.build")  # the logger MkDocs writes its own build errors with


def on_build_error(error):
    if isinstance(error, ContentError):
        log.error(str(error))
        raise Abort("Aborted with a BuildError!")
