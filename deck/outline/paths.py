"""File paths written in an outline (images, a logo) -> files on disk.

An outline may come from someone else, so a path in it is confined to the outline's folder
tree: `../../.ssh/id_rsa` or a symlink that leads out is refused unless the user allows it
(`--allow-outside`). Relative paths are relative to the outline's folder, never to the folder
deck runs in, so a build gives the same deck wherever it is started; `/` and `\\` both separate
folders, so an outline written on Windows builds the same deck on macOS and Linux.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from deck.errors import DeckError
from deck.outline.source import Source

ALLOW_OUTSIDE_HINT = "pass --allow-outside to use files outside the outline's folder"


def portable(value: str) -> str:
    """A path as the outline writes it, with `\\` read as the folder separator it is on Windows:
    `pictures\\team.png`, written there, names the same file on macOS and Linux."""
    return value.replace("\\", "/")


def resolve_asset(source: Source, value: str, path: tuple, allow_outside: bool = False) -> Path:
    """The file `value` names, resolved (symlinks followed); a DeckError at the outline line if
    it is empty, outside the outline's folder tree (unless `allow_outside`), missing, or not a file."""
    def refuse(message: str, hint: str) -> DeckError:
        return DeckError(source.problem(path, message, hint))

    if not value.strip():
        raise refuse("is empty", "give the file's path, relative to the outline")
    if "://" in value:
        raise refuse(f"'{value}' is a web address; deck reads files only",
                     "download the file next to the outline and give its path")
    folder = source.folder.resolve()
    hint = f"paths are relative to the outline's folder, {folder}"
    try:
        found = (folder / portable(value)).resolve()
    except (OSError, ValueError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        raise refuse(f"no such file: '{value}'", hint) from None
    if not allow_outside and not found.is_relative_to(folder):
        # Checked before existence, so an outline cannot probe for files outside its folder.
        raise refuse(f"'{value}' is outside the outline's folder", ALLOW_OUTSIDE_HINT)
    try:
        info = os.stat(found)
    except (OSError, ValueError):
        raise refuse(f"no such file: '{value}'", hint) from None
    if stat.S_ISDIR(info.st_mode):
        raise refuse(f"'{value}' is a folder", "name a file in it")
    if not stat.S_ISREG(info.st_mode):
        raise refuse(f"'{value}' is not a regular file", "give the path of an image file")
    return found
