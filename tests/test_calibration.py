"""Calibrate deck.measure.text's line breaking against what LibreOffice really draws.

One .pptx holds a few hundred seeded paragraphs (Dutch/English-like words, long compounds,
hyphens, dashes, punctuation) in Calibri and Arial, regular and bold, at 20-36 pt, in boxes of
varied widths, some with zero insets and some with python-pptx's default insets (7.2 pt left
and right). LibreOffice converts it to PDF once; ``pdftotext -bbox`` gives every drawn word's
box, and the words of each text box are grouped into lines by baseline.

Deck writes the text as it writes it into a slide (``drawn_text``): a word too wide for its
line broken where deck breaks it, with its hyphen and a line break. 72 more paragraphs hold such
words on purpose (a long compound, soft hyphens, an address, a path).

The assertions: deck.measure.text's line count equals LibreOffice's on >= 95 % of the paragraphs and is
never lower (an under-count is an overflow; an over-count only costs a little space); every
break LibreOffice makes is one deck.measure.text's rules allow or one deck wrote, and LibreOffice
never has to chop a word itself; baselines are exactly size x leading apart.

Results with LibreOffice 7.4.7 and SAFETY = 1.005 (this corpus, seed 20240611, 400 + 72
paragraphs): 97.2 % exact (Arial 97.5 %, Calibri 97.0 %), 0 under-counted, 13 over-counted.
Four corpora of 1000 + 72 (seeds 20240611, 1-3): 97.6 / 97.9 / 96.2 / 97.4 % exact, none under,
no word chopped by LibreOffice. Nearly all over-counts are Calibri lines that fit only because
LibreOffice kerns Carlito.

Run it as a script for a report (accuracy per SAFETY value, the first mismatching lines):

    .venv/bin/python tests/test_calibration.py [--keep DIR] [--seed N] [--n N]

The same comparison with PowerPoint: run it with --keep DIR, open DIR/calibration.pptx in
PowerPoint, save it as DIR/powerpoint.pdf, then run it again with the same seed and n and
--keep DIR --pdf DIR/powerpoint.pdf. (The rows for other SAFETY values compare texts written
out at the current SAFETY: exact for every paragraph without a word deck breaks.)
"""
from __future__ import annotations

import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deck.measure import hyphen  # noqa: E402
from deck.measure import text as dtext  # noqa: E402

SEED = 20240611
N_PARAGRAPHS = 400
SIZES = (20, 24, 28, 36)
LEADING = 1.2
SLIDE_W, SLIDE_H = 960.0, 4000.0   # points; tall slides (PowerPoint allows 56 in) hold many boxes
DEFAULT_INSET_LR, DEFAULT_INSET_TB = 7.2, 3.6   # python-pptx / PowerPoint defaults

WORDS = """
de het een en van in is dat op te zijn met voor niet aan er om ook als bij maar dan nog wel
naar uit kan tot door over wat hun meer moet geen werk mensen organisatie sociaal onderneming
waarde impact klant markt belang keuze samen leiders teams groei winst doel plan kosten jaar
resultaat medewerkers verandering strategie toekomst vertrouwen ruimte verantwoordelijkheid
the of and to a in is that for it as with was on be by this are from or have an they which
you one were all we when there can more if no out so what up about into than them only other
new some could time these two may then first any like our over also after did many before must
through back where most should because each people well such work business value customers
leadership purpose change market social enterprise impact growth promise necessity rollout
pitfalls outcome measure results revenue stakeholder community partner investment strategy
één coöperatie ideeën café naïef reünie geïnteresseerd financiële privé überhaupt
""".split()

COMPOUNDS = """
klantenservicemedewerkersopleidingstraject arbeidsongeschiktheidsverzekering
maatschappelijkverantwoordondernemen kwaliteitszorgmedewerkers stakeholdersmanagement
verandermanagementprogramma duurzaamheidsdoelstellingen organisatieontwikkeling
implementatiestrategie bedrijfsvoering waardecreatie samenwerkingsverbanden
""".split()

