"""The benchmark's outlines: the shipped outline, its sections repeated 10 and 50 times.

Each copy of a section gets a unique id (`promise-2`) and unique titles (`De belofte (2)`, on the
section and on every slide), so the scaled deck is a valid outline with the same kinds of slides,
notes and texts as the shipped one. The suffix adds at most five characters: every headline of
the shipped outline still fits in two lines. The workshop's length grows with the sections, up to
the 24 hours an outline may plan.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "outline.yaml"

_SECTION_ID = re.compile(r"^(  - id: )(\S+)(\s*)$")
# Section titles (4 spaces) and slide titles (8 spaces, or 6 and a dash for a slide that starts
# with its title); step titles sit deeper and stay as they are.
_TITLE = re.compile(r"^((?:    |        |      - )title: )(.*?)(\s*)$")
_WORKSHOP_MINUTES = re.compile(r"(?m)^(  minutes: )(\d+)")
_MAX_MINUTES = 24 * 60


def scaled(text: str, factor: int) -> str:
    """The outline `text` with its sections repeated `factor` times."""
    head, marker, sections = text.partition("\nsections:\n")
    if not marker:
        raise ValueError("the outline has no top-level `sections:`")
    if factor == 1:
        return text
    head = _WORKSHOP_MINUTES.sub(lambda m: f"{m[1]}{min(int(m[2]) * factor, _MAX_MINUTES)}", head)
    return head + marker + "".join(_copy(sections, k) for k in range(1, factor + 1))


def _copy(sections: str, k: int) -> str:
    if k == 1:
        return sections
    out = []
    for line in sections.splitlines(keepends=True):
        if m := _SECTION_ID.match(line):
            line = f"{m[1]}{m[2]}-{k}{m[3]}"
        elif m := _TITLE.match(line):
            title = m[2]
            if len(title) >= 2 and title[0] == title[-1] and title[0] in "\"'":
                title = f"{title[:-1]} ({k}){title[-1]}"  # inside the quotes
            else:
                title = f"{title} ({k})"
            line = f"{m[1]}{title}{m[3]}"
        out.append(line)
    return "".join(out)


def write_scaled(folder: Path, factors: list[int], source: Path = SHIPPED) -> dict[int, Path]:
    """Write outline-<factor>x.yaml files into `folder`; return them by factor."""
    text = source.read_text("utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    pictures = source.parent / "assets"  # the outline names its pictures relative to its folder
    if pictures.is_dir():
        shutil.copytree(pictures, folder / "assets", dirs_exist_ok=True)
    paths = {}
    for factor in factors:
        path = folder / f"outline-{factor}x.yaml"
        path.write_text(scaled(text, factor), "utf-8")
        paths[factor] = path
    return paths
