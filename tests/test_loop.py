"""The everyday loop through the command line: check, build --strict/--watch, preview, new, schema.

Every command runs through Typer's runner (exit codes, stdout, stderr, files); the watcher also
runs for real, in a thread and as a process stopped with Ctrl-C (SIGINT).
"""
from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import jsonschema
import pytest
from conftest import FIXTURES, ROOT
from support import libreoffice
from typer.testing import CliRunner

from deck.cli import app
from deck.errors import DeckError
from deck.outline.model import SLIDE_KINDS
from deck.watch import Built, Rebuilder, changes

runner = CliRunner()
CHECK_SCHEMA = json.loads((ROOT / "schema" / "check.schema.json").read_text())
OUTLINE_SCHEMA_FILE = ROOT / "schema" / "outline.schema.json"
PATIENCE = 120  # seconds: a generous bound for anything a watcher waits for, never a speed claim

CLEAN = """\
title: A clean deck
language: en
sections:
  - id: one
    title: The first part
    slides:
      - title: Every slide states its point
        bullets: [One point, Another point]
        notes: Say it.
"""
LABEL = CLEAN.replace("Every slide states its point", "Overview")


def run(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env=env)


def write(tmp_path: Path, text: str, name: str = "outline.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def slides_in(pptx: Path) -> int:
    from pptx import Presentation

    return len(Presentation(str(pptx)).slides)


# --- deck check --------------------------------------------------------------------------------

def test_check_the_shipped_outline_is_ok_plain_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", str(ROOT / "outline.yaml"))
    assert result.exit_code == 0, result.output
    last = result.stdout.splitlines()[-1]
    assert last.startswith(f"{ROOT / 'outline.yaml'}: ok") and "slides" in last
    assert "\x1b" not in result.stdout  # not a terminal: no colour codes
    assert list(tmp_path.iterdir()) == []


def test_check_warnings_pass_unless_strict(tmp_path):
    path = write(tmp_path, LABEL)
    result = run("check", str(path))
    assert result.exit_code == 0, result.output
    line = next(n for n, text in enumerate(LABEL.splitlines(), 1) if "Overview" in text)
    assert (f"{path}:{line}: warning: sections[0].slides[0].title: the headline has 1 word: "
            "a label, not an assertion [headline-assertion]") in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == f"{path}: 1 warning, 5 slides"

    strict = run("check", str(path), "--strict")
    assert strict.exit_code == 1 and "[headline-assertion]" in strict.stdout


def test_check_schema_and_build_errors_fail_as_findings(tmp_path):
    result = run("check", str(FIXTURES / "invalid" / "several-problems.yaml"))
    assert result.exit_code == 1
    assert "5: error: subtitel: unknown key 'subtitel' [schema]" in result.stdout
    assert result.stdout.splitlines()[-1].endswith(": 3 errors")

    fit = run("check", str(FIXTURES / "invalid" / "headline-too-long.yaml"))
    assert fit.exit_code == 1
    assert "error: sections[0].slides[0].title: does not fit in four lines" in fit.stdout and "[build]" in fit.stdout


def test_check_colour_only_on_a_terminal_and_never_with_no_color(tmp_path):
    path = write(tmp_path, LABEL)
    terminal = {"FORCE_COLOR": "1", "TERM": "xterm-256color"}  # as if it wrote to a terminal
    coloured = run("check", str(path), env={**terminal, "NO_COLOR": ""})
    assert "\x1b[" in coloured.stdout
    plain = run("check", str(path), env={**terminal, "NO_COLOR": "1"})
    assert "\x1b" not in plain.stdout and "warning:" in plain.stdout


def test_check_says_what_build_would_notice_once(tmp_path):
    many = ", ".join(f"Point number {i} has a few words" for i in range(14))
    path = write(tmp_path, CLEAN.replace("[One point, Another point]", f"[{many}]"))
    result = run("check", str(path), "--allow-small")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert f"{path}: info: --allow-small: floors lowered by 4 pt [notice]" in lines
    assert [line for line in lines if "continues on" in line] == [
        f"{path}:7: info: sections[0].slides[0]: 'Every slide states its point' continues on 2 slides [fit-continued]"]


@pytest.mark.parametrize("case", ["clean", "warnings", "schema-error", "fit-error"])
def test_check_json_follows_its_documented_shape(tmp_path, case):
    paths = {"clean": write(tmp_path, CLEAN), "warnings": write(tmp_path, LABEL, "label.yaml"),
             "schema-error": FIXTURES / "invalid" / "several-problems.yaml",
             "fit-error": FIXTURES / "invalid" / "headline-too-long.yaml"}
    for strict in ([], ["--strict"]):
        result = run("check", str(paths[case]), "--format", "json", *strict)
        report = json.loads(result.stdout)
        jsonschema.validate(report, CHECK_SCHEMA)
        assert report["ok"] == (result.exit_code == 0)
        assert report["strict"] == bool(strict)
        assert report["counts"]["error"] == sum(f["severity"] == "error" for f in report["findings"])
    if case == "clean":
        assert report["slides"] == 5 and report["counts"] == {"error": 0, "warning": 0, "info": 0}
    if case == "warnings":
        assert [f["rule"] for f in report["findings"]] == ["headline-assertion"]
    if case.endswith("error"):
        assert report["slides"] is None and {f["rule"] for f in report["findings"]} == {case.split("-")[0]
                                                                                        .replace("fit", "build")}


def test_check_json_schema_is_a_valid_schema():
    jsonschema.Draft202012Validator.check_schema(CHECK_SCHEMA)


def test_check_titles_prints_the_storyline(tmp_path):
    path = write(tmp_path, """\
title: A story in headlines
language: en
sections:
  - id: why
    title: Why
    minutes: 10
    slides:
      - title: Costs rise every month
        bullets: [a]
      - kind: quote
        quote: Too slow.
        by: A client
  - id: how
    title: How
    slides:
      - title: Three steps bring them down
        bullets: [b]
""")
    result = run("check", str(path), "--titles")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "A story in headlines",
        "1 Why · 10 min",
        "  Costs rise every month",
        "  Quote: A client",
        "2 How",
        "  Three steps bring them down",
    ]


