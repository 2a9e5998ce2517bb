"""A document's text as its reader sees it: what the identity check and the notices'
personal-value check read in an uploaded file.

PDF through pypdf (the text of every page and the document information a viewer shows);
Office Open XML (``.docx``, ``.xlsx``, ``.pptx``) and OpenDocument (``.odt``, ``.ods``,
``.odp``) are zip files of XML, parsed without entities or network access, every text node
of the content, headers, notes and properties; plain text formats as UTF-8 (or Latin-1).
A file that cannot be read as its type is not an error here (``text_of`` gives what it
could read): the upload forms decide what to accept. The reading is bounded, so a zip or
PDF bomb costs at most ``LIMIT`` characters.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import IO

from lxml import etree

logger = logging.getLogger(__name__)

LIMIT = 5_000_000  # characters read from one file; a real notice is far below
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
_TEXT = {".txt", ".csv", ".tsv", ".md", ".html", ".htm", ".xml", ".json", ".rtf", ".ics"}
_ZIPPED = {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".docm", ".xlsm"}
# The parts of a zipped document that hold what a reader sees: content, headers and
# footers, notes, comments, shared strings, slides and the document's properties.
# Files whose text is not in their bytes as written (compressed or zipped).
DOCUMENTS = frozenset({".pdf", *_ZIPPED})
_PARTS = ("word/", "xl/", "ppt/", "docProps/", "content.xml", "meta.xml", "styles.xml")


def _bounded(chunks: Iterator[str]) -> str:
    out: list[str] = []
    size = 0
    for chunk in chunks:
        out.append(chunk[: LIMIT - size])
        size += len(out[-1])
        if size >= LIMIT:
            break
    return "\n".join(out)


def _pdf(data: IO[bytes]) -> Iterator[str]:
    from pypdf import PdfReader

    reader = PdfReader(data)
    if reader.is_encrypted:
        reader.decrypt("")  # opened without a password, as any viewer opens it
    if reader.metadata:
        yield from (str(value) for value in reader.metadata.values())
    xmp = reader.xmp_metadata
    if xmp is not None:
        yield etree.tostring(xmp.rdf_root, method="text", encoding="unicode")
    for page in reader.pages:
        yield page.extract_text() or ""
        for annotation in page.get("/Annots") or []:
            contents = annotation.get_object().get("/Contents")
            if contents:
                yield str(contents)


def _zipped(data: IO[bytes]) -> Iterator[str]:
    with zipfile.ZipFile(data) as archive:
        for info in archive.infolist():
            if not info.filename.startswith(_PARTS) or not info.filename.endswith(".xml"):
                continue
            with archive.open(info) as part:
                raw = part.read(LIMIT)  # a bomb's member stops here
            try:
                root = etree.fromstring(raw, _PARSER)
            except etree.XMLSyntaxError:
                continue
            # Words split into runs (<w:t>Matti</w:t><w:t>Meik</w:t>...) are joined as a
            # reader sees them; paragraphs and cells end with a space.
            yield " ".join(" ".join(node.itertext()) for node in root.iter() if len(node) == 0)
            yield "".join(root.itertext())


def _plain(data: IO[bytes]) -> Iterator[str]:
    raw = data.read(LIMIT)
    try:
        yield raw.decode("utf-8")
    except UnicodeDecodeError:
        yield raw.decode("latin-1")


def text_of(file: IO[bytes], name: str) -> str:
    """The text of ``file`` (named ``name``, whose extension tells its type) as its reader
    sees it; "" for a type with no text (images, archives) or a file that cannot be read."""
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
    except Exception:
        logger.warning("Could not read the text of %s", name, exc_info=True)
        return ""
    finally:
        if position is not None:
            file.seek(position)
