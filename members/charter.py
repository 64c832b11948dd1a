# ruff: noqa: E501 -- the charter text keeps one paragraph per line.
"""The first version of the Members Charter, loaded by a data migration, and
its translations into the 23 other official languages of the EU, loaded by
data migrations too (French and German by 0006, the others by 0007).

Translated faithfully from the English text, in a formal register: the EU’s
own terms (Member States, the European Commission, the European Pillar of
Social Rights, the Coalition's name as the EU writes it in each language),
and the interface catalogues' words for the Charter ("Charte des membres",
"Mitgliedercharta", "Cairt na gComhaltaí"...) and the four pillars, so that
the text matches the pages around it. Staff publish later versions, with
their translations, in the admin."""

CHARTER_V1_TITLE = "Members Charter of the Digital Skills and Jobs Coalition"

CHARTER_V1_TEXT = """\
The EU Digital Skills and Jobs Coalition brings together Member States, companies, social partners, non-profit organisations and education providers who take action to tackle the lack of digital skills in Europe.

By endorsing this Charter, our organisation commits to:

1. Take concrete action to develop digital skills in Europe, under one or more of the Coalition's four pillars: digital skills for all, for the labour force, for ICT professionals, and in education.

2. Pledge actions that go beyond our day-to-day activities, with measurable targets, and report progress on them at least once a year.

3. Share good practices, results and lessons learnt with the other members of the Coalition and with the public.

4. Promote equal opportunities, so that our actions reach women and girls, older people, people with disabilities and disadvantaged groups.

5. Respect the principles of the European Pillar of Social Rights and the EU’s values, and use the Coalition's name and logo only to describe our membership and our pledges.

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
    "bg": (
        "Харта на членовете на Коалицията за цифрови умения и работни места",
        """\
Коалицията на ЕС за цифрови умения и работни места обединява държави членки, дружества, социални партньори, организации с нестопанска цел и доставчици на образование, които предприемат действия за преодоляване на недостига на цифрови умения в Европа.

С одобряването на настоящата Харта нашата организация се ангажира:

1. Да предприема конкретни действия за развитие на цифровите умения в Европа в рамките на един или повече от четирите стълба на Коалицията: цифрови умения за всички, за работната сила, за специалистите в областта на ИКТ и в образованието.

2. Да поема ангажименти за действия, които надхвърлят ежедневните ни дейности, с измерими цели, и да докладва за напредъка по тях поне веднъж годишно.

3. Да споделя добри практики, резултати и извлечени поуки с другите членове на Коалицията и с обществеността.

4. Да насърчава равните възможности, така че нашите действия да достигат до жените и момичетата, възрастните хора, хората с увреждания и групите в неравностойно положение.

5. Да спазва принципите на Европейския стълб на социалните права и ценностите на ЕС и да използва наименованието и логото на Коалицията единствено за да посочва своето членство и своите ангажименти.

Европейската комисия може да прекрати членството на организация, която вече не спазва настоящата Харта.
""",
    ),
    "cs": (
        "Charta členů Koalice pro digitální dovednosti a pracovní místa",
        """\
Koalice EU pro digitální dovednosti a pracovní místa sdružuje členské státy, podniky, sociální partnery, neziskové organizace a poskytovatele vzdělávání, kteří přijímají opatření k řešení nedostatku digitálních dovedností v Evropě.

Podpisem této Charty se naše organizace zavazuje:

1. přijímat konkrétní opatření k rozvoji digitálních dovedností v Evropě v rámci jednoho nebo více ze čtyř pilířů Koalice: digitální dovednosti pro všechny, pro pracovní sílu, pro odborníky v oblasti IKT a ve vzdělávání;

2. přijímat závazky k opatřením, která přesahují naše každodenní činnosti, s měřitelnými cíli, a nejméně jednou ročně podávat zprávy o pokroku při jejich plnění;

3. sdílet osvědčené postupy, výsledky a získané poznatky s ostatními členy Koalice a s veřejností;

4. podporovat rovné příležitosti, aby naše opatření oslovila ženy a dívky, starší osoby, osoby se zdravotním postižením a znevýhodněné skupiny;

5. dodržovat zásady evropského pilíře sociálních práv a hodnoty EU a používat název a logo Koalice pouze k popisu našeho členství a našich závazků.

Evropská komise může ukončit členství organizace, která tuto Chartu již nedodržuje.
""",
    ),
    "da": (
        "Medlemscharter for Koalitionen for digitale færdigheder og job",
        """\
