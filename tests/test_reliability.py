"""What deck guarantees when things go wrong: asset paths stay in the outline's folder, output
paths are checked, a failed or killed build never damages the previous deck, the same outline
gives the same bytes in any process, and a bug in deck says so briefly (with --debug, fully)."""
from __future__ import annotations

import errno
import io
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from typer.testing import CliRunner

import deck.build
import deck.files
from deck import package
from deck.build import build
from deck.cli import app
from deck.errors import DeckError
from deck.outline.paths import ALLOW_OUTSIDE_HINT, resolve_asset
from deck.outline.reader import Source

PYTHON = sys.executable
MINIMAL = FIXTURES / "valid" / "minimal.yaml"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def reopens(data: bytes) -> int:
    """The number of slides of a deck that passes the package check and python-pptx opens."""
    from pptx import Presentation

    assert package.check(data) == []
    return len(Presentation(io.BytesIO(data)).slides)


# --- asset paths ------------------------------------------------------------------------------

@pytest.fixture
def talk(tmp_path: Path) -> Source:
    """An outline's folder with a picture, a subfolder, and a secret next to the folder."""
    folder = tmp_path / "talk"
    (folder / "img").mkdir(parents=True)
    (folder / "logo.png").write_bytes(b"png")
    (folder / "img" / "chart.png").write_bytes(b"png")
    (tmp_path / "secret.png").write_bytes(b"secret")
    return Source("talk/outline.yaml", folder, {("brand", "logo"): 7})


def refusal(source: Source, value: str, **kwargs) -> str:
    with pytest.raises(DeckError) as caught:
        resolve_asset(source, value, ("brand", "logo"), **kwargs)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.path) == ("talk/outline.yaml", 7, ("brand", "logo"))
    assert problem.hint
    return str(caught.value)


