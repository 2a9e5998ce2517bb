"""One page that cannot be rendered stops nothing else: through the worker's queue, the
page is left out of its site (never its earlier version kept live in its place), every
other change goes live, the admin shows the error on the page, its last editor gets one
e-mail however often the build runs again, and a full build leaves out the same page; once
the page renders again, it is back and the problem is gone."""

from __future__ import annotations

import gzip
import re

import pytest

from django.core import mail

from wagtail.models import Page

from cms.news.models import NewsArticlePage
from cms.pages.models import ContentPage
from publisher.builds.full import publish_full
from publisher.models import PageProblem, PublishRequest
from publisher.release import folders as release
from publisher.render.outputs import pages as page_outputs
from publisher.worker.queue import process_pending
from tests import factories
from tests.publisher.test_incremental import tree

# Builds through the queue, bound by rendering: once, on SQLite.
pytestmark = pytest.mark.slow


def _html(page: ContentPage) -> str | None:
    path = release.current("city") / page.url_path.removeprefix("/city/") / "index.html"
    return path.read_text() if path.exists() else None


def _failing(monkeypatch, page_id: int, why: str):
    """Page ``page_id`` cannot be rendered from now on; returns the real renderer."""
    original = page_outputs.page_outputs

    def failing(g, record):
        if record["id"] == page_id:
            raise ValueError(why)
        original(g, record)

    monkeypatch.setattr(page_outputs, "page_outputs", failing)
    return original


def test_a_page_that_cannot_be_rendered_is_left_out_and_its_editor_told(
    city_content, monkeypatch, client
):
    city = Page.objects.get(slug="city")
    broken, other = ContentPage.objects.live().descendant_of(city).order_by("path")[:2]
    publish_full()
    PublishRequest.objects.all().delete()
    assert _html(broken) is not None
    editor = factories.UserFactory(email="toimittaja@kaislahti.example", is_superuser=True)
    original = _failing(monkeypatch, broken.pk, "rikkinäinen sivu")
    broken.title = "Rikkinäinen versio"
    broken.save_revision(user=editor).publish()
    other.title = "Toinen sivu muokattu"
    other.save_revision().publish()
    assert process_pending().ok
    assert "Toinen sivu muokattu" in _html(other)
    assert _html(broken) is None  # left out, not its earlier version
    [problem] = PageProblem.objects.all()
    assert problem.page_id == broken.pk and "rikkinäinen sivu" in problem.error
    [alert] = mail.outbox
    assert alert.to == [editor.email] and "Rikkinäinen versio" in alert.subject

    # Built again (another edit, and a full build): still left out, no second e-mail.
    other.save_revision().publish()
    assert process_pending().ok
    publish_full()
    assert _html(broken) is None and "Toinen sivu muokattu" in _html(other)
    assert len(mail.outbox) == 1

    client.force_login(editor)
    shown = client.get(f"/admin/pages/{broken.pk}/edit/", follow=True).content.decode()
    assert "rikkinäinen sivu" in shown

    monkeypatch.setattr(page_outputs, "page_outputs", original)
    broken.save_revision(user=editor).publish()
    assert process_pending().ok
    assert "Rikkinäinen versio" in _html(broken)
    assert not PageProblem.objects.exists()


def test_a_page_at_the_publishers_own_address_is_left_out(city_content):
    """A copy, a move or a bulk publish does not pass the page form's slug check: the
    build leaves the page out, in full and incremental builds alike, and says why."""
    city = Page.objects.get(slug="city")
    publish_full()
    PublishRequest.objects.all().delete()
    swedish_home = (release.current("city") / "sv" / "index.html").read_text()
    taken = factories.ContentPageFactory(parent=city, slug="sv", title="Kaappaus")
    taken.save_revision().publish()
    assert process_pending().ok
    assert (release.current("city") / "sv" / "index.html").read_text() == swedish_home
    error = PageProblem.objects.get(page_id=taken.pk).error
    # In the admin's language, without the code's own names.
    assert "on sivuston oma osoite" in error and "AddressTaken" not in error
    publish_full()
    assert (release.current("city") / "sv" / "index.html").read_text() == swedish_home


def test_a_page_whose_address_no_folder_can_have_is_left_out_at_once(city_content):
    """A slug of 400 bytes (200 × ä: an import, an older revision) cannot be a folder's
    name: the first build after its publish leaves that page out, the rest goes live."""
    city = Page.objects.get(slug="city")
    publish_full()
    PublishRequest.objects.all().delete()
    long = factories.ContentPageFactory(parent=city, slug="ä" * 200, title="Pitkä osoite")
    long.save_revision().publish()
    other = ContentPage.objects.live().child_of(city).exclude(pk=long.pk).first()
    other.title = "Toinen muutos samalla kertaa"
    other.save_revision().publish()
    assert process_pending().ok
    assert "Toinen muutos samalla kertaa" in (_html(other) or "")
    assert PageProblem.objects.filter(page_id=long.pk).exists()


def _mentions(needle: bytes) -> list[str]:
    """The files of every live site that hold ``needle`` (read through gzip: Pagefind's)."""
    found = []
    for site in ("city", "tourism", "business", "events", "climate"):
        if release.current(site) is None:
            continue
        for path, data in tree(site).items():
            if data.startswith(b"\x1f\x8b"):
                data = gzip.decompress(data)
            if needle in data:
                found.append(f"{site}/{path}")
    return found


