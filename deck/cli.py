"""The `deck` command. The only module that imports typer; it parses, calls an engine, and reports.

Exit status: 0 success, 1 a problem with the input (DeckError), 2 a usage error, 3 a bug in
deck (run again with --debug for the traceback), 130 interrupted with Ctrl-C.
"""
# No `from __future__ import annotations`: Typer would evaluate every annotation string at every start.
import functools
import gc
import json
import os
import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from deck import __version__
from deck.completion import template_files, theme_names
from deck.errors import DeckError
from deck.options import BuildOptions
from deck.starters import resolve_outline

app = typer.Typer(name="deck", no_args_is_help=True, add_completion=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None,
                  help="Compile an argument written as a YAML outline into a designed 16:9 PowerPoint deck.\n\n"
                       "Example: deck build outline.yaml -o out/workshop.pptx")

OutlineArg = Annotated[Path | None, typer.Argument(show_default=False, help=(
    "The outline file. Default: ./outline.yaml, or the shipped example when there is none."))]
OutlinesArg = Annotated[list[Path] | None, typer.Argument(show_default=False, help=(
    "The outline file(s). Default: ./outline.yaml, or the shipped example when there is none. "
    "Several outlines are built in parallel; each deck is then named after its outline file."))]
ThemeOpt = Annotated[str | None, typer.Option(
    "--theme", autocompletion=theme_names,
    help="A built-in theme (light, dark, warm: `deck themes`); overrides the outline's `theme:`.")]
TemplateOpt = Annotated[Path | None, typer.Option(
    "--template", autocompletion=template_files,
    help="A corporate template (.pptx or .potx) to build on; overrides `theme:` and --theme.")]
SmallOpt = Annotated[bool, typer.Option(
    "--allow-small", help="Let text that cannot continue shrink 4 pt below the usual floor.")]
OutsideOpt = Annotated[bool, typer.Option(
    "--allow-outside", help="Let pictures come from outside the outline's folder.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show the full traceback when deck itself fails.")]
_OUTPUT_HELP = ("Where to write: a .md file, or a .pdf file for the PDF and its Markdown beside it. "
                "Default: out/<slug of the title>-{}.md")
GuideOutputOpt = Annotated[Path | None, typer.Option("-o", "--output", help=_OUTPUT_HELP.format("guide"))]
HandoutOutputOpt = Annotated[Path | None, typer.Option("-o", "--output", help=_OUTPUT_HELP.format("handout"))]
PdfOpt = Annotated[bool, typer.Option("--pdf", help="Also write a PDF (made with LibreOffice) next to the Markdown.")]
_say = functools.partial(typer.echo, err=True)  # a notice on the way, e.g. that the outline is the example


def _version(value: bool) -> None:
    if value:
        typer.echo(f"deck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Compile an argument written as a YAML outline into a designed 16:9 PowerPoint deck."""


def _guarded(command):
    """The command with deck's exit statuses (above); a bug in one line, its traceback only with --debug."""
    @functools.wraps(command)
    def run(**params) -> None:
        try:
            command(**params)
        except DeckError as err:
            typer.echo(str(err), err=True)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            typer.echo("deck: interrupted; nothing was written", err=True)
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except Exception as err:  # a bug: say so briefly, the traceback only on request
            if params["debug"]:
                traceback.print_exc()
            else:
                typer.echo(f"deck: internal error: {type(err).__name__}: {err}\n"
                           "  run again with --debug for the traceback, and please report it", err=True)
            raise typer.Exit(3) from None

    return run


def _options(theme: str | None, template: Path | None, small: bool, outside: bool, force: bool = False) -> BuildOptions:
    return BuildOptions(theme=theme, template=template, allow_small=small, allow_outside=outside, force=force)


def _show(result) -> None:
    """A built deck: its notices on stderr, then its line on stdout."""
    for notice in result.notices:
        typer.echo(notice, err=True)
    typer.echo(result.line())


@app.command()
@_guarded
def build(outlines: OutlinesArg = None,
          output: Annotated[Path | None, typer.Option(
              "-o", "--output", help="Where to write the deck. Default: out/<slug of the title>.pptx")] = None,
          theme: ThemeOpt = None,
          template: TemplateOpt = None,
          allow_small: SmallOpt = False,
          allow_outside: OutsideOpt = False,
          strict: Annotated[bool, typer.Option(
              "--strict", help="Refuse to build when `deck check` has warnings; nothing is written.")] = False,
          watch: Annotated[bool, typer.Option(
              "--watch",
              help="Build, then again on every save of the outline or a file it uses; Ctrl-C stops.")] = False,
          force: Annotated[bool, typer.Option("--force", help=(
              "Replace the deck even if it was edited since deck wrote it, or deck did not write it."))] = False,
          jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help=(
              "With several outlines: how many to build at once. Default: the number of cores."))] = None,
          debug: DebugOpt = False) -> None:
    """Build the deck from an outline.

    Example: deck build outline.yaml -o out/workshop.pptx

    Several outlines build in parallel, one line each in the order given; each deck goes to
    out/<outline name>.pptx, or into the folder -o names: deck build acme.yaml globex.yaml -o decks/
    """
    from deck.build import build as make

    options = _options(theme, template, allow_small, allow_outside, force)
    if outlines and len(outlines) > 1:
        if watch:
            raise typer.BadParameter("--watch follows one outline; start one `deck build --watch` per outline")
        from deck.parallel import report_many

        raise typer.Exit(report_many(outlines, output, jobs, _show, typer.echo, options=options, strict=strict))
    path = resolve_outline(outlines[0] if outlines else None, _say)
    if strict:
        from deck.check import build_clean as make  # reads and lays out once for the check and the deck
    if not watch:
        _show(make(path, output, options=options))
        return
    from deck.watch import follow

    follow(path, lambda: make(path, output, options=options), typer.echo)


