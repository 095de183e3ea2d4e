"""Drop-folder mode: for places with only a file-sync tool (Syncthing, a shared drive).

Each center writes only its own export file into the folder (``centro-CODE.sqlite``, with
``albergue-sync export --from CENTER_DB --to FOLDER/centro-CODE.sqlite``: a consistent
snapshot renamed into place, so a half-written copy never has the final name). Only the
central machine merges: :func:`run_once` copies each center file to its private work
folder, merges it into the central file (which must be on a local disk) with the ordinary
``merge_files``, then publishes one snapshot per center, ``central-CODE.sqlite``, already
without the health records that center may not hold (``server.pullfile``), for the center
to pull (``albergue-sync pull --from FOLDER/central-CODE.sqlite --into CENTER_DB``).

A file refused (half synced by the file tool, damaged, another center's name) is left
where it is and reported; the next round tries it again. No file in the folder is ever
written by a center other than its own, nor by the central other than its snapshots."""

from __future__ import annotations

import re
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from . import dbapi, files, keyfile, netfs
from .engine import Options, merge_files
from .i18n import SyncRefused
from .server.pullfile import withhold_for_center
from .server.store import SqliteCentral
from .server.worker import file_center_code
from .trim import trim

CENTER_FILE = re.compile(r"^centro-(?P<code>[A-Za-z0-9_.-]+)\.sqlite$")


@dataclass
class DropResult:
    merged: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    published: list[str] = field(default_factory=list)


def center_files(folder: Path) -> list[tuple[str, Path]]:
    found = []
    for path in sorted(Path(folder).glob("centro-*.sqlite")):
        match = CENTER_FILE.match(path.name)
        if match and path.is_file():
            found.append((match.group("code"), path))
    return found


def run_once(folder: Path, central: Path, *, with_health: frozenset[str] = frozenset()
             ) -> DropResult:
    """Merge every center file of ``folder`` into ``central``, then publish the snapshots.
    ``with_health``: codes of centers whose snapshot keeps other centers' health records."""
    folder, central = Path(folder), Path(central)
    netfs.refuse_network(central)
    files.inspect(central)
    result = DropResult()
    codes = []
    with files.WorkDir(central) as work:
        for code, path in center_files(folder):
            codes.append(code)
            copy = work.file("drop")
            try:
                # an encrypted center file opens here through its peer slot of this
                # central (docs/encryption.md, "Files that travel"), or a key in memory
                key = dbapi.find_key(path)
                try:
                    shutil.copyfile(path, copy)  # read once from the share, merged locally
                except OSError as exc:
                    raise SyncRefused("Cannot read {path}: {detail}", path=str(path),
                                      detail=exc.strerror or str(exc)) from exc
                if key is not None:
                    keyfile.remember(copy, key)
                files.inspect(copy, shown=path)
                found = file_center_code(copy, SqliteCentral(central))
                if found != code:
                    raise SyncRefused("{path} is named for center {center} but belongs to "
                                      "center {found}; it was not merged.", path=str(path),
                                      center=code, found=found or "-")
                reports = merge_files(central, [copy], Options())
                if any(r.new or r.updated or r.conflicts for r in reports):
                    result.merged.append(path.name)
            except SyncRefused as exc:
                result.refused[path.name] = str(exc).replace(str(copy), str(path))
            finally:
                copy.unlink(missing_ok=True)
                keyfile.forget(copy)
        for code, path in center_files(folder):
            if path.name in result.refused:
                continue  # a file refused is not a center to publish for
            result.published.append(publish(folder, central, code, work, source=path,
                                            with_health=code in with_health).name)
    return result


def publish(folder: Path, central: Path, code: str, work: files.WorkDir, *,
            source: Path | None = None, with_health: bool = False) -> Path:
    """``central-CODE.sqlite`` in ``folder``: the central file as of now for that center,
    renamed into place (a center never reads half a snapshot). Encrypted under a data key
    of its own (never the central's), with a key file whose one peer slot opens it with the
    key of ``source`` (the center's file in the folder, so its database): only that center
    opens it (and the central, which made it)."""
    dest = Path(folder) / f"central-{code}.sqlite"
    current = files.inspect(central)
    try:
        old = files.inspect(dest)
        if (old.site_id, old.epoch, old.seq_last) == (current.site_id, current.epoch,
                                                      current.seq_last):
            return dest  # the central did not change: the file-sync tool has nothing to do
    except SyncRefused:
        pass  # missing or damaged: written again
    staged = work.file("publish")
    files.snapshot(central, staged)
    trim(staged, 0)  # without the central's accounts
    if not with_health:
        withhold_for_center(staged, code)
    files.reencrypt(staged)
    keyfile.save(staged, keyfile.KeyFile(uuid.uuid4().hex))
    if source is not None and dbapi.find_key(source) is not None:
        keyfile.grant(staged, source)
    tmp = dest.with_name(dest.name + ".partial")
    shutil.copyfile(staged, tmp)
    shutil.copyfile(keyfile.keys_path(staged), keyfile.keys_path(dest))
    tmp.replace(dest)
    keyfile.copy_keys(staged, dest, key_file=False)  # the central opens what it published
    staged.unlink(missing_ok=True)
    keyfile.keys_path(staged).unlink(missing_ok=True)
    keyfile.forget(staged)
    return dest
