"""The site's knowledge as plain functions that know nothing of MkDocs (issue 27, ../shared/notes/one-core.md).

What turns Markdown into page content lives here as Python-Markdown extensions (listed under `markdown_extensions`
in mkdocs.yml, so any generator that runs Python-Markdown renders them); MkDocs hooks in patient_info/hooks/ stay a few
lines that call this package. The package is importable from the virtual environment: `make` writes a `.pth` file
naming the repository root into it (Makefile, target `$(INSTALLED)`).
"""
