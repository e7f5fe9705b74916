"""A YAML syntax error in the words of someone writing an outline, at the place to change.

PyYAML speaks of tokens and parser states ("expected <block end>, but found '<block sequence
start>'"); the author wrote lines, keys, lists and texts. Each error the reader can meet is put as
what is wrong on the line, with a hint that shows the fix on the author's own text where it can
(the item quoted, the key lined up). A problem not recognised below keeps PyYAML's words with its
token names spelled out, never its jargon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from deck.errors import Message
from deck.outline import tabs
from deck.outline.pyyaml import yaml

# PyYAML's names for tokens, as what the author sees in the file.
_TOKENS = {
    "<block end>": "the end of the indented block",
    "<block sequence start>": "a list item ('- ')",
    "<block mapping start>": "a key",
    "<block entry>": "a list item ('- ')",
    "-": "a list item ('- ')",
    "?": "a key",
    "<scalar>": "a text",
    "<alias>": "an alias (*name)",
    "<anchor>": "an anchor (&name)",
    "<tag>": "a tag (!name)",
    "<document start>": "the start of a document ('---')",
    "<document end>": "the end of a document ('...')",
    "<stream end>": "the end of the file",
    "<stream start>": "the start of the file",
    "<directive>": "a directive ('%')",
}
_GENERAL_HINT = "check the indentation and quote texts that contain ': ' or start with a special character"


@dataclass(frozen=True)
class _Said:
    line: int  # 0-based, in the text as read
    column: int  # 0-based, in the text as read
    message: str
    hint: str | None


def problem(err: yaml.MarkedYAMLError, original: str, width: int, file: str) -> Message:
    """The syntax error as one message at its line and column (in the file as written)."""
    mark = err.problem_mark or err.context_mark
    if mark is None:
        return Message(file, None, (), f"invalid YAML: {_spelled(err.problem or str(err))}", _GENERAL_HINT)
    if "'\\t'" in (err.problem or ""):
        column = tabs.original_column(original, mark.line, mark.column, width)
        return Message(file, mark.line + 1, (), f"a tab at column {column}, where YAML allows only spaces",
                       "replace the tab with a space; tabs are fine inside quoted text")
    lines = _lines(mark)
    if mark.line >= len(lines):  # no text to point into: PyYAML's words, spelled out
        said = _Said(mark.line, mark.column, _spelled(err.problem or "is not valid YAML"), _GENERAL_HINT)
    else:
        try:
            said = _explain(err, lines)
        except IndexError:  # a mark past the end of its line: say it as PyYAML does, spelled out
            said = _Said(mark.line, mark.column, _spelled(err.problem or "is not valid YAML"), _GENERAL_HINT)
    column = tabs.original_column(original, said.line, said.column, width)
    return Message(file, said.line + 1, (), f"invalid YAML: {said.message} (column {column})", said.hint)


def _lines(mark: yaml.Mark) -> list[str]:
    buffer = getattr(mark, "buffer", None) or ""
    return [line.rstrip("\r") for line in buffer.rstrip("\0").split("\n")]


def _spelled(text: str) -> str:
    """PyYAML's own words with its token names as what they are in the file."""
    for token, words in _TOKENS.items():
        text = text.replace(f"'{token}'", words).replace(token, words)
    return text


