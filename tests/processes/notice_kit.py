"""What the notice case tests (``test_notice_cases.py``) plant and look for: the notice
types and cases, the script that sets them up in the running platform, the identity codes
and how they are written, and where in the platform's files and addresses a text is."""

from __future__ import annotations

import gzip
import random

from .conftest import Platform

TYPES = ["decision", "zoning_plan", "environmental_permit", "building_permit", "minutes"]
CASES = [
    "plain",
    "deleted",
    "section deleted",
    "withdrawn",
    "moved",
    "copied",
    "translated",
    "linked",
    "title",
    "code",
]

# SPEC: a JSON list of [token, notice type, case, identity code]. Makes each notice as an
# officer would have (from code where the admin now refuses it: a title naming the person,
# a link to the attachment from another page; a code in a personal field as an import from
# before the check wrote it), applies its case, lets the worker build, and prints every
# page to end and where each was and is now on the static sites. Every attachment's file
# holds its code.
SETUP = """
import json
from django.utils import timezone
from wagtail.models import Locale, Revision
from wagtail.rich_text import RichText
from cms.core.models import SiteProfile
from cms.notices.models import NoticeAttachment, NoticeIndexPage, NoticePage
from publisher.export.exporter import Exporter
from publisher.worker.queue import request_publish
from tests.factories import (
    ContentPageFactory, DocumentFactory, NoticeIndexPageFactory, NoticePageFactory,
    SectionIndexPageFactory,
)

def home(key):
    return SiteProfile.objects.get(key=key).site.root_page.specific

def section_on(key, slug):
    found = NoticeIndexPage.objects.child_of(home(key)).filter(slug=slug).first()
    if found is None:
        found = NoticeIndexPageFactory(parent=home(key), slug=slug, title="Ilmoitukset")
        found.save_revision().publish()
    return found

def where(page):
    exporter = Exporter()
    exporter.locate_homes()  # the site homes only: locate needs nothing more
    located = exporter.locate(page)
    return [located.site, located.path] if located else None

city = NoticeIndexPage.objects.get(slug="kuulutukset")
made = {}
for token, kind, case, code in json.loads('SPEC'):
    document = DocumentFactory(
        title="Naapurikuuleminen " + token,
        file__filename="kuuleminen-" + token.lower() + ".txt",
        file__data=("Asianosainen " + token + " " + code).encode(),
    )
    parent = section_on("business", "poistuvat") if case == "section deleted" else city
    fields = {}
    if case == "title":
        fields["title"] = "Poikkeamispäätös, " + token + " Naapuri"
        fields["slug"] = "poikkeamispaatos-" + token.lower()
    page = NoticePageFactory(
        parent=parent,
        slug=fields.pop("slug", "kuulutus-" + token[::-1].lower()),
        notice_type=kind,
        display_from=timezone.now().replace(microsecond=0),
        body='<p>Hakija <span class="personal-data">' + token + ' Hakija</span>.</p>',
        persons_concerned=token + " Naapuri",
        contact_name=token + " Yhteyshenkilo",
        contact_email=token.lower() + "@kaislahti.example",
        **fields,
    )
    NoticeAttachment.objects.create(page=page, document=document, personal=True)
    page = NoticePage.objects.get(pk=page.pk)
    page.save_revision(clean=case not in ("title", "code")).publish()
    files = ["/documents/%s/%s" % (document.pk, document.filename)]
    if case == "code":
        # Written before the check existed (an import): the model's save refuses it now.
        persons = token + " Naapuri, " + code
        NoticePage.objects.filter(pk=page.pk).update(persons_concerned=persons)
        revision = page.latest_revision
        revision.content["persons_concerned"] = persons
        Revision.objects.filter(pk=revision.pk).update(content=revision.content)
        request_publish(reason="import", page_ids=[page.pk])
    before = where(page)
    ends = [page.pk]
    if case == "deleted":
        page.delete()
    elif case == "section deleted":
        section_on("business", "poistuvat").delete()
    elif case == "withdrawn":
        page.unpublish()
    elif case == "moved":
        page.move(section_on("tourism", "ilmoitukset"), pos="last-child")
    elif case == "copied":
        copy = page.copy(update_attrs={"slug": "kopio-" + str(page.pk)}, keep_live=True)
        ends.append(copy.pk)
    elif case == "translated":
        swedish = page.copy_for_translation(Locale.objects.get(language_code="sv"))
        swedish.save_revision().publish()
        ends.append(swedish.pk)
    elif case == "linked":
        services = SectionIndexPageFactory(parent=home("city"), slug="asuminen-" + str(page.pk))
        services.save_revision().publish()
        link = '<p>Katso <a linktype="document" id="%s">kuuleminen</a>.</p>' % document.pk
        linking = ContentPageFactory(
            parent=services,
            slug="naapurit",
            body=[("paragraph", RichText(link)), ("document", {"document": document})],
        )
        linking.save_revision(clean=False).publish()
        ends_linking = where(linking)
    live = [NoticePage.objects.filter(pk=pk).first() for pk in ends]
    made[token] = {
        "ends": ends,
        "files": files,
        "addresses": [before] + [where(p) for p in live if p is not None],
        "on_view": [where(p) for p in live if p is not None and p.live],
        "linking": ends_linking if case == "linked" else None,
    }
print(json.dumps(made))
"""

# The legal officers' dashboard as the "legal" demo account sees it.
DASHBOARD = """
from django.contrib.auth import get_user_model
from django.test import Client
client = Client()
client.force_login(get_user_model().objects.get(username="legal"))
html = client.get("/admin/", HTTP_HOST="localhost").content.decode()
print("unfinished-removals" in html, PAGE in html)
"""


def identity_code(rng: random.Random) -> str:
    """A valid henkilötunnus of someone born in the 1900s."""
    day, month, year, number = rng.randint(1, 28), rng.randint(1, 12), rng.randint(50, 99), 0
    number = rng.randint(2, 899)
    check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(f"{day:02}{month:02}{year:02}{number:03}") % 31]
    return f"{day:02}{month:02}{year:02}-{number:03}{check}"


def written_forms(code: str) -> list[str]:
    """The ways the code can be found in bytes: as written, with a dash, without one."""
    return [code, code.replace("\u2010", "-"), code.replace("\u2010", "")]


def readable(data: bytes) -> bytes:
    """A file's bytes as a reader gets them: gzip (Pagefind's fragments and indexes, the
    precompressed files nginx serves) unpacked."""
    if data[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(data)
        except (OSError, EOFError):
            return data
    return data


def everywhere(platform: Platform, text: str) -> list[str]:
    """Every file under the platform's folder that holds ``text`` (in any case) in its
    bytes or its name: database files with their freed pages, media, every release, search
    fragments, caches, logs, the audit folder. Read here, without the product's code."""
    needles = {text.encode(), text.lower().encode(), text.upper().encode()}
    hits = []
    for path in platform.var.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        data = readable(path.read_bytes())
        if any(n in data for n in needles) or text.lower() in path.name.lower():
            hits.append(str(path.relative_to(platform.var)))
    return hits
