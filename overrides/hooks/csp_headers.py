"""Give the site its Content-Security-Policy: in `_headers` for hosts that read it, and in each page's <head> as
`<meta http-equiv="Content-Security-Policy">` for GitHub Pages, which sends no headers of its own.

The policy is written once, in docs/_headers; its `script-src` says `INLINE_SCRIPT_HASHES`. Material writes a few
small inline scripts into every page (its settings, which differ with the page's depth; the remembered palette;
content tabs). Only those are allowed: the scripts the site knows are read from Material's own templates
(`partials/javascripts/*.html`, with each `{{ ... }}` standing for an address), and every inline script on a page
must be one of them. Any other inline script (one in an article, or one that slipped in through a value) stops
the build with a line naming the page; scripts belong in a file under docs/assets/javascripts/.

- Each page: the known scripts are hashed (sha256, as CSP Level 2 defines) and the page's meta tag (written by
  overrides/main.html with the content `CONTENT_SECURITY_POLICY`) gets the policy with those hashes, without
  what a meta tag cannot carry (`frame-ancestors`, `report-uri`, `report-to`, `sandbox`).
- After the last language: site/_headers is docs/_headers with the hashes of every page's scripts.

JSON-LD and Material's JSON configuration are data blocks, not scripts, and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from patch import substitute

PLACEHOLDER = "INLINE_SCRIPT_HASHES"
META_PLACEHOLDER = 'content="CONTENT_SECURITY_POLICY"'
NOT_IN_META = {"frame-ancestors", "report-uri", "report-to", "sandbox"}
SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}
TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}")
ADDRESS = r"[A-Za-z0-9._~:/%-]*"
MATERIAL_SCRIPTS = "partials/javascripts"


@lru_cache
def known_scripts(theme_dirs: tuple[str, ...]) -> list[re.Pattern]:
    """Material's inline scripts, from its templates: each `{{ value }}` may be an address."""
    folder = next((Path(d) / MATERIAL_SCRIPTS for d in theme_dirs if (Path(d) / MATERIAL_SCRIPTS).is_dir()), None)
    bodies = []
    for template in sorted(folder.glob("*.html")) if folder else []:
        bodies += [match.group("body") for match in SCRIPT.finditer(template.read_text(encoding="utf-8"))]
    if not bodies:
        raise PluginError(f"overrides/hooks/csp_headers.py: no inline scripts found in Material's {MATERIAL_SCRIPTS}/: "
                          "Material changed, update the hook")
    return [re.compile(ADDRESS.join(re.escape(part) for part in TEMPLATE_VALUE.split(body))) for body in bodies]


def inline_scripts(html: str) -> list[str]:
    """The bodies of the page's inline scripts that a browser runs."""
    bodies = []
    for script in SCRIPT.finditer(html):
        attributes = script.group("attributes")
        kind = re.search(r'\btype="([^"]*)"', attributes)
        if " src=" in f" {attributes}" or (kind and kind.group(1).lower() not in SCRIPT_TYPES):
            continue
        bodies.append(script.group("body"))
    return bodies


def script_hashes(html: str, known: list[re.Pattern], where: str) -> set[str]:
    """The CSP hashes of the page's inline scripts; a build error for a script the site does not know."""
    hashes = set()
    for body in inline_scripts(html):
        if not any(pattern.fullmatch(body) for pattern in known):
            start = " ".join(body.split())[:60]
            raise PluginError(f"{where}: an inline script the site does not know ({start!r}); the Content-Security-"
                              "Policy allows only Material's own, put scripts in docs/assets/javascripts/")
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return hashes


def policy(docs_dir: str) -> str | None:
    """The Content-Security-Policy of docs/_headers, with the placeholder."""
    source = Path(docs_dir) / "_headers"
    if not source.is_file():
        return None
    for line in source.read_text(encoding="utf-8").splitlines():
        name, _, value = line.strip().partition(":")
        if not line.startswith("#") and name.strip().lower() == "content-security-policy":
            return value.strip()
    return None


def meta_policy(header_policy: str, hashes: set[str]) -> str:
    directives = [part.strip() for part in header_policy.split(";") if part.strip()]
    kept = [part for part in directives if part.split()[0].lower() not in NOT_IN_META]
    return "; ".join(kept).replace(PLACEHOLDER, " ".join(sorted(hashes)))


def with_meta_policy(html: str, config, where: str) -> str:
    header_policy = policy(config.docs_dir)
    if header_policy is None:
        return html
    hashes = script_hashes(html, known_scripts(tuple(config.theme.dirs)), where)
    content = meta_policy(header_policy, hashes)
    return substitute(META_PLACEHOLDER, f'content="{content}"', html, hook="csp_headers.py",
                      what="the Content-Security-Policy meta tag (overrides/main.html)", where=where, count=1)


@event_priority(-400)  # last: the page is final
def on_post_page(output: str, page, config) -> str:
    return with_meta_policy(output, config, f"docs/{page.file.src_path}")


@event_priority(-400)
def on_post_template(output: str, template_name: str, config) -> str:
    if template_name.endswith(".html"):
        return with_meta_policy(output, config, template_name)
    return output


@event_priority(-400)  # last: after the search hooks and after not_found_page.py has moved the English 404 page
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested language build: not every page is there yet
    source = Path(config.docs_dir) / "_headers"
    if not source.is_file():
        return
    site = Path(config.site_dir)
    known = known_scripts(tuple(config.theme.dirs))
    hashes = set()
    for page in sorted(site.rglob("*.html")):
        hashes |= script_hashes(page.read_text(encoding="utf-8"), known, f"site/{page.relative_to(site).as_posix()}")
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    if not any(PLACEHOLDER in line for line in lines if not line.startswith("#")):
        raise PluginError(f"docs/_headers: the Content-Security-Policy has no {PLACEHOLDER} in its script-src")
    headers = "".join(
        line if line.startswith("#") else line.replace(PLACEHOLDER, " ".join(sorted(hashes))) for line in lines
    )
    (site / "_headers").write_text(headers, encoding="utf-8")
