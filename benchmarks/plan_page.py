"""Plan page and API plan read for a 1,000-item Action Plan, beside an empty Django view.

All three are served over HTTP by one waitress server, in its own process, on loopback in the
same run, and requested in turns (page, API, empty view, page, ...), so the figures share every
overhead, and any change in the machine's other load, but the work of the page itself. Also counts
the queries of each read for 10 and for 1,000 items: equal counts mean no N+1 queries.

    .venv/bin/python benchmarks/plan_page.py [--items 1000] [--requests 200]

Target (issue 2): plan page within 5x of the empty view, and no N+1 queries.
"""

from __future__ import annotations

import argparse
import http.client
import os
import subprocess
import sys

from _harness import interleaved_medians, setup_django

setup_django("plan-page")

from django.db import connection  # noqa: E402 - Django is set up first
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path  # noqa: E402

from _factories import make_admin, make_conference  # noqa: E402
from accord.plans import domain as plans  # noqa: E402
from accord.plans.enums import ItemKind, ItemStatus  # noqa: E402


def empty(request):
    return HttpResponse(b"")


urlpatterns = [path("__empty__/", empty), path("", include("accord.urls"))]


def build_plan(admin, slug: str, items: int, priorities: int = 10):
    conference = make_conference(admin, slug)
    plan = plans.create_action_plan(user=admin, conference=conference, title="Action Plan")
    version = plans.create_plan_version(user=admin, plan=plan, label="Benchmark")
    statuses = list(ItemStatus.values)
    per_priority = max(items // priorities, 1)
    made = 0
    for p in range(1, priorities + 1):
        priority = plans.add_priority(
            user=admin, version=version, code=f"D.{p}", title=f"Priority {p}"
        )
        for i in range(per_priority if made < items else 0):
            item = plans.add_item(
                user=admin,
                priority=priority,
                kind=ItemKind.OUTCOME if i % 3 else ItemKind.OUTPUT,
                code=f"D.{p}-{i + 1}",
                text=f"Strengthened capacity of Member States on topic {i} of priority {p} "
                "to [deploy/finance] broadband networks in underserved areas",
                status=statuses[i % 3],
            )
            plans.add_linkage(user=admin, item=item, type="sdg", target=str(i % 17 + 1))
            made += 1
    plans.set_version_state(user=admin, version=version, state="published")
    return conference


def count_queries(url: str) -> int:
    client = Client()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries)


def serve_forever() -> None:
    """Server process: print the port, then serve until killed."""
    from django.conf import settings
    from waitress.server import create_server

    settings.ROOT_URLCONF = __name__
    from accord.wsgi import application

    server = create_server(application, host="127.0.0.1", port=0, threads=4, ident="bench")
    print(server.effective_port, flush=True)
    server.run()


def start_server() -> tuple[subprocess.Popen, int]:
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=os.environ.copy(),
    )
    return process, int(process.stdout.readline())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve_forever()
        return

    admin = make_admin()
    small, large = build_plan(admin, "small", 10), build_plan(admin, "large", args.items)
    queries = {
        name: (count_queries(url.format(small.slug)), count_queries(url.format(large.slug)))
        for name, url in {
            "plan page": "/c/{}/plan/",
            "API plan read": "/api/conferences/{}/plan",
        }.items()
    }

    server, port = start_server()
    connection_ = http.client.HTTPConnection("127.0.0.1", port)

    cookies: dict[str, str] = {}

    def get(url: str) -> None:
        """One request, sending back the cookies received, as a browser does."""
        headers = {"Host": "localhost"}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        connection_.request("GET", url, headers=headers)
        response = connection_.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            cookies[name] = rest.split(";", 1)[0]
        response.read()
        assert response.status == 200, (url, response.status)

    medians = interleaved_medians(
        {
            "page": lambda: get(f"/c/{large.slug}/plan/"),
            "api": lambda: get(f"/api/conferences/{large.slug}/plan"),
            "empty": lambda: get("/__empty__/"),
        },
        args.requests,
    )
    page, api, baseline = medians["page"], medians["api"], medians["empty"]
    server.terminate()

    print(
        f"plan of {args.items} items, median of {args.requests} HTTP requests each, "
        "in turns (loopback)"
    )
    print(f"  empty Django view      {baseline:8.2f} ms   (baseline)")
    ratio = page / baseline
    print(f"  plan page              {page:8.2f} ms   {ratio:5.1f}x the empty view (target: <= 5x)")
    print(f"  API plan read          {api:8.2f} ms   {api / baseline:5.1f}x the empty view")
    for name, (few, many) in queries.items():
        verdict = "no N+1" if few == many else "GROWS WITH THE PLAN"
        print(f"  {name:<22} {few} queries for 10 items, {many} for {args.items}: {verdict}")


if __name__ == "__main__":
    main()
