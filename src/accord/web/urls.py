"""The web pages. The names are used by the API and the benchmarks: keep them stable."""

from django.contrib.auth import views as auth_views
from django.urls import path

from accord.web.views import link_suggestions
from accord.web.views import linkages as linkage_views
from accord.web.views import meetings as meeting_views
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

# Meetings: list, calendar, timeline, coordinators, a meeting's page and forms, iCalendar feeds.
MEETING = "c/<slug:slug>/meetings/<int:meeting_id>/"
urlpatterns += [
    path("c/<slug:slug>/meetings/", meeting_views.meetings, name="meetings"),
    path("c/<slug:slug>/meetings/new/", meeting_views.meeting_create, name="meeting_create"),
    path("c/<slug:slug>/meetings/calendar/", meeting_views.calendar, name="meetings_calendar"),
    path("c/<slug:slug>/meetings/timeline/", meeting_views.timeline, name="meetings_timeline"),
    path(
        "c/<slug:slug>/meetings/calendar.ics", meeting_views.conference_ical, name="meetings_ical"
    ),
    path("c/<slug:slug>/meetings/coordinators/", meeting_views.coordinators, name="coordinators"),
    path(
        "c/<slug:slug>/meetings/coordinators/add/",
        meeting_views.coordinator_add,
        name="coordinator_add",
    ),
    path(
        "c/<slug:slug>/meetings/coordinators/<int:coordinator_id>/remove/",
        meeting_views.coordinator_remove,
        name="coordinator_remove",
    ),
    path(
        "c/<slug:slug>/meetings/delegations/<int:delegation_id>/calendar.ics",
        meeting_views.delegation_ical,
        name="delegation_ical",
    ),
    path(
        "c/<slug:slug>/meetings/delegations/<int:delegation_id>/<str:token>/calendar.ics",
        meeting_views.delegation_ical_private,
        name="delegation_ical_private",
    ),
    path(
        "c/<slug:slug>/meetings/delegations/<int:delegation_id>/feed/",
        meeting_views.delegation_feed_issue,
        name="delegation_feed_issue",
    ),
    path(MEETING, meeting_views.meeting, name="meeting"),
    path(MEETING + "edit/", meeting_views.meeting_edit, name="meeting_edit"),
    path(MEETING + "delete/", meeting_views.meeting_delete, name="meeting_delete"),
    path(MEETING + "agenda/", meeting_views.meeting_agenda, name="meeting_agenda"),
    path(MEETING + "documents/", meeting_views.document_attach, name="meeting_document_attach"),
    path(
        MEETING + "documents/<int:document_id>/",
        meeting_views.document_download,
        name="meeting_document",
    ),
    path(
        MEETING + "documents/<int:document_id>/remove/",
        meeting_views.document_remove,
        name="meeting_document_remove",
    ),
    path(
        MEETING + "representatives/",
        meeting_views.representative_add,
        name="meeting_representative_add",
    ),
    path(
        MEETING + "representatives/<int:representative_id>/remove/",
        meeting_views.representative_remove,
        name="meeting_representative_remove",
    ),
]

# Linkages: coverage, the map (and its SVG), an item's suggested links, whole-plan runs.
ITEM_SUGGESTIONS = "c/<slug:slug>/plan/v<int:number>/items/<str:code>/suggestions/"
urlpatterns += [
    path("c/<slug:slug>/linkages/", linkage_views.linkage_coverage, name="linkage_coverage"),
    path("c/<slug:slug>/linkages/map/", linkage_views.linkage_map_page, name="linkage_map"),
    path("c/<slug:slug>/linkages/map.svg", linkage_views.linkage_map_svg, name="linkage_map_svg"),
    path(
        "c/<slug:slug>/linkages/runs/", link_suggestions.linkage_run_start, name="linkage_run_start"
    ),
    path(
        "c/<slug:slug>/plan/v<int:number>/linkages/runs/<int:run_id>/",
        link_suggestions.linkage_run,
        name="linkage_run",
    ),
    path(
        "c/<slug:slug>/plan/v<int:number>/linkages/runs/<int:run_id>/progress/",
        link_suggestions.linkage_run_progress,
        name="linkage_run_progress",
    ),
    path(ITEM_SUGGESTIONS, link_suggestions.item_suggest, name="item_suggest"),
    path(
        ITEM_SUGGESTIONS + "<int:suggestion_id>/accept/",
        link_suggestions.suggestion_accept,
        name="suggestion_accept",
    ),
    path(
        ITEM_SUGGESTIONS + "<int:suggestion_id>/reject/",
        link_suggestions.suggestion_reject,
        name="suggestion_reject",
    ),
]

# Participation: the dashboard, its targets and a previous conference's figures.
from accord.web.views import participation as participation_views  # noqa: E402

urlpatterns += [
    path("c/<slug:slug>/participation/", participation_views.participation, name="participation"),
    path(
        "c/<slug:slug>/participation/targets/<str:dimension>/",
        participation_views.participation_targets,
        name="participation_targets",
    ),
    path(
        "c/<slug:slug>/participation/previous/",
        participation_views.participation_past,
        name="participation_past",
    ),
]

# Contributions to a meeting: the tab, a new draft, its document, submit/withdraw/accept/admit.
from accord.web.views import meeting_submissions as submission_views  # noqa: E402

