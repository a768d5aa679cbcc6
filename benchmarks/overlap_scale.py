"""How the lexical overlap path scales: time, peak memory and recall on synthetic corpora.

Generates corpora of policy-style paragraphs (10,000 and 100,000 by default) from a domain
vocabulary written here, with near-duplicates planted among them (a clause added, a few
words substituted, sentences or a list reordered), then measures ``lexical_pairs`` on each:

  - wall time and peak memory, in a forked child process that does nothing else: peak
    memory is the child's maximum resident set size (``resource``'s ru_maxrss, read with
    ``os.wait4``), printed with how much it rose above the parent's (which holds the corpus);
  - recall of the exact pairs at or above the threshold. Exact pairs are found by counting
    every pair's shared shingles through an inverted index of *all* shingles (a pair with
    none in common has similarity 0): in full at the smallest size, whose time is printed as
    the baseline beside the time of comparing all pairs one by one (extrapolated from a
    sample of rows); at larger sizes for a random sample of texts, each against all others;
  - the growth of time from the first size to each next one, beside linear growth.

    .venv/bin/python benchmarks/overlap_scale.py [--sizes 10000,100000] [--sample 1000]

Target (issue 5): 100,000 paragraphs in under 60 s with recall ≥ 0.95; growth close to
linear. Needs no Django and no numpy.

Why the vocabulary has an open-ended tail: a fixed list of a few hundred words makes every
shingle common as the corpus grows, which no real corpus does (new names, places, terms and
numbers keep appearing). Even so the generated text is more repetitive than real text: on
the 232 passages of about 38 words cut from the seed documents (/work/shared/seeds), 41% of
a passage's shingles occur in no other passage, against 37% in a synthetic corpus of 232.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import random
import statistics
import time
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

from accord.engines.overlap import LEXICAL_THRESHOLD, Text, lexical_pairs
from accord.engines.overlap.index import cosine
from accord.engines.overlap.lexical import Shingler


def _words(text: str) -> list[str]:
    return text.split()


def _phrases(text: str) -> list[str]:
    return [" ".join(phrase.split()) for phrase in text.split(";")]


# A domain vocabulary (written for this benchmark): slots of a few policy sentence shapes.
HEADS = _words(
    """Strengthened Increased Improved Enhanced Reduced Expanded Promoted Developed
Established Supported Accelerated Harmonized Mobilized Coordinated Fostered Facilitated
Broadened Deepened Modernized Implemented Sustained Upgraded Streamlined Scaled Advanced
Reinforced Widened Consolidated Measured Monitored"""
)
QUALITIES = _words(
    """capacity cooperation coverage affordability adoption use deployment availability
resilience security quality sustainability governance transparency accountability inclusion
participation investment financing coordination awareness readiness monitoring measurement
planning management regulation reliability interoperability competitiveness efficiency
uptake reach density speed continuity integrity openness diversity ownership oversight
maturity coherence"""
)
ADJECTIVES = _words(
    """regional national local municipal rural remote urban coastal cross-border
affordable secure resilient inclusive sustainable accessible open interoperable shared
public private community mobile fixed wireless satellite terrestrial submarine digital
green smart emerging innovative scalable low-cost high-capacity next-generation
multilingual gender-responsive youth-led evidence-based data-driven people-centred
climate-resilient energy-efficient trusted transparent harmonized cooperative voluntary
collaborative independent decentralized integrated universal basic advanced intermediate
foundational statistical technical legal institutional operational strategic financial
fiscal commercial industrial agricultural medical educational cultural linguistic
environmental circular renewable hybrid virtual online offline physical spatial
temporal annual quarterly multi-year long-term short-term medium-term pilot national-level
subregional continental global bilateral multilateral plurilateral south-south
triangular neutral fair equitable competitive dominant incumbent new entrant
small-scale large-scale citizen-centric user-friendly mobile-first cloud-based
AI-enabled privacy-preserving rights-based ethical responsible safe robust modular
phased targeted demand-side supply-side"""
)
NOUNS = _words(
    """broadband spectrum satellite fibre backhaul network infrastructure connectivity
