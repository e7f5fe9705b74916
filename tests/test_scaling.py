"""Builds stay linear in the number of slides, and the speed-ups change no byte.

Counts, not seconds: python-pptx finds a free part name by walking every part of the package, so
naming each notes slide that way makes a build quadratic. The walks are counted here, so a
quadratic path cannot come back unnoticed. Speed itself is measured by bench/run.py.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx.opc.package import OpcPackage

from deck import warm
from deck.build import build

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def outline(sections: int, slides: int) -> str:
    """`sections` x `slides` bullet slides, every one with notes."""
    lines = ["title: Scale", "language: en", "sections:"]
    for s in range(1, sections + 1):
        lines += [f"  - id: part-{s}", f"    title: Part {s}", "    slides:"]
        for n in range(1, slides + 1):
            lines += [f"      - title: Point {n} of part {s} holds",
                      "        bullets: [A short point, Another short point]",
                      f"        notes: Say why point {n} of part {s} matters."]
    return "\n".join(lines) + "\n"


@pytest.fixture
def part_visits(monkeypatch):
    """How many parts all walks over the package visit (python-pptx's own walk, wrapped)."""
    seen = {"parts": 0}
    walk = OpcPackage.iter_parts

    def counted(self):
        for part in walk(self):
            seen["parts"] += 1
            yield part

    monkeypatch.setattr(OpcPackage, "iter_parts", counted)
    return seen


def visits_for(tmp_path: Path, seen: dict, slides: int) -> tuple[int, int]:
    path = tmp_path / f"outline-{slides}.yaml"
    path.write_text(outline(10, slides // 10), "utf-8")
    seen["parts"] = 0
    result = build(path, tmp_path / f"deck-{slides}.pptx")
    return seen["parts"], result.slides


def test_part_walks_grow_linearly_with_the_slides(tmp_path, part_visits):
    small, small_slides = visits_for(tmp_path, part_visits, 100)
    big, big_slides = visits_for(tmp_path, part_visits, 1000)
    assert big_slides > 1000
    # Saving walks the package once (two parts a slide: the slide and its notes); naming a part
    # walks it only the first time per kind of name. A walk per notes slide would visit
    # ~n²/2 parts: about 500,000 here.
    assert big <= 4 * big_slides, f"{big} parts visited for {big_slides} slides"
    assert big <= 11 * small, f"{small} visits for {small_slides} slides, {big} for {big_slides}"


@pytest.mark.parametrize("name", ["every-kind.yaml", "evidence.yaml"])
def test_named_parts_are_those_python_pptx_would_choose(tmp_path, monkeypatch, name):
    """The same deck, byte for byte, with the part cache and without it (python-pptx's walks);
    with pictures and charts, whose parts are named the same way."""
    import deck.render as render

    source = FIXTURES / "valid" / name
    fast = build(source, tmp_path / "fast.pptx").output.read_bytes()

    class Walking:  # python-pptx's own way: a walk per name, every slide and notes slide anew
        def __init__(self, presentation, warm=None, context=None):
            self.presentation = presentation

        def add_slide(self, layout):
            return self.presentation.slides.add_slide(layout)

        def key(self, plan):
            return None

        def reuse(self, key, layout):
            return False

        def remember(self, key, slide):
            pass

        def notes_slide(self, slide):
            return slide.notes_slide

        def finish(self):
            pass

    monkeypatch.setattr(render, "Parts", Walking)
    assert build(source, tmp_path / "walking.pptx").output.read_bytes() == fast


def test_a_warm_rebuild_gives_the_bytes_of_a_cold_build(tmp_path, monkeypatch):
    """What `deck build --watch` keeps between builds (the reading, the layout, the base and the
    slides drawn) makes exactly the deck a fresh process makes."""
    folder = tmp_path / "talk"
    shutil.copytree(FIXTURES / "valid", folder)
    path = folder / "every-kind.yaml"
    text = path.read_text("utf-8")
    monkeypatch.setattr(warm, "_kept", None)
    cold_first = build(path, tmp_path / "cold-1.pptx").output.read_bytes()

    warm.keep()
    assert build(path, tmp_path / "warm-1.pptx").output.read_bytes() == cold_first
    edited = text.replace("title: ", "title: Now ", 1)
    assert edited != text
    path.write_text(edited, "utf-8")
    rebuilt = build(path, tmp_path / "warm-2.pptx").output.read_bytes()
    assert warm._kept.renderer.reused > 0  # most slides were copied, not drawn again

    monkeypatch.setattr(warm, "_kept", None)  # a fresh process
    assert build(path, tmp_path / "cold-2.pptx").output.read_bytes() == rebuilt
    assert rebuilt != cold_first