HYPHENATED = """
e-mail self-service sociaal-economisch top-down bottom-up co-creatie business-to-business
klantenservice-medewerker well-being long-term non-profit mkb-bedrijven ict-afdeling
win-winsituatie zorg-en-welzijn follow-up
""".split()

EXTRAS = ["2024", "15%", "€ 250", "3-5", "1.000", "–", "—", "(zie", "bijlage)", "“echt”",
          "nu:", "dus,", "etc.", "A4", "Q&A", "KPI's"]


def make_paragraph(rng: random.Random) -> str:
    n = rng.choice([1, 2, 3, 5, 8, 10, 12, 15, 20, 25, 30, 40, 45])
    words = []
    for _ in range(n):
        r = rng.random()
        if r < 0.08:
            words.append(rng.choice(COMPOUNDS))
        elif r < 0.17:
            words.append(rng.choice(HYPHENATED))
        elif r < 0.23:
            words.append(rng.choice(EXTRAS))
        else:
            w = rng.choice(WORDS)
            if rng.random() < 0.08:
                w += rng.choice(",.:;!?")
            if rng.random() < 0.05:
                w = w.capitalize()
            words.append(w)
    if rng.random() < 0.05:   # an em dash glued between two words
        words.append(rng.choice(WORDS) + "—" + rng.choice(WORDS))
    return " ".join(words)


@dataclass
class Case:
    text: str
    family: str
    bold: bool
    size: float
    box_width: float
    inset: float           # left and right inset, points
    slide: int = 0
    left: float = 0.0
    top: float = 0.0
    bottom: float = 0.0    # where the next box starts (words below belong to the next box)
    drawn: list = field(default_factory=list)   # list of lines, each a list of words
    drawn_boxes: list = field(default_factory=list)  # the same, as pdftotext word boxes

    @property
    def wrap_width(self) -> float:
        return self.box_width - 2 * self.inset

    def measured(self) -> list[str]:
        return dtext.wrap(self.text, self.family, self.size, self.wrap_width, self.bold)

    @property
    def shown(self) -> str:
        """The text as deck writes it: the breaks deck makes inside words written out."""
        return dtext.drawn_text(self.text, self.family, self.size, self.wrap_width, self.bold)


def make_cases(n: int = N_PARAGRAPHS, seed: int = SEED) -> list[Case]:
    rng = random.Random(seed)
    cases = []
    for i in range(n):
        family = ("Calibri", "Arial")[i % 2]
        bold = bool((i // 2) % 2)
        size = SIZES[(i // 4) % len(SIZES)]
        box_width = round(rng.uniform(130, 880), 1)
        inset = DEFAULT_INSET_LR if rng.random() < 0.25 else 0.0
        cases.append(Case(make_paragraph(rng), family, bold, size, box_width, inset))
    return cases


def place(cases: list[Case]) -> int:
    """Stack the boxes on tall slides. -> number of slides

    Each box gets room for twice the lines its plain width needs, plus 3 (no greedy break wastes
    more than half a line), so the placement does not depend on the wrapping under test.
    """
    slide, y = 0, 20.0
    for case in cases:
        pitch = case.size * LEADING
        width = dtext.text_width(case.text, case.family, case.size, case.bold)
        need = (2 * math.ceil(width / case.wrap_width) + 3) * pitch + 2 * DEFAULT_INSET_TB + 30
        if y + need > SLIDE_H - 20:
            slide, y = slide + 1, 20.0
        case.slide, case.left, case.top, case.bottom = slide, 40.0, y, y + need
        y += need
    return slide + 1


def build_pptx(cases: list[Case], path: Path) -> None:
    from pptx import Presentation
    from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
    from pptx.util import Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Pt(SLIDE_W), Pt(SLIDE_H)
    n_slides = place(cases)
    slides = [prs.slides.add_slide(prs.slide_layouts[6]) for _ in range(n_slides)]
    for case in cases:
        box = slides[case.slide].shapes.add_textbox(
            Pt(case.left), Pt(case.top), Pt(case.box_width), Pt(case.bottom - case.top - 30))
        tf = box.text_frame
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.margin_left = tf.margin_right = Pt(case.inset)
        tf.margin_top = tf.margin_bottom = Pt(DEFAULT_INSET_TB)
        para = tf.paragraphs[0]
        para.alignment = PP_ALIGN.LEFT
        para.line_spacing = Pt(case.size * LEADING)
        para.space_before = para.space_after = Pt(0)
        for k, part in enumerate(case.shown.split("\v")):
            if k:
                para.add_line_break()
            run = para.add_run()
            run.text = part
            run.font.name = case.family
            run.font.size = Pt(case.size)
            run.font.bold = case.bold
    prs.save(str(path))


def render(pptx: Path, workdir: Path) -> Path:
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=workdir))
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", "pdf", "--outdir", str(workdir), str(pptx)]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    pdf = workdir / (pptx.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError("LibreOffice produced no PDF")
    return pdf


def pdf_words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    from lxml import etree

    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                         check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True, huge_tree=True))
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    return [[(float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
              float(w.get("yMax")), w.text or "") for w in page.iterfind("x:word", ns)]
            for page in root.iterfind(".//x:page", ns)]


