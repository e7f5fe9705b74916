"""One check: outline file -> a report of findings, never an exception for a problem of the input.

Used by `deck check`, `deck build --strict` and `deck build --watch --strict`. Problems that stop
a build become error findings: `schema` when the outline cannot be read or does not follow the
format, `build` when it cannot be made into a deck (an unknown theme, a missing picture, a text
that cannot fit); then the design rules of deck.lint run over the outline and its plan.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from deck import build as builder  # by module, so that a stand-in for builder.plan (tests) is called
from deck.build import Laid, Result
from deck.errors import SEVERITIES, DeckError, Message
from deck.lint import from_error, lint
from deck.options import BuildOptions
from deck.outline.labels import labels_for
from deck.outline.model import Outline, QuoteSlide, Slide

# The shape of `deck check --format json`; schema/check.schema.json describes it for tools.
JSON_VERSION = 1


@dataclass
class Report:
    outline: Path
    findings: list[Message] = field(default_factory=list)
    slides: int | None = None  # None when the outline could not be planned
    minutes: float | None = None
    laid: Laid | None = field(default=None, repr=False, compare=False)  # what `build --strict` renders

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, strict: bool = False) -> bool:
        """Errors always fail; warnings only under --strict; information never."""
        return self.count("error") > 0 or (strict and self.count("warning") > 0)

    def summary(self) -> str:
        """'ok' or '1 error, 2 warnings', with the information count: for the last line of `check`."""
        counts = [(self.count(s), s) for s in SEVERITIES]
        problems = [_plural(n, "error" if s == "error" else "warning") for n, s in counts[:2] if n]
        status = ", ".join(problems) if problems else "ok"
        notes = counts[2][0]
        return status + (f", {_plural(notes, 'note')}" if notes else "")

    def line(self, shown: Path) -> str:
        """The last line of `check`: "outline.yaml: ok, 2 notes, 31 slides, 1 h 30 min planned"."""
        size = f", {self.slides} slides{builder.planned_time(self.minutes)}" if self.slides else ""
        return f"{shown}: {self.summary()}{size}"

    def as_json(self, strict: bool = False) -> dict:
        """The documented JSON shape of `check --format json` (README, "deck check")."""
        return {
            "version": JSON_VERSION,
            "outline": str(self.outline),
            "ok": not self.fails(strict),
            "strict": strict,
            "slides": self.slides,
            # 60, not 60.0: minutes are whole in nearly every outline
            "minutes": int(self.minutes) if self.minutes is not None and float(self.minutes).is_integer()
            else self.minutes,
            "counts": {s: self.count(s) for s in SEVERITIES},
            "findings": [f.as_dict() for f in self.findings],
        }


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def check(outline_path: Path, *, options: BuildOptions = BuildOptions()) -> Report:
    """Every finding for one outline file: schema or build errors, else the design rules."""
    report = Report(outline_path)
    try:
        read = builder.read(outline_path)
    except DeckError as err:
        report.findings = from_error(err, "schema")
        return report
    try:
        laid = builder.plan(read, options=options)
        loaded, planned = laid
        chosen = planned.theme  # the look build would use: a built-in theme or a template, with the brand
    except DeckError as err:
        report.findings = from_error(err, "build")
        return report
    findings = lint(loaded.outline, loaded.source, chosen, planned.slides)
    report.findings = sorted(findings + notices(planned.notices, loaded.source.file), key=lambda f: f.line or 0)
    report.slides = len(planned.slides)
    report.minutes = planned.minutes
    report.laid = laid
    return report


def notices(said: list[Message], file: str) -> list[Message]:
    """Build's other notices (a stand-in font, a template's colours, …) as `notice` information,
    so that `check` says everything `build` would. A notice that names a rule is left to that
    design rule, which reports it with its line (fit-continued, language)."""
    found = []
    for notice in said:
        if notice.rule is not None:
            continue
        # Every finding is of the outline: a notice about another file (a template) or an option
        # names it in its text. The JSON shape keeps a notice's field in its message.
        if notice.file == file:
            found.append(Message(file, notice.line, (), notice.text, notice.hint, "info", "notice"))
        else:
            found.append(Message(file, None, (), f"{notice.where}: {notice.text}", notice.hint, "info", "notice"))
    return found


@dataclass(frozen=True)
class Chapter:
    """A section in the storyline: its number (None for a break), title, minutes and the
    headlines of its slides."""

    number: int | None
    title: str
    minutes: float | None
    headlines: list[str]

    @property
    def heading(self) -> str:
        """"2 Pitfalls", or the title alone for a break."""
        return self.title if self.number is None else f"{self.number} {self.title}"


def storyline(outline: Outline) -> list[Chapter]:
    """The headlines in order, section by section: the argument in one screen (`check --titles`).

    A quote slide without a title shows the title deck gives it ("Quote: <by>")."""
    labels, _ = labels_for(outline.language, outline.labels)
    chapters = []
    for section, number in zip(outline.sections, outline.numbers(), strict=True):
        headlines = [_headline(slide, labels) for slide in section.slides]
        chapters.append(Chapter(number, section.title, section.minutes, headlines))
    return chapters


def _headline(slide: Slide, labels: dict[str, str]) -> str:
    if isinstance(slide, QuoteSlide) and slide.title is None:
        return f"{labels['quote']}{labels['colon']} {slide.by}"
    return slide.title or ""  # every other kind has a title: the outline format requires one


class Refused(DeckError):
    """`build --strict` found warnings or errors: the findings are the message; nothing was written."""

    def __init__(self, report: Report):
        self.report = report
        shown = [f for f in report.findings if f.severity != "info"]
        super().__init__([Message(f.file, f.line, f.path, f.message, f.hint) for f in shown])
        self.text = "\n".join(str(f) for f in shown)
        self.text += (f"\n{report.outline}: {report.summary()}; "
                      "--strict builds only without warnings: nothing was written")

    def __str__(self) -> str:
        return self.text


def require_clean(outline_path: Path, *, options: BuildOptions = BuildOptions()) -> Report:
    """The report when it has neither errors nor warnings; otherwise Refused (`build --strict`)."""
    report = check(outline_path, options=options)
    if report.fails(strict=True):
        raise Refused(report)
    return report


def build_clean(outline_path: Path, output: Path | None = None, *,
                options: BuildOptions = BuildOptions()) -> Result:
    """`build --strict`: the deck, rendered from the layout the check made, when the check has
    neither errors nor warnings; otherwise Refused and nothing written."""
    report = require_clean(outline_path, options=options)
    assert report.laid is not None  # only an error leaves a report without a layout
    return builder.write(report.laid, outline_path, output, force=options.force)
