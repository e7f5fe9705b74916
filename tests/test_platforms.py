"""Windows and macOS: LibreOffice found where its installer puts it, and an outline written on
Windows (CRLF line ends, a byte-order mark, backslashes in paths) building the same deck.

The search for LibreOffice takes the system as a value (platform, environment, PATH lookup, file
test), so every platform is tested here, on whichever one the tests run."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from support import libreoffice
from typer.testing import CliRunner

from deck.cli import app
from deck.export import office
from deck.export.office import System, find, looked, places

MAC = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
WINDOWS = r"C:\Program Files\LibreOffice\program\soffice.exe"
WINDOWS_32 = r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"
runner = CliRunner()


def run(*args: object):
    return runner.invoke(app, [str(arg) for arg in args])


def system(platform: str, files=(), env=None, path=None) -> System:
    """A system with these files, and `path` the program the PATH finds (None: no LibreOffice on it)."""
    return System(platform, env or {}, which=lambda name: path if name == "soffice" else None,
                  is_file=set(files).__contains__)


# --- where LibreOffice is looked for --------------------------------------------------------------

@pytest.mark.parametrize("platform, files, found", [
    ("darwin", [MAC], MAC),
    ("darwin", ["/Users/ann/Applications/LibreOffice.app/Contents/MacOS/soffice"],
     "/Users/ann/Applications/LibreOffice.app/Contents/MacOS/soffice"),
    ("win32", [WINDOWS], WINDOWS),
    ("win32", [WINDOWS_32], WINDOWS_32),
    ("win32", [WINDOWS, WINDOWS_32], WINDOWS),  # the 64-bit one first
    ("win32", [MAC], None),
    ("darwin", [WINDOWS], None),
    ("linux", [MAC, WINDOWS], None),  # on Linux the package manager puts it on the PATH
])
def test_libreoffice_is_found_where_its_installer_puts_it(platform, files, found):
    assert find(system(platform, files, env={"HOME": "/Users/ann"})) == found


@pytest.mark.parametrize("platform", ["darwin", "win32", "linux"])
def test_the_path_comes_first(platform):
    assert find(system(platform, [MAC, WINDOWS], path="/opt/lo/soffice")) == "/opt/lo/soffice"


def test_windows_program_files_come_from_the_environment_and_the_usual_drive():
    env = {"ProgramFiles": r"D:\Programs", "ProgramW6432": r"D:\Programs",
           "ProgramFiles(x86)": r"c:\program files (x86)"}
    assert places(system("win32", env=env)) == [r"D:\Programs\LibreOffice\program\soffice.exe",
                                                r"c:\program files (x86)\LibreOffice\program\soffice.exe",
                                                WINDOWS]  # each place once, whatever its case
    assert find(system("win32", [r"D:\Programs\LibreOffice\program\soffice.exe"], env=env)) == \
        r"D:\Programs\LibreOffice\program\soffice.exe"


def test_where_it_looked_is_said():
    assert looked(system("linux")) == "soffice or libreoffice on the PATH"
    assert looked(system("darwin", env={"HOME": "/Users/ann"})) == (
        f"soffice or libreoffice on the PATH, {MAC} and /Users/ann/Applications/LibreOffice.app/Contents/MacOS/soffice")
    assert looked(system("win32")) == f"soffice or libreoffice on the PATH, {WINDOWS} and {WINDOWS_32}"


@pytest.mark.parametrize("platform, named", [("darwin", MAC), ("win32", WINDOWS_32)])
def test_guide_pdf_without_libreoffice_names_where_it_looked(tmp_path, monkeypatch, platform, named):
    monkeypatch.setattr(office, "System", lambda: system(platform))
    result = run("guide", ROOT / "outline.yaml", "-o", tmp_path / "guide.pdf")
    assert result.exit_code == 1
    assert "LibreOffice is not installed, or not where deck looked: soffice or libreoffice on the PATH" in result.stderr
    assert named in result.stderr and "winget install TheDocumentFoundation.LibreOffice" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_preview_without_libreoffice_names_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.setattr(office, "System", lambda: system("darwin"))
    result = run("preview", ROOT / "outline.yaml", "-o", tmp_path / "preview")
    assert result.exit_code == 1
    assert "needs LibreOffice (soffice)" in result.stderr and MAC in result.stderr


@pytest.mark.render
def test_a_guide_pdf_is_made_with_libreoffice_in_the_users_applications_folder(tmp_path, monkeypatch):
    """macOS, LibreOffice dragged into ~/Applications and not on the PATH: the PDF is made with it."""
    libreoffice.require_tools()
    bundle = tmp_path / "home" / "Applications" / "LibreOffice.app" / "Contents" / "MacOS"
    bundle.mkdir(parents=True)
    (bundle / "soffice").symlink_to(shutil.which("soffice"))
    mac = System("darwin", {"HOME": str(tmp_path / "home")}, which=lambda name: None, is_file=os.path.isfile)
    monkeypatch.setattr(office, "System", lambda: mac)
    result = run("guide", ROOT / "outline.yaml", "-o", tmp_path / "guide.pdf")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "guide.pdf").read_bytes().startswith(b"%PDF")


# --- an outline written on Windows ----------------------------------------------------------------

def windows_copy(folder: Path) -> Path:
    """The shipped outline as a Windows editor saves it: a byte-order mark, CRLF line ends, and
    the picture's path with a backslash; its pictures beside it."""
    text = (ROOT / "outline.yaml").read_bytes()
    assert b"\r" not in text and b"image: assets/olievlek.png" in text
    text = text.replace(b"image: assets/olievlek.png", b"image: assets\\olievlek.png")
    outline = folder / "outline.yaml"
    outline.write_bytes(b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n"))
    shutil.copytree(ROOT / "assets", folder / "assets")
    return outline


def test_an_outline_written_on_windows_builds_the_same_deck(tmp_path):
    windows = tmp_path / "windows"
    windows.mkdir()
    outline = windows_copy(windows)
    assert run("build", ROOT / "outline.yaml", "-o", tmp_path / "unix.pptx").exit_code == 0
    result = run("build", outline, "-o", tmp_path / "windows.pptx")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "windows.pptx").read_bytes() == (tmp_path / "unix.pptx").read_bytes()
    check = run("check", outline, "--strict")
    assert check.exit_code == 0, check.output


def test_an_outline_written_on_windows_is_watched_with_its_pictures(tmp_path):
    from deck.watch import used_files

    outline = windows_copy(tmp_path)
    assert (tmp_path / "assets" / "olievlek.png").resolve() in used_files(outline)
