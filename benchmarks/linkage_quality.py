"""Linkage suggestion quality: hit@1 and hit@3 for SDG goals, SDG targets and WSIS lines on
the team's labelled sentences, per method, beside two baselines; the calibrated thresholds
and the precision of what each method shows.

hit@k: the share of sentences with at least one acceptable answer among the method's top k
(ranked regardless of the threshold), over the sentences that have acceptable answers of
that kind. Baseline: the number of words a sentence shares with the goal's short name only
(WSIS: the line's title; targets: the target's text), ties in catalogue order. Most
frequent: the same answers for every sentence, the codes the set accepts most often (SDG 9,
17, 16…; C7, C2, C6…): what a method must beat to show it reads the text at all.

Rows marked "CV" are out-of-sample: every weight and the threshold are refitted on four
fifths of the sentences and the fifth is scored (5 folds, sentences shuffled with a fixed
seed). Rows marked "fitted" use the constants in ``accord.engines.linkage.calibration`` —
fitted on the whole set, so in-sample. Targets: goals hit@3 ≥ 0.85, WSIS hit@3 ≥ 0.80.

    .venv/bin/python benchmarks/linkage_quality.py
"""

from __future__ import annotations

import json
import math
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.engines.linkage import (
    Suggester,
    TargetFileError,
    builtin_catalogue,
    read_sdg_targets,
)
from accord.engines.linkage import calibration as constants
from accord.engines.linkage.catalogue import wsis_goal_links
from accord.engines.linkage.features import feature_names
from accord.engines.linkage.model import KINDS, Catalogue
from accord.engines.linkage.suggest import Signals
from accord.engines.linkage.text import stems
from accord.engines.overlap import semantic

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data" / "linkage_sentences.jsonl"
TARGETS = ROOT.parent / "shared" / "reference" / "sdg-targets.json"
FOLDS = 5
SEED = 20250606
L2 = 1.0
"""Ridge penalty of the logistic fits (features are on scales of about 0–3; it keeps
weights from swinging between folds without changing the ranking much)."""
TOP = 3
GOALS_TARGET = 0.85
WSIS_TARGET = 0.80
THRESHOLD_KINDS = ("sdg_goal", "wsis")
"""The kinds whose shown suggestions choose a method's threshold (targets are not always
imported, and their labels are the sparsest)."""
SHORT = {"sdg_goal": "goals", "sdg_target": "targets", "wsis": "WSIS"}


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    answers: dict[str, frozenset[str]]
    """Kind → the acceptable codes ("4", "4.4", "C4")."""


@dataclass
class Calibration:
    weights: dict[str, tuple[float, ...]]
    """Kind → intercept and weights."""
    threshold: float


Ranking = dict[str, list[tuple[str, float]]]
"""Kind → (code, confidence) best first, every candidate."""


def load_sentences(path: Path = DATA) -> list[Sentence]:
    sentences = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                sentences.append(
                    Sentence(
                        row["id"],
                        row["text"],
                        {
                            "sdg_goal": frozenset(str(goal) for goal in row["goals"]),
                            "sdg_target": frozenset(row["targets"]),
                            "wsis": frozenset(row["wsis"]),
                        },
                    )
                )
    return sentences


def load_catalogue() -> tuple[Catalogue, str]:
    """The catalogue with the reference SDG targets, or without them (and a note)."""
    try:
        targets = read_sdg_targets(TARGETS)
    except TargetFileError as error:
        return builtin_catalogue(), f"SDG targets not loaded ({error}): target rows skipped"
    return builtin_catalogue(targets), f"{len(targets)} SDG targets from {TARGETS}"


# Fitting -----------------------------------------------------------------------------------


