"""The demo content of the fictional city of Kaislahti (Vassvik in Swedish), in fi, sv and en.

Plain data only: ``cms.demo.services`` turns it into pages. Times are given as offsets
from the day the demo is loaded, so the event calendar always has upcoming and past events.
"""

from __future__ import annotations

# Every text is a {"fi": ..., "sv": ..., "en": ...} dict.
T = dict[str, str]

CONTACT_REGISTRY = {
    "name": "Kirjaamo / Registratorskontoret / Registry office",
    "organisation": "Kaislahden kaupunki",
    "phone": "+358 29 123 4000",
    "email": "kirjaamo@kaislahti.example",
    "address": "Rantakatu 1, 99100 Kaislahti",
}

ACCESSIBILITY: dict = {
    "kind": "content",
    "slug": "saavutettavuusseloste",
    "title": {
        "fi": "Saavutettavuusseloste",
        "sv": "Tillgänglighetsutlåtande",
        "en": "Accessibility statement",
    },
    "lead": {
        "fi": "Tämä sivusto pyrkii täyttämään WCAG 2.1 -ohjeiston AA-tason vaatimukset.",
        "sv": "Den här webbplatsen strävar efter att uppfylla kraven på nivå AA i WCAG 2.1.",
        "en": "This website aims to meet level AA of the WCAG 2.1 guidelines.",
    },
    "paragraphs": [
        {
            "fi": "Sivusto on tehty noudattaen lakia digitaalisten palvelujen tarjoamisesta. "
            "Jos huomaat saavutettavuuspuutteen, kerro siitä meille palautelomakkeella.",
            "sv": "Webbplatsen följer lagen om tillhandahållande av digitala tjänster. Om du "
            "upptäcker en brist i tillgängligheten, meddela oss via responsformuläret.",
            "en": "The site follows the Act on the Provision of Digital Services. If you find "
            "an accessibility problem, please tell us through the feedback form.",
        },
        {
            "fi": "Jos et ole tyytyväinen saamaasi vastaukseen, voit tehdä ilmoituksen "
            "Etelä-Suomen aluehallintovirastoon.",
            "sv": "Om du inte är nöjd med svaret kan du göra en anmälan till "
            "Regionförvaltningsverket i Södra Finland.",
            "en": "If you are not satisfied with our reply, you can notify the Regional State "
            "Administrative Agency for Southern Finland.",
        },
    ],
    "contact": CONTACT_REGISTRY,
}


def _event(
    slug,
    title,
    lead,
    days,
    hour,
    hours,
    venue,
    address,
    organiser,
    audience,
    price,
    categories,
    image=None,
    registration=None,
):
    return {
        "kind": "event",
        "slug": slug,
        "title": title,
        "lead": lead,
        "days": days,
        "hour": hour,
        "hours": hours,
        "venue": venue,
        "address": address,
        "organiser": organiser,
        "audience": audience,
        "price": price,
        "categories": categories,
        "image": image,
        "registration": registration,
    }


def _news(
    slug,
    title,
    lead,
    paragraphs,
    days,
    image=None,
    kind="news",
    quote=None,
    contact=None,
    media_headline=None,
):
    return {
        "kind": kind,
        "slug": slug,
        "title": title,
        "lead": lead,
        "paragraphs": paragraphs,
        "days": days,
        "image": image,
        "quote": quote,
        "contact": contact,
        "media_headline": media_headline,
    }


CATEGORIES = {
    "music": {"fi": "Musiikki", "sv": "Musik", "en": "Music"},
    "sports": {"fi": "Liikunta", "sv": "Motion", "en": "Sports"},
    "culture": {"fi": "Kulttuuri", "sv": "Kultur", "en": "Culture"},
    "family": {"fi": "Perhe", "sv": "Familj", "en": "Family"},
    "business": {"fi": "Yrittäjyys", "sv": "Företagande", "en": "Entrepreneurship"},
    "nature": {"fi": "Luonto", "sv": "Natur", "en": "Nature"},
    "markets": {"fi": "Markkinat", "sv": "Marknader", "en": "Markets"},
}

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
    ],
}

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