def test_check_titles_of_a_broken_outline_fails_and_json_titles_is_a_usage_error(tmp_path):
    broken = run("check", str(FIXTURES / "invalid" / "unknown-key.yaml"), "--titles")
    assert broken.exit_code == 1 and "[schema]" in broken.stdout
    assert run("check", str(ROOT / "outline.yaml"), "--titles", "--format", "json").exit_code == 2
    assert run("check", "--format", "xml").exit_code == 2


# --- deck build --strict -------------------------------------------------------------------------

def test_build_strict_refuses_with_warnings_and_writes_nothing(tmp_path):
    path = write(tmp_path, LABEL)
    out = tmp_path / "deck.pptx"
    result = run("build", str(path), "-o", str(out), "--strict")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "[headline-assertion]" in result.stderr and "nothing was written" in result.stderr
    assert not out.exists()

    plain = run("build", str(path), "-o", str(out))
    assert plain.exit_code == 0 and out.exists()


def test_build_strict_builds_a_clean_outline(tmp_path):
    out = tmp_path / "deck.pptx"
    result = run("build", str(write(tmp_path, CLEAN)), "-o", str(out), "--strict")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"{out}: 5 slides" and slides_in(out) == 5


def test_check_and_a_strict_build_read_and_lay_out_the_outline_once(tmp_path, monkeypatch):
    import deck.build
    import deck.warm

    path = write(tmp_path, CLEAN)
    counts = {"read": 0, "laid out": 0}
    real_load, real_plan_deck = deck.warm._load, deck.build.plan_deck

    def load(*args):
        counts["read"] += 1
        return real_load(*args)

    def plan_deck(*args, **kwargs):
        counts["laid out"] += 1
        return real_plan_deck(*args, **kwargs)

    monkeypatch.setattr(deck.warm, "_kept", None)  # a one-off process keeps nothing
    monkeypatch.setattr(deck.warm, "_load", load)
    monkeypatch.setattr(deck.build, "plan_deck", plan_deck)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for args in (["check", str(path)], ["build", str(path), "-o", str(tmp_path / "strict.pptx"), "--strict"]):
        counts.update({"read": 0, "laid out": 0})
        result = run(*args)
        assert result.exit_code == 0, result.output
        assert counts == {"read": 1, "laid out": 1}, args
    # the deck drawn from the check's layout is the deck a plain build draws
    assert run("build", str(path), "-o", str(tmp_path / "plain.pptx")).exit_code == 0
    assert (tmp_path / "strict.pptx").read_bytes() == (tmp_path / "plain.pptx").read_bytes()


