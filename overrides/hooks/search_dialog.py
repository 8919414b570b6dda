"""Keep Material's search button and dialog in the header without Material's search plugin.

Material's header.html shows the search button and includes partials/search.html only when a plugin named
"material/search" is configured and enabled. The site searches with Pagefind (hooks/pagefind_index.py,
assets/javascripts/search.js) and has no use for that plugin's lunr index, so this registers an empty plugin
under that name; overrides/partials/search.html is the dialog. The build fails if Material's header stops
asking for the plugin this way.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import material
from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

HEADER = Path(material.__file__).parent / "templates" / "partials" / "header.html"
CONDITION = '{% if "material/search" in config.plugins %}'


class SearchDialog(BasePlugin):
    """No index: the name and the `enabled` flag that header.html reads, and the empty entry list and
    post-build step that mkdocs-static-i18n hands every search plugin's index after the last language."""

    config_scheme = (("enabled", config_options.Type(bool, default=True)),)

    def __init__(self):
        super().__init__()
        self.search_index = SimpleNamespace(entries=[])

    def on_post_build(self, config):
        """Nothing to write: hooks/pagefind_index.py builds the search."""


def on_config(config):
    if CONDITION not in HEADER.read_text(encoding="utf-8"):
        raise PluginError(f"{HEADER}: Material no longer shows the search button with {CONDITION}")
    if "material/search" not in config.plugins:
        dialog = SearchDialog()
        dialog.load_config({})
        config.plugins["material/search"] = dialog
    return config
