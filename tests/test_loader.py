"""The loader and model: valid outlines load; each invalid one gives its exact message.

Every file in fixtures/invalid/ states what it must produce in its header:
    # expect: LINE: PATH: MESSAGE      (one per problem; all must appear)
    # expect: MESSAGE                  (a problem of the whole file, without a line)
    # expect-hint: HINT                (optional)
The test builds through `plan`, so fit problems (e.g. a headline too long) are covered too,
and it runs each case through `deck build` as well: exit 1, the message on stderr, and the
previous deck at the output path untouched.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from typer.testing import CliRunner

from deck.build import plan
from deck.cli import app
from deck.errors import DeckError
from deck.outline.reader import load
from deck.outline.source import MAX_BYTES

INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))


def expectations(path: Path) -> tuple[list[str], list[str]]:
    # Some cases are not UTF-8 or not text at all; their headers are.
    text = path.read_bytes().decode("utf-8", errors="replace")
    return re.findall(r"^# expect: (.+)$", text, re.M), re.findall(r"^# expect-hint: (.+)$", text, re.M)


def test_the_corpus_covers_at_least_30_cases():
    assert len(INVALID) >= 30


def _reported(expected: str, path: Path, message: str) -> bool:
    if re.match(r"\d+: ", expected):
        return f"{path}:{expected}" in message
    return message.startswith(str(path)) and expected in message  # a problem of the whole file


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_outline_gives_its_message(path: Path):
    expected, hints = expectations(path)
    assert expected, f"{path.name} states no expectation"
    with pytest.raises(DeckError) as caught:
        plan(path)
    message = str(caught.value)
    for line in expected:
        assert _reported(line, path, message), message
    for hint in hints:
        assert f"hint: {hint}" in message, message
    assert len(caught.value.problems) == len(expected), message


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_outline_through_the_cli_keeps_the_previous_deck(path: Path, shipped_deck: Path, tmp_path: Path):
    out = tmp_path / "deck.pptx"
    shutil.copy(shipped_deck, out)
    before = out.read_bytes()
    result = CliRunner().invoke(app, ["build", str(path), "-o", str(out)])
    assert result.exit_code == 1, result.output
    expected, hints = expectations(path)
    for line in expected:
        assert _reported(line, path, result.stderr), result.stderr
    for hint in hints:
        assert f"hint: {hint}" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert out.read_bytes() == before
    assert os.listdir(tmp_path) == ["deck.pptx"]


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


def test_a_number_too_long_to_convert_stays_text(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text(f"title: {'9' * 5000}\nsections: [{{id: a, title: A}}]\n")
    assert load(outline).outline.title == "9" * 5000


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


def test_a_path_through_a_file_is_no_such_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(DeckError, match="no such file"):
        load(tmp_path / "file" / "o.yaml")


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_a_pipe_or_device_is_refused_without_reading_it(tmp_path, special):
    path = Path(special)
    if special == "fifo":
        path = tmp_path / "o.yaml"
        os.mkfifo(path)  # opening it to read would wait for a writer forever
    with pytest.raises(DeckError) as caught:
        load(path)
    assert str(caught.value).startswith(f"{path}: is not a regular file")


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    outline = tmp_path / "o.yaml"
    body = b"title: T\nsections: [{id: a, title: A}]\n"
    outline.write_bytes(body + b"#" * (MAX_BYTES - len(body) - 1) + b"\n")
    assert load(outline).outline.title == "T"  # exactly at the limit: fine
    with outline.open("ab") as handle:
        handle.write(b"#")
    with pytest.raises(DeckError) as caught:
        load(outline)
    assert str(caught.value).startswith(f"{outline}: is larger than {MAX_BYTES:,} bytes")


def test_alias_bombs_are_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
              for i in range(1, 8)]
    outline = tmp_path / "o.yaml"
    outline.write_text("\n".join(lines) + "\ntitle: T\nsections: [{id: a, title: A}]\n")
    with pytest.raises(DeckError, match="expands to more than"):
        load(outline)


def test_nesting_too_deep_for_the_yaml_reader_is_one_message(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text("title: T\nsections: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(DeckError) as caught:
        load(outline)
    assert str(caught.value).startswith(f"{outline}: nests lists or mappings too deeply")


# --- tabs ------------------------------------------------------------------------------------

SPACES = """\
title: T
sections:
  - id: a
    title: A
    slides:
      - title: Tabs are read as the editor shows them
        bullets:
          - one
          - text: two
            sub: [a, b]
        notes: |
          First line.
          Second line.
