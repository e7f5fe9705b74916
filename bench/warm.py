#!/usr/bin/env python3
"""A rebuild in a warm process: what `deck build --watch` does after each save of the outline.

    .venv/bin/python bench/warm.py [--runs N] [--work FOLDER]

Builds a copy of the shipped outline once (cold, in this process), then N times after an edit
(a slide title changes, a new text every time, so nothing is a repeat of an earlier build) and
N times after a save that changes nothing. Prints JSON: seconds, median/min/max.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def stats(samples: list[float]) -> dict:
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="deck-warm-"))
    work.mkdir(parents=True, exist_ok=True)
    source = ROOT / "outline.yaml"
    if (ROOT / "assets").is_dir():
        shutil.copytree(ROOT / "assets", work / "assets", dirs_exist_ok=True)
    text = source.read_text("utf-8")
    first = re.search(r"(?m)^        title: (.+)$", text)  # the first slide's title
    head, title, tail = text[:first.start(1)], first[1], text[first.end(1):]
    outline, deck = work / "outline.yaml", work / "deck.pptx"
    outline.write_text(text, "utf-8")

    from deck import warm
    from deck.build import build

    warm.keep()  # what the watch command turns on
    start = time.perf_counter()
    build(outline, deck)
    cold = time.perf_counter() - start

    edits, touches = [], []
    for i in range(args.runs):
        # the title with its last word replaced: as long, a new text every time
        outline.write_text(head + title.rsplit(" ", 1)[0] + f" v{i + 1}" + tail, "utf-8")
        start = time.perf_counter()
        build(outline, deck)
        edits.append(time.perf_counter() - start)
    for _ in range(args.runs):
        outline.touch()
        start = time.perf_counter()
        build(outline, deck)
        touches.append(time.perf_counter() - start)
    print(json.dumps({"first": cold, "edit": stats(edits), "touch": stats(touches)}))


if __name__ == "__main__":
    main()