class Format(str, Enum):
    text = "text"
    json = "json"


def _console(err: bool = False):
    """Rich for colour on a terminal; plain text in a pipe, a file, or with NO_COLOR set."""
    from rich.console import Console

    # Rich drops colours for NO_COLOR but keeps bold and dim; the convention asks for plain text.
    plain = bool(os.environ.get("NO_COLOR"))
    return Console(stderr=err, highlight=False, markup=False, emoji=False, soft_wrap=True,
                   color_system=None if plain else "auto")


def _print_findings(findings) -> None:
    from rich.text import Text

    styles = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    console = _console()
    for finding in findings:
        first, _, hint = str(finding).partition("\n")
        text = Text(first)
        mark = f": {finding.severity}: "
        start = first.find(mark) + 2
        text.stylize(styles[finding.severity], start, start + len(finding.severity))
        text.stylize("dim", len(first) - len(finding.rule) - 2)
        console.print(text)
        if hint:
            console.print(Text(hint, style="dim"))


def _print_titles(path: Path) -> None:
    """The headlines in order under their sections: the storyline in one screen."""
    from rich.text import Text

    from deck.check import storyline
    from deck.lint import from_error
    from deck.outline.reader import load

    try:
        outline = load(path).outline
    except DeckError as err:
        _print_findings(from_error(err, "schema"))
        raise typer.Exit(1) from None
    console = _console()
    console.print(Text(outline.title, style="bold"))
    for chapter in storyline(outline):
        minutes = f" · {chapter.minutes:g} min" if chapter.minutes else ""
        console.print(Text(f"{chapter.heading}{minutes}", style="bold cyan"))
        for headline in chapter.headlines:
            console.print(Text(f"  {headline}"))


@app.command()
@_guarded
def check(outline: OutlineArg = None,
          strict: Annotated[bool, typer.Option(
              "--strict", help="Fail (exit 1) on warnings too, not only on errors.")] = False,
          output_format: Annotated[Format, typer.Option(
              "--format", help="text for people; json for tools (the shape is in the README).")] = Format.text,
          titles: Annotated[bool, typer.Option(
              "--titles", help="Print the headlines in order under their sections instead of the findings.")] = False,
          theme: ThemeOpt = None,
          template: TemplateOpt = None,
          allow_small: SmallOpt = False,
          allow_outside: OutsideOpt = False,
          debug: DebugOpt = False) -> None:
    """Check an outline without writing anything: schema, fit, and the design rules (headlines,
    bullets and words per slide, notes, unique titles, contrast, timing).

    Errors fail (exit 1); warnings fail only with --strict; notes (info) never do.

    Example: deck check outline.yaml --strict
    """
    from deck.check import check as run_check

    if titles and output_format is Format.json:
        raise typer.BadParameter("--titles prints text; leave out --format json", param_hint="--titles")
    path = resolve_outline(outline, _say)
    if titles:
        _print_titles(path)
        return
    report = run_check(path, options=_options(theme, template, allow_small, allow_outside))
    if output_format is Format.json:
        typer.echo(json.dumps(report.as_json(strict), indent=2, ensure_ascii=False))
    else:
        _print_findings(report.findings)
        typer.echo(report.line(path))
    if report.fails(strict):
        raise typer.Exit(1)


def _export(write, outline: Path | None, output: Path | None, pdf: bool) -> None:
    result = write(resolve_outline(outline, _say), output, pdf)
    for notice in result.notices:
        typer.echo(notice, err=True)
    for path in result.outputs:
        typer.echo(str(path))


@app.command()
@_guarded
def guide(outline: OutlineArg = None,
          output: GuideOutputOpt = None,
          pdf: PdfOpt = False,
          debug: DebugOpt = False) -> None:
    """Write the facilitator guide: run sheet with clock times, notes, questions, exercises, materials.

    Example: deck guide outline.yaml -o out/workshop-guide.md --pdf
    """
    from deck.export import write_guide

    _export(write_guide, outline, output, pdf)


