"""Files deck writes: where a made file goes by default, and writing it so that it is whole or absent."""
from __future__ import annotations

import glob
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


def named_after(title: str, ending: str) -> Path:
    """The default output for an outline with this title: out/<slug of the title><ending>."""
    return OUT / f"{slug(title)}{ending}"


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
