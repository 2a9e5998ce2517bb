"""Django's own admin (``/django-admin/``) for superusers only: it edits any row of any
table, while editors, even staff, work in Wagtail's admin, where permissions are per site
and section. Installed the way Django documents for a custom admin site (an ``AdminConfig``
whose ``default_site`` is ours, in ``INSTALLED_APPS`` instead of ``django.contrib.admin``)."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig


class SuperusersAdminSite(AdminSite):
    def has_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser


class SuperusersAdminConfig(AdminConfig):
    default_site = "cms.core.admin_site.SuperusersAdminSite"
