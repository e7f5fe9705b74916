"""What a presenter types wrong, and what they type right, through `deck build` and `deck check`.

Blank texts are refused at their line; a duplicate section id is reported at the second `id:`;
YAML syntax errors are said in plain words with the fix on the presenter's own text; a brand
colour below WCAG AA is replaced by its nearest passing shade, with a notice, and one that hides
the chart highlight is a warning.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from deck.cli import app

runner = CliRunner()


def build(tmp_path: Path, outline: str, *args: str):
    source = tmp_path / "outline.yaml"
    source.write_text(outline, encoding="utf-8")
    out = tmp_path / "deck.pptx"
    return runner.invoke(app, ["build", str(source), "-o", str(out), *args]), source, out


def refused(result, out: Path) -> str:
    """The refusal's text, after checking it is one: exit 1, no traceback, nothing written."""
    assert result.exit_code == 1, result.output
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert not out.exists() and not list(out.parent.glob("*.pptx"))
    return result.stderr


SECTION = "sections:\n  - id: a\n    title: A\n"


# --- blank texts --------------------------------------------------------------------------------

@pytest.mark.parametrize("title", ['""', '"   "', "''"])
def test_a_blank_deck_title_is_refused_at_its_line(tmp_path, title):
    result, source, out = build(tmp_path, f"language: en\ntitle: {title}\n" + SECTION)
    stderr = refused(result, out)
    assert stderr.startswith(f"{source}:2: title: is empty\n  hint: write the text of `title:`")


def test_an_empty_bullet_is_refused_at_its_own_line(tmp_path):
    outline = ("title: T\n" + SECTION + "    slides:\n      - title: Three things matter most\n"
               "        bullets:\n          - one\n          - \"\"\n          - three\n")
    stderr = refused(*build(tmp_path, outline)[::2])
    assert stderr == (f"{tmp_path / 'outline.yaml'}:9: sections[0].slides[0].bullets[1]: is empty\n"
                      "  hint: write the text, or remove the empty item\n")


def test_blank_optional_texts_are_refused_with_a_hint_to_leave_them_out(tmp_path):
    outline = ('title: T\nsubtitle: " "\nclosing:\n  title: ""\n' + SECTION)
    stderr = refused(*build(tmp_path, outline)[::2])
    assert ":2: subtitle: is empty\n  hint: write the text, or leave `subtitle:` out" in stderr
    assert ":4: closing.title: is empty\n  hint: write the text, or leave `title:` out" in stderr


def test_blank_stats_and_headlines_are_refused(tmp_path):
    outline = ("title: T\n" + SECTION + "    slides:\n      - kind: stats\n        title: \"\"\n"
               "        stats:\n          - value: \"\"\n            label: experts\n")
    stderr = refused(*build(tmp_path, outline)[::2])
    assert ":7: sections[0].slides[0].title: is empty" in stderr
    assert ":9: sections[0].slides[0].stats[0].value: is empty" in stderr


def test_an_empty_table_cell_is_still_allowed(tmp_path):
    outline = ("title: T\n" + SECTION + "    slides:\n      - kind: table\n        title: Costs fall in every year\n"
               "        columns: [\"\", \"2024\"]\n        rows:\n          - [Licences, \"\"]\n")
    result, _, out = build(tmp_path, outline)
    assert result.exit_code == 0, result.output
    assert out.exists()


# --- duplicate section ids ----------------------------------------------------------------------

def test_a_duplicate_section_id_is_reported_at_the_second_id(tmp_path):
    outline = ("title: T\nsections:\n  - id: pitfalls\n    title: A\n  - id: plan\n    title: B\n"
               "  - title: C\n    id: pitfalls\n")
    stderr = refused(*build(tmp_path, outline)[::2])
    assert stderr == (f"{tmp_path / 'outline.yaml'}:8: sections[2].id: section id 'pitfalls' is used twice\n"
                      "  hint: give every section its own id; the first 'pitfalls' is on line 3\n")


# --- YAML in plain words ------------------------------------------------------------------------

def test_a_question_mark_in_a_flow_list_asks_for_quotes_around_the_item(tmp_path):
    outline = ("title: T\n" + SECTION + "    slides:\n      - kind: question\n        question: What now?\n"
               "        prompts: [Is this realistic?, Who owns it?]\n")
    stderr = refused(*build(tmp_path, outline)[::2])
    assert stderr.startswith(f"{tmp_path / 'outline.yaml'}:8: invalid YAML: inside [ ] YAML reads the '?' in "
                             "'Is this realistic?' as syntax, not as text (column 36)\n")
    assert '  hint: put the item in quotes: "Is this realistic?"' in stderr


CASES = {
    "a list item one space off": ("title: T\nsections:\n  - id: a\n    title: A\n   - id: b\n     title: B\n",
                                  5, 4, "the indentation of this line matches no line above it"),
    "a key one space short": ("title: T\nsections:\n  - id: a\n    title: A\n   message: M\n",
                              5, 4, "the indentation of this line matches no line above it"),
    "a key among list items": ("title: T\nsections:\n  - id: a\n  title: A\n",
                               4, 3, "the key `title:` stands among the items of the list above"),
    "a key indented too far": ("title: T\nsections:\n  - id: a\n    title: A\n      message: M\n",
                               5, 7, "`message:` is indented further than the key above it"),
    "a colon in a text": ("title: Pricing: what we learnt\n" + SECTION, 1, 15,
                          "a ': ' inside a text that is not in quotes"),
    "a quote never closed": ('title: T\nsubtitle: "A long day\n' + SECTION, 2, 11,
                             'the quote " that starts here is never closed'),
    "an apostrophe in single quotes": ("title: 'It's late'\n" + SECTION, 1, 12, "text after the closing quote '"),
    "a text that starts with @": ("title: @team\n" + SECTION, 1, 8,
                                  "a text cannot start with '@' unless it is in quotes"),
    "an unclosed list": ("title: T\nsections: [{id: a, title: A}\nlanguage: en\n", 2, 11,
                         "the list that starts here with '[' is not closed before line 3"),
    "a key without its colon": ("title: T\nsections\n  - id: a\n", 2, 1, "`sections` has no ':' after it"),
}


