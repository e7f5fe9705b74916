"""One build: outline file -> checked deck on disk, or a DeckError and nothing written.

A build reads the outline (`read`), lays it out in the chosen look (`plan`), and renders, seals
and writes it (`write`). `build` does all three; `deck check`, `deck build --strict` and
`deck preview` call the steps themselves, so that each reads and lays out the outline once.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from deck import package, warm
from deck.errors import NOTICE, DeckError, Message
from deck.files import named_after, remember_source, replaced_source, write_atomic
from deck.layout import Planned, plan_deck
from deck.options import BuildOptions
from deck.outline.reader import Loaded

KEEP_HINT = ("keep it under another name (or build to another file with -o), "
             "or build with --force to replace it")


class Read(NamedTuple):
    """An outline file, read and validated."""

    loaded: Loaded
    digest: bytes | None  # of the file's bytes, when a process that builds again keeps layouts


class Laid(NamedTuple):
    """An outline laid out: what render draws; `planned.theme` is the look chosen."""

    loaded: Loaded
    planned: Planned


class Result(NamedTuple):
    """A deck written: where, how many slides, the minutes planned and the notices for the user."""

    output: Path
    slides: int
    minutes: float | None
    notices: list[Message]

    def line(self) -> str:
        """The deck in one line, as `deck build` prints it: "out/x.pptx: 31 slides, 1 h 30 min planned"."""
        return f"{self.output}: {self.slides} slides{planned_time(self.minutes)}"


def planned_time(minutes: float | None) -> str:
    """", 1 h 30 min planned" for the end of a line; nothing when the outline plans no time."""
    if not minutes:
        return ""
    hours, rest = divmod(int(round(minutes)), 60)
    return f", {hours} h {rest:02d} min planned" if hours else f", {rest} min planned"


def default_output(loaded: Loaded) -> Path:
    """out/<slug of the title>.pptx, with the language when the file name ends in it (deck.files.named_after)."""
    return named_after(loaded.outline.title, ".pptx", loaded.outline.language, loaded.source.file)


def read(outline_path: Path) -> Read:
    """The outline, or a DeckError when the file cannot be read or does not follow the format."""
    loaded, digest = warm.load(outline_path)  # kept by its bytes in a process that builds again
    return Read(loaded, digest)


def plan(outline: Path | Read, *, options: BuildOptions = BuildOptions()) -> Laid:
    """Lay out an outline file, or one already read, in the look deck.look.choose picks
    (template, theme, brand)."""
    from deck.look import choose as look
    from deck.outline import assets

    source = outline if isinstance(outline, Read) else read(outline)
    loaded = source.loaded
    chosen = look.choose(loaded, options.theme, options.template, options.allow_outside)
    pictures = assets.collect(loaded, options.allow_outside)
    planned = warm.lay_out(loaded, source.digest, (repr(chosen.theme), options.allow_small, repr(pictures)),
                           lambda: plan_deck(loaded, chosen.theme, allow_small=options.allow_small,
                                             assets=pictures))
    planned.notices[:0] = chosen.notices
    return Laid(loaded, planned)


def build(outline_path: Path, output: Path | None = None, *, options: BuildOptions = BuildOptions()) -> Result:
    return write(plan(outline_path, options=options), outline_path, output, force=options.force)


def write(laid: Laid, outline_path: Path, output: Path | None = None, *, force: bool = False,
          keep: str = KEEP_HINT) -> Result:
    """Render the laid-out outline, check the package and write it to `output` (default:
    out/<slug of the title>.pptx, with a notice when it was another outline's deck), which may
    not be the outline file itself, nor, unless `force`, a file deck did not write or that was
    changed since (`keep` says how to keep it)."""
    loaded, planned = laid
    target = output or default_output(loaded)
    _check_target(target, outline_path)
    if not force:
        _check_ours(target, keep)
    try:
        modified = package.source_date()
    except ValueError as err:
        raise DeckError.simple("SOURCE_DATE_EPOCH", str(err), "unset it, or give seconds since 1970") from None

    from deck.render import render  # pptx is slow to import; only a real build needs it

    parts = render(loaded.outline, planned.theme, planned.slides, modified, warm.renderer())
    data, problems = package.seal(parts, modified=modified)
    if problems:
        # Our own output failed the validity gate: a bug, never the user's outline.
        raise RuntimeError("the built deck failed the package check: " + "; ".join(problems))
    replaced = None if output else replaced_source(target, outline_path)
    write_atomic(target, data)
    notices = planned.notices
    if not output:  # two outlines never silently share a default file
        remember_source(target, outline_path)
        if replaced:
            notices = [*notices, Message(str(target), None, (), f"replaced the deck made from {replaced}",
                                         "to keep both, build one of them with -o", severity=NOTICE)]
    return Result(target, len(planned.slides), planned.minutes, notices)


def _check_target(target: Path, outline_path: Path) -> None:
    """Refuse an output path that cannot take the deck, before the slow part of the build."""
    shown = str(target)
    if target.is_dir():
        raise DeckError.simple(shown, "is a folder", "give a file name, e.g. -o out/deck.pptx")
    if target.suffix.lower() != ".pptx":
        raise DeckError.simple(shown, "is not a .pptx file name", "end the output name with .pptx")
    if target.exists():
        if _same_file(target, outline_path):
            raise DeckError.simple(shown, "is the outline itself", "write the deck to a .pptx file")
        if not target.is_file():  # a device or a pipe: replacing it would break the system
            raise DeckError.simple(shown, "exists and is not a regular file", "choose another output path with -o")
    existing = next(folder for folder in target.absolute().parents if folder.exists())
    if not existing.is_dir():
        raise DeckError.simple(shown, f"cannot be created: {existing} is a file, not a folder",
                               "choose another output path with -o")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise DeckError.simple(shown, f"cannot be written: no permission to write in {existing}",
                               "choose a folder you can write to with -o")


def _check_ours(target: Path, keep: str) -> None:
    """Refuse to replace a file that holds what a person made: a deck edited after deck wrote it
    (touched up in PowerPoint), or any file deck did not write. Reads the zip's directory and the
    core properties only."""
    if not target.is_file():
        return
    found = package.examine(target)
    if found in (package.Found.UNCHANGED, package.Found.EARLIER):
        return
    what = ("was changed after deck wrote it (saved in PowerPoint?)" if found is package.Found.CHANGED
            else "was not written by deck, or was saved by another program since")
    raise DeckError.simple(str(target), f"{what}; building would replace it, so nothing was written", keep)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # also through symlinks and hard links
    except OSError:
        return False
