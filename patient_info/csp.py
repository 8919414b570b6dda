"""The site's Content-Security-Policy, from docs/_headers, with the hashes of the inline scripts it allows.

The policy is written once, in docs/_headers; its `script-src` says `INLINE_SCRIPT_HASHES`. Material writes a few
small inline scripts into every page (its settings, which differ with the page's depth; the remembered palette;
content tabs). Only those are allowed: the scripts the site knows are read from Material's own templates
(`partials/javascripts/*.html`, with each `{{ ... }}` standing for an address), and every inline script on a page
must be one of them. Any other inline script (one in an article, or one that slipped in through a value) stops
the build with a line naming the page; scripts belong in a file under docs/assets/javascripts/.

- Each page: its meta tag (written by overrides/main.html with the content `CONTENT_SECURITY_POLICY`) gets the
  policy with the hashes of its own scripts, without what a meta tag cannot carry (`frame-ancestors`,
  `report-uri`, `report-to`, `sandbox`): GitHub Pages sends no headers of its own.
- The site: site/_headers is docs/_headers with the hashes of every page's scripts, for hosts that read it.

JSON-LD and Material's JSON configuration are data blocks, not scripts, and need no hash. Run by
patient_info/post_build.py over the built site.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

from patient_info.errors import ContentError
from patient_info.material_patches import PatchError, material_templates, substitute

PLACEHOLDER = "INLINE_SCRIPT_HASHES"
META_PLACEHOLDER = 'content="CONTENT_SECURITY_POLICY"'
NOT_IN_META = {"frame-ancestors", "report-uri", "report-to", "sandbox"}
SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}
TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}")
ADDRESS = r"[A-Za-z0-9._~:/%-]*"
MATERIAL_SCRIPTS = "partials/javascripts"


@lru_cache
def known_scripts() -> tuple[re.Pattern, ...]:
    """Material's inline scripts, from its templates: each `{{ value }}` may be an address."""
    folder = material_templates() / MATERIAL_SCRIPTS
    bodies = []
    for template in sorted(folder.glob("*.html")):
        bodies += [match.group("body") for match in SCRIPT.finditer(template.read_text(encoding="utf-8"))]
    if not bodies:
        raise PatchError(f"{folder}: no inline scripts found in Material's {MATERIAL_SCRIPTS}/: Material changed, "
                         "update patient_info/csp.py")
    return tuple(re.compile(ADDRESS.join(re.escape(part) for part in TEMPLATE_VALUE.split(body))) for body in bodies)


def inline_scripts(page: str) -> list[str]:
    """The bodies of the page's inline scripts that a browser runs."""
    bodies = []
    for script in SCRIPT.finditer(page):
        attributes = script.group("attributes")
        kind = re.search(r'\btype="([^"]*)"', attributes)
        if " src=" in f" {attributes}" or (kind and kind.group(1).lower() not in SCRIPT_TYPES):
            continue
        bodies.append(script.group("body"))
    return bodies


def script_hashes(page: str, where: str) -> set[str]:
    """The CSP hashes of the page's inline scripts; a ContentError for a script the site does not know."""
    hashes = set()
    for body in inline_scripts(page):
        if not any(pattern.fullmatch(body) for pattern in known_scripts()):
            start = " ".join(body.split())[:60]
            raise ContentError(f"{where}: an inline script the site does not know ({start!r}); the Content-Security-"
                               "Policy allows only Material's own, put scripts in docs/assets/javascripts/")
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return hashes


def header_policy(docs: Path) -> str | None:
    """The Content-Security-Policy of docs/_headers, with the placeholder; None when there is no such file."""
    source = docs / "_headers"
    if not source.is_file():
        return None
    for line in source.read_text(encoding="utf-8").splitlines():
        name, _, value = line.strip().partition(":")
        if not line.startswith("#") and name.strip().lower() == "content-security-policy":
            return value.strip()
    return None


def meta_policy(policy: str, hashes: set[str]) -> str:
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    kept = [part for part in directives if part.split()[0].lower() not in NOT_IN_META]
    return "; ".join(kept).replace(PLACEHOLDER, " ".join(sorted(hashes)))


def with_meta_policy(page: str, policy: str, hashes: set[str], where: str) -> str:
    """The page's own policy in its meta tag (overrides/main.html writes the placeholder)."""
    return substitute(META_PLACEHOLDER, f'content="{meta_policy(policy, hashes)}"', page,
                      what="the Content-Security-Policy meta tag (overrides/main.html)", where=where, count=1)


def write_headers(docs: Path, site: Path, hashes: set[str]) -> None:
    """site/_headers: docs/_headers with the hashes of every page's scripts."""
    lines = (docs / "_headers").read_text(encoding="utf-8").splitlines(keepends=True)
    if not any(PLACEHOLDER in line for line in lines if not line.startswith("#")):
        raise ContentError(f"{docs.name}/_headers: the Content-Security-Policy has no {PLACEHOLDER} in its script-src")
    headers = "".join(
        line if line.startswith("#") else line.replace(PLACEHOLDER, " ".join(sorted(hashes))) for line in lines
    )
    (site / "_headers").write_text(headers, encoding="utf-8")
