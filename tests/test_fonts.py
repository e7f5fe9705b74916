"""deck.measure.fonts: which metrics measure a family, from exact tables down to an estimate."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from deck.measure import fonts, installed, lookup
from deck.measure import text as exact
from deck.measure.catalogue import SHIPPED

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Wie deuren en ramen opent voor klanten, maakt van elke medewerker een marketeer"


@pytest.fixture(autouse=True)
def _fresh(request, monkeypatch):
    """Each family is measured afresh, and (but where a test asks for it) as on a machine that has
    it or where fontconfig is missing: no font drawn in its place."""
    if "drawn_here" not in request.keywords:
        monkeypatch.setattr(installed, "drawn_by", lambda family, bold: None)
    fonts.measure.cache_clear()
    yield
    fonts.measure.cache_clear()


def test_every_shipped_family_and_its_twins_are_exact():
    for family in SHIPPED:
        m = fonts.measure(family.title())
        assert m.exact and m.factor == 1.0 and m.how == "exact", family
    for twin, original in (("Carlito", "Calibri"), ("Liberation Serif", "Times New Roman"), ("Caladea", "Cambria"),
                           ("Helvetica", "Arial"), ("Book Antiqua", "Palatino Linotype")):
        assert fonts.text_width(SENTENCE, twin, 20) == fonts.text_width(SENTENCE, original, 20)
        assert fonts.measure(twin).how.startswith("exact, as its twin ")


def test_the_google_and_office_fonts_differ_from_arial():
    arial = fonts.text_width(SENTENCE, "Arial", 20)
    assert fonts.text_width(SENTENCE, "Montserrat", 20) > 1.1 * arial
    assert fonts.text_width(SENTENCE, "Roboto", 20) < 1.02 * arial
    assert fonts.text_width(SENTENCE, "Century Gothic", 20) > fonts.text_width(SENTENCE, "Calibri", 20)
    assert fonts.text_width(SENTENCE, "Montserrat", 20, bold=True) > fonts.text_width(SENTENCE, "Montserrat", 20)


def test_a_weight_is_measured_with_a_face_no_narrower():
    light = fonts.measure("Calibri Light")
    assert light.regular == ("Calibri", False, 1.0) and "light" in light.how
    medium = fonts.measure("Montserrat Medium")
    assert medium.regular == ("montserrat", True, 1.0)
    assert fonts.text_width(SENTENCE, "Montserrat Medium", 20) == fonts.text_width(SENTENCE, "Montserrat", 20, True)
    assert fonts.measure("Bebas Neue Regular").regular == ("bebas neue", False, 1.0)
    # a family without a bold face is emboldened, keeping its advances
    assert fonts.text_width("BEBAS", "Bebas Neue", 20, True) == fonts.text_width("BEBAS", "Bebas Neue", 20)


def test_an_installed_font_is_read_from_its_file(monkeypatch):
    carlito = installed.font_file("Carlito", False)
    if carlito is None:
        pytest.skip("Carlito is not installed")
    monkeypatch.setattr(installed, "font_file", lambda family, bold: carlito if family == "Acme Sans" else None)
    m = fonts.measure("Acme Sans")
    assert m.exact and m.how == f"exact, from the installed {carlito.name}"
    assert fonts.text_width(SENTENCE, "Acme Sans", 20) == pytest.approx(exact.text_width(SENTENCE, "Calibri", 20))
    assert fonts.wrap(SENTENCE, "Acme Sans", 20, 300) == exact.wrap(SENTENCE, "Calibri", 20, 300)


def test_fontconfig_must_find_the_family_itself():
    # fontconfig answers every name with some font; one that only looks alike is not taken
    assert installed.font_file("Verdana", False) is None
    assert installed.font_file("No Such Font 7", True) is None


def test_a_published_average_width_gives_an_estimate_without_a_notice():
    verdana = fonts.measure("Verdana")
    assert not verdana.exact and verdana.how.startswith("estimated from its average width")
    assert 1.15 < verdana.regular[2] < 1.25 and fonts.stand_in_notice("Verdana") is None
    assert fonts.measure("Georgia").regular[0] == "Times New Roman"  # a serif scales a serif
    neue_light, neue = fonts.measure("Helvetica Neue Light"), fonts.measure("Helvetica Neue")
    assert neue_light.regular == neue.regular  # a lighter weight as the regular one
    assert fonts.measure("Segoe UI Semibold").regular[2] > neue.regular[2] / 1.1


def test_nothing_known_is_the_cautious_stand_in_with_a_notice():
    m = fonts.measure("Phantom Sans 0.7")
    assert m.regular == ("Arial", False, 1.2) and not m.exact
    assert "no metrics for the font 'Phantom Sans 0.7'" in fonts.stand_in_notice("Phantom Sans 0.7")


def test_the_average_estimate_is_wide_on_real_text():
    """Measured both ways (exact table, and the estimate from the average width) on the shipped
    outlines' text, for every shipped Google font: most strings come out wider than exact."""
    strings: list[str] = []

    def walk(node):
        if isinstance(node, str) and len(node.split()) >= 2:
            strings.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for name in ("outline.yaml", "outline.en.yaml"):
        walk(yaml.safe_load((ROOT / name).read_text("utf-8")))
    shares = []
    for family in ("montserrat", "roboto", "open sans", "lato", "poppins", "inter", "source sans 3", "raleway"):
        estimate = lookup.from_average(family)
        assert estimate is not None
        for bold in (False, True):
            base, heavy, factor = estimate.face(bold)
            ratios = sorted(exact.text_width(s, base, 20, heavy) * factor / exact.text_width(s, family, 20, bold)
                            for s in strings)
            median = ratios[len(ratios) // 2]
            assert 1.0 < median < 1.15, (family, bold, median)
            shares.append(sum(r < 1 for r in ratios) / len(ratios))
    assert sum(shares) / len(shares) < 0.03


def test_built_in_themes_read_no_font_file():
    """Measuring a template's fonts costs a build in a built-in theme nothing."""
    code = ("import sys, pathlib, tempfile\n"
            "from deck.build import build\n"
            "out = pathlib.Path(tempfile.mkdtemp()) / 'deck.pptx'\n"
            "build(pathlib.Path('outline.yaml'), out)\n"
            "lazy = ('fontTools', 'deck.measure.installed', 'deck.measure.lookup')\n"
            "print(sorted(m for m in sys.modules if m.startswith(lazy)))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.drawn_here
def test_where_another_font_draws_a_missing_family_the_wider_of_the_two_measures(monkeypatch):
    dejavu = installed.font_file("DejaVu Sans", False)
    if dejavu is None:
        pytest.skip("DejaVu Sans is not installed")
    monkeypatch.setattr(installed, "drawn_by", lambda family, bold: ("DejaVu Sans", dejavu))
    m = fonts.measure("Calibri Light")
    assert "where DejaVu Sans draws it: measured as the wider of the two" in m.how
    for text in (SENTENCE, "iiii lll", "WWW MMM"):
        wider = max(exact.text_width(text, "Calibri", 20), fonts.text_width(text, "DejaVu Sans", 20))
        assert fonts.text_width(text, "Calibri Light", 20) >= wider - 1e-6
    # Calibri and Arial are never looked up: deck's own themes ask fontconfig nothing
    assert fonts.measure("Calibri").how == "exact"
    assert fonts.measure("Liberation Sans").how == "exact, as its twin arial"
