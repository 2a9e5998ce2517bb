"""Django's own admin (``/django-admin/``) for superusers only: it edits any row of any
table, while editors, even staff, work in Wagtail's admin, where permissions are per site
and section. Installed the way Django documents for a custom admin site (an ``AdminConfig``
whose ``default_site`` is ours, in ``INSTALLED_APPS`` instead of ``django.contrib.admin``)."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.db.models.base import ModelBase

# The second factor's keys and recovery codes: secrets of their users, not rows for a
# superuser to read (a lost phone is reset with ``manage.py two_factor_reset``).
HIDDEN = frozenset({"otp_totp.totpdevice", "otp_static.staticdevice", "otp_static.statictoken"})


class SuperusersAdminSite(AdminSite):
    def has_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def register(self, model_or_iterable, admin_class=None, **options) -> None:
        models = (
            [model_or_iterable] if isinstance(model_or_iterable, ModelBase) else model_or_iterable
        )
        kept = [model for model in models if model._meta.label_lower not in HIDDEN]
        if kept:
            super().register(kept, admin_class, **options)


class SuperusersAdminConfig(AdminConfig):
    default_site = "cms.core.admin_site.SuperusersAdminSite"
