"""Demo content of the business site."""

from __future__ import annotations

from .common import _event, _news

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
