"""Priorities common to several regions: overlapping cross-region pairs from the overlap
engine (hybrid with the embedding model, lexical without it) and exact links to one plan item."""

import pytest

from accord.engines.overlap import semantic
from accord.regional import queries
from tests.regional.conftest import add

CONNECTIVITY_AFR = (
    "Affordable broadband connectivity for rural communities",
    "Extend affordable broadband connectivity to rural and underserved communities, using "
    "universal service funds and community networks.",
)
CONNECTIVITY_AMS = (
    "Meaningful and affordable connectivity in rural areas",
    "Close the connectivity gap in rural and remote areas with affordable broadband and "
    "community networks financed by universal service funds.",
)
CONNECTIVITY_AFR_AGAIN = (
    "Affordable broadband for rural communities in Africa",
    "Extend affordable broadband connectivity to rural communities with universal service "
    "funds and community networks across the continent.",
)
SPECTRUM_EUR = (
    "Spectrum for satellite services",
    "Coordinate orbital resources and spectrum for satellite operators.",
)


@pytest.fixture
def no_model(monkeypatch):
    """The embedding model absent, as on an install without ``accord[semantic]``."""
    monkeypatch.setattr(semantic, "available", lambda: False)
    monkeypatch.setattr(semantic, "load", lambda: None)


@pytest.fixture
def priorities(admin, conference):
    return {
        "ATU-1": add(admin, conference, "ATU", "ATU-1", *CONNECTIVITY_AFR),
        "ATU-2": add(admin, conference, "ATU", "ATU-2", *CONNECTIVITY_AFR_AGAIN),
        "CITEL-1": add(admin, conference, "CITEL", "CITEL-1", *CONNECTIVITY_AMS),
        "CEPT-1": add(admin, conference, "CEPT", "CEPT-1", *SPECTRUM_EUR),
    }


def _pairs(found):
    return sorted(
        tuple(sorted((link.a.code, link.b.code))) for g in found.overlaps for link in g.links
    )


def test_without_the_model_lexical_finds_the_cross_region_pair_only(
    no_model, admin, conference, priorities
):
    found = queries.common_priorities(admin, conference)
    assert found.method == "lexical"
    # ATU-1 and ATU-2 say the same thing too, but they are one region's: not listed.
    assert _pairs(found) == [("ATU-1", "CITEL-1"), ("ATU-2", "CITEL-1")]
    link = next(link for g in found.overlaps for link in g.links if link.a.code == "ATU-1")
    assert "universal service funds" in link.shared
    assert [g.regions for g in found.overlaps] == [["AFR", "AMS"]]


@pytest.mark.skipif(not semantic.available(), reason="wordllama not installed")
def test_with_the_model_hybrid_finds_the_cross_region_pair(admin, conference, priorities):
    found = queries.common_priorities(admin, conference)
    assert found.method == "hybrid"
    pairs = _pairs(found)
    assert ("ATU-1", "CITEL-1") in pairs
    assert all({a.split("-")[0], b.split("-")[0]} != {"ATU"} for a, b in pairs)
    assert all("CEPT-1" not in pair for pair in pairs)


def test_an_injected_embedder_is_used_for_the_hybrid_method(admin, conference, priorities):
    class Constant:
        """Every text the same vector: only the lexical evidence tells pairs apart."""

        def embed(self, texts):
            return [[1.0, 0.0] for _ in texts]

    found = queries.common_priorities(admin, conference, embedder=Constant())
    assert found.method == "hybrid"
    assert ("ATU-1", "CITEL-1") in _pairs(found)


@pytest.mark.parametrize("model", ["absent", "present"])
def test_exact_links_group_two_regions_on_one_plan_item(request, model, admin, conference, draft):
    if model == "absent":
        request.getfixturevalue("no_model")
    elif not semantic.available():
        pytest.skip("wordllama not installed")
    item = draft.items.get(code="D.2-a")
    other = draft.items.get(code="D.1-a")
    add(admin, conference, "APT", "APT-1", "Smart villages", "Rural ICT centres", [item])
    add(admin, conference, "RCC", "RCC-1", "Strategies", "National strategies", [item, other])
    add(admin, conference, "RCC", "RCC-2", "More strategies", "Same region", [other])
    found = queries.common_priorities(admin, conference)
    assert [(g.item.code, [p.code for p in g.priorities], g.regions) for g in found.links] == [
        ("D.2-a", ["APT-1", "RCC-1"], ["ASP", "CIS"])
    ]
    assert found.overlaps == []
    assert {
        p.code for p in queries.priorities_of(admin, conference) if p.pk in found.shared_ids
    } == {
        "APT-1",
        "RCC-1",
    }


def test_fewer_than_two_priorities_give_no_grouping(no_model, admin, conference):
    add(admin, conference, "ATU", "ATU-1", *CONNECTIVITY_AFR)
    found = queries.common_priorities(admin, conference)
    assert (found.overlaps, found.links, found.shared_ids) == ([], [], set())


def test_demo_priorities_have_common_ones_across_regions(no_model, demo):
    found = queries.common_priorities(None, demo.conference)
    themes = {tuple(g.regions) for g in found.overlaps}
    assert len(found.overlaps) >= 3
    assert all(len(regions) >= 2 for regions in themes)
    assert {g.item.code for g in found.links} >= {"D.1-a", "D.5-b", "D.2-b"}


@pytest.mark.skipif(not semantic.available(), reason="wordllama not installed")
def test_demo_priorities_with_the_model_group_themes_across_regions(demo):
    found = queries.common_priorities(None, demo.conference)
    assert found.method == "hybrid"
    grouped = [sorted(p.code for p in g.priorities) for g in found.overlaps]
    assert ["ASMG-1", "CEPT-1", "RCC-1"] in grouped
    assert ["ATU-1", "CITEL-1"] in grouped
