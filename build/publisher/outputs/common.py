"""What the output modules share: who owns a record's files, and an article's date."""

from __future__ import annotations


def owner_of(record: dict) -> str:
    """The owner of the files a record's outputs are made of."""
    return f"page:{record['id']}"


def article_date(record: dict) -> str:
    """An article's own date (empty for other records): listings and feeds sort by it."""
    return record.get("date") or ""
