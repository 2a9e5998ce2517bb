"""The test app's kinds: a bulletin is an article (listed, fed, dated), a bulletin board
a listing of articles; the bulletin's page has a template of the app's own."""

from pathlib import Path

from records import ARTICLE, LISTING, ArticleRecord, ExportTools, Kind, iso

# What this app declares (its ``wagtail_hooks`` hands them to the registry).
KINDS: list[Kind] = []


def board_fields(page, tools: ExportTools) -> dict:
    return {"body": "", "image": None}


def bulletin_fields(page, tools: ExportTools) -> dict:
    return {
        "body": tools.rich(page.text),
        "image": None,
        "date": iso(page.posted),
        "resident_headline": page.notice_board,
        "media_headline": "",
        "contacts": "",
    }


KINDS.append(
    Kind(
        "bulletin_board",
        "kindapp.bulletinboardpage",
        LISTING,
        "article_index.html",
        board_fields,
        lists=ARTICLE,
    )
)
KINDS.append(
    Kind(
        "bulletin",
        "kindapp.bulletinpage",
        ARTICLE,
        "bulletin.html",
        bulletin_fields,
        record=ArticleRecord,
        templates=Path(__file__).parent / "templates",
        dated_by="date",
        search_type="bulletin",
        search_label="Bulletin",
        search_fields=("resident_headline",),
        api_fields=("date",),
        api_sources={"date": "posted"},
    )
)