class Design:
    """A method's features for every labelled sentence as arrays (sentence × candidate ×
    feature), with the hierarchy needed to propagate goal confidences; it reproduces
    ``Suggester.confidences`` with numpy, so folds refit in seconds (``agreement`` checks
    the two give the same confidences)."""

    def __init__(
        self,
        suggester: Suggester,
        method: str,
        sentences: Sequence[Sentence],
        signals: Sequence[Signals],
    ) -> None:
        import numpy as np

        self.np = np
        self.method = method
        tables = [suggester.own_features(signal, method) for signal in signals]
        self.codes = {kind: list(tables[0][kind]) for kind in KINDS}
        self.own = {
            kind: np.array(
                [
                    [
                        [table[kind][code][name] for name in own_names(method)]
                        for code in self.codes[kind]
                    ]
                    for table in tables
                ],
                dtype=float,
            ).reshape(len(tables), len(self.codes[kind]), len(own_names(method)))
            for kind in KINDS
        }
        self.labels = {
            kind: np.array(
                [
                    [code in sentence.answers[kind] for code in self.codes[kind]]
                    for sentence in sentences
                ],
                dtype=bool,
            ).reshape(len(sentences), len(self.codes[kind]))
            for kind in KINDS
        }
        goal_position = {code: n for n, code in enumerate(self.codes["sdg_goal"])}
        goal_of = {target.code: target.goal for target in suggester.catalogue.targets}
        self.target_goal = np.array(
            [goal_position[str(goal_of[code])] for code in self.codes["sdg_target"]], dtype=int
        )
        links = wsis_goal_links()
        self.links = np.array(
            [
                [int(code) in links.get(line, ()) for code in self.codes["sdg_goal"]]
                for line in self.codes["wsis"]
            ],
            dtype=float,
        ).reshape(len(self.codes["wsis"]), len(self.codes["sdg_goal"]))

    def features(
        self, kind: str, weights: dict[str, tuple[float, ...]], rows: Sequence[int]
    ) -> Any:
        """rows × candidates × features of ``kind``, in ``feature_names`` order."""
        np = self.np
        own = self.own[kind][rows]
        if kind == "sdg_goal":
            return own
        goals = self.probabilities("sdg_goal", weights, rows)
        if kind == "sdg_target":
            extra = goals[:, self.target_goal][:, :, None]
        else:
            count = self.links.sum(axis=1)
            mean = goals @ self.links.T / np.where(count == 0, 1, count)
            best = np.max(np.where(self.links[None, :, :] > 0, goals[:, None, :], 0.0), axis=2)
            extra = np.stack([mean, best], axis=2)
        return np.concatenate([own, extra], axis=2)

    def probabilities(
        self, kind: str, weights: dict[str, tuple[float, ...]], rows: Sequence[int]
    ) -> Any:
        np = self.np
        w = np.asarray(weights[kind], dtype=float)
        z = w[0] + self.features(kind, weights, rows) @ w[1:]
        return 1.0 / (1.0 + np.exp(-np.clip(z, -60, 60)))

    def rankings(self, weights: dict[str, tuple[float, ...]], rows: Sequence[int]) -> list[Ranking]:
        np = self.np
        per_kind: dict[str, list[list[tuple[str, float]]]] = {}
        for kind in KINDS:
            if not self.codes[kind]:
                per_kind[kind] = [[] for _ in rows]
                continue
            p = self.probabilities(kind, weights, rows)
            order = np.argsort(-p, axis=1, kind="stable")
            per_kind[kind] = [
                [(self.codes[kind][c], float(p[n, c])) for c in order[n]] for n in range(len(rows))
            ]
        return [{kind: per_kind[kind][n] for kind in KINDS} for n in range(len(rows))]


def own_names(method: str) -> tuple[str, ...]:
    """The features of a candidate's own signals (those every kind reads first)."""
    return feature_names(method, "sdg_goal")


def fit_logistic(rows: Any, labels: Any) -> tuple[float, ...]:
    """Intercept and weights of an L2-regularised logistic regression (Newton's method)."""
    import numpy as np

    x = np.hstack([np.ones((len(rows), 1)), np.asarray(rows, dtype=float)])
    y = np.asarray(labels, dtype=float)
    penalty = L2 * np.diag([0.0] + [1.0] * (x.shape[1] - 1))
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return tuple(round(float(v), 3) for v in w)


def calibrate(design: Design, sentences: Sequence[Sentence], rows: Sequence[int]) -> Calibration:
    """Fit the goal model on ``rows``, then (with the goal confidences it gives) the target
    and WSIS models, then the threshold."""
    weights = {kind: tuple(v) for kind, v in constants.WEIGHTS[design.method].items()}
    for kind in KINDS:  # goals first: the others read the goal confidences
        if not design.codes[kind]:
            continue
        x = design.features(kind, weights, rows)
        y = design.labels[kind][rows]
        if y.any():
            weights[kind] = fit_logistic(x.reshape(-1, x.shape[2]), y.reshape(-1))
    rankings = design.rankings(weights, rows)
    return Calibration(weights, best_threshold([sentences[n] for n in rows], rankings))


