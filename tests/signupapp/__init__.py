"""A test app with a second kind of personal data: newsletter sign-ups, each an e-mail
address and a name kept for a year, with a consent file. It registers its kind as any
app would, and nothing in ``cms/removal`` names it (tests/removal/test_second_kind.py)."""