def test_a_page_left_out_is_in_no_listing_feed_sitemap_api_or_search(
    city_content, monkeypatch, client
):
    """Left out of everything, as if it were not published: no home page, listing, feed,
    sitemap, API, search bundle or server index points to an address with no page, and a
    full build of the same content makes the very same files."""
    news = NewsArticlePage.objects.live().filter(url_path__startswith="/city/").first()
    news.slug, news.title = "rikki-uutinen", "Rikkiuutinen ennen"
    news.save_revision().publish()
    publish_full()
    PublishRequest.objects.all().delete()
    assert _mentions(b"rikki-uutinen")  # (on the home page, the listing, the sitemap…)
    _failing(monkeypatch, news.pk, "rikkinäinen uutinen")
    news.title = "Rikkiuutinen jälkeen"
    news.save_revision().publish()
    assert process_pending().ok
    assert not (m := _mentions(b"rikki-uutinen")), m
    assert _mentions(b"Rikkiuutinen") == []
    found = client.get("/api/search", {"q": "Rikkiuutinen"}).json()
    assert found["count"] == 0, found
    assert PageProblem.objects.filter(page_id=news.pk).exists()
    incremental = {site: tree(site) for site in ("city", "events")}

    publish_full()
    assert {site: tree(site) for site in ("city", "events")} == incremental
    assert client.get("/api/search", {"q": "Rikkiuutinen"}).json()["count"] == 0
    assert PageProblem.objects.filter(page_id=news.pk).exists()


def test_an_image_no_rendition_can_be_made_of_stops_no_build(city_content):
    """An image stored before uploads were made renderable (a 16-bit greyscale PNG on
    disk): the page goes live without it, and the full build succeeds for every site."""
    import io

    from PIL import Image

    city = Page.objects.get(slug="city").specific
    image = factories.ImageFactory(title="Vanha kartta")
    out = io.BytesIO()
    Image.new("I;16", (1600, 1000)).save(out, "PNG")
    with open(image.file.path, "wb") as stored:  # (as an older version left it)
        stored.write(out.getvalue())
    city.hero_image, city.hero_alt = image, "Vanha kartta"
    city.save_revision().publish()
    result = publish_full()
    assert result.ok, [site.error for site in result.sites]
    home = (release.current("city") / "index.html").read_text()
    assert "Vanha kartta" not in home


def test_a_page_whose_whole_address_is_too_long_is_left_out_and_the_rest_goes_live(
    city_content,
):
    """Eight sections of 250-byte slugs, each accepted on its own: the deepest whole
    addresses, which no sitemap (and at sixteen, no file system) takes, are left out
    (refused in the form too), and the same build's other change goes live; a full build
    agrees."""
    from publisher.reserved import taken

    city = Page.objects.get(slug="city")
    publish_full()
    PublishRequest.objects.all().delete()
    parent, made = city, []
    for level in range(8):
        parent = factories.ContentPageFactory(parent=parent, slug=f"{level}" + "o" * 249)
        parent.save_revision().publish()
        made.append(parent)
    other = ContentPage.objects.live().child_of(city).exclude(pk=made[0].pk).first()
    other.title = "Muutos syvien osioiden rinnalla"
    other.save_revision().publish()
    assert process_pending().ok
    assert "Muutos syvien osioiden rinnalla" in (_html(other) or "")
    assert _html(made[0]) is not None
    deep = made[-1]
    assert _html(deep) is None
    assert "pidempi kuin verkko-osoite" in PageProblem.objects.get(page_id=deep.pk).error
    sitemap = (release.current("city") / "sitemap.xml").read_text()
    assert all(len(loc) <= 2048 for loc in re.findall(r"<loc>(.*?)</loc>", sitemap))
    assert taken("city", deep.url_path.removeprefix("/city"), None)
    assert publish_full().ok and _html(deep) is None


@pytest.mark.parametrize("leaves", ["unpublished", "deleted"])
def test_a_link_to_a_page_that_left_goes_in_the_next_build(city_content, leaves):
    """Page Y links to page X in its text. X is unpublished, or deleted (whose links
    Wagtail's reference index forgets with it): the next (incremental) build drops the
    link from Y, as a full build does, instead of keeping a link to 410. X published
    again: the link is back at once."""
    from tests.factories import paragraph_body

    city = Page.objects.get(slug="city")
    target = factories.ContentPageFactory(parent=city, slug="linkin-kohde", title="Kohde")
    target.save_revision().publish()
    text = f'Katso <a linktype="page" id="{target.pk}">kohdesivu</a>.'
    source = factories.ContentPageFactory(
        parent=city, slug="linkin-lahde", body=paragraph_body(text)
    )
    source.save_revision().publish()
    publish_full()
    PublishRequest.objects.all().delete()
    assert 'href="/linkin-kohde/"' in _html(source)
    target.unpublish() if leaves == "unpublished" else target.delete()
    assert process_pending().ok
    assert "linkin-kohde" not in _html(source) and "kohdesivu" in _html(source)
    incremental = tree("city")
    publish_full()
    assert tree("city") == incremental
    if leaves == "unpublished":
        target.save_revision().publish()
        assert process_pending().ok
        assert 'href="/linkin-kohde/"' in _html(source)


def test_a_problem_shown_to_editors_names_no_server_folder(settings, tmp_path):
    """The error an editor reads on the page names the sites' folder, not where the
    server keeps it (an OSError quoted its full path)."""
    from publisher.builds.problems import _shown

    settings.OUTPUT_DIR = tmp_path / "output"
    error = f"OSError: [Errno 36] File name too long: '{tmp_path}/output/city/releases/x/a'"
    assert _shown(error) == "OSError: [Errno 36] File name too long: '<sites>/city/releases/x/a'"
