# ruff: noqa: E501 -- the charter text keeps one paragraph per line.
"""The first version of the Members Charter, loaded by a data migration. Staff
publish later versions in the admin."""

CHARTER_V1_TITLE = "Members Charter of the Digital Skills and Jobs Coalition"

CHARTER_V1_TEXT = """\
The EU Digital Skills and Jobs Coalition brings together Member States, companies, social partners, non-profit organisations and education providers who take action to tackle the lack of digital skills in Europe.

By endorsing this Charter, our organisation commits to:

1. Take concrete action to develop digital skills in Europe, under one or more of the Coalition's four pillars: digital skills for all, for the labour force, for ICT professionals, and in education.

2. Pledge actions that go beyond our day-to-day activities, with measurable targets, and report progress on them at least once a year.

3. Share good practices, results and lessons learnt with the other members of the Coalition and with the public.

4. Promote equal opportunities, so that our actions reach women and girls, older people, people with disabilities and disadvantaged groups.

5. Respect the principles of the European Pillar of Social Rights and the EU's values, and use the Coalition's name and logo only to describe our membership and our pledges.

The European Commission may end an organisation's membership if it no longer respects this Charter.
"""
