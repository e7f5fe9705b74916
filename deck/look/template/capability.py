"""What a template layout can serve, judged by what it has where a slide needs it, never by the
exact set of its placeholders: a content layout may carry a small source line beside its body, a
cover may have places for the author, the organisation and the date. Placeholders a role does not
use are filled when deck has something for them, and otherwise removed from the slide.

    cover     a title, and a text placeholder beside or under it (a subtitle, or a body used as one),
              and no big content area
    section   a title away from the top strip, at most one text placeholder for the message, no big
              content area; not a cover's centred title or subtitle
    content   a title and a body area under it, at least a quarter of the slide and half its width
    two       a title and two content placeholders side by side under it (a heading over each is fine)
    picture   a title and a picture placeholder of some size
    title     a title at the top and no big content area: deck draws below the title itself

Each qualifying role has a score: the share of the slide its content area gets (the body, the two
columns as twice the narrower, the picture, the room under the title, the title and its texts on covers and dividers).
"""
from __future__ import annotations

from dataclasses import dataclass

from deck.look.template.model import CONTENT_TYPES, FOOTER_TYPES, Layout, Placeholder
from deck.plan import Box

ROLES = ("cover", "section", "content", "two", "picture", "title")
BIG = 0.25  # a content area of at least this share of the slide is the slide's main area
WIDE = 0.5  # ... and at least this share of its width
COLUMN = 0.1  # each of two columns holds at least this share of the slide
PICTURE = 0.15
TOP_STRIP = 0.25  # a title whose middle lies in this top share of the slide is a headline


@dataclass(frozen=True)
class Fit:
    role: str
    score: float  # share of the slide the role's content area gets, 0..1
    why: str  # what qualifies it, for `deck template inspect`
    extras: int = 0  # placeholders the role leaves to fill or remove
    prominence: float = 0.0  # covers: the title's size; among covers the largest title wins first


def _area(box: Box) -> float:
    return box.w * box.h


def on_slide(box: Box, width: float, height: float) -> bool:
    """Whether a box lies on the slide (a template may park a placeholder beside it)."""
    return box.x >= -1 and box.y >= -1 and box.right <= width + 1 and box.bottom <= height + 1


def text_slots(layout: Layout, width: float, height: float) -> list[Placeholder]:
    """The layout's text and content placeholders on the slide other than title and footers, in
    reading order."""
    slots = [p for p in layout.placeholders if p.box and not p.is_title and not p.vertical
             and p.type in ("subTitle",) + CONTENT_TYPES and on_slide(p.box, width, height)]
    return sorted(slots, key=lambda p: (round(p.box.y), p.box.x) if p.box else (0, 0))


def main_area(layout: Layout, width: float, height: float) -> Placeholder | None:
    """The layout's content placeholder that serves as the body: the largest one under the title,
    if it is big and wide enough."""
    title = layout.title
    if title is None or title.box is None:
        return None
    below = [p for p in layout.contents if p.box and p.box.y >= title.box.y + title.box.h / 2]
    big = [p for p in below if p.box and _area(p.box) >= BIG * width * height and p.box.w >= WIDE * width]
    return max(big, key=lambda p: _area(p.box) if p.box else 0.0, default=None)


def picture_place(layout: Layout, width: float, height: float) -> Placeholder | None:
    """Where the layout holds a picture: its largest picture placeholder on the slide, else its
    content placeholder that serves as the body (PowerPoint puts a picture in either; a body
    placeholder holds text only)."""
    pictures = [p for p in layout.of_type("pic") if p.box and on_slide(p.box, width, height)]
    if pictures:
        return max(pictures, key=lambda p: _area(p.box) if p.box else 0.0)
    body = main_area(layout, width, height)
    return body if body is not None and body.type == "obj" else None


def main_picture(layout: Layout, width: float, height: float) -> Placeholder | None:
    """The layout's picture placeholder when it stands where a body would: under the title, big
    and wide. A layout with one shows a picture as deck does, under the headline."""
    title = layout.title
    if title is None or title.box is None:
        return None
    top = title.box.y + title.box.h / 2
    big = [p for p in layout.of_type("pic") if p.box and p.box.y >= top and on_slide(p.box, width, height)
           and _area(p.box) >= BIG * width * height and p.box.w >= WIDE * width]
    return max(big, key=lambda p: _area(p.box) if p.box else 0.0, default=None)


