"""Demo notices of the city site: a notices section (fi, sv) with a decision notice on
view now and a building-permit notice whose display period has already ended, which the
first reconciler run (the scheduler's) removes the personal data of."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.models import Page

from cms.core.permissions import notices_collection
from cms.notices.models import NoticeAttachment, NoticeIndexPage, NoticePage, NoticeType

SECTION = {
    "fi": ("Kuulutukset", "kuulutukset", "Kaupungin viralliset kuulutukset ja ilmoitukset."),
    "sv": ("Kungörelser", "kungorelser", "Stadens officiella kungörelser och meddelanden."),
}
NOTICES = [
    {
        "slug": "poikkeamispaatos-rantakatu-5",
        "days_ago": 2,
        "type": NoticeType.DECISION,
        "title": {
            "fi": "Poikkeamispäätös, Rantakatu 5",
            "sv": "Beslut om undantag, Strandgatan 5",
        },
        "lead": {
            "fi": "Rakennuslautakunta on myöntänyt poikkeamisen asemakaavasta.",
            "sv": "Byggnadsnämnden har beviljat undantag från detaljplanen.",
        },
        "applicant": "Matti Meikäläinen",
    },
    {
        "slug": "rakennuslupa-kuusitie-3",
        "days_ago": 30,
        "type": NoticeType.BUILDING_PERMIT,
        "title": {
            "fi": "Rakennuslupahakemus, Kuusitie 3",
            "sv": "Ansökan om bygglov, Granvägen 3",
        },
        "lead": {
            "fi": "Naapureiden kuuleminen rakennuslupahakemuksesta.",
            "sv": "Hörande av grannar om en ansökan om bygglov.",
        },
        "applicant": "Maija Virtanen",
    },
]
BODY = {
    "fi": '<p>Hakija: <span class="personal-data">{name}</span>. Päätös on nähtävillä '
    "kaupungintalon asiakaspalvelussa.</p>",
    "sv": '<p>Sökande: <span class="personal-data">{name}</span>. Beslutet finns framlagt '
    "i stadshusets kundtjänst.</p>",
}
APPEAL = {
    "fi": "Päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen 14 päivän kuluessa "
    "tiedoksisaannista.",
    "sv": "Den som är missnöjd med beslutet kan framställa en skriftlig begäran om omprövning "
    "inom 14 dagar från delfåendet.",
}


def _publish(page: Page, user) -> None:
    page.save_revision(user=user, log_action=True).publish(user=user)


def _attachment(spec: dict) -> Document:
    title = f"{spec['slug']}-asemapiirros"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, collection=notices_collection())
        text = f"Asemapiirros. Hakija {spec['applicant']}.\n".encode()
        document.file.save(f"{spec['slug']}.txt", ContentFile(text), save=False)
        document.save()
    return document


def notices_load(home: Page, locales: dict, user) -> int:
    """Create the section and the notices, if missing. Returns how many pages it made."""
    created = 0
    section = NoticeIndexPage.objects.child_of(home).first()
    if section is None:
        title, slug, lead = SECTION["fi"]
        section = NoticeIndexPage(title=title, slug=slug, lead=lead, owner=user)
        home.add_child(instance=section)
        _publish(section, user)
        created += 1
    sv_home = home.get_translation_or_none(locales["sv"])
    if sv_home is not None and section.get_translation_or_none(locales["sv"]) is None:
        translation = section.copy_for_translation(locales["sv"])
        translation.title, translation.slug, translation.lead = SECTION["sv"]
        translation.save()
        _publish(translation, user)
        created += 1
    for spec in NOTICES:
        page = NoticePage.objects.child_of(section).filter(slug=spec["slug"]).first()
        if page is not None:
            continue
        start = timezone.now().replace(microsecond=0) - timedelta(days=spec["days_ago"])
        page = NoticePage(
            title=spec["title"]["fi"],
            slug=spec["slug"],
            lead=spec["lead"]["fi"],
            notice_type=spec["type"],
            legal_basis="Maankäyttö- ja rakennuslaki 173 §",
            issuing_body="Rakennuslautakunta",
            record_number=f"{4000 + spec['days_ago']}/10.03.00.01/2026",
            display_from=start,
            appeal_days=14,
            place_on_view="Kaupungintalo, Rantakatu 1",
            appeal_information=APPEAL["fi"],
            body=BODY["fi"].format(name=spec["applicant"]),
            persons_concerned=spec["applicant"],
            contact_name="Liisa Lakimies",
            contact_phone="+358 29 123 4190",
            contact_email="liisa.lakimies@kaislahti.example",
            owner=user,
        )
        section.add_child(instance=page)
        NoticeAttachment.objects.create(page=page, document=_attachment(spec), personal=True)
        _publish(page, user)
        created += 1
        sv_section = section.get_translation_or_none(locales["sv"])
        if sv_section is not None:
            translation = page.copy_for_translation(locales["sv"])
            translation.title = spec["title"]["sv"]
            translation.lead = spec["lead"]["sv"]
            translation.body = BODY["sv"].format(name=spec["applicant"])
            translation.appeal_information = APPEAL["sv"]
            translation.save()
            _publish(translation, user)
            created += 1
    return created
