"""Outlines with many sections: what the speed work changed stays correct.

The divider's progress bar keeps one segment per section up to PROGRESS_SEGMENTS and becomes a
track with a mark beyond; the agenda's pages are those of trying every page size; the fast YAML
reader reads what the Python reader reads; the package check, part by part, finds what it did.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from deck.layout import plan_deck
from deck.layout.dividers import PROGRESS_SEGMENTS
from deck.look.theme import THEMES
from deck.outline import reader as loader
from deck.outline.reader import Source, load, parse
from deck.package import check
from deck.plan import Shape, TextBox

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def write_outline(folder: Path, sections: int) -> Path:
    lines = ["title: Many sections", "language: en", "sections:"]
    for s in range(1, sections + 1):
        lines += [f"  - id: part-{s}", f"    title: Part {s} of the argument",
                  f"    message: Part {s} moves the argument one step further", "    slides:",
                  f"      - title: Point of part {s} holds", "        bullets: [A short point]",
                  "        notes: Why it matters."]
    path = folder / "outline.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dividers(path: Path) -> list:
    theme = THEMES["light"]
    return [s for s in plan_deck(load(path), theme).slides if s.kind == "divider"], theme


def progress(slide) -> list:
    return [item for item in slide.items if item.name.startswith("Progress")]


@pytest.mark.parametrize("sections", [PROGRESS_SEGMENTS, PROGRESS_SEGMENTS + 1, 150])
def test_divider_progress_stays_on_the_slide(tmp_path, sections):
    slides, theme = dividers(write_outline(tmp_path, sections))
    geo = theme.geometry
    assert len(slides) == sections
    for index, slide in enumerate(slides):
        items = progress(slide)
        bars = [i for i in items if isinstance(i, Shape)]
        if sections <= PROGRESS_SEGMENTS:
            assert len(bars) == sections  # one segment per section, the current one bright
        else:
            assert len(items) == 3  # track, mark, "5 / 300", whatever the count
            label = next(i for i in items if isinstance(i, TextBox))
            assert label.text == f"{index + 1} / {sections}"
        bright = [b for b in bars if b.fill == "divider_ink"]
        assert len(bright) == 1
        for item in items:
            assert item.box.w > 0
            assert geo.left - 0.01 <= item.box.x and item.box.right <= geo.left + geo.content_w + 0.01
    if sections > PROGRESS_SEGMENTS:  # the mark moves from the left end to the right end
        first, last = (next(b for b in progress(s) if b.fill == "divider_ink") for s in (slides[0], slides[-1]))
        assert first.box.x == pytest.approx(geo.left)
        assert last.box.right == pytest.approx(geo.left + geo.content_w)


def test_agenda_of_many_sections_continues_on_even_pages(tmp_path):
    planned = plan_deck(load(write_outline(tmp_path, 40)), THEMES["light"])
    agenda = [s for s in planned.slides if s.kind == "agenda"]
    entries = [len([i for i in s.items if i.name == "Entry"]) for s in agenda]
    assert len(agenda) > 1 and sum(entries) == 40
    assert max(entries) - min(entries) <= 1  # shared out evenly


def fixture_outlines() -> list[Path]:
    return [ROOT / "outline.yaml", ROOT / "outline.en.yaml", *sorted((FIXTURES / "valid").glob("*.yaml")),
            *sorted((FIXTURES / "invalid").glob("*.yaml"))]


@pytest.mark.parametrize("path", fixture_outlines(), ids=lambda p: p.name)
def test_fast_yaml_reads_what_the_python_reader_reads(path, monkeypatch):
    text = path.read_bytes().decode("utf-8-sig", errors="replace")

    def read() -> tuple:
        source = Source(path.name, path.parent)
        try:
            data, problems = parse(text, source)
        except Exception as err:  # noqa: BLE001  the error itself is what is compared
            return ("error", str(err))
        return ("read", repr(data), source.lines, [str(p) for p in problems])

    fast = read()
    monkeypatch.setattr(loader, "_compose_fast", lambda text: loader._SLOW)
    assert fast == read()


@pytest.mark.parametrize("text", [
    "title: T\nitems: [Is this so? Yes]\n",  # the Python reader refuses `?` inside brackets
    "title: T\nsections: !&b!int ten\n",  # a tag libyaml reads and the Python reader refuses
    "title: T\n? \n",  # an empty key: the readers give it different lines
    "title: T\nsections: " + "[" * 70 + "]" * 70 + "\n",  # deeper than an outline may nest
])
def test_fast_yaml_leaves_its_corners_to_the_python_reader(text):
    assert loader._compose_fast(text) is loader._SLOW


def test_package_check_finds_problems_when_content_types_come_last(tmp_path):
    deck = tmp_path / "deck.pptx"
    from deck.build import build

    build(write_outline(tmp_path, 2), deck)
    with zipfile.ZipFile(deck) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    entries.sort(key=lambda entry: entry[0] == "[Content_Types].xml")  # moved to the end
    slide = next(i for i, (name, _) in enumerate(entries) if name == "ppt/slides/slide1.xml")
    entries[slide] = (entries[slide][0], entries[slide][1][:-20])  # cut short: not well-formed
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in entries:
            archive.writestr(name, body)
    problems = check(buffer.getvalue())
    assert len(problems) == 1 and problems[0].startswith("ppt/slides/slide1.xml: not well-formed XML")
    assert check(deck.read_bytes()) == []