SUBMISSIONS = "c/<slug:slug>/meetings/<int:meeting_id>/contributions/"
urlpatterns += [
    path(SUBMISSIONS, submission_views.meeting_submissions, name="meeting_submissions"),
    path(SUBMISSIONS + "new/", submission_views.submission_create, name="submission_create"),
    path(
        SUBMISSIONS + "<int:submission_id>/document/",
        submission_views.submission_download,
        name="submission_document",
    ),
    path(
        SUBMISSIONS + "<int:submission_id>/edit/",
        submission_views.submission_edit,
        name="submission_edit",
    ),
    path(
        SUBMISSIONS + "<int:submission_id>/<str:action>/",
        submission_views.submission_action,
        name="submission_action",
    ),
]

# Invitations and registration: target lists, pipeline, import/export, sending; the public
# registration form behind a personal link; the secretariat's registration queue.
from accord.web.views import invitation_setup as invitation_setup_views  # noqa: E402
from accord.web.views import invitations as invitation_views  # noqa: E402
from accord.web.views import registration as registration_views  # noqa: E402

ENGAGEMENT = "c/<slug:slug>/invitations/"
urlpatterns += [
    path(ENGAGEMENT, invitation_views.lists, name="engagement_lists"),
    path(ENGAGEMENT + "lists/<int:list_id>/", invitation_views.list_detail, name="engagement_list"),
    path(
        ENGAGEMENT + "lists/<int:list_id>/import/",
        invitation_views.list_import,
        name="engagement_list_import",
    ),
    path(
        ENGAGEMENT + "lists/<int:list_id>/export.<str:fmt>",
        invitation_views.list_export,
        name="engagement_list_export",
    ),
    path(ENGAGEMENT + "lists/<int:list_id>/send/", invitation_views.send, name="engagement_send"),
    path(ENGAGEMENT + "lists/new/", invitation_setup_views.list_new, name="engagement_list_new"),
    path(
        ENGAGEMENT + "lists/<int:list_id>/invitees/new/",
        invitation_setup_views.invitee_new,
        name="engagement_invitee_new",
    ),
    path(
        ENGAGEMENT + "lists/<int:list_id>/edit/",
        invitation_setup_views.list_edit,
        name="engagement_list_edit",
    ),
    path(
        ENGAGEMENT + "lists/<int:list_id>/delete/",
        invitation_setup_views.list_delete,
        name="engagement_list_delete",
    ),
    path(
        ENGAGEMENT + "invitees/<int:invitee_id>/edit/",
        invitation_setup_views.invitee_edit,
        name="engagement_invitee_edit",
    ),
    path(
        ENGAGEMENT + "invitees/<int:invitee_id>/remove/",
        invitation_setup_views.invitee_remove,
        name="engagement_invitee_remove",
    ),
    path(
        ENGAGEMENT + "settings/",
        invitation_setup_views.deadlines_and_registration,
        name="engagement_settings",
    ),
    path(
        ENGAGEMENT + "settings/registration/",
        invitation_setup_views.open_registration,
        name="engagement_open_registration",
    ),
    path(
        ENGAGEMENT + "batches/<int:batch_id>/",
        invitation_views.batch_detail,
        name="engagement_batch",
    ),
    path(
        ENGAGEMENT + "batches/<int:batch_id>/progress/",
        invitation_views.batch_progress_fragment,
        name="engagement_batch_progress",
    ),
    path(
        ENGAGEMENT + "invitees/<int:invitee_id>/move/",
        invitation_views.invitee_move,
        name="engagement_invitee_move",
    ),
    path(ENGAGEMENT + "registrations/", registration_views.queue, name="engagement_queue"),
    path(
        ENGAGEMENT + "registrations/export.<str:fmt>",
        registration_views.export,
        name="engagement_registrations_export",
    ),
    path(
        ENGAGEMENT + "registrations/<int:registration_id>/credentials/",
        registration_views.credentials,
        name="engagement_credentials",
    ),
    path(
        ENGAGEMENT + "registrations/<int:registration_id>/<str:action>/",
        registration_views.decide,
        name="engagement_decide",
    ),
    path("c/<slug:slug>/register/", registration_views.register_open, name="engagement_register"),
    path(
        "c/<slug:slug>/register/<str:token>/",
        registration_views.register_invited,
        name="engagement_register_invited",
    ),
]

# Regional priorities: by RTO (with the cap), common to several regions.
from accord.web.views import regional as regional_views  # noqa: E402

urlpatterns += [
    path("c/<slug:slug>/regional/", regional_views.regional_priorities, name="regional_priorities"),
    path(
        "c/<slug:slug>/regional/add/",
        regional_views.regional_priority_add,
        name="regional_priority_add",
    ),
    path(
        "c/<slug:slug>/regional/<int:priority_id>/remove/",
        regional_views.regional_priority_remove,
        name="regional_priority_remove",
    ),
    path("c/<slug:slug>/regional/cap/", regional_views.regional_cap, name="regional_cap"),
    path("c/<slug:slug>/regional/common/", regional_views.regional_common, name="regional_common"),
    path(
        "c/<slug:slug>/regional/<int:priority_id>/edit/",
        regional_views.regional_priority_edit,
        name="regional_priority_edit",
    ),
    path("c/<slug:slug>/regional/mandates/", regional_views.regional_mandates, name="rto_mandates"),
    path(
        "c/<slug:slug>/regional/mandates/<int:mandate_id>/revoke/",
        regional_views.regional_mandate_revoke,
        name="rto_mandate_revoke",
    ),
]
