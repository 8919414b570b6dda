"""Exercise drawings (issue 28): every exercise on the built site has its drawing with a text alternative in the
page's language, the lines stay readable in dark mode, and a mistake in the pose data or a missing drawing is one
clear error naming the file and the exercise."""

from __future__ import annotations

import copy
import re

import pytest
import yaml
from conftest import ROOT

from patient_info.exercise_drawings import POSES, check_markers
from patient_info.figures import LENGTH, FigureError, drawing_svg, load_drawings, validate

ARTICLES = ("door-de-rug-gaan", "rugpijn-na-het-lopen")
DATA = yaml.safe_load(POSES.read_text(encoding="utf-8"))
DRAWINGS = load_drawings(POSES)


def page_url(slug: str, lang: str) -> str:
    return f"{slug}/" if lang == "nl" else f"en/{slug}/"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("slug", ARTICLES)
def test_every_exercise_has_its_drawing_in_the_page_language(site, slug, lang):
    section = site.page(page_url(slug, lang)).find("h2", id="oefeningen")
    assert section is not None
    blocks = section.find_next_sibling("div", class_="exercises").select("div.exercise")
    titles = [block.find("p", recursive=False) for block in blocks]
    assert len(blocks) == 5 and all(title.strong and title.get_text() == title.strong.get_text() for title in titles)
    for block, title in zip(blocks, titles):
        figure = title.find_next_sibling()
        svg = figure.find("svg") if figure is not None else None
        assert svg is not None and svg.get("role") == "img", f"{title.get_text()} has no drawing"
        assert block["id"] == f"exercise-{svg['data-drawing']}", "the composer asks for an exercise by its drawing's id"
        assert figure.find_next_sibling().name == "ol", f"{title.get_text()}: its steps follow its drawing"
        ident = svg["data-drawing"]
        assert svg["aria-label"].strip() == DRAWINGS[ident]["alt"][lang].strip()
        assert svg.title.get_text().strip() == svg["aria-label"].strip()
        assert len(svg.find_all("g", class_="ghost")) == 1, "start pose as a ghost behind the end pose"


def test_first_days_show_lying_and_getting_out_of_bed(site):
    for lang in ("nl", "en"):
        section = site.page(page_url("door-de-rug-gaan", lang)).find("h2", id="eerste-dagen")
        drawn = []
        for element in section.find_next_siblings():
            if element.name == "h2":
                break
            drawn += element.find_all("svg", class_="exercise-drawing")
        assert [svg["data-drawing"] for svg in drawn] == ["lying-pillows", "log-roll"]
        panels = [len(svg.find_all("g", transform=True, recursive=False)) for svg in drawn]
        assert panels == [2, 3], "two ways to lie; on your side, pushing up, sitting"
        assert not any(svg.find("g", class_="ghost") for svg in drawn), "positions side by side, no ghost"


def test_alt_text_is_escaped_and_lines_use_current_colour():
    drawing = copy.deepcopy(DRAWINGS["bridge"])
    drawing["alt"]["en"] = 'Knees "up" <b>'
    svg = drawing_svg(drawing, "en")
    assert 'aria-label="Knees &quot;up&quot; &lt;b&gt;"' in svg and "<b>" not in svg
    assert 'stroke="currentColor"' in svg and not re.search(r"#[0-9a-f]{3,6}\b(?!\w)", svg.replace("#arrow-", ""))


@pytest.mark.parametrize("ident", list(DRAWINGS))
def test_each_drawing_is_small_current_colour_svg_without_ids(ident):
    for lang in ("nl", "en"):
        svg = drawing_svg(DRAWINGS[ident], lang)
        assert len(svg.encode()) < 3000, f"{ident} {lang}: {len(svg.encode())} bytes"
        assert " id=" not in svg and "<image" not in svg and "url(" not in svg
        colours = set(re.findall(r'(?:fill|stroke)="([^"]*)"', svg))
        assert colours <= {"currentColor", "none"}, colours


def test_three_poses_are_three_panels_and_a_ghost_only_in_a_movement():
    drawing = copy.deepcopy(DRAWINGS["log-roll"])
    svg = drawing_svg(drawing, "en")
    assert svg.count('<g transform="translate(') == 3 and 'class="ghost"' not in svg
    del drawing["ghost"]  # as one movement: each pose after the first shows where the one before it was
    assert drawing_svg(drawing, "en").count('class="ghost"') == 2


def broken(change) -> str:
    data = copy.deepcopy(DATA)
    change(data["drawings"][1])
    with pytest.raises(FigureError) as error:
        validate(data, "poses.yml")
    message = str(error.value)
    assert "\n" not in message and message.startswith("poses.yml: drawing 'knee-to-chest'")
    return message


def test_a_missing_joint_names_file_and_exercise():
    assert "joint 'shin' is missing" in broken(lambda d: d["poses"][1].pop("shin"))


def test_a_joint_outside_its_range_names_file_and_exercise():
    assert "outside the figure's range" in broken(lambda d: d["poses"][0].update(thigh=400))


def test_a_missing_translation_names_file_and_exercise():
    assert "alt.en" in broken(lambda d: d["alt"].pop("en"))


