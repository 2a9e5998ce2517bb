"""``manage.py bench notices``: from a notice's deadline to the last copy of its personal
data gone, with the task worker running, as in production.

Each run publishes a notice on the city site with a unique token in every personal field,
a marked span and a personal attachment, and waits until it is live. Its display period
is then made to end a few seconds from now (the stored deadline moved, and the deadline
task queued for that moment, as saving a notice does). Nothing else is called: the worker
(``db_worker``, a separate process) runs the task at the deadline. The benchmark watches
the live page's file for the token to go, and the audit log for the notice's receipt,
which the reconciler writes only after every step: database, files, publish, old releases
and memo entries, and the check of the notice's rows and files. The full ``verify_privacy``
of every store is timed last.
"""

from __future__ import annotations

import secrets
import statistics
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from cms.notices.models import NoticeAttachment, NoticeIndexPage, NoticePage, NoticeType
from cms.removal import receipts
from publisher.public import start_worker, stop_worker, wait_until

# Long enough for the worker to be idle, waiting, when the deadline comes.
LEAD = timedelta(seconds=4)
TIMEOUT = 300.0


@dataclass
class Run:
    policy: str
    page: float  # seconds from the deadline until the live page no longer had the token
    receipt: float  # ... until the receipt was written: every copy gone and checked
    steps: dict[str, float]


def _section() -> NoticeIndexPage:
    from cms.core.models import SiteProfile

    home = SiteProfile.objects.get(key="city").site.root_page
    section = NoticeIndexPage.objects.child_of(home).first()
    if section is None:
        raise RuntimeError("no notices section on the city site: run `manage.py load_demo`")
    return section


def _notice(section: NoticeIndexPage, token: str, notice_type: str) -> NoticePage:
    from wagtail.documents.models import Document

    from cms.core.permissions import notices_collection
    from publisher.public import process_pending

    document = Document(title=f"Naapurikuuleminen {token}", collection=notices_collection())
    document.file.save(
        f"kuuleminen-{token.lower()}.txt",
        ContentFile(f"Asianosainen {token}, Kuusitie 5.\n".encode()),
        save=False,
    )
    document.save()
    page = NoticePage(
        title=f"Päätös {token[-6:]}, Kuusitie 5",
        slug=f"bench-{token[-8:].lower()}",
        lead="Rakennuslautakunta on käsitellyt hakemuksen.",
        notice_type=notice_type,
        legal_basis="Maankäyttö- ja rakennuslaki 173 §",
        issuing_body="Rakennuslautakunta",
        record_number="4100/10.03.00.01/2026",
        display_from=timezone.now().replace(microsecond=0),
        appeal_days=14,
        place_on_view="Kaupungintalo, Rantakatu 1",
        appeal_information="Oikaisuvaatimus 14 päivän kuluessa tiedoksisaannista.",
        body=f'<p>Hakija <span class="personal-data">{token} Hakija</span>.</p>',
        persons_concerned=f"{token} Naapuri, Kuusitie 7",
        contact_name=f"{token} Yhteyshenkilö",
        contact_phone="040 765 4321",
        contact_email=f"{token.lower()}@kaislahti.example",
    )
    section.add_child(instance=page)
    NoticeAttachment.objects.create(page=page, document=document, personal=True)
    page.save_revision().publish()
    process_pending()
    return NoticePage.objects.get(pk=page.pk)


def _end_soon(page: NoticePage) -> float:
    """Make the display period end LEAD from now; returns the deadline (epoch seconds)."""
    from cms.removal.notices.schedule import schedule_moments

    deadline = timezone.now() + LEAD
    NoticePage.objects.filter(pk=page.pk).update(ends_at=deadline)
    page.refresh_from_db()
    schedule_moments(page)
    return deadline.timestamp()


def _receipt(page_id: int) -> dict | None:
    return next((r for r in receipts.read() if receipts.owner(r) == ("notice", page_id)), None)


def _wait(condition, timeout: float = TIMEOUT) -> float:
    """Epoch time at which ``condition`` first held (polled every 10 ms)."""
    wait_until(condition, timeout=timeout, interval=0.01, what="notice removal")
    return time.time()


def run(runs: int) -> list[Run]:
    from django.db import transaction

    from cms.notices.models import policy_for
    from publisher.public import current_release

    section = _section()
    kinds = [NoticeType.DECISION, NoticeType.BUILDING_PERMIT]
    log = Path(settings.VAR_DIR) / "log" / "bench-worker.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    worker = start_worker(log)
    results = []
    try:
        for n in range(runs):
            token = f"Penkki{secrets.token_hex(4)}"
            notice_type = kinds[n % len(kinds)]
            page = _notice(section, token, notice_type)
            path = f"{section.slug}/{page.slug}/index.html"
            live = current_release("city") / path
            if token not in live.read_text():
                raise RuntimeError(f"the notice did not go live at {live}")
            with transaction.atomic():
                deadline = _end_soon(page)

            def page_clean(path=path, token=token) -> bool:
                current = current_release("city") / path
                # The "remove" policy takes the page away; "keep" shows it redacted.
                return not current.exists() or token not in current.read_text()

            cleaned = _wait(page_clean)
            receipted = _wait(lambda page_id=page.pk: _receipt(page_id) is not None)
            receipt = _receipt(page.pk) or {}
            results.append(
                Run(
                    policy=policy_for(notice_type),
                    page=cleaned - deadline,
                    receipt=receipted - deadline,
                    steps=receipt.get("seconds", {}),
                )
            )
    finally:
        stop_worker(worker)
    return results


def report(write, results: list[Run], pages: int, proof: tuple[float, int]) -> None:
    write(
        f"\nNotice deadline to the last copy gone, {pages} live pages, the worker running "
        "(db_worker polls every 0.1 s)\n"
    )
    steps = ["database", "files", "publish", "purge", "verify"]
    header = (
        f"{'run':>3} | {'policy':<13} | {'page clean s':>12} | {'all gone s':>10} | "
        + " | ".join(f"{s:>8}" for s in steps)
    )
    write(header)
    write("-" * len(header))
    for n, result in enumerate(results, 1):
        write(
            f"{n:>3} | {result.policy:<13} | {result.page:>12.2f} | {result.receipt:>10.2f} | "
            + " | ".join(f"{result.steps.get(s, 0):>8.2f}" for s in steps)
        )
    if results:
        write(
            f"\nmedian: page clean {statistics.median(r.page for r in results):.2f} s, "
            f"all gone {statistics.median(r.receipt for r in results):.2f} s after the "
            f"deadline; worst all gone {max(r.receipt for r in results):.2f} s"
        )
    seconds, findings = proof
    write(
        f"verify_privacy over every store: {seconds:.1f} s, {findings} finding(s)"
        " (step columns: the reconciler's own times, from its receipt)"
    )