EU’s koalition for digitale færdigheder og job samler medlemsstater, virksomheder, arbejdsmarkedets parter, nonprofitorganisationer og uddannelsesudbydere, der træffer foranstaltninger for at afhjælpe manglen på digitale færdigheder i Europa.

Ved at tilslutte sig dette charter forpligter vores organisation sig til at:

1. træffe konkrete foranstaltninger for at udvikle digitale færdigheder i Europa inden for en eller flere af koalitionens fire søjler: digitale færdigheder for alle, for arbejdsstyrken, for IKT-fagfolk og i uddannelse,

2. give tilsagn om foranstaltninger, der går ud over vores daglige aktiviteter, med målbare mål, og mindst en gang om året rapportere om fremskridtene med dem,

3. dele god praksis, resultater og indhøstede erfaringer med koalitionens øvrige medlemmer og med offentligheden,

4. fremme lige muligheder, så vores foranstaltninger når ud til kvinder og piger, ældre, personer med handicap og dårligt stillede grupper, og

5. overholde principperne i den europæiske søjle for sociale rettigheder og EU’s værdier og kun bruge koalitionens navn og logo til at beskrive vores medlemskab og vores tilsagn.

Europa-Kommissionen kan bringe en organisations medlemskab til ophør, hvis organisationen ikke længere overholder dette charter.
""",
    ),
    "el": (
        "Χάρτης των μελών του Συνασπισμού για τις ψηφιακές δεξιότητες και θέσεις εργασίας",
        """\
Ο Συνασπισμός της ΕΕ για τις ψηφιακές δεξιότητες και θέσεις εργασίας συγκεντρώνει κράτη μέλη, επιχειρήσεις, κοινωνικούς εταίρους, μη κερδοσκοπικούς οργανισμούς και παρόχους εκπαίδευσης που αναλαμβάνουν δράση για την αντιμετώπιση της έλλειψης ψηφιακών δεξιοτήτων στην Ευρώπη.

Προσυπογράφοντας τον παρόντα Χάρτη, ο οργανισμός μας δεσμεύεται:

1. να αναλαμβάνει συγκεκριμένες δράσεις για την ανάπτυξη ψηφιακών δεξιοτήτων στην Ευρώπη, στο πλαίσιο ενός ή περισσότερων από τους τέσσερις πυλώνες του Συνασπισμού: ψηφιακές δεξιότητες για όλους, για το εργατικό δυναμικό, για τους επαγγελματίες ΤΠΕ και στην εκπαίδευση·

2. να αναλαμβάνει δεσμεύσεις για δράσεις που υπερβαίνουν τις καθημερινές μας δραστηριότητες, με μετρήσιμους στόχους, και να υποβάλλει έκθεση για την πρόοδό τους τουλάχιστον μία φορά τον χρόνο·

3. να ανταλλάσσει ορθές πρακτικές, αποτελέσματα και διδάγματα με τα άλλα μέλη του Συνασπισμού και με το κοινό·

4. να προωθεί την ισότητα ευκαιριών, ώστε οι δράσεις μας να φθάνουν στις γυναίκες και τα κορίτσια, στους ηλικιωμένους, στα άτομα με αναπηρία και στις μειονεκτούσες ομάδες·

5. να σέβεται τις αρχές του ευρωπαϊκού πυλώνα κοινωνικών δικαιωμάτων και τις αξίες της ΕΕ και να χρησιμοποιεί την επωνυμία και το λογότυπο του Συνασπισμού μόνο για να περιγράφει την ιδιότητά του ως μέλους και τις δεσμεύσεις του.

Η Ευρωπαϊκή Επιτροπή μπορεί να τερματίσει την ιδιότητα μέλους ενός οργανισμού που δεν τηρεί πλέον τον παρόντα Χάρτη.
""",
    ),
    "es": (
        "Carta de Miembros de la Coalición por las capacidades y los empleos digitales",
        """\
La Coalición de la UE por las capacidades y los empleos digitales reúne a Estados miembros, empresas, interlocutores sociales, organizaciones sin ánimo de lucro y proveedores de educación que actúan para hacer frente a la falta de capacidades digitales en Europa.

Al suscribir la presente Carta, nuestra organización se compromete a:

1. Emprender acciones concretas para desarrollar las capacidades digitales en Europa, en el marco de uno o varios de los cuatro pilares de la Coalición: capacidades digitales para todos, para la población activa, para los profesionales de las TIC y en la educación.

