"""How the lexical overlap path scales: time, peak memory and recall on synthetic corpora.

Generates corpora of policy-style paragraphs (10,000 and 100,000 by default) from a domain
vocabulary written here, with near-duplicates planted among them (words reordered, a clause
added, a few words substituted), then measures ``lexical_pairs`` on each:

  - wall time, and peak memory of the Python heap (``tracemalloc``, which also slows the
    traced run, so time is measured in a separate, untraced run);
  - recall of the pairs an exact all-pairs comparison finds at or above the threshold: in
    full at the smallest size (whose all-pairs time is printed as the baseline), estimated
    at larger sizes by comparing a random sample of texts exactly with every other text;
  - the growth of time from one size to the next, beside the linear expectation.

    .venv/bin/python benchmarks/overlap_scale.py [--sizes 10000,100000] [--sample 300]

Target (issue 5): 100,000 paragraphs in under 60 s with recall ≥ 0.95; growth close to
linear. No Django needed.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from accord.engines.overlap import LEXICAL_THRESHOLD, Text, lexical_pairs  # noqa: E402
from accord.engines.overlap.index import cosine  # noqa: E402
from accord.engines.overlap.lexical import Shingler  # noqa: E402

HEADS = """Strengthened Increased Improved Enhanced Reduced Expanded Promoted Developed Established
Supported Accelerated Harmonized Mobilized Coordinated Fostered Facilitated Broadened Deepened
Modernized Implemented""".split()
ACTIONS = """capacity cooperation coverage affordability adoption use deployment availability
resilience security quality sustainability governance transparency accountability inclusion
participation investment financing coordination awareness readiness monitoring measurement
planning management regulation""".split()
TOPICS = """broadband networks; mobile broadband; fixed broadband; satellite backhaul; community
networks; spectrum management; numbering resources; universal service funds; emergency
telecommunications; early warning systems; cybersecurity incident response; child online
protection; digital skills; digital literacy; e-government services; e-health applications;
e-agriculture solutions; digital financial services; internet exchange points; data centres;
submarine cables; terrestrial fibre; last-mile infrastructure; quality of service; conformance
and interoperability; electromagnetic field exposure; e-waste management; green ICT; smart
cities; artificial intelligence; internet of things; open data; digital identity; postal
services; broadcasting transition; radio monitoring; infrastructure sharing; public-private
partnerships; innovation ecosystems; ICT entrepreneurship; telecommunication statistics;
accessibility standards; climate change adaptation; disaster risk reduction; consumer
protection; national broadband plans; regulatory frameworks; digital transformation;
school connectivity; health information systems""".replace("\n", " ").split(";")
GROUPS = """women and girls; youth; older persons; persons with disabilities; indigenous peoples;
small and medium enterprises; least developed countries; small island developing states;
landlocked developing countries; countries with economies in transition; rural communities;
schools and libraries; local governments; regulators; operators; academia; civil society;
development partners; regional telecommunication organizations; Member States""".replace(
    "\n", " "
).split(";")
PLACES = """in rural and remote areas; in underserved areas; in urban areas; in the region; at
national level; across borders; in coastal zones; in mountainous areas; in island states;
in conflict-affected areas""".replace("\n", " ").split(";")
MEANS = """through regional studies; through guidelines and toolkits; through workshops and
training; through pilot projects; through policy dialogue; through technical assistance;
through peer reviews; through an online platform; through a regional fund; through
partnerships with industry; through study group work; through capacity building
programmes""".replace("\n", " ").split(";")
EXTRAS = """with measurable targets and annual reporting; in line with the Sustainable
Development Goals; taking into account national circumstances; with the participation of
all stakeholders; building on the results of the previous action plan; in cooperation with
the other Sectors of the Union; subject to available resources; with particular attention
to gender equality; using open standards; supported by sex-disaggregated data""".replace(
    "\n", " "
).split(";")
SWAPS = """Strengthened/Enhanced Increased/Expanded Improved/Enhanced capacity/ability
coverage/reach networks/infrastructure studies/analyses guidelines/recommendations
workshops/seminars region/subregion targets/goals dialogue/consultations""".split()


def _zipf(items: list[str], rng: random.Random) -> list[str]:
    """Items cleaned, in a random order of popularity (weights 1/rank)."""
    cleaned = [" ".join(item.split()) for item in items if item.strip()]
    rng.shuffle(cleaned)
    return cleaned


class Generator:
    """Policy-style paragraphs: one to three clauses such as "Strengthened capacity of
    least developed countries on spectrum management in rural and remote areas, through
    workshops and training", words drawn with Zipf-like popularity."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.lists = [_zipf(items, self.rng) for items in (HEADS, ACTIONS, TOPICS, GROUPS)]
        self.weights = [[1 / (rank + 1) for rank in range(len(items))] for items in self.lists]
        self.tails = [_zipf(PLACES, self.rng), _zipf(MEANS, self.rng), _zipf(EXTRAS, self.rng)]
        self.swaps = dict(pair.split("/") for pair in SWAPS)

    def _pick(self, which: int) -> str:
        return self.rng.choices(self.lists[which], self.weights[which])[0]

    def clause(self) -> str:
        rng = self.rng
        parts = [self._pick(0), self._pick(1), "of", self._pick(3), "on", self._pick(2)]
        if rng.random() < 0.5:
            parts += ["and", self._pick(2)]
        parts.append(rng.choice(self.tails[0]))
        if rng.random() < 0.6:
            parts.append(rng.choice(self.tails[1]))
        return " ".join(parts)

    def paragraph(self, number: int) -> str:
        clauses = [self.clause() for _ in range(self.rng.choice((1, 2, 2, 3)))]
        return f"{'; '.join(clauses)} (ref. {number})."

    def variant(self, text: str) -> str:
        """A near-duplicate: a clause added, words substituted, or a list reordered."""
        rng = self.rng
        kind = rng.randrange(3)
        if kind == 0:
            return text.rstrip(".") + ", " + rng.choice(self.tails[2]) + "."
        if kind == 1:
            words = text.split()
            spots = [i for i, word in enumerate(words) if word in self.swaps]
            for i in rng.sample(spots, min(3, len(spots))):
                words[i] = self.swaps[words[i]]
            return " ".join(words)
        clauses = text.rstrip(".").split("; ")
        if len(clauses) > 1:
            rng.shuffle(clauses)
            return "; ".join(clauses) + "."
        words = text.split(" on ", 1)
        return " on ".join(reversed(words)) if len(words) == 2 else text + " again"

    def corpus(self, size: int, planted: float = 0.05) -> tuple[list[Text], int]:
        texts: list[str] = []
        variants = 0
        for number in range(size):
            if texts and self.rng.random() < planted:
                texts.append(self.variant(self.rng.choice(texts)))
                variants += 1
            else:
                texts.append(self.paragraph(number))
        return [Text(id=f"t{n}", text=t) for n, t in enumerate(texts)], variants


