"""The `deck` command. The only module that imports typer; it parses, calls, and reports.

Exit status: 0 success, 1 a problem with the input (DeckError), 2 a usage error,
3 a bug in deck (run again with --debug for the traceback).
"""
from __future__ import annotations

import sys
import traceback
from enum import Enum
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
ThemeOpt = typer.Option(None, "--theme",
                        help="A built-in theme (light, dark, warm: `deck themes`); overrides the outline's `theme:`.")
TemplateOpt = typer.Option(None, "--template",
                           help="A corporate template (.pptx or .potx) to build on; overrides `theme:` and --theme.")
SmallOpt = typer.Option(False, "--allow-small",
                        help="Let text that cannot continue shrink 4 pt below the usual floor.")
OutsideOpt = typer.Option(False, "--allow-outside",
                          help="Let pictures come from outside the outline's folder.")
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


OutlinesArg = typer.Argument(
    None, help="The outline file(s). Default: ./outline.yaml, or the shipped example when there is none. "
               "Several outlines are built in parallel; each deck is then named after its outline file.",
    show_default=False)


@app.command()
def build(outlines: Optional[list[Path]] = OutlinesArg,
          output: Optional[Path] = typer.Option(None, "-o", "--output",
                                                help="Where to write the deck. Default: out/<slug of the title>.pptx"),
          theme: Optional[str] = ThemeOpt,
          template: Optional[Path] = TemplateOpt,
          allow_small: bool = SmallOpt,
          allow_outside: bool = OutsideOpt,
          strict: bool = typer.Option(False, "--strict",
                                      help="Refuse to build when `deck check` has warnings; nothing is written."),
          watch: bool = typer.Option(False, "--watch",
                                     help="Build, then again on every save of the outline or a file it uses; "
                                          "Ctrl-C stops."),
          jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                             help="With several outlines: how many to build at once. "
                                                  "Default: the number of cores."),
          debug: bool = DebugOpt) -> None:
    """Build the deck from an outline.

    Example: deck build outline.yaml -o out/workshop.pptx

    Several outlines build in parallel, one line each in the order given; each deck goes to
    out/<outline name>.pptx, or into the folder -o names: deck build acme.yaml globex.yaml -o decks/
    """
    from deck.build import build as run_build, resolve_outline

    outline = outlines[0] if outlines else None
    if outlines and len(outlines) > 1:
        if watch:
            raise typer.BadParameter("--watch follows one outline; start one `deck build --watch` per outline")
        options = {"theme": theme, "template": template, "allow_small": allow_small, "allow_outside": allow_outside}
        _run(lambda: _build_many(outlines, output, jobs, options, strict), debug)
        return

    def once():
        path = resolve_outline(outline)
        if strict:
            from deck.check import require_clean

            require_clean(path, theme, allow_small, allow_outside, template)
        return run_build(path, output, theme, allow_small, allow_outside, template)

    def action() -> None:
        result = once()
        for notice in result.notices:
            typer.echo(notice, err=True)
        typer.echo(f"{result.output}: {result.slides} slides{_duration(result.minutes)}")

    if watch:
        _run(lambda: _watch(resolve_outline(outline), once), debug)
        return
    _run(action, debug)


def _build_many(outlines: list[Path], folder: Optional[Path], jobs: Optional[int], options: dict,
                strict: bool) -> None:
    """Several outlines, in parallel processes (deck.parallel): one line each, in the order given."""
    from deck.parallel import build_many

    failed = bug = False
    for outcome in build_many(outlines, folder, jobs, options, strict):
        if outcome.error is not None:
            failed, bug = True, bug or outcome.bug
            typer.echo(outcome.error, err=True)
            continue
        result = outcome.result
        for notice in result.notices:
            typer.echo(notice, err=True)
        typer.echo(f"{result.output}: {result.slides} slides{_duration(result.minutes)}")
    if failed:
        raise typer.Exit(3 if bug else 1)


def _watch(path: Path, once) -> None:
    """`build --watch`: one line per build on stdout; errors and notices on stderr; Ctrl-C ends it."""
    from deck.watch import Built, Rebuilder, changes

    def build_line() -> Built:
        result = once()
        return Built(f"{result.output}: {result.slides} slides{_duration(result.minutes)}", tuple(result.notices))

    def report(outcome) -> None:
        for notice in outcome.notices:
            typer.echo(notice, err=True)
        typer.echo(outcome.line(), err=not outcome.ok)
        if not outcome.ok:
            typer.echo(outcome.text, err=True)

    from deck import warm

    warm.keep()  # rebuilds reuse the outline's reading, its layout and every slide that did not change
    rebuilder = Rebuilder(path, build_line, report)
    typer.echo(f"watching {path} and the files it uses; Ctrl-C stops", err=True)
    try:
        rebuilder.run(changes(rebuilder))
    except KeyboardInterrupt:
        pass
    typer.echo("deck: stopped watching", err=True)


