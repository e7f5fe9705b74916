"""The `deck` command. The only module that imports typer; it parses, calls, and reports.

Exit status: 0 success, 1 a problem with the input (DeckError), 2 a usage error,
3 a bug in deck (run again with --debug for the traceback).
"""
from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Optional

import typer

from deck import __version__
from deck.errors import DeckError

app = typer.Typer(
    name="deck",
    help="Compile an argument written as a YAML outline into a designed 16:9 PowerPoint deck.\n\n"
         "Example: deck build outline.yaml -o out/workshop.pptx",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

OutlineArg = typer.Argument(
    None, help="The outline file. Default: ./outline.yaml, or the shipped example when there is none.",
    show_default=False)
ThemeOpt = typer.Option(None, "--theme", help="A built-in theme name; overrides the outline's `theme:`.")
SmallOpt = typer.Option(False, "--allow-small",
                        help="Let text that cannot continue shrink 4 pt below the usual floor.")
DebugOpt = typer.Option(False, "--debug", help="Show the full traceback when deck itself fails.")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"deck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Compile an argument written as a YAML outline into a designed 16:9 PowerPoint deck."""


def _run(action, debug: bool) -> None:
    try:
        action()
    except DeckError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo("deck: interrupted; nothing was written", err=True)
        raise typer.Exit(130) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as err:  # a bug: say so briefly, the traceback only on request
        if debug:
            traceback.print_exc()
        else:
            typer.echo(f"deck: internal error: {type(err).__name__}: {err}\n"
                       "  run again with --debug for the traceback, and please report it", err=True)
        raise typer.Exit(3) from None


def _duration(minutes: float | None) -> str:
    if not minutes:
        return ""
    hours, rest = divmod(int(round(minutes)), 60)
    return f", {hours} h {rest:02d} min planned" if hours else f", {rest} min planned"


@app.command()
def build(outline: Optional[Path] = OutlineArg,
          output: Optional[Path] = typer.Option(None, "-o", "--output",
                                                help="Where to write the deck. Default: out/<slug of the title>.pptx"),
          theme: Optional[str] = ThemeOpt,
          allow_small: bool = SmallOpt,
          debug: bool = DebugOpt) -> None:
    """Build the deck from an outline.

    Example: deck build outline.yaml -o out/workshop.pptx
    """
    from deck.build import build as run_build, resolve_outline

    def action() -> None:
        result = run_build(resolve_outline(outline), output, theme, allow_small)
        for notice in result.notices:
            typer.echo(notice, err=True)
        typer.echo(f"{result.output}: {result.slides} slides{_duration(result.minutes)}")

    _run(action, debug)


@app.command()
def check(outline: Optional[Path] = OutlineArg,
          theme: Optional[str] = ThemeOpt,
          allow_small: bool = SmallOpt,
          debug: bool = DebugOpt) -> None:
    """Check an outline without writing a deck: schema, fit problems and continuations.

    Example: deck check outline.yaml
    """
    from deck.build import plan, resolve_outline

    def action() -> None:
        path = resolve_outline(outline)
        _, planned = plan(path, theme, allow_small)
        for notice in planned.notices:
            typer.echo(notice)
        typer.echo(f"{path}: ok, {len(planned.slides)} slides{_duration(planned.minutes)}")

    _run(action, debug)


def main() -> None:
    app(prog_name="deck")


if __name__ == "__main__":
    sys.exit(main())
