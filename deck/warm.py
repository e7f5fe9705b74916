"""What a process that builds again and again keeps between builds (`deck build --watch`).

A one-off build keeps nothing; `keep()` turns keeping on for the rest of the process. Then:

- an outline file's reading (YAML, validation) is kept by its bytes: saving it unchanged, or
  changing only a picture, reads nothing again;
- the layout of an outline is kept by its bytes, the look and the pictures' sizes;
- the renderer keeps the base presentation it opened and every slide it drew
  (deck.render.parts.Warm): after an edit only the slides that changed are drawn again.

Everything is keyed by content, never by time stamps, so a kept result is always the one a cold
build would make: the bytes of the deck are the same.
"""
from __future__ import annotations

import dataclasses
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from deck.layout import Planned
from deck.outline.reader import Loaded
from deck.outline.reader import load as _load

if TYPE_CHECKING:  # render imports pptx, which a build imports only on the way to rendering
    from deck.render.parts import Warm

_LAYOUTS = 8  # layouts kept: a few outlines (or looks) in one session


class _Kept:
    def __init__(self) -> None:
        self.readings: dict[Path, tuple[bytes, Loaded]] = {}
        self.layouts: OrderedDict[tuple, Planned] = OrderedDict()
        self.renderer: Warm | None = None  # made when pptx is imported anyway


_kept: _Kept | None = None


def keep() -> None:
    """Keep what builds can share from now on in this process."""
    global _kept
    if _kept is None:
        _kept = _Kept()


def load(path: Path) -> tuple[Loaded, bytes | None]:
    """The outline read from `path` and a digest of its bytes (None when nothing is kept)."""
    if _kept is None:
        return _load(path), None
    key = Path(path).absolute()
    try:
        before = key.read_bytes()
    except OSError:
        return _load(path), None  # the loader says what is wrong with the file
    digest = hashlib.sha256(before).digest()
    kept = _kept.readings.get(key)
    if kept is not None and kept[0] == digest:
        return kept[1], digest
    loaded = _load(path)
    try:
        unchanged = key.read_bytes() == before  # not saved again while it was being read
    except OSError:
        unchanged = False
    if unchanged:
        _kept.readings[key] = (digest, loaded)
    return loaded, digest if unchanged else None


def lay_out(loaded: Loaded, digest: bytes | None, key: tuple, make: Callable[[], Planned]) -> Planned:
    """`make()`'s layout, or the one kept for the same outline bytes and `key` (look, options,
    pictures). A copy: the caller may add notices."""
    if _kept is None or digest is None:
        return make()
    full = (str(loaded.source.file), digest, key)
    planned = _kept.layouts.get(full)
    if planned is None:
        planned = _kept.layouts[full] = make()
        while len(_kept.layouts) > _LAYOUTS:
            _kept.layouts.popitem(last=False)
    _kept.layouts.move_to_end(full)
    return dataclasses.replace(planned, slides=list(planned.slides), notices=list(planned.notices))


def renderer() -> Warm | None:
    """The renderer's store (base presentation, drawn slides), or None when nothing is kept.

    Imports pptx: call it only on the way to rendering."""
    if _kept is None:
        return None
    if _kept.renderer is None:
        from deck.render.parts import Warm

        _kept.renderer = Warm()
    return _kept.renderer
