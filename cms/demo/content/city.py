"""Demo content of the city's main site: its services and contact page (news, press
releases and events are in ``city_news.py``)."""

from __future__ import annotations

from .common import CONTACT_REGISTRY

SERVICES = {
    "kind": "section",
    "slug": "palvelut",
    "title": {"fi": "Palvelut", "sv": "Tjänster", "en": "Services"},
    "lead": {
        "fi": "Kaupungin palvelut asukkaille: asuminen, kasvatus, kirjasto ja ympäristö.",
        "sv": "Stadens tjänster för invånarna: boende, fostran, bibliotek och miljö.",
        "en": "The city's services for residents: housing, education, library and environment.",
    },
    "children": [
        {
            "kind": "content",
            "slug": "asuminen",
            "image": "city",
            "title": {"fi": "Asuminen", "sv": "Boende", "en": "Housing"},
            "lead": {
                "fi": "Vuokra-asunnot, tontit ja rakentamisen luvat Kaislahdessa.",
                "sv": "Hyresbostäder, tomter och bygglov i Vassvik.",
                "en": "Rental homes, building plots and building permits in Kaislahti.",
            },
            "paragraphs": [
                {
                    "fi": "Kaupungin vuokrataloyhtiö Kaislahden Kodit tarjoaa noin 2 400 "
                    "vuokra-asuntoa. Asuntoa haetaan sähköisellä lomakkeella, ja hakemus on "
                    "voimassa kolme kuukautta.",
                    "sv": "Stadens hyresbolag Vassviks Hem erbjuder cirka 2 400 hyresbostäder. "
                    "Man ansöker om bostad med en elektronisk blankett, och ansökan gäller i "
                    "tre månader.",
                    "en": "The city's housing company Kaislahti Homes offers about 2,400 rental "
                    "flats. Apply with the online form; an application is valid for three "
                    "months.",
                },
            ],
            "accordion": [
                {
                    "title": {
                        "fi": "Miten haen vuokra-asuntoa?",
                        "sv": "Hur ansöker jag om en hyresbostad?",
                        "en": "How do I apply for a rental flat?",
                    },
                    "text": {
                        "fi": "Täytä hakemus verkossa ja liitä tulotiedot. Käsittely kestää "
                        "yleensä kaksi viikkoa.",
                        "sv": "Fyll i ansökan på nätet och bifoga inkomstuppgifter. "
                        "Behandlingen tar i regel två veckor.",
                        "en": "Fill in the online application and attach proof of income. "
                        "Processing usually takes two weeks.",
                    },
                },
                {
                    "title": {
                        "fi": "Tarvitsenko rakennusluvan?",
                        "sv": "Behöver jag bygglov?",
                        "en": "Do I need a building permit?",
                    },
                    "text": {
                        "fi": "Rakennuslupa tarvitaan uudisrakentamiseen ja useimpiin "
                        "laajennuksiin. Kysy rakennusvalvonnasta ennen töiden aloittamista.",
                        "sv": "Bygglov behövs för nybyggen och för de flesta utbyggnader. "
                        "Fråga byggnadstillsynen innan arbetet börjar.",
                        "en": "A permit is needed for new buildings and most extensions. Ask "
                        "building control before you start.",
                    },
                },
            ],
            "contact": {
                "name": "Rakennusvalvonta",
                "organisation": "Kaislahden kaupunki",
                "phone": "+358 29 123 4050",
                "email": "rakennusvalvonta@kaislahti.example",
            },
        },
        {
            "kind": "content",
            "slug": "jatehuolto",
            "image": "forest",
            "document": "jatehuoltomaaraykset",
            "title": {
                "fi": "Jätehuolto ja kierrätys",
                "sv": "Avfall och återvinning",
                "en": "Waste and recycling",
            },
            "lead": {
                "fi": "Lajittele biojäte, pahvi, lasi, metalli ja muovi. Sekajäte haetaan "
                "kahden viikon välein.",
                "sv": "Sortera bioavfall, kartong, glas, metall och plast. Blandavfall hämtas "
                "varannan vecka.",
                "en": "Sort biowaste, cardboard, glass, metal and plastic. Mixed waste is "
                "collected every two weeks.",
            },
            "paragraphs": [
                {
                    "fi": "Lähin kierrätyspiste löytyy kaupan pihalta. Vaaralliset jätteet, "
                    "kuten paristot ja maalit, viedään Rantalan jäteasemalle maksutta.",
                    "sv": "Närmaste återvinningsställe finns vid butiken. Farligt avfall, som "
                    "batterier och målarfärg, lämnas gratis till Strandby avfallsstation.",
                    "en": "Your nearest recycling point is at the shop car park. Hazardous "
                    "waste such as batteries and paint goes to Rantala waste station free of "
                    "charge.",
                },
            ],
            "quote": {
                "text": {
                    "fi": "Jokainen lajiteltu kilo säästää luonnonvaroja ja veronmaksajien rahaa.",
                    "sv": "Varje sorterat kilo sparar naturresurser och skattebetalarnas pengar.",
                    "en": "Every kilo sorted saves natural resources and taxpayers' money.",
                },
                "who": "Riikka Lahtinen",
                "role": {
                    "fi": "jätehuoltopäällikkö",
                    "sv": "avfallschef",
                    "en": "head of waste management",
                },
            },
        },
        {
            "kind": "content",
            "slug": "varhaiskasvatus",
            "title": {
                "fi": "Varhaiskasvatus",
                "sv": "Småbarnspedagogik",
                "en": "Early childhood education",
            },
            "lead": {
                "fi": "Päiväkotipaikkaa haetaan neljä kuukautta ennen tarvetta.",
                "sv": "Ansök om daghemsplats fyra månader innan den behövs.",
                "en": "Apply for a day-care place four months before you need it.",
            },
            "paragraphs": [
                {
                    "fi": "Kaislahdessa on 14 päiväkotia ja perhepäivähoitoa. Ruotsinkielistä "
                    "varhaiskasvatusta järjestetään Vassvikin daghemmetissä.",
                    "sv": "I Vassvik finns 14 daghem och familjedagvård. Småbarnspedagogik på "
                    "svenska ordnas på Vassviks daghem.",
                    "en": "Kaislahti has 14 day-care centres and family day care. Swedish-"
                    "language early education is provided at Vassvik day-care centre.",
                },
            ],
            "cta": {
                "label": {"fi": "Hae paikkaa", "sv": "Ansök om plats", "en": "Apply for a place"},
                "url": "https://asiointi.kaislahti.example/varhaiskasvatus",
            },
        },
        {
            "kind": "content",
            "slug": "kirjasto",
            "image": "winter",
            "title": {"fi": "Kirjasto", "sv": "Bibliotek", "en": "Library"},
            "lead": {
                "fi": "Pääkirjasto on avoinna arkisin 10–20 ja lauantaisin 10–16.",
                "sv": "Huvudbiblioteket är öppet vardagar 10–20 och lördagar 10–16.",
                "en": "The main library is open 10–20 on weekdays and 10–16 on Saturdays.",
            },
            "paragraphs": [
                {
                    "fi": "Kirjastokortilla lainaat kirjoja, e-kirjoja, pelejä ja työkaluja. "
                    "Omatoimikirjasto on auki joka päivä kello 7–22.",
                    "sv": "Med bibliotekskortet lånar du böcker, e-böcker, spel och verktyg. "
                    "Meröppet bibliotek är öppet varje dag kl. 7–22.",
                    "en": "With a library card you can borrow books, e-books, games and "
                    "tools. The self-service library is open every day 7–22.",
                },
            ],
        },
        {
            "kind": "content",
            "slug": "pysakointi",
            "title": {"fi": "Pysäköinti", "sv": "Parkering", "en": "Parking"},
            "lead": {
                "fi": "Asukaspysäköintitunnukset, pysäköintialueet ja maksut keskustassa.",
                "sv": "Boendeparkeringstillstånd, parkeringsområden och avgifter i centrum.",
                "en": "Residents' parking permits, car parks and charges in the centre.",
            },
            "paragraphs": [
                {
                    "fi": "Keskustassa pysäköinti on maksullista arkisin kello 8–18. "
                    "Asukaspysäköintitunnus maksaa 15 euroa kuukaudessa.",
                    "sv": "I centrum är parkeringen avgiftsbelagd vardagar kl. 8–18. "
                    "Boendeparkeringstillståndet kostar 15 euro i månaden.",
                    "en": "Parking in the centre is charged on weekdays 8–18. A residents' "
                    "parking permit costs 15 euros a month.",
                },
            ],
        },
        {
            "kind": "content",
            "slug": "tyopaikat",
            "title": {"fi": "Työpaikat", "sv": "Lediga jobb", "en": "Jobs"},
            "lead": {
                "fi": "Kaupunki työllistää 1 800 ihmistä: opettajia, hoitajia ja asiantuntijoita.",
                "sv": "Staden sysselsätter 1 800 personer: lärare, vårdare och experter.",
                "en": "The city employs 1,800 people: teachers, nurses and specialists.",
            },
            "paragraphs": [
                {
                    "fi": "Avoimet työpaikat julkaistaan kuntarekrytoinnissa. Kesätyöpaikkoja "
                    "nuorille haetaan helmikuussa.",
                    "sv": "Lediga jobb publiceras i kommunrekryteringen. Sommarjobb för unga "
                    "söks i februari.",
                    "en": "Vacancies are published on the municipal recruitment service. "
                    "Summer jobs for young people open in February.",
                },
            ],
        },
        {
            "kind": "content",
            "slug": "paatoksenteko",
            "title": {"fi": "Päätöksenteko", "sv": "Beslutsfattande", "en": "Decision-making"},
            "lead": {
                "fi": "Valtuuston ja lautakuntien kokoukset, esityslistat ja pöytäkirjat.",
                "sv": "Fullmäktiges och nämndernas möten, föredragningslistor och protokoll.",
                "en": "Meetings, agendas and minutes of the council and its committees.",
            },
            "paragraphs": [
                {
                    "fi": "Kaupunginvaltuusto kokoontuu kerran kuukaudessa. Kokoukset ovat "
                    "julkisia, ja niitä voi seurata verkossa.",
                    "sv": "Stadsfullmäktige sammanträder en gång i månaden. Mötena är "
                    "offentliga och kan följas på nätet.",
                    "en": "The city council meets once a month. Its meetings are public and "
                    "can be followed online.",
                },
            ],
        },
    ],
}

