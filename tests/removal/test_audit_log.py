"""The audit log of removals is read line by line: a line that is no receipt (torn by a
crash, or written by someone else) is skipped with a warning, and every other receipt is
read; a receipt appended after a torn line starts a line of its own."""

from __future__ import annotations

import io
import json

import pytest

from django.core.management import call_command

from cms.removal import receipts

# The commands read every store: once, on SQLite.
pytestmark = pytest.mark.slow

GOOD = {"kind": "notice", "item": 7, "needles": [["ab", "cd"]], "file_sha256": ["00"]}


def test_lines_that_are_no_receipts_are_skipped_and_the_rest_read(db, caplog):
    path = receipts.log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    hostile = [
        json.dumps({"reference": "x"}),  # names no item
        json.dumps([1, 2]),
        json.dumps({"kind": "notice", "item": 8, "needles": 5}),
        json.dumps({"kind": "notice", "item": 9, "file_sha256": [1]}),
        "\x00\xff not json",
    ]
    path.write_text("\n".join([json.dumps(GOOD), *hostile]) + "\n", encoding="utf-8")
    assert list(receipts.read()) == [GOOD]
    assert len([r for r in caplog.records if "is not a receipt" in r.message]) == len(hostile)
    # The commands that read it all still run.
    call_command("verify_privacy", stdout=io.StringIO())
    call_command("expire_notices", stdout=io.StringIO())


def test_a_receipt_after_a_torn_line_is_not_swallowed(db):
    path = receipts.log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(GOOD) + "\n" + '{"kind": "notice", "it', encoding="utf-8")
    receipts.append({**GOOD, "item": 10})
    assert [r["item"] for r in receipts.read()] == [7, 10]
