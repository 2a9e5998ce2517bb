"""What an incremental build's phases leave behind: the build state after each (saved once
the phase is live), the pages left out told with their sites' outcomes, and one result
per site from both phases."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ..export.exporter import Export, Exporter
from ..plan.state import BuildState, drop_state, save_state
from .full import SiteResult


def saved(
    state: BuildState,
    export: Export,
    outcomes: list[SiteResult],
    now: datetime,
    exporter: Exporter,
) -> BuildState | None:
    """The state after a phase, saved; None (and no state) if a site failed, which makes
    the next build a full one."""
    if any(outcome.error is not None for outcome in outcomes):
        # The state would no longer describe what is live.
        drop_state()
        return None
    after = moved_on(state, outcomes, export=export, now=now, locations=exporter.locations())
    save_state(after)
    return after


def moved_on(state: BuildState, outcomes: list[SiteResult], **changes) -> BuildState:
    """``state`` with what these outcomes made live (and ``changes``): not saved."""
    manifests, releases = dict(state.manifests), dict(state.releases)
    for outcome in outcomes:
        if outcome.error is None:
            manifests[outcome.site] = outcome.manifest
        if outcome.release is not None:
            releases[outcome.site] = outcome.release.name
    return replace(state, manifests=manifests, releases=releases, **changes)


def noted(state: BuildState, outcomes: list[SiteResult], left: dict[str, dict[int, str]]) -> None:
    """The pages left out, told with their sites' outcomes (for ``problems.record``)."""
    for site, failures in left.items():
        outcome = next((o for o in outcomes if o.site == site), None)
        if outcome is None:  # (the site had nothing else to build: its release stays)
            outcome = SiteResult(site=site, manifest=dict(state.manifest_for(site) or {}))
            outcomes.append(outcome)
        outcome.failures.update(failures)


def merged(outcomes: list[SiteResult]) -> list[SiteResult]:
    """One result per site: files of both phases, the error of either, the last release."""
    merged: dict[str, SiteResult] = {}
    for outcome in outcomes:
        known = merged.get(outcome.site)
        if known is None:
            merged[outcome.site] = outcome
            continue
        known.files += outcome.files
        known.error = known.error or outcome.error
        known.release = outcome.release or known.release
        known.manifest = outcome.manifest
        known.render_seconds += outcome.render_seconds
        known.write_seconds += outcome.write_seconds
    return list(merged.values())
