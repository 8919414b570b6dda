"""Serve a built site on 127.0.0.1 the way a static host (Netlify, Cloudflare Pages) would.

Unlike scripts/browser.py's plain server, this one applies the headers from the site's `_headers` file (the
Content-Security-Policy and the other security headers), answers a missing path with the site's 404.html and
status 404, and compresses text with gzip as every such host does. The header gate (tests/test_security_headers.py)
loads the pages through it, and `make audit` (scripts/audit.py) measures them through it, so both see the site as
it is published.
"""

from __future__ import annotations

import gzip
import mimetypes
import posixpath
import threading
from fnmatch import fnmatchcase
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")


def parse_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    """The rules of a `_headers` file: a path pattern on its own line, then indented `Name: value` lines."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        elif rules and ":" in line:
            name, value = line.split(":", 1)
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(path: str, rules: list[tuple[str, dict[str, str]]]) -> dict[str, str]:
    """The headers for a URL path: every matching rule applies, `*` matches any characters (as on Netlify)."""
    headers: dict[str, str] = {}
    for pattern, values in rules:
        if fnmatchcase(path, pattern):
            headers.update(values)
    return headers


def serve_site(folder: Path, port: int = 0, apply_headers: bool = True):
    """Serve `folder` in a background thread; returns (base URL, server). `apply_headers=False` leaves out the
    `_headers` file (to compare with and without)."""
    folder = Path(folder).resolve()
    rules: list[tuple[str, dict[str, str]]] = []

    def header_rules() -> list[tuple[str, dict[str, str]]]:
        # Read on the first request: the site may be built after the server has started (scripts/audit.py).
        headers_file = folder / "_headers"
        if apply_headers and not rules and headers_file.is_file():
            rules.extend(parse_headers_file(headers_file.read_text(encoding="utf-8")))
        return rules

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):
            pass

        def do_HEAD(self):
            self.respond(send_body=False)

        def do_GET(self):
            self.respond(send_body=True)

        def respond(self, send_body: bool):
            path = unquote(urlsplit(self.path).path)
            target = (folder / posixpath.normpath(path).lstrip("/")).resolve()
            if folder not in target.parents and target != folder:
                target = folder / "missing"
            if target.is_dir():
                if not path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", path + "/")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                target = target / "index.html"
            status = 200
            if not target.is_file():
                status, target = 404, folder / "404.html"
            body = target.read_bytes() if target.is_file() else b"Not found"
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml"):
                kind += "; charset=utf-8"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            if kind.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            for name, value in headers_for(path, header_rules()).items():
                self.send_header(name, value)
            self.end_headers()
            if send_body:
                self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


if __name__ == "__main__":
    import sys
    import time

    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    url, _ = serve_site(folder, port=int(sys.argv[2]) if len(sys.argv) > 2 else 8001)
    print(f"Serving with the site's _headers on {url} (Ctrl+C stops)")
    while True:
        time.sleep(3600)
