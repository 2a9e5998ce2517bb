"""Canary tokens for the removal's proof: notices whose personal data is a token each,
with copies of it wherever the admin keeps one (revisions, comments, a preview's form
state, a queued file deletion), made at the notices' start."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.admin.models import FormState
from wagtail.models import Comment

from cms.notices.models import NoticeAttachment, NoticePage, NoticeType
from tests.factories import DocumentFactory, FileDeletionTaskFactory, UserFactory
from tests.notices.removal_kit import notices_section, published_notice


def canaries(tokens: list[str]) -> tuple[list[NoticePage], str, object]:
    """Notices, a preview's form states, file deletions, a redacted attachment: the
    notices, the second one's attachment file name and the redacted version."""
    notices = []
    officer = UserFactory(username="lakimies")
    for number, token in enumerate(tokens):
        kind = [NoticeType.DECISION, NoticeType.BUILDING_PERMIT][number % 2]
        page = published_notice(token, notice_type=kind)
        # An older revision with another contact, and a reviewer's comment.
        page.contact_name = f"{token} Edellinen"
        page.save_revision()
        Comment.objects.create(
            page=page,
            user=officer,
            text=f"Tarkista {token} osoite",
            contentpath="body",
            revision_created=page.latest_revision,
        )
        notices.append(page)
    # The admin's preview panel keeps an unsaved form: an edit of one notice, a new
    # page holding another's data, and an unrelated new notice that must stay.
    kind = ContentType.objects.get_for_model(NoticePage, for_concrete_model=False)
    for object_id, contact in [
        (str(notices[2].pk), f"{tokens[2]} Yhteyshenkilö"),
        ("", f"{tokens[4]} Yhteyshenkilö"),
        ("", "Kaupungin kirjaamo"),
    ]:
        FormState.objects.create(
            user=officer,
            content_type=kind,
            object_id=object_id,
            parent_object_id="" if object_id else str(notices_section().pk),
            data=urlencode({"title": "Päätös", "contact_name": contact}),
            last_updated_at=timezone.now(),
        )
    # A file deletion queued for the task worker keeps the file's name, and the name
    # holds the token ("kuuleminen-kanaria1x7.txt"); an unrelated one stays as it was.
    name = NoticeAttachment.objects.get(page=notices[1]).document.file.name
    for file in (name, "documents/kirjaamo.txt"):
        FileDeletionTaskFactory(name=file)
    # One attachment comes with a redacted version, which stays.
    redacted = DocumentFactory(title="Päätös (poistettu henkilötiedot)")
    first = NoticeAttachment.objects.get(page=notices[0])
    first.redacted_document = redacted
    first.save()
    return notices, name, redacted