def shown_counts(
    sentences: Sequence[Sentence],
    rankings: Sequence[Ranking],
    threshold: float,
    kinds: Sequence[str],
) -> tuple[int, int, int, int]:
    """(shown, shown and acceptable, sentence-kinds with answers, of those with a hit shown)
    when the top TOP at or above ``threshold`` are shown."""
    shown = correct = total = covered = 0
    for sentence, ranking in zip(sentences, rankings, strict=True):
        for kind in kinds:
            answers = sentence.answers[kind]
            if not answers or not ranking[kind]:
                continue
            chosen = [code for code, value in ranking[kind][:TOP] if value >= threshold]
            hits = sum(code in answers for code in chosen)
            shown += len(chosen)
            correct += hits
            total += 1
            covered += hits > 0
    return shown, correct, total, covered


def best_threshold(sentences: Sequence[Sentence], rankings: Sequence[Ranking]) -> float:
    """The confidence that maximises F1 of (precision of the suggestions shown, share of
    sentences given at least one acceptable suggestion), over goals and WSIS lines, each
    kind's top TOP; placed halfway between neighbouring confidences."""
    items: list[tuple[float, bool]] = []
    best_hit: list[float] = []
    for sentence, ranking in zip(sentences, rankings, strict=True):
        for kind in THRESHOLD_KINDS:
            answers = sentence.answers[kind]
            if not answers or not ranking[kind]:
                continue
            top = [(value, code in answers) for code, value in ranking[kind][:TOP]]
            items.extend(top)
            best_hit.append(max((value for value, hit in top if hit), default=-1.0))
    items.sort(key=lambda item: -item[0])
    covered_at = sorted(best_hit, reverse=True)
    best, best_f1 = 0.5, -1.0
    correct = 0
    covered = 0
    for n, (value, hit) in enumerate(items):
        correct += hit
        if n + 1 < len(items) and items[n + 1][0] == value:
            continue  # a threshold cannot split equal confidences
        while covered < len(covered_at) and covered_at[covered] >= value:
            covered += 1
        precision = correct / (n + 1)
        coverage = covered / len(best_hit)
        f1 = 2 * precision * coverage / (precision + coverage) if precision + coverage else 0.0
        if f1 > best_f1 + 1e-9:
            below = items[n + 1][0] if n + 1 < len(items) else 0.0
            best, best_f1 = (value + below) / 2, f1
    return round(best, 3)


# Measures ----------------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    hits: dict[str, tuple[float, float] | None]
    """Kind → (hit@1, hit@3), None when the kind was not measured."""
    threshold: float | None = None
    precision: dict[str, float] | None = None
    shown: dict[str, float] | None = None
    note: str = ""


def hits(
    sentences: Sequence[Sentence], rankings: Sequence[Ranking], kind: str
) -> tuple[float, float] | None:
    pairs = [
        (sentence.answers[kind], ranking[kind])
        for sentence, ranking in zip(sentences, rankings, strict=True)
        if sentence.answers[kind] and ranking[kind]
    ]
    if not pairs:
        return None
    at = []
    for k in (1, TOP):
        at.append(
            sum(any(code in answers for code, _ in ranked[:k]) for answers, ranked in pairs)
            / len(pairs)
        )
    return at[0], at[1]


def measure(
    name: str,
    sentences: Sequence[Sentence],
    rankings: Sequence[Ranking],
    threshold: float | None,
    note: str = "",
) -> Row:
    row = Row(name, {kind: hits(sentences, rankings, kind) for kind in KINDS}, threshold, note=note)
    if threshold is not None:
        row.precision, row.shown = {}, {}
        for kind in KINDS:
            shown, correct, _, _ = shown_counts(sentences, rankings, threshold, (kind,))
            row.precision[kind] = correct / shown if shown else math.nan
            row.shown[kind] = shown / len(sentences)
    return row


def baseline(catalogue: Catalogue, sentences: Sequence[Sentence]) -> list[Ranking]:
    """Shared words with goal names, WSIS titles, target texts (ties in catalogue order)."""
    references = {
        "sdg_goal": [(str(goal.number), set(stems(goal.name))) for goal in catalogue.goals],
        "sdg_target": [
            (target.code, set(stems(target.description))) for target in catalogue.targets
        ],
        "wsis": [(line.code, set(stems(line.title))) for line in catalogue.wsis],
    }
    rankings = []
    for sentence in sentences:
        words = set(stems(sentence.text))
        ranking: Ranking = {}
        for kind, candidates in references.items():
            scored = [(code, float(len(words & reference))) for code, reference in candidates]
            ranking[kind] = sorted(scored, key=lambda item: -item[1])  # stable: catalogue order
        rankings.append(ranking)
    return rankings


