"""The web pages. The names are used by the API and the benchmarks: keep them stable."""

from django.contrib.auth import views as auth_views
from django.urls import path

from accord.web.views.conference import conference_home
from accord.web.views.exports import plan_export
from accord.web.views.home import home
from accord.web.views.imports import (
    plan_import,
    plan_import_confirm,
    plan_import_discard,
    plan_import_report,
)
from accord.web.views.item import item
from accord.web.views.plan import plan, plan_priority
from accord.web.views.search import search

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
]
