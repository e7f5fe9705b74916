"""The colours and fonts a template's master shows: its theme's colour scheme and fonts, its colour
map, colour elements with the modifiers Office themes use, and the mean colour of a picture."""
from __future__ import annotations

import colorsys
import io
from functools import lru_cache

from lxml import etree

from deck.ooxml import NS, THEME_RELATIONSHIP, qn


class Colours:
    """A master's colour scheme and colour map: scheme colour names -> RRGGBB."""

    def __init__(self, master):
        root = _theme(master)
        self.scheme, self.major, self.minor = _scheme_and_fonts(root)
        clr_map = master._element.find("p:clrMap", NS)
        self.map = dict(clr_map.attrib) if clr_map is not None else {}
        # the theme's background fills (a:bgFillStyleLst), which p:bgRef numbers from 1001
        styles = root.find(".//a:fmtScheme/a:bgFillStyleLst", NS) if root is not None else None
        self.backgrounds = list(styles) if styles is not None else []

    def background(self, ref) -> tuple[str, ...]:
        """The colours of a background style reference (p:bgRef idx 1001 and up): the theme's
        background fill of that number, in the reference's colour (the stops of a gradient)."""
        base = self.resolve(ref)
        index = int(ref.get("idx", "0")) - 1001
        if base is None or not 0 <= index < len(self.backgrounds):
            return (base,) if base else ()
        fill = self.backgrounds[index]
        stops = [fill] if etree.QName(fill).localname == "solidFill" else list(fill.iterfind("a:gsLst/a:gs", NS))
        found = []
        for stop in stops:
            colour = next(iter(stop), None)
            if colour is None:
                continue
            value = base if colour.get("val") == "phClr" else self._value(colour)
            if value:
                found.append(_modified(value.upper(), colour))
        return tuple(found) or (base,)

    def scheme_colour(self, name: str) -> str | None:
        name = self.map.get(name, name)
        return self.scheme.get(name)

    def resolve(self, parent) -> str | None:
        """The colour of the first colour element under `parent` (a solidFill, a gs, ...)."""
        if parent is None:
            return None
        for child in parent:
            value = self._value(child)
            if value:
                return _modified(value.upper(), child)
        return None

    def _value(self, colour) -> str | None:
        tag = etree.QName(colour).localname
        if tag == "srgbClr":
            return colour.get("val")
        if tag == "sysClr":
            return colour.get("lastClr") or ("000000" if colour.get("val") == "windowText" else "FFFFFF")
        if tag == "schemeClr":
            return self.scheme_colour(colour.get("val"))
        if tag == "prstClr":
            return {"black": "000000", "white": "FFFFFF"}.get(colour.get("val"))
        return None

    def font(self, typeface: str | None) -> str | None:
        """A typeface with the theme's fonts (+mj-lt, +mn-lt) resolved."""
        if not typeface:
            return None
        if typeface.startswith("+mj"):
            return self.major
        if typeface.startswith("+mn"):
            return self.minor
        return typeface


def theme_of(master) -> tuple[dict[str, str], str | None, str | None]:
    """The master's theme: its colour scheme (name -> RRGGBB), its heading and its body typeface."""
    return _scheme_and_fonts(_theme(master))


def _theme(master) -> etree._Element | None:
    """The master's theme part, parsed; None where it has none or it is damaged."""
    try:
        return etree.fromstring(master.part.part_related_by(THEME_RELATIONSHIP).blob)
    except (KeyError, etree.XMLSyntaxError):
        return None


def _scheme_and_fonts(root: etree._Element | None) -> tuple[dict[str, str], str | None, str | None]:
    if root is None:
        return {}, None, None
    scheme: dict[str, str] = {}
    clr = root.find(".//a:clrScheme", NS)
    for child in clr if clr is not None else []:
        name = etree.QName(child).localname
        for value in child:
            tag = etree.QName(value).localname
            if tag == "srgbClr":
                # lxml-stubs type attribute values str | bytes; lxml always gives str
                scheme[name] = value.attrib["val"].upper()  # type: ignore[assignment]
            elif tag == "sysClr":
                scheme[name] = (value.get("lastClr") or "000000").upper()
    major = root.find(".//a:majorFont/a:latin", NS)
    minor = root.find(".//a:minorFont/a:latin", NS)
    return (scheme, (major.get("typeface") or None) if major is not None else None,
            (minor.get("typeface") or None) if minor is not None else None)


