"""What an audience would see wrong on slides LibreOffice drew, beyond a word outside its shape.

- faint words: a word whose own pixels hardly stand out from what is behind them;
- broken words: a word of the slide drawn in two pieces on two lines, with no hyphen;
- colliding words: two drawn words on top of each other (labels of a chart, say);
- cut frames: two frames of content (text, table, chart, picture) on a slide that cut into each
  other without one holding the other (a headline grown into the table under it).

The first three judge the drawing (`libreoffice.Render`); the last one the deck's own boxes.
"""
from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from support.libreoffice import Word

# A word's contrast is measured on its anti-aliased pixels at 144 dpi, the darkest and lightest
# 2 % left out: text that keeps 4.5:1 measures far above 2:1, text that is hard to see below it.
DPI = 144
FAINT = 2.0
SPARE = 50  # 1/50: the share of a word's pixels left out at either end
COVERED = 0.25  # of the smaller word's box: more is a collision, less is a descender's graze
GRAZE = 2.0  # points two frames may share before they cut into each other
HYPHENS = ("-", "\u00ad", "\u2010", "\u2011", "\u2013")


@dataclass(frozen=True)
class Finding:
    page: int  # from 0
    what: str
    detail: str = ""

    def __str__(self) -> str:
        return f"slide {self.page + 1}: {self.what}" + (f" ({self.detail})" if self.detail else "")


def _key(text: str) -> str:
    """Letters and digits in one case: a drawn word may be in capitals, or carry punctuation."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


# --- faint words -----------------------------------------------------------------------------------

def page_images(pdf: Path, folder: Path) -> list[Path]:
    """The PDF's pages as pictures at DPI (PPM: writing PNG would take longer than drawing)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(DPI), str(pdf), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.ppm"))


@cache
def _luminance(rgb: tuple[int, int, int]) -> float:
    def linear(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = rgb
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(picture, box: tuple[float, float, float, float]) -> float | None:
    """The contrast between a word's lightest and darkest pixels (WCAG's ratio), None for a box
    too small to judge."""
    scale = DPI / 72
    x0, y0 = int(box[0] * scale), int(box[1] * scale)
    x1, y1 = max(x0 + 1, int(box[2] * scale)), max(y0 + 1, int(box[3] * scale))
    colours = picture.crop((x0, y0, x1, y1)).getcolors((x1 - x0) * (y1 - y0))
    total = sum(n for n, _ in colours)
    if total < 4:
        return None
    ranked = sorted((_luminance(rgb), n) for n, rgb in colours)
    spare = total // SPARE

    def at(index: int) -> float:
        for lum, n in ranked:
            if index < n:
                return lum
            index -= n
        return ranked[-1][0]
    darkest, lightest = at(spare), at(total - 1 - spare)
    return (lightest + 0.05) / (darkest + 0.05)


def faint_words(drawn: list[Word], pictures: list[Path]) -> list[Finding]:
    from PIL import Image

    found = []
    for page, file in enumerate(pictures):
        on_page = [w for w in drawn if w.page == page and _key(w.text)]
        if not on_page:
            continue
        with Image.open(file) as image:
            picture = image.convert("RGB")
        for word in on_page:
            ratio = contrast(picture, (word.x0, word.y0, word.x1, word.y1))
            if ratio is not None and ratio < FAINT:
                found.append(Finding(page, f"faint word {word.text!r}", f"{ratio:.2f}:1"))
    return found


# --- broken words --------------------------------------------------------------------------------

def broken_words(drawn: list[Word], slide_words: list[set[str]]) -> list[Finding]:
    """Pieces drawn on successive lines, the first not a word of the slide, that together make
    one, with no hyphen at any of the breaks ("Onderzo|eksresult|aten")."""
    found = []
    for i, first in enumerate(drawn):
        whole = slide_words[first.page]
        joined, pieces = _key(first.text), [first]
        if not joined or joined in whole:
            continue
        for piece in drawn[i + 1:]:
            last = pieces[-1]
            if piece.page != first.page or piece.y0 < (last.y0 + last.y1) / 2:
                break  # a piece on the same line (or the next slide) continues no break
            joined += _key(piece.text)
            pieces.append(piece)
            if joined in whole:
                if len(joined) >= 4 and not any(p.text.rstrip().endswith(HYPHENS) for p in pieces[:-1]):
                    found.append(Finding(first.page, "word broken without a hyphen: "
                                         + "|".join(p.text for p in pieces)))
                break
            if not any(word.startswith(joined) for word in whole):
                break
    return found


def words_of(pptx: Path) -> list[set[str]]:
    """Per slide, the words its texts and tables hold (keys as `_key` makes them)."""
    from pptx import Presentation

    pages = []
    for slide in Presentation(str(pptx)).slides:
        texts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            elif getattr(shape, "has_table", False) and shape.has_table:
                texts.extend(cell.text for row in shape.table.rows for cell in row.cells)
        pages.append({_key(w) for text in texts for w in text.split()} - {""})
    return pages


# --- colliding words -------------------------------------------------------------------------------

def colliding_words(drawn: list[Word]) -> list[Finding]:
    found = []
    pages: dict[int, list[Word]] = {}
    for word in drawn:
        if _key(word.text):
            pages.setdefault(word.page, []).append(word)
    for page, words in pages.items():
        words.sort(key=lambda w: w.x0)
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                if b.x0 >= a.x1:
                    break  # sorted by left edge: no later word reaches back into a
                w = min(a.x1, b.x1) - max(a.x0, b.x0)
                h = min(a.y1, b.y1) - max(a.y0, b.y0)
                smaller = min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0))
                if w > 0 and h > 0 and smaller > 0 and w * h > COVERED * smaller:
                    found.append(Finding(page, f"words drawn over each other: {a.text!r} / {b.text!r}"))
    return found


# --- frames that cut into each other ------------------------------------------------------------------

def _holds(outer: tuple[float, ...], inner: tuple[float, ...]) -> bool:
    return (outer[0] <= inner[0] + GRAZE and outer[1] <= inner[1] + GRAZE
            and outer[2] >= inner[2] - GRAZE and outer[3] >= inner[3] - GRAZE)


def content_frames(slide) -> list[tuple[str, tuple[float, float, float, float]]]:
    """(name, box in points) of the shapes that carry content: text, a table, a chart, a picture.
    Rules, panels and empty shapes are decoration that content may lie on."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    frames = []
    for shape in slide.shapes:
        if shape.left is None or shape.width is None:
            continue
        carries = ((shape.has_text_frame and shape.text_frame.text.strip())
                   or getattr(shape, "has_table", False) or getattr(shape, "has_chart", False)
                   or shape.shape_type == MSO_SHAPE_TYPE.PICTURE)
        if carries:
            frames.append((shape.name, (shape.left / 12700, shape.top / 12700,
                                        (shape.left + shape.width) / 12700, (shape.top + shape.height) / 12700)))
    return frames


def cut_frames(pptx: Path) -> list[Finding]:
    from pptx import Presentation

    found = []
    for page, slide in enumerate(Presentation(str(pptx)).slides):
        frames = content_frames(slide)
        for i, (name_a, a) in enumerate(frames):
            for name_b, b in frames[i + 1:]:
                w, h = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
                if w > GRAZE and h > GRAZE and not _holds(a, b) and not _holds(b, a):
                    found.append(Finding(page, f"frames cut into each other: {name_a} / {name_b}",
                                         f"by {min(w, h):.1f} pt"))
    return found
