"""YAML text -> Outline, with the line of every value for error messages.

The only module that imports yaml. We compose the node tree ourselves (instead of
yaml.safe_load) so that every value keeps its line, duplicate keys are caught (PyYAML keeps
the last one silently), alias expansion is bounded, and scalars follow the YAML 1.2 core
schema: `no`, `on`, `10:30` and `2013-01-15` stay text, and `1.850` keeps its digits.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from deck.errors import DeckError, Problem
from deck.model import PLANNED_KINDS, SLIDE_KINDS, Outline

MAX_BYTES = 2_000_000
MAX_NODES = 200_000  # values after alias expansion: far above any real outline


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

_TAG = "tag:yaml.org,2002:"


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
    if not path.exists():
        raise DeckError.simple(shown, "no such file", "check the path, or run `deck build` in the outline's folder")
    if path.is_dir():
        raise DeckError.simple(shown, "is a folder, not an outline file", "pass the outline's .yaml file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DeckError.simple(shown, f"is {size:,} bytes; an outline may be at most {MAX_BYTES:,}",
                               "is this the right file?")
    data = path.read_bytes()
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

    def build(self, node: yaml.Node, path: tuple) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise DeckError(self.source.problem(path, f"expands to more than {MAX_NODES:,} values",
                                                "anchors and aliases are repeated too often"))
        self.source.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: tuple) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                merged = self.build(value_node, path)
                for extra in merged if isinstance(merged, list) else [merged]:
                    if isinstance(extra, dict):
                        for key, value in extra.items():
                            result.setdefault(key, value)
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
            self.source.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: yaml.ScalarNode, path: tuple) -> Any:
        tag, text = node.tag, node.value
        if tag in (_TAG + "str", "!"):
            return text
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return text.lower() == "true"
        if tag == _TAG + "int":
            return _number(YamlInt, int(text), text)
        if tag == _TAG + "float":
            return _number(YamlFloat, float(text), text)
        self.problems.append(Problem(self.source.file, node.start_mark.line + 1, path,
                                     f"tag {tag} is not allowed", "remove the tag; outlines hold plain text"))
        return text


def parse(text: str, source: Source) -> tuple[Any, list[Problem]]:
    """YAML text -> plain values and the problems found on the way (duplicate keys, tags).

    Syntax errors raise DeckError at once: nothing after them can be trusted."""
    try:
        node = yaml.compose(text, Loader=_Resolver)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        message = err.problem or "is not valid YAML"
        hint = "check the indentation and quote texts that contain ': ' or start with a special character"
        if "\t" in message or "tab" in message:
            hint = "indent with spaces, not tabs"
        raise DeckError(Problem(source.file, line, (), f"invalid YAML: {message}", hint)) from None
    except yaml.YAMLError as err:
        raise DeckError(Problem(source.file, None, (), f"invalid YAML: {err}", None)) from None
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
    return [_problem(error, data, source) for error in err.errors(include_url=False)]


def _problem(error: dict, data: dict, source: Source) -> Problem:
    kind = error["type"]
    path, value = _walk(error["loc"], data)
    ctx = error.get("ctx") or {}
    message, hint = error["msg"], None
    if kind == "deck":
        message, hint = ctx["message"], ctx.get("hint")
        if ctx.get("field"):
            path = path + (ctx["field"],)
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
        if name in PLANNED_KINDS:
            message = f"slide kind '{name}' is not supported yet"
            hint = f"use one of: {', '.join(SLIDE_KINDS)}"
        else:
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
