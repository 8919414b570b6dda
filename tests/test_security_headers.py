"""Security headers gate: the site's `_headers` file sets a strict Content-Security-Policy that the site satisfies.

docs/_headers (completed at build time with the hashes of Material's inline scripts by patient_info/csp.py)
gives hosts such as Netlify and Cloudflare Pages the Content-Security-Policy, X-Content-Type-Options,
Referrer-Policy and Permissions-Policy headers. Here every page is served with exactly those headers
(scripts/static_host.py) and loaded in headless Chromium: no CSP violation may be reported and no error logged,
and the search (Pagefind: a module, WebAssembly, its index files) and the palette switch must still work under
the policy.
"""

from __future__ import annotations

import pytest

from gates import PAGES, broken_copy, insert_into_article, language_of
from site_search import open_search, read_results, type_query
from static_host import headers_for, parse_headers_file, serve_site

REQUIRED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
WATCH_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`));
"""
QUERIES = {"nl": "spit", "en": "lumbago"}
EXERCISED = {"door-de-rug-gaan/", "en/"}  # also search and switch the palette here


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


@pytest.fixture(scope="module")
def headers(site) -> dict[str, str]:
    return headers_for("/", parse_headers_file((site.site / "_headers").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def hosted(site):
    url, server = serve_site(site.site)
    yield url
    server.shutdown()


def test_headers_file_sets_a_strict_policy_and_the_other_security_headers(headers):
    for name, value in REQUIRED.items():
        assert headers.get(name) == value, name
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    policy = directives(headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    for directive in ("script-src", "style-src", "img-src", "connect-src", "worker-src"):
        sources = policy[directive]
        assert sources[0] == "'self'", directive
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "https:", "http:"} & set(sources), directive
        allowed = ("'self'", "data:") + (("'wasm-unsafe-eval'",) if directive == "script-src" else ())
        assert all(source in allowed or source.startswith("'sha256-") for source in sources), directive
    # The search compiles Pagefind's WebAssembly: 'wasm-unsafe-eval', which allows no JavaScript eval.
    assert "'wasm-unsafe-eval'" in policy["script-src"]
    assert any(source.startswith("'sha256-") for source in policy["script-src"]), \
        "no inline script hashes: was the placeholder filled in?"


def csp_problems(context, url: str, language: str, exercise: bool) -> list[str]:
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(f"console error: {message.text}"))
    page.on("pageerror", lambda error: errors.append(f"script error: {error}"))
    try:
        response = page.goto(url)
        if "content-security-policy" not in response.headers:
            return ["the page came without a Content-Security-Policy header"]
        if exercise:
            scheme = page.evaluate("document.body.dataset.mdColorScheme")
            page.locator("form[data-md-component=palette] label:not([hidden])").click()
            # Polled from here: Playwright's wait_for_function evaluates a string, which the policy forbids.
            for _ in range(50):
                if page.evaluate("document.body.dataset.mdColorScheme") != scheme:
                    break
                page.wait_for_timeout(20)
            else:
                errors.append("the palette switch did not work under the policy")
            open_search(page, url)
            type_query(page, QUERIES[language], delay_ms=0)
            if not read_results(page, settle_ms=150):
                errors.append("the search found nothing under the policy")
            page.wait_for_load_state("networkidle")
        return [f"CSP violation: {violation}" for violation in page.evaluate("window.cspViolations")] + errors
    finally:
        page.close()


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_VIOLATIONS)
    yield context
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_works_under_the_policy_without_a_violation(context, hosted, path):
    assert csp_problems(context, hosted + path, language_of(path), path in EXERCISED) == []


def test_headers_gate_reports_an_inline_script_the_policy_does_not_allow(site, context, tmp_path):
    snippet = '<script>document.title = "Niet toegestaan";</script>'
    folder = broken_copy(site.site, tmp_path / "site", "door-de-rug-gaan/", lambda h: insert_into_article(h, snippet))
    url, server = serve_site(folder)
    try:
        problems = csp_problems(context, url + "door-de-rug-gaan/", "nl", exercise=False)
    finally:
        server.shutdown()
    assert any(problem.startswith("CSP violation: script-src-elem blocked inline") for problem in problems), problems
