"""Words too wide for their line: deck breaks them with a hyphen at a sensible place (after / _ - .
in an address or a path), honours soft hyphens, and writes every such break into the slide so
that PowerPoint and LibreOffice draw the lines the layout counted."""
from __future__ import annotations

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from deck.measure import fonts, text
from deck.measure.hyphen import MIN_PART, break_points, is_path
from deck.measure.text import SAFETY, drawn_text, line_count, text_width, wrap

LONG = "arbeidsmarktparticipatiebevorderingsprogramma"
URL = "https://www.example.org/kennisbank/sociaal_ondernemen/impact-meting.html"
SHY = "\u00ad"


def shown(word: str) -> str:
    """The word with every break place marked: "-|" with a hyphen, "|" without."""
    out, last = "", 0
    for at, hyphen in break_points(word):
        out += word[last:at] + ("-|" if hyphen else "|")
        last = at
    return out + word[last:]


def fits(line: str, family: str, size: float, width: float) -> bool:
    return text_width(line.rstrip(" "), family, size) * SAFETY <= width + 1e-6


# -- where a word may break ------------------------------------------------------------------------

@pytest.mark.parametrize("word, expected", [
    (LONG, "arbeids-|markt-|par-|ti-|ci-|pa-|tie-|be-|vor-|de-|rings-|pro-|gramma"),
    ("Arbeitsmarktintegrationsmaßnahmen", "Arbeits-|mark-|tin-|te-|gra-|tions-|maß-|nah-|men"),
    ("Nachbeschäftigungspflicht", "Nach-|be-|schäf-|ti-|gungs-|pflicht"),
    ("Beschäftigungsaufnahmen", "Beschäf-|ti-|gungs-|auf-|nah-|men"),
    ("enterprise", "enter-|prise"),
])
def test_words_break_between_syllable_like_parts(word, expected):
    assert shown(word) == expected


def test_never_within_the_first_or_last_three_letters_nor_between_vowels():
    for word in (LONG, "beëindiging", "coöperatie", "ideeën", "zeeaquarium", "Ökonomie", "abcdefgh"):
        for at, _ in break_points(word):
            assert at >= MIN_PART and len(word) - at >= MIN_PART
            assert not (word[at - 1] in "aeiouy" and word[at] in "aeiouy")
    assert break_points("aaaa") == () and break_points("strengths") == ()


def test_addresses_and_paths_break_after_their_separators_without_a_hyphen():
    assert is_path(URL) and is_path("/srv/data") and is_path("C:\\data") and is_path("www.example.org")
    assert not is_path(LONG) and not is_path("e.g.") and not is_path("3.5")
    assert shown(URL) == ("https://|www.|example.|org/|kennisbank/|sociaal_|ondernemen/|impact-|meting.|html")
    assert shown("/srv/projecten/2026_werkplaats") == "/|srv/|projecten/|2026_|werkplaats"


# -- how deck breaks a word wider than its line --------------------------------------------------

def test_a_long_word_gets_a_hyphen_and_a_written_line_break():
    width = 260.0
    drawn = drawn_text(f"Het {LONG} loopt door", "Calibri", 28, width)
    lines = drawn.split("\v")
    assert len(lines) >= 3
    assert line_count(drawn, "Calibri", 28, width) == line_count(f"Het {LONG} loopt door", "Calibri", 28, width)
    # deck's own breaks end in a hyphen; once it breaks, it writes the paragraph's other line ends too
    assert lines[0].startswith("Het ") and any(line.endswith("-") for line in lines)
    assert " ".join(lines).replace("- ", "") == f"Het {LONG} loopt door"
    for line in lines[:-1]:  # each written line fits, so no renderer breaks it again
        assert line_count(line, "Calibri", 28, width) == 1
    # the pieces end at break places of the word
    places = {at for at, _ in break_points(LONG)}
    cut = lines[0].removeprefix("Het ").removesuffix("-")
    assert len(cut) in places and len(cut) + len(lines[1]) - 1 in places


