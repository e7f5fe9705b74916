"""The pictures an outline points at, checked before anything is laid out or written.

Layout stays pure: it gets each picture's pixel size from here, keyed by the slide's path.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from deck.errors import DeckError, Message
from deck.outline.source import Loaded

MAX_PIXELS = 50_000_000  # larger pictures bloat the deck and slow PowerPoint for no visible gain
FORMATS = {"PNG": "png", "JPEG": "jpeg", "GIF": "gif"}


class ImageInfo(NamedTuple):
    """A picture the outline names, as checked: its file, pixel size and format."""

    file: Path
    width: int
    height: int
    format: str


def inspect_image(file: Path) -> ImageInfo:
    """Pixel size and format, or a DeckError saying why the file cannot be shown.

    The message is about the picture file; the caller moves it to the outline line that names
    the picture, in its own words for the field ("'chart.webp' is a WEBP picture; ...")."""
    from PIL import Image, UnidentifiedImageError

    def refuse(message: str, hint: str) -> DeckError:
        return DeckError(Message(str(file), None, (), message, hint))

    head = file.read_bytes()[:512].lstrip()
    if file.suffix.lower() == ".svg" or head.startswith((b"<svg", b"<?xml")):
        raise refuse("SVG pictures are not supported",
                     "export the drawing as PNG, e.g. `rsvg-convert -o picture.png picture.svg`")
    try:
        with Image.open(file) as image:
            width, height = image.size
            kind = image.format
            if width * height > MAX_PIXELS:
                raise refuse(f"is {width} x {height} pixels, more than {MAX_PIXELS // 1_000_000} megapixels",
                             "scale the picture down; 3000 pixels wide is plenty for a slide")
            if kind not in FORMATS:
                raise refuse(f"is a {kind} picture; deck takes PNG, JPEG and GIF", "save it as PNG or JPEG")
            image.verify()  # reads the whole file: a truncated or damaged picture fails here
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise refuse("is not a picture deck can read (or it is damaged)", "use a PNG, JPEG or GIF file") from None
    return ImageInfo(file, width, height, FORMATS[kind])


def collect(loaded: Loaded, allow_outside: bool = False) -> dict[tuple, ImageInfo]:
    """Every picture of the outline by its slide's path; all problems at once."""
    found: dict[tuple, ImageInfo] = {}
    problems: list[Message] = []
    for s, section in enumerate(loaded.outline.sections):
        for n, slide in enumerate(section.slides):
            if slide.kind != "image":
                continue
            path = ("sections", s, "slides", n)
            from deck.outline.paths import resolve_asset

            try:
                file = resolve_asset(loaded.source, slide.image, path + ("image",), allow_outside)
            except DeckError as err:
                problems.extend(err.problems)
                continue
            try:
                found[path] = inspect_image(file)
            except DeckError as err:
                [picture] = err.problems
                text = picture.message if picture.message.startswith("SVG") else f"'{slide.image}' {picture.message}"
                problems.append(loaded.source.problem(path + ("image",), text, picture.hint))
    if problems:
        raise DeckError(problems)
    return found
