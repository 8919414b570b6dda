"""Exercise drawings from data (issue 28): one simple side-view figure, posed by a handful of segment angles.

`load_drawings(path)` reads and validates the pose file (patient_info/data/exercise-poses.yml): every drawing has an
id, one or two poses and a text alternative in nl and en; every pose names every joint, each within its range.
A mistake is one `FigureError` line naming the file and the drawing. `drawing_svg(drawing, lang)` renders a drawing
as inline SVG: the poses side by side on a ground line, the earlier pose as a faint ghost behind the later one, an
optional arrow; all lines `currentColor`, so the palette, dark mode and print colour it.
"""

from __future__ import annotations

from patient_info.errors import ContentError

import math
from html import escape
from pathlib import Path

import yaml

LANGS = ("nl", "en")
# joint -> allowed range. Angles in degrees, counter-clockwise, 0 = pointing to the figure's feet side (right).
JOINTS = {
    "hip_x": (10, 190),  # where the hip sits in the panel (panel is 200 wide)
    "hip_y": (0, 60),  # height of the hip above the ground
    "torso": (90, 270),  # hip -> shoulders
    "back": (-1, 1),  # bend of the back: + bulges up (round back), - sags (hollow back)
    "head": (-180, 270),  # shoulders -> head
    "thigh": (-100, 150),  # hip -> knee
    "shin": (-180, 90),  # knee -> foot
    "upper_arm": (-180, 180),  # shoulders -> elbow
    "forearm": (-180, 180),  # elbow -> hand
}
OPTIONAL_JOINTS = {"thigh2": JOINTS["thigh"], "shin2": JOINTS["shin"]}  # the other leg, when it moves differently
LENGTH = {"torso": 52, "thigh": 30, "shin": 30, "upper_arm": 19, "forearm": 18}
HEAD_RADIUS = 9
WIDTH, HEIGHT, GROUND = 200, 110, 96  # panel size; ground line y
SURFACES = ("mat", "bed", "floor")


class FigureError(ContentError):
    """One line naming the pose file and the drawing that is wrong."""


def _check_pose(pose, where: str) -> dict:
    if not isinstance(pose, dict):
        raise FigureError(f"{where}: a pose must be a mapping of joints")
    unknown = sorted(set(pose) - set(JOINTS) - set(OPTIONAL_JOINTS) - {"pillow"})
    if unknown:
        raise FigureError(f"{where}: unknown joint {unknown[0]!r}")
    for joint, (low, high) in {**JOINTS, **OPTIONAL_JOINTS}.items():
        if joint not in pose:
            if joint in OPTIONAL_JOINTS:
                continue
            raise FigureError(f"{where}: joint {joint!r} is missing")
        value = pose[joint]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not low <= value <= high:
            raise FigureError(f"{where}: joint {joint!r} = {value!r} is outside the figure's range {low}..{high}")
    if "pillow" in pose and pose["pillow"] not in ("under-knees", "between-knees", "under-head"):
        raise FigureError(f"{where}: pillow must be under-knees, between-knees or under-head")
    return pose


def validate(data, source: str) -> dict[str, dict]:
    if not isinstance(data, dict) or not isinstance(data.get("drawings"), list):
        raise FigureError(f"{source}: expected a mapping with a list 'drawings'")
    drawings: dict[str, dict] = {}
    for number, entry in enumerate(data["drawings"], 1):
        ident = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(ident, str) or not ident:
            raise FigureError(f"{source}: drawing {number} has no id")
        where = f"{source}: drawing {ident!r}"
        if ident in drawings:
            raise FigureError(f"{where} appears twice")
        poses = entry.get("poses")
        if not isinstance(poses, list) or not 1 <= len(poses) <= 2:
            raise FigureError(f"{where}: 'poses' must list one or two poses (start, end)")
        for index, pose in enumerate(poses):
            _check_pose(pose, f"{where}, pose {index + 1}")
        alt = entry.get("alt")
        for lang in LANGS:
            if not isinstance(alt, dict) or not isinstance(alt.get(lang), str) or not alt[lang].strip():
                raise FigureError(f"{where}: text alternative 'alt.{lang}' is missing")
        if entry.get("surface", "mat") not in SURFACES:
            raise FigureError(f"{where}: surface must be one of {', '.join(SURFACES)}")
        arrow = entry.get("arrow")
        if arrow is not None and not (
            isinstance(arrow, list) and len(arrow) == 4 and all(isinstance(v, (int, float)) for v in arrow)
        ):
            raise FigureError(f"{where}: arrow must be [x1, y1, x2, y2] in the last panel")
        drawings[ident] = entry
    return drawings


def load_drawings(path: Path) -> dict[str, dict]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise FigureError(f"{path}: cannot read the pose file ({' '.join(str(error).split())})") from None
    return validate(data, str(path))


def _step(point, angle: float, length: float):
    rad = math.radians(angle)
    return point[0] + length * math.cos(rad), point[1] - length * math.sin(rad)


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _path(*points) -> str:
    return "M" + " L".join(f"{_fmt(x)} {_fmt(y)}" for x, y in points)


