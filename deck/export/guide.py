"""The facilitator guide: everything a presenter needs to run the session, from the outline alone.

A run sheet (clock time, section, slides, minutes), then per section and slide the speaker
notes, the questions with their prompts and the exercises, and last the materials the
exercises call for. Every word is the outline's or a label in the deck's language. Pure.
"""
from __future__ import annotations

from deck.export.document import Document, Heading, Inline, Items, Paragraph, Span, Table, plain, strong
from deck.outline import timing
from deck.outline.labels import labels_for
from deck.outline.model import ExerciseSlide, Notes, Outline, QuestionSlide, Section

DASH = "–"


def slide_title(slide, labels: dict[str, str]) -> str:
    """The slide's title as the deck shows it (a quote without one is titled by its author)."""
    return slide.title or f"{labels['quote']}{labels['colon']} {slide.by}"


def numbered(number: int | None, title: str) -> str:
    """"2. Pitfalls" for a section, the title alone for a break (which has no number)."""
    return title if number is None else f"{number}. {title}"


def _minutes(value: float, labels: dict[str, str]) -> str:
    return f"{timing.format_minutes(value)} {labels['minutes']}"


def guide_document(outline: Outline) -> Document:
    labels, _ = labels_for(outline.language, outline.labels)
    times = timing.section_times(outline)
    blocks: list = [Heading(1, plain(f"{labels['guide']}{labels['colon']} {outline.title}"))]
    if outline.subtitle:
        blocks.append(Paragraph((Span(outline.subtitle, italic=True),)))
    meta = " · ".join(x for x in (outline.author, outline.organization, outline.date) if x)
    if meta:
        blocks.append(Paragraph(plain(meta)))
    session = _session(outline, labels)
    if session:
        blocks.append(Paragraph(session))
    blocks.append(Heading(2, plain(labels["run_sheet"])))
    blocks.append(_run_sheet(outline, times, labels))
    for timed in times:
        blocks.extend(_section(timed, labels))
    blocks.extend(_materials(outline, labels))
    return Document(f"{labels['guide']}{labels['colon']} {outline.title}", outline.language, tuple(blocks))


def _session(outline: Outline, labels: dict[str, str]) -> Inline | None:
    """The session line, e.g. "Session: 09:30–11:00, 90 min; planned 95 min"."""
    workshop = outline.workshop
    parts = []
    start = workshop.start_minutes() if workshop else None
    if workshop and start is not None and workshop.minutes:
        parts.append(f"{timing.clock(start)}{DASH}{timing.clock(start + workshop.minutes)}")
    elif start is not None:
        parts.append(timing.clock(start))
    if workshop and workshop.minutes:
        parts.append(_minutes(workshop.minutes, labels))
    text = ", ".join(parts)
    planned = timing.planned_total(outline)
    if planned is not None and (workshop is None or workshop.minutes != planned):
        text += (f"{labels['semicolon']} " if text else "") + f"{labels['planned']} {_minutes(planned, labels)}"
    return (strong(f"{labels['session']}{labels['colon']}"), Span(" " + text)) if text else None


def _run_sheet(outline: Outline, times: list[timing.SectionTime], labels: dict[str, str]) -> Table:
    rows = []
    opening = timing.opening(outline)
    if opening is not None:
        rows.append(_outside_row(opening, labels["opening"]))
    for timed in times:
        section = timed.section
        titles = " · ".join(slide_title(s, labels) for s in section.slides)
        rows.append((plain(timed.clock or ""), plain(numbered(timed.number, section.short_title)), plain(titles),
                     plain(timing.format_minutes(section.minutes) if section.minutes else "")))
    close = timing.close(outline)
    if close is not None:
        rows.append(_outside_row(close, labels["close"]))
    end = timing.end_time(outline)
    total = timing.planned_total(outline)
    if end is not None or total is not None:
        rows.append((plain(timing.clock(end) if end is not None else ""), (strong(labels["end"]),), plain(""),
                     (strong(timing.format_minutes(total)),) if total is not None else plain("")))
    header = (labels["time"], labels["section"], labels["slides"], labels["minutes"])
    return Table(header, tuple(rows), right=(3,), widths=(9, 19, 64, 8))


