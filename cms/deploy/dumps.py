"""The database in a backup, its personal values sealed (``sealing.py``): SQLite copied with
its online backup into memory, sealed there and written out compacted (``VACUUM INTO``), so
the unsealed copy never reaches a disk; PostgreSQL dumped as SQL by ``pg_dump`` and sealed
line by line as it streams. The search indexes go without their rows: they hold every
word of every page and are built again by every restore.

A restore unseals the same way: the SQLite copy before it replaces the live file, the SQL
as it streams into ``psql``.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

from .sealing import Sealer

DATABASE_SQLITE = "database.sqlite3"
DATABASE_POSTGRES = "database.sql"
DATABASE_POSTGRES_CUSTOM = "database.pgdump"  # (format 1)
DATABASES = (DATABASE_SQLITE, DATABASE_POSTGRES, DATABASE_POSTGRES_CUSTOM)
SEARCH_TABLES = re.compile(r"^(wagtailsearch_|modelsearch_|citysearch_)")
# A database with these is this platform's: a restore refuses any other (a sound SQLite
# file of another program, or of another Wagtail project, would replace every page, user
# and notice with nothing).
OWN_TABLES = (
    "django_migrations",
    "wagtailcore_page",
    "wagtailcore_site",
    "auth_user",
    "core_siteprofile",
    "notices_noticepage",
)
NOT_OURS = "its database is not this platform's (it has no {table} table)"


class BackupError(RuntimeError):
    pass


def pg(tool: str) -> tuple[str, dict[str, str]]:
    """The PostgreSQL client ``tool`` and the environment naming this platform's database
    (libpq's variables, so a password never shows in a process list)."""
    path = shutil.which(tool)
    if path is None:
        raise BackupError(f"{tool} is not installed (Debian: postgresql-client)")
    db = settings.DATABASES["default"]
    names = {"PGHOST": "HOST", "PGPORT": "PORT", "PGUSER": "USER", "PGPASSWORD": "PASSWORD"}
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    env.update({var: str(db[key]) for var, key in names.items() if db.get(key)})
    return path, env


def dump(folder: Path, sealer: Sealer) -> tuple[str, list[str]]:
    """The database, sealed, into ``folder``: its member name, and where values were left
    unsealed (``table.column: owner``: the proof would still read them there)."""
    if connection.vendor == "sqlite":
        return DATABASE_SQLITE, _dump_sqlite(folder / DATABASE_SQLITE, sealer)
    if connection.vendor == "postgresql":
        return DATABASE_POSTGRES, _dump_postgres(folder / DATABASE_POSTGRES, sealer)
    raise BackupError(f"backups of a {connection.vendor} database are not supported")


def _tables(db: sqlite3.Connection) -> list[tuple[str, str]]:
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    return [(name, sql or "") for name, sql in rows if not name.startswith("sqlite_")]


def _rewrite(db: sqlite3.Connection, change: Callable[[str, str, str], str | None]) -> None:
    """Every text cell of every table through ``change(table, column, text)`` (None: as
    it is); the search indexes emptied."""
    # (Table and column names come from SQLite's own schema, quoted: never from input.)
    tables = _tables(db)
    virtual = {name for name, sql in tables if sql.upper().startswith("CREATE VIRTUAL")}
    for name in sorted(virtual):
        if SEARCH_TABLES.match(name):
            db.execute(f'DELETE FROM "{name}"')  # noqa: S608
            db.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'rebuild\')')  # noqa: S608
    for name, _sql in tables:
        if name in virtual or any(name.startswith(v + "_") for v in virtual):
            continue  # (full-text tables and their shadow tables: emptied above)
        if SEARCH_TABLES.match(name):
            db.execute(f'DELETE FROM "{name}"')  # noqa: S608
            continue
        columns = [row[1] for row in db.execute(f'PRAGMA table_info("{name}")')]
        listed = ", ".join(f'"{c}"' for c in columns)
        for row in db.execute(f'SELECT rowid, {listed} FROM "{name}"').fetchall():  # noqa: S608
            for column, value in zip(columns, row[1:], strict=True):
                if isinstance(value, str) and (new := change(name, column, value)) is not None:
                    update = f'UPDATE "{name}" SET "{column}" = ? WHERE rowid = ?'  # noqa: S608
                    db.execute(update, (new, row[0]))


def _dump_sqlite(target: Path, sealer: Sealer) -> list[str]:
    left: list[str] = []

    def seal(table: str, column: str, text: str) -> str | None:
        sealed = sealer.seal(text)
        left.extend(f"{table}.{column}: {o[0]} {o[1]}" for o in sorted(sealer.left(sealed)))
        return sealed if sealed != text else None

    memory = sqlite3.connect(":memory:")
    source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
    try:
        # SQLite's online backup: a consistent copy while the workers keep writing.
        source.backup(memory)
        with memory:
            _rewrite(memory, seal)
        memory.execute("VACUUM INTO ?", (str(target),))
    finally:
        memory.close()
        source.close()
    return sorted(set(left))


