"""YAML text -> Outline, with the line of every value for error messages.

The outline's YAML is read here. We compose the node tree ourselves (instead of
yaml.safe_load) so that every value keeps its line, duplicate keys are caught (PyYAML keeps
the last one silently), alias expansion is bounded, and scalars follow the YAML 1.2 core
schema: `no`, `on`, `10:30` and `2013-01-15` stay text, and `1.850` keeps its digits.
Indentation with tabs is read the way an editor shows it (see _compose). A syntax error is put
in the user's words by deck.outline.yaml_errors, what pydantic says about the values by
deck.outline.validation.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from deck.errors import DeckError, Message
from deck.outline import tabs
from deck.outline.model import Outline
from deck.outline.pyyaml import yaml
from deck.outline.source import Loaded, Source, read_text

MAX_NODES = 200_000  # values after alias expansion: far above any real outline
MAX_DEPTH = 64       # nesting of lists and mappings: an outline needs about eight levels


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


class _Builder:
    """Turns composed nodes into plain Python values, recording each value's line."""

    def __init__(self, source: Source):
        self.source = source
        self.problems: list[Message] = []
        self.count = 0
        self.open: set[int] = set()  # nodes being built: an alias to one of them is a loop

    def build(self, node: yaml.Node, path: tuple) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise DeckError(self.source.problem(path, f"expands to more than {MAX_NODES:,} values",
                                                "anchors and aliases are repeated too often"))
        line = node.start_mark.line + 1
        if id(node) in self.open:  # reported where the alias stands: the line of its key
            raise DeckError(Message(self.source.file, self.source.line(path), path,
                                    "an alias refers to the value that contains it",
                                    "an anchor's value cannot include its own alias"))
        if len(path) > MAX_DEPTH:
            raise DeckError(Message(self.source.file, line, path[:1], f"nests more than {MAX_DEPTH} levels deep",
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
                self.problems.append(Message(self.source.file, key_node.start_mark.line + 1, path,
                                             "a key must be a name", "write keys as plain words, e.g. `title:`"))
                continue
            if key in result:
                self.problems.append(Message(self.source.file, key_node.start_mark.line + 1, path + (key,),
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
                    self.problems.append(Message(self.source.file, value_node.start_mark.line + 1, path,
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
            self.problems.append(Message(self.source.file, node.start_mark.line + 1, path,
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
        self.problems.append(Message(self.source.file, node.start_mark.line + 1, path, message,
                                     "remove the tag; outlines hold plain text"))


def _matches(tag: str, text: str) -> bool:
    """Whether `text` has the form the core schema gives `tag` (explicit tags are checked too)."""
    return any(regexp.match(text) for found, regexp in _CORE_FORMS if found == tag)


_CORE_FORMS = [(tag, regexp) for resolvers in _Resolver.yaml_implicit_resolvers.values()
               for tag, regexp in resolvers if tag != _TAG + "merge"]


def _compose(text: str, source: Source) -> yaml.Node | None:
    """The node tree of `text`, whose indentation may use tabs.

    A tab's width is whatever the author's editor showed, so a file with tabs in its indentation
    is read with tab stops at each of tabs.WIDTHS. The readings that are valid YAML must agree:
    then that is what the author saw (only one width usually gives valid YAML when tabs and
    spaces are mixed). When two valid readings differ, what belongs where is a guess, and the
    line where they part is reported. When none is valid, the 2-wide error is reported.
    """
    if not tabs.in_indentation(text):
        return _compose_one(text, text, 0, source)
    valid: list[yaml.Node | None] = []
    errors: dict[int, DeckError] = {}
    for width in tabs.WIDTHS:
        try:
            valid.append(_compose_one(tabs.expand(text, width), text, width, source))
        except DeckError as err:
            errors[width] = err
    if not valid:
        raise errors[tabs.WIDTHS[0]]
    line = _parting_line(valid)
    if line is not None:
        raise DeckError(Message(source.file, line, (),
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
            tidied = tabs.tidy(text)
            if not _is_tab_error(err) or tidied == text:
                raise
            return yaml.compose(tidied, Loader=_Resolver)
    except yaml.MarkedYAMLError as err:
        from deck.outline import yaml_errors  # only an outline with a syntax error needs its wording

        raise DeckError(yaml_errors.problem(err, original, width, source.file)) from None
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        raise DeckError(Message(source.file, line, (), f"contains the control character U+{err.character:04X}",
                                "remove it; it may have come along when text was copied from another "
                                "program")) from None
    except yaml.YAMLError as err:
        raise DeckError(Message(source.file, None, (), f"invalid YAML: {err}", None)) from None
    except RecursionError:
        raise DeckError(Message(source.file, None, (), "nests lists or mappings too deeply to read",
                                "check the brackets: an outline needs only a few levels")) from None


# libyaml composes the same node tree 5 to 15 times faster than PyYAML's Python reader, with
# the same resolver, but words its errors differently, nests deeper than Python may recurse and
# differs from it in a few corners. So it reads only what it reads as the Python reader does;
# anything else (a syntax error, a corner below) is read again by the Python reader, whose
# messages and limits are the ones users see, and that reading is the result.
_SLOW = yaml.Node("deck:read-again", None, None, None)  # a node no reading makes
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
    from yaml import _yaml  # libyaml's binding, there with CSafeLoader

    # libyaml before 0.2.5 recurses without limit in C, where no RecursionError stops it (asked of
    # the library rather than tried on 1,100 nested brackets: that took a millisecond of every start)
    if _yaml.get_version() < (0, 2, 5):
        return None
    return type("_FastResolver", (base,), {"yaml_implicit_resolvers": _Resolver.yaml_implicit_resolvers})


def _compose_fast(text: str) -> yaml.Node | None:
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
        flow = isinstance(node, yaml.CollectionNode) and node.flow_style
        if flow and any(isinstance(c, yaml.ScalarNode) and not c.style and (c.value == "" or "?" in c.value)
                        for c in children):
            return False
        open_.add(id(node))
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in depth)
    return True


def _is_tab_error(err: yaml.MarkedYAMLError) -> bool:
    return "'\\t'" in (err.problem or "")


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
            stack.extend(zip(items_a, items_b, strict=False))
    return min(lines) if lines else None


def parse(text: str, source: Source) -> tuple[Any, list[Message]]:
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
        from deck.outline import validation  # only an outline with mistakes needs its wording

        # A value the reading refused (`title: !tag` with no text) is not also said to be empty.
        refused = {p.path for p in problems}
        problems += [m for m in validation.messages(err, data, source)
                     if not (m.message == "is empty" and m.path in refused)]
    if problems:
        raise DeckError(sorted(dict.fromkeys(problems), key=lambda p: p.line or 0))
    return Loaded(outline, source)

