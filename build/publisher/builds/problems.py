"""Pages left out of a build: a page that could not be rendered went without it while the
rest of its site went live (``pages.isolated_page_outputs``). Each is recorded for the
admin, which shows it on the page, and its last editor is e-mailed once; the record goes
when the page renders again."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import Page

from ..models import PageProblem

if TYPE_CHECKING:
    from .full import SiteResult

logger = logging.getLogger(__name__)


def record(outcomes: Iterable[SiteResult]) -> None:
    """After a build: its failures recorded, the pages that rendered again cleared."""
    with transaction.atomic():
        for outcome in outcomes:
            if outcome.error is not None:
                continue  # (the whole site failed: nothing is known of its pages)
            rendered = {owner for owner, _digest in outcome.manifest.values()}
            known = PageProblem.objects.filter(site_key=outcome.site)
            cleared = [
                p.page_id
                for p in known
                if f"page:{p.page_id}" in rendered and p.page_id not in outcome.failures
            ]
            known.filter(page_id__in=cleared).delete()
            for page_id, error in outcome.failures.items():
                PageProblem.objects.update_or_create(
                    page_id=page_id, defaults={"site_key": outcome.site, "error": _shown(error)}
                )
        # A page deleted or unpublished since is no problem of any site's any more.
        live = Page.objects.filter(live=True).values("pk")
        PageProblem.objects.exclude(page_id__in=live).delete()
    for problem in PageProblem.objects.filter(alerted_at=None):
        _alert(problem)


def _shown(error: str) -> str:
    """The error as editors see it: the server's own folders named by what they are, not
    by where they are on its disk."""
    for folder, name in ((settings.OUTPUT_DIR, "<sites>"), (settings.MEDIA_ROOT, "<media>")):
        error = error.replace(str(Path(folder).resolve()), name).replace(str(folder), name)
    return error


def _alert(problem: PageProblem) -> None:
    """E-mail the page's last editor, once (``alerted_at`` is set first: a build run again
    never sends it twice; a failed send is tried again after the next build)."""
    page = Page.objects.filter(pk=problem.page_id).first()
    revision = page.get_latest_revision() if page is not None else None
    user = revision.user if revision is not None else None
    if page is None or user is None or not user.email:
        PageProblem.objects.filter(pk=problem.pk).update(alerted_at=timezone.now())
        return
    PageProblem.objects.filter(pk=problem.pk).update(alerted_at=timezone.now())
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("A page could not be published: %(title)s") % {"title": page.title}
        body = gettext(
            "The page “%(title)s” could not be made into its site's page, so it was left "
            "out of publishing; the rest of the site is live.\n\nError: %(error)s\n\n"
            "Correct the page and publish it again: %(admin)s"
        ) % {
            "title": page.title,
            "error": problem.error,
            "admin": f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{page.pk}/edit/",
        }
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except OSError as error:  # (smtplib's errors are OSErrors) tried again after a build
        logger.error("Page %s: the e-mail to its editor failed: %s", page.pk, error)
        PageProblem.objects.filter(pk=problem.pk).update(alerted_at=None)


def problem_of(page_id: int) -> str | None:
    """Why the page was left out of its site's last build (None if it was not)."""
    return PageProblem.objects.filter(page_id=page_id).values_list("error", flat=True).first()