def test_a_word_that_fits_is_written_as_it_is():
    assert drawn_text(f"Het {LONG}", "Calibri", 28, 2000) == f"Het {LONG}"
    # a word that fits on a line of its own moves there whole, unbroken
    assert drawn_text("een twee drie verantwoordelijkheid", "Calibri", 28, 330) == "een twee drie verantwoordelijkheid"
    assert wrap("een twee drie verantwoordelijkheid", "Calibri", 28, 330)[-1] == "verantwoordelijkheid"


def test_an_address_breaks_after_a_separator_with_no_hyphen():
    drawn = drawn_text(f"Zie {URL}", "Arial", 24, 300)
    lines = drawn.split("\v")
    assert len(lines) > 1
    assert "".join(lines) == f"Zie {URL}"  # nothing added: an address keeps its characters
    assert all(line[-1] in "/_-." for line in lines[:-1])


def test_soft_hyphens_show_a_hyphen_only_where_the_line_breaks():
    source = f"Kwaliteits{SHY}zorg{SHY}medewerkers{SHY}opleidings{SHY}traject voor iedereen"
    width = text_width("Kwaliteitszorgmedewerkers-", "Calibri", 24) * SAFETY + 2
    drawn = drawn_text(source, "Calibri", 24, width)
    assert SHY not in drawn
    assert drawn.split("\v")[0] == "Kwaliteitszorgmedewerkers-"
    assert line_count(drawn, "Calibri", 24, width) == line_count(source, "Calibri", 24, width)
    # where the whole word fits, the soft hyphens are simply left out
    assert drawn_text(source, "Calibri", 24, 2000) == source.replace(SHY, "")


def test_a_soft_hyphen_is_preferred_to_a_break_deck_would_choose():
    source = f"klanten{SHY}service{SHY}medewerkers"
    width = text_width("klantenservice-", "Arial", 24) * SAFETY + 1
    assert drawn_text(source, "Arial", 24, width) == "klantenservice-\vmedewerkers"
    assert not text.cuts_a_word(source, "Arial", 24, width)
    assert text.cuts_a_word(source.replace(SHY, ""), "Arial", 24, width)


def test_a_zero_width_space_where_a_line_ends_is_written_as_a_line_break():
    source = "klantenservice\u200bmedewerker"
    width = text_width("klantenservice", "Calibri", 24) * SAFETY + 1
    assert drawn_text(source, "Calibri", 24, width) == "klantenservice\u200b\vmedewerker"


def test_hard_breaks_are_kept():
    assert drawn_text(f"kort\n{LONG}", "Calibri", 28, 250).startswith("kort\n")
    assert drawn_text("een\vtwee", "Calibri", 28, 250) == "een\vtwee"


def test_a_stand_in_font_breaks_where_it_measures():
    width = 300.0
    assert fonts.drawn_text(LONG, "Georgia", 28, width) == text.drawn_text(LONG, "Arial", 28, width / 1.2)


