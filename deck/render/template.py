"""A corporate template opened for a build: its sample slides removed completely (or PowerPoint
offers to repair the deck), missing parts added, shape ids made unique, and the footer
placeholders that python-pptx never clones from a layout copied onto a slide."""
from __future__ import annotations

from lxml import etree

from deck.look.template.load import failing
from deck.look.template.model import Template
from deck.look.template.read import open_presentation, ph_type_of
from deck.look.template.untitled import add_titles
from deck.ooxml import NS, qn
from deck.plan import Box
from deck.units import points

SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"  # PowerPoint's sections, which list slides


def open_for_build(template: Template):
    """The template as a Presentation without its sample slides, and (kind -> layout object).
    It is opened from the bytes read when the look was chosen, not from the file again."""
    prs = open_presentation(template.data, failing(template.shown))
    remove_slides(prs)
    add_titles(prs)
    add_missing_parts(prs)
    for master in prs.slide_masters:
        for owner in [master, *master.slide_layouts]:
            unique_shape_ids(owner._element)
    if any(rel.reltype.endswith("/notesMaster") for rel in prs.part.rels.values()):
        unique_shape_ids(prs.notes_master._element)  # the notes pages are built on it too
    masters = list(prs.slide_masters)
    layouts = {kind: masters[m].slide_layouts[i] for kind, (m, i) in template.mapping.items()}
    return prs, layouts


def remove_slides(prs) -> None:
    """Every slide out: its entry, its relationship (so the part and its notes are not saved),
    custom shows and sections that list slides."""
    presentation = prs.part._element
    id_list = presentation.find("p:sldIdLst", NS)
    if id_list is not None:
        for entry in list(id_list):
            rid = entry.get(qn("r:id"))
            id_list.remove(entry)
            if rid in prs.part.rels:
                prs.part.drop_rel(rid)
    shows = presentation.find("p:custShowLst", NS)
    if shows is not None:
        presentation.remove(shows)
    ext_list = presentation.find("p:extLst", NS)
    if ext_list is not None:
        for ext in list(ext_list):
            if ext.get("uri") == SECTIONS_EXT:
                ext_list.remove(ext)
        if len(ext_list) == 0:
            presentation.remove(ext_list)


def add_missing_parts(prs) -> None:
    """Parts PowerPoint expects and some writers (LibreOffice) leave out (without view properties
    PowerPoint offers to repair the deck), and document properties that belong to the template,
    not to this deck. The replacements are python-pptx's own, as in a deck without a template."""
    from pptx import Presentation
    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    part = prs.part
    base = Presentation()
    # The template's own application properties list its sample slides' titles: start clean.
    def app_part(package):
        # writers differ on the relationship type's namespace; its name is the same
        return next((rel.target_part for rel in package._rels.values()
                     if not rel.is_external and rel.reltype.endswith("/extended-properties")), None)

    app = app_part(part.package)
    if app is not None:
        app._blob = app_part(base.part.package).blob
    props = prs.core_properties
    props.category = props.content_status = props.identifier = props.version = ""
    if any(rel.reltype == RT.VIEW_PROPS for rel in part.rels.values()):
        return
    blob = base.part.part_related_by(RT.VIEW_PROPS).blob
    names = {str(p.partname) for p in part.package.iter_parts()}
    name = "/ppt/viewProps.xml" if "/ppt/viewProps.xml" not in names else "/ppt/viewProps1.xml"
    part.relate_to(Part(PackURI(name), CT.PML_VIEW_PROPS, part.package, blob), RT.VIEW_PROPS)


def unique_shape_ids(root) -> None:
    """Give shapes that share an id (LibreOffice writes such masters and layouts) fresh ones:
    PowerPoint repairs a file with duplicates, and the validity gate refuses it."""
    tree = root.find("p:cSld/p:spTree", NS)
    if tree is None:
        return
    shapes = [el for el in tree.iter() if etree.QName(el).localname == "cNvPr"]
    ids = [int(el.get("id", "0")) for el in shapes]
    if len(set(ids)) == len(ids) and 0 not in ids:
        return
    seen: set[int] = set()
    next_id = max(ids + [0]) + 1
    for el, shape_id in zip(shapes, ids, strict=False):
        if shape_id in seen or shape_id == 0:
            el.set("id", str(next_id))
            shape_id, next_id = next_id, next_id + 1
        seen.add(shape_id)


def carry_placeholder(slide, layout, ph_type: str):
    """A copy of the layout's date, footer or slide-number placeholder on the slide (python-pptx
    does not clone these); None if the layout has none."""
    for shape in layout.placeholders:
        if ph_type_of(shape._element)[0] == ph_type:
            return slide.shapes.clone_placeholder(shape) or _last_shape(slide)
    return None


def laid_in(placeholders: list, box: Box):
    """The placeholder a text was laid out in: the one its box overlaps most (the layout took the
    box from that placeholder); None when it overlaps none."""
    def overlap(ph) -> float:
        if ph.left is None or ph.top is None or ph.width is None or ph.height is None:
            return 0.0
        dx, dy = Box(*(points(v) for v in (ph.left, ph.top, ph.width, ph.height))).overlap(box)
        return dx * dy if dx > 0 and dy > 0 else 0.0

    best = max(placeholders, key=overlap, default=None)
    return best if best is not None and overlap(best) > 0 else None


def _last_shape(slide):
    return list(slide.shapes)[-1]


