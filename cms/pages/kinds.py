"""The kinds of the general pages: the home page of each site, sections and content pages."""

from typing import Any

from cms.core.records import content_demo, content_fields
from records import HOME, PAGE, ExportTools, HomeRecord, Kind

# What this app declares (its ``wagtail_hooks`` hands them to the registry).
KINDS: list[Kind] = []


def home_fields(page: Any, tools: ExportTools) -> dict:
    """A content page's fields and the editors' top tasks: each a page's id or an external
    address, and its link text. The sites' generator gives a page its title and address
    when it renders the home page, so that a renamed or moved page is never shown stale."""
    tasks = [
        {
            "page": value["page"].pk if value["page"] is not None else None,
            "url": value["url"] or "",
            "label": value["label"] or "",
        }
        for value in (child.value for child in page.top_tasks)
    ]
    return {**content_fields(page, tools), "top_tasks": tasks}


# The demo's home pages are made by the sites' sync, not from a spec.
KINDS.append(Kind("home", "pages.homepage", HOME, "home.html", home_fields, record=HomeRecord))
for name, model in (("section", "sectionindexpage"), ("content", "contentpage")):
    KINDS.append(
        Kind(
            name,
            f"pages.{model}",
            PAGE,
            f"{name}.html",
            content_fields,
            in_home=True,
            demo=content_demo,
        )
    )
