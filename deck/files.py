"""Files deck writes: where a made file goes by default (and which outline it was made from),
and writing it so that it is whole or absent."""
from __future__ import annotations

import glob
import json
import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path

from deck.errors import DeckError

OUT = Path("out")  # where made files go when no output is given


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "deck"


def named_after(title: str, ending: str, language: str | None = None, outline: str | Path | None = None) -> Path:
    """The default output for an outline with this title: out/<slug of the title><ending>.

    An outline whose file name ends in its language (outline.en.yaml for `language: en`) gets
    the language in the name too, out/<slug>-en<ending>: a translation often keeps its title,
    and its deck must not take the place of the original's."""
    marked = Path(Path(outline).stem).suffix[1:] if outline is not None else ""
    tag = f"-{slug(marked)}" if marked and language and marked.lower() == language.lower() else ""
    return OUT / f"{slug(title)}{tag}{ending}"


# In out/: which outline each file deck wrote there by default was made from, so that a build
# says so when its file takes the place of another outline's.
SOURCES = ".deck-sources.json"


def replaced_source(target: Path, outline: Path) -> str | None:
    """The other outline whose file at `target` is about to be replaced, when one is known and
    still there; None for a new file or the same outline's."""
    recorded = _sources(target.parent).get(target.name)
    if not isinstance(recorded, str) or not target.exists() or not Path(recorded).is_file():
        return None
    if _same(Path(recorded), outline):
        return None
    try:
        return str(Path(recorded).relative_to(Path.cwd()))
    except ValueError:
        return recorded


def remember_source(target: Path, outline: Path) -> None:
    """Note in the target's folder that `target` was made from `outline`."""
    sources = _sources(target.parent)
    made_from = str(outline.resolve())
    if sources.get(target.name) == made_from:
        return
    sources[target.name] = made_from
    try:
        write_atomic(target.parent / SOURCES, (json.dumps(sources, indent=1, sort_keys=True) + "\n").encode())
    except DeckError:
        pass  # the file itself was written; without the note a later build only says less


def _sources(folder: Path) -> dict[str, str]:
    try:
        found = json.loads((folder / SOURCES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
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
