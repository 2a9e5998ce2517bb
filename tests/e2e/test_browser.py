"""Residents' journeys in a real headless Chromium: navigation, language switch, events with
their calendar file, paginated news, keyboard use, and axe-core on every kind of page."""

import re

import pytest

from tests.browsers import settle

# django_db: pytest-django creates the test database only for marked tests.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


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
    assert page.url.endswith("#content")


def pages_of_every_type(built) -> list[tuple[str, str]]:
    """One page of each kind, per site and language, found from the static JSON API."""
    import json

    wanted = []
    for site, root in built.roots.items():
        pages = json.loads((root / "api/v1/pages.json").read_text())["items"]
        seen = set()
        for item in pages:
            key = (item["kind"], item["lang"])
            if key not in seen and "korpus" not in item["url"]:
                seen.add(key)
                wanted.append((site, item["url"]))
        wanted.append((site, "/404.html"))
        wanted.append((site, "/components/"))
    return wanted


def test_no_accessibility_violations_on_any_page_type_site_or_language(built, page):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    failures = {}
    checked = pages_of_every_type(built)
    for site, path in checked:
        page.goto(built.url(site, path))
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        if result.violations_count:
            failures[f"{site}{path}"] = [v["id"] for v in result.response["violations"]]
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
    if script:  # (axe-core runs in the page)
        from axe_playwright_python.sync_playwright import Axe

        wcag22 = {"runOnly": {"type": "tag", "values": [*WCAG, "wcag22aa"]}}
        result = Axe().run(page, options=wcag22)
        assert result.response["violations"] == [], result.generate_report()
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
        assert page.locator("meta[name=robots]").get_attribute("content").startswith("noindex")
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