def assign(cases: list[Case], pages) -> None:
    """Give every case the lines LibreOffice drew in its box (words grouped by baseline)."""
    by_slide: dict[int, list[Case]] = {}
    for case in cases:
        by_slide.setdefault(case.slide, []).append(case)
    for slide, members in by_slide.items():
        words = pages[slide]
        for case in members:
            mine = [w for w in words if case.top <= (w[1] + w[3]) / 2 < case.bottom]
            mine.sort(key=lambda w: (w[3], w[0]))
            lines: list[list[tuple]] = []
            for w in mine:
                if lines and abs(w[3] - lines[-1][-1][3]) < case.size * LEADING / 2:
                    lines[-1].append(w)
                else:
                    lines.append([w])
            case.drawn = [[w[4] for w in sorted(line, key=lambda w: w[0])] for line in lines]
            case.drawn_boxes = lines


def compare(cases: list[Case]) -> dict:
    diffs = [len(c.measured()) - len(c.drawn) for c in cases]
    n = len(diffs)
    return {
        "n": n,
        "exact": sum(d == 0 for d in diffs) / n,
        "under": sum(d < 0 for d in diffs),
        "over": sum(d > 0 for d in diffs),
        "max_under": max([-d for d in diffs] + [0]),
        "max_over": max(diffs + [0]),
        "diffs": diffs,
    }


def _letters(s: str) -> str:
    return "".join(ch for ch in s if ch.isalnum())


# Words a renderer would chop, as deck breaks them: a compound wider than most columns, soft
# hyphens, addresses and paths; each at sizes and widths where it must break somewhere.
WORD_CASES = (
    "Het arbeidsmarktparticipatiebevorderingsprogramma loopt tot 2027.",
    "Zie https://www.example.org/kennisbank/sociaal_ondernemen/impact-meting.html voor de cijfers.",
    "Het bestand staat op /srv/projecten/2024_werkplaats/verantwoordingsrapportage_def.xlsx",
    "Arbeits\u00admarkt\u00adintegrations\u00admaßnahmen und Weiter\u00adbildungs\u00adangebote",
    "klanten\u00adservice\u00admedewerkers\u00adopleidings\u00adtraject",
    "Verantwoordelijkheidsgevoel en maatschappelijkverantwoordondernemen",
)


def word_cases() -> list[Case]:
    return [Case(text, family, bold, size, width, 0.0)
            for i, text in enumerate(WORD_CASES) for family in ("Calibri", "Arial")
            for bold in (False, True) for size, width in ((28, 150 + 45 * i), (36, 430), (20, 260))]


def run_calibration(workdir: Path, n: int = N_PARAGRAPHS, seed: int = SEED,
                    pdf: Path | None = None) -> list[Case]:
    """The cases, with the lines LibreOffice drew; or, given `pdf`, the lines in that export of
    workdir/calibration.pptx (made by PowerPoint, say)."""
    cases = make_cases(n, seed) + word_cases()
    pptx = workdir / "calibration.pptx"
    build_pptx(cases, pptx)
    pages = pdf_words(pdf or render(pptx, workdir))
    assign(cases, pages)
    return cases


