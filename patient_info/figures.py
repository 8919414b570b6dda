"""Exercise drawings from data (issue 28): one simple figure, posed by a handful of segment angles.

`load_drawings(path)` reads and validates the pose file (patient_info/data/exercise-poses.yml): every drawing has an
id, one to three poses and a text alternative in nl and en; every pose names every joint, each within its range.
A mistake is one `FigureError` line naming the file and the drawing. `drawing_svg(drawing, lang)` renders a drawing
as inline SVG: the poses side by side on a mat, bed or floor, each panel cropped to its figure; in a movement the
parts that move are also drawn faintly in their start place behind the end pose (a ghost), and an optional short
arrow sits at the moving part. All lines and fills are `currentColor`, so the palette, dark mode and print colour it.

The figure is posed in its own side view (the angles below) and then, when a pose asks for it, turned or rolled in
3D (`turn`: face the viewer; `roll`: lie on the side; `lean`: trunk tilted sideways; `legs_roll`: knees lowered to
one side), and seen from a drawing's `view` (azimuth, elevation), so a sideways movement can be seen as one.
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path

import yaml

from patient_info.errors import ContentError
from patient_info.pages import load_yaml

LANGS = ("nl", "en")
# joint -> allowed range. Angles in degrees, counter-clockwise, 0 = pointing to the figure's feet side (right).
JOINTS = {
    "hip_x": (10, 190),  # where the hip sits in the panel (the data's panel is 200 wide; the drawing is cropped)
    "hip_y": (0, 60),  # height of the hip above the ground
    "torso": (90, 270),  # hip -> shoulders
    "back": (-1, 1),  # bend of the back: + bulges up (round back), - sags (hollow back)
    "head": (-180, 270),  # shoulders -> head
    "thigh": (-100, 150),  # hip -> knee
    "shin": (-180, 90),  # knee -> foot
    "upper_arm": (-180, 180),  # shoulders -> elbow
    "forearm": (-180, 180),  # elbow -> hand
}
OPTIONAL_JOINTS = {
    "thigh2": JOINTS["thigh"],  # the other leg (the far one), when it is posed differently
    "shin2": JOINTS["shin"],
    "upper_arm2": JOINTS["upper_arm"],  # the other arm
    "forearm2": JOINTS["forearm"],
    "arm_out": (-90, 120),  # the arm lifted out sideways (+ away from the body's side, - across the front)
    "arm_out2": (-90, 120),
    "hip_z": (-30, 30),  # how far the hip is towards the viewer (+) from the middle of the mat or bed
    "legs_roll": (-90, 90),  # both knees lowered sideways together: + towards the viewer
    "roll": (-90, 90),  # the whole body rolled about its length: 90 = on the side, front towards the viewer
    "turn": (-90, 90),  # the whole body turned about the vertical: 90 = its front (right in the side view) faces you
    "lean": (-90, 90),  # the trunk and head tilted sideways at the hips (after the turn: + to the left)
}
PILLOWS = ("under-knees", "between-knees", "under-head")
LENGTH = {"torso": 52, "thigh": 40, "shin": 38, "upper_arm": 28, "forearm": 28, "foot": 9}
HEAD_RADIUS, NECK = 10, 15  # head circle; shoulder point -> centre of the head
HALF_WIDTH = {"hip": 8, "shoulder": 11}  # the trunk's half width: where the left and right limbs start
BODY = 6  # half the trunk's thickness: a lying hip is this high above the surface
TRUNK, LEG, ARM = 12, 8, 7  # stroke widths
GROUND = 96  # y of the ground (mat or mattress top) in the data's coordinates (y down, as in the arrows)
FLOOR = 40  # a bed's mattress top is this high above the floor
DEPTH = {"mat": 60, "bed": 32, "floor": 40}  # half the surface's depth (towards the viewer)
SURFACES = tuple(DEPTH)
MARGIN = 8  # around each panel's content
GHOST = 'opacity=".55" stroke-width="3" stroke-dasharray="5 5"'  # the start pose behind the end pose


class FigureError(ContentError):
    """One line naming the pose file and the drawing that is wrong."""


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


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
        if not _number(value) or not low <= value <= high:
            raise FigureError(f"{where}: joint {joint!r} = {value!r} is outside the figure's range {low}..{high}")
    pillows = pose.get("pillow", [])
    if not all(pillow in PILLOWS for pillow in (pillows if isinstance(pillows, list) else [pillows])):
        raise FigureError(f"{where}: pillow must be {', '.join(PILLOWS)} (or a list of them)")
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
        if not isinstance(poses, list) or not 1 <= len(poses) <= 3:
            raise FigureError(f"{where}: 'poses' must list one to three poses (start, [middle,] end)")
        for index, pose in enumerate(poses):
            _check_pose(pose, f"{where}, pose {index + 1}")
        alt = entry.get("alt")
        for lang in LANGS:
            if not isinstance(alt, dict) or not isinstance(alt.get(lang), str) or not alt[lang].strip():
                raise FigureError(f"{where}: text alternative 'alt.{lang}' is missing")
        if entry.get("surface", "mat") not in SURFACES:
            raise FigureError(f"{where}: surface must be one of {', '.join(SURFACES)}")
        if not isinstance(entry.get("ghost", True), bool):
            raise FigureError(f"{where}: ghost must be true or false (false: the poses are not one movement)")
        view = entry.get("view", {})
        if not (
            isinstance(view, dict)
            and set(view) <= {"azimuth", "elevation"}
            and _number(view.get("azimuth", 0))
            and -90 <= view.get("azimuth", 0) <= 90
            and _number(view.get("elevation", 0))
            and 0 <= view.get("elevation", 0) <= 90
        ):
            raise FigureError(f"{where}: view must be {{azimuth: -90..90, elevation: 0..90}} (degrees)")
        arrow = entry.get("arrow")
        if arrow is not None and not (isinstance(arrow, list) and len(arrow) in (4, 5) and all(map(_number, arrow))):
            raise FigureError(f"{where}: arrow must be [x1, y1, x2, y2] or [x1, y1, x2, y2, bend] in the last panel")
        drawings[ident] = entry
    return drawings


def load_drawings(path: Path) -> dict[str, dict]:
    try:
        data = load_yaml(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise FigureError(f"{path}: cannot read the pose file ({' '.join(str(error).split())})") from None
    return validate(data, str(path))


# --- geometry: points are (x, y, z), x to the right, y up from the surface, z towards the viewer -------------------


def _step(point, angle: float, length: float):
    """From `point`, `length` along `angle` in the side view (z unchanged)."""
    rad = math.radians(angle)
    return (point[0] + length * math.cos(rad), point[1] + length * math.sin(rad), point[2])


def _rotate(point, centre, axis, angle: float):
    """`point` turned by `angle` degrees about the axis ('x', 'y' or a unit vector) through `centre`; + turns y
    towards z about x, and x towards z about y."""
    axis = {"x": (1, 0, 0), "y": (0, -1, 0)}.get(axis, axis)
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    v = [p - q for p, q in zip(point, centre)]
    dot = sum(a * b for a, b in zip(axis, v))
    cross = (axis[1] * v[2] - axis[2] * v[1], axis[2] * v[0] - axis[0] * v[2], axis[0] * v[1] - axis[1] * v[0])
    return tuple(q + a * c + b * s + k * dot * (1 - c) for q, a, b, k in zip(centre, v, cross, axis))


def _foot(knee, ankle, bend: float):
    """Where the toes are: across the shin, away from the knee's bend; flat on the surface when the foot is down."""
    shin = math.degrees(math.atan2(ankle[1] - knee[1], ankle[0] - knee[0]))
    angle = shin + 90 if bend <= 0 else shin - 90
    if ankle[1] < BODY + 2:  # standing or lying on the surface: the sole is flat
        down = math.sin(math.radians(angle)) < -0.85
        angle = shin if down else (0 if math.cos(math.radians(angle)) >= 0 else 180)
    return _step(ankle, angle, LENGTH["foot"])


