"""YAML text -> Outline, with the line of every value for error messages.

The only module that imports yaml. We compose the node tree ourselves (instead of
yaml.safe_load) so that every value keeps its line, duplicate keys are caught (PyYAML keeps
the last one silently), alias expansion is bounded, and scalars follow the YAML 1.2 core
schema: `no`, `on`, `10:30` and `2013-01-15` stay text, and `1.850` keeps its digits.
Indentation with tabs is read the way an editor shows it (see _compose).
"""
from __future__ import annotations

import difflib
import functools
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from deck.errors import DeckError, Problem
from deck.outline.model import SLIDE_KINDS, Outline

MAX_BYTES = 2_000_000
MAX_NODES = 200_000  # values after alias expansion: far above any real outline
MAX_DEPTH = 64       # nesting of lists and mappings: an outline needs about eight levels
# Tab stops an editor may have shown: a tab-indented outline is read at each of them, and the
# readings that are valid YAML must agree (see _compose).
TAB_WIDTHS = (2, 4, 8)


class YamlInt(int):
    text: str


class YamlFloat(float):
    text: str


def _number(cls, value, text):
    number = cls(value)
    number.text = text
    return number


class _Resolver(yaml.SafeLoader):
    """YAML 1.2 core schema: only true/false, decimal numbers and null are not text."""


_Resolver.yaml_implicit_resolvers = {}
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$"), list("-+.0123456789"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
# Merge keys are YAML 1.1, not core; they are kept because they are what anchors are for in
# an outline (`<<: *defaults`), and explicit keys override merged ones wherever they stand.
_Resolver.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^<<$"), ["<"])

_TAG = "tag:yaml.org,2002:"
# Characters XML 1.0 cannot carry, so no slide can show them; YAML lets them in through
# escapes in double-quoted text ("\a", "\x07", "\ud800").
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass
class Source:
    """Where the outline came from, and the line of each value (by its field path)."""

    file: str
    folder: Path
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, path: tuple) -> int | None:
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def problem(self, path: tuple, message: str, hint: str | None = None) -> Problem:
        return Problem(self.file, self.line(path), path, message, hint)


@dataclass(frozen=True)
class Loaded:
    outline: Outline
    source: Source


def read_text(path: Path, shown: str) -> str:
    """The file's text, or one clear message about why it cannot be an outline."""
    try:
        info = path.stat()
    except OSError as err:
        if isinstance(err, (FileNotFoundError, NotADirectoryError)):
            raise DeckError.simple(shown, "no such file",
                                   "check the path, or run `deck build` in the outline's folder") from None
        raise DeckError.simple(shown, f"cannot be read: {err.strerror}", "check the path and its permissions") from None
    if stat.S_ISDIR(info.st_mode):
        raise DeckError.simple(shown, "is a folder, not an outline file", "pass the outline's .yaml file")
    if not stat.S_ISREG(info.st_mode):
        # A pipe or a device (/dev/zero) could block or never end.
        raise DeckError.simple(shown, "is not a regular file", "pass the outline's .yaml file")
    too_big = DeckError.simple(shown, f"is larger than {MAX_BYTES:,} bytes, the most an outline may be",
                               "is this the right file?")
    if info.st_size > MAX_BYTES:
        raise too_big
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the file may grow after stat
    except OSError as err:
        raise DeckError.simple(shown, f"cannot be read: {err.strerror}", "check the file's permissions") from None
    if len(data) > MAX_BYTES:
        raise too_big
    if b"\0" in data:
        raise DeckError.simple(shown, "is a binary file, not a YAML outline", "pass the outline's .yaml file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise DeckError(Problem(shown, line, (), "is not UTF-8 text",
                                "save the file as UTF-8 in your editor")) from None
    if not text.strip():
        raise DeckError.simple(shown, "is empty", "start from `outline.yaml`, the shipped example")
    return text


