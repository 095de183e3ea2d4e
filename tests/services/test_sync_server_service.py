"""The desktop's service for the sync server: who may enroll, what counts as pending, and
that a push or a pull never writes a change of its own into this file."""

from __future__ import annotations

import pytest

from albergue_desktop.domain.errors import AlbergueError
from albergue_desktop.services import people, sync_server
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_sync import files
from albergue_sync.server import tls
from albergue_sync.server.run import Running


def test_enroll_push_pull_and_pending(db, center, tmp_path, make_member):
    central = tmp_path / "central.sqlite"
    files.create(central)
    registro = Actor(username="ana", role="registro", center_id=center.id)
    coord = Actor(username="coord", role="coordinacion", center_id=center.id)
    assert sync_server.state(db).state == sync_server.NOT_ENROLLED
    assert sync_server.push(db, SYSTEM).state == sync_server.NOT_ENROLLED
    people.register_household(db, SYSTEM, center_id=center.id, members=[make_member()])
    with Running(central, tmp_path / "server") as srv:
        fp = tls.fingerprint_file(srv.cert)[:tls.FINGERPRINT_BYTES]
        code = srv.server.state.new_enrollment(center.code, fp)
        with pytest.raises(AlbergueError):  # registration staff may not enroll a computer
            sync_server.connect(db, registro, srv.url, code)
        assert sync_server.connect(db, coord, srv.url, code).state == sync_server.PENDING
        assert sync_server.state(db).pending >= 2  # the household and its person at least
        assert sync_server.push(db, SYSTEM).state == sync_server.SYNCED
        seq = db.meta("seq_last")
        state, changed = sync_server.pull(db, SYSTEM)
        assert changed == 0 and state.state == sync_server.SYNCED
        assert db.meta("seq_last") == seq  # nothing to bring: this file is untouched
        assert sync_server.last_ok(db) is not None
    offline = sync_server.push(db, SYSTEM)  # nothing pending: it does not even try
    assert offline.state == sync_server.SYNCED
    people.register_household(db, SYSTEM, center_id=center.id, members=[make_member()])
    offline = sync_server.push(db, SYSTEM)
    assert offline.state == sync_server.OFFLINE and offline.offline_since is not None
    assert offline.pending >= 2