def most_frequent(sentences: Sequence[Sentence]) -> list[Ranking]:
    """The same answers for every sentence: the codes the labelled set accepts most often
    (counted on the whole set, so this baseline is, if anything, flattered)."""
    ranking: Ranking = {}
    for kind in KINDS:
        counts = Counter(code for sentence in sentences for code in sentence.answers[kind])
        ranking[kind] = [(code, float(count)) for code, count in counts.most_common()]
    return [ranking] * len(sentences)


def folds(count: int, folds: int = FOLDS) -> list[int]:
    order = list(range(count))
    random.Random(SEED).shuffle(order)
    fold_of = [0] * count
    for position, index in enumerate(order):
        fold_of[index] = position % folds
    return fold_of


def cross_validate(design: Design, sentences: Sequence[Sentence]) -> Row:
    fold_of = folds(len(sentences))
    rankings: list[Ranking | None] = [None] * len(sentences)
    thresholds: list[float] = []
    for fold in range(FOLDS):
        train = [n for n, f in enumerate(fold_of) if f != fold]
        test = [n for n, f in enumerate(fold_of) if f == fold]
        fitted = calibrate(design, sentences, train)
        thresholds.append(fitted.threshold)
        for n, ranking in zip(test, design.rankings(fitted.weights, test), strict=True):
            rankings[n] = ranking
    scored = [ranking for ranking in rankings if ranking is not None]
    row = measure(f"{design.method}, {FOLDS}-fold CV", sentences, scored, None, "out-of-sample")
    # out-of-sample precision: each sentence's suggestions shown at its own fold's threshold
    row.precision, row.shown = {}, {}
    for kind in KINDS:
        shown = correct = 0
        for n, (sentence, ranking) in enumerate(zip(sentences, scored, strict=True)):
            if not sentence.answers[kind] or not ranking[kind]:
                continue
            threshold = thresholds[fold_of[n]]
            chosen = [code for code, value in ranking[kind][:TOP] if value >= threshold]
            shown += len(chosen)
            correct += sum(code in sentence.answers[kind] for code in chosen)
        row.precision[kind] = correct / shown if shown else math.nan
        row.shown[kind] = shown / len(sentences)
    row.threshold = sum(thresholds) / len(thresholds)
    return row


def engine_rankings(suggester: Suggester, method: str, signals: Sequence[Signals]) -> list[Ranking]:
    """Rankings through the engine itself (``Suggester.confidences``, shipped constants)."""
    rankings = []
    for signal in signals:
        table = suggester.confidences(signal, method=method)
        ranking: Ranking = {}
        for kind in KINDS:
            # dicts keep catalogue order, and sorted() is stable: ties stay in that order
            ranking[kind] = sorted(
                ((code, value) for code, (_, value) in table[kind].items()),
                key=lambda item: -item[1],
            )
        rankings.append(ranking)
    return rankings


def agreement(engine: Sequence[Ranking], design: Sequence[Ranking]) -> float:
    """The largest difference between the engine's confidences and the benchmark's."""
    worst = 0.0
    for a, b in zip(engine, design, strict=True):
        for kind in KINDS:
            values = dict(b[kind])
            worst = max([worst, *(abs(value - values[code]) for code, value in a[kind])])
    return worst


# Output ------------------------------------------------------------------------------------


def format_row(row: Row, with_targets: bool) -> str:
    cells = []
    for kind in KINDS:
        if kind == "sdg_target" and not with_targets:
            cells.append(f"{'—':>5} {'—':>5}")
            continue
        value = row.hits[kind]
        cells.append(f"{value[0]:>5.2f} {value[1]:>5.2f}" if value else f"{'n/a':>5} {'n/a':>5}")
    verdict = ""
    goals, wsis = row.hits["sdg_goal"], row.hits["wsis"]
    if goals and wsis and row.threshold is not None:
        verdict = (
            f"{'PASS' if goals[1] >= GOALS_TARGET else 'FAIL'}/"
            f"{'PASS' if wsis[1] >= WSIS_TARGET else 'FAIL'}"
        )
    threshold = f"{row.threshold:.3f}" if row.threshold is not None else "—"
    precision = (
        " ".join(
            f"{row.precision[kind]:.2f}/{row.shown[kind]:.1f}"
            if not math.isnan(row.precision[kind])
            else "  —/0.0 "
            for kind in KINDS
        )
        if row.precision and row.shown
        else ""
    )
    line = f"{row.name:<22} {'  '.join(cells)}  {verdict:<9} {threshold:>6}  {precision}"
    return f"{line}  {row.note}".rstrip()


