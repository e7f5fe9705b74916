"""What every slide kind works with while a deck is laid out: the outline, its theme and words,
the slides so far, and the problems and notices found on the way."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from deck.errors import Message
from deck.look.theme import Geometry, Style, Theme
from deck.outline.model import Outline, Section
from deck.outline.reader import Source
from deck.plan import SlidePlan

STEP_STEP = 2.0  # points per shrink step
SMALL_ALLOWANCE = 4.0  # how far --allow-small lowers every floor


@dataclass
class Planned:
    """An outline laid out: the slides' plans, the notices, the minutes planned and the theme."""

    slides: list[SlidePlan]
    notices: list[Message]  # continuations and other things the user should know
    minutes: float | None
    theme: Theme  # the theme the slides were laid out for


@dataclass
class Context:
    """What every slide kind lays out with: the outline, its look and words, and the problems found."""

    outline: Outline
    source: Source
    theme: Theme
    labels: dict[str, str]
    allow_small: bool
    assets: dict = field(default_factory=dict)  # picture sizes by slide path (deck.outline.assets)
    problems: list[Message] = field(default_factory=list)
    notices: list[Message] = field(default_factory=list)
    slides: list[SlidePlan] = field(default_factory=list)
    section: Section | None = None  # the section being laid out; its title is the kicker
    # a template's slide that did not fit at the floors is laid out again with each floor at the
    # style's readable minimum (deck.layout.plan_deck)
    at_minimum: bool = False

    def style(self, role: str) -> Style:
        style = self.theme.style(role)
        if self.at_minimum and style.minimum is not None:
            style = style._replace(floor=min(style.floor, style.minimum))
        if self.allow_small:
            style = style._replace(floor=style.floor - SMALL_ALLOWANCE)
        return style

    @contextmanager
    def readable_minimum(self) -> Iterator[None]:
        """Inside, every floor is at its style's readable minimum (see `style`)."""
        at, self.at_minimum = self.at_minimum, True
        try:
            yield
        finally:
            self.at_minimum = at

    def fail(self, path: tuple, message: str, hint: str) -> None:
        self.problems.append(self.source.problem(path, message, hint))

    @property
    def geo(self) -> Geometry:
        return self.theme.geometry
