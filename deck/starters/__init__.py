"""Outlines that ship with deck: the example a command reads when given none, and the starters
`deck new` writes for a presenter to edit, never overwriting a file unless asked.

    social-enterprise   the shipped workshop (outline.yaml in Dutch, outline.en.yaml in English)
    blank               a commented skeleton with one slide of every kind (blank.nl.yaml, blank.en.yaml)

The first line of a starter tells editors (VS Code's YAML extension, any yaml-language-server)
where the outline's JSON Schema is; `deck new` points it at the schema installed with deck, so
keys complete and mistakes are marked as you type.
"""
from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from deck.errors import DeckError
from deck.files import write_atomic

STARTERS = ("social-enterprise", "blank")
LANGUAGES = ("nl", "en")
MODELINE = "# yaml-language-server: $schema="
PLACEHOLDER = "placeholder.png"  # the blank starter's picture slide shows it until replaced
DEFAULT_NAME = "outline.yaml"


def shipped_outline(name: str = "outline.yaml") -> Path:
    """The outline that ships with deck: from the installed package, or from a source checkout."""
    from importlib import resources  # only when no outline is given: it takes a while to import

    packaged = resources.files("deck") / "shipped" / name
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / name


def resolve_outline(path: Path | None, tell: Callable[[str], None] = lambda notice: None) -> Path:
    """The outline a command reads: the one given, ./outline.yaml, or the shipped example, which
    `tell` is told about: a presenter who forgot to write an outline must not think it is theirs."""
    if path is not None:
        return path
    local = Path(DEFAULT_NAME)
    if local.exists():
        return local
    example = shipped_outline()
    tell(f"deck: no {DEFAULT_NAME} in this folder; using the example that ships with deck ({example})\n"
         f"  hint: to start your own, `deck new` writes an {DEFAULT_NAME} here to edit")
    return example


class Written(NamedTuple):
    outline: Path
    extras: list[Path]  # files written next to the outline (the placeholder picture)


def starter_text(starter: str, language: str) -> str:
    """The starter's text, its first line pointing at the schema installed with deck."""
    if starter not in STARTERS:
        raise DeckError.simple("--from", f"unknown starter '{starter}'", f"use one of: {', '.join(STARTERS)}")
    if language not in LANGUAGES:
        raise DeckError.simple("--lang", f"no starter in '{language}'", f"use one of: {', '.join(LANGUAGES)}")
    if starter == "blank":
        from importlib import resources

        text = (resources.files("deck.starters") / f"blank.{language}.yaml").read_text(encoding="utf-8")
    else:
        text = shipped_outline(_shipped_name(language)).read_text(encoding="utf-8")
    return with_schema_line(text)


def with_schema_line(text: str) -> str:
    """The text with its first line the modeline for the installed schema (added if missing)."""
    from deck.outline.schema import schema_file

    line = MODELINE + schema_file().as_posix()
    first, newline, rest = text.partition("\n")
    if first.startswith(MODELINE):
        return line + newline + rest
    return line + "\n" + text


def target_path(path: str | Path | None) -> Path:
    """The file to write: the path given; outline.yaml in a folder given (one that exists, or a
    path ending in /, made if needed); or ./outline.yaml."""
    if path is None:
        return Path(DEFAULT_NAME)
    if str(path).endswith(("/", os.sep)) or Path(path).is_dir():
        return Path(path) / DEFAULT_NAME
    return Path(path)


def write_starter(path: str | Path | None, starter: str = "blank", language: str = "nl",
                  force: bool = False) -> Written:
    """Write the starter outline (and, for the blank one, its placeholder picture if missing)."""
    target = target_path(path)
    text = starter_text(starter, language)
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise DeckError.simple(str(target), "is not a .yaml file name",
                               f"end the outline's name with .yaml, or a folder's with / for {DEFAULT_NAME} in it")
    if target.exists() and not force:
        raise DeckError.simple(str(target), "already exists", "choose another name, or add --force to overwrite it")
    write_atomic(target, text.encode("utf-8"))
    # The pictures the starter shows go next to it; a file of the presenter's own with the same
    # name is left alone, --force or not.
    extras = []
    if starter == "blank":
        pictures = [(PLACEHOLDER, placeholder_png)]
    else:
        pictures = [(name, source.read_bytes) for name, source in _shipped_pictures(language)]
    for name, data in pictures:
        picture = target.parent / name
        if not picture.exists():
            write_atomic(picture, data())
            extras.append(picture)
    return Written(target, extras)


def _shipped_pictures(language: str) -> list[tuple[str, Path]]:
    """(path as the outline writes it, file) for every picture the shipped outline names inside
    its own folder."""
    from deck.watch import used_files

    outline = shipped_outline(_shipped_name(language))
    folder = outline.resolve().parent
    found = []
    for file in sorted(used_files(outline) - {outline.resolve()}):
        if file.is_file() and file.is_relative_to(folder):
            found.append((file.relative_to(folder).as_posix(), file))
    return found


def _shipped_name(language: str) -> str:
    return "outline.yaml" if language == "nl" else f"outline.{language}.yaml"


def placeholder_png() -> bytes:
    """A flat landscape (frame, hills, sun) in the theme's colours: obviously a stand-in."""
    from PIL import Image, ImageDraw

    width, height = 1200, 675
    image = Image.new("RGB", (width, height), (238, 243, 249))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, width - 41, height - 41), outline=(199, 209, 221), width=8)
    draw.ellipse((820, 130, 960, 270), fill=(184, 63, 18))
    draw.polygon([(40, 560), (380, 230), (640, 470), (800, 340), (1159, 600), (1159, 634), (40, 634)],
                 fill=(29, 78, 137))
    draw.polygon([(40, 634), (40, 600), (520, 420), (1159, 634)], fill=(86, 96, 112))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
