"""The outline as typed values: the contract of docs/outline.md, version 1.

Unknown keys are errors (extra="forbid"); the loader turns pydantic's errors into
`file:line: path: problem` messages with hints. Texts are plain `str`, never blank (only a table
cell may be empty); scalars that YAML reads as numbers keep the digits as written (see
reader.YamlInt).
"""

import difflib
import re
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from deck.outline.chart import Chart
from deck.outline.fields import CellList, Minutes, Model, Text, TextList, as_text, problem
from deck.outline.labels import KEYS as LABEL_KEYS


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
        return {"text": as_text(value)} if isinstance(value, (str, int, float)) else value


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

    @property
    def headline(self) -> str:
        """The slide's title, which validation requires on every kind but a quote."""
        if self.title is None:
            raise ValueError("a quote without a title has no headline")
        return self.title

    @model_validator(mode="after")
    def _title_required(self):
        if self.title is None and not isinstance(self, QuoteSlide):
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


class ChartSlide(SlideBase):
    kind: Literal["chart"]
    chart: Chart


class TableSlide(SlideBase):
    kind: Literal["table"]
    columns: CellList = Field(min_length=1, max_length=8)
    rows: list[CellList] = Field(min_length=1)

    @model_validator(mode="after")
    def _rectangular(self):
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise problem(f"row has {len(row)} cells for {len(self.columns)} columns",
                              "give every row one cell per column (an empty cell is \"\")", ("rows", i))
        return self


def _slide_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get("kind", "bullets")
    return getattr(value, "kind", None)


Slide = Annotated[
    Annotated[BulletsSlide, Tag("bullets")]
    | Annotated[StatementSlide, Tag("statement")]
    | Annotated[QuoteSlide, Tag("quote")]
    | Annotated[StatsSlide, Tag("stats")]
    | Annotated[CompareSlide, Tag("compare")]
    | Annotated[StepsSlide, Tag("steps")]
    | Annotated[QuestionSlide, Tag("question")]
    | Annotated[ExerciseSlide, Tag("exercise")]
    | Annotated[ImageSlide, Tag("image")]
    | Annotated[ChartSlide, Tag("chart")]
    | Annotated[TableSlide, Tag("table")],
    Discriminator(_slide_kind),
]

# The kinds in the order of the union above: each tag names the class that reads it.
SLIDE_KINDS: dict[str, type[SlideBase]] = {
    tag.tag: cls for cls, tag in (get_args(member) for member in get_args(get_args(Slide)[0]))
}
PLANNED_KINDS: tuple[str, ...] = ()

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Section(Model):
    id: Text
    title: Text
    short: Text | None = None  # the title where room is small: progress labels, kicker, a long agenda
    message: Text | None = None
    minutes: Minutes | None = None
    divider: bool = True
    # A pause in the session (`break: true`): on the agenda and the run sheet with its clock
    # time, without a divider or a number. Written out, so that a section without slides yet
    # stays a section.
    is_break: bool = Field(False, alias="break")
    slides: list[Slide] = []

    @property
    def short_title(self) -> str:
        """The title where room is small."""
        return self.short or self.title

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise problem(f"'{value}' is not a slug",
                          "use lower-case letters, digits and hyphens, e.g. 'pitfalls'")
        return value

    @model_validator(mode="after")
    def _break_has_no_divider(self):
        if self.is_break and self.divider and "divider" in self.model_fields_set:
            raise problem("a break has no divider",
                          "leave `divider:` out, or remove `break: true` to make it a section", "divider")
        return self


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
        # The field's check has made sure a start matches.
        match = CLOCK.match(self.start) if self.start is not None else None
        if match is None:
            return None
        hours, minutes = match.groups()
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
    labels: dict[str, Text] | None = None  # deck's generated words, by key, over the language's own
    sections: list[Section] = Field(min_length=1)

    @field_validator("language")
    @classmethod
    def _bcp47(cls, value: str) -> str:
        if not LANGUAGE.match(value):
            raise problem(f"'{value}' is not a language tag", "use a BCP-47 tag such as 'nl', 'en' or 'en-GB'")
        return value

    @field_validator("labels")
    @classmethod
    def _label_keys(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        for key in value or {}:
            if key not in LABEL_KEYS:
                close = difflib.get_close_matches(key, LABEL_KEYS, n=1)
                raise problem(f"unknown key '{key}'", f"did you mean '{close[0]}'?" if close
                              else f"known keys here: {', '.join(sorted(LABEL_KEYS))}", key)
        return value

    @field_validator("sections")
    @classmethod
    def _unique_ids(cls, sections: list[Section]) -> list[Section]:
        seen: dict[str, int] = {}
        for i, section in enumerate(sections):
            if section.id in seen:
                first = ("sections", seen[section.id], "id")
                raise problem(f"section id '{section.id}' is used twice",
                              f"give every section its own id; the first '{section.id}' is on line {{line}}",
                              (i, "id"), first)
            seen[section.id] = i
        return sections

    def numbers(self) -> list[int | None]:
        """Each section's number as the deck shows it (1, 2, …), None for a break: breaks are not
        counted, so the sections after one run on without a gap."""
        numbers: list[int | None] = []
        count = 0
        for section in self.sections:
            if section.is_break:
                numbers.append(None)
            else:
                count += 1
                numbers.append(count)
        return numbers

    def planned_minutes(self) -> float | None:
        """The sum of the sections' minutes with the workshop's opening and close, or None when
        no section is timed."""
        timed = [s.minutes for s in self.sections if s.minutes is not None]
        if not timed:
            return None
        outside = [m for m in (self.workshop.opening, self.workshop.close) if m] if self.workshop else []
        return sum(timed) + sum(outside)