2. Asumir compromisos de acciones que vayan más allá de nuestras actividades cotidianas, con objetivos medibles, e informar de sus avances al menos una vez al año.

3. Compartir buenas prácticas, resultados y lecciones aprendidas con los demás miembros de la Coalición y con el público.

4. Promover la igualdad de oportunidades, de modo que nuestras acciones lleguen a las mujeres y las niñas, las personas mayores, las personas con discapacidad y los grupos desfavorecidos.

5. Respetar los principios del pilar europeo de derechos sociales y los valores de la UE, y utilizar el nombre y el logotipo de la Coalición únicamente para dar cuenta de nuestra condición de miembro y de nuestros compromisos.

La Comisión Europea podrá poner fin a la condición de miembro de una organización que deje de respetar la presente Carta.
""",
    ),
    "et": (
        "Digioskuste ja -töökohtade koalitsiooni liikmete harta",
        """\
ELi digioskuste ja -töökohtade koalitsioon koondab liikmesriike, ettevõtjaid, sotsiaalpartnereid, mittetulundusorganisatsioone ja haridusteenuste osutajaid, kes võtavad meetmeid, et kõrvaldada digioskuste puudujääk Euroopas.

Käesoleva harta kinnitamisega kohustub meie organisatsioon:

1. võtma konkreetseid meetmeid digioskuste arendamiseks Euroopas koalitsiooni nelja samba hulgast ühe või mitme raames: digioskused kõigile, tööjõule, IKT-spetsialistidele ja hariduses;

2. andma lubadusi meetmete kohta, mis ulatuvad meie igapäevasest tegevusest kaugemale ja millel on mõõdetavad eesmärgid, ning andma nende edenemisest aru vähemalt kord aastas;

3. jagama häid tavasid, tulemusi ja saadud kogemusi koalitsiooni teiste liikmete ja üldsusega;

4. edendama võrdseid võimalusi, et meie meetmed jõuaksid naiste ja tüdrukute, eakate, puuetega inimeste ja ebasoodsas olukorras olevate rühmadeni;

5. austama Euroopa sotsiaalõiguste samba põhimõtteid ja ELi väärtusi ning kasutama koalitsiooni nime ja logo üksnes oma liikmesuse ja lubaduste kirjeldamiseks.

Euroopa Komisjon võib lõpetada sellise organisatsiooni liikmesuse, kes ei järgi enam käesolevat hartat.
""",
    ),
    "fi": (
        "Digitaalisten taitojen ja työpaikkojen koalition jäsenperuskirja",
        """\
EU:n digitaalisten taitojen ja työpaikkojen koalitio kokoaa yhteen jäsenvaltioita, yrityksiä, työmarkkinaosapuolia, voittoa tavoittelemattomia järjestöjä ja koulutuksen tarjoajia, jotka toteuttavat toimia digitaitojen puutteen korjaamiseksi Euroopassa.

Hyväksymällä tämän peruskirjan organisaatiomme sitoutuu

1. toteuttamaan konkreettisia toimia digitaitojen kehittämiseksi Euroopassa koalition neljästä pilarista yhdessä tai useammassa: digitaidot kaikille, työvoimalle, tieto- ja viestintätekniikan ammattilaisille ja koulutuksessa;

2. antamaan sitoumuksia toimista, jotka ylittävät päivittäisen toimintamme ja joille asetetaan mitattavat tavoitteet, ja raportoimaan niiden edistymisestä vähintään kerran vuodessa;

3. jakamaan hyviä käytäntöjä, tuloksia ja saatuja kokemuksia koalition muiden jäsenten ja yleisön kanssa;

4. edistämään yhtäläisiä mahdollisuuksia, jotta toimemme tavoittavat naiset ja tytöt, ikääntyneet, vammaiset henkilöt ja heikommassa asemassa olevat ryhmät;

5. noudattamaan Euroopan sosiaalisten oikeuksien pilarin periaatteita ja EU:n arvoja sekä käyttämään koalition nimeä ja logoa ainoastaan jäsenyytensä ja sitoumustensa kuvaamiseen.

Euroopan komissio voi päättää sellaisen organisaation jäsenyyden, joka ei enää noudata tätä peruskirjaa.
""",
    ),
    "ga": (
        "Cairt na gComhaltaí de chuid na Comhghuaillíochta um Scileanna agus Poist Dhigiteacha",
        """\
