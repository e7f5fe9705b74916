"""What stands behind text on a template's slide: the shapes and pictures its master and layout
draw (a title bar, a band along the foot, a photo), read into plain regions, and the colours
behind any box on a layout, so a text colour is judged against what is really there rather than
against the slide's background alone."""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from deck.look.colour import mix
from deck.look.template.colours import shown
from deck.ooxml import NS, qn
from deck.plan import Box
from deck.units import points

GRID = 24  # a picture is kept as GRID x GRID mean colours, enough to tell what lies under a line of text
COUNTS = 0.2  # a region behind less than this share of a box does not stand behind its text
COVERS = 0.9  # a region behind this share of a box hides what is under it


@dataclass(frozen=True)
class Region:
    """A shape or picture drawn on every slide of a layout: its frame in points, its colours (one
    for a solid fill, each stop of a gradient), or for a picture its colours on a grid; neither
    when its colour cannot be read (a vector picture)."""

    box: Box
    colours: tuple[str, ...] = ()
    alpha: float = 1.0
    grid: tuple[str, ...] = ()  # GRID rows of GRID colours, top to bottom

    def under(self, box: Box) -> tuple[str, ...]:
        """The colours of the region where it lies under `box`."""
        if self.colours or not self.grid:
            return self.colours
        b = self.box
        col = [min(GRID - 1, max(0, int((x - b.x) / b.w * GRID))) for x in (max(box.x, b.x), min(box.right, b.right))]
        row = [min(GRID - 1, max(0, int((y - b.y) / b.h * GRID))) for y in (max(box.y, b.y), min(box.bottom, b.bottom))]
        # One colour per row of cells: a line of text runs across a row, and a picture that
        # darkens from top to bottom must not be judged by its mean alone.
        return tuple(dict.fromkeys(_mean([self.grid[r * GRID + c] for c in range(col[0], col[1] + 1)])
                                   for r in range(row[0], row[1] + 1)))


def behind(regions: tuple[Region, ...], background: str, box: Box | None, fill: tuple[str, ...] = ()) -> list[str]:
    """The colours text in `box` may stand on: the box's own fill, else the regions behind a fair
    share of it (the topmost first) down to one that covers it, else also the background."""
    if fill:
        return list(fill)
    if box is None or box.w <= 0 or box.h <= 0:
        return [background]
    found: list[str] = []
    for region in reversed(regions):
        across, down = region.box.overlap(box)
        share = max(0.0, across) * max(0.0, down) / (box.w * box.h)
        if share < COUNTS:
            continue
        colours = region.under(box)
        if region.alpha < 1:
            colours = tuple(mix(background, colour, region.alpha) for colour in colours)
        found += colours
        if colours and share >= COVERS and region.alpha >= 0.99:
            return found
    return found + [background]


def _mean(colours: list[str]) -> str:
    channels = [[int(c[i:i + 2], 16) for c in colours] for i in (0, 2, 4)]
    return "".join(f"{round(sum(ch) / len(ch)):02X}" for ch in channels)


# --- reading ---------------------------------------------------------------------------------------

def regions(owner, colours, transform=None, tree=None, beneath: str = "FFFFFF") -> list[Region]:
    """The shapes and pictures (not placeholders) a master or layout draws, bottom first; the
    transparent parts of its pictures show the colour `beneath` (the background)."""
    tree = owner._element.find("p:cSld/p:spTree", NS) if tree is None else tree
    found: list[Region] = []
    for el in tree:
        tag = etree.QName(el).localname
        if tag == "grpSp":
            found += regions(owner, colours, _group(el, transform), el, beneath)
            continue
        if tag not in ("sp", "pic") or el.find("./*/p:nvPr/p:ph", NS) is not None:
            continue
        box = _frame(el.find("p:spPr/a:xfrm", NS), transform)
        if box is None or box.w <= 0 or box.h <= 0:
            continue
        if tag == "pic":
            found.append(Region(box, grid=picture_grid(owner.part, el.find("p:blipFill/a:blip", NS), beneath)))
            continue
        fill = fill_colours(el, colours, owner.part)
        if fill is not None:
            found.append(Region(box, *fill))
    return found


