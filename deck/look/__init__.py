"""Stage 2, the look: which theme or corporate template a build uses, with the outline's brand.

In: a loaded outline and the `--theme`/`--template` choice. Out: a `Theme`: the canvas and its
geometry, type styles, palette and fonts, and, for a template, its layouts by role.
"""
