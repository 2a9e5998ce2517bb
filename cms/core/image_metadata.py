"""Images lose their embedded text when they are stored: EXIF (a camera's owner, an
ImageDescription, GPS position), XMP and IPTC, PNG text chunks and GIF comments. Wagtail
copies an original's EXIF into every JPEG and WebP rendition (Willow passes it on), so
the original is cleaned before it is first saved, whatever saves it (the admin's forms,
the multiple upload, an import): every rendition made of it, the share image included, has
nothing to copy. The orientation EXIF gave is applied to the pixels first, so a portrait
photo stays upright; the colour profile is applied and dropped (its description is free
text).
"""

from __future__ import annotations

import hashlib
import io
import logging

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from django.dispatch import receiver

from wagtail.images.exceptions import InvalidFilterSpecError, UnknownOutputImageFormatError
from wagtail.images.models import AbstractImage, SourceImageIOError

logger = logging.getLogger(__name__)

# Formats rewritten without their metadata (the upload form accepts no others but SVG,
# which is text and checked as such).
FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "AVIF"}
QUALITY = {"JPEG": 92, "WEBP": 90, "AVIF": 85}


def without_metadata(data: bytes) -> tuple[bytes, tuple[int, int]] | None:
    """``data`` (an image file) written again without its metadata, and its size; None
    when it is not an image of ``FORMATS``."""
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    kind = image.format
    if kind not in FORMATS:
        return None
    icc = image.info.get("icc_profile")
    out = io.BytesIO()
    frames = getattr(image, "n_frames", 1)
    if kind == "GIF" or frames > 1:
        # Every frame and its timing (an animation), without the comment and metadata.
        # (A GIF87a has neither: none is given, or Pillow fails on None.)
        timing = {key: image.info.get(key) for key in ("duration", "loop")}
        image.info = {key: value for key, value in timing.items() if value is not None}
        options = {"comment": b""} if kind == "GIF" else {"exif": b""}
        image.save(out, kind, save_all=frames > 1, **options)
        return out.getvalue(), image.size
    upright = _renderable(_in_srgb(ImageOps.exif_transpose(image) or image, icc))
    options: dict = {}
    if kind == "JPEG" and upright is image:
        # Not turned nor converted: the same quantisation tables and subsampling.
        options |= {"quality": "keep", "subsampling": "keep"}
    elif kind in QUALITY:
        options |= {"quality": QUALITY[kind]}
    if kind == "WEBP":
        options |= {"lossless": bool(image.info.get("lossless"))}
    # Pillow writes some of what ``info`` holds (a JPEG's comment, XMP) back: none of it.
    upright.info = {}
    upright.save(out, kind, exif=b"", **options)
    return out.getvalue(), upright.size


# Modes every rendition (JPEG, WebP, AVIF) can be made from; others are converted once,
# here: a 16-bit greyscale PNG made every rendition fail ("cannot write mode I;16 as JPEG").
RENDERABLE = {"1", "L", "LA", "P", "RGB", "RGBA"}


def _renderable(image: Image.Image) -> Image.Image:
    if image.mode in RENDERABLE:
        return image
    if image.mode.startswith("I"):  # 16- or 32-bit greyscale: its top 8 bits
        scale = 1 / 256 if image.mode.startswith("I;16") else 1 / 16_777_216
        return image.convert("I").point(lambda value: value * scale).convert("L")
    if image.mode == "F":
        return image.convert("L")
    return image.convert("RGBA" if "A" in image.getbands() else "RGB")


def _in_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """``image`` in sRGB without its colour profile: a profile holds text (its description
    and copyright are free text, and can hold anything), so it goes, its colours applied
    first."""
    if not icc:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        mode = image.mode if image.mode in ("RGB", "RGBA", "L") else "RGB"
        converted = ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=mode
        )
        return converted or image
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image.convert("RGB") if image.mode == "CMYK" else image.copy()


@receiver(pre_save, sender="wagtailimages.Image")
def _clean_new_original(sender, instance, **kwargs) -> None:
    """Before an image's new file is first stored, its metadata goes."""
    field = instance.file
    if not field or getattr(field, "_committed", True):
        return  # no file, or one already stored (an edit of the title, a focal point)
    field.seek(0)
    cleaned = without_metadata(field.read())
    field.seek(0)
    if cleaned is None:
        return
    data, (instance.width, instance.height) = cleaned
    instance.file = ContentFile(data, name=field.name)
    instance.file_size = len(data)
    instance.file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 (Wagtail's own hash)


def clean_stored(image) -> bool:
    """An image stored before its metadata was cleaned at upload: its original written
    again without it (under a new name: the old file may be cached by its address) and
    its renditions deleted, to be made again from the clean original. True if changed."""
    try:
        with image.file.open("rb") as stored:
            data = stored.read()
    except OSError:
        return False
    cleaned = without_metadata(data)
    if cleaned is None or cleaned[0] == data:
        return False
    old = image.file.name
    image.file = ContentFile(cleaned[0], name=old.rsplit("/", 1)[-1])
    image.save()  # (the pre_save receiver sets the size, hash and dimensions)
    image.file.storage.delete(old)
    for rendition in image.renditions.all():
        rendition.file.delete(save=False)
        rendition.delete()
    return True


def _as_source_error(generate):
    """Wagtail's rendition making, with an original its decoder cannot read (cut short on
    the disk, damaged) told as Wagtail's own "source image" error: its admin views and
    template tag show that image as missing instead of failing the whole list."""

    def generate_rendition_file(self, filter, *, source=None):
        try:
            return generate(self, filter, source=source)
        except (SourceImageIOError, InvalidFilterSpecError, UnknownOutputImageFormatError):
            raise  # (a wrong filter is the code's fault: it must show)
        except (OSError, ValueError, Image.DecompressionBombError) as error:
            logger.warning("Image %s cannot be read for a rendition: %s", self.pk, error)
            raise SourceImageIOError(str(error)) from error

    return generate_rendition_file


AbstractImage.generate_rendition_file = _as_source_error(AbstractImage.generate_rendition_file)
