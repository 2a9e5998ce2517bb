"""The kinds of the general pages: the home page of each site, sections and content pages."""

from cms.core.records import content_fields
from records import HOME, PAGE, Kind, register

register(Kind("home", "pages.homepage", HOME, "home.html", content_fields))
register(
    Kind("section", "pages.sectionindexpage", PAGE, "section.html", content_fields, in_home=True)
)
register(Kind("content", "pages.contentpage", PAGE, "content.html", content_fields, in_home=True))
