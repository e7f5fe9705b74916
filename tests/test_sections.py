"""Sections as people write them: long titles, `short:` titles, breaks, and long names on the
title slide. Every outline here is a small file read by the real loader and built into a deck.

The promise under test: deck never drops a word of the outline without saying so. A long text
wraps (more lines, smaller within the floors) or is refused at its line with a hint; only the
labels deck makes up from a text shown in full elsewhere (a progress label, the kicker) are
shortened with an ellipsis.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES
from pptx import Presentation
from support import libreoffice

from deck.build import build, plan
from deck.errors import DeckError
from deck.export.guide import guide_document
from deck.export.handout import handout_document
from deck.look.theme import THEMES
from deck.options import BuildOptions
from deck.outline.reader import load
from deck.outline.schema import outline_schema

TEMPLATES = FIXTURES / "templates"
# Fifteen words, as section titles in conference programmes and lecture plans are written.
LONG = "Why we are still talking about data platforms in 2025, although every vendor promised otherwise"
LONG_TOO = "Architecture choices that actually mattered, and the ones that turned out to be vendor theatre"
ORGANISATION = ("Bildungs- und Qualifizierungszentrum der Bundesagentur für Arbeit, "
                "Regionaldirektion Nordrhein-Westfalen")
SOURCE = ("Northbridge Platform Benchmark 2025, appendix C; uplift relative to programmes without the decision, "
          "matched on sector and size")


def write(tmp_path: Path, sections: str, head: str = "") -> Path:
    path = tmp_path / "outline.yaml"
    text = "title: What five years of platforms taught us\nlanguage: en\n" + textwrap.dedent(head)
    path.write_text(text + "sections:\n" + textwrap.indent(textwrap.dedent(sections), "  "), encoding="utf-8")
    return path


def section(ident: str, title: str, extra: str = "", slides: bool = True) -> str:
    text = f"- id: {ident}\n  title: \"{title}\"\n" + textwrap.indent(textwrap.dedent(extra), "  ")
    if slides:
        text += f"  slides:\n    - title: The {ident} section makes its point\n      bullets: [One point]\n"
    return text


WORKSHOP = f"""\
    author: Dr. Margaretha van der Hoeven-Castellanos
    organization: "{ORGANISATION}"
    date: 14 March 2026
    workshop: {{start: "09:30", minutes: 120}}
    """

REAL = (section("why", LONG, "short: Why platforms still matter\nmessage: Most data products go unused.\n"
                "minutes: 30\n")
        + section("coffee", "Coffee break", "break: true\nminutes: 15\n", slides=False)
        + section("architecture", LONG_TOO, "message: Ownership mattered more than any engine.\nminutes: 40\n")
        + section("lessons", "Seven lessons", "minutes: 35\n"))


def slides_of(path: Path, **options):
    return plan(path, options=BuildOptions(**options)).planned.slides


def texts(slide) -> list[str]:
    boxes = ([slide.title] if slide.title else []) + [i for i in slide.items if hasattr(i, "paras")]
    return [p.text for box in boxes for p in box.paras]


def named(slide, name: str):
    return [i for i in slide.items if getattr(i, "name", "") == name]


def deck_words(pptx: Path) -> str:
    """Every text on every slide of a built deck, as one string."""
    return " ".join(shape.text_frame.text for slide in Presentation(str(pptx)).slides
                    for shape in slide.shapes if shape.has_text_frame)


# --- long section titles -----------------------------------------------------------------------

@pytest.mark.parametrize("theme", sorted(THEMES))
def test_a_fifteen_word_section_title_wraps_on_its_divider_in_every_theme(tmp_path, theme):
    path = write(tmp_path, REAL, WORKSHOP + f"theme: {theme}\n")
    dividers = [s for s in slides_of(path) if s.kind == "divider"]
    first = dividers[0]
    title = first.title.paras[0]
    assert title.text == LONG  # every word, no ellipsis
    assert 2 <= title.lines <= 3
    assert title.size >= THEMES[theme].style("divider-title").floor
    # The title and message end above the progress bar.
    bar = next(i for i in first.items if getattr(i, "name", "") == "Progress 1")
    assert max(i.box.bottom for i in [first.title, *named(first, "Message")]) < bar.box.y


def test_a_long_title_and_message_shrink_together_and_keep_the_number_on_the_slide(tmp_path):
    message = ("Most organisations have bought the technology twice over, yet fewer than one in three data "
               "products is used by the business each month, and fewer still are trusted")
    path = write(tmp_path, section("why", LONG + " and every analyst agreed", f"message: \"{message}\"\n"))
    divider = next(s for s in slides_of(path) if s.kind == "divider")
    number, = named(divider, "Number")
    message_box, = named(divider, "Message")
    light = THEMES["light"]
    # Alone each would be larger (36 and 28 pt); together they step down to end above the bar.
    assert divider.title.paras[0].size < 36 and message_box.paras[0].size < 28
    assert divider.title.paras[0].lines == message_box.paras[0].lines == 3
    assert number.box.y >= light.geometry.top
    assert message_box.box.bottom < next(i for i in divider.items if i.name == "Progress 1").box.y
    assert message_box.paras[0].text == message


def test_a_section_title_longer_than_three_lines_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, section("why", " ".join([LONG, LONG_TOO, LONG])))
    with pytest.raises(DeckError) as refused:
        build(path, tmp_path / "deck.pptx")
    problem, = refused.value.problems
    assert problem.path == ("sections", 0, "title") and problem.line == 5
    assert "three lines" in problem.message and "fifteen words" in problem.hint


def test_progress_labels_use_the_short_title_or_shorten_with_an_ellipsis(tmp_path):
    path = write(tmp_path, REAL + section("five", "Five") + section("six", "Six"))
    divider = next(s for s in slides_of(path) if s.kind == "divider")
    labels = [i.paras[0] for i in divider.items if i.name.startswith("Progress label")]
    # Five sections: the break has no segment.
    assert [p.text for p in labels][0] == "Why platforms still matter"
    assert labels[1].text.endswith("…") and labels[1].lines == 2
    assert LONG_TOO.startswith(labels[1].text[:-1])
    assert [p.text for p in labels[2:]] == ["Seven lessons", "Five", "Six"]


def test_the_kicker_is_the_short_title_and_the_divider_and_notes_keep_the_full_one(tmp_path):
    path = write(tmp_path, REAL)
    slides = slides_of(path)
    content = next(s for s in slides if s.path == ("sections", 0, "slides", 0))
    assert named(content, "Section")[0].paras[0].text == "WHY PLATFORMS STILL MATTER"
    divider = next(s for s in slides if s.kind == "divider")
    assert divider.title.paras[0].text == LONG and divider.notes.startswith(LONG)


def test_the_agenda_keeps_full_titles_while_they_fit_on_one_slide(tmp_path):
    path = write(tmp_path, REAL)
    agenda = [s for s in slides_of(path) if s.kind == "agenda"]
    assert len(agenda) == 1
    assert LONG in texts(agenda[0])


def test_the_agenda_takes_the_short_titles_when_the_full_ones_would_continue(tmp_path):
    sections = "".join(section(f"part-{n}", f"{LONG} part {n}", f"short: Part {n}\nmessage: Part {n} moves on.\n")
                       for n in range(1, 10))
    path = write(tmp_path, sections)
    agenda = [s for s in slides_of(path) if s.kind == "agenda"]
    assert len(agenda) == 1
    assert "Part 1" in texts(agenda[0]) and not any(LONG in t for t in texts(agenda[0]))


def test_the_agenda_keeps_the_full_titles_when_short_ones_save_no_slide(tmp_path):
    sections = "".join(section(f"part-{n}", f"{LONG} part {n}", f"message: {LONG_TOO}.\n") for n in range(1, 13))
    sections += section("last", "Last", "short: The end\n")
    agenda = [s for s in slides_of(write(tmp_path, sections)) if s.kind == "agenda"]
    assert len(agenda) > 1
    assert "Last" in [t for slide in agenda for t in texts(slide)]


# --- breaks ------------------------------------------------------------------------------------

def test_a_break_has_no_divider_and_no_number_and_the_numbers_run_on(tmp_path):
    path = write(tmp_path, REAL, WORKSHOP)
    slides = slides_of(path)
    dividers = [s for s in slides if s.kind == "divider"]
    assert [s.path for s in dividers] == [("sections", 0), ("sections", 2), ("sections", 3)]
    assert [named(s, "Number")[0].paras[0].text for s in dividers] == ["01", "02", "03"]
    # the progress bar counts the three sections, not the break
    assert len([i for i in dividers[1].items if i.name.startswith("Progress label")]) == 3
    agenda = next(s for s in slides if s.kind == "agenda")
    kickers = [i.paras[0].text for i in named(agenda, "Entry")]
    assert kickers == ["01 · 09:30 · 30 min", "10:00 · 15 min", "02 · 10:15 · 40 min", "03 · 10:55 · 35 min"]
    recap = next(s for s in slides if s.kind == "recap")
    assert [i.paras[0].text for i in named(recap, "Entry")] == [
        "01 · Why platforms still matter", f"02 · {LONG_TOO}"]


def test_a_break_is_on_the_run_sheet_with_its_clock_time_and_without_a_number(tmp_path):
    outline = load(write(tmp_path, REAL, WORKSHOP)).outline
    guide = guide_document(outline)
    table = next(b for b in guide.blocks if type(b).__name__ == "Table")
    rows = [[span.text for span in cell][0] if cell else "" for row in table.rows for cell in row[:2]]
    assert rows[:8] == ["09:30", "1. Why platforms still matter", "10:00", "Coffee break",
                        "10:15", f"2. {LONG_TOO}", "10:55", "3. Seven lessons"]
    headings = [b.text[0].text for b in guide.blocks if type(b).__name__ == "Heading" and b.level == 2]
    assert "Coffee break · 10:00 · 15 min" in headings
    assert f"2. {LONG_TOO} · 10:15 · 40 min" in headings


def test_a_break_without_anything_to_keep_is_not_in_the_handout(tmp_path):
    outline = load(write(tmp_path, REAL)).outline
    headings = [b.text[0].text for b in handout_document(outline).blocks
                if type(b).__name__ == "Heading" and b.level == 2]
    assert headings == [f"1. {LONG}", f"2. {LONG_TOO}", "3. Seven lessons"]


def test_a_break_may_have_a_slide_under_its_own_title(tmp_path):
    path = write(tmp_path, section("why", "Why") + section("coffee", "Coffee break", "break: true\nminutes: 15\n")
                 + section("how", "How"))
    slides = slides_of(path)
    assert [s.kind for s in slides].count("divider") == 2
    coffee = next(s for s in slides if s.path == ("sections", 1, "slides", 0))
    assert named(coffee, "Section")[0].paras[0].text == "COFFEE BREAK"


def test_a_section_without_slides_is_still_a_numbered_section(tmp_path):
    path = write(tmp_path, section("why", "Why") + section("later", "Later", slides=False) + section("how", "How"))
    dividers = [s for s in slides_of(path) if s.kind == "divider"]
    assert [named(s, "Number")[0].paras[0].text for s in dividers] == ["01", "02", "03"]


def test_a_break_with_a_divider_is_refused(tmp_path):
    path = write(tmp_path, section("coffee", "Coffee", "break: true\ndivider: true\n", slides=False))
    with pytest.raises(DeckError) as refused:
        load(path)
    problem, = refused.value.problems
    assert problem.path == ("sections", 0, "divider") and "a break has no divider" in problem.message


def test_a_misspelt_break_gets_did_you_mean(tmp_path):
    path = write(tmp_path, section("coffee", "Coffee", "brake: true\n", slides=False))
    with pytest.raises(DeckError) as refused:
        load(path)
    assert refused.value.problems[0].hint == "did you mean 'break'?"


def test_the_schema_knows_short_and_break():
    keys = outline_schema()["$defs"]["Section"]["properties"]
    assert {"short", "break"} <= set(keys) and keys["break"]["type"] == "boolean"


# --- words never cut -----------------------------------------------------------------------------

def test_a_long_organisation_keeps_every_word_on_the_title_slide(tmp_path):
    path = write(tmp_path, REAL, WORKSHOP)
    title = slides_of(path)[0]
    meta = [p.text for p in named(title, "Meta")[0].paras]
    assert meta == ["Dr. Margaretha van der Hoeven-Castellanos", ORGANISATION, "14 March 2026"]
    # the title stays clear of the author lines
    assert title.title.box.bottom < named(title, "Meta")[0].box.y


def test_a_short_author_line_stays_one_line(tmp_path):
    path = write(tmp_path, section("why", "Why"), "author: Ann\norganization: Acme\ndate: May 2026\n")
    meta, = named(slides_of(path)[0], "Meta")
    assert [p.text for p in meta.paras] == ["Ann · Acme · May 2026"]


def test_an_organisation_too_long_for_two_lines_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, section("why", "Why"), f"organization: \"{' '.join([ORGANISATION] * 3)}\"\n")
    with pytest.raises(DeckError) as refused:
        build(path, tmp_path / "deck.pptx")
    problem, = refused.value.problems
    assert problem.path == ("organization",) and problem.line == 3


def test_a_long_organisation_on_a_template_is_never_cut(tmp_path):
    path = write(tmp_path, REAL, WORKSHOP)
    out = tmp_path / "deck.pptx"
    build(path, out, options=BuildOptions(template=TEMPLATES / "martin-template.pptx"))
    words = deck_words(out)
    assert ORGANISATION in words.replace("\n", " ").replace("\x0b", " ")
    # only the progress labels, whose sections' titles stand in full on their dividers, are cut
    cut = [shape.name for slide in Presentation(str(out)).slides for shape in slide.shapes
           if shape.has_text_frame and "…" in shape.text_frame.text]
    assert all(name.startswith("Progress label") for name in cut)


def test_a_long_source_takes_two_footer_lines_instead_of_being_cut(tmp_path):
    source = SOURCE + ", with the survey of 2024 as its baseline"
    path = write(tmp_path, section("why", "Why"), f"source: \"{source}\"\n")
    content = next(s for s in slides_of(path) if s.kind == "bullets")
    footer, = named(content, "Footer")
    assert footer.paras[0].text == source and footer.paras[0].lines == 2
    assert footer.box.bottom == pytest.approx(THEMES["light"].geometry.source.bottom)
    assert footer.box.y >= THEMES["light"].geometry.body_bottom


def test_a_source_too_long_for_the_footer_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, section("why", "Why", f"slides:\n  - title: It makes its point\n    source: \"{SOURCE}\"\n"
                                   "    bullets: [One]\n", slides=False))
    with pytest.raises(DeckError) as refused:
        build(path, tmp_path / "deck.pptx", options=BuildOptions(template=TEMPLATES / "pptx-default.pptx"))
    problem, = refused.value.problems
    assert problem.path == ("sections", 0, "slides", 0, "source") and problem.line == 8
    assert "footer" in problem.message and "notes" in problem.hint


def test_nothing_of_the_outline_is_cut_in_the_built_deck(tmp_path):
    path = write(tmp_path, REAL, WORKSHOP + f"source: \"{SOURCE}\"\n")
    out = tmp_path / "deck.pptx"
    build(path, out)
    words = deck_words(out).replace("\n", " ").replace("\x0b", " ")
    for text in (LONG, LONG_TOO, ORGANISATION, SOURCE):
        assert text in words
    # the only ellipsis is a progress label, whose words stand in full on the divider
    assert words.count("…") == words.count("the ones that…") + words.count("vendor…")


@pytest.mark.render
@pytest.mark.parametrize("look", [*sorted(THEMES), "martin-template.pptx"])
def test_the_real_deck_renders_inside_its_shapes(tmp_path, look):
    libreoffice.require_tools()
    head = WORKSHOP + (f"theme: {look}\n" if look in THEMES else "")
    out = tmp_path / "deck.pptx"
    build(write(tmp_path, REAL, head), out,
          options=BuildOptions(template=TEMPLATES / look) if look not in THEMES else BuildOptions())
    result = libreoffice.render(out, tmp_path)
    assert result.pages == result.slides
    assert result.outside == [], [(w.page + 1, w.text) for w in result.outside[:10]]
