"""Every rewrite of Material's output (patient_info/material_patches.py, run by the post-build step) stops the build
when it no longer matches (after a Material upgrade), with one line naming the page and what it looked for; and it
still matches Material's real output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from patient_info import csp, material_patches
from patient_info.material_patches import PatchError

CHANGED = "<!doctype html><html><head></head><body><p>Material changed its markup</p></body></html>"


def message(call, *args) -> str:
    with pytest.raises(PatchError) as error:
        call(*args)
    assert "\n" not in str(error.value)
    return str(error.value)


def test_material_markup_fix_stops_the_build_when_it_matches_nothing():
    assert message(material_patches.fix_markup, CHANGED, "nl", "site/door-de-rug-gaan/index.html") == (
        "site/door-de-rug-gaan/index.html: the drawer and search checkboxes not found: Material's output changed, "
        "update patient_info/material_patches.py"
    )


def test_material_markup_fix_still_matches_the_built_site(site):
    html = (site.site / "door-de-rug-gaan" / "index.html").read_text(encoding="utf-8")
    assert 'type="checkbox" id="__drawer" autocomplete="off"' not in html
    assert 'tabindex="0"><span class="visually-hidden">Menu</span>' in html


def test_hreflang_rewrite_stops_the_build_when_material_writes_no_alternates():
    assert message(material_patches.absolute_alternates, CHANGED, "https://x.example/", "nl", "site/index.html") == (
        "site/index.html: the hreflang alternate links not found: Material's output changed, update "
        "patient_info/material_patches.py"
    )


def test_the_faq_link_stops_the_build_when_the_header_lost_its_palette_toggle():
    assert message(material_patches.add_faq_link, CHANGED, "veelgestelde-vragen/", "nl", "site/index.html") == (
        "site/index.html: the palette toggle to put the FAQ link before not found: Material's output changed, "
        "update patient_info/material_patches.py"
    )


def test_heading_permalinks_stop_the_build_when_the_toc_extension_changed():
    assert message(material_patches.unfocusable_permalinks, "<h2 id='a'>A</h2>", "site/x/index.html").startswith(
        "site/x/index.html: no heading permalink of the form")


def test_language_switch_stops_the_build_when_materials_markup_changed():
    switch = ('<div class="md-select">\n<button class="md-header__button md-icon" aria-label="Selecteer taal">\n'
              '<svg viewBox="0 0 24 24"><path d="M0"/></svg>\n</button>\n<ul><li><a href="./" hreflang="nl" '
              'class="md-select__link">\nNederlands\n</a></li><li><a href="en/" hreflang="en" class="md-select__link">'
              '\nEnglish\n</a></li></ul>')
    labelled = material_patches.label_language_switch(switch, "nl", "site/index.html")
    assert 'aria-label="English – Selecteer taal"' in labelled
    assert '</svg><span class="language-switch__label" lang="en">English</span>\n</button>' in labelled
    assert material_patches.label_language_switch("<p>no switch</p>", "nl", "x") == "<p>no switch</p>"  # Dutch only
    broken = switch.replace('class="md-header__button md-icon"', 'class="md-button"')
    assert message(material_patches.label_language_switch, broken, "nl", "site/index.html").startswith(
        "site/index.html: Material's language switch not found once")


def test_csp_meta_tag_stops_the_build_when_the_template_lost_it():
    policy = csp.header_policy(ROOT / "docs")
    assert message(csp.with_meta_policy, CHANGED, policy, set(), "site/index.html") == (
        "site/index.html: the Content-Security-Policy meta tag (overrides/main.html) not found: Material's output "
        "changed, update patient_info/material_patches.py"
    )


def test_csp_stops_the_build_when_material_s_scripts_cannot_be_read(tmp_path, monkeypatch):
    monkeypatch.setattr(csp, "material_templates", lambda: tmp_path)
    csp.known_scripts.cache_clear()
    try:
        assert re.fullmatch(r".*: no inline scripts found in Material's partials/javascripts/: Material changed, "
                            r"update patient_info/csp.py", message(csp.known_scripts))
    finally:
        csp.known_scripts.cache_clear()


def test_csp_knows_material_s_scripts_at_any_depth():
    html = "".join(
        f'<script>__md_scope=new URL("{scope}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0)'
        ',__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage'
        ',a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}</script>'
        for scope in (".", "../..", "/en/")
    )
    assert len(csp.script_hashes(html, "site/x.html")) == 3
    with pytest.raises(csp.ContentError) as error:
        csp.script_hashes(html.replace('"/en/"', '"/en/"+alert(1)+""'), "site/x.html")
    assert str(error.value).startswith("site/x.html: an inline script the site does not know "
                                       "('__md_scope=new URL(\"/en/\"+alert(1)")


def test_every_patch_of_material_s_html_lives_in_one_module():
    """Material's output is rewritten in patient_info/material_patches.py only (issue 27): no other module of the
    package or hook calls its `substitute` or defines one of its own."""
    sources = [path for path in (ROOT / "patient_info").glob("*.py") if path.name != "material_patches.py"]
    sources += list((ROOT / "patient_info" / "hooks").glob("*.py"))
    assert sources
    own = [path.name for path in sources if "def substitute" in path.read_text(encoding="utf-8")]
    assert own == []
    users = sorted(path.name for path in sources if "substitute(" in path.read_text(encoding="utf-8"))
    assert set(users) <= {"csp.py", "search_index.py"}


def test_pruning_materials_stylesheets_stops_the_build_when_their_files_are_not_there(tmp_path):
    from patient_info.post_build import prune_material_stylesheets

    (tmp_path / "site" / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "site" / "assets" / "stylesheets" / "main.0a1b2c3d.min.css").write_text(".md-grid{margin:0}")
    assert message(prune_material_stylesheets, tmp_path / "site", set(), {}) == (
        "site/assets/stylesheets: 0 files palette.*.min.css where Material writes one: Material's output changed "
        "(patient_info/post_build.py, prune_material_stylesheets)")


def test_pruning_keeps_what_a_page_or_a_script_can_use_and_drops_the_rest():
    from patient_info import unused_css

    used = unused_css.Used({"md-grid", "md-nav"}, {"tabbed-control--"}, {"primary": {"teal"}, "accent": set(),
                                                                        "scheme": {"slate"}})
    stylesheet = (".md-grid,.md-blog{margin:0}.md-post{color:red}@media print{.md-post{color:red}}"
                  ".tabbed-control--next{top:0}:is(.md-post,.md-grid) a{top:1px}.md-nav:not(.md-post){top:2px}"
                  "[data-md-color-primary=teal]{--a:1}[data-md-color-primary=red]{--a:2}"
                  "[data-md-color-scheme=slate] .md-nav{top:3px}")
    assert unused_css.prune(stylesheet, used) == (
        ".md-grid{margin:0}.tabbed-control--next{top:0}:is(.md-post,.md-grid) a{top:1px}.md-nav:not(.md-post){top:2px}"
        "[data-md-color-primary=teal]{--a:1}[data-md-color-scheme=slate] .md-nav{top:3px}")
