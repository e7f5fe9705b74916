"""Slides, notes slides and part names in constant time each, where python-pptx searches.

python-pptx names a new part (a notes slide, a chart, its workbook, an image) by walking every
part of the package for the names in use (`OpcPackage.next_partname`, `next_image_partname`) and
finds an image again by walking every image relationship. For every slide it parses a slide
template and clones the layout's placeholders, searches all of the presentation's relationships,
reads every slide id; for every notes slide it looks up the notes master and clones its
placeholders. A deck of n slides with notes thus visits ~n²/2 parts: 1,000 slides cost seconds
in the walks alone. And it holds every slide's XML tree until it saves.

`Parts` keeps that bookkeeping for one presentation: it walks once per kind of name and hands
out names from what it has seen, copies the first slide made on each layout and the first notes
slide as blanks, counts slide ids on, and serialises each slide as soon as the next one starts.
Names, ids, relationships and XML are exactly those python-pptx would produce, so the deck's
bytes do not change (tests/test_scaling.py compares them).

It is installed on one package *object* (instance attributes that shadow the package's methods),
not on python-pptx's classes: nothing changes for any other presentation in the process, and the
cache is gone with the build. It relies on python-pptx internals (pinned to 1.0.x).

A process that builds again and again (`deck build --watch`) can also keep, between builds, the
base presentation as saved bytes and every rendered slide as XML keyed by what it was drawn from
(`Warm`): a rebuild copies what did not change instead of opening the template and drawing every
slide anew. A one-off build keeps nothing.
"""
from __future__ import annotations

import copy
import io
from collections import OrderedDict
from collections.abc import Callable, Hashable

import pptx.presentation
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.oxml.slide import CT_Slide
from pptx.parts.image import Image, ImagePart
from pptx.parts.slide import BaseSlidePart, NotesMasterPart, NotesSlidePart, SlidePart
from pptx.slide import SlideLayout

from deck.ooxml import serialised

NOTES_SLIDE = "/ppt/notesSlides/notesSlide%d.xml"
# Name templates whose parts python-pptx creates only through `next_partname`, so a name seen
# once or handed out here stays taken for the whole build. Slides are not among them: python-pptx
# names those from the slide list itself (no walk), and a template loader may rename them.
CACHED_TEMPLATES = frozenset({
    NOTES_SLIDE,
    "/ppt/notesMasters/notesMaster%d.xml",
    "/ppt/theme/theme%d.xml",
    "/ppt/charts/chart%d.xml",
    "/ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx",
})
_IMAGE_PREFIX = "/ppt/media/image"
_MAX_SLIDE_ID = 2**31 - 1  # ST_SlideId


# A slide that relates to nothing but its layout and its notes can be copied as XML; one with a
# picture or a chart refers to other parts by relationship id, so it is drawn again.
_COPYABLE_RELS = frozenset({RT.SLIDE_LAYOUT, RT.NOTES_SLIDE})


# A base presentation and its layouts by slide kind ("title", "content", or a template's kinds).
_Base = tuple[pptx.presentation.Presentation, dict[str, SlideLayout]]


class Warm:
    """What a process keeps between builds: base presentations and rendered slides, as bytes.

    Bounded (least recently used out first) so a long watch session cannot grow without end.
    """

    def __init__(self, slides: int = 4096, bases: int = 4):
        self._slides: OrderedDict[Hashable, tuple[bytes, bytes | None]] = OrderedDict()
        self._bases: OrderedDict[Hashable, tuple[bytes, dict, dict]] = OrderedDict()
        self._limits = (slides, bases)
        self.reused = 0  # slides copied rather than drawn, over the process (reported by bench)

    def _keep(self, store: OrderedDict, key: Hashable, value, limit: int) -> None:
        store[key] = value
        store.move_to_end(key)
        while len(store) > limit:
            store.popitem(last=False)

    def base(self, key: Hashable, make: Callable[[], _Base]) -> _Base:
        """(presentation, {name: layout}) from `make`, or a copy of the one it made before."""
        kept = self._bases.get(key)
        if kept is None:
            prs, layouts = make()
            out = io.BytesIO()
            prs.save(out)
            # Saving writes relationships sorted by id, but python-pptx orders the parts of the
            # deck by walking the relationships in the order it read them: keep that order too.
            order = {str(part.partname): list(part.rels) for part in prs.part.package.iter_parts()}
            order[""] = list(prs.part.package._rels)
            names = {k: str(v.part.partname) for k, v in layouts.items()}
            self._keep(self._bases, key, (out.getvalue(), names, order), self._limits[1])
            return prs, layouts
        self._bases.move_to_end(key)
        data, names, order = kept
        prs = Presentation(io.BytesIO(data))
        package = prs.part.package
        for name, rels in [("", package._rels)] + [(str(p.partname), p.rels) for p in package.iter_parts()]:
            by_id = rels._rels
            ordered = [(rid, by_id[rid]) for rid in order[name]]
            by_id.clear()
            by_id.update(ordered)
        by_name = {str(layout.part.partname): layout for master in prs.slide_masters for layout in master.slide_layouts}
        return prs, {k: by_name[name] for k, name in names.items()}


