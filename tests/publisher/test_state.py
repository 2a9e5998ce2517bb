"""The build state kept between builds: a process sees the state another process wrote
(the scheduler reads what the worker's last build left)."""

import os
from datetime import UTC, datetime

import msgpack
import pytest

from publisher.export.exporter import Export, SiteInfo
from publisher.files import file_mode
from publisher.plan.state import BuildState, forget, load_state, save_state, state_path, write_state


def test_a_state_written_by_another_process_is_read_afresh(settings, tmp_path):
    settings.OUTPUT_DIR = tmp_path
    forget()
    assert load_state() is None
    first = BuildState(export=Export(sites={}, records={}), now=datetime(2026, 1, 1, tzinfo=UTC))
    save_state(first)
    assert load_state() is first  # the remembered copy, no reading

    newer = BuildState(export=Export(sites={}, records={}), now=datetime(2026, 2, 1, tzinfo=UTC))
    write_state(newer)  # as another process's save_state does (this one does not know)
    assert load_state().now == newer.now

    state_path().unlink()
    assert load_state() is None
    forget()


def _site() -> SiteInfo:
    return SiteInfo(
        key="city",
        base_url="http://city.localhost",
        hostname="city.localhost",
        names={"fi": "Kaupunki"},
        taglines={},
        languages=["fi"],
        theme="city",
        audience="residents",
        contact={},
        syndicates=[],
        homes={"fi": 3},
    )


def test_the_state_reads_back_as_it_was_written(settings, tmp_path):
    settings.OUTPUT_DIR = tmp_path
    forget()
    records = {"city": [{"id": 3, "site": "city", "title": "Koti", "media": ["a.jpg"]}]}
    state = BuildState(
        export=Export(sites={"city": _site()}, records=records),
        manifests={"city": {"index.html": ("page:3", "ab12")}},
        now=datetime(2026, 1, 1, tzinfo=UTC),
    )
    save_state(state)
    forget()  # read from the file, not the remembered copy
    loaded = load_state()
    assert loaded is not state
    assert loaded.export.sites == state.export.sites
    assert loaded.export.records == records
    assert loaded.manifests == state.manifests
    assert loaded.now == state.now
    assert os.stat(state_path()).st_mode & 0o777 == file_mode()  # not tempfile's 0600
    forget()


class _Planted:
    """What a crafted pickle would have run on load."""

    def __reduce__(self):
        return (os.system, ("touch planted",))


HEAD = {"version": 5, "now": None, "sites": {}, "releases": {}, "segments": {}}
SEGMENT = "city.0123456789abcdef.msgpack"


@pytest.mark.parametrize(
    ("head", "segment"),
    [
        (__import__("pickle").dumps(_Planted()), None),  # the old format, crafted to run a command
        (b"", None),
        (b"\xc1", None),  # not MessagePack
        (msgpack.packb({**HEAD, "sites": {"city": {"key": "city", "evil": 1}}}), None),
        (msgpack.packb({**HEAD, "now": "yesterday"}), None),
        (msgpack.packb({**HEAD, "version": 4}), None),
        (msgpack.packb({**HEAD, "segments": {"city": "../../etc/passwd"}}), None),
        (msgpack.packb({**HEAD, "segments": {"city": SEGMENT}}), None),  # no such segment
        (
            msgpack.packb({**HEAD, "segments": {"city": SEGMENT}}),
            msgpack.packb({"records": [1], "manifest": {}}),
        ),
        (
            msgpack.packb({**HEAD, "segments": {"city": SEGMENT}}),
            msgpack.packb({"records": [], "manifest": {"a": "b"}}),
        ),
        (
            msgpack.packb({**HEAD, "segments": {"city": SEGMENT}}),
            __import__("pickle").dumps(_Planted()),
        ),
        (  # page locations: a row too short, a row of the wrong types, a bad home
            msgpack.packb({**HEAD, "pages": SEGMENT, "homes": {}, "home_url_paths": {}}),
            msgpack.packb([[1, "0001"]]),
        ),
        (
            msgpack.packb({**HEAD, "pages": SEGMENT, "homes": {}, "home_url_paths": {}}),
            msgpack.packb([[1, 2, 3, 4, 5, 6, 7]]),
        ),
        (
            msgpack.packb({**HEAD, "pages": SEGMENT, "homes": {"0001": 3}, "home_url_paths": {}}),
            msgpack.packb([]),
        ),
        (
            msgpack.packb({**HEAD, "segments": {"city": SEGMENT}}),
            msgpack.packb({"records": [{"id": True}], "manifest": {}}),
        ),
    ],
)
def test_a_planted_or_damaged_state_runs_nothing_and_means_a_full_build(
    settings, tmp_path, monkeypatch, head, segment
):
    settings.OUTPUT_DIR = tmp_path
    monkeypatch.chdir(tmp_path)
    forget()
    state_path().parent.mkdir(parents=True)
    state_path().write_bytes(head)
    if segment is not None:
        (state_path().parent / SEGMENT).write_bytes(segment)
    assert load_state() is None
    assert not (tmp_path / "planted").exists()
    forget()


