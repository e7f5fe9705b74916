from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden structural dumps from the current output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def shipped_deck(tmp_path_factory) -> Path:
    """The shipped outline, built once for the whole session."""
    from deck.build import build

    out = tmp_path_factory.mktemp("shipped") / "social-enterprise.pptx"
    build(ROOT / "outline.yaml", out)
    return out