"""


def _dump(path: Path) -> dict:
    return load(path).outline.model_dump()


@pytest.mark.parametrize("tabbed", [
    # every two spaces a tab: reads right with tabs 2 wide (the others give invalid YAML)
    SPACES.replace("  ", "\t"),
    # tabs for the levels, `- ` then spaces to align under the item: the same at any width
    "title: T\nsections:\n\t- id: a\n\t  title: A\n\t  slides:\n\t\t- title: Tabs are read as the editor shows them\n"
    "\t\t  bullets:\n\t\t\t- one\n\t\t\t- text: two\n\t\t\t  sub: [a, b]\n"
    "\t\t  notes: |\n\t\t\tFirst line.\n\t\t\tSecond line.\n",
    # a tab after the dash
    "title: T\nsections:\n-\tid: a\n\ttitle: A\n\tslides:\n\t-\ttitle: Tabs are read as the editor shows them\n"
    "\t\tbullets:\n\t\t-\tone\n\t\t-\ttext: two\n\t\t\tsub: [a, b]\n"
    "\t\tnotes: |\n\t\t\tFirst line.\n\t\t\tSecond line.\n",
], ids=["two-wide", "aligned", "after-dash"])
def test_a_tab_indented_outline_reads_as_the_space_indented_one(tmp_path, tabbed):
    (tmp_path / "spaces.yaml").write_text(SPACES)
    (tmp_path / "tabs.yaml").write_text(tabbed)
    assert _dump(tmp_path / "tabs.yaml") == _dump(tmp_path / "spaces.yaml")


def test_tabs_after_a_key_and_at_line_ends_are_spaces(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text("title:\tT\nsubtitle:\t\tSub \t\nsections:\n  - id:\ta\n    title: A\t\n")
    loaded = load(outline).outline
    assert (loaded.title, loaded.subtitle, loaded.sections[0].id) == ("T", "Sub", "a")


def test_a_tab_inside_quoted_text_is_kept(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text('title: "A\tB"\nsections: [{id: a, title: A}]\n')
    assert load(outline).outline.title == "A\tB"


def test_errors_in_a_tab_indented_outline_keep_line_and_column(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text("title: T\nsections:\n\t- id: a\n\t  title: A: B\n")
    with pytest.raises(DeckError) as caught:
        load(outline)
    # "\t  title: A: B": the second colon is the 12th character of the line
    assert str(caught.value).startswith(f"{outline}:4: invalid YAML: a ': ' inside a text that is not in quotes "
                                        "(column 12)")


# --- lines and columns after anchors, block texts and flow style ------------------------------

LINE_CASES = {
    "after an anchor and its alias": """\
title: &t T
subtitle: *t
sections:
  - id: a
    title: *t
    slides:
      - title: x
        bullets: [x]
        minutes: soon  # <-
""",
    "inside a merged mapping": """\
title: T
sections:
  - id: a
    title: A
    slides:
      - &base
        title: x
        bullets: [x]
      - <<: *base
        title: y
        minutes: soon  # <-
""",
    "after a literal block with kept blank lines": """\
title: T
sections:
  - id: a
    title: A
    message: |+
      Line one

      Line three


    minutes: soon  # <-
""",
    "after a folded block with an indentation indicator": """\
title: T
sections:
  - id: a
    title: A
    message: >2-
        Indented
      folded
      text
    minutes: soon  # <-
""",
    "after a quoted text over several lines": """\
title: "A title
  that goes on"
subtitle: 'and a subtitle
  over three

  lines'
sections:
  - id: a
    title: A
    minutes: soon  # <-
""",
    "inside a flow mapping over several lines": """\
title: T
sections: [
  {id: a, title: A},
  {id: b,
   title: B,
   minutes: soon},  # <-
]
""",
    "inside a flow sequence on one line": """\
