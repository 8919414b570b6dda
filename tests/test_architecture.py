"""The shape issue 27 asks for, checked: the knowledge in the package, at most three small hook files that only name
its functions, one module that knows MkDocs, and a post-build step that runs on its own over any built site/."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys

from conftest import ROOT, content_today
from patient_info.pages import site_config

HOOKS = ROOT / "patient_info" / "hooks"


def test_at_most_three_hook_files_each_only_naming_functions_of_the_package():
    files = sorted(HOOKS.glob("*.py"))
    listed = site_config(ROOT / "mkdocs.yml")["hooks"]
    assert 1 <= len(files) <= 3
    assert sorted(listed) == [f"patient_info/hooks/{path.name}" for path in files]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        statements = [node for node in tree.body if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]
        assert statements, path.name
        # Nothing but imports from the package: no function, class, condition or loop of its own.
        assert all(isinstance(node, ast.ImportFrom) and node.module.startswith("patient_info") for node in statements), \
            path.name


def test_only_the_adapter_imports_mkdocs():
    importers = []
    for path in sorted((ROOT / "patient_info").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(name == "mkdocs" or name.startswith("mkdocs.") for name in names):
                importers.append(path.name)
    assert sorted(set(importers)) == ["mkdocs_adapter.py"]


def test_the_post_build_step_refuses_a_site_it_already_finished(site, tmp_path):
    """Run twice over one site/ it would patch its own output: one clear line instead."""
    result = subprocess.run([sys.executable, "-m", "patient_info.post_build", str(site.site), "docs", "mkdocs.yml"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [f"ERROR   -  {site.site}: already finished by the post-build step (it holds pagefind/): "
                     "build the site again first"]
    assert "Traceback" not in result.stderr


def test_the_generator_alone_leaves_what_the_post_build_step_adds(tmp_path):
    """`mkdocs build` writes the pages; the search, the CSP and the checks of the built site come from the step
    after it, which any generator can be followed by."""
    site = tmp_path / "site"
    generator = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                               cwd=ROOT, capture_output=True, text=True, timeout=300,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_TODAY": content_today(ROOT)})
    assert generator.returncode == 0, generator.stderr
    article = (site / "rugpijn-na-het-lopen" / "index.html").read_text(encoding="utf-8")
    assert not (site / "pagefind").exists() and not (site / "search").exists()
    assert 'content="CONTENT_SECURITY_POLICY"' in article and "data-pagefind-body" not in article
    result = subprocess.run([sys.executable, "-m", "patient_info.post_build", str(site), "docs", "mkdocs.yml"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    article = (site / "rugpijn-na-het-lopen" / "index.html").read_text(encoding="utf-8")
    assert (site / "pagefind" / "pagefind-entry.json").is_file() and (site / "search" / "words-nl.json").is_file()
    assert 'content="CONTENT_SECURITY_POLICY"' not in article and "data-pagefind-body" in article
    assert "INLINE_SCRIPT_HASHES" not in (site / "_headers").read_text(encoding="utf-8")


def finish_in_a_process(site, processes: int) -> subprocess.CompletedProcess:
    """The post-build step with its pages shared among `processes` from the first page on (SHARED_FROM is 100)."""
    script = ("import sys; from pathlib import Path; from patient_info import post_build; "
              "from patient_info.errors import ContentError\n"
              "post_build.SHARED_FROM = 1\n"
              "try:\n"
              f"    post_build.run(Path({str(site)!r}), Path('docs'), Path('mkdocs.yml'), True, processes={processes})\n"
              "except ContentError as error:\n"
              "    sys.exit(f'ERROR   -  {error}')\n")
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_pages_shared_among_processes_give_the_same_site_and_the_same_mistake(tmp_path):
    """A large site's pages are finished by two processes: the site is the same file for file as one process makes,
    and a page Material's markup no longer matches stops it with the same line."""
    built = tmp_path / "built"
    generator = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(built)],
                               cwd=ROOT, capture_output=True, text=True, timeout=300,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_TODAY": content_today(ROOT),
                                    "SOURCE_DATE_EPOCH": "1700000000"})
    assert generator.returncode == 0, generator.stderr
    sites = {processes: tmp_path / f"site-{processes}" for processes in (1, 2)}
    for processes, site in sites.items():
        shutil.copytree(built, site)
        result = finish_in_a_process(site, processes)
        assert result.returncode == 0, result.stderr
    files = {processes: sorted(path.relative_to(site) for path in site.rglob("*") if path.is_file())
             for processes, site in sites.items()}
    assert files[1] == files[2]
    assert [name for name in files[1] if (sites[1] / name).read_bytes() != (sites[2] / name).read_bytes()] == []
    errors = {}
    for processes in (1, 2):
        broken = tmp_path / f"broken-{processes}"
        shutil.copytree(built, broken)
        page = broken / "door-de-rug-gaan" / "index.html"
        page.write_text(page.read_text(encoding="utf-8").replace('<html lang="nl"', "<html"), encoding="utf-8")
        result = finish_in_a_process(broken, processes)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        errors[processes] = result.stderr.strip()
    assert errors[1] == errors[2] == "ERROR   -  docs/door-de-rug-gaan.md: no <html lang>: Material's output changed"
