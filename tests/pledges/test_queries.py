import pytest
from django.urls import reverse

from pledges import queries, services
from pledges.models import Indicator, Initiative
from tests.pledges.factories import IndicatorFactory, InitiativeFactory, complete_pledge

pytestmark = pytest.mark.django_db


def test_revision_changes_say_what_changes(editor):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    InitiativeFactory(pledge=pledge, title="Dropped")
    revision = services.pledge_revise(pledge=pledge, actor=editor)
    assert queries.revision_changes(revision) == []

    services.pledge_update(pledge=revision, actor=editor, title="Better title")
    Initiative.objects.get(pledge=revision, title="Dropped").delete()
    kept = Initiative.objects.get(pledge=revision)
    Indicator.objects.filter(initiative=kept).update(target=5000)
    IndicatorFactory(initiative=kept, kind="certifications", target=50)
    InitiativeFactory(pledge=revision, title="New one")

    assert queries.revision_changes(revision) == [
        f"Title: “{pledge.title}” → “Better title”",
        f"Initiative “{kept.title}”: People reached, target 1000 → People reached, target 5000.",
        f"Initiative “{kept.title}”: indicator added: Certifications issued, target 50.",
        "Initiative added: “New one”.",
        "Initiative removed: “Dropped”.",
    ]


@pytest.mark.parametrize("count", [1, 6])
def test_the_revision_page_shows_the_changes_in_constant_queries(
    count, editor_client, editor, django_assert_max_num_queries
):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    for _ in range(count):
        IndicatorFactory(initiative=InitiativeFactory(pledge=pledge))
    revision = services.pledge_revise(pledge=pledge, actor=editor)
    Indicator.objects.filter(initiative__pledge=revision).update(target=7)
    url = reverse("pledges:manage", kwargs={"slug": pledge.organisation.slug, "pk": revision.pk})

    with django_assert_max_num_queries(26):
        response = editor_client.get(url)

    assert response.text.count("target 7.") == count + 1
