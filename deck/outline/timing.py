"""The clock of a workshop: when each section starts, what the plan adds up to, what over-runs.

Pure: an Outline in, values out. Minutes are floats as the outline has them; clock times are
minutes since midnight, shown as "HH:MM" by `clock()`.
"""
from __future__ import annotations

from dataclasses import dataclass

from deck.outline.model import Outline, Section

DAY = 24 * 60


@dataclass(frozen=True)
class SectionTime:
    """One section on the clock.

    `start` is minutes since midnight, or None when the outline has no `workshop.start` or an
    earlier section has no minutes (after an untimed section nobody knows the time, and a
    wrong clock time on the agenda is worse than none). `minutes` is the section's own.
    `number` is the section's number as the deck shows it, None for a break (Outline.numbers).
    """

    index: int
    section: Section
    start: float | None
    minutes: float | None
    number: int | None = None

    @property
    def clock(self) -> str | None:
        """The start as "HH:MM", or None."""
        return None if self.start is None else clock(self.start)


def section_times(outline: Outline) -> list[SectionTime]:
    """Every section in order with its start time and minutes: list[SectionTime]. The first
    starts after the workshop's opening."""
    start: float | None = outline.workshop.start_minutes() if outline.workshop else None
    if start is not None and outline.workshop and outline.workshop.opening:
        start += outline.workshop.opening
    times = []
    for index, (section, number) in enumerate(zip(outline.sections, outline.numbers(), strict=True)):
        times.append(SectionTime(index, section, start, section.minutes, number))
        start = start + section.minutes if start is not None and section.minutes is not None else None
    return times


@dataclass(frozen=True)
class Outside:
    """The workshop's opening or close: time in the session outside the sections."""

    start: float | None
    minutes: float

    @property
    def clock(self) -> str | None:
        return None if self.start is None else clock(self.start)


def opening(outline: Outline) -> Outside | None:
    """The opening before the first section, or None when the outline plans none."""
    workshop = outline.workshop
    if workshop is None or not workshop.opening:
        return None
    return Outside(workshop.start_minutes(), workshop.opening)


def close(outline: Outline) -> Outside | None:
    """The close after the last section, or None when the outline plans none."""
    workshop = outline.workshop
    if workshop is None or not workshop.close:
        return None
    return Outside(_sections_end(outline), workshop.close)


def _sections_end(outline: Outline) -> float | None:
    last = section_times(outline)[-1]
    return None if last.start is None or last.minutes is None else last.start + last.minutes


def end_time(outline: Outline) -> float | None:
    """When the session ends (the last section, or the close after it), in minutes since
    midnight; None when that cannot be known."""
    end = _sections_end(outline)
    after = close(outline)
    return end + after.minutes if end is not None and after is not None else end


def planned_total(outline: Outline) -> float | None:
    """The sum of the sections' minutes (the timed ones) with the opening and close, or None
    when no section is timed."""
    return outline.planned_minutes()


def untimed_sections(outline: Outline) -> list[Section]:
    """Sections without minutes: they make the planned total an underestimate."""
    return [s for s in outline.sections if s.minutes is None]


def overrun(outline: Outline) -> float | None:
    """Planned total minus `workshop.minutes`, as a float.

    Positive: the plan over-runs the session by that many minutes; negative: it under-runs;
    0: on time. None when the session length or every section's minutes are missing.
    """
    total = planned_total(outline)
    session = outline.workshop.minutes if outline.workshop else None
    if total is None or session is None:
        return None
    return total - session


def slide_minutes(slide) -> float | None:
    """The time a slide takes: the larger of its `minutes` and its `notes.minutes`, or None.

    On question and exercise slides `minutes` is the activity's own time (work in groups), while
    notes.minutes is often the time on the slide including the debrief; taking the larger never
    hides time the facilitator has planned.
    """
    given = [m for m in (slide.minutes, slide.notes.minutes if slide.notes else None) if m is not None]
    return max(given) if given else None


@dataclass(frozen=True)
class SectionOverBudget:
    """A section whose slides plan more minutes than the section has.

    `index` is the section's position in `sections`; `budget` its `minutes`; `planned` the sum
    of its slides' minutes (see slide_minutes); `excess` = planned - budget, always > 0.
    `path` is the outline path of the section's minutes, for a `file:line:` message.
    """

    index: int
    id: str
    title: str
    budget: float
    planned: float

    @property
    def excess(self) -> float:
        return self.planned - self.budget

    @property
    def path(self) -> tuple:
        return ("sections", self.index, "minutes")

    def message(self) -> str:
        return (f"the slides plan {format_minutes(self.planned)} min, the section has "
                f"{format_minutes(self.budget)} min: {format_minutes(self.excess)} min too many")


def sections_over_budget(outline: Outline) -> list[SectionOverBudget]:
    """The sections whose slides' minutes add up to more than the section's minutes, in order.

    Returns list[SectionOverBudget], empty when every section fits. Sections without minutes,
    or whose slides have none, are not judged: there is nothing to compare.
    """
    found = []
    for index, section in enumerate(outline.sections):
        timed = [m for m in (slide_minutes(s) for s in section.slides) if m is not None]
        if section.minutes is None or not timed:
            continue
        planned = sum(timed)
        if planned > section.minutes + 1e-9:
            found.append(SectionOverBudget(index, section.id, section.title, section.minutes, planned))
    return found


def verdict(outline: Outline) -> str | None:
    """One line comparing the plan with the session, e.g.
    "planned 95 min for a 90-min session: over-runs by 5 min"; None without a session length.
    """
    session = outline.workshop.minutes if outline.workshop else None
    if session is None:
        return None
    total = planned_total(outline)
    if total is None:
        return (f"no section has minutes: nothing to compare with the {format_minutes(session)}-min session "
                "(give each section `minutes:`)")
    difference = total - session
    text = f"planned {format_minutes(total)} min for a {format_minutes(session)}-min session: "
    if abs(difference) < 1e-9:
        text += "on time"
    elif difference > 0:
        text += f"over-runs by {format_minutes(difference)} min"
    else:
        text += f"under-runs by {format_minutes(-difference)} min"
    missing = len(untimed_sections(outline))
    if missing:
        text += f" ({missing} section{'s' if missing > 1 else ''} without minutes not counted)"
    return text


def clock(minutes: float) -> str:
    """Minutes since midnight as "HH:MM", past midnight wrapping round."""
    total = int(round(minutes)) % DAY
    return f"{total // 60:02d}:{total % 60:02d}"


def format_minutes(value: float) -> str:
    """7.0 -> "7", 7.5 -> "7.5": minutes as a presenter wrote them."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
