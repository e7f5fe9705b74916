"""The outline as a file: its text, read with care, and the line each of its values stands on.

Kept apart from the YAML reader so that what only needs to point at a line (paths, pictures,
the design rules) does not load a YAML parser.
"""
from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from deck.errors import DeckError, Message
from deck.outline.model import Outline

MAX_BYTES = 2_000_000


@dataclass
class Source:
    """Where the outline came from, and the line of each value (by its field path)."""

    file: str
    folder: Path
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, path: tuple) -> int | None:
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def problem(self, path: tuple, message: str, hint: str | None = None) -> Message:
        return Message(self.file, self.line(path), path, message, hint)

    def notice(self, path: tuple, message: str) -> Message:
        return Message.notice(self.file, message, self.line(path), path=path)


@dataclass(frozen=True)
class Loaded:
    """An outline read and validated, with where each of its values came from."""

    outline: Outline
    source: Source


def read_text(path: Path, shown: str) -> str:
    """The file's text, or one clear message about why it cannot be an outline."""
    try:
        info = path.stat()
    except OSError as err:
        if isinstance(err, (FileNotFoundError, NotADirectoryError)):
            raise DeckError.simple(shown, "no such file",
                                   "check the path, or run `deck build` in the outline's folder") from None
        raise DeckError.simple(shown, f"cannot be read: {err.strerror}", "check the path and its permissions") from None
    if stat.S_ISDIR(info.st_mode):
        raise DeckError.simple(shown, "is a folder, not an outline file", "pass the outline's .yaml file")
    if not stat.S_ISREG(info.st_mode):
        # A pipe or a device (/dev/zero) could block or never end.
        raise DeckError.simple(shown, "is not a regular file", "pass the outline's .yaml file")
    too_big = DeckError.simple(shown, f"is larger than {MAX_BYTES:,} bytes, the most an outline may be",
                               "is this the right file?")
    if info.st_size > MAX_BYTES:
        raise too_big
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the file may grow after stat
    except OSError as err:
        raise DeckError.simple(shown, f"cannot be read: {err.strerror}", "check the file's permissions") from None
    if len(data) > MAX_BYTES:
        raise too_big
    if b"\0" in data:
        raise DeckError.simple(shown, "is a binary file, not a YAML outline", "pass the outline's .yaml file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise DeckError(Message(shown, line, (), "is not UTF-8 text",
                                "save the file as UTF-8 in your editor")) from None
    if not text.strip():
        raise DeckError.simple(shown, "is empty", "start from `outline.yaml`, the shipped example")
    return text
