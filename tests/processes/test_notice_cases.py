"""Every way an officer or editor really works with a notice, run as the city runs it: the
task worker and the scheduler as processes, the static sites behind the generated nginx
(workers as an unprivileged user), alerts through a real SMTP server. At the deadline,
every notice type and every case (deleted, its section deleted, withdrawn, moved to another
site, copied, translated, linked from another page, a title naming the person, a disguised
identity code) leaves no byte of its personal data in any file of the platform (the SQLite
database's own files, media, releases, Pagefind fragments, caches, logs) nor at any address
nginx serves; and a removal that cannot finish is reported within one round while the
others finish beside it."""

from __future__ import annotations

import gzip
import json
import random
import secrets
import subprocess
from collections.abc import Iterator
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from cms.deploy.nginx import WORKER_USER, standalone
from tests import nginx
from tests.net import free_port

from .conftest import Platform, wait_for
from .test_notices import end, receipts

pytestmark = pytest.mark.slow

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
from publisher.export import Exporter
from publisher.queue import request_publish
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


@pytest.fixture
def served(platform: Platform, tmp_path: Path) -> Iterator[int]:
    """The platform's static sites behind its generated nginx; yields the port."""
    nginx.traversable(platform.var)
    port = free_port()
    generated = tmp_path / "sites.conf"
    platform.manage("nginx_config", "--listen", f"127.0.0.1:{port}", "--output", str(generated))
    with nginx.run_nginx(standalone(tmp_path, generated), port) as running:
        assert nginx.worker_users(tmp_path) == {WORKER_USER}
        yield running


@pytest.fixture
def inbox(platform: Platform) -> Iterator[list]:
    """A real SMTP server, and the platform's processes sending their mail to it."""
    messages: list = []

    class Inbox(Message):
        def handle_message(self, message) -> None:
            messages.append(message)

    port = free_port()
    controller = Controller(Inbox(), hostname="127.0.0.1", port=port)
    controller.start()
    saved = dict(platform.env)
    platform.env.update(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port))
    yield messages
    platform.env.clear()
    platform.env.update(saved)
    controller.stop()


def _services(platform: Platform) -> list[subprocess.Popen]:
    """The worker and the scheduler, as ``bin/run`` starts them (a shorter round)."""
    return [
        platform.start("publish_worker", "--interval", "0.2", "--no-reload"),
        platform.start("run_scheduler", "--interval", "2"),
    ]


def test_every_type_and_every_case_leaves_nothing_anywhere(platform: Platform, served: int):
    rng = random.Random(secrets.randbits(32))
    spec = []
    for number, case in enumerate(CASES):
        code = identity_code(rng)
        if case == "code":  # written as officers' text editors write it
            code = code.replace("-", "\u2010")
        kinds = TYPES if case == "plain" else [TYPES[number % len(TYPES)]]
        spec += [(f"Kanari{secrets.token_hex(3)}", kind, case, code) for kind in kinds]
    services = _services(platform)
    try:
        made = json.loads(platform.shell(SETUP.replace("SPEC", json.dumps(spec))))
        ends = sorted({pk for entry in made.values() for pk in entry["ends"]})
        # On view first, where it is on view: its page and attachment served by nginx.
        for token, entry in made.items():
            for site, path in filter(None, entry["on_view"]):
                fetch = lambda p, s=site: nginx.fetch(served, f"{s}.localhost", p)  # noqa: E731
                wait_for(lambda t=token, p=path, f=fetch: t.encode() in f(p)[2], timeout=60)
        end(platform, ends, 3)
        wait_for(
            lambda: set(ends) <= {r["notice"] for r in receipts(platform)},
            timeout=120,
            interval=0.5,
        )
        assert "No personal data" in platform.manage("verify_privacy")
        # No false alarm: notices ending together share values (the factory's contact
        # number), and none was checked while the others still showed theirs.
        alarms = "from cms.notices.models import RemovalIncident as R\n"
        alarms += "print(list(R.objects.values_list('page_id', 'problem')))"
        assert platform.shell(alarms) == "[]"
    finally:
        for process in services:
            platform.kill(process)
    codes = [form for _t, _k, _c, code in spec for form in written_forms(code)]
    left = {text: everywhere(platform, text) for text in [*made, *codes]}
    assert {text: where for text, where in left.items() if where} == {}
    # Every address any of them had, and every attachment, on the sites nginx serves.
    for token, entry in made.items():
        addresses = [a for a in entry["addresses"] if a]
        if entry["linking"]:
            addresses.append(entry["linking"])
        for site, path in addresses:
            for url in [path, *entry["files"]]:
                status, _headers, body = nginx.fetch(served, f"{site}.localhost", url)
                assert token.encode() not in body, (token, site, url, status)
                if url in entry["files"]:
                    assert status == 404, (token, site, url, status)
        if entry["linking"]:
            site, path = entry["linking"]
            status, _headers, body = nginx.fetch(served, f"{site}.localhost", path)
            assert status == 200 and b"Katso kuuleminen." in body
            assert entry["files"][0].encode() not in body