def _explain(err: yaml.MarkedYAMLError, lines: list[str]) -> _Said:
    mark = err.problem_mark or err.context_mark
    assert mark is not None
    context = err.context or ""
    found = err.problem or ""
    at = err.context_mark
    line = lines[mark.line] if mark.line < len(lines) else ""
    alias = re.match(r"found undefined alias '(.*)'", found)
    if alias:
        name = alias.group(1)
        return _Said(mark.line, mark.column, f"*{name} refers to no anchor",
                     f"mark a value with &{name} before *{name} uses it; a text that starts with '*' goes in quotes")
    if "another document" in found:
        return _Said(mark.line, mark.column, "a second document starts here",
                     "an outline is one document: remove the `---`")
    flow = re.match(r"expected ',' or '([\]}])', but got '(.*)'", found)
    if flow and at is not None:
        return _in_brackets(flow.group(1), flow.group(2), mark, at, lines)
    block = re.match(r"expected <block end>, but found '(.*)'", found)
    if block and at is not None:
        return _out_of_line(block.group(1), "collection" in context, mark, at, lines)
    if found == "mapping values are not allowed here":
        return _colon(mark.line, mark.column, lines)
    if found == "could not find expected ':'" and at is not None:
        key, _, value = lines[at.line].strip().partition(" ")
        if key[:1] in ("[", "{", '"', "'"):
            return _Said(at.line, at.column, f"the {key[0]} that starts here is not closed on its line",
                         "close it on the same line, or check the brackets and quotes")
        if ":" in key:
            name, _, rest = key.partition(":")
            return _Said(at.line, at.column, f"`{key}` needs a space after the ':'",
                         f"write `{name}: {(rest + ' ' + value).strip()}`")
        fixed = f"{key}: {value.strip()}" if value.strip() else f"{key}:"
        return _Said(at.line, at.column, f"`{key}` has no ':' after it",
                     f"write `{fixed}` for a key, or put a text that runs over several lines in quotes")
    start = re.match(r"found character '(.)' that cannot start any token", found)
    if start:
        return _starts_with(start.group(1), mark.line, mark.column, line)
    anchor = re.match(r"found duplicate anchor '(.*)'", context)
    if anchor and at is not None:
        return _Said(mark.line, mark.column, f"&{anchor.group(1)} marks a second value (the first is on line "
                     f"{at.line + 1})", "give each anchor its own name")
    if ("anchor" in context or "alias" in context) and at is not None:
        return _starts_with(lines[at.line][at.column], at.line, at.column, lines[at.line])
    if "tag" in context or "tag handle" in found:
        where = at if at is not None and "tag" in context else mark
        return _starts_with("!", where.line, where.column, lines[where.line])
    if "directive" in context and at is not None:
        return _Said(at.line, at.column, "a line that starts with '%' is a YAML directive",
                     "remove the line, or put a text that starts with '%' in quotes")
    if "quoted scalar" in context and "unexpected" in found and at is not None:
        quote = lines[at.line][at.column]
        return _Said(at.line, at.column, f"the quote {quote} that starts here is never closed",
                     f"end the text with {quote} on the line where it ends")
    if "escape" in found and "quoted" in context:
        backslash = line.rfind("\\", 0, mark.column + 1)
        column = backslash if backslash >= 0 else mark.column
        return _Said(mark.line, column, "a backslash inside double quotes starts an escape, and this is not one",
                     "write the backslash twice (\\\\), or put the text in single quotes")
    if "block scalar" in context and at is not None:
        return _Said(at.line, at.column, f"'{lines[at.line][at.column]}' starts a block text, and only '+', '-' "
                     "or a digit may follow it on its line",
                     "start the text on the next line, indented; a text that starts with '|' or '>' goes in quotes")
    if found.startswith("expected '<document start>'"):
        return _Said(mark.line, mark.column, "text after the end of the document ('...')",
                     "remove the line with '...': an outline is one document")
    if found == "sequence entries are not allowed here" or found == "block sequence entries are not allowed here":
        return _Said(mark.line, mark.column, "a list item ('- ') cannot stand on the line of a key's value",
                     "start each list item on a line of its own, under the key; a text with ' - ' in it is fine")
    stray = re.match(r"expected the node content, but found '(.*)'", found)
    if stray:
        char = stray.group(1)
        return _Said(mark.line, mark.column, f"found '{char}' where a value should be",
                     f"remove the stray '{char}', or put a text that starts with it in quotes")
    return _Said(mark.line, mark.column, _spelled(found) or "is not valid YAML", _GENERAL_HINT)


def _quoted(text: str) -> str:
    """`text` in the quotes YAML reads it back from unchanged."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _in_brackets(close: str, got: str, mark: yaml.Mark, at: yaml.Mark, lines: list[str]) -> _Said:
    what = "list" if close == "]" else "mapping"
    opened = "[" if close == "]" else "{"
    line = lines[mark.line]
    if got == "?":
        start = max(line.rfind(c, 0, mark.column) for c in (",[{" if close == "]" else ",[{:")) + 1
        ends = [i for i in (line.find(c, mark.column + 1) for c in ",]}") if i >= 0]
        item = line[start:min(ends) if ends else len(line)].strip()
        brackets = "[ ]" if close == "]" else "{ }"
        instead = "one item a line, each starting with '- '" if close == "]" else "one `key: value` a line"
        return _Said(mark.line, mark.column, f"inside {brackets} YAML reads the '?' in '{item}' as syntax, "
                     "not as text", f"put the item in quotes: {_quoted(item)} (or write the {what} {instead})")
    if got in ("]", "}") and got != close:
        return _Said(mark.line, mark.column, f"'{got}' where '{close}' should close the {what} that starts with "
                     f"'{opened}' on line {at.line + 1}, column {at.column + 1}",
                     "close each '[' with ']' and each '{' with '}'")
    if mark.line > at.line and re.match(r"\s*[\w-]+:(\s|$)", line):  # a key of the outline again
        return _Said(at.line, at.column, f"the {what} that starts here with '{opened}' is not closed before "
                     f"line {mark.line + 1}",
                     f"end it with '{close}'; a text inside brackets that contains ': ' or ',' goes in quotes")
    return _Said(mark.line, mark.column, f"found {_TOKENS.get(got, repr(got))} inside the {what} that starts with "
                 f"'{opened}' on line {at.line + 1}, where ',' or '{close}' should come",
                 "separate the items with ', ' and put a text that contains ',', ': ', '?', '#' or brackets "
                 "in quotes")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _above(lines: list[str], index: int) -> list[tuple[int, int]]:
    """(line, column) where the lines above `index` that it could belong to start, nearest first:
    the line just above, then each line less indented than the last, up to the left margin. An
    item's key lines up with the text after its `- `, so such a line gives both columns."""
    out: list[tuple[int, int]] = []
    for number in range(index - 1, -1, -1):
        text = lines[number]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        indent = _indent(text)
        if out and indent >= out[-1][1]:
            continue
        dash = re.match(r"(?:- +)+", text[indent:])
        for column in ([indent + dash.end()] if dash else []) + [indent]:
            if column not in [seen for _, seen in out]:
                out.append((number, column))
        if indent == 0:
            break
    return out


