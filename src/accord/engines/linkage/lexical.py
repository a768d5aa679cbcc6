"""The lexical signals: curated lexicon matches and BM25 over the reference texts.

For each candidate (a goal, a target, a WSIS line) and a text:

- ``lexicon`` — the sum of the weights of the candidate's lexicon terms found in the text,
  each term counted once, a term inside a longer matched term of the same candidate not
  counted ("women and girls" scores once, not three times). Terms match on stems, in
  order, adjacent once stop words are dropped ("access to information" matches "accessing
  information", not "access to public information");
- ``bm25`` — Okapi BM25 of the text's words against the candidate's reference text (goal:
  name and description; target: its imported text; WSIS line: title and description),
  with document frequencies counted among candidates of the same kind. The head word of a
  neutral phrase (see ``catalogue.LEXICON_KINDS``) is left out here too.

Evidence: the matched lexicon phrases as written in the text, strongest first, then the
words the text shares with the candidate's most similar reference sentence.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from accord.engines.linkage.catalogue import Term, goal_descriptions, lexicon
from accord.engines.linkage.model import Catalogue
from accord.engines.linkage.text import Token, sentences, stems

K1 = 1.2
B = 0.75
MAX_EVIDENCE = 6


@dataclass
class LexicalScore:
    """A candidate's lexical signals for one text."""

    lexicon: float = 0.0
    bm25: float = 0.0
    evidence: tuple[str, ...] = ()
    reference: str = ""


@dataclass
class _Document:
    code: str
    counts: Counter[str]
    length: int
    sentences: list[tuple[str, frozenset[str]]] = field(default_factory=list)


@dataclass
class _Kind:
    """The BM25 collection and lexicon of one kind of candidate."""

    documents: list[_Document]
    idf: dict[str, float]
    average_length: float
    terms: dict[str, list[Term]]  # first stem → terms starting with it
    postings: dict[str, list[int]]  # stem → the documents that have it


def reference_texts(catalogue: Catalogue) -> dict[str, dict[str, list[str]]]:
    """Kind → code → the candidate's reference sentences (name or title first)."""
    goals = goal_descriptions()
    return {
        "sdg_goal": {
            str(goal.number): [goal.name, *sentences(goals.get(goal.number, ""))]
            for goal in catalogue.goals
        },
        "sdg_target": {target.code: [target.description] for target in catalogue.targets},
        "wsis": {line.code: [line.title, *sentences(line.description)] for line in catalogue.wsis},
    }