Tugann Comhghuaillíocht AE um Scileanna agus Poist Dhigiteacha le chéile Ballstáit, cuideachtaí, comhpháirtithe sóisialta, eagraíochtaí neamhbhrabúis agus soláthraithe oideachais a dhéanann beart chun dul i ngleic leis an easpa scileanna digiteacha san Eoraip.

Tríd an gCairt seo a fhormhuiniú, gabhann ár n-eagraíocht uirthi féin:

1. beart nithiúil a dhéanamh chun scileanna digiteacha a fhorbairt san Eoraip, faoi cheann amháin nó níos mó de na ceithre cholún atá ag an gComhghuaillíocht: scileanna digiteacha do chách, don lucht saothair, do ghairmithe TFC agus san oideachas;

2. gealltanais a thabhairt i leith gníomhaíochtaí a théann thar ár ngníomhaíochtaí laethúla, a bhfuil spriocanna intomhaiste acu, agus tuairisc a thabhairt ar an dul chun cinn a dhéantar leo uair sa bhliain ar a laghad;

3. dea-chleachtais, torthaí agus ceachtanna a foghlaimíodh a roinnt le comhaltaí eile na Comhghuaillíochta agus leis an bpobal;

4. comhionannas deiseanna a chur chun cinn, ionas go sroichfidh ár ngníomhaíochtaí mná agus cailíní, daoine scothaosta, daoine faoi mhíchumas agus grúpaí faoi mhíbhuntáiste;

5. na prionsabail atá i gColún Eorpach na gCeart Sóisialta agus luachanna AE a urramú, agus ainm agus lógó na Comhghuaillíochta a úsáid chun cur síos ar ár mballraíocht agus ar ár ngealltanais amháin.

Féadfaidh an Coimisiún Eorpach deireadh a chur le ballraíocht eagraíochta nach n-urramaíonn an Chairt seo a thuilleadh.
""",
    ),
    "hr": (
        "Povelja članova Koalicije za digitalne vještine i radna mjesta",
        """\
Koalicija EU-a za digitalne vještine i radna mjesta okuplja države članice, poduzeća, socijalne partnere, neprofitne organizacije i pružatelje obrazovanja koji poduzimaju mjere za rješavanje problema nedostatka digitalnih vještina u Europi.

Podržavanjem ove Povelje naša se organizacija obvezuje:

1. poduzimati konkretne mjere za razvoj digitalnih vještina u Europi u okviru jednog ili više od četiriju stupova Koalicije: digitalne vještine za sve, za radnu snagu, za stručnjake za IKT i u obrazovanju;

2. preuzimati obveze u pogledu mjera koje nadilaze naše svakodnevne aktivnosti, s mjerljivim ciljevima, te najmanje jednom godišnje izvješćivati o napretku u njihovoj provedbi;

3. razmjenjivati primjere dobre prakse, rezultate i stečena iskustva s ostalim članovima Koalicije i s javnošću;

4. promicati jednake mogućnosti kako bi naše mjere obuhvatile žene i djevojčice, starije osobe, osobe s invaliditetom i skupine u nepovoljnom položaju;

5. poštovati načela europskog stupa socijalnih prava i vrijednosti EU-a te upotrebljavati naziv i logotip Koalicije samo za opisivanje našeg članstva i naših obveza.

Europska komisija može okončati članstvo organizacije koja više ne poštuje ovu Povelju.
""",
    ),
    "hu": (
        "A Digitális Készségek és Munkahelyek Koalíció Tagsági Chartája",
        """\
Az uniós Digitális Készségek és Munkahelyek Koalíció tagállamokat, vállalatokat, szociális partnereket, nonprofit szervezeteket és oktatási szolgáltatókat fog össze, amelyek intézkedéseket tesznek az Európában tapasztalható digitáliskészség-hiány kezelése érdekében.

E Charta elfogadásával szervezetünk vállalja, hogy:

1. konkrét intézkedéseket tesz a digitális készségek Európában történő fejlesztése érdekében, a Koalíció négy pillére közül egy vagy több keretében: digitális készségek mindenkinek, a munkaerő számára, az IKT-szakemberek számára és az oktatásban;

2. a napi tevékenységén túlmutató, mérhető célokkal rendelkező intézkedésekre tesz vállalásokat, és azok előrehaladásáról legalább évente egyszer beszámol;

3. megosztja a bevált gyakorlatokat, az eredményeket és a levont tanulságokat a Koalíció többi tagjával és a nyilvánossággal;

4. előmozdítja az esélyegyenlőséget, hogy intézkedései elérjék a nőket és a lányokat, az időseket, a fogyatékossággal élő személyeket és a hátrányos helyzetű csoportokat;

