"""Rewrite Material's output only where it still looks as expected (a module the hooks share; not a hook itself).

A patch that silently matches nothing after an upgrade leaves the site broken without a word; `substitute` makes
it a build error naming the hook, what it looked for and the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mkdocs.exceptions import PluginError


def substitute(pattern: re.Pattern | str, replacement: str | Callable, text: str, *, hook: str, what: str,
               where: str, count: int = 0) -> str:
    """`pattern` (a regex or a plain string) replaced in `text`; a PluginError when it matches nothing."""
    if isinstance(pattern, str):
        found = text.count(pattern)
        result = text.replace(pattern, replacement, count or -1)
    else:
        result, found = pattern.subn(replacement, text, count=count)
    if not found:
        raise PluginError(f"overrides/hooks/{hook}: {what} not found in {where}: Material's output changed, "
                          "update the patch")
    return result

