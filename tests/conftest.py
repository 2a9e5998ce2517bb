"""Shared test set-up. Content comes from factories (tests/factories.py) and from the real
site files in sites/, synced through the same service the command uses."""

import pytest

from cms.core.services import sites_sync


@pytest.fixture
def synced_sites(db):
    """The five declared sites, their home pages, groups and workflows."""
    sites_sync()
    from cms.core.models import SiteProfile

    return {profile.key: profile for profile in SiteProfile.objects.select_related("site")}


@pytest.fixture(autouse=True)
def _own_audit_log(settings, tmp_path):
    """Each test gets its own removal receipts: notice ids repeat between tests (rolled-back
    rows free them), so one shared log would mix one test's receipts into another's."""
    settings.NOTICE_AUDIT_LOG = tmp_path / "audit" / "notice-removals.jsonl"
