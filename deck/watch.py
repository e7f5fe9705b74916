"""`deck build --watch`: build once, then again whenever a file the deck is made from changes.

The loop (Rebuilder.run) takes any iterable of change batches, so it runs the same on a real
file watcher (`changes`, built on watchfiles) and on a list in a test. It never stops on a
problem of the outline: the error is reported and the next save is built again.
"""
from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from deck.errors import DeckError

if TYPE_CHECKING:  # deck.build lays out and renders: `deck new` uses this module without building
    from deck.build import Result

DEBOUNCE_MS = 300  # an editor's save is often several writes (temp file, rename, chmod): build once


@dataclass(frozen=True)
class Outcome:
    """One build: its line ("out/x.pptx: 31 slides"), or the error text; and how long it took."""

    ok: bool
    text: str
    seconds: float
    notices: tuple[str, ...] = ()
    when: str = ""  # wall-clock time the build finished, HH:MM:SS

    def line(self) -> str:
        status = self.text if self.ok else "build failed"
        return f"{self.when} {status} ({self.seconds:.1f} s)"


@dataclass(frozen=True)
class Built:
    """What a build function returns to the loop: its one-line summary and its notices."""

    line: str
    notices: tuple[str, ...] = ()


def used_files(outline: Path) -> set[Path]:
    """The outline and every file it names (pictures, the brand logo), resolved.

    When the outline cannot be read, only the outline itself: its next save is what matters."""
    from deck.outline.paths import portable
    from deck.outline.reader import load

    files = {outline.resolve()}
    try:
        loaded = load(outline)
    except DeckError:
        return files
    folder = loaded.source.folder
    named = [getattr(slide, "image", None) for section in loaded.outline.sections for slide in section.slides]
    if loaded.outline.brand is not None:
        named.append(loaded.outline.brand.logo)
    for name in named:
        if isinstance(name, str) and name.strip():
            path = Path(portable(name)).expanduser()
            files.add((path if path.is_absolute() else folder / path).resolve())
    return files


@dataclass
class Rebuilder:
    """Builds on start and after every batch of changes that touches a file the deck uses."""

    outline: Path
    build: Callable[[], Built]
    report: Callable[[Outcome], None]
    used: Callable[[Path], set[Path]] = used_files
    clock: Callable[[], float] = time.perf_counter
    watched: set[Path] = field(default_factory=set)
    builds: int = 0

    def build_once(self) -> Outcome:
        start = self.clock()
        try:
            built = self.build()
            outcome = Outcome(True, built.line, 0.0, tuple(built.notices))
        except DeckError as err:
            outcome = Outcome(False, str(err), 0.0)
        except Exception as err:  # a bug in deck: say so, and keep watching for the next save
            outcome = Outcome(False, f"deck: internal error: {type(err).__name__}: {err}\n"
                                     "  run `deck build` with --debug for the traceback, and please report it", 0.0)
        seconds = self.clock() - start
        outcome = Outcome(outcome.ok, outcome.text, seconds, outcome.notices, time.strftime("%H:%M:%S"))
        self.watched = self.used(self.outline)
        self.builds += 1
        self.report(outcome)
        return outcome

    def relevant(self, changed: Iterable[str | Path]) -> bool:
        return any(Path(path).resolve() in self.watched for path in changed)

    def run(self, batches: Iterable[Iterable[str | Path]]) -> int:
        """Build now, then once per batch that touches a used file; returns the number of builds."""
        self.build_once()
        for batch in batches:
            if self.relevant(batch):
                self.build_once()
        return self.builds


def follow(outline: Path, make: Callable[[], Result], echo: Callable[..., None]) -> None:
    """Build now and after every save of a file the deck uses, until Ctrl-C: one line per build
    on stdout; errors and notices on stderr (`echo(text, err=True)`)."""
    from deck import warm  # here, not at the top, for the same reason as deck.build

    # A session builds again and again: the cycle collector frees what each build left in cycles
    # (a one-off command leaves that to the end of its process, deck.cli.main).
    gc.enable()

    def build() -> Built:
        result = make()
        return Built(result.line(), tuple(str(notice) for notice in result.notices))

    def report(outcome: Outcome) -> None:
        for notice in outcome.notices:
            echo(notice, err=True)
        echo(outcome.line(), err=not outcome.ok)
        if not outcome.ok:
            echo(outcome.text, err=True)

    warm.keep()  # rebuilds reuse the outline's reading, its layout and every slide that did not change
    rebuilder = Rebuilder(outline, build, report)
    echo(f"watching {outline} and the files it uses; Ctrl-C stops", err=True)
    try:
        rebuilder.run(changes(rebuilder))
    except KeyboardInterrupt:
        pass
    echo("deck: stopped watching", err=True)


def folders(files: Iterable[Path]) -> set[Path]:
    """The folders to watch for these files: watching a folder (not the file) sees an editor's
    save-by-rename, which replaces the file and would end a watch on the file itself."""
    return {file.parent for file in files}


def changes(rebuilder: Rebuilder, stop=None, debounce_ms: int = DEBOUNCE_MS) -> Iterator[set[Path]]:
    """Batches of changed paths in the folders of the files the deck uses (not their subfolders).

    When a build starts to use a file in another folder, the watch moves to the new set of
    folders. `stop` is a threading.Event that ends the iteration (tests); Ctrl-C raises
    KeyboardInterrupt in the caller.
    """
    import watchfiles

    while True:
        watching = folders(rebuilder.watched or {rebuilder.outline.resolve()})
        missing = sorted(str(f) for f in watching if not f.is_dir())
        if missing:
            raise DeckError.simple(missing[0], "no such folder", "check the outline's path")
        for batch in watchfiles.watch(*sorted(watching), watch_filter=None, debounce=debounce_ms,
                                      stop_event=stop, recursive=False):
            yield {Path(path) for _, path in batch}
            if folders(rebuilder.watched) - watching:
                break  # a new folder to watch: start again with it
        else:
            return  # stopped