CITY_NEWS = [
    _news(
        "uimarannat-avautuvat",
        {
            "fi": "Uimarannat avautuvat kesäkuun alussa",
            "sv": "Badstränderna öppnar i början av juni",
            "en": "Beaches open at the start of June",
        },
        {
            "fi": "Kaupungin yhdeksän uimarantaa avautuu 1. kesäkuuta, ja veden laatua seurataan "
            "viikoittain.",
            "sv": "Stadens nio badstränder öppnar den 1 juni och vattenkvaliteten "
            "följs varje vecka.",
            "en": "The city's nine beaches open on 1 June, and water quality is checked weekly.",
        },
        [
            {
                "fi": "Rantojen pukukopit on kunnostettu ja Kirkkorantaan on tehty esteetön "
                "laituri.",
                "sv": "Omklädningshytterna har renoverats och Kyrkstranden har fått en tillgänglig "
                "brygga.",
                "en": "Changing cabins have been renovated, and Church Beach has a new "
                "step-free pier.",
            }
        ],
        days=-3,
        image="lake",
    ),
    _news(
        "katutyot-rantakadulla",
        {
            "fi": "Rantakadun katutyöt alkavat maanantaina",
            "sv": "Gatuarbetena på Strandgatan börjar på måndag",
            "en": "Street works on Rantakatu begin on Monday",
        },
        {
            "fi": "Rantakatu suljetaan autoliikenteeltä Torikadun ja Asemakadun väliltä kuudeksi "
            "viikoksi.",
            "sv": "Strandgatan stängs för biltrafik mellan Torggatan och Stationsgatan "
            "i sex veckor.",
            "en": "Rantakatu will be closed to cars between Torikatu and Asemakatu for six weeks.",
        },
        [
            {
                "fi": "Kevyen liikenteen reitti säilyy avoinna. Bussilinjat 2 ja 5 kulkevat "
                "poikkeusreittiä.",
                "sv": "Gång- och cykelleden hålls öppen. Busslinjerna 2 och 5 kör en annan rutt.",
                "en": "The walking and cycling route stays open. Bus lines 2 "
                "and 5 take a diversion.",
            }
        ],
        days=-8,
        image="city",
    ),
    _news(
        "kirjaston-aukioloajat-joulu",
        {
            "fi": "Kirjaston aukioloajat joulun aikaan",
            "sv": "Bibliotekets öppettider under julen",
            "en": "Library opening hours over Christmas",
        },
        {
            "fi": "Pääkirjasto on suljettu jouluaattona ja joulupäivänä.",
            "sv": "Huvudbiblioteket är stängt på julafton och juldagen.",
            "en": "The main library is closed on Christmas Eve and Christmas Day.",
        },
        [
            {
                "fi": "Omatoimikirjasto on auki normaalisti kaikkina päivinä.",
                "sv": "Meröppet biblioteket är öppet som vanligt alla dagar.",
                "en": "The self-service library is open as usual every day.",
            }
        ],
        days=-15,
        image="winter",
    ),
]

