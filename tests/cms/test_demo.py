"""``load_demo`` and ``generate_corpus``: realistic content on every site in every language."""

import pytest

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from wagtail.images.models import Image
from wagtail.models import Page

from cms.core.models import SiteProfile
from cms.demo.corpus import _page_for, corpus_count
from cms.demo.services import DEMO_PASSWORD, demo_load
from cms.events.models import EventPage
from cms.news.models import NewsArticlePage, PressReleasePage
from cms.pages.models import ContentPage

pytestmark = pytest.mark.django_db


# Once, on SQLite: loading all five sites is the slowest test on PostgreSQL (a minute of
# CI), and the demo loader's queries are the same for every site: the PostgreSQL pass
# loads the city's demo for its own tests (tests/demo.py).
@pytest.mark.slow
def test_demo_fills_every_site_in_every_language(db):
    assert demo_load() > 100
    for profile in SiteProfile.objects.select_related("site"):
        home = profile.site.root_page
        for translation in home.get_translations(inclusive=True):
            lang = translation.locale.language_code
            pages = Page.objects.descendant_of(translation).live().specific()
            kinds = {type(page) for page in pages}
            assert len(pages) >= 4, (profile.key, lang)
            assert EventPage in kinds, (profile.key, lang)
            assert NewsArticlePage in kinds, (profile.key, lang)
            assert all(page.locale.language_code == lang for page in pages)
    # Translations are linked as Wagtail translations, not separate pages.
    waste = ContentPage.objects.get(slug="jatehuolto", locale__language_code="fi")
    titles = {p.locale.language_code: p.title for p in waste.get_translations(inclusive=True)}
    assert titles == {
        "fi": "Jätehuolto ja kierrätys",
        "sv": "Avfall och återvinning",
        "en": "Waste and recycling",
    }
    assert PressReleasePage.objects.filter(live=True).count() == 3 * 3


# The city's demo (every page type), as the session holds it for every test that builds
# from it; loading all five sites is slow on PostgreSQL, so only the test about every site
# does that.
def test_demo_images_are_real_files_with_alt_text(city_content):
    images = Image.objects.all()
    assert images.count() >= 6  # the city's scenes, and its wider hero
    for image in images:
        # A hero is a banner (about 2.6:1); every other picture 16:9.
        hero = image.title.endswith("-hero")
        assert (image.width, image.height) == ((2000, 760) if hero else (1600, 900))
        with image.open_file() as handle:
            assert handle.read(3) == b"\xff\xd8\xff"  # JPEG
    home = SiteProfile.objects.get(key="city").site.root_page.specific
    assert home.hero_image.title.endswith("-hero") and home.hero_alt
    # Its top tasks, in each language the translations of the pages chosen (the notices
    # are in Finnish and Swedish only).
    counts = {}
    for page in [home, *home.get_translations()]:
        tasks = [child.value["page"] for child in page.specific.top_tasks]
        assert {task.locale_id for task in tasks} == {page.locale_id}
        counts[page.locale.language_code] = len(tasks)
    assert counts == {"fi": 6, "sv": 6, "en": 5}


def test_demo_is_idempotent(city_content):
    pages = Page.objects.count()
    assert pages > 40
    assert demo_load(sites=["city"]) == 0
    assert Page.objects.count() == pages


def test_demo_leaves_what_editors_renamed_or_deleted(city_content):
    """``bin/run`` loads the demo at every start: a section an editor renamed (in Finnish
    and in Swedish) or deleted is not made again beside it, and nothing fails."""
    home = SiteProfile.objects.get(key="city").site.root_page
    renamed, deleted = home.get_children().live().specific()[:2]
    for page in [renamed, *renamed.get_translations().specific()]:
        page.slug = f"{page.slug}-uusi"
        page.save_revision().publish()
    deleted.delete()
    pages = Page.objects.count()
    assert demo_load(sites=["city"]) == 0
    assert Page.objects.count() == pages


def test_demo_users_log_in_and_admin_renders_every_page_type(city_content, client):
    # As the login form does: with the request (the login throttle reads its address).
    request = RequestFactory().post("/admin/login/")
    admin = authenticate(request, username="admin", password=DEMO_PASSWORD)
    assert admin.is_superuser
    editor = authenticate(request, username="editor-tourism", password=DEMO_PASSWORD)
    assert editor is not None and not editor.is_superuser
    client.force_login(admin)
    seen = set()
    for page in Page.objects.filter(depth__gt=1).specific():
        if type(page) in seen:
            continue
        seen.add(type(page))
        response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200, type(page).__name__
    assert len(seen) == 11  # with the notices section and notice pages


@pytest.mark.slow  # pages made from a seed, the same on any database: once, on SQLite
def test_corpus_is_spread_deterministic_and_grows(db):
    call_command("sync_sites")
    call_command("generate_corpus", "--pages", "30")
    assert corpus_count() == 30
    corpus = Page.objects.filter(slug__regex=r"^(content|news|event)-[0-9]{6}$")
    languages = set(corpus.values_list("locale__language_code", flat=True))
    assert languages == {"fi", "sv", "en"}
    sites = {page.get_site().hostname for page in corpus}
    assert len(sites) == 5
    # A translation set shares its translation key and differs only in language.
    first = corpus.filter(slug=corpus.first().slug)
    assert first.count() == 3 and len({p.translation_key for p in first}) == 1
    # Growing adds only the missing pages, and a corpus grown in steps is the corpus made
    # at once: the same pages, in the same places, with the same words.
    call_command("generate_corpus", "--pages", "30")
    assert corpus_count() == 30
    call_command("generate_corpus", "--pages", "36")
    assert corpus_count() == 36

    def made() -> list[tuple]:
        pages = corpus.specific().select_related("locale")
        return sorted(
            (p.slug, p.locale.language_code, p.title, type(p).__name__, p.get_parent().slug)
            for p in pages
        )

    grown = made()
    corpus.delete()
    assert corpus_count() == 0
    call_command("generate_corpus", "--pages", "36")
    assert made() == grown
    # Another seed makes other words.
    assert _page_for(7, "sv", 2026)[1].title != _page_for(7, "sv", 2027)[1].title
