"""Tell an htmx fragment request from a full page load."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_vary_headers


def wants_fragment(request: HttpRequest) -> bool:
    """True for an htmx swap; false for a normal load or htmx restoring history (needs a page)."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def vary_on_htmx(response: HttpResponse) -> HttpResponse:
    """The same URL answers a page or a fragment: caches must key on the htmx header."""
    patch_vary_headers(response, ["HX-Request"])
    return response


def redirect(request: HttpRequest, url: str) -> HttpResponse:
    """Redirect; an htmx request is told to load the page itself, so it is not swapped in."""
    if wants_fragment(request):
        response = HttpResponse(status=200)
        response["HX-Redirect"] = url
        return response
    return HttpResponseRedirect(url)
