"""A site's record indexes carried from build to build equal indexes made from scratch,
and the index they were made from is left as it was (the previous build's state)."""

from __future__ import annotations

import random

from publisher.export.siteindex import SiteIndex, index_of, remember

KINDS = ["home", "section", "content", "news", "event"]


def _record(rng: random.Random, pid: int, path: str) -> dict:
    return {
        "id": pid,
        "path": path,
        "key": f"k{rng.randrange(40)}",
        "kind": rng.choice(KINDS),
        "lang": rng.choice(["fi", "sv", "en"]),
    }


def _tree(rng: random.Random, size: int) -> list[dict]:
    paths = ["0001"]
    while len(paths) < size:
        parent = rng.choice(paths)
        child = f"{parent}{rng.randrange(1, 9999):04d}"
        if child not in paths:
            paths.append(child)
    return sorted(
        (_record(rng, pid, path) for pid, path in enumerate(paths)), key=lambda r: r["path"]
    )


def _shape(index: SiteIndex) -> tuple:
    ids = lambda records: [r["id"] for r in records]  # noqa: E731
    return (
        ids(index.records),
        {k: r["id"] for k, r in index.by_id.items()},
        {k: r["id"] for k, r in index.by_path.items()},
        {k: ids(v) for k, v in index.children.items()},
        {k: ids(v) for k, v in index.by_key.items()},
        {k: ids(v) for k, v in index.by_kind.items()},
    )


def test_updated_indexes_equal_indexes_made_from_scratch():
    rng = random.Random(18)
    index = SiteIndex.build(_tree(rng, 300))
    next_id = 1000
    for _ in range(60):
        before = _shape(index)
        records = index.records
        gone = {r["id"] for r in rng.sample(records, rng.randrange(0, 4))}
        fresh = []
        for record in rng.sample(records, rng.randrange(0, 4)):
            if record["id"] not in gone:  # an edit: a new record object, sometimes moved
                changed = dict(record, kind=rng.choice(KINDS), key=f"k{rng.randrange(40)}")
                moved = f"{rng.choice(records)['path']}{rng.randrange(1, 9999):04d}"
                if rng.random() < 0.3 and moved not in index.by_path:
                    changed["path"] = moved
                fresh.append(changed)
        parent = rng.choice(records)["path"]
        new_path = f"{parent}{rng.randrange(1, 9999):04d}"
        if new_path not in index.by_path:
            fresh.append(_record(rng, next_id, new_path))
            next_id += 1
        updated = index.updated(gone, fresh)
        assert _shape(index) == before, "the old index changed"
        assert _shape(updated) == _shape(SiteIndex.build(updated.records))
        assert [r["path"] for r in updated.records] == sorted(r["path"] for r in updated.records)
        index = updated


def test_below_gives_the_subtree_in_order():
    rng = random.Random(7)
    index = SiteIndex.build(_tree(rng, 200))
    for record in index.records[:50]:
        expected = [
            r["id"]
            for r in index.records
            if r["path"].startswith(record["path"]) and r is not record
        ]
        assert [r["id"] for r in index.below(record["path"])] == expected


def test_an_index_belongs_to_its_very_list():
    records = _tree(random.Random(3), 20)
    index = remember(SiteIndex.build(records))
    assert index_of(records) is index
    # An equal list is another list: it gets its own index.
    assert index_of(list(records)) is not index
