"""The built demo, every site, through the outside validators of ``tests.validators``:
Atom (RFC 4287 and the W3C validator's warnings), iCalendar (``icalendar``, ``vobject``,
one UID per event across sites), sitemaps (the sitemaps.org schema, reciprocal hreflang
with x-default), structured data (``extruct``, per schema.org type) and the old
addresses' targets. Errors and warnings alike must be none."""

from __future__ import annotations

import pytest

from django.utils import timezone

from tests.validators import atom, calendars, sitemaps, structured

pytestmark = pytest.mark.django_db


def test_feeds_pass_the_atom_rules(built):
    assert sum(len(atom.feeds(root)) for root in built.roots.values()) > 40
    assert [str(f) for f in atom.validate(built.roots, timezone.now())] == []


def test_calendars_parse_validate_and_give_each_event_one_uid(built):
    assert sum(len(calendars.calendars(root)) for root in built.roots.values()) > 30
    assert [str(f) for f in calendars.validate(built.roots)] == []


def test_sitemaps_match_the_schema_and_hreflang_sets_are_reciprocal(built):
    assert [str(f) for f in sitemaps.validate(built.roots, timezone.now().date())] == []


def test_every_page_carries_the_structured_data_of_its_type(built):
    assert [str(f) for f in structured.validate(built.roots)] == []


def test_every_redirect_target_is_a_built_page(built):
    for site, root in built.roots.items():
        mapped = (root / ".nginx/redirects.map").read_text().splitlines()
        for line in mapped:
            target = line.split('" "')[1].removesuffix('";')
            if "://" in target:
                host, path = target.split("://", 1)[1].split("/", 1)
                site, path = host.split(".")[0], "/" + path
            else:
                path = target
            assert (built.roots[site] / path.lstrip("/") / "index.html").is_file(), line


def test_every_sitemap_address_answers_200_behind_nginx(built):
    from lxml import etree

    from tests.nginx import fetch

    checked = 0
    for site, root in built.roots.items():
        locations = etree.parse(str(root / "sitemap.xml")).getroot().iter(f"{sitemaps.SM}loc")
        for loc in locations:
            path = "/" + loc.text.split("/", 3)[3]
            status, _headers, _body = fetch(built.port, f"{site}.localhost", path)
            assert status == 200, loc.text
            checked += 1
    assert checked > 150  # every indexable page of the five sites
