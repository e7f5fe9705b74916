"""The `deck` process ends as soon as its command is done (deck/__main__.py): with the command's
status and all of its output, but without Python taking apart what the command made."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def ended(code: str) -> subprocess.CompletedProcess:
    """`code` in a new process that registers an exit handler, as a library might."""
    prelude = "import atexit\natexit.register(lambda: print('teardown', flush=True))\n"
    return subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)], capture_output=True, text=True,
                          env=ENV)


@pytest.mark.parametrize(("status", "code", "stderr"), [(None, 0, ""), (0, 0, ""), (3, 3, ""),
                                                         ("deck: stopped", 1, "deck: stopped\n")])
def test_the_status_is_what_system_exit_would_give(status, code, stderr):
    done = ended(f"""
        import sys
        from deck.__main__ import _end
        print("all of the output", end="")
        sys.stderr.write("and its messages ")
        _end({status!r})
    """)
    assert done.returncode == code
    assert done.stdout == "all of the output"  # flushed, and no teardown: the process just ended
    assert done.stderr == "and its messages " + stderr


def test_with_another_thread_running_python_ends_as_usual():
    done = ended("""
        import threading, time
        from deck.__main__ import _end
        threading.Thread(target=time.sleep, args=(0.2,)).start()
        _end(0)
    """)
    assert done.returncode == 0 and done.stdout == "teardown\n"


def test_a_profiler_still_writes_its_report(tmp_path):
    # cProfile (as coverage and tracers) writes what it found as Python ends
    report = tmp_path / "build.prof"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(report), "-m", "deck", "build",
                           str(ROOT / "outline.yaml"), "-o", str(tmp_path / "deck.pptx")],
                          capture_output=True, text=True, env=ENV, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert report.stat().st_size > 0


def test_a_build_writes_its_deck_and_says_so(tmp_path):
    out = tmp_path / "deck.pptx"
    done = subprocess.run([sys.executable, "-m", "deck", "build", str(ROOT / "outline.yaml"), "-o", str(out)],
                          capture_output=True, text=True, env=ENV, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{out}: ") and done.stdout.endswith(" planned\n")  # all of it
    assert out.read_bytes()[:2] == b"PK" and not list(tmp_path.glob(".*tmp*"))


def test_a_refused_outline_ends_with_status_1_and_its_message(tmp_path):
    done = subprocess.run([sys.executable, "-m", "deck", "build", str(tmp_path / "missing.yaml")],
                          capture_output=True, text=True, env=ENV, cwd=tmp_path)
    assert done.returncode == 1
    assert "missing.yaml: no such file" in done.stderr and done.stdout == ""
