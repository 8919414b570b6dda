"""Shared test fixtures: build the real site (both languages, and Dutch only) once per session, and build small
fixture sites from the real configuration to check the build errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Chromium's executable, flags and the local server live in scripts/browser.py, shared with `make handouts`; the
# builds' "today" in scripts/site_today.py, shared with the benchmarks.
sys.path.insert(0, str(ROOT / "scripts"))
from browser import CHROMIUM_FLAGS, chromium_executable, serve  # noqa: E402
from site_today import content_today  # noqa: E402
from static_host import serve_site  # noqa: E402


@dataclass
class Build:
    site: Path
    returncode: int
    log: str

    def page(self, url_path: str) -> BeautifulSoup:
        """The built HTML for a URL path such as '' or 'en/door-de-rug-gaan/'."""
        target = self.site / url_path
        if not url_path.endswith(".html"):
            target = target / "index.html"
        return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.log.splitlines() if line.startswith(("WARNING", "ERROR"))]


def run_build(project: Path, site: Path, **env: str | None) -> Build:
    """Build as `make build` does, `mkdocs build --strict` and then the post-build step, and keep the log; "today"
    is `content_today` unless SITE_TODAY is given; an `env` value None unsets that variable."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_TODAY": content_today(project), **env}
    environment = {name: value for name, value in environment.items() if value is not None}
    log = ""
    for command in (["-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                    ["-m", "patient_info.post_build", str(site), "docs", "mkdocs.yml"]):
        result = subprocess.run([sys.executable, *command], cwd=project, env=environment, capture_output=True,
                                text=True, timeout=300)
        log += result.stdout + result.stderr
        if result.returncode != 0:
            break
    return Build(site=site, returncode=result.returncode, log=log)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The real site, both languages, as `make build` writes it: no SITE_URL, no PDF handouts."""
    build = run_build(ROOT, tmp_path_factory.mktemp("site"), SITE_URL=None, HANDOUTS=None)
    assert build.returncode == 0, build.log
    return build


# The address `make handouts` publishes at in these tests: any SITE_URL counts as the published address.
PUBLISHED_URL = "https://rug-in-beweging.example.net/"


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Build:
    """The site as `make handouts` builds it, before the PDFs are written: the published address and PDF links."""
    build = run_build(ROOT, tmp_path_factory.mktemp("published"), SITE_URL=PUBLISHED_URL, HANDOUTS="true")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def published_url(published):
    """The `make handouts` site served over HTTP on 127.0.0.1."""
    url, server = serve(published.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def dutch_only_site(tmp_path_factory) -> Build:
    """The real site built with ENGLISH=false."""
    build = run_build(ROOT, tmp_path_factory.mktemp("site-nl"), ENGLISH="false")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture
def fixture_project(tmp_path):
    """A copy of the real configuration with a small valid docs folder; tests break one thing in it."""
    return make_fixture_project(tmp_path / "project")


def make_fixture_project(project: Path) -> Path:
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "overrides", project / "overrides")
    # The hook files that mkdocs.yml names (the package itself imports from the repository, through the .pth file).
    (project / "patient_info").mkdir()
    (project / "patient_info" / "hooks").symlink_to(ROOT / "patient_info" / "hooks")
    docs = project / "docs"
    shutil.copytree(ROOT / "docs", docs)
    # The npm packages (the handout composer's QR encoder is copied from there into the site).
    (project / "scripts").mkdir()
    (project / "scripts" / "node_modules").symlink_to(ROOT / "scripts" / "node_modules")
    for slug in ("rugpijn-na-het-lopen", "door-de-rug-gaan"):
        for suffix in (".md", ".en.md"):
            # Each copy ends with the footer marker naming its own file (patient_info/article_footer.py).
            text = (FIXTURES / f"article{suffix}").read_text(encoding="utf-8").rstrip()
            (docs / f"{slug}{suffix}").write_text(f"{text}\n\n{{article-footer {slug}{suffix}}}\n", encoding="utf-8")
    # The patients' words and questions per section name the real articles' sections: here, the fixture article's.
    shutil.copy(FIXTURES / "section-words.yml", docs / "_shared" / "section-words.yml")
    shutil.copy(FIXTURES / "section-questions.yml", docs / "_shared" / "section-questions.yml")
    return project


# --- Browser tests -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def served_with_headers(build):
    """A built site served with its `_headers` (the Content-Security-Policy among them), as a fixture's body:
    `yield from served_with_headers(site)`."""
    url, server = serve_site(build.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(site):
    """The real site served over HTTP on 127.0.0.1."""
    url, server = serve(site.site)
    yield url
    server.shutdown()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
