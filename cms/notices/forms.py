"""The notice edit form: the personal-data scanner runs on every save.

A valid personal identity code blocks saving outright, so it never reaches a revision
(the check every page type has, ``cms.core.identity_check``). Unmarked phone numbers,
e-mail addresses and property identifiers warn: publishing (or submitting for
moderation) needs the officer to confirm them, each time, since the confirmation is part
of the form and never stored.
"""

from __future__ import annotations

from datetime import timedelta
from functools import cached_property

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cms.core.file_text import shown, text_or_blank
from cms.core.forms import CityPageForm
from cms.core.personal_data import REMOVED_HOOK
from records.text import html_text

from . import kept, redaction, richtext, scanner
from .richtext import without_marked

PUBLISHING_ACTIONS = ("action-publish", "action-submit")
# How far in the past a display start may be when the notice is first published (the
# minutes the officer spent on the form); it then starts now, when it really goes on view.
LATE_START = timedelta(minutes=15)
# What decides the display period: fixed once the period ended and the data is gone.
PERIOD_FIELDS = ("display_from", "appeal_days", "other_deadline")


def notice_findings(data: dict[str, str], body: str) -> list[scanner.Finding]:
    """Findings in a notice's fields (name -> text) and its rich-text body."""
    personal = [data.get(name, "") for name in redaction.PERSONAL_FIELDS]
    fields = {**data, "body": html_text(body)}
    return scanner.scan(fields, marked=[*richtext.marked_texts(body), *personal])


def document_text(document) -> str:
    """What a document that stays public shows: its title, file name and contents (a
    "redacted version" that still names the person is no redacted version)."""
    with document.file.open("rb") as file:
        contents = text_or_blank(file, document.file.name)
    return shown(document.title, document.file.name, contents)


