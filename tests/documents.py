"""Real documents for the tests of what a file says: a PDF with text on its page and in
its document information (written with pypdf, as a word processor's export would be read),
and Office Open XML with words split into runs, as Word saves them."""

from __future__ import annotations

import io
import zipfile

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject


def _escaped(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf(
    text: str,
    *,
    author: str = "Kirjaamo",
    bookmark: str = "",
    password: str | None = None,
) -> bytes:
    """A one-page PDF showing ``text`` (Helvetica, WinAnsi), by ``author``; with a
    ``bookmark``, and encrypted (AES-256) with the user ``password`` ("" opens without
    one, as most encrypted PDFs do)."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 72 720 Td (" + _escaped(text) + b") Tj ET")
    page[NameObject("/Contents")] = writer._add_object(stream)
    writer.add_metadata({"/Author": author, "/Title": "Asiakirja"})
    if bookmark:
        writer.add_outline_item(title=bookmark, page_number=0)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="omistaja", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx(*runs: str, link: str = "https://kaislahti.example/") -> bytes:
    """A Word document of one paragraph made of ``runs`` (Word splits words so), with a
    hyperlink to ``link`` (its target is in the relationships part, not the text)."""
    body = "".join(f"<w:r><w:t xml:space='preserve'>{run}</w:t></w:r>" for run in runs)
    document = (
        "<?xml version='1.0' encoding='UTF-8'?><w:document xmlns:w='http://schemas."
        "openxmlformats.org/wordprocessingml/2006/main'><w:body><w:p>"
        f"{body}</w:p></w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
        archive.writestr(
            "word/_rels/document.xml.rels",
            "<?xml version='1.0'?><Relationships xmlns='http://schemas.openxmlformats.org/"
            "package/2006/relationships'><Relationship Id='rId1' Type='hyperlink' "
            f"Target='{link}' TargetMode='External'/></Relationships>",
        )
    return out.getvalue()
