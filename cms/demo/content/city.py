"""Demo content of the city's main site: services, news, press releases and events."""

from __future__ import annotations

from .common import CONTACT_REGISTRY, _event, _news

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