CITY_PRESS = [
    _news(
        "talousarvio-2027",
        {
            "fi": "Kaupunginhallitus esittää talousarvion vuodelle 2027",
            "sv": "Stadsstyrelsen föreslår budgeten för 2027",
            "en": "City board proposes the 2027 budget",
        },
        {
            "fi": "Talousarvioesitys painottaa koulujen korjauksia ja joukkoliikennettä.",
            "sv": "Budgetförslaget betonar skolrenoveringar och kollektivtrafik.",
            "en": "The budget proposal focuses on school repairs and public transport.",
        },
        [
            {
                "fi": "Investointeihin esitetään 42 miljoonaa euroa. Veroprosentti pysyy "
                "ennallaan.",
                "sv": "För investeringar föreslås 42 miljoner euro. Skattesatsen hålls oförändrad.",
                "en": "Investments of 42 million euros are proposed. The tax rate stays unchanged.",
            }
        ],
        days=-2,
        kind="press",
        image="city",
        quote={
            "text": {
                "fi": "Panostamme lasten ja nuorten arkeen.",
                "sv": "Vi satsar på barns och ungas vardag.",
                "en": "We are investing in the everyday lives of children and young people.",
            },
            "who": "Jari Mäkelä",
            "role": {"fi": "kaupunginjohtaja", "sv": "stadsdirektör", "en": "city manager"},
        },
        contact={
            "name": "Jari Mäkelä",
            "job_title": "kaupunginjohtaja / city manager",
            "phone": "+358 29 123 4001",
            "email": "jari.makela@kaislahti.example",
        },
        media_headline={
            "fi": "Kaislahti investoi 42 M€ kouluihin ja joukkoliikenteeseen",
            "sv": "Vassvik investerar 42 M€ i skolor och kollektivtrafik",
            "en": "Kaislahti to invest €42m in schools and transport",
        },
    ),
    _news(
        "uusi-koulu-valmistuu",
        {
            "fi": "Rantalan koulu valmistuu syksyllä",
            "sv": "Strandby skola blir klar i höst",
            "en": "Rantala school will be ready in the autumn",
        },
        {
            "fi": "Uuteen kouluun tulee 600 oppilaan tilat ja iltakäytössä oleva liikuntasali.",
            "sv": "Den nya skolan rymmer 600 elever och har en idrottssal för kvällsbruk.",
            "en": "The new school has room for 600 pupils and a sports hall open in the evenings.",
        },
        [
            {
                "fi": "Rakennus on puurakenteinen ja sen aurinkopaneelit tuottavat kolmanneksen "
                "energiasta.",
                "sv": "Byggnaden är av trä och solpanelerna producerar en tredjedel av energin.",
                "en": "The building is timber-framed, and its solar panels provide a "
                "third of its energy.",
            }
        ],
        days=-20,
        kind="press",
        image="forest",
        contact={
            "name": "Sanna Virtanen",
            "job_title": "sivistysjohtaja / director of education",
            "phone": "+358 29 123 4020",
            "email": "sanna.virtanen@kaislahti.example",
        },
        media_headline={
            "fi": "Rantalan puukoulu avaa ovensa elokuussa",
            "sv": "Strandby träskola öppnar i augusti",
            "en": "Rantala timber school opens in August",
        },
    ),
]

CITY_EVENTS = [
    _event(
        "valtuuston-kokous",
        {
            "fi": "Kaupunginvaltuuston kokous",
            "sv": "Stadsfullmäktiges möte",
            "en": "City council meeting",
        },
        {
            "fi": "Kokous on avoin yleisölle ja sitä voi seurata myös verkossa.",
            "sv": "Mötet är öppet för allmänheten och kan följas på nätet.",
            "en": "The meeting is open to the public and streamed online.",
        },
        days=6,
        hour=17,
        hours=3,
        venue="Kaupungintalo, valtuustosali",
        address="Rantakatu 1, 99100 Kaislahti",
        organiser="Kaislahden kaupunki",
        audience="everyone",
        price=None,
        categories=[],
    ),
    _event(
        "joulumarkkinat",
        {"fi": "Joulumarkkinat", "sv": "Julmarknad", "en": "Christmas market"},
        {
            "fi": "Käsitöitä, glögiä ja joulupukki kauppatorilla.",
            "sv": "Hantverk, glögg och jultomten på salutorget.",
            "en": "Handicrafts, mulled wine and Father Christmas at the market square.",
        },
        days=12,
        hour=10,
        hours=6,
        venue="Kauppatori",
        address="Torikatu, 99100 Kaislahti",
        organiser="Kaislahden keskustayhdistys",
        audience="families",
        price=None,
        categories=["markets", "family"],
        image="winter",
    ),
    _event(
        "kevatsiivous",
        {
            "fi": "Lähiöiden kevätsiivous",
            "sv": "Vårstädning i stadsdelarna",
            "en": "Neighbourhood spring clean-up",
        },
        {
            "fi": "Talkoot puistoissa – kaupunki tarjoaa hanskat ja jätesäkit.",
            "sv": "Talko i parkerna – staden bjuder på handskar och sopsäckar.",
            "en": "Volunteers clean the parks – the city provides gloves and bags.",
        },
        days=-30,
        hour=10,
        hours=3,
        venue="Rantapuisto",
        address="Rantakatu, Kaislahti",
        organiser="Kaislahden kaupunki",
        audience="everyone",
        price=None,
        categories=["nature"],
    ),
]

