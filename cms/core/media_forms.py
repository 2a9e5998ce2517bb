"""The admin's image and document forms (``WAGTAILIMAGES_IMAGE_FORM_BASE``,
``WAGTAILDOCS_DOCUMENT_FORM_BASE``): Wagtail's own, with the identity-code check of every
published text (``identity_check.py``) on the title, file name, tags and any other text
field, and on a document's contents as its reader sees them (``file_text.py``: the text and
metadata of a PDF, an Office or OpenDocument file, plain text). The multiple upload and the
choosers' upload forms are made from these too."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .file_text import Unreadable, shown, text_of, text_or_blank
from .identity_check import MESSAGE, fields_with_codes

CONTENTS = _("the file's contents")
UNREADABLE = _(
    "The file could not be read to check it for personal identity codes (it is damaged, "
    "or protected with a password). Save it again without a password and upload it."
)
# Checks an app adds to a document's edit: ``fn(document, text)`` gives the messages that
# refuse it (``text``: its new title, file name and contents). Notices refuse a document
# they keep public once it names their person (``cms/notices/wagtail_hooks.py``).
DOCUMENT_CHECKS_HOOK = "check_document_text"


class _NoCodes:
    """Refuses a form whose texts or file name hold an identity code."""

    reads_contents = False
    contents = ""  # the upload's text, once read

    def clean(self):
        cleaned = super().clean()
        texts = [
            (self.fields[name].label or name, str(value))
            for name, value in cleaned.items()
            if isinstance(value, str)
        ]
        upload = cleaned.get("file")
        if upload is not None and getattr(upload, "name", None):
            texts.append((self.fields["file"].label or "file", upload.name))
            if self.reads_contents:
                try:
                    self.contents = text_of(upload, upload.name)
                except Unreadable as exc:
                    raise forms.ValidationError(gettext(UNREADABLE)) from exc
                texts.append((CONTENTS, self.contents))
        tags = cleaned.get("tags")
        if tags:
            texts.append((self.fields["tags"].label or "tags", " ".join(map(str, tags))))
        found = fields_with_codes(texts)
        if found:
            raise forms.ValidationError(gettext(MESSAGE) % {"field": ", ".join(found)})
        return cleaned


DAMAGED = _("The image file is damaged or incomplete: save it again and upload it.")


ANIMATED_PNG = _(
    "Animated PNG images cannot be used: save the image as an animated GIF, or as a PNG "
    "of one frame, and upload it again."
)


def _animated_png(upload) -> bool:
    """Whether ``upload`` is an animated PNG (a PNG with an animation control chunk)."""
    try:
        upload.seek(0)
        head = upload.read(64 * 1024)
        upload.seek(0)
    except (AttributeError, OSError, ValueError):
        return False
    return head.startswith(b"\x89PNG\r\n\x1a\n") and b"acTL" in head.split(b"IDAT", 1)[0]


class ImageForm(_NoCodes, BaseImageForm):
    """The image form: no identity code in the title, alt text, file name or tags; a file
    Pillow cannot read to its end (a truncated upload) is refused on its field, not a 500."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            read = field.clean

            def clean(*values):
                try:
                    return read(*values)
                except OSError as error:
                    raise forms.ValidationError(gettext(DAMAGED)) from error
                except forms.ValidationError:
                    # Wagtail's image library reads no animated PNG: say so, not that
                    # the file is no image.
                    if values and _animated_png(values[0]):
                        raise forms.ValidationError(gettext(ANIMATED_PNG)) from None
                    raise

            field.clean = clean


class DocumentForm(_NoCodes, BaseDocumentForm):
    """The document form: no identity code in the title, file name, tags or contents, and
    what the apps check in a document they use (``DOCUMENT_CHECKS_HOOK``)."""

    reads_contents = True

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned  # (used by nothing yet)
        upload = cleaned.get("file")
        if upload is not None and getattr(upload, "name", None):
            name, contents = upload.name, self.contents  # (read once, by the code check)
        else:
            name = self.instance.file.name
            with self.instance.file.open("rb") as stored:
                contents = text_or_blank(stored, name)
        text = shown(cleaned.get("title") or "", name, contents)
        for check in hooks.get_hooks(DOCUMENT_CHECKS_HOOK):
            for message in check(self.instance, text):
                self.add_error(None, message)
        return cleaned
