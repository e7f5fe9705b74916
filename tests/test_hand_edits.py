"""A deck touched up by hand is never replaced without a word: deck knows the decks it wrote by
the fingerprint in their core properties, and refuses to replace any other file unless --force."""
from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from support import libreoffice
from typer.testing import CliRunner

from deck import warm, watch
from deck.cli import app
from deck.package import Found, examine
from deck.package.archive import write

MINIMAL = FIXTURES / "valid" / "minimal.yaml"
CORE = "docProps/core.xml"
runner = CliRunner()


def run(*args: object):
    return runner.invoke(app, [str(arg) for arg in args])


def parts(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def saved_elsewhere(path: Path, keep_identifier: bool = True) -> None:
    """The deck as another program saves it after an edit: a slide changed, every part written
    anew with that program's zip metadata, the fingerprint kept or dropped."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts(path):
            if name == "ppt/slides/slide1.xml":
                body = body.replace(b"</p:sld>", b"<!-- moved the logo a little --></p:sld>")
            if name == CORE and not keep_identifier:
                body = re.sub(rb"<dc:identifier>[^<]*</dc:identifier>", b"", body)
            archive.writestr(name, body)
    path.write_bytes(out.getvalue())


@pytest.fixture
def built(tmp_path) -> Path:
    out = tmp_path / "deck.pptx"
    result = run("build", MINIMAL, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_a_deck_deck_wrote_is_built_again_without_a_word(built):
    before = built.read_bytes()
    result = run("build", MINIMAL, "-o", built)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert built.read_bytes() == before  # same outline, same bytes: the fingerprint is of the content


@pytest.mark.parametrize("keep_identifier, said", [
    (True, "was changed after deck wrote it"),
    (False, "was not written by deck, or was saved by another program since"),
])
def test_an_edited_deck_is_refused_then_replaced_with_force(built, keep_identifier, said):
    saved_elsewhere(built, keep_identifier)
    edited = built.read_bytes()
    result = run("build", MINIMAL, "-o", built)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"{built}: {said}")
    assert "building would replace it, so nothing was written" in result.stderr
    assert "--force" in result.stderr and "-o" in result.stderr
    assert built.read_bytes() == edited
    assert sorted(p.name for p in built.parent.iterdir()) == ["deck.pptx"]  # no temporary file left

    forced = run("build", MINIMAL, "-o", built, "--force")
    assert forced.exit_code == 0, forced.output
    assert built.read_bytes() != edited
    assert run("build", MINIMAL, "-o", built).exit_code == 0  # deck's own again


@pytest.mark.render
def test_a_deck_saved_by_libreoffice_is_refused(built, tmp_path):
    """A real office program saving the deck: LibreOffice keeps the identifier, and rewrites the parts."""
    libreoffice.require_tools()
    profile = tmp_path / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pptx:Impress MS PowerPoint 2007 XML", "--outdir", str(tmp_path / "saved"),
                    str(built)], capture_output=True, timeout=300, check=True)
    saved = tmp_path / "saved" / "deck.pptx"
    assert examine(saved) is Found.CHANGED
    result = run("build", MINIMAL, "-o", saved)
    assert result.exit_code == 1 and f"{saved}: was changed after deck wrote it" in result.stderr


@pytest.mark.parametrize("content", [b"", b"my notes, not a deck", None])
def test_a_file_deck_did_not_write_is_refused(tmp_path, content):
    out = tmp_path / "client.pptx"
    if content is None:  # a deck made by another program
        from pptx import Presentation

        Presentation().save(str(out))
    else:
        out.write_bytes(content)
    before = out.read_bytes()
    result = run("build", MINIMAL, "-o", out)
    assert result.exit_code == 1
    assert f"{out}: was not written by deck" in result.stderr
    assert out.read_bytes() == before


def test_a_deck_an_earlier_deck_wrote_is_replaced(built):
    """Decks written before the fingerprint have none; deck's fixed zip metadata tells them apart."""
    earlier = [(name, re.sub(rb"<dc:identifier>[^<]*</dc:identifier>", b"", body) if name == CORE else body)
               for name, body in parts(built)]
    built.write_bytes(write(earlier, lambda name, body: body))
    assert examine(built) is Found.EARLIER
    result = run("build", MINIMAL, "-o", built)
    assert result.exit_code == 0, result.output
    assert examine(built) is Found.UNCHANGED


def test_the_fingerprint_is_a_core_property_of_the_content(built, tmp_path):
    core = dict(parts(built))[CORE].decode()
    [fingerprint] = re.findall(r"<dc:identifier>(deck:[0-9a-f]{64})</dc:identifier>", core)
    other = tmp_path / "other.pptx"
    assert run("build", ROOT / "outline.yaml", "-o", other).exit_code == 0
    assert fingerprint not in dict(parts(other))[CORE].decode()


def test_the_check_reads_the_zip_directory_and_the_core_properties_only(built, monkeypatch):
    read = []
    original = zipfile.ZipFile.read
    monkeypatch.setattr(zipfile.ZipFile, "read", lambda self, name, pwd=None: read.append(
        getattr(name, "filename", name)) or original(self, name, pwd))
    assert examine(built) is Found.UNCHANGED
    assert read == [CORE]


def test_strict_and_several_outlines_refuse_an_edited_deck_too(tmp_path):
    talks = tmp_path / "talks"
    talks.mkdir()
    for name in ("acme", "globex"):
        (talks / f"{name}.yaml").write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    decks = tmp_path / "decks"
    assert run("build", talks / "acme.yaml", talks / "globex.yaml", "-o", decks).exit_code == 0
    saved_elsewhere(decks / "acme.pptx")
    edited = (decks / "acme.pptx").read_bytes()
    result = run("build", talks / "acme.yaml", talks / "globex.yaml", "-o", decks, "-j", "1")
    assert result.exit_code == 1
    assert f"{decks / 'acme.pptx'}: was changed after deck wrote it" in result.stderr
    assert f"{decks / 'globex.pptx'}:" in result.stdout  # the other deck is built
    assert (decks / "acme.pptx").read_bytes() == edited


def test_strict_refuses_an_edited_deck_too(tmp_path):
    out = tmp_path / "deck.pptx"
    shipped = ROOT / "outline.yaml"  # passes --strict
    assert run("build", shipped, "-o", out, "--strict").exit_code == 0
    saved_elsewhere(out)
    strict = run("build", shipped, "-o", out, "--strict")
    assert strict.exit_code == 1 and f"{out}: was changed after deck wrote it" in strict.stderr
    assert run("build", shipped, "-o", out, "--strict", "--force").exit_code == 0
    assert examine(out) is Found.UNCHANGED


def test_watch_reports_the_edited_deck_and_keeps_watching(built, monkeypatch):
    """A rebuild under --watch refuses like a build, says why, and the next save tries again."""
    monkeypatch.setattr(warm, "_kept", None)  # --watch keeps layouts in the process: not beyond this test
    monkeypatch.setattr(watch, "changes", lambda rebuilder: iter([{MINIMAL}, {MINIMAL}]))
    saved_elsewhere(built)
    edited = built.read_bytes()
    result = run("build", "--watch", MINIMAL, "-o", built)
    assert result.exit_code == 0, result.output
    assert result.stderr.count(f"{built}: was changed after deck wrote it") == 3  # the first build and two saves
    assert result.stderr.count("build failed") == 3 and "stopped watching" in result.stderr
    assert built.read_bytes() == edited

    forced = run("build", "--watch", "--force", MINIMAL, "-o", built)
    assert forced.exit_code == 0 and forced.stdout.count(f"{built}: ") == 3, forced.output
    assert examine(built) is Found.UNCHANGED


def test_preview_refuses_to_replace_an_edited_deck_in_its_folder(tmp_path, monkeypatch):
    from deck.export import preview

    monkeypatch.setattr(preview, "tools", lambda: ("soffice", "pdftoppm"))  # refused before they run
    folder = tmp_path / "preview"
    folder.mkdir()
    deck = folder / "social-enterprise.pptx"  # named after the outline's title
    deck.write_bytes(b"someone's deck")
    result = run("preview", MINIMAL, "-o", folder)
    assert result.exit_code == 1
    assert f"{deck}: was not written by deck" in result.stderr
    assert "preview into another folder with -o" in result.stderr and "--force" not in result.stderr
    assert deck.read_bytes() == b"someone's deck"
