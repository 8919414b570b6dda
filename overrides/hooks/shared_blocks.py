"""Check the shared text blocks each page pulls in before Markdown runs (patient_info/shared_blocks.py: a missing
block, a block in the other language, a block that includes itself; one line naming the page and the block)."""

from __future__ import annotations

from pathlib import Path

from build_errors import page_event
from patient_info.shared_blocks import SHARED_FOLDER, check_blocks


@page_event
def on_page_markdown(markdown, page, config, files):
    english = page.file.src_uri.endswith(".en.md")
    check_blocks(markdown, english, Path(config.docs_dir) / SHARED_FOLDER, page.file.src_uri)
    return markdown
