"""The outline's JSON Schema, for editors: `deck schema`, kept in the repo as schema/outline.schema.json.

It is the pydantic model's schema, widened where deck's loader is more forgiving than the types
say, so that an editor never marks as wrong what `deck build` accepts:

- a number where text is expected (`value: 16`, `date: 2013`) is text as written;
- a single text where a list of texts is expected (`sub: One detail`) is a list of one;
- `notes:` and each bullet may be plain text instead of a mapping.

Checks that need code (unique section ids, the shape of a chart, alt text unless decorative)
stay with `deck check`; the schema is for completion and the first line of defence.
"""
from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path
from typing import Any

SCHEMA_ID = "urn:deck:outline:1"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILE_NAME = "outline.schema.json"
# Models whose loader also takes a plain text in place of the mapping.
TEXT_OR_MAPPING = ("Notes", "Bullet")
TEXT = {"type": ["string", "number"]}


def outline_schema() -> dict:
    """The schema as a JSON-ready dict, deterministic (the same model gives the same text)."""
    from deck.outline.model import Outline

    raw = Outline.model_json_schema()
    widened = _widen(raw)
    _patterns(widened)
    _label_keys(widened)
    for name in TEXT_OR_MAPPING:
        mapping = widened.get("$defs", {}).get(name)
        if mapping is not None:
            widened["$defs"][name] = {"title": mapping.get("title", name), "anyOf": [dict(TEXT), mapping]}
    head = {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "deck outline",
        "description": "An argument in sections, slides and notes, compiled by `deck build` into a "
                       "16:9 PowerPoint deck. Regenerate with `deck schema > schema/outline.schema.json`.",
    }
    return {**head, **{k: v for k, v in widened.items() if k not in ("title", "description")}}


def _patterns(schema: dict) -> None:
    """The forms the model checks with a regular expression, so editors flag them as you type."""
    from deck.outline.model import CLOCK, COLOUR, LANGUAGE, SLUG

    defs = schema.get("$defs", {})
    places = [(schema, "language", LANGUAGE), (defs.get("Section"), "id", SLUG),
              (defs.get("Workshop"), "start", CLOCK), (defs.get("Brand"), "accent", COLOUR),
              (defs.get("Brand"), "accent2", COLOUR)]
    for owner, name, regex in places:
        prop = (owner or {}).get("properties", {}).get(name)
        if prop is None:
            continue
        for option in prop.get("anyOf", [prop]):
            if "string" in (option.get("type") or ()):
                option["pattern"] = regex.pattern


def _label_keys(schema: dict) -> None:
    """`labels:` takes deck's own keys only: name them, so editors complete them and flag a typo."""
    from deck.outline.labels import KEYS, LABELS

    prop = schema.get("properties", {}).get("labels")
    for option in (prop or {}).get("anyOf", []):
        if option.get("type") == "object":
            option["properties"] = {key: {**copy.deepcopy(TEXT), "description": f"English: {LABELS['en'][key]!r}"}
                                    for key in KEYS}
            option["additionalProperties"] = False


def _is_text(node: Any) -> bool:
    return isinstance(node, dict) and node.get("type") == "string" and not ({"const", "enum"} & node.keys())


def _widen(node: Any) -> Any:
    """A copy of the schema with every plain text widened to text-or-number, and every list of
    plain texts to a list or a single text."""
    if isinstance(node, list):
        return [_widen(item) for item in node]
    if not isinstance(node, dict):
        return node
    if _is_text(node):
        return {**{k: v for k, v in node.items() if k != "type"}, **copy.deepcopy(TEXT)}
    if node.get("type") == "array" and _is_text(node.get("items")):
        array = {k: _widen(v) for k, v in node.items() if k not in ("title", "default")}
        outer = {k: node[k] for k in ("title", "default") if k in node}
        return {**outer, "anyOf": [dict(TEXT), array]}
    return {key: _widen(value) for key, value in node.items()}


def schema_text() -> str:
    """The schema file's exact text: what `deck schema` prints and the repo keeps."""
    return json.dumps(outline_schema(), indent=2, ensure_ascii=False) + "\n"


def schema_file() -> Path:
    """The schema that ships with deck (in the wheel), or the repo's copy in a source checkout."""
    packaged = resources.files("deck") / "shipped" / FILE_NAME
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "schema" / FILE_NAME
