"""A mistake in the content (patient_info.errors.ContentError, one line naming the file and the problem) stops the
build as MkDocs' own build errors do: that line once, no traceback. The package raises it; hooks do not catch it.

Outside a page (on_config, on_files) MkDocs passes the error to `on_build_error` below. Inside a page event MkDocs
first writes "Error reading page 'x':" and, for an error that is not its own kind, the error's text after it, so
the line would show twice: a hook's page events are wrapped with `page_event`, which hands MkDocs its own kind.
"""

from __future__ import annotations

import functools
import logging

from mkdocs.exceptions import Abort, PluginError

from patient_info.errors import ContentError

log = logging.getLogger("mkdocs.commands.build")  # the logger MkDocs writes its own build errors with


def on_build_error(error):
    if isinstance(error, ContentError):
        log.error(str(error))
        raise Abort("Aborted with a BuildError!")


def page_event(event):
    """A hook's page event whose ContentError reaches MkDocs as its own PluginError (the same line, written once)."""

    @functools.wraps(event)
    def run(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except ContentError as error:
            raise PluginError(str(error)) from None

    return run
