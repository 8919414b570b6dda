"""Search benchmark (not a test): per language, index size, time to results, and share of right answers.

For each search setup it builds the site into a temporary folder, serves it on 127.0.0.1, types every query of
tests/search_queries.yml into the search box in headless Chromium, and reports per language:
- the search index size in bytes, raw and gzip;
- the time from the last keystroke to the first rendered result (median over the query set);
- the share of queries whose top result is the expected one (the same rule as the browser tests).

Setups compared (the site uses the last one; README, Quality):
- material-default: Material + mkdocs-static-i18n as they come (one combined index, no Dutch pipeline);
- stemmer: one index per language with Material's stemmer pipeline;
- site: one index per language, whole words plus the build-time terms of overrides/hooks/search_terms.py.

usage: python scripts/benchmark_search.py [--setup NAME ...] [--output benchmarks/search.md]
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from browser import CHROMIUM_FLAGS, chromium_executable, serve
from site_search import FIRST_RESULT_AFTER_NEXT_KEY, open_search, queries, read_results, top_result

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE_ROOT = {"nl": "", "en": "en/"}
SEARCH_BLOCK = re.compile(r"  - search:\n(?:      .*\n|\n)*?(?=  - i18n:)")
SPLIT_HOOK = "  - overrides/hooks/search_per_language.py\n"
TERMS_HOOK = "  - overrides/hooks/search_terms.py\n"


def setup_config(name: str, config: str) -> str:
    """The site's mkdocs.yml changed into one of the setups compared."""
    if name == "site":
        return config
    if name == "material-default":
        return SEARCH_BLOCK.sub("  - search\n", config).replace(SPLIT_HOOK, "").replace(TERMS_HOOK, "")
    if name == "stemmer":
        stemmer = "  - search:\n      pipeline: [stemmer, stopWordFilter, trimmer]\n"
        return SEARCH_BLOCK.sub(stemmer, config).replace(TERMS_HOOK, "")
    raise SystemExit(f"unknown setup {name}")


def build(project: Path, config: str, site: Path) -> None:
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
                   cwd=project, check=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


def index_sizes(site: Path) -> dict[str, tuple[int, int]]:
    sizes = {}
    for language, root in LANGUAGE_ROOT.items():
        path = site / root / "search" / "search_index.json"
        if path.is_file():
            data = path.read_bytes()
            sizes[language] = (len(data), len(gzip.compress(data, 6)))
    return sizes


def measure_queries(page, base_url: str, language: str, items: list[dict]) -> tuple[float, list[float]]:
    """(share of expected top results, times from last keystroke to first result in ms)."""
    root = base_url + LANGUAGE_ROOT[language]
    open_search(page, root)
    page.wait_for_timeout(500)  # the index has loaded: this measures searching, not downloading
    hits, times = 0, []
    for item in items:
        field = page.locator("input.md-search__input")
        field.fill("")
        page.wait_for_timeout(100)
        field.press_sequentially(item["query"][:-1], delay=20)
        page.wait_for_timeout(200)
        page.evaluate(FIRST_RESULT_AFTER_NEXT_KEY)
        field.press(item["query"][-1])
        elapsed = page.evaluate("window.firstResult")
        if elapsed is not None:
            times.append(elapsed)
        top = top_result(read_results(page), root)
        expected = item["expect"]
        hits += (top == expected) if "#" in expected else (top or "").split("#")[0] == expected
    return hits / len(items), times


def run(setups: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    rows = []
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        project = Path(temporary) / "project"
        shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", "node_modules",
                                                                      "test-artifacts", "benchmarks"))
        # The npm packages, not copied: the build takes the handout composer's QR encoder from there.
        (project / "scripts" / "node_modules").symlink_to(ROOT / "scripts" / "node_modules")
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_FLAGS)
        for name in setups:
            site = Path(temporary) / f"site-{name}"
            build(project, setup_config(name, config), site)
            url, server = serve(site)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            sizes = index_sizes(site)
            for language, items in queries().items():
                share, times = measure_queries(page, url, language, items)
                raw, zipped = sizes.get(language, sizes["nl"])
                rows.append({"setup": name, "language": language, "raw": raw, "gzip": zipped,
                             "median_ms": statistics.median(times) if times else float("nan"),
                             "top1": share, "queries": len(items),
                             "shared": language != "nl" and language not in sizes})
            page.close()
            server.shutdown()
        browser.close()
    return rows


def markdown(rows: list[dict]) -> str:
    lines = [
        "| setup | language | index raw (bytes) | index gzip (bytes) | last keystroke → first result (median ms) "
        "| top result as expected |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        shared = " (the one combined index)" if row["shared"] or row["setup"] == "material-default" else ""
        lines.append(f"| {row['setup']} | {row['language']} | {row['raw']:,}{shared} | {row['gzip']:,} "
                     f"| {row['median_ms']:.0f} | {row['top1']:.0%} of {row['queries']} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setup", action="append", choices=["material-default", "stemmer", "site"])
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "search.md")
    args = parser.parse_args()
    rows = run(args.setup or ["material-default", "stemmer", "site"])
    report = (
        "# Search benchmark\n\n"
        "Made by `make bench-search` (scripts/benchmark_search.py): each setup built from this repository, "
        "served on 127.0.0.1, every query of tests/search_queries.yml typed into the search box in headless "
        "Chromium (no CPU or network throttling; see benchmarks/RESULTS.md for a throttled phone).\n\n"
        + markdown(rows)
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