@pytest.mark.parametrize("value, found", [
    ("logo.png", "logo.png"),
    ("./img/chart.png", "img/chart.png"),
    ("img/../logo.png", "logo.png"),
])
def test_assets_resolve_relative_to_the_outline_folder(talk, value, found, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # not the outline's folder: the working folder must not matter
    assert resolve_asset(talk, value, ("brand", "logo")) == (talk.folder / found).resolve()


def test_an_absolute_path_inside_the_folder_is_fine(talk):
    assert resolve_asset(talk, str(talk.folder / "logo.png"), ()) == talk.folder / "logo.png"


@pytest.mark.parametrize("value", ["../secret.png", "img/../../secret.png", "ABSOLUTE", "../missing.png"])
def test_a_path_out_of_the_folder_is_refused(talk, value):
    value = str(talk.folder.parent / "secret.png") if value == "ABSOLUTE" else value
    message = refusal(talk, value)
    assert message.startswith(f"talk/outline.yaml:7: brand.logo: '{value}' is outside the outline's folder")
    assert f"hint: {ALLOW_OUTSIDE_HINT}" in message


def test_allow_outside_lets_it_through(talk):
    found = resolve_asset(talk, "../secret.png", (), allow_outside=True)
    assert found.read_bytes() == b"secret"


def test_a_symlink_that_leads_out_is_refused(talk):
    (talk.folder / "innocent.png").symlink_to(talk.folder.parent / "secret.png")
    assert "is outside the outline's folder" in refusal(talk, "innocent.png")
    assert resolve_asset(talk, "innocent.png", (), allow_outside=True).read_bytes() == b"secret"


def test_a_symlink_inside_the_folder_is_followed(talk):
    (talk.folder / "alias.png").symlink_to(talk.folder / "img" / "chart.png")
    assert resolve_asset(talk, "alias.png", ()) == talk.folder / "img" / "chart.png"


def test_the_outline_folder_itself_through_a_symlink(tmp_path, talk):
    link = tmp_path / "link"
    link.symlink_to(talk.folder)
    source = Source("link/outline.yaml", link, {})
    assert resolve_asset(source, "logo.png", ()) == talk.folder / "logo.png"


@pytest.mark.parametrize("value, message", [
    ("nope.png", "no such file: 'nope.png'"),
    ("img", "'img' is a folder"),
    ("", "is empty"),
    ("  ", "is empty"),
    ("https://example.com/logo.png", "is a web address"),
    ("img\\nope.png", "no such file"),
    ("logo.png/x", "no such file"),
    ("loop.png", "no such file"),
])
def test_missing_files_folders_and_others_are_refused(talk, value, message):
    (talk.folder / "loop.png").symlink_to(talk.folder / "loop.png")
    assert message in refusal(talk, value)


def test_a_pipe_is_refused(talk):
    os.mkfifo(talk.folder / "pipe.png")
    assert "'pipe.png' is not a regular file" in refusal(talk, "pipe.png")


def test_backslashes_separate_folders_as_on_windows(talk):
    assert resolve_asset(talk, "img\\chart.png", ()) == talk.folder / "img" / "chart.png"
    assert "is outside the outline's folder" in refusal(talk, "..\\secret.png")


# --- output paths -----------------------------------------------------------------------------

def test_the_output_folder_is_created(tmp_path):
    out = tmp_path / "a" / "b" / "deck.pptx"
    result = run("build", str(MINIMAL), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert reopens(out.read_bytes()) > 0


@pytest.mark.parametrize("where, message", [
    ("folder", "is a folder"),
    ("under-a-file", "cannot be created: {tmp}/notes.txt is a file, not a folder"),
    ("deep-under-a-file", "cannot be created: {tmp}/notes.txt is a file, not a folder"),
    ("proc", "cannot be written: "),  # as root: /proc refuses new files; otherwise: no permission
    ("device", "exists and is not a regular file"),
    ("no-suffix", "is not a .pptx file name"),
])
def test_unusable_output_paths_are_clear_errors(tmp_path, where, message):
    (tmp_path / "notes.txt").write_text("keep me")
    (tmp_path / "folder.pptx").mkdir()
    (tmp_path / "null.pptx").symlink_to("/dev/null")
    out = {"folder": tmp_path / "folder.pptx",
           "under-a-file": tmp_path / "notes.txt" / "deck.pptx",
           "deep-under-a-file": tmp_path / "notes.txt" / "sub" / "deck.pptx",
           "proc": Path("/proc/deck.pptx"),
           "device": tmp_path / "null.pptx",
           "no-suffix": tmp_path / "deck"}[where]
    before = sorted(os.listdir(tmp_path))
    result = run("build", str(MINIMAL), "-o", str(out))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"{out}: {message.format(tmp=tmp_path)}"), result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(os.listdir(tmp_path)) == before
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_a_folder_without_write_permission_is_a_clear_error(tmp_path, monkeypatch):
    # Tests may run as root, whom permissions do not stop: ask the question deck asks.
    monkeypatch.setattr(deck.build.os, "access", lambda path, mode: Path(path) != tmp_path)
    result = run("build", str(MINIMAL), "-o", str(tmp_path / "new" / "deck.pptx"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / 'new' / 'deck.pptx'}: cannot be written: "
                                    f"no permission to write in {tmp_path}")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("how", ["same-path", "symlink", "hard-link"])
def test_the_outline_itself_is_not_an_output(tmp_path, how):
    outline = tmp_path / "outline.pptx"  # an outline may be named anything
    shutil.copy(MINIMAL, outline)
    out = {"same-path": outline, "symlink": tmp_path / "link.pptx", "hard-link": tmp_path / "hard.pptx"}[how]
    if how == "symlink":
        out.symlink_to(outline)
    if how == "hard-link":
        os.link(outline, out)
    result = run("build", str(outline), "-o", str(out))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"{out}: is the outline itself")
    assert outline.read_bytes() == MINIMAL.read_bytes()


