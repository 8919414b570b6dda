"""What the FAQ overview and the article footer extensions share: a line of its own holding a marker becomes Markdown
made from the articles in docs/ and from mkdocs.yml (both relative to where the build runs, as pymdownx.snippets'
base_path is). A marker line that is malformed stops the conversion with one ContentError line: it never prints as
text."""

from __future__ import annotations

import re
from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor

from patient_info.errors import ContentError


class MarkerLinesExtension(Extension):
    """A subclass names its marker (`find`: any mention; `marker`: the whole line), `expand` (the lines a marker
    becomes, or None when its match is not acceptable), `malformed` (the error's text), and its preprocessor's
    `name` and `priority`."""

    find: re.Pattern
    marker: re.Pattern
    name: str
    priority: float

    def __init__(self, **kwargs):
        self.config = {
            "docs_dir": ["docs", "the folder of the articles, from where the build runs"],
            "config_file": ["mkdocs.yml", "the site's configuration, read as data"],
        }
        super().__init__(**kwargs)

    def expand(self, match: re.Match, docs_dir: Path, config_file: Path) -> list[str] | None:
        raise NotImplementedError

    def malformed(self, docs_dir: Path, line: str) -> str:
        raise NotImplementedError

    def extendMarkdown(self, md):
        processor = MarkerLines(md, self, Path(self.getConfig("docs_dir")), Path(self.getConfig("config_file")))
        md.preprocessors.register(processor, self.name, self.priority)


class MarkerLines(Preprocessor):
    def __init__(self, md, extension: MarkerLinesExtension, docs_dir: Path, config_file: Path):
        super().__init__(md)
        self.extension = extension
        self.docs_dir = docs_dir
        self.config_file = config_file

    def run(self, lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            if not self.extension.find.search(line):
                out.append(line)
                continue
            match = self.extension.marker.match(line.strip())
            expanded = None if match is None else self.extension.expand(match, self.docs_dir, self.config_file)
            if expanded is None:
                raise ContentError(self.extension.malformed(self.docs_dir, line.strip()))
            out.extend(expanded)
        return out
