"""What the shell offers on Tab for an option's value: deck's own names, and the files that fit.

Each function takes what is typed so far and returns the candidates that start with it; the
command line hands them to the shell (`deck --install-completion`)."""
from __future__ import annotations

import os

TEMPLATE_ENDINGS = (".pptx", ".potx")


def theme_names(incomplete: str) -> list[str]:
    """The built-in themes (`--theme`)."""
    from deck.look.theme import THEMES

    return [name for name in THEMES if name.startswith(incomplete)]


def template_files(incomplete: str) -> list[str]:
    """The .pptx and .potx files, and the folders on the way to them (`--template`).

    A folder that is the only match is opened, so that Tab goes on into it instead of stopping
    with a space after its name."""
    found = _template_entries(incomplete)
    for _ in range(8):  # a bound for folders that hold only one folder each
        if len(found) != 1 or not found[0].endswith("/"):
            break
        inside = _template_entries(found[0])
        if not inside:
            break
        found = inside
    return found


def _template_entries(incomplete: str) -> list[str]:
    head = incomplete[:incomplete.rfind("/") + 1]  # the folder typed so far, with its slash
    start = incomplete[len(head):]
    try:
        entries = sorted(os.scandir(os.path.expanduser(head) or "."), key=lambda entry: entry.name)
    except OSError:
        return []
    found = []
    for entry in entries:
        if not entry.name.startswith(start) or (entry.name.startswith(".") and not start.startswith(".")):
            continue
        if entry.is_dir():
            found.append(f"{head}{entry.name}/")
        elif entry.name.lower().endswith(TEMPLATE_ENDINGS):
            found.append(head + entry.name)
    return found
