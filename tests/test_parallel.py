"""`deck build a.yaml b.yaml ...`: several outlines in parallel processes, reported in order."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

from deck.errors import DeckError
from deck.parallel import targets


def deck(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "deck", "build", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def talks(tmp_path) -> Path:
    """Two good outlines and a bad one, in one folder."""
    shutil.copy(FIXTURES / "valid" / "minimal.yaml", tmp_path / "acme.yaml")
    shutil.copy(FIXTURES / "valid" / "every-kind.yaml", tmp_path / "globex.yaml")
    shutil.copy(FIXTURES / "invalid" / "unknown-key.yaml", tmp_path / "broken.yaml")
    return tmp_path


def test_each_outline_gets_its_line_in_the_order_given_and_a_bad_one_fails_alone(talks):
    done = deck("globex.yaml", "broken.yaml", "acme.yaml", "--jobs", "2", cwd=talks)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["out/globex.pptx", "out/acme.pptx"]
    assert all(" slides" in line for line in lines)
    assert "broken.yaml:" in done.stderr and "unknown key" in done.stderr
    assert sorted(p.name for p in (talks / "out").iterdir()) == ["acme.pptx", "globex.pptx"]


def test_a_deck_built_in_the_pool_is_the_deck_built_alone(talks):
    assert deck("acme.yaml", "globex.yaml", "-o", "pool", cwd=talks).returncode == 0
    assert deck("globex.yaml", "-o", "alone.pptx", cwd=talks).returncode == 0
    assert (talks / "pool" / "globex.pptx").read_bytes() == (talks / "alone.pptx").read_bytes()


def test_output_for_several_outlines_is_a_folder_not_a_deck(talks):
    done = deck("acme.yaml", "globex.yaml", "-o", "both.pptx", cwd=talks)
    assert done.returncode == 1
    assert "names one deck, but several outlines are given" in done.stderr
    assert not (talks / "both.pptx").exists() and not (talks / "out").exists()


def test_two_outlines_that_would_write_one_deck_are_refused_before_building(tmp_path):
    (tmp_path / "nl").mkdir()
    (tmp_path / "en").mkdir()
    paths = [tmp_path / "nl" / "talk.yaml", tmp_path / "en" / "talk.yaml"]
    with pytest.raises(DeckError, match="would write"):
        targets(paths, tmp_path / "decks")
    with pytest.raises(DeckError, match="given twice"):
        targets([paths[0], paths[0]], None)
    assert targets(paths[:1], tmp_path / "decks") == [tmp_path / "decks" / "talk.pptx"]


def test_watch_takes_one_outline(talks):
    done = deck("acme.yaml", "globex.yaml", "--watch", cwd=talks)
    assert done.returncode == 2
    assert "--watch follows one outline" in done.stderr
