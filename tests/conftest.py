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