# --- deck build --watch ---------------------------------------------------------------------------

def test_the_rebuild_loop_builds_on_relevant_changes_and_survives_errors(tmp_path):
    outline = write(tmp_path, CLEAN)
    picture = tmp_path / "picture.png"
    script = iter([None, DeckError.simple(str(outline), "is broken", "fix it"), None])
    seen = []

    def build() -> Built:
        step = next(script)
        if step is not None:
            raise step
        return Built("out/deck.pptx: 5 slides")

    ticks = iter(range(100))
    rebuilder = Rebuilder(outline, build, seen.append, used=lambda path: {path.resolve(), picture.resolve()},
                          clock=lambda: next(ticks) * 0.75)  # every build "takes" 0.75 s
    batches = [{tmp_path / "notes.txt"}, {outline}, {tmp_path / "deck.pptx"}, {picture}]
    assert rebuilder.run(batches) == 3
    assert [o.ok for o in seen] == [True, False, True]
    assert re.fullmatch(r"\d\d:\d\d:\d\d out/deck\.pptx: 5 slides \(0\.8 s\)", seen[0].line())
    assert seen[1].line().endswith(" build failed (0.8 s)") and str(seen[1].text).startswith(f"{outline}: is broken")


def test_used_files_are_the_outline_and_its_pictures(tmp_path):
    from deck.watch import used_files

    shutil.copy(FIXTURES / "valid" / "assets" / "circles.png", tmp_path / "circles.png")
    outline = write(tmp_path, CLEAN.replace("      - title: Every", """\
      - kind: image
        title: A picture shows it
        image: circles.png
        alt: Three circles
      - title: Every"""))
    assert used_files(outline) == {outline.resolve(), (tmp_path / "circles.png").resolve()}
    broken = write(tmp_path, "title: [", "broken.yaml")
    assert used_files(broken) == {broken.resolve()}


