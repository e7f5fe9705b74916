"""The design rules (deck.lint), each on a small outline written to disk, with its line."""
from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from deck.build import plan
from deck.lint import MAX_BODY_WORDS, MAX_BULLET_WORDS, MAX_BULLETS, lint
from deck.lint import finding as Finding
from deck.look.theme import THEMES

HEAD = """\
title: Rules on a small deck
language: en
sections:
  - id: one
    title: The first part
    slides:
"""


def outline(tmp_path: Path, slides: str, head: str = HEAD) -> Path:
    path = tmp_path / "outline.yaml"
    path.write_text(head + textwrap.indent(textwrap.dedent(slides), " " * 6), encoding="utf-8")
    return path


def findings(path: Path, rule: str | None = None, theme=None) -> list[Finding]:
    loaded, planned = plan(path)
    chosen = theme or THEMES["light"]
    return [f for f in lint(loaded.outline, loaded.source, chosen, planned.slides) if rule in (None, f.rule)]


def line_of(path: Path, text: str, nth: int = 0) -> int:
    lines = [n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line]
    return lines[nth]


def words(count: int, word: str = "word") -> str:
    return " ".join([word] * count)


# --- headline-assertion ----------------------------------------------------------------------

@pytest.mark.parametrize("title", ["Results", "Market overview", "Why does this matter?",
                                   "Three reasons stand out:"])
def test_labels_and_questions_are_not_assertions(tmp_path, title):
    path = outline(tmp_path, f"""\
        - title: "{title}"
          bullets: [A point]
          notes: Say it.
        """)
    [found] = findings(path, "headline-assertion")
    assert found.severity == "warning"
    assert found.line == line_of(path, title) and found.field == "sections[0].slides[0].title"
    assert found.hint


def test_a_sentence_with_a_verb_and_an_untitled_quote_pass(tmp_path):
    path = outline(tmp_path, """\
        - title: Costs fall by a third
          bullets: [A point]
          notes: Say it.
        - kind: quote
          quote: Words.
          by: Someone
          notes: Say it.
        """)
    assert findings(path, "headline-assertion") == []


# --- text budgets ----------------------------------------------------------------------------

def test_more_than_five_bullets_warn_at_the_list_sub_bullets_not_counted(tmp_path):
    many = ", ".join(f"Point {i}" for i in range(MAX_BULLETS + 1))
    five = ", ".join(f"{{text: Point {i}, sub: [a, b]}}" for i in range(MAX_BULLETS))
    path = outline(tmp_path, f"""\
        - title: Six points are one too many
          notes: Say it.
          bullets: [{many}]
        - title: Five points with details are fine
          notes: Say it.
          bullets: [{five}]
        """)
    [found] = findings(path, "bullets-count")
    assert found.field == "sections[0].slides[0].bullets"
    assert found.line == line_of(path, "bullets:")
    assert f"{MAX_BULLETS + 1} items" in found.message


def test_a_long_compare_column_warns(tmp_path):
    path = outline(tmp_path, f"""\
        - kind: compare
          title: The right side has too much
          notes: Say it.
          left: {{heading: Old, bullets: [a, b]}}
          right: {{heading: New, bullets: [{", ".join("abcdef")}]}}
        """)
    [found] = findings(path, "bullets-count")
    assert found.field == "sections[0].slides[0].right.bullets"


def test_a_bullet_of_more_than_twelve_words_warns_with_its_path(tmp_path):
    path = outline(tmp_path, f"""\
        - title: Long bullets lose the room
          notes: Say it.
          bullets:
            - {words(MAX_BULLET_WORDS)}
            - {words(MAX_BULLET_WORDS + 1, "long")}
            - text: Short
              sub: [{words(MAX_BULLET_WORDS + 1, "deep")}]
        """)
    found = findings(path, "bullet-words")
    assert [f.field for f in found] == ["sections[0].slides[0].bullets[1]", "sections[0].slides[0].bullets[2].sub[0]"]
    assert found[0].line == line_of(path, "long long")
    assert f"{MAX_BULLET_WORDS + 1} words" in found[0].message


def test_more_than_forty_body_words_warn_but_an_exercise_may_say_more(tmp_path):
    path = outline(tmp_path, f"""\
        - kind: statement
          title: Forty words still pass
          text: {words(MAX_BODY_WORDS)}
          notes: Say it.
        - kind: statement
          title: Forty-one words are too many
          text: {words(MAX_BODY_WORDS + 1)}
          notes: Say it.
        - kind: exercise
          title: Instructions stay up while groups work
          task: {words(60)}
          minutes: 10
          notes: Say it.
        """)
    [found] = findings(path, "body-words")
    assert found.field == "sections[0].slides[1]" and found.line == line_of(path, "- kind: statement", 1)
    assert f"{MAX_BODY_WORDS + 1} words" in found.message


# --- notes, titles, pictures -------------------------------------------------------------------

def test_a_slide_without_notes_warns_and_minutes_alone_are_no_notes(tmp_path):
    path = outline(tmp_path, """\
        - title: This slide has notes
          bullets: [a]
          notes: {say: [Say it.]}
        - title: This slide has no notes
          bullets: [a]
        - title: This slide has only a time
          bullets: [a]
          notes: {minutes: 3}
        """)
    found = findings(path, "notes-missing")
    assert [f.field for f in found] == ["sections[0].slides[1]", "sections[0].slides[2]"]
    assert found[0].line == line_of(path, "This slide has no notes")


