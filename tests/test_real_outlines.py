"""Outlines as presenters write them build on the first try, and every slide keeps its texts on
the slide and out of each other's way."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from support import libreoffice

from deck.build import build, plan
from deck.plan import Shape, TextBox

REAL = sorted((FIXTURES / "real").glob("*.yaml"))
# Rendering every one takes minutes; these cover the five languages, tables, charts and workshops.
RENDERED = ["02-nl-raad-van-bestuur", "04-en-workshop-customer-journey-3h", "13-de-vorstandsvorlage-energie"]


def frames(slide) -> list:
    """The boxes of a slide's content: texts, tables, charts and pictures (not rules or panels)."""
    out = [slide.title] if slide.title is not None else []
    for item in slide.items:
        if isinstance(item, TextBox) or (not isinstance(item, Shape) and hasattr(item, "box")):
            out.append(item)
    return out


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_builds_with_every_text_on_the_slide_and_apart(path: Path):
    _, planned = plan(path)
    width, height = planned.theme.geometry.width, planned.theme.geometry.height
    for slide in planned.slides:
        boxes = [f.box for f in frames(slide)]
        for box in boxes:
            assert -0.01 <= box.x and box.right <= width + 0.01 and -0.01 <= box.y and box.bottom <= height + 0.01
        if slide.kind not in ("title", "divider", "closing") and slide.title is not None:
            body = [f.box for f in frames(slide)[1:] if f.name not in ("Section", "Slide number", "Footer", "Logo")]
            assert all(slide.title.box.bottom <= b.y + 0.01 or b.bottom <= slide.title.box.y for b in body), \
                (path.name, slide.title.paras[0].text)


@pytest.mark.render
@pytest.mark.parametrize("name", RENDERED)
def test_renders_inside_its_shapes(tmp_path: Path, name: str):
    deck = build(FIXTURES / "real" / f"{name}.yaml", tmp_path / f"{name}.pptx").output
    result = libreoffice.render(deck, tmp_path)
    assert result.pages == result.slides
    assert result.outside == [] and result.undrawn == []
