"""Pagefind bundles for the static sites, written by the publishing pipeline.

Talks to the Pagefind binary (from the ``pagefind[bin]`` package) in its service mode, the
protocol Pagefind's own Python API uses: base64-encoded JSON messages separated by commas.
We keep our own small synchronous client because the Python API reads one reply per
100 ms, which would make indexing a section of 400 pages take 40 seconds; here every
record is sent at once and the replies are read as they come.

Pagefind's output is equivalent but not byte-identical from one process to the next (its
internal ordering varies). The publisher writes only files whose bytes changed and checks
incremental builds against full ones, so indexes are memoised by their input: the same
documents in the same language give the same files, from a cache under ``OUTPUT_DIR``. A
section's languages are indexed apart, so an edit in Finnish re-indexes only Finnish.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pagefind.service import get_executable

from publisher.public import write_file

from .bundles import ROOT
from .pagefind_memo import memo_path, pack_memo, stamp, unpack_memo

# Pagefind's own search UIs and playground are not used: the theme has its own search page.
UNUSED = ("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui", "pagefind-highlight")
RUNTIME = ("pagefind.js", "pagefind-worker.js")
REPLY_SECONDS = 300  # far above the largest bundle's indexing time
try:  # part of the cache key: another Pagefind writes other files
    PAGEFIND_VERSION = version("pagefind-bin")
except PackageNotFoundError:  # pragma: no cover - a Pagefind binary from elsewhere
    PAGEFIND_VERSION = "unknown"


class PagefindError(RuntimeError):
    pass


@dataclass
class IndexStats:
    """Time spent indexing in this process (cache misses only), for the benchmark."""

    seconds: float = 0.0


STATS = IndexStats()


class PagefindService:
    """One ``pagefind --service`` process; any number of indexes can be built through it."""

    def __init__(self) -> None:
        executable = get_executable()
        if executable is None:
            raise PagefindError("The Pagefind binary is missing: install pagefind[bin].")
        self.process = subprocess.Popen(  # noqa: S603 - the binary of an installed package
            [str(executable), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.next_id = 0
        self.replies: dict[int | None, dict] = {}
        self.ready = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        """Replies arrive on stdout; read them all the time, so neither side's pipe fills."""
        stdout = self.process.stdout
        assert isinstance(stdout, io.BufferedReader)  # (read1: whatever has arrived)
        pending: list[bytes] = []
        while chunk := stdout.read1(1 << 20):
            while (end := chunk.find(b",")) >= 0:
                pending.append(chunk[:end])
                chunk = chunk[end + 1 :]
                try:
                    reply = json.loads(base64.b64decode(b"".join(pending)))
                except ValueError:  # not a reply: fail every waiting call, never hang
                    break
                pending = []
                with self.ready:
                    self.replies[reply.get("message_id")] = reply["payload"]
                    self.ready.notify_all()
            else:
                pending.append(chunk)
                continue
            break
        with self.ready:
            self.replies[None] = {"type": "Error", "message": "Pagefind stopped"}
            self.ready.notify_all()

    def send(self, payload: dict) -> int:
        self.next_id += 1
        message = {"message_id": self.next_id, "payload": payload}
        assert self.process.stdin is not None
        self.process.stdin.write(base64.b64encode(json.dumps(message).encode()) + b",")
        return self.next_id

    def reply(self, message_id: int) -> dict:
        assert self.process.stdin is not None
        self.process.stdin.flush()
        with self.ready:
            while message_id not in self.replies and None not in self.replies:
                if not self.ready.wait(timeout=REPLY_SECONDS):
                    raise PagefindError(f"Pagefind did not answer in {REPLY_SECONDS} s")
            payload = self.replies.pop(message_id, None) or self.replies[None]
        if payload.get("type") == "Error":
            raise PagefindError(payload.get("message", "Pagefind failed"))
        return payload

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=5)

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def index(self, documents: list[dict]) -> dict[str, bytes]:
        """The files of one index of ``documents`` (one language), by relative path."""
        index = self.reply(self.send({"type": "NewIndex", "config": {}}))["index_id"]
        sent = [
            self.send(
                {
                    "type": "AddRecord",
                    "index_id": index,
                    "url": doc["url"],
                    "content": f"{doc['title']}\n{doc['text']}",
                    "language": doc["lang"],
                    "meta": {"title": doc["title"], "site": doc["site_name"]},
                    "filters": {"site": [doc["site"]], "type": [doc["type"]]},
                    "sort": {"date": doc["date"] or ""},
                }
            )
            for doc in documents
        ]
        for message_id in sent:
            self.reply(message_id)
        # GetFiles, not WriteFiles: Pagefind may answer WriteFiles before every file is on
        # disk (seen under load, as an empty pagefind-entry.json).
        reply = self.reply(self.send({"type": "GetFiles", "index_id": index}))
        self.reply(self.send({"type": "DeleteIndex", "index_id": index}))
        return {file["path"]: base64.b64decode(file["content"]) for file in reply["files"]}