def test_duplicate_titles_are_reported_on_the_later_slide(tmp_path):
    path = outline(tmp_path, """\
        - title: The same point twice
          bullets: [a]
          notes: Say it.
        - title: The  same point TWICE
          bullets: [b]
          notes: Say it.
        """)
    [found] = findings(path, "title-duplicate")
    assert found.field == "sections[0].slides[1].title" and found.line == line_of(path, "same point TWICE")
    # title slide, agenda, divider, then the first slide: slide 4
    assert f"slide 4 (line {line_of(path, 'The same point twice')})" in found.message


def test_a_slide_named_like_its_section_is_reported_not_the_divider(tmp_path):
    path = outline(tmp_path, """\
        - title: The first part
          bullets: [a]
          notes: Say it.
        """)
    [found] = findings(path, "title-duplicate")
    assert found.field == "sections[0].slides[0].title"


def test_continued_slides_are_no_duplicates_but_an_info(tmp_path):
    many = ", ".join(f"Point number {i} has a few words" for i in range(14))
    path = outline(tmp_path, f"""\
        - title: A long list continues on the next slide
          notes: Say it.
          bullets: [{many}]
        """)
    assert findings(path, "title-duplicate") == []
    [found] = findings(path, "fit-continued")
    assert found.severity == "info" and found.field == "sections[0].slides[0]"
    assert "continues on 2 slides" in found.message and found.line == line_of(path, "A long list")


def test_alt_text_that_is_a_file_name_warns(tmp_path):
    shutil.copy(FIXTURES / "valid" / "assets" / "circles.png", tmp_path / "circles.png")
    path = outline(tmp_path, """\
        - kind: image
          title: The file name says nothing
          image: circles.png
          alt: circles.png
          notes: Say it.
        - kind: image
          title: The stem says nothing either
          image: circles.png
          alt: circles
          notes: Say it.
        - kind: image
          title: A description says what it shows
          image: circles.png
          alt: Three circles of different sizes
          notes: Say it.
        - kind: image
          title: A decorative picture needs no words
          image: circles.png
          decorative: true
          notes: Say it.
        """)
    found = findings(path, "alt-text")
    assert [f.field for f in found] == ["sections[0].slides[0].alt", "sections[0].slides[1].alt"]


# --- colour, time, language --------------------------------------------------------------------

def test_the_built_in_theme_has_enough_contrast_and_a_faint_one_does_not(tmp_path):
    path = outline(tmp_path, """\
        - title: Colours decide who can read
          bullets: [a]
          notes: Say it.
        """)
    assert findings(path, "contrast") == []
    light = THEMES["light"]
    faint = replace(light, palette=light.palette._replace(muted="BBBBBB"))
    found = findings(path, "contrast", theme=faint)
    assert found and all(f.severity == "warning" and "muted" in f.message for f in found)


TIMED = """\
title: A timed deck
language: en
workshop: {{start: "09:00", minutes: {session}}}
sections:
  - id: one
    title: The first part
    minutes: 20
    slides:
      - title: The only slide takes time
        bullets: [a]
        notes: {{text: Say it., minutes: {slide}}}
  - id: two
    title: The second part
    minutes: 20
"""


def test_timing_over_run_warns_and_on_time_informs(tmp_path):
    path = tmp_path / "outline.yaml"
    path.write_text(TIMED.format(session=30, slide=25))
    found = findings(path, "timing")
    assert [(f.severity, f.field) for f in found] == [("warning", "workshop.minutes"),
                                                      ("warning", "sections[0].minutes")]
    assert "over-runs by 10 min" in found[0].message
    assert "the slides plan 25 min, the section has 20 min" in found[1].message

    path.write_text(TIMED.format(session=40, slide=5))
    [found] = findings(path, "timing")
    assert found.severity == "info" and found.message.endswith("on time")


def test_no_session_length_means_no_timing_finding(tmp_path):
    path = outline(tmp_path, """\
        - title: Nobody set a session length
          bullets: [a]
          notes: Say it.
        """)
    assert findings(path, "timing") == []


def test_a_language_without_labels_is_an_info(tmp_path):
    path = outline(tmp_path, """\
        - title: Ten język nie ma etykiet
          bullets: [a]
          notes: Powiedz to.
        """, head=HEAD.replace("language: en", "language: pl"))
    [found] = findings(path, "language")
    assert found.severity == "info" and found.field == "language"


# --- the findings themselves -------------------------------------------------------------------

def test_a_finding_reads_like_a_compiler_message():
    finding = Finding("bullets-count", "warning", "talk.yaml", 12, ("sections", 0, "slides", 2, "bullets"),
                      "7 items", "cut some")
    assert str(finding) == ("talk.yaml:12: warning: sections[0].slides[2].bullets: 7 items [bullets-count]"
                            "\n  hint: cut some")
    assert finding.as_dict() == {"rule": "bullets-count", "severity": "warning", "file": "talk.yaml", "line": 12,
                                 "field": "sections[0].slides[2].bullets", "message": "7 items", "hint": "cut some"}
    assert str(Finding("timing", "info", "talk.yaml", None, (), "on time")) == "talk.yaml: info: on time [timing]"


def test_the_shipped_outline_has_no_warnings():
    found = findings(ROOT / "outline.yaml")
    assert [f for f in found if f.severity != "info"] == []


def test_lint_stays_pure():
    code = "import sys, deck.lint; print(sorted(m for m in ('yaml', 'pptx', 'typer', 'rich') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"
