"""An incremental release's manifest: what a build rendered replaces what its owners had,
and the owners gone (removed pages, pages left out of the build: ``leftout.py``, gone
search bundles) take their files with them."""

from __future__ import annotations

from ..plan.changes import Plan
from ..render import memo

# An incremental build's two phases: the pages go live first, their search bundles next.
PAGES, SEARCH = "pages", "search"


def new_manifest(
    old_manifest: dict,
    the_plan: Plan,
    site: str,
    phase: str,
    files: dict[str, bytes],
    owners: dict[str, str],
    *,
    full: bool,
) -> tuple[dict, dict[str, bytes]]:
    """The release's new manifest (path -> owner and digest) and the files whose bytes
    changed: what was rendered replaces what its owners had, and gone owners go."""
    rerendered = set(owners.values())
    if phase == SEARCH:
        gone = {f"search:{name}" for name in the_plan.gone_bundles.get(site, set())}
    else:
        gone = {f"page:{pid}" for pid in the_plan.removed.get(site, set())}
    manifest = {
        path: entry
        for path, entry in old_manifest.items()
        if not full and entry[0] not in rerendered and entry[0] not in gone
    }
    changed: dict[str, bytes] = {}
    for path, data in files.items():
        entry = (owners[path], memo.digest_of(data))
        if old_manifest.get(path, (None, None))[1] != entry[1]:
            changed[path] = bytes(data)
        manifest[path] = entry
    return manifest, changed
