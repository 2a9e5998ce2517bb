"""Search across every city site in a real Chromium: the city site's search finds the
tourism site's pages through the merged Pagefind bundles, in Finnish and, with the language
filter, in Swedish; it works with the keyboard, passes axe, and says what to do without
JavaScript. Also records what one search downloads."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BUDGET = 300 * 1024


@pytest.fixture
def page(page):
    """The browser's console errors are part of a failure's explanation."""
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    return page


def result_links(page) -> list[str]:
    # Null-safe: the search page may still be loading (Enter on another page's search box
    # navigates to it), and a predicate that throws ends the wait instead of retrying.
    # A function, not an expression: the sites' CSP (from nginx) forbids eval.
    page.wait_for_function(
        "() => (document.getElementById('search-status')?.textContent || '')"
        ".match(/\\d|Ei tuloksia|Inga|Haku ei/)"
    )
    links = page.locator("#search-results li h2 a").evaluate_all("a => a.map(x => x.href)")
    assert links or "Ei tuloksia" in page.locator("#search-status").inner_text(), (
        page.locator("#search-status").inner_text(),
        page.console_errors,
    )
    return links


def test_city_search_finds_a_tourism_page_in_finnish(built, page):
    downloaded: list[int] = []
    page.on("requestfinished", lambda req: downloaded.append(req.sizes()["responseBodySize"]))
    page.goto(built.url("city"))
    downloaded.clear()  # what the search costs, not the home page
    page.get_by_role("searchbox", name="Hae kaupungin sivustoilta").fill("kävelykierros")
    page.keyboard.press("Enter")
    links = result_links(page)
    assert built.url("tourism", "/nahtavyydet/puu-kaislahti/") in links
    assert page.get_by_role("status").inner_text().endswith("tulos") or "tulosta" in (
        page.get_by_role("status").inner_text()
    )
    first = page.locator("#search-results li").first
    assert "Visit Kaislahti" in first.locator(".meta").inner_text()
    assert first.locator("mark").count() >= 1, "the matched word is highlighted"
    total = sum(size for size in downloaded if size > 0)
    print(f"one search downloaded {total / 1024:.1f} KB in {len(downloaded)} requests")
    assert total < BUDGET


def test_language_filter_finds_the_swedish_variant(built, page):
    page.goto(built.url("city", "/haku/"))
    page.get_by_label("Hakusanat").fill("promenad trähusen")
    page.get_by_role("combobox", name="Kieli").select_option("sv")
    page.get_by_role("button", name="Hae", exact=True).click()
    links = result_links(page)
    assert built.url("tourism", "/sv/sevardheter/tra-vassvik/") in links
    assert not any("/sv/" not in link for link in links), "only Swedish pages"
    assert page.locator("#search-results li").first.get_attribute("lang") == "sv"
    # The page itself stays Finnish; the filter is kept in the form and the address.
    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.get_by_role("combobox", name="Kieli").input_value() == "sv"
    assert "lang=sv" in page.url


def test_site_and_type_filters_narrow_the_results(built, page):
    page.goto(built.url("city", "/haku/?q=risteily&site=tourism&type=news"))
    links = result_links(page)
    assert links and all(link.startswith(built.url("tourism")) for link in links)
    assert built.url("tourism", "/uutiset/risteilykausi-alkaa/") in links
    page.goto(built.url("city", "/haku/?q=risteily&site=city"))
    assert not any(link.startswith(built.url("tourism")) for link in result_links(page))


def test_search_works_with_the_keyboard_and_passes_axe(built, page):
    page.goto(built.url("city", "/haku/?q=kirjasto"))
    result_links(page)
    more = page.get_by_role("button", name="Näytä lisää tuloksia")
    if more.is_visible():
        more.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.closest('#search-results') !== null")
    page.get_by_label("Hakusanat").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Hae"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "search-lang"
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert result.response["violations"] == [], result.generate_report()


def test_without_javascript_the_search_page_says_so(built, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(built.url("city", "/sv/sok/?q=bibliotek"))
    assert page.locator("noscript").count() == 1
    assert "JavaScript" in page.locator("noscript").inner_text()
    context.close()