services applications platforms content skills literacy training education health
agriculture finance payments identity government commerce tourism transport energy water
disaster emergency warning cybersecurity privacy protection data statistics indicators
regulation policy strategy plan framework standard guideline toolkit study report
assessment benchmark observatory repository database portal hub centre laboratory
incubator accelerator fund programme project initiative partnership alliance coalition
dialogue forum workshop seminar course curriculum certification licensing numbering
addressing routing exchange cables towers masts poles ducts rights-of-way tariffs
taxation subsidies vouchers devices handsets terminals smartphones computers tablets
sensors meters drones radios broadcasting television radio postal mail logistics
e-waste recycling emissions footprint climate adaptation mitigation accessibility
disabilities languages scripts domain names cloud computing storage hosting software
open-source algorithms intelligence automation robotics blockchain quantum
entrepreneurship start-ups enterprises innovation research academia universities
schools libraries clinics hospitals farmers fishers cooperatives women girls youth
elders migrants refugees communities villages islands mountains deserts forests
coastlines ports airports railways roads markets consumers users operators regulators
ministries parliaments municipalities spectrum-pricing auctions refarming coordination
interference satellites orbits filings earth-stations gateways transponders antennas
microwave links repeaters base-stations small-cells fronthaul midhaul metro core edge
peering transit caching content-delivery latency throughput bandwidth uptime outages
redundancy backup power solar batteries generators grids electrification mini-grids
cooling buildings rooftops streetlights ducts trenches dig-once permits wayleaves
easements land registries cadastres maps mapping geospatial census surveys household
indicators targets baselines dashboards scorecards audits evaluations reviews peer
learning mentoring internships fellowships scholarships apprenticeships bootcamps
hackathons competitions awards grants loans guarantees bonds equity blended concessional
procurement tenders contracts concessions licences obligations coverage-obligations
roaming interconnection wholesale retail pricing bundles data-caps zero-rating
neutrality competition mergers dominance consumers complaints ombudsman redress
disputes arbitration enforcement sanctions compliance inspections type-approval
conformity testing calibration metrology labels marking certification-bodies
accreditation equipment counterfeit theft imei registries blacklists fraud spam
phishing malware ransomware botnets incidents csirts forensics resilience-testing
drills exercises sirens alerts cell-broadcast evacuation shelters floods droughts
cyclones earthquakes wildfires heatwaves epidemics vaccines telemedicine records
prescriptions pharmacies nurses midwives caregivers pensions benefits cash transfers
wallets remittances microfinance savings credit insurance crops livestock irrigation
weather forecasts soils harvests fisheries boats vessels fleets cargo customs
single-windows trade invoices taxes revenues budgets spending debt tourism heritage
museums archives libraries-networks publishers newspapers journalists misinformation
fact-checking literacy-programmes parents children adolescents students learners
graduates workers jobs wages informal-sector gig platforms-work"""
)
GROUPS = _phrases(
    """women and girls; youth; older persons; persons with disabilities; indigenous
peoples; small and medium enterprises; least developed countries; small island developing
states; landlocked developing countries; countries with economies in transition; rural
communities; schools and libraries; local governments; national regulators; network
operators; academia; civil society; development partners; regional telecommunication
organizations; Member States; Sector Members; financial institutions; content creators;
emergency services; health workers; teachers; farmers' associations; postal operators;
broadcasters; national statistics offices"""
)
VERBS = _words(
    """design adopt review update implement finance deploy share expand monitor measure
assess promote harmonize coordinate develop publish maintain strengthen protect
modernize regulate license support integrate evaluate pilot scale secure open
map benchmark audit document digitize localize translate certify accredit procure
subsidize co-finance tender streamline simplify consolidate decentralize reform
revise codify enforce inspect survey forecast prioritize sequence operationalize
mainstream institutionalize"""
)
PLACES = _phrases(
    """in rural and remote areas; in underserved areas; in urban areas; in the region;
at national level; across borders; in coastal zones; in mountainous areas; in island
states; in conflict-affected areas; in border regions; in informal settlements; in
refugee camps; along transport corridors; in secondary cities"""
)
EXTRAS = _phrases(
    """with measurable targets and annual reporting; in line with the Sustainable