5. tiszteletben tartja a szociális jogok európai pillérének elveit és az EU értékeit, és a Koalíció nevét és logóját kizárólag tagságának és vállalásainak ismertetésére használja.

Az Európai Bizottság megszüntetheti annak a szervezetnek a tagságát, amely már nem tartja tiszteletben ezt a Chartát.
""",
    ),
    "it": (
        "Carta dei membri della Coalizione per le competenze e le occupazioni digitali",
        """\
La Coalizione dell’UE per le competenze e le occupazioni digitali riunisce Stati membri, imprese, parti sociali, organizzazioni senza scopo di lucro ed erogatori di istruzione che intraprendono azioni per far fronte alla carenza di competenze digitali in Europa.

Sottoscrivendo la presente Carta, la nostra organizzazione si impegna a:

1. intraprendere azioni concrete per sviluppare le competenze digitali in Europa, nell’ambito di uno o più dei quattro pilastri della Coalizione: competenze digitali per tutti, per la forza lavoro, per i professionisti delle TIC e nell’istruzione;

2. assumere impegni relativi ad azioni che vanno oltre le nostre attività quotidiane, con obiettivi misurabili, e riferire sui relativi progressi almeno una volta all’anno;

3. condividere buone pratiche, risultati e insegnamenti tratti con gli altri membri della Coalizione e con il pubblico;

4. promuovere le pari opportunità, affinché le nostre azioni raggiungano le donne e le ragazze, le persone anziane, le persone con disabilità e i gruppi svantaggiati;

5. rispettare i principi del pilastro europeo dei diritti sociali e i valori dell’UE e utilizzare il nome e il logo della Coalizione unicamente per descrivere la nostra adesione e i nostri impegni.

La Commissione europea può porre fine all’adesione di un’organizzazione che non rispetti più la presente Carta.
""",
    ),
    "lt": (
        "Skaitmeninių įgūdžių ir darbo vietų koalicijos Narių chartija",
        """\
ES skaitmeninių įgūdžių ir darbo vietų koalicija vienija valstybes nares, įmones, socialinius partnerius, ne pelno organizacijas ir švietimo paslaugų teikėjus, kurie imasi veiksmų skaitmeninių įgūdžių trūkumui Europoje mažinti.

Pritardama šiai chartijai mūsų organizacija įsipareigoja:

1. imtis konkrečių veiksmų skaitmeniniams įgūdžiams Europoje ugdyti pagal vieną ar kelis iš keturių koalicijos ramsčių: skaitmeniniai įgūdžiai visiems, darbo jėgai, IRT specialistams ir švietime;

2. prisiimti įsipareigojimus dėl veiksmų, kurie apima daugiau nei mūsų kasdienė veikla, nustatyti jiems išmatuojamus tikslus ir ne rečiau kaip kartą per metus teikti ataskaitas apie jų įgyvendinimo pažangą;

3. dalytis gerąja praktika, rezultatais ir įgyta patirtimi su kitais koalicijos nariais ir visuomene;

4. skatinti lygias galimybes, kad mūsų veiksmai pasiektų moteris ir mergaites, vyresnio amžiaus žmones, neįgaliuosius ir nepalankioje padėtyje esančias grupes;

5. laikytis Europos socialinių teisių ramsčio principų ir ES vertybių, o koalicijos pavadinimą ir logotipą naudoti tik savo narystei ir įsipareigojimams apibūdinti.

Europos Komisija gali nutraukti organizacijos, kuri nebesilaiko šios chartijos, narystę.
""",
    ),
    "lv": (
        "Digitālo prasmju un darbvietu koalīcijas Dalībnieku harta",
        """\
ES Digitālo prasmju un darbvietu koalīcija apvieno dalībvalstis, uzņēmumus, sociālos partnerus, bezpeļņas organizācijas un izglītības pakalpojumu sniedzējus, kas rīkojas, lai novērstu digitālo prasmju trūkumu Eiropā.

Apstiprinot šo hartu, mūsu organizācija apņemas:

1. veikt konkrētas darbības digitālo prasmju attīstīšanai Eiropā viena vai vairāku koalīcijas četru pīlāru ietvaros: digitālās prasmes visiem, darbaspēkam, IKT speciālistiem un izglītībā;

2. paust apņemšanos veikt darbības ar izmērāmiem mērķiem, kas pārsniedz mūsu ikdienas darbību, un vismaz reizi gadā ziņot par to izpildes gaitu;