def _outside_row(outside: timing.Outside, label: str) -> tuple:
    return (plain(outside.clock or ""), plain(label), plain(""), plain(timing.format_minutes(outside.minutes)))


def _section(timed: timing.SectionTime, labels: dict[str, str]) -> list:
    section: Section = timed.section
    heading = numbered(timed.number, section.title)
    heading += "".join(f" · {x}" for x in (timed.clock, section.minutes and _minutes(section.minutes, labels)) if x)
    blocks: list = [Heading(2, plain(heading))]
    if section.message:
        blocks.append(Paragraph((Span(section.message, italic=True),)))
    for slide in section.slides:
        minutes = timing.slide_minutes(slide)
        title = slide_title(slide, labels) + (f" · {_minutes(minutes, labels)}" if minutes else "")
        blocks.append(Heading(3, plain(title)))
        if isinstance(slide, QuestionSlide):
            blocks.extend(_question(slide, labels))
        elif isinstance(slide, ExerciseSlide):
            blocks.extend(_exercise(slide, labels))
        blocks.extend(_notes(slide.notes, labels))
    return blocks


def _question(slide: QuestionSlide, labels: dict[str, str]) -> list:
    label = labels["discussion"] + (f" · {_minutes(slide.minutes, labels)}" if slide.minutes else "")
    blocks: list = [Paragraph((strong(f"{label}{labels['colon']}"), Span(f" {slide.question}")))]
    if slide.prompts:
        blocks.append(Items(tuple(plain(p) for p in slide.prompts)))
    return blocks


def _exercise(slide: ExerciseSlide, labels: dict[str, str]) -> list:
    label = f"{labels['exercise']} · {_minutes(slide.minutes, labels)}"
    blocks: list = [Paragraph((strong(f"{label}{labels['colon']}"), Span(f" {slide.task}")))]
    facts = _exercise_facts(slide, labels)
    if facts:
        blocks.append(Items(tuple(facts)))
    return blocks


def _exercise_facts(slide: ExerciseSlide, labels: dict[str, str]) -> list[Inline]:
    facts: list[Inline] = []
    if slide.groups:
        facts.append((strong(f"{labels['groups']}{labels['colon']}"), Span(f" {slide.groups}")))
    if slide.deliverable:
        facts.append((strong(f"{labels['deliverable']}{labels['colon']}"), Span(f" {slide.deliverable}")))
    return facts


def _notes(notes: Notes | None, labels: dict[str, str]) -> list:
    """The speaker notes as in the deck: free text first, then say/ask/do, then the bridge."""
    if notes is None:
        return []
    blocks: list = []
    if notes.text:
        for paragraph in notes.text.strip().split("\n\n"):
            if paragraph.strip():
                blocks.append(Paragraph(plain(paragraph.strip())))
    for key in ("say", "ask", "do"):
        points = getattr(notes, key)
        if points:
            blocks.append(Paragraph((strong(f"{labels[key]}{labels['colon']}"),)))
            blocks.append(Items(tuple(plain(p.strip()) for p in points)))
    if notes.next:
        blocks.append(Paragraph((strong(f"{labels['next']}{labels['colon']}"), Span(f" {notes.next.strip()}"))))
    return blocks


def _materials(outline: Outline, labels: dict[str, str]) -> list:
    """What the exercises ask for (their groups and deliverables), nothing added."""
    items = []
    for section, number in zip(outline.sections, outline.numbers(), strict=True):
        for slide in section.slides:
            if isinstance(slide, ExerciseSlide) and (slide.groups or slide.deliverable):
                lead = (strong(slide_title(slide, labels)),
                        Span(f" ({numbered(number, section.title)}, {_minutes(slide.minutes, labels)})"))
                facts = _exercise_facts(slide, labels)
                joined: list = list(lead)
                for n, fact in enumerate(facts):
                    joined.append(Span(f"{labels['semicolon']} " if n else f"{labels['colon']} "))
                    joined.extend(fact)
                items.append(tuple(joined))
    return [Heading(2, plain(labels["materials"])), Items(tuple(items))] if items else []
