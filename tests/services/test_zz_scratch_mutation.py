import pytest
from albergue_desktop.services import stays
from test_stays_stateful import StayMachine, template  # noqa
from hypothesis import settings

@pytest.mark.parametrize("mut", ["nofree", "nocheck"])
def test_mut(template, monkeypatch, mut):
    if mut == "nofree":
        monkeypatch.setattr(stays, "_free_bed", lambda s, b: None)
    else:
        orig = stays._open_stay
        monkeypatch.setattr(stays, "check_in", stays.check_in)
        import albergue_desktop.services.stays as m
        src_take = m._take_bed
        def take(session, bed_id, center_id):
            from albergue_desktop.storage.tables import Bed
            bed = session.get(Bed, bed_id)
            if bed.center_id != center_id:
                return src_take(session, bed_id, center_id)
            bed.status = "occupied"; session.add(bed); return bed
        monkeypatch.setattr(m, "_take_bed", take)
    StayMachine.template = template
    run = StayMachine.TestCase
    run.settings = settings(max_examples=30, stateful_step_count=20, deadline=None)
    with pytest.raises(AssertionError):
        run().runTest()