Development Goals; taking into account national circumstances; with the participation of
all stakeholders; building on the results of the previous action plan; in cooperation with
the other Sectors of the Union; subject to available resources; with particular attention
to gender equality; using open standards; supported by sex-disaggregated data; within
existing budgets; by the end of the four-year period; with the support of the regional
offices; on a voluntary basis; avoiding duplication with other organizations"""
)
# Real texts name specifics (places, programmes, resolutions, Questions, years): made-up
# names from these syllables give the corpus the long tail of rare words real corpora have.
SYLLABLES = _words(
    """ka lo mbe ri sa to na vi ru de mo la zi ko pa ne ta bu go fa ye du mi so ha
ke wa li ro ga bi nu se po ma ti an el or us ba che da fe gu hi jo ku le mu ni ol pe qui
ra su te ul va wi xo ya zu"""
)
PROGRAMMES = _words("Initiative Programme Corridor Hub Network Facility Compact Platform")
SWAPS = {
    "Strengthened": "Enhanced", "Increased": "Expanded", "Improved": "Enhanced",
    "capacity": "ability", "coverage": "reach", "network": "infrastructure",
    "study": "analysis", "guideline": "recommendation", "workshop": "seminar",
    "region": "subregion", "design": "develop", "adopt": "approve", "review": "revise",
    "share": "exchange", "promote": "encourage", "support": "assist", "deploy": "roll out",
}  # fmt: skip


def _clean(items: list[str], rng: random.Random) -> list[str]:
    """Items without stray spaces, in a random order of popularity."""
    cleaned = [" ".join(item.split()) for item in items if item.strip()]
    rng.shuffle(cleaned)
    return cleaned


class Generator:
    """Policy-style paragraphs of one to three sentences in a few shapes ("Strengthened
    capacity of least developed countries to review national spectrum licensing in rural
    and remote areas", "Invites Member States to share open data platforms, within existing
    budgets"), each slot drawn with Zipf-like popularity (weight 1/rank)."""

    OFFSET = 20
    TAIL = 0.3
    SLOTS = ("head", "quality", "adjective", "noun", "group", "verb", "place", "extra")

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        lists = (HEADS, QUALITIES, ADJECTIVES, NOUNS, GROUPS, VERBS, PLACES, EXTRAS)
        self.words = {
            slot: _clean(items, self.rng) for slot, items in zip(self.SLOTS, lists, strict=True)
        }
        self.weights = {
            slot: list(accumulate(1 / (rank + self.OFFSET) for rank in range(len(items))))
            for slot, items in self.words.items()
        }

    def vocabulary(self) -> int:
        return len(
            {w.casefold() for items in self.words.values() for i in items for w in i.split()}
        )

    def pick(self, slot: str) -> str:
        if slot in ("adjective", "noun") and self.rng.random() < self.TAIL:
            return self.term()
        return self.rng.choices(self.words[slot], cum_weights=self.weights[slot])[0]

    def term(self) -> str:
        """A word from the open-ended tail of the vocabulary: its rank follows a Pareto law
        (P(rank > r) = r^-0.5, so Zipf's exponent 1.5), the way real corpora keep meeting
        new technical terms as they grow; spelt from syllables."""
        rank = int(self.rng.random() ** -2.0)
        syllables = []
        while True:
            rank, digit = divmod(rank, len(SYLLABLES))
            syllables.append(SYLLABLES[digit])
            if not rank:
                break
        return "".join(syllables) + "ic"

    def name(self) -> str:
        syllables = self.rng.choices(SYLLABLES, k=self.rng.choice((2, 3, 3, 4)))
        return "".join(syllables).capitalize()

    def specific(self) -> str:
        rng = self.rng
        shape = rng.randrange(5)
        if shape == 0:
            year = rng.randint(1994, 2026)
            return f"under Resolution {rng.randint(1, 220)} (Rev. {self.name()}, {year})"
        if shape == 1:
            return f"in {self.name()} and {self.name()}"
        if shape == 2:
            return f"through the {self.name()} {rng.choice(PROGRAMMES)}"
        if shape == 3:
            return f"as studied under Question {rng.randint(1, 9)}/{rng.randint(1, 2)}"
        return f"reaching {rng.randint(5, 95)} per cent by {rng.randint(2027, 2040)}"

    def topic(self) -> str:
        words = [self.pick("adjective"), self.pick("noun"), self.pick("noun")]
        if self.rng.random() < 0.3:
            words.insert(0, self.pick("adjective"))
        if self.rng.random() < 0.3:
            words.append(self.name())
        return " ".join(words)

    def sentence(self) -> str:
        pick, rng = self.pick, self.rng
        shape = rng.randrange(6)
        if shape == 0:
            text = f"{pick('head')} {pick('quality')} of {pick('group')} to {pick('verb')} "
            text += f"{self.topic()} {pick('place')}"
        elif shape == 1:
            text = f"{pick('noun').capitalize()} {pick('noun')} on {self.topic()} and "
            text += f"{self.topic()} for {pick('group')}"
        elif shape == 2:
            text = f"Invites {pick('group')} to {pick('verb')} {self.topic()} and "
            text += f"{pick('verb')} {self.topic()}"
        elif shape == 3:
            text = f"{pick('head')} {self.topic()} {pick('place')}"
        elif shape == 4:
            text = f"Calls on {pick('group')} and {pick('group')} to {pick('verb')} "
            text += f"{self.topic()} with {self.topic()}"
        else:
            text = f"{pick('noun').capitalize()} of {self.topic()}, {self.topic()} and "
            text += f"{self.topic()} in {self.name()}"
        if rng.random() < 0.5:
            text += f" {self.specific()}"
        if rng.random() < 0.25:
            text += f", {pick('extra')}"
        return text

    def paragraph(self) -> str:
        return ". ".join(self.sentence() for _ in range(self.rng.choice((1, 2, 2, 3)))) + "."

    def variant(self, text: str) -> str:
        """A near-duplicate: a clause added, a few words substituted, or sentences or a
        list reordered."""
        rng = self.rng
        kind = rng.randrange(3)
        if kind == 0:
            return text.rstrip(".") + ", " + self.pick("extra") + "."
        if kind == 1:
            words = text.split()
            spots = [i for i, word in enumerate(words) if word in SWAPS]
            for i in rng.sample(spots, min(3, len(spots))):
                words[i] = SWAPS[words[i]]
            return " ".join(words)
        sentences = text.rstrip(".").split(". ")
        if len(sentences) > 1:
            rng.shuffle(sentences)
            return ". ".join(sentences) + "."
        head, _, tail = text.rstrip(".").partition(" and ")
        return f"{tail} and {head}." if tail else text

    def corpus(self, size: int, planted: float = 0.05) -> tuple[list[Text], int]:
        texts: list[str] = []
        variants = 0
        for _ in range(size):
            if texts and self.rng.random() < planted:
                texts.append(self.variant(self.rng.choice(texts)))
                variants += 1
            else:
                texts.append(self.paragraph())
        return [Text(id=f"t{n}", text=t) for n, t in enumerate(texts)], variants


Pairs = list[tuple[int, int, float]]


def run_in_child(texts: list[Text], threshold: float) -> tuple[float, float, Pairs, float, float]:
    """``lexical_pairs`` in a forked child: (wall seconds, CPU seconds, pairs, peak RSS MB,
    parent RSS MB)."""
    parent_rss = _rss_mb()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, send the result, leave without cleanup
        os.close(read)
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        pairs = lexical_pairs(texts, threshold=threshold)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        with os.fdopen(write, "wb") as out:
            pickle.dump((seconds, cpu, pairs), out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as source:
        seconds, cpu, pairs = pickle.load(source)
    _, status, usage = os.wait4(pid, 0)
    if status:
        raise SystemExit(f"the measuring process failed (status {status})")
    return seconds, cpu, pairs, usage.ru_maxrss / 1024, parent_rss


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def exact_pairs(sets: list[set[int]], rows: list[int], threshold: float) -> set[tuple[int, int]]:
    """Every pair (i, j) with a row i among ``rows`` at or above the threshold: each row's
    overlap with every other set counted through an inverted index of all shingles."""
    postings: dict[int, list[int]] = {}
    for j, shingles in enumerate(sets):
        for token in shingles:
            postings.setdefault(token, []).append(j)
    everyone = len(rows) == len(sets)
    found = set()
    for i in rows:
        own = sets[i]
        met: list[int] = []
        for token in own:
            posted = postings[token]
            met += posted[bisect_right(posted, i) :] if everyone else posted
        size = len(own)
        for j, overlap in Counter(met).items():
            if j != i and cosine(overlap, size, len(sets[j])) >= threshold:
                found.add((min(i, j), max(i, j)))
    return found


def one_by_one_seconds(sets: list[set[int]], rng: random.Random) -> float:
    """The time to compare all pairs one by one (set intersections), extrapolated from a
    sample of rows (about three million pairs)."""
    sample = rng.sample(range(len(sets)), min(max(10, 3_000_000 // len(sets)), len(sets)))
    start = time.perf_counter()
    for i in sample:
        own = sets[i]
        for other in sets:
            if own and other:
                cosine(len(own & other), len(own), len(other))
    per_pair = (time.perf_counter() - start) / (len(sample) * len(sets))
    return per_pair * len(sets) * (len(sets) - 1) / 2


def measure(size: int, sample: int, threshold: float, seed: int) -> dict[str, object]:
    generator = Generator(seed)
    texts, variants = generator.corpus(size)
    seconds, cpu, pairs, peak, parent = run_in_child(texts, threshold)
    shingler = Shingler()
    sets = [shingler.shingles(text.text)[0] for text in texts]
    rng = random.Random(seed + size)
    full = sample >= size
    rows = list(range(size)) if full else rng.sample(range(size), sample)
    start = time.perf_counter()
    exact = exact_pairs(sets, rows, threshold)
    baseline = time.perf_counter() - start
    found = {(a, b) for a, b, _ in pairs}
    return {
        "size": size,
        "variants": variants,
        "words": statistics.mean(len(text.text.split()) for text in texts),
        "seconds": seconds,
        "cpu": cpu,
        "peak": peak,
        "rise": peak - parent,
        "pairs": len(pairs),
        "exact": len(exact),
        "recall": len(exact & found) / len(exact) if exact else 1.0,
        "rows": "all" if full else f"{sample:,} sampled",
        "baseline": baseline if full else None,
        "one_by_one": one_by_one_seconds(sets, rng),
        "extra": len(found - exact) if full else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="corpus sizes, comma-separated")
    parser.add_argument(
        "--sample", type=int, default=1_000, help="texts checked exactly above --full-up-to"
    )
    parser.add_argument("--full-up-to", type=int, default=10_000, help="all pairs checked")
    parser.add_argument("--threshold", type=float, default=LEXICAL_THRESHOLD)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    print(
        f"lexical_pairs at threshold {args.threshold}: cosine of word and word-pair shingles; "
        "synthetic policy paragraphs, 5% planted near-duplicates"
    )
    print(
        f"{'texts':>8} {'words':>5} {'time':>7} {'CPU':>7} {'peak RSS':>16} {'pairs':>6} "
        f"{'rows checked':>13} {'exact':>6} {'recall':>7} {'baseline':>9} {'one by one':>11}"
    )
    rows = []
    for size in sizes:
        sample = size if size <= args.full_up_to else min(args.sample, size)
        row = measure(size, sample, args.threshold, args.seed)
        rows.append(row)
        baseline = "-" if row["baseline"] is None else f"{row['baseline']:.1f} s"
        print(
            f"{row['size']:>8,} {row['words']:>5.1f} {row['seconds']:>5.1f} s {row['cpu']:>5.1f} s "
            f"{row['peak']:>6.0f} MB (+{row['rise']:.0f}) {row['pairs']:>6,} "
            f"{row['rows']:>13} {row['exact']:>6,} {row['recall']:>7.4f} {baseline:>9} "
            f"{'~' + format(row['one_by_one'], ',.0f') + ' s':>11}",
            flush=True,
        )
    first = rows[0]
    for row in rows[1:]:
        print(
            f"growth {row['size']:,} / {first['size']:,} texts: time x"
            f"{row['seconds'] / first['seconds']:.1f}, CPU x{row['cpu'] / first['cpu']:.1f} "
            f"(linear: x{row['size'] / first['size']:.1f})"
        )
    for line in (
        "time (wall clock), CPU, peak RSS: lexical_pairs alone in a forked child (ru_maxrss;",
        "  the RSS includes the corpus, + is the rise above the parent process); words: mean",
        "  words per paragraph",
        "exact: pairs at or above the threshold among the rows checked, each row compared with",
        "  every text (shared shingles counted through an inverted index of all shingles);",
        "  recall: the share of them lexical_pairs reports; baseline: the time of that exact",
        "  count in full; one by one: all pairs by set intersection, extrapolated from a sample",
    ):
        print(line)


if __name__ == "__main__":
    main()
