"""Tamper-evident audit log: a hash chain per site over payload hashes (design in
docs/audit-chain.md).

Every audit row carries:

- ``chain_site``: the chain it belongs to, fixed when written: the writing site, or
  ``<site>/local`` for audit rows of local-only tables (user accounts...), which never leave
  their file (redact.py drops them from every merge) and so get a chain of their own;
- ``chain_seq``: 1, 2, 3... within that chain;
- ``payload_hash``: SHA-256 of the canonical JSON of ``changes`` (the part that redaction
  and erasure may wipe);
- ``prev_hash``: the ``chain_hash`` of the row before (:data:`GENESIS` for the first);
- ``chain_hash``: SHA-256 over (prev_hash, payload_hash, chain_site, chain_seq, id, at,
  username, action, table_name, row_id);
- ``payload_redacted``: 1 once a redaction or an erasure replaced ``changes``. The chain
  stays verifiable (it covers the hash, kept), only the payload can no longer be checked
  against it; :func:`verify` counts such rows.

Written by the one audit writer of the desktop (albergue_desktop/storage/versioning.py) and
by the engine's own audit rows (recovery.py, conflicts.py), through :func:`link`. Checked by
every merge on its source (:func:`check_source`) and by ``albergue-sync verify FILE``.

A file that existed before the chain (schema v11) chains its own site's rows at the upgrade
(:func:`backfill`); rows received from other sites before then stay unchained ("legacy") and
are counted, not checked. The first row of a chain held by a file is its anchor: a file may
hold a chain from the middle on (received after the upgrade), and dropping a chain's first
rows or its last rows is only visible against another file that holds them.
"""

from __future__ import annotations

import hashlib
import json
from . import dbapi as sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from . import i18n
from .rules import LOCAL_TABLES

GENESIS = "0" * 64
COLUMNS = ("chain_site", "chain_seq", "payload_hash", "prev_hash", "chain_hash")

# Both the engine and the desktop hook ask for a chain's last link with this query.
TIP_SQL = ("SELECT chain_seq, chain_hash FROM audit_event WHERE chain_site = :chain "
           "AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1")

i18n.ES.update({
    "{path}: the audit log was altered: chain {chain}, link {seq} (event {id}): {reason}. "
    "Nothing of it was merged.":
        "{path}: el registro de auditoría fue alterado: cadena {chain}, eslabón {seq} "
        "(evento {id}): {reason}. No se integró nada de ese archivo.",
    "{path}: the audit log was altered: chain {chain}, link {seq} (event {id}): {reason}.":
        "{path}: el registro de auditoría fue alterado: cadena {chain}, eslabón {seq} "
        "(evento {id}): {reason}.",
    "{path}: audit log ok: {rows} events in {chains} chains ({redacted} with a redacted "
    "payload, {legacy} from before the chain).":
        "{path}: registro de auditoría íntegro: {rows} eventos en {chains} cadenas "
        "({redacted} con contenido retirado, {legacy} anteriores a la cadena).",
    "its content does not match its hash": "su contenido no coincide con su huella",
    "its data does not match its link hash":
        "sus datos no coinciden con la huella del eslabón",
    "it does not point to the link before it": "no apunta al eslabón anterior",
    "the link before it is missing": "falta el eslabón anterior",
    "two events claim this link": "dos eventos ocupan este eslabón",
    "it has no link (written outside Albergue)":
        "no tiene eslabón (escrito fuera de Albergue)",
})


def chain_key(site_id: str, table_name: str | None) -> str:
    return f"{site_id}/local" if table_name in LOCAL_TABLES else site_id


def canonical(changes: Any) -> str:
    if changes in ("{}", "", None, {}):
        return "{}"  # most events (creations, record opened): no parsing
    if isinstance(changes, (str, bytes)):
        try:
            changes = json.loads(changes) if changes else {}
        except ValueError:
            return changes if isinstance(changes, str) else changes.decode("utf-8", "replace")
    return json.dumps(changes, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str)


def payload_hash(changes: Any) -> str:
    return hashlib.sha256(canonical(changes).encode("utf-8")).hexdigest()


def norm_at(value: Any) -> str:
    """``at`` as one text whatever wrote it (an aware datetime of the ORM, the engine's
    ``YYYY-MM-DD HH:MM:SS.ffffff`` text, a naive UTC datetime read back)."""
    if isinstance(value, str):
        if len(value) == 26 and value[10] == " " and value[19] == ".":
            return value  # already the stored form (the desktop's and the engine's)
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return "" if value is None else str(value)


def link_hash(prev: str, payload: str, chain: str, seq: int, row: dict[str, Any]) -> str:
    data = [prev, payload, chain, int(seq), row.get("id"), norm_at(row.get("at")),
            row.get("username") or "", row.get("action") or "", row.get("table_name") or "",
            row.get("row_id") or ""]
    return hashlib.sha256(json.dumps(data, separators=(",", ":"), ensure_ascii=False)
                          .encode("utf-8")).hexdigest()


