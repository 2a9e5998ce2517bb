"""The notice editor's account of its personal data's removal, for the legal officer:
the policy in words (chosen by the notice type), the deadline, where the removal stands,
and after it what the receipt says was removed and that every store was verified. The
state comes from the removal app through ``STATUS_HOOK`` (this app is below it)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import Panel

from cms.core.personal_data import STATUS_HOOK

from .policies import KEEP_REDACTED, policy_for

POLICY_WORDS = {
    KEEP_REDACTED: _(
        "When the display period ends, the notice stays in the archive without its personal "
        "data: the persons concerned, the contact details, the text marked as personal data "
        "and the personal attachments (a redacted version replaces one where given) are "
        "removed from the site, the search and the history."
    ),
}
REMOVED_WHOLE = _(
    "When the display period ends, the notice is removed from the sites with all its "
    "personal data, from the search and the history too."
)


class RemovalPanel(Panel):
    """Read-only: nothing here is edited."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "notices/removal_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            policy = policy_for(page.notice_type) if page.notice_type else None
            context["policy"] = POLICY_WORDS.get(policy, REMOVED_WHOLE) if policy else ""
            context["deadline"] = page.ends_at
            found = (
                [ask("notice", page.pk, page.ends_at) for ask in hooks.get_hooks(STATUS_HOOK)]
                if page.pk
                else []
            )
            context["status"] = found[0] if found else None
            return context
