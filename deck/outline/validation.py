"""pydantic's validation errors in the words of the outline format, at the lines they are about.

pydantic speaks of locs, union tags and types; the user wrote keys, slide kinds and values. Each
error becomes one message with a hint, a misspelt key gets a "did you mean".
"""
from __future__ import annotations

import difflib
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from deck.errors import Message
from deck.outline.model import SLIDE_KINDS, Outline, QuoteSlide, SlideBase
from deck.outline.source import Source


def _walk(loc: tuple, data: Any) -> tuple[tuple, Any]:
    """The user's path for a pydantic loc, without the slide-kind tag pydantic puts after a slide's
    index, and without the key a plain value stands for (`- text` is a bullet's `text:`)."""
    path: tuple = ()
    for i, part in enumerate(loc):
        if i >= 2 and loc[i - 2] == "slides" and isinstance(loc[i - 1], int) and part in SLIDE_KINDS:
            continue
        if path and isinstance(part, str) and not isinstance(data, (dict, list)) and data is not None:
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
    annotation: Any = None
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        if isinstance(part, int):
            # The item decides the model: a slide's kind says which one.
            model = _inner_model(annotation, data) if annotation is not None else model
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


def _blank_hint(path: tuple, data: dict) -> str:
    """What to do about an empty text: write it, or (where the text may be left out) leave it out."""
    name = path[-1] if path else ""
    if isinstance(name, int):
        return "write the text, or remove the empty item"
    model = _model_at(path[:-1], data)
    info = model.model_fields.get(name) if model else None
    required = info is None or info.is_required() or (
        name == "title" and model is not None and issubclass(model, SlideBase) and model is not QuoteSlide)
    if required:
        return f"write the text of `{name}:`; an empty one would leave a blank on the slide"
    return f"write the text, or leave `{name}:` out"


def messages(err: ValidationError, data: dict, source: Source) -> list[Message]:
    found = [_message(error, data, source) for error in err.errors(include_url=False)]
    # `bulets:` is one mistake: say "unknown key 'bulets', did you mean 'bullets'?" and not also
    # "bullets: missing required field".
    meant = {m.path[:-1] + (m.hint[len("did you mean '"):-2],) for m in found
             if m.message.startswith("unknown key") and m.hint and m.hint.startswith("did you mean '")}
    return [m for m in found if not (m.message == "missing required field" and m.path in meant)]


def _message(error: ErrorDetails, data: dict, source: Source) -> Message:
    kind = error["type"]
    path, value = _walk(error["loc"], data)
    ctx = error.get("ctx") or {}
    message, hint = error["msg"], None
    if kind == "deck":
        message, hint = ctx["message"], ctx.get("hint")
        field = ctx.get("field")
        if field:
            path = path + (tuple(field) if isinstance(field, (tuple, list)) else (field,))
        if hint and ctx.get("other"):
            hint = hint.replace("{line}", str(source.line(tuple(ctx["other"]))))
    elif kind == "blank":
        message, hint = "is empty", _blank_hint(path, data)
    elif kind == "missing":
        name = path[-1] if path else ""
        message = "missing required field"
        hint = f"add `{name}:` here" if isinstance(name, str) else None
    elif kind == "extra_forbidden":
        name = path[-1]
        model = _model_at(path[:-1], data)
        known = sorted(info.alias or key for key, info in model.model_fields.items()) if model else []
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
        hint = ("split the items over two slides" if path[-1:] != ("stats",)
                else "split the figures over two stats slides")
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
