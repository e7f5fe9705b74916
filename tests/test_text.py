"""deck.measure.text: font metrics and line breaking (pure and fast; no pptx, no LibreOffice)."""
from __future__ import annotations

import ast
import json
import os
import unicodedata
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from deck.measure import hyphen, text
from deck.measure.catalogue import SHIPPED
from deck.measure.hyphen import break_points
from deck.measure.text import SAFETY, ascent_descent, line_count, text_width, wrap

FAMILIES = ("Calibri", "Arial")
SENTENCE = "Sociaal ondernemen vraagt om leiderschap, geduld en een heldere belofte."
COMPOUND = "klantenservicemedewerkersopleidingstraject"

FONT_FILES = {
    ("Calibri", False): "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
    ("Calibri", True): "/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf",
    ("Arial", False): "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    ("Arial", True): "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
}


def fits(line: str, family: str, size: float, width: float, bold: bool = False) -> bool:
    content = text._split_trailing(line)[0]  # trailing spaces (also zero-width ones) hang
    return text_width(content, family, size, bold) * SAFETY <= width + 1e-6


# -- widths -------------------------------------------------------------------------------------

@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("bold", [False, True])
def test_width_scales_linearly_with_size(family, bold):
    w10 = text_width(SENTENCE, family, 10, bold)
    assert w10 > 0
    for size in (7.5, 20, 28, 36, 96):
        assert text_width(SENTENCE, family, size, bold) == pytest.approx(w10 * size / 10)


@pytest.mark.parametrize("family", FAMILIES)
def test_bold_is_wider(family):
    assert text_width(SENTENCE, family, 28, bold=True) > text_width(SENTENCE, family, 28)


def test_families_differ_and_are_case_insensitive():
    assert text_width(SENTENCE, "Calibri", 20) < text_width(SENTENCE, "Arial", 20)
    assert text_width(SENTENCE, "calibri", 20) == text_width(SENTENCE, " CALIBRI ", 20)


def test_unknown_family_is_a_clear_error():
    with pytest.raises(ValueError, match=r"unknown font family 'Comic Sans'.*Calibri, Arial"):
        text_width("x", "Comic Sans", 20)
    with pytest.raises(ValueError, match="unknown font family"):
        wrap("x", "Verdana", 20, 100)  # estimated by deck.measure.fonts, not a table of its own


def test_size_must_be_positive():
    with pytest.raises(ValueError):
        text_width("x", "Calibri", 0)


def test_empty_and_space_widths():
    assert text_width("", "Calibri", 20) == 0
    assert text_width(" ", "Calibri", 20) == pytest.approx(463 / 2048 * 20)
    assert text_width("\u00a0", "Calibri", 20) == text_width(" ", "Calibri", 20)  # Carlito lacks it


@pytest.mark.parametrize("family,bold", list(FONT_FILES))
def test_widths_match_the_real_font(family, bold):
    path = Path(FONT_FILES[(family, bold)])
    if not path.exists():
        message = f"{path} not installed (Debian: fonts-crosextra-carlito, fonts-liberation2)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI installs them, so this check must run")
        pytest.skip(message)
    ttlib = pytest.importorskip("fontTools.ttLib")
    font = ttlib.TTFont(str(path), lazy=True)
    cmap, hmtx, upem = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    samples = (SENTENCE, COMPOUND, "ÄÖÜ äöü ß € “quotes” – — … 0123456789 @#%&*()[]{}",
               "Ωμέγα Кириллица ĳ ŀ")
    for sample in samples:
        expected = sum(hmtx[cmap[ord(ch)]][0] for ch in sample) / upem * 24
        assert text_width(sample, family, 24, bold) == pytest.approx(expected, rel=1e-12)


def test_known_calibri_widths():
    # Carlito/Calibri advances, 2048 units per em: "M" 1751, "i" 470, space 463
    assert text_width("M", "Calibri", 2048) == pytest.approx(1751)
    assert text_width("Mi i", "Calibri", 2048) == pytest.approx(1751 + 470 + 463 + 470)


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("ch", ["中", "語", "한", "あ", "😀", "👍🏽", "🇳🇱", "ก", "अ", "ش",
                                "\U0001F9D1"])
