"""Press releases go through "Review by communications"; other news is published directly.

Driven through the real admin views, as an editor would use them."""

import pytest

from django.urls import reverse
from django.utils import translation

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.news.models import NewsArticlePage, PressReleasePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(synced_sites):
    home = synced_sites["city"].site.root_page.specific
    press = factories.PressReleaseIndexPageFactory(parent=home, slug="tiedotteet")
    news = factories.NewsIndexPageFactory(parent=home, slug="uutiset")
    editor = factories.UserFactory(
        username="city-editor", groups=[synced_sites["city"].editors_group]
    )
    from django.contrib.auth.models import Group

    comms = factories.UserFactory(
        username="comms", groups=[Group.objects.get(name="Communications")]
    )
    return press, news, editor, comms


def article_form(action: str, **overrides) -> dict:
    values = {
        "title": "Uusi päiväkoti avataan",
        "slug": "uusi-paivakoti",
        "lead": "Päiväkoti avautuu tammikuussa.",
        "resident_headline": "Uusi päiväkoti Rantalaan",
        "media_headline": "Rantalan päiväkoti valmistuu",
        "date": "2026-11-23 10:00",
        "body": streamfield([("paragraph", rich_text("Paikkoja on 120."))]),
        "contacts": streamfield(
            [
                (
                    "contact",
                    {
                        "name": "Liisa Korhonen",
                        "job_title": "",
                        "organisation": "",
                        "phone": "+358 29 123 4010",
                        "email": "",
                        "address": "",
                    },
                )
            ]
        ),
        "comments": inline_formset([]),
        action: action,
    }
    values.update(overrides)
    return nested_form_data(values)


def create_url(model, parent) -> str:
    meta = model._meta
    return reverse("wagtailadmin_pages:add", args=(meta.app_label, meta.model_name, parent.pk))


def test_editor_cannot_publish_a_press_release_directly_and_keeps_the_draft(client, setup):
    press, _news, editor, _comms = setup
    client.force_login(editor)
    response = client.post(create_url(PressReleasePage, press), article_form("action-publish"))
    assert response.status_code == 302
    page = PressReleasePage.objects.get(slug="uusi-paivakoti")
    assert not page.live, "the publish was refused"
    assert page.get_latest_revision().content["lead"] == "Päiväkoti avautuu tammikuussa."

    # The edit view offers no publish button, and a forged publish is refused too.
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert b'name="action-publish"' not in client.get(edit).content
    client.post(edit, article_form("action-publish", lead="Muokattu johdanto."))
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().content["lead"] == "Muokattu johdanto."


def test_submitted_press_release_is_published_when_communications_approves(client, setup):
    press, _news, editor, comms = setup
    client.force_login(editor)
    client.post(create_url(PressReleasePage, press), article_form("action-submit"))
    page = PressReleasePage.objects.get(slug="uusi-paivakoti")
    state = page.current_workflow_state
    assert state is not None and state.workflow.name == "Review by communications"
    assert not page.live

    task_state = state.current_task_state
    assert not task_state.task.specific.user_can_access_editor(page, editor)
    task_state.task.specific.on_action(task_state, comms, "approve")
    page.refresh_from_db()
    assert page.live


def test_communications_publishes_press_releases_directly(client, setup):
    press, _news, _editor, comms = setup
    client.force_login(comms)
    client.post(create_url(PressReleasePage, press), article_form("action-publish"))
    assert PressReleasePage.objects.get(slug="uusi-paivakoti").live


def test_editor_publishes_ordinary_news_directly(client, setup):
    _press, news, editor, _comms = setup
    client.force_login(editor)
    client.post(create_url(NewsArticlePage, news), article_form("action-publish"))
    assert NewsArticlePage.objects.get(slug="uusi-paivakoti").live


def test_invalid_press_release_is_refused_with_errors_and_nothing_is_lost(client, setup):
    press, _news, editor, _comms = setup
    client.force_login(editor)
    count = Page.objects.count()
    response = client.post(
        create_url(PressReleasePage, press), article_form("action-submit", media_headline="")
    )
    assert response.status_code == 200, "the form comes back with the editor's input"
    # The admin speaks the default language, Finnish, unless the editor chose another.
    with translation.override("fi"):
        message = translation.gettext("A press release needs a media headline.")
    assert message != "A press release needs a media headline."
    assert message in response.content.decode()
    assert "Päiväkoti avautuu tammikuussa." in response.content.decode()
    assert Page.objects.count() == count
