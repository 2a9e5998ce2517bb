"""The kinds of the general pages: the home page of each site, sections and content pages."""

from cms.core.records import content_demo, content_fields
from records import HOME, PAGE, Kind, register

# The demo's home pages are made by the sites' sync, not from a spec.
register(Kind("home", "pages.homepage", HOME, "home.html", content_fields))
for name, model in (("section", "sectionindexpage"), ("content", "contentpage")):
    register(
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
