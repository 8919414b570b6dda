"""Front matter and config values cannot add markup or scripts; the Content-Security-Policy allows only the site's
own inline scripts, in `_headers` and in each page's meta tag; two builds of one commit give the same files.

A fixture site whose article title, description and practice name carry quotes, `<`, `&`, emoji and a
`</script><script>` injection is built once; its pages must show the text as written, everywhere it appears, and a
browser must neither run the injected script nor find it allowed by the policy.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from conftest import make_fixture_project, run_build
from static_host import headers_for, parse_headers_file, serve_site

INJECTED = "window.injected=1"
TITLE = f'</script><script>{INJECTED}</script> "Rug" & <b>pijn</b> 🙂'
DESCRIPTION = 'Wat is "door je rug gaan"? Uitleg met <, & en een emoji 🙂, lang genoeg voor een beschrijving.'
PRACTICE = f"Praktijk <script>{INJECTED}</script> & Co"
ARTICLE = "rugpijn-na-het-lopen/"


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a YAML double-quoted scalar


def sha256(body: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode('ascii')}'"


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = make_fixture_project(tmp_path_factory.mktemp("hostile") / "project")
    article = project / "docs" / "rugpijn-na-het-lopen.md"
    text = article.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", f"title: {quoted(TITLE)}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^description: .*$", f"description: {quoted(DESCRIPTION)}", text, count=1, flags=re.MULTILINE)
    article.write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "extra:\n", f"extra:\n  practice:\n    name: {quoted(PRACTICE)}\n", 1), encoding="utf-8")
    build = run_build(project, tmp_path_factory.mktemp("hostile-site"))
    assert build.returncode == 0, build.log
    return build


def test_title_description_and_practice_show_as_written_everywhere(hostile_site):
    soup = hostile_site.page(ARTICLE)
    assert soup.title.string == f"{TITLE} - Rug in beweging"
    assert soup.find("meta", attrs={"name": "description"})["content"] == DESCRIPTION
    assert soup.find("meta", property="og:title")["content"] == TITLE
    assert soup.find("meta", property="og:description")["content"] == DESCRIPTION
    assert soup.select_one(".md-header__topic[data-md-component=header-topic] .md-ellipsis").get_text(strip=True) == TITLE
    assert TITLE in [link.get_text(strip=True) for link in soup.select(".md-nav--primary .md-nav__link")]
    assert soup.select_one(".handout-masthead__practice").get_text() == PRACTICE
    assert soup.select_one(".practice__name").get_text() == PRACTICE
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@graph"][0]["name"] == TITLE and data["@graph"][0]["description"] == DESCRIPTION
    # Another page's navigation and the FAQ overview carry the title too.
    assert TITLE in [link.get_text(strip=True) for link in hostile_site.page("").select(".md-nav__link")]
    assert TITLE in [link.get_text(strip=True) for link in hostile_site.page("veelgestelde-vragen/").select("h2 a")]


def test_no_value_became_a_script_or_markup(hostile_site):
    for path in ("", ARTICLE, "veelgestelde-vragen/", "404.html"):
        soup = hostile_site.page(path)
        scripts = [script.get_text() for script in soup.find_all("script") if script.get("type") != "application/ld+json"]
        assert not any(INJECTED in script for script in scripts), path
        assert soup.select("b") == [] and soup.select("h1 b, title b") == [], path


def policies(build, path: str) -> tuple[dict, dict]:
    """(the page's meta-tag policy, the `_headers` policy for it)."""
    meta = build.page(path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    header = headers_for("/" + path, parse_headers_file((build.site / "_headers").read_text(encoding="utf-8")))
    return directives(meta["content"]), directives(header["Content-Security-Policy"])


def test_meta_policy_is_the_header_policy_with_the_page_s_own_scripts(site):
    for path in ("", "door-de-rug-gaan/", "en/rugpijn-na-het-lopen/", "404.html", "en/404.html"):
        meta, header = policies(site, path)
        assert set(header) - set(meta) == {"frame-ancestors"}  # a meta tag cannot carry it
        for name, sources in meta.items():
            if name != "script-src":
                assert sources == header[name], name
        soup = site.page(path)
        own = {sha256(script.string or "") for script in soup.find_all("script")
               if not script.get("src") and not script.get("type")}
        keywords = {source for source in header["script-src"] if not source.startswith("'sha")}  # 'self', wasm
        assert own and set(meta["script-src"]) == keywords | own, path
        assert set(meta["script-src"]) <= set(header["script-src"])
        # Early in <head>: before Material's first inline script.
        head = str(soup.head)
        assert head.index("Content-Security-Policy") < head.index("<script")


def test_injected_script_neither_runs_nor_is_allowed_by_the_policy(hostile_site, browser):
    meta, header = policies(hostile_site, ARTICLE)
    assert sha256(INJECTED) not in meta["script-src"] + header["script-src"]
    url, server = serve_site(hostile_site.site)
    context = browser.new_context()
    try:
        page = context.new_page()
        violations: list[str] = []
        page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
        response = page.goto(url + ARTICLE)
        assert "content-security-policy" in response.headers
        assert page.title() == f"{TITLE} - Rug in beweging"
        assert page.evaluate("typeof window.injected") == "undefined"
        # The same script added to the page as an inline script: refused by the policy, so it does not run.
        page.evaluate(f"() => {{ const s = document.createElement('script'); s.textContent = {INJECTED!r};"
                      " document.head.append(s); }")
        page.wait_for_timeout(100)
        assert page.evaluate("typeof window.injected") == "undefined"
        assert violations, "the browser reported no refused inline script"
    finally:
        context.close()
        server.shutdown()


def test_two_builds_of_one_commit_on_different_days_give_the_same_files(fixture_project, tmp_path):
    epoch = {"SOURCE_DATE_EPOCH": "1768478400"}  # 2026-01-15 12:00 UTC
    first = run_build(fixture_project, tmp_path / "first", SITE_TODAY="2026-02-01", **epoch)
    second = run_build(fixture_project, tmp_path / "second", SITE_TODAY="2026-03-01", **epoch)
    assert first.returncode == 0 and second.returncode == 0, first.log + second.log
    files = sorted(path.relative_to(first.site) for path in first.site.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second.site) for path in second.site.rglob("*") if path.is_file())
    different = [str(name) for name in files if (first.site / name).read_bytes() != (second.site / name).read_bytes()]
    assert different == []
    assert "15 januari 2026" in first.page(ARTICLE).select_one("[data-handout-built]").get_text()


def test_sitemap_lastmod_is_the_article_s_last_review(fixture_project, tmp_path):
    sitemap = run_build(fixture_project, tmp_path / "out", SOURCE_DATE_EPOCH="1700000000").site / "sitemap.xml"
    entries = dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap.read_text("utf-8")))
    articles = {loc: day for loc, day in entries.items() if "rugpijn-na-het-lopen" in loc or "door-de-rug" in loc}
    assert len(articles) == 4 and set(articles.values()) == {"2026-01-15"}
    assert entries["https://rug-in-beweging.example.org/"] == "2023-11-14"  # other pages: SOURCE_DATE_EPOCH
