"""Residents' journeys in a real headless Chromium: navigation, language switch, events with
their calendar file, paginated news, keyboard use, the phone's menu, pictures, reflow, and
axe-core and HTML_CodeSniffer on every kind of page at three widths."""

import re

import pytest

from tests.a11y import axe_violations, htmlcs_errors
from tests.browsers import settle
from tests.pagetypes import page_types

# django_db: pytest-django creates the test database only for marked tests.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_main_navigation_and_breadcrumbs(built, page):
    page.goto(built.url("city"))
    page.get_by_role("navigation", name="Päävalikko").get_by_role("link", name="Palvelut").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Palvelut"
    page.get_by_role("link", name="Jätehuolto ja kierrätys").click()
    assert page.url == built.url("city", "/palvelut/jatehuolto/")
    crumbs = page.get_by_role("navigation", name="Murupolku")
    assert crumbs.get_by_role("link").all_inner_texts() == ["Kaislahden kaupunki", "Palvelut"]


def test_language_switch_keeps_the_reader_on_the_same_page(built, page):
    page.goto(built.url("city", "/palvelut/jatehuolto/"))
    page.get_by_role("link", name="På svenska").click()
    assert page.url == built.url("city", "/sv/tjanster/avfall-och-atervinning/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text() == "Avfall och återvinning"
    assert page.get_by_role("link", name="Hoppa till innehållet").count() == 1
    page.get_by_role("link", name="In English").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Waste and recycling"


def test_event_page_offers_its_calendar_file(built, page):
    page.goto(built.url("events", "/tapahtumat/talvijuoksu/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Kaislahden talvijuoksu"
    link = page.get_by_role("link", name="Lisää kalenteriin (iCalendar)")
    assert link.get_attribute("href") == "event.ics"
    # Fetched by the page itself: *.localhost resolves in Chromium, not in Playwright's Node.
    status, content_type, body = page.evaluate(
        """async (href) => {
            const response = await fetch(href);
            return [response.status, response.headers.get("content-type"), await response.text()];
        }""",
        link.get_attribute("href"),
    )
    assert status == 200 and content_type.startswith("text/calendar")
    assert "BEGIN:VEVENT" in body and "SUMMARY:Kaislahden talvijuoksu" in body


def test_events_site_aggregates_events_from_every_site(built, page):
    page.goto(built.url("events", "/tapahtumat/"))
    links = page.locator("main .card a").evaluate_all("links => links.map(a => a.href)")
    hosts = {re.match(r"http://(\w+)\.localhost", href).group(1) for href in links}
    assert {"events", "city", "tourism", "business"} <= hosts


def test_a_title_with_script_markup_neither_blanks_its_page_nor_breaks_its_json_ld(built, page):
    from .conftest import HOSTILE_TITLE

    page.goto(built.url("city", "/uutiset/vihamielinen/"))
    assert page.get_by_role("heading", level=1).inner_text() == HOSTILE_TITLE
    assert page.locator("main").is_visible()
    data = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )
    [article] = [node for node in data["@graph"] if node["@type"] == "NewsArticle"]
    assert article["headline"] == HOSTILE_TITLE
    [crumbs] = [node for node in data["@graph"] if node["@type"] == "BreadcrumbList"]
    assert crumbs["itemListElement"][-1]["name"] == HOSTILE_TITLE


def test_news_listing_paginates(built, page):
    page.goto(built.url("city", "/uutiset/"))
    assert page.get_by_text("Sivu 1 / 2").count() == 1
    assert page.locator("main .card").count() == 10
    page.get_by_role("link", name="Seuraava sivu").click()
    assert page.url == built.url("city", "/uutiset/sivu/2/")
    assert page.locator("main .card").count() >= 5
    page.get_by_role("link", name="Edellinen sivu").click()
    assert page.url == built.url("city", "/uutiset/")


def test_keyboard_users_can_skip_to_the_content(built, page):
    page.goto(built.url("tourism"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Siirry sisältöön"
    page.keyboard.press("Enter")
    # The fragment navigation is applied after the key event returns: on a
    # loaded machine page.url read at once can still be the old address.
    page.wait_for_url("**#content", timeout=5000)
    assert page.url.endswith("#content")


def pages_of_every_type(built) -> list[tuple[str, str]]:
    """(site, address) of one page of every type in every language of every site."""
    return [
        (site, path)
        for site, root in built.roots.items()
        for _kind, _lang, path in page_types(root)
    ]


# The phone's and the desktop's layout (768 px, between them, is held by the sideways
# scroll test and the visual references: CI time).
@pytest.mark.parametrize("width", [375, 1280])
def test_no_accessibility_errors_on_any_page_type_site_or_language(built, browser, width):
    """axe-core (WCAG 2.0-2.2 A and AA) and HTML_CodeSniffer as pa11y runs it (WCAG2AA
    errors) on one page of every kind, per site and language, at each width."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    failures = {}
    checked = pages_of_every_type(built)
    for site, path in checked:
        tab.goto(built.url(site, path))
        problems = axe_violations(tab) + htmlcs_errors(tab)
        if problems:
            failures[f"{site}{path}"] = problems
    context.close()
    assert len(checked) >= 5 * 3 * 7
    assert failures == {}


@pytest.mark.parametrize("script", [True, False], ids=["with JavaScript", "without"])
def test_on_a_phone_the_header_is_small_its_menu_opens_and_every_control_can_be_hit(
    built, browser, script
):
    """On a 375 px screen the header takes at most 120 px; the menu button opens the
    search, the languages and the main menu (no script needed); every control in it is at
    least 24 × 24 px (WCAG 2.2, 2.5.8)."""
    phone = {"width": 375, "height": 812}
    context = browser.new_context(viewport=phone, java_script_enabled=script)
    page = context.new_page()
    page.goto(built.url("city", "/palvelut/jatehuolto/"))
    header = page.locator(".site-header")
    assert header.bounding_box()["height"] <= 120
    menu = page.get_by_role("navigation", name="Päävalikko")
    assert not menu.is_visible()
    page.get_by_text("Valikko").click()
    assert menu.is_visible() and page.get_by_role("search").is_visible()
    controls = header.locator("a, button, input, summary")
    sizes = [box for i in range(controls.count()) if (box := controls.nth(i).bounding_box())]
    assert sizes and all(box["width"] >= 24 and box["height"] >= 24 for box in sizes), sizes
    if script:  # (the checkers run in the page) with the menu open
        assert axe_violations(page) + htmlcs_errors(page) == []
    menu.get_by_role("link", name="Uutiset").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Uutiset"
    context.close()


def test_on_a_wide_screen_the_menu_and_search_show_without_a_button(built, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(built.url("city"))
    assert page.get_by_role("navigation", name="Päävalikko").is_visible()
    assert page.get_by_role("search").is_visible()
    assert not page.get_by_text("Valikko").is_visible()


def test_every_picture_loads_including_cards_from_other_sites(built, page):
    """Behind nginx (its Content-Security-Policy included): every picture on the home
    pages and listings loads, a card from another site showing its picture from there."""
    cross_site = 0
    for site in built.roots:
        for path in ("/", "/tapahtumat/", "/components/"):
            if not (built.roots[site] / path.lstrip("/") / "index.html").exists():
                continue
            page.goto(built.url(site, path))
            settle(page)  # lazy pictures too
            pictures = page.locator("main img").evaluate_all(
                "imgs => imgs.map(i => [i.currentSrc, i.complete && i.naturalWidth > 0])"
            )
            assert pictures, f"{site}{path}"
            broken = [src for src, loaded in pictures if not loaded]
            assert broken == [], f"{site}{path}"
            cross_site += sum(1 for src, _ in pictures if f"//{site}." not in src)
    assert cross_site >= 5


def test_the_component_library_shows_every_component_on_every_site(built, page):
    for site in built.roots:
        page.goto(built.url(site, "/components/"))
        # A public page with its own address and description, not listed in the sitemap.
        assert page.locator("link[rel=canonical]").get_attribute("href").endswith("/components/")
        assert page.locator("meta[name=description]").count() == 1
        assert "/components/" not in (built.roots[site] / "sitemap.xml").read_text()
        headings = page.locator("main h2").all_inner_texts()
        for component in ("Pääkuva", "Taulukko", "Sivutus", "Tapahtumakortit", "Alatunniste"):
            assert component in headings, (site, headings)
        # Each example's HTML is shown as text beside it.
        assert page.locator(".library pre code").count() >= 12


@pytest.mark.parametrize("width", [320, 768])
def test_no_page_type_scrolls_sideways(built, browser, width):
    """Reflow (WCAG 1.4.10): at 320 px (what 1280 px at 400 % zoom is) and 768 px no page
    needs horizontal scrolling; a wide table scrolls inside its own box."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    wide = []
    for site, path in pages_of_every_type(built):
        tab.goto(built.url(site, path))
        if tab.evaluate("document.documentElement.scrollWidth") > width:
            wide.append(f"{site}{path}")
    context.close()
    assert wide == []


def test_a_printed_page_is_its_content(built, page):
    """Print styles: no menu, search or footer lists on paper; the text in black, and an
    external link's address written after it."""
    page.goto(built.url("city", "/palvelut/varhaiskasvatus/"))
    page.emulate_media(media="print")
    assert not page.locator(".site-menu").is_visible()
    assert not page.locator(".footer-info").is_visible()
    assert page.get_by_role("heading", level=1).is_visible()
    link = page.locator("main a[href^='http']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert "asiointi.kaislahti.example" in after