TOURISM = [
    {
        "kind": "section",
        "slug": "nahtavyydet",
        "title": {"fi": "Nähtävyydet", "sv": "Sevärdheter", "en": "Sights"},
        "lead": {
            "fi": "Järvi, harjut ja 1800-luvun puutalokortteli.",
            "sv": "Sjön, åsarna och trähuskvarteret från 1800-talet.",
            "en": "The lake, the eskers and the 19th-century wooden town quarter.",
        },
        "children": [
            {
                "kind": "content",
                "slug": "puu-kaislahti",
                "image": "city",
                "title": {"fi": "Puu-Kaislahti", "sv": "Trä-Vassvik", "en": "Old Wooden Kaislahti"},
                "lead": {
                    "fi": "Kävelykierros 1800-luvun puutaloissa kestää noin tunnin.",
                    "sv": "En promenad bland trähusen från 1800-talet tar cirka en timme.",
                    "en": "A walking tour of the 19th-century wooden houses takes about an hour.",
                },
                "paragraphs": [
                    {
                        "fi": "Kesäisin opastettuja kierroksia järjestetään "
                        "suomeksi, ruotsiksi ja englanniksi.",
                        "sv": "På sommaren ordnas guidade turer på finska, svenska och engelska.",
                        "en": "In summer, guided tours are held in Finnish, Swedish and English.",
                    }
                ],
            },
            {
                "kind": "content",
                "slug": "kaislajarvi",
                "image": "lake",
                "title": {"fi": "Kaislajärvi", "sv": "Vassjön", "en": "Lake Kaisla"},
                "lead": {
                    "fi": "Melo, kalasta tai risteile – järvi on kaupungin sydän.",
                    "sv": "Paddla, fiska eller kryssa – sjön är stadens hjärta.",
                    "en": "Paddle, fish or take a cruise – the lake is the heart of the town.",
                },
                "paragraphs": [
                    {
                        "fi": "Risteilyalus Kaisla lähtee satamasta päivittäin "
                        "kesäkuusta elokuuhun.",
                        "sv": "Kryssningsfartyget Vass avgår "
                        "från hamnen dagligen från juni till augusti.",
                        "en": "The cruise boat Kaisla leaves the harbour daily from "
                        "June to August.",
                    }
                ],
            },
            {
                "kind": "content",
                "slug": "harjureitit",
                "image": "forest",
                "title": {
                    "fi": "Harjun retkeilyreitit",
                    "sv": "Vandringsleder på åsen",
                    "en": "Esker hiking trails",
                },
                "lead": {
                    "fi": "Merkittyjä reittejä on 3, 7 ja 12 kilometriä.",
                    "sv": "Det finns märkta leder på 3, 7 och 12 kilometer.",
                    "en": "Marked trails of 3, 7 and 12 kilometres.",
                },
                "paragraphs": [
                    {
                        "fi": "Laavuilla saa tehdä tulet, kun metsäpalovaroitusta ei ole voimassa.",
                        "sv": "Vid vindskydden får man göra upp eld "
                        "när ingen skogsbrandsvarning gäller.",
                        "en": "You may light "
                        "a fire at the shelters when there is no forest fire warning.",
                    }
                ],
            },
        ],
    },
]

TOURISM_NEWS = [
    _news(
        "risteilykausi-alkaa",
        {
            "fi": "Risteilykausi alkaa",
            "sv": "Kryssningssäsongen börjar",
            "en": "Cruise season begins",
        },
        {
            "fi": "Ensimmäinen risteily lähtee satamasta lauantaina kello 12.",
            "sv": "Den första kryssningen avgår från hamnen på lördag kl. 12.",
            "en": "The first cruise leaves the harbour on Saturday at 12 noon.",
        },
        [
            {
                "fi": "Liput voi ostaa satamasta tai verkosta.",
                "sv": "Biljetter kan köpas i hamnen eller på nätet.",
                "en": "Tickets are sold at the harbour and online.",
            }
        ],
        days=-5,
        image="lake",
    ),
]

TOURISM_EVENTS = [
    _event(
        "jarvifestivaali",
        {"fi": "Järvifestivaali", "sv": "Sjöfestivalen", "en": "Lake Festival"},
        {
            "fi": "Kolme päivää musiikkia järven rannalla.",
            "sv": "Tre dagar med musik vid sjöstranden.",
            "en": "Three days of music on the lakeshore.",
        },
        days=40,
        hour=16,
        hours=54,
        venue="Satamapuisto",
        address="Satamatie 2, Kaislahti",
        organiser="Kaislahden Järvifestivaali ry",
        audience="everyone",
        price={"fi": "Päivälippu 45 €", "sv": "Dagsbiljett 45 €", "en": "Day ticket €45"},
        categories=["music", "culture"],
        image="sunset",
        registration="https://liput.kaislahti.example/jarvifestivaali",
    ),
    _event(
        "opastettu-kavely",
        {
            "fi": "Opastettu kävely Puu-Kaislahdessa",
            "sv": "Guidad promenad i Trä-Vassvik",
            "en": "Guided walk in Old Wooden Kaislahti",
        },
        {
            "fi": "Oppaana kaupunginarkkitehti.",
            "sv": "Stadsarkitekten guidar.",
            "en": "Guided by the city architect.",
        },
        days=9,
        hour=13,
        hours=1,
        venue="Matkailuneuvonta",
        address="Torikatu 3, Kaislahti",
        organiser="Visit Kaislahti",
        audience="adults",
        price={"fi": "10 € / lapset 5 €", "sv": "10 € / barn 5 €", "en": "€10 / children €5"},
        categories=["culture"],
    ),
]

