"""PyYAML, imported without compiling the pattern of its pure-Python reader.

deck reads outlines with libyaml (`yaml.CSafeLoader`), which checks a text's characters itself.
PyYAML's pure-Python reader compiles, as PyYAML is imported, a pattern of every character YAML does
not allow, a class of Unicode ranges that takes Python's regular-expression compiler some 60 M
instructions: a thirtieth of building the shipped deck. Here PyYAML is handed that pattern
uncompiled, through the cache of `re` that `re.compile` looks in first, and it is compiled the
first time anything uses it, so the pure-Python reader works exactly as before
(tests/test_pyyaml.py).
"""
from __future__ import annotations

import re
import sys
from typing import Any

# yaml/reader.py's Reader.NON_PRINTABLE, character for character (PyYAML 6).
_NON_PRINTABLE = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]"


class OnFirstUse:
    """A compiled pattern that is compiled when it is first used."""

    def __init__(self, pattern: str):
        self._pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            # re.UNICODE is what a str pattern means anyway; asked for explicitly, it is another
            # key in re's cache, so re.compile compiles instead of returning this object.
            self._compiled = re.compile(self._pattern, re.UNICODE)
        return getattr(self._compiled, name)


def _hand_over() -> None:
    cache = getattr(re, "_cache", None)
    if "yaml" not in sys.modules and isinstance(cache, dict):  # where re keeps what it compiled
        cache.setdefault((str, _NON_PRINTABLE, 0), OnFirstUse(_NON_PRINTABLE))


_hand_over()

import yaml  # noqa: E402  (after the pattern is in place)

__all__ = ["yaml"]
