"""An image uploaded in the admin loses its EXIF, XMP, IPTC and comments (a camera
owner's name, a description holding an identity code, a GPS position) in its stored
original and every rendition, and a portrait photo stays upright."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PIL.ExifTags import Base

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images.models import Image as WagtailImage

pytestmark = pytest.mark.django_db

SECRETS = [b"131052-308T", b"Meik", b"XMPNAME", b"IPTCNAME", b"COMMENTNAME", b"GPSPLACE"]


def _photo() -> bytes:
    """A JPEG as a phone writes one: EXIF (turned a quarter, with a GPS block), XMP, a
    comment and an IPTC record."""
    image = Image.new("RGB", (60, 30), (30, 90, 160))
    exif = Image.Exif()
    exif[Base.ImageDescription] = "Hakija Matti 131052-308T"
    exif[Base.Artist] = "Matti Meikäläinen"
    exif[Base.Orientation] = 6
    exif.get_ifd(0x8825)[27] = b"ASCII\x00\x00\x00GPSPLACE Kuusitie"  # GPSProcessingMethod
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">XMPNAME</x:xmpmeta>'
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=b"COMMENTNAME", xmp=xmp)
    data = out.getvalue()
    iptc = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x10\x1c\x02\x50\x00\x0aIPTCNAME12"
    segment = b"\xff\xed" + (len(iptc) + 2).to_bytes(2, "big") + iptc
    return data[:2] + segment + data[2:]


def test_an_uploaded_photo_keeps_no_metadata_in_its_original_or_renditions(admin_client):
    photo = _photo()
    assert all(secret in photo for secret in SECRETS)
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Rantakatu", "file": SimpleUploadedFile("kuva.jpg", photo), "collection": 1},
    )
    assert response.status_code == 302
    image = WagtailImage.objects.get()
    assert (image.width, image.height) == (30, 60), "turned upright as the EXIF said"
    with image.file.open("rb") as stored:
        original = stored.read()
    assert image.file_size == len(original)
    renditions = [image.get_rendition(spec) for spec in ("fill-20x20", "width-30|format-webp")]
    for data in [original, *(r.file.open("rb").read() for r in renditions)]:
        assert not [secret for secret in SECRETS if secret in data]
        assert not Image.open(io.BytesIO(data)).getexif()


def test_an_image_stored_before_the_cleaning_is_cleaned_by_the_command():
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db.models.signals import pre_save

    from cms.core.image_metadata import _clean_new_original

    # Stored as an older release stored it: without the receiver.
    pre_save.disconnect(_clean_new_original, sender="wagtailimages.Image")
    try:
        image = WagtailImage(title="Vanha", file=ContentFile(_photo(), name="vanha.jpg"))
        image.save()
    finally:
        pre_save.connect(_clean_new_original, sender="wagtailimages.Image")
    rendition = image.get_rendition("fill-20x20")
    assert b"IPTCNAME" in image.file.open("rb").read()
    call_command("clean_image_metadata", stdout=io.StringIO())
    image = WagtailImage.objects.get(pk=image.pk)
    with image.file.open("rb") as stored:
        assert not [secret for secret in SECRETS if secret in stored.read()]
    assert not image.renditions.filter(pk=rendition.pk).exists()
    fresh = image.get_rendition("fill-20x20").file.open("rb").read()
    assert not [secret for secret in SECRETS if secret in fresh]


def _upload(admin_client, name: str, data: bytes) -> WagtailImage:
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, data), "collection": 1},
    )
    assert response.status_code == 302
    return WagtailImage.objects.get(title=name)


def test_an_avif_and_a_colour_profile_keep_no_text(admin_client):
    from PIL import ImageCms

    exif = Image.Exif()
    exif[Base.ImageDescription] = "Hakija 131052-308T"
    avif = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 60)).save(
        avif, "AVIF", exif=exif.tobytes(), xmp=b"<x:xmpmeta>XMPNAME</x:xmpmeta>"
    )
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    profiled = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 60, 10)).save(
        profiled, "JPEG", icc_profile=srgb + b"desc Meikalainen 131052-308T"
    )
    for name, data in (("kuva.avif", avif.getvalue()), ("profiili.jpg", profiled.getvalue())):
        assert b"131052-308T" in data
        image = _upload(admin_client, name, data)
        with image.file.open("rb") as stored:
            original = stored.read()
        rendition = image.get_rendition("width-30|format-jpeg").file.open("rb").read()
        for stored_bytes in (original, rendition):
            assert b"131052-308T" not in stored_bytes and b"XMPNAME" not in stored_bytes


def test_a_plain_gif87a_is_kept_without_error():
    """A GIF without a graphic control extension (no timing) failed the upload (HTTP 500)."""
    from PIL import Image as PILImage

    from cms.core.image_metadata import without_metadata

    data = (
        b"GIF87a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
        b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    )
    assert PILImage.open(io.BytesIO(data)).info.get("duration") is None
    cleaned, size = without_metadata(data)
    assert size == (1, 1) and PILImage.open(io.BytesIO(cleaned)).format == "GIF"


@pytest.mark.parametrize(
    ("mode", "kind", "name"),
    [("I;16", "PNG", "kartta.png"), ("CMYK", "JPEG", "kartta.jpg"), ("LA", "PNG", "kartta.png")],
)
def test_an_image_of_any_mode_gives_every_rendition_the_sites_use(admin_client, mode, kind, name):
    """A 16-bit greyscale PNG (a scanner's, a map's) was accepted, and then every full
    build failed on it ("cannot write mode I;16 as JPEG"): it is stored in a mode every
    rendition can be made from, its shades kept."""
    from publisher.export.images import all_specs

    image = Image.new(mode, (40, 20))
    if mode.startswith("I"):
        image.putpixel((0, 0), 65535)
    out = io.BytesIO()
    image.save(out, kind)
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Kartta", "file": SimpleUploadedFile(name, out.getvalue()), "collection": 1},
    )
    assert response.status_code == 302
    stored = WagtailImage.objects.get(title="Kartta")
    specs = all_specs(stored)
    assert len(stored.get_renditions(*specs)) == len(set(specs))
    if mode.startswith("I"):
        with stored.file.open("rb") as original:
            assert Image.open(original).getpixel((0, 0)) == 255  # (white stays white)


def test_a_truncated_photo_is_refused_on_its_field(admin_client):
    """Half a JPEG (an upload cut short) was a server error: now the form says why."""
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (10, 200, 30)).save(out, "JPEG")
    half = out.getvalue()[: len(out.getvalue()) // 2]
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Rikki", "file": SimpleUploadedFile("rikki.jpg", half), "collection": 1},
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert response.status_code == 200
    assert "Kuvatiedosto on vioittunut" in str(response.context["form"].errors["file"])
    assert not WagtailImage.objects.filter(title="Rikki").exists()


def test_an_animated_png_is_refused_with_what_to_do(admin_client):
    """Wagtail's image library reads no animated PNG: the form says so, and what to do,
    instead of calling it no image."""
    frames = [Image.new("RGBA", (40, 30), (60 * i, 0, 0, 255)) for i in range(3)]
    out = io.BytesIO()
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:], duration=100)
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Animaatio",
            "file": SimpleUploadedFile("anim.png", out.getvalue()),
            "collection": 1,
        },
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert response.status_code == 200
    assert "Animoituja PNG-kuvia ei voi käyttää" in str(response.context["form"].errors["file"])
    assert not WagtailImage.objects.filter(title="Animaatio").exists()


def test_an_original_damaged_on_disk_leaves_the_image_admin_usable(admin_client):
    """An original cut short on the disk (a full disk during a copy, a failed restore):
    the image list and the image's own page still open, the image shown as missing, so
    that an editor can find it and upload it again."""
    from pathlib import Path

    from tests import factories

    image = factories.ImageFactory(title="Katkennut kuva")
    path = Path(image.file.path)
    path.write_bytes(path.read_bytes()[:400])
    assert admin_client.get("/admin/images/").status_code == 200
    assert admin_client.get(f"/admin/images/{image.pk}/").status_code == 200