BUSINESS = [
    {
        "kind": "section",
        "slug": "yrityspalvelut",
        "title": {"fi": "Yrityspalvelut", "sv": "Företagstjänster", "en": "Business services"},
        "lead": {
            "fi": "Maksutonta neuvontaa yrityksen perustamiseen ja kasvuun.",
            "sv": "Kostnadsfri rådgivning för att starta och utveckla företag.",
            "en": "Free advice for starting and growing a business.",
        },
        "children": [
            {
                "kind": "content",
                "slug": "perusta-yritys",
                "title": {"fi": "Perusta yritys", "sv": "Starta företag", "en": "Start a business"},
                "lead": {
                    "fi": "Yritysneuvoja auttaa liiketoimintasuunnitelmassa.",
                    "sv": "En företagsrådgivare hjälper dig med affärsplanen.",
                    "en": "A business adviser helps you with your business plan.",
                },
                "paragraphs": [
                    {
                        "fi": "Starttirahaa haetaan TE-palveluista ennen toiminnan aloittamista.",
                        "sv": "Startpeng söks hos TE-tjänsterna innan verksamheten inleds.",
                        "en": "Apply for the start-up grant "
                        "from the employment services before you begin trading.",
                    }
                ],
                "contact": {
                    "name": "Mikko Heikkinen",
                    "job_title": "yritysneuvoja",
                    "phone": "+358 29 123 4210",
                    "email": "mikko.heikkinen@kaislahti.example",
                },
            },
            {
                "kind": "content",
                "slug": "yritystontit",
                "image": "city",
                "title": {"fi": "Yritystontit", "sv": "Företagstomter", "en": "Business plots"},
                "lead": {
                    "fi": "Vapaita tontteja on Tehtaanrannan ja Lentokentän alueilla.",
                    "sv": "Lediga tomter finns i Fabriksstranden och vid flygfältet.",
                    "en": "Vacant plots are available at Tehtaanranta and the airfield.",
                },
                "paragraphs": [
                    {
                        "fi": "Tontin voi varata kuudeksi kuukaudeksi maksutta.",
                        "sv": "En tomt kan reserveras gratis i sex månader.",
                        "en": "A plot can be reserved free of charge for six months.",
                    }
                ],
            },
        ],
    },
]

BUSINESS_NEWS = [
    _news(
        "yrittajailta-marraskuu",
        {
            "fi": "Yrittäjäillan teemana digitaalinen kauppa",
            "sv": "Företagarkvällens tema är digital handel",
            "en": "Entrepreneurs' evening on digital commerce",
        },
        {
            "fi": "Kuukausittainen yrittäjäilta kokoaa paikalliset yrittäjät.",
            "sv": "Den månatliga företagarkvällen samlar lokala företagare.",
            "en": "The monthly evening brings local entrepreneurs together.",
        },
        [
            {
                "fi": "Ilmoittaudu viimeistään edellisenä päivänä.",
                "sv": "Anmäl dig senast dagen innan.",
                "en": "Register by the day before.",
            }
        ],
        days=-4,
    ),
]

