"""Several outlines in one call: each built in a process of its own, reported in the order given.

`deck build a.yaml b.yaml ...` is for decks made per client, per language or per audience, which
often share their title: so each deck is named after its outline file (out/acme.yaml ->
out/acme.pptx), in `out/` or in the folder given with -o, and two outlines with the same file name
are refused before anything is built. One outline's problem does not stop the others.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from deck.build import Result, build
from deck.check import build_clean
from deck.errors import DeckError
from deck.files import OUT
from deck.options import BuildOptions


@dataclass(frozen=True)
class Outcome:
    """One outline's build: its result, or the error to show (`bug`: a bug in deck, not the outline)."""

    outline: Path
    result: Result | None = None
    error: str | None = None
    bug: bool = False


def targets(outlines: list[Path], folder: Path | None) -> list[Path]:
    """Where each deck goes: <folder>/<outline file name>.pptx; a DeckError when -o names a file
    or two outlines would write the same deck."""
    if folder is not None and folder.suffix.lower() == ".pptx":
        raise DeckError.simple(str(folder), "names one deck, but several outlines are given",
                               "with several outlines -o names a folder (each deck is named after its "
                               "outline), or build each outline on its own")
    if folder is not None and folder.exists() and not folder.is_dir():
        raise DeckError.simple(str(folder), "is a file, not a folder",
                               "with several outlines -o names the folder the decks go to")
    base = folder or OUT
    out = [base / f"{path.stem}.pptx" for path in outlines]
    seen: dict[Path, Path] = {}
    for path, target in zip(outlines, out, strict=False):
        key = Path(os.path.normcase(target.absolute()))
        if key in seen and Path(seen[key]).absolute() == Path(path).absolute():
            raise DeckError.simple(str(path), "is given twice", "name each outline once")
        if key in seen:
            raise DeckError.simple(str(path), f"would write {target}, as {seen[key]} does",
                                   "give the outlines different file names, or build them one by one with -o")
        seen[key] = path
    return out


def build_many(outlines: list[Path], folder: Path | None, jobs: int | None, *,
               options: BuildOptions = BuildOptions(), strict: bool = False) -> Iterator[Outcome]:
    """Build every outline, `jobs` at a time (default: one per core); yields in the order given."""
    places = targets(outlines, folder)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(outlines)))
    if jobs == 1:
        for path, target in zip(outlines, places, strict=False):
            yield build_one(path, target, options=options, strict=strict)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(build_one, path, target, options=options, strict=strict)
                   for path, target in zip(outlines, places, strict=False)]
        try:
            for future in futures:
                yield future.result()
        except BaseException:  # Ctrl-C or the caller stopped reading: start nothing new
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def report_many(outlines: list[Path], folder: Path | None, jobs: int | None, show: Callable[[Result], None],
                echo: Callable[..., None], *, options: BuildOptions = BuildOptions(), strict: bool = False) -> int:
    """Build every outline and report each in the order given: `show(result)` for a deck, the
    error on stderr (`echo(text, err=True)`) for an outline that failed. Returns the exit status:
    0 when every deck was built, 1 for a problem of an outline, 3 for a bug in deck."""
    failed = bug = False
    for outcome in build_many(outlines, folder, jobs, options=options, strict=strict):
        if outcome.result is not None:
            show(outcome.result)
        else:
            failed, bug = True, bug or outcome.bug
            echo(outcome.error, err=True)
    return 3 if bug else 1 if failed else 0


def build_one(path: Path, target: Path, *, options: BuildOptions = BuildOptions(),
              strict: bool = False) -> Outcome:
    """One outline, in whatever process runs it; never raises for a problem of the outline."""
    try:
        return Outcome(path, result=(build_clean if strict else build)(path, target, options=options))
    except DeckError as err:
        return Outcome(path, error=str(err))
    except Exception as err:  # a bug in deck: reported with the outline, the others go on
        return Outcome(path, error=f"deck: internal error building {path}: {type(err).__name__}: {err}\n"
                                   "  run again with this outline alone and --debug for the traceback, "
                                   "and please report it", bug=True)
