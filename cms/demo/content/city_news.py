"""Demo content of the city's main site: news, press releases and events."""

from __future__ import annotations

from .common import _event, _news

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
