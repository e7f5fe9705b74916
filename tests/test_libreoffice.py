"""Real renders: LibreOffice draws every slide, and no word leaves its shape."""
from __future__ import annotations

import pytest
from conftest import FIXTURES
from support import libreoffice

from deck.build import build

pytestmark = pytest.mark.render


def test_shipped_deck_renders_inside_its_shapes(shipped_deck, tmp_path):
    result = libreoffice.render(shipped_deck, tmp_path)
    assert result.pages == result.slides
    assert result.outside == [] and result.undrawn == []


def test_every_kind_renders_inside_its_shapes(tmp_path):
    deck = tmp_path / "every.pptx"
    build(FIXTURES / "valid" / "every-kind.yaml", deck)
    result = libreoffice.render(deck, tmp_path)
    assert result.pages == result.slides == 14
    assert result.outside == [] and result.undrawn == []
