"""Timings: clock times per section, the planned total against the session, slides against sections.

Every outline here is a small file written to tmp_path and read by the real loader.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import ROOT
from typer.testing import CliRunner

from deck.build import plan
from deck.cli import app
from deck.options import BuildOptions
from deck.outline import timing
from deck.outline.reader import load


def outline_file(tmp_path: Path, sections: str, workshop: str = '{start: "09:30", minutes: 60}',
                 name: str = "outline.yaml") -> Path:
    path = tmp_path / name
    head = f"title: A workshop\nlanguage: en\nworkshop: {workshop}\n" if workshop else \
        "title: A workshop\nlanguage: en\n"
    path.write_text(head + "sections:\n" + textwrap.indent(textwrap.dedent(sections), "  "), encoding="utf-8")
    return path


def timed(tmp_path: Path, *minutes, workshop: str = '{start: "09:30", minutes: 60}'):
    """An outline whose sections have these minutes (None: no minutes), one bullet slide each."""
    sections = ""
    for i, m in enumerate(minutes):
        sections += f"- id: s{i}\n  title: Section {i}\n"
        if m is not None:
            sections += f"  minutes: {m}\n"
        sections += f"  slides:\n    - title: Slide {i} makes its point\n      bullets: [One]\n"
    return load(outline_file(tmp_path, sections, workshop)).outline


def test_clock_times_follow_the_sections_minutes(tmp_path):
    outline = timed(tmp_path, 10, 15, 20, 15)
    assert [t.clock for t in timing.section_times(outline)] == ["09:30", "09:40", "09:55", "10:15"]
    assert timing.clock(timing.end_time(outline)) == "10:30"


def test_clock_times_stop_after_an_untimed_section(tmp_path):
    outline = timed(tmp_path, 10, None, 20)
    assert [t.clock for t in timing.section_times(outline)] == ["09:30", "09:40", None]
    assert timing.end_time(outline) is None


def test_no_clock_times_without_a_start(tmp_path):
    outline = timed(tmp_path, 10, 20, workshop="{minutes: 30}")
    assert [t.start for t in timing.section_times(outline)] == [None, None]
    assert timing.planned_total(outline) == 30


def test_clock_wraps_past_midnight_and_rounds():
    assert timing.clock(23 * 60 + 50 + 20) == "00:10"
    assert timing.clock(9 * 60 + 29.6) == "09:30"


def test_agenda_shows_the_clock_times_of_timing(tmp_path):
    path = outline_file(tmp_path, """\
        - id: one
          title: One
          minutes: 25
          slides: [{title: One makes a point, bullets: [a]}]
        - id: two
          title: Two
          minutes: 35
          slides: [{title: Two makes a point, bullets: [b]}]
        """, '{start: "13:45", minutes: 60}')
    _, planned = plan(path)
    agenda = next(s for s in planned.slides if s.kind == "agenda")
    kickers = [item.paras[0].text for item in agenda.items if getattr(item, "name", "") == "Entry"]
    assert kickers == ["01 · 13:45 · 25 min", "02 · 14:10 · 35 min"]


def test_an_over_running_plan_is_positive(tmp_path):
    outline = timed(tmp_path, 30, 35)
    assert timing.overrun(outline) == 5
    assert timing.verdict(outline) == "planned 65 min for a 60-min session: over-runs by 5 min"


def test_an_under_running_plan_is_negative(tmp_path):
    outline = timed(tmp_path, 20, 25)
    assert timing.overrun(outline) == -15
    assert timing.verdict(outline) == "planned 45 min for a 60-min session: under-runs by 15 min"


def test_a_plan_on_time(tmp_path):
    outline = timed(tmp_path, 30, 30)
    assert timing.overrun(outline) == 0
    assert timing.verdict(outline) == "planned 60 min for a 60-min session: on time"


def test_untimed_sections_are_named_in_the_verdict(tmp_path):
    outline = timed(tmp_path, 30, None)
    assert timing.overrun(outline) == -30
    assert timing.verdict(outline).endswith("under-runs by 30 min (1 section without minutes not counted)")


def test_no_overrun_without_a_session_length_or_any_minutes(tmp_path):
    assert timing.overrun(timed(tmp_path, 30, workshop='{start: "09:00"}')) is None
    assert timing.verdict(timed(tmp_path, 30, workshop='{start: "09:00"}')) is None
    untimed = timed(tmp_path, None, None)
    assert timing.overrun(untimed) is None
    assert timing.verdict(untimed).startswith("no section has minutes")
    assert timing.overrun(timed(tmp_path, 30, workshop="")) is None


def test_fractional_minutes_are_shown_as_written(tmp_path):
    outline = timed(tmp_path, 30, 32.5)
    assert timing.overrun(outline) == 2.5
    assert timing.verdict(outline) == "planned 62.5 min for a 60-min session: over-runs by 2.5 min"


SLIDES_OVER = """\
- id: fits
  title: Fits
  minutes: 10
  slides:
    - {title: Three minutes of talk, bullets: [a], minutes: 3}
    - {kind: question, title: A question for the room, question: "Why?", minutes: 7}
- id: over
  title: Over
  minutes: 15
  slides:
    - {title: Notes plan five minutes, bullets: [a], notes: {say: [x], minutes: 5}}
    - {kind: exercise, title: An exercise takes ten, task: Do it., minutes: 10,
       notes: {do: [Debrief], minutes: 14}}
- id: untimed
  title: Untimed slides
  minutes: 5
  slides:
    - {title: No minutes here, bullets: [a]}
