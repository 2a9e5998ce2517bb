"""The platform's health, for monitoring and for the admin: ``manage.py health`` (exit code 1
when failing), ``/health/`` on the CMS (JSON; 503 when failing) and the admin's Publishing
view all show these checks.

- **build**: a build holds the build lock past its time limit (stuck);
- **queue**: a change has waited longer than ``HEALTH_QUEUE_MAX_AGE_SECONDS`` to go live;
- **last build**: a site's last build failed and none has succeeded since;
- **personal data**: a removal could not finish (at once: an open incident, see
  ``cms.removal.incidents``), or personal data (a notice's, any kind's) is not yet removed
  ``HEALTH_NOTICE_GRACE_SECONDS`` after the end of its lifetime.

Messages name sites, items by kind and id and times, never content: the endpoint answers
anyone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from publisher.public import PublishRequest, PublishStatus, build_lock_holder


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    message: str


def _build() -> Check:
    current = build_lock_holder()
    if current is None:
        return Check("build", True, _("No build is running."))
    limit = current.limit or settings.PUBLISH_FULL_TIMEOUT_SECONDS
    if current.seconds > limit:
        return Check(
            "build",
            False,
            _(
                "Stuck: the build of process %(pid)s on %(host)s has run %(seconds).0f s, "
                "past its limit of %(limit).0f s."
            )
            % {
                "pid": current.pid,
                "host": current.host,
                "seconds": current.seconds,
                "limit": limit,
            },
        )
    return Check(
        "build",
        True,
        _("A build has been running for %(seconds).0f s.") % {"seconds": current.seconds},
    )


def _queue(now: datetime) -> Check:
    oldest = PublishRequest.objects.order_by("created_at").values_list("created_at", flat=True)
    first = oldest.first()
    if first is None:
        return Check("queue", True, _("Nothing is waiting to be published."))
    waited = (now - first).total_seconds()
    count = PublishRequest.objects.count()
    if waited > settings.HEALTH_QUEUE_MAX_AGE_SECONDS:
        return Check(
            "queue",
            False,
            ngettext(
                "%(count)d change has waited %(seconds).0f s to go live (limit %(limit).0f s).",
                "%(count)d changes; the oldest has waited %(seconds).0f s to go live "
                "(limit %(limit).0f s).",
                count,
            )
            % {"count": count, "seconds": waited, "limit": settings.HEALTH_QUEUE_MAX_AGE_SECONDS},
        )
    return Check(
        "queue",
        True,
        ngettext(
            "%(count)d change is waiting to be published.",
            "%(count)d changes are waiting to be published.",
            count,
        )
        % {"count": count},
    )


def _last_build() -> Check:
    failed = PublishStatus.objects.filter(last_error_at__isnull=False).filter(
        Q(last_success_at__isnull=True) | Q(last_success_at__lt=F("last_error_at"))
    )
    problems = [
        _("%(site)s failed at %(at)s: %(error)s")
        % {"site": s.site_key, "at": s.last_error_at.isoformat(), "error": s.last_error[:300]}
        for s in failed.order_by("site_key")
    ]
    if problems:
        return Check("last build", False, " ".join(problems))
    return Check("last build", True, _("The last build of every site succeeded."))


def _personal_data(now: datetime) -> Check:
    from cms.removal import incidents, services

    grace = timedelta(seconds=settings.HEALTH_NOTICE_GRACE_SECONDS)
    # A removal that a run could not finish fails at once, not after the grace period;
    # where the data was left is for those the kind alerts (admin, e-mail), not this page.
    stuck = list(incidents.open_incidents().order_by("kind", "item_id"))
    if stuck:
        return Check(
            "personal data",
            False,
            " ".join(
                _(
                    "The removal of %(item)s cannot finish: %(attempts)d run(s) since "
                    "%(since)s left personal data behind (details in the admin)."
                )
                % {
                    "item": incidents.describe(incident),
                    "attempts": incident.attempts,
                    "since": incident.first_failed_at.isoformat(),
                }
                for incident in stuck
            ),
        )
    overdue = services.overdue(now=now, grace=grace)
    if overdue:
        return Check(
            "personal data",
            False,
            _(
                "Personal data still not removed %(grace).0f s after the end of its "
                "lifetime: %(items)s."
            )
            % {
                "items": ", ".join(
                    services.describe(kind_name=name, item=item) for name, item in overdue
                ),
                "grace": grace.total_seconds(),
            },
        )
    return Check("personal data", True, _("All personal data whose lifetime has ended is removed."))


def checks(now: datetime | None = None) -> list[Check]:
    now = now or timezone.now()
    return [_build(), _queue(now), _last_build(), _personal_data(now)]


def report(now: datetime | None = None) -> dict:
    """The checks as JSON-ready data, with an overall status."""
    now = now or timezone.now()
    results = checks(now)
    return {
        "status": "ok" if all(c.ok for c in results) else "failing",
        "checked_at": now.isoformat(),
        "checks": [asdict(c) for c in results],
    }
