"""The suggester: ranked, calibrated SDG goal, SDG target and WSIS line suggestions for
policy texts (see the package docstring for the methods and thresholds)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from accord.engines.linkage import calibration
from accord.engines.linkage.catalogue import wsis_goal_links
from accord.engines.linkage.features import (
    Features,
    add_goal,
    add_via,
    feature_names,
    own_features,
    probability,
)
from accord.engines.linkage.lexical import LexicalScore, LexicalScorer
from accord.engines.linkage.model import (
    KINDS,
    Catalogue,
    LinkageError,
    Suggestion,
    Suggestions,
)
from accord.engines.linkage.semantic import SemanticScore, SemanticScorer
from accord.engines.linkage.text import MAX_CHARS, stems, tokens
from accord.engines.overlap import semantic as embeddings

METHODS = ("lexical", "semantic", "hybrid")
Progress = Callable[[int, int], None]
Weights = Mapping[str, Mapping[str, Sequence[float]]]
MAX_EVIDENCE = 6


@dataclass(frozen=True)
class Signals:
    """What the methods read from one text, before any model: the lexical signals per kind
    and code, and the semantic ones when the model is used."""

    lexical: dict[str, dict[str, LexicalScore]]
    semantic: dict[str, dict[str, SemanticScore]] | None
    text: str
    truncated: bool


class Suggester:
    """Suggests links for texts against one catalogue; indexes (and reference embeddings)
    are built once, here.

    ``method`` is one of METHODS; "semantic" and "hybrid" need the optional model and fall
    back to "lexical" without it: ``method`` then says "lexical" and ``note`` why.
    ``embedder`` injects another model (anything with ``embed(list[str])``).
    """

    def __init__(
        self,
        catalogue: Catalogue,
        *,
        method: str = "hybrid",
        embedder: embeddings.Embedder | None = None,
    ) -> None:
        if method not in METHODS:
            raise LinkageError(f"the method must be one of {', '.join(METHODS)}, not {method!r}")
        self.catalogue = catalogue
        self.requested_method = method
        self.note = ""
        self._lexical = LexicalScorer(catalogue)
        self._semantic: SemanticScorer | None = None
        self.method = "lexical"
        if method != "lexical":
            model = embedder if embedder is not None else embeddings.load()
            if model is None:
                self.note = (
                    f"the {method} method needs the semantic model, which is not installed "
                    "(pip install 'accord[semantic]'): the lexical method was used"
                )
            else:
                self._semantic = SemanticScorer(self._lexical.references, model)
                self.method = method
        self.threshold = calibration.THRESHOLDS[self.method]
        self._goal_of = {target.code: target.goal for target in catalogue.targets}
        self._links = wsis_goal_links()
        self._order = {
            kind: {code: n for n, code in enumerate(codes)}
            for kind, codes in self._lexical.references.items()
        }
        self._reference_stems: dict[str, frozenset[str]] = {}

    def suggest(self, text: str, *, top: int = 3, include_below: bool = False) -> Suggestions:
        """The best ``top`` suggestions of each kind for ``text``, best first; only those at
        or above the method's threshold unless ``include_below``. Empty for a text without
        words; a text longer than MAX_CHARS is read up to there (``truncated``)."""
        return self.suggest_many([text], top=top, include_below=include_below)[0]

    def suggest_many(
        self,
        texts: Sequence[str],
        *,
        top: int = 3,
        include_below: bool = False,
        progress: Progress | None = None,
    ) -> list[Suggestions]:
        """``suggest`` for each text, the texts embedded in one batch;
        ``progress(done, len(texts))`` as texts are scored."""
        if isinstance(top, bool) or not isinstance(top, int) or top < 1:
            raise LinkageError(f"top must be a positive whole number, not {top!r}")
        signals = self.signals(texts)
        out = []
        for done, signal in enumerate(signals, start=1):
            out.append(self._suggestions(signal, top=top, include_below=include_below))
            if progress is not None:
                progress(done, len(texts))
        return out

    def signals(self, texts: Sequence[str]) -> list[Signals | None]:
        """The signals of each text (None for a text without words)."""
        for n, text in enumerate(texts):
            if not isinstance(text, str):
                raise LinkageError(f"text {n} is a {type(text).__name__}; expected a string")
        read = [text[:MAX_CHARS] for text in texts]
        words = [tokens(text) for text in read]
        present = [n for n, found in enumerate(words) if found]
        semantic: dict[int, dict[str, dict[str, SemanticScore]]] = {}
        if self._semantic is not None and present:
            scored = self._semantic.score_many([read[n] for n in present])
            semantic = dict(zip(present, scored, strict=True))
        out: list[Signals | None] = []
        for n, text in enumerate(read):
            if not words[n]:
                out.append(None)
                continue
            out.append(
                Signals(
                    lexical=self._lexical.score(text, words[n]),
                    semantic=semantic.get(n),
                    text=text,
                    truncated=len(texts[n]) > MAX_CHARS,
                )
            )
        return out

    def own_features(
        self, signal: Signals, method: str | None = None
    ) -> dict[str, dict[str, Features]]:
        """Kind → code → the features ``method`` reads from the candidate's own signals
        (before the goal confidences are propagated to targets and WSIS lines)."""
        method = method or self.method
        use_lexical = method in ("lexical", "hybrid")
        use_semantic = method in ("semantic", "hybrid")
        if use_semantic and signal.semantic is None:
            raise LinkageError(f"the {method} method needs the semantic signals")
        return {
            kind: own_features(
                signal.lexical[kind] if use_lexical else None,
                signal.semantic.get(kind, {}) if use_semantic and signal.semantic else None,
            )
            for kind in KINDS
        }

    def confidences(
        self, signal: Signals, weights: Weights | None = None, method: str | None = None
    ) -> dict[str, dict[str, tuple[Features, float]]]:
        """Kind → code → (features, confidence) under ``method``'s models (``weights``
        overrides the calibrated ones)."""
        method = method or self.method
        models = (weights or calibration.WEIGHTS)[method]
        table = self.own_features(signal, method)
        out: dict[str, dict[str, tuple[Features, float]]] = {}
        out["sdg_goal"] = self._apply(models, method, "sdg_goal", table["sdg_goal"])
        goal_confidence = {code: value for code, (_, value) in out["sdg_goal"].items()}
        add_goal(table["sdg_target"], self._goal_of, goal_confidence)
        add_via(table["wsis"], self._links, goal_confidence)
        out["sdg_target"] = self._apply(models, method, "sdg_target", table["sdg_target"])
        out["wsis"] = self._apply(models, method, "wsis", table["wsis"])
        return out

    @staticmethod
    def _apply(
        models: Mapping[str, Sequence[float]], method: str, kind: str, table: dict[str, Features]
    ) -> dict[str, tuple[Features, float]]:
        names = feature_names(method, kind)
        return {
            code: (features, probability(models[kind], names, features))
            for code, features in table.items()
        }

    def _suggestions(self, signal: Signals | None, *, top: int, include_below: bool) -> Suggestions:
        if signal is None:
            return Suggestions()
        scored = self.confidences(signal)
        lists: dict[str, tuple[Suggestion, ...]] = {}
        for kind in KINDS:
            order = self._order[kind]
            ranked = sorted(
                scored[kind].items(),
                key=lambda item: (-item[1][1], order[item[0]]),
            )
            chosen = [
                (code, value)
                for code, (_, value) in ranked
                if include_below or value >= self.threshold
            ][:top]
            lists[kind] = tuple(
                self._suggestion(signal, kind, code, value) for code, value in chosen
            )
        return Suggestions(
            goals=lists["sdg_goal"],
            targets=lists["sdg_target"],
            wsis=lists["wsis"],
            truncated=signal.truncated,
        )

    def _suggestion(self, signal: Signals, kind: str, code: str, value: float) -> Suggestion:
        lexical = signal.lexical[kind][code]
        evidence: tuple[str, ...] = ()
        reference = lexical.reference
        if self.method in ("lexical", "hybrid"):
            evidence = lexical.evidence
        if self.method in ("semantic", "hybrid") and signal.semantic is not None:
            semantic = signal.semantic.get(kind, {}).get(code)
            if semantic is not None:
                reference = semantic.reference
                if not evidence:
                    evidence = self._shared_words(signal.text, semantic.reference)
        return Suggestion(
            kind=kind,
            code=code,
            score=round(value, 4),
            evidence=evidence,
            reference=reference,
        )

    def _shared_words(self, text: str, reference: str) -> tuple[str, ...]:
        """The words of ``text`` (as written, in order) that ``reference`` also has."""
        known = self._reference_stems.get(reference)
        if known is None:
            known = self._reference_stems[reference] = frozenset(stems(reference))
        found: list[str] = []
        for token in tokens(text):
            written = text[token.start : token.end]
            if token.stem in known and written.casefold() not in (w.casefold() for w in found):
                found.append(written)
        return tuple(found[:MAX_EVIDENCE])
