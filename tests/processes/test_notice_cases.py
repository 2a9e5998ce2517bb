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
from .notice_kit import (
    CASES,
    DASHBOARD,
    SETUP,
    TYPES,
    everywhere,
    identity_code,
    written_forms,
)
from .test_notices import end, receipts

pytestmark = pytest.mark.slow


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
            lambda: set(ends) <= {r["item"] for r in receipts(platform)},
            timeout=120,
            interval=0.5,
        )
        assert "No personal data" in platform.manage("verify_privacy")
        # No false alarm: notices ending together share values (the factory's contact
        # number), and none was checked while the others still showed theirs.
        alarms = "from cms.removal.models import Incident as R\n"
        alarms += "print(list(R.objects.values_list('item_id', 'problem')))"
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
        waited = wait_for(lambda: other_id in {r["item"] for r in receipts(platform)}, timeout=30)
        print(f"the other notice's receipt {waited:.1f} s after the deadline was set 2 s ahead")
        _reported_once(platform, inbox, stuck, stuck_id)
        # Rounds go on and retry it: nobody is e-mailed again.
        attempts = (
            "from cms.removal.models import Incident; "
            f"print(Incident.objects.get(kind='notice', item_id={stuck_id}).attempts)"
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
        wait_for(lambda: stuck_id in {r["item"] for r in receipts(platform)}, timeout=60)
        assert platform.run("health").returncode == 0
        dashboard = platform.shell(DASHBOARD.replace("PAGE", repr(f"/pages/{stuck_id}/")))
        assert dashboard == "False False"
    finally:
        for process in services:
            platform.kill(process)


def _reported_once(platform: Platform, inbox: list, stuck: str, stuck_id: int) -> None:
    """By e-mail, on the health check and on the dashboard, naming the notice and never
    its data."""
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
