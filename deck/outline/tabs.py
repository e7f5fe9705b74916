"""Tabs in an outline's indentation, read the way the author's editor showed them.

YAML refuses tabs where they decide the structure, but people indent with them anyway. The
reader (deck.outline.reader) reads such a file at each tab width an editor may have used; this
module turns the text into those readings and maps a column back to the file as written.
"""
from __future__ import annotations

import re

# Tab stops an editor may have shown: a tab-indented outline is read at each of them, and the
# readings that are valid YAML must agree.
WIDTHS = (2, 4, 8)

# A line's indentation, with the `- ` of the list items that start on it: the part of a line
# whose width decides the structure.
_INDENT = re.compile(r"^[ \t]*(?:-[ \t]+)*", re.M)
# Tabs the YAML reader refuses although they are plain separation: after `key:` ...
_KEY_TAB = re.compile(r"^( *(?:- +)*[A-Za-z_][\w-]*:)\t[ \t]*", re.M)
# ... and at the end of a line (invisible in most editors).
_TRAILING_TAB = re.compile(r"[ \t]*\t[ \t]*(?=\r?$)", re.M)


def in_indentation(text: str) -> bool:
    """Whether any line is indented with a tab (tabs elsewhere need no second reading)."""
    return any("\t" in m.group() for m in _INDENT.finditer(text))


def expand(text: str, width: int) -> str:
    return _INDENT.sub(lambda m: m.group().expandtabs(width), text)


def tidy(text: str) -> str:
    return _TRAILING_TAB.sub("", _KEY_TAB.sub(r"\1 ", text))


def original_column(original: str, line: int, column: int, width: int) -> int:
    """The 1-based column in the file of a column in its tab-expanded text."""
    lines = original.split("\n")
    if not width or line >= len(lines):
        return column + 1
    match = _INDENT.match(lines[line])  # matches every line, if only with ""
    indent = match.group() if match else ""
    expanded = indent.expandtabs(width)
    if column >= len(expanded):
        return column - len(expanded) + len(indent) + 1
    return next(i for i in range(len(indent) + 1) if len(indent[:i].expandtabs(width)) >= column) + 1
