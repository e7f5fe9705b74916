"""Property tests: whatever outline a user writes, `deck build` either writes a valid deck or
says what is wrong (a DeckError); it never fails in any other way.

Examples are few (a build renders a whole deck) and derandomized, so CI runs the same ones.
"""
from __future__ import annotations

import io
import shutil
import string
import tempfile
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT
from hypothesis import HealthCheck, Phase, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from support.audit import audit

from deck import package
from deck.build import build
from deck.errors import DeckError
from deck.outline.model import SLIDE_KINDS
from deck.outline.reader import Source, parse

PICTURE = FIXTURES / "valid" / "assets" / "circles.png"


def examples(count: int) -> settings:
    # No shrinking: with a whole build per example it can take minutes; the failing example
    # is printed as generated, which is enough to reproduce it.
    return settings(max_examples=count, derandomize=True, deadline=None, database=None,
                    phases=[Phase.explicit, Phase.generate],
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def build_or_refuse(outline: Path) -> str:
    """Build `outline` next to it; return "built" or "refused", or fail on any other outcome."""
    out = outline.parent / "out" / "deck.pptx"
    try:
        result = build(outline, out)
    except DeckError as err:
        assert str(err), "a DeckError says what is wrong"
        assert not out.parent.exists() or not any(out.parent.iterdir()), "a refused build writes nothing"
        if currently_in_test_context():
            event(f"refused: {err.problems[0].message[:40]}")
        return "refused"
    from pptx import Presentation

    data = out.read_bytes()
    assert package.check(data) == []
    assert audit(out) == []
    assert len(Presentation(io.BytesIO(data)).slides) == result.slides
    if currently_in_test_context():
        event("built")
    return "built"


# --- valid outlines --------------------------------------------------------------------------

LETTERS = string.ascii_letters + "éèëêïöüçñåøßæœÉÖÅŁłžšđğış" + "社会企业的影响力日本語한국어"
word = st.text(LETTERS + string.digits, min_size=1, max_size=12)
long_word = st.text(LETTERS, min_size=20, max_size=45)
punctuation = st.sampled_from([",", ".", ":", "?", "!", " –", " —", "%", " (…)", "’s", " &", "/", "-"])


def text(max_words: int = 8) -> st.SearchStrategy[str]:
    token = st.one_of(word, word, word, long_word, st.tuples(word, punctuation).map("".join))
    return st.lists(token, min_size=1, max_size=max_words).map(" ".join)


minutes = st.integers(1, 120) | st.floats(0.5, 90, allow_nan=False).map(lambda m: round(m, 1))
notes = st.one_of(
    text(30),
    st.fixed_dictionaries({}, optional={
        "say": st.lists(text(20), max_size=3), "ask": st.lists(text(12), max_size=2),
        "do": st.lists(text(12), max_size=2), "minutes": minutes, "next": text(10)}),
)
base = {"notes": notes, "source": text(6), "minutes": minutes}


def slide(kind: str, fields: dict, optional: dict | None = None, title_required: bool = True):
    required = {"kind": st.just(kind), **fields}
    if title_required:
        required["title"] = text(7)
    extra = {key: value for key, value in {**base, **(optional or {})}.items() if key not in required}
    if not title_required:
        extra["title"] = text(7)
    return st.fixed_dictionaries(required, optional=extra)


bullet = st.one_of(text(10), st.fixed_dictionaries({"text": text(10)},
                                                    optional={"sub": st.lists(text(8), max_size=3)}))
column = st.fixed_dictionaries({"heading": text(3), "bullets": st.lists(text(6), min_size=1, max_size=4)})
stat = st.fixed_dictionaries({"value": st.sampled_from(["1.850", "30%", "€ 2 mld", "16", "3×", "½", "10:30"]),
                              "label": text(5)}, optional={"context": text(6)})
step = st.fixed_dictionaries({"title": text(2)}, optional={"text": text(6)})


@st.composite
def chart(draw) -> dict:
    kind = draw(st.sampled_from(["bar", "column", "line", "pie", "doughnut"]))
    categories = draw(st.lists(text(2), min_size=1, max_size=6, unique=True))
    count = 1 if kind in ("pie", "doughnut") else draw(st.integers(1, 3))
    low = 0 if kind in ("pie", "doughnut") else -1e6
    values = st.floats(low, 1e6, allow_nan=False, allow_infinity=False)
    series = [{"name": draw(text(2)), "values": draw(st.lists(values, min_size=len(categories),
                                                             max_size=len(categories)))}
              for _ in range(count)]
    result = {"type": kind, "categories": categories, "series": series}
    if draw(st.booleans()):
        result["highlight"] = draw(st.sampled_from(categories))
    affixes = (("prefix", st.sampled_from(["$", "€ ", "±"])), ("suffix", st.sampled_from([" %", " experts", "×"])))
    for key, affix in affixes:
        if draw(st.booleans()):
            result[key] = draw(affix)
    return result


@st.composite
def table(draw) -> dict:
    columns = draw(st.lists(text(2), min_size=1, max_size=5))
    rows = draw(st.lists(st.lists(text(4), min_size=len(columns), max_size=len(columns)), min_size=1, max_size=5))
    return {"columns": columns, "rows": rows}


SLIDES = {
    "bullets": slide("bullets", {"bullets": st.lists(bullet, min_size=1, max_size=6)}),
    "statement": slide("statement", {"text": text(12)}),
    "quote": slide("quote", {"quote": text(20), "by": text(3)}, {"role": text(4)}, title_required=False),
    "stats": slide("stats", {"stats": st.lists(stat, min_size=1, max_size=4)}),
    "compare": slide("compare", {"left": column, "right": column}),
    "steps": slide("steps", {"steps": st.lists(step, min_size=2, max_size=6)}),
    "question": slide("question", {"question": text(12)}, {"prompts": st.lists(text(5), max_size=4)}),
    "exercise": slide("exercise", {"task": text(15), "minutes": minutes},
                      {"groups": text(4), "deliverable": text(5)}),
    "image": slide("image", {"image": st.just(PICTURE.name), "alt": text(8)},
                   {"caption": text(8), "fit": st.sampled_from(["contain", "cover"])}),
    "chart": slide("chart", {"chart": chart()}),
    "table": st.tuples(slide("table", {}), table()).map(lambda pair: {**pair[0], **pair[1]}),
}


def test_every_slide_kind_is_generated():
    assert set(SLIDES) == set(SLIDE_KINDS)


@st.composite
def outlines(draw) -> dict:
    sections = []
    for i in range(draw(st.integers(1, 3))):
        section = {"id": f"part-{i}", "title": draw(text(5))}
        for key, strategy in {"message": text(12), "minutes": minutes, "divider": st.booleans()}.items():
            if draw(st.booleans()):
                section[key] = draw(strategy)
        section["slides"] = draw(st.lists(st.one_of(*SLIDES.values()), max_size=4))
        sections.append(section)
    outline = {"title": draw(text(6)), "language": draw(st.sampled_from(["en", "nl", "de", "fr", "ja", "en-GB"]))}
    optional = {
        "subtitle": text(8), "author": text(3), "organization": text(3), "date": text(3), "source": text(6),
        "workshop": st.fixed_dictionaries({"start": st.sampled_from(["09:00", "9:30", "13:45", "23:59"])},
                                          optional={"minutes": minutes}),
        "agenda": st.booleans(), "recap": st.booleans(),
        "closing": st.fixed_dictionaries({}, optional={"title": text(3), "text": text(10), "contact": text(3)}),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            outline[key] = draw(strategy)
    outline["sections"] = sections
    return outline


# Found by this test: a table row too tall for a slide at the preferred size crashed the layout.
TALL_ROW = {"title": "T", "sections": [{"id": "a", "title": "A", "slides": [
    {"kind": "table", "title": "One tall row", "columns": ["Cell"], "rows": [[" ".join(["word"] * 300)]]}]}]}


@examples(40)
@given(outlines())
@example(TALL_ROW)
def test_a_valid_outline_builds_a_valid_deck_or_says_why_not(outline):
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(PICTURE, Path(folder) / PICTURE.name)
        path = Path(folder) / "outline.yaml"
        path.write_text(yaml.safe_dump(outline, allow_unicode=True, sort_keys=False), encoding="utf-8")
        build_or_refuse(path)


# --- mutations of the shipped outline ---------------------------------------------------------

SHIPPED = (ROOT / "outline.yaml").read_text(encoding="utf-8")


def plain(value):
    """Loader values -> what yaml.safe_dump writes (numbers that keep their digits -> numbers)."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    return int(value) if isinstance(value, int) else float(value)


SHIPPED_DATA = plain(parse(SHIPPED, Source("outline.yaml", ROOT))[0])


def paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from paths(item, path + (i,))


ALL_PATHS = list(paths(SHIPPED_DATA))[1:]
odd_values = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                       st.text(max_size=30), st.just([]), st.just({}), st.lists(st.integers(), max_size=3),
                       st.dictionaries(st.sampled_from(["title", "text", "x", "kind"]), st.text(max_size=5),
                                       max_size=2), st.just("x" * 3000))


@st.composite
def data_mutations(draw) -> str:
    data = plain(SHIPPED_DATA)  # a fresh copy
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed it
        action = draw(st.sampled_from(["replace", "delete", "unknown key"]))
        if action == "replace":
            parent[path[-1]] = draw(odd_values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent[path[-1]], dict):
            parent[path[-1]][draw(st.sampled_from(["titel", "bulets", "kind", "notes", "x"]))] = draw(odd_values)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# What a damaged file holds: YAML's special characters, other text, and any bytes at all.
splices = st.one_of(
    st.text("{}[]:,&*!|>'\"%@`#-? \n\tabc", min_size=1, max_size=8).map(str.encode),
    st.text(min_size=1, max_size=4).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(min_size=1, max_size=8),
)


@st.composite
def text_mutations(draw) -> bytes:
    raw = SHIPPED.encode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        # A place anywhere in the file (drawn as a fraction: integers shrink towards the start).
        at = int(draw(st.floats(0, 1)) * len(raw))
        action = draw(st.sampled_from(["splice", "truncate", "cut", "tab", "indent"]))
        if action == "splice":
            raw = raw[:at] + draw(splices) + raw[at:]
        elif action == "truncate":
            raw = raw[:at]
        elif action == "cut":
            raw = raw[:at] + raw[at + draw(st.integers(1, 200)):]
        elif action == "tab":
            raw = raw[:at] + b"\t" + raw[at:]
        else:  # shift one line's indentation
            start = raw.rfind(b"\n", 0, at) + 1
            raw = raw[:start] + draw(st.sampled_from([b" ", b"  ", b"\t"])) + raw[start:] \
                if draw(st.booleans()) else raw[:start] + raw[start:].lstrip(b" ")
    return raw


@examples(12)
@given(data_mutations())
def test_a_mutated_outline_builds_or_says_why_not(text):
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(ROOT / "assets", Path(folder) / "assets")
        path = Path(folder) / "outline.yaml"
        path.write_text(text, encoding="utf-8")
        build_or_refuse(path)


@examples(30)
@given(text_mutations())
def test_a_damaged_outline_file_builds_or_says_why_not(raw):
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(ROOT / "assets", Path(folder) / "assets")
        path = Path(folder) / "outline.yaml"
        path.write_bytes(raw)
        build_or_refuse(path)


@pytest.mark.parametrize("kind", sorted(SLIDES))
def test_each_slide_kind_has_a_buildable_example(kind, tmp_path):
    """A plain slide of each kind builds, so the properties above do not pass by refusing all."""
    shutil.copy(PICTURE, tmp_path / PICTURE.name)
    outline = tmp_path / "outline.yaml"
    outline.write_text(yaml.safe_dump({"title": "T", "sections": [{"id": "a", "title": "A", "slides": [
        _plain_slide(kind)]}]}, allow_unicode=True, sort_keys=False))
    assert build_or_refuse(outline) == "built"


def _plain_slide(kind: str) -> dict:
    return {
        "bullets": {"title": "Bullets work", "bullets": ["één", {"text": "社会企业", "sub": ["x"]}]},
        "statement": {"kind": "statement", "title": "A claim", "text": "Social software is a means."},
        "quote": {"kind": "quote", "quote": "A quotation.", "by": "Someone"},
        "stats": {"kind": "stats", "title": "Figures", "stats": [{"value": "1.850", "label": "experts"}]},
        "compare": {"kind": "compare", "title": "Two sides", "left": {"heading": "Old", "bullets": ["a"]},
                    "right": {"heading": "New", "bullets": ["b"]}},
        "steps": {"kind": "steps", "title": "Steps", "steps": [{"title": "One"}, {"title": "Two"}]},
        "question": {"kind": "question", "title": "Ask", "question": "Why?"},
        "exercise": {"kind": "exercise", "title": "Do", "task": "Map it.", "minutes": 10},
        "image": {"kind": "image", "title": "A picture", "image": PICTURE.name, "alt": "Circles"},
        "chart": {"kind": "chart", "title": "A chart", "chart": {"type": "bar", "categories": ["a", "b"],
                                                                 "series": [{"name": "s", "values": [1, 2]}]}},
        "table": {"kind": "table", "title": "A table", "columns": ["a", "b"], "rows": [["1", "2"]]},
    }[kind]


EMPTY_TEXTS = """\
title: ""
subtitle: " "
sections:
  - id: a
    title: ""
    message: ""
    slides:
      - title: ""
        bullets: ["", {text: " ", sub: [""]}]
      - {kind: statement, title: " ", text: ""}
      - {kind: quote, quote: "", by: ""}
      - {kind: stats, title: "", stats: [{value: "", label: ""}]}
      - {kind: steps, title: "", steps: [{title: ""}, {title: " "}]}
      - {kind: compare, title: "", left: {heading: "", bullets: [""]}, right: {heading: "", bullets: [""]}}
      - {kind: question, title: "", question: ""}
      - {kind: exercise, title: "", task: "", minutes: 1}
      - {kind: table, title: "", columns: [""], rows: [[""]]}
      - {kind: chart, title: "", chart: {type: bar, categories: [""], series: [{name: "", values: [0]}]}}
      - {kind: image, title: "", image: circles.png, decorative: true}
"""


def test_empty_texts_everywhere_are_refused_each_at_its_line(tmp_path):
    """The format refuses a blank text wherever it stands (the generators above draw none), each
    at the line it is written on; only a table's cells may be empty."""
    shutil.copy(PICTURE, tmp_path / PICTURE.name)
    outline = tmp_path / "outline.yaml"
    outline.write_text(EMPTY_TEXTS)
    assert build_or_refuse(outline) == "refused"
    with pytest.raises(DeckError) as caught:
        build(outline, tmp_path / "out" / "deck.pptx")
    problems = caught.value.problems
    assert {p.message for p in problems} == {"is empty"}
    blank = {n for n, line in enumerate(EMPTY_TEXTS.splitlines(), 1) if '""' in line or '" "' in line}
    assert {p.line for p in problems} == blank
    assert not [p for p in problems if "columns" in p.path or "rows" in p.path]
    assert len(problems) == 32  # one for every blank text above