class _Builder:
    """Turns composed nodes into plain Python values, recording each value's line."""

    def __init__(self, source: Source):
        self.source = source
        self.problems: list[Problem] = []
        self.count = 0
        self.open: set[int] = set()  # nodes being built: an alias to one of them is a loop

    def build(self, node: yaml.Node, path: tuple) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise DeckError(self.source.problem(path, f"expands to more than {MAX_NODES:,} values",
                                                "anchors and aliases are repeated too often"))
        line = node.start_mark.line + 1
        if id(node) in self.open:  # reported where the alias stands: the line of its key
            raise DeckError(Problem(self.source.file, self.source.line(path), path,
                                    "an alias refers to the value that contains it",
                                    "an anchor's value cannot include its own alias"))
        if len(path) > MAX_DEPTH:
            raise DeckError(Problem(self.source.file, line, path[:1], f"nests more than {MAX_DEPTH} levels deep",
                                    "check the indentation and the brackets"))
        self.source.lines.setdefault(path, line)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        expected = _TAG + ("map" if isinstance(node, yaml.MappingNode) else "seq")
        if node.tag != expected:
            self._refuse_tag(node, path)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: tuple) -> dict:
        result: dict = {}
        merges = []
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                merges.append(value_node)
                continue
            key = self._scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.problems.append(Problem(self.source.file, key_node.start_mark.line + 1, path,
                                             "a key must be a name", "write keys as plain words, e.g. `title:`"))
                continue
            if key in result:
                self.problems.append(Problem(self.source.file, key_node.start_mark.line + 1, path + (key,),
                                             "key appears twice in the same mapping",
                                             f"keep one `{key}:`; YAML would silently drop the other"))
                continue
            self.source.lines.setdefault(path + (key,), key_node.start_mark.line + 1)
            result[key] = self.build(value_node, path + (key,))
        # Merged keys come last, so explicit keys win (and keep their lines) wherever the
        # `<<:` stands: a path's line is set once, by the first value built there.
        for value_node in merges:
            merged = self.build(value_node, path)
            for extra in merged if isinstance(merged, list) else [merged]:
                if not isinstance(extra, dict):
                    self.problems.append(Problem(self.source.file, value_node.start_mark.line + 1, path,
                                                 "`<<:` merges a mapping, or a list of mappings",
                                                 "write `<<: *name` with the anchor of a mapping"))
                    continue
                for key, value in extra.items():
                    result.setdefault(key, value)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: tuple) -> Any:
        tag, text = node.tag, node.value
        found = _UNSHOWABLE.search(text)
        if found:
            self.problems.append(Problem(self.source.file, node.start_mark.line + 1, path,
                                         f"contains the control character U+{ord(found.group()):04X}, "
                                         "which no slide can show",
                                         "remove the escape sequence (such as \\a, \\x07 or \\ud800) from the text"))
            return text
        if tag in (_TAG + "str", "!"):
            return text
        try:
            if tag == _TAG + "null" and _matches(tag, text):
                return None
            if tag == _TAG + "bool" and _matches(tag, text):
                return text.lower() == "true"
            if tag == _TAG + "int" and _matches(tag, text):
                return _number(YamlInt, int(text), text)
            if tag == _TAG + "float" and _matches(tag, text):
                return _number(YamlFloat, float(text), text)
        except ValueError:  # more digits than Python converts (4300): keep it as written
            return text
        self._refuse_tag(node, path)
        return text

    def _refuse_tag(self, node: yaml.Node, path: tuple) -> None:
        tag = node.tag.replace(_TAG, "!!")
        message = f"tag {tag} is not allowed here"
        if isinstance(node, yaml.ScalarNode) and node.tag in {found for found, _ in _CORE_FORMS}:
            message = f"'{node.value}' is not what its tag {tag} says"
        self.problems.append(Problem(self.source.file, node.start_mark.line + 1, path, message,
                                     "remove the tag; outlines hold plain text"))


def _matches(tag: str, text: str) -> bool:
    """Whether `text` has the form the core schema gives `tag` (explicit tags are checked too)."""
    return any(regexp.match(text) for found, regexp in _CORE_FORMS if found == tag)


