"""The outline as typed values: the contract of docs/outline.md, version 1.

Unknown keys are errors (extra="forbid"); the loader turns pydantic's errors into
`file:line: path: problem` messages with hints. Texts are plain `str`; scalars that YAML
reads as numbers keep the digits as written (see loader.YamlNumber).
"""
from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError


def _as_text(value: Any) -> Any:
    # A number in a text field is text the user wrote ("2013", "1.850"): keep it as written.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return getattr(value, "text", str(value))
    return value


Text = Annotated[str, BeforeValidator(_as_text)]
Minutes = Annotated[float, Field(gt=0, le=24 * 60)]


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value


TextList = Annotated[list[Text], BeforeValidator(_one_or_many)]


def problem(message: str, hint: str, field: str | tuple | None = None) -> PydanticCustomError:
    """A validation error whose hint (and, from a model check, its field path) reach the user."""
    return PydanticCustomError("deck", "{message}", {"message": message, "hint": hint, "field": field})


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Notes(Model):
    """Speaker notes: free text, or the workshop mapping say/ask/do/minutes/next."""

    text: Text | None = None
    say: TextList = []
    ask: TextList = []
    do: TextList = []
    minutes: Minutes | None = None
    next: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _free_text(cls, value: Any) -> Any:
        return {"text": _as_text(value)} if isinstance(value, (str, int, float)) else value


class Bullet(Model):
    text: Text
    sub: TextList = []

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, (str, int, float)) else value


class SlideBase(Model):
    title: Text | None = None
    notes: Notes | None = None
    source: Text | None = None
    minutes: Minutes | None = None

    @model_validator(mode="after")
    def _title_required(self):
        if self.title is None and self.kind != "quote":
            raise problem("missing required field",
                          "every slide but a quote needs a headline: a short sentence with a verb", "title")
        return self


class BulletsSlide(SlideBase):
    kind: Literal["bullets"] = "bullets"
    bullets: list[Bullet] = Field(min_length=1)


class StatementSlide(SlideBase):
    kind: Literal["statement"]
    text: Text


class QuoteSlide(SlideBase):
    kind: Literal["quote"]
    quote: Text
    by: Text
    role: Text | None = None


class Stat(Model):
    value: Text
    label: Text
    context: Text | None = None


class StatsSlide(SlideBase):
    kind: Literal["stats"]
    stats: list[Stat] = Field(min_length=1, max_length=4)


class Column(Model):
    heading: Text
    bullets: TextList = Field(min_length=1)


class CompareSlide(SlideBase):
    kind: Literal["compare"]
    left: Column
    right: Column


class Step(Model):
    title: Text
    text: Text | None = None


class StepsSlide(SlideBase):
    kind: Literal["steps"]
    steps: list[Step] = Field(min_length=2, max_length=6)


class QuestionSlide(SlideBase):
    kind: Literal["question"]
    question: Text
    prompts: TextList = []


class ExerciseSlide(SlideBase):
    kind: Literal["exercise"]
    task: Text
    minutes: Minutes
    groups: Text | None = None
    deliverable: Text | None = None


class ImageSlide(SlideBase):
    kind: Literal["image"]
    image: Text
    alt: Text | None = None
    decorative: bool = False
    caption: Text | None = None
    fit: Literal["contain", "cover"] = "contain"

    @model_validator(mode="after")
    def _alt_required(self):
        if not self.decorative and not (self.alt or "").strip():
            raise problem("missing required field",
                          "say what the picture shows for screen-reader users, or mark it `decorative: true`",
                          "alt")
        return self


Number = Annotated[float, Field(allow_inf_nan=False)]


class Series(Model):
    name: Text
    values: list[Number] = Field(min_length=1)


class Chart(Model):
    type: Literal["bar", "column", "line", "pie", "doughnut"]
    categories: TextList = Field(min_length=1)
    series: list[Series] = Field(min_length=1)
    highlight: Text | None = None  # a category to set apart in the highlight colour
    prefix: Text | None = None  # written before every number, e.g. "$"
    suffix: Text | None = None  # written after every number, e.g. " %" or " experts"

    @model_validator(mode="after")
    def _shape(self):
        for i, series in enumerate(self.series):
            if len(series.values) != len(self.categories):
                raise problem(f"series '{series.name}' has {len(series.values)} values for "
                              f"{len(self.categories)} categories",
                              "give one value per category, in the same order", ("series", i, "values"))
        if self.type in ("pie", "doughnut"):
            if len(self.series) != 1:
                raise problem(f"a {self.type} chart shows one series, got {len(self.series)}",
                              "use a bar or column chart to compare series", "series")
            if any(v < 0 for v in self.series[0].values):
                raise problem(f"a {self.type} chart cannot show negative values",
                              "use a bar or column chart", "series")
        if self.highlight is not None and self.highlight not in self.categories:
            raise problem(f"'{self.highlight}' is not one of the categories",
                          f"use one of: {', '.join(self.categories)}", "highlight")
        return self