def figure_svg(pose: dict, ghost: bool = False) -> str:
    """One figure as SVG elements (no <svg> wrapper)."""
    hip = (pose["hip_x"], GROUND - 5 - pose["hip_y"])
    shoulder = _step(hip, pose["torso"], LENGTH["torso"])
    # the back: a quadratic curve whose control point is pushed sideways by `back`
    mid = ((hip[0] + shoulder[0]) / 2, (hip[1] + shoulder[1]) / 2)
    control = _step(mid, pose["torso"] - 90, pose["back"] * 22)
    head = _step(shoulder, pose["head"], HEAD_RADIUS + 4)
    parts = []
    for suffix in ("2", ""):  # far leg first, so the near leg is drawn over it
        thigh = pose.get("thigh" + suffix, pose["thigh"])
        shin = pose.get("shin" + suffix, pose["shin"])
        knee = _step(hip, thigh, LENGTH["thigh"])
        foot = _step(knee, shin, LENGTH["shin"])
        if suffix and "thigh2" not in pose and "shin2" not in pose:
            continue
        faint = ' opacity=".55"' if suffix else ""
        parts.append(f'<path d="{_path(hip, knee, foot)}"{faint}/>')
        if not suffix:
            near_knee = knee
    elbow = _step(shoulder, pose["upper_arm"], LENGTH["upper_arm"])
    hand = _step(elbow, pose["forearm"], LENGTH["forearm"])
    parts.append(
        f'<path d="M{_fmt(hip[0])} {_fmt(hip[1])} Q{_fmt(control[0])} {_fmt(control[1])} '
        f'{_fmt(shoulder[0])} {_fmt(shoulder[1])}"/>'
    )
    parts.append(f'<path d="{_path(shoulder, elbow, hand)}"/>')
    parts.append(f'<circle cx="{_fmt(head[0])}" cy="{_fmt(head[1])}" r="{HEAD_RADIUS}"/>')
    pillow = pose.get("pillow")
    if pillow == "under-knees":
        parts.append(f'<ellipse cx="{_fmt(near_knee[0])}" cy="{GROUND - 7}" rx="14" ry="6" class="pillow"/>')
    elif pillow == "between-knees":
        parts.append(f'<ellipse cx="{_fmt(near_knee[0])}" cy="{_fmt(near_knee[1])}" rx="9" ry="6" class="pillow"/>')
    elif pillow == "under-head":
        parts.append(f'<ellipse cx="{_fmt(head[0])}" cy="{GROUND - 5}" rx="14" ry="5" class="pillow"/>')
    group = "".join(parts)
    if ghost:
        return f'<g class="ghost" opacity=".3" stroke-width="4">{group}</g>'
    return f"<g>{group}</g>"


def _top(pose: dict) -> float:
    """The highest y any part of the figure reaches (smaller is higher), so the drawing is cropped to the figure."""
    hip = (pose["hip_x"], GROUND - 5 - pose["hip_y"])
    shoulder = _step(hip, pose["torso"], LENGTH["torso"])
    head = _step(shoulder, pose["head"], HEAD_RADIUS + 4)
    elbow = _step(shoulder, pose["upper_arm"], LENGTH["upper_arm"])
    points = [hip, shoulder, (head[0], head[1] - HEAD_RADIUS), elbow, _step(elbow, pose["forearm"], LENGTH["forearm"])]
    for suffix in ("", "2"):
        knee = _step(hip, pose.get("thigh" + suffix, pose["thigh"]), LENGTH["thigh"])
        points += [knee, _step(knee, pose.get("shin" + suffix, pose["shin"]), LENGTH["shin"])]
    return min(y for _, y in points)


def _arrowhead(x1: float, y1: float, x2: float, y2: float) -> str:
    """A filled triangle at the arrow's end (drawn, not an SVG marker: markers need ids, which a page can repeat)."""
    angle = math.degrees(math.atan2(y1 - y2, x2 - x1))
    tip = (x2, y2)
    left, right = _step(tip, angle + 155, 8), _step(tip, angle - 155, 8)
    return f'<path d="{_path(tip, left, right)} Z" fill="currentColor" stroke-width="1"/>'


def _surface(kind: str) -> str:
    if kind == "bed":
        return (
            f'<path d="M8 {GROUND} H192 M8 {GROUND + 2} V{HEIGHT - 1} M192 {GROUND + 2} V{HEIGHT - 1}" '
            'stroke-width="3"/>'
        )
    return f'<path d="M4 {GROUND} H196" stroke-width="3"/>'


def drawing_svg(drawing: dict, lang: str) -> str:
    """The drawing as one inline <svg>: its poses side by side, described by the alt text in `lang`."""
    poses = drawing["poses"]
    panels = []
    for index, pose in enumerate(poses):
        body = figure_svg(pose)
        if index == 1:
            body = figure_svg(poses[0], ghost=True) + body
            arrow = drawing.get("arrow")
            if arrow:
                x1, y1, x2, y2 = arrow
                body += f'<path d="M{x1} {y1} L{x2} {y2}" stroke-width="2.5" class="arrow"/>' + _arrowhead(x1, y1, x2, y2)
        panels.append(
            f'<g transform="translate({index * WIDTH} 0)">{_surface(drawing.get("surface", "mat"))}{body}</g>'
        )
    width = WIDTH * len(poses)
    arrow_top = min(drawing["arrow"][1], drawing["arrow"][3]) if drawing.get("arrow") else HEIGHT
    top = max(0, int(min(min(_top(pose) for pose in poses), arrow_top) - 8))
    height = HEIGHT - top
    alt = escape(drawing["alt"][lang].strip())
    return (
        f'<svg class="exercise-drawing" role="img" aria-label="{alt}" viewBox="0 {top} {width} {height}" '
        f'data-drawing="{escape(drawing["id"])}" width="{width}" height="{height}" fill="none" '
        'stroke="currentColor" stroke-width="5" stroke-linecap="round" stroke-linejoin="round" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{alt}</title>'
        f"{''.join(panels)}</svg>"
    )
