"""Copies of removed data outside an item's own rows and files, which the reconciler
clears: task results naming its files, file cache entries, and what SQLite keeps but no
query shows (old full-text segments, old write-ahead log frames)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext

logger = logging.getLogger(__name__)


def scrub_task_results(names: list[str], since: datetime | None) -> None:
    """Task results (their arguments, return values and tracebacks) naming the files:
    Wagtail's file deletions, and anything enqueued since the redaction. The file itself
    is gone already, so a task not yet run only has nothing left to delete."""
    if not apps.is_installed("django_tasks_db"):
        return
    from django_tasks_db.models import DBTaskResult

    wanted = Q(task_path="wagtail.tasks.delete_file_from_storage_task")
    if since is not None:
        wanted |= Q(enqueued_at__gte=since)
    for result in DBTaskResult.objects.filter(wanted):
        fields = {
            name: _without(getattr(result, name), names)
            for name in ("args_kwargs", "return_value", "traceback")
        }
        changed = [name for name, value in fields.items() if value != getattr(result, name)]
        if changed:
            for name in changed:
                setattr(result, name, fields[name])
            result.save(update_fields=changed)


def _without(value: Any, names: list[str]) -> Any:
    """``value`` (JSON-like data or text) with each of ``names`` replaced by a marker."""
    if isinstance(value, str):
        for name in names:
            value = value.replace(name, gettext("[personal data removed]"))
        return value
    if isinstance(value, list):
        return [_without(item, names) for item in value]
    if isinstance(value, dict):
        return {key: _without(item, names) for key, item in value.items()}
    return value


def drop_holding(paths: Iterable[Path], needles) -> None:
    """Delete the files among ``paths`` whose text holds one of ``needles``."""
    from .reading import file_text

    for path in paths:
        try:
            if needles.in_text(file_text(path, path.read_bytes())):
                path.unlink(missing_ok=True)
        except FileNotFoundError:
            continue  # expired and culled meanwhile


def compact_sqlite() -> None:
    """SQLite keeps what no query shows in two places: a full-text index's old segments (an
    entry deleted or replaced is only marked so until its segments merge) and the
    write-ahead log's old frames. Every FTS5 index is merged and the log folded into the
    database file and truncated; secure_delete (see settings) zeroes the pages freed."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
        )
        for (name,) in cursor.fetchall():
            table = connection.ops.quote_name(name)
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608
        if connection.in_atomic_block:
            return  # (a caller's transaction: SQLite checkpoints only outside one)
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        busy, _frames, _done = cursor.fetchone()
        if busy:
            # A reader still needs old frames; the next removal or round tries again.
            logger.warning("the write-ahead log could not be truncated: a reader holds it")
