import pytest

from tests import factories


@pytest.fixture
def admin(db):
    """A secretariat account (staff)."""
    return factories.make_secretariat("admin")


@pytest.fixture
def conference(admin):
    return factories.make_conference(admin, slug="conf")


@pytest.fixture
def draft(admin, conference):
    """A draft plan version: two priorities, three items each, all three statuses."""
    return factories.make_plan_version(admin, conference)


@pytest.fixture
def owner(admin):
    """An account that owns a target list (and so manages its invitees)."""
    return factories.make_user(admin, "listowner")


@pytest.fixture
def target_list(admin, conference, owner):
    """An empty target list owned by ``owner``."""
    from accord.engagement.domain import pipeline

    return pipeline.create_target_list(
        user=admin, conference=conference, name="Private sector", owner=owner
    )


@pytest.fixture
def demo(db):
    from accord.demo.seed import seed_demo

    return seed_demo()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing costs half a second per account; tests create many."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache, as after a restart."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Background tasks run inside the request that enqueues them: deterministic tests."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


# Three Member States' delegations with one delegate each, for tests where delegations act
# for themselves and not for each other.


@pytest.fixture
def kenya(admin, conference):
    return factories.make_delegation(admin, conference, "KEN", name="Kenya")


@pytest.fixture
def ghana(admin, conference):
    return factories.make_delegation(admin, conference, "GHA", name="Ghana")


@pytest.fixture
def france(admin, conference):
    return factories.make_delegation(admin, conference, "FRA", name="France")


@pytest.fixture
def kenyan(admin, kenya):
    return factories.make_delegate(admin, kenya, "kenyan")


@pytest.fixture
def ghanaian(admin, ghana):
    return factories.make_delegate(admin, ghana, "ghanaian")


@pytest.fixture
def french(admin, france):
    return factories.make_delegate(admin, france, "french")