def pose_parts(pose: dict) -> dict[str, list]:
    """The figure's parts as lists of 3D points: the trunk's outline, the head's centre, each leg and arm, pillows."""
    hip = (pose["hip_x"], BODY + pose["hip_y"], pose.get("hip_z", 0))
    shoulder = _step(hip, pose["torso"], LENGTH["torso"])
    mid = tuple((a + b) / 2 for a, b in zip(hip, shoulder))
    control = _step(mid, pose["torso"] - 90, pose["back"] * 22)
    head = _step(shoulder, pose["head"], NECK)
    pillows = pose.get("pillow", [])
    pillows = pillows if isinstance(pillows, list) else [pillows]
    parts: dict[str, list] = {}
    for side, sign in (("near", 1), ("far", -1)):
        suffix = "" if sign > 0 else "2"
        lateral = (0, 0, sign * HALF_WIDTH["hip"])
        start = tuple(a + b for a, b in zip(hip, lateral))
        thigh, shin = pose.get("thigh" + suffix, pose["thigh"]), pose.get("shin" + suffix, pose["shin"])
        knee = _step(start, thigh, LENGTH["thigh"])
        ankle = _step(knee, shin, LENGTH["shin"])
        parts["leg_" + side] = [start, knee, ankle, _foot(knee, ankle, (shin - thigh + 180) % 360 - 180)]
        if side == "far" and "between-knees" in pillows:  # the pillow holds the knees apart
            parts["leg_far"] = [(x, y, z - spread) for (x, y, z), spread in zip(parts["leg_far"], (0, 12, 6, 6))]
        lateral = (0, 0, sign * HALF_WIDTH["shoulder"])
        start = tuple(a + b for a, b in zip(shoulder, lateral))
        elbow = _step(start, pose.get("upper_arm" + suffix, pose["upper_arm"]), LENGTH["upper_arm"])
        arm = [start, elbow, _step(elbow, pose.get("forearm" + suffix, pose["forearm"]), LENGTH["forearm"])]
        out = pose.get("arm_out" + suffix, pose.get("arm_out", 0))
        if out:  # about the body's front-back axis at the shoulder
            front = (math.cos(math.radians(pose["torso"] - 90)), math.sin(math.radians(pose["torso"] - 90)), 0)
            arm = [_rotate(p, start, front, -sign * out) for p in arm]
        parts["arm_" + side] = arm
    widths = {"hip": HALF_WIDTH["hip"], "control": (HALF_WIDTH["hip"] + HALF_WIDTH["shoulder"]) / 2}
    widths["shoulder"] = HALF_WIDTH["shoulder"]
    outline = []
    for sign in (1, -1):
        row = [tuple(a + b for a, b in zip(p, (0, 0, sign * widths[k]))) for p, k in
               ((hip, "hip"), (control, "control"), (shoulder, "shoulder"))]
        outline += row if sign > 0 else row[::-1]
    parts["trunk"] = outline  # near hip, near bend, near shoulder, far shoulder, far bend, far hip
    parts["head"] = [head]
    parts["centre"] = [hip]
    # the sideways movements, about the body's length (x) through the hip, then the turn about the vertical
    legs = ("leg_near", "leg_far")
    if pose.get("legs_roll"):
        for name in legs:
            parts[name] = [_rotate(p, hip, "x", pose["legs_roll"]) for p in parts[name]]
    if pose.get("lean"):
        for name in ("trunk", "head"):
            parts[name] = [p if i in (0, 5) and name == "trunk" else _rotate(p, hip, "x", pose["lean"])
                           for i, p in enumerate(parts[name])]
        for name in ("arm_near", "arm_far"):  # the arms keep their directions: they start at the moved shoulders
            moved = _rotate(parts[name][0], hip, "x", pose["lean"])
            shift = tuple(a - b for a, b in zip(moved, parts[name][0]))
            parts[name] = [tuple(a + b for a, b in zip(p, shift)) for p in parts[name]]
    for axis, key in (("x", "roll"), ("y", "turn")):
        if pose.get(key):
            for name in parts:
                parts[name] = [_rotate(p, hip, axis, pose[key]) for p in parts[name]]
    for pillow in pillows:
        parts["pillow_" + pillow] = []
    return parts


