"""The kinds of news: news articles and press releases, and the sections that list them."""

from django.utils.translation import gettext_lazy as _

from cms.core.records import content_fields, no_demo_fields
from records import ARTICLE, LISTING, ArticleRecord, DemoTools, ExportTools, Kind, iso

# What this app declares (its ``wagtail_hooks`` hands them to the registry).
KINDS: list[Kind] = []


def article_fields(page, tools: ExportTools) -> dict:
    return {
        **content_fields(page, tools),
        "date": iso(page.date),
        "resident_headline": page.resident_headline,
        "media_headline": page.media_headline,
        "contacts": tools.stream(page.contacts),
    }


def article_demo(spec: dict, lang: str, tools: DemoTools) -> dict:
    contact = spec.get("contact")
    return {
        "body": tools.body(spec, lang),
        "resident_headline": spec["title"][lang],
        "media_headline": (spec.get("media_headline") or {}).get(lang, ""),
        "date": tools.moment(spec["days"], 9),
        "contacts": [("contact", tools.contact(contact))] if contact else [],
    }


for name, model in (("news_index", "newsindexpage"), ("press_index", "pressreleaseindexpage")):
    KINDS.append(
        Kind(
            name,
            f"news.{model}",
            LISTING,
            "article_index.html",
            content_fields,
            lists=ARTICLE,
            demo=no_demo_fields,
        )
    )
for name, model, label, press in (
    ("news", "newsarticlepage", _("News"), False),
    ("press", "pressreleasepage", _("Press release"), True),
):
    KINDS.append(
        Kind(
            name,
            f"news.{model}",
            ARTICLE,
            "article.html",
            article_fields,
            record=ArticleRecord,
            dated_by="date",
            search_type=name,
            search_label=label,
            search_fields=("resident_headline",),
            api_fields=("date",),
            api={"press_release": press},
            demo=article_demo,
        )
    )
