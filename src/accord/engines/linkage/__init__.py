"""The linkage engine: which SDG goals, SDG targets and WSIS action lines a policy text
serves, with a calibrated confidence and the evidence (pure Python, no Django).

    catalogue = builtin_catalogue(read_sdg_targets("sdg-targets.json"))
    suggester = Suggester(catalogue, method="hybrid")
    suggester.suggest("Increased digital skills of women and girls").goals
    # (Suggestion(kind="sdg_goal", code="5", score=0.9…, evidence=("women and girls",
    #  "digital skills"), …), Suggestion(code="4", …), …)

The catalogue ships the 17 goals and the 11 WSIS lines, with descriptions and a keyword
lexicon the team wrote (``data/``, see ``catalogue``); SDG target texts are imported, and
with them the indicators (``read_sdg_reference``), which suggestions do not use.

Methods (``METHODS``):

- *lexical* — the curated lexicon (weighted words and phrases per goal, target and WSIS
  line, matched on stems) and BM25 over the reference texts (``lexical``);
- *semantic* — cosine between the text's embedding and each candidate's reference
  sentences, with the optional offline wordllama model (``semantic``);
- *hybrid* — both sets of features in one model.

Every method turns its features into a confidence with a logistic model per kind
(``features``): the estimated probability that a person would accept the link, fitted on
the team's labelled sentences, so scores are comparable across methods. Targets also read
their goal's confidence, WSIS lines the confidences of the goals they serve in ITU's
WSIS–SDG matrix. Candidates below the method's threshold (``calibration.THRESHOLDS``) are
not shown as suggestions unless asked for (``include_below``).

Thresholds: lexical 0.476, semantic 0.362, hybrid 0.495 — each the confidence that
maximises, on the team's 328 labelled sentences, the F1 of the precision of the
suggestions shown (top three goals and top three WSIS lines) and the share of sentences
shown at least one acceptable one. Out of sample (5-fold cross-validation,
``benchmarks/linkage_quality.py``): goals hit@3 0.92 / 0.93 / 0.95 and WSIS hit@3
0.94 / 0.95 / 0.95 (lexical / semantic / hybrid; the issue asks ≥ 0.85 and ≥ 0.80), and
about 0.70 of the goals shown are acceptable, 1.2–1.4 a sentence. Details: ``calibration``.

Without the model the semantic and hybrid methods fall back to lexical
(``Suggester.method`` says which ran, ``Suggester.note`` why). Texts are read up to
``text.MAX_CHARS`` characters.
"""

from accord.engines.linkage.catalogue import builtin_catalogue, wsis_descriptions
from accord.engines.linkage.model import (
    ActionLine,
    Catalogue,
    Goal,
    Indicator,
    LinkageError,
    SDGReference,
    Suggestion,
    Suggestions,
    Target,
    TargetFileError,
)
from accord.engines.linkage.suggest import METHODS, Suggester
from accord.engines.linkage.targets import (
    read_sdg_indicators,
    read_sdg_reference,
    read_sdg_targets,
)

__all__ = [
    "METHODS",
    "ActionLine",
    "Catalogue",
    "Goal",
    "Indicator",
    "LinkageError",
    "SDGReference",
    "Suggester",
    "Suggestion",
    "Suggestions",
    "Target",
    "TargetFileError",
    "builtin_catalogue",
    "read_sdg_indicators",
    "read_sdg_reference",
    "read_sdg_targets",
    "wsis_descriptions",
]