class NoticeForm(CityPageForm):
    confirm_personal_data = forms.BooleanField(
        label=_("I have checked the personal data the scanner found"),
        required=False,
        help_text=_(
            "Needed to publish when the scanner warns about unmarked phone numbers, "
            "e-mail addresses or property identifiers."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        model = self._meta.model
        values = {name: str(cleaned.get(name) or "") for name in model.SCANNED_FIELDS}
        findings = notice_findings(values, str(cleaned.get("body") or ""))
        fields = {name: model._meta.get_field(name) for name in [*model.SCANNED_FIELDS, "body"]}
        # An identity code is refused by the page's own check, in every field and
        # page type (cms/core/identity_check.py); the scanner's own part is the warnings.
        warnings = [f for f in findings if not f.blocks]
        publishing = any(action in self.data for action in PUBLISHING_ACTIONS)
        if warnings and publishing and not cleaned.get("confirm_personal_data"):
            listed = "; ".join(
                f"{fields[f.field].verbose_name}: {f.label} “{f.text}”" for f in warnings
            )
            self.add_error(
                "confirm_personal_data",
                gettext(
                    "Unmarked personal data? %(found)s. Mark it as personal data, or confirm "
                    "that it may stay after the display period."
                )
                % {"found": listed},
            )
        if publishing:
            self._refuse_leaks(cleaned)
            self._start_now_or_later(cleaned)
        self._ended_stays_ended(cleaned)
        return cleaned

    @cached_property
    def _stored(self) -> dict:
        """The notice as the database has it (the form's instance is the latest revision,
        which may be older than the removal of its personal data); read once per form."""
        if self.instance.pk is None:
            return {}
        rows = type(self.instance).objects.filter(pk=self.instance.pk)
        fields = (*PERIOD_FIELDS, "first_published_at", "personal_data_removed_at")
        return rows.values(*fields).first() or {}

    def _start_now_or_later(self, cleaned: dict) -> None:
        """A notice goes on view now or later: its page says "published" at its start, so
        a start in the past would state a publication that never happened. A notice once
        on view keeps the start it had (moving it back would also move its deadlines)."""
        start = cleaned.get("display_from")
        stored = self._stored
        if start is None:
            return
        minute = {"second": 0, "microsecond": 0}  # (the form shows minutes)
        kept = stored.get("display_from")
        if stored.get("first_published_at") and kept and start == kept.replace(**minute):
            return
        if self._on_view_in_another_language(start):
            return  # a language version of a notice on view: the same notice, the same start
        now = timezone.now()
        if start < now - LATE_START:
            self.add_error(
                "display_from",
                gettext(
                    "The display period cannot start in the past: the page would say the "
                    "notice was published at %(start)s, which never happened. Give the "
                    "moment it goes on view (now or later)."
                )
                % {"start": timezone.localtime(start).strftime("%d.%m.%Y %H.%M")},
            )
        elif start < now and stored.get("first_published_at") is None:
            cleaned["display_from"] = self.instance.display_from = now.replace(**minute)

    def _on_view_in_another_language(self, start) -> bool:
        if self.instance.pk is None:
            return False
        versions = (
            type(self.instance)
            .objects.filter(
                translation_key=self.instance.translation_key, first_published_at__isnull=False
            )
            .exclude(pk=self.instance.pk)
        )
        return any(
            v.display_from and v.display_from.replace(second=0, microsecond=0) == start
            for v in versions.only("display_from")
        )

    def _ended_stays_ended(self, cleaned: dict) -> None:
        """Personal data cannot be put back into a notice whose data was removed (a draft
        too): nothing would remove it again."""
        if self._stored.get("personal_data_removed_at") is None:
            return
        message = gettext(
            "The display period of this notice has ended and its personal data has been "
            "removed: personal data cannot be added to it again."
        )
        for name in redaction.PERSONAL_FIELDS:
            if name in self.fields and str(cleaned.get(name) or "").strip():
                self.add_error(name, message)
        if richtext.marked_texts(str(cleaned.get("body") or "")):
            self.add_error("body", message)
        formset = self.formsets.get("attachments")
        forms_ = formset.forms if formset is not None and formset.is_valid() else []
        if any(f.cleaned_data.get("personal") for f in forms_ if f.cleaned_data):
            self.add_error(None, message)
        self._removed_stays_out(cleaned)
        self._period_stays(cleaned)

    def _removed_stays_out(self, cleaned: dict) -> None:
        """A removed value typed back into what stays public (the lead, a title, the body
        outside marks) of an ended notice: the removal already ran, so it would stay for
        good. The removal app knows the values only as its receipt's needles."""
        ask = hooks.get_hooks(REMOVED_HOOK)
        for field, (label, text) in self._kept_texts(cleaned).items():
            if any(removed_in("notice", self.instance.pk, text) for removed_in in ask):
                message = gettext(
                    "%(field)s contains personal data this notice had until its display "
                    "period ended and the data was removed: it cannot be added again."
                ) % {"field": label}
                self.add_error(field if field in self.fields else None, message)

    def _period_stays(self, cleaned: dict) -> None:
        """The display period of a notice whose data was removed cannot move: a notice put
        back on view would say its data was never there."""
        stored = self._stored
        for name in PERIOD_FIELDS:
            if name not in self.fields or name not in cleaned:
                continue
            given, kept_ = cleaned[name], stored.get(name)
            if name == "display_from" and given and kept_:
                given, kept_ = (v.replace(second=0, microsecond=0) for v in (given, kept_))
            if given != kept_:
                self.add_error(
                    name,
                    gettext(
                        "The display period of this notice has ended and its personal data "
                        "has been removed: the period cannot be changed any more."
                    ),
                )

    def _refuse_leaks(self, cleaned: dict) -> None:
        """Refuse to publish a personal value typed again where it would stay public."""
        values = redaction.personal_values(
            {name: cleaned.get(name) for name in (*redaction.PERSONAL_FIELDS, "body")}
        )
        found: dict[tuple[str, str], list[str]] = {}
        for leak in kept.leaks(values, self._kept_texts(cleaned)):
            found.setdefault((leak.field, leak.label), []).append(leak.value)
        for (field, label), named in found.items():
            # One message per place, naming every value found there.
            message = gettext(
                "%(field)s contains “%(value)s”, personal data of this notice: it would "
                "stay public after the display period. Remove it here, or (in the body) "
                "mark it with the “Personal data” button."
            ) % {"field": label, "value": "”, “".join(named)}
            self.add_error(field if field in self.fields else None, message)

    def _kept_texts(self, cleaned: dict) -> dict[str, tuple[str, str]]:
        """What stays public after the period: field name -> (label, text)."""
        model = self._meta.model
        texts = {
            name: (str(model._meta.get_field(name).verbose_name), str(cleaned.get(name) or ""))
            for name in kept.kept_fields(model)
            if name in self.fields
        }
        body = str(cleaned.get("body") or "")
        # As stored (link addresses) and as read (a name split by bold or a link).
        outside = without_marked(body)
        texts["body"] = (
            str(model._meta.get_field("body").verbose_name),
            f"{outside}\n{html_text(outside)}",
        )
        formset = self.formsets.get("attachments")
        if formset is not None and formset.is_valid():
            for number, form in enumerate(formset.forms, start=1):
                data = form.cleaned_data
                if not data or data.get("DELETE"):
                    continue
                document = data.get("redacted_document") if data.get("personal") else None
                document = document or (None if data.get("personal") else data.get("document"))
                if document is None:
                    continue  # a personal attachment without a redacted version goes whole
                label = gettext("Attachment %(number)s (title, file name or contents)") % {
                    "number": number
                }
                texts[f"attachment-{number}"] = (label, document_text(document))
        # The other language versions keep their titles and leads too.
        if self.instance.pk:
            for other in self.instance.get_translations().specific():
                language = other.locale.get_display_name()
                for name in kept.kept_fields(model):
                    label = model._meta.get_field(name).verbose_name
                    texts[f"{other.pk}-{name}"] = (
                        f"{label} ({language})",
                        str(getattr(other, name, "") or ""),
                    )
                texts[f"{other.pk}-body"] = (
                    f"{model._meta.get_field('body').verbose_name} ({language})",
                    without_marked(str(getattr(other, "body", "") or "")),
                )
        return texts