_CORE_FORMS = [(tag, regexp) for resolvers in _Resolver.yaml_implicit_resolvers.values()
               for tag, regexp in resolvers if tag != _TAG + "merge"]


# --- YAML text -> node tree ----------------------------------------------------------------

# A line's indentation, with the `- ` of the list items that start on it: the part of a line
# whose width decides the structure.
_INDENT = re.compile(r"^[ \t]*(?:-[ \t]+)*", re.M)
# Tabs the YAML reader refuses although they are plain separation: after `key:` ...
_KEY_TAB = re.compile(r"^( *(?:- +)*[A-Za-z_][\w-]*:)\t[ \t]*", re.M)
# ... and at the end of a line (invisible in most editors).
_TRAILING_TAB = re.compile(r"[ \t]*\t[ \t]*(?=\r?$)", re.M)


def _expand_indentation(text: str, width: int) -> str:
    return _INDENT.sub(lambda m: m.group().expandtabs(width), text)


def _tidy_tabs(text: str) -> str:
    return _TRAILING_TAB.sub("", _KEY_TAB.sub(r"\1 ", text))


def _compose(text: str, source: Source) -> yaml.Node | None:
    """The node tree of `text`, whose indentation may use tabs.

    A tab's width is whatever the author's editor showed, so a file with tabs in its
    indentation is read with tab stops at each of TAB_WIDTHS. The readings that are valid YAML
    must agree: then that is what the author saw (only one width usually gives valid YAML when
    tabs and spaces are mixed). When two valid readings differ, what belongs where is a guess,
    and the line where they part is reported. When none is valid, the 2-wide error is reported.
    """
    if not any("\t" in m.group() for m in _INDENT.finditer(text)):
        return _compose_one(text, text, 0, source)
    readings: dict[int, yaml.Node | None | DeckError] = {}
    for width in TAB_WIDTHS:
        try:
            readings[width] = _compose_one(_expand_indentation(text, width), text, width, source)
        except DeckError as err:
            readings[width] = err
    valid = [reading for reading in readings.values() if not isinstance(reading, DeckError)]
    if not valid:
        raise readings[TAB_WIDTHS[0]]
    line = _parting_line(valid)
    if line is not None:
        raise DeckError(Problem(source.file, line, (),
                                "the indentation mixes tabs and spaces, so what belongs where depends on "
                                "how wide a tab is", "indent with spaces only, or with tabs only"))
    return valid[0]


def _compose_one(text: str, original: str, width: int, source: Source) -> yaml.Node | None:
    if "\t" not in original:  # the Python reader's tab errors are what the tab handling reads
        node = _compose_fast(text)
        if node is not _SLOW:
            return node
    try:
        try:
            return yaml.compose(text, Loader=_Resolver)
        except yaml.MarkedYAMLError as err:
            tidied = _tidy_tabs(text)
            if not _is_tab_error(err) or tidied == text:
                raise
            return yaml.compose(tidied, Loader=_Resolver)
    except yaml.MarkedYAMLError as err:
        raise DeckError(_syntax_problem(err, original, width, source)) from None
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        raise DeckError(Problem(source.file, line, (), f"contains the control character U+{err.character:04X}",
                                "remove it; it may have come along when text was copied from another program")) from None
    except yaml.YAMLError as err:
        raise DeckError(Problem(source.file, None, (), f"invalid YAML: {err}", None)) from None
    except RecursionError:
        raise DeckError(Problem(source.file, None, (), "nests lists or mappings too deeply to read",
                                "check the brackets: an outline needs only a few levels")) from None


# libyaml composes the same node tree 5 to 15 times faster than PyYAML's Python reader, with
# the same resolver, but words its errors differently, nests deeper than Python may recurse and
# differs from it in a few corners. So it reads only what it reads as the Python reader does;
# anything else (a syntax error, a corner below) is read again by the Python reader, whose
# messages and limits are the ones users see, and that reading is the result.
_SLOW = object()
# Characters the two readers count lines or words differently around: a byte order mark inside
# the text, and the line breaks of YAML 1.1 that are not \n or \r.
_SLOW_CHARACTERS = re.compile("[\ufeff\x85\u2028\u2029]")
# The tags our resolver gives; any other was written in the outline, where the readers differ.
_PLAIN_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "merge", "map", "seq")}


