"""Stage 1, the outline: YAML text in, a validated `Outline` out, every value with its line.

In: the outline file (and the pictures and template it names). Out: `Loaded` (the `Outline`
model and its `Source`, which turns a field path back into a line), or a `DeckError` that lists
every problem at once. Also here: the JSON Schema, the workshop clock, the generated words per
language, and the paths and pictures an outline refers to.
"""