def test_missing_characters_are_never_zero(family, ch):
    w = text_width(ch, family, 20)
    assert w >= 20 * 0.99  # at least about 1 em per character the font lacks
    assert text_width(ch * 3, family, 20) == pytest.approx(3 * w)


def test_emoji_and_wide_are_conservative():
    assert text_width("😀", "Calibri", 10) >= 12.4  # Noto Color Emoji: 1.245 em
    assert text_width("中文", "Arial", 10) >= 20


def test_zero_width_characters():
    assert text_width("\u200d\ufe0f\u200b", "Calibri", 20) == 0
    assert text_width("e\u0301", "Calibri", 20) >= text_width("e", "Calibri", 20)


def test_tab_counts_a_whole_tab_stop():
    assert text_width("\t", "Arial", 20) == pytest.approx(72)


def test_ascent_descent():
    a, d = ascent_descent("Calibri")
    assert (a, d) == (1950 / 2048, 550 / 2048)
    a, d = ascent_descent("arial", bold=True)
    assert a == pytest.approx(0.905, abs=1e-3) and d == pytest.approx(0.212, abs=1e-3)
    assert text.font_metrics("Calibri")["unitsPerEm"] == 2048


def test_fontdata_is_small_and_complete():
    folder = resources.files("deck.measure").joinpath("fontdata")
    files = sorted(p.name for p in folder.iterdir() if p.name.endswith((".json", ".tsv")))
    stems = set(SHIPPED.values())
    assert {f.removesuffix(".json").removesuffix("-bold") for f in files if f.endswith(".json")} == stems
    assert all(f"{stem}.json" in files for stem in stems)
    total = sum(len(folder.joinpath(f).read_bytes()) for f in files)
    assert total < 400_000
    data = json.loads(folder.joinpath("calibri.json").read_text("utf-8"))
    assert data["source"]["family"] == "Carlito" and "ti" in data["ligatures"]


