"""Where the `deck` command's process starts (`python -m deck` and the installed `deck` script):
it is readied for one short command before the CLI (deck.cli) is imported, and it ends as soon as
the command is done."""
import gc
import os
import sys
import threading
from typing import NoReturn


def main() -> None:
    # Importing deck and its libraries makes some hundred thousand objects that live as long as the
    # process, none of them garbage: the cycle collector looks at young objects every 100,000
    # allocations instead of 700 from the start (deck.cli.main then freezes what was imported).
    gc.set_threshold(100_000, 10, 10)
    # deck's outline model is all that pydantic validates in deck: no need to read every installed
    # package's metadata for pydantic plugins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from deck import cli

    # Typer makes every command with its parameters at each start; a process runs the one named.
    commands = cli.app.registered_commands
    asked = sys.argv[1] if len(sys.argv) > 1 else None
    cli.app.registered_commands = [c for c in commands if _name(c) == asked] or commands
    try:
        cli.main()
    except SystemExit as done:
        status = done.code
    else:
        status = None
    finally:
        cli.app.registered_commands = commands
    _end(status)


def _end(status: object) -> NoReturn:
    """End the process with `status` (as SystemExit takes it), without Python taking apart, object
    by object, everything the command made: the system frees a process's memory at once. That
    took 40 ms of the shipped deck's build and 170 ms of a deck of 1,600 slides. Every file deck
    writes is closed by then (deck.files.write_atomic); what is left to write is the output,
    flushed here. With other threads still running, or a profiler, a tracer or coverage watching
    (they write their reports as Python ends), Python ends as usual."""
    if isinstance(status, str):  # as Python does: the text to stderr, status 1
        print(status, file=sys.stderr)
        status = 1
    code = status if isinstance(status, int) else 0
    watched = sys.getprofile() is not None or sys.gettrace() is not None or "coverage" in sys.modules
    if watched or threading.active_count() > 1:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream: nothing more can reach it
        pass
    os._exit(code)


def _name(command) -> str | None:
    """The command's name as Typer gives it: its own, or its function's with dashes."""
    return command.name or getattr(command.callback, "__name__", "").replace("_", "-") or None


if __name__ == "__main__":
    main()