def test_a_build_rewrites_only_the_segments_of_sites_it_changed(settings, tmp_path):
    settings.OUTPUT_DIR = tmp_path
    forget()
    records = {
        "city": [{"id": 3, "site": "city", "title": "Koti"}],
        "events": [{"id": 4, "site": "events", "title": "Tapahtumat"}],
    }
    manifests = {"city": {"index.html": ("page:3", "ab")}, "events": {}}
    first = BuildState(export=Export(sites={}, records=records), manifests=manifests)
    save_state(first)
    segments = {p.name for p in state_path().parent.iterdir()} - {state_path().name}
    assert len(segments) == 2
    # The next build changed the city only: new records list and manifest for it, the very
    # same objects for the events site.
    city = [{"id": 3, "site": "city", "title": "Kotisivu"}]
    after = BuildState(
        export=Export(sites={}, records={"city": city, "events": records["events"]}),
        manifests={"city": {"index.html": ("page:3", "cd")}, "events": manifests["events"]},
    )
    save_state(after)
    now = {p.name for p in state_path().parent.iterdir()} - {state_path().name}
    assert len(now) == 2 and len(now & segments) == 1
    assert next(iter(now & segments)).startswith("events.")
    forget()
    loaded = load_state()
    assert loaded.export.records == {"city": city, "events": records["events"]}
    assert loaded.manifests["city"] == {"index.html": ("page:3", "cd")}
    forget()


def test_a_build_of_some_sites_keeps_what_the_state_knows_of_the_others(settings, tmp_path):
    settings.OUTPUT_DIR = tmp_path
    forget()
    older = datetime(2026, 1, 1, tzinfo=UTC)
    records = {
        "city": [{"id": 3, "site": "city", "title": "Koti"}],
        "events": [{"id": 4, "site": "events", "title": "Tapahtumat"}],
    }
    manifests = {"city": {"index.html": ("page:3", "ab")}, "events": {"index.html": ("x", "cd")}}
    save_state(
        BuildState(
            export=Export(sites={}, records=records),
            manifests=manifests,
            now=older,
            releases={"city": "r1", "events": "r2"},
        )
    )
    forget()  # as in a new process: the state is read from disk
    newer = datetime(2026, 2, 1, tzinfo=UTC)
    city = [{"id": 3, "site": "city", "title": "Kotisivu"}]
    partial = BuildState.after_full(
        Export(sites={}, records={"city": city}),
        {"city": {"index.html": ("page:3", "ef")}},
        now=newer,
        releases={"city": "r3"},
    )
    assert partial.export.records == {"city": city, "events": records["events"]}
    assert partial.manifests["events"] == manifests["events"]
    assert partial.releases == {"city": "r3", "events": "r2"}
    assert partial.now == older  # the events site's outputs are as old as they were

    forget()
    both = {"city": city, "events": [{"id": 4, "site": "events", "title": "Tapahtumia"}]}
    whole = BuildState.after_full(Export(sites={}, records=both), {}, now=newer, releases={})
    assert whole.export.records == both  # nothing of the old state comes back
    assert whole.now == newer and whole.releases == {}
    forget()