@pytest.mark.parametrize("module", ["text.py", "faces.py"])
def test_text_module_is_pure(module):
    """No pptx, no fontTools, no file reads besides the package's own JSON."""
    tree = ast.parse((Path(text.__file__).parent / module).read_text("utf-8"))
    imported = {alias.name for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    outside = {name.split(".")[0] for name in imported if not name.startswith("deck.measure.")}
    assert outside <= {"__future__", "json", "re", "unicodedata", "functools", "importlib"}


# -- wrapping -----------------------------------------------------------------------------------

def test_empty_text_is_one_line():
    assert wrap("", "Calibri", 28, 300) == [""]
    assert line_count("", "Arial", 28, 300) == 1


def test_short_text_is_one_line():
    assert wrap("Hallo wereld", "Calibri", 28, 800) == ["Hallo wereld"]


def test_breaks_at_spaces_and_trailing_spaces_hang():
    words = "een twee drie vier vijf zes zeven acht negen tien"
    lines = wrap(words, "Calibri", 28, 250)
    assert len(lines) > 1
    assert "".join(lines) == words
    assert all(line.endswith(" ") for line in lines[:-1])
    # a line may end exactly at the edge: its trailing space does not count
    first = "een twee drie"
    width = text_width(first, "Calibri", 28) * SAFETY
    assert wrap(first + " vier", "Calibri", 28, width) == [first + " ", "vier"]
    assert wrap(first + " vier", "Calibri", 28, width - 0.01)[0] == "een twee "


def test_breaks_after_hyphen_between_letters():
    word = "klantenservice-medewerker"
    width = text_width("klantenservice-", "Arial", 24) * SAFETY + 1
    assert wrap(word, "Arial", 24, width) == ["klantenservice-", "medewerker"]


def test_breaks_after_en_dash_and_around_em_dash():
    width = text_width("aaaa–b", "Calibri", 20)
    assert wrap("aaaa–bbbb", "Calibri", 20, width) == ["aaaa–", "bbbb"]
    width = text_width("bbbb", "Calibri", 20) * SAFETY + 0.5
    assert wrap("aaaa—bbbb", "Calibri", 20, width) == ["aaaa", "—", "bbbb"]
    width = text_width("aaaa—b", "Calibri", 20)
    assert wrap("aaaa—bbbb", "Calibri", 20, width) == ["aaaa—", "bbbb"]


def test_no_break_between_hyphen_and_digit_or_before_punctuation():
    assert text._segments("3-5 a-5 -x x-y") == ["3-5 ", "a-5 ", "-x ", "x-", "y"]
    assert text._segments("zo ! (zie) “echt”") == ["zo ! ", "(zie) ", "“echt”"]


def _shown(line: str, how: str) -> str:
    return line + "-" if how == "-" else line


def test_long_compound_breaks_at_the_last_syllable_place_that_fits_with_its_hyphen():
    lines = text._wrapped(COMPOUND, "Calibri", 36, 200, False)
    assert len(lines) >= 3
    assert "".join(line for line, _ in lines) == COMPOUND
    assert [how for _, how in lines] == ["-"] * (len(lines) - 1) + [""]
    places = [i for i, _ in break_points(COMPOUND)]
    at = 0
    for line, how in lines[:-1]:
        at += len(line)
        assert at in places  # "klan-|ten-|ser-|..." never "klantenservicemedewe|rkers"
        assert fits(_shown(line, how), "Calibri", 36, 200)
        # greedy: the next break place would not fit
        later = [p for p in places if p > at]
        if later:
            start = at - len(line)
            assert not fits(COMPOUND[start:later[0]] + "-", "Calibri", 36, 200)


def test_a_long_word_fills_the_line_it_starts_on():
    lines = wrap("de " + COMPOUND, "Arial", 36, 250)
    assert lines[0].startswith("de klan") and len(lines[0]) > 3
    # where no break place fits the rest of the line, the word starts a new one
    narrow = text_width("de klan-", "Arial", 36) * SAFETY - 1
    assert wrap("de " + COMPOUND, "Arial", 36, narrow)[0] == "de "


def test_a_word_with_no_break_place_is_cut_at_the_edge_never_inside_a_ligature():
    # Carlito joins "tt": a cut between clusters keeps every ligature whole
    word = "t" * 30
    assert break_points(word) == ()
    width = text_width("t" * 7 + "-", "Calibri", 28) * SAFETY / (1 - hyphen.EDGE) + 0.1
    lines = text._wrapped(word, "Calibri", 28, width, False)
    assert all(len(line) % 2 == 0 for line, _ in lines[:-1])
    assert all(how == "-" for _, how in lines[:-1])
    # Liberation Sans has no ligatures: the cut is where the word reaches the edge
    width = text_width("t" * 7 + "-", "Arial", 28) * SAFETY / (1 - hyphen.EDGE) + 0.1
    assert wrap(word, "Arial", 28, width)[0] == "t" * 7


def test_a_single_character_wider_than_the_box_still_gets_a_line():
    assert wrap("WWW", "Arial", 96, 10) == ["W", "W", "W"]


def test_hard_breaks():
    assert wrap("een\ntwee", "Calibri", 20, 500) == ["een", "twee"]
    assert wrap("een\r\ntwee\vdrie", "Calibri", 20, 500) == ["een", "twee", "drie"]
    assert wrap("\n", "Calibri", 20, 500) == ["", ""]
    assert line_count("a\n\nb", "Calibri", 20, 500) == 3


def test_soft_hyphen_and_zero_width_space_are_break_opportunities():
    width = text_width("klantenservice-", "Calibri", 24) * SAFETY + 1
    assert wrap("klantenservice\u00admedewerker", "Calibri", 24, width) == [
        "klantenservice\u00ad", "medewerker"]
    width = text_width("klantenservice", "Calibri", 24) * SAFETY + 1
    assert wrap("klantenservice\u200bmedewerker", "Calibri", 24, width) == [
        "klantenservice\u200b", "medewerker"]


def test_no_break_space_keeps_words_together():
    width = text_width("prijs €", "Calibri", 28) + 5
    lines = wrap("prijs €\u00a0250 per maand", "Calibri", 28, width)
    assert "€\u00a0250 " in lines


def test_cjk_breaks_between_ideographs():
    s = "社会的企業は約束を守る"
    lines = wrap(s, "Calibri", 20, 65)
    assert len(lines) == 4 and "".join(lines) == s


def test_line_count_matches_wrap():
    para = SENTENCE * 3
    assert line_count(para, "Arial", 28, 400, True) == len(wrap(para, "Arial", 28, 400, True))


# -- properties ---------------------------------------------------------------------------------

ALPHABET = st.sampled_from(
    list("aaaaeeeiioouu nnrrsstt      lmkdgpbvwfzhj") + list("ÄëïéèçñøßŒ")
    + list("AMWTIQ")
    + ["-", "-", "–", "—", ",", ".", "!", "(", ")", "“", "”", "'", "/", "3", "5", "\u00a0",
       "\u00ad", "\u200b", "中", "文", "😀", "e\u0301", "fi", "ti", "tt"]
)
TEXTS = st.lists(ALPHABET, max_size=120).map("".join)
WIDE_WORDS = st.lists(st.sampled_from([COMPOUND, "zorg-en-welzijn", "e-mail", "de", "een", " ",
                                       "verantwoordelijkheid", "3-5", "— ", "WWWWWW"]),
                      max_size=25).map(" ".join)


def _clusters_of(line: str, family: str, bold: bool) -> list[str]:
    content = text._split_trailing(line)[0]  # trailing spaces (also zero-width ones) hang
    return hyphen.clusters(content, text.get_face(family, bold).ligatures)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(s=st.one_of(TEXTS, WIDE_WORDS), family=st.sampled_from(FAMILIES), bold=st.booleans(),
       size=st.floats(8, 96), width=st.floats(5, 900))
@example(s="\xad!", family="Calibri", bold=False, size=17.0, width=5.0)  # no line of a soft hyphen alone
@example(s="a\xad!", family="Calibri", bold=False, size=17.0, width=5.0)
@example(s="a\u200b,", family="Calibri", bold=False, size=8.0, width=5.0)
@example(s=" \xad", family="Calibri", bold=False, size=23.0, width=5.0)
def test_wrap_preserves_text_and_every_line_fits(s, family, bold, size, width):
    lines = wrap(s, family, size, width, bold)
    assert lines and "".join(lines) == s
    assert line_count(s, family, size, width, bold) == len(lines)
    for line, how in text._wrapped(s, family, size, width, bold):
        if not fits(_shown(line, how), family, size, width, bold):
            # only a single unbreakable cluster (after a paragraph's leading spaces) may be
            # wider than the box; or a line that draws nothing (a soft hyphen ending the paragraph
            # is not drawn), but never a hyphen alone
            inked = [c for c in _clusters_of(line.lstrip(" "), family, bold) if text_width(c, family, size)]
            assert len(inked) == 1 or (not inked and how != "-"), (line, lines)
    # no line but the first starts with a space (spaces hang at the end of the line before)
    assert not any(line[:1] == " " for line in lines[1:])


@settings(max_examples=200, deadline=None)
@given(s=st.one_of(TEXTS, WIDE_WORDS), family=st.sampled_from(FAMILIES), bold=st.booleans(),
       size=st.floats(8, 96), width=st.floats(5, 900), extra=st.floats(0, 300))
def test_a_wider_box_never_needs_more_lines(s, family, bold, size, width, extra):
    wider = line_count(s, family, size, width + extra, bold)
    assert wider <= line_count(s, family, size, width, bold)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                              min_size=1, max_size=12), max_size=15),
       family=st.sampled_from(FAMILIES), size=st.floats(8, 96), width=st.floats(5, 900))
def test_any_unicode_is_measured_and_wrapped(words, family, size, width):
    s = " ".join(words)
    lines = wrap(s, family, size, width)
    assert len(lines) >= 1
    joined = "".join(lines)
    if not any(b in s for b in ("\n", "\r", "\v", "\u2028", "\u2029")):
        assert joined == s
    for ch in set(s):
        w = text_width(ch, family, size)
        assert w >= 0
        cat = unicodedata.category(ch)
        if cat[0] in "LNPS" and ch not in "\u00ad":
            assert w > 0, (ch, hex(ord(ch)))


@settings(max_examples=500, deadline=None)
@given(s=st.lists(st.sampled_from(list("ab c-–—\u00ad\u200b,!()“”中😀\t3")
                                  + ["  ", "e-mail"]), max_size=20).map("".join))
def test_fast_segmentation_equals_the_reference(s):
    assert text._segments(s) == text._segments_slow(s)
