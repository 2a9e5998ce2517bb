"""The publisher renders a fixed set of records to exactly the checked-in files, with no
database (``tests/golden``; regenerate with ``python -m tests.golden``)."""

import difflib

from tests.golden import expected, render


def test_fixed_records_render_to_the_checked_in_files():
    made, wanted = render(), expected()
    assert sorted(made) == sorted(wanted), "files made differ from tests/golden/expected"
    for path in sorted(wanted):
        if made[path] != wanted[path]:
            diff = difflib.unified_diff(
                wanted[path].decode("utf-8", "replace").splitlines(),
                made[path].decode("utf-8", "replace").splitlines(),
                f"expected/{path}",
                f"made/{path}",
                lineterm="",
                n=2,
            )
            raise AssertionError("\n".join(list(diff)[:60]))