@functools.cache
def _fast_loader() -> type | None:
    """libyaml's loader with our resolver, if PyYAML has libyaml and libyaml bounds nesting."""
    base = getattr(yaml, "CSafeLoader", None)
    if base is None:
        return None
    loader = type("_FastResolver", (base,), {"yaml_implicit_resolvers": _Resolver.yaml_implicit_resolvers})
    try:  # libyaml before 0.2.5 recurses without limit in C, where no RecursionError stops it
        yaml.compose("[" * 1100 + "]" * 1100, Loader=loader)
    except yaml.YAMLError:
        return loader
    return None


def _compose_fast(text: str) -> yaml.Node | None | object:
    """The node tree of `text` from libyaml, or _SLOW when the Python reader must read it."""
    loader = _fast_loader()
    if loader is None or _SLOW_CHARACTERS.search(text):
        return _SLOW
    try:
        node = yaml.compose(text, Loader=loader)
    except Exception:  # whatever it is, the Python reader reads it again and says what is wrong
        return _SLOW
    if node is not None and not _read_alike(node):
        return _SLOW
    return node


def _read_alike(root: yaml.Node) -> bool:
    """Whether the Python reader gives this tree too: no path through more than MAX_DEPTH
    collections and no alias loop (it would recurse too deeply or the builder reports them), no
    `?` in a plain text inside brackets (the Python reader refuses it), no tag written in the
    outline, and no empty value as a key, inside brackets or with a tag (the two readers give
    those other lines or tags)."""
    depth: dict[int, int] = {}  # a finished node's longest path, counted in collections
    open_: set[int] = set()  # nodes whose children are being measured
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        if node.tag not in _PLAIN_TAGS:
            return False
        if isinstance(node, yaml.ScalarNode):
            if node.value == "" and not node.style and node.tag != _TAG + "null":
                return False
            continue
        mapping = isinstance(node, yaml.MappingNode)
        children = [n for pair in node.value for n in pair] if mapping else node.value
        if finished:
            open_.discard(id(node))
            depth[id(node)] = 1 + max((depth.get(id(c), 0) for c in children), default=0)
            if depth[id(node)] > MAX_DEPTH:
                return False
            continue
        if id(node) in depth:
            continue
        if id(node) in open_:  # reached again from below itself: an alias loop
            return False
        if mapping and any(isinstance(key, yaml.ScalarNode) and key.value == "" for key, _ in node.value):
            return False
        if node.flow_style and any(isinstance(c, yaml.ScalarNode) and not c.style and (c.value == "" or "?" in c.value)
                                   for c in children):
            return False
        open_.add(id(node))
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in depth)
    return True


def _is_tab_error(err: yaml.MarkedYAMLError) -> bool:
    return "'\\t'" in (err.problem or "")


def _syntax_problem(err: yaml.MarkedYAMLError, original: str, width: int, source: Source) -> Problem:
    mark = err.problem_mark or err.context_mark
    if mark is None:
        return Problem(source.file, None, (), f"invalid YAML: {err.problem or err}", None)
    column = _original_column(original, mark.line, mark.column, width)
    if _is_tab_error(err):
        return Problem(source.file, mark.line + 1, (), f"a tab at column {column}, where YAML allows only spaces",
                       "replace the tab with a space; tabs are fine inside quoted text")
    message = err.problem or "is not valid YAML"
    hint = "check the indentation and quote texts that contain ': ' or start with a special character"
    alias = re.match(r"found undefined alias '(.*)'", message)
    if alias:
        name = alias.group(1)
        message, hint = f"*{name} refers to no anchor", f"mark a value with &{name} before *{name} uses it"
    elif "another document" in message:
        message, hint = "a second document starts here", "an outline is one document: remove the `---`"
    return Problem(source.file, mark.line + 1, (), f"invalid YAML: {message} (column {column})", hint)


