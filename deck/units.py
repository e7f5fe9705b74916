"""Lengths: deck measures in points (1/72 inch); a .pptx stores EMU (English Metric Units).

A shared leaf: it imports nothing of deck.
"""
from __future__ import annotations

EMU_PER_POINT = 12700  # 914,400 EMU to the inch
EMU_PER_CENTIPOINT = EMU_PER_POINT // 100


def emu(length: float) -> int:
    """A length in points as whole EMU, rounded to the nearest."""
    return int(round(length * EMU_PER_POINT))


def points(length: int) -> float:
    """A length in EMU as points."""
    return length / EMU_PER_POINT


def centipoints(length: float) -> int:
    """A spacing in hundredths of a point, rounded as python-pptx's Pt() and centipoints do: cut
    to whole EMU, then down."""
    return int(length * EMU_PER_POINT) // EMU_PER_CENTIPOINT