def main() -> int:
    started = time.perf_counter()
    sentences = load_sentences()
    catalogue, targets_note = load_catalogue()
    with_targets = bool(catalogue.targets)
    print(f"Linkage quality on {DATA.relative_to(ROOT)}: {len(sentences)} sentences")
    print(f"  {targets_note}")
    embedder = semantic.load()
    methods = ["lexical"] + (["semantic", "hybrid"] if embedder is not None else [])
    suggester = Suggester(catalogue, method=methods[-1], embedder=embedder)
    signals = suggester.signals([sentence.text for sentence in sentences])
    if any(signal is None for signal in signals):
        raise SystemExit("a labelled sentence has no words")
    signal_list = [signal for signal in signals if signal is not None]

    rows = [
        measure("baseline", sentences, baseline(catalogue, sentences), None, "titles only"),
        measure("most frequent", sentences, most_frequent(sentences), None, "same answers"),
    ]
    fitted: dict[str, Calibration] = {}
    everything = list(range(len(sentences)))
    disagreement = 0.0
    can_fit = semantic._numpy() is not None
    for method in methods:
        rankings = engine_rankings(suggester, method, signal_list)
        rows.append(
            measure(
                f"{method}, fitted", sentences, rankings, constants.THRESHOLDS[method], "in-sample"
            )
        )
        if not can_fit:
            rows.append(Row(f"{method}, {FOLDS}-fold CV", dict.fromkeys(KINDS), note="no numpy"))
            continue
        design = Design(suggester, method, sentences, signal_list)
        shipped = {kind: tuple(v) for kind, v in constants.WEIGHTS[method].items()}
        disagreement = max(disagreement, agreement(rankings, design.rankings(shipped, everything)))
        rows.append(cross_validate(design, sentences))
        fitted[method] = calibrate(design, sentences, everything)
    if embedder is None:
        rows.append(
            Row("semantic, hybrid", dict.fromkeys(KINDS), note="wordllama is not installed")
        )

    header = (
        f"{'method':<22} {'goals':^11}  {'targets':^11}  {'WSIS':^11}  {'≥.85/≥.80':<9} "
        f"{'thresh':>6}  precision/shown per sentence (goals targets WSIS)"
    )
    sub = f"{'':<22} {'@1':>5} {'@3':>5}  {'@1':>5} {'@3':>5}  {'@1':>5} {'@3':>5}"
    print()
    print(header)
    print(sub)
    print("-" * len(header))
    for row in rows:
        print(format_row(row, with_targets))
    print(
        f"\nhit@k over sentences with answers of the kind; PASS/FAIL: goals hit@3 ≥ {GOALS_TARGET}"
        f" / WSIS hit@3 ≥ {WSIS_TARGET}. Threshold: the confidence maximising F1 of precision "
        "and the share of sentences given an acceptable suggestion (goals and WSIS, top 3); "
        f"CV rows show the mean of the {FOLDS} fold thresholds and are scored at each fold's."
    )
    if can_fit:
        print(
            f"Logistic fits with L2 {L2}; folds shuffled with seed {SEED}. The engine's and the "
            f"benchmark's confidences differ by at most {disagreement:.1e}."
        )
    else:
        print("Cross-validation and calibration need numpy (pip install 'accord[semantic]').")
    for method, calibration in fitted.items():
        same = _close(calibration, method)
        print(
            f"\n{method}: THRESHOLDS[{method!r}] = {calibration.threshold}"
            + ("" if same else f"  (calibration.py has {constants.THRESHOLDS[method]})")
        )
        for kind in KINDS:
            names = ", ".join(("intercept", *feature_names(method, kind)))
            print(f"  WEIGHTS[{method!r}][{kind!r}] = {calibration.weights[kind]}  # {names}")
        print("  the constants in calibration.py " + ("match." if same else "DIFFER."))
    if embedder is not None:
        print(f"Model: {getattr(embedder, 'name', type(embedder).__name__)}.")
    print(f"Wall time: {time.perf_counter() - started:.1f} s")
    return 0


def _close(fitted: Calibration, method: str) -> bool:
    """Threshold within 0.01 and every weight within 0.05 of calibration.py."""
    if abs(fitted.threshold - constants.THRESHOLDS[method]) > 0.01:
        return False
    for kind, values in fitted.weights.items():
        shipped = constants.WEIGHTS[method][kind]
        if len(shipped) != len(values):
            return False
        if any(abs(a - b) > 0.05 for a, b in zip(shipped, values, strict=True)):
            return False
    return True


if __name__ == "__main__":
    sys.exit(main())