def timed(texts: list[Text], threshold: float) -> tuple[float, list[tuple[int, int, float]]]:
    gc.collect()
    start = time.perf_counter()
    pairs = lexical_pairs(texts, threshold=threshold)
    return time.perf_counter() - start, pairs


def peak_memory(texts: list[Text], threshold: float) -> float:
    """Peak of the Python heap during ``lexical_pairs``, in MB, beyond what the corpus holds."""
    gc.collect()
    tracemalloc.start()
    lexical_pairs(texts, threshold=threshold)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def shingle_sets(texts: list[Text]) -> list[set[int]]:
    shingler = Shingler()
    return [shingler.shingles(t.text)[0] for t in texts]


def exact_pairs_of(
    sets: list[set[int]], rows: list[int], threshold: float
) -> set[tuple[int, int]]:
    """All-pairs baseline: each row compared exactly with every other set."""
    found = set()
    for i in rows:
        own = sets[i]
        if not own:
            continue
        size = len(own)
        for j, other in enumerate(sets):
            if j != i and other and cosine(len(own & other), size, len(other)) >= threshold:
                found.add((min(i, j), max(i, j)))
    return found


def measure(size: int, sample: int, threshold: float, seed: int) -> dict[str, float]:
    texts, variants = Generator(seed).corpus(size)
    seconds, pairs = timed(texts, threshold)
    memory = peak_memory(texts, threshold)
    found = {(a, b) for a, b, _ in pairs}
    sets = shingle_sets(texts)
    rng = random.Random(seed + 1)
    if sample >= size:
        start = time.perf_counter()
        exact = exact_pairs_of(sets, list(range(size)), threshold)
        baseline = time.perf_counter() - start
        recall = len(exact & found) / len(exact) if exact else 1.0
        how, checked = "all pairs", len(exact)
    else:
        rows = rng.sample(range(size), sample)
        start = time.perf_counter()
        exact = exact_pairs_of(sets, rows, threshold)
        baseline = (time.perf_counter() - start) * size / sample / 2  # each pair once
        recall = len(exact & found) / len(exact) if exact else 1.0
        how, checked = f"sample of {sample} texts", len(exact)
    precision = len({p for p in found if p[0] in rows or p[1] in rows} - exact) if False else 0
    del precision
    return {
        "size": size,
        "variants": variants,
        "seconds": seconds,
        "memory": memory,
        "pairs": len(pairs),
        "recall": recall,
        "checked": checked,
        "how": how,
        "baseline": baseline,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="corpus sizes, comma-separated")
    parser.add_argument("--sample", type=int, default=300, help="texts sampled at large sizes")
    parser.add_argument("--full-up-to", type=int, default=10_000, help="all pairs up to this size")
    parser.add_argument("--threshold", type=float, default=LEXICAL_THRESHOLD)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows = []
    for size in sizes:
        sample = size if size <= args.full_up_to else args.sample
        rows.append(measure(size, sample, args.threshold, args.seed))
        print(rows[-1], flush=True)


if __name__ == "__main__":
    main()
