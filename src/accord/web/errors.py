"""Domain errors at the web edge: NotFound answers 404 (NotAllowed is already a 403); other
refusals are shown on the form whose input the domain refused."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse

from accord.core.errors import DomainError, NotAllowed, NotFound


def report(form: forms.Form, error: DomainError) -> None:
    """Show a domain refusal next to the field it names, else above the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


@contextmanager
def reported_on(form: forms.Form) -> Iterator[None]:
    """Run a domain call for ``form``: a refusal lands on the form (check ``form.errors``
    afterwards), while a refusal of permission still propagates and answers 403."""
    try:
        yield
    except NotAllowed:
        raise
    except DomainError as error:
        report(form, error)


def domain_errors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a view so a NotFound raised by a query answers 404 with the friendly template."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFound as error:
            raise Http404(error.message) from error

    return wrapper