class View:
    """The drawing's camera, orthographic: `azimuth` degrees round from the side towards the feet end (right),
    `elevation` degrees up from level, looking down."""

    def __init__(self, view: dict):
        self.az, self.el = -math.radians(view.get("azimuth", 0)), math.radians(view.get("elevation", 0))

    def depth(self, p) -> float:
        return -p[0] * math.sin(self.az) + p[2] * math.cos(self.az)

    def __call__(self, p):
        x = p[0] * math.cos(self.az) + p[2] * math.sin(self.az)
        return (x, GROUND - (p[1] * math.cos(self.el) - self.depth(p) * math.sin(self.el)))


def _fmt(value: float) -> str:
    """Whole units: a unit is about one CSS pixel on a phone, and the drawing stays small."""
    return str(round(value))


def _path(points, close: bool = False) -> str:
    return "M" + " L".join(f"{_fmt(x)} {_fmt(y)}" for x, y in points) + (" Z" if close else "")


class Panel:
    """One pose's SVG elements, with the extent of what is drawn (for cropping)."""

    def __init__(self):
        self.elements: list[str] = []
        self.points: list = []

    def add(self, element: str, points, pad: float = 0):
        self.elements.append(element)
        self.points += [(x - pad, y - pad) for x, y in points] + [(x + pad, y + pad) for x, y in points]


