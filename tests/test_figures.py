"""Real figures: amounts with their units in stats rows and in tables, as presenters write them.

Stats: a row of four holds values like "€ 12,4 mln", below the big style's floor as far as a
figure still reads; longer ones move to rows of two; a figure never breaks inside; every figure
that cannot fit is reported at once, with the room it has. Tables: widths from the content,
header words whole, a number and its unit on one line, figures right-aligned under a
right-aligned header."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES
from support import libreoffice

from deck.build import build
from deck.errors import DeckError
from deck.layout import plan_deck
from deck.layout.columns import alignments, bound, column_widths, is_number
from deck.layout.kinds.stats import FIGURE_OVER_LABEL
from deck.look.theme import THEMES
from deck.measure import fonts as measure
from deck.outline.model import Outline
from deck.outline.reader import Loaded, Source
from deck.plan import Table, TextBox

FIGURES = FIXTURES / "valid" / "figures.yaml"
NBSP = "\u00a0"


def stats_outline(*rows: list[str], language: str = "nl") -> Loaded:
    slides = [{"kind": "stats", "title": f"Cijfers {n}", "stats": [{"value": v, "label": "label"} for v in values]}
              for n, values in enumerate(rows)]
    data = {"title": "Cijfers", "language": language,
            "sections": [{"id": "a", "title": "Deel", "slides": slides}]}
    return Loaded(Outline.model_validate(data), Source("figures.yaml", Path(".")))


def numbers(slide) -> list[TextBox]:
    return [item for item in slide.items if isinstance(item, TextBox) and item.name == "Number"]


def stats_slides(planned):
    return [s for s in planned.slides if s.kind == "stats"]


# --- stats --------------------------------------------------------------------------------------

@pytest.mark.parametrize("theme", ["light", "dark", "warm"])
def test_amounts_with_units_fit_a_row_of_four_at_one_size(theme):
    values = [["€ 12,4 mln", "€ 847.000", "-€ 1,93 mln", "35,3 Mio. €"],
              ["€ 1.2 million", "10,4 jaar", "6 weken", "31.500 €"],
              ["-0.8 days", "€ 847.000", "6 weken", "€ 12,4 miljoen"]]
    planned = plan_deck(stats_outline(*values), THEMES[theme])
    label = THEMES[theme].style("entry-title").size
    for slide in stats_slides(planned):
        figures = numbers(slide)
        assert len({f.paras[0].size for f in figures}) == 1  # one family
        assert all(f.paras[0].lines == 1 for f in figures)  # never broken inside
        assert figures[0].paras[0].size >= FIGURE_OVER_LABEL * label
        # two rows at most, all of a row on one line, the rows in the same columns
        assert len({f.box.y for f in figures}) in (1, 2)


def test_a_row_stays_a_row_below_the_floor_and_moves_to_two_rows_only_when_it_must():
    planned = plan_deck(stats_outline(["€ 12,4 mln", "€ 847.000", "-€ 1,93 mln", "35,3 Mio. €"],
                                      ["€ 1.2 million", "10,4 jaar", "6 weken", "€ 14,25 miljard"],
                                      ["7.6 months", "-0.8 days", "31.500 €"]), THEMES["light"])
    four, long, three = (numbers(s) for s in stats_slides(planned))
    big = THEMES["light"].style("big")
    assert len({f.box.y for f in four}) == 1 and four[0].paras[0].size < big.floor
    assert len({f.box.y for f in long}) == 2 and long[0].paras[0].size >= big.floor
    assert [f.box.x for f in long[:2]] == [f.box.x for f in long[2:]]  # a grid: figures in line
    assert len({f.box.y for f in three}) == 1


def test_the_choice_is_measured_not_counted():
    """Six wide letters need more room than fourteen narrow ones."""
    wide, narrow = "WWWWWW", "iiiiiiiiiiiiii"
    planned = plan_deck(stats_outline([wide, "1", "2", "3"], [narrow, "1", "2", "3"]), THEMES["light"])
    by_wide, by_narrow = (numbers(s) for s in stats_slides(planned))
    font = THEMES["light"].font
    assert measure.text_width(wide, font, 40, bold=True) > measure.text_width(narrow, font, 40, bold=True)
    assert len({f.box.y for f in by_wide}) == 2 and len({f.box.y for f in by_narrow}) == 1


def test_a_figure_keeps_its_no_break_spaces_and_binds_its_ordinary_ones():
    planned = plan_deck(stats_outline(["€\u00a012,4\u00a0mln", "€ 847.000"]), THEMES["light"])
    texts = [f.paras[0].text for f in numbers(stats_slides(planned)[0])]
    assert texts == [f"€{NBSP}12,4{NBSP}mln", f"€{NBSP}847.000"]


def test_every_figure_that_cannot_fit_is_reported_at_once_with_its_room():
    too_long = "€ 1.234.567.890.123,45 per jaar in totaal"
    with pytest.raises(DeckError) as caught:
        plan_deck(stats_outline([too_long, "12 %", too_long, too_long]), THEMES["light"])
    problems = caught.value.problems
    paths = [p.field for p in problems]
    assert paths == [f"sections[0].slides[0].stats[{i}].value" for i in (0, 2, 3)]
    for problem in problems:
        assert re.search(r"is \d+ pt wide at the least size a figure reads at \(\d+(\.\d+)? pt\); "
                         r"a figure on this slide has \d+ pt", problem.message)
        assert "at most about" in problem.hint and "characters" in problem.hint
        assert "$150k" not in problem.hint


def test_a_figure_that_fits_a_row_of_two_continues_rather_than_being_refused():
    value = "€ 1.234.567.890.123,45 per jaar"
    slides = stats_slides(plan_deck(stats_outline([value, "1", "2", "3"]), THEMES["light"]))
    assert [len(numbers(s)) for s in slides] == [2, 2]


def test_the_hint_offers_only_choices_that_work():
    # too wide even alone at the least size: neither fewer stats nor --allow-small would help
    value = "€ 1.234.567.890.123.456.789.012.345,67 per jaar en per inwoner"
    with pytest.raises(DeckError) as caught:
        plan_deck(stats_outline([value, "1", "2", "3"]), THEMES["light"])
    hint = caught.value.problems[0].hint
    assert "characters" in hint and "--allow-small" not in hint


def test_allow_small_lowers_the_figures_least_size_too():
    value = "€ 1.234.567,89 mln"
    loaded = stats_outline([value, "1", "2", "3"])
    small = plan_deck(loaded, THEMES["light"], allow_small=True)
    assert numbers(stats_slides(small)[0])[0].paras[0].lines == 1


# --- tables -------------------------------------------------------------------------------------

def test_numbers_with_their_units_are_recognised():
    for text in ["18.2 TB", "€ 4,8", "38 %", "+1,2", "-0,3", "£ 14.6 m", "312 / 486", "35,3 Mio. €", "10:30",
                 "-€ 1,93 mln", "7.6 months", "3–5"]:
        assert is_number(text), text
    for text in ["Strong", "Q3 2025", "Phase 2", "n/a", "ORANJE", "Version 2.1"]:
        assert not is_number(text), text
    assert bound("18.2 TB") == f"18.2{NBSP}TB"
    assert bound("18.2 TB of raw logs") == f"18.2{NBSP}TB of raw logs"
    assert bound("3 to 5 weeks") == "3 to 5 weeks"


def test_figures_keep_right_under_a_right_aligned_header_and_text_keeps_left():
    rows = [["Cluster", "Size on disk", "Growth", "Status"],
            ["lake-eu-1", "18.2 TB", "+31 %", "live"], ["lake-us-1", "912 GB", "n/a", "—"]]
    assert alignments(rows) == ["l", "r", "r", "l"]
    planned = plan_deck(Loaded(Outline.model_validate({
        "title": "T", "language": "en", "sections": [{"id": "a", "title": "A", "slides": [
            {"kind": "table", "title": "A table", "columns": rows[0], "rows": rows[1:]}]}]}),
        Source("t.yaml", Path("."))), THEMES["light"])
    table = next(i for s in planned.slides for i in s.items if isinstance(i, Table))
    for row in table.cells:
        assert [p.align for p in row] == ["l", "r", "r", "l"]


def test_header_words_stay_whole_while_a_long_first_column_wraps():
    long = "Onderhandse lening bij de Bank Nederlandse Gemeenten voor de nieuwbouw van het hoofdkantoor"
    rows = [["Omschrijving", "Aandeel", "Looptijd", "Rente", "Hoofdsom"],
            [long, "38 %", "30 jaar", "2,15 %", "€ 42,0 mln"],
            [long + " en meer", "4 %", "n.v.t.", "1,00 %", "€ 4,5 mln"]]
    for size in (20, 18):
        widths = column_widths(rows, "Calibri", size, 864, 6.0)
        assert sum(widths) == pytest.approx(864)
        for c, head in enumerate(rows[0]):
            room = widths[c] - 12
            assert measure.line_count(head, "Calibri", size, room, bold=True) == 1, head
            for row in rows[1:]:
                if c:
                    assert measure.line_count(bound(row[c]), "Calibri", size, room) == 1, row[c]
        assert widths[0] < 600 and measure.line_count(long, "Calibri", size, widths[0] - 12) > 1


def test_a_number_and_its_unit_are_one_unit_in_a_narrow_column():
    rows = [["Cluster", "Purpose", "Size on disk"],
            ["lake-eu-1", "Raw event logs from every web shop and the mobile app, kept for two years " * 3, "18.2 TB"]]
    widths = column_widths(rows, "Calibri", 20, 500, 6.0)
    assert measure.line_count(bound("18.2 TB"), "Calibri", 20, widths[2] - 12) == 1
    assert measure.line_count("Size", "Calibri", 20, widths[2] - 12, bold=True) == 1


def test_the_fewest_words_break_when_not_every_word_fits():
    words = ["Vermittlungshemmnissen", "Nachbeschäftigungspflicht", "Langzeitarbeitslosen", "Beschäftigung"]
    rows = [["A", "B", "C", "D"], words]
    widths = column_widths(rows, "Calibri", 20, 600, 6.0)
    broken = [measure.line_count(w, "Calibri", 20, widths[c] - 12) > 1 for c, w in enumerate(words)]
    assert sum(broken) == 1 and sum(widths) == pytest.approx(600)


# --- the fixture, drawn ---------------------------------------------------------------------------

@pytest.mark.render
def test_figures_render_whole_in_libreoffice(tmp_path):
    deck = tmp_path / "figures.pptx"
    build(FIGURES, deck)
    result = libreoffice.render(deck, tmp_path)
    assert result.outside == [] and result.undrawn == []
    pdf = libreoffice.to_pdf(deck, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True,
                          encoding="utf-8").stdout
    lines = [" ".join(line.replace(NBSP, " ").split()) for line in text.splitlines()]
    for figure in ["€ 12,4 mln", "-€ 1,93 mln", "35,3 Mio. €", "€ 1.2 million", "€ 14,25 miljard", "7.6 months",
                   "€ 1.234.567,89", "2,15 %", "€ 42,0 mln", "18.2 TB", "912 GB", "+31 %"]:
        assert any(figure in line for line in lines), figure
    for header in ["Aandeel", "Looptijd", "Hoofdsom"]:
        assert any(re.search(rf"\b{header}\b", line) for line in lines), header