def link(tip: tuple[int, str] | None, chain: str, row: dict[str, Any]) -> dict[str, Any]:
    """The chain columns of a new audit row ``row`` (id, at, username, action, table_name,
    row_id, changes) written after ``tip`` (last (chain_seq, chain_hash) of ``chain`` or
    None)."""
    seq, prev = (int(tip[0]) + 1, tip[1]) if tip else (1, GENESIS)
    payload = payload_hash(row.get("changes"))
    return {"chain_site": chain, "chain_seq": seq, "payload_hash": payload,
            "prev_hash": prev, "chain_hash": link_hash(prev, payload, chain, seq, row)}


def has_chain(conn: sqlite3.Connection, db: str = "main") -> bool:
    cols = {r[1] for r in conn.execute(f"PRAGMA {db}.table_info(audit_event)")}
    return set(COLUMNS) <= cols


def tip(conn: sqlite3.Connection, chain: str) -> tuple[int, str] | None:
    row = conn.execute(TIP_SQL, {"chain": chain}).fetchone()
    return (int(row[0]), row[1]) if row else None


def append(conn: sqlite3.Connection, row: dict[str, Any]) -> dict[str, Any]:
    """Chain columns for an audit row the engine is about to insert into ``main``."""
    if not has_chain(conn):
        return {}
    chain = chain_key(row["site_id"], row.get("table_name"))
    return link(tip(conn, chain), chain, row)


def insert(conn: sqlite3.Connection, row: dict[str, Any]) -> None:
    """INSERT the audit row ``row`` (every column but the chain's) with its chain link."""
    values = {**row, **append(conn, row)}
    names = list(values)
    conn.execute(f"INSERT INTO audit_event ({', '.join(names)}) "
                 f"VALUES ({', '.join('?' for _ in names)})", [values[n] for n in names])


_ROW_SQL = ("SELECT id, site_id, at, username, action, table_name, row_id, changes, "
            "chain_site, chain_seq, payload_hash, prev_hash, chain_hash, payload_redacted "
            "FROM {db}.audit_event")
_NAMES = ("id", "site_id", "at", "username", "action", "table_name", "row_id", "changes",
          "chain_site", "chain_seq", "payload_hash", "prev_hash", "chain_hash",
          "payload_redacted")


def rechain(conn: sqlite3.Connection, where: str, args: tuple = (), order: str = "chain_seq",
            chain_of=None) -> int:
    """Give the rows of ``main.audit_event`` matching ``where`` new links, in ``order``, at
    the end of their chain (``chain_of(row)``, by default the chain of their site)."""
    rows = [dict(zip(_NAMES, r)) for r in conn.execute(
        _ROW_SQL.format(db="main") + f" WHERE {where} ORDER BY {order}", args)]
    tips: dict[str, tuple[int, str] | None] = {}
    ids = [r["id"] for r in rows]
    if ids:  # off their old chain first, so that the tip is the chain's end without them
        conn.executemany("UPDATE audit_event SET chain_site = NULL, chain_seq = NULL "
                         "WHERE id = ?", [(i,) for i in ids])
    for row in rows:
        chain = chain_of(row) if chain_of else chain_key(row["site_id"], row["table_name"])
        if chain not in tips:
            tips[chain] = tip(conn, chain)
        new = link(tips[chain], chain, row)
        if row["payload_redacted"] and row["payload_hash"]:
            new["payload_hash"] = row["payload_hash"]  # the original's hash, kept
            new["chain_hash"] = link_hash(new["prev_hash"], row["payload_hash"], chain,
                                          new["chain_seq"], row)
        conn.execute("UPDATE audit_event SET chain_site = ?, chain_seq = ?, payload_hash = ?, "
                     "prev_hash = ?, chain_hash = ? WHERE id = ?",
                     (*[new[c] for c in COLUMNS], row["id"]))
        tips[chain] = (new["chain_seq"], new["chain_hash"])
    return len(rows)


def backfill(conn: sqlite3.Connection) -> int:
    """Schema upgrade: chain this file's own rows, in the order they were written (clock,
    then the site's own counter). Rows of other sites stay unchained (see the module doc)."""
    site = conn.execute("SELECT value FROM meta WHERE key = 'site_id'").fetchone()
    if site is None:
        return 0
    return rechain(conn, "site_id = ? AND chain_seq IS NULL", (site[0],),
                   order="hlc, change_seq, id")


def redact(conn: sqlite3.Connection, ids: list[str], changes: dict | None = None) -> None:
    """Replace the payload of audit rows (erasure): the hash and the chain stay."""
    conn.executemany("UPDATE audit_event SET changes = ?, payload_redacted = 1 WHERE id = ?",
                     [(json.dumps(changes or {}), i) for i in ids])


def mark_redacted(conn: sqlite3.Connection, seq: int) -> int:
    """After redact.py changed the audit rows of merge ``seq``: flag those whose payload no
    longer matches its hash (their source was verified before the merge)."""
    if not has_chain(conn):
        return 0
    changed = [(r[0],) for r in conn.execute(
        "SELECT id, changes, payload_hash FROM main.audit_event WHERE change_seq = ? "
        "AND payload_hash IS NOT NULL AND payload_redacted = 0", (seq,))
        if payload_hash(r[1]) != r[2]]
    conn.executemany("UPDATE main.audit_event SET payload_redacted = 1 WHERE id = ?", changed)
    return len(changed)


