"""The notice edit form: the personal-data scanner runs on every save.

A valid personal identity code blocks saving outright, so it never reaches a revision.
Unmarked phone numbers, e-mail addresses and property identifiers warn: publishing (or
submitting for moderation) needs the officer to confirm them, each time, since the
confirmation is part of the form and never stored.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from search.documents import html_text

from . import richtext, scanner

PUBLISHING_ACTIONS = ("action-publish", "action-submit")


def notice_findings(data: dict[str, str], body: str) -> list[scanner.Finding]:
    """Findings in a notice's fields (name -> text) and its rich-text body."""
    personal = [data.get(name, "") for name in ("persons_concerned", "contact_name")]
    personal += [data.get(name, "") for name in ("contact_phone", "contact_email")]
    fields = {**data, "body": html_text(body)}
    return scanner.scan(fields, marked=[*richtext.marked_texts(body), *personal])


class NoticeForm(WagtailAdminPageForm):
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
        for finding in findings:
            field = finding.field if finding.field in self.fields else None
            label = fields[finding.field].verbose_name
            if finding.blocks:
                self.add_error(
                    field,
                    gettext(
                        "%(field)s contains a personal identity code. A notice may not show "
                        "one: remove it."
                    )
                    % {"field": label},
                )
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
        return cleaned
