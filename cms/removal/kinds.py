"""The kinds of personal data the apps registered (``cms.core.personal_data``), by name."""

from __future__ import annotations

from wagtail import hooks

from cms.core.personal_data import PERSONAL_DATA_HOOK, PersonalData


def kinds() -> list[PersonalData]:
    """Every registered kind, in the order the apps registered them."""
    found = [make() for make in hooks.get_hooks(PERSONAL_DATA_HOOK)]
    names = [kind.name for kind in found]
    duplicated = {name for name in names if names.count(name) > 1 or not name}
    if duplicated:
        raise LookupError(f"kinds of personal data without a unique name: {sorted(duplicated)}")
    return found


def kind(name: str) -> PersonalData:
    for found in kinds():
        if found.name == name:
            return found
    raise LookupError(f"no kind of personal data is registered as {name!r}")


def described(name: str, item: int) -> str:
    """The item as people are told about it ("notice 12"), in the active language."""
    try:
        return kind(name).describe(item)
    except LookupError:  # a kind no app registers any more: still named
        return f"{name} {item}"