def _trunk_svg(points, ghost: bool) -> str:
    h1, c1, s1, s2, c2, h2 = (f"{_fmt(x)} {_fmt(y)}" for x, y in points)
    style = "" if ghost else f' fill="currentColor" stroke-width="{TRUNK}"'
    return f'<path d="M{h1} Q{c1} {s1} L{s2} Q{c2} {h2} Z"{style}/>'


def _parts_svg(parts: dict, view: View, names, panel: Panel, ghost: bool = False) -> None:
    """The figure's parts (those in `names`) drawn far to near, far limbs fainter; a ghost is outlines only (its
    group gives the thin dashed line)."""
    centre = view.depth(parts["centre"][0])
    order = sorted(names, key=lambda name: view.depth(parts[name][0]) if name.startswith(("leg", "arm")) else centre)
    for name in order:
        points = [view(p) for p in parts[name]]
        if name.endswith("_far"):
            near = [view(p) for p in parts[name[:-3] + "near"]]
            if max(math.dist(a, b) for a, b in zip(points, near)) < 10:  # (nearly) hidden behind the near one
                continue
        far = name.startswith(("leg", "arm")) and view.depth(parts[name][0]) < centre - 2
        faint = ' opacity=".5"' if far and not ghost else ""
        if name == "trunk":
            panel.add(_trunk_svg(points, ghost), points, TRUNK / 2)
        elif name == "head":
            (x, y), = points  # filled: the svg's stroke (LEG wide) adds half its width to the radius
            radius = HEAD_RADIUS if ghost else f'{HEAD_RADIUS - LEG // 2}" fill="currentColor'
            panel.add(f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="{radius}"/>', points, HEAD_RADIUS + 3)
        elif ghost:
            panel.add(f'<path d="{_path(points)}"/>', points, 2)
        elif name.startswith("leg"):
            panel.add(f'<path d="{_path(points)}"{faint}/>', points, LEG / 2)  # the svg's own stroke width
        else:
            (x, y) = points[-1]  # the hand: a dot, r 1 plus the svg's stroke
            arm = f'<path d="{_path(points)}" stroke-width="{ARM}"/><circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="1"/>'
            panel.add(f"<g{faint}>{arm}</g>" if faint else arm, points, 5)


def _pillows_svg(parts: dict, view: View, panel: Panel) -> None:
    """Pillows in a lighter fill, drawn before the figure so the body rests on them."""
    for name in parts:
        if not name.startswith("pillow_"):
            continue
        kind = name[7:]
        if kind == "under-head":  # from the mattress up to the middle of the head, wider than the head
            x, y = view(parts["head"][0])
            bottom = view((parts["head"][0][0], 0, parts["head"][0][2]))[1]
            top = min(y, bottom - 9)
            box = (x - 18, top, 46, bottom - top + 2)
        elif kind == "under-knees":  # from the mattress up to the knee
            knee = parts["leg_near"][1]
            x, bottom = view((knee[0], 0, knee[2]))
            top = view(knee)[1] + LEG / 2 - 1
            box = (x - 17, top, 34, bottom - top + 1)
        else:  # between the knees
            (x1, y1), (x2, y2) = view(parts["leg_near"][1]), view(parts["leg_far"][1])
            x, y = (x1 + x2) / 2, (y1 + y2) / 2
            height = max(abs(y2 - y1) - LEG / 2, 8)
            box = (x - 15, y - height / 2, 30, height)
        bx, by, bw, bh = box
        radius = min(bh / 2, 8)
        panel.add(
            f'<rect x="{_fmt(bx)}" y="{_fmt(by)}" width="{_fmt(bw)}" height="{_fmt(bh)}" rx="{_fmt(radius)}" '
            'fill="currentColor" fill-opacity=".3" stroke-width="2.5" class="pillow"/>',
            [(bx, by), (bx + bw, by + bh)],
        )


def _surface_svg(kind: str, low: float, high: float, view: View, panel: Panel, head_end: bool, floor: bool) -> None:
    """The mat, bed or floor from x = low to high: its top face (a line in a side view); a bed's mattress, legs and
    a headboard at its head end (left) when someone's head lies there; the floor below a bed when feet reach it."""
    depth = DEPTH[kind]
    corners = [view((x, 0, z)) for x, z in ((low, -depth), (high, -depth), (high, depth), (low, depth))]
    if kind != "bed":
        panel.add(f'<path d="{_path(corners, close=True)}" stroke-width="3"/>', corners)
        return
    near = [view((x, y, depth)) for x, y in ((low, 0), (high, 0), (high, -8), (low, -8))]
    foot = -FLOOR if floor else -20
    legs = [view((x, y, depth)) for x in (low + 4, high - 4) for y in (-8, foot)]
    d = f"{_path(corners, close=True)} {_path(near, close=True)} {_path(legs[:2])} {_path(legs[2:])}"
    points = corners + near + legs
    if head_end:
        board = [view((low, y, z)) for y, z in ((-8, depth), (24, depth), (24, -depth), (0, -depth))]
        d += " " + _path(board)
        points += board
    panel.add(f'<path d="{d}" stroke-width="3"/>', points)
    if floor:
        line = [view((low - 10, -FLOOR, depth + 26)), view((high + 10, -FLOOR, depth + 26))]
        panel.add(f'<path d="{_path(line)}" stroke-width="2"/>', line)


def _arrow_svg(arrow, panel: Panel) -> None:
    """A short arrow, straight or bent (5th number: how far its middle bows out to the left of its direction), with
    a filled head (drawn, not an SVG marker: markers need ids, which a page can repeat)."""
    x1, y1, x2, y2 = arrow[:4]
    bend = arrow[4] if len(arrow) == 5 else 0
    length = math.hypot(x2 - x1, y2 - y1) or 1
    cx, cy = (x1 + x2) / 2 + bend * (y2 - y1) / length, (y1 + y2) / 2 - bend * (x2 - x1) / length
    angle = math.atan2(y2 - cy, x2 - cx) if bend else math.atan2(y2 - y1, x2 - x1)
    head = [(x2 + 3 * math.cos(angle), y2 + 3 * math.sin(angle))]
    head += [(x2 + 9 * math.cos(angle + side), y2 + 9 * math.sin(angle + side)) for side in (2.6, -2.6)]
    d = f"M{_fmt(x1)} {_fmt(y1)} Q{_fmt(cx)} {_fmt(cy)} {_fmt(x2)} {_fmt(y2)}" if bend else _path([(x1, y1), (x2, y2)])
    panel.add(
        f'<path d="{d}" stroke-width="3" class="arrow"/><path d="{_path(head, close=True)}" fill="currentColor" '
        'stroke-width="2"/>',
        [(x1, y1), (x2, y2), (cx, cy)],
        5,
    )


def _moved(start: list, end: list) -> bool:
    return len(start) != len(end) or max(math.dist(a, b) for a, b in zip(start, end)) > 3


FIGURE = ("trunk", "head", "leg_near", "leg_far", "arm_near", "arm_far")


def drawing_svg(drawing: dict, lang: str) -> str:
    """The drawing as one inline <svg>: its poses side by side, described by the alt text in `lang`."""
    poses = drawing["poses"]
    view = View(drawing.get("view", {}))
    all_parts = [pose_parts(pose) for pose in poses]
    floor = any(p[1] < -10 for parts in all_parts for name in ("leg_near", "leg_far") for p in parts[name])
    panels = []
    for index, parts in enumerate(all_parts):
        panel = Panel()
        figure = Panel()
        _parts_svg(parts, view, FIGURE, figure)
        if index and drawing.get("ghost", True):  # the start's moving parts, faint, behind the end pose
            before = all_parts[index - 1]
            shown = [[view(p) for p in parts[name]] for name in FIGURE]
            moved = [  # parts that moved, unless the start place is drawn anyway (the other leg stays there)
                name for name in FIGURE
                if all(_moved([view(p) for p in before[name]], points) for points in shown)
            ]
            if moved:
                ghost = Panel()
                _parts_svg(before, view, moved, ghost, ghost=True)
                figure.elements.insert(0, f'<g class="ghost" {GHOST}>{"".join(ghost.elements)}</g>')
                figure.points += ghost.points
        low = min(p[0] for name in FIGURE for p in parts[name]) - 22
        high = max(p[0] for name in FIGURE for p in parts[name]) + 14
        _surface_svg(drawing.get("surface", "mat"), low, high, view, panel, "pillow_under-head" in parts, floor)
        _pillows_svg(parts, view, panel)
        panel.elements += figure.elements
        panel.points += figure.points
        if index == len(poses) - 1 and drawing.get("arrow"):
            _arrow_svg(drawing["arrow"], panel)
        panels.append(panel)
    top = min(y for panel in panels for _, y in panel.points) - MARGIN
    bottom = max(y for panel in panels for _, y in panel.points) + MARGIN
    groups, offset = [], 0.0
    for panel in panels:
        left = min(x for x, _ in panel.points) - MARGIN
        right = max(x for x, _ in panel.points) + MARGIN
        groups.append(f'<g transform="translate({_fmt(offset - left)} 0)">{"".join(panel.elements)}</g>')
        offset += right - left
    width, height, top = round(offset), round(bottom - top), math.floor(top)
    alt = escape(drawing["alt"][lang].strip())
    return (
        f'<svg class="exercise-drawing" role="img" aria-label="{alt}" viewBox="0 {top} {width} {height}" '
        f'data-drawing="{escape(drawing["id"])}" width="{width}" height="{height}" fill="none" '
        f'stroke="currentColor" stroke-width="{LEG}" stroke-linecap="round" stroke-linejoin="round" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{alt}</title>'
        f"{''.join(groups)}</svg>"
    )
