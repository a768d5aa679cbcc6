"""The web pages. The names are used by the API and the benchmarks: keep them stable."""

from django.contrib.auth import views as auth_views
from django.urls import path

from accord.web.views.compare import plan_compare, plan_compare_docx
from accord.web.views.conference import conference_home
from accord.web.views.consensus import consensus, delegation
from accord.web.views.contributions import (
    amendment_decide,
    contribution,
    contribution_submit,
    contribution_withdraw,
    contributions,
    merge,
)
from accord.web.views.exports import plan_export
from accord.web.views.home import home
from accord.web.views.imports import (
    plan_import,
    plan_import_confirm,
    plan_import_discard,
    plan_import_report,
)
from accord.web.views.item import item
from accord.web.views.negotiate import item_edit, item_position, item_resolve, item_status
from accord.web.views.plan import plan, plan_priority
from accord.web.views.search import search
from accord.web.views.streamlining import (
    cluster_merge,
    corpus_import,
    pair_dismiss,
    pair_restore,
    run_page,
    run_progress,
    run_start,
    streamlining,
)

urlpatterns = [
    path("", home, name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            template_name="accord/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("c/<slug:slug>/", conference_home, name="conference"),
    path("c/<slug:slug>/plan/", plan, name="plan"),
    path(
        "c/<slug:slug>/plan/v<int:number>/priorities/<str:code>/",
        plan_priority,
        name="plan_priority",
    ),
    path("c/<slug:slug>/plan/v<int:number>/items/<str:code>/", item, name="item"),
    path(
        "c/<slug:slug>/plan/v<int:number>/items/<str:code>/positions/",
        item_position,
        name="item_position",
    ),
    path(
        "c/<slug:slug>/plan/v<int:number>/items/<str:code>/resolve/",
        item_resolve,
        name="item_resolve",
    ),
    path(
        "c/<slug:slug>/plan/v<int:number>/items/<str:code>/status/",
        item_status,
        name="item_status",
    ),
    path("c/<slug:slug>/plan/v<int:number>/items/<str:code>/edit/", item_edit, name="item_edit"),
    path("c/<slug:slug>/plan/v<int:number>/export.<str:fmt>", plan_export, name="plan_export"),
    path("c/<slug:slug>/plan/import/", plan_import, name="plan_import"),
    path(
        "c/<slug:slug>/plan/import/<int:upload_id>/",
        plan_import_report,
        name="plan_import_report",
    ),
    path(
        "c/<slug:slug>/plan/import/<int:upload_id>/confirm/",
        plan_import_confirm,
        name="plan_import_confirm",
    ),
    path(
        "c/<slug:slug>/plan/import/<int:upload_id>/discard/",
        plan_import_discard,
        name="plan_import_discard",
    ),
    path("c/<slug:slug>/search/", search, name="search"),
    # Contributions, their merge into a new version, and redlines between versions.
    path("c/<slug:slug>/plan/v<int:number>/contributions/", contributions, name="contributions"),
    path("c/<slug:slug>/plan/v<int:number>/merge/", merge, name="merge"),
    path("c/<slug:slug>/contributions/<int:contribution_id>/", contribution, name="contribution"),
    path(
        "c/<slug:slug>/contributions/<int:contribution_id>/submit/",
        contribution_submit,
        name="contribution_submit",
    ),
    path(
        "c/<slug:slug>/contributions/<int:contribution_id>/withdraw/",
        contribution_withdraw,
        name="contribution_withdraw",
    ),
    path(
        "c/<slug:slug>/amendments/<int:amendment_id>/decision/",
        amendment_decide,
        name="amendment_decide",
    ),
    path("c/<slug:slug>/plan/compare/", plan_compare, name="plan_compare"),
    path("c/<slug:slug>/plan/compare/redline.docx", plan_compare_docx, name="plan_compare_docx"),
    path("c/<slug:slug>/consensus/", consensus, name="consensus"),
    path("c/<slug:slug>/delegations/<int:delegation_id>/", delegation, name="delegation"),
    # Streamlining: overlapping texts, found by a background analysis.
    path("c/<slug:slug>/streamlining/", streamlining, name="streamlining"),
    path("c/<slug:slug>/streamlining/corpora/", corpus_import, name="streamlining_import"),
    path("c/<slug:slug>/streamlining/runs/", run_start, name="streamlining_start"),
    path("c/<slug:slug>/streamlining/runs/<int:run_id>/", run_page, name="streamlining_run"),
    path(
        "c/<slug:slug>/streamlining/runs/<int:run_id>/progress/",
        run_progress,
        name="streamlining_progress",
    ),
    path(
        "c/<slug:slug>/streamlining/runs/<int:run_id>/dismiss/",
        pair_dismiss,
        name="streamlining_dismiss",
    ),
    path(
        "c/<slug:slug>/streamlining/runs/<int:run_id>/dismissed/<int:dismissal_id>/restore/",
        pair_restore,
        name="streamlining_restore",
    ),
    path(
        "c/<slug:slug>/streamlining/runs/<int:run_id>/merge/",
        cluster_merge,
        name="streamlining_merge",
    ),
]