def _tools_or_skip() -> None:
    missing = [tool for tool in ("soffice", "pdftotext") if shutil.which(tool) is None]
    if missing:
        msg = f"calibration needs {', '.join(missing)} (LibreOffice, poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(msg + " and CI is set: it must not be skipped")
        pytest.skip(msg)


@pytest.fixture(scope="module")
def calibrated(tmp_path_factory) -> list[Case]:
    _tools_or_skip()
    pytest.importorskip("pptx")
    return run_calibration(tmp_path_factory.mktemp("calibration"))


@pytest.mark.render
def test_every_letter_is_attributed(calibrated):
    """The harness itself: every box's drawn words are exactly its text's letters."""
    bad = [c.text for c in calibrated
           if _letters("".join(sum(c.drawn, []))) != _letters(c.text)]
    assert not bad, f"{len(bad)} boxes whose drawn letters differ, e.g. {bad[:2]}"


@pytest.mark.render
def test_line_counts_match_libreoffice(calibrated):
    stats = compare(calibrated)
    worst = [(c.text[:60], c.family, c.bold, c.size, c.wrap_width, d)
             for c, d in zip(calibrated, stats["diffs"], strict=False) if d < 0][:5]
    assert stats["max_under"] == 0, f"under-counted lines (overflow risk): {worst}"
    assert stats["exact"] >= 0.95, (
        f"only {stats['exact']:.1%} exact ({stats['over']} over-counted of {stats['n']})")


def _classified(case: Case) -> str:
    """The text as drawn, a line break deck writes taken as a space (a break opportunity)."""
    return case.shown.replace("\v", " ")


def drawn_breaks(case: Case) -> list[int]:
    """Offsets in the text as drawn where LibreOffice started its 2nd, 3rd, ... line."""
    text, pos, starts = _classified(case), 0, []
    for words in case.drawn:
        n = len("".join(words))
        while pos < len(text) and text[pos] == " ":
            pos += 1
        starts.append(pos)
        seen = 0
        while seen < n and pos < len(text):
            seen += text[pos] != " "
            pos += 1
    return starts[1:]


def classify_breaks(case: Case) -> list[tuple[str, str]]:
    """Each of LibreOffice's line breaks as ("rule" | "chop" | "other", context).

    rule: a break opportunity of deck.measure.text, or a line break deck wrote; chop: inside a
    word wider than the line, between two of deck.measure.text's clusters; other: a break
    deck.measure.text would not make.
    """
    text = _classified(case)
    face = dtext.get_face(case.family, case.bold)
    spans, pos = [], 0
    for piece in dtext._segments(text):
        spans.append((pos, pos + len(piece)))
        pos += len(piece)
    out = []
    for b in drawn_breaks(case):
        context = text[max(0, b - 12):b] + "|" + text[b:b + 8]
        if any(b == start for start, _ in spans):
            out.append(("rule", context))
            continue
        start, end = next(((s, e) for s, e in spans if s < b < e), (b, b))
        word = text[start:end].rstrip()
        cuts, at = set(), start
        for unit in hyphen.clusters(word, face.ligatures):
            cuts.add(at)
            at += len(unit)
        # LibreOffice's widths are within 0.3 % of ours: a word it chops is >= 99.7 % of the line
        wide = dtext.text_width(word, case.family, case.size, case.bold) >= 0.997 * case.wrap_width
        out.append(("chop" if wide and b in cuts else "other", context))
    return out


def _known_difference(context: str) -> bool:
    """Breaks LibreOffice makes and deck.measure.text deliberately does not (fewer breaks never give
    fewer lines): between a hyphen and a digit ("3-|5"; UAX #14 LB25 says no break there)."""
    before, after = context.split("|", 1)
    return before.endswith("-") and after[:1].isdigit()


