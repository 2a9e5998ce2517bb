"""Demo content of the events site."""

from __future__ import annotations

from .common import _event, _news

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
