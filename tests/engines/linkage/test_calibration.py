"""The calibrated constants: their shape, that they are what benchmarks/linkage_quality.py
fits on the labelled sentences, and that the issue's targets hold with them."""

import importlib.util
import sys
from pathlib import Path

import pytest

from accord.engines.linkage import METHODS, calibration
from accord.engines.linkage.features import feature_names
from accord.engines.linkage.model import KINDS
from accord.engines.overlap import semantic

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "benchmarks" / "data" / "linkage_sentences.jsonl"
needs_data = pytest.mark.skipif(
    not DATA.is_file() or semantic._numpy() is None,
    reason="no labelled sentences or no numpy to fit with",
)


def needs_model_for(method):
    return pytest.mark.skipif(
        method != "lexical" and not semantic.available(),
        reason="wordllama (pip install 'accord[semantic]') not installed",
    )


@pytest.fixture(scope="module")
def quality():
    spec = importlib.util.spec_from_file_location(
        "linkage_quality", ROOT / "benchmarks" / "linkage_quality.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("linkage_quality", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def labelled(quality):
    sentences = quality.load_sentences()
    catalogue, _ = quality.load_catalogue()
    return sentences, catalogue


@pytest.mark.parametrize("method", METHODS)
def test_weights_have_one_per_feature_and_an_intercept(method):
    for kind in KINDS:
        assert len(calibration.WEIGHTS[method][kind]) == len(feature_names(method, kind)) + 1


def test_thresholds_are_confidences():
    assert set(calibration.THRESHOLDS) == set(METHODS)
    assert all(0.0 < value < 1.0 for value in calibration.THRESHOLDS.values())


@needs_data
@pytest.mark.parametrize("method", [pytest.param(m, marks=needs_model_for(m)) for m in METHODS])
def test_constants_are_what_the_benchmark_fits(quality, labelled, method):
    sentences, catalogue = labelled
    suggester = quality.Suggester(catalogue, method=method)
    signals = suggester.signals([sentence.text for sentence in sentences])
    design = quality.Design(suggester, method, sentences, signals)
    fitted = quality.calibrate(design, sentences, list(range(len(sentences))))
    assert quality._close(fitted, method), (fitted.threshold, fitted.weights)


@needs_data
@pytest.mark.parametrize(
    "method", [pytest.param(m, marks=needs_model_for(m)) for m in ("lexical", "hybrid")]
)
def test_hit_at_3_meets_the_issue_targets(quality, labelled, method):
    sentences, catalogue = labelled
    suggester = quality.Suggester(catalogue, method=method)
    signals = suggester.signals([sentence.text for sentence in sentences])
    rankings = quality.engine_rankings(suggester, method, signals)
    assert quality.hits(sentences, rankings, "sdg_goal")[1] >= quality.GOALS_TARGET
    assert quality.hits(sentences, rankings, "wsis")[1] >= quality.WSIS_TARGET
