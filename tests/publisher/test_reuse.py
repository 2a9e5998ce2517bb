"""Incremental releases start from an old release caught up by its deltas, not from a copy
of the whole site; a delta that is missing, tampered with or belongs to another folder is
never trusted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cms.pages.models import ContentPage
from publisher.builds.full import publish_full
from publisher.builds.incremental import ChangeSet, publish_changes
from publisher.files import site_root
from publisher.plan.state import drop_state
from publisher.release import folders as release
from publisher.release import reuse
from tests.publisher.test_incremental import tree_at

# Releases recycled by their deltas: file work, the same on either database.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def edit(lead: str):
    page = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")
    page.lead = lead
    page.save_revision().publish()
    result = publish_changes(ChangeSet(page_ids={page.pk}))
    assert result.ok, [s.error for s in result.sites]
    return next(s for s in result.sites if s.site == "city")


def matches_a_full_build() -> bool:
    built = tree_at(release.current("city"))
    drop_state()
    assert publish_full(sites=["city"]).ok
    return built == tree_at(release.current("city"))


def test_releases_are_recycled_and_stay_equal_to_a_full_build(city_content):
    assert publish_full(sites=["city"]).ok
    first = edit("Ensimmäinen muutos.")
    assert first.made_from == "spare"  # a full build leaves no deltas: its spare copy
    made = [edit(f"Muutos {n}.") for n in range(4)]
    assert {outcome.made_from for outcome in made} == {"recycled"}
    releases = sorted((site_root("city") / "releases").iterdir())
    # The live release and the one before it: each build recycles the oldest.
    assert len(releases) == 2
    # Deltas only of releases that exist; no spare copy kept while recycling works.
    deltas = {p.stem for p in (site_root("city") / "deltas").glob("*.json")}
    assert deltas <= {p.name for p in releases}
    assert not (site_root("city") / "spare").exists()
    assert "Muutos 3." in (release.current("city") / "palvelut/kirjasto/index.html").read_text()
    assert matches_a_full_build()


TAMPERED = [
    lambda data: {**data, "paths": [*data["paths"], "../../../etc/passwd"]},
    lambda data: {**data, "paths": ["/etc/passwd"]},
    lambda data: {**data, "inode": data["inode"] + 1},  # another folder of that name
    lambda data: [data],
    lambda data: {**data, "base": 7},
]


def test_a_delta_that_cannot_be_trusted_means_a_copy(city_content):
    assert publish_full(sites=["city"]).ok
    edit("Ensimmäinen muutos.")
    edit("Toinen muutos.")
    live = release.current("city")
    path = site_root("city") / "deltas" / f"{live.name}.json"
    original = path.read_text()
    assert reuse.chain("city", live) is not None
    for tamper in TAMPERED:
        path.write_text(json.dumps(tamper(json.loads(original))))
        assert reuse.chain("city", live) is None, tamper
    assert edit("Kolmas muutos.").made_from == "copied"
    assert matches_a_full_build()


def test_a_link_planted_in_an_old_release_never_leads_the_publisher_outside(city_content, tmp_path):
    assert publish_full(sites=["city"]).ok
    edit("Ensimmäinen muutos.")
    edit("Toinen muutos.")
    oldest, touched = reuse.chain("city", release.current("city"))
    # A folder the catching up writes into, made a link to somewhere else.
    folder = oldest / Path(sorted(touched)[0]).parent
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.rmtree(folder)
    folder.symlink_to(outside, target_is_directory=True)
    assert edit("Kolmas muutos.").made_from == "copied"
    assert list(outside.iterdir()) == []
    assert matches_a_full_build()
