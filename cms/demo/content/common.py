"""Shared pieces of the demo content: helpers, categories, listing pages, media texts."""

from __future__ import annotations

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


def _motif(slug) -> str:
    """A picture for content that names none, the same on every machine."""
    motifs = ("lake", "winter", "sunset", "city", "forest", "harbour", "market", "park")
    return motifs[sum(map(ord, str(slug))) % len(motifs)]


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
        # Every event has a picture, as search engines' event results want one.
        "image": image or _motif(slug),
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
        "image": image or _motif(slug),
        "slug": slug,
        "title": title,
        "lead": lead,
        "paragraphs": paragraphs,
        "days": days,
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
    "harbour": {
        "fi": "Purjeveneitä satamassa, taustalla kaupungin rakennuksia ja kirkontorni.",
        "sv": "Segelbåtar i hamnen med stadens byggnader och kyrktornet i bakgrunden.",
        "en": "Sailing boats in the harbour, the town and its church spire behind them.",
    },
    "market": {
        "fi": "Raidallisin katoksin varustettuja myyntikojuja kauppatorilla.",
        "sv": "Försäljningsstånd med randiga markiser på salutorget.",
        "en": "Market stalls with striped awnings on the market square.",
    },
    "park": {
        "fi": "Lehtipuita puistossa, taustalla metsää.",
        "sv": "Lövträd i en park med skog i bakgrunden.",
        "en": "Broadleaf trees in a park with forest behind them.",
    },
}