def _until(condition, action=None, patience: float = PATIENCE) -> bool:
    """Wait until condition() holds, doing action() every second meanwhile; False on timeout."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if condition():
            return True
        if action is not None:
            action()
        time.sleep(1.0)
    return condition()


def test_a_real_watcher_rebuilds_when_the_outline_is_saved(tmp_path):
    outline = write(tmp_path, CLEAN)
    builds = []
    rebuilder = Rebuilder(outline, lambda: Built(f"build {len(builds) + 1}"), builds.append)
    stop = threading.Event()
    thread = threading.Thread(target=lambda: rebuilder.run(changes(rebuilder, stop, debounce_ms=100)), daemon=True)
    thread.start()
    try:
        assert _until(lambda: len(builds) >= 1)

        def save() -> None:
            outline.write_text(outline.read_text() + "# edited\n")

        # Saved until seen: the watch starts right after the first build, a save before it is not an event.
        assert _until(lambda: len(builds) >= 2, save), "no rebuild after editing the outline"
        count = len(builds)
        (tmp_path / "unrelated.txt").write_text("not part of the deck")
        time.sleep(1.0)
        assert len(builds) == count  # a file the deck does not use changes nothing
    finally:
        stop.set()
        thread.join(PATIENCE)
    assert not thread.is_alive()
    assert all(o.ok for o in builds)


STOP_PATIENCE = 30  # seconds a watcher gets to stop on Ctrl-C before it is terminated


def _ctrl_c_reaches_the_watcher() -> None:
    """Run in the watcher's process before deck starts. A test run started as a background job
    ignores Ctrl-C; a child inherits that, and Python then never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Watcher:
    """`deck build --watch` as a process of its own, its output lines collected as they come."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
        self.process = subprocess.Popen([sys.executable, "-m", "deck", "build", "--watch", *args], cwd=cwd,
                                        env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        preexec_fn=_ctrl_c_reaches_the_watcher)
        self.lines: queue.Queue = queue.Queue()
        self.seen: list[str] = []
        self.errors: list[str] = []
        self.readers = [threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stdout],
                                         daemon=True),
                        threading.Thread(target=lambda: [self.errors.append(line) for line in self.process.stderr],
                                         daemon=True)]
        for reader in self.readers:
            reader.start()

    def built(self, count: int):
        def enough() -> bool:
            while not self.lines.empty():
                self.seen.append(self.lines.get())
            return len(self.seen) >= count
        return enough

    def stop(self) -> str:
        """Ctrl-C, then SIGTERM, then SIGKILL, so that no watcher outlives its test; the way it
        stopped ("ctrl-c" when it exited on Ctrl-C by itself)."""
        self.process.send_signal(signal.SIGINT)
        way = "ctrl-c"
        for fallback, name in ((self.process.terminate, "terminated"), (self.process.kill, "killed")):
            try:
                self.process.wait(STOP_PATIENCE)
                break
            except subprocess.TimeoutExpired:
                fallback()
                way = name
        self.process.wait()
        for reader in self.readers:
            reader.join(STOP_PATIENCE)
        return way


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl-C is SIGINT on POSIX only")
def test_build_watch_rebuilds_keeps_going_after_an_error_and_stops_on_ctrl_c(tmp_path):
    outline = write(tmp_path, CLEAN)
    watcher = Watcher([str(outline), "-o", str(tmp_path / "deck.pptx")], tmp_path)
    errors = watcher.errors
    try:
        assert _until(watcher.built(1)), errors
        assert f"{tmp_path / 'deck.pptx'}: 5 slides (" in watcher.seen[0]
        outline.write_text("title: [broken\n")
        assert _until(lambda: any("build failed" in e for e in errors),
                      lambda: outline.write_text("title: [broken\n" + "#" * len(errors) + "\n")), errors
        assert _until(watcher.built(2), lambda: outline.write_text(CLEAN + "# fixed\n")), errors
    finally:
        way = watcher.stop()
    stderr = "".join(errors)
    assert way == "ctrl-c" and watcher.process.returncode == 0, (way, stderr)
    assert "invalid YAML" in stderr and "stopped watching" in stderr and "Traceback" not in stderr


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl-C is SIGINT on POSIX only")
def test_a_watcher_stops_on_ctrl_c_even_when_the_test_run_ignores_it(tmp_path):
    # As in a test run started in the background (`make test &`): SIGINT is ignored, and a child
    # would inherit that.
    outline = write(tmp_path, CLEAN)
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        watcher = Watcher([str(outline), "-o", str(tmp_path / "deck.pptx")], tmp_path)
    finally:
        signal.signal(signal.SIGINT, before)
    try:
        assert _until(watcher.built(1)), watcher.errors
    finally:
        way = watcher.stop()
    assert way == "ctrl-c" and watcher.process.returncode == 0, (way, "".join(watcher.errors))
    assert "stopped watching" in "".join(watcher.errors)


# --- deck preview ---------------------------------------------------------------------------------

@pytest.mark.render
def test_preview_draws_one_png_per_slide_and_a_contact_sheet(tmp_path):
    libreoffice.require_tools()
    from PIL import Image

    from deck.export.preview import SHEET_COLUMNS, SHEET_GAP, SHEET_LABEL, THUMB_H, THUMB_W

    assert run("new", str(tmp_path / "talk.yaml"), "--lang", "en").exit_code == 0
    folder = tmp_path / "preview"
    folder.mkdir()
    (folder / "slide-99.png").write_bytes(b"from an earlier, longer deck")
    result = run("preview", str(tmp_path / "talk.yaml"), "-o", str(folder))
    assert result.exit_code == 0, result.output
    deck = folder / "the-title-of-your-workshop.pptx"
    count = slides_in(deck)
    pngs = sorted(folder.glob("slide-*.png"))
    assert len(pngs) == count and pngs[0].name == "slide-01.png"
    for png in pngs:
        with Image.open(png) as image:
            assert image.size == (1280, 720), png
    rows = -(-count // SHEET_COLUMNS)
    with Image.open(folder / "sheet.png") as sheet:
        assert sheet.size == (SHEET_GAP + SHEET_COLUMNS * (THUMB_W + SHEET_GAP),
                              SHEET_GAP + rows * (THUMB_H + SHEET_LABEL + SHEET_GAP))
    pdf = folder / "the-title-of-your-workshop.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert result.stdout.splitlines() == [str(pdf), f"{folder / 'sheet.png'}: {count} slides, "
                                                    f"slide-01.png … slide-{count:02d}.png"]


def test_preview_without_libreoffice_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    folder = tmp_path / "preview"
    result = run("preview", str(ROOT / "outline.yaml"), "-o", str(folder))
    assert result.exit_code == 1
    assert "apt-get install libreoffice-impress poppler-utils" in result.stderr
    assert "Traceback" not in result.stderr and not folder.exists()


# --- deck new ------------------------------------------------------------------------------------

def test_new_writes_the_blank_starter_that_builds_and_passes_check(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("new")
    assert result.exit_code == 0, result.output
    outline = tmp_path / "outline.yaml"
    assert result.stdout.splitlines() == ["outline.yaml: the blank starter in nl",
                                          "placeholder.png: a picture the outline shows"]
    check = run("check", "outline.yaml", "--strict")
    assert check.exit_code == 0, check.output
    build = run("build", "outline.yaml", "-o", "deck.pptx")
    assert build.exit_code == 0, build.output
    assert slides_in(tmp_path / "deck.pptx") > len(SLIDE_KINDS)
    assert outline.read_text().splitlines()[0] == f"# yaml-language-server: $schema={OUTLINE_SCHEMA_FILE.as_posix()}"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_blank_starter_has_one_slide_of_every_kind_and_no_warnings(tmp_path, language):
    from deck.check import check
    from deck.outline.reader import load

    assert run("new", str(tmp_path / "talk.yaml"), "--lang", language).exit_code == 0
    loaded = load(tmp_path / "talk.yaml")
    kinds = [slide.kind for section in loaded.outline.sections for slide in section.slides]
    assert sorted(kinds) == sorted(SLIDE_KINDS)
    assert loaded.outline.language == language
    report = check(tmp_path / "talk.yaml")
    assert [f for f in report.findings if f.severity != "info"] == []


@pytest.mark.parametrize("language, shipped", [("nl", "outline.yaml"), ("en", "outline.en.yaml")])
def test_new_from_the_shipped_workshop(tmp_path, language, shipped):
    target = tmp_path / "talk.yaml"
    result = run("new", str(target), "--from", "social-enterprise", "--lang", language)
    assert result.exit_code == 0, result.output
    written = target.read_text().splitlines()
    original = (ROOT / shipped).read_text().splitlines()
    assert written[1:] == original[1:]
    assert written[0] == f"# yaml-language-server: $schema={OUTLINE_SCHEMA_FILE.as_posix()}"
    assert not (tmp_path / "placeholder.png").exists()
    # The pictures it shows come along, so the copy builds wherever it is.
    build = run("build", str(target), "-o", str(tmp_path / "deck.pptx"))
    assert build.exit_code == 0, build.output


def test_new_refuses_to_overwrite_unless_forced(tmp_path):
    target = write(tmp_path, "my own work\n", "talk.yaml")
    result = run("new", str(target))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{target}: already exists") and "--force" in result.stderr
    assert target.read_text() == "my own work\n"
    picture = tmp_path / "placeholder.png"
    picture.write_bytes(b"my own picture")
    forced = run("new", str(target), "--force")
    assert forced.exit_code == 0 and target.read_text().startswith("# yaml-language-server")
    assert picture.read_bytes() == b"my own picture"  # a picture of the presenter's own stays


def test_new_into_a_folder_and_bad_names(tmp_path):
    assert run("new", str(tmp_path)).exit_code == 0 and (tmp_path / "outline.yaml").exists()
    wrong = run("new", str(tmp_path / "talk.txt"))
    assert wrong.exit_code == 1 and "is not a .yaml file name" in wrong.stderr
    assert not (tmp_path / "talk.txt").exists()
    assert run("new", str(tmp_path / "x.yaml"), "--from", "nothing").exit_code == 2
    assert run("new", str(tmp_path / "x.yaml"), "--lang", "de").exit_code == 2


# --- deck schema -----------------------------------------------------------------------------------

def test_the_schema_in_the_repo_is_not_stale():
    result = run("schema")
    assert result.exit_code == 0, result.output
    assert result.stdout == OUTLINE_SCHEMA_FILE.read_text(encoding="utf-8"), \
        "schema/outline.schema.json is stale: run `deck schema > schema/outline.schema.json`"


def _outline_data(path: Path):
    from deck.outline.reader import Source, parse

    data, problems = parse(path.read_text(encoding="utf-8"), Source(str(path), path.parent))
    assert problems == []
    return data


def test_the_schema_accepts_every_outline_deck_accepts(tmp_path):
    schema = json.loads(OUTLINE_SCHEMA_FILE.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"].startswith("https://json-schema.org/") and schema["$id"] and schema["title"]
    for language in ("nl", "en"):
        run("new", str(tmp_path / f"blank-{language}.yaml"), "--lang", language)
    outlines = [ROOT / "outline.yaml", ROOT / "outline.en.yaml", *sorted((FIXTURES / "valid").glob("*.yaml")),
                *sorted(tmp_path.glob("*.yaml"))]
    for path in outlines:
        jsonschema.validate(_outline_data(path), schema)


@pytest.mark.parametrize("fixture", ["unknown-key.yaml", "unknown-deck-key.yaml", "bool-title.yaml",
                                     "too-many-stats.yaml", "bad-minutes.yaml"])
def test_the_schema_rejects_what_editors_can_catch(fixture):
    schema = json.loads(OUTLINE_SCHEMA_FILE.read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(_outline_data(FIXTURES / "invalid" / fixture), schema)


@pytest.mark.parametrize("name", ["outline.yaml", "outline.en.yaml"])
def test_shipped_outlines_point_editors_at_the_schema(name):
    first = (ROOT / name).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/outline.schema.json"
    assert (ROOT / "schema" / "outline.schema.json").is_file()


# --- help and completion ---------------------------------------------------------------------------

def test_every_command_shows_an_example_and_completion_stays_on():
    names = [command.name or command.callback.__name__ for command in app.registered_commands]
    assert {"build", "check", "preview", "new", "schema"} <= set(names)
    for name in names:
        result = run(name, "--help")
        assert result.exit_code == 0 and "Example:" in result.stdout, name
    assert "--install-completion" in run("--help").stdout
