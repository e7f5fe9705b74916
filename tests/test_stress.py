"""Whatever presenters paste in, the deck never shows text outside its box: it fits, shrinks,
continues on the next slide, or fails with the outline line before anything is written."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from pptx import Presentation
from support import libreoffice

from deck.build import build, plan

STRESS = sorted((FIXTURES / "stress").glob("*.yaml"))
LONG = FIXTURES / "stress" / "long-texts.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("stress")
    return {path.stem: build(path, folder / f"{path.stem}.pptx").output for path in STRESS}


def _texts(deck: Path, name: str) -> list[str]:
    """The paragraphs of every shape called `name`, slide by slide, in order."""
    out = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.name == name and shape.has_text_frame:
                out += [p.text for p in shape.text_frame.paragraphs]
    return out


def test_long_lists_continue_without_losing_or_repeating_an_item(built):
    loaded, planned = plan(LONG)
    bullets = loaded.outline.sections[0].slides[0].bullets
    expected = [t for b in bullets for t in [b.text, *b.sub]]
    assert _texts(built["long-texts"], "Body") == expected
    titles = [s.title.text for s in planned.slides if s.kind == "bullets"]
    assert titles[1:] == [titles[0] + " (vervolg)"] + [f"{titles[0]} (vervolg {n})" for n in range(2, len(titles))]
    assert any("continues on" in str(notice) for notice in planned.notices)


def test_compare_steps_and_prompts_continue(built):
    _, planned = plan(LONG)
    kinds = [s.kind for s in planned.slides]
    # the comparison stays whole at a smaller size; six steps stay on one row; the question
    # stands alone, then small above all its prompts
    assert kinds.count("compare") == 1 and kinds.count("steps") == 1 and kinds.count("question") == 2
    slide = plan(LONG)[0].outline.sections[1].slides
    columns = _texts(built["long-texts"], "Column")
    assert sorted(columns) == sorted(slide[0].left.bullets + slide[0].right.bullets)
    steps = [n for n in _texts(built["long-texts"], "Step 1") + _texts(built["long-texts"], "Step 6")]
    assert steps == ["1", "6"]


def test_sizes_stay_between_floor_and_preferred(built):
    for deck in built.values():
        for slide in Presentation(str(deck)).slides:
            for shape in slide.shapes:
                if shape.name in ("Body", "Column"):
                    # a compare column may take the secondary size (18-20 pt) to stay whole
                    low = 18 if shape.name == "Column" else 22
                    sizes = {r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs}
                    assert all(low <= size <= 28 for size in sizes), (shape.name, sizes)


@pytest.mark.render
@pytest.mark.parametrize("name", [p.stem for p in STRESS])
def test_stress_renders_inside_its_shapes(built, tmp_path, name):
    result = libreoffice.render(built[name], tmp_path)
    assert result.pages == result.slides
    assert result.outside == [] and result.undrawn == []


def test_steps_whose_last_page_needs_its_own_wider_columns_build(tmp_path):
    """Steps continue on pages of unequal size; a shorter page whose long step fits only in its
    own wider columns keeps those instead of stopping the build."""
    long = " ".join(["Every team in every region adopts the new way of answering customers"] * 8)
    steps = "".join(f"          - {{title: Step {i}, text: Short}}\n" for i in (1, 2))
    text = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8") + (
        "      - kind: steps\n        title: Drie stappen naar de zomer\n        steps:\n"
        + steps + f"          - {{title: Last, text: {long}}}\n")
    outline = tmp_path / "outline.yaml"
    outline.write_text(text, encoding="utf-8")
    deck = build(outline, tmp_path / "deck.pptx").output
    assert _texts(deck, "Step 3 text")[0] == "Last"
    assert _texts(deck, "Step 1") == ["1"] and _texts(deck, "Step 3") == ["3"]