title: T
sections: [{id: a, title: A}, {id: b, title: B, minutes: soon}]  # <-
""",
    "with windows line ends and a byte-order mark": "\ufefftitle: T\r\nsections:\r\n  - id: a\r\n"
                                                    "    title: A\r\n    minutes: soon  # <-\r\n",
    "in a tab-indented file": "title: T\nsections:\n\t- id: a\n\t  title: |\n\t\tA\n\t\tB\n\t  minutes: soon  # <-\n",
}


@pytest.mark.parametrize("text", LINE_CASES.values(), ids=LINE_CASES.keys())
def test_error_lines_are_right_after_yaml_constructs(tmp_path, text):
    outline = tmp_path / "o.yaml"
    outline.write_bytes(text.encode("utf-8"))
    marked = next(i for i, line in enumerate(text.splitlines(), 1) if line.endswith("# <-"))
    with pytest.raises(DeckError) as caught:
        load(outline)
    [problem] = caught.value.problems
    assert (problem.line, problem.path[-1], problem.message) == (marked, "minutes", "expected a number, got text")


SYNTAX_CASES = {
    "after a literal block": ("title: T\nnotes: |\n  a: b\n  c\nsubtitle: x: y\n", 5, 12),
    "after a flow sequence over lines": ("title: T\nlist: [\n  a,\n  b\n]\nsubtitle: x: y\n", 6, 12),
    "after an anchor and alias": ("a: &x 1\nb: *x\nsubtitle: x: y\n", 3, 12),
    "in an unclosed flow mapping": ("title: T\nsections: [{id: a, title: A]\n", 2, 28),
    "with a byte-order mark": ("\ufefftitle: T\nsubtitle: x: y\n", 2, 12),
}


@pytest.mark.parametrize("text, line, column", SYNTAX_CASES.values(), ids=SYNTAX_CASES.keys())
def test_syntax_errors_give_line_and_column(tmp_path, text, line, column):
    outline = tmp_path / "o.yaml"
    outline.write_bytes(text.encode("utf-8"))
    with pytest.raises(DeckError) as caught:
        load(outline)
    [problem] = caught.value.problems
    assert problem.line == line and f"(column {column})" in problem.message, problem


# --- merge keys, tags, control characters -------------------------------------------------------

def test_explicit_keys_override_merged_ones_wherever_the_merge_stands(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text("title: T\nsections:\n  - &a {id: a, title: A, message: Shared}\n"
                       "  - <<: *a\n    id: b\n  - id: c\n    <<: *a\n    title: C\n")
    sections = load(outline).outline.sections
    assert [(s.id, s.title, s.message) for s in sections] == [("a", "A", "Shared"), ("b", "A", "Shared"),
                                                              ("c", "C", "Shared")]


def test_a_merge_of_something_else_than_a_mapping_is_an_error(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_text("title: T\nsections:\n  - <<: [x]\n    id: a\n    title: A\n")
    with pytest.raises(DeckError, match=r":3: sections\[0\]: `<<:` merges a mapping"):
        load(outline)


@pytest.mark.parametrize("value, message", [
    ("!!str 15", None),
    ("!!int 15", None),
    ("!!float 1.5", None),
    ("!!int fifteen", "'fifteen' is not what its tag !!int says"),
    ("!!bool yes", "'yes' is not what its tag !!bool says"),
    ("!!binary aGVsbG8=", "tag !!binary is not allowed here"),
    ("!local x", "tag !local is not allowed here"),
    ("!!set {a, b}", "tag !!set is not allowed here"),
])
def test_explicit_tags_are_checked(tmp_path, value, message):
    outline = tmp_path / "o.yaml"
    outline.write_text(f"title: T\nsections:\n  - id: a\n    title: A\n    minutes: {value}\n")
    if message is None:
        assert load(outline).outline.sections[0].minutes == float(value.split()[1])
        return
    with pytest.raises(DeckError) as caught:
        load(outline)
    assert f"{outline}:5: sections[0].minutes: {message}" in str(caught.value)


@pytest.mark.parametrize("escape", ["\\0", "\\a", "\\x1b", "\\ud800", "\\uffff"])
def test_escaped_control_characters_are_refused(tmp_path, escape):
    outline = tmp_path / "o.yaml"
    outline.write_text(f'title: "T{escape}"\nsections: [{{id: a, title: A}}]\n')
    with pytest.raises(DeckError, match=r":1: title: contains the control character U\+"):
        load(outline)


def test_a_raw_control_character_is_refused_with_its_line(tmp_path):
    outline = tmp_path / "o.yaml"
    outline.write_bytes(b"title: T\nsubtitle: bell \x07 here\nsections: [{id: a, title: A}]\n")
    with pytest.raises(DeckError) as caught:
        load(outline)
    assert str(caught.value).startswith(f"{outline}:2: contains the control character U+0007")