def _original_column(original: str, line: int, column: int, width: int) -> int:
    """The 1-based column in the file of a column in its tab-expanded text."""
    lines = original.split("\n")
    if not width or line >= len(lines):
        return column + 1
    indent = _INDENT.match(lines[line]).group()
    expanded = indent.expandtabs(width)
    if column >= len(expanded):
        return column - len(expanded) + len(indent) + 1
    return next(i for i in range(len(indent) + 1) if len(indent[:i].expandtabs(width)) >= column) + 1


def _parting_line(readings: list[yaml.Node | None]) -> int | None:
    """The first line where node trees of the same text differ, or None when they agree.

    Scalars compare with their whitespace runs as one space, so a tab inside a block text,
    which is a different number of spaces at each width, is not a difference."""
    lines = []
    first = readings[0]
    for other in readings[1:]:
        seen: set[tuple[int, int]] = set()
        stack = [(first, other)]
        while stack:
            a, b = stack.pop()
            if (id(a), id(b)) in seen:  # aliases share nodes; each pair is compared once
                continue
            seen.add((id(a), id(b)))
            if a is None or b is None or type(a) is not type(b) or a.tag != b.tag:
                if a is not None or b is not None:
                    lines.append(min(n.start_mark.line for n in (a, b) if n is not None) + 1)
                continue
            if isinstance(a, yaml.ScalarNode):
                if " ".join(a.value.split()) != " ".join(b.value.split()):
                    lines.append(a.start_mark.line + 1)
                continue
            items_a = [n for pair in a.value for n in pair] if isinstance(a, yaml.MappingNode) else a.value
            items_b = [n for pair in b.value for n in pair] if isinstance(b, yaml.MappingNode) else b.value
            if len(items_a) != len(items_b):
                shorter = min(len(items_a), len(items_b))
                longer = items_a if len(items_a) > shorter else items_b
                lines.append(longer[shorter].start_mark.line + 1)
            stack.extend(zip(items_a, items_b))
    return min(lines) if lines else None


def parse(text: str, source: Source) -> tuple[Any, list[Problem]]:
    """YAML text -> plain values and the problems found on the way (duplicate keys, tags).

    Syntax errors raise DeckError at once: nothing after them can be trusted."""
    node = _compose(text, source)
    if node is None:
        raise DeckError.simple(source.file, "is empty", "start from `outline.yaml`, the shipped example")
    builder = _Builder(source)
    return builder.build(node, ()), builder.problems


def load(path: str | Path) -> Loaded:
    path = Path(path)
    shown = str(path)
    text = read_text(path, shown)
    source = Source(shown, path.resolve().parent)
    data, problems = parse(text, source)
    if not isinstance(data, dict):
        raise DeckError(source.problem((), "an outline is a mapping of keys (title:, sections:, ...)",
                                       "start from `outline.yaml`, the shipped example"))
    try:
        outline = Outline.model_validate(data)
    except ValidationError as err:
        problems += _problems(err, data, source)
    if problems:
        raise DeckError(sorted(dict.fromkeys(problems), key=lambda p: p.line or 0))
    return Loaded(outline, source)


# --- pydantic errors -> user messages ---------------------------------------------------

def _walk(loc: tuple, data: Any) -> tuple[tuple, Any]:
    """The user's path for a pydantic loc, without the slide-kind tag pydantic puts after a slide's index."""
    path: tuple = ()
    for i, part in enumerate(loc):
        if i >= 2 and loc[i - 2] == "slides" and isinstance(loc[i - 1], int) and part in SLIDE_KINDS:
            continue
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(data, dict) and part in data:
            data = data[part]
        else:
            data = None
        path += (part,)
    return path, data


def _model_at(path: tuple, data: Any) -> type[BaseModel] | None:
    """The model class that validates the mapping at `path`, for "did you mean" hints."""
    model: Any = Outline
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation if model and part in model.model_fields else None
        model = _inner_model(annotation, data)
    return model


