"""Moving an older installation's private files out of MEDIA_ROOT (move_private_files)."""

import io
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client

from wagtail.documents.models import Document

import pytest

from config.media_layout import private_files_move
from tests.factories import EditorFactory

OLD_LAYOUT = {
    "documents/beleid.pdf": b"%PDF-1.4 beleid",
    "original_images/campus.jpg": b"jpeg campus",
    "profiles/0a1b2c.jpg": b"jpeg profiel",
    "exports/deelnemers.csv": b"naam;adres",
    "losse-upload.txt": b"los",
    "images/campus.width-800.jpg": b"rendition",  # public: stays
}


@pytest.fixture
def roots(settings):
    media, private = Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)
    for name, content in OLD_LAYOUT.items():
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(content)
    return media, private


def files_under(root: Path) -> dict:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


def run_command(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("move_private_files", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_everything_but_the_renditions_moves_under_the_same_names(roots):
    media, private = roots
    out, err = run_command()

    private_files = {
        name: content for name, content in OLD_LAYOUT.items() if not name.startswith("images/")
    }
    assert files_under(private) == private_files
    assert files_under(media) == {"images/campus.width-800.jpg": b"rendition"}
    assert sorted(path.name for path in media.iterdir()) == ["images"]  # empty folders gone
    assert "5 verplaatst, 0 stonden er al, 0 conflicten, 0 overgeslagen." in out
    assert err == ""


def test_running_it_again_changes_nothing(roots):
    media, private = roots
    run_command()
    before = (files_under(media), files_under(private))
    out, _ = run_command()
    assert (files_under(media), files_under(private)) == before
    assert "0 verplaatst" in out


def test_an_interrupted_run_is_finished(roots):
    """A file already copied (identical) is only removed from the old place."""
    media, private = roots
    (private / "documents").mkdir(parents=True)
    (private / "documents/beleid.pdf").write_bytes(OLD_LAYOUT["documents/beleid.pdf"])
    (private / "documents/.beleid.pdf.partial").write_bytes(b"%PDF-1.4 be")  # a copy cut off

    out, _ = run_command()

    assert "Stond al in de privé-map: documents/beleid.pdf" in out
    assert not (media / "documents").exists()
    assert (private / "documents/beleid.pdf").read_bytes() == OLD_LAYOUT["documents/beleid.pdf"]


def test_a_different_file_of_the_same_name_is_left_alone_and_reported(roots):
    media, private = roots
    (private / "profiles").mkdir(parents=True)
    (private / "profiles/0a1b2c.jpg").write_bytes(b"another photo")

    out, err = run_command()

    assert "Niet verplaatst: profiles/0a1b2c.jpg" in err
    assert (media / "profiles/0a1b2c.jpg").read_bytes() == b"jpeg profiel"
    assert (private / "profiles/0a1b2c.jpg").read_bytes() == b"another photo"
    assert "1 conflicten" in out


def test_symbolic_links_are_not_followed(roots, tmp_path):
    media, private = roots
    (tmp_path / "elsewhere.txt").write_bytes(b"not ours")
    os.symlink(tmp_path / "elsewhere.txt", media / "documents" / "link.pdf")
    os.symlink(tmp_path, media / "map-link")

    _out, err = run_command()

    assert "Overgeslagen (geen gewoon bestand): documents/link.pdf" in err
    assert "Overgeslagen (geen gewoon bestand): map-link" in err
    assert not (private / "documents/link.pdf").exists()
    assert (tmp_path / "elsewhere.txt").read_bytes() == b"not ours"


def test_dry_run_changes_nothing(roots):
    media, private = roots
    before = files_under(media)
    out, _ = run_command("--dry-run")
    assert "Zou verplaatsen: documents/beleid.pdf" in out
    assert files_under(media) == before
    assert not private.exists() or files_under(private) == {}


def test_roots_inside_each_other_are_refused(tmp_path):
    with pytest.raises(ImproperlyConfigured):
        private_files_move(media_root=tmp_path, private_root=tmp_path / "private")
    with pytest.raises(ImproperlyConfigured):
        private_files_move(media_root=tmp_path / "media", private_root=tmp_path)


@pytest.mark.django_db
def test_a_moved_document_is_served_again(settings):
    """The database keeps the names: after the move the document view finds the file.

    Asked by an editor: a document no live page uses goes to editors only.
    """
    editor = Client()
    editor.force_login(EditorFactory())
    document = Document(title="Beleid")
    document.file.save("beleid.pdf", ContentFile(b"%PDF-1.4 beleid"), save=False)
    document.save()
    # As an older installation had it: under MEDIA_ROOT.
    old = Path(settings.MEDIA_ROOT) / document.file.name
    old.parent.mkdir(parents=True)
    (Path(settings.PRIVATE_MEDIA_ROOT) / document.file.name).rename(old)
    assert editor.get(document.url).status_code == 404

    run_command()

    response = editor.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 beleid"
