"""Turn the domain's NotFound into Django's 404 at the web edge (NotAllowed is already a 403)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from accord.core.errors import NotFound


def domain_errors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a view so a NotFound raised by a query answers 404 with the friendly template."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFound as error:
            raise Http404(error.message) from error

    return wrapper
