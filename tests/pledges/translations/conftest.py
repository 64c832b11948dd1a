import pytest

from pledges.translations.models import PledgeTranslation, source_fingerprint
from tests.pledges.factories import PledgeFactory


@pytest.fixture
def pledge(organisation):
    return PledgeFactory(
        organisation=organisation,
        approved=True,
        title="Coding for every school",
        summary="We train teachers to teach coding.",
        language="en",
    )


def translate(pledge, language, title, summary="", **kwargs):
    """A translation of the pledge's current wording, as an editor saves it."""
    return PledgeTranslation.objects.create(
        pledge=pledge,
        language=language,
        title=title,
        summary=summary or f"{title}: summary",
        source_fingerprint=source_fingerprint(pledge),
        **kwargs,
    )
