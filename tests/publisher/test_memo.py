"""The worker's listing memo reuses a page made from the very same records, and forgets the
pages a site no longer has."""

from publisher import context
from publisher.files import digest
from publisher.render import memo


def test_a_listing_page_is_reused_only_for_the_same_records_and_forgotten_when_gone():
    context.renew()
    first, second = {"id": 1}, {"id": 2}
    memo.remember("city", "uutiset/index.html", ("k",), [first, second], b"<html>1</html>")
    memo.remember("city", "uutiset/sivu/2/index.html", ("k",), [second], b"<html>2</html>")
    memo.remember("events", "uutiset/sivu/2/index.html", ("k",), [second], b"<html>3</html>")
    page = memo.recall("city", "uutiset/index.html", ("k",), [first, second])
    assert bytes(page) == b"<html>1</html>"
    assert page.digest == digest(b"<html>1</html>")  # the build takes it from here
    # An equal record that is another object may have been re-exported: not reused.
    assert memo.recall("city", "uutiset/index.html", ("k",), [first, {"id": 2}]) is None
    assert memo.recall("city", "uutiset/index.html", ("other",), [first, second]) is None

    memo.keep("city", {"uutiset/index.html"})
    assert memo.recall("city", "uutiset/sivu/2/index.html", ("k",), [second]) is None
    assert memo.recall("city", "uutiset/index.html", ("k",), [first, second]) is not None
    assert memo.recall("events", "uutiset/sivu/2/index.html", ("k",), [second]) is not None
    context.renew()


def test_json_fragments_are_made_again_for_a_changed_record_or_translation():
    context.renew()
    made = []

    def make(record):
        made.append(record["id"])
        return str(record["id"])

    records = [{"id": 1, "translations": {"sv": "/sv/a/"}}, {"id": 2}]
    assert memo.fragments("city", "pages", records, make) == [b"1", b"2"]
    assert memo.fragments("city", "pages", records, make) == [b"1", b"2"]
    assert made == [1, 2]
    records[0]["translations"] = {"sv": "/sv/b/"}
    records[1] = {"id": 2}
    memo.fragments("city", "pages", records, make)
    assert made == [1, 2, 1, 2]
    context.renew()


def test_a_file_of_the_same_parts_is_not_joined_again_and_one_that_changed_is():
    context.renew()
    records = [{"id": 1}, {"id": 2}]
    frame = (b",", b"[", b"]")
    parts = memo.fragments("city", "pages", records, lambda r: str(r["id"]))
    first = memo.assembled("city", "pages.json", parts, frame)
    assert bytes(first) == b"[1,2]" and first.digest == digest(b"[1,2]")
    # A record re-exported the same: its part is the old object, the file the last one.
    records[1] = {"id": 2}
    parts = memo.fragments("city", "pages", records, lambda r: str(r["id"]))
    again = memo.assembled("city", "pages.json", parts, frame)
    assert isinstance(again, memo.Assembled) and again.digest == first.digest
    assert bytes(again) == b"[1,2]"
    records[1] = {"id": 2, "title": "x"}
    parts = memo.fragments("city", "pages", records, lambda r: f"{r['id']}{r.get('title', '')}")
    changed = memo.assembled("city", "pages.json", parts, frame)
    assert bytes(changed) == b"[1,2x]" and changed.digest == digest(b"[1,2x]")
    # Another frame (the count in a JSON head) is another file.
    assert bytes(memo.assembled("city", "pages.json", parts, (b",", b"{", b"}"))) == b"{1,2x}"
    context.renew()
