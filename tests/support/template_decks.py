"""Decks built on the fixture templates, for the tests that judge them: each (template, outline)
built once a session, and drawn once (all the session needs in one LibreOffice run)."""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from support import libreoffice, render_checks

# The outlines every template must carry: the shipped talk, the starter with every slide kind
# (`deck new --from blank --lang en`), and the pictures, charts and tables of the evidence slides.
OUTLINES = ("shipped", "starter", "evidence")


class TemplateDecks:
    def __init__(self, folder: Path, root: Path, fixtures: Path):
        self.folder, self.root, self.fixtures = folder, root, fixtures
        self.templates = fixtures / "templates"
        self._decks: dict[tuple[str, str], Path | BaseException] = {}
        self._drawn: dict[tuple[str, str], libreoffice.Render] = {}
        self._pictures: dict[tuple[str, str], list[Path]] = {}
        # the (template, outline) cases the session's tests will draw (conftest sets it)
        self.wanted: set[tuple[str, str]] = set()

    def names(self) -> list[str]:
        return sorted(p.name for p in self.templates.iterdir() if p.suffix in (".pptx", ".potx"))

    def outline(self, name: str) -> Path:
        if name == "shipped":
            return self.root / "outline.yaml"
        if name == "evidence":
            return self.fixtures / "valid" / "evidence.yaml"
        assert name == "starter", name
        path = self.folder / "starter" / "outline.yaml"
        if not path.exists():
            from deck.starters import write_starter

            write_starter(path, "blank", "en", force=True)
        return path

    def deck(self, template: str, outline: str) -> Path:
        """The deck of the outline on the template; a build that failed fails again here."""
        key = (template, outline)
        if key not in self._decks:
            from deck.build import build
            from deck.options import BuildOptions

            out = self.folder / f"{template.replace('.', '-')}--{outline}.pptx"
            try:
                build(self.outline(outline), out, options=BuildOptions(template=self.templates / template))
                self._decks[key] = out
            except Exception as error:  # noqa: BLE001 - kept to report it to every test of the case
                self._decks[key] = error
        found = self._decks[key]
        if isinstance(found, BaseException):
            raise AssertionError(f"{outline} on {template} does not build: {found}") from found
        return found

    def drawing(self, template: str, outline: str) -> libreoffice.Render:
        """The deck as LibreOffice draws it. The first call draws every deck the session's tests
        will ask for (`wanted`) in one LibreOffice run: starting it costs more than a deck."""
        key = (template, outline)
        if key not in self._drawn:
            self.deck(template, outline)  # a deck that does not build fails here, not in the batch
            batch = [key] + sorted(k for k in self.wanted - set(self._drawn) - {key} if self._builds(*k))
            folder = self.folder / "drawn"
            folder.mkdir(exist_ok=True)
            drawings = libreoffice.render_all([self.deck(*k) for k in batch], folder)
            self._drawn.update(zip(batch, drawings, strict=True))
        return self._drawn[key]

    def _builds(self, template: str, outline: str) -> bool:
        try:
            self.deck(template, outline)
            return True
        except AssertionError:
            return False

    def pictures(self, template: str, outline: str) -> list[Path]:
        """The drawn pages as pictures, for judging what the eye sees; the first call makes them
        for every deck drawn so far, as many at once as there are processors."""
        key = (template, outline)
        self.drawing(template, outline)
        if key not in self._pictures:
            todo = [k for k in self._drawn if k not in self._pictures]

            def pages(k: tuple[str, str]) -> list[Path]:
                pdf = self._drawn[k].pdf
                assert pdf is not None
                return render_checks.page_images(pdf, pdf.parent / f"{pdf.stem}-pages")
            with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
                self._pictures.update(zip(todo, pool.map(pages, todo), strict=True))
        return self._pictures[key]