def test_a_new_deck_gets_the_usual_permissions_and_a_rebuilt_one_keeps_its_own(tmp_path):
    out = tmp_path / "deck.pptx"
    umask = os.umask(0o022)
    try:
        build(MINIMAL, out)
        assert stat.S_IMODE(out.stat().st_mode) == 0o644  # not the 0600 of a temporary file
        out.chmod(0o640)
        build(MINIMAL, out)
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
    finally:
        os.umask(umask)


# --- interruption -----------------------------------------------------------------------------

@pytest.fixture
def previous(tmp_path: Path, shipped_deck: Path) -> Path:
    """An output path that holds a deck from an earlier build."""
    out = tmp_path / "out" / "deck.pptx"
    out.parent.mkdir()
    shutil.copy(shipped_deck, out)
    return out


def test_a_failed_rename_leaves_the_previous_deck_and_no_temporary_file(previous, monkeypatch):
    before = previous.read_bytes()

    def full_disk(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(deck.files.os, "replace", full_disk)
    with pytest.raises(DeckError, match="cannot write the deck: No space left on device"):
        build(MINIMAL, previous)
    assert previous.read_bytes() == before
    assert os.listdir(previous.parent) == ["deck.pptx"]


def test_a_write_that_fails_half_way_leaves_the_previous_deck(previous, monkeypatch):
    before = previous.read_bytes()
    real_fdopen = os.fdopen

    class HalfWritten:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(deck.files.os, "fdopen", lambda fd, mode: HalfWritten(real_fdopen(fd, mode)))
    result = run("build", str(MINIMAL), "-o", str(previous))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{previous}: cannot write the deck: Input/output error")
    assert previous.read_bytes() == before
    assert os.listdir(previous.parent) == ["deck.pptx"]


def test_ctrl_c_while_saving_leaves_the_previous_deck(previous, monkeypatch):
    before = previous.read_bytes()

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(deck.files.os, "fsync", interrupted)
    result = run("build", str(MINIMAL), "-o", str(previous))
    assert result.exit_code == 130
    assert "interrupted; nothing was written" in result.stderr
    assert previous.read_bytes() == before
    assert os.listdir(previous.parent) == ["deck.pptx"]


# Runs `deck build` with one step of the save made to stop and wait to be killed.
KILLED_BUILD = textwrap.dedent("""
    import os, sys, time

    point, outline, out = sys.argv[1:]
    real = {"fdopen": os.fdopen, "fsync": os.fsync, "replace": os.replace}

    def wait_to_be_killed():
        print("ready", flush=True)
        time.sleep(600)

    class HalfWritten:
        def __init__(self, handle):
            self.handle = handle
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self.handle.close()
        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            wait_to_be_killed()
        def __getattr__(self, name):
            return getattr(self.handle, name)

    if point == "writing":
        os.fdopen = lambda fd, mode: HalfWritten(real["fdopen"](fd, mode))
    elif point == "written":
        os.fsync = lambda fd: (real["fsync"](fd), wait_to_be_killed())
    elif point == "renamed":
        os.replace = lambda a, b: (real["replace"](a, b), wait_to_be_killed())

    from deck.cli import main
    sys.argv = ["deck", "build", outline, "-o", out]
    main()
""")


@pytest.mark.parametrize("point", ["writing", "written", "renamed"])
def test_a_build_killed_while_saving_leaves_a_whole_deck(previous, point, tmp_path):
    before = previous.read_bytes()
    driver = tmp_path / "driver.py"
    driver.write_text(KILLED_BUILD)
    process = subprocess.Popen([PYTHON, str(driver), point, str(MINIMAL), str(previous)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})  # this checkout's deck
    try:
        assert process.stdout.readline() == "ready\n", process.stderr.read()
    finally:
        process.kill()  # SIGKILL: no cleanup of any kind runs
        process.wait()
    after = previous.read_bytes()
    if point == "renamed":
        assert after == build(MINIMAL, tmp_path / "fresh.pptx").output.read_bytes() != before
        assert temp_files(previous.parent) == []
    else:
        assert after == before
        # The killed build's temporary file stays: nothing can remove it at SIGKILL ...
        [leftover] = temp_files(previous.parent)
        assert leftover.startswith(f".deck.pptx.{process.pid}.")
        # ... until the next build of the same deck, which does.
        build(MINIMAL, previous)
        assert temp_files(previous.parent) == []
        assert reopens(previous.read_bytes()) > 0


def test_only_stale_temporary_files_of_the_same_deck_are_removed(tmp_path):
    out = tmp_path / "deck.pptx"
    alive = subprocess.Popen([PYTHON, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        names = {
            "dead": ".deck.pptx.999999999.ab12cd.tmp",  # beyond any process id: its build is gone
            "alive": f".deck.pptx.{alive.pid}.ab12cd.tmp",  # a build that may still be writing
            "other deck": ".other.pptx.999999999.ab12cd.tmp",
            "not ours": ".deck.pptx.notes.tmp",
        }
        for name in names.values():
            (tmp_path / name).write_bytes(b"partial")
        build(MINIMAL, out)
        assert temp_files(tmp_path) == sorted(n for k, n in names.items() if k != "dead")
    finally:
        alive.communicate(b"")


# --- determinism ------------------------------------------------------------------------------

def _build_in_a_process(outline: Path, folder: Path, env: dict[str, str]) -> bytes:
    folder.mkdir(parents=True)
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | env
    subprocess.run([PYTHON, "-m", "deck", "build", str(outline), "-o", "deck.pptx"], cwd=folder,
                   env=environment, check=True, capture_output=True)
    return (folder / "deck.pptx").read_bytes()


def test_two_builds_in_different_processes_give_the_same_bytes(tmp_path):
    python_path = {"PYTHONPATH": str(ROOT)}
    first = _build_in_a_process(ROOT / "outline.yaml", tmp_path / "one",
                                python_path | {"PYTHONHASHSEED": "1", "TZ": "UTC"})
    second = _build_in_a_process(ROOT / "outline.yaml", tmp_path / "elsewhere" / "deeper",
                                 python_path | {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Auckland"})
    assert first == second
    assert reopens(first) > 20


def test_source_date_epoch_sets_the_core_dates(tmp_path, monkeypatch):
    from pptx import Presentation

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    default = build(MINIMAL, tmp_path / "default.pptx").output.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1357257600")
    dated = build(MINIMAL, tmp_path / "dated.pptx").output.read_bytes()
    assert dated != default
    core = Presentation(io.BytesIO(dated)).core_properties
    moment = datetime(2013, 1, 4, tzinfo=UTC).replace(tzinfo=None)
    assert core.created == core.modified == moment
    assert Presentation(io.BytesIO(default)).core_properties.created == datetime(2000, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1357257600")
    assert build(MINIMAL, tmp_path / "again.pptx").output.read_bytes() == dated


def test_a_bad_source_date_epoch_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = run("build", str(MINIMAL), "-o", str(tmp_path / "deck.pptx"))
    assert result.exit_code == 1
    assert result.stderr.startswith("SOURCE_DATE_EPOCH: SOURCE_DATE_EPOCH='yesterday' is not valid")
    assert os.listdir(tmp_path) == []


# --- a bug in deck ------------------------------------------------------------------------------

def _bug(*args, **kwargs):
    raise RuntimeError("the planner fell over")


@pytest.mark.parametrize("command", ["build", "check"])
def test_an_unexpected_error_exits_3_with_a_pointer_to_debug(tmp_path, monkeypatch, command):
    monkeypatch.setattr(deck.build, "plan", _bug)
    args = [command, str(MINIMAL)] + (["-o", str(tmp_path / "deck.pptx")] if command == "build" else [])
    result = run(*args)
    assert result.exit_code == 3
    assert result.stderr == ("deck: internal error: RuntimeError: the planner fell over\n"
                             "  run again with --debug for the traceback, and please report it\n")
    assert os.listdir(tmp_path) == []

    result = run(*args, "--debug")
    assert result.exit_code == 3
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert "in _bug" in result.stderr
    assert result.stderr.rstrip().endswith("RuntimeError: the planner fell over")
