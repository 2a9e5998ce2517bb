"""A test app of a site part and a subscriber to sites going live, plugged in through the
publisher's hooks as any app would (``wagtail_hooks.py``), with no change to the publisher.
Installed by ``tests/partapp/settings.py`` (a real worker's settings) and registered for
a while by in-process tests (``hooks.register_temporarily``)."""
