# ruff: noqa: E501 -- one translation per line.
"""The pillars' names, short names and descriptions in the 23 official languages
besides English, as the interface catalogues (locale/) translated the original
texts of coalition/pillars.py: the PillarTranslation rows a data migration
creates (staff edit them in the admin afterwards). Kept here, not read from the
catalogues, so that a database built later gets the same rows whatever the
catalogues say by then."""

from __future__ import annotations

from typing import Any

from coalition.pillars import PILLARS

# {language: {slug: (name, short name, description)}}
PILLAR_TRANSLATIONS = {
    "bg": {
        "for-all": (
            "Цифрови умения за всички",
            "За всички",
            "Развиване на цифровите умения, за да могат всички граждани да участват активно в нашето цифрово общество: от използването на онлайн обществени услуги и безопасното управление на личните данни до участието в обществения живот онлайн.",
        ),
        "labour-force": (
            "Цифрови умения за работната сила",
            "Работна сила",
            "Развиване на цифровите умения за цифровата икономика: повишаване на квалификацията и преквалификация на работниците, търсещите работа и неактивните лица, както и подпомагане на работодателите да намират и обучават необходимите им хора.",
        ),
        "ict-professionals": (
            "Цифрови умения за специалистите в областта на ИКТ",
            "Специалисти в областта на ИКТ",
            "Развиване на цифрови умения на високо равнище за специалистите в областта на ИКТ във всички отрасли: задълбочено обучение, сертифициране и специализирани програми в области като киберсигурността, данните и изкуствения интелект.",
        ),
        "education": (
            "Цифрови умения в образованието",
            "Образование",
            "Преобразяване на преподаването и усвояването на цифрови умения в перспективата на ученето през целия живот, включително обучението на учителите, и въвеждане на програмирането и изчислителното мислене в училищата.",
        ),
    },
    "cs": {
        "for-all": (
            "Digitální dovednosti pro všechny",
            "Pro všechny",
            "Rozvoj digitálních dovedností, aby se všichni občané mohli aktivně zapojit do naší digitální společnosti: od využívání veřejných služeb online a bezpečné správy osobních údajů až po účast na veřejném životě online.",
        ),
        "labour-force": (
            "Digitální dovednosti pro pracovní sílu",
            "Pracovní síla",
            "Rozvoj digitálních dovedností pro digitální ekonomiku: prohlubování kvalifikace a rekvalifikace pracovníků, uchazečů o zaměstnání a neaktivních osob a pomoc zaměstnavatelům při hledání a školení lidí, které potřebují.",
        ),
        "ict-professionals": (
            "Digitální dovednosti pro odborníky v oblasti IKT",
            "Odborníci v oblasti IKT",
            "Rozvoj pokročilých digitálních dovedností odborníků v oblasti IKT ve všech odvětvích: pokročilá odborná příprava, certifikace a specializované programy v oborech, jako je kybernetická bezpečnost, data a umělá inteligence.",
        ),
        "education": (
            "Digitální dovednosti ve vzdělávání",
            "Vzdělávání",
            "Proměna výuky a osvojování digitálních dovedností z hlediska celoživotního učení, včetně odborné přípravy učitelů, a zavádění programování a informatického myšlení do škol.",
        ),
    },
    "da": {
        "for-all": (
            "Digitale færdigheder for alle",
            "For alle",
            "Udvikling af digitale færdigheder, så alle borgere kan deltage aktivt i vores digitale samfund: fra at bruge offentlige onlinetjenester og håndtere personoplysninger sikkert til at deltage i det offentlige liv online.",
        ),
        "labour-force": (
            "Digitale færdigheder for arbejdsstyrken",
            "Arbejdsstyrken",
            "Udvikling af digitale færdigheder til den digitale økonomi: opkvalificering og omskoling af arbejdstagere, jobsøgende og erhvervsinaktive samt hjælp til arbejdsgivere med at finde og uddanne de medarbejdere, de har brug for.",
        ),
        "ict-professionals": (
            "Digitale færdigheder for IKT-fagfolk",
            "IKT-fagfolk",
            "Udvikling af avancerede digitale færdigheder for IKT-fagfolk i alle brancher: videregående uddannelse, certificering og specialiserede programmer inden for områder som cybersikkerhed, data og kunstig intelligens.",
        ),
        "education": (
            "Digitale færdigheder i uddannelse",
            "Uddannelse",
            "Omlægning af undervisning i og tilegnelse af digitale færdigheder i et livslangt læringsperspektiv, herunder uddannelse af lærere, og indførelse af programmering og datalogisk tænkning i skolerne.",
        ),
    },
    "de": {
        "for-all": (
            "Digitale Kompetenzen für alle",
            "Für alle",
            "Digitale Kompetenzen entwickeln, damit alle Bürgerinnen und Bürger aktiv an unserer digitalen Gesellschaft teilhaben können: von der Nutzung öffentlicher Online-Dienste und dem sicheren Umgang mit persönlichen Daten bis zur Teilnahme am öffentlichen Leben im Netz.",
        ),
        "labour-force": (
            "Digitale Kompetenzen für Arbeitskräfte",
            "Arbeitskräfte",
            "Digitale Kompetenzen für die digitale Wirtschaft entwickeln: Beschäftigte, Arbeitsuchende und Nichterwerbstätige weiterbilden und umschulen und Arbeitgebern helfen, die benötigten Fachkräfte zu finden und auszubilden.",
        ),
        "ict-professionals": (
            "Digitale Kompetenzen für IKT-Fachkräfte",
            "IKT-Fachkräfte",
            "Fortgeschrittene digitale Kompetenzen für IKT-Fachkräfte in allen Wirtschaftszweigen entwickeln: weiterführende Schulungen, Zertifizierungen und spezialisierte Programme in Bereichen wie Cybersicherheit, Daten und künstliche Intelligenz.",
        ),
        "education": (
            "Digitale Kompetenzen in der Bildung",
            "Bildung",
            "Lehren und Lernen digitaler Kompetenzen im Sinne des lebenslangen Lernens verändern, einschließlich der Ausbildung von Lehrkräften, und Programmieren und informatisches Denken in die Schulen bringen.",
        ),
    },
    "el": {
        "for-all": (
            "Ψηφιακές δεξιότητες για όλους",
            "Για όλους",
            "Ανάπτυξη ψηφιακών δεξιοτήτων ώστε όλοι οι πολίτες να μπορούν να συμμετέχουν ενεργά στην ψηφιακή μας κοινωνία: από τη χρήση επιγραμμικών δημόσιων υπηρεσιών και την ασφαλή διαχείριση των προσωπικών δεδομένων έως τη συμμετοχή στη δημόσια ζωή στο διαδίκτυο.",
        ),
        "labour-force": (
            "Ψηφιακές δεξιότητες για το εργατικό δυναμικό",
            "Εργατικό δυναμικό",
            "Ανάπτυξη ψηφιακών δεξιοτήτων για την ψηφιακή οικονομία: αναβάθμιση δεξιοτήτων και επανειδίκευση εργαζομένων, αναζητούντων εργασία και οικονομικά μη ενεργών ατόμων, και στήριξη των εργοδοτών ώστε να βρίσκουν και να καταρτίζουν το προσωπικό που χρειάζονται.",
        ),
        "ict-professionals": (
            "Ψηφιακές δεξιότητες για τους επαγγελματίες ΤΠΕ",
            "Επαγγελματίες ΤΠΕ",
            "Ανάπτυξη προηγμένων ψηφιακών δεξιοτήτων για τους επαγγελματίες ΤΠΕ σε όλους τους κλάδους: προηγμένη κατάρτιση, πιστοποίηση και εξειδικευμένα προγράμματα σε τομείς όπως η κυβερνοασφάλεια, τα δεδομένα και η τεχνητή νοημοσύνη.",
        ),
        "education": (
            "Ψηφιακές δεξιότητες στην εκπαίδευση",
            "Εκπαίδευση",
            "Μετασχηματισμός της διδασκαλίας και της εκμάθησης ψηφιακών δεξιοτήτων στο πλαίσιο της διά βίου μάθησης, συμπεριλαμβανομένης της κατάρτισης των εκπαιδευτικών, και εισαγωγή του προγραμματισμού και της υπολογιστικής σκέψης στα σχολεία.",
        ),
    },
    "es": {
        "for-all": (
            "Capacidades digitales para todos",
            "Para todos",
            "Desarrollar las capacidades digitales para que toda la ciudadanía pueda participar activamente en nuestra sociedad digital: desde utilizar los servicios públicos en línea y gestionar los datos personales de forma segura hasta participar en la vida pública en línea.",
        ),
        "labour-force": (
            "Capacidades digitales para la población activa",
            "Población activa",
            "Desarrollar las capacidades digitales para la economía digital: mejorar las capacidades y reciclar profesionalmente a trabajadores, demandantes de empleo y personas inactivas, y ayudar a los empleadores a encontrar y formar a las personas que necesitan.",
        ),
        "ict-professionals": (
            "Capacidades digitales para los profesionales de las TIC",
            "Profesionales de las TIC",
            "Desarrollar capacidades digitales de alto nivel para los profesionales de las TIC de todos los sectores: formación avanzada, certificación y programas especializados en ámbitos como la ciberseguridad, los datos y la inteligencia artificial.",
        ),
        "education": (
            "Capacidades digitales en la educación",
            "Educación",
            "Transformar la enseñanza y el aprendizaje de las capacidades digitales desde la perspectiva del aprendizaje permanente, incluida la formación del profesorado, e introducir la programación y el pensamiento computacional en las escuelas.",
        ),
    },
    "et": {
        "for-all": (
            "Digioskused kõigile",
            "Kõigile",
            "Digioskuste arendamine, et kõik kodanikud saaksid meie digitaalses ühiskonnas aktiivselt osaleda: alates e-teenuste kasutamisest ja isikuandmete turvalisest haldamisest kuni veebis avalikus elus osalemiseni.",
        ),
        "labour-force": (
            "Digioskused tööjõule",
            "Tööjõud",
            "Digioskuste arendamine digimajanduse jaoks: töötajate, tööotsijate ja mitteaktiivsete inimeste oskuste täiendamine ja ümberõpe ning tööandjate abistamine vajalike inimeste leidmisel ja koolitamisel.",
        ),
        "ict-professionals": (
            "Digioskused IKT-spetsialistidele",
            "IKT-spetsialistid",
            "Kõrgetasemeliste digioskuste arendamine IKT-spetsialistidele kõigis majandusharudes: täiendkoolitus, sertifitseerimine ja eriprogrammid sellistes valdkondades nagu küberturvalisus, andmed ja tehisintellekt.",
        ),
        "education": (
            "Digioskused hariduses",
            "Haridus",
            "Digioskuste õpetamise ja õppimise ümberkujundamine elukestva õppe vaatenurgast, sealhulgas õpetajate koolitamine, ning programmeerimise ja algoritmilise mõtlemise toomine koolidesse.",
        ),
    },
    "fi": {
        "for-all": (
            "Digitaidot kaikille",
            "Kaikille",
            "Digitaitojen kehittäminen, jotta kaikki kansalaiset voivat osallistua aktiivisesti digitaaliseen yhteiskuntaamme: verkossa toimivien julkisten palvelujen käytöstä ja henkilötietojen turvallisesta hallinnasta osallistumiseen julkiseen elämään verkossa.",
        ),
        "labour-force": (
            "Digitaidot työvoimalle",
            "Työvoima",
            "Digitaitojen kehittäminen digitaalitaloutta varten: työntekijöiden, työnhakijoiden ja työelämän ulkopuolella olevien osaamisen parantaminen ja uudelleenkoulutus sekä työnantajien auttaminen tarvitsemiensa ihmisten löytämisessä ja kouluttamisessa.",
        ),
        "ict-professionals": (
            "Digitaidot tieto- ja viestintätekniikan ammattilaisille",
            "Tieto- ja viestintätekniikan ammattilaiset",
            "Korkeatasoisten digitaitojen kehittäminen tieto- ja viestintätekniikan ammattilaisille kaikilla toimialoilla: syventävä koulutus, sertifiointi ja erikoisohjelmat esimerkiksi kyberturvallisuuden, datan ja tekoälyn aloilla.",
        ),
        "education": (
            "Digitaidot koulutuksessa",
            "Koulutus",
            "Digitaitojen opetuksen ja oppimisen uudistaminen elinikäisen oppimisen näkökulmasta, myös opettajien koulutus, sekä ohjelmoinnin ja algoritmisen ajattelun tuominen kouluihin.",
        ),
    },
    "fr": {
        "for-all": (
            "Compétences numériques pour tous",
            "Pour tous",
            "Développer les compétences numériques pour permettre à tous les citoyens de participer activement à notre société numérique : utiliser les services publics en ligne, gérer leurs données personnelles en toute sécurité et prendre part à la vie publique en ligne.",
        ),
        "labour-force": (
            "Compétences numériques pour la population active",
            "Main-d’œuvre",
            "Développer les compétences numériques pour l’économie numérique : perfectionner et reconvertir les travailleurs, les demandeurs d’emploi et les personnes inactives, et aider les employeurs à trouver et à former les personnes dont ils ont besoin.",
        ),
        "ict-professionals": (
            "Compétences numériques pour les professionnels des TIC",
            "Professionnels des TIC",
            "Développer des compétences numériques de haut niveau pour les professionnels des TIC de tous les secteurs : formations avancées, certifications et programmes spécialisés dans des domaines tels que la cybersécurité, les données et l’intelligence artificielle.",
        ),
        "education": (
            "Compétences numériques dans l'éducation",
            "Éducation",
            "Transformer l’enseignement et l’apprentissage des compétences numériques dans une perspective d’apprentissage tout au long de la vie, y compris la formation des enseignants, et faire entrer le codage et la pensée informatique à l’école.",
        ),
    },
    "ga": {
        "for-all": (
            "Scileanna digiteacha do chách",
            "Do chách",
            "Scileanna digiteacha a fhorbairt chun go mbeidh gach saoránach in ann a bheith gníomhach inár sochaí dhigiteach: ó sheirbhísí poiblí ar líne a úsáid agus sonraí pearsanta a bhainistiú go sábháilte go páirt a ghlacadh sa saol poiblí ar líne.",
        ),
        "labour-force": (
            "Scileanna digiteacha don lucht saothair",
            "Lucht saothair",
            "Scileanna digiteacha a fhorbairt don gheilleagar digiteach: oiliúint bhreise agus athoiliúint a chur ar oibrithe, ar lucht cuardaigh poist agus ar dhaoine neamhghníomhacha, agus cabhrú le fostóirí teacht ar na daoine a bhfuil gá acu leo agus iad a oiliúint.",
        ),
        "ict-professionals": (
            "Scileanna digiteacha do ghairmithe TFC",
            "Gairmithe TFC",
            "Ardscileanna digiteacha a fhorbairt do ghairmithe TFC i ngach earnáil tionscail: ardoiliúint, deimhniú agus cláir speisialaithe i réimsí amhail an chibearshlándáil, sonraí agus an intleacht shaorga.",
        ),
        "education": (
            "Scileanna digiteacha san oideachas",
            "Oideachas",
            "Teagasc agus foghlaim na scileanna digiteacha a athrú ó bhonn i bhfianaise na foghlama ar feadh an tsaoil, lena n-áirítear oiliúint na múinteoirí, agus an códú agus an smaointeoireacht ríomhaireachtúil a thabhairt isteach sna scoileanna.",
        ),
    },
    "hr": {
        "for-all": (
            "Digitalne vještine za sve",
            "Za sve",
            "Razvoj digitalnih vještina kako bi svi građani mogli aktivno sudjelovati u našem digitalnom društvu: od korištenja javnih usluga na internetu i sigurnog upravljanja osobnim podacima do sudjelovanja u javnom životu na internetu.",
        ),
        "labour-force": (
            "Digitalne vještine za radnu snagu",
            "Radna snaga",
            "Razvoj digitalnih vještina za digitalno gospodarstvo: usavršavanje i prekvalifikacija radnika, tražitelja zaposlenja i neaktivnih osoba te pomoć poslodavcima da pronađu i osposobe ljude koji su im potrebni.",
        ),
        "ict-professionals": (
            "Digitalne vještine za stručnjake za IKT",
            "Stručnjaci za IKT",
            "Razvoj naprednih digitalnih vještina za stručnjake za IKT u svim industrijskim sektorima: napredno osposobljavanje, certificiranje i specijalizirani programi u područjima kao što su kibersigurnost, podaci i umjetna inteligencija.",
        ),
        "education": (
            "Digitalne vještine u obrazovanju",
            "Obrazovanje",
            "Preobrazba poučavanja i učenja digitalnih vještina u perspektivi cjeloživotnog učenja, uključujući osposobljavanje nastavnika, te uvođenje programiranja i računalnog razmišljanja u škole.",
        ),
    },
    "hu": {
        "for-all": (
            "Digitális készségek mindenkinek",
            "Mindenkinek",
            "Digitális készségek fejlesztése annak érdekében, hogy minden polgár aktívan részt vehessen digitális társadalmunkban: az online közszolgáltatások használatától és a személyes adatok biztonságos kezelésétől az online közéletben való részvételig.",
        ),
        "labour-force": (
            "Digitális készségek a munkaerő számára",
            "Munkaerő",
            "Digitális készségek fejlesztése a digitális gazdaság számára: a munkavállalók, az álláskeresők és az inaktív személyek továbbképzése és átképzése, valamint segítségnyújtás a munkáltatóknak abban, hogy megtalálják és képezzék a szükséges munkaerőt.",
        ),
        "ict-professionals": (
            "Digitális készségek IKT-szakemberek számára",
            "IKT-szakemberek",
            "Magas szintű digitális készségek fejlesztése az IKT-szakemberek számára minden iparágban: haladó szintű képzés, tanúsítás és szakosított programok olyan területeken, mint a kiberbiztonság, az adatok és a mesterséges intelligencia.",
        ),
        "education": (
            "Digitális készségek az oktatásban",
            "Oktatás",
            "A digitális készségek tanításának és tanulásának átalakítása az egész életen át tartó tanulás szemléletében, beleértve a tanárok képzését, valamint a kódolás és az informatikai gondolkodás bevezetését az iskolákba.",
        ),
    },
    "it": {
        "for-all": (
            "Competenze digitali per tutti",
            "Per tutti",
            "Sviluppare le competenze digitali per consentire a tutti i cittadini di partecipare attivamente alla nostra società digitale: dall'uso dei servizi pubblici online e dalla gestione sicura dei dati personali alla partecipazione alla vita pubblica online.",
        ),
        "labour-force": (
            "Competenze digitali per la forza lavoro",
            "Forza lavoro",
            "Sviluppare le competenze digitali per l'economia digitale: migliorare le competenze e riqualificare lavoratori, persone in cerca di lavoro e persone inattive, e aiutare i datori di lavoro a trovare e formare le persone di cui hanno bisogno.",
        ),
        "ict-professionals": (
            "Competenze digitali per i professionisti delle TIC",
            "Professionisti delle TIC",
            "Sviluppare competenze digitali di alto livello per i professionisti delle TIC in tutti i settori industriali: formazione avanzata, certificazione e programmi specializzati in settori quali la cibersicurezza, i dati e l'intelligenza artificiale.",
        ),
        "education": (
            "Competenze digitali nell'istruzione",
            "Istruzione",
            "Trasformare l'insegnamento e l'apprendimento delle competenze digitali in una prospettiva di apprendimento permanente, compresa la formazione degli insegnanti, e portare la programmazione e il pensiero computazionale nelle scuole.",
        ),
    },
    "lt": {
        "for-all": (
            "Skaitmeniniai įgūdžiai visiems",
            "Visiems",
            "Skaitmeninių įgūdžių ugdymas, kad visi piliečiai galėtų aktyviai dalyvauti mūsų skaitmeninėje visuomenėje: nuo naudojimosi viešosiomis paslaugomis internetu ir saugaus asmens duomenų tvarkymo iki dalyvavimo viešajame gyvenime internete.",
        ),
        "labour-force": (
            "Skaitmeniniai įgūdžiai darbo jėgai",
            "Darbo jėga",
            "Skaitmeninių įgūdžių ugdymas skaitmeninei ekonomikai: darbuotojų, darbo ieškančių asmenų ir neaktyvių žmonių kvalifikacijos kėlimas ir perkvalifikavimas, taip pat pagalba darbdaviams surasti ir parengti reikiamus žmones.",
        ),
        "ict-professionals": (
            "Skaitmeniniai įgūdžiai IRT specialistams",
            "IRT specialistai",
            "Aukšto lygio skaitmeninių įgūdžių ugdymas IRT specialistams visuose pramonės sektoriuose: išplėstinis mokymas, sertifikavimas ir specializuotos programos tokiose srityse kaip kibernetinis saugumas, duomenys ir dirbtinis intelektas.",
        ),
        "education": (
            "Skaitmeniniai įgūdžiai švietime",
            "Švietimas",
            "Skaitmeninių įgūdžių mokymo ir mokymosi pertvarka mokymosi visą gyvenimą požiūriu, įskaitant mokytojų rengimą, ir programavimo bei kompiuterinio mąstymo diegimas mokyklose.",
        ),
    },
    "lv": {
        "for-all": (
            "Digitālās prasmes visiem",
            "Visiem",
            "Digitālo prasmju attīstīšana, lai visi iedzīvotāji varētu aktīvi darboties mūsu digitālajā sabiedrībā: no tiešsaistes publisko pakalpojumu izmantošanas un drošas personas datu pārvaldības līdz dalībai sabiedriskajā dzīvē tiešsaistē.",
        ),
        "labour-force": (
            "Digitālās prasmes darbaspēkam",
            "Darbaspēks",
            "Digitālo prasmju attīstīšana digitālajai ekonomikai: darba ņēmēju, darba meklētāju un neaktīvo personu prasmju pilnveide un pārkvalifikācija, kā arī palīdzība darba devējiem atrast un apmācīt vajadzīgos cilvēkus.",
        ),
        "ict-professionals": (
            "Digitālās prasmes IKT speciālistiem",
            "IKT speciālisti",
            "Augsta līmeņa digitālo prasmju attīstīšana IKT speciālistiem visās nozarēs: padziļināta apmācība, sertifikācija un specializētas programmas tādās jomās kā kiberdrošība, dati un mākslīgais intelekts.",
        ),
        "education": (
            "Digitālās prasmes izglītībā",
            "Izglītība",
            "Digitālo prasmju mācīšanas un mācīšanās pārveide mūžizglītības perspektīvā, tostarp skolotāju apmācība, kā arī programmēšanas un algoritmiskās domāšanas ieviešana skolās.",
        ),
    },
    "mt": {
        "for-all": (
            "Ħiliet diġitali għal kulħadd",
            "Għal kulħadd",
            "L-iżvilupp tal-ħiliet diġitali biex iċ-ċittadini kollha jkunu jistgħu jkunu attivi fis-soċjetà diġitali tagħna: mill-użu tas-servizzi pubbliċi online u l-ġestjoni sigura tad-data personali sal-parteċipazzjoni fil-ħajja pubblika online.",
        ),
        "labour-force": (
            "Ħiliet diġitali għall-forza tax-xogħol",
            "Forza tax-xogħol",
            "L-iżvilupp tal-ħiliet diġitali għall-ekonomija diġitali: it-titjib tal-ħiliet u t-taħriġ mill-ġdid tal-ħaddiema, ta' dawk li qed ifittxu x-xogħol u tal-persuni inattivi, u l-għajnuna lil min iħaddem biex isib u jħarreġ in-nies li għandu bżonn.",
        ),
        "ict-professionals": (
            "Ħiliet diġitali għall-professjonisti tal-ICT",
            "Professjonisti tal-ICT",
            "L-iżvilupp ta' ħiliet diġitali ta' livell għoli għall-professjonisti tal-ICT fis-setturi industrijali kollha: taħriġ avvanzat, ċertifikazzjoni u programmi speċjalizzati f'oqsma bħaċ-ċibersigurtà, id-data u l-intelliġenza artifiċjali.",
        ),
        "education": (
            "Ħiliet diġitali fl-edukazzjoni",
            "Edukazzjoni",
            "It-trasformazzjoni tat-tagħlim u l-apprendiment tal-ħiliet diġitali f'perspettiva ta' tagħlim tul il-ħajja, inkluż it-taħriġ tal-għalliema, u d-daħla tal-ikkowdjar u l-ħsieb komputazzjonali fl-iskejjel.",
        ),
    },
    "nl": {
        "for-all": (
            "Digitale vaardigheden voor iedereen",
            "Voor iedereen",
            "Digitale vaardigheden ontwikkelen zodat alle burgers actief kunnen deelnemen aan onze digitale samenleving: van het gebruik van online overheidsdiensten en het veilig beheren van persoonsgegevens tot online deelname aan het openbare leven.",
        ),
        "labour-force": (
            "Digitale vaardigheden voor de beroepsbevolking",
            "Beroepsbevolking",
            "Digitale vaardigheden ontwikkelen voor de digitale economie: bijscholing en omscholing van werknemers, werkzoekenden en inactieven, en werkgevers helpen de mensen te vinden en op te leiden die zij nodig hebben.",
        ),
        "ict-professionals": (
            "Digitale vaardigheden voor ICT-professionals",
            "ICT-professionals",
            "Digitale vaardigheden op hoog niveau ontwikkelen voor ICT-professionals in alle bedrijfstakken: geavanceerde opleidingen, certificering en gespecialiseerde programma’s op gebieden als cyberbeveiliging, data en artificiële intelligentie.",
        ),
        "education": (
            "Digitale vaardigheden in het onderwijs",
            "Onderwijs",
            "Het onderwijzen en leren van digitale vaardigheden vernieuwen vanuit het perspectief van een leven lang leren, met inbegrip van de opleiding van leraren, en programmeren en computationeel denken naar de scholen brengen.",
        ),
    },
    "pl": {
        "for-all": (
            "Umiejętności cyfrowe dla wszystkich",
            "Dla wszystkich",
            "Rozwijanie umiejętności cyfrowych, aby wszyscy obywatele mogli aktywnie uczestniczyć w społeczeństwie cyfrowym: od korzystania z usług publicznych online i bezpiecznego zarządzania danymi osobowymi po udział w życiu publicznym w internecie.",
        ),
        "labour-force": (
            "Umiejętności cyfrowe dla siły roboczej",
            "Siła robocza",
            "Rozwijanie umiejętności cyfrowych na potrzeby gospodarki cyfrowej: podnoszenie i zmiana kwalifikacji pracowników, osób poszukujących pracy i osób biernych zawodowo oraz pomoc pracodawcom w znalezieniu i przeszkoleniu potrzebnych im osób.",
        ),
        "ict-professionals": (
            "Umiejętności cyfrowe dla specjalistów ICT",
            "Specjaliści ICT",
            "Rozwijanie zaawansowanych umiejętności cyfrowych specjalistów ICT we wszystkich sektorach gospodarki: szkolenia zaawansowane, certyfikacja i programy specjalistyczne w takich dziedzinach jak cyberbezpieczeństwo, dane i sztuczna inteligencja.",
        ),
        "education": (
            "Umiejętności cyfrowe w edukacji",
            "Edukacja",
            "Przekształcanie nauczania i uczenia się umiejętności cyfrowych w perspektywie uczenia się przez całe życie, w tym kształcenie nauczycieli, oraz wprowadzanie do szkół programowania i myślenia komputacyjnego.",
        ),
    },
    "pt": {
        "for-all": (
            "Competências digitais para todos",
            "Para todos",
            "Desenvolver as competências digitais que permitem a todos os cidadãos participar ativamente na nossa sociedade digital: desde a utilização de serviços públicos em linha e a gestão segura dos dados pessoais até à participação na vida pública em linha.",
        ),
        "labour-force": (
            "Competências digitais para a população ativa",
            "População ativa",
            "Desenvolver competências digitais para a economia digital: melhoria de competências e requalificação de trabalhadores, candidatos a emprego e pessoas inativas, e apoio aos empregadores para encontrarem e formarem as pessoas de que necessitam.",
        ),
        "ict-professionals": (
            "Competências digitais para os profissionais das TIC",
            "Profissionais das TIC",
            "Desenvolver competências digitais de alto nível para os profissionais das TIC de todos os setores: formação avançada, certificação e programas especializados em domínios como a cibersegurança, os dados e a inteligência artificial.",
        ),
        "education": (
            "Competências digitais na educação",
            "Educação",
            "Transformar o ensino e a aprendizagem das competências digitais numa perspetiva de aprendizagem ao longo da vida, incluindo a formação de professores, e levar a programação e o pensamento computacional às escolas.",
        ),
    },
    "ro": {
        "for-all": (
            "Competențe digitale pentru toți",
            "Pentru toți",
            "Dezvoltarea competențelor digitale care le permit tuturor cetățenilor să participe activ la societatea noastră digitală: de la utilizarea serviciilor publice online și gestionarea în siguranță a datelor cu caracter personal până la participarea online la viața publică.",
        ),
        "labour-force": (
            "Competențe digitale pentru forța de muncă",
            "Forța de muncă",
            "Dezvoltarea competențelor digitale pentru economia digitală: perfecționarea și recalificarea lucrătorilor, a persoanelor aflate în căutarea unui loc de muncă și a persoanelor inactive, precum și sprijinirea angajatorilor în găsirea și formarea persoanelor de care au nevoie.",
        ),
        "ict-professionals": (
            "Competențe digitale pentru specialiștii în TIC",
            "Specialiști în TIC",
            "Dezvoltarea competențelor digitale avansate ale specialiștilor în TIC din toate sectoarele economice: formare avansată, certificare și programe specializate în domenii precum securitatea cibernetică, datele și inteligența artificială.",
        ),
        "education": (
            "Competențe digitale în educație",
            "Educație",
            "Transformarea predării și învățării competențelor digitale din perspectiva învățării pe tot parcursul vieții, inclusiv formarea cadrelor didactice, și introducerea programării și a gândirii computaționale în școli.",
        ),
    },
    "sk": {
        "for-all": (
            "Digitálne zručnosti pre všetkých",
            "Pre všetkých",
            "Rozvoj digitálnych zručností, ktoré všetkým občanom umožnia aktívne sa zapájať do našej digitálnej spoločnosti: od využívania online verejných služieb a bezpečnej správy osobných údajov až po online účasť na verejnom živote.",
        ),
        "labour-force": (
            "Digitálne zručnosti pre pracovnú silu",
            "Pracovná sila",
            "Rozvoj digitálnych zručností pre digitálne hospodárstvo: zvyšovanie kvalifikácie a rekvalifikácia pracovníkov, uchádzačov o zamestnanie a neaktívnych osôb a pomoc zamestnávateľom pri hľadaní a odbornej príprave ľudí, ktorých potrebujú.",
        ),
        "ict-professionals": (
            "Digitálne zručnosti pre odborníkov v oblasti IKT",
            "Odborníci v oblasti IKT",
            "Rozvoj pokročilých digitálnych zručností odborníkov v oblasti IKT vo všetkých odvetviach: pokročilá odborná príprava, certifikácia a špecializované programy v oblastiach, ako sú kybernetická bezpečnosť, dáta a umelá inteligencia.",
        ),
        "education": (
            "Digitálne zručnosti vo vzdelávaní",
            "Vzdelávanie",
            "Transformácia vyučovania a učenia sa digitálnych zručností z hľadiska celoživotného vzdelávania vrátane odbornej prípravy učiteľov a zavádzanie programovania a informatického myslenia do škôl.",
        ),
    },
    "sl": {
        "for-all": (
            "Digitalne spretnosti za vse",
            "Za vse",
            "Razvoj digitalnih spretnosti, ki vsem državljanom omogočajo dejavno sodelovanje v naši digitalni družbi: od uporabe spletnih javnih storitev in varnega upravljanja osebnih podatkov do spletnega sodelovanja v javnem življenju.",
        ),
        "labour-force": (
            "Digitalne spretnosti za delovno silo",
            "Delovna sila",
            "Razvoj digitalnih spretnosti za digitalno gospodarstvo: izpopolnjevanje in prekvalificiranje delavcev, iskalcev zaposlitve in neaktivnih oseb ter pomoč delodajalcem pri iskanju in usposabljanju ljudi, ki jih potrebujejo.",
        ),
        "ict-professionals": (
            "Digitalne spretnosti za strokovnjake za IKT",
            "Strokovnjaki za IKT",
            "Razvoj naprednih digitalnih spretnosti strokovnjakov za IKT v vseh gospodarskih sektorjih: napredno usposabljanje, certificiranje in specializirani programi na področjih, kot so kibernetska varnost, podatki in umetna inteligenca.",
        ),
        "education": (
            "Digitalne spretnosti v izobraževanju",
            "Izobraževanje",
            "Preoblikovanje poučevanja in učenja digitalnih spretnosti z vidika vseživljenjskega učenja, vključno z usposabljanjem učiteljev, ter uvajanje programiranja in računalniškega razmišljanja v šole.",
        ),
    },
    "sv": {
        "for-all": (
            "Digital kompetens för alla",
            "För alla",
            "Att utveckla den digitala kompetens som gör det möjligt för alla medborgare att vara aktiva i vårt digitala samhälle: från att använda offentliga e-tjänster och hantera personuppgifter på ett säkert sätt till att delta i det offentliga livet på nätet.",
        ),
        "labour-force": (
            "Digital kompetens för arbetskraften",
            "Arbetskraften",
            "Att utveckla digital kompetens för den digitala ekonomin: kompetenshöjning och omskolning av arbetstagare, arbetssökande och personer utanför arbetskraften, och att hjälpa arbetsgivare att hitta och utbilda de personer de behöver.",
        ),
        "ict-professionals": (
            "Digital kompetens för IKT-specialister",
            "IKT-specialister",
            "Att utveckla avancerad digital kompetens för IKT-specialister i alla branscher: avancerad utbildning, certifiering och specialiserade program inom områden som cybersäkerhet, data och artificiell intelligens.",
        ),
        "education": (
            "Digital kompetens inom utbildning",
            "Utbildning",
            "Att förnya undervisningen och lärandet av digital kompetens i ett livslångt lärande-perspektiv, inklusive lärarutbildning, och att föra in programmering och datalogiskt tänkande i skolorna.",
        ),
    },
}


def ensure_pillar_translations(pillar_model: Any, translation_model: Any) -> None:
    """Create the missing translations of the pillars still worded as first
    created (a pillar staff renamed keeps its English texts, marked as English,
    until staff translate it). Used by the data migration, and by tests whose
    transactional database flush removes migration data."""
    original = {slug: (name, short, description) for slug, name, short, description in PILLARS}
    rows = []
    for pillar in pillar_model.objects.all():
        if original.get(pillar.slug) != (pillar.name, pillar.short_name, pillar.description):
            continue
        for language, texts in PILLAR_TRANSLATIONS.items():
            name, short_name, description = texts[pillar.slug]
            rows.append(
                translation_model(
                    pillar=pillar,
                    language=language,
                    name=name,
                    short_name=short_name,
                    description=description,
                )
            )
    translation_model.objects.bulk_create(rows, ignore_conflicts=True)
