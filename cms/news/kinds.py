"""The kinds of news: news articles and press releases, and the sections that list them."""

from django.utils.translation import gettext_lazy as _

from cms.core.records import content_fields
from records import ARTICLE, LISTING, ArticleRecord, ExportTools, Kind, iso, register


def article_fields(page, tools: ExportTools) -> dict:
    return {
        **content_fields(page, tools),
        "date": iso(page.date),
        "resident_headline": page.resident_headline,
        "media_headline": page.media_headline,
        "contacts": tools.stream(page.contacts),
    }


for name, model in (("news_index", "newsindexpage"), ("press_index", "pressreleaseindexpage")):
    register(
        Kind(name, f"news.{model}", LISTING, "article_index.html", content_fields, lists=ARTICLE)
    )
for name, model, label, press in (
    ("news", "newsarticlepage", _("News"), False),
    ("press", "pressreleasepage", _("Press release"), True),
):
    register(
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
        )
    )