BUSINESS_PRESS = [
    _news(
        "tehdas-investointi",
        {
            "fi": "Akkutehdas investoi Tehtaanrantaan",
            "sv": "Batterifabrik investerar i Fabriksstranden",
            "en": "Battery plant to invest in Tehtaanranta",
        },
        {
            "fi": "Investointi tuo arviolta 180 uutta työpaikkaa.",
            "sv": "Investeringen beräknas ge 180 nya arbetsplatser.",
            "en": "The investment is expected to create 180 new jobs.",
        },
        [
            {
                "fi": "Rakentaminen alkaa ensi keväänä.",
                "sv": "Byggandet börjar nästa vår.",
                "en": "Construction starts next spring.",
            }
        ],
        days=-1,
        kind="press",
        image="city",
        contact={
            "name": "Laura Niemi",
            "job_title": "elinkeinojohtaja / head of business",
            "phone": "+358 29 123 4201",
            "email": "laura.niemi@kaislahti.example",
        },
        media_headline={
            "fi": "180 työpaikkaa: akkutehdas Kaislahteen",
            "sv": "180 jobb: batterifabrik till Vassvik",
            "en": "180 jobs: battery plant coming to Kaislahti",
        },
    ),
]

BUSINESS_EVENTS = [
    _event(
        "yrittajailta",
        {
            "fi": "Yrittäjäilta: digitaalinen kauppa",
            "sv": "Företagarkväll: digital handel",
            "en": "Entrepreneurs' evening: digital commerce",
        },
        {
            "fi": "Puhujina verkkokauppiaat ja pankin asiantuntija.",
            "sv": "Talare är e-handlare och en bankexpert.",
            "en": "Speakers from online retailers and a bank.",
        },
        days=15,
        hour=18,
        hours=2,
        venue="Yrityspalvelut",
        address="Tehtaankatu 12, Kaislahti",
        organiser="Yritys-Kaislahti",
        audience="businesses",
        price=None,
        categories=["business"],
        registration="https://ilmo.kaislahti.example/yrittajailta",
    ),
]

EVENTS_SITE_EVENTS = [
    _event(
        "talvijuoksu",
        {"fi": "Kaislahden talvijuoksu", "sv": "Vassviks vinterlopp", "en": "Kaislahti winter run"},
        {
            "fi": "5 ja 10 kilometrin juoksut valaistulla reitillä.",
            "sv": "Lopp på 5 och 10 kilometer på en belyst bana.",
            "en": "5 and 10 kilometre runs on a lit course.",
        },
        days=25,
        hour=11,
        hours=3,
        venue="Urheilupuisto",
        address="Kenttätie 4, Kaislahti",
        organiser="Kaislahden Urheilijat",
        audience="adults",
        price={"fi": "20 €", "sv": "20 €", "en": "€20"},
        categories=["sports"],
        image="winter",
        registration="https://ilmo.kaislahti.example/talvijuoksu",
    ),
    _event(
        "lasten-teatteri",
        {
            "fi": "Lasten teatteriesitys: Kaislan kätkö",
            "sv": "Barnteater: Vassens gömställe",
            "en": "Children's theatre: The Reed Hideout",
        },
        {
            "fi": "Satuesitys 3–8-vuotiaille.",
            "sv": "Sagoföreställning för 3–8-åringar.",
            "en": "A fairy-tale play for ages 3 to 8.",
        },
        days=4,
        hour=10,
        hours=1,
        venue="Kaupunginteatteri",
        address="Teatterikatu 1, Kaislahti",
        organiser="Kaislahden kaupunginteatteri",
        audience="children",
        price={"fi": "8 €", "sv": "8 €", "en": "€8"},
        categories=["culture", "family"],
    ),
    _event(
        "kuorokonsertti",
        {
            "fi": "Kuorojen joulukonsertti",
            "sv": "Körernas julkonsert",
            "en": "Choirs' Christmas concert",
        },
        {
            "fi": "Kaupungin kuorot laulavat kirkossa.",
            "sv": "Stadens körer sjunger i kyrkan.",
            "en": "The city's choirs sing in the church.",
        },
        days=18,
        hour=19,
        hours=2,
        venue="Kaislahden kirkko",
        address="Kirkkotie 5, Kaislahti",
        organiser="Kaislahden seurakunta",
        audience="everyone",
        price=None,
        categories=["music"],
    ),
    _event(
        "syysmarkkinat",
        {"fi": "Syysmarkkinat", "sv": "Höstmarknad", "en": "Autumn market"},
        {
            "fi": "Sadonkorjuun tuotteita ja käsitöitä.",
            "sv": "Skördeprodukter och hantverk.",
            "en": "Harvest produce and handicrafts.",
        },
        days=-60,
        hour=9,
        hours=7,
        venue="Kauppatori",
        address="Torikatu, Kaislahti",
        organiser="Kaislahden keskustayhdistys",
        audience="everyone",
        price=None,
        categories=["markets"],
    ),
]

