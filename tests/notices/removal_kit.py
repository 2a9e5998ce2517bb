"""What the removal tests share: a notices section on the demo city site, a published notice
with a token in every personal field, span and attachment, its page as published, and the
independent reader's hits (``raw_reader.py``). The moments are fixed: a display period
across a DST change and a public holiday."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from cms.core.models import SiteProfile
from cms.notices.models import (
    NoticeAttachment,
    NoticeIndexPage,
    NoticePage,
)
from publisher.release import folders as release
from records import HELSINKI
from tests.factories import (
    DocumentFactory,
    NoticeIndexPageFactory,
    NoticePageFactory,
)
from tests.notices import raw_reader

# Monday 15 March 2027, 10.00 in Helsinki. 14 days on view: Monday 29 March is Easter
# Monday, so the period ends at the end of Tuesday 30 March, in summer time (DST began on
# the 28th): 31 March 00.00 +03:00.
START = datetime(2027, 3, 15, 10, 0, tzinfo=HELSINKI)
END = datetime(2027, 3, 31, 0, 0, tzinfo=HELSINKI)
SECOND = timedelta(seconds=1)


def notices_section() -> NoticeIndexPage:
    home = SiteProfile.objects.get(key="city").site.root_page
    section = NoticeIndexPage.objects.child_of(home).first()
    if section is None:
        section = NoticeIndexPageFactory(parent=home)
        section.save_revision().publish()
    return section


def publish_page(page) -> None:
    page.save_revision().publish()


def live_html(path: str) -> str:
    return (release.current("city") / path.lstrip("/") / "index.html").read_text()


def notice_html(notice: NoticePage) -> str:
    return live_html(f"/kuulutukset/{notice.slug}/")


def published_notice(token: str, **fields) -> NoticePage:
    """A published notice with ``token`` in every personal field, span and attachment,
    on view for the default 14 days (no appeal period that would extend it)."""
    fields.setdefault("appeal_days", None)
    attachment = DocumentFactory(
        title=f"Naapurikuuleminen {token}",
        file__filename=f"kuuleminen-{token.lower()}.txt",
        file__data=f"Asianosainen {token} Kuusitie 5".encode(),
    )
    page = NoticePageFactory(
        parent=notices_section(),
        # Not the token: the address, like the title, is kept.
        slug=fields.pop("slug", f"kuulutus-{sum(map(ord, token))}"),
        body=fields.pop(
            "body",
            f'<p>Hakija <span class="personal-data">{token} Hakija</span> on saanut luvan.</p>',
        ),
        persons_concerned=f"{token} Naapuri\nRantakatu 7 {token}",
        contact_name=fields.pop("contact_name", f"{token} Yhteyshenkilö"),
        contact_phone="040 765 4321",
        contact_email=f"{token.lower()}@kaislahti.example",
        **fields,
    )
    NoticeAttachment.objects.create(page=page, document=attachment, personal=True)
    publish_page(NoticePage.objects.get(pk=page.pk))
    return NoticePage.objects.get(pk=page.pk)


def raw_hits(tokens: list[str]) -> dict[str, set[str]]:
    """Where each token still is, found by a reader that shares no code with the product
    (``raw_reader.py``): every column of every table, every file under media and output
    and its name, decoded as a reader would."""
    from django.conf import settings

    return raw_reader.hits(tokens, Path(settings.MEDIA_ROOT), Path(settings.OUTPUT_DIR))