def _inner_model(annotation: Any, data: Any) -> Any:
    if annotation is None:
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) is list:
        args = get_args(annotation)
        item = args[0] if args else None
        if get_args(item) and any(get_origin(a) is not None for a in get_args(item)):
            kind = data.get("kind", "bullets") if isinstance(data, dict) else "bullets"
            return SLIDE_KINDS.get(kind)
        return _inner_model(item, data)
    for arg in get_args(annotation):
        found = _inner_model(arg, data)
        if found is not None:
            return found
    return None


def _described(value: Any) -> str:
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return "text"


def _problems(err: ValidationError, data: dict, source: Source) -> list[Problem]:
    problems = [_problem(error, data, source) for error in err.errors(include_url=False)]
    # `bulets:` is one mistake: say "unknown key 'bulets', did you mean 'bullets'?" and not also
    # "bullets: missing required field".
    meant = {p.path[:-1] + (p.hint[len("did you mean '"):-2],) for p in problems
             if p.message.startswith("unknown key") and p.hint and p.hint.startswith("did you mean '")}
    return [p for p in problems if not (p.message == "missing required field" and p.path in meant)]


def _problem(error: dict, data: dict, source: Source) -> Problem:
    kind = error["type"]
    path, value = _walk(error["loc"], data)
    ctx = error.get("ctx") or {}
    message, hint = error["msg"], None
    if kind == "deck":
        message, hint = ctx["message"], ctx.get("hint")
        field = ctx.get("field")
        if field:
            path = path + (tuple(field) if isinstance(field, (tuple, list)) else (field,))
    elif kind == "missing":
        name = path[-1] if path else ""
        message = "missing required field"
        hint = f"add `{name}:` here" if isinstance(name, str) else None
    elif kind == "extra_forbidden":
        name = path[-1]
        model = _model_at(path[:-1], data)
        known = sorted(model.model_fields) if model else []
        close = difflib.get_close_matches(str(name), known, n=1)
        message = f"unknown key '{name}'"
        hint = f"did you mean '{close[0]}'?" if close else (f"known keys here: {', '.join(known)}" if known else None)
    elif kind == "union_tag_invalid":
        name = ctx.get("tag")
        path = path + ("kind",)
        message = f"unknown slide kind '{name}'"
        close = difflib.get_close_matches(str(name), list(SLIDE_KINDS), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(SLIDE_KINDS)}"
    elif kind == "union_tag_not_found" or kind == "model_type" or kind == "model_attributes_type":
        message = f"expected a mapping of keys, got {_described(error.get('input'))}"
        hint = "indent the keys under this item"
    elif kind == "string_type":
        message = f"expected text, got {_described(error.get('input'))}"
        hint = "put the text in quotes" if isinstance(error.get("input"), bool) else "write a single line of text"
    elif kind == "list_type":
        message = f"expected a list, got {_described(error.get('input'))}"
        hint = "start each item on its own line with '- '"
    elif kind == "too_long":
        message = f"at most {ctx.get('max_length')} items, got {ctx.get('actual_length')}"
        hint = "split the items over two slides" if path[-1:] != ("stats",) else "split the figures over two stats slides"
    elif kind == "too_short":
        message = f"needs at least {ctx.get('min_length')} item(s), got {ctx.get('actual_length')}"
        hint = "add the missing items, or choose another slide kind"
    elif kind in ("greater_than", "less_than_equal"):
        message = f"must be a number of minutes between 0 and {24 * 60}"
        hint = "write minutes as a plain number, e.g. `minutes: 15`"
    elif kind in ("float_type", "float_parsing", "int_type", "int_parsing"):
        message = f"expected a number, got {_described(error.get('input'))}"
        hint = "write a plain number, e.g. 15"
    elif kind in ("bool_type", "bool_parsing"):
        message = f"expected true or false, got {_described(error.get('input'))}"
        hint = "write `true` or `false`"
    return source.problem(path, message, hint)
