"""A newsletter sign-up: personal data from the public, with a lifetime."""

from django.db import models


class SignUp(models.Model):
    email = models.EmailField()
    name = models.CharField(max_length=200, blank=True)
    topic = models.CharField(max_length=100)
    # Where the sender's consent is kept, under MEDIA_ROOT.
    consent_file = models.CharField(max_length=200, blank=True)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"sign-up {self.pk}"
