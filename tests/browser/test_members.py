"""The whole path a new organisation takes, in a real browser: sign up, verify the
email from the link, register the organisation, endorse the Charter; a moderator
accepts it in the admin; the organisation page shows the member badge. axe-core
checks every portal page on the way."""

import re

from django.core import mail
from playwright.sync_api import expect

from members.charter import CHARTER_V1_TEXT, CHARTER_V1_TITLE
from members.models import Charter, MembershipApplication, Organisation
from members.moderation import ensure_moderators_group
from tests.browser.conftest import assert_accessible
from tests.members.factories import PASSWORD, VerifiedUserFactory

NEW_PASSWORD = "a long pass phrase for the coalition"


def test_a_new_organisation_joins_the_coalition(page, new_context):
    if not Charter.objects.exists():
        Charter.objects.create(version=1, title=CHARTER_V1_TITLE, text=CHARTER_V1_TEXT)
    moderator = VerifiedUserFactory(email="moderator@example.eu", is_staff=True)
    moderator.groups.add(ensure_moderators_group())

    # Become a Pledger explains the path and leads to sign-up.
    page.goto("/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Become a Pledger").click()
    expect(page.locator("h1")).to_have_text("Become a Pledger")
    assert_accessible(page)
    page.get_by_role("link", name="Create an account").click()
    expect(page.locator("h1")).to_have_text("Sign Up")
    assert_accessible(page)

    # A mistake first: the form says what is wrong, next to the field.
    page.get_by_label("Email").fill("ana@lisbon-coders.example.pt")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Password (again)").fill("short")
    page.get_by_role("button", name="Sign Up").click()
    expect(page.locator("#id_password1_error")).to_contain_text("at least 12 characters")
    assert_accessible(page)

    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Password (again)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.locator("h1")).to_have_text("Verify Your Email Address")
    assert_accessible(page)

    # The verification link from the email.
    assert [m.to for m in mail.outbox] == [["ana@lisbon-coders.example.pt"]]
    link = re.search(r"http://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Confirm Email Address")
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()

    # Verified and logged in, back where the sign-up started: registration.
    expect(page.locator("h1")).to_have_text("Register your organisation")
    assert_accessible(page)
    page.get_by_label("Name").fill("Lisbon Coders Collective")
    page.get_by_label("Sector").select_option("third")
    page.get_by_label("Type").select_option("ngo")
    page.get_by_label("Size").select_option("small")
    page.get_by_label("Country of headquarters").select_option("PT")
    page.get_by_label("Website").fill("https://lisbon-coders.example.pt/")
    page.get_by_label("Description").fill("Free coding classes for young people in Lisbon.")
    page.get_by_label("Public contact email").fill("hello@lisbon-coders.example.pt")
    page.get_by_role("button", name="Register the organisation").click()

    # Endorse the Members Charter.
    expect(page.locator("h1")).to_have_text("Join the Coalition")
    assert_accessible(page)
    page.get_by_label(re.compile("I endorse the Members Charter")).check()
    page.get_by_role("button", name="Endorse and apply").click()
    expect(page.locator("h1")).to_have_text("Lisbon Coders Collective")
    expect(page.locator("[data-membership=pending]")).to_be_visible()
    assert_accessible(page)
    organisation_url = page.url

    # A moderator (staff, Moderators group, not a superuser) accepts it in the admin.
    admin_context = new_context()
    admin = admin_context.new_page()
    admin.goto("/en/admin/")
    # The admin sends staff to the portal's own login page (allauth's limits apply).
    expect(admin).to_have_url(re.compile(r"/en/accounts/login/\?next="))
    assert_accessible(admin)
    admin.get_by_label("Email").fill("moderator@example.eu")
    admin.get_by_label("Password").fill(PASSWORD)
    admin.locator("main").get_by_role("button", name=re.compile("Sign In|Log in", re.I)).click()
    expect(admin.locator("h1")).to_have_text("Moderation and content")
    assert_accessible(admin)
    admin.get_by_role("link", name="Membership applications").first.click()
    expect(admin.locator("h1")).to_have_text("Select membership application to change")
    assert_accessible(admin)
    row = admin.locator("#result_list tbody tr", has_text="Lisbon Coders Collective")
    row.locator("input[name=_selected_action]").check()
    admin.locator("select[name=action]").select_option("accept_applications")
    admin.get_by_role("button", name="Run").click()
    expect(admin.locator(".messagelist")).to_contain_text("1 organisation is now a member")
    assert_accessible(admin)
    admin_context.close()

    application = MembershipApplication.objects.get(organisation__name="Lisbon Coders Collective")
    assert (application.status, application.decided_by) == ("accepted", moderator)
    assert mail.outbox[-1].to == ["ana@lisbon-coders.example.pt"]

    # The organisation page shows the member badge.
    page.goto(organisation_url)
    expect(page.locator(".portal-badge--member .portal-badge__name")).to_have_text(
        "Coalition member"
    )
    expect(page.locator("[data-membership=member]")).to_be_visible()
    assert_accessible(page)
    assert Organisation.objects.members().filter(name="Lisbon Coders Collective").exists()

    # Her dashboard lists the organisation, now a member.
    page.goto("/en/my/")
    expect(page.locator("h1")).to_have_text("My organisations")
    expect(page.locator("main")).to_contain_text("Lisbon Coders Collective")
    assert_accessible(page)


def test_an_admin_manages_the_team_and_the_directory_filters(page):
    from members.models import TeamMembership
    from tests.members.factories import OrganisationFactory, TeamMembershipFactory

    organisation = OrganisationFactory(name="Tallinn Tech Academy", country="EE")
    OrganisationFactory(name="Riga Robotics", country="LV", member_since=organisation.created_at)
    Organisation.objects.filter(pk=organisation.pk).update(member_since=organisation.created_at)
    admin = VerifiedUserFactory(email="admin@tallinn.example.ee")
    TeamMembershipFactory(organisation=organisation, user=admin, role=TeamMembership.Role.ADMIN)

    page.goto("/en/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Email").fill("admin@tallinn.example.ee")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.locator("h1")).to_have_text("My organisations")

    page.get_by_role("link", name="Team Tallinn Tech Academy").click()
    expect(page.locator("h1")).to_have_text("Team of Tallinn Tech Academy")
    assert_accessible(page)
    page.get_by_label("Email address").fill("colleague@tallinn.example.ee")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Invitation sent to colleague@tallinn.example.ee"
    )
    assert_accessible(page)

    for path in (
        "/en/my/name/",
        "/en/my/data/",
        "/en/my/delete/",
        "/en/accounts/email/",
        "/en/accounts/password/change/",
    ):
        page.goto(path)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)

    page.goto("/en/members/")
    assert_accessible(page)
    page.get_by_label("Country").select_option("EE")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".portal-org-card")).to_have_count(1)
    expect(page.locator(".portal-org-card")).to_contain_text("Tallinn Tech Academy")
    assert_accessible(page)
