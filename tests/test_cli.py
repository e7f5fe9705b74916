"""The command line through Typer's runner: exit codes, stdout, stderr, files."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from typer.testing import CliRunner

from deck import __version__
from deck.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_build_prints_one_line_with_path_slides_and_duration(tmp_path):
    out = tmp_path / "deck.pptx"
    result = run("build", str(ROOT / "outline.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines() == [f"{out}: {_slides(out)} slides, 1 h 30 min planned"]
    assert out.exists()


def _slides(path: Path) -> int:
    from pptx import Presentation

    return len(Presentation(str(path)).slides)


def test_build_defaults_to_out_slug(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "outline.yaml", tmp_path / "outline.yaml")
    shutil.copytree(ROOT / "assets", tmp_path / "assets")  # the outline's pictures travel with it
    result = run("build")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "social-enterprise.pptx").exists()


def test_build_without_an_outline_builds_the_shipped_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("build")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "social-enterprise.pptx").exists()


def test_bad_outline_exits_1_with_message_and_writes_nothing(tmp_path):
    out = tmp_path / "deck.pptx"
    bad = FIXTURES / "invalid" / "several-problems.yaml"
    result = run("build", str(bad), "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{bad}:5: subtitel: unknown key 'subtitel'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_bad_outline_leaves_the_previous_deck_alone(tmp_path):
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"the previous deck")
    result = run("build", str(FIXTURES / "invalid" / "unknown-key.yaml"), "-o", str(out))
    assert result.exit_code == 1
    assert out.read_bytes() == b"the previous deck"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_missing_outline_is_one_line(tmp_path):
    result = run("build", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / 'nope.yaml'}: no such file")


@pytest.mark.parametrize("target, message", [(".", "is a folder"), ("deck.txt", "is not a .pptx file name")])
def test_bad_output_paths(tmp_path, target, message):
    result = run("build", str(ROOT / "outline.yaml"), "-o", str(tmp_path / target))
    assert result.exit_code == 1 and message in result.stderr


def test_unknown_theme(tmp_path):
    result = run("build", str(ROOT / "outline.yaml"), "--theme", "neon", "-o", str(tmp_path / "d.pptx"))
    assert result.exit_code == 1 and "unknown theme 'neon'" in result.stderr and "light" in result.stderr


def test_usage_error_exits_2():
    result = run("build", "--no-such-option")
    assert result.exit_code == 2


def test_version_and_help():
    assert run("--version").stdout.strip() == f"deck {__version__}"
    help_text = run("--help").stdout
    assert "build" in help_text and "check" in help_text
    assert "Example:" in run("build", "--help").stdout


def test_check_reports_without_writing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", str(ROOT / "outline.yaml"))
    assert result.exit_code == 0, result.output
    assert "ok" in result.stdout and not (tmp_path / "out").exists()


def test_python_dash_m():
    # (that --help imports no python-pptx: test_commands_that_draw_no_slide_do_not_import_python_pptx)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    version = subprocess.run([sys.executable, "-m", "deck", "--version"], capture_output=True, text=True, env=env)
    assert version.returncode == 0 and version.stdout.strip() == f"deck {__version__}"


@pytest.mark.parametrize("args", [("--help",), ("check", "outline.yaml"), ("check", "--titles", "outline.yaml"),
                                  ("check", "--format", "json", "tests/fixtures/valid/evidence.yaml")])
def test_commands_that_draw_no_slide_do_not_import_python_pptx(args):
    # python-pptx takes longer to import than a check takes to run; only render and a template need it.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "deck", *args], cwd=ROOT,
                          capture_output=True, text=True, env=env)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    imported = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "deck.cli" in imported
    assert "pptx" not in imported
