"""Notices, the first kind of personal data with a legal lifetime (``cms.core.personal_data``).

A notice's personal data (its persons, contact, marked spans and personal attachments) goes
when its display period ends. Its own part of a removal lives here and not in the notices
app, because it reaches past its own rows into the publisher's and the admin's: other
pages linking its attachments, the old addresses and redirects that name the person, the
history of other pages that named them, and the tasks at each notice's moments. The notices
app (a content app) may import neither the publisher nor search; this package, in the
removal's layer above them, may. It registers itself as any app would (``wagtail_hooks``).
"""
