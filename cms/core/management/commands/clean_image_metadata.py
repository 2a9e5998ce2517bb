"""``manage.py clean_image_metadata``: images stored before uploads were cleaned lose
their EXIF, XMP, IPTC and comments, in the original and (made again) every rendition.
Run once after upgrading; the next publish ships the clean renditions."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from wagtail.images import get_image_model

from cms.core.image_metadata import clean_stored


class Command(BaseCommand):
    help = "Remove embedded metadata from every stored image and its renditions."

    def handle(self, *args, **options) -> None:
        images = get_image_model().objects.all()
        cleaned = sum(clean_stored(image) for image in images.iterator())
        self.stdout.write(f"{cleaned} of {images.count()} image(s) cleaned")
