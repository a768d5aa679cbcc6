"""The list of conferences the visitor may open."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord.conferences.queries import visible_conferences


def home(request: HttpRequest) -> HttpResponse:
    conferences = list(visible_conferences(request.user))
    return render(request, "accord/home.html", {"conferences": conferences})
