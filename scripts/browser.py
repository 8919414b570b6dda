"""Headless Chromium for the browser tests, `make handouts` and the benchmarks: which executable, which flags, and a
local server.

One copy, imported by tests/conftest.py and scripts/make_handouts.py, so the tests print exactly the way the
handouts are made.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable() -> str | None:
    """The Chromium the tests and `make handouts` drive: $CHROMIUM_PATH, or else Debian's chromium-headless-shell.

    The headless shell is built from the same Chromium source and version as Debian's chromium, Blink and its
    printing included, without the desktop browser around it; it is what Playwright itself drives for headless runs.
    It runs the test suite in about two thirds of the time the full browser takes (README, Quality). Without it,
    the full chromium."""
    if "CHROMIUM_PATH" in os.environ:
        return configured_chromium()
    return shutil.which("chromium-headless-shell") or full_chromium_executable()


def full_chromium_executable() -> str | None:
    """$CHROMIUM_PATH, or else Debian's full chromium, the browser patients' Chrome is built from: the benchmarks
    and the audit measure in it, and a smoke test checks that the site works in it too (tests/test_browser_smoke.py)."""
    if "CHROMIUM_PATH" in os.environ:
        return configured_chromium()
    return shutil.which("chromium") or shutil.which("chromium-browser")


def configured_chromium() -> str | None:
    """$CHROMIUM_PATH: an executable, or `playwright` for Playwright's own managed Chromium (None)."""
    configured = os.environ["CHROMIUM_PATH"]
    return None if configured == "playwright" else configured


def serve(folder: Path):
    """Serve a folder on 127.0.0.1 on a free port in a background thread; returns (base URL, server).
    `server.requested` lists the path of every request answered, in order, including those of web workers
    (which Playwright does not report)."""
    requested: list[str] = []

    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

        def log_request(self, code="-", size="-"):
            requested.append(self.path)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    server.requested = requested
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
