"""Which uploaded files are public on disk, and moving an older installation's files.

MEDIA_ROOT holds public files only: Wagtail's image renditions in `images/`.
Everything else uploaded (documents, original images, profile photos, whatever is
added later) belongs in PRIVATE_MEDIA_ROOT (config/storages.py). Installations from
before that split have those files under MEDIA_ROOT; `private_files_move` moves them
across, keeping their names, so the database needs no change.
"""

import filecmp
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# The one folder of MEDIA_ROOT that is public: where Wagtail writes renditions.
RENDITIONS_FOLDER = "images"


@dataclass
class MoveReport:
    """What `private_files_move` did, as names relative to the roots."""

    moved: list[str] = field(default_factory=list)
    # An identical copy was already in the private root (an earlier, interrupted run).
    already_there: list[str] = field(default_factory=list)
    # A different file of that name is in the private root: both are left as they are.
    conflicts: list[str] = field(default_factory=list)
    # Symbolic links and other non-regular files are never followed or moved.
    skipped: list[str] = field(default_factory=list)


def private_files_move(
    *, media_root: Path, private_root: Path, dry_run: bool = False
) -> MoveReport:
    """Move every file under `media_root` except the renditions into `private_root`.

    Safe to run again and after an interruption: a file is copied under a temporary
    name, renamed into place, and only then removed from `media_root`. With `dry_run`
    nothing changes and the report says what would happen.
    """
    media_root, private_root = Path(media_root).resolve(), Path(private_root).resolve()
    if private_root.is_relative_to(media_root) or media_root.is_relative_to(private_root):
        raise ImproperlyConfigured(
            f"PRIVATE_MEDIA_ROOT ({private_root}) and MEDIA_ROOT ({media_root}) must not "
            "contain each other: the private files would be served."
        )
    report = MoveReport()
    if not media_root.is_dir():
        return report
    for source in _private_files(media_root, report):
        name = source.relative_to(media_root).as_posix()
        target = private_root / name
        if target.exists() or target.is_symlink():
            if target.is_file() and filecmp.cmp(source, target, shallow=False):
                report.already_there.append(name)
                if not dry_run:
                    source.unlink()
            else:
                report.conflicts.append(name)
            continue
        report.moved.append(name)
        if not dry_run:
            _move_file(source, target)
    if not dry_run:
        _remove_empty_folders(media_root)
    return report


def _private_files(media_root: Path, report: MoveReport):
    """Regular files outside the renditions folder; links and the like go to `skipped`."""
    for top in _private_tops(media_root):
        if top.is_dir() and not top.is_symlink():
            walk = os.walk(top)
        else:
            walk = [(media_root, [], [top.name])]
        for folder, subfolders, files in walk:
            subfolders.sort()
            # os.walk lists links to folders with the folders but does not enter them.
            links = [name for name in subfolders if Path(folder, name).is_symlink()]
            for name in sorted(files + links):
                path = Path(folder, name)
                if path.is_symlink() or not path.is_file():
                    report.skipped.append(path.relative_to(media_root).as_posix())
                else:
                    yield path


def _private_tops(media_root: Path):
    return [path for path in sorted(media_root.iterdir()) if path.name != RENDITIONS_FOLDER]


def _move_file(source: Path, target: Path) -> None:
    # Copy, then rename: the volumes may be different file systems, and a run that
    # stops half-way leaves either no target or a complete one.
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    shutil.copy2(source, partial)
    os.replace(partial, target)
    source.unlink()


def _remove_empty_folders(media_root: Path) -> None:
    for top in _private_tops(media_root):
        if top.is_symlink() or not top.is_dir():
            continue
        for folder, _subfolders, _files in os.walk(top, topdown=False):
            path = Path(folder)
            if not any(path.iterdir()):
                path.rmdir()