class LexicalScorer:
    """Indexes built once for a catalogue; ``score`` reads one text."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.references = reference_texts(catalogue)
        by_kind: dict[str, list[Term]] = {kind: [] for kind in self.references}
        neutral: dict[str, list[Term]] = {}
        for term in lexicon():
            if term.kind == "neutral":
                neutral.setdefault(term.stems[0], []).append(term)
            elif term.code in self.references[term.kind]:
                by_kind[term.kind].append(term)
        self.neutral = neutral
        self.kinds = {
            kind: self._build(codes, by_kind[kind]) for kind, codes in self.references.items()
        }

    @staticmethod
    def _build(codes: dict[str, list[str]], terms: list[Term]) -> _Kind:
        documents = []
        for code, texts in codes.items():
            counts: Counter[str] = Counter()
            parts = []
            for sentence in texts:
                sentence_stems = stems(sentence)
                counts.update(sentence_stems)
                parts.append((sentence, frozenset(sentence_stems)))
            documents.append(_Document(code, counts, sum(counts.values()), parts))
        frequency: Counter[str] = Counter()
        for document in documents:
            frequency.update(document.counts.keys())
        n = len(documents)
        idf = {word: math.log(1 + (n - df + 0.5) / (df + 0.5)) for word, df in frequency.items()}
        average = sum(d.length for d in documents) / n if n else 0.0
        index: dict[str, list[Term]] = {}
        for term in terms:
            index.setdefault(term.stems[0], []).append(term)
        postings: dict[str, list[int]] = {}
        for position, document in enumerate(documents):
            for word in document.counts:
                postings.setdefault(word, []).append(position)
        return _Kind(documents, idf, average, index, postings)

    def score(self, text: str, tokens: Sequence[Token]) -> dict[str, dict[str, LexicalScore]]:
        """Kind → code → signals, for every candidate of the catalogue."""
        blocked = [
            (match.start, match.end)
            for found in _matches(tokens, self.neutral).values()
            for match in found
        ]
        return {
            kind: self._score_kind(text, tokens, data, blocked) for kind, data in self.kinds.items()
        }

    def _score_kind(
        self, text: str, tokens: Sequence[Token], data: _Kind, blocked: list[tuple[int, int]]
    ) -> dict[str, LexicalScore]:
        matches = _matches(tokens, data.terms, blocked)
        heads = {stop - 1 for _, stop in blocked}  # "environment" of "enabling environment"
        words = [token for n, token in enumerate(tokens) if n not in heads]
        query = Counter(token.stem for token in words)
        first_span: dict[str, tuple[int, int]] = {}
        for token in words:
            first_span.setdefault(token.stem, (token.start, token.end))
        scores = {document.code: LexicalScore() for document in data.documents}
        touched = {n for word in query for n in data.postings.get(word, ())}
        touched.update(n for n, d in enumerate(data.documents) if d.code in matches)
        for n in sorted(touched):
            document = data.documents[n]
            weight, phrases = _lexicon_score(text, tokens, matches.get(document.code, []))
            bm25 = _bm25(query, document, data)
            reference, shared = _best_sentence(query, document, data.idf)
            evidence = list(phrases)
            covered = {word.casefold() for phrase in phrases for word in phrase.split()}
            for word in shared:
                start, end = first_span[word]
                written = text[start:end]
                if written.casefold() not in covered:
                    covered.add(written.casefold())
                    evidence.append(written)
            scores[document.code] = LexicalScore(
                lexicon=weight,
                bm25=bm25,
                evidence=tuple(evidence[:MAX_EVIDENCE]),
                reference=reference,
            )
        return scores


def _matches(
    tokens: Sequence[Token],
    index: dict[str, list[Term]],
    blocked: Sequence[tuple[int, int]] = (),
) -> dict[str, list[_Match]]:
    """Code → every occurrence of its lexicon terms in the tokens, except shorter ones
    ending on the last word of a ``blocked`` span (a neutral phrase: its head word is no
    cue when qualified so, but its other words still are)."""
    found: dict[str, list[_Match]] = {}
    words = [token.stem for token in tokens]
    for position, word in enumerate(words):
        for term in index.get(word, ()):
            end = position + len(term.stems)
            if tuple(words[position:end]) != term.stems:
                continue
            if any(
                start <= position and end == stop and end - position < stop - start
                for start, stop in blocked
            ):
                continue
            found.setdefault(term.code, []).append(_Match(term, position, end))
    return found


@dataclass(frozen=True)
class _Match:
    term: Term
    start: int  # token positions, end exclusive
    end: int


def _lexicon_score(
    text: str, tokens: Sequence[Token], matches: list[_Match]
) -> tuple[float, tuple[str, ...]]:
    """The weight of a candidate's matched terms (each term once, terms inside a longer
    match dropped) and the phrases as written, strongest first."""
    kept: list[_Match] = []
    for match in sorted(matches, key=lambda m: (-(m.end - m.start), -m.term.weight, m.start)):
        if any(k.start <= match.start and match.end <= k.end for k in kept):
            continue
        kept.append(match)
    seen: set[str] = set()
    weight = 0.0
    phrases: list[tuple[float, int, str]] = []
    for match in sorted(kept, key=lambda m: m.start):
        if match.term.term in seen:
            continue
        seen.add(match.term.term)
        weight += match.term.weight
        written = text[tokens[match.start].start : tokens[match.end - 1].end]
        phrases.append((match.term.weight, match.start, written))
    phrases.sort(key=lambda item: (-item[0], item[1]))
    distinct: list[str] = []
    for _, _, written in phrases:
        if written.casefold() not in (p.casefold() for p in distinct):
            distinct.append(written)
    return weight, tuple(distinct)


def _bm25(query: Counter[str], document: _Document, data: _Kind) -> float:
    if not document.length:
        return 0.0
    norm = K1 * (1 - B + B * document.length / (data.average_length or 1.0))
    total = 0.0
    for word in query:
        frequency = document.counts.get(word, 0)
        if frequency:
            total += data.idf[word] * frequency * (K1 + 1) / (frequency + norm)
    return total


def _best_sentence(
    query: Counter[str], document: _Document, idf: dict[str, float]
) -> tuple[str, list[str]]:
    """The reference sentence sharing the most (idf-weighted) words with the text, and
    those words in the order of the text; ("", []) when none shares a word."""
    best, best_score, best_shared = "", 0.0, frozenset[str]()
    for sentence, sentence_stems in document.sentences:
        shared = sentence_stems & query.keys()
        score = sum(idf.get(word, 0.0) for word in shared)
        if score > best_score + 1e-12:
            best, best_score, best_shared = sentence, score, shared
    return best, [word for word in query if word in best_shared]