class ChartSlide(SlideBase):
    kind: Literal["chart"]
    chart: Chart


class TableSlide(SlideBase):
    kind: Literal["table"]
    columns: TextList = Field(min_length=1, max_length=8)
    rows: list[TextList] = Field(min_length=1)

    @model_validator(mode="after")
    def _rectangular(self):
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise problem(f"row has {len(row)} cells for {len(self.columns)} columns",
                              "give every row one cell per column (an empty cell is \"\")", ("rows", i))
        return self


SLIDE_KINDS = {
    "bullets": BulletsSlide,
    "statement": StatementSlide,
    "quote": QuoteSlide,
    "stats": StatsSlide,
    "compare": CompareSlide,
    "steps": StepsSlide,
    "question": QuestionSlide,
    "exercise": ExerciseSlide,
    "image": ImageSlide,
    "chart": ChartSlide,
    "table": TableSlide,
}
PLANNED_KINDS: tuple[str, ...] = ()


def _slide_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("kind", "bullets")
    return getattr(value, "kind", None)


Slide = Annotated[
    # A union built from the table of kinds; only typing.Union can take a tuple of types.
    Union[tuple(Annotated[cls, Tag(kind)] for kind, cls in SLIDE_KINDS.items())],  # noqa: UP007
    Discriminator(_slide_kind),
]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Section(Model):
    id: Text
    title: Text
    message: Text | None = None
    minutes: Minutes | None = None
    divider: bool = True
    slides: list[Slide] = []

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise problem(f"'{value}' is not a slug",
                          "use lower-case letters, digits and hyphens, e.g. 'pitfalls'")
        return value


COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class Brand(Model):
    accent: Text | None = None
    accent2: Text | None = None
    font: Text | None = None
    logo: Text | None = None

    @field_validator("accent", "accent2")
    @classmethod
    def _colour(cls, value: str | None) -> str | None:
        if value is not None and not COLOUR.match(value):
            raise problem(f"'{value}' is not a colour", "write it as #RRGGBB, e.g. '#0B5CAD' (in quotes)")
        return value


CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class Workshop(Model):
    start: Text | None = None
    minutes: Minutes | None = None
    # Time outside the sections: before the first (welcome, goal, check-in) and after the last
    # (recap, commitments). Both count in the plan and move the clock.
    opening: Minutes | None = None
    close: Minutes | None = None

    @field_validator("start")
    @classmethod
    def _clock(cls, value: str | None) -> str | None:
        if value is not None and not CLOCK.match(value):
            raise problem(f"'{value}' is not a time of day", "write it as \"HH:MM\", e.g. \"09:30\"")
        return value

    def start_minutes(self) -> int | None:
        if self.start is None:
            return None
        hours, minutes = CLOCK.match(self.start).groups()
        return int(hours) * 60 + int(minutes)


class Closing(Model):
    title: Text | None = None
    text: Text | None = None
    contact: Text | None = None


LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class Outline(Model):
    title: Text
    subtitle: Text | None = None
    author: Text | None = None
    organization: Text | None = None
    date: Text | None = None
    language: Text = "en"
    source: Text | None = None
    theme: Text = "light"
    brand: Brand | None = None
    layouts: dict[str, Text] | None = None  # a template's layout (by name) for a slide kind
    workshop: Workshop | None = None
    agenda: bool = True
    recap: bool = True
    closing: Closing | None = None
    sections: list[Section] = Field(min_length=1)

    @field_validator("language")
    @classmethod
    def _bcp47(cls, value: str) -> str:
        if not LANGUAGE.match(value):
            raise problem(f"'{value}' is not a language tag", "use a BCP-47 tag such as 'nl', 'en' or 'en-GB'")
        return value

    @field_validator("sections")
    @classmethod
    def _unique_ids(cls, sections: list[Section]) -> list[Section]:
        seen = set()
        for section in sections:
            if section.id in seen:
                raise problem(f"section id '{section.id}' is used twice", "give every section its own id")
            seen.add(section.id)
        return sections

    def planned_minutes(self) -> float | None:
        """The sum of the sections' minutes with the workshop's opening and close, or None when
        no section is timed."""
        timed = [s.minutes for s in self.sections if s.minutes is not None]
        if not timed:
            return None
        outside = [m for m in (self.workshop.opening, self.workshop.close) if m] if self.workshop else []
        return sum(timed) + sum(outside)
