"""The component library page (``components/``): every component of the design system
(``themes/base``) as this site shows it, with its HTML and its states, made from the
site's own records where it has them. Built with every site, so editors and developers
see the components in the site's colours (like the design-system sites of HDS and GOV.UK,
a public page; not in the sitemap or the menus)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext

from wagtail.rich_text import RichText

from records import ARTICLE, EVENT, NOTICE, kinds_with

from ...export.blocks_html import BlockRenderer
from .owned import LIBRARY_URL
from .site_files import SITE, site_page

if TYPE_CHECKING:
    from .common import SiteOutputs

URL = LIBRARY_URL


def _first(g: SiteOutputs, kinds: set[str], lang: str, **match) -> dict | None:
    for kind in sorted(kinds):
        for record in g.index.by_kind.get((kind, lang), ()):
            if all(record.get(key) == value for key, value in match.items()):
                return record
    return None


def _blocks() -> dict[str, str]:
    """The body blocks' HTML as pages get it (``blocks_html``), with example content."""
    renderer = BlockRenderer(
        rich=lambda html: html,
        picture=lambda image, alt: None,
        link=lambda page_id: None,
        document=lambda document: None,
        labels={"phone": gettext("Phone"), "email": gettext("E-mail")},
    )
    answer = RichText("<p>" + gettext("The answer, in a paragraph or two.") + "</p>")
    return {
        "accordion": renderer.render_accordion(
            {
                "heading": "",
                "items": [
                    {"title": gettext("A question residents ask"), "content": answer},
                    {"title": gettext("Another question"), "content": answer},
                ],
            }
        ),
        "cta": renderer.render_call_to_action(
            {
                "text": gettext("One clear action, after the text that explains it."),
                "label": gettext("Apply now"),
                "page": None,
                "url": "https://asiointi.example/",
            }
        ),
        "contact": renderer.render_contact(
            {
                "name": gettext("Contact person"),
                "job_title": gettext("Job title"),
                "organisation": "",
                "phone": "+358 29 123 4000",
                "email": "kirjaamo@example.fi",
                "address": "",
            }
        ),
    }


def component_library(g: SiteOutputs) -> None:
    lang = g.site.languages[0]
    home = g.home(lang)
    article = _first(g, kinds_with(role=ARTICLE), lang)
    event = _first(g, kinds_with(role=EVENT), lang)
    notices = [
        found
        for ended in (False, True)
        if (found := _first(g, kinds_with(role=NOTICE), lang, ended=ended)) is not None
    ]
    record = site_page(
        home,
        "components",
        gettext("Components"),
        g.site.base_url,
        URL,
        description=gettext(
            "The building blocks of the city's websites, in this site's colours: what each "
            "is for, how it looks and its HTML."
        ),
        translations={},
    )
    other = next((key for key in g.export.sites if key != g.site.key), None)
    context = g.page_context(
        record,
        alternates=[],
        article=article,
        event=event,
        notice_examples=notices,
        hero_image=home.get("image"),
        other_site=g.export.sites[other].names.get(lang, other) if other else "",
        blocks=_blocks(),
        example_pagination={"number": 2, "pages": 3, "previous": URL, "next": URL},
        example_alerts=[
            {
                "level": "danger",
                "title": gettext("Boil your tap water"),
                "text": gettext("An alert names the danger, who it concerns and what to do."),
            }
        ],
    )
    g.render("components.html", g.out(URL), context, owner=SITE)
