"""The golden output: a fixed set of records (``records.json``: the city's pages in Finnish
and Swedish, every kind, at a fixed moment) rendered by the publisher with no database,
and the files it makes, checked in under ``expected/``. ``tests/publisher/test_golden.py``
renders them again and compares every file, byte for byte (as Pelican's own suite does).

When an output is meant to change, regenerate the folder and read the diff before
committing it::

    python -m tests.golden
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
RECORDS = HERE / "records.json"
EXPECTED = HERE / "expected"


def render() -> dict[str, bytes]:
    """Every file the publisher makes of the fixed records (path -> bytes), search files
    aside: Pagefind's bundle names differ from run to run."""
    from publisher import hooks
    from publisher.export.exporter import Export, SiteInfo
    from publisher.render.run import make_generator

    data = json.loads(RECORDS.read_text())
    sites = {key: SiteInfo(**fields) for key, fields in data["sites"].items()}
    export = Export(sites=sites, records={data["site"]: data["records"]})
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="city-golden-") as workdir:
        generator = make_generator(
            export,
            data["site"],
            Path(workdir),
            now=datetime.fromisoformat(data["now"]),
            files=files,
        )
        with mock.patch.object(hooks, "indexers", list):  # no search bundles
            generator.generate_selected(None, site_level=True)
    return {path: bytes(data) for path, data in files.items()}


def expected() -> dict[str, bytes]:
    return {
        path.relative_to(EXPECTED).as_posix(): path.read_bytes()
        for path in sorted(EXPECTED.rglob("*"))
        if path.is_file()
    }


def write() -> int:
    """Replace ``expected/`` with what the publisher makes now; returns the file count."""
    import shutil

    made = render()
    shutil.rmtree(EXPECTED, ignore_errors=True)
    for path, data in made.items():
        target = EXPECTED / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(made)
