#!/usr/bin/env python3
"""Lighthouse on every page of the site, phone and desktop: a benchmark, not a test (`make audit`).

Usage: python scripts/audit.py [output folder, default test-artifacts/audit]

The site is built with SITE_URL set to the local address it is then served on, so the canonical URL and the
hreflang links point at the site Lighthouse sees (as in production), and it is served the way a static host
serves it: with the headers of its `_headers` file and gzip (scripts/static_host.py). Lighthouse (npm, pinned in
scripts/package-lock.json) runs in Debian's Chromium ($CHROME_PATH, default the one scripts/browser.py finds) with
its default phone settings (simulated slow 4G, 4x slower CPU) and with `--preset=desktop`.

Writes report.md (the four category scores, LCP, TBT, CLS, bytes transferred and requests per page, and for every
score under 100 the audits that cost points and Lighthouse's suggestions), report.json with the same figures, and
the full Lighthouse result of each run in lighthouse/.
"""

from __future__ import annotations

import datetime
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from browser import full_chromium_executable  # noqa: E402
from static_host import serve_site  # noqa: E402

LIGHTHOUSE = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
FORM_FACTORS = {"phone": [], "desktop": ["--preset=desktop"]}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
SKIPPED_MODES = {"notApplicable", "manual", "informative", "error"}
ATTEMPTS = 3
# Besides the weighted metrics, a shortfall lists Lighthouse's opportunities (estimated savings) and these two.
DIAGNOSTICS = {"mainthread-work-breakdown", "bootup-time"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build(site: Path, site_url: str) -> None:
    environment = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, env=environment, check=True)
    subprocess.run([sys.executable, "-m", "patient_info.post_build", str(site), "docs", "mkdocs.yml"],
                   cwd=ROOT, env=environment, check=True)


def pages(site: Path) -> list[str]:
    found = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        found.append(relative[: -len("index.html")] if html.name == "index.html" else relative)
    return sorted(found, key=lambda path: (path.startswith("en/"), path.endswith("404.html"), path))


def lighthouse(url: str, form_factor: str, output: Path, chrome: str) -> dict:
    command = ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}", "--quiet",
               f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}",
               *FORM_FACTORS[form_factor]]
    for attempt in range(1, ATTEMPTS + 1):
        # Lighthouse now and then fails to record the trace (NO_NAVSTART, NO_FCP): that run is repeated.
        finished = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome}, timeout=300)
        if finished.returncode == 0:
            return json.loads(output.read_text(encoding="utf-8"))
        print(f"audit: Lighthouse failed on {url} ({form_factor}), attempt {attempt} of {ATTEMPTS}", file=sys.stderr)
    raise SystemExit(f"audit: Lighthouse failed {ATTEMPTS} times on {url} ({form_factor})")


def figures(result: dict) -> dict:
    audits = result["audits"]
    return {
        **{category: round(result["categories"][category]["score"] * 100) for category in CATEGORIES},
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "bytes": round(audits["total-byte-weight"]["numericValue"]),
        "requests": len(audits["network-requests"]["details"]["items"]),
    }


def shortfalls(result: dict) -> list[str]:
    """Why a category is under 100: its weighted audits that lost points, then Lighthouse's suggestions."""
    lines = []
    for category in CATEGORIES:
        data = result["categories"][category]
        if data["score"] >= 1:
            continue
        for weighted in (True, False):
            for ref in data["auditRefs"]:
                audit = result["audits"][ref["id"]]
                if (ref["weight"] > 0) != weighted or audit["scoreDisplayMode"] in SKIPPED_MODES:
                    continue
                if audit["score"] is None or audit["score"] >= 1:
                    continue
                suggestion = (audit.get("details") or {}).get("type") == "opportunity" or ref["id"] in DIAGNOSTICS
                if not weighted and not (suggestion and audit.get("displayValue")):
                    continue
                kind = f"score {audit['score']:.2f}, weight {ref['weight']}" if weighted else "suggestion"
                value = f": {audit['displayValue']}" if audit.get("displayValue") else ""
                lines.append(f"{category} ({kind}): {audit['title']}{value}")
    return lines


def report(rows: list[dict], site_url: str, chrome: str) -> str:
    version = subprocess.run([chrome, "--version"], capture_output=True, text=True).stdout.strip()
    lighthouse_version = json.loads((LIGHTHOUSE.parent.parent / "package.json").read_text())["version"]
    lines = [
        "# Lighthouse audit",
        "",
        f"`make audit` on {datetime.date.today().isoformat()}: Lighthouse {lighthouse_version}, {version}. The site "
        f"is built with `SITE_URL={site_url}` and served with its `_headers` and gzip (scripts/static_host.py). "
        "Phone: Lighthouse's default (simulated slow 4G, 4x slower CPU); desktop: `--preset=desktop`. "
        "LCP and TBT are simulated from the trace, so they depend a little on the machine.",
        "",
        "| page | device | performance | accessibility | best practices | SEO | LCP | TBT | CLS | transferred | "
        "requests |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        f = row["figures"]
        lines.append(
            f"| /{row['page']} | {row['device']} | {f['performance']} | {f['accessibility']} | "
            f"{f['best-practices']} | {f['seo']} | {f['lcp_ms'] / 1000:.1f} s | {f['tbt_ms']} ms | {f['cls']} | "
            f"{f['bytes'] / 1024:.0f} KiB | {f['requests']} |"
        )
    short = [row for row in rows if row["shortfalls"]]
    lines += ["", "## Where a page falls short of 100", ""]
    if not short:
        lines.append("Nowhere: every page scores 100 in all four categories, on a phone and on a desktop.")
    for row in short:
        lines.append(f"- /{row['page']} ({row['device']}):")
        lines += [f"  - {line}" for line in row["shortfalls"]]
    return "\n".join(lines) + "\n"


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "test-artifacts" / "audit"
    if not LIGHTHOUSE.is_file():
        print("audit: Lighthouse is missing: run `make tools` (scripts/install_tools.sh)", file=sys.stderr)
        return 1
    chrome = os.environ.get("CHROME_PATH") or full_chromium_executable()
    if not chrome:
        print("audit: no Chromium found: run `make browser` or set CHROME_PATH", file=sys.stderr)
        return 1
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/"
    site = out / "site"
    (out / "lighthouse").mkdir(parents=True, exist_ok=True)
    build(site, site_url)
    _, server = serve_site(site, port=port)
    rows = []
    try:
        for page in pages(site):
            for device in FORM_FACTORS:
                name = (page.strip("/").replace("/", "_").removesuffix(".html") or "index") + f".{device}.json"
                result = lighthouse(site_url + page, device, out / "lighthouse" / name, chrome)
                row = {"page": page, "device": device, "figures": figures(result), "shortfalls": shortfalls(result)}
                rows.append(row)
                f = row["figures"]
                print(f"/{page} {device}: {f['performance']} {f['accessibility']} {f['best-practices']} {f['seo']}, "
                      f"LCP {f['lcp_ms']} ms, TBT {f['tbt_ms']} ms, CLS {f['cls']}, {f['bytes']} B, "
                      f"{f['requests']} requests", flush=True)
    finally:
        server.shutdown()
    (out / "report.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    (out / "report.md").write_text(report(rows, site_url, chrome), encoding="utf-8")
    print(f"audit: wrote {out / 'report.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
