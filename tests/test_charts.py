"""Charts as users write them stay legible: colours apart, labels only where they can be read, a
suffix per series, the legend in the order of the bars, gaps in lines, and findings of `deck check`."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from support.audit import audit

from deck.build import build, plan
from deck.errors import DeckError
from deck.lint import lint
from deck.look.colour import contrast, difference
from deck.look.series import ENOUGH, MIN_APART, MIN_FILL_CONTRAST, series_colours
from deck.look.theme import THEMES
from deck.options import BuildOptions
from deck.plan import Chart, TextBox

HEAD = """\
title: Charts as users write them
language: en
sections:
  - id: one
    title: Charts
    slides:
"""
MONTHS = "[Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec]"


def outline(tmp_path: Path, slides: str) -> Path:
    path = tmp_path / "outline.yaml"
    path.write_text(HEAD + textwrap.indent(textwrap.dedent(slides), " " * 6), encoding="utf-8")
    return path


def charts(path: Path) -> list[Chart]:
    _, planned = plan(path)
    return [item for slide in planned.slides for item in slide.items if isinstance(item, Chart)]


def eight_lines() -> str:
    series = "\n".join(f"        - {{name: Region {i}, values: {[100 * i + 37 * m % 90 for m in range(12)]}}}"
                       for i in range(1, 9))
    return f"""\
    - kind: chart
      title: Bookings grew in every region this year
      chart:
        type: line
        categories: {MONTHS}
        series:
{series}
    """


def test_eight_series_get_eight_colours_that_look_apart(tmp_path):
    [chart] = charts(outline(tmp_path, eight_lines()))
    assert len(set(chart.colours)) == 8
    for i, a in enumerate(chart.colours):
        for b in chart.colours[i + 1:]:
            assert difference(a[1:], b[1:]) >= 11


def test_every_built_in_theme_and_template_offers_eight_colours():
    themes = list(THEMES.values())
    for template in sorted((FIXTURES / "templates").glob("*.p*x")):
        try:
            _, result = plan(FIXTURES / "valid" / "evidence.yaml", options=BuildOptions(template=template))
        except DeckError:
            continue
        themes.append(result.theme)
    assert len(themes) > 3
    for theme in themes:
        colours = series_colours(theme)
        assert len(colours) >= ENOUGH, theme.name
        assert colours[0] == theme.palette.accent
        # the highlight comes second, unless it cannot be told from the accent (a template whose
        # light text colours stand on a dark body)
        assert colours[1] == theme.palette.highlight or \
            difference(theme.palette.accent, theme.palette.highlight) < MIN_APART


def test_a_highlighted_slice_is_the_only_one_in_its_colour(tmp_path):
    path = outline(tmp_path, """\
        - kind: chart
          title: Water takes half of the money
          chart:
            type: doughnut
            categories: [Water, Sanitation, Training, Monitoring, Management]
            series: [{name: Spending, values: [4270, 1810, 1120, 790, 640]}]
            highlight: Training
        """)
    [chart] = charts(path)
    highlight = "#" + THEMES["light"].palette.highlight
    assert chart.colours[2] == highlight
    assert len(set(chart.colours)) == 5
    assert all(difference(c[1:], highlight[1:]) >= 20 for i, c in enumerate(chart.colours) if i != 2)
    # Each value on the ring in the ink or the background colour, whichever reads on its slice.
    out = tmp_path / "deck.pptx"
    build(path, out)
    assert audit(out) == []
    [shape] = [s for s in Presentation(str(out)).slides[3].shapes if s.shape_type == MSO_SHAPE_TYPE.CHART]
    palette = THEMES["light"].palette
    for point, colour in zip(shape.chart.series[0].points, chart.colours, strict=True):
        text = str(point.data_label.font.color.rgb)
        assert text in (palette.ink, palette.background)
        assert contrast(text, colour[1:]) >= max(contrast(palette.ink, colour[1:]),
                                                  contrast(palette.background, colour[1:]))


def test_labels_on_many_points_are_left_to_the_axis_or_the_line_ends(tmp_path):
    values = [round(50 + 10 * (i % 7) + i / 3, 1) for i in range(80)]
    categories = [f"W{i}" for i in range(80)]
    [chart] = charts(outline(tmp_path, f"""\
        - kind: chart
          title: Weight falls slowly over eighty weeks
          chart:
            type: line
            categories: {categories}
            series: [{{name: Weight, values: {values}, suffix: " kg"}}]
        """))
    [row] = chart.labelled
    assert row[-1] and sum(row) == 1


def test_two_close_lines_keep_apart_labels_only(tmp_path):
    [chart] = charts(outline(tmp_path, f"""\
        - kind: chart
          title: Actual spending stays under budget every month
          chart:
            type: line
            categories: {MONTHS}
            series:
              - {{name: Budget, values: [50, 50, 52, 52, 54, 54, 56, 56, 58, 58, 60, 60]}}
              - {{name: Actual, values: [44, 47, 50, 51, 53, 52, 55, 54, 57, 57, 58, 59]}}
        """))
    budget, actual = chart.labelled
    assert not all(budget) and not all(actual)
    assert budget[-1] and not actual[-1]  # the two ends would cover each other: the first is kept


def test_a_few_columns_are_labelled_and_crowded_ones_get_an_axis(tmp_path):
    few, crowded = charts(outline(tmp_path, """\
        - kind: chart
          title: Two regions grew in the second year
          chart:
            type: column
            categories: [North, South]
            series: [{name: "2024", values: [1200, 650]}, {name: "2025", values: [1500, 350]}]
        - kind: chart
          title: Every region sold about the same each quarter
          chart:
            type: column
            categories: [Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8]
            series:
              - {name: North, values: [1201, 1302, 1403, 1504, 1605, 1706, 1807, 1908]}
              - {name: South, values: [1211, 1312, 1413, 1514, 1615, 1716, 1817, 1918]}
              - {name: East, values: [1221, 1322, 1423, 1524, 1625, 1726, 1827, 1928]}
              - {name: West, values: [1231, 1332, 1433, 1534, 1635, 1736, 1837, 1938]}
            suffix: " units"
        """))
    assert all(all(row) for row in few.labelled) and not few.axis
    assert not any(any(row) for row in crowded.labelled) and crowded.axis


def test_each_series_can_have_its_own_suffix(tmp_path):
    path = outline(tmp_path, """\
        - kind: chart
          title: Diners gain weight as portions grow
          chart:
            type: column
            categories: ["2023", "2024"]
            series:
              - {name: Diners, values: [120, 140]}
              - {name: Average weight, values: [78.5, 80], suffix: " kg"}
            suffix: " people"
        """)
    [chart] = charts(path)
    assert chart.formats == ('[$-409]#,##0" people"', '[$-409]#,##0.0" kg"')
    assert chart.number_format == "[$-409]#,##0"  # an axis for both units shows the bare numbers
    out = tmp_path / "deck.pptx"
    build(path, out)
    [shape] = [s for s in Presentation(str(out)).slides[3].shapes if s.shape_type == MSO_SHAPE_TYPE.CHART]
    assert [s.data_labels.number_format for s in shape.chart.series] == list(chart.formats)


def test_the_legend_runs_in_the_order_of_the_bars(tmp_path):
    path = outline(tmp_path, """\
        - kind: chart
          title: Drinking water reaches the most people everywhere
          chart:
            type: bar
            categories: [Mali, Niger, Burkina Faso]
            series:
              - {name: Drinking water, values: [98400, 71300, 42700]}
              - {name: Sanitation, values: [41200, 33800, 19600]}
              - {name: Hygiene, values: [126000, 88500, 61200]}
        """)
    _, planned = plan(path)
    [slide] = [s for s in planned.slides if s.kind == "chart"]
    legend = [item for item in slide.items if isinstance(item, TextBox) and item.name.startswith("Legend")]
    chart = next(item for item in slide.items if isinstance(item, Chart))
    assert [box.text for box in legend] == ["Drinking water", "Sanitation", "Hygiene"]
    assert [box.paras[0].bullet_color for box in legend] == list(chart.colours)
    assert [box.box.x for box in legend] == sorted(box.box.x for box in legend)
    assert not chart.legend and all(box.box.bottom <= chart.box.y for box in legend)


def test_a_line_may_stop_early_and_a_value_may_be_null(tmp_path):
    path = outline(tmp_path, """\
        - kind: chart
          title: Actuals so far follow the revised plan
          chart:
            type: line
            categories: [P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12, P13]
            series:
              - {name: Planned, values: [5, 12, 20, 29, 38, 46, 54, 61, 68, 75, 82, 88, 93]}
              - {name: Actual, values: [5, 11, null, 28, 36, 45, 52]}
        """)
    [chart] = charts(path)
    actual = chart.series[1][1]
    assert len(actual) == 13 and actual[2] is None and actual[7:] == (None,) * 6
    out = tmp_path / "deck.pptx"
    build(path, out)
    [shape] = [s for s in Presentation(str(out)).slides[3].shapes if s.shape_type == MSO_SHAPE_TYPE.CHART]
    assert list(shape.chart.series[1].values)[:8] == [5, 11, None, 28, 36, 45, 52, None]
    assert audit(out) == []


@pytest.mark.parametrize("kind, values, problem", [
    ("column", "[1, 2]", "series 'A' has 2 values for 3 categories"),
    ("line", "[1, 2, 3, 4]", "series 'A' has 4 values for 3 categories"),
    ("line", "[null, null]", "series 'A' has no values, only null"),
    ("pie", "[1, null, 2]", "a pie chart needs a value for every slice, got null"),
])
def test_real_mistakes_in_values_are_still_refused(tmp_path, kind, values, problem):
    path = outline(tmp_path, f"""\
        - kind: chart
          title: A chart with a mistake in it
          chart:
            type: {kind}
            categories: [X, Y, Z]
            series: [{{name: A, values: {values}}}]
        """)
    with pytest.raises(DeckError) as err:
        plan(path)
    assert problem in str(err.value)


def test_check_warns_about_charts_too_crowded_to_read(tmp_path):
    path = outline(tmp_path, eight_lines())
    loaded, planned = plan(path)
    found = [f for f in lint(loaded.outline, loaded.source, THEMES["light"], planned.slides)
             if f.rule in ("chart-series", "chart-labels")]
    series = next(f for f in found if f.rule == "chart-series")
    assert series.severity == "warning" and series.field.endswith("chart.series") and series.line
    assert "8 series" in series.message
    assert any(f.rule == "chart-labels" for f in found)


def test_series_colours_stand_out_from_the_background():
    for theme in THEMES.values():
        assert all(contrast(c, theme.palette.background) >= MIN_FILL_CONTRAST for c in series_colours(theme))


def test_a_pie_names_thin_slices_in_a_legend_instead_of_piling_their_labels(tmp_path):
    thin, plain = charts(outline(tmp_path, """\
        - kind: chart
          title: Most of the money goes to water
          chart:
            type: pie
            categories: [Water, Sanitation, Training, Monitoring, Management, Audit, Other]
            series: [{name: Spending, values: [4270, 1810, 1120, 190, 140, 60, 30]}]
        - kind: chart
          title: Three in four staff are digital natives
          chart:
            type: pie
            categories: [Digital natives, Others]
            series: [{name: Staff, values: [75, 25]}]
            suffix: " %"
        """))
    [row] = thin.labelled
    assert row[:3] == (True, True, True) and not all(row) and thin.legend
    assert plain.labelled == ((True, True),) and not plain.legend
