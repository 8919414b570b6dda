"""Complete the site's `_headers` file with the hashes of the inline scripts the built pages contain.

docs/_headers holds the HTTP headers for hosts that read such a file, among them a Content-Security-Policy whose
`script-src` says `INLINE_SCRIPT_HASHES`. Material writes a few small inline scripts into every page (its settings,
which differ with the page's depth; the remembered palette; content tabs). After the last language is built, this
reads every built HTML file, hashes each inline script (sha256, as CSP Level 2 defines) and writes site/_headers
with the hashes in place of the placeholder: the policy allows exactly the scripts the site has, and no
'unsafe-inline'. JSON-LD and Material's JSON configuration are data blocks, not scripts, and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from mkdocs.plugins import event_priority

PLACEHOLDER = "INLINE_SCRIPT_HASHES"
SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


def inline_script_hashes(site: Path) -> list[str]:
    hashes = set()
    for page in site.rglob("*.html"):
        for script in SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attributes = script.group("attributes")
            kind = re.search(r'\btype="([^"]*)"', attributes)
            if " src=" in f" {attributes}" or (kind and kind.group(1).lower() not in SCRIPT_TYPES):
                continue
            digest = hashlib.sha256(script.group("body").encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(hashes)


@event_priority(-400)  # last: after the search hooks and after not_found_page.py has moved the English 404 page
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested language build: not every page is there yet
    source = Path(config.docs_dir) / "_headers"
    if not source.is_file():
        return
    site = Path(config.site_dir)
    hashes = " ".join(inline_script_hashes(site))
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    headers = "".join(line if line.startswith("#") else line.replace(PLACEHOLDER, hashes) for line in lines)
    (site / "_headers").write_text(headers, encoding="utf-8")