def _search_tables() -> list[str]:
    return [name for name in connection.introspection.table_names() if SEARCH_TABLES.match(name)]


def _dump_postgres(target: Path, sealer: Sealer) -> list[str]:
    pg_dump, env = pg("pg_dump")
    left: set[str] = set()
    command = [pg_dump, "--format=plain", "--no-owner", "--clean", "--if-exists"]
    command += [f"--exclude-table-data={name}" for name in _search_tables()]
    with tempfile.TemporaryFile() as errors, target.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(  # noqa: S603 - pg_dump of our own database
            command, env=env, stdout=subprocess.PIPE, stderr=errors, text=True, encoding="utf-8"
        )
        table = ""
        for line in process.stdout or ():
            if line.startswith("COPY "):
                table = line.split(" ", 2)[1]
            sealed = sealer.seal(line)
            # (COPY doubles a backslash: the proof reads the value as stored.)
            found = sealer.left(sealed.replace("\\\\", "\\"))
            left.update(f"{table}: {o[0]} {o[1]}" for o in found)
            out.write(sealed)
        if process.wait() != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()[-2000:]
            raise BackupError(f"pg_dump failed: {message}")
    return sorted(left)


def restore(folder: Path, manifest: dict, unseal: Callable[[str], str]) -> None:
    """The database of the backup unpacked in ``folder``, with ``unseal`` applied to its
    text, in place of this platform's."""
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"the backup is of a {manifest['engine']} database; this one is {connection.vendor}"
        )
    source = folder / manifest["database"]
    connections.close_all()
    if connection.vendor == "sqlite":
        target = Path(settings.DATABASES["default"]["NAME"])
        staged = target.with_name(target.name + ".restoring")
        shutil.copyfile(source, staged)
        copy = sqlite3.connect(staged)
        try:
            _ours(copy)
            with copy:
                _rewrite(copy, lambda _t, _c, text: _changed(text, unseal))
        except sqlite3.DatabaseError as error:
            staged.unlink(missing_ok=True)
            raise BackupError(f"its database cannot be read: {error}") from error
        except BackupError:
            staged.unlink(missing_ok=True)
            raise
        finally:
            copy.close()
        for suffix in ("-wal", "-shm"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        staged.replace(target)
    elif manifest["database"] == DATABASE_POSTGRES_CUSTOM:
        _pg_restore(source)
    else:
        _psql(source, unseal)


def _ours(db: sqlite3.Connection) -> None:
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table in OWN_TABLES:
        if table not in names:
            raise BackupError(NOT_OURS.format(table=table))


def _ours_sql(created: set[str]) -> str:
    """SQL that fails unless the dump made and left this platform's tables."""
    checks = []
    for table in OWN_TABLES:
        message = NOT_OURS.format(table=table).replace("'", "''")
        missing = "true" if table not in created else f"to_regclass('public.{table}') IS NULL"
        checks.append(f"DO $$BEGIN IF {missing} THEN RAISE EXCEPTION '{message}'; END IF; END$$;\n")
    return "".join(checks)


def _changed(text: str, unseal: Callable[[str], str]) -> str | None:
    opened = unseal(text)
    return opened if opened != text else None


def _pg_restore(source: Path) -> None:
    """A backup of format 1: ``pg_dump``'s custom format, nothing sealed."""
    pg_restore, env = pg("pg_restore")
    listed = subprocess.run(  # noqa: S603 - reads the archive's table of contents
        [pg_restore, "--list", str(source)], env=env, capture_output=True, text=True
    )
    for table in OWN_TABLES:
        if not re.search(rf"\bTABLE public {table}\b", listed.stdout):
            raise BackupError(NOT_OURS.format(table=table))
    done = subprocess.run(  # noqa: S603 - pg_restore into our own database
        [pg_restore, "--clean", "--if-exists", "--no-owner", "--single-transaction"]
        + [f"--dbname={env['PGDATABASE']}", str(source)],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise BackupError(f"pg_restore failed: {done.stderr.strip()[-2000:]}")


def _psql(source: Path, unseal: Callable[[str], str]) -> None:
    psql, env = pg("psql")
    command = [psql, "--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1"]
    with tempfile.TemporaryFile() as errors, source.open(encoding="utf-8") as sql:
        process = subprocess.Popen(  # noqa: S603 - psql into our own database
            command,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            text=True,
            encoding="utf-8",
        )
        try:
            created = set()
            for line in sql:
                if line.startswith("CREATE TABLE public."):
                    created.add(line[len("CREATE TABLE public.") :].split(" ", 1)[0])
                (process.stdin or sql).write(unseal(line))
            # Last, inside psql's one transaction: a dump that is not this platform's
            # database undoes all of the restore.
            (process.stdin or sql).write(_ours_sql(created))
            (process.stdin or sql).close()
        except BrokenPipeError:
            pass  # psql stopped at an error: its message says which
        if process.wait() != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()[-2000:]
            raise BackupError(f"psql failed: {message}")