def test_an_unfinishable_removal_is_reported_in_one_round_and_holds_nobody_up(
    platform: Platform, inbox: list
):
    stuck, other = f"Jumissa{secrets.token_hex(3)}", f"Ajallaan{secrets.token_hex(3)}"
    # A news item of another department names the person: no removal edits it, so this
    # notice's removal cannot finish until its editor does.
    news = f"""
from cms.news.models import NewsIndexPage
from tests.factories import NewsArticlePageFactory
news = NewsArticlePageFactory(
    parent=NewsIndexPage.objects.get(url_path="/city/uutiset/"),
    title="Naapurikiista: {stuck} Naapuri valitti",
)
news.save_revision().publish()
print(news.pk)
"""
    news_id = int(platform.shell(news))
    services = _services(platform)
    try:
        made = json.loads(
            platform.shell(
                SETUP.replace(
                    "SPEC", json.dumps([(t, "decision", "plain", "") for t in (stuck, other)])
                )
            )
        )
        [stuck_id], [other_id] = made[stuck]["ends"], made[other]["ends"]
        end(platform, [stuck_id, other_id], 2)
        # The other notice finishes on time: within a scheduler round of its deadline.
        waited = wait_for(lambda: other_id in {r["notice"] for r in receipts(platform)}, timeout=30)
        print(f"the other notice's receipt {waited:.1f} s after the deadline was set 2 s ahead")
        # The e-mail to the legal officers, through SMTP, within the same round.
        wait_for(lambda: len(inbox) == 1, timeout=10)
        [mail] = inbox
        assert "legal@kaislahti.example" in mail["To"]
        subject = str(make_header(decode_header(mail["Subject"])))
        assert str(stuck_id) in subject
        body = mail.get_payload(decode=True).decode()
        assert stuck not in body and "static output" in body
        # The health check fails and names the notice (never the data).
        health = platform.run("health")
        assert health.returncode != 0 and str(stuck_id) in health.stdout + health.stderr
        assert stuck not in health.stdout + health.stderr
        # The legal officers' dashboard.
        dashboard = platform.shell(DASHBOARD.replace("PAGE", repr(f"/pages/{stuck_id}/")))
        assert dashboard == "True True"
        # Rounds go on and retry it: nobody is e-mailed again.
        attempts = (
            "from cms.notices.models import RemovalIncident; "
            f"print(RemovalIncident.objects.get(page_id={stuck_id}).attempts)"
        )
        wait_for(lambda: int(platform.shell(attempts)) >= 2, timeout=30, interval=1)
        assert len(inbox) == 1
        # The news editor takes the name out; the next round finishes the removal.
        platform.shell(
            f"from cms.news.models import NewsArticlePage\n"
            f"news = NewsArticlePage.objects.get(pk={news_id})\n"
            f"news.title = news.resident_headline = 'Naapurikiista ratkesi'\n"
            f"news.slug = 'naapurikiista-ratkesi'\n"
            f"news.save_revision().publish()\n"
        )
        wait_for(lambda: stuck_id in {r["notice"] for r in receipts(platform)}, timeout=60)
        assert platform.run("health").returncode == 0
        dashboard = platform.shell(DASHBOARD.replace("PAGE", repr(f"/pages/{stuck_id}/")))
        assert dashboard == "False False"
    finally:
        for process in services:
            platform.kill(process)
