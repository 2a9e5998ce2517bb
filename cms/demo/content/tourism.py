"""Demo content of the tourism site."""

from __future__ import annotations

from .common import _event, _news

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
