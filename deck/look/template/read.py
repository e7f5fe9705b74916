"""Corporate templates on disk: checked and read into a deck.look.template.roles.Template.

Reading resolves what PowerPoint would show: every layout's placeholders with the boxes, sizes,
colours and fonts they inherit from their master, and the colour behind them (a solid fill, the
mean of a gradient, or the mean colour of a background picture). Opening for a build removes the
template's sample slides completely, or PowerPoint offers to repair the deck.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Callable

from lxml import etree

from deck.errors import DeckError
from deck.plan import Box
from deck.look.template.roles import FOOTER_TYPES, Layout, Master, Placeholder, Template

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"a": A, "p": P, "r": R}
EMU = 12700
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
MACRO_MAINS = ("application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
               "application/vnd.ms-powerpoint.template.macroEnabled.main+xml")
SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
MAX_BYTES = 200_000_000

Fail = Callable[[str, str], DeckError]


def failing(shown: str, problem=None) -> Fail:
    """How a template problem is reported: at the outline's `theme:` line, or at the path given."""
    if problem is not None:
        return lambda message, hint: DeckError(problem(message, hint))
    return lambda message, hint: DeckError.simple(shown, message, hint)


# --- the file ---------------------------------------------------------------------------------

def load_bytes(file: Path, fail: Fail) -> tuple[bytes, str]:
    """The template as a .pptx package python-pptx accepts, and its format (pptx or potx)."""
    if not file.exists():
        raise fail("no such template file", "check the path: in the outline it is relative to the outline's "
                   "folder, on the command line to the folder deck runs in")
    if not file.is_file():
        raise fail("is a folder, not a template", "give the .pptx or .potx file")
    if file.stat().st_size > MAX_BYTES:
        raise fail(f"is larger than {MAX_BYTES // 1_000_000} MB", "is this the right file?")
    data = file.read_bytes()
    if data.startswith(OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise fail("is password-protected (encrypted)",
                       "open it in PowerPoint, remove the password (File > Info > Protect Presentation) "
                       "and save a copy")
        raise fail("is a PowerPoint 97-2003 file (.ppt/.pot); deck reads .pptx and .potx",
                   "open it in PowerPoint or LibreOffice and save it as .pptx or .potx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            types = package.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError):
        raise fail("is not a PowerPoint file, or it is damaged (not a readable zip package)",
                   "open it in PowerPoint and save it again as .pptx or .potx") from None
    if not types or "ppt/presentation.xml" not in names:
        missing = "[Content_Types].xml" if not types else "ppt/presentation.xml"
        raise fail(f"is damaged or not a presentation: the package has no {missing}",
                   "open it in PowerPoint and save it again as .pptx or .potx")
    text = types.decode("utf-8", "replace")
    if any(macro in text for macro in MACRO_MAINS):
        raise fail("is a macro-enabled file (.pptm/.potm)",
                   "save it in PowerPoint as a .pptx or .potx without macros")
    if TEMPLATE_MAIN in text:
        # python-pptx opens only a presentation's main part: a template is one in all but name.
        return _rewrite_content_type(data, TEMPLATE_MAIN, MAIN), "potx"
    return data, "pptx"


def _rewrite_content_type(data: bytes, old: str, new: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                body = body.replace(old.encode(), new.encode())
            zout.writestr(item, body)
    return out.getvalue()


def open_presentation(file: Path, fail: Fail):
    from pptx import Presentation

    data, fmt = load_bytes(file, fail)
    try:
        prs = Presentation(io.BytesIO(data))
        masters = list(prs.slide_masters)
    except Exception as err:  # python-pptx and lxml raise many kinds on a damaged package
        raise fail(f"is damaged: {type(err).__name__}: {str(err)[:120]}",
                   "open it in PowerPoint and save it again as .pptx or .potx") from None
    if not masters:
        raise fail("has no slide master", "open it in PowerPoint and save it again as .pptx or .potx")
    return prs, fmt


# --- reading ------------------------------------------------------------------------------------

def read(file: Path, shown: str, fail: Fail) -> Template:
    prs, fmt = open_presentation(file, fail)
    try:
        masters = tuple(_master(prs, m, master) for m, master in enumerate(prs.slide_masters))
    except DeckError:
        raise
    except Exception as err:
        raise fail(f"is damaged: {type(err).__name__}: {str(err)[:120]}",
                   "open it in PowerPoint and save it again as .pptx or .potx") from None
    scheme, major, minor = _theme_of(prs.slide_masters[0])
    return Template(file=str(file), shown=shown, format=fmt, width=prs.slide_width / EMU,
                    height=prs.slide_height / EMU, masters=masters, major_font=major, minor_font=minor,
                    scheme=scheme)


class _Colours:
    """A master's colour scheme and colour map: scheme colour names -> RRGGBB."""

    def __init__(self, master):
        self.scheme, self.major, self.minor = _theme_of(master)
        clr_map = master._element.find("p:clrMap", NS)
        self.map = dict(clr_map.attrib) if clr_map is not None else {}

    def scheme_colour(self, name: str) -> str | None:
        name = self.map.get(name, name)
        return self.scheme.get(name)

    def resolve(self, parent) -> str | None:
        """The colour of the first colour element under `parent` (a solidFill, a gs, ...)."""
        if parent is None:
            return None
        for child in parent:
            tag = etree.QName(child).localname
            value = None
            if tag == "srgbClr":
                value = child.get("val")
            elif tag == "sysClr":
                value = child.get("lastClr") or ("000000" if child.get("val") == "windowText" else "FFFFFF")
            elif tag == "schemeClr":
                value = self.scheme_colour(child.get("val"))
            elif tag == "prstClr":
                value = {"black": "000000", "white": "FFFFFF"}.get(child.get("val"))
            if value:
                return _modified(value.upper(), child)
        return None

    def font(self, typeface: str | None) -> str | None:
        if not typeface:
            return None
        if typeface.startswith("+mj"):
            return self.major
        if typeface.startswith("+mn"):
            return self.minor
        return typeface


def _theme_of(master) -> tuple[dict[str, str], str | None, str | None]:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        root = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    except (KeyError, etree.XMLSyntaxError):
        return {}, None, None
    scheme = {}
    clr = root.find(".//a:clrScheme", NS)
    for child in clr if clr is not None else []:
        name = etree.QName(child).localname
        for value in child:
            tag = etree.QName(value).localname
            if tag == "srgbClr":
                scheme[name] = value.get("val").upper()
            elif tag == "sysClr":
                scheme[name] = (value.get("lastClr") or "000000").upper()
    major = root.find(".//a:majorFont/a:latin", NS)
    minor = root.find(".//a:minorFont/a:latin", NS)
    return (scheme, (major.get("typeface") or None) if major is not None else None,
            (minor.get("typeface") or None) if minor is not None else None)


def _modified(value: str, element) -> str:
    """Apply the luminance modifiers Office themes use (lumMod/lumOff, tint, shade)."""
    r, g, b = (int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))
    for mod in element:
        tag, val = etree.QName(mod).localname, int(mod.get("val", "100000")) / 100000
        if tag == "lumMod":
            r, g, b = _hsl_luminance(r, g, b, lambda lum: lum * val)
        elif tag == "lumOff":
            r, g, b = _hsl_luminance(r, g, b, lambda lum: lum + val)
        elif tag == "tint":
            r, g, b = (c + (1 - c) * (1 - val) for c in (r, g, b))
        elif tag == "shade":
            r, g, b = (c * val for c in (r, g, b))
    return "".join(f"{round(min(1.0, max(0.0, c)) * 255):02X}" for c in (r, g, b))


def _hsl_luminance(r, g, b, change):
    import colorsys

    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    return colorsys.hls_to_rgb(h, min(1.0, max(0.0, change(lum))), s)


def _master(prs, m: int, master) -> Master:
    colours = _Colours(master)
    master_bg = _background(master, colours, prs) or colours.scheme_colour("bg1") or "FFFFFF"
    layouts = tuple(_layout(prs, m, i, layout, master, colours, master_bg)
                    for i, layout in enumerate(master.slide_layouts))
    name = master._element.find("p:cSld", NS).get("name", "")
    return Master(name=name, layouts=layouts)


def _layout(prs, m: int, index: int, layout, master, colours: _Colours, master_bg: str) -> Layout:
    background = _background(layout, colours, prs, shapes_only=True)
    if background is None:
        own = _background(layout, colours, prs, fill_only=True)
        shows_master = layout._element.get("showMasterSp", "1") not in ("0", "false")
        master_shapes = _background(master, colours, prs, shapes_only=True) if shows_master else None
        background = master_shapes or own or master_bg
    placeholders = []
    for shape in layout.placeholders:
        placeholders.append(_placeholder(shape, layout, master, colours))
    return Layout(master=m, index=index, name=layout.name, placeholders=tuple(placeholders),
                  background=background)


def ph_type_of(element) -> tuple[str, int]:
    ph = element.find(".//p:nvPr/p:ph", NS)
    if ph is None:
        return "", 0
    return ph.get("type", "obj"), int(ph.get("idx", "0"))


def _master_counterpart(master, ph_type: str):
    """The master placeholder a layout placeholder inherits from (PowerPoint matches by type)."""
    wanted = {"ctrTitle": "title", "subTitle": "body", "obj": "body"}.get(ph_type, ph_type)
    for shape in master.placeholders:
        if ph_type_of(shape._element)[0] == wanted:
            return shape._element
    return None


def _text_style(master, ph_type: str):
    styles = master._element.find("p:txStyles", NS)
    if styles is None:
        return None
    name = "titleStyle" if ph_type in ("title", "ctrTitle") else "otherStyle" if ph_type in FOOTER_TYPES \
        else "bodyStyle"
    return styles.find(f"p:{name}/a:lvl1pPr", NS)


def _placeholder(shape, layout, master, colours: _Colours) -> Placeholder:
    element = shape._element
    ph_type, idx = ph_type_of(element)
    chain = [element, _master_counterpart(master, ph_type)]
    style = _text_style(master, ph_type)

    def first(find):
        for el in chain:
            if el is None:
                continue
            value = find(el)
            if value is not None:
                return value
        return find_in_style(find) if style is not None else None

    def find_in_style(find):
        return find(style)

    def run_props(el):
        """Where a placeholder sets its first-level text: lstStyle, then its sample text's runs."""
        if etree.QName(el).localname == "lvl1pPr":
            return [el.find("a:defRPr", NS)]
        return [el.find("p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr", NS),
                el.find("p:txBody/a:p/a:r/a:rPr", NS), el.find("p:txBody/a:p/a:endParaRPr", NS)]

    def prop(getter):
        def find(el):
            for rpr in run_props(el):
                if rpr is not None:
                    value = getter(rpr)
                    if value is not None:
                        return value
            return None
        return find

    size = first(prop(lambda rpr: int(rpr.get("sz")) / 100 if rpr.get("sz") else None))
    bold = first(prop(lambda rpr: rpr.get("b") in ("1", "true") if rpr.get("b") else None))
    colour = first(prop(lambda rpr: colours.resolve(rpr.find("a:solidFill", NS))))
    font = first(prop(lambda rpr: colours.font(rpr.find("a:latin", NS).get("typeface"))
                      if rpr.find("a:latin", NS) is not None else None))

    def body_attr(name):
        def find(el):
            if etree.QName(el).localname == "lvl1pPr":
                return None
            body = el.find("p:txBody/a:bodyPr", NS)
            return body.get(name) if body is not None else None
        return find

    def align(el):
        if etree.QName(el).localname == "lvl1pPr":
            return el.get("algn")
        for ppr in (el.find("p:txBody/a:lstStyle/a:lvl1pPr", NS), el.find("p:txBody/a:p/a:pPr", NS)):
            if ppr is not None and ppr.get("algn"):
                return ppr.get("algn")
        return None

    box = None
    try:
        if shape.width is not None and shape.height is not None:
            box = Box(round(shape.left / EMU, 2), round(shape.top / EMU, 2),
                      round(shape.width / EMU, 2), round(shape.height / EMU, 2))
    except (AttributeError, TypeError):
        box = None
    vert = first(body_attr("vert")) or "horz"
    text = "".join(t.text or "" for t in element.iterfind(".//a:t", NS)) if ph_type in FOOTER_TYPES else ""
    return Placeholder(type=ph_type, idx=idx, name=shape.name, box=box, size=size, colour=colour, font=font,
                       anchor=first(body_attr("anchor")) or "t", align=first(align) or "l",
                       vertical=vert not in ("horz",), text=text, bold=bool(bold))


def _background(owner, colours: _Colours, prs, fill_only: bool = False, shapes_only: bool = False) -> str | None:
    """The colour behind text on a master or layout: a picture or rectangle that covers the slide
    (drawn over the background), else the background fill."""
    area = prs.slide_width * prs.slide_height
    if not fill_only:
        for el in owner._element.find("p:cSld/p:spTree", NS):
            tag = etree.QName(el).localname
            if tag not in ("pic", "sp") or el.find(".//p:nvPr/p:ph", NS) is not None:
                continue
            ext = el.find("p:spPr/a:xfrm/a:ext", NS)
            if ext is None or int(ext.get("cx", 0)) * int(ext.get("cy", 0)) < 0.9 * area:
                continue
            if tag == "pic":
                colour = _picture_colour(owner.part, el.find("p:blipFill/a:blip", NS))
            else:
                colour = colours.resolve(el.find("p:spPr/a:solidFill", NS))
            if colour:
                return colour
    if shapes_only:
        return None
    bg = owner._element.find("p:cSld/p:bg", NS)
    if bg is None:
        return None
    ref = bg.find("p:bgRef", NS)
    if ref is not None:
        return colours.resolve(ref)
    props = bg.find("p:bgPr", NS)
    if props is None:
        return None
    solid = props.find("a:solidFill", NS)
    if solid is not None:
        return colours.resolve(solid)
    stops = [colours.resolve(gs) for gs in props.iterfind("a:gradFill/a:gsLst/a:gs", NS)]
    stops = [s for s in stops if s]
    if stops:
        return _mean(stops)
    blip = props.find("a:blipFill/a:blip", NS)
    if blip is not None:
        return _picture_colour(owner.part, blip)
    return None


def _picture_colour(part, blip) -> str | None:
    if blip is None:
        return None
    rid = blip.get(f"{{{R}}}embed")
    try:
        from PIL import Image

        blob = part.related_part(rid).blob
        with Image.open(io.BytesIO(blob)) as image:
            r, g, b = image.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    except Exception:  # a vector picture (EMF, SVG) or a damaged one: colour unknown
        return None
    return f"{r:02X}{g:02X}{b:02X}"


def _mean(colours: list[str]) -> str:
    channels = [[int(c[i:i + 2], 16) for c in colours] for i in (0, 2, 4)]
    return "".join(f"{round(sum(ch) / len(ch)):02X}" for ch in channels)


def inspect(file: Path) -> tuple[list[str], DeckError | None]:
    """`deck template inspect`: the listing, and the problem that would stop a build, if any."""
    from deck.look.template.roles import choose_layouts, describe, theme_from
    from deck.look.theme import describe_theme

    shown = str(file)
    template = read(file, shown, failing(shown))
    try:
        template = choose_layouts(template)
    except DeckError as err:
        return describe(template), err
    theme = theme_from(template)
    return describe(template) + ["what deck takes from it:"] + describe_theme(theme)[1:], None