class Format(str, Enum):
    text = "text"
    json = "json"


_SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _console(err: bool = False):
    """Rich for colour on a terminal; plain text in a pipe, a file, or with NO_COLOR set."""
    import os

    from rich.console import Console

    # Rich drops colours for NO_COLOR but keeps bold and dim; the convention asks for plain text.
    plain = bool(os.environ.get("NO_COLOR"))
    return Console(stderr=err, highlight=False, markup=False, emoji=False, soft_wrap=True,
                   color_system=None if plain else "auto")


def _print_findings(findings, err: bool = False) -> None:
    from rich.text import Text

    console = _console(err)
    for finding in findings:
        first, _, hint = str(finding).partition("\n")
        text = Text(first)
        mark = f": {finding.severity}: "
        start = first.find(mark) + 2
        text.stylize(_SEVERITY_STYLES[finding.severity], start, start + len(finding.severity))
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
        console.print(Text(f"{chapter.number} {chapter.title}{minutes}", style="bold cyan"))
        for headline in chapter.headlines:
            console.print(Text(f"  {headline}"))


@app.command()
def check(outline: Optional[Path] = OutlineArg,
          strict: bool = typer.Option(False, "--strict", help="Fail (exit 1) on warnings too, not only on errors."),
          output_format: Format = typer.Option(Format.text, "--format",
                                               help="text for people; json for tools (the shape is in the README)."),
          titles: bool = typer.Option(False, "--titles",
                                      help="Print the headlines in order under their sections instead of the findings."),
          theme: Optional[str] = ThemeOpt,
          template: Optional[Path] = TemplateOpt,
          allow_small: bool = SmallOpt,
          allow_outside: bool = OutsideOpt,
          debug: bool = DebugOpt) -> None:
    """Check an outline without writing anything: schema, fit, and the design rules (headlines,
    bullets and words per slide, notes, unique titles, contrast, timing).

    Errors fail (exit 1); warnings fail only with --strict; notes (info) never do.

    Example: deck check outline.yaml --strict
    """
    from deck.build import resolve_outline

    if titles and output_format is Format.json:
        raise typer.BadParameter("--titles prints text; leave out --format json", param_hint="--titles")

    def action() -> None:
        from deck.check import check as run_check

        path = resolve_outline(outline)
        if titles:
            _print_titles(path)
            return
        report = run_check(path, theme, allow_small, allow_outside, template)
        if output_format is Format.json:
            import json

            typer.echo(json.dumps(report.as_json(strict), indent=2, ensure_ascii=False))
        else:
            _print_findings(report.findings)
            size = f", {report.slides} slides{_duration(report.minutes)}" if report.slides else ""
            typer.echo(f"{path}: {report.summary()}{size}")
        if report.fails(strict):
            raise typer.Exit(1)

    _run(action, debug)


def _output_opt(kind: str):
    return typer.Option(None, "-o", "--output",
                        help=f"Where to write: a .md file, or a .pdf file for the PDF and its Markdown beside it. "
                             f"Default: out/<slug of the title>-{kind}.md")


PdfOpt = typer.Option(False, "--pdf", help="Also write a PDF (made with LibreOffice) next to the Markdown.")


def _exported(result) -> None:
    for notice in result.notices:
        typer.echo(notice, err=True)
    for path in result.outputs:
        typer.echo(str(path))


@app.command()
def guide(outline: Optional[Path] = OutlineArg,
          output: Optional[Path] = _output_opt("guide"),
          pdf: bool = PdfOpt,
          debug: bool = DebugOpt) -> None:
    """Write the facilitator guide: run sheet with clock times, notes, questions, exercises, materials.

    Example: deck guide outline.yaml -o out/workshop-guide.md --pdf
    """
    from deck.build import resolve_outline
    from deck.export import write_guide

    _run(lambda: _exported(write_guide(resolve_outline(outline), output, pdf)), debug)


@app.command()
def handout(outline: Optional[Path] = OutlineArg,
            output: Optional[Path] = _output_opt("handout"),
            pdf: bool = PdfOpt,
            debug: bool = DebugOpt) -> None:
    """Write the participants' handout: the argument on one page, without speaker notes.

    Example: deck handout outline.yaml --pdf
    """
    from deck.build import resolve_outline
    from deck.export import write_handout

    _run(lambda: _exported(write_handout(resolve_outline(outline), output, pdf)), debug)