3. sniegt citiem koalīcijas dalībniekiem un sabiedrībai informāciju par labo praksi, rezultātiem un gūtajām atziņām;

4. veicināt vienlīdzīgas iespējas, lai mūsu darbības sasniegtu sievietes un meitenes, vecāka gadagājuma cilvēkus, personas ar invaliditāti un nelabvēlīgā situācijā esošas grupas;

5. ievērot Eiropas sociālo tiesību pīlāra principus un ES vērtības un izmantot koalīcijas nosaukumu un logotipu tikai savas dalības un apņemšanos aprakstīšanai.

Eiropas Komisija var izbeigt tās organizācijas dalību, kura vairs neievēro šo hartu.
""",
    ),
    "mt": (
        "Il-Karta tal-Membri tal-Koalizzjoni għall-Ħiliet u l-Impjiegi Diġitali",
        """\
Il-Koalizzjoni tal-UE għall-Ħiliet u l-Impjiegi Diġitali tlaqqa’ flimkien Stati Membri, kumpaniji, sħab soċjali, organizzazzjonijiet mingħajr skop ta’ qligħ u fornituri tal-edukazzjoni li jieħdu azzjoni biex jindirizzaw in-nuqqas ta’ ħiliet diġitali fl-Ewropa.

Billi tappoġġa din il-Karta, l-organizzazzjoni tagħna timpenja ruħha li:

1. tieħu azzjoni konkreta biex tiżviluppa l-ħiliet diġitali fl-Ewropa, taħt wieħed jew aktar mill-erba’ pilastri tal-Koalizzjoni: il-ħiliet diġitali għal kulħadd, għall-forza tax-xogħol, għall-professjonisti tal-ICT u fl-edukazzjoni;

2. tagħmel wegħdiet ta’ azzjonijiet li jmorru lil hinn mill-attivitajiet tagħna ta’ kuljum, b’miri li jistgħu jitkejlu, u tirrapporta dwar il-progress tagħhom mill-inqas darba fis-sena;

3. taqsam il-prattiki tajba, ir-riżultati u t-tagħlimiet meħuda mal-membri l-oħra tal-Koalizzjoni u mal-pubbliku;

4. tippromwovi l-opportunitajiet indaqs, sabiex l-azzjonijiet tagħna jilħqu lin-nisa u lill-bniet, lill-anzjani, lill-persuni b’diżabilità u lill-gruppi żvantaġġati;

5. tirrispetta l-prinċipji tal-Pilastru Ewropew tad-Drittijiet Soċjali u l-valuri tal-UE, u tuża l-isem u l-logo tal-Koalizzjoni biss biex tiddeskrivi s-sħubija u l-wegħdiet tagħha.

Il-Kummissjoni Ewropea tista’ ttemm is-sħubija ta’ organizzazzjoni li ma tibqax tirrispetta din il-Karta.
""",
    ),
    "nl": (
        "Ledenhandvest van de Coalitie voor digitale vaardigheden en banen",
        """\
De EU-coalitie voor digitale vaardigheden en banen brengt lidstaten, bedrijven, sociale partners, non-profitorganisaties en onderwijsaanbieders samen die actie ondernemen om het tekort aan digitale vaardigheden in Europa aan te pakken.

Door dit handvest te onderschrijven, verbindt onze organisatie zich ertoe:

1. concrete acties te ondernemen om digitale vaardigheden in Europa te ontwikkelen, in het kader van een of meer van de vier pijlers van de coalitie: digitale vaardigheden voor iedereen, voor de beroepsbevolking, voor ICT-professionals en in het onderwijs;

2. toezeggingen te doen voor acties die verder gaan dan onze dagelijkse activiteiten, met meetbare doelstellingen, en ten minste eenmaal per jaar verslag uit te brengen over de voortgang ervan;

3. goede praktijken, resultaten en geleerde lessen te delen met de andere leden van de coalitie en met het publiek;

4. gelijke kansen te bevorderen, zodat onze acties vrouwen en meisjes, ouderen, personen met een handicap en kansarme groepen bereiken;

5. de beginselen van de Europese pijler van sociale rechten en de waarden van de EU te eerbiedigen, en de naam en het logo van de coalitie alleen te gebruiken om ons lidmaatschap en onze toezeggingen te beschrijven.

De Europese Commissie kan het lidmaatschap beëindigen van een organisatie die dit handvest niet langer naleeft.
""",
    ),
    "pl": (
        "Karta członków Koalicji na rzecz umiejętności cyfrowych i zatrudnienia",
        """\
