"""Streamlining in the browser: corpora and their import, starting an analysis, and a run's
page (progress while it runs, then its clusters with the overlaps highlighted, where pairs are
dismissed and clusters proposed for merging). Every write calls ``accord.streamlining.domain``;
a refusal is shown next to the field it concerns."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from accord.conferences.models import Conference, Delegation
from accord.negotiation.queries.contributions import delegations_for
from accord.plans.models import PlanVersion
from accord.rules import require
from accord.streamlining import domain, queries
from accord.streamlining.enums import CorpusKind, Method
from accord.streamlining.models import AnalysisRun, Corpus
from accord.streamlining.rules import can_streamline
from accord.web.access import conference_for
from accord.web.errors import domain_errors, reported_on
from accord.web.htmx import redirect, vary_on_htmx, wants_fragment
from accord.web.views.context import conference_context
from accord.web.views.contributions import DelegationChoice


class VersionChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"v{obj.number} {obj.label} ({obj.get_state_display()})"


class CorpusForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("Plain text or .docx, one text per numbered item."),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=CorpusKind.choices)
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("Its texts are named “name:number”, e.g. “WTDC-22 Res:37”."),
    )


class RunForm(forms.Form):
    version = VersionChoice(label=gettext_lazy("Plan version"), queryset=PlanVersion.objects.none())
    corpora = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Compare also with"),
        queryset=Corpus.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    method = forms.ChoiceField(label=gettext_lazy("Method"), choices=Method.choices)
    threshold = forms.FloatField(
        label=gettext_lazy("Threshold (optional)"),
        help_text=gettext_lazy("From 0 to 1; empty: the method's calibrated default."),
        required=False,
    )

    def __init__(self, *args: Any, conference: Conference, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versions = PlanVersion.objects.filter(plan__conference=conference).order_by("-number")
        self.fields["version"].queryset = versions
        self.fields["version"].initial = versions.first()
        self.fields["corpora"].queryset = Corpus.objects.filter(conference=conference)


class DismissForm(forms.Form):
    a = forms.CharField(widget=forms.HiddenInput)
    b = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=gettext_lazy("Why these are not to be merged"),
        max_length=2000,
        widget=forms.TextInput(attrs={"required": True}),
    )


class MergeForm(forms.Form):
    cluster = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    delegation = DelegationChoice(
        label=gettext_lazy("Proposed by"), queryset=Delegation.objects.none()
    )

    def __init__(self, *args: Any, user: Any, conference: Conference, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["delegation"].queryset = delegations_for(user, conference)


def _streamlining_conference(request: HttpRequest, slug: str) -> Conference:
    conference = conference_for(request, slug)
    require(
        can_streamline(request.user, conference), _("Only the secretariat and chairs streamline.")
    )
    return conference


def _index(
    request: HttpRequest,
    conference: Conference,
    *,
    corpus_form: CorpusForm | None = None,
    run_form: RunForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = conference_context(request, conference, "streamlining") | {
        "corpora": queries.corpora_of(conference),
        "runs": queries.runs_of(conference)[:50],
        "corpus_form": corpus_form or CorpusForm(),
        "run_form": run_form or RunForm(conference=conference),
    }
    return render(request, "accord/streamlining/index.html", context, status=status)


@domain_errors
@require_GET
def streamlining(request: HttpRequest, slug: str) -> HttpResponse:
    """Corpora, the form to import one, the form to start an analysis, and past runs."""
    return _index(request, _streamlining_conference(request, slug))


@domain_errors
@require_POST
def corpus_import(request: HttpRequest, slug: str) -> HttpResponse:
    conference = _streamlining_conference(request, slug)
    form = CorpusForm(request.POST, request.FILES)
    if form.is_valid():
        with reported_on(form):
            corpus = domain.import_corpus(
                user=request.user,
                conference=conference,
                path_or_file=form.cleaned_data["file"],
                kind=form.cleaned_data["kind"],
                name=form.cleaned_data["name"],
            )
            messages.success(
                request,
                _("Imported %(name)s: %(count)d texts.")
                % {"name": corpus.name, "count": corpus.texts.count()},
            )
            return redirect(request, reverse("streamlining", args=[slug]))
    return _index(request, conference, corpus_form=form, status=400)


@domain_errors
@require_POST
def run_start(request: HttpRequest, slug: str) -> HttpResponse:
    conference = _streamlining_conference(request, slug)
    form = RunForm(request.POST, conference=conference)
    if form.is_valid():
        with reported_on(form):
            run = domain.start_analysis(
                user=request.user, conference=conference, **form.cleaned_data
            )
            return redirect(request, reverse("streamlining_run", args=[slug, run.pk]))
    return _index(request, conference, run_form=form, status=400)


def _run_page(
    request: HttpRequest,
    conference: Conference,
    run: AnalysisRun,
    *,
    failed: tuple[str, Any, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    """``failed`` names the form that was refused, to show it with its errors: ("pair", (a, b),
    form) or ("cluster", index, form)."""
    dismissals = queries.dismissals_of(conference)
    clusters = queries.run_clusters(run, dismissals) if run.state == "done" else []
    context = conference_context(request, conference, "streamlining") | {
        "run": run,
        "corpora": list(run.corpora.all()),
        "clusters": clusters,
        "dismissed": queries.dismissed_in(run, dismissals) if run.state == "done" else [],
        # Read once, not once per cluster's form.
        "delegations": list(delegations_for(request.user, conference)) if clusters else [],
        "failed_kind": failed[0] if failed else "",
        "failed_key": failed[1] if failed else None,
        "failed_form": failed[2] if failed else None,
    }
    return render(request, "accord/streamlining/run.html", context, status=status)


@domain_errors
@require_GET
def run_page(request: HttpRequest, slug: str, run_id: int) -> HttpResponse:
    conference = _streamlining_conference(request, slug)
    return _run_page(request, conference, queries.find_run(conference, run_id))


@domain_errors
@require_GET
def run_progress(request: HttpRequest, slug: str, run_id: int) -> HttpResponse:
    """The progress bar, polled by htmx; once the run ends, htmx reloads the whole page."""
    conference = _streamlining_conference(request, slug)
    run = queries.find_run(conference, run_id)
    response = render(
        request, "accord/streamlining/_progress.html", {"conference": conference, "run": run}
    )
    if run.finished and wants_fragment(request):
        response["HX-Refresh"] = "true"
    return vary_on_htmx(response)


@domain_errors
@require_POST
def pair_dismiss(request: HttpRequest, slug: str, run_id: int) -> HttpResponse:
    conference = _streamlining_conference(request, slug)
    run = queries.find_run(conference, run_id)
    form = DismissForm(request.POST)
    if form.is_valid():
        with reported_on(form):
            domain.dismiss_pair(user=request.user, conference=conference, **form.cleaned_data)
            messages.success(request, _("The pair is dismissed; later analyses leave it out."))
            return redirect(request, reverse("streamlining_run", args=[slug, run.pk]))
    key = queries.pair_key(request.POST.get("a", ""), request.POST.get("b", ""))
    return _run_page(request, conference, run, failed=("pair", key, form), status=400)


@domain_errors
@require_POST
def pair_restore(request: HttpRequest, slug: str, run_id: int, dismissal_id: int) -> HttpResponse:
    conference = _streamlining_conference(request, slug)
    run = queries.find_run(conference, run_id)
    domain.restore_pair(
        user=request.user, dismissal=queries.find_dismissal(conference, dismissal_id)
    )
    messages.success(request, _("The pair is back among the overlaps."))
    return redirect(request, reverse("streamlining_run", args=[slug, run.pk]))


@domain_errors
@require_POST
def cluster_merge(request: HttpRequest, slug: str, run_id: int) -> HttpResponse:
    conference = _streamlining_conference(request, slug)
    run = queries.find_run(conference, run_id)
    form = MergeForm(request.POST, user=request.user, conference=conference)
    if form.is_valid():
        with reported_on(form):
            contribution = domain.propose_merge(
                user=request.user,
                run=run,
                cluster_index=form.cleaned_data["cluster"],
                delegation=form.cleaned_data["delegation"],
            )
            messages.success(request, _("Draft contribution created: review and submit it."))
            return redirect(request, reverse("contribution", args=[slug, contribution.pk]))
    index = form.cleaned_data.get("cluster") if hasattr(form, "cleaned_data") else None
    return _run_page(request, conference, run, failed=("cluster", index, form), status=400)
