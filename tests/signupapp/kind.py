"""The sign-ups as a kind of personal data: due when they expire; the database step deletes
the row and hands back its values and its consent file."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from cms.core.personal_data import PersonalData, Redacted

from .models import SignUp

# An item whose database step fails, as a bug or a locked table would make it.
BROKEN: set[int] = set()


class SignUps(PersonalData):
    name = "signup"

    def describe(self, item: int) -> str:
        return f"sign-up {item}"

    def due(self, now: datetime, *, removed: Iterable[int]) -> set[int]:
        expired = SignUp.objects.filter(expires_at__lte=now).values_list("pk", flat=True)
        restored = SignUp.objects.filter(pk__in=list(removed)).values_list("pk", flat=True)
        return set(expired) | set(restored)

    def redact(self, item: int, *, now: datetime, deleting: bool, earlier: dict | None) -> Redacted:
        if item in BROKEN:
            raise RuntimeError("the sign-ups' table is locked")
        signup = SignUp.objects.select_for_update().get(pk=item)
        done = Redacted(
            values=[v for v in (signup.email, signup.name) if v],
            ends_at=min(signup.expires_at, now),
            files=[signup.consent_file] if signup.consent_file else [],
            counts={"signups": 1},
        )
        signup.delete()
        return done

    def tables(self, item: int) -> dict[str, str]:
        return {"signupapp_signup": f"id = {int(item)}"}