EVENTS_SITE_NEWS = [
    _news(
        "tapahtumakalenteri-uudistuu",
        {
            "fi": "Tapahtumakalenteri uudistui",
            "sv": "Evenemangskalendern har förnyats",
            "en": "The events calendar has been renewed",
        },
        {
            "fi": "Kalenteri kokoaa nyt kaikkien kaupungin sivustojen tapahtumat.",
            "sv": "Kalendern samlar nu evenemang från alla stadens webbplatser.",
            "en": "The calendar now gathers events from all of the city's websites.",
        },
        [
            {
                "fi": "Tapahtumat voi tallentaa omaan kalenteriin.",
                "sv": "Evenemangen kan sparas i den egna kalendern.",
                "en": "Events can be saved to your own calendar.",
            }
        ],
        days=-6,
    ),
]

CLIMATE = [
    {
        "kind": "section",
        "slug": "ilmastotyo",
        "title": {"fi": "Ilmastotyö", "sv": "Klimatarbete", "en": "Climate work"},
        "lead": {
            "fi": "Kaislahti vähentää päästöjä 80 prosenttia vuoteen 2035 mennessä.",
            "sv": "Vassvik minskar utsläppen med 80 procent till 2035.",
            "en": "Kaislahti will cut emissions by 80 per cent by 2035.",
        },
        "children": [
            {
                "kind": "content",
                "slug": "ilmasto-ohjelma",
                "image": "forest",
                "document": "ilmasto-ohjelma",
                "title": {
                    "fi": "Ilmasto-ohjelma 2035",
                    "sv": "Klimatprogram 2035",
                    "en": "Climate programme 2035",
                },
                "lead": {
                    "fi": "Ohjelma sisältää 48 toimenpidettä liikenteeseen, "
                    "energiaan ja rakentamiseen.",
                    "sv": "Programmet innehåller 48 åtgärder för trafik, energi och byggande.",
                    "en": "The programme has 48 measures for transport, energy and construction.",
                },
                "paragraphs": [
                    {
                        "fi": "Kaukolämpö tuotetaan vuodesta 2028 alkaen ilman "
                        "fossiilisia polttoaineita.",
                        "sv": "Fjärrvärmen produceras utan fossila bränslen från och med 2028.",
                        "en": "From 2028, district heating will be produced without fossil fuels.",
                    }
                ],
            },
            {
                "kind": "content",
                "slug": "kestava-liikkuminen",
                "title": {
                    "fi": "Kestävä liikkuminen",
                    "sv": "Hållbar mobilitet",
                    "en": "Sustainable transport",
                },
                "lead": {
                    "fi": "Kaupunkipyöriä on 300 ja pyöräteitä 140 kilometriä.",
                    "sv": "Det finns 300 stadscyklar och 140 kilometer cykelväg.",
                    "en": "There are 300 city bikes and 140 kilometres of cycle paths.",
                },
                "paragraphs": [
                    {
                        "fi": "Kaupunkipyörät ovat käytössä huhtikuusta lokakuuhun.",
                        "sv": "Stadscyklarna används från april till oktober.",
                        "en": "City bikes are available from April to October.",
                    }
                ],
            },
        ],
    },
]

CLIMATE_NEWS = [
    _news(
        "paastot-laskivat",
        {
            "fi": "Päästöt laskivat 12 prosenttia",
            "sv": "Utsläppen minskade med 12 procent",
            "en": "Emissions fell by 12 per cent",
        },
        {
            "fi": "Kaislahden kasvihuonekaasupäästöt laskivat viime vuonna 12 prosenttia.",
            "sv": "Vassviks växthusgasutsläpp minskade förra året med 12 procent.",
            "en": "Kaislahti's greenhouse gas emissions fell by 12 per cent last year.",
        },
        [
            {
                "fi": "Suurin vähennys tuli kaukolämmön biopolttoaineista.",
                "sv": "Den största minskningen kom från biobränslen i fjärrvärmen.",
                "en": "The largest cut came from biofuels in district heating.",
            }
        ],
        days=-10,
        image="forest",
    ),
]

