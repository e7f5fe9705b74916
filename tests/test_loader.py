"""The loader and model: valid outlines load; each invalid one gives its exact message.

Every file in fixtures/invalid/ states what it must produce in its header:
    # expect: LINE: PATH: MESSAGE      (one per problem; all must appear)
    # expect-hint: HINT                (optional)
The test builds through `plan`, so fit problems (e.g. a headline too long) are covered too.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from deck.build import plan
from deck.errors import DeckError
from deck.loader import load

from conftest import FIXTURES, ROOT

INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))


def expectations(path: Path) -> tuple[list[str], list[str]]:
    text = path.read_text(encoding="utf-8")
    return re.findall(r"^# expect: (.+)$", text, re.M), re.findall(r"^# expect-hint: (.+)$", text, re.M)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_outline_gives_its_message(path: Path):
    expected, hints = expectations(path)
    assert expected, f"{path.name} states no expectation"
    with pytest.raises(DeckError) as caught:
        plan(path)
    message = str(caught.value)
    for line in expected:
        assert f"{path}:{line}" in message or (":" not in line.split(" ")[0] and line in message), message
    for hint in hints:
        assert f"hint: {hint}" in message, message
    assert len(caught.value.problems) == len(expected), message


@pytest.mark.parametrize("path", sorted((FIXTURES / "valid").glob("*.yaml")) + [ROOT / "outline.yaml",
                                                                                 ROOT / "outline.en.yaml"],
                         ids=lambda p: p.name)
def test_valid_outline_loads(path: Path):
    loaded = load(path)
    assert loaded.outline.sections


def test_numbers_keep_their_digits(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text("title: 2013\ndate: 2013-01-15\nsections:\n- id: a\n  title: A\n  slides:\n"
                       "  - kind: stats\n    title: Figures keep their form\n"
                       "    stats: [{value: 1.850, label: experts}, {value: 10:30, label: time}]\n")
    loaded = load(outline)
    stats = loaded.outline.sections[0].slides[0].stats
    assert [s.value for s in stats] == ["1.850", "10:30"]
    assert loaded.outline.title == "2013" and loaded.outline.date == "2013-01-15"


def test_kind_defaults_to_bullets_and_notes_accept_free_text(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text("title: T\nsections:\n- id: a\n  title: A\n  slides:\n"
                       "  - title: A slide\n    bullets: [x]\n    notes: Just say it.\n")
    slide = load(outline).outline.sections[0].slides[0]
    assert slide.kind == "bullets" and slide.notes.text == "Just say it."


def test_bom_and_crlf_are_accepted(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_bytes("\ufefftitle: Tëst\r\nsections:\r\n- {id: a, title: A}\r\n".encode("utf-8"))
    assert load(outline).outline.title == "Tëst"


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"", "is empty"),
    (b"   \n# only a comment\n", "is empty"),
    (b"title: caf\xe9\n", "is not UTF-8 text"),
    (b"PK\x03\x04\x00\x00binary", "is a binary file"),
])
def test_unreadable_files_get_one_line(tmp_path, content, message):
    outline = tmp_path / "o.yaml"
    if content is not None:
        outline.write_bytes(content)
    with pytest.raises(DeckError) as caught:
        load(outline)
    assert str(caught.value).startswith(f"{outline}") and message in str(caught.value)


def test_a_folder_is_not_an_outline(tmp_path):
    with pytest.raises(DeckError, match="is a folder"):
        load(tmp_path)


def test_alias_bombs_are_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
              for i in range(1, 8)]
    outline = tmp_path / "o.yaml"
    outline.write_text("\n".join(lines) + "\ntitle: T\nsections: [{id: a, title: A}]\n")
    with pytest.raises(DeckError, match="expands to more than"):
        load(outline)
