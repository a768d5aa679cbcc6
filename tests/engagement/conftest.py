import pytest

from accord.engagement.domain import pipeline
from accord.reference.models import ConstituentGroup


@pytest.fixture
def target_list(admin, conference, owner):
    return pipeline.create_target_list(
        user=admin,
        conference=conference,
        name="Private sector leaders",
        constituent_group=ConstituentGroup.objects.get(code="private_sector"),
        owner=owner,
    )


@pytest.fixture
def invitee(admin, target_list):
    return pipeline.add_invitee(
        user=admin, target_list=target_list, name="Ada Mensah", email="ada@example.org"
    )