Unijna Koalicja na rzecz umiejętności cyfrowych i zatrudnienia skupia państwa członkowskie, przedsiębiorstwa, partnerów społecznych, organizacje non-profit i podmioty świadczące usługi edukacyjne, które podejmują działania w celu zaradzenia niedoborowi umiejętności cyfrowych w Europie.

Popierając niniejszą Kartę, nasza organizacja zobowiązuje się:

1. podejmować konkretne działania na rzecz rozwoju umiejętności cyfrowych w Europie w ramach co najmniej jednego z czterech filarów Koalicji: umiejętności cyfrowe dla wszystkich, dla siły roboczej, dla specjalistów ICT i w edukacji;

2. podejmować zobowiązania do działań wykraczających poza naszą codzienną działalność, z mierzalnymi celami, i co najmniej raz w roku składać sprawozdania z postępów w ich realizacji;

3. dzielić się dobrymi praktykami, wynikami i wyciągniętymi wnioskami z pozostałymi członkami Koalicji i z opinią publiczną;

4. propagować równość szans, tak aby nasze działania docierały do kobiet i dziewcząt, osób starszych, osób z niepełnosprawnościami i grup znajdujących się w niekorzystnej sytuacji;

5. przestrzegać zasad Europejskiego filaru praw socjalnych i wartości UE oraz używać nazwy i logo Koalicji wyłącznie do informowania o naszym członkostwie i naszych zobowiązaniach.

Komisja Europejska może zakończyć członkostwo organizacji, która przestała przestrzegać niniejszej Karty.
""",
    ),
    "pt": (
        "Carta dos Membros da Coligação para as Competências e Empregos Digitais",
        """\
A Coligação da UE para as Competências e Empregos Digitais reúne Estados-Membros, empresas, parceiros sociais, organizações sem fins lucrativos e prestadores de ensino que agem para colmatar a falta de competências digitais na Europa.

Ao subscrever a presente Carta, a nossa organização compromete-se a:

1. Empreender ações concretas para desenvolver as competências digitais na Europa, no âmbito de um ou mais dos quatro pilares da Coligação: competências digitais para todos, para a população ativa, para os profissionais das TIC e na educação.

2. Assumir compromissos relativos a ações que vão além das nossas atividades quotidianas, com metas mensuráveis, e comunicar os respetivos progressos pelo menos uma vez por ano.

3. Partilhar boas práticas, resultados e ensinamentos retirados com os outros membros da Coligação e com o público.

4. Promover a igualdade de oportunidades, para que as nossas ações cheguem às mulheres e raparigas, às pessoas idosas, às pessoas com deficiência e aos grupos desfavorecidos.

5. Respeitar os princípios do Pilar Europeu dos Direitos Sociais e os valores da UE, e utilizar o nome e o logótipo da Coligação apenas para dar conta da nossa qualidade de membro e dos nossos compromissos.

A Comissão Europeia pode pôr termo à qualidade de membro de uma organização que deixe de respeitar a presente Carta.
""",
    ),
    "ro": (
        "Carta membrilor Coaliției pentru competențe digitale și locuri de muncă",
        """\
Coaliția UE pentru competențe digitale și locuri de muncă reunește state membre, întreprinderi, parteneri sociali, organizații fără scop lucrativ și furnizori de educație care iau măsuri pentru a remedia lipsa competențelor digitale în Europa.

Prin subscrierea la prezenta Cartă, organizația noastră se angajează:

1. să întreprindă acțiuni concrete pentru dezvoltarea competențelor digitale în Europa, în cadrul unuia sau al mai multora dintre cei patru piloni ai Coaliției: competențe digitale pentru toți, pentru forța de muncă, pentru specialiștii în TIC și în educație;

2. să își asume angajamente privind acțiuni care depășesc activitățile noastre de zi cu zi, cu obiective măsurabile, și să raporteze cu privire la progresele înregistrate cel puțin o dată pe an;

3. să împărtășească bune practici, rezultate și învățăminte desprinse cu ceilalți membri ai Coaliției și cu publicul;

4. să promoveze egalitatea de șanse, astfel încât acțiunile noastre să ajungă la femei și fete, la persoanele în vârstă, la persoanele cu dizabilități și la grupurile defavorizate;

5. să respecte principiile Pilonului european al drepturilor sociale și valorile UE și să utilizeze denumirea și logoul Coaliției numai pentru a-și descrie calitatea de membru și angajamentele.

