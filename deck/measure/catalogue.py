"""The fonts deck ships widths for, by the names a template or a brand gives them, and how a
family is measured (Measure, which deck.measure.fonts gives for any family).

Each family maps to the stem of its tables in deck/measure/fontdata/ (``STEM.json`` regular,
``STEM-bold.json`` bold). A metric-compatible twin (same advance widths: Carlito is Calibri,
Liberation Sans is Arial, Caladea is Cambria, ...) is measured with its original's tables, as
fontconfig's metric aliases pair them. How each table was made: scripts/font_metrics.py (Calibri,
Arial: every character of the font) and scripts/font_catalogue.py (the others: European scripts).
"""
from __future__ import annotations

# family (lower case) -> stem
SHIPPED = {
    "calibri": "calibri",
    "arial": "arial",
    "times new roman": "times-new-roman",
    "courier new": "courier-new",
    "cambria": "cambria",
    "arial narrow": "arial-narrow",
    "century gothic": "century-gothic",
    "palatino linotype": "palatino",
    "bookman old style": "bookman",
    "century schoolbook": "century-schoolbook",
    "tahoma": "tahoma",
    "montserrat": "montserrat",
    "roboto": "roboto",
    "open sans": "open-sans",
    "lato": "lato",
    "poppins": "poppins",
    "inter": "inter",
    "source sans 3": "source-sans-3",
    "raleway": "raleway",
    "nunito": "nunito",
    "noto sans": "noto-sans",
    "red hat display": "red-hat-display",
    "red hat text": "red-hat-text",
    "overpass": "overpass",
    "bebas neue": "bebas-neue",
    "oswald": "oswald",
    "merriweather": "merriweather",
    "playfair display": "playfair-display",
    "pt sans": "pt-sans",
    "work sans": "work-sans",
    "fira sans": "fira-sans",
    "ibm plex sans": "ibm-plex-sans",
    "ubuntu": "ubuntu",
    "rubik": "rubik",
    "dm sans": "dm-sans",
}

# metric-compatible twins and other names of the same widths (lower case) -> family they measure as
TWINS = {
    "carlito": "calibri",
    "liberation sans": "arial",
    "arimo": "arial",
    "albany": "arial",
    "helvetica": "arial",
    "nimbus sans": "arial",
    "nimbus sans l": "arial",
    "tex gyre heros": "arial",
    "liberation serif": "times new roman",
    "tinos": "times new roman",
    "times": "times new roman",
    "nimbus roman": "times new roman",
    "tex gyre termes": "times new roman",
    "liberation mono": "courier new",
    "cousine": "courier new",
    "courier": "courier new",
    "nimbus mono ps": "courier new",
    "caladea": "cambria",
    "liberation sans narrow": "arial narrow",
    "nimbus sans narrow": "arial narrow",
    "helvetica narrow": "arial narrow",
    "urw gothic": "century gothic",
    "itc avant garde gothic": "century gothic",
    "tex gyre adventor": "century gothic",
    "book antiqua": "palatino linotype",
    "palatino": "palatino linotype",
    "p052": "palatino linotype",
    "tex gyre pagella": "palatino linotype",
    "urw bookman": "bookman old style",
    "itc bookman": "bookman old style",
    "tex gyre bonum": "bookman old style",
    "new century schoolbook": "century schoolbook",
    "c059": "century schoolbook",
    "tex gyre schola": "century schoolbook",
    "source sans pro": "source sans 3",
}

# Words that name a weight after the family ("Calibri Light", "Montserrat Medium"): lighter weights
# are no wider than the regular face (their strokes are thinner), heavier ones no wider than bold.
HEAVIER = frozenset(("medium", "semibold", "demibold", "demi", "bold"))
# the weight an average width is looked up at
WEIGHTS = {"thin": 300, "hairline": 300, "extralight": 300, "ultralight": 300, "light": 300, "book": 400,
           "regular": 400, "normal": 400, "roman": 400, "medium": 500, "semibold": 600, "demibold": 600,
           "demi": 600, "bold": 700}


def key(family: str) -> str:
    """A family name as the tables know it: lower case, single spaces."""
    return " ".join(family.split()).lower()


def shipped_family(family: str) -> str | None:
    """The shipped family (lower case) whose widths `family` has, if any."""
    name = key(family)
    name = TWINS.get(name, name)
    return name if name in SHIPPED else None


Face = tuple[str, bool, float]  # a face deck.measure.faces knows (family, bold), and a width factor


class Measure:
    """How deck measures a family: regular text with the face `regular`, bold text with `bold`,
    each (family, bold, width factor). `how` says it in words, for `deck template inspect`.
    (A plain class: a dataclass costs every start a few milliseconds.)"""

    __slots__ = ("regular", "bold", "how")

    def __init__(self, regular: Face, bold: Face, how: str) -> None:
        self.regular, self.bold, self.how = regular, bold, how

    def __repr__(self) -> str:
        return f"Measure({self.regular!r}, {self.bold!r}, {self.how!r})"

    @property
    def exact(self) -> bool:
        return not self.how.startswith("estimated")

    @property
    def factor(self) -> float:
        """The larger width factor of the two faces."""
        return max(self.regular[2], self.bold[2])

    def face(self, bold: bool) -> Face:
        return self.bold if bold else self.regular
