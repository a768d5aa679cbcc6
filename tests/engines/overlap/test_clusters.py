"""Clusters: connected components of the pairs, in corpus order."""

import pytest

from accord.engines.overlap import OverlapError, Pair, cluster

pytestmark = pytest.mark.unit

IDS = ["P.1-a", "P.1-b", "P.1-c", "P.2-a", "P.2-b", "P.3-a", "P.3-b"]


def pair(a, b):
    return Pair(a=a, b=b, score=0.9, lexical=0.9)


def test_cluster_joins_texts_linked_through_a_third():
    pairs = [pair("P.3-a", "P.1-a"), pair("P.1-a", "P.2-b")]
    assert cluster(pairs, IDS) == [["P.1-a", "P.2-b", "P.3-a"]]


def test_cluster_orders_largest_first_then_by_first_text():
    pairs = [
        pair("P.2-a", "P.3-b"),
        pair("P.1-b", "P.1-c"),
        pair("P.1-c", "P.3-a"),
        pair("P.1-a", "P.2-b"),
    ]
    assert cluster(pairs, IDS) == [
        ["P.1-b", "P.1-c", "P.3-a"],
        ["P.1-a", "P.2-b"],
        ["P.2-a", "P.3-b"],
    ]


def test_cluster_no_pairs_no_clusters():
    assert cluster([], IDS) == []
    assert cluster([], []) == []


def test_cluster_repeated_pairs_count_once():
    assert cluster([pair("P.1-a", "P.1-b"), pair("P.1-a", "P.1-b")], IDS) == [["P.1-a", "P.1-b"]]


def test_cluster_refuses_a_pair_outside_the_corpus():
    with pytest.raises(OverlapError, match=r"a pair names 'D\.9-z', which is not in the corpus"):
        cluster([pair("P.1-a", "D.9-z")], IDS)