def columns(layout: Layout, width: float, height: float) -> tuple[Placeholder, Placeholder] | None:
    """The two content placeholders that stand side by side under the title, tops aligned, with the
    most room between them; left first."""
    title = layout.title
    if title is None or title.box is None:
        return None
    top = title.box.y + title.box.h / 2
    tall = [p for p in layout.contents if p.box and p.box.y >= top and _area(p.box) >= COLUMN * width * height]
    best: tuple[Placeholder, Placeholder] | None = None
    best_area = 0.0
    for i, a in enumerate(tall):
        for b in tall[i + 1:]:
            left, right = sorted((a, b), key=lambda p: p.box.x if p.box else 0.0)
            if not (left.box and right.box) or left.box.right > right.box.x + 1 \
                    or abs(left.box.y - right.box.y) >= 24 or abs(left.box.h - right.box.h) > 0.25 * left.box.h:
                continue
            room = _area(left.box) + _area(right.box)
            if room > best_area:
                best, best_area = (left, right), room
    return best


def judge(layout: Layout, width: float, height: float) -> tuple[list[Fit], str]:
    """The roles the layout qualifies for, best score first, and why it qualifies for none."""
    title = layout.title
    if title is None:
        return [], "no title placeholder"
    if title.box is None or title.vertical:
        return [], "its title has no place on the slide" if title.box is None else "a vertical title"
    slide = width * height
    if any(p.vertical and p.box and _area(p.box) >= BIG * slide for p in layout.placeholders):
        return [], "its text runs vertically"
    t = title.box
    fits: list[Fit] = []
    body = main_area(layout, width, height)
    pair = columns(layout, width, height)
    slots = text_slots(layout, width, height)
    pictures = [p for p in layout.of_type("pic") if p.box and _area(p.box) >= PICTURE * slide]
    big = body is not None or pair is not None
    # a big content area anywhere (beside the title too) makes a layout for content, not a cover
    crowded = big or any(p.box and _area(p.box) >= BIG * slide for p in layout.of_type(*CONTENT_TYPES))
    extras = len([p for p in layout.placeholders if not p.is_title and p.type not in FOOTER_TYPES])
    if body is not None and body.box:
        share = _area(body.box) / slide
        fits.append(Fit("content", share, f"body {_size(body.box)}{_plus(extras - 1)}"))
    if pair is not None and pair[0].box and pair[1].box:
        # a comparison gives both sides the same weight: unequal columns count the narrower twice
        share = 2 * min(_area(pair[0].box), _area(pair[1].box)) / slide
        fits.append(Fit("two", share, f"two columns of {_size(pair[0].box)}{_plus(extras - 2)}"))
    if pictures:
        picture = max(pictures, key=lambda p: _area(p.box) if p.box else 0.0)
        assert picture.box
        fits.append(Fit("picture", _area(picture.box) / slide, f"picture {_size(picture.box)}"))
    headline = t.y + t.h / 2 <= TOP_STRIP * height
    under = [p for p in slots if p.box and p.box.y >= t.y + t.h / 2 - 1]
    # A cover's title is a centred title, or a title away from the top with a subtitle; Google
    # Slides marks every text placeholder a subtitle, so the place of the title decides there.
    # a subtitle stands close under the title in a readable size (not a 6 pt running head)
    readable = 12 * height / 540
    subtitles = [p for p in under if p.type == "subTitle" and p.box and p.box.y <= t.bottom + 0.2 * height
                 and (p.size is None or p.size >= readable)]
    covered = title.type == "ctrTitle" or (bool(subtitles) and (not headline or len(slots) == 1))
    if not crowded and not pictures:
        # the cover's content: its title and the subtitle under it (the first text place there)
        texts = _area(under[0].box) if under and under[0].box else 0.0
        if covered:
            fits.append(Fit("cover", (_area(t) + texts) / slide,
                            f"title and {len(under)} text{'s' if len(under) != 1 else ''} under it",
                            prominence=title.size or 0.0))
        if not covered and not headline and len(slots) <= 1:
            fits.append(Fit("section", (_area(t) + texts) / slide,
                            "a title" + (" and a message" if slots else "") + " away from the top"))
        if headline and title.type != "ctrTitle":
            room = max(0.0, height - t.bottom) * width / slide
            fits.append(Fit("title", room, f"headline at the top, {room:.0%} of the slide under it"
                            + _plus(extras), extras))
    fits.sort(key=lambda fit: -fit.score)
    if fits:
        return fits, ""
    if crowded or pictures:
        return [], "its content area stands beside the title, not under it"
    return [], "its title is not at the top, and it has no text for a cover or divider"


def _size(box: Box) -> str:
    return f"{box.w:g} x {box.h:g} pt"


def _plus(extras: int) -> str:
    return f", {extras} more placeholder{'s' if extras != 1 else ''} filled or removed" if extras > 0 else ""