class BundleWriter:
    """Builds bundles, each language through the memo cache; starts Pagefind on demand."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.service: PagefindService | None = None
        self.indexed = 0  # languages actually indexed (cache misses), for the benchmark

    def __enter__(self) -> BundleWriter:
        return self

    def __exit__(self, *exc) -> None:
        if self.service is not None:
            self.service.close()

    def _index(self, documents: list[dict]) -> dict[str, bytes]:
        key = hashlib.sha256(
            json.dumps([PAGEFIND_VERSION, documents], sort_keys=True).encode()
        ).hexdigest()
        path = memo_path(self.cache_dir, key)
        try:
            files = unpack_memo(path.read_bytes())
            stamp(path)  # still in use: keep it
            return files
        except (FileNotFoundError, ValueError):
            pass
        began = time.perf_counter()
        if self.service is None:
            self.service = PagefindService()
        files = self.service.index(documents)
        self.indexed += 1
        STATS.seconds += time.perf_counter() - began
        write_file(path, pack_memo(files))
        stamp(path)
        return files

    def bundle(self, documents: list[dict], *, runtime_languages: list[str]) -> dict[str, bytes]:
        """Index ``documents`` and return the bundle's files by relative path. With
        ``runtime_languages`` the bundle also carries ``pagefind.js`` and the WebAssembly of
        those languages (the root bundle a search page starts from). Pagefind's file names
        carry the language, so only the entry file needs merging across languages."""
        by_lang: dict[str, list[dict]] = {}
        for doc in documents:
            by_lang.setdefault(doc["lang"], []).append(doc)
        files: dict[str, bytes] = {}
        entry: dict = {"languages": {}}
        for lang in sorted(by_lang):
            indexed = dict(self._index(by_lang[lang]))
            part = json.loads(indexed.pop("pagefind-entry.json"))
            entry["version"] = part["version"]
            entry["languages"].update(part["languages"])
            files.update(indexed)
        files["pagefind-entry.json"] = json.dumps(entry, sort_keys=True).encode()
        keep = set(RUNTIME) | {f"wasm.{lang}.pagefind" for lang in runtime_languages}
        return {
            name: data
            for name, data in sorted(files.items())
            if (runtime_languages and name in keep)
            or not (name.startswith(UNUSED) or name.startswith("wasm.") or name in RUNTIME)
        }


def bundle_path(name: str) -> str:
    """Where a bundle lives on its site."""
    return "pagefind/" if name == ROOT else f"pagefind/{name}/"


SIGNATURE = b"pagefind_dcd"


def decoded(data: bytes) -> bytes:
    """The content of a Pagefind data file (gzip behind a signature); other bytes as they
    are. What a reader of the built site can recover from it."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.removeprefix(SIGNATURE)


def fragments(folder: Path) -> Iterator[dict]:
    """Every page record (url, content, meta, filters) in the Pagefind bundles under
    ``folder``: what a search can show of a page."""
    for path in sorted(folder.rglob("*.pf_fragment")):
        yield json.loads(decoded(path.read_bytes()))
