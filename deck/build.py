"""One build: outline file -> checked deck on disk, or a DeckError and nothing written."""
from __future__ import annotations

import glob
import os
import re
import stat
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from deck import package, warm
from deck.errors import DeckError, Message
from deck.layout import Planned, plan_deck
from deck.outline.reader import Loaded

DEFAULT_OUTLINE = "outline.yaml"


@dataclass(frozen=True)
class Result:
    output: Path
    slides: int
    minutes: float | None
    notices: list[Message]


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


def plan(outline_path: Path, theme: str | None = None, allow_small: bool = False,
         allow_outside: bool = False, template: Path | None = None) -> tuple[Loaded, Planned]:
    """Load and lay out; `planned.theme` is the look chosen (deck.look.choose: template, theme, brand)."""
    from deck.look import choose as look
    from deck.outline import assets

    loaded, digest = warm.load(outline_path)  # kept by its bytes in a process that builds again
    chosen = look.choose(loaded, theme, template, allow_outside)
    pictures = assets.collect(loaded, allow_outside)
    planned = warm.lay_out(loaded, digest, (repr(chosen.theme), allow_small, repr(pictures)),
                           lambda: plan_deck(loaded, chosen.theme, allow_small=allow_small, assets=pictures))
    planned.notices[:0] = chosen.notices
    return loaded, planned


def build(outline_path: Path, output: Path | None = None, theme: str | None = None,
          allow_small: bool = False, allow_outside: bool = False, template: Path | None = None) -> Result:
    loaded, planned = plan(outline_path, theme, allow_small, allow_outside, template)
    target = output or default_output(loaded)
    _check_target(target, outline_path)
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
    write_atomic(target, data)
    return Result(target, len(planned.slides), planned.minutes, planned.notices)


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


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # also through symlinks and hard links
    except OSError:
        return False


def write_atomic(target: Path, data: bytes) -> None:
    """Write next to the target and rename into place: the previous deck survives any failure.

    The temporary file is `.NAME.PID.XXXX.tmp` in the target's folder (a rename only is
    atomic within one file system). If the process is killed (SIGKILL, power loss) it stays
    behind; the next successful build of the same target removes it.
    """
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp")
    except OSError as err:
        raise DeckError.simple(str(target), f"cannot be written: {folder} does not accept a new file "
                               f"({err.strerror})", "choose a folder you can write to with -o") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException as err:  # also Ctrl-C: never leave a half-written file behind
        Path(temp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise DeckError.simple(str(target), f"cannot write the deck: {err.strerror}",
                                   "check free disk space and permissions") from None
        raise
    _remove_stale_temps(target)


def _mode_for(target: Path) -> int:
    """The permissions the deck gets: the previous deck's, or what a new file gets by default
    (mkstemp makes its file private to the owner)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_stale_temps(target: Path) -> None:
    """Remove temporary files of this target left by builds that were killed."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.[^.]+\.tmp")
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        found = pattern.fullmatch(leftover.name)
        if found and not _running(int(found.group(1))):
            leftover.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    """Whether a process with this id exists (then its temporary file may be in use)."""
    if pid == os.getpid():
        return False  # our own temporary file was renamed; any other with our id is stale
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or not a process id: leave it alone
    return True
