"""Demo content of the climate site."""

from __future__ import annotations

from .common import _event, _news

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
