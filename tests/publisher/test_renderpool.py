"""The render processes of a full build: one per site, as many at once as the budget allows."""

from __future__ import annotations

import os
import time

from publisher.builds import renderpool
from publisher.builds.renderpool import CHILD_BASE_MB, Budget


def _timed_build(site: str) -> tuple[str, int, float, float]:
    began = time.monotonic()
    time.sleep(0.4)
    return site, os.getpid(), began, time.monotonic()


def _dies_on_b(site: str) -> str:
    if site == "b":
        os._exit(3)
    return f"built {site}"


def _overlapping(results) -> bool:
    spans = sorted((began, ended) for _, _, began, ended in results)
    return any(later[0] < earlier[1] for earlier, later in zip(spans, spans[1:], strict=False))


def test_each_site_renders_in_a_process_of_its_own_and_sites_overlap_within_the_budget():
    sites = ["a", "b", "c", "d"]
    budget = Budget(records=dict.fromkeys(sites, 10), limit_mb=1e9)

    results = renderpool.render_all(sites, _timed_build, None, workers=2, budget=budget)

    assert [result[0] for result in results] == sites
    pids = {result[1] for result in results}
    assert len(pids) == 4 and os.getpid() not in pids
    assert _overlapping(results)


def test_sites_take_turns_when_two_would_not_fit_in_the_budget():
    sites = ["a", "b", "c"]
    # This process alone is over the limit: one site at a time, but every site renders.
    budget = Budget(records=dict.fromkeys(sites, 10), limit_mb=1.0)

    results = renderpool.render_all(sites, _timed_build, None, workers=2, budget=budget)

    assert [result[0] for result in results] == sites
    assert not _overlapping(results)


def test_a_site_whose_process_dies_fails_alone():
    sites = ["a", "b", "c"]
    budget = Budget(records=dict.fromkeys(sites, 1), limit_mb=1e9)

    results = renderpool.render_all(
        sites, _dies_on_b, lambda site, why: f"failed {site}: {why}", workers=2, budget=budget
    )

    assert results[0] == "built a" and results[2] == "built c"
    assert results[1].startswith("failed b: render process died")


def test_the_estimate_grows_to_what_a_finished_site_used_and_the_largest_site_goes_first():
    budget = Budget(records={"small": 1000, "large": 100_000}, limit_mb=2000.0)
    before = budget.estimate("large")

    budget.learn("small", CHILD_BASE_MB + 1000 * 0.05)  # 50 KB a record
    budget.learn("small", CHILD_BASE_MB)  # less than learnt: kept

    assert budget.per_record_mb == 0.05
    assert budget.estimate("large") == CHILD_BASE_MB + 5000 > before
    # Beside a running site, a site fits only if its estimate does.
    assert budget.next_site(["large", "small"], ["small"], parent_mb=100.0) == "small"
    assert budget.next_site(["large"], ["small"], parent_mb=100.0) is None
    assert budget.next_site(["large"], [], parent_mb=1e6) == "large"
