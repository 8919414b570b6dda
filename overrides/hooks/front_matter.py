"""Kept for the hooks that still import it: the reading of pages now lives in patient_info/pages.py."""

from patient_info.pages import StrictLoader, counterpart, parse, read, read_text, today  # noqa: F401