def furniture(owner) -> tuple[set[str], list[Box]]:
    """What a master or layout shows on every slide in text shapes of its own (not placeholders):
    whether it numbers ("sldNum") or dates ("dt") them itself, in a text box with a slide-number
    or a date field (deck adds neither again), and the frames of all such texts (a file name, a
    confidentiality line), which deck's footer keeps clear of."""
    found: set[str] = set()
    texts: list[Box] = []
    for el in owner._element.find("p:cSld/p:spTree", NS).iter(qn("p:sp")):
        if el.find("./*/p:nvPr/p:ph", NS) is not None:
            continue
        for field in el.iterfind(".//a:fld", NS):
            kind = field.get("type", "")
            if kind == "slidenum":
                found.add("sldNum")
            elif kind.startswith("datetime"):
                found.add("dt")
        text = "".join(t.text or "" for t in el.iterfind(".//a:t", NS)).strip()
        box = _frame(el.find("p:spPr/a:xfrm", NS), None)
        if text and box is not None:
            texts.append(box)
    return found, texts


def fill_colours(el, colours, part=None) -> tuple[tuple[str, ...], float, tuple[str, ...]] | None:
    """A shape's fill as (colours, alpha, picture grid); None when it is not filled."""
    props = el.find("p:spPr", NS)
    if props is None:
        return None
    if props.find("a:noFill", NS) is not None:
        return None
    solid = props.find("a:solidFill", NS)
    if solid is not None:
        colour = colours.resolve(solid)
        return ((colour,), _alpha(solid), ()) if colour else None
    stops = [(colours.resolve(gs), _alpha(gs)) for gs in props.iterfind("a:gradFill/a:gsLst/a:gs", NS)]
    if stops:
        shown = tuple(c for c, _ in stops if c)
        return (shown, min(a for _, a in stops), ()) if shown else None
    blip = props.find("a:blipFill/a:blip", NS)
    if blip is not None and part is not None:
        return (), 1.0, picture_grid(part, blip)
    ref = el.find("p:style/a:fillRef", NS)
    if ref is not None and ref.get("idx", "0") != "0" and props.find("a:grpFill", NS) is None:
        colour = colours.resolve(ref)
        return ((colour,), 1.0, ()) if colour else None
    return None


def _alpha(colour_parent) -> float:
    alpha = colour_parent.find(".//a:alpha", NS)
    return int(alpha.get("val", "100000")) / 100000 if alpha is not None else 1.0


def _frame(xfrm, transform) -> Box | None:
    if xfrm is None:
        return None
    off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
    if off is None or ext is None:
        return None
    x, y, w, h = (int(off.get("x", 0)), int(off.get("y", 0)), int(ext.get("cx", 0)), int(ext.get("cy", 0)))
    if transform is not None:
        (ox, oy, sx, sy, cx, cy) = transform
        x, y, w, h = ox + (x - cx) * sx, oy + (y - cy) * sy, w * sx, h * sy
    return Box(points(x), points(y), points(w), points(h))


def _group(el, transform):
    """A group's mapping of its children's coordinates onto the slide (offset, scale, child offset)."""
    xfrm = el.find("p:grpSpPr/a:xfrm", NS)
    if xfrm is None:
        return transform
    off, ext, ch_off, ch_ext = (xfrm.find(f"a:{name}", NS) for name in ("off", "ext", "chOff", "chExt"))
    if off is None or ext is None or ch_off is None or ch_ext is None:
        return transform
    sx = int(ext.get("cx", 0)) / (int(ch_ext.get("cx", 0)) or 1)
    sy = int(ext.get("cy", 0)) / (int(ch_ext.get("cy", 0)) or 1)
    ox, oy = int(off.get("x", 0)), int(off.get("y", 0))
    if transform is not None:  # a group in a group: its frame is in its parent's child space
        (px, py, psx, psy, pcx, pcy) = transform
        ox, oy, sx, sy = px + (ox - pcx) * psx, py + (oy - pcy) * psy, sx * psx, sy * psy
    return ox, oy, sx, sy, int(ch_off.get("x", 0)), int(ch_off.get("y", 0))


def picture_grid(part, blip, beneath: str = "FFFFFF") -> tuple[str, ...]:
    """A picture's colours on a GRID x GRID grid (transparent parts in the colour `beneath`, white
    as on a slide's usual background unless told); empty when it cannot be read (a vector picture,
    a damaged one)."""
    data = shown(part, blip, beneath, GRID)
    if data is None:
        return ()
    return tuple(f"{data[i]:02X}{data[i + 1]:02X}{data[i + 2]:02X}" for i in range(0, len(data), 3))
