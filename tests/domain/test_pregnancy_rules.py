"""The pregnancy rule table: thresholds at their boundaries, warning signs, the visit
calendar; every rule cites its source."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from albergue_desktop.domain.pregnancy import (
    ANC_CONTACT_WEEKS, RULES, POSTNATAL_SIGNS, PRENATAL_SIGNS, Recommendation, VisitKind,
    assess, due_date_from_weeks, weeks_on,
)

DAY = date(2022, 1, 10)
PRE, POST = VisitKind.PRENATAL, VisitKind.POSTNATAL


@pytest.mark.parametrize("sbp, dbp, expected", [
    (139, 89, Recommendation.ROUTINE), (140, 80, Recommendation.REFERRAL),
    (120, 90, Recommendation.REFERRAL), (159, 109, Recommendation.REFERRAL),
    (160, 70, Recommendation.REFERRAL), (None, None, Recommendation.ROUTINE)])
def test_blood_pressure_boundaries(sbp, dbp, expected):
    result = assess(PRE, on=DAY, gestation_weeks=20, systolic_bp=sbp, diastolic_bp=dbp)
    assert result.recommendation is expected
    if sbp and sbp >= 160:
        assert "PREG-BP-SEVERE" in result.rules_fired


def test_every_warning_sign_asks_for_care_the_same_day():
    for sign in PRENATAL_SIGNS:
        r = assess(PRE, on=DAY, gestation_weeks=20, warning_signs=[sign])
        assert r.recommendation is not Recommendation.ROUTINE, sign
        assert r.next_visit == DAY + timedelta(days=1)
    for sign in POSTNATAL_SIGNS:
        r = assess(POST, on=DAY, warning_signs=[sign], delivery_date=DAY - timedelta(days=3))
        assert r.recommendation is not Recommendation.ROUTINE, sign


def test_unknown_weeks_and_post_term_ask_for_more_care():
    assert assess(PRE, on=DAY).recommendation is Recommendation.CONSULTATION
    assert assess(PRE, on=DAY, gestation_weeks=41).recommendation is Recommendation.REFERRAL
    assert assess(PRE, on=DAY, gestation_weeks=40).recommendation is Recommendation.ROUTINE


def test_visit_calendar():
    assert ANC_CONTACT_WEEKS == (12, 20, 26, 30, 34, 36, 38, 40)
    assert assess(PRE, on=DAY, gestation_weeks=12).next_visit == DAY + timedelta(weeks=8)
    assert assess(PRE, on=DAY, gestation_weeks=40).next_visit == DAY + timedelta(weeks=1)
    born = DAY - timedelta(days=3)
    assert assess(POST, on=DAY, delivery_date=born).next_visit == born + timedelta(days=7)
    assert assess(POST, on=born + timedelta(days=50), delivery_date=born).next_visit is None
    due = due_date_from_weeks(24, DAY)
    assert weeks_on(due, DAY) == 24 and due == DAY + timedelta(days=280 - 168)


def test_every_rule_cites_its_source():
    for rule in RULES:
        assert rule.source and rule.citation, rule.id