class _Finishing(BaseSlidePart):
    """A slide or notes part that is serialised as soon as it is complete and lets go of its XML
    tree: python-pptx holds every slide's tree until it saves, ten times the size of the XML."""

    _finished: bytes | None = None

    # python-pptx's own XmlPart makes Part's settable `blob` read-only (an XML part's bytes come
    # from its tree) and silences its checker there; mypy reports it on every subclass that does so.
    @property  # type: ignore[misc]
    def blob(self) -> bytes:
        return self._finished if self._finished is not None else serialize_part_xml(self._element)

    def finish(self) -> None:
        if self._finished is None:
            # what saving would write, with what the package check reads from the tree
            self._finished = serialised(self._element, serialize_part_xml(self._element))
            del self._element
            for cached in ("slide", "notes_slide"):  # python-pptx's proxies that hold the tree
                self.__dict__.pop(cached, None)


class _SlidePart(_Finishing, SlidePart):
    pass


class _NotesSlidePart(_Finishing, NotesSlidePart):
    pass


class Parts:
    """The part bookkeeping of one presentation; create it before adding slides.

    With a `Warm` store and a `context` (what every slide's drawing depends on besides its plan:
    theme, language, base), slides can be reused across builds (`reuse`, `remember`)."""

    def __init__(self, presentation, warm: Warm | None = None, context: Hashable = None):
        self._presentation = presentation
        self._warm = warm
        self._context = context
        self._package = package = presentation.part.package
        self._uncached_next_partname = package.next_partname
        self._taken: dict[str, set[str]] = {}
        self._images: dict[str, ImagePart] | None = None
        self._image_idx: set[int] | None = None
        self._blank_notes = None
        self._blank_slides: dict = {}  # layout part -> a new slide's XML on that layout
        self._notes_master: NotesMasterPart | None = None
        self._slide_id: int | None = None
        self._slides_listed: int | None = None  # the slide list's length, counted once
        self._drawing: list = []  # the parts of the slide being drawn, finished at the next one
        # python-pptx renames the slide parts in list order when the slide list is first used
        self._slide_list = presentation.slides._sldIdLst
        self.walks = 0  # whole-package walks made here: one per kind of name (tests count them)
        package.next_partname = self.next_partname
        package.next_image_partname = self.next_image_partname
        package.get_or_add_image_part = self.get_or_add_image_part

    # -- names -----------------------------------------------------------------------------------
    def next_partname(self, tmpl: str) -> PackURI:
        """python-pptx's choice: the highest free number up to one more than the names in use."""
        if tmpl not in CACHED_TEMPLATES:
            return self._uncached_next_partname(tmpl)
        taken = self._taken.get(tmpl)
        if taken is None:
            prefix = tmpl[: (tmpl % 42).find("42")]
            taken = self._taken[tmpl] = {str(p.partname) for p in self._walk() if p.partname.startswith(prefix)}
        for n in range(len(taken) + 1, 0, -1):
            name = tmpl % n
            if name not in taken:
                taken.add(name)
                return PackURI(name)
        raise AssertionError("more names taken than parts")  # pragma: no cover

    def next_image_partname(self, ext: str) -> PackURI:
        """python-pptx's choice for images: the lowest free number, whatever the extension."""
        if self._image_idx is None:
            self._image_idx = {p.partname.idx for p in self._walk()
                               if p.partname.startswith(_IMAGE_PREFIX) and p.partname.idx is not None}
        idx = 1
        while idx in self._image_idx:
            idx += 1
        self._image_idx.add(idx)
        return PackURI(f"{_IMAGE_PREFIX}{idx}.{ext}")

    def get_or_add_image_part(self, image_file) -> ImagePart:
        """The package's part for this image (by SHA-1): one part however often a logo recurs."""
        image = Image.from_file(image_file)
        if self._images is None:
            self._images = {}
            self.walks += 1
            for rel in self._package.iter_rels():  # python-pptx looks at image relationships only
                if not rel.is_external and rel.reltype == RT.IMAGE:
                    part = rel.target_part
                    if hasattr(part, "sha1"):  # unsupported types such as SVG have none
                        self._images.setdefault(part.sha1, part)
        part = self._images.get(image.sha1)
        if part is None:
            part = self._images[image.sha1] = ImagePart.new(self._package, image)
        return part

    def _walk(self):
        self.walks += 1
        return self._package.iter_parts()

    # -- slides ----------------------------------------------------------------------------------
    def add_slide(self, layout):
        """A new slide on `layout`, as python-pptx's Slides.add_slide makes it, in constant time.

        python-pptx parses a slide template and clones the layout's placeholders for every slide,
        searches all of the presentation's relationships before relating a new slide, and reads
        every slide id for the next one. Here the first slide on a layout is made by python-pptx
        and kept as the blank for that layout; a new slide cannot be related yet; ids count on.
        """
        blank = self._blank_slides.get(layout.part)
        if blank is None:
            slide = self._new_slide(layout, CT_Slide.new())
            slide.shapes.clone_layout_placeholders(layout)
            self._blank_slides[layout.part] = copy.deepcopy(slide._element)
            return slide
        return self._new_slide(layout, copy.deepcopy(blank))

    def _new_slide(self, layout, element):
        self.finish()
        presentation_part = self._presentation.part
        part = _SlidePart(self._next_slide_partname(), CT.PML_SLIDE, self._package, element)
        self._drawing.append(part)
        part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        rid = presentation_part.rels._add_relationship(RT.SLIDE, part)
        self._slide_list._add_sldId(id=self._next_slide_id(), rId=rid)
        return part.slide

    def finish(self) -> None:
        """The slide drawn last is complete: keep its XML as bytes only (see _Finishing)."""
        for part in self._drawing:
            part.finish()
        self._drawing.clear()

    def _next_slide_partname(self) -> PackURI:
        """python-pptx's name for a new slide (one more than the slides listed) without counting
        the whole list again for every slide."""
        if self._slides_listed is None:
            self._slides_listed = len(self._slide_list)
        self._slides_listed += 1
        return PackURI(f"/ppt/slides/slide{self._slides_listed}.xml")

    def _next_slide_id(self) -> int:
        """python-pptx's choice (one more than the highest id) without reading every id again."""
        if self._slide_id is not None and self._slide_id < _MAX_SLIDE_ID:
            self._slide_id += 1
        else:  # the first slide, or past the largest id: python-pptx searches for a free one
            self._slide_id = self._slide_list._next_id
        return self._slide_id

    # -- notes slides ----------------------------------------------------------------------------
    def notes_slide(self, slide):
        """The slide's notes slide, created as python-pptx would, from one cached blank copy.

        A new notes slide depends only on the notes master (python-pptx clones its slide image,
        body and slide number placeholders), so the first one is built by python-pptx and kept.
        """
        part = slide.part
        if part.has_notes_slide:
            return slide.notes_slide
        if self._blank_notes is None:
            notes = slide.notes_slide  # python-pptx creates it, blank
            self._blank_notes = copy.deepcopy(notes.part._element)
            return notes
        # the new part's own notes slide: python-pptx's `slide.notes_slide` would search the
        # slide's relationships for the part just related
        return self._add_notes(part, copy.deepcopy(self._blank_notes)).notes_slide

    def _add_notes(self, slide_part, element) -> NotesSlidePart:
        package = self._package
        if self._notes_master is None:  # python-pptx looks it up (or makes it) each time
            self._notes_master = package.presentation_part.notes_master_part
        master = self._notes_master
        notes_part = _NotesSlidePart(package.next_partname(NOTES_SLIDE), CT.PML_NOTES_SLIDE, package, element)
        self._drawing.append(notes_part)
        # The same relationships in the same order as NotesSlidePart.new: the same rIds.
        notes_part.relate_to(master, RT.NOTES_MASTER)
        notes_part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(notes_part, RT.NOTES_SLIDE)
        return notes_part

    # -- slides kept between builds --------------------------------------------------------------
    def key(self, plan) -> Hashable | None:
        """What a slide is drawn from: its plan (not where it came from in the outline) and the
        build's context; None when nothing is kept."""
        if self._warm is None:
            return None
        return (self._context, repr(plan._replace(path=())))

    def reuse(self, key: Hashable | None, layout) -> bool:
        """Add the slide drawn before for `key`, as python-pptx's add_slide would add it."""
        if key is None or self._warm is None:
            return False
        kept = self._warm._slides.get(key)
        if kept is None:
            return False
        self._warm._slides.move_to_end(key)
        slide_xml, notes_xml = kept
        slide = self._new_slide(layout, parse_xml(slide_xml))
        if notes_xml is not None:
            self._add_notes(slide.part, parse_xml(notes_xml))
        self._warm.reused += 1
        return True

    def remember(self, key: Hashable | None, slide) -> None:
        """Keep the finished slide (and its notes) for the next build, if it can be copied."""
        if key is None or self._warm is None:
            return
        if any(rel.reltype not in _COPYABLE_RELS for rel in slide.part.rels.values()):
            return
        notes = slide.notes_slide._element if slide.has_notes_slide else None
        self._warm._keep(self._warm._slides, key,
                         (etree.tostring(slide._element), None if notes is None else etree.tostring(notes)),
                         self._warm._limits[0])