@app.command()
def preview(outline: Optional[Path] = OutlineArg,
            output: Path = typer.Option(Path("out/preview"), "-o", "--output",
                                        help="The folder for the deck, its PDF, slide-NN.png and sheet.png."),
            theme: Optional[str] = ThemeOpt,
            template: Optional[Path] = TemplateOpt,
            allow_small: bool = SmallOpt,
            allow_outside: bool = OutsideOpt,
            debug: bool = DebugOpt) -> None:
    """Draw every slide with LibreOffice: the deck, its PDF, one PNG per slide and a contact sheet
    (sheet.png), to look at the deck without PowerPoint. Needs LibreOffice and poppler-utils.

    Example: deck preview outline.yaml -o out/preview/
    """
    from deck.build import resolve_outline

    def action() -> None:
        from deck.export.preview import preview as run_preview

        # A spinner on a terminal only: LibreOffice takes several seconds.
        with _console(err=True).status("previewing") as status:
            result = run_preview(resolve_outline(outline), output, theme, allow_small, allow_outside, template,
                                 step=lambda message: status.update(message + "…"))
        typer.echo(f"{result.pdf}")
        typer.echo(f"{result.sheet}: {len(result.slides)} slides, "
                   f"{result.slides[0].name} … {result.slides[-1].name}")

    _run(action, debug)


class Starter(str, Enum):
    blank = "blank"
    social_enterprise = "social-enterprise"


class Language(str, Enum):
    nl = "nl"
    en = "en"


@app.command()
def new(path: Optional[Path] = typer.Argument(
            None, help="The outline to write. Default: ./outline.yaml; a folder gets outline.yaml in it.",
            show_default=False),
        starter: Starter = typer.Option(Starter.blank, "--from",
                                        help="blank: a commented skeleton with one slide of every kind; "
                                             "social-enterprise: the shipped workshop."),
        language: Language = typer.Option(Language.nl, "--lang", help="The language of the starter."),
        force: bool = typer.Option(False, "--force", help="Overwrite an existing outline."),
        debug: bool = DebugOpt) -> None:
    """Write a starter outline to edit, refusing to overwrite a file unless --force.

    Example: deck new talk.yaml --from blank --lang en
    """
    def action() -> None:
        from deck.starters import write_starter

        written = write_starter(path, starter.value, language.value, force)
        typer.echo(f"{written.outline}: the {starter.value} starter in {language.value}")
        for extra in written.extras:
            typer.echo(f"{extra}: a picture the outline shows")
        typer.echo(f"next: deck build --watch {written.outline}", err=True)

    _run(action, debug)


@app.command()
def schema(debug: bool = DebugOpt) -> None:
    """Print the outline's JSON Schema, so editors complete keys and mark mistakes as you type.

    Example: deck schema > schema/outline.schema.json
    """
    def action() -> None:
        from deck.outline.schema import schema_text

        typer.echo(schema_text(), nl=False)

    _run(action, debug)


@app.command()
def themes(debug: bool = DebugOpt) -> None:
    """List the built-in themes with their fonts, colours and contrast ratios.

    Example: deck themes
    """
    def action() -> None:
        from deck.look.theme import THEMES, describe_theme

        for theme in THEMES.values():
            for line in describe_theme(theme):
                typer.echo(line)
            typer.echo("")

    _run(action, debug)


template_app = typer.Typer(help="Look inside a corporate template before building on it.\n\n"
                                "Example: deck template inspect brand/template.potx", no_args_is_help=True,
                           rich_markup_mode=None)
app.add_typer(template_app, name="template")


@template_app.command("inspect")
def template_inspect(path: Path = typer.Argument(..., help="The template: a .pptx or .potx file.",
                                                 show_default=False),
                     debug: bool = DebugOpt) -> None:
    """List the template's masters, layouts and placeholders (type, idx, box, size), and the layout
    each slide kind would use.

    Example: deck template inspect brand/corporate.potx
    """
    def action() -> None:
        from deck.look.template.read import inspect

        lines, error = inspect(path)
        for line in lines:
            typer.echo(line)
        if error is not None:
            raise error

    _run(action, debug)


def main() -> None:
    try:
        app(prog_name="deck")
    except BrokenPipeError:
        # `deck check --titles | head`: the reader has what it wanted; that is not an error.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)


if __name__ == "__main__":
    sys.exit(main())
