"""Health checks for monitoring: ``manage.py health``, ``/health/`` and the admin's
Publishing view agree, and each check fails for what it is there to catch."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
import time_machine

from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from cms.notices.models import NoticePage
from publisher.models import PublishRequest, PublishStatus
from publisher.release.lock import build_lock, holder, set_limit
from tests import factories

pytestmark = pytest.mark.django_db


def command() -> tuple[bool, dict]:
    out = io.StringIO()
    try:
        call_command("health", "--json", stdout=out)
        return True, json.loads(out.getvalue())
    except CommandError:
        return False, json.loads(out.getvalue())


def failing(report: dict) -> dict[str, str]:
    return {c["name"]: c["message"] for c in report["checks"] if not c["ok"]}


def test_a_healthy_platform_answers_200_and_exits_0(client, settings, tmp_path):
    settings.OUTPUT_DIR = tmp_path
    ok, report = command()
    assert ok and report["status"] == "ok" and failing(report) == {}
    response = client.get("/health/")
    assert response.status_code == 200 and response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_an_old_queue_and_a_failed_build_fail_everywhere(client, settings, tmp_path, synced_sites):
    settings.OUTPUT_DIR = tmp_path
    request = PublishRequest.objects.create(reason="publish", page_id=1)
    PublishRequest.objects.filter(pk=request.pk).update(
        created_at=timezone.now() - timedelta(seconds=settings.HEALTH_QUEUE_MAX_AGE_SECONDS + 5)
    )
    PublishStatus.objects.create(
        site_key="city",
        last_success_at=timezone.now() - timedelta(hours=1),
        last_error="LookupError: the theme is missing",
        last_error_at=timezone.now(),
    )
    # Tourism failed once, then succeeded: healthy.
    PublishStatus.objects.create(
        site_key="tourism",
        last_error="old",
        last_error_at=timezone.now() - timedelta(hours=2),
        last_success_at=timezone.now() - timedelta(hours=1),
    )
    ok, report = command()
    assert not ok and set(failing(report)) == {"queue", "last build"}
    assert "city" in failing(report)["last build"]
    assert "tourism" not in failing(report)["last build"]
    # Anyone: only whether it is healthy (no process, host, error text or notice ids).
    response = client.get("/health/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert response.json().keys() == {"status", "checked_at"}
    assert "LookupError" not in response.content.decode()
    # Staff: every check, in their language.
    editor = factories.UserFactory(groups=[synced_sites["city"].editors_group])
    client.force_login(editor)
    response = client.get("/health/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert set(failing(response.json())) == set(failing(report))
    assert "oldest has waited" in failing(response.json())["queue"]  # in English, as asked
    html = client.get(reverse("publisher_status"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "LookupError: the theme is missing" in html
    # A superuser after the password only (two-factor required, not given): the status only.
    settings.TWO_FACTOR_REQUIRED = True
    client.force_login(factories.UserFactory(is_superuser=True))
    response = client.get("/health/")
    assert response.json().keys() == {"status", "checked_at"}
    assert client.head("/health/").status_code == 503  # (monitors that ask with HEAD)


def test_a_build_past_its_limit_is_stuck(settings, tmp_path):
    settings.OUTPUT_DIR = tmp_path
    with build_lock():
        set_limit(60)
        current = holder()
        assert current is not None and current.limit == 60
        ok, report = command()
        assert ok, "a build within its limit is healthy"
        with time_machine.travel(timezone.now() + timedelta(seconds=61)):
            ok, report = command()
    assert not ok and str(current.pid) in failing(report)["build"]
    assert holder() is None, "the lock is free once the build ends"
    assert command()[0]


def test_a_notice_removal_overdue_fails(settings, tmp_path):
    settings.OUTPUT_DIR = tmp_path
    root = Page.get_first_root_node()
    section = factories.NoticeIndexPageFactory(parent=root)
    notice = factories.NoticePageFactory(parent=section)
    ends = notice.ends_at
    grace = timedelta(seconds=settings.HEALTH_NOTICE_GRACE_SECONDS)
    with time_machine.travel(ends + grace - timedelta(seconds=1)):
        assert command()[0], "within the grace period"
    with time_machine.travel(ends + grace + timedelta(seconds=1)):
        ok, report = command()
    assert not ok and str(notice.pk) in failing(report)["personal data"]
    assert NoticePage.objects.filter(pk=notice.pk).exists()