@pytest.mark.parametrize("text, line, column, message", CASES.values(), ids=CASES.keys())
def test_yaml_errors_are_in_plain_words_at_their_line_and_column(tmp_path, text, line, column, message):
    stderr = refused(*build(tmp_path, text)[::2])
    assert stderr.startswith(f"{tmp_path / 'outline.yaml'}:{line}: invalid YAML: {message}"), stderr
    assert f"(column {column})\n  hint: " in stderr
    # none of the parser's own words
    assert not re.search(r"<block|<scalar|expected ',' or|mapping values|could not find|while scanning", stderr)


# --- brand colours ------------------------------------------------------------------------------

CHART = ("    slides:\n      - kind: chart\n        title: North sells the most this year\n"
         "        notes: Point at the North bar.\n        chart:\n          type: column\n"
         "          categories: [North, South]\n          series: [{name: Sales, values: [3, 2]}]\n"
         "          highlight: North\n")


def test_a_brand_accent_at_aa_is_used_with_the_aaa_shade_as_a_notice(tmp_path):
    result, source, out = build(tmp_path, 'title: T\nbrand:\n  accent: "#2E7D32"\n' + SECTION)
    assert result.exit_code == 0, result.output
    assert out.exists()
    assert (f"{source}:3: brand.accent: text (#FFFFFF) on '#2E7D32' has contrast 5.1:1, enough for WCAG AA; "
            "the theme's own colours keep 7:1 (AAA); '#256528' is the nearest shade of it that does") in result.stderr
    check = runner.invoke(app, ["check", str(source)])
    assert check.exit_code == 0, check.output
    assert "[contrast]" not in check.stdout and "info: brand.accent:" in check.stdout


def test_a_brand_colour_below_aa_is_replaced_by_a_shade_that_passes_with_a_notice(tmp_path):
    result, source, out = build(tmp_path, 'title: T\nbrand:\n  accent2: "#F39200"\n' + SECTION + CHART)
    assert result.exit_code == 0, result.output
    assert (f"{source}:3: brand.accent2: '#F39200' as text on the background (#FFFFFF) has contrast 2.4:1, "
            "needs at least 3:1 (WCAG AA for large text); the deck uses its nearest shade that does, '#D68000' "
            "(write another colour in `brand.accent2:` to choose yourself)") in result.stderr
    xml = zipfile.ZipFile(out).read("ppt/charts/chart1.xml").decode()
    assert "D68000" in xml and "F39200" not in xml
    check = runner.invoke(app, ["check", str(source)])
    assert check.exit_code == 0 and "info: brand.accent2:" in check.stdout


def test_large_text_on_the_accent_passes_at_three_to_one_where_covers_are_their_own(tmp_path):
    # White on #1E88E5 is 3.7:1: the dark theme's covers have their own colour, so only step
    # numbers, table heads and doughnut values (all large) stand on the accent.
    outline = 'title: T\nbrand:\n  accent: "#1E88E5"\n' + SECTION
    light, _, out = build(tmp_path, outline)
    assert light.exit_code == 0 and "needs at least 4.5:1" in light.stderr and "nearest shade" in light.stderr
    dark, _, out = build(tmp_path, outline, "--theme", "dark")
    assert dark.exit_code == 0, dark.output


def test_a_brand_colour_that_hides_the_chart_highlight_is_a_warning(tmp_path):
    result, source, out = build(tmp_path, 'title: T\nbrand:\n  accent: "#C0392B"\n' + SECTION + CHART)
    assert result.exit_code == 0, result.output
    said = (f"{source}:3: brand.accent: the chart highlight (#B83F12) is hard to tell from the accent (#C0392B), "
            "and the chart of 'North sells the most this year' sets a bar or a series apart in it\n"
            "  hint: set `brand.accent2:` to a colour of another hue for the highlight")
    assert said in result.stderr
    check = runner.invoke(app, ["check", str(source)])
    assert f"{source}:3: warning: brand.accent: the chart highlight (#B83F12)" in check.stdout
    assert "[chart-colours]" in check.stdout
    strict = runner.invoke(app, ["build", str(source), "-o", str(tmp_path / "strict.pptx"), "--strict"])
    assert strict.exit_code == 1 and not (tmp_path / "strict.pptx").exists()


def test_a_distinct_highlight_or_no_chart_says_nothing(tmp_path):
    apart, _, _ = build(tmp_path, 'title: T\nbrand:\n  accent: "#C0392B"\n  accent2: "#1D4E89"\n' + SECTION + CHART)
    assert apart.exit_code == 0 and "hard to tell" not in apart.stderr
    no_chart, _, _ = build(tmp_path, 'title: T\nbrand:\n  accent: "#C0392B"\n' + SECTION)
    assert no_chart.exit_code == 0 and "hard to tell" not in no_chart.stderr
