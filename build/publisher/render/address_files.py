"""The files a site's old addresses become in its release.

- ``.nginx/redirects.map`` and ``.nginx/gone.map``: the entries of two nginx ``map``
  blocks, included by the generated configuration (``nginx.py``): ``return 301`` to the
  target, or ``410``. nginx reads them when it loads its configuration, so a changed map
  asks for a reload (``reload_if_changed``).
- ``<old address>/index.html``: a page that sends the browser on (``<meta refresh>``) with
  the target as its canonical address, for any static host without those rules (and for
  the moment before nginx reloads).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..export.addresses import SiteAddresses

MAPS = (".nginx/redirects.map", ".nginx/gone.map")
RELOAD_STAMP = ".nginx-reload"


def _quoted(value: str) -> str:
    # Keys and targets never hold a quote or a backslash (``addresses.normalise``,
    # ``addresses.as_location``): double quotes keep nginx from reading "~" or a word
    # such as "default" as anything but the address.
    return f'"{value}"'


def redirects_map(addresses: SiteAddresses) -> bytes:
    lines = []
    for key, target in addresses.redirects.items():
        for path in {key, key.rstrip("/") + "/"}:
            lines.append(f"{_quoted(path)} {_quoted(target)};")
    return ("\n".join(sorted(lines)) + "\n").encode() if lines else b""


def gone_map(addresses: SiteAddresses) -> bytes:
    lines = []
    for path in addresses.gone:
        lines += [f"{_quoted(path)} 1;", f"{_quoted(path.rstrip('/'))} 1;"]
    return ("\n".join(sorted(set(lines))) + "\n").encode() if lines else b""


def redirect_pages(addresses: SiteAddresses) -> list[tuple[str, str]]:
    """(file path in the release, target) of every redirect page: a folder's index, so
    only for an address that names a folder rather than a file ("/report.pdf")."""
    pages = []
    for key, target in addresses.redirects.items():
        last = key.rsplit("/", 1)[-1]
        if key == "/" or "." in last:
            continue
        pages.append((key.lstrip("/") + "/index.html", target))
    return pages


def maps_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for name in MAPS:
        path = root / name
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


def reload_if_changed(output: Path, roots: dict[str, Path]) -> bool:
    """Write the stamp that the deployment's ``kaislahti-nginx-reload.path`` unit watches
    when the live releases' maps differ from those nginx was last asked to load."""
    stamp = output / RELOAD_STAMP
    try:
        known = stamp.read_text()
    except OSError:
        known = ""
    # Site -> digest of its maps; sites not built now keep what the stamp says of them.
    digests = dict(line.split(" ", 1) for line in known.splitlines() if " " in line)
    digests.update((site, maps_digest(root)) for site, root in roots.items())
    text = "".join(f"{site} {value}\n" for site, value in sorted(digests.items()))
    if text == known:
        return False
    # Written in place, not renamed over: systemd's PathChanged= fires when a file open
    # for writing is closed. A torn write only makes the next build write it again.
    stamp.write_text(text)
    return True
