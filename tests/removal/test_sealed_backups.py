"""Backups seal each notice's personal data under the notice's own key, and its removal
destroys the key: a backup made while the notice was on view holds nothing of it that
anyone can read afterwards, and a restore of it gives nothing back (the restore itself
runs as processes: ``tests/processes/test_notices.py``, ``test_backup_postgres.py``)."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine

from cms.core.personal_data import Held
from cms.deploy import vaults
from cms.deploy.dumps import BackupError
from cms.deploy.sealing import Sealer, unseal
from cms.notices.models import NoticeAttachment
from cms.removal import keys, receipts
from cms.removal.reconciler import reconcile_due
from tests.factories import NoticePageFactory
from tests.notices.removal_kit import END, SECOND, START, notices_section, published_notice

NAME = "Matti Meikäläinen"
EMAIL = "matti.meikalainen@kaislahti.example"
OWNER = ("notice", 7)

# Every form a store writes a value in: each is sealed whole and comes back exactly.
FORMS = {
    "plain": f"Hakija {NAME} sai luvan.",
    "json": json.dumps({"persons_concerned": f"{NAME}, Kuusitie 7"}),
    "postgres copy of json": json.dumps({"p": NAME}).replace("\\", "\\\\"),
    "tags inside": "Hakija <span>Matti <b>Meikäläinen</b></span>.",
    "entities": "Matti Meik&auml;l&auml;inen",
    "upper case": "MATTI MEIKÄLÄINEN",
    "folded": "matti meikalainen",
    "slug": "kuulutus-matti-meikalainen-12",
    "escaped line break": json.dumps(f"Matti\n{NAME.split()[1]}"),
    "percent-encoded e-mail": "mailto:matti.meikalainen%40kaislahti.example",
    "form state": "persons=Matti+Meik%C3%A4l%C3%A4inen&x=1",
    # Forms a reader sees as the same name: decomposed letters (macOS file names), a soft
    # hyphen or a zero-width space inside a word, an e-mail in capitals.
    "decomposed": "Hakija Matti Meika\u0308la\u0308inen.",
    "soft hyphen": "Hakija Matti Meikä\u00adläinen.",
    "zero-width space": "Hakija Mat\u200bti Meikäläinen.",
    "e-mail in capitals": "MATTI.MEIKALAINEN@KAISLAHTI.EXAMPLE",
    # A file name as Wagtail stores an upload's.
    "file name": "original_images/Matti_Meikalainen.2e16d0ba.fill-800x450.jpg",
}
# Texts that hold no value: left as they are.
UNTOUCHED = [
    "Matti Virtanen",
    "Meikäläinen",  # one word of a two-word value
    "Mattimeikäläinen",
    "",
]


def sealer() -> Sealer:
    return Sealer({OWNER: Held([NAME, EMAIL], ends_at=START)})


@pytest.mark.parametrize("form", FORMS)
def test_every_form_of_a_value_is_sealed_and_comes_back_exactly(form):
    made = sealer()
    text = FORMS[form]
    sealed = made.seal(text)
    assert not {"matti", "meikalainen"} & set(receipts.words(sealed)), sealed
    assert made.left(sealed) == set(), "the proof reads nothing of it"
    assert sealed.isascii() or not text.isascii()
    spans = made.spans[OWNER]
    assert unseal(sealed, made.pattern, spans) == text
    # Its key destroyed: the value is gone, nothing in its place.
    gone = unseal(sealed, made.pattern, {})
    assert "meikalainen" not in receipts.words(gone)


@pytest.mark.parametrize("text", UNTOUCHED)
def test_text_without_a_value_is_left_as_it_is(text):
    assert sealer().seal(text) == text


def test_a_token_typed_before_the_backup_asks_for_nothing():
    # An editor who saw a token in an old backup writes one into a page: the next backup's
    # tokens carry a number of their own.
    earlier = sealer()
    typed = earlier.seal(NAME)
    later = sealer()
    assert later.seal(typed) == typed
    assert unseal(typed, later.pattern, later.spans[OWNER]) == typed


def test_a_shared_value_is_sealed_in_the_vault_of_every_item_that_holds_it():
    """A notice and its translation (or two notices with one contact person): the value
    comes back while either key exists, whichever of them went first."""
    later = ("notice", 8)
    made = Sealer(
        {OWNER: Held([NAME], ends_at=START), later: Held([NAME], ends_at=START + timedelta(1))}
    )
    sealed = made.seal(f"Hakija {NAME}")
    assert made.spans[later] == made.spans[OWNER] != {}
    assert unseal(sealed, made.pattern, made.spans[OWNER]) == f"Hakija {NAME}"


@pytest.mark.slow
def test_a_notice_is_sealed_under_its_own_key_and_its_removal_destroys_the_key(
    city_content, tmp_path
):
    token = "Sinetti"
    with time_machine.travel(START, tick=False):
        notice = published_notice(token)
        # Its translation shows the same personal attachment.
        twin = NoticePageFactory(parent=notices_section(), slug="kaksonen")
        shared = notice.attachments.get().document
        NoticeAttachment.objects.create(page=twin, document=shared, personal=True)
    items = vaults.held()
    owner = ("notice", notice.pk)
    assert len(items[owner].files) == 1, "its personal attachment"
    assert items[("notice", twin.pk)].files == items[owner].files, "sealed in both vaults"
    made = Sealer(items)
    sealed = made.seal(notice.persons_concerned)
    assert token.lower() not in sealed.lower()
    members = vaults.write(tmp_path / "scratch", made, items)
    for name, path in members.items():
        assert token.lower().encode() not in path.read_bytes().lower(), name
    manifest = {"sealed": {"nonce": made.nonce, "items": vaults.item_names(items, members)}}
    assert f"notice-{notice.pk}" in manifest["sealed"]["items"]
    assert keys.exists(*owner)

    opened = vaults.open_all(_unpacked(tmp_path / "one", members), manifest)
    assert owner not in opened.gone
    attachment = tmp_path / "one" / "media" / items[owner].files[0].name
    assert f"Asianosainen {token}" in next(attachment.parent.rglob(attachment.name)).read_text()
    assert opened.unseal(sealed) == notice.persons_concerned
    # A vault its existing key does not open is a damaged archive: nothing is restored (it
    # would come back without the data of a notice on view), and so is a vault's odd name.
    damaged = _unpacked(tmp_path / "damaged", members)
    (damaged / "vault" / f"notice-{notice.pk}.json").write_bytes(b"garbage")
    with pytest.raises(BackupError, match="does not open with its key"):
        vaults.open_all(damaged, manifest)
    odd = {"sealed": {**manifest["sealed"], "items": ["../../../tmp/x-1"]}}
    with pytest.raises(BackupError, match="never does"):
        vaults.open_all(damaged, odd)

    with time_machine.travel(END + SECOND, tick=False):
        [outcome] = [o for o in reconcile_due() if o.item == notice.pk]
    assert outcome.receipt["backup_key_destroyed"] is True
    assert not keys.exists(*owner)
    opened = vaults.open_all(_unpacked(tmp_path / "two", members), manifest)
    assert owner in opened.gone
    assert token.lower() not in opened.unseal(sealed).lower()
    # The translation, still on view, keeps the attachment they share; once it goes too,
    # nothing of it comes back.
    assert list((tmp_path / "two" / "media").rglob(f"*{token.lower()}*"))
    keys.destroy("notice", twin.pk)
    opened = vaults.open_all(_unpacked(tmp_path / "three", members), manifest)
    assert not list((tmp_path / "three" / "media").rglob(f"*{token.lower()}*"))


def _unpacked(folder: Path, members: dict[str, Path]) -> Path:
    """The vault members as a restore finds them, unpacked under ``folder``."""
    for name, path in members.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, folder / name)
    return folder


def test_data_a_removal_took_away_is_named_when_the_database_still_shows_it():
    """Never sealed (no key may bring it back), but the backup says it holds it."""
    from cms.removal.scans import Needles

    removed = Needles({("notice", 9): receipts.needles(["Tauno Pöyhönen"])})
    made = Sealer({OWNER: Held([NAME], ends_at=START)}, removed=removed)
    text = "Palkinnon sai Tauno Pöyhönen."
    assert made.seal(text) == text
    assert made.left(text) == {("notice", 9)}
    assert made.left("Palkinnon sai Tauno.") == set()


def test_a_media_files_name_is_sealed_in_the_archive_and_named_back_by_its_key():
    """An image uploaded as "Matti_Meikalainen.jpg": the archive's member name holds a
    token; a restore names the file back while the key exists, and without it the name
    holds nothing of the person."""
    from cms.deploy import media_files

    made = sealer()
    name = media_files.sealed_name("media/original_images/Matti_Meikalainen.jpg", made)
    assert "meikalainen" not in name.lower() and name.startswith("media/original_images/")
    assert unseal(name, made.pattern, made.spans[OWNER]).endswith("Matti_Meikalainen.jpg")
    assert "meikalainen" not in unseal(name, made.pattern, {}).lower()
