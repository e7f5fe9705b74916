"""The one exception users see, built from data so every message has the same shape.

    outline.yaml:42: sections[2].slides[1].stats: at most 4 items, got 6
      hint: split the figures over two stats slides
"""
from __future__ import annotations

from dataclasses import dataclass


def format_path(path: tuple) -> str:
    """('sections', 2, 'slides', 1, 'stats') -> 'sections[2].slides[1].stats'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    path: tuple
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = format_path(self.path)
        text = f"{where}: {field}: {self.message}" if field else f"{where}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class DeckError(Exception):
    """Every problem a user can fix: bad input, unusable paths, text that cannot fit."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def simple(cls, file: str, message: str, hint: str | None = None) -> DeckError:
        return cls(Problem(str(file), None, (), message, hint))