# The modifiers Office themes use on a colour, in hue, saturation and luminance (HSL) where they
# say so: which channel each changes (0 hue, 1 luminance, 2 saturation) and how.
_HSL = {"hueMod": (0, "scale"), "hueOff": (0, "offset"), "lumMod": (1, "scale"), "lumOff": (1, "offset"),
        "satMod": (2, "scale"), "satOff": (2, "offset")}


def _modified(value: str, element) -> str:
    """Apply the modifiers Office themes use (lumMod/lumOff, satMod, hueMod, tint, shade)."""
    r, g, b = (int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))
    for mod in element:
        tag = etree.QName(mod).localname
        val = int(mod.get("val", "100000")) / (60000 * 360 if tag == "hueOff" else 100000)
        if tag in _HSL:
            r, g, b = _hsl(r, g, b, *_HSL[tag], val)
        elif tag == "tint":
            r, g, b = (c + (1 - c) * (1 - val) for c in (r, g, b))
        elif tag == "shade":
            r, g, b = (c * val for c in (r, g, b))
    return "".join(f"{round(min(1.0, max(0.0, c)) * 255):02X}" for c in (r, g, b))


def _hsl(r: float, g: float, b: float, channel: int, how: str, val: float) -> tuple[float, float, float]:
    hls = list(colorsys.rgb_to_hls(r, g, b))
    hls[channel] = hls[channel] * val if how == "scale" else hls[channel] + val
    hls[channel] = hls[channel] % 1.0 if channel == 0 else min(1.0, max(0.0, hls[channel]))
    return colorsys.hls_to_rgb(*hls)


def picture_colour(part, blip, beneath: str = "FFFFFF") -> str | None:
    """The mean colour of the picture a blip embeds, its transparent parts showing the colour
    `beneath` (a texture laid over the background tints it, it does not replace it); None if it
    cannot be read."""
    data = shown(part, blip, beneath, 1)
    return None if data is None else f"{data[0]:02X}{data[1]:02X}{data[2]:02X}"


def shown(part, blip, beneath: str, size: int) -> bytes | None:
    """The picture a blip embeds as it shows on the slide, as size x size mean colours (RGB bytes):
    drawn at the opacity the slide gives it (a texture laid over the background at 10 %), over the
    colour `beneath`; None when it cannot be read (a vector picture such as EMF or SVG, a damaged
    one)."""
    if blip is None:
        return None
    try:
        blob = part.related_part(blip.get(qn("r:embed"))).blob
    except Exception:  # no such part: nothing to read
        return None
    fixed = blip.find("a:alphaModFix", NS)
    opacity = int(fixed.get("amt", "100000")) / 100000 if fixed is not None else 1.0
    return _shown(blob, opacity, beneath, size)


@lru_cache(maxsize=16)
def _shown(blob: bytes, opacity: float, beneath: str, size: int) -> bytes | None:
    # A master's picture is read for every one of its layouts (a texture over the whole slide):
    # decoding it once is enough.
    from PIL import Image

    try:
        with Image.open(io.BytesIO(blob)) as image:
            rgba = image.convert("RGBA")
            if opacity != 1.0:
                rgba.putalpha(rgba.getchannel("A").point(lambda a: round(a * opacity)))
            flat = Image.new("RGBA", rgba.size, (*(int(beneath[i:i + 2], 16) for i in (0, 2, 4)), 255))
            flat.alpha_composite(rgba)
            return flat.convert("RGB").resize((size, size), Image.Resampling.BOX).tobytes()
    except Exception:  # a vector picture (EMF, SVG) or a damaged one: colour unknown
        return None
