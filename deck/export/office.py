"""Where LibreOffice is: its program on the PATH, or where its installer puts it on macOS and
Windows, which do not put it on the PATH.

The system (platform, environment, PATH lookup, file test) is a value, so that the search can be
tested for every platform on any one.
"""
from __future__ import annotations

import ntpath
import os
import posixpath
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

NAMES = ("soffice", "libreoffice")  # on Windows, shutil.which finds soffice.exe by PATHEXT
_MAC_BUNDLE = "LibreOffice.app/Contents/MacOS/soffice"
# Windows: the folders Program Files may be in (64-bit, 32-bit), first as the system names them.
_WINDOWS_FOLDERS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
_WINDOWS_DEFAULTS = (r"C:\Program Files", r"C:\Program Files (x86)")


@dataclass(frozen=True)
class System:
    """What the search looks at: by default the running system."""

    platform: str = sys.platform
    env: Mapping[str, str] = field(default_factory=lambda: os.environ)
    which: Callable[[str], str | None] = shutil.which
    is_file: Callable[[str], bool] = os.path.isfile


def places(system: System) -> list[str]:
    """Where LibreOffice's installer puts the program on this platform, in the order searched."""
    if system.platform == "darwin":
        home = system.env.get("HOME")
        bundles = ["/Applications"] + ([posixpath.join(home, "Applications")] if home else [])
        return [posixpath.join(folder, _MAC_BUNDLE) for folder in bundles]
    if system.platform == "win32":
        folders = [system.env[name] for name in _WINDOWS_FOLDERS if system.env.get(name)] + list(_WINDOWS_DEFAULTS)
        found: dict[str, str] = {}
        for folder in folders:
            place = ntpath.join(folder, "LibreOffice", "program", "soffice.exe")
            found.setdefault(ntpath.normcase(place), place)  # Windows paths ignore case
        return list(found.values())
    return []  # Linux and the BSDs: package managers put soffice on the PATH


def find(system: System | None = None) -> str | None:
    """The LibreOffice program, or None."""
    system = system or System()
    for name in NAMES:
        found = system.which(name)
        if found:
            return found
    return next((place for place in places(system) if system.is_file(place)), None)


def looked(system: System | None = None) -> str:
    """Where `find` looked, for a message: "soffice or libreoffice on the PATH, and /Applications/…"."""
    where = [f"{' or '.join(NAMES)} on the PATH", *places(system or System())]
    return where[0] if len(where) == 1 else ", ".join(where[:-1]) + " and " + where[-1]
