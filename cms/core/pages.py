"""The abstract base every city page type inherits: lead text, search fields, headless serving."""

from __future__ import annotations

from django.db import models
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, Site
from wagtail.search import index

from . import visibility
from .api_fields import KindAPIFields
from .control_chars import refuse_controls
from .forms import CityCopyForm, CityPageForm
from .identity_check import refuse_codes

# How a page is shown as the static site would show it: ``fn(page)`` gives its HTML. The
# publisher registers it (``publisher/wagtail_hooks.py``), as pages are its input and must
# not import it; the last registered wins.
PREVIEW_HOOK = "page_preview_html"


class CityPage(Page):
    """Common fields and behaviour. Wagtail never renders the public sites (they are static),
    so serving a page redirects to its address on the static site."""

    lead = models.TextField(
        _("lead"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown under the title and in listings."),
    )

    search_fields = [*Page.search_fields, index.SearchField("lead")]
    # The kind's, as every read API names them (``api_fields.py``).
    api_fields = KindAPIFields()
    content_panels = [*Page.content_panels, FieldPanel("lead")]
    base_form_class = CityPageForm
    copy_form_class = CityCopyForm

    class Meta:
        abstract = True

    def get_admin_display_title(self):
        # Another site's editor sees a live page's live title, not its draft's, and nothing
        # of a page that is not live (a chooser block saved with its id by hand).
        if not visibility.draft_title_shown(self):
            return self.title if self.live else gettext(visibility.NOT_SHOWN)
        return super().get_admin_display_title()

    def clean(self):
        super().clean()
        # A line break in a title reaches calendars, feeds and headers (control_chars.py).
        refuse_controls(self)
        # No personal identity code in any text of any page type (identity_check.py).
        refuse_codes(self)

    def serve_preview(self, request, mode_name):
        # The same export and theme as the static site: preview equals the published page.
        render = hooks.get_hooks(PREVIEW_HOOK)[-1]
        response = HttpResponse(render(self))
        # Its cards show other sites' images from those sites' own addresses (the admin's
        # policy allows images from the CMS alone: django-csp reads this update).
        response._csp_update = {"img-src": sorted({site.root_url for site in Site.objects.all()})}
        return response

    def serve(self, request, *args, **kwargs):
        url = self.get_full_url(request)
        if not url or url.split("/")[2] == request.get_host():
            raise Http404(_("Published pages are served by the static sites."))
        return HttpResponseRedirect(url)
