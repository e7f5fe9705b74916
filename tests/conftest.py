from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# In CI the property tests try the same examples on every run, so a change cannot fail to land
# on a rare case a run happened upon; a run on your machine tries new ones each time (and keeps
# what failed in .hypothesis/ to try first next time).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


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


DRAWN_CASES: set[tuple[str, str]] = set()


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected what does not run
def pytest_collection_modifyitems(config, items):
    """Note which (template, outline) decks the selected tests draw, to draw them in one run."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if item.get_closest_marker("render") and {"name", "outline"} <= set(params) \
                and "template_decks" in getattr(item, "fixturenames", ()):
            DRAWN_CASES.add((params["name"], params["outline"]))


@pytest.fixture(scope="session")
def template_decks(tmp_path_factory):
    """Every outline the template tests use, built on every fixture template once a session."""
    from support.template_decks import TemplateDecks

    decks = TemplateDecks(tmp_path_factory.mktemp("template-decks"), ROOT, FIXTURES)
    decks.wanted = set(DRAWN_CASES)
    return decks
