"""A large deterministic corpus for benchmarks, spread over the five sites and fi/sv/en.

Page ``i`` is derived from ``Random(seed + i)`` alone, so a corpus of 5,000 pages grown to
10,000 is identical to one generated at 10,000 directly. Pages are created live, without
revision history, and searchable; they sit under a "Korpus" section of each site so that
they never mix with the hand-written demo content.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from cms.core.models import SiteProfile
from cms.events.models import EventIndexPage, EventPage
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.pages.models import ContentPage, SectionIndexPage
from records import HELSINKI

LANGUAGES = ("fi", "sv", "en")
# Fixed reference time so that the corpus does not depend on the day it is generated.
EPOCH = datetime(2026, 1, 1, 9, 0, tzinfo=HELSINKI)

# Vocabulary per language; split once at import.
_WORD_TEXT = {
    "fi": (
        "kaupunki asukas palvelu katu puisto kirjasto koulu päiväkoti järvi ranta liikenne "
        "pyörätie bussi asunto tontti kaava lupa ympäristö ilmasto energia lämpö vesi jäte "
        "kierrätys kulttuuri museo teatteri konsertti tapahtuma liikunta uimahalli latu "
        "yritys työpaikka neuvonta valtuusto hallitus päätös talous investointi korjaus "
        "terveys sosiaali nuoriso seniori perhe lapsi kesä talvi syksy kevät tori satama"
    ),
    "sv": (
        "stad invånare tjänst gata park bibliotek skola daghem sjö strand trafik cykelväg "
        "buss bostad tomt plan lov miljö klimat energi värme vatten avfall återvinning "
        "kultur museum teater konsert evenemang motion simhall skidspår företag arbetsplats "
        "rådgivning fullmäktige styrelse beslut ekonomi investering reparation hälsa social "
        "ungdom senior familj barn sommar vinter höst vår torg hamn"
    ),
    "en": (
        "city resident service street park library school daycare lake shore traffic cycleway "
        "bus home plot plan permit environment climate energy heating water waste recycling "
        "culture museum theatre concert event sport pool trail business job advice council "
        "board decision budget investment repair health social youth senior family child "
        "summer winter autumn spring market harbour"
    ),
}
WORDS = {lang: tuple(text.split()) for lang, text in _WORD_TEXT.items()}
CONTAINERS = {
    "section": ("korpus", {"fi": "Korpus", "sv": "Korpus", "en": "Corpus"}),
    "news": (
        "korpus-uutiset",
        {"fi": "Korpuksen uutiset", "sv": "Korpusnyheter", "en": "Corpus news"},
    ),
    "events": (
        "korpus-tapahtumat",
        {"fi": "Korpuksen tapahtumat", "sv": "Korpusevenemang", "en": "Corpus events"},
    ),
}


@dataclass
class CorpusContainers:
    """The three parents of corpus pages of one site, per language."""

    section: dict[str, Page]
    news: dict[str, Page]
    events: dict[str, Page]


def _sentence(rng: random.Random, lang: str, words: int) -> str:
    chosen = [rng.choice(WORDS[lang]) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def _container(parent: dict[str, Page], cls: type[Page], key: str) -> dict[str, Page]:
    slug, titles = CONTAINERS[key]
    result: dict[str, Page] = {}
    base = parent["fi"].get_children().filter(slug=slug).first()
    if base is None:
        base = cls(title=titles["fi"], slug=slug, locale=parent["fi"].locale)
        parent["fi"].add_child(instance=base)
        base.save_revision().publish()
    result["fi"] = base.specific
    for lang in LANGUAGES[1:]:
        page = base.get_translation_or_none(parent[lang].locale)
        if page is None:
            page = base.specific.copy_for_translation(parent[lang].locale)
            page.title = titles[lang]
            page.save()
            page.save_revision().publish()
        result[lang] = page.specific
    return result


def containers_ensure(profile: SiteProfile) -> CorpusContainers:
    home = profile.site.root_page
    homes = {
        lang: home if lang == "fi" else home.get_translation(Locale.objects.get(language_code=lang))
        for lang in LANGUAGES
    }
    section = _container(homes, SectionIndexPage, "section")
    return CorpusContainers(
        section=section,
        news=_container(section, NewsIndexPage, "news"),
        events=_container(section, EventIndexPage, "events"),
    )


def _page_for(index: int, lang: str, seed: int) -> tuple[str, Page]:
    """Page number ``index`` of the corpus in ``lang``; returns its container kind and page."""
    rng = random.Random(seed * 1_000_003 + index)
    kind = rng.choices(("content", "news", "event"), weights=(5, 3, 2))[0]
    # The same draws for every language keep translations parallel.
    title_rng = random.Random(rng.random())
    title = _sentence(random.Random(title_rng.random()), lang, 4).rstrip(".")
    lead = _sentence(random.Random(rng.random() + 1), lang, 14)
    paragraphs = [
        RichText(f"<p>{_sentence(random.Random(rng.random() + p), lang, 40)}</p>") for p in range(3)
    ]
    body = [("paragraph", text) for text in paragraphs]
    slug = f"{kind}-{index:06d}"
    common = {"title": f"{title} {index}", "slug": slug, "lead": lead, "live": True}
    if kind == "content":
        return "section", ContentPage(**common, body=body)
    when = EPOCH + timedelta(hours=rng.randrange(-24 * 365, 24 * 365))
    if kind == "news":
        return "news", NewsArticlePage(
            **common, date=when, resident_headline=common["title"][:120], body=body
        )
    return "events", EventPage(
        **common,
        start=when,
        end=when + timedelta(hours=rng.randint(1, 8)),
        venue_name="Kaupungintalo",
        organiser="Kaislahden kaupunki",
        is_free=True,
        body=body,
    )


def corpus_count() -> int:
    return Page.objects.filter(slug__regex=r"^(content|news|event)-[0-9]{6}$").count()


def corpus_generate(
    *, pages: int, seed: int = 2026, progress: Callable[[int], None] | None = None
) -> int:
    """Grow the corpus to ``pages`` pages (each language version counts as one page).

    Returns how many pages were created. Page ``i`` goes to site ``i % 5``.
    """
    profiles = list(SiteProfile.objects.select_related("site").order_by("key"))
    containers = [containers_ensure(profile) for profile in profiles]
    existing = corpus_count()
    created = 0
    now = timezone.now()
    for number in range(existing, pages):
        index, lang = divmod(number, len(LANGUAGES))
        language = LANGUAGES[lang]
        site_containers = containers[index % len(containers)]
        where, page = _page_for(index, language, seed)
        parent = getattr(site_containers, where)[language]
        page.locale = parent.locale
        page.first_published_at = page.last_published_at = now
        if lang:
            # Translations share the Finnish page's translation key.
            fi_page = (
                parent.get_translation(Locale.objects.get(language_code="fi"))
                .get_children()
                .get(slug=page.slug)
            )
            page.translation_key = fi_page.translation_key
        with transaction.atomic():
            parent.add_child(instance=page)
        created += 1
        if progress:
            progress(created)
    return created
