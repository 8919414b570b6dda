"""A second generator (issue 27): ProperDocs, the maintained fork of MkDocs 1.6, builds the same site from the same
mkdocs.yml. Both builds run here with the same SOURCE_DATE_EPOCH and "today"; every file must be the same, byte for
byte, except the `<meta name="generator">` line that names the generator. The safety check passes on both.

What happens under Zensical, the other successor, is measured in benchmarks/toolchain-trial.md.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from site_today import content_today

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
BIN = Path(sys.executable).parent


def build_with(command: list[str], site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "SITE_TODAY": content_today(ROOT),
           "NO_MKDOCS_2_WARNING": "1"}
    for name in ("SITE_URL", "HANDOUTS"):
        env.pop(name, None)
    result = subprocess.run([*command, "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        return result
    # The post-build step, as `make build` runs it after whichever generator (patient_info/post_build.py).
    return subprocess.run([sys.executable, "-m", "patient_info.post_build", str(site), "docs", "mkdocs.yml"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("toolchains")
    built = {}
    for name, command in (("mkdocs", [sys.executable, "-m", "mkdocs"]), ("properdocs", [str(BIN / "properdocs")])):
        result = build_with(command, folder / name)
        assert result.returncode == 0, f"{name}: {result.stdout}{result.stderr}"
        built[name] = folder / name
    return built


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_properdocs_builds_the_same_site_as_mkdocs(two_builds):
    mkdocs, properdocs = (files_of(two_builds[name]) for name in ("mkdocs", "properdocs"))
    assert sorted(mkdocs) == sorted(properdocs)
    assert len(mkdocs) > 50
    differ = [name for name in mkdocs if GENERATOR.sub(b"", mkdocs[name]) != GENERATOR.sub(b"", properdocs[name])]
    assert differ == []
    # The one difference is the generator's name, on every HTML page.
    pages = [name for name in mkdocs if name.endswith(".html")]
    assert all(b"ProperDocs" in GENERATOR.search(properdocs[name]).group() for name in pages if
               GENERATOR.search(mkdocs[name]))


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs"])
def test_the_safety_check_passes_on_each_generators_site(two_builds, generator):
    result = subprocess.run([sys.executable, "-m", "patient_info.safety_check", str(two_builds[generator]),
                             str(ROOT / "docs")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