WORDS = st.lists(st.sampled_from([LONG, URL, "de", "een ", "verantwoordelijkheid", f"klanten{SHY}service",
                                  "zorg-en-welzijn", "/srv/a_b/c.txt", "\u200b", "3-5", "— ", "Weiterbildungs"
                                  f"{SHY}maßnahmen", "(zie", "bijlage)"]), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(s=WORDS, family=st.sampled_from(["Calibri", "Arial"]), bold=st.booleans(),
       size=st.sampled_from([14, 18, 20, 24, 28, 36]), width=st.floats(120, 900))
def test_the_written_text_draws_the_counted_lines(s, family, bold, size, width):
    """Written out, the text has the lines the layout counted, and every written line fits whole,
    so no renderer has to break a word itself."""
    drawn = drawn_text(s, family, size, width, bold)
    assert SHY not in drawn
    assert line_count(drawn, family, size, width, bold) == line_count(s, family, size, width, bold)
    assert wrap(drawn, family, size, width, bold) == [
        line for part in drawn.split("\v") for line in wrap(part, family, size, width, bold)]
    assert not text.cuts_a_word(drawn, family, size, width, bold)
    # the letters are the author's (a space that ended a line may have given way to the line break)
    def letters(t: str) -> str:
        return t.replace(SHY, "").replace("-", "").replace("\v", "").replace(" ", "")

    assert letters(drawn) == letters(s)


# -- the slide ------------------------------------------------------------------------------------

def test_the_slide_holds_the_hyphen_and_a_line_break():
    from deck.look.theme import THEMES
    from deck.plan import Para
    from deck.render import drawing

    theme = THEMES["light"]
    para = Para(text=f"Het {LONG}", size=28, line=33.6)
    xml = drawing.paragraphs([para], theme, "nl", 250)
    p = etree.fromstring(f'<x xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{xml}</x>')[0]
    parts = [(child.tag.rpartition("}")[2], "".join(child.itertext())) for child in p if not child.tag.endswith("pPr")]
    kinds = [k for k, _ in parts]
    assert kinds[0] == "r" and "br" in kinds and kinds.count("r") == kinds.count("br") + 1
    runs = [t for k, t in parts if k == "r"]
    assert runs[0].endswith("-") and "".join(r.removesuffix("-") for r in runs) == para.text
    # the line break carries the run's size, so an empty line would be as tall as the others
    br = p.find("{http://schemas.openxmlformats.org/drawingml/2006/main}br")
    assert br[0].get("sz") == "2800"


@pytest.mark.render
def test_libreoffice_draws_no_word_broken_without_a_hyphen(tmp_path):
    """A deck full of words too wide for their columns: LibreOffice breaks none of them itself."""
    from support import libreoffice

    from deck.build import build

    deck = tmp_path / "words.pptx"
    build(FIXTURES / "stress" / "word-breaks.yaml", deck)
    result = libreoffice.render(deck, tmp_path)
    assert result.pages == result.slides
    assert result.outside == [] and result.undrawn == []
    pages, drawn = libreoffice.words(libreoffice.to_pdf(deck, tmp_path))
    source = (FIXTURES / "stress" / "word-breaks.yaml").read_text(encoding="utf-8")
    whole = {w.strip('",.:()[]') for w in source.replace("\\u00ad", "").split()}
    chopped = []
    for a, b in zip(drawn, drawn[1:], strict=False):
        joined = a.text + b.text
        if a.page == b.page and joined in whole and a.text not in whole and b.text not in whole:
            if not a.text.endswith(("-", "/", "_", ".")):
                chopped.append(f"{a.text}|{b.text}")
    assert not chopped
    assert any(w.text.endswith("-") and w.text.removesuffix("-") not in whole for w in drawn), "no word was broken"


def test_numbers_break_after_their_marks_and_never_get_a_hyphen():
    assert drawn_text("2026-2027", "Calibri", 14, 40) == "2026-\v2027"
    assert drawn_text("250.000", "Calibri", 14, 30) == "250.\v000"
    assert "-" not in drawn_text("12345678901234567890", "Calibri", 14, 40)


def test_a_range_of_numbers_stays_on_one_line():
    from deck.look.theme import THEMES
    from deck.plan import Para
    from deck.render import drawing

    lines = text.wrap("Meerjarenbegroting 2026–2029 en verder", "Calibri", 28, 260)
    assert any("2026–2029" in line for line in lines)
    para = Para(text="Meerjarenbegroting 2026–2029 en verder", size=28, line=33.6, lines=len(lines))
    assert "2026–\u20602029" in drawing.paragraphs([para], THEMES["light"], "nl", 260)
    assert "a–b" in drawing.paragraphs([Para(text="a–b", size=28, line=33.6)], THEMES["light"], "nl", 260)