@pytest.mark.render
def test_breaks_follow_the_rules(calibrated):
    """Every break LibreOffice makes is one of ours; it never has to chop a word itself, as deck
    broke every word too wide for its line (and wrote the break out)."""
    kinds = [kind for case in calibrated for kind in classify_breaks(case)]
    written = sum(case.shown.count("\v") for case in calibrated)
    assert sum(k == "rule" for k, _ in kinds) > 500 and written > 100
    chopped = [ctx for k, ctx in kinds if k == "chop"]
    assert not chopped, chopped[:10]
    unexplained = [ctx for k, ctx in kinds if k == "other" and not _known_difference(ctx)]
    assert not unexplained, unexplained[:10]


@pytest.mark.render
def test_words_deck_breaks_are_drawn_with_their_hyphen(calibrated):
    """A word deck breaks is drawn in the pieces deck chose, the hyphen at the end of the line."""
    for case in calibrated:
        drawn = [" ".join(words) for words in case.drawn]
        expected = [line.strip() for line in case.shown.split("\v")]
        if len(expected) > 1:
            # the piece before each written break: after the last space or hyphen of its line
            ends = [re.split(r"[\s\-\u2013\u2014]+", line.removesuffix("-"))[-1] for line in expected[:-1]]
            ends = [end + "-" if line.endswith("-") else end for end, line in zip(ends, expected, strict=False)]
            assert all(any(d.endswith(end) for d in drawn) for end in ends), (case.text, drawn, expected)


@pytest.mark.render
def test_line_pitch_is_exact(calibrated):
    """Exact line spacing: baselines are size x leading apart in LibreOffice."""
    for case in calibrated:
        bases = [line[0][3] for line in case.drawn_boxes]
        for a, b in zip(bases, bases[1:], strict=False):
            assert abs((b - a) - case.size * LEADING) < 0.6, (case.text[:40], b - a)


def report(keep: Path | None, n: int, seed: int, pdf: Path | None = None) -> None:  # pragma: no cover
    workdir = keep or Path(tempfile.mkdtemp(prefix="deck-calibration-"))
    workdir.mkdir(parents=True, exist_ok=True)
    cases = run_calibration(workdir, n, seed, pdf)
    print(f"{len(cases)} paragraphs (seed {seed}), workdir {workdir}, SAFETY {dtext.SAFETY}")
    original = dtext.SAFETY
    for safety in sorted({0.995, 1.0, 1.002, 1.004, 1.005, 1.006, 1.008, 1.01, 1.02, original}):
        dtext.SAFETY = safety
        dtext._wrapped.cache_clear()  # line breaks are kept per text and width, not per SAFETY
        s = compare(cases)
        fam = {f: compare([c for c in cases if c.family == f])["exact"]
               for f in ("Calibri", "Arial")}
        print(f"SAFETY {safety:<6} exact {s['exact']:.1%} (Calibri {fam['Calibri']:.1%},"
              f" Arial {fam['Arial']:.1%})  under {s['under']} (max {s['max_under']})"
              f"  over {s['over']} (max {s['max_over']})")
    dtext.SAFETY = original
    dtext._wrapped.cache_clear()
    kinds: dict[str, list[str]] = {}
    for c in cases:
        for kind, ctx in classify_breaks(c):
            kinds.setdefault(kind, []).append(ctx)
    print("LibreOffice's breaks:", {k: len(v) for k, v in kinds.items()},
          kinds.get("other", [])[:5])
    shown = 0
    for c in cases:
        ours = c.measured()
        if len(ours) != len(c.drawn) and shown < 12:
            shown += 1
            print(f"\n{c.family} bold={c.bold} {c.size}pt wrap {c.wrap_width:.1f}"
                  f" (inset {c.inset})")
            for line in ours:
                w = dtext.text_width(line.rstrip(), c.family, c.size, c.bold)
                print(f"  ours  {w:7.1f} |{line}|")
            for words, boxes in zip(c.drawn, c.drawn_boxes, strict=False):
                print(f"  LO    {boxes[-1][2] - c.left - c.inset:7.1f} |{' '.join(words)}|")


if __name__ == "__main__":  # pragma: no cover
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--n", type=int, default=N_PARAGRAPHS)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--pdf", type=Path, help="compare with this export of DIR/calibration.pptx instead")
    args = ap.parse_args()
    report(args.keep, args.n, args.seed, args.pdf)