@app.command()
@_guarded
def handout(outline: OutlineArg = None,
            output: HandoutOutputOpt = None,
            pdf: PdfOpt = False,
            debug: DebugOpt = False) -> None:
    """Write the participants' handout: the argument on one page, without speaker notes.

    Example: deck handout outline.yaml --pdf
    """
    from deck.export import write_handout

    _export(write_handout, outline, output, pdf)


@app.command()
@_guarded
def preview(outline: OutlineArg = None,
            output: Annotated[Path, typer.Option("-o", "--output", help=(
                "The folder for the deck, its PDF, slide-NN.png and sheet.png."))] = Path("out/preview"),
            theme: ThemeOpt = None,
            template: TemplateOpt = None,
            allow_small: SmallOpt = False,
            allow_outside: OutsideOpt = False,
            debug: DebugOpt = False) -> None:
    """Draw every slide with LibreOffice: the deck, its PDF, one PNG per slide and a contact sheet
    (sheet.png), to look at the deck without PowerPoint. Needs LibreOffice and poppler-utils.

    Example: deck preview outline.yaml -o out/preview/
    """
    from deck.export.preview import preview as run_preview

    # A spinner on a terminal only: LibreOffice takes several seconds.
    with _console(err=True).status("previewing") as status:
        result = run_preview(resolve_outline(outline, _say), output,
                             options=_options(theme, template, allow_small, allow_outside),
                             step=lambda message: status.update(message + "…"))
    typer.echo(f"{result.pdf}")
    typer.echo(f"{result.sheet}: {len(result.slides)} slides, {result.slides[0].name} … {result.slides[-1].name}")


class Starter(str, Enum):
    blank = "blank"
    social_enterprise = "social-enterprise"


class Language(str, Enum):
    nl = "nl"
    en = "en"


@app.command()
@_guarded
def new(path: Annotated[str | None, typer.Argument(show_default=False, help=(  # str: a Path drops the final /
            "The outline to write. Default: ./outline.yaml; a folder, or a name ending in /, "
            "gets outline.yaml in it."))] = None,
        starter: Annotated[Starter, typer.Option(
            "--from", help="blank: a commented skeleton with one slide of every kind; "
                           "social-enterprise: the shipped workshop.")] = Starter.blank,
        language: Annotated[Language, typer.Option("--lang", help="The language of the starter.")] = Language.nl,
        force: Annotated[bool, typer.Option("--force", help="Overwrite an existing outline.")] = False,
        debug: DebugOpt = False) -> None:
    """Write a starter outline to edit, refusing to overwrite a file unless --force.

    Example: deck new talk.yaml --from blank --lang en
    """
    from deck.starters import write_starter

    written = write_starter(path, starter.value, language.value, force)
    typer.echo(f"{written.outline}: the {starter.value} starter in {language.value}")
    for extra in written.extras:
        typer.echo(f"{extra}: a picture the outline shows")
    typer.echo(f"next: deck build --watch {written.outline}", err=True)


@app.command()
@_guarded
def schema(debug: DebugOpt = False) -> None:
    """Print the outline's JSON Schema, so editors complete keys and mark mistakes as you type.

    Example: deck schema > schema/outline.schema.json
    """
    from deck.outline.schema import schema_text

    typer.echo(schema_text(), nl=False)


@app.command()
@_guarded
def themes(debug: DebugOpt = False) -> None:
    """List the built-in themes with their fonts, colours and contrast ratios.

    Example: deck themes
    """
    from deck.look.theme import THEMES, describe_theme

    for theme in THEMES.values():
        typer.echo("\n".join(describe_theme(theme)) + "\n")


template_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help=(
    "Look inside a corporate template before building on it.\n\nExample: deck template inspect brand/template.potx"))
app.add_typer(template_app, name="template")


@template_app.command("inspect")
@_guarded
def template_inspect(path: Annotated[Path, typer.Argument(help="The template: a .pptx or .potx file.",
                                                          show_default=False)],
                     debug: DebugOpt = False) -> None:
    """List the template's masters, layouts and placeholders, the roles each layout qualifies for,
    why the others lost each role, and the layout each slide kind would use.

    Example: deck template inspect brand/corporate.potx
    """
    from deck.look.template.read import inspect

    lines, error = inspect(path)
    for line in lines:
        typer.echo(line)
    if error is not None:
        raise error


def main() -> None:
    gc.freeze()  # the modules imported so far stay: the cycle collector need not look at them again
    gc.disable()  # a command ends with its process, which frees all; --watch collects (deck.watch)
    try:
        app(prog_name="deck")
    except BrokenPipeError:
        # `deck check --titles | head`: the reader has what it wanted; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)


if __name__ == "__main__":
    main()
