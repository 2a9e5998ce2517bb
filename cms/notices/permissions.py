"""Only legal officers (and superusers) may touch the notices section.

City editors' rights on their site's home page would otherwise reach the notices section
below it. Wagtail's edit, create, publish, move, copy, delete and bulk views all ask the
page's permission tester, so emptying its permissions for everyone else closes every path.
"""

from __future__ import annotations

from wagtail.models import PagePermissionTester

from cms.core.permissions import LEGAL_OFFICERS


def is_legal_officer(user) -> bool:
    if not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=LEGAL_OFFICERS).exists()


class NoticePermissionTester(PagePermissionTester):
    def __init__(self, user, page) -> None:
        super().__init__(user, page)
        if not user.is_superuser and not is_legal_officer(user):
            self.permissions = set()
