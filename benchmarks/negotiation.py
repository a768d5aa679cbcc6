"""Statuses and the delegation × bracket matrix of a large negotiation, beside merely loading
its rows.

Builds a plan of 2,000 items holding 5,000 brackets (plain, [A/B] options, nested, compounds
that are not options) and 50 delegations with 10,000 positions on brackets and whole items,
then measures, median of several runs in one process (in rounds, so that a busy machine
slows every figure alike):

  (a) baseline: load the rows the work needs (items: id, code, text, revision; positions'
      values), nothing else;
  (b) every item's status by the rule (``plans.domain.status.derive_statuses`` over the
      version's items, which reads the positions itself);
  (c) the delegation × bracket matrix from the database
      (``negotiation.queries.consensus.version_matrix``: items, current stances, matrix);
  (d) everything the consensus page shows (``negotiation.queries.consensus_of``): the matrix
      plus per-priority counts, who stands alone, per-delegation counts;
  (e) convergence across the versions (``negotiation.queries.convergence``), cache cleared.

(b), (c) and (d) run twice: with the texts already parsed (``parse_text`` remembers them, as
in a serving process) and with that memory cleared before each run.

    .venv/bin/python benchmarks/negotiation.py [--items 2000] [--brackets 5000]
        [--delegations 50] [--positions 10000] [--repeat 15]

Target (issue 4): computing all statuses (b) and the matrix (c) within 3x of (a).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import statistics

from _harness import median_ms, setup_django

setup_django("negotiation")

from django.core.cache import cache  # noqa: E402 - Django is set up first
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from _factories import make_admin, make_conference  # noqa: E402
from accord.conferences import domain as people  # noqa: E402
from accord.engines.brackets import parse  # noqa: E402
from accord.negotiation.enums import PositionSource  # noqa: E402
from accord.negotiation.models import Position  # noqa: E402
from accord.negotiation.queries import consensus_of, convergence  # noqa: E402
from accord.negotiation.queries.consensus import version_matrix  # noqa: E402
from accord.plans import domain as plans  # noqa: E402
from accord.plans.domain.status import (  # noqa: E402
    derive_statuses,
    parse_text,
)
from accord.plans.enums import ItemKind  # noqa: E402
from accord.plans.models import PlanItem, Priority  # noqa: E402
from accord.reference.models import Country  # noqa: E402

# Item texts by number of brackets (nested ones count): TEMPLATES[n] has n brackets.
TEMPLATES = (
    "Strengthened capacity of Member States on topic {n} to deploy broadband networks",
    "Strengthened capacity on topic {n} to [deploy/finance] broadband networks in rural areas",
    "Capacity on topic {n} to [deploy/finance] networks [in underserved areas] by 2030",
    "Topic {n}: [reduced import duties / targeted subsidies] for devices [in [rural] areas]",
    "[Enhanced/Strengthened] use of [telecommunication/ICT] on topic {n} "
    "[including [women and girls]] with partners",
    "Topic {n}: [deploy/finance/operate] community networks [in [rural [and remote]] areas] "
    "OR [shared infrastructure]",
)
STANCES = ("support", "keep", "remove", "modify", "prefer_option", "oppose", "reservation")


def build(admin, items: int, brackets: int, delegations: int, positions: int):
    """The plan through the domain where it is cheap, bulk_create where it is large."""
    conference = make_conference(admin, "negotiation")
    plan = plans.create_action_plan(user=admin, conference=conference, title="Action Plan")
    version = plans.create_plan_version(user=admin, plan=plan, label="Benchmark")
    priorities = Priority.objects.bulk_create(
        Priority(version=version, code=f"D.{p}", title=f"Priority {p}", order=p)
        for p in range(1, 11)
    )
    # Templates in turn, then items without brackets take more until the total is exact.
    chosen = [n % len(TEMPLATES) for n in range(items)]
    missing = brackets - sum(chosen)
    for n in range(items):
        if missing <= 0:
            break
        if chosen[n] == 0:
            chosen[n] = min(missing, len(TEMPLATES) - 1)
            missing -= chosen[n]
    rows = PlanItem.objects.bulk_create(
        PlanItem(
            version=version,
            priority=priorities[n % len(priorities)],
            kind=ItemKind.OUTCOME if n % 3 else ItemKind.OUTPUT,
            code=f"D.{n % len(priorities) + 1}-{n + 1}",
            text=TEMPLATES[chosen[n]].format(n=n),
            order=n,
        )
        for n in range(items)
    )
    countries = Country.objects.order_by("iso3").values_list("iso3", flat=True)[:delegations]
    speakers = [
        people.create_delegation(
            user=admin,
            conference=conference,
            organization=people.create_organization(
                user=admin, name=f"Delegation of {iso3}", category="member_state", country=iso3
            ),
        )
        for iso3 in countries
    ]
    targets = []  # (item, bracket text or "", number of options)
    for item in rows:
        targets.append((item, "", 0))
        targets.extend((item, b.text, len(b.options)) for b in parse(item.text).brackets)
    start = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    cycle = itertools.cycle(targets)
    made = []
    for n in range(positions):
        item, bracket, options = next(cycle)
        delegation = speakers[(n * 7) % len(speakers)]
        stance = STANCES[n % len(STANCES)]
        option = None
        if stance == "prefer_option":
            if options > 1:
                option = n % options + 1
            else:
                stance = "modify"
        made.append(
            Position(
                version=version,
                item=item,
                delegation=delegation,
                delegation_name=delegation.organization.name,
                stance=stance,
                bracket=bracket,
                option=option,
                item_revision=item.revision,
                detail=f"Statement {n}" if n % 4 == 0 else "",
                source=PositionSource.STATEMENT,
                stated_at=start + dt.timedelta(minutes=n),
            )
        )
    Position.objects.bulk_create(made, batch_size=2000)
    return conference, version, sum(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--brackets", type=int, default=5000)
    parser.add_argument("--delegations", type=int, default=50)
    parser.add_argument("--positions", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    admin = make_admin()
    conference, version, made = build(
        admin, args.items, args.brackets, args.delegations, args.positions
    )
    for state in ("circulated", "published"):
        plans.set_version_state(user=admin, version=version, state=state)
    plans.create_plan_version(user=admin, plan=version.plan, label="Copy", based_on=version)
    items = list(PlanItem.objects.filter(version=version))

    def baseline() -> None:
        list(PlanItem.objects.filter(version=version).values_list("id", "code", "text", "revision"))
        list(
            Position.objects.filter(version=version).values_list(
                "item_id",
                "delegation_id",
                "delegation_name",
                "stance",
                "bracket",
                "option",
                "detail",
                "item_revision",
            )
        )

    def cold(action):
        """The same, with the parsed texts forgotten (a fresh process, or texts just changed)."""

        def run() -> None:
            parse_text.cache_clear()
            action()

        return run

    def statuses() -> None:
        derive_statuses(items)

    def consensus() -> None:
        consensus_of(admin, conference, version.number)

    def matrix() -> None:
        version_matrix(version)

    def converge() -> None:
        cache.clear()
        convergence(admin, conference)

    with CaptureQueriesContext(connection) as queries:
        data = consensus_of(admin, conference, version.number)
    actions = [
        ("(a) load the rows", baseline, ""),
        ("(b) all statuses (derive_statuses)", statuses, " (target <= 3x)"),
        ("    ... texts not yet parsed", cold(statuses), ""),
        ("(c) delegation × bracket matrix", matrix, " (target <= 3x)"),
        ("    ... texts not yet parsed", cold(matrix), ""),
        ("(d) consensus page: matrix, counts…", consensus, ""),
        ("    ... texts not yet parsed", cold(consensus), ""),
        ("(e) convergence, nothing cached", cold(converge), ""),
    ]
    # Rounds of one run each, so a busy machine slows every figure alike, not just one.
    for _, action, _ in actions:
        action()
    samples: list[list[float]] = [[] for _ in actions]
    for _ in range(args.repeat):
        for runs, (_, action, _) in zip(samples, actions, strict=True):
            runs.append(median_ms(action, 1, warmup=0))
    medians = [statistics.median(runs) for runs in samples]

    print(
        f"{args.items} items, {made} brackets, {args.delegations} delegations, "
        f"{args.positions} positions ({len(data.matrix.cells)} matrix cells); "
        f"median of {args.repeat} runs"
    )
    for n, ((label, _, target), ms) in enumerate(zip(actions, medians, strict=True)):
        ratio = f"{ms / medians[0]:5.1f}x{target}" if n else "(baseline)"
        print(f"  {label:<36} {ms:8.1f} ms   {ratio}")
    print(f"  consensus_of: {len(queries)} queries")


if __name__ == "__main__":
    main()
