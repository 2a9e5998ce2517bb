"""The build state kept between builds: a process sees the state another process wrote
(the scheduler reads what the worker's last build left)."""

import os
import pickle
from datetime import UTC, datetime

from publisher.export import Export
from publisher.state import BuildState, forget, load_state, save_state, state_path


def test_a_state_written_by_another_process_is_read_afresh(settings, tmp_path):
    settings.OUTPUT_DIR = tmp_path
    forget()
    assert load_state() is None
    first = BuildState(export=Export(sites={}, records={}), now=datetime(2026, 1, 1, tzinfo=UTC))
    save_state(first)
    assert load_state() is first  # the remembered copy, no reading

    newer = BuildState(export=Export(sites={}, records={}), now=datetime(2026, 2, 1, tzinfo=UTC))
    temporary = state_path().with_suffix(".other")
    temporary.write_bytes(pickle.dumps(newer))
    os.replace(temporary, state_path())  # as the worker's save_state does
    assert load_state().now == newer.now

    state_path().unlink()
    assert load_state() is None
    forget()
