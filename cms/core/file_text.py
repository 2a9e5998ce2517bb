"""A document's text as its reader sees it: what the identity check and the notices'
personal-value check read in an uploaded file.

PDF through pypdf: the text of every page, the document information and XMP metadata a
viewer shows, bookmarks, form fields, annotations (notes, link addresses), page labels and
the names and text of embedded files; a PDF encrypted without a user password is opened
as any viewer opens it (AES needs ``cryptography``). Office Open XML (``.docx``, ``.xlsx``,
``.pptx``) and OpenDocument (``.odt``, ``.ods``, ``.odp``) are zip files: every member that
is text (XML parsed without entities or network, its text nodes and attribute values:
link targets, alt texts, sheet names; HTML chunks) is read. Plain text is read in every
encoding a browser might show it in (UTF-8, UTF-16/32 by their byte order mark or their
zero bytes, Windows-1252). The reading is bounded, so a zip or PDF bomb costs at most
``LIMIT`` characters. A file of these types that cannot be read (damaged, or encrypted
with a password) raises ``Unreadable``: nobody can say what it shows.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import IO

from lxml import etree

logger = logging.getLogger(__name__)

LIMIT = 5_000_000  # characters read from one file; a real notice is far below
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, recover=True
)
_TEXT = {".txt", ".csv", ".tsv", ".md", ".html", ".htm", ".xml", ".json", ".rtf", ".ics"}
_ZIPPED = {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".docm", ".xlsm"}
# Files whose text is not in their bytes as written (compressed or zipped).
DOCUMENTS = frozenset({".pdf", *_ZIPPED})
# Members of a zipped document that are not text (pictures, fonts, embedded binaries).
_BINARY = {".png", ".jpg", ".jpeg", ".gif", ".emf", ".wmf", ".bin", ".ttf", ".odttf", ".svgz"}


class Unreadable(ValueError):
    """A document that cannot be read (damaged, or encrypted with a password)."""


def _bounded(chunks: Iterator[str]) -> str:
    out: list[str] = []
    size = 0
    for chunk in chunks:
        out.append(chunk[: LIMIT - size])
        size += len(out[-1])
        if size >= LIMIT:
            break
    return "\n".join(out)


def _parts(*readers: Callable[[], object]) -> Iterator[str]:
    """Each part of a PDF on its own: one that fails does not hide the others."""
    for read in readers:
        try:
            found = read()
        except Exception:  # (a part pypdf cannot read: the rest still count)
            logger.debug("A PDF part could not be read", exc_info=True)
            continue
        if isinstance(found, str):
            yield found
        elif found:
            yield from (str(item) for item in found)  # type: ignore[attr-defined]


def _outline(items) -> Iterator[str]:
    for item in items:
        if isinstance(item, list):
            yield from _outline(item)
        else:
            yield str(getattr(item, "title", "") or "")


def _annotations(page) -> Iterator[str]:
    for annotation in page.get("/Annots") or []:
        found = annotation.get_object()
        for key in ("/Contents", "/T", "/TU"):
            if found.get(key):
                yield str(found[key])
        action = found.get("/A")
        if action is not None and action.get_object().get("/URI"):
            yield str(action.get_object()["/URI"])


def _attachments(reader) -> Iterator[str]:
    for name, contents in reader.attachments.items():
        yield name
        for data in contents:
            yield text_of(io.BytesIO(data), name)


def _pdf(data: IO[bytes]) -> Iterator[str]:
    from pypdf import PdfReader

    try:
        reader = PdfReader(data)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("encrypted with a password")
        pages = list(reader.pages)
    except Unreadable:
        raise
    except Exception as exc:  # (pypdf raises many kinds: the file is unreadable)
        raise Unreadable(str(exc)) from exc
    xmp = reader.xmp_metadata
    yield from _parts(
        lambda: [str(value) for value in (reader.metadata or {}).values()],
        lambda: xmp.stream.get_data().decode("utf-8", "replace") if xmp else "",
        lambda: list(_outline(reader.outline)),
        lambda: [str(f.get("/V", "")) for f in (reader.get_fields() or {}).values()],
        lambda: list(reader.page_labels),
        lambda: list(_attachments(reader)),
    )
    for page in pages:
        yield from _parts(lambda page=page: page.extract_text() or "")
        yield from _parts(lambda page=page: list(_annotations(page)))


def _xml_text(raw: bytes) -> Iterator[str]:
    root = etree.fromstring(raw, _PARSER)
    if root is None:
        return
    # Words split into runs (<w:t>Matti</w:t><w:t>Meik</w:t>...) are joined as a reader
    # sees them; paragraphs and cells end with a space. Attribute values hold link
    # targets, alt texts, sheet names and properties.
    yield " ".join(" ".join(node.itertext()) for node in root.iter() if len(node) == 0)
    yield "".join(root.itertext())
    yield " ".join(value for node in root.iter() for value in node.attrib.values())


def _zipped(data: IO[bytes]) -> Iterator[str]:
    try:
        archive = zipfile.ZipFile(data)
    except (zipfile.BadZipFile, OSError) as exc:
        raise Unreadable(str(exc)) from exc
    with archive:
        for info in archive.infolist():
            suffix = PurePosixPath(info.filename).suffix.lower()
            if info.is_dir() or suffix in _BINARY:
                continue
            with archive.open(info) as part:
                raw = part.read(LIMIT)  # a bomb's member stops here
            if raw.lstrip()[:1] == b"<" and suffix not in {".html", ".htm"}:
                try:
                    yield from _xml_text(raw)
                    continue
                except etree.XMLSyntaxError:
                    pass
            yield from _decodings(raw)


def _decodings(raw: bytes) -> Iterator[str]:
    """``raw`` in every encoding a browser might show it in."""
    boms = (
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    )
    for bom, encoding in boms:
        if raw.startswith(bom):
            yield raw.decode(encoding, "replace")
            return
    if raw[:2000].count(b"\x00") > len(raw[:2000]) // 4:
        yield raw.decode("utf-16-le", "replace")  # UTF-16 without its mark
        yield raw.decode("utf-16-be", "replace")
        yield raw.decode("utf-32-le", "replace")
    yield raw.decode("utf-8", "replace")
    yield raw.decode("cp1252", "replace")  # (0x96 is an en dash there)


def _plain(data: IO[bytes]) -> Iterator[str]:
    yield from _decodings(data.read(LIMIT))


def text_of(file: IO[bytes], name: str) -> str:
    """The text of ``file`` (named ``name``, whose extension tells its type) as its reader
    sees it; "" for a type with no text (images, archives). Raises ``Unreadable`` for a
    PDF or zipped document that cannot be read."""
    suffix = PurePosixPath(name).suffix.lower()
    reader = (
        _pdf
        if suffix == ".pdf"
        else _zipped
        if suffix in _ZIPPED
        else _plain
        if suffix in _TEXT
        else None
    )
    if reader is None:
        return ""
    position = file.tell() if file.seekable() else None
    try:
        data = file if file.seekable() else io.BytesIO(file.read())
        return _bounded(reader(data))
    finally:
        if position is not None:
            file.seek(position)


def shown(title: str, name: str, contents: str) -> str:
    """What a document shows its reader: its title, file name and contents, one text."""
    return f"{title}\n{name}\n{contents}"


def text_or_blank(file: IO[bytes], name: str) -> str:
    """``text_of``, or "" for an unreadable file (where nothing can be said of it)."""
    try:
        return text_of(file, name)
    except Unreadable:
        return ""
