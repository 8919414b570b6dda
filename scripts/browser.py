"""Headless Chromium for the browser tests and `make handouts`: which executable, which flags, and a local server.

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
    """Debian's chromium (or $CHROMIUM_PATH); None means Playwright's own managed Chromium."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured == "playwright":
        return None
    if configured:
        return configured
    return shutil.which("chromium") or shutil.which("chromium-browser")


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
