"""The build state kept between builds: a process sees the state another process wrote
(the scheduler reads what the worker's last build left)."""

import os
from datetime import UTC, datetime

import msgpack
import pytest

from publisher.export import Export, SiteInfo
from publisher.files import file_mode
from publisher.state import BuildState, encode, forget, load_state, save_state, state_path


def test_a_state_written_by_another_process_is_read_afresh(settings, tmp_path):
    settings.OUTPUT_DIR = tmp_path
    forget()
    assert load_state() is None
    first = BuildState(export=Export(sites={}, records={}), now=datetime(2026, 1, 1, tzinfo=UTC))
    save_state(first)
    assert load_state() is first  # the remembered copy, no reading

    newer = BuildState(export=Export(sites={}, records={}), now=datetime(2026, 2, 1, tzinfo=UTC))
    temporary = state_path().with_suffix(".other")
    temporary.write_bytes(encode(newer))
    os.replace(temporary, state_path())  # as the worker's save_state does
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


@pytest.mark.parametrize(
    "data",
    [
        __import__("pickle").dumps(_Planted()),  # the old format, crafted to run a command
        b"",
        b"\xc1",  # not MessagePack
        msgpack.packb({"version": 4, "sites": {"city": {"key": "city", "evil": 1}}}),
        msgpack.packb({"version": 4, "sites": {}, "records": {"city": [1]}, "manifests": {}}),
        msgpack.packb(
            {"version": 4, "sites": {}, "records": {}, "manifests": {"city": {"a": "b"}}}
        ),
        msgpack.packb(
            {"version": 4, "sites": {}, "records": {}, "manifests": {}, "now": "yesterday"}
        ),
        msgpack.packb({"version": 3}),
    ],
)
def test_a_planted_or_damaged_state_runs_nothing_and_means_a_full_build(
    settings, tmp_path, monkeypatch, data
):
    settings.OUTPUT_DIR = tmp_path
    monkeypatch.chdir(tmp_path)
    forget()
    state_path().parent.mkdir(parents=True)
    state_path().write_bytes(data)
    assert load_state() is None
    assert not (tmp_path / "planted").exists()
    forget()
