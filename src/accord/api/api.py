"""The JSON API, mounted at ``/api/`` (schema at ``/api/openapi.json``, docs at ``/api/docs``)."""

from ninja import NinjaAPI

from accord.api.endpoints import compare, conferences, contributions, items, negotiation
from accord.api.endpoints import linkages as linkage_suggestions
from accord.api.endpoints import meetings as meeting_endpoints
from accord.api.endpoints import participation as participation_endpoints
from accord.api.errors import install_error_handlers

DESCRIPTION = """
Read the conferences, versions and Action Plan that you may see, and edit a draft plan.

**Who you are.** Reads accept an API token (`Authorization: Bearer <token>`), the browser
session, or nothing (then you read as the public: published versions of public conferences).
Writes need a token; create one with `accord token create USERNAME`.

**Errors** are JSON `{"message": str, "field": str | null}`: 400 invalid input or refused,
401 missing or invalid token, 403 not allowed, 404 not found or not visible to you,
409 edit based on an outdated revision (the body's `current` holds the item as saved now).
"""

api = NinjaAPI(title="Accord API", version="1", description=DESCRIPTION)
api.add_router("", conferences.router)
api.add_router("", items.router)
api.add_router("", negotiation.router)
api.add_router("", contributions.router)
api.add_router("", compare.router)
api.add_router("", linkage_suggestions.router)
api.add_router("", meeting_endpoints.router)
api.add_router("", participation_endpoints.router)
from accord.api.endpoints import meeting_submissions  # noqa: E402

api.add_router("", meeting_submissions.router)
from accord.api.endpoints import regional as regional_endpoints  # noqa: E402

api.add_router("", regional_endpoints.router)
from accord.api.endpoints import engagement as engagement_endpoints  # noqa: E402

api.add_router("", engagement_endpoints.router)
install_error_handlers(api, body_params={"payload"})