def test_a_wrong_view_ghost_pillow_arrow_or_pose_count_names_file_and_exercise():
    assert "view must be {azimuth: -90..90, elevation: 0..90}" in broken(lambda d: d.update(view={"elevation": 120}))
    assert "view must be" in broken(lambda d: d.update(view={"from": "above"}))
    assert "ghost must be true or false" in broken(lambda d: d.update(ghost="no"))
    assert "pillow must be" in broken(lambda d: d["poses"][1].update(pillow=["under-head", "under-feet"]))
    assert "joint 'legs_roll' = 120 is outside" in broken(lambda d: d["poses"][1].update(legs_roll=120))
    assert "arrow must be" in broken(lambda d: d.update(arrow=[1, 2, 3]))
    assert "one to three poses" in broken(lambda d: d["poses"].extend(d["poses"][:2]))


def test_an_exercise_without_a_drawing_is_an_error():
    text = (ROOT / "docs" / "_shared" / "oefeningen.md").read_text(encoding="utf-8")
    check_markers(text, "docs/_shared/oefeningen.md", DRAWINGS)
    without = text.replace("{drawing: bridge nl}\n", "")
    with pytest.raises(FigureError, match=r"^docs/_shared/oefeningen.md: exercise 'De brug' has steps but no drawing"):
        check_markers(without, "docs/_shared/oefeningen.md", DRAWINGS)
    with pytest.raises(FigureError, match="no drawing 'bridges'"):
        check_markers(text.replace("{drawing: bridge nl}", "{drawing: bridges nl}"), "docs/_shared/oefeningen.md", DRAWINGS)
    with pytest.raises(FigureError, match="marked 'en', the file is 'nl'"):
        check_markers(text.replace("{drawing: bridge nl}", "{drawing: bridge en}"), "docs/_shared/oefeningen.md", DRAWINGS)


@pytest.mark.parametrize(("change", "message"), [
    (lambda text: text.replace("{drawing: bridge nl}", "{drawing: cat-camel nl}"),
     "exercise 'De brug' shows drawing 'cat-camel', its block is 'exercise-bridge'"),
    (lambda text: re.sub(r"(\{drawing: bridge nl\}\n\n)1\. .*\n2\. .*\n3\. .*\n", r"\1", text),
     "exercise 'De brug' has a drawing but no numbered steps"),
    (lambda text: text.replace("/// html | div.exercise#exercise-bridge\n", ""),
     "exercise 'De brug' is not in an exercise block"),
    (lambda text: text.replace("**De brug**\n", ""),
     "exercise block 'exercise-bridge' has no bold title line"),
    (lambda text: text.replace("/// html | div.exercise#exercise-bridge", "/// html | div.exercise#exercise-pelvic-tilt"),
     "exercise 'De brug' shows drawing 'bridge', its block is 'exercise-pelvic-tilt'"),
])
def test_an_exercise_block_that_is_not_whole_names_file_and_exercise(change, message):
    """Drawing and steps together in a block whose id is the drawing's: the composer asks for exercises by it."""
    text = (ROOT / "docs" / "_shared" / "oefeningen.md").read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    with pytest.raises(FigureError) as error:
        check_markers(changed, "docs/_shared/oefeningen.md", DRAWINGS)
    assert str(error.value).startswith("docs/_shared/oefeningen.md: ") and message in str(error.value)
    assert "\n" not in str(error.value)


def test_an_exercise_id_twice_is_an_error():
    text = (ROOT / "docs" / "_shared" / "oefeningen.md").read_text(encoding="utf-8")
    start = text.index("/// html | div.exercise#exercise-bridge")
    block = text[start:text.index("///\n", start + 10) + 4]
    with pytest.raises(FigureError, match="exercise block 'exercise-bridge' appears twice"):
        check_markers(text.replace(block, block + "\n" + block), "docs/_shared/oefeningen.md", DRAWINGS)


def channel(value: float) -> float:
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(rgb) -> float:
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_drawing_lines_contrast_at_least_3_to_1(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "en/door-de-rug-gaan/")
    colours = page.evaluate(
        """() => [...document.querySelectorAll('svg.exercise-drawing')].map(svg => {
            let e = svg, bg = 'rgba(0, 0, 0, 0)';
            while (e && (bg = getComputedStyle(e).backgroundColor) === 'rgba(0, 0, 0, 0)') e = e.parentElement;
            return [getComputedStyle(svg).color, bg || 'rgb(255, 255, 255)',
                    svg.getBoundingClientRect().width / svg.viewBox.baseVal.width];
        })"""
    )
    context.close()
    assert len(colours) == 7
    for colour, background, scale in colours:
        fg = [float(v) for v in re.findall(r"[\d.]+", colour)]
        bg = [float(v) for v in re.findall(r"[\d.]+", background)][:3]
        alpha = fg[3] if len(fg) == 4 else 1.0
        mixed = [alpha * f + (1 - alpha) * b for f, b in zip(fg[:3], bg)]
        light, dark = sorted((luminance(mixed), luminance(bg)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 3, (scheme, colour, background)
        # as big as a pose a third of the phone wide in the first two-pose drawings (a trunk of 34 px), also in the
        # three-pose one
        assert scale * LENGTH["torso"] >= 34, "the figure's trunk at least 34 px long on a phone"