# The home page's top tasks: addresses under the Finnish home page (``SITES``).
CITY_TASKS = [
    "palvelut/varhaiskasvatus",
    "palvelut/jatehuolto",
    "palvelut/pysakointi",
    "palvelut/tyopaikat",
    "palvelut/paatoksenteko",
    "kuulutukset",
]

CONTACT_PAGE = {
    "kind": "content",
    "slug": "yhteystiedot",
    "title": {"fi": "Yhteystiedot", "sv": "Kontaktuppgifter", "en": "Contact us"},
    "lead": {
        "fi": "Kaupungintalo, Rantakatu 1. Asiakaspalvelu palvelee arkisin 9–16.",
        "sv": "Stadshuset, Strandgatan 1. Kundtjänsten betjänar vardagar 9–16.",
        "en": "City Hall, Rantakatu 1. Customer service is open 9–16 on weekdays.",
    },
    "paragraphs": [
        {
            "fi": "Sosiaalisen median kanavat eivät ole virallisia asiointikanavia. Lähetä "
            "viralliset asiakirjat kirjaamoon.",
            "sv": "Sociala medier är inte officiella kanaler för ärenden. Skicka officiella "
            "handlingar till registratorskontoret.",
            "en": "Social media channels are not official channels for dealing with the city. "
            "Send official documents to the registry office.",
        }
    ],
    "contact": CONTACT_REGISTRY,
}
