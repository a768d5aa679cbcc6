"""The web pages. The names are used by the API and the benchmarks: keep them stable."""

from django.contrib.auth import views as auth_views
from django.urls import path

from accord.web.views.conference import conference_home
from accord.web.views.home import home
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
    path("c/<slug:slug>/search/", search, name="search"),
]
