"""Every rewrite of Material's output stops the build when it no longer matches (after a Material upgrade), with one
line naming the hook, what it looked for and the page; and it still matches Material's real output."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import csp_headers  # noqa: E402
import hreflang_links  # noqa: E402
import material_markup  # noqa: E402

MATERIAL_TEMPLATES = str(Path(material.__file__).parent / "templates")
CHANGED = "<!doctype html><html><head></head><body><p>Material changed its markup</p></body></html>"


def message(call, *args) -> str:
    with pytest.raises(PluginError) as error:
        call(*args)
    return str(error.value)


def test_material_markup_fix_stops_the_build_when_it_matches_nothing():
    assert message(material_markup.fix_markup, CHANGED, "nl", "door-de-rug-gaan/index.html") == (
        "overrides/hooks/material_markup.py: the drawer and search checkboxes not found in door-de-rug-gaan/index.html: "
        "Material's output changed, update the patch"
    )


def test_material_markup_fix_still_matches_the_built_site(site):
    html = (site.site / "door-de-rug-gaan" / "index.html").read_text(encoding="utf-8")
    assert 'type="checkbox" id="__drawer" autocomplete="off"' not in html
    assert 'tabindex="0"><span class="visually-hidden">Menu</span>' in html


def test_hreflang_rewrite_stops_the_build_when_material_writes_no_alternates():
    assert message(hreflang_links.absolute_alternates, CHANGED, lambda lang, href: href, "nl", "index.html") == (
        "overrides/hooks/hreflang_links.py: the hreflang alternate links not found in index.html: "
        "Material's output changed, update the patch"
    )
    # A Dutch-only site has no alternates to rewrite: nothing is expected there.
    assert hreflang_links.absolute_alternates(CHANGED, None, "nl", "index.html", expected=False) == CHANGED


def test_csp_meta_tag_stops_the_build_when_the_template_lost_it():
    config = SimpleNamespace(docs_dir=str(ROOT / "docs"), theme=SimpleNamespace(dirs=[MATERIAL_TEMPLATES]))
    assert message(csp_headers.with_meta_policy, CHANGED, config, "docs/index.md") == (
        "overrides/hooks/csp_headers.py: the Content-Security-Policy meta tag (overrides/main.html) not found in "
        "docs/index.md: Material's output changed, update the patch"
    )


def test_csp_stops_the_build_when_material_s_scripts_cannot_be_read(tmp_path):
    assert message(csp_headers.known_scripts, (str(tmp_path),)) == (
        "overrides/hooks/csp_headers.py: no inline scripts found in Material's partials/javascripts/: "
        "Material changed, update the hook"
    )


def test_csp_knows_material_s_scripts_at_any_depth():
    known = csp_headers.known_scripts((MATERIAL_TEMPLATES,))
    html = "".join(
        f'<script>__md_scope=new URL("{scope}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0)'
        ',__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage'
        ',a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}</script>'
        for scope in (".", "../..", "/en/")
    )
    assert len(csp_headers.script_hashes(html, known, "docs/x.md")) == 3
    assert message(csp_headers.script_hashes, html.replace('"/en/"', '"/en/"+alert(1)+""'), known, "docs/x.md") \
        .startswith("docs/x.md: an inline script the site does not know ('__md_scope=new URL(\"/en/\"+alert(1)")
