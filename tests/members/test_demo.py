from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import call_command

from members import demo
from members.models import Charter, MembershipApplication, Organisation, TeamMembership, User

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(
            TeamMembership.objects.order_by("organisation__slug", "user__email").values_list(
                "organisation__slug", "user__email", "role"
            )
        ),
        list(
            MembershipApplication.objects.order_by("organisation__slug").values_list(
                "organisation__slug", "status", "endorsed_at"
            )
        ),
        list(Organisation.objects.order_by("slug").values_list("slug", "member_since")),
    )


def test_it_seeds_verified_users_teams_and_every_membership_state():
    out = StringIO()

    call_command("seed_demo", stdout=out)

    assert set(MembershipApplication.objects.values_list("status", flat=True)) == set(
        MembershipApplication.Status
    )
    assert Organisation.objects.filter(membership_applications__isnull=True).exists()
    assert not Organisation.objects.exclude(team__role="admin").exists()
    assert EmailAddress.objects.filter(verified=True).count() == User.objects.count()
    assert (
        Organisation.objects.members().count()
        == MembershipApplication.objects.filter(status="accepted").count()
    )
    printed = out.getvalue()
    assert demo.MODERATOR_EMAIL in printed
    assert demo.ORG_ADMIN_EMAIL in printed
    assert demo.DEMO_PASSWORD in printed


def test_the_demo_logins_work(client):
    call_command("seed_demo", stdout=StringIO())
    moderator = User.objects.get(email=demo.MODERATOR_EMAIL)

    assert client.login(email=demo.ORG_ADMIN_EMAIL, password=demo.DEMO_PASSWORD)
    assert moderator.is_staff
    assert not moderator.is_superuser
    assert moderator.has_perm("members.change_membershipapplication")
    assert TeamMembership.objects.get(user__email=demo.ORG_ADMIN_EMAIL).role == "admin"


def test_it_is_idempotent_and_deterministic():
    call_command("seed_demo", stdout=StringIO())
    first = snapshot()

    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first

    Organisation.objects.all().delete()
    User.objects.all().delete()
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first


def test_the_charter_was_published_before_anyone_endorsed_it():
    call_command("seed_demo", stdout=StringIO())

    first_endorsement = MembershipApplication.objects.order_by("endorsed_at").first()

    assert first_endorsement.charter.published_at < first_endorsement.endorsed_at
    assert first_endorsement.charter.published_at == demo.CHARTER_PUBLISHED


def charter_languages() -> list[str]:
    return sorted(Charter.objects.current().translations.values_list("language", flat=True))


OTHER_LANGUAGES = sorted(
    code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
)


def test_the_demos_charter_is_in_all_24_languages():
    call_command("seed_demo", stdout=StringIO())

    assert len(OTHER_LANGUAGES) == 23
    assert charter_languages() == OTHER_LANGUAGES


def test_without_a_charter_the_demo_publishes_version_1_with_its_translations():
    Charter.objects.all().delete()

    call_command("seed_demo", stdout=StringIO())

    assert Charter.objects.current().version == 1
    assert charter_languages() == OTHER_LANGUAGES
