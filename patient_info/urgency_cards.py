"""Python-Markdown extension: the "when to call" care cards (issue 27). A line `{urgency: emergency now nl}`,
`{urgency: appointment en}` or `{urgency-card nl}` becomes the cards rendered from docs/_shared/urgency.yml.

With the emergency level the marker also writes the section heading `## Wanneer moet je bellen? { #wanneer-bellen }`
and a link to the card to keep as Markdown lines, before the table of contents and attr_list see them, so they are
headings and links like any other; the cards' HTML goes to the stash. What the marker means and how the cards look:
patient_info/urgency.py. A marker that is malformed, names an unknown level or no language stops the conversion with
an `UrgencyError`: a marker never prints as text. The data file is read once per change, not once per page.

    markdown_extensions:
      - patient_info.urgency_cards:
          data: docs/_shared/urgency.yml     # the default, relative to where the generator runs
"""

from __future__ import annotations

from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor

from patient_info.pages import loaded_when_changed
from patient_info.urgency import ANY_MARKER, DATA_FILE, load_data_file, parse_marker, render_marker

def _with_renders(path: Path) -> tuple[dict, dict]:
    """The checked data file and an empty store of the markers rendered from it (kept while the file is unchanged)."""
    return load_data_file(path, str(path)), {}


def _loaded(path: str) -> tuple[dict, dict]:
    """The data and its rendered markers, parsed again only when the file changes: a generator may make a Markdown
    instance per page (mkdocs serve rebuilds after an edit)."""
    return loaded_when_changed(Path(path), _with_renders)


class UrgencyPreprocessor(Preprocessor):
    def __init__(self, md, path: str):
        super().__init__(md)
        self.path = path

    def run(self, lines: list[str]) -> list[str]:
        if not any(ANY_MARKER.search(line) for line in lines):
            return lines
        data, rendered = _loaded(self.path)
        out: list[str] = []
        for line in lines:
            marker = parse_marker(line, data)
            if marker is None:
                out.append(line)
                continue
            key = marker[:3]
            if key not in rendered:
                rendered[key] = render_marker(data, marker)
            heading, cards, link = rendered[key]
            if heading:
                out += ["", heading]
            # With the newline a raw HTML block keeps in Markdown: the page comes out as it did from the hook.
            out += ["", self.md.htmlStash.store(cards + "\n"), ""]
            if link:
                out += [link, ""]
        return out


class UrgencyCardsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"data": [f"docs/{DATA_FILE}", "the urgency data file (docs/_shared/urgency.yml)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # After pymdownx.snippets (32), so markers in shared blocks render, and whitespace normalising (30, 29.9);
        # before fenced code (25), md_in_html's raw HTML (20, it reads the link's `markdown` paragraph) and the toc.
        md.preprocessors.register(UrgencyPreprocessor(md, self.getConfig("data")), "urgency_cards", 28)


def makeExtension(**kwargs):
    return UrgencyCardsExtension(**kwargs)
