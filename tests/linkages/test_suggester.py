"""One Suggester per process and method, rebuilt when the SDG targets change."""

import json

import pytest

from accord.linkages.domain.suggester import current_suggester, reference_fingerprint
from accord.reference.domain import import_sdg_targets

pytestmark = pytest.mark.integration

TARGETS = [{"goal": 5, "target": "5.b", "description": "Use technology to empower women"}]


def test_current_suggester_is_built_once(db):
    first = current_suggester("lexical")

    assert current_suggester("lexical") is first
    assert first.catalogue.targets == ()


def test_current_suggester_is_rebuilt_after_targets_are_imported(admin):
    before = current_suggester("lexical")

    import_sdg_targets(user=admin, source=json.dumps(TARGETS).encode(), name="targets.json")
    after = current_suggester("lexical")

    assert after is not before
    assert [t.code for t in after.catalogue.targets] == ["5.b"]
    assert after.suggest("Empower women through technology").targets[0].code == "5.b"


def test_current_suggester_is_rebuilt_after_a_target_text_changes(admin):
    import_sdg_targets(user=admin, source=json.dumps(TARGETS).encode(), name="targets.json")
    before = current_suggester("lexical")
    changed = [dict(TARGETS[0], description="Other words")]

    import_sdg_targets(user=admin, source=json.dumps(changed).encode(), name="targets.json")

    assert current_suggester("lexical") is not before


def test_reference_fingerprint_costs_two_queries(db, django_assert_num_queries):
    with django_assert_num_queries(2):
        reference_fingerprint()
