"""Keep the "¶" permalinks of the headings out of the Tab order (about 20 extra tab stops per article otherwise).

Python-Markdown's `toc` extension (`permalink: true`) writes a link after every heading. A mouse still uses it (it
shows on hover); a keyboard user reaches the same address through the table of contents, which links every heading
of an article, and screen readers still list the links. `tabindex="-1"` takes them out of the Tab order only.
A page whose headings lost their permalinks stops the build with one error line (the markup below changed).
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

PERMALINK = '<a class="headerlink" href="#'


def on_page_content(html: str, page, config, files) -> str:
    if "<h2 " in html and PERMALINK not in html:
        raise PluginError(f"{page.file.src_uri}: no heading permalink of the form {PERMALINK}…: "
                          "hooks/heading_permalinks.py no longer matches the toc extension's output")
    return html.replace(PERMALINK, '<a class="headerlink" tabindex="-1" href="#')