@dataclass
class Broken:
    chain: str
    seq: int | None
    id: str
    reason: str


@dataclass
class Verdict:
    rows: int = 0
    chains: int = 0
    redacted: int = 0
    legacy: int = 0
    broken: Broken | None = None
    anchors: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.broken is None


def verify(conn: sqlite3.Connection, db: str = "main", since: int = 0) -> Verdict:
    """Check the chains of ``db.audit_event`` (the rows changed after ``since``, each linked
    to the link before it even when that one is older: a merge checks only what it reads);
    the first broken link found (unchained rows first, then by chain and link number) is in
    ``broken``. An unchained row is "legacy" (written before its site had the chain, schema
    v11) when its site has no chain in this file or its clock is not after the first link
    this file holds of that site; any other unchained row was written outside Albergue."""
    verdict = Verdict()
    if not has_chain(conn, db):
        return verdict
    firsts: dict[str, tuple[int, int] | None] = {}

    def first(chain: str) -> tuple[int, int] | None:  # (chain_seq, hlc) of its first link
        if chain not in firsts:
            row = conn.execute(f"SELECT chain_seq, hlc FROM {db}.audit_event WHERE "
                               "chain_site = ? AND chain_seq IS NOT NULL ORDER BY chain_seq "
                               "LIMIT 1", (chain,)).fetchone()
            firsts[chain] = (int(row[0]), int(row[1] or 0)) if row else None
        return firsts[chain]

    def before(chain: str, seq: int) -> tuple[int, str] | None:
        row = conn.execute(f"SELECT chain_seq, chain_hash FROM {db}.audit_event WHERE "
                           "chain_site = ? AND chain_seq = ? LIMIT 1", (chain, seq)).fetchone()
        return (int(row[0]), row[1]) if row else None

    rows = conn.execute(_ROW_SQL.format(db=db).replace(" FROM", ", hlc FROM")
                        + " WHERE change_seq > ? ORDER BY chain_site, chain_seq", (since,))
    chain: Any = None
    last: tuple[int, str] | None = None
    for r in rows:
        row = dict(zip((*_NAMES, "hlc"), r))
        verdict.rows += 1
        if row["chain_seq"] is None or row["chain_site"] is None:
            site = row["site_id"]
            anchor = first(site) or first(f"{site}/local")
            if anchor is None or int(row["hlc"] or 0) <= anchor[1]:
                verdict.legacy += 1
                continue
            verdict.broken = verdict.broken or Broken(
                row["site_id"], None, row["id"], "it has no link (written outside Albergue)")
            continue
        seq = int(row["chain_seq"])
        if row["chain_site"] != chain:
            chain, last = row["chain_site"], None
            verdict.chains += 1
            verdict.anchors[chain] = seq
        if seq > 1 and (last is None or last[0] < seq - 1):
            # the link before it was not read here (older than ``since``) or is missing
            found = before(chain, seq - 1)
            anchor = first(chain)
            if found is not None or anchor is None or seq > anchor[0]:
                last = found or (seq - 2, "")  # missing: reported below
        reason = None
        if row["payload_redacted"]:
            verdict.redacted += 1
        elif payload_hash(row["changes"]) != row["payload_hash"]:
            reason = "its content does not match its hash"
        if reason is None and link_hash(row["prev_hash"] or "", row["payload_hash"] or "",
                                        chain, seq, row) != row["chain_hash"]:
            reason = "its data does not match its link hash"
        if reason is None and last is not None:
            if seq == last[0]:
                reason = "two events claim this link"
            elif seq != last[0] + 1:
                reason = "the link before it is missing"
            elif row["prev_hash"] != last[1]:
                reason = "it does not point to the link before it"
        elif reason is None and seq == 1 and row["prev_hash"] != GENESIS:
            reason = "it does not point to the link before it"
        if reason and verdict.broken is None:
            verdict.broken = Broken(chain, seq, row["id"], reason)
        last = (seq, row["chain_hash"])
    return verdict


def describe(path: str, broken: Broken, *, merge: bool) -> tuple[str, dict[str, Any]]:
    msgid = ("{path}: the audit log was altered: chain {chain}, link {seq} (event {id}): "
             "{reason}." + (" Nothing of it was merged." if merge else ""))
    return msgid, {"path": path, "chain": broken.chain[:12] + (
        "/local" if broken.chain.endswith("/local") else ""),
        "seq": "-" if broken.seq is None else broken.seq, "id": broken.id,
        "reason": i18n.translate(broken.reason)}


def check_source(conn: sqlite3.Connection, path: str, db: str = "src", since: int = 0,
                 ) -> None:
    """The merge's check: refuse a source whose audit chain is broken in the rows it brings
    (changed after ``since``) or where they join the older ones (SyncRefused)."""
    verdict = verify(conn, db, since)
    if verdict.broken is not None:
        msgid, args = describe(path, verdict.broken, merge=True)
        raise i18n.SyncRefused(msgid, **args)
