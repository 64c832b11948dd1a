# ruff: noqa: E501 -- the charter text keeps one paragraph per line.
"""The first version of the Members Charter, loaded by a data migration, and
its French and German translations (translated faithfully from the English
text, in the terms of the interface catalogues: "Charte des membres",
"Mitgliedercharta"); its other languages are not translated yet and show the
English text, marked as English. Staff publish later versions, with their
translations, in the admin."""

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

# {language: (title, text)} of version 1.
CHARTER_V1_TRANSLATIONS = {
    "fr": (
        "Charte des membres de la Coalition pour les compétences et les emplois numériques",
        """\
La Coalition de l’UE pour les compétences et les emplois numériques réunit des États membres, des entreprises, des partenaires sociaux, des organisations à but non lucratif et des prestataires d’enseignement qui agissent pour remédier au manque de compétences numériques en Europe.

En approuvant la présente Charte, notre organisation s’engage à :

1. Mener des actions concrètes pour développer les compétences numériques en Europe, au titre d’un ou de plusieurs des quatre piliers de la Coalition : les compétences numériques pour tous, pour la population active, pour les professionnels des TIC et dans l’éducation.

2. Prendre des engagements portant sur des actions qui vont au-delà de nos activités quotidiennes, assortis d’objectifs mesurables, et rendre compte de leur avancement au moins une fois par an.

3. Partager les bonnes pratiques, les résultats et les enseignements tirés avec les autres membres de la Coalition et avec le public.

4. Promouvoir l’égalité des chances, afin que nos actions touchent les femmes et les filles, les personnes âgées, les personnes handicapées et les groupes défavorisés.

5. Respecter les principes du socle européen des droits sociaux et les valeurs de l’UE, et n’utiliser le nom et le logo de la Coalition que pour faire état de notre adhésion et de nos engagements.

La Commission européenne peut mettre fin à l’adhésion d’une organisation qui ne respecte plus la présente Charte.
""",
    ),
    "de": (
        "Mitgliedercharta der Koalition für digitale Kompetenzen und Arbeitsplätze",
        """\
Die EU-Koalition für digitale Kompetenzen und Arbeitsplätze bringt Mitgliedstaaten, Unternehmen, Sozialpartner, gemeinnützige Organisationen und Bildungsanbieter zusammen, die Maßnahmen ergreifen, um dem Mangel an digitalen Kompetenzen in Europa zu begegnen.

Mit der Unterzeichnung dieser Charta verpflichtet sich unsere Organisation,

1. konkrete Maßnahmen zur Entwicklung digitaler Kompetenzen in Europa zu ergreifen, und zwar im Rahmen einer oder mehrerer der vier Säulen der Koalition: digitale Kompetenzen für alle, für Arbeitskräfte, für IKT-Fachkräfte und in der Bildung;

2. Zusagen für Maßnahmen zu machen, die über unsere alltäglichen Tätigkeiten hinausgehen, mit messbaren Zielen, und mindestens einmal im Jahr über die Fortschritte zu berichten;

3. bewährte Verfahren, Ergebnisse und gewonnene Erkenntnisse mit den anderen Mitgliedern der Koalition und mit der Öffentlichkeit zu teilen;

4. die Chancengleichheit zu fördern, damit unsere Maßnahmen Frauen und Mädchen, ältere Menschen, Menschen mit Behinderungen und benachteiligte Gruppen erreichen;

5. die Grundsätze der europäischen Säule sozialer Rechte und die Werte der EU zu achten und den Namen und das Logo der Koalition nur zu verwenden, um auf unsere Mitgliedschaft und unsere Zusagen hinzuweisen.

Die Europäische Kommission kann die Mitgliedschaft einer Organisation beenden, die diese Charta nicht mehr einhält.
""",
    ),
}