CLIMATE_EVENTS = [
    _event(
        "korjauskahvila",
        {"fi": "Korjauskahvila", "sv": "Reparationskafé", "en": "Repair café"},
        {
            "fi": "Tuo rikkinäinen vaate tai laite, korjataan yhdessä.",
            "sv": "Ta med ett trasigt plagg eller en apparat så lagar vi tillsammans.",
            "en": "Bring a broken garment or gadget and we will fix it together.",
        },
        days=8,
        hour=16,
        hours=3,
        venue="Pääkirjasto",
        address="Kirjastokatu 2, Kaislahti",
        organiser="Ilmastoviisas Kaislahti",
        audience="everyone",
        price=None,
        categories=["nature"],
    ),
]

NEWS_INDEX = {
    "slug": "uutiset",
    "title": {"fi": "Uutiset", "sv": "Nyheter", "en": "News"},
    "lead": {
        "fi": "Ajankohtaista Kaislahdesta.",
        "sv": "Aktuellt från Vassvik.",
        "en": "Latest news from Kaislahti.",
    },
}
PRESS_INDEX = {
    "slug": "tiedotteet",
    "title": {"fi": "Tiedotteet", "sv": "Pressmeddelanden", "en": "Press releases"},
    "lead": {
        "fi": "Kaupungin tiedotteet medialle.",
        "sv": "Stadens pressmeddelanden till media.",
        "en": "The city's releases for the media.",
    },
}
EVENT_INDEX = {
    "slug": "tapahtumat",
    "title": {"fi": "Tapahtumat", "sv": "Evenemang", "en": "Events"},
    "lead": {
        "fi": "Mitä Kaislahdessa tapahtuu.",
        "sv": "Vad som händer i Vassvik.",
        "en": "What's on in Kaislahti.",
    },
}


def _site(sections, news, press, events, extra=()):
    return {
        "sections": [*sections, *extra, ACCESSIBILITY],
        "news": news,
        "press": press,
        "events": events,
    }


SITES = {
    "city": _site([SERVICES], CITY_NEWS, CITY_PRESS, CITY_EVENTS, extra=[CONTACT_PAGE]),
    "tourism": _site(TOURISM, TOURISM_NEWS, [], TOURISM_EVENTS),
    "business": _site(BUSINESS, BUSINESS_NEWS, BUSINESS_PRESS, BUSINESS_EVENTS),
    "events": _site([], EVENTS_SITE_NEWS, [], EVENTS_SITE_EVENTS),
    "climate": _site(CLIMATE, CLIMATE_NEWS, [], CLIMATE_EVENTS),
}

DOCUMENTS = {
    "jatehuoltomaaraykset": (
        "Jätehuoltomääräykset 2026",
        [
            "Kaislahden kaupungin jätehuoltomääräykset",
            "Voimassa 1.1.2026 alkaen.",
            "1 § Lajitteluvelvoite koskee kaikkia asuinkiinteistöjä.",
        ],
    ),
    "ilmasto-ohjelma": (
        "Ilmasto-ohjelma 2035",
        [
            "Kaislahden ilmasto-ohjelma 2035",
            "Hyväksytty kaupunginvaltuustossa.",
            "Tavoite: päästöt -80 % vuoden 2007 tasosta.",
        ],
    ),
}

IMAGE_ALTS = {
    "lake": {
        "fi": "Tyyni järvi ja kuusimetsän reunustama ranta kesäpäivänä.",
        "sv": "En lugn sjö och en strand kantad av granskog en sommardag.",
        "en": "A calm lake with a spruce-lined shore on a summer day.",
    },
    "winter": {
        "fi": "Luminen järvenranta ja huurteinen metsä talvella.",
        "sv": "En snöig sjöstrand och frostig skog på vintern.",
        "en": "A snowy lakeshore and frosted forest in winter.",
    },
    "sunset": {
        "fi": "Auringonlasku järven yllä, metsä siluettina.",
        "sv": "Solnedgång över sjön med skogen i siluett.",
        "en": "Sunset over the lake with the forest in silhouette.",
    },
    "city": {
        "fi": "Kaislahden keskustan rakennuksia järven rannalla.",
        "sv": "Byggnader i Vassviks centrum vid sjön.",
        "en": "Buildings in central Kaislahti by the lake.",
    },
    "forest": {
        "fi": "Havumetsää ja järvi kirkkaana päivänä.",
        "sv": "Barrskog och sjö en klar dag.",
        "en": "Coniferous forest and a lake on a clear day.",
    },
}
