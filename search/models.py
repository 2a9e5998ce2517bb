"""The database backend's copy of the public search documents.

One row per live, public page, written only by the publishing pipeline from the export's
records (``search.documents.document``), so it can hold nothing the static sites do not
show. Wagtail's database search backend indexes the rows (SQLite FTS5, PostgreSQL full-text
search); the columns beside the indexed text are what a result shows and what filters use.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

from .highlight import fold


class SearchDocument(index.Indexed, models.Model):
    page_id = models.BigIntegerField(primary_key=True, verbose_name=_("page"))
    site = models.CharField(max_length=40, db_index=True, verbose_name=_("site"))
    site_name = models.CharField(max_length=255, verbose_name=_("site name"))
    lang = models.CharField(max_length=8, db_index=True, verbose_name=_("language"))
    type = models.CharField(max_length=20, db_index=True, verbose_name=_("content type"))
    url = models.CharField(max_length=2048, verbose_name=_("address"))
    full_url = models.CharField(max_length=2048, verbose_name=_("full address"))
    title = models.CharField(max_length=512, verbose_name=_("title"))
    lead = models.TextField(blank=True, verbose_name=_("lead"))
    text = models.TextField(blank=True, verbose_name=_("text"))
    date = models.CharField(max_length=40, blank=True, verbose_name=_("date"))
    # A hash of the whole document: `search_index check` compares these with the CMS.
    digest = models.CharField(max_length=64, verbose_name=_("digest"))

    # The indexed text is folded (lower case, no diacritics), as is every query: SQLite's
    # FTS5 tokenizer folds diacritics and PostgreSQL's does not, so without this
    # "paakirjasto" would find "Pääkirjasto" on one database and not on the other.
    search_fields = [
        index.SearchField("folded_title", boost=3),
        index.SearchField("folded_lead", boost=2),
        index.SearchField("folded_text"),
        index.FilterField("site"),
        index.FilterField("lang"),
        index.FilterField("type"),
    ]

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return self.title

    def folded_title(self) -> str:
        return fold(self.title)

    def folded_lead(self) -> str:
        return fold(self.lead)

    def folded_text(self) -> str:
        return fold(self.text)
