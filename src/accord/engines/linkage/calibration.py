"""The fitted constants of the linkage engine: one logistic model per (method, kind) and
one confidence threshold per method.

How they were chosen (``benchmarks/linkage_quality.py``, ``calibrate``), on the team's 328
labelled sentences (``benchmarks/data/linkage_sentences.jsonl``):

- weights: an L2-regularised (λ = 1) logistic regression per kind, each (sentence,
  candidate) pair labelled by whether the candidate is among the sentence's acceptable
  answers; goals first, then targets and WSIS lines on features that include the goal
  confidences the goal model gives;
- threshold: the confidence that maximises the F1 of two rates over goals and WSIS lines,
  the top three of each shown if at or above it: the precision of what is shown, and the
  share of sentences shown at least one acceptable suggestion.

Five-fold cross-validation of the whole procedure (the benchmark's "CV" rows) gives
thresholds within about 0.02 of these and out-of-sample precision of the shown suggestions
of 0.70 (lexical), 0.66 (semantic) and 0.73 (hybrid) for goals, about 1.3 a sentence.
The semantic and hybrid constants hold for the wordllama model
(``accord.engines.overlap.semantic.MODEL_NAME``); another model needs a new fit, as does a
change to the lexicon or the reference texts. The benchmark prints what it fits beside
these and says whether they still match.
"""

from __future__ import annotations

WEIGHTS: dict[str, dict[str, tuple[float, ...]]] = {
    "lexical": {
        # intercept, lexicon, bm25, lexicon_share, bm25_share
        "sdg_goal": (-3.64, 1.4, 0.028, 1.873, 1.201),
        # ... then goal
        "sdg_target": (-5.742, 1.151, -0.097, 1.326, 2.462, 3.396),
        # ... then via_goals, via_best
        "wsis": (-3.256, 0.868, 0.175, 1.99, 0.947, -0.49, 0.392),
    },
    "semantic": {
        # intercept, cosine, cosine_gap
        "sdg_goal": (-2.591, 7.693, 9.216),
        # ... then goal
        "sdg_target": (-4.157, 4.229, 9.308, 3.431),
        # ... then via_goals, via_best
        "wsis": (-2.201, 6.234, 8.323, -0.679, 0.474),
    },
    "hybrid": {
        # intercept, lexicon, bm25, lexicon_share, bm25_share, cosine, cosine_gap
        "sdg_goal": (-2.891, 0.988, -0.139, 1.259, 0.653, 3.808, 6.641),
        # ... then goal
        "sdg_target": (-4.379, 1.125, -0.362, 0.42, 1.331, 3.405, 7.77, 2.878),
        # ... then via_goals, via_best
        "wsis": (-2.64, 0.8, -0.032, 1.399, 0.677, 2.75, 5.544, -0.739, 0.211),
    },
}
"""Method → kind → intercept, then one weight per feature of ``features.feature_names``."""

THRESHOLDS: dict[str, float] = {"lexical": 0.476, "semantic": 0.362, "hybrid": 0.495}
"""Method → the confidence below which a candidate is not shown as a suggestion."""