def _out_of_line(found: str, in_list: bool, mark: yaml.Mark, at: yaml.Mark, lines: list[str]) -> _Said:
    line = lines[mark.line]
    before = line[:mark.column].rstrip()
    if found == "<scalar>" and before.endswith(("'", '"')):
        quote = before[-1]
        hint = ("put the whole text in quotes, or leave the quotes out"
                if quote == '"' else "inside single quotes write an apostrophe twice (It''s), or put the text "
                "in double quotes")
        return _Said(mark.line, mark.column, f"text after the closing quote {quote}", hint)
    if in_list and found in ("?", "<block mapping start>") and _indent(line) == at.column:
        key = line.strip().split(":")[0]
        return _Said(mark.line, mark.column, f"the key `{key}:` stands among the items of the list above",
                     f"start each list item with '- ', or indent `{key}:` under the item it belongs to")
    above = _above(lines, mark.line)
    if _indent(line) not in [indent for _, indent in above]:
        # The two nearest columns: a line one or two spaces off belongs to one of them.
        nearest = sorted(sorted(above, key=lambda place: abs(place[1] - _indent(line)))[:2], key=lambda p: -p[1])
        listed = " or ".join(f"column {indent + 1} (like line {number + 1})" for number, indent in nearest)
        return _Said(mark.line, _indent(line), "the indentation of this line matches no line above it",
                     f"line it up with the key or item it belongs to: {listed}")
    return _Said(mark.line, mark.column, f"found {_TOKENS.get(found, repr(found))} where the indented block above "
                 "should have ended", _GENERAL_HINT)


def _colon(number: int, column: int, lines: list[str]) -> _Said:
    line = lines[number]
    body = line[_indent(line):]
    lead = re.match(r"(?:- +)*", body)
    prefix = line[:_indent(line) + (lead.end() if lead else 0)]
    rest = line[len(prefix):]
    first = rest.find(": ")
    if first < 0 or len(prefix) + first >= column:
        # The line's own key: it stands deeper than the key above, so YAML reads it as more of that text.
        above = _above(lines, number)
        key = rest[:rest.find(":")].strip() if ":" in rest else rest.strip()
        target = next((indent for _, indent in above if indent < _indent(line)), 0)
        return _Said(number, _indent(line), f"`{key}:` is indented further than the key above it, so it reads as "
                     "more of that key's text", f"line `{key}:` up with the key above it (column {target + 1}), "
                     "or put a text that contains ': ' in quotes")
    key, value = rest[:first], _without_comment(rest[first + 2:]).strip()
    return _Said(number, column, "a ': ' inside a text that is not in quotes",
                 f"put the text in quotes: {prefix.strip()}{' ' if prefix.strip() else ''}{key}: {_quoted(value)}")


def _without_comment(text: str) -> str:
    found = re.search(r"\s#", text)
    return text[:found.start()] if found else text


def _starts_with(char: str, number: int, column: int, line: str) -> _Said:
    rest = line[column:]
    if _open_brackets(line[:column]):
        ends = [i for i in (rest.find(c) for c in ",]}") if i >= 0]
        rest = rest[:min(ends)] if ends else rest
    value = _without_comment(rest).strip()
    meaning = {"*": " (YAML reads *name as an alias)", "&": " (YAML reads &name as an anchor)",
               "!": " (YAML reads !name as a tag)", "|": " (YAML reads it as the start of a block text)",
               ">": " (YAML reads it as the start of a block text)"}.get(char, "")
    return _Said(number, column, f"a text cannot start with '{char}' unless it is in quotes{meaning}",
                 f"put the text in quotes: {_quoted(value)}")


def _open_brackets(text: str) -> bool:
    return text.count("[") + text.count("{") > text.count("]") + text.count("}")