Comisia Europeană poate pune capăt calității de membru a unei organizații care nu mai respectă prezenta Cartă.
""",
    ),
    "sk": (
        "Charta členov Koalície pre digitálne zručnosti a pracovné miesta",
        """\
Koalícia EÚ pre digitálne zručnosti a pracovné miesta spája členské štáty, podniky, sociálnych partnerov, neziskové organizácie a poskytovateľov vzdelávania, ktorí prijímajú opatrenia na riešenie nedostatku digitálnych zručností v Európe.

Podpisom tejto Charty sa naša organizácia zaväzuje:

1. prijímať konkrétne opatrenia na rozvoj digitálnych zručností v Európe v rámci jedného alebo viacerých zo štyroch pilierov Koalície: digitálne zručnosti pre všetkých, pre pracovnú silu, pre odborníkov v oblasti IKT a vo vzdelávaní;

2. prijímať záväzky týkajúce sa opatrení, ktoré presahujú naše každodenné činnosti, s merateľnými cieľmi, a aspoň raz ročne podávať správy o pokroku v ich plnení;

3. zdieľať osvedčené postupy, výsledky a získané poznatky s ostatnými členmi Koalície a s verejnosťou;

4. podporovať rovnaké príležitosti, aby naše opatrenia oslovili ženy a dievčatá, starších ľudí, osoby so zdravotným postihnutím a znevýhodnené skupiny;

5. dodržiavať zásady Európskeho piliera sociálnych práv a hodnoty EÚ a používať názov a logo Koalície len na opis nášho členstva a našich záväzkov.

Európska komisia môže ukončiť členstvo organizácie, ktorá už nedodržiava túto Chartu.
""",
    ),
    "sl": (
        "Listina članov Koalicije za digitalne spretnosti in delovna mesta",
        """\
Koalicija EU za digitalne spretnosti in delovna mesta združuje države članice, podjetja, socialne partnerje, neprofitne organizacije in ponudnike izobraževanja, ki ukrepajo za odpravo pomanjkanja digitalnih spretnosti v Evropi.

S podpisom te Listine se naša organizacija zavezuje, da bo:

1. izvajala konkretne ukrepe za razvoj digitalnih spretnosti v Evropi v okviru enega ali več od štirih stebrov Koalicije: digitalne spretnosti za vse, za delovno silo, za strokovnjake za IKT in v izobraževanju;

2. sprejemala zaveze za ukrepe, ki presegajo naše vsakodnevne dejavnosti, z merljivimi cilji, ter vsaj enkrat letno poročala o napredku pri njihovem izvajanju;

3. delila dobre prakse, rezultate in pridobljena spoznanja z drugimi člani Koalicije in z javnostjo;

4. spodbujala enake možnosti, da bi naši ukrepi dosegli ženske in dekleta, starejše osebe, invalide in prikrajšane skupine;

5. spoštovala načela evropskega stebra socialnih pravic in vrednote EU ter ime in logotip Koalicije uporabljala le za opis svojega članstva in svojih zavez.

Evropska komisija lahko prekine članstvo organizacije, ki te Listine ne spoštuje več.
""",
    ),
    "sv": (
        "Medlemsstadga för Koalitionen för digital kompetens och arbetstillfällen",
        """\
EU:s koalition för digital kompetens och arbetstillfällen samlar medlemsstater, företag, arbetsmarknadens parter, ideella organisationer och utbildningsanordnare som vidtar åtgärder för att komma till rätta med bristen på digital kompetens i Europa.

Genom att underteckna denna stadga åtar sig vår organisation att

1. vidta konkreta åtgärder för att utveckla den digitala kompetensen i Europa inom en eller flera av koalitionens fyra pelare: digital kompetens för alla, för arbetskraften, för IKT-specialister och inom utbildning,

2. göra åtaganden om åtgärder som går utöver vår dagliga verksamhet, med mätbara mål, och minst en gång om året rapportera om hur de framskrider,

3. dela god praxis, resultat och lärdomar med koalitionens övriga medlemmar och med allmänheten,

4. främja lika möjligheter, så att våra åtgärder når kvinnor och flickor, äldre personer, personer med funktionsnedsättning och missgynnade grupper, och

5. respektera principerna i den europeiska pelaren för sociala rättigheter och EU:s värden och använda koalitionens namn och logotyp endast för att beskriva vårt medlemskap och våra åtaganden.

Europeiska kommissionen får avsluta medlemskapet för en organisation som inte längre respekterar denna stadga.
""",
    ),
}
