"""A structural dump of a .pptx: what a reviewer would check, as plain data.

Per slide: the layout, the title, every shape with its box (points, one decimal), its text and
its font sizes, and the notes. Golden files hold these dumps; only --update-golden rewrites them.
"""
from __future__ import annotations

import json
from pathlib import Path


def dump(pptx: Path) -> list[dict]:
    from pptx import Presentation

    out = []
    for slide in Presentation(str(pptx)).slides:
        shapes = []
        for shape in slide.shapes:
            entry = {
                "name": shape.name,
                "box": [round(v / 12700, 1) for v in (shape.left, shape.top, shape.width, shape.height)],
            }
            if shape.is_placeholder:
                entry["placeholder"] = shape.placeholder_format.type.name
            if shape.has_text_frame and shape.text_frame.text:
                entry["text"] = shape.text_frame.text
                entry["sizes"] = sorted({r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs
                                         if r.font.size is not None})
            shapes.append(entry)
        out.append({
            "layout": slide.slide_layout.name,
            "title": slide.shapes.title.text_frame.text if slide.shapes.title is not None else None,
            "shapes": shapes,
            "notes": slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "",
        })
    return out


def compare_with_golden(pptx: Path, golden: Path, update: bool) -> None:
    actual = dump(pptx)
    if update or not golden.exists():
        golden.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        if not update:
            raise AssertionError(f"{golden.name} did not exist; written now: review it and run again")
        return
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert len(actual) == len(expected), f"{len(actual)} slides, golden has {len(expected)}"
    for number, (a, e) in enumerate(zip(actual, expected, strict=False), start=1):
        assert a == e, f"slide {number} differs from {golden.name} (pytest --update-golden rewrites it)"