- id: nobudget
  title: No budget
  slides:
    - {title: Minutes without a budget, bullets: [a], minutes: 50}
"""


def test_sections_whose_slides_plan_more_than_the_section_are_reported(tmp_path):
    outline = load(outline_file(tmp_path, SLIDES_OVER, '{start: "09:00", minutes: 30}')).outline
    found = timing.sections_over_budget(outline)
    assert [(f.index, f.id, f.budget, f.planned, f.excess) for f in found] == [(1, "over", 15, 19, 4)]
    assert found[0].path == ("sections", 1, "minutes")
    assert found[0].message() == "the slides plan 19 min, the section has 15 min: 4 min too many"


def test_slide_minutes_take_the_larger_of_slide_and_notes():
    from deck.outline.model import BulletsSlide, ExerciseSlide, QuestionSlide

    assert timing.slide_minutes(BulletsSlide(title="t", bullets=["a"])) is None
    assert timing.slide_minutes(BulletsSlide(title="t", bullets=["a"], notes={"minutes": 4})) == 4
    assert timing.slide_minutes(QuestionSlide(kind="question", title="t", question="q", minutes=6)) == 6
    exercise = ExerciseSlide(kind="exercise", title="t", task="x", minutes=10, notes={"minutes": 14})
    assert timing.slide_minutes(exercise) == 14


def test_the_shipped_outlines_fit_their_sessions_and_sections():
    for name in ("outline.yaml", "outline.en.yaml"):
        outline = load(ROOT / name).outline
        assert timing.overrun(outline) == 0, name
        assert timing.sections_over_budget(outline) == [], name


def test_check_reports_the_verdict_and_each_section_over_budget(tmp_path):
    path = outline_file(tmp_path, SLIDES_OVER, '{start: "09:00", minutes: 25}')
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    assert any("planned 30 min for a 25-min session: over-runs by 5 min (1 section without minutes not counted)"
               in text for text in lines), lines
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "minutes: 15" in text)
    assert any(text.startswith(f"{path}:{line}: ") and "sections[1].minutes: the slides plan 19 min, the section "
               "has 15 min: 4 min too many" in text for text in lines), lines


# -- the workshop's opening and close -----------------------------------------------------------

OPEN_AND_CLOSE = '{start: "09:30", minutes: 60, opening: 5, close: 6}'


def one_part_with_opening_and_close(tmp_path: Path) -> Path:
    return outline_file(tmp_path, """\
        - id: one
          title: The first part
          minutes: 20
          slides:
            - title: The first part makes its point
              bullets: [One]
        """, OPEN_AND_CLOSE)


def test_opening_and_close_move_the_clock_and_count_in_the_plan(tmp_path):
    outline = timed(tmp_path, 10, 15, 20, workshop=OPEN_AND_CLOSE)
    assert timing.opening(outline).clock == "09:30"
    assert [t.clock for t in timing.section_times(outline)] == ["09:35", "09:45", "10:00"]
    assert timing.close(outline).clock == "10:20"
    assert timing.clock(timing.end_time(outline)) == "10:26"
    assert timing.planned_total(outline) == 56
    assert timing.verdict(outline) == "planned 56 min for a 60-min session: under-runs by 4 min"


def test_without_opening_and_close_nothing_changes(tmp_path):
    outline = timed(tmp_path, 10, 15)
    assert timing.opening(outline) is None and timing.close(outline) is None
    assert timing.planned_total(outline) == 25


def test_the_agenda_shows_opening_and_close_with_their_clock_times_and_no_number(tmp_path):
    outline = one_part_with_opening_and_close(tmp_path)
    _, planned = plan(outline)
    agenda = next(s for s in planned.slides if s.kind == "agenda")
    texts = {item.name: item.text for item in agenda.items if hasattr(item, "paras")}
    assert texts["Section"] == "OPENING 09:30 (5 MIN) · CLOSE 09:55 (6 MIN)"
    assert texts["Entry"] == "01 · 09:35 · 20 min\nThe first part"
    assert "Opening 09:30 (5 min)" in agenda.notes.splitlines()[0]
    assert "Close 09:55 (6 min)" in agenda.notes.splitlines()[-1]
    dividers = [s for s in planned.slides if s.kind == "divider"]
    assert len(dividers) == 1  # opening and close are not sections: no divider, no number


def test_the_guide_run_sheet_has_rows_for_opening_and_close(tmp_path):
    outline = timed(tmp_path, 10, 15, workshop=OPEN_AND_CLOSE)
    from deck.export.document import to_markdown
    from deck.export.guide import guide_document

    text = to_markdown(guide_document(outline))
    rows = [line for line in text.splitlines() if line.startswith("|")]
    starts = [row.split("|")[1].strip() for row in rows[2:]]
    assert starts == ["09:30", "09:35", "09:45", "10:00", "10:06"]
    assert "Opening" in rows[2] and "Close" in rows[-2]


def test_on_a_template_without_a_kicker_row_the_agenda_names_opening_and_close_above_its_grid(tmp_path):
    outline = one_part_with_opening_and_close(tmp_path)
    template = ROOT / "tests" / "fixtures" / "templates" / "pptx-default.pptx"
    _, planned = plan(outline, options=BuildOptions(template=template))
    assert planned.theme.geometry.kicker is None
    agenda = next(s for s in planned.slides if s.kind == "agenda")
    boxes = {item.name: item for item in agenda.items if hasattr(item, "paras")}
    assert boxes["Lead"].text == "Opening 09:30 (5 min) · Close 09:55 (6 min)"
    assert boxes["Lead"].box.bottom < boxes["Entry"].box.y
