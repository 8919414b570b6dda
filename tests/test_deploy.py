"""Deploy and tooling: the GitHub Actions workflow tests every change and publishes main to GitHub Pages, and the
quality gates' npm tools are pinned to exact versions that the lock file holds."""

from __future__ import annotations

import json

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"
SCRIPTS = ROOT / "scripts"


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_workflow_runs_make_test_on_every_push_and_pull_request():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    test = workflow["jobs"]["test"]
    assert any(step.get("run") == ".ci/run" for step in steps(test))
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_workflow_publishes_site_to_github_pages_after_the_tests_on_main_only():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert "github.ref == 'refs/heads/main'" in deploy["if"] and "push" in deploy["if"]
    assert deploy["permissions"]["pages"] == "write" and deploy["permissions"]["id-token"] == "write"
    build = next(step for step in steps(deploy) if "make handouts" in step.get("run", ""))
    assert build["run"].strip().splitlines()[-1] == "make handouts" and "SITE_URL" in build["env"]
    # Reproducible: the build date is the commit's time, not the day the deploy runs.
    assert 'export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"' in build["run"]
    uses = [step.get("uses", "") for step in steps(deploy)]
    upload = next(step for step in steps(deploy) if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert uses.index(upload["uses"]) < next(i for i, use in enumerate(uses) if use.startswith("actions/deploy-pages"))


def test_npm_tools_are_pinned_exactly_and_locked():
    package = json.loads((SCRIPTS / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((SCRIPTS / "package-lock.json").read_text(encoding="utf-8"))
    wanted = package["devDependencies"]
    assert set(wanted) == {"axe-core", "vnu-jar", "lighthouse", "qrcode-generator"}
    for name, version in wanted.items():
        assert version[0].isdigit(), f"{name} {version} is not an exact version"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    assert lock["packages"][""]["devDependencies"] == wanted


def test_weekly_scheduled_build_shows_review_dates_before_a_push_is_blocked():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "review-dates.yml").read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    cron = workflow[True]["schedule"][0]["cron"].split()
    assert len(cron) == 5 and cron[2:4] == ["*", "*"] and cron[4].isdigit()  # one day of every week
    build_steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert "make build" in build_steps
