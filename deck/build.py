"""One build: outline file -> checked deck on disk, or a DeckError and nothing written."""
from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from deck import package
from deck.errors import DeckError
from deck.layout import Planned, plan_deck
from deck.loader import Loaded, load
from deck.theme import theme_named

DEFAULT_OUTLINE = "outline.yaml"


@dataclass(frozen=True)
class Result:
    output: Path
    slides: int
    minutes: float | None
    notices: list[str]


def shipped_outline(name: str = "outline.yaml") -> Path:
    """The outline that ships with deck: from the installed package, or from a source checkout."""
    packaged = resources.files("deck") / "shipped" / name
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / name


def resolve_outline(path: Path | None) -> Path:
    """The outline to build: the one given, ./outline.yaml, or the shipped example."""
    if path is not None:
        return path
    local = Path(DEFAULT_OUTLINE)
    return local if local.exists() else shipped_outline()


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "deck"


def default_output(loaded: Loaded) -> Path:
    return Path("out") / f"{slug(loaded.outline.title)}.pptx"


def plan(outline_path: Path, theme: str | None = None, allow_small: bool = False) -> tuple[Loaded, Planned]:
    loaded = load(outline_path)
    chosen = theme_named(theme or loaded.outline.theme, loaded.source.file)
    return loaded, plan_deck(loaded, chosen, allow_small=allow_small)


def build(outline_path: Path, output: Path | None = None, theme: str | None = None,
          allow_small: bool = False) -> Result:
    loaded, planned = plan(outline_path, theme, allow_small)
    target = output or default_output(loaded)
    _check_target(target, outline_path)
    try:
        modified = package.source_date()
    except ValueError as err:
        raise DeckError.simple("SOURCE_DATE_EPOCH", str(err), "unset it, or give seconds since 1970") from None

    from deck.render import render  # pptx is slow to import; only a real build needs it

    chosen = theme_named(theme or loaded.outline.theme, loaded.source.file)
    data = package.normalise(render(loaded.outline, chosen, planned.slides, modified), modified=modified)
    problems = package.check(data)
    if problems:
        # Our own output failed the validity gate: a bug, never the user's outline.
        raise RuntimeError("the built deck failed the package check: " + "; ".join(problems))
    write_atomic(target, data)
    return Result(target, len(planned.slides), planned.minutes, planned.notices)


def _check_target(target: Path, outline_path: Path) -> None:
    if target.is_dir():
        raise DeckError.simple(str(target), "is a folder", "give a file name, e.g. -o out/deck.pptx")
    if target.exists() and outline_path.exists() and target.resolve() == outline_path.resolve():
        raise DeckError.simple(str(target), "is the outline itself", "write the deck to a .pptx file")
    if target.suffix.lower() != ".pptx":
        raise DeckError.simple(str(target), "is not a .pptx file name", "end the output name with .pptx")


def write_atomic(target: Path, data: bytes) -> None:
    """Write next to the target and rename into place: the previous deck survives any failure."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise DeckError.simple(str(folder), f"cannot write here: {err.strerror}",
                               "choose another output folder with -o") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException as err:
        Path(temp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise DeckError.simple(str(target), f"cannot write the deck: {err.strerror}",
                                   "check free disk space and permissions") from None
        raise
