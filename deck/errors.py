"""Everything deck tells a user about their files, as data, so every message has the same shape.

A build stops with a DeckError of error messages; it may say notices on the way; `deck check`
reports findings, which also name the rule that found them:

    outline.yaml:42: sections[2].slides[1].stats: at most 4 items, got 6
      hint: split the figures over two stats slides
    outline.yaml:7: brand.font: deck has no metrics for the font 'Georgia'; ...
    outline.yaml:12: warning: sections[0].slides[2].title: the headline has 2 words: ... [headline-assertion]
"""
from __future__ import annotations

from typing import NamedTuple

# The severities of `deck check`, most serious first: errors always fail, warnings only under
# --strict, information never.
SEVERITIES = ("error", "warning", "info")
# What a build says on its way (a continuation, a stand-in font); `deck check` reports it as info.
NOTICE = "notice"


def format_path(path: tuple) -> str:
    """('sections', 2, 'slides', 1, 'stats') -> 'sections[2].slides[1].stats'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class Message(NamedTuple):
    """Where (file, line, field path), what, and what to do about it.

    `rule` names the design rule of a finding. A notice may name the rule too: then `deck check`
    leaves it to that rule, which reports the same thing with its own wording."""

    file: str
    line: int | None
    path: tuple
    message: str
    hint: str | None = None
    severity: str = "error"  # one of SEVERITIES, or NOTICE
    rule: str | None = None

    @classmethod
    def notice(cls, file: str, message: str, line: int | None = None, *, path: tuple = (),
               rule: str | None = None) -> Message:
        return cls(file, line, path, message, severity=NOTICE, rule=rule)

    @property
    def field(self) -> str:
        return format_path(self.path)

    @property
    def where(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"

    @property
    def text(self) -> str:
        """The message after its location: with the field it is about, without the hint."""
        field = self.field
        return f"{field}: {self.message}" if field else self.message

    @property
    def is_finding(self) -> bool:
        return self.rule is not None and self.severity != NOTICE

    def __str__(self) -> str:
        if self.is_finding:
            field = f"{self.field}: " if self.path else ""
            text = f"{self.where}: {self.severity}: {field}{self.message} [{self.rule}]"
        else:
            text = f"{self.where}: {self.text}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def as_dict(self) -> dict:
        """A finding in `check --format json` (docs/checks.md)."""
        return {"rule": self.rule, "severity": self.severity, "file": self.file, "line": self.line,
                "field": self.field, "message": self.message, "hint": self.hint}



class DeckError(Exception):
    """Every problem a user can fix: bad input, unusable paths, text that cannot fit."""

    def __init__(self, problems: list[Message] | Message):
        self.problems = [problems] if isinstance(problems, Message) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def simple(cls, file: str, message: str, hint: str | None = None) -> DeckError:
        return cls(Message(str(file), None, (), message, hint))
